//! `SentenceMention`: a resolved mention in a sentence, as the rules see it.

use crate::extract::mention::TitleInfo;
use crate::model::{EntityKind, Span};

/// A resolved mention in a sentence, as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceMention {
    /// The entity (an index into the extraction's entities).
    pub entity: usize,
    pub span: Span,
    /// Token range `[first, last)` in the sentence's tokens.
    pub tokens: (usize, usize),
    /// A title before a person's name; `of_mention` indexes this sentence's mentions.
    pub title: Option<TitleInfo>,
    /// The kind of the entity.
    pub kind: EntityKind,
    /// Countries named inside the mention's own words (entity indices): "China" in "China National
    /// Petroleum Corporation".
    pub contains: Vec<usize>,
    /// Places the document names elsewhere that are named inside the mention's own words (entity
    /// indices): "Bakhmut" leading "the Bakhmut cement plant", "Mosul" after "of" in "the Battle
    /// of Mosul". Only for places and events.
    pub places_inside: Vec<usize>,
    /// A demonym used as an adjective ("Iraqi forces"): the word after it is a noun, not a verb.
    pub adjective: bool,
    /// A capital standing for its government ("Baghdad agreed").
    pub metonymy: bool,
    /// One of the two mentions a pair reference gives ("the two countries", "both governments"),
    /// over the same words: the rules read the two as a list, "A and B".
    pub pair: bool,
}
