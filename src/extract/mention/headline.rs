//! Title-case headlines: a sentence or a quotation written in title case ("Tracing Iraqi Sovereign
//! Debt Through Defaults", “Is China Really an Opportunity?”) is the title of a work or a heading, not
//! a name. The finder takes the names inside one only with evidence (a lexicon name, or the name
//! found in prose elsewhere).

use super::words::is_capitalised;
use crate::extract::lexicon::Lexicon;
use crate::model::Span;
use crate::text::{Token, TokenKind};

/// The fewest words of four letters or more a headline has.
const MIN_LONG_WORDS: usize = 3;

/// Pushes onto `out` the token ranges of `tokens` that are title-case headlines: the whole sentence
/// (when it has no comma, semicolon or full stop), or a quotation inside it (“…” or "…"). A headline's words of four letters or more are all capitalised,
/// there are at least three of them, and one after the first is a capitalised function word
/// ("Through", "With", "Really"), which a name never has.
pub(super) fn find_headlines(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    out: &mut Vec<(usize, usize)>,
) {
    out.clear();
    // A whole sentence is a headline only without the punctuation of prose or of a citation.
    let punctuated = tokens
        .iter()
        .any(|t| t.kind == TokenKind::Punct && matches!(t.text(text), "," | ";" | "."));
    if !punctuated && is_headline(text, tokens, lexicon) {
        out.push((0, tokens.len()));
        return;
    }
    let mut open: Option<usize> = None;
    for (index, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Punct {
            continue;
        }
        match (token.text(text), open) {
            ("“", _) => open = Some(index + 1),
            ("\"", None) => open = Some(index + 1),
            ("”" | "\"", Some(start)) => {
                if let Some(quoted) = tokens.get(start..index)
                    && is_headline(text, quoted, lexicon)
                {
                    out.push((start, index));
                }
                open = None;
            }
            _ => {}
        }
    }
}

/// Pushes onto `out` the token range of `tokens` inside each of `cased` (headlines written in capitals,
/// as byte spans in text order), if any.
pub(super) fn add_cased_headlines(tokens: &[Token], cased: &[Span], out: &mut Vec<(usize, usize)>) {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return;
    };
    // Asked for every sentence: find the sentence's lines by search, not by reading every line of a
    // document that may be all capitals.
    let from = cased.partition_point(|line| line.end <= first.span.start);
    for line in cased[from..]
        .iter()
        .take_while(|line| line.start < last.span.end)
    {
        let inside = |t: &Token| t.span.start >= line.start && t.span.end <= line.end;
        if let Some(start) = tokens.iter().position(inside) {
            let end = start + tokens[start..].iter().take_while(|t| inside(t)).count();
            out.push((start, end));
        }
    }
}

fn is_headline(text: &str, tokens: &[Token], lexicon: &Lexicon) -> bool {
    let mut long_words = 0;
    let mut inner_function_word = false;
    for (position, token) in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .enumerate()
    {
        let word = token.text(text);
        if word.chars().count() < 4 {
            continue;
        }
        if !is_capitalised(word) || word.chars().all(char::is_uppercase) {
            return false;
        }
        long_words += 1;
        inner_function_word |= position > 0 && lexicon.is_function_word(word);
    }
    long_words >= MIN_LONG_WORDS && inner_function_word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize;

    #[test]
    fn title_case_headlines_are_found() {
        let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
        // (sentence, the headlines' texts)
        let cases: &[(&str, &[&str])] = &[
            (
                "Mapping Grain Routes Through Northern Ports",
                &["Mapping Grain Routes Through Northern Ports"],
            ),
            (
                "Is Brazil Really a Rising Power?",
                &["Is Brazil Really a Rising Power?"],
            ),
            (
                "See Ann Lee, “Counting Votes Across Three Decades,” Policy Notes, 2011.",
                &["Counting Votes Across Three Decades,"],
            ),
            // Names, and sentences of prose, are no headlines.
            ("Federal Reserve Bank of New York", &[]),
            (
                "The Popular Front for the Liberation of Somewhere met.",
                &[],
            ),
            (
                "Brazil signed a trade pact with Chile through its envoy.",
                &[],
            ),
            ("He called it “a deal Through and Through” in May.", &[]),
            ("BANKS RALLY THROUGH FRIDAY", &[]),
        ];
        for (sentence, expected) in cases {
            let tokens = tokenize(sentence, Span::new(0, sentence.len()));
            let mut found = Vec::new();
            find_headlines(sentence, &tokens, &lexicon, &mut found);
            let texts: Vec<&str> = found
                .iter()
                .map(|&(a, b)| {
                    let start = tokens[a].span.start;
                    let end = tokens[b - 1].span.end;
                    &sentence[start..end]
                })
                .collect();
            assert_eq!(texts, *expected, "{sentence:?}");
        }
    }

    #[test]
    fn lines_cased_back_mark_the_tokens_inside_them() {
        // The text is "A B C D E F" (one-letter words, two bytes apart); the lines as byte spans, and
        // the sentence's tokens as a range of the text's words.
        let text = "A B C D E F";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let line = |from: usize, to: usize| Span::new(2 * from, 2 * to - 1);
        type Case<'a> = (&'a [Span], (usize, usize), &'a [(usize, usize)]);
        let cases: &[Case] = &[
            (&[line(0, 2)], (0, 6), &[(0, 2)]),
            (
                &[line(0, 1), line(2, 3), line(5, 6)],
                (2, 6),
                &[(0, 1), (3, 4)],
            ),
            (&[line(0, 2), line(4, 6)], (2, 4), &[]),
            (&[], (0, 6), &[]),
        ];
        for (lines, (from, to), expected) in cases {
            let mut found = Vec::new();
            add_cased_headlines(&tokens[*from..*to], lines, &mut found);
            assert_eq!(found, *expected, "{lines:?} over words {from}..{to}");
        }
    }
}
