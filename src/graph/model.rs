//! The model: what the graph's nodes, edges and documents hold.

use crate::extract::{EntityKind, Period, RelationClass};
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// A document kept inside the graph, so evidence can be shown without the source files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub name: String,
    /// xxh3-64 of the text, in hex: the same text always gets the same hash.
    pub hash: String,
    pub text: String,
}

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

/// Why a relation is in the graph: the sentence that states it and the rule that read it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub document: u32,
    /// The byte span of the sentence in its document.
    pub span: Span,
    /// The name of the extraction rule that fired.
    pub rule: String,
    /// The period the sentence speaks of ("In 2019", "since 2014"), if it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Period>,
}

/// An edge: the subject (source) acts on the object (target).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// A short normalised verb phrase: "impose sanctions on".
    pub predicate: String,
    pub class: RelationClass,
    /// The text denies the relation ("did not sign").
    pub negated: bool,
    /// The text hedges the relation ("reportedly", "allegedly").
    #[serde(default)]
    pub hedged: bool,
    /// Every sentence that states it, sorted.
    pub evidence: Vec<Evidence>,
}
