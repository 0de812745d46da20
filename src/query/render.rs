//! Drawing a [`Report`]: aligned tables for a terminal, tab-separated plain text for pipes and golden
//! files, JSON for programs (serde views laid out by one formatter, in `render/json.rs`), CSV for
//! spreadsheets (the `csv` crate, in `render/csv.rs`). Each is a pure function from report to text.

mod csv;
mod json;
mod json_layout;

use super::ast::OutputMode;
use super::report::{Cell, Report, Section};
use unicode_width::UnicodeWidthStr;

/// The report drawn in `mode`, ending with a newline.
pub fn render(report: &Report, mode: OutputMode) -> String {
    match mode {
        OutputMode::Table => render_table(report),
        OutputMode::Plain => render_plain(report),
        OutputMode::Json => json::render_json(report),
        OutputMode::Csv => csv::render_csv(report),
    }
}

/// `text` padded with spaces to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let mut padded = text.to_string();
    padded.push_str(&" ".repeat(width.saturating_sub(text.width())));
    padded
}

/// Rows of cells as aligned columns, two spaces apart; the last column is not padded.
fn aligned(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, text)| {
                    if c + 1 == row.len() {
                        text.clone()
                    } else {
                        pad(text, widths[c])
                    }
                })
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect()
}

fn cells_text(row: &[Cell]) -> Vec<String> {
    row.iter().map(Cell::text).collect()
}

fn render_table(report: &Report) -> String {
    let mut out = String::new();
    if !report.title.is_empty() {
        out.push_str(&report.title);
        out.push('\n');
    }
    let named = report.sections.len() > 1;
    for section in &report.sections {
        out.push('\n');
        match section {
            Section::Table(table) => {
                if named {
                    out.push_str(&format!("{}:\n", table.name));
                }
                if table.rows.is_empty() {
                    out.push_str("(none)\n");
                    continue;
                }
                let mut rows: Vec<Vec<String>> = vec![table.columns.clone()];
                let header_widths: Vec<usize> = (0..table.columns.len())
                    .map(|c| {
                        std::iter::once(table.columns[c].width())
                            .chain(
                                table
                                    .rows
                                    .iter()
                                    .filter_map(|r| r.get(c))
                                    .map(|cell| cell.text().width()),
                            )
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                rows.push(header_widths.iter().map(|&w| "─".repeat(w)).collect());
                rows.extend(table.rows.iter().map(|r| cells_text(r)));
                for line in aligned(&rows) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            Section::Fields { fields, .. } => {
                let rows: Vec<Vec<String>> = fields
                    .iter()
                    .map(|(k, v)| vec![k.clone(), v.text()])
                    .collect();
                for line in aligned(&rows) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            Section::Text { lines, .. } => {
                for line in lines {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    if !report.notes.is_empty() {
        out.push('\n');
    }
    for note in &report.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    // A blank line ends each answer, so answers in a row (and the next prompt) stand apart.
    out.push('\n');
    out
}

/// Tabs and line breaks inside a cell would break the plain format's columns: they become spaces.
fn plain_cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn render_plain(report: &Report) -> String {
    let mut out = String::new();
    if !report.title.is_empty() {
        out.push_str(&format!("# {}\n", report.title));
    }
    for section in &report.sections {
        match section {
            Section::Table(table) => {
                out.push_str(&format!("# {}: {}\n", table.name, table.columns.join("\t")));
                for row in &table.rows {
                    let cells: Vec<String> = row.iter().map(|c| plain_cell(&c.text())).collect();
                    out.push_str(&cells.join("\t"));
                    out.push('\n');
                }
            }
            Section::Fields { fields, .. } => {
                for (key, value) in fields {
                    out.push_str(&format!("{key}\t{}\n", plain_cell(&value.text())));
                }
            }
            Section::Text { lines, .. } => {
                for line in lines {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    for note in &report.notes {
        out.push_str(&format!("# note: {note}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let mut report = Report::new("top", "the 2 most central entities".into());
        report.table(
            "ranking",
            &["rank", "entity", "score"],
            vec![
                vec![1.into(), "Iraq".into(), Cell::Score(0.5)],
                vec![2.into(), "Bağdat, \"old\"".into(), Cell::Score(0.25)],
            ],
        );
        report.notes.push("a note".into());
        report
    }

    #[test]
    fn renders_every_mode() {
        let cases = [
            (
                OutputMode::Table,
                "the 2 most central entities\n\nrank  entity         score\n────  ─────────────  ──────\n1     Iraq           0.5000\n2     Bağdat, \"old\"  0.2500\n\nnote: a note\n\n",
            ),
            (
                OutputMode::Plain,
                "# the 2 most central entities\n# ranking: rank\tentity\tscore\n1\tIraq\t0.5000\n2\tBağdat, \"old\"\t0.2500\n# note: a note\n",
            ),
            (
                OutputMode::Json,
                "{\n  \"command\": \"top\",\n  \"title\": \"the 2 most central entities\",\n  \"ranking\": [\n    {\"rank\": 1, \"entity\": \"Iraq\", \"score\": 0.5},\n    {\"rank\": 2, \"entity\": \"Bağdat, \\\"old\\\"\", \"score\": 0.25}\n  ],\n  \"notes\": [\"a note\"]\n}\n",
            ),
            (
                OutputMode::Csv,
                "rank,entity,score\n1,Iraq,0.5000\n2,\"Bağdat, \"\"old\"\"\",0.2500\n",
            ),
        ];
        for (mode, expected) in cases {
            assert_eq!(render(&sample(), mode), expected, "{mode:?}");
        }
    }

    #[test]
    fn json_is_valid_and_empty_tables_say_none() {
        let mut report = Report::new("find", "0 entities".into());
        report.table("entities", &["entity"], Vec::new());
        let json: serde_json::Value =
            serde_json::from_str(&render(&report, OutputMode::Json)).unwrap();
        assert_eq!(json["entities"], serde_json::json!([]));
        assert!(render(&report, OutputMode::Table).contains("(none)"));
        let parsed: serde_json::Value =
            serde_json::from_str(&render(&sample(), OutputMode::Json)).unwrap();
        assert_eq!(parsed["ranking"][1]["entity"], "Bağdat, \"old\"");
    }
}
