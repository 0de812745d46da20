//! `Report`: the scores of a graph against gold, with the counts behind every figure, the lists a
//! developer reads to improve extraction, and the tables `kg eval` prints.

use super::rule_score::{RuleScore, RuleTable};
use std::fmt;

/// Precision, recall and F1, with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Items the graph gives that match some gold item.
    pub predicted_correct: usize,
    /// Items the graph gives.
    pub predicted: usize,
    /// Gold items the graph finds.
    pub gold_found: usize,
    /// Gold items.
    pub gold: usize,
}

impl Score {
    /// `predicted_correct / predicted`, 0 when the graph gives nothing.
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_correct, self.predicted)
    }

    /// `gold_found / gold`, 0 when there is no gold.
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    /// The harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

/// A share: `hits` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    pub hits: usize,
    pub total: usize,
}

impl Share {
    /// `hits / total`, 0 when `total` is 0.
    pub fn ratio(&self) -> f64 {
        ratio(self.hits, self.total)
    }
}

/// `numerator / denominator`, or 0 for an empty denominator (nothing to be right about).
pub(crate) fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Two entity names, the ends of an unordered pair, in gold order.
pub type NamePair = (String, String);

/// The scores of a graph against gold. The definitions are those of `shared/gold/README.md`; see
/// [`evaluate`](super::evaluate) for the details it leaves open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Graph entities matching some gold entity, and gold entities found.
    pub entities: Score,
    /// Of the gold entities found (`total`), those whose best graph entity has the gold kind (`hits`).
    pub kind_accuracy: Share,
    /// Of the gold aliases some graph entity carries (`total`), those carried only by the graph entity
    /// that best matches the alias's gold entity (`hits`).
    pub alias_accuracy: Share,
    /// Every gold alias, carried or not.
    pub gold_aliases: usize,
    /// Unordered pairs of gold entities linked by an asserted graph edge, against gold pairs.
    pub pairs: Score,
    /// (pair, evidence sentence) items.
    pub sentences: Score,
    /// Of the matched pairs (`total`), those where a graph edge has a class the gold gives the pair.
    pub class_agreement: Share,
    /// The gold files scored (`hits`): those whose document the graph was built from, of all
    /// (`total`).
    pub gold_files: Share,
    /// The gold files left out because the graph was not built from their document, in name order.
    pub left_out_gold_files: Vec<String>,
    pub(crate) missed_entities: Vec<String>,
    pub(crate) spurious_entities: Vec<String>,
    pub(crate) wrong_kinds: Vec<String>,
    pub(crate) missed_pairs: Vec<NamePair>,
    pub(crate) spurious_pairs: Vec<NamePair>,
    pub(crate) rules: Vec<RuleScore>,
}

impl Report {
    /// The canonical names of the gold entities no graph entity matches, in gold order.
    pub fn missed_entities(&self) -> &[String] {
        &self.missed_entities
    }

    /// The gold entities found whose best graph entity has another kind, as "name: graph kind, gold
    /// kind", in gold order.
    pub fn wrong_kinds(&self) -> &[String] {
        &self.wrong_kinds
    }

    /// The names of the graph entities that match no gold entity, in graph id order.
    pub fn spurious_entities(&self) -> &[String] {
        &self.spurious_entities
    }

    /// The gold pairs no asserted graph edge links, as gold canonical names.
    pub fn missed_pairs(&self) -> &[NamePair] {
        &self.missed_pairs
    }

    /// The pairs of gold entities the graph links that the gold does not, as gold canonical names.
    pub fn spurious_pairs(&self) -> &[NamePair] {
        &self.spurious_pairs
    }

    /// For each extraction rule, in name order: the evidence items of asserted edges it produced and
    /// how many are right at the pair and at the sentence level.
    pub fn by_rule(&self) -> Vec<RuleScore> {
        self.rules.clone()
    }

    /// The per-rule table `kg eval --by-rule` prints.
    pub fn rule_table(&self) -> RuleTable<'_> {
        RuleTable(&self.rules)
    }

    /// The lists `kg eval --verbose` prints: missed and spurious entities and pairs.
    pub fn details(&self) -> Details<'_> {
        Details(self)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<21}precision  recall     F1", "")?;
        let rows = [
            ("entities", &self.entities, "graph entities"),
            ("pairs", &self.pairs, "graph pairs"),
            ("sentences", &self.sentences, "graph sentences"),
        ];
        for (label, score, predicted) in rows {
            writeln!(
                f,
                "{label:<21}{:>9.3}{:>8.3}{:>7.3}   (matched {} of {} {predicted}; found {} of {} gold)",
                score.precision(),
                score.recall(),
                score.f1(),
                score.predicted_correct,
                score.predicted,
                score.gold_found,
                score.gold,
            )?;
        }
        writeln!(
            f,
            "{:<21}{:>9.3}   ({} of {} found gold entities with the gold kind)",
            "kind accuracy",
            self.kind_accuracy.ratio(),
            self.kind_accuracy.hits,
            self.kind_accuracy.total,
        )?;
        writeln!(
            f,
            "{:<21}{:>9.3}   ({} of {} carried gold aliases on the right entity only; {} gold aliases)",
            "alias accuracy",
            self.alias_accuracy.ratio(),
            self.alias_accuracy.hits,
            self.alias_accuracy.total,
            self.gold_aliases,
        )?;
        writeln!(
            f,
            "{:<21}{:>9.3}   ({} of {} matched pairs)",
            "class agreement",
            self.class_agreement.ratio(),
            self.class_agreement.hits,
            self.class_agreement.total,
        )?;
        let scored = format!("{} of {}", self.gold_files.hits, self.gold_files.total);
        write!(f, "{:<21}{scored:>9}", "gold files scored")?;
        if !self.left_out_gold_files.is_empty() {
            write!(
                f,
                "   (left out, their documents not built: {})",
                self.left_out_gold_files.join(", ")
            )?;
        }
        writeln!(f)
    }
}

/// The missed and spurious entities and pairs of a report, and the entities found with another kind,
/// one per line under a heading.
#[derive(Debug, Clone, Copy)]
pub struct Details<'a>(&'a Report);

impl fmt::Display for Details<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let report = self.0;
        write_list(f, "missed gold entities", &report.missed_entities)?;
        write_list(f, "spurious graph entities", &report.spurious_entities)?;
        write_list(f, "found with another kind", &report.wrong_kinds)?;
        let pair_lines = |pairs: &[NamePair]| -> Vec<String> {
            pairs.iter().map(|(a, b)| format!("{a} -- {b}")).collect()
        };
        write_list(f, "missed gold pairs", &pair_lines(&report.missed_pairs))?;
        write_list(
            f,
            "spurious graph pairs",
            &pair_lines(&report.spurious_pairs),
        )
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, heading: &str, lines: &[String]) -> fmt::Result {
    writeln!(f, "{heading} ({})", lines.len())?;
    for line in lines {
        writeln!(f, "  {line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_figures() {
        let cases = [
            // (correct, predicted, found, gold) -> (precision, recall, f1)
            ((3, 4, 3, 6), (0.75, 0.5, 0.6)),
            ((0, 0, 0, 5), (0.0, 0.0, 0.0)),
            ((2, 2, 2, 2), (1.0, 1.0, 1.0)),
        ];
        for ((predicted_correct, predicted, gold_found, gold), expected) in cases {
            let score = Score {
                predicted_correct,
                predicted,
                gold_found,
                gold,
            };
            assert_eq!((score.precision(), score.recall(), score.f1()), expected);
        }
        assert_eq!(Share { hits: 1, total: 4 }.ratio(), 0.25);
        assert_eq!(Share { hits: 0, total: 0 }.ratio(), 0.0);
    }
}
