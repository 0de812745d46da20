//! `RuleScore`: how well one extraction rule does, and `RuleTable`, the table of every rule.

use super::report::ratio;
use std::fmt;

/// The evidence items one extraction rule (`Evidence::rule`) produced on asserted edges (neither
/// `CoMention` nor negated), and how many are right.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleScore {
    pub rule: String,
    /// Evidence items of asserted edges, one per (edge, evidence sentence).
    pub items: usize,
    /// Items whose two ends map to two distinct gold entities.
    pub mapped: usize,
    /// Items whose pair is a gold pair.
    pub pair_correct: usize,
    /// Items whose (pair, sentence) matches a gold (pair, sentence) item.
    pub sentence_correct: usize,
}

impl RuleScore {
    /// `pair_correct / items`.
    pub fn pair_precision(&self) -> f64 {
        ratio(self.pair_correct, self.items)
    }

    /// `sentence_correct / items`.
    pub fn sentence_precision(&self) -> f64 {
        ratio(self.sentence_correct, self.items)
    }
}

/// The per-rule table: one line per rule, in name order.
#[derive(Debug, Clone, Copy)]
pub struct RuleTable<'a>(pub &'a [RuleScore]);

impl fmt::Display for RuleTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .0
            .iter()
            .map(|score| score.rule.chars().count())
            .max()
            .unwrap_or(0)
            .max("rule".len());
        writeln!(
            f,
            "{:<width$}  items  mapped  gold pair  precision  gold sentence  precision",
            "rule"
        )?;
        for score in self.0 {
            writeln!(
                f,
                "{:<width$}  {:>5}  {:>6}  {:>9}  {:>9.3}  {:>13}  {:>9.3}",
                score.rule,
                score.items,
                score.mapped,
                score.pair_correct,
                score.pair_precision(),
                score.sentence_correct,
                score.sentence_precision(),
            )?;
        }
        Ok(())
    }
}
