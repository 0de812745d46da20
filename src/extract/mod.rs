//! The extract stage: from sentences and tokens to entities and the relations between them.
//!
//! - [`lexicon`]: general world knowledge (countries, organisations, titles, verbs), from RON.
//! - `passes`: the extraction over a corpus as four passes, run in order by [`extract_corpus`]:
//!   sentences and tokens, mentions, aliases (which mentions name the same entity, across the corpus),
//!   relations.
//! - [`mention`]: finds entity mentions in a sentence (lexicon matches, capitalised phrases, acronym
//!   definitions, titles before names).
//! - [`mod@reference`]: "it", "he", "the country", "the group" read as the entity named just before.
//! - [`rules`]: named rules that read relations from the words between and around mentions, one per
//!   file.
//! - [`syntax`]: part-of-speech tags and lemmas (a learned tagger), the base of a syntactic layer; not
//!   yet used by the passes.
//! - [`time`]: the period (in years) a sentence speaks of.
//! - [`corpus_wide`]: what extraction decides over the whole corpus, as evidence gathered per part
//!   of a corpus, combined and decided from: how a sharded build equals the single build.
//! - [`extraction`]: what extraction gives ([`Extraction`]); [`ExtractOptions`]: how it runs.

pub mod corpus_wide;
pub mod extraction;
pub mod lexicon;
pub mod mention;
mod options;
mod passes;
pub mod recase;
pub mod reference;
pub mod rules;
pub mod speaker;
pub mod syntax;
#[cfg(test)]
pub(crate) mod test_lexicon;
pub mod time;

pub use corpus_wide::{CorpusEvidence, CorpusPart, EvidenceError, EvidenceStep};
pub use extraction::{ExtractedEntity, ExtractedRelation, Extraction};
pub use lexicon::{Lexicon, LexiconError};
pub use options::{ExtractOptions, ExtractProgress};
pub use passes::{extract_corpus, extract_part, gather_names, gather_vocabulary};
