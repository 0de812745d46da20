//! What a graph file starts with, so that a graph is known by its content whatever its name: the
//! snapshot's magic bytes, or RON that opens the graph record with its `format_version`.
//!
//! The RON header, after any whitespace and comments (`// …` to the end of the line, `/* … */`,
//! which nest), is:
//!
//! ```text
//! header = [ identifier ] "(" "format_version" ":"    (no blank between identifier and "(")
//! ```
//!
//! Only the first [`HEAD_LENGTH`] bytes are looked at: a text that happens to open this way is a
//! graph file a user made by hand, not prose.

use super::format::GraphFormat;
use super::snapshot::MAGIC;
use std::io::Read;
use std::path::Path;

/// How much of a file is read to tell whether it is a graph.
pub(super) const HEAD_LENGTH: u64 = 4096;

impl GraphFormat {
    /// The format of the graph file at `path`, judged by its first bytes whatever its name; `None`
    /// for a file that does not start as a graph file does, or cannot be read.
    pub fn of_contents(path: &Path) -> Option<GraphFormat> {
        let mut head = Vec::new();
        std::fs::File::open(path)
            .ok()?
            .take(HEAD_LENGTH)
            .read_to_end(&mut head)
            .ok()?;
        GraphFormat::of_head(&head)
    }

    /// The format of a graph file starting with `head`, or `None` when it starts as neither does.
    pub fn of_head(head: &[u8]) -> Option<GraphFormat> {
        if head.starts_with(&MAGIC) {
            Some(GraphFormat::Binary)
        } else if opens_graph_record(head) {
            Some(GraphFormat::Ron)
        } else {
            None
        }
    }
}

/// True when `text` opens the RON graph record: `[identifier] ( format_version :`.
fn opens_graph_record(text: &[u8]) -> bool {
    let mut rest = skip_blank(text);
    // The record's name, which RON allows and kg never writes, is taken only right before its
    // parenthesis: a sentence such as "Iran (format_version: …" is prose.
    if rest
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
    {
        let name_length = rest
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
            .count();
        rest = &rest[name_length..];
    }
    let Some(rest) = rest.strip_prefix(b"(") else {
        return false;
    };
    let Some(rest) = skip_blank(rest).strip_prefix(b"format_version") else {
        return false;
    };
    skip_blank(rest).starts_with(b":")
}

/// `text` after its leading whitespace and comments. An unclosed block comment takes the rest.
fn skip_blank(mut text: &[u8]) -> &[u8] {
    loop {
        let trimmed = text.trim_ascii_start();
        if let Some(comment) = trimmed.strip_prefix(b"//") {
            text = comment
                .iter()
                .position(|&b| b == b'\n')
                .map_or(&[][..], |end| &comment[end..]);
        } else if let Some(comment) = trimmed.strip_prefix(b"/*") {
            text = after_block_comment(comment);
        } else {
            return trimmed;
        }
    }
}

/// `text` after the block comment it is inside (one level deep), counting nested ones as RON does.
fn after_block_comment(text: &[u8]) -> &[u8] {
    let mut depth = 1usize;
    let mut at = 0;
    while at < text.len() {
        match &text[at..] {
            [b'*', b'/', ..] => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return &text[at..];
                }
            }
            [b'/', b'*', ..] => {
                depth += 1;
                at += 2;
            }
            _ => at += 1,
        }
    }
    &[]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_files_are_known_by_their_first_bytes() {
        let mut snapshot = MAGIC.to_vec();
        snapshot.extend_from_slice(&[1, 0, 0, 0]);
        let cases: &[(&[u8], Option<GraphFormat>)] = &[
            (&snapshot, Some(GraphFormat::Binary)),
            (&MAGIC, Some(GraphFormat::Binary)),
            (
                b"(\n  format_version: 1,\n  documents: [",
                Some(GraphFormat::Ron),
            ),
            (b"(format_version:1)", Some(GraphFormat::Ron)),
            (
                b"\n// saved by hand\n/* a /* nested */ comment */ ( format_version : 2",
                Some(GraphFormat::Ron),
            ),
            (b"GraphFile(format_version: 1)", Some(GraphFormat::Ron)),
            (b"\t \r\n(\r\n\tformat_version\t:", Some(GraphFormat::Ron)),
            (b"", None),
            (b"KGRAPH", None),
            (b"(format_version 1)", None),
            (b"(documents: [], format_version: 1)", None),
            (b"(format_versions: 1)", None),
            (b"/* unclosed (format_version: 1)", None),
            (b"// (format_version: 1)", None),
            (b"The format_version of (this) text.", None),
            (b"Iran (format_version: 1)", None),
            (b"1(format_version: 1)", None),
            (b"{\"format_version\": 1}", None),
        ];
        for (head, expected) in cases {
            assert_eq!(
                GraphFormat::of_head(head),
                *expected,
                "{}",
                String::from_utf8_lossy(head)
            );
        }
    }
}
