//! A report as JSON: serde views of [`Report`] and its parts, written through [`JsonLayout`].
//!
//! One object per report: `command`, `title`, a member per section and `notes`, in the order of the
//! report so the JSON reads like the table. A table is an array of row objects keyed by column, a
//! fields section one object, a text section an array of lines.

use super::json_layout::JsonLayout;
use crate::model::Period;
use crate::query::report::{Cell, Report, Section, Table};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// Scores are rounded to this many decimals, so a ranking does not print float noise.
const SCORE_SCALE: f64 = 1e6;

/// `report` as a JSON object, with a closing newline.
pub(super) fn render_json(report: &Report) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, JsonLayout::default());
    if let Err(error) = JsonReport(report).serialize(&mut serializer) {
        // The views below never fail and a Vec takes every byte: only a bug gets here.
        unreachable!("a report always serializes: {error}");
    }
    out.push(b'\n');
    String::from_utf8_lossy(&out).into_owned()
}

/// The whole report.
struct JsonReport<'a>(&'a Report);

impl Serialize for JsonReport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        let mut members = serializer.serialize_map(None)?;
        members.serialize_entry("command", &report.command)?;
        members.serialize_entry("title", &report.title)?;
        for section in &report.sections {
            match section {
                Section::Table(table) => members.serialize_entry(&table.name, &JsonRows(table))?,
                Section::Fields { name, fields } => {
                    members.serialize_entry(name, &JsonFields(fields))?;
                }
                Section::Text { name, lines } => members.serialize_entry(name, lines)?,
            }
        }
        members.serialize_entry("notes", &report.notes)?;
        members.end()
    }
}

/// A table: one object per row.
struct JsonRows<'a>(&'a Table);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let table = self.0;
        let mut rows = serializer.serialize_seq(Some(table.rows.len()))?;
        for row in &table.rows {
            rows.serialize_element(&JsonRow {
                columns: &table.columns,
                cells: row,
            })?;
        }
        rows.end()
    }
}

/// A row, its cells keyed by their columns.
struct JsonRow<'a> {
    columns: &'a [String],
    cells: &'a [Cell],
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut members = serializer.serialize_map(None)?;
        for (column, cell) in self.columns.iter().zip(self.cells) {
            // A row member without a value (an undated sentence's time) is left out rather than null.
            if *cell != Cell::Time(None) {
                members.serialize_entry(column, &JsonCell(cell))?;
            }
        }
        members.end()
    }
}

/// A fields section: one object, keys without the padding the table gives them.
struct JsonFields<'a>(&'a [(String, Cell)]);

impl Serialize for JsonFields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut members = serializer.serialize_map(Some(self.0.len()))?;
        for (key, cell) in self.0 {
            members.serialize_entry(key.trim(), &JsonCell(cell))?;
        }
        members.end()
    }
}

/// A cell: numbers stay numbers, a score is rounded to six decimals, a period is
/// `{"from": 2014, "to": null}` (an open end is `null`), no period is `null`.
struct JsonCell<'a>(&'a Cell);

impl Serialize for JsonCell<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Cell::Text(text) => serializer.serialize_str(text),
            Cell::Count(count) => serializer.serialize_u64(*count),
            // serde_json writes a score that is not finite as null.
            Cell::Score(score) => {
                serializer.serialize_f64((score * SCORE_SCALE).round() / SCORE_SCALE)
            }
            Cell::Time(Some(period)) => JsonPeriod(period).serialize(serializer),
            Cell::Time(None) => serializer.serialize_none(),
        }
    }
}

/// A period with both ends, an open end as `null`.
struct JsonPeriod<'a>(&'a Period);

impl Serialize for JsonPeriod<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut members = serializer.serialize_map(Some(2))?;
        members.serialize_entry("from", &self.0.from)?;
        members.serialize_entry("to", &self.0.to)?;
        members.end()
    }
}
