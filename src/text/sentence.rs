//! Sentence segmentation. (Placeholder: split at line breaks and ". "; replaced by the nom segmenter.)

use super::furniture::is_furniture_line;
use super::span::Span;

/// What kind of text a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceKind {
    /// A sentence of running text (it has sentence structure).
    Prose,
    /// A heading, table row, caption or bullet: text without sentence structure. Later stages only find
    /// entities already known from prose in fragments.
    Fragment,
}

/// One sentence: its byte span in the document (trimmed of surrounding whitespace) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub kind: SentenceKind,
}

/// Splits `text` into sentences, skipping page furniture.
pub fn segment_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if is_furniture_line(line) {
            continue;
        }
        let mut start = line_start;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'.' && bytes.get(i + 1) == Some(&b' ') {
                push(text, &mut sentences, start, line_start + i + 1);
                start = line_start + i + 1;
            }
        }
        push(text, &mut sentences, start, offset);
    }
    sentences
}

fn push(text: &str, sentences: &mut Vec<Sentence>, start: usize, end: usize) {
    let raw = &text[start..end];
    let trimmed_start = start + (raw.len() - raw.trim_start().len());
    let trimmed_end = start + raw.trim_end().len();
    if trimmed_start < trimmed_end {
        let body = &text[trimmed_start..trimmed_end];
        let kind = if body.ends_with(['.', '?', '!', '”', '"']) {
            SentenceKind::Prose
        } else {
            SentenceKind::Fragment
        };
        sentences.push(Sentence {
            span: Span::new(trimmed_start, trimmed_end),
            kind,
        });
    }
}
