//! Runs extraction over a corpus. (Placeholder.)

use super::class::RelationClass;
use super::kind::EntityKind;
use super::lexicon::Lexicon;
use crate::text::{Document, Span};

/// An entity found in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedEntity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// (document index, span) of every mention.
    pub mentions: Vec<(usize, Span)>,
}

/// A relation read from one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedRelation {
    pub subject: usize,
    pub object: usize,
    pub predicate: String,
    pub class: RelationClass,
    pub negated: bool,
    pub hedged: bool,
    pub document: usize,
    pub sentence: Span,
    pub rule: &'static str,
}

/// Everything extraction found in a corpus: entities, and relations between them by entity index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub entities: Vec<ExtractedEntity>,
    pub relations: Vec<ExtractedRelation>,
    /// Sentences read, over all documents.
    pub sentence_count: usize,
}

/// Extracts entities and relations from `documents`.
pub fn extract_corpus(documents: &[Document], lexicon: &Lexicon) -> Extraction {
    let _ = (documents, lexicon);
    Extraction::default()
}
