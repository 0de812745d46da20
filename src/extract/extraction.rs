//! What extraction gives: the entities found in a corpus, and the relations read between them.

use crate::model::{EntityKind, Period, RelationClass, RuleName, Span};

/// An entity found in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedEntity {
    pub name: String,
    pub kind: EntityKind,
    /// How many of its mentions' own words give each kind, sorted by kind (see
    /// [`crate::graph::Entity::kind_votes`]).
    pub kind_votes: Vec<(EntityKind, u32)>,
    pub aliases: Vec<String>,
    /// (document index, span) of every mention.
    pub mentions: Vec<(usize, Span)>,
}

/// A relation read from one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedRelation {
    pub subject: usize,
    pub object: usize,
    /// Most predicates are fixed words ("co-mentioned with"), kept without a copy.
    pub predicate: std::borrow::Cow<'static, str>,
    pub class: RelationClass,
    pub negated: bool,
    pub hedged: bool,
    pub document: usize,
    pub sentence: Span,
    /// The rule that read it, marked as metonymy when an end was named only by its capital standing
    /// for its government ("Washington imposed").
    pub rule: RuleName,
    /// The period the sentence speaks of, if it names one.
    pub time: Option<Period>,
}

/// Everything extraction found in a corpus: entities, and relations between them by entity index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub entities: Vec<ExtractedEntity>,
    pub relations: Vec<ExtractedRelation>,
    /// Sentences read, over all documents.
    pub sentence_count: usize,
    /// Sentences that name so many entities (or list so many) that the pair caps of
    /// [`super::rules`] left some pairs out.
    pub capped_sentences: usize,
}
