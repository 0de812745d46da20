//! A mention as the finder gives it: where it is, where it came from, and what its words say.

use crate::extract::lexicon::SurfaceRole;
use crate::model::{EntityKind, Span};

/// Where a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionSource {
    /// A lexicon entity (index into the lexicon's entities), and how the surface names it.
    Lexicon { entity: usize, role: SurfaceRole },
    /// A capitalised phrase.
    Phrase,
    /// An acronym defined in parentheses after the phrase of mention `defines` (an index into the same
    /// sentence's mentions).
    AcronymDefinition { defines: usize },
}

/// A mention found in a sentence, before alias resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundMention {
    /// Byte span of the surface form in the document.
    pub span: Span,
    /// Token range `[first, last)` in the sentence's tokens (a compound part has its compound's token).
    pub tokens: (usize, usize),
    pub source: MentionSource,
    /// The kind the mention's own words suggest, if any.
    pub kind: Option<EntityKind>,
    /// The title before a person's name ("Prime Minister"), and the token range of the country or
    /// demonym attached to it ("Iraqi"), if any. Boxed: few mentions have one, and a mention is kept
    /// for every name in the corpus until aliases are resolved.
    pub title: Option<Box<TitleInfo>>,
    /// A single word at the very start of the sentence: weak evidence of a name.
    pub sentence_initial: bool,
    /// Countries named inside a phrase, as lexicon entity indices: "China" in "China National Petroleum
    /// Corporation", "Iraq" in "Central Bank of Iraq".
    pub contains: Vec<usize>,
}

/// The title in front of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleInfo {
    /// The title as written, lower-cased: "prime minister".
    pub title: String,
    /// The holder leads what the title is attached to.
    pub leads: bool,
    /// The index (in the sentence's mentions) of the country the title is attached to ("Iraqi").
    pub of_mention: Option<usize>,
}
