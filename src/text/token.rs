//! Tokens: words (with their internal apostrophes and hyphens), numbers, possessive endings, punctuation.
//!
//! Hyphenated compounds ("Iran-Iraq", "US-backed", "al-Haq") stay one token, because whether they are one
//! name or two actors is a question for the mention finder, which can split them with [`compound_parts`].

use super::span::Span;
use regex::Regex;
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

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, checked by every test run
    Regex::new(
        r"(?x)
        (?:\p{Lu}\.){2,}(?:[-–][\p{L}\p{M}\p{N}]+)*
        | [\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*(?:[-–][\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)*
        | \S",
    )
    .expect("token pattern")
});

/// Tokenizes the part of `text` covered by `within`. Spans are relative to `text`, not to `within`.
pub fn tokenize(text: &str, within: Span) -> Vec<Token> {
    let Some(slice) = text.get(within.start..within.end) else {
        return Vec::new();
    };
    let mut tokens: Vec<Token> = Vec::new();
    for found in TOKEN.find_iter(slice) {
        let start = within.start + found.start();
        let end = within.start + found.end();
        let word = found.as_str();
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
                continue;
            }
            tokens.push(word_token(text, Span::new(start, end)));
        } else if (word == "'" || word == "’")
            && tokens
                .last()
                .is_some_and(|t| t.kind == TokenKind::Word && t.span.end == start)
            && slice[found.end()..].starts_with(char::is_whitespace)
        {
            // A name-final apostrophe ("Shia' Al Sudani") belongs to its word.
            if let Some(last) = tokens.last_mut() {
                last.span.end = end;
            }
        } else {
            tokens.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Punct,
            });
        }
    }
    tokens
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
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
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
