//! `Chunk`: a phrase the chunker found (a noun phrase, a verb group, a prepositional phrase), as a
//! span of token indices with its head.

/// A phrase of a sentence: tokens `start..end`, headed by token `head`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub kind: ChunkKind,
    /// The first token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The head: a noun phrase's last noun, a verb group's main verb, a prepositional phrase's
    /// noun phrase's head.
    pub head: usize,
}

/// What kind of phrase a [`Chunk`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkKind {
    /// "the Iranian foreign minister", "Norway's envoy", "they".
    NounPhrase,
    /// "would not have been signed", "agreed to support", "set up".
    VerbGroup(VerbGroup),
    /// "with the rebels": a preposition (token `preposition`) and the noun phrase after it.
    Prepositional { preposition: usize },
}

/// What a verb group says beside its main verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerbGroup {
    /// "not", "n't" or "never" is in the group.
    pub negated: bool,
    /// A modal ("would", "may") is in the group.
    pub modal: bool,
    /// The main verb is a participle after a form of "be": "was signed", "has been attacked".
    pub passive: bool,
    /// The main verb is a participle with no auxiliary: "led" in "the coalition led by Kenya".
    pub bare_participle: bool,
    /// The group starts with "to": "to sign".
    pub infinitive: bool,
    /// The verb particle after the main verb: "up" in "set up".
    pub particle: Option<usize>,
}

impl Chunk {
    /// The verb group this chunk is, if it is one.
    pub fn verb_group(&self) -> Option<&VerbGroup> {
        match &self.kind {
            ChunkKind::VerbGroup(group) => Some(group),
            _ => None,
        }
    }

    /// Whether the chunk is a noun phrase.
    pub fn is_noun_phrase(&self) -> bool {
        self.kind == ChunkKind::NounPhrase
    }

    /// The preposition of a prepositional phrase.
    pub fn preposition(&self) -> Option<usize> {
        match self.kind {
            ChunkKind::Prepositional { preposition } => Some(preposition),
            _ => None,
        }
    }

    /// Whether token `index` is in the chunk.
    pub fn contains(&self, index: usize) -> bool {
        (self.start..self.end).contains(&index)
    }
}
