//! Tokens: words (with their internal apostrophes and hyphens), numbers, possessive endings, punctuation.
//!
//! Hyphenated compounds ("Iran-Iraq", "US-backed", "al-Haq") stay one token, because whether they are one
//! name or two actors is a question for the mention finder, which can split them with [`compound_parts`].

use crate::model::Span;
use regex::Regex;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{Anchored, Input};
use std::cell::RefCell;
use std::sync::LazyLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits after a letter), with internal apostrophes and hyphens: `Asa'ib`, `al-Haq`.
    Word,
    /// Starts with a digit: `2003`, `1990–91`, `S-400` is a word.
    Number,
    /// The possessive ending `'s` or `’s`, split off its word.
    Possessive,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token: its byte span in the document and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, document: &'a str) -> &'a str {
        self.span.slice(document)
    }
}

/// The token pattern: a token is its leftmost-first match.
///
/// Zero-width characters (space U+200B, non-joiner U+200C, joiner U+200D, word joiner U+2060, no-break
/// space U+FEFF) between letters or digits stay inside the word: "Hez\u{200b}bollah" is one word, not
/// "Hez" and "bollah" (and Persian writes its non-joiner inside words).
const TOKEN_PATTERN: &str = r"(?x)
        (?:\p{Lu}\.){2,}(?:[-–][\p{L}\p{M}\p{N}]+)*
        | [\p{L}\p{M}\p{N}]+(?:[\x{200B}-\x{200D}\x{2060}\x{FEFF}]+[\p{L}\p{M}\p{N}]+)*
          (?:['’][\p{L}\p{M}]+(?:[\x{200B}-\x{200D}\x{2060}\x{FEFF}]+[\p{L}\p{M}]+)*)*
          (?:[-–][\p{L}\p{M}\p{N}]+(?:[\x{200B}-\x{200D}\x{2060}\x{FEFF}]+[\p{L}\p{M}\p{N}]+)*
            (?:['’][\p{L}\p{M}]+(?:[\x{200B}-\x{200D}\x{2060}\x{FEFF}]+[\p{L}\p{M}]+)*)*)*
        | \S";

#[cfg(test)]
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, checked by every test run
    Regex::new(TOKEN_PATTERN).expect("token pattern")
});

/// A lazy DFA of [`TOKEN_PATTERN`] for anchored searches: the end of the token that starts where the
/// search does, which is all the scanner asks of the pattern. A forward automaton alone: `regex`'s
/// `Regex` also compiles the pattern backwards (to find where a match starts), which doubled the cost
/// of building it over the pattern's Unicode classes, a fixed cost of every `kg build`.
static TOKEN_HERE: LazyLock<DFA> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, checked by every test run
    DFA::builder()
        .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
        .build(TOKEN_PATTERN)
        .expect("token pattern")
});

thread_local! {
    /// The lazy DFA's states built so far, per thread.
    static TOKEN_CACHE: RefCell<Option<Cache>> = const { RefCell::new(None) };
}

/// Where the token that starts at the start of `rest` ends, by [`TOKEN_PATTERN`]: None when no token
/// starts there (white space).
fn pattern_match_end(rest: &str) -> Option<usize> {
    let dfa = &*TOKEN_HERE;
    let found = TOKEN_CACHE.with_borrow_mut(|cache| {
        let cache = cache.get_or_insert_with(|| dfa.create_cache());
        dfa.try_search_fwd(cache, &Input::new(rest).anchored(Anchored::Yes))
    });
    match found {
        Ok(found) => found.map(|end| end.offset()),
        // The DFA quits on no byte and never gives up on its cache, so a search cannot fail; were it
        // to, the whole pattern would still give the answer.
        Err(_) => TOKEN_ANCHORED.find(rest).map(|found| found.end()),
    }
}

/// [`TOKEN_PATTERN`] anchored at the start of the haystack, for [`pattern_match_end`] should its lazy
/// DFA fail (and only then compiled).
static TOKEN_ANCHORED: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, checked by every test run
    Regex::new(&format!(r"\A(?:{TOKEN_PATTERN})")).expect("token pattern")
});

/// Compiles the token pattern now rather than at the first token that needs it (a millisecond of
/// Unicode classes), so a caller can have it done while it waits on something else, such as reading
/// files, instead of every thread of the first pass waiting on the one compiling it.
pub fn prepare_tokenizer() {
    LazyLock::force(&TOKEN_HERE);
}

/// Tokenizes the part of `text` covered by `within`. Spans are relative to `text`, not to `within`.
///
/// The tokens are the matches of the pattern `TOKEN_PATTERN`, found by a scanner over ASCII bytes: a token whose
/// matching looks at a non-ASCII character (a curly apostrophe, an en dash, an accented letter) is left
/// to the pattern itself, so the result is the pattern's in every case.
pub fn tokenize(text: &str, within: Span) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, within, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens`, which it clears first: a caller tokenising many sentences can keep one
/// buffer.
pub fn tokenize_into(text: &str, within: Span, tokens: &mut Vec<Token>) {
    tokens.clear();
    let Some(slice) = text.get(within.start..within.end) else {
        return;
    };
    let bytes = slice.as_bytes();
    tokens.reserve(slice.len() / 5 + 1);
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let class = CLASS[usize::from(byte)];
        if class & SPACE != 0 {
            at += 1;
            continue;
        }
        if class & WORD != 0
            && let Some(end) = plain_word_end(bytes, at, class)
        {
            tokens.push(Token {
                span: Span::new(within.start + at, within.start + end),
                kind: if class & DIGIT != 0 {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
            at = end;
            continue;
        }
        if class & NON_ASCII == 0
            && let Some(end) = ascii_match_end(bytes, at)
        {
            let start = within.start + at;
            let span_end = within.start + end;
            if class & WORD != 0 {
                // A word or a number of ASCII characters: its possessive can only be "'s".
                let kind = if class & DIGIT != 0 {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                if end - at > 2 && bytes[end - 2] == b'\'' && bytes[end - 1] == b's' {
                    tokens.push(Token {
                        span: Span::new(start, span_end - 2),
                        kind,
                    });
                    tokens.push(Token {
                        span: Span::new(span_end - 2, span_end),
                        kind: TokenKind::Possessive,
                    });
                } else {
                    tokens.push(Token {
                        span: Span::new(start, span_end),
                        kind,
                    });
                }
            } else if byte == b'\'' {
                push_match(text, slice, within.start, at, end, tokens);
            } else {
                tokens.push(Token {
                    span: Span::new(start, span_end),
                    kind: TokenKind::Punct,
                });
            }
            at = end;
            continue;
        }
        // A non-ASCII character decides: the pattern itself, from here.
        match pattern_token(text, slice, within.start, at, tokens) {
            Some(end) => at = end,
            None => break,
        }
    }
}

/// Reads the token at `at` of `slice` (which starts at `offset` in `text`) with the pattern itself,
/// into `tokens`: where reading goes on, or None at the end. A character that starts no match is white
/// space (`\S` matches any other), which it steps over as the unanchored pattern would.
#[cold]
#[inline(never)]
fn pattern_token(
    text: &str,
    slice: &str,
    offset: usize,
    at: usize,
    tokens: &mut Vec<Token>,
) -> Option<usize> {
    let rest = slice.get(at..)?;
    match pattern_match_end(rest) {
        Some(end) => {
            push_match(text, slice, offset, at, at + end, tokens);
            Some(at + end)
        }
        None => rest.chars().next().map(|space| at + space.len_utf8()),
    }
}

/// Adds the match `slice[start..end]` to `tokens`: a word (with its possessive split off), a number, a
/// name-final apostrophe joined to its word, or punctuation. `offset` is where `slice` starts in `text`.
fn push_match(
    text: &str,
    slice: &str,
    offset: usize,
    found_start: usize,
    found_end: usize,
    tokens: &mut Vec<Token>,
) {
    let start = offset + found_start;
    let end = offset + found_end;
    let word = &slice[found_start..found_end];
    let first = word.chars().next().unwrap_or(' ');
    if first.is_alphanumeric() {
        let possessive = ["'s", "’s"]
            .iter()
            .find(|ending| word.len() > ending.len() && word.ends_with(*ending));
        if let Some(ending) = possessive {
            let split = end - ending.len();
            tokens.push(word_token(text, Span::new(start, split)));
            tokens.push(Token {
                span: Span::new(split, end),
                kind: TokenKind::Possessive,
            });
            return;
        }
        tokens.push(word_token(text, Span::new(start, end)));
    } else if (word == "'" || word == "’")
        && tokens
            .last()
            .is_some_and(|t| t.kind == TokenKind::Word && t.span.end == start)
        && slice[found_end..].starts_with(char::is_whitespace)
    {
        let plural_possessive = tokens
            .last()
            .is_some_and(|t| t.text(text).ends_with(['s', 'S']));
        if plural_possessive {
            // "the United States' allies": the possessive of a name, not a part of it.
            tokens.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Possessive,
            });
        } else if let Some(last) = tokens.last_mut() {
            // A name-final apostrophe ("Shia' Al Sudani") belongs to its word.
            last.span.end = end;
        }
    } else {
        tokens.push(Token {
            span: Span::new(start, end),
            kind: TokenKind::Punct,
        });
    }
}

/// Byte classes for the scanner: `[\p{L}\p{M}\p{N}]` (WORD), `[\p{L}\p{M}]` (LETTER), `\p{Lu}` (UPPER)
/// and digits on ASCII; `\s` on ASCII (SPACE: tab, line feed, vertical tab, form feed, carriage return,
/// space, the ASCII part of Unicode White_Space); and bytes of characters outside ASCII (NON_ASCII),
/// which the scanner does not classify. Segmentation reads them too.
pub(super) const WORD: u8 = 1;
pub(super) const LETTER: u8 = 2;
pub(super) const UPPER: u8 = 4;
pub(super) const DIGIT: u8 = 8;
pub(super) const SPACE: u8 = 16;
pub(super) const NON_ASCII: u8 = 32;

pub(super) const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = if b >= 0x80 {
            NON_ASCII
        } else if b.is_ascii_uppercase() {
            WORD | LETTER | UPPER
        } else if b.is_ascii_lowercase() {
            WORD | LETTER
        } else if b.is_ascii_digit() {
            WORD | DIGIT
        } else if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            SPACE
        } else {
            0
        };
        byte += 1;
    }
    table
};

/// The class of the byte at `index`; the end of the text has none.
fn class_at(bytes: &[u8], index: usize) -> u8 {
    bytes.get(index).map_or(0, |&b| CLASS[usize::from(b)])
}

/// Skips bytes of a class from `index`: the index after them, or None at a non-ASCII byte (which may or
/// may not be of the class).
fn skip_class(bytes: &[u8], mut index: usize, class: u8) -> Option<usize> {
    loop {
        let found = class_at(bytes, index);
        if found & class != 0 {
            index += 1;
        } else if found & NON_ASCII != 0 {
            return None;
        } else {
            return Some(index);
        }
    }
}

/// `(?:['’][\p{L}\p{M}]+)*` from `index`, on ASCII.
fn skip_apostrophe_groups(bytes: &[u8], mut index: usize) -> Option<usize> {
    loop {
        match bytes.get(index) {
            Some(b'\'') => {
                let end = skip_class(bytes, index + 1, LETTER)?;
                if end == index + 1 {
                    return Some(index);
                }
                index = end;
            }
            Some(byte) if *byte >= 0x80 => return None,
            _ => return Some(index),
        }
    }
}

/// `(?:[-–][\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)*` from `index` (with the apostrophe groups only
/// when `apostrophes`), on ASCII.
fn skip_hyphen_groups(bytes: &[u8], mut index: usize, apostrophes: bool) -> Option<usize> {
    loop {
        match bytes.get(index) {
            Some(b'-') => {
                let end = skip_class(bytes, index + 1, WORD)?;
                if end == index + 1 {
                    return Some(index);
                }
                index = if apostrophes {
                    skip_apostrophe_groups(bytes, end)?
                } else {
                    end
                };
            }
            Some(byte) if *byte >= 0x80 => return None,
            _ => return Some(index),
        }
    }
}

/// The end of the match of [`TOKEN_PATTERN`] at `start`, a letter or digit of class `class`, in the common
/// case: a run of ASCII letters and digits followed by the end or by an ASCII byte that neither
/// continues a word (an apostrophe, a hyphen) nor, after a lone capital, makes an abbreviation (a full
/// stop). Such a match is all of the run, with no possessive in it. None in any other case, which
/// [`ascii_match_end`] and the pattern decide.
#[inline]
fn plain_word_end(bytes: &[u8], start: usize, class: u8) -> Option<usize> {
    let mut end = start + 1;
    while bytes
        .get(end)
        .is_some_and(|&b| CLASS[usize::from(b)] & WORD != 0)
    {
        end += 1;
    }
    match bytes.get(end) {
        None => Some(end),
        Some(&next) => {
            let abbreviation = next == b'.' && end == start + 1 && class & UPPER != 0;
            (next.is_ascii() && next != b'\'' && next != b'-' && !abbreviation).then_some(end)
        }
    }
}

/// The end of the match of [`TOKEN_PATTERN`] at `start` (an ASCII byte that is not white space), or None when
/// a non-ASCII character could change it. The alternatives are tried in the pattern's order, and each
/// is greedy with nothing after it, so the first that matches gives the match.
fn ascii_match_end(bytes: &[u8], start: usize) -> Option<usize> {
    let first = class_at(bytes, start);
    if first & WORD == 0 {
        // \S: one ASCII character (the other alternatives start with a letter or a digit).
        return Some(start + 1);
    }
    // (?:\p{Lu}\.){2,}(?:[-–][\p{L}\p{M}\p{N}]+)*
    if first & UPPER != 0 && bytes.get(start + 1) == Some(&b'.') {
        let mut index = start;
        let mut repeats = 0;
        loop {
            let class = class_at(bytes, index);
            if class & UPPER != 0 && bytes.get(index + 1) == Some(&b'.') {
                index += 2;
                repeats += 1;
            } else if class & NON_ASCII != 0 {
                // A non-ASCII letter might repeat the group; '.' is ASCII, so the byte after an
                // upper-case letter decides nothing unless it is one.
                return None;
            } else {
                break;
            }
        }
        if repeats >= 2 {
            return skip_hyphen_groups(bytes, index, false);
        }
    }
    // [\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*(?:[-–][\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)*
    let end = skip_class(bytes, start + 1, WORD)?;
    let end = skip_apostrophe_groups(bytes, end)?;
    skip_hyphen_groups(bytes, end, true)
}

fn word_token(text: &str, span: Span) -> Token {
    let kind = if span.slice(text).starts_with(|c: char| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token { span, kind }
}

/// The parts of a hyphenated compound token, as spans: `US-China` gives `US` and `China`. The hyphen of an
/// abbreviation with dots (`U.S.-led`) splits too. A token without hyphens gives itself.
pub fn compound_parts(text: &str, token: Span) -> Vec<Span> {
    let slice = token.slice(text);
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in slice.char_indices() {
        if c == '-' || c == '–' {
            if i > start {
                parts.push(Span::new(token.start + start, token.start + i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < slice.len() {
        parts.push(Span::new(token.start + start, token.end));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn tokenizes() {
        use TokenKind::*;
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            (
                "Iraq’s army",
                &[("Iraq", Word), ("’s", Possessive), ("army", Word)],
            ),
            (
                "the U.S.-led coalition",
                &[("the", Word), ("U.S.-led", Word), ("coalition", Word)],
            ),
            (
                "Asa'ib Ahl al-Haq",
                &[("Asa'ib", Word), ("Ahl", Word), ("al-Haq", Word)],
            ),
            ("Shia' Al", &[("Shia'", Word), ("Al", Word)]),
            // Issue 18: a plural's possessive apostrophe is no part of the name.
            (
                "the United States' allies",
                &[
                    ("the", Word),
                    ("United", Word),
                    ("States", Word),
                    ("'", Possessive),
                    ("allies", Word),
                ],
            ),
            (
                "in 1990–91, $5",
                &[
                    ("in", Word),
                    ("1990–91", Number),
                    (",", Punct),
                    ("$", Punct),
                    ("5", Number),
                ],
            ),
            ("(PMF)", &[("(", Punct), ("PMF", Word), (")", Punct)]),
            ("U.S. forces", &[("U.S.", Word), ("forces", Word)]),
            // Issue 21: a zero-width character inside a word split it.
            (
                "Hez\u{200b}bollah’s al-Ha\u{200d}q",
                &[
                    ("Hez\u{200b}bollah", Word),
                    ("’s", Possessive),
                    ("al-Ha\u{200d}q", Word),
                ],
            ),
            (
                "\u{200b}Iraq\u{200c} ",
                &[("\u{200b}", Punct), ("Iraq", Word), ("\u{200c}", Punct)],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    /// The tokens of the pattern's own matches: what the scanner must give.
    fn tokenize_with_pattern(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        for found in TOKEN.find_iter(text) {
            push_match(text, text, 0, found.start(), found.end(), &mut tokens);
        }
        tokens
    }

    #[test]
    fn scanner_agrees_with_the_pattern_on_tricky_text() {
        let cases = [
            "U.S.-led U.S.A. A.B U.S.-É A.É. A.b. a.B.C. X.Y.-1-2 U.S.–led U.S.-",
            "rock'n'roll don't 'tis a'1 a'é a’b a-’b a-b'c2 a-b-c- a--b a-é -a a– a-–b",
            "Iraq’s Iraq's Shia' Al Shia'\u{a0}Al Shia’ s' 's x's'",
            "1990–91 2003-2011 S-400 ⅻ-b ²a a² é́ e\u{301}x Ü.Ö. Ü.Ö.-x\u{301}",
            " \t\n\x0b\x0c\r\u{85}\u{a0}\u{2003}x\u{1c}y\u{200b}z",
            "“Quoted”, (PMF) — [x] $5 &c. ...",
            "Hez\u{200b}bollah Hez\u{200c}\u{200d}bollah Ira\u{2060}q\u{feff}’s \u{200b}x y\u{200b} a-b\u{200b}c",
        ];
        for text in cases {
            assert_eq!(
                tokenize(text, Span::new(0, text.len())),
                tokenize_with_pattern(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn scanner_agrees_with_the_pattern_on_the_corpus() {
        let documents =
            crate::text::load_documents(&[std::path::PathBuf::from("data")]).expect("data/ loads");
        assert!(!documents.is_empty());
        for document in &documents {
            let text = &document.text;
            assert_eq!(
                tokenize(text, Span::new(0, text.len())),
                tokenize_with_pattern(text),
                "{}",
                document.name
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn scanner_agrees_with_the_pattern(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "A", "B", "a", "z", "0", "9", ".", "-", "–", "—", "'", "’", "s", " ", "\t", "\n", "\u{a0}",
            "É", "é", "\u{301}", "²", "Ⅻ", "ⅻ", "$", ",", "(", "\u{85}", "\u{1c}", "中", "\u{1F600}",
            "“", "”", "‘", "…", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}",
        ]), 0..24)) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(
                tokenize(&text, Span::new(0, text.len())),
                tokenize_with_pattern(&text)
            );
            // A span inside the text: offsets are relative to the whole text.
            if let Some((cut, _)) = text.char_indices().nth(1) {
                let within = Span::new(cut, text.len());
                let shifted: Vec<Token> = tokenize_with_pattern(&text[cut..])
                    .into_iter()
                    .map(|t| Token { span: Span::new(t.span.start + cut, t.span.end + cut), kind: t.kind })
                    .collect();
                proptest::prop_assert_eq!(tokenize(&text, within), shifted);
            }
        }
    }

    #[test]
    fn splits_compounds() {
        let cases: &[(&str, &[&str])] = &[
            ("US-China", &["US", "China"]),
            ("U.S.-led", &["U.S.", "led"]),
            ("Iran", &["Iran"]),
            ("Sino-Iraqi", &["Sino", "Iraqi"]),
        ];
        for (text, expected) in cases {
            let parts: Vec<&str> = compound_parts(text, Span::new(0, text.len()))
                .iter()
                .map(|s| s.slice(text))
                .collect();
            assert_eq!(parts, *expected);
        }
    }
}
