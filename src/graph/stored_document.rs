//! `StoredDocument`: a document kept inside the graph, so evidence can be shown without the source
//! files.

use serde::{Deserialize, Serialize};

/// A document kept inside the graph, so evidence can be shown without the source files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub name: String,
    /// xxh3-64 of the text, in hex: the same text always gets the same hash.
    pub hash: String,
    pub text: String,
}
