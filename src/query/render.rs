//! Drawing a [`Report`]: aligned tables for a terminal, tab-separated plain text for pipes and golden
//! files, JSON for programs, CSV for spreadsheets. Each is a pure function from report to text.

use super::ast::OutputMode;
use super::report::{Cell, Report, Section, Table};
use unicode_width::UnicodeWidthStr;

/// The report drawn in `mode`, ending with a newline.
pub fn render(report: &Report, mode: OutputMode) -> String {
    match mode {
        OutputMode::Table => render_table(report),
        OutputMode::Plain => render_plain(report),
        OutputMode::Json => render_json(report),
        OutputMode::Csv => render_csv(report),
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

/// A JSON string literal.
fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// A JSON value for a cell: numbers stay numbers, a period is `{"from": 2014, "to": null}` (an open end
/// is `null`).
fn json_cell(cell: &Cell) -> String {
    let year = |year: Option<i32>| year.map_or_else(|| "null".to_string(), |y| y.to_string());
    match cell {
        Cell::Text(text) => json_string(text),
        Cell::Count(count) => count.to_string(),
        Cell::Score(score) => serde_json::Number::from_f64((score * 1e6).round() / 1e6)
            .map_or_else(|| "null".to_string(), |n| n.to_string()),
        Cell::Time(Some(period)) => {
            json_object([("from", year(period.from)), ("to", year(period.to))].into_iter())
        }
        Cell::Time(None) => "null".to_string(),
    }
}

/// An object on one line, its keys in the order given.
fn json_object<'a>(pairs: impl Iterator<Item = (&'a str, String)>) -> String {
    let members: Vec<String> = pairs
        .map(|(key, value)| format!("{}: {value}", json_string(key)))
        .collect();
    format!("{{{}}}", members.join(", "))
}

fn json_table(table: &Table) -> String {
    if table.rows.is_empty() {
        return "[]".into();
    }
    let rows: Vec<String> = table
        .rows
        .iter()
        .map(|row| {
            // A row member without a value (an undated sentence's time) is left out rather than null.
            let pairs = table
                .columns
                .iter()
                .map(String::as_str)
                .zip(row)
                .filter(|(_, cell)| **cell != Cell::Time(None))
                .map(|(column, cell)| (column, json_cell(cell)));
            format!("    {}", json_object(pairs))
        })
        .collect();
    format!("[\n{}\n  ]", rows.join(",\n"))
}

/// One object per report: `command`, `title`, a member per section and `notes`. Keys keep the order of
/// the report so the JSON reads like the table.
fn render_json(report: &Report) -> String {
    let mut members: Vec<String> = vec![
        format!("  \"command\": {}", json_string(&report.command)),
        format!("  \"title\": {}", json_string(&report.title)),
    ];
    for section in &report.sections {
        let (name, value) = match section {
            Section::Table(table) => (&table.name, json_table(table)),
            Section::Fields { name, fields } => (
                name,
                json_object(fields.iter().map(|(k, v)| (k.trim(), json_cell(v)))),
            ),
            Section::Text { name, lines } => (
                name,
                format!(
                    "[{}]",
                    lines
                        .iter()
                        .map(|l| json_string(l))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        };
        members.push(format!("  {}: {value}", json_string(name)));
    }
    members.push(format!(
        "  \"notes\": [{}]",
        report
            .notes
            .iter()
            .map(|n| json_string(n))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    format!("{{\n{}\n}}\n", members.join(",\n"))
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv_line(fields: impl Iterator<Item = String>) -> String {
    let fields: Vec<String> = fields.map(|f| csv_field(&f)).collect();
    format!("{}\n", fields.join(","))
}

/// Each table as CSV with its header; several tables are separated by a blank line. Titles and notes are
/// left out: CSV is for the data.
fn render_csv(report: &Report) -> String {
    let blocks: Vec<String> = report
        .sections
        .iter()
        .map(|section| match section {
            Section::Table(table) => {
                let mut block = csv_line(table.columns.iter().cloned());
                for row in &table.rows {
                    block.push_str(&csv_line(row.iter().map(Cell::text)));
                }
                block
            }
            Section::Fields { fields, .. } => {
                let mut block = csv_line(["field".to_string(), "value".to_string()].into_iter());
                for (key, value) in fields {
                    block.push_str(&csv_line(
                        [key.trim().to_string(), value.text()].into_iter(),
                    ));
                }
                block
            }
            Section::Text { lines, .. } => lines.iter().map(|l| format!("{l}\n")).collect(),
        })
        .collect();
    blocks.join("\n")
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
