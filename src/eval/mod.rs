//! The eval stage: scores a finished graph against hand-made gold annotations.
//!
//! The definitions of every figure are those of `shared/gold/README.md`: entities, kind accuracy,
//! alias accuracy, pairs, sentences and class agreement, at corpus level, over the gold files whose
//! document the graph was built from. [`Gold`] reads and merges the gold files, [`normalize`] is the
//! one way names and sentences are compared, `NameMatching` pairs graph and gold entities,
//! [`evaluate`] does the scoring, and [`Report`] holds the figures with the counts behind them and
//! draws the table `kg eval` prints; [`DocumentTable`] lays out one row per document.

mod document_table;
mod gold;
mod gold_error;
mod name_matching;
mod normalize;
mod report;
mod rule_score;
mod score;

#[cfg(test)]
mod tests;

pub use document_table::DocumentTable;
pub use gold::{Gold, GoldEntity, GoldRelation};
pub use gold_error::GoldError;
pub use normalize::{normalize, sentences_match, word_set};
pub use report::{Details, NamePair, Report, Score, Share};
pub use rule_score::{RuleScore, RuleTable};
pub use score::evaluate;
