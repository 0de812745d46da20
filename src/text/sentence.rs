//! Sentence segmentation: split a document into sentence spans, skipping page furniture.
//!
//! Segmentation runs in two layers, both linear in the length of the text.
//!
//! **Lines into blocks.** The text is cut into lines (`\n`, with any `\r` treated as whitespace). Blank
//! lines, furniture lines (see [`super::furniture`]) and menu lines end a block and yield nothing. A
//! bullet (`•`, `·`, `‣`, `◦`, `▪`, `●`, or `-`, `*`, `–`, `—` followed by a space) is cut off the front
//! of its line and always starts a new block. Otherwise a line break ends a block, except when the next
//! line starts with a lower-case letter, or the line ends with a comma, a semicolon or a lower-case
//! joining word (`and`, `of`, `the`, …): then the text was hard-wrapped and the block goes on.
//!
//! **Blocks into sentences.** Inside a block, a sentence ends at a *stop*:
//!
//! ```text
//! stop     = mark+ closer* footnote?
//! mark     = "." | "?" | "!" | "…"
//! closer   = "”" | "\"" | "’" | "'" | ")" | "]" | "»" | "›" | "}"
//! footnote = digit{1,3}            (not followed by another digit)
//! opening  = whitespace* opener* word
//! opener   = "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "‹" | "{"
//! ```
//!
//! Whether a stop ends the sentence depends on what is around it:
//!
//! - At the end of the block it always does.
//! - Followed by whitespace, it does unless the next word (after any openers) starts with a lower-case
//!   letter (`e.g. the`, `... and then`). For a single full stop, the word before it decides further:
//!   a leading abbreviation (`Dr.`, `e.g.`) never ends a sentence; a trailing one (`U.S.`, `etc.`, an
//!   initial such as `W.`) ends it only before a capitalised function word (`The`, `However`); any
//!   abbreviation before a number ends nothing (`No. 304`); and a number of up to three digits among
//!   the first two words of a sentence is a list or caption number (`1. Introduction`, `TABLE 1. Debt`).
//! - Footnote digits after a stop stay with the sentence they follow when the mark comes after a letter,
//!   a closer or a four-digit year; they end it before whitespace or a capital: `grand strategy.7In`,
//!   `the government.”6 These`. After any other digit they are a decimal (`$1.6 billion`) and end nothing.
//! - Glued directly to a capital and a lower-case letter (`in 2019.The`) after a lower-case letter or a
//!   digit, it ends the sentence (a missing space); glued to anything else (`U.S.-led`, `3.5%`) it does
//!   not.
//!
//! A sentence is [`SentenceKind::Prose`] when it ends in a mark (then optionally closers and footnote
//! digits) and has at least four words, or three of which one starts in lower case; everything else
//! (headings, table rows, captions, bylines) is a [`SentenceKind::Fragment`]. Words are whitespace-separated
//! pieces that hold a letter.
//!
//! Quotes and brackets are not matched against each other, so deep or unbalanced nesting costs nothing.

use super::abbreviation::{Abbreviation, classify_abbreviation, is_sentence_opening_word};
use super::furniture::{find_menu_lines, is_furniture_line};
use super::token::{CLASS, LETTER, NON_ASCII, SPACE, UPPER};
use crate::model::Span;
use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n, take_while1};
use nom::character::complete::{one_of, satisfy};
use nom::combinator::{not, peek, recognize};
use nom::sequence::terminated;
use nom::{IResult, Parser};

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
///
/// # Returns
/// Sentences in document order, not overlapping, each span non-empty, trimmed of whitespace and on char
/// boundaries of `text`.
///
/// # Complexity
/// Linear in `text.len()`.
pub fn segment_sentences(text: &str) -> Vec<Sentence> {
    let mut lines = read_lines(text);
    mark_menu_lines(text, &mut lines);
    let mut builder = BlockBuilder::new(text);
    for line in &lines {
        builder.add_line(line);
    }
    builder.finish()
}

/// What a line holds, for the purpose of building blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Furniture,
    Text,
}

/// One line of text of the document: `start..end` is the line trimmed of whitespace, `body_start` is
/// where its text starts after any bullet. Blank and furniture lines are not kept (a document of
/// line breaks alone would cost a record per byte): `after_break` says that one or more came between
/// this line and the text line before it.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    body_start: usize,
    end: usize,
    bulleted: bool,
    after_break: bool,
    kind: LineKind,
}

/// The text lines of `text`, each saying whether a blank or furniture line came before it.
fn read_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    // `text.split_inclusive('\n')`, with the line breaks found many bytes at a time (a document may
    // be one long line per paragraph).
    let bytes = text.as_bytes();
    let breaks = memchr::memchr_iter(b'\n', bytes).map(|at| at + 1);
    let last_end = (!bytes.ends_with(b"\n")).then_some(bytes.len());
    let mut line_start = 0;
    let mut after_break = false;
    for line_end in breaks.chain(last_end).filter(|&end| end > 0) {
        let line = read_line(text, line_start, line_end, after_break);
        after_break = line.kind != LineKind::Text;
        if !after_break {
            lines.push(line);
        }
        line_start = line_end;
    }
    lines
}

/// The line `line_start..line_end` of `text` (its break included), of whatever kind.
fn read_line(text: &str, line_start: usize, line_end: usize, after_break: bool) -> Line {
    let raw = text.get(line_start..line_end).unwrap_or("");
    let leading = raw.len() - raw.trim_start().len();
    let start = line_start + leading;
    let end = (line_start + raw.trim_end().len()).max(start);
    let trimmed = text.get(start..end).unwrap_or("");
    let kind = if trimmed.is_empty() {
        LineKind::Blank
    } else if is_furniture_line(trimmed) {
        LineKind::Furniture
    } else {
        LineKind::Text
    };
    let bullet_length = bullet(trimmed).map_or(0, |(_, found)| found.len());
    let body_start = start + bullet_length;
    Line {
        start,
        body_start,
        end,
        bulleted: bullet_length > 0,
        after_break,
        kind: if body_start == end && kind == LineKind::Text {
            LineKind::Blank
        } else {
            kind
        },
    }
}

/// Turns the menu lines among the text lines into furniture (rule 5 of [`super::furniture`]). Lines led
/// by a bullet or a dash are attributions or list items, never menus.
fn mark_menu_lines(text: &str, lines: &mut [Line]) {
    let text_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| l.kind == LineKind::Text))
        .collect();
    let bodies: Vec<&str> = text_lines
        .iter()
        .filter_map(|&i| lines.get(i))
        .map(|l| {
            if l.bulleted {
                // A bulleted line keeps its bullet so that it is never a menu candidate but its words
                // still count as the document's vocabulary.
                text.get(l.start..l.end).unwrap_or("")
            } else {
                text.get(l.body_start..l.end).unwrap_or("")
            }
        })
        .collect();
    for (&index, is_menu) in text_lines.iter().zip(find_menu_lines(&bodies)) {
        if let (true, Some(line)) = (is_menu, lines.get_mut(index)) {
            line.kind = LineKind::Furniture;
        }
    }
}

/// Gathers lines into blocks (runs of lines that may share a sentence) and segments each block.
struct BlockBuilder<'a> {
    text: &'a str,
    block: Option<(usize, usize)>,
    sentences: Vec<Sentence>,
}

impl<'a> BlockBuilder<'a> {
    fn new(text: &'a str) -> Self {
        BlockBuilder {
            text,
            block: None,
            sentences: Vec::new(),
        }
    }

    fn add_line(&mut self, line: &Line) {
        // A blank or furniture line (one passed over before this one, or this one, a menu) ends the
        // block.
        if line.after_break || line.kind != LineKind::Text {
            self.flush();
        }
        if line.kind != LineKind::Text {
            return;
        }
        match self.block {
            Some((start, end)) if !line.bulleted && self.continues(end, line.body_start) => {
                self.block = Some((start, line.end));
            }
            _ => {
                self.flush();
                self.block = Some((line.body_start, line.end));
            }
        }
    }

    /// Whether the line starting at `next` continues the block ending at `end` (hard-wrapped text).
    fn continues(&self, end: usize, next: usize) -> bool {
        let next_starts_lower = self
            .text
            .get(next..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_lowercase);
        // Only the tail of the previous line matters; a bounded look keeps this constant-time.
        let before = self.text.get(..end).unwrap_or("");
        let last_word = before
            .rsplit(char::is_whitespace)
            .next()
            .filter(|w| w.len() <= 16)
            .unwrap_or("");
        next_starts_lower || last_word.ends_with([',', ';']) || is_joining_word(last_word)
    }

    fn flush(&mut self) {
        if let Some((start, end)) = self.block.take() {
            segment_block(self.text, start, end, &mut self.sentences);
        }
    }

    fn finish(mut self) -> Vec<Sentence> {
        self.flush();
        self.sentences
    }
}

/// Lower-case words that cannot end a heading or a sentence, so a line ending in one was wrapped.
fn is_joining_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "into"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whose"
            | "between"
            | "than"
            | "its"
            | "their"
            | "his"
            | "her"
    )
}

type ParseResult<'a, O> = IResult<&'a str, O, nom::error::Error<&'a str>>;

/// `bullet = ("•" | "·" | "‣" | "◦" | "▪" | "●") whitespace* | ("-" | "*" | "–" | "—") whitespace+`
fn bullet(input: &str) -> ParseResult<'_, &str> {
    recognize((
        alt((
            one_of("•·‣◦▪●").map(|_| ()),
            terminated(one_of("-*–—"), peek(satisfy(char::is_whitespace))).map(|_| ()),
        )),
        take_while(char::is_whitespace),
    ))
    .parse(input)
}

fn is_terminal_mark(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// Finds the terminal marks of a block: `take_till(is_terminal_mark)` from any point, by bytes, as all
/// marks but '…' (E2 80 A6) are ASCII.
struct MarkFinder<'a> {
    block: &'a [u8],
    /// The first '…' at or after where the last search started, if any: found once for many searches,
    /// as the ellipsis is rare (a searcher for the three bytes costs more to build than a sentence
    /// costs to scan, so it is found by its lead byte).
    ellipsis: Option<usize>,
}

impl<'a> MarkFinder<'a> {
    fn new(block: &'a str) -> Self {
        let block = block.as_bytes();
        MarkFinder {
            block,
            ellipsis: Self::find_ellipsis(block, 0),
        }
    }

    fn find_ellipsis(block: &[u8], from: usize) -> Option<usize> {
        let rest = block.get(from..)?;
        memchr::memchr_iter(0xE2, rest)
            .find(|&at| rest.get(at + 1..at + 3) == Some(&[0x80, 0xA6]))
            .map(|at| from + at)
    }

    /// Where the first terminal mark at or after `from` is; `from` never goes back.
    fn next(&mut self, from: usize) -> Option<usize> {
        let rest = self.block.get(from..)?;
        // memchr scans many bytes at a time.
        let ascii = memchr::memchr3(b'.', b'?', b'!', rest).map(|at| from + at);
        if self.ellipsis.is_some_and(|at| at < from) {
            self.ellipsis = Self::find_ellipsis(self.block, from);
        }
        match (ascii, self.ellipsis) {
            (Some(ascii), Some(ellipsis)) => Some(ascii.min(ellipsis)),
            (ascii, ellipsis) => ascii.or(ellipsis),
        }
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»' | '›' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '‹' | '{')
}

/// `stop = mark+ closer*`, as (marks, closers).
fn stop(input: &str) -> ParseResult<'_, (&str, &str)> {
    (take_while1(is_terminal_mark), take_while(is_closer)).parse(input)
}

/// `footnote = digit{1,3}`, not followed by another digit.
fn footnote(input: &str) -> ParseResult<'_, &str> {
    terminated(
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        not(satisfy(|c: char| c.is_ascii_digit())),
    )
    .parse(input)
}

/// `opening = whitespace* opener* word`, as (whitespace, openers, word); the word is its letters and digits.
fn opening(input: &str) -> ParseResult<'_, (&str, &str, &str)> {
    (
        take_while(char::is_whitespace),
        take_while(is_opener),
        take_while(char::is_alphanumeric),
    )
        .parse(input)
}

/// What a stop means for the sentence it is in.
enum Verdict {
    /// The sentence goes on.
    Continue,
    /// The sentence ends at `end`; the next one starts at `next_start` (both relative to the block).
    Boundary { end: usize, next_start: usize },
}

/// Segments the block `start..end` of `text` into sentences.
fn segment_block(text: &str, start: usize, end: usize, sentences: &mut Vec<Sentence>) {
    let Some(block) = text.get(start..end) else {
        return;
    };
    let mut sentence_start = 0;
    let mut marks_from = MarkFinder::new(block);
    // Where the rest of the block, to look for marks in, starts.
    let mut rest = 0;
    while let Some(mark_position) = marks_from.next(rest)
        && let Some(at_mark) = block.get(mark_position..)
    {
        let Ok((after_stop, (marks, closers))) = stop(at_mark) else {
            break;
        };
        match judge_stop(
            block,
            sentence_start,
            mark_position,
            marks,
            closers,
            after_stop,
        ) {
            Verdict::Continue => rest = block.len() - after_stop.len(),
            Verdict::Boundary {
                end: sentence_end,
                next_start,
            } => {
                push_sentence(text, start, block, sentence_start, sentence_end, sentences);
                sentence_start = next_start;
                rest = if block.is_char_boundary(next_start) {
                    next_start
                } else {
                    block.len()
                };
            }
        }
    }
    push_sentence(text, start, block, sentence_start, block.len(), sentences);
}

/// Decides whether the stop `marks closers` at `mark_position` of `block` ends the sentence that began at
/// `sentence_start`; `after_stop` is the block after the closers. See the module docs for the rules.
fn judge_stop(
    block: &str,
    sentence_start: usize,
    mark_position: usize,
    marks: &str,
    closers: &str,
    after_stop: &str,
) -> Verdict {
    let before = block.get(..mark_position).unwrap_or("");
    let previous_char = before.chars().next_back();
    let word_before = previous_word(before);
    let stop_end = mark_position + marks.len() + closers.len();

    let footnote_digits = footnote(after_stop).ok().and_then(|(tail, digits)| {
        let after_word = previous_char.is_some_and(|c| !c.is_ascii_digit()) || is_year(word_before);
        let ends_there = tail
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c.is_uppercase());
        (after_word && ends_there).then_some(digits)
    });
    let end = stop_end + footnote_digits.map_or(0, str::len);
    let tail = block.get(end..).unwrap_or("");
    let boundary_at = |next_start| Verdict::Boundary { end, next_start };

    let Some(next_char) = tail.chars().next() else {
        return boundary_at(block.len());
    };
    if next_char.is_uppercase() {
        // Glued to a capital: a footnote marker, or a missing space after a lower-case word or a year.
        let second_is_lower = tail.chars().nth(1).is_some_and(char::is_lowercase);
        let missing_space = second_is_lower
            && previous_char.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && classify_abbreviation(word_before).is_none();
        return if footnote_digits.is_some() || missing_space {
            boundary_at(end)
        } else {
            Verdict::Continue
        };
    }
    if !next_char.is_whitespace() {
        return Verdict::Continue;
    }

    let Ok((_, (space, _, next_word))) = opening(tail) else {
        return boundary_at(block.len());
    };
    let next_start = end + space.len();
    let Some(first) = tail.get(space.len()..).and_then(|rest| {
        rest.chars()
            .find(|&c| !is_opener(c))
            .or_else(|| rest.chars().next())
    }) else {
        return boundary_at(block.len());
    };
    if first.is_lowercase() {
        return Verdict::Continue;
    }
    if marks != "." || footnote_digits.is_some() {
        return boundary_at(next_start);
    }
    if is_caption_number(block, sentence_start, mark_position, word_before) {
        return Verdict::Continue;
    }
    match classify_abbreviation(word_before) {
        None => boundary_at(next_start),
        Some(Abbreviation::Leading) => Verdict::Continue,
        Some(Abbreviation::Trailing) => {
            if is_sentence_opening_word(next_word) {
                boundary_at(next_start)
            } else {
                Verdict::Continue
            }
        }
    }
}

/// The word just before a stop, without leading openers or trailing closers: `(U.S` gives `U.S`,
/// `policy”` gives `policy`. Abbreviations are short, so only the last few characters are looked at.
fn previous_word(before: &str) -> &str {
    match previous_word_ascii(before.as_bytes()).and_then(|word| before.get(word)) {
        Some(word) => word,
        None => previous_word_by_chars(before),
    }
}

/// [`previous_word`] by characters.
fn previous_word_by_chars(before: &str) -> &str {
    const LONGEST: usize = 24;
    let mut start = before.len();
    for (count, (index, c)) in before.char_indices().rev().enumerate() {
        if c.is_whitespace() {
            break;
        }
        if count == LONGEST {
            return "";
        }
        start = index;
    }
    before
        .get(start..)
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// [`previous_word`] on bytes, as a range of `before`, when the characters it reads are ASCII; None at
/// a byte of another character (which may be white space, a letter or neither).
fn previous_word_ascii(before: &[u8]) -> Option<std::ops::Range<usize>> {
    const LONGEST: usize = 24;
    let mut start = before.len();
    for (count, (index, &byte)) in before.iter().enumerate().rev().enumerate() {
        if !byte.is_ascii() {
            return None;
        }
        // `char::is_whitespace` on ASCII: tab to carriage return, and space.
        if matches!(byte, b'\t'..=b'\r' | b' ') {
            break;
        }
        if count == LONGEST {
            return Some(0..0);
        }
        start = index;
    }
    let word = before.get(start..)?;
    let Some(first) = word.iter().position(u8::is_ascii_alphanumeric) else {
        return Some(before.len()..before.len());
    };
    let last = word
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .unwrap_or(first);
    Some(start + first..start + last + 1)
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// A number of up to three digits among the first two words of a sentence numbers a list item or a
/// caption (`1. Introduction`, `TABLE 1. Iraqi Debt`), so its full stop ends nothing.
fn is_caption_number(
    block: &str,
    sentence_start: usize,
    mark_position: usize,
    word_before: &str,
) -> bool {
    const LONGEST_LABEL: usize = 24;
    if word_before.is_empty()
        || word_before.len() > 3
        || !word_before.bytes().all(|b| b.is_ascii_digit())
        || mark_position.saturating_sub(sentence_start) > LONGEST_LABEL
    {
        return false;
    }
    block
        .get(sentence_start..mark_position)
        .is_some_and(|head| head.split_whitespace().nth(2).is_none())
}

/// Pushes `from..to` of `block` (which starts at `offset` in `text`), trimmed, unless it is empty.
fn push_sentence(
    text: &str,
    offset: usize,
    block: &str,
    from: usize,
    to: usize,
    sentences: &mut Vec<Sentence>,
) {
    let Some(raw) = block.get(from..to) else {
        return;
    };
    let body = raw.trim();
    if body.is_empty() {
        return;
    }
    let start = offset + from + (raw.len() - raw.trim_start().len());
    let end = start + body.len();
    debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    sentences.push(Sentence {
        span: Span::new(start, end),
        kind: sentence_kind(body),
    });
}

/// Prose or fragment, by the rule in the module docs.
fn sentence_kind(body: &str) -> SentenceKind {
    let (words, lower_word) = match leading_words_ascii(body.as_bytes()) {
        Some(counted) => counted,
        None => leading_words(body),
    };
    let enough_words = words >= 4 || (words == 3 && lower_word);
    if enough_words && ends_with_stop(body) {
        SentenceKind::Prose
    } else {
        SentenceKind::Fragment
    }
}

/// Of the first words of `body` (split at white space) that have a letter, up to four: how many, and
/// whether the first letter of one is lower case.
fn leading_words(body: &str) -> (usize, bool) {
    let mut words = 0usize;
    let mut lower_word = false;
    for word in body.split_whitespace() {
        if word.contains(char::is_alphabetic) {
            words += 1;
            lower_word |= word
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_lowercase);
        }
        if words >= 4 {
            break;
        }
    }
    (words, lower_word)
}

/// [`leading_words`] on bytes, for a body that is ASCII as far as it reads; None at a byte of
/// another character before it is done (that character may be a letter or white space).
fn leading_words_ascii(body: &[u8]) -> Option<(usize, bool)> {
    let mut words = 0usize;
    let mut lower_word = false;
    // The kinds of byte that change the count: before a word's first letter, a letter, white space
    // or another character; after it, only white space or another character.
    const BEFORE_LETTER: u8 = SPACE | LETTER | NON_ASCII;
    const AFTER_LETTER: u8 = SPACE | NON_ASCII;
    let mut counted = BEFORE_LETTER;
    for &byte in body {
        let kind = CLASS[usize::from(byte)];
        if kind & counted == 0 {
            continue;
        }
        if kind & NON_ASCII != 0 {
            return None;
        }
        if kind & SPACE != 0 {
            counted = BEFORE_LETTER;
        } else {
            words += 1;
            lower_word |= kind & UPPER == 0;
            if words >= 4 {
                break;
            }
            counted = AFTER_LETTER;
        }
    }
    Some((words, lower_word))
}

/// `… mark+ closer* footnote?` at the end of `body`, where a footnote is not the decimals of a number.
fn ends_with_stop(body: &str) -> bool {
    let without_digits = body.trim_end_matches(|c: char| c.is_ascii_digit());
    let digit_count = body.len() - without_digits.len();
    let without_footnote = if digit_count <= 3 {
        without_digits
    } else {
        body
    };
    let without_closers = without_footnote.trim_end_matches(is_closer);
    let Some(last) = without_closers.chars().next_back() else {
        return false;
    };
    if !is_terminal_mark(last) {
        return false;
    }
    // "rose by 3.5" ends in a decimal, not in a footnote; "since 2006.72" ends in a year and a footnote,
    // as `judge_stop` decides too.
    let before_marks = without_closers.trim_end_matches(is_terminal_mark);
    let decimal = digit_count > 0
        && without_closers.len() == without_footnote.len()
        && before_marks.ends_with(|c: char| c.is_ascii_digit())
        && !is_year(previous_word(before_marks));
    !decimal
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(text: &str) -> Vec<&str> {
        segment_sentences(text)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            // Plain stops, questions and exclamations; `;` and `:` do not end a sentence.
            (
                "Iraq voted. Iran abstained! Why? Nobody knows; nobody asks: really.",
                &[
                    "Iraq voted.",
                    "Iran abstained!",
                    "Why?",
                    "Nobody knows; nobody asks: really.",
                ],
            ),
            // Leading abbreviations never end a sentence.
            (
                "Dr. Rasheed met Gen. Smith and Prof. Lee, e.g. in St. Louis, i.e. on Jan. 5 at No. 10.",
                &[
                    "Dr. Rasheed met Gen. Smith and Prof. Lee, e.g. in St. Louis, i.e. on Jan. 5 at No. 10.",
                ],
            ),
            (
                "Mr. Smith, Mrs. Jones, Ms. Lee, Lt. Col. Brown, Sgt. Capt. Rep. Sen. Gov. White spoke.",
                &[
                    "Mr. Smith, Mrs. Jones, Ms. Lee, Lt. Col. Brown, Sgt. Capt. Rep. Sen. Gov. White spoke.",
                ],
            ),
            (
                "Smith Jr. and Acme Inc. sued Foo Ltd. and Bar Co. and Baz Corp. over it.",
                &["Smith Jr. and Acme Inc. sued Foo Ltd. and Bar Co. and Baz Corp. over it."],
            ),
            (
                "See Fig. 3 and Vol. 2, pp. 12–14, cf. Smith et al. 2019, approx. 40 est. 1990.",
                &["See Fig. 3 and Vol. 2, pp. 12–14, cf. Smith et al. 2019, approx. 40 est. 1990."],
            ),
            (
                "Iraq vs. Iran, weapons, oil, etc. were discussed in Sept. and Oct. talks.",
                &["Iraq vs. Iran, weapons, oil, etc. were discussed in Sept. and Oct. talks."],
            ),
            // U.S. before a name or noun goes on; before a capitalised function word it ends the sentence.
            (
                "The U.S. Ambassador met U.K. and U.N. officials.",
                &["The U.S. Ambassador met U.K. and U.N. officials."],
            ),
            (
                "Iraq moved toward the U.S. The militias objected.",
                &["Iraq moved toward the U.S.", "The militias objected."],
            ),
            (
                "It relies on the U.S. However, China is close.",
                &["It relies on the U.S.", "However, China is close."],
            ),
            (
                "The U.S.-led coalition left.",
                &["The U.S.-led coalition left."],
            ),
            // Initials.
            (
                "Joe D. Hagan wrote that George W. Bush erred.",
                &["Joe D. Hagan wrote that George W. Bush erred."],
            ),
            // Decimals and numbers.
            (
                "It cost $1.6 billion, or 3.5% of GDP. Prices rose.",
                &["It cost $1.6 billion, or 3.5% of GDP.", "Prices rose."],
            ),
            // Closing quotes and brackets stay with their sentence; opening ones go with the next.
            (
                "He called it “a failed policy.” Next came war.",
                &["He called it “a failed policy.”", "Next came war."],
            ),
            (
                "He called it \"a failed policy.\" Next came war.",
                &["He called it \"a failed policy.\"", "Next came war."],
            ),
            (
                "Debt grew (see below.) Next came war. “Why now?” he asked. (Nobody knew.)",
                &[
                    "Debt grew (see below.)",
                    "Next came war.",
                    "“Why now?” he asked.",
                    "(Nobody knew.)",
                ],
            ),
            // Headings and lines without a full stop.
            (
                "Iraq’s Financial Vulnerability\nAs the war ended, oil prices dropped.",
                &[
                    "Iraq’s Financial Vulnerability",
                    "As the war ended, oil prices dropped.",
                ],
            ),
            (
                "Is China Really an Opportunity?\n\nChina is engaged.",
                &["Is China Really an Opportunity?", "China is engaged."],
            ),
            (
                "Paris Club 39 139\nGulf states 53 189",
                &["Paris Club 39 139", "Gulf states 53 189"],
            ),
            ("A heading\n\nanother line", &["A heading", "another line"]),
            ("Growth fell\n2.5 points.", &["Growth fell", "2.5 points."]),
            ("He said\n“No.”", &["He said", "“No.”"]),
            // Hard-wrapped text goes on after a lower-case start, a comma or a joining word.
            (
                "The deal was signed\nin 2011 by both sides.",
                &["The deal was signed\nin 2011 by both sides."],
            ),
            (
                "Relations with the\nUnited States improved, and\nChina noticed.",
                &["Relations with the\nUnited States improved, and\nChina noticed."],
            ),
            // Bullets are cut off their line, and each starts a new sentence.
            (
                "Goals:\n• End isolation\n- Strengthen security\n* grow the economy\n  – Amjed Rasheed",
                &[
                    "Goals:",
                    "End isolation",
                    "Strengthen security",
                    "grow the economy",
                    "Amjed Rasheed",
                ],
            ),
            // Footnote markers.
            (
                "grand strategy.7In this article, I analyze Iraq’s policy.",
                &[
                    "grand strategy.7",
                    "In this article, I analyze Iraq’s policy.",
                ],
            ),
            (
                "support for the government.”6 These thorough examinations.12\n\nNext paragraph.",
                &[
                    "support for the government.”6",
                    "These thorough examinations.12",
                    "Next paragraph.",
                ],
            ),
            (
                "It ended in 2019.The war went on.",
                &["It ended in 2019.", "The war went on."],
            ),
            (
                "It was created in 2010.45 The deal lapsed.",
                &["It was created in 2010.45", "The deal lapsed."],
            ),
            (
                "foreign policies.1\u{a0}As the scientist puts it, strategy matters.",
                &[
                    "foreign policies.1",
                    "As the scientist puts it, strategy matters.",
                ],
            ),
            // Ellipses.
            (
                "The talks … and the war... went on. Then… Peace came.",
                &[
                    "The talks … and the war... went on.",
                    "Then…",
                    "Peace came.",
                ],
            ),
            // Captions and numbered items keep their number.
            (
                "TABLE 1. Iraqi Debt by Creditor, 1979\n1. Introduction",
                &["TABLE 1. Iraqi Debt by Creditor, 1979", "1. Introduction"],
            ),
            (
                "The total was 125. Meanwhile debt rose.",
                &["The total was 125.", "Meanwhile debt rose."],
            ),
            // CRLF line endings and non-breaking spaces are whitespace.
            (
                "First line.\r\nSecond line.\r\n\r\nThird.\r\n",
                &["First line.", "Second line.", "Third."],
            ),
            // Furniture lines yield nothing and end the sentence before them.
            (
                "Opinion 26-02-2026 | 13:50\nDisclaimer: Views are the writers’ own.\nالعلامات الدالة\nIraq votes.",
                &["Iraq votes."],
            ),
            ("", &[]),
            ("  \n \u{a0}\n", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(texts(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn classifies_sentences() {
        use SentenceKind::*;
        let cases: &[(&str, &[SentenceKind])] = &[
            (
                "grand strategy.7In this article, I analyze Iraq’s policy.",
                &[Fragment, Prose],
            ),
            ("Iraq’s Financial Vulnerability", &[Fragment]),
            ("Is China Really an Opportunity?", &[Prose]),
            ("Iraq votes.", &[Fragment]),
            ("Iraq votes today.", &[Prose]),
            ("Iraqi Ministry Of Defence.", &[Prose]),
            ("Baghdad, Erbil, Basra.", &[Fragment]),
            ("Paris Club 39 139", &[Fragment]),
            ("TABLE 1. Iraqi Debt by Creditor, 1979", &[Fragment]),
            ("By Jane Doe", &[Fragment]),
            (
                "the government.”6 These thorough examinations.12",
                &[Fragment, Prose],
            ),
            (
                "He called it “a failed policy of war.” War followed.",
                &[Prose, Fragment],
            ),
            ("• Iraq signs the deal with China.", &[Prose]),
            ("The economy grew by 3.5", &[Fragment]),
            ("CNPC has invested in Iraq since 2006.72", &[Prose]),
        ];
        for (text, expected) in cases {
            let kinds: Vec<SentenceKind> = segment_sentences(text).iter().map(|s| s.kind).collect();
            assert_eq!(kinds, *expected, "{text:?}");
        }
    }

    #[test]
    fn skips_menu_lines_by_vocabulary() {
        let prose = "Iraq seeks security with the US and other partners in the region. ".repeat(20);
        let text = format!("Iraq moves toward US\nSmaller Bigger\nIraq’s Security\n\n{prose}");
        let found = texts(&text);
        assert_eq!(
            found[..3],
            [
                "Iraq moves toward US",
                "Iraq’s Security",
                "Iraq seeks security with the US and other partners in the region."
            ]
        );
        assert!(!found.contains(&"Smaller Bigger"));
    }

    /// Every span lies on char boundaries, is non-empty and trimmed, and spans are in order without overlap.
    fn assert_valid_spans(text: &str) {
        let mut previous_end = 0;
        for sentence in segment_sentences(text) {
            let Span { start, end } = sentence.span;
            assert!(start < end, "empty span {start}..{end} in {text:?}");
            assert!(previous_end <= start, "overlap at {start} in {text:?}");
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{text:?}"
            );
            let body = sentence.span.slice(text);
            assert_eq!(body, body.trim(), "untrimmed span in {text:?}");
            previous_end = end;
        }
    }

    #[test]
    fn sample_documents_give_valid_spans() {
        let directory = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut checked = 0;
        for entry in std::fs::read_dir(directory).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(!segment_sentences(&text).is_empty(), "{}", path.display());
                assert_valid_spans(&text);
                checked += 1;
            }
        }
        assert!(checked >= 2, "the sample documents are missing");
    }

    #[test]
    fn deep_nesting_and_long_runs_stay_linear() {
        let cases = [
            "(".repeat(100_000) + "Iraq. Iran.",
            "“".repeat(50_000) + &"”. ".repeat(50_000),
            "a.".repeat(100_000),
            "1.".repeat(100_000),
            ". ".repeat(100_000),
            "U.S. ".repeat(50_000),
            "x".repeat(200_000) + " 1. A 1. A 1. A",
        ];
        let started = std::time::Instant::now();
        for text in &cases {
            assert_valid_spans(text);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    /// Issue 21: 50 MB of line breaks took 2.7 GB, a 32-byte record for each blank line. Only text
    /// lines are kept, each knowing whether blank or furniture lines came before it.
    #[test]
    fn blank_and_furniture_lines_keep_no_record() {
        let cases: &[(&str, usize, &[bool])] = &[
            // (text, how many of the repeated piece, after_break of each line kept)
            ("\n", 1_000_000, &[]),
            ("\r\n \t\n", 100_000, &[]),
            ("* * *\n\n", 100_000, &[]),
            ("Iraq met Iran.\n", 3, &[false, false, false]),
            ("\n\nIraq met Iran.\n\n", 2, &[true, true]),
            ("Iraq met Iran.\n123\n", 2, &[false, true]),
        ];
        for (piece, times, after_break) in cases {
            let text = piece.repeat(*times);
            let kept: Vec<bool> = read_lines(&text).iter().map(|l| l.after_break).collect();
            assert_eq!(kept, *after_break, "{piece:?} x {times}");
        }
        assert!(segment_sentences(&"\n".repeat(1_000_000)).is_empty());
    }

    #[test]
    fn leading_words_on_bytes_agree_with_the_char_rule() {
        for body in [
            "",
            "a b c d",
            "A B C",
            "1 2 3 4",
            "x1 -y (z) \u{b}w\u{c}v",
            "One two three four five",
            "One, two. Three!",
            "é a b c",
            "a b c é",
            "a\u{a0}b c d",
        ] {
            if let Some(counted) = leading_words_ascii(body.as_bytes()) {
                assert_eq!(counted, leading_words(body), "{body:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn leading_words_agree_on_any_body(
            body in r"[a-zA-Z0-9 \t\n\u{b}\u{c}\r.,é\u{a0}\u{2003}]{0,30}",
        ) {
            if let Some(counted) = leading_words_ascii(body.as_bytes()) {
                prop_assert_eq!(counted, leading_words(&body));
            } else {
                prop_assert!(!body.is_ascii());
            }
        }

        #[test]
        fn marks_are_found_where_a_char_search_finds_them(
            text in r"([a-z .?!…\u{e2}\u{2026}\u{2014}”é]){0,40}",
        ) {
            let mut finder = MarkFinder::new(&text);
            for (from, _) in text.char_indices() {
                let expected = text[from..].find(is_terminal_mark).map(|at| from + at);
                prop_assert_eq!(finder.next(from), expected);
            }
        }

        #[test]
        fn previous_words_agree_on_any_text(
            before in r"[a-zA-Z0-9 \t\n\u{b}\u{c}\r.,'(”é\u{a0}\u{2003}]{0,40}",
        ) {
            if let Some(word) = previous_word_ascii(before.as_bytes()) {
                prop_assert_eq!(&before[word], previous_word_by_chars(&before));
            } else {
                prop_assert!(!before.is_ascii());
            }
        }

        #[test]
        fn never_panics_and_spans_are_valid(
            text in r"([a-zA-Z0-9 .?!…;:,\n\r\t\u{a0}“”‘’'\x22()\[\]•·*\-–—ا-ي]|U\.S\.|Dr\.|\.7In|\n\n){0,80}",
        ) {
            assert_valid_spans(&text);
        }

        #[test]
        fn never_panics_on_any_string(text in any::<String>()) {
            assert_valid_spans(&text);
        }
    }
}
