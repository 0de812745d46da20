//! The per-document table `kg eval --per-document` prints: one row of figures for each document,
//! each scored on a graph built from that document alone.
//!
//! A corpus build decides some things over every document at once (the lower-case vocabulary, alias
//! resolution, an entity's kind), so a document's row can differ from its share of the corpus-level
//! figures; the row says how the document fares when it is read on its own.

use super::report::Report;
use std::fmt;

/// The reports of documents scored one at a time, in the order given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentTable {
    rows: Vec<(String, Report)>,
}

impl DocumentTable {
    /// Adds `document`'s report as the next row.
    pub fn push(&mut self, document: impl Into<String>, report: Report) {
        self.rows.push((document.into(), report));
    }

    /// The rows, in the order they were added.
    pub fn rows(&self) -> &[(String, Report)] {
        &self.rows
    }
}

/// The figures of a row, in the columns' order.
fn figures(report: &Report) -> [f64; 6] {
    [
        report.entities.f1(),
        report.kind_accuracy.ratio(),
        report.alias_accuracy.ratio(),
        report.pairs.precision(),
        report.pairs.f1(),
        report.sentences.f1(),
    ]
}

const HEADINGS: [&str; 6] = [
    "entity F1",
    "kind",
    "alias",
    "pair P",
    "pair F1",
    "sent. F1",
];

impl fmt::Display for DocumentTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name_width = self
            .rows
            .iter()
            .map(|(name, _)| name.chars().count())
            .chain(["document".len()])
            .max()
            .unwrap_or(0);
        write!(f, "{:<name_width$}", "document")?;
        for heading in HEADINGS {
            write!(f, "  {heading:>9}")?;
        }
        writeln!(f)?;
        for (name, report) in &self.rows {
            write!(f, "{name:<name_width$}")?;
            for figure in figures(report) {
                write!(f, "  {figure:>9.3}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Score, Share};

    #[test]
    fn one_row_per_document_under_aligned_headings() {
        let report = Report {
            entities: Score {
                predicted: 4,
                predicted_correct: 3,
                gold: 3,
                gold_found: 3,
            },
            kind_accuracy: Share { hits: 1, total: 2 },
            alias_accuracy: Share { hits: 3, total: 3 },
            pairs: Score {
                predicted: 2,
                predicted_correct: 1,
                gold: 4,
                gold_found: 1,
            },
            ..Report::default()
        };
        let mut table = DocumentTable::default();
        table.push("a-long-document-name.txt", report.clone());
        table.push("b.txt", Report::default());
        assert_eq!(
            table.to_string(),
            "document                  entity F1       kind      alias     pair P    pair F1   sent. F1\n\
             a-long-document-name.txt      0.857      0.500      1.000      0.500      0.333      0.000\n\
             b.txt                         0.000      0.000      0.000      0.000      0.000      0.000\n"
        );
    }
}
