//! The extract stage: from sentences and tokens to entities and the relations between them.
//!
//! - [`lexicon`]: general world knowledge (countries, organisations, titles, verbs), from RON.
//! - [`mention`]: finds entity mentions in a sentence (lexicon matches, capitalised phrases, acronym
//!   definitions, titles before names).
//! - [`alias`]: merges mentions into entities (acronyms, surnames, spelling variants).
//! - [`mod@reference`]: "it", "he", "the country", "the group" read as the entity named just before.
//! - [`rules`]: named rules that read relations from the words between and around mentions, one per
//!   file.
//! - [`time`]: the period (in years) a sentence speaks of.
//! - [`extraction`]: runs all of it over a corpus.
//! - [`grouping`]: groups items by a key (mentions by surface, relations into edges); at the crate
//!   root, since the graph stage uses it too.

pub mod alias;
pub mod extraction;
pub use crate::grouping;
pub mod lexicon;
pub mod mention;
pub mod reference;
pub mod rules;
#[cfg(test)]
pub(crate) mod test_lexicon;
pub mod time;

pub use extraction::{
    ExtractOptions, ExtractedEntity, ExtractedRelation, Extraction, extract_corpus,
    extract_corpus_with,
};
pub use lexicon::{Lexicon, LexiconError};
