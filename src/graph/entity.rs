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
    /// How many of its mentions' own words give each kind ("the militia", "President"), by kind:
    /// the vote a single build's kind comes from (when no lexicon entry decides it), kept so that a
    /// merge adds the votes up rather than weighing each part's winner. Empty when no mention gives a
    /// kind, and in files of format version 1.
    #[serde(default)]
    pub kind_votes: Vec<(EntityKind, u32)>,
    /// Every surface form seen, sorted, the canonical name included.
    pub aliases: Vec<String>,
    /// Every mention, sorted by document and position.
    pub mentions: Vec<Mention>,
}

/// Adds `other`'s kind votes to `votes`, both sorted by kind; the sum stays sorted.
pub fn add_kind_votes(votes: &mut Vec<(EntityKind, u32)>, other: &[(EntityKind, u32)]) {
    for &(kind, count) in other {
        match votes.binary_search_by_key(&kind, |(k, _)| *k) {
            Ok(at) => votes[at].1 = votes[at].1.saturating_add(count),
            Err(at) => votes.insert(at, (kind, count)),
        }
    }
}
