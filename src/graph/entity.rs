//! `Entity`, a node of the graph, and `Mention`, where it is named.

use crate::model::{EntityKind, Span};
use serde::{Deserialize, Serialize};

/// Where an entity is mentioned: a document (an index into the graph's documents) and a byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mention {
    pub document: u32,
    pub span: Span,
}

/// A node: one real-world entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name: the fullest form seen, or the lexicon's name.
    pub name: String,
    pub kind: EntityKind,
    /// Every surface form seen, sorted, the canonical name included.
    pub aliases: Vec<String>,
    /// Every mention, sorted by document and position.
    pub mentions: Vec<Mention>,
}
