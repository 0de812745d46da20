//! [`Report`]: the answer to a query, as data. The evaluator builds it; [`crate::query::render()`] draws it
//! as a table, plain text, JSON or CSV, so every command gets every format for free.
//!
//! A report is a title, sections (tables, fields or text) and notes (a limit that cut the list, a hint to
//! look further). It also remembers the entities and relations it is about, so the session can export
//! the subgraph of the last answer.

use crate::graph::{EntityId, RelationId};
use crate::model::Period;

/// One value in a table or a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Words: a name, a predicate, a sentence.
    Text(String),
    /// A whole number, a number in JSON.
    Count(u64),
    /// A measure such as PageRank, printed with four decimals.
    Score(f64),
    /// The period an evidence sentence speaks of, printed `[2019]` or `[since 2014]`; empty when the
    /// sentence names none. In JSON an object `{"from": 2014, "to": null}`, and no member at all when
    /// there is no period.
    Time(Option<Period>),
}

impl Cell {
    /// The cell as text, the way the table and plain renderers print it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(count) => count.to_string(),
            Cell::Score(score) => format!("{score:.4}"),
            Cell::Time(Some(period)) => format!("[{period}]"),
            Cell::Time(None) => String::new(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<usize> for Cell {
    fn from(count: usize) -> Self {
        Cell::Count(count as u64)
    }
}

/// Rows under named columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The key of the table in JSON, and its heading in text (`links`, `paths`).
    pub name: String,
    /// The column headings, and the keys of each row in JSON.
    pub columns: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One part of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Section {
    /// Rows under named columns.
    Table(Table),
    /// Named values, one per line (an entity's card, the statistics); an object in JSON under `name`.
    Fields {
        name: String,
        fields: Vec<(String, Cell)>,
    },
    /// Free text (help); an array of lines in JSON under `name`.
    Text { name: String, lines: Vec<String> },
}

/// The answer to one query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The verb that asked (`neighbours`), the key `command` in JSON.
    pub command: String,
    /// One line saying what the answer is.
    pub title: String,
    pub sections: Vec<Section>,
    /// Remarks for the reader: a limit that cut the list, a way to find more.
    pub notes: Vec<String>,
    /// The entities the answer is about, for `:export … last`.
    pub entities: Vec<EntityId>,
    /// The relations the answer is about, for `:export … last`.
    pub relations: Vec<RelationId>,
}

impl Report {
    /// An empty report of `command` titled `title`.
    pub fn new(command: &str, title: String) -> Self {
        Report {
            command: command.to_string(),
            title,
            ..Report::default()
        }
    }

    /// Adds a table with these columns and rows.
    pub fn table(&mut self, name: &str, columns: &[&str], rows: Vec<Vec<Cell>>) {
        self.sections.push(Section::Table(Table {
            name: name.to_string(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows,
        }));
    }
}
