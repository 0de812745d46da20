//! The one renderer of errors in a line of the query language, for the shell and scripts alike:
//!
//! ```text
//! no entity is called "Irak"; did you mean "Iraq" or "Iran"?
//!  --> queries/iraq.kgq:3:12
//!   |
//! 3 | neighbours Irak depth 2
//!   |            ^^^^
//! ```
//!
//! Lines and columns count from 1, and columns count characters, not bytes, so a caret lines up under
//! text with accents or Arabic names. A span that does not fall on character boundaries is widened to
//! the nearest ones rather than trusted.

use crate::model::Span;

/// Where a piece of query text came from: a script name (or `<repl>`, `<stdin>`, `<query>`), the line
/// number of its first line, and the text itself (several lines when a quote spanned them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source<'a> {
    /// The script's name as the user gave it, or `<repl>`, `<stdin>`, `<query>`.
    pub name: &'a str,
    /// The 1-based line number of the first line of `text`.
    pub first_line: usize,
    /// The text the spans point into.
    pub text: &'a str,
}

impl<'a> Source<'a> {
    /// A source of one or more lines starting at line `first_line` of `name`.
    pub fn new(name: &'a str, first_line: usize, text: &'a str) -> Self {
        Source {
            name,
            first_line,
            text,
        }
    }
}

/// The largest char boundary of `text` at or before `index`.
fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The 1-based line number (within `text`), the line's byte range, and the 1-based column of `offset`.
fn locate(text: &str, offset: usize) -> (usize, usize, usize, usize) {
    let offset = floor_boundary(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line_index = text[..line_start].matches('\n').count();
    let column = text[line_start..offset].chars().count() + 1;
    (line_index, line_start, line_end, column)
}

/// `name:line:column` of where `span` starts.
pub fn location(source: &Source<'_>, span: Span) -> String {
    let (line_index, _, _, column) = locate(source.text, span.start);
    format!(
        "{}:{}:{column}",
        source.name,
        source.first_line + line_index
    )
}

/// The message, then the location, the source line and a caret under `span` (at least one caret; a span
/// running past its line is cut at the line's end).
pub fn render(source: &Source<'_>, span: Span, message: &str) -> String {
    let (line_index, line_start, line_end, column) = locate(source.text, span.start);
    let line_number = (source.first_line + line_index).to_string();
    let gutter = " ".repeat(line_number.len());
    let line = source.text[line_start..line_end].trim_end_matches('\r');
    // The drawn line leaves out trailing carriage returns, and a span can start among them ("why PMF
    // \r\r", found by fuzzing): the caret then goes at the end of the drawn line.
    let drawn_end = line_start + line.len();
    let start = floor_boundary(source.text, span.start).clamp(line_start, drawn_end);
    let end = floor_boundary(source.text, span.end.max(span.start)).clamp(start, drawn_end);
    let (drawn, padding, width) = draw_line(
        &source.text[line_start..start],
        &source.text[start..end],
        &source.text[end..drawn_end],
    );
    let message = shown_message(message);
    format!(
        "{message}\n{gutter}--> {}:{line_number}:{column}\n{gutter} |\n{line_number} | {drawn}\n{gutter} | {padding}{}",
        source.name,
        "^".repeat(width)
    )
}

/// `message` with its control characters shown (`\u{1b}`) rather than sent to the terminal, but for
/// the line breaks and tabs that lay it out: a message can quote a path or a name the user typed.
fn shown_message(message: &str) -> String {
    message
        .chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            other => drawn_character(other),
        })
        .collect()
}

/// A drawn line shows at most this many of its characters, around the span.
const DRAWN_CHARACTERS: usize = 160;

/// Of those, at most this many come before the span's start.
const DRAWN_BEFORE: usize = 40;

/// How a character of the line is drawn: a control character as its escape (`\u{1b}`), so it is
/// shown rather than acted on by the terminal, a tab as a tab, anything else as itself.
fn drawn_character(character: char) -> String {
    if character.is_control() && character != '\t' {
        crate::model::terminal_safe(character.encode_utf8(&mut [0; 4])).into_owned()
    } else {
        character.to_string()
    }
}

/// The line as drawn (`before`, `span`, `after`), the padding that puts a caret under the span, and the
/// caret's width. A line longer than [`DRAWN_CHARACTERS`] is cut around the span, with `…` where it
/// was cut: an error about a 10 MB line does not send the line back.
fn draw_line(before: &str, span: &str, after: &str) -> (String, String, usize) {
    let before: Vec<char> = before.chars().collect();
    let skipped = before.len().saturating_sub(DRAWN_BEFORE);
    let room = DRAWN_CHARACTERS.saturating_sub(before.len() - skipped);
    let span_chars: Vec<char> = span.chars().take(room).collect();
    let after_chars: Vec<char> = after
        .chars()
        .take(room.saturating_sub(span_chars.len()))
        .collect();
    let cut_after =
        span_chars.len() < span.chars().count() || after_chars.len() < after.chars().count();
    let mut drawn = String::new();
    let mut padding = String::new();
    if skipped > 0 {
        drawn.push('…');
        padding.push(' ');
    }
    for &character in &before[skipped..] {
        let shown = drawn_character(character);
        // Tabs before the caret stay tabs, so the caret lines up however the terminal draws them.
        if character == '\t' {
            padding.push('\t');
        } else {
            padding.push_str(&" ".repeat(shown.chars().count()));
        }
        drawn.push_str(&shown);
    }
    let mut width = 0;
    for &character in &span_chars {
        let shown = drawn_character(character);
        width += shown.chars().count();
        drawn.push_str(&shown);
    }
    drawn.extend(after_chars.into_iter().map(drawn_character));
    if cut_after {
        drawn.push('…');
    }
    (drawn, padding, width.max(1))
}

/// An error drawn for the user: its message, where it is (`file:line:column`), and the full drawing with
/// the source line and caret, which is what `Display` prints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{rendered}")]
pub struct Diagnostic {
    /// The sentence that says what is wrong.
    pub message: String,
    /// `name:line:column`, or just the name when there is no line to point at.
    pub location: String,
    /// The message with the location, the source line and the caret: what the user sees.
    pub rendered: String,
}

impl Diagnostic {
    /// The diagnostic for `message` about `span` of `source`.
    pub fn new(source: &Source<'_>, span: Span, message: &str) -> Self {
        Diagnostic {
            message: message.to_string(),
            location: location(source, span),
            rendered: render(source, span, message),
        }
    }

    /// A diagnostic with no source line to draw (a script that cannot be opened); the message names
    /// the place itself.
    pub fn without_source(place: &str, message: &str) -> Self {
        Diagnostic {
            message: message.to_string(),
            location: place.to_string(),
            rendered: shown_message(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_line_and_a_caret_counting_characters() {
        let cases: &[(&str, usize, (usize, usize), &str)] = &[
            (
                "neighbours Irak depth 2",
                3,
                (11, 15),
                "oops\n --> s.kgq:3:12\n  |\n3 | neighbours Irak depth 2\n  |            ^^^^",
            ),
            (
                "why \"Bağdat\" Irak",
                12,
                (14, 18),
                "oops\n  --> s.kgq:12:14\n   |\n12 | why \"Bağdat\" Irak\n   |              ^^^^",
            ),
            (
                "path PMF",
                1,
                (8, 8),
                "oops\n --> s.kgq:1:9\n  |\n1 | path PMF\n  |         ^",
            ),
            (
                "entity \"Popular\nMobilization",
                4,
                (16, 28),
                "oops\n --> s.kgq:5:1\n  |\n5 | Mobilization\n  | ^^^^^^^^^^^^",
            ),
            (
                "find \"open\nquote",
                1,
                (5, 16),
                "oops\n --> s.kgq:1:6\n  |\n1 | find \"open\n  |      ^^^^^",
            ),
        ];
        for &(text, first_line, (start, end), expected) in cases {
            let source = Source::new("s.kgq", first_line, text);
            assert_eq!(
                render(&source, Span::new(start, end), "oops"),
                expected,
                "{text}"
            );
        }
    }

    /// Found by the `query_parser` fuzz target: `why PMF \r\r` made the caret's start pass the drawn
    /// line's end, and the clamp panicked.
    #[test]
    fn a_span_among_trailing_carriage_returns_is_drawn_at_the_line_end() {
        let source = Source::new("s.kgq", 1, "why PMF \r\r");
        for (start, end) in [(9, 10), (10, 10), (8, 10), (9, 99)] {
            let rendered = render(&source, Span::new(start, end), "oops");
            assert!(
                rendered.ends_with("1 | why PMF \n  |         ^"),
                "{start}..{end}: {rendered}"
            );
        }
    }

    /// Issue 21: control characters typed into a line are shown in the drawing, the caret still under
    /// the span; a very long line is cut around the span.
    #[test]
    fn control_characters_are_shown_and_long_lines_cut() {
        let long = format!("find {}", "a".repeat(1000));
        let long_span = format!("neighbours {} depth 2", "b".repeat(100_000));
        let cases: Vec<(&str, (usize, usize), String)> = vec![
            (
                "why \u{1b}[31m Irak",
                (10, 14),
                format!("1 | why \\u{{1b}}[31m Irak\n  | {}^^^^", " ".repeat(15)),
            ),
            (
                "entity \"a\u{0}b\"",
                (7, 12),
                format!(
                    "1 | entity \"a\\u{{0}}b\"\n  | {}{}",
                    " ".repeat(7),
                    "^".repeat(9)
                ),
            ),
            (
                "why\tI\u{7f}",
                (4, 6),
                format!("1 | why\tI\\u{{7f}}\n  |    \t{}", "^".repeat(7)),
            ),
            (
                &long,
                (1004, 1005),
                format!("1 | …{}\n  | {}^", "a".repeat(41), " ".repeat(41)),
            ),
            (
                &long_span,
                (11, 100_011),
                format!(
                    "1 | neighbours {}…\n  | {}{}",
                    "b".repeat(149),
                    " ".repeat(11),
                    "^".repeat(149)
                ),
            ),
        ];
        for (text, (start, end), expected) in cases {
            let source = Source::new("<repl>", 1, text);
            let rendered = render(&source, Span::new(start, end), "oops");
            assert!(
                rendered.ends_with(&expected),
                "{:?}: {rendered}",
                &text[..text.len().min(40)]
            );
        }
    }

    #[test]
    fn survives_spans_inside_characters_and_past_the_end() {
        let source = Source::new("<repl>", 1, "why é");
        let rendered = render(&source, Span::new(5, 99), "oops");
        assert!(rendered.ends_with("1 | why é\n  |     ^"), "{rendered}");
        assert_eq!(location(&source, Span::new(6, 6)), "<repl>:1:6");
    }
}
