//! Drawing a [`Report`]: aligned tables for a terminal, tab-separated plain text for pipes and golden
//! files, JSON for programs (serde views laid out by one formatter, in `render/json.rs`), CSV for
//! spreadsheets (the `csv` crate, in `render/csv.rs`). Each is a pure function from report to text.
//!
//! A table drawn for a terminal of known width fits in it (`render/fit.rs`): long cells wrap inside
//! their column, and a table too wide for columns at all is drawn as one record per row. Plain text,
//! JSON and CSV are for programs and never wrap.
//!
//! Table and plain text go to terminals, and names come from files a user does not control: every
//! piece of report text passes through [`terminal_safe`], so a control character in a name is shown
//! as `\u{1b}` rather than acted on. JSON and CSV escape by their own rules.

mod csv;
mod fit;
mod json;
mod json_layout;

use super::ast::OutputMode;
use super::report::{Cell, Report, Section, Table};
use crate::model::terminal_safe;
use unicode_width::UnicodeWidthStr;

/// The report drawn in `mode`, ending with a newline.
pub fn render(report: &Report, mode: OutputMode) -> String {
    render_fitted(report, mode, None)
}

/// The report drawn in `mode` for a terminal `width` columns wide (`None`: as wide as it needs); only
/// tables use the width.
pub fn render_fitted(report: &Report, mode: OutputMode, width: Option<usize>) -> String {
    match mode {
        OutputMode::Table => render_table(report, width),
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
    aligned_to(rows, &widths)
}

/// Rows of cells padded to `widths`, two spaces apart; the last column is not padded.
fn aligned_to(rows: &[Vec<String>], widths: &[usize]) -> Vec<String> {
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

/// A row's cells as text safe for a terminal.
fn cells_text(row: &[Cell]) -> Vec<String> {
    row.iter().map(cell_text).collect()
}

/// A cell's text with its control characters shown, not sent to the terminal.
fn cell_text(cell: &Cell) -> String {
    terminal_safe(&cell.text()).into_owned()
}

/// Lines of `text` wrapped to `width` (when there is one), the later ones indented by `indent` spaces.
fn wrapped_lines(text: &str, width: Option<usize>, first: &str, indent: usize) -> Vec<String> {
    let Some(width) = width.filter(|&w| w > indent + 1 && first.width() + text.width() > w) else {
        return vec![format!("{first}{text}")];
    };
    let lines = fit::wrap(text, width - indent.max(first.width()));
    lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            if index == 0 {
                format!("{first}{line}")
            } else {
                format!("{}{line}", " ".repeat(indent))
            }
        })
        .collect()
}

/// A table's header, rule and rows as aligned columns, each cell wrapped inside its column when
/// `widths` is narrower than the text.
fn columns(table: &Table, widths: &[usize]) -> Vec<String> {
    let mut rows: Vec<Vec<String>> = vec![table.columns.clone()];
    rows.push(widths.iter().map(|&w| "─".repeat(w)).collect());
    rows.extend(table.rows.iter().map(|r| cells_text(r)));
    let mut lines = Vec::new();
    for row in rows {
        let cells: Vec<Vec<String>> = row
            .iter()
            .zip(widths)
            .map(|(text, &width)| {
                if text.width() > width {
                    fit::wrap(text, width)
                } else {
                    vec![text.clone()]
                }
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        let physical: Vec<Vec<String>> = (0..height)
            .map(|line| {
                cells
                    .iter()
                    .map(|cell| cell.get(line).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        lines.extend(aligned_to(&physical, widths));
    }
    lines
}

/// Each row of a table as a record: its column names down the left, its values wrapped beside them,
/// rows apart by a blank line.
fn records(table: &Table, width: usize) -> Vec<String> {
    let key_width = table.columns.iter().map(|c| c.width()).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (index, row) in table.rows.iter().enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        for (key, cell) in table.columns.iter().zip(row) {
            let first = format!("{}  ", pad(key, key_width));
            let text = cell_text(cell);
            lines.extend(
                wrapped_lines(&text, Some(width), &first, key_width + fit::GAP)
                    .into_iter()
                    .map(|line| line.trim_end().to_string()),
            );
        }
    }
    lines
}

/// The natural width of each column of `table`: its widest cell or heading.
fn natural_widths(table: &Table) -> Vec<usize> {
    (0..table.columns.len())
        .map(|c| {
            std::iter::once(table.columns[c].width())
                .chain(
                    table
                        .rows
                        .iter()
                        .filter_map(|r| r.get(c))
                        .map(|cell| cell_text(cell).width()),
                )
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// A table as aligned columns, wrapped to `width` when one is given, or as records when columns
/// cannot fit.
fn table_lines(table: &Table, width: Option<usize>) -> Vec<String> {
    let natural = natural_widths(table);
    match width {
        None => columns(table, &natural),
        Some(width) => match fit::column_widths(&natural, width) {
            Some(widths) => columns(table, &widths),
            None => records(table, width),
        },
    }
}

/// Named values, one a line, the values wrapped beside their names.
fn field_lines(fields: &[(String, Cell)], width: Option<usize>) -> Vec<String> {
    let rows: Vec<Vec<String>> = fields
        .iter()
        .map(|(k, v)| vec![k.clone(), cell_text(v)])
        .collect();
    let Some(width) = width else {
        return aligned(&rows);
    };
    let key_width = fields.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    rows.iter()
        .flat_map(|row| {
            let first = format!("{}  ", pad(&row[0], key_width));
            wrapped_lines(&row[1], Some(width), &first, key_width + fit::GAP)
                .into_iter()
                .map(|line| line.trim_end().to_string())
        })
        .collect()
}

fn render_table(report: &Report, width: Option<usize>) -> String {
    let mut lines: Vec<String> = Vec::new();
    if !report.title.is_empty() {
        lines.extend(wrapped_lines(&terminal_safe(&report.title), width, "", 0));
    }
    let named = report.sections.len() > 1;
    for section in &report.sections {
        lines.push(String::new());
        match section {
            Section::Table(table) => {
                if named {
                    lines.push(format!("{}:", table.name));
                }
                if table.rows.is_empty() {
                    lines.push("(none)".into());
                } else {
                    lines.extend(table_lines(table, width));
                }
            }
            Section::Fields { fields, .. } => lines.extend(field_lines(fields, width)),
            Section::Text { lines: text, .. } => {
                for line in text {
                    let line = terminal_safe(line);
                    let indent = line.len() - line.trim_start().len();
                    lines.extend(wrapped_lines(
                        line.trim_start(),
                        width,
                        &line[..indent],
                        indent,
                    ));
                }
            }
        }
    }
    if !report.notes.is_empty() {
        lines.push(String::new());
    }
    for note in &report.notes {
        lines.extend(wrapped_lines(
            &terminal_safe(note),
            width,
            "note: ",
            "note: ".len(),
        ));
    }
    let mut out = String::new();
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    // A blank line ends each answer, so answers in a row (and the next prompt) stand apart.
    out.push('\n');
    out
}

/// Tabs and line breaks inside a cell would break the plain format's columns: they become spaces.
/// Any other control character is shown, not sent to the terminal.
fn plain_cell(text: &str) -> String {
    terminal_safe(&text.replace(['\t', '\n', '\r'], " ")).into_owned()
}

fn render_plain(report: &Report) -> String {
    let mut out = String::new();
    if !report.title.is_empty() {
        out.push_str(&format!("# {}\n", terminal_safe(&report.title)));
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
                    out.push_str(&terminal_safe(line));
                    out.push('\n');
                }
            }
        }
    }
    for note in &report.notes {
        out.push_str(&format!("# note: {}\n", terminal_safe(note)));
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
