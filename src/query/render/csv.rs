//! A report as CSV, written by the `csv` crate: each table with its header row, a fields section as
//! `field,value` rows, text as its lines; blocks are separated by a blank line. Titles and notes are
//! left out: CSV is for the data.

use crate::query::report::{Cell, Report, Section};

/// The CSV blocks of `report`.
pub(super) fn render_csv(report: &Report) -> String {
    let blocks: Vec<String> = report
        .sections
        .iter()
        .map(|section| match section {
            Section::Table(table) => records(
                std::iter::once(table.columns.clone()).chain(
                    table
                        .rows
                        .iter()
                        .map(|row| row.iter().map(Cell::text).collect()),
                ),
            ),
            Section::Fields { fields, .. } => records(
                std::iter::once(vec!["field".to_string(), "value".to_string()]).chain(
                    fields
                        .iter()
                        .map(|(key, value)| vec![key.trim().to_string(), value.text()]),
                ),
            ),
            // Help text is prose, not records: quoting its lines would only garble them.
            Section::Text { lines, .. } => lines.iter().map(|line| format!("{line}\n")).collect(),
        })
        .collect();
    blocks.join("\n")
}

/// `rows` as CSV records: RFC 4180 quoting where a field needs it, `\n` after each record.
fn records(mut rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        // A table's rows are as long as its header; being flexible keeps a short row from failing.
        .flexible(true)
        .from_writer(Vec::new());
    let written = rows
        .try_for_each(|row| writer.write_record(&row))
        .and_then(|()| {
            writer
                .into_inner()
                .map_err(|error| error.into_error().into())
        });
    match written {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        // Records of text into memory, of any length: only a bug gets here.
        Err(error) => unreachable!("CSV records always write to memory: {error}"),
    }
}
