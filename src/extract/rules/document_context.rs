//! `DocumentContext`: what the rules know about the document a sentence is in.

/// What the rules know about the document a sentence is in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentContext {
    /// The country the document mentions most (an entity index): "Prime Minister X" with no country
    /// named is taken to lead it.
    pub home_country: Option<usize>,
}
