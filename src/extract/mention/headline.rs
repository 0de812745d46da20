//! Title-case headlines: a sentence or a quotation written in title case ("Tracing Iraqi Sovereign
//! Debt Through Defaults", “Is China Really an Opportunity?”) is the title of a work or a heading, not
//! a name. The finder takes the names inside one only with evidence (a lexicon name, or the name
//! found in prose elsewhere).
//!
//! Within a sentence of prose, a run of capitalised words with a word inside it that a name never
//! capitalises ("Sovereign Debt Through Defaults", "Why Iran Is Winning") is a title too: such a word
//! ([`is_title_only_word`]) ends a name, and the names of the run need evidence from elsewhere. A
//! citation's publication, named right after a quoted title ("“Counting Votes,” Policy Notes"), is
//! part of the title.

use super::vocabulary::EnglishVocabulary;
use super::words::is_capitalised;
use crate::extract::lexicon::Lexicon;
use crate::model::Span;
use crate::text::{Token, TokenKind};

/// The fewest words of four letters or more a headline has.
const MIN_LONG_WORDS: usize = 3;

/// Prepositions a title capitalises and a name does not, unless a head noun leads them ("Movement
/// Toward Socialism"). "Against", "Without" and "Across" are left out: names have them ("Committee
/// Against Torture", "Doctors Without Borders", "Hands Across America").
const TITLE_PREPOSITIONS: &[&str] = &[
    "through", "toward", "towards", "into", "onto", "amid", "amidst", "versus", "vs", "despite",
];

/// Verbs, auxiliaries, question words and adverbs a title capitalises and a name never has after its
/// first word ("Why Iran Is Winning", "Is Peace Really Possible"). "Will", "May" and "Can" are left
/// out: they are given names or months too.
const TITLE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "does", "do", "did", "has", "have", "had", "could",
    "would", "should", "shall", "must", "why", "how", "what", "when", "where", "whether", "not",
    "really",
];

/// Whether the capitalised `word`, after `previous` inside a run of capitalised words, is one that only
/// a title capitalises ([`TITLE_PREPOSITIONS`] after no head noun, [`TITLE_VERBS`]).
pub(super) fn is_title_only_word(word: &str, previous: &str, lexicon: &Lexicon) -> bool {
    let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    // Title case only: a word in capitals ("THROUGH") is a heading's, read after it is cased back.
    is_capitalised(word)
        && word.len() <= 8
        && word.chars().any(char::is_lowercase)
        && (is(TITLE_VERBS) || (is(TITLE_PREPOSITIONS) && lexicon.head_noun(previous).is_none()))
}

/// Words a title may have between its capitalised words in lower case.
const TITLE_LOWER_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "for", "in", "on", "to", "at", "by", "with", "from",
];

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
    // One look at the punctuation: a whole sentence is a headline only without the punctuation of
    // prose or of a citation, and only a sentence with an opening quotation mark has a quotation.
    // (A punctuation token is one character: its first byte tells an ASCII one.)
    let (mut punctuated, mut quoted) = (false, false);
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Punct) {
        match text.as_bytes().get(token.span.start) {
            Some(b',' | b';' | b'.') => punctuated = true,
            Some(b'"') => quoted = true,
            Some(byte) if !byte.is_ascii() => quoted |= token.text(text) == "“",
            _ => {}
        }
    }
    if !punctuated && is_headline(text, tokens, lexicon) {
        out.push((0, tokens.len()));
        return;
    }
    if quoted {
        quoted_headlines(text, tokens, lexicon, out);
    }
    title_runs(text, tokens, lexicon, out);
}

/// Pushes onto `out` the quotations (“…” or "…") of `tokens` that are headlines or short citations,
/// with the publication after a quoted title.
fn quoted_headlines(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    out: &mut Vec<(usize, usize)>,
) {
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
                    && (is_headline(text, quoted, lexicon)
                        || is_short_citation(text, tokens, start, index))
                {
                    out.push((start, index));
                    if let Some(publication) = publication_after(text, tokens, index) {
                        out.push(publication);
                    }
                }
                open = None;
            }
            _ => {}
        }
    }
}

/// "Lee, “Counting Votes,” 21.": a citation's short title, quoted, in title case (two words of four
/// letters or more, all capitalised), ending in a comma inside the quotation marks, and followed by a
/// page number. `start..close` are the quoted tokens.
fn is_short_citation(text: &str, tokens: &[Token], start: usize, close: usize) -> bool {
    let word = |at: usize| tokens.get(at).map_or("", |t| t.text(text));
    let long: Vec<&str> = tokens[start..close]
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text(text).chars().count() >= 4)
        .map(|t| t.text(text))
        .collect();
    close > start
        && word(close - 1) == ","
        && tokens
            .get(close + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && long.len() >= 2
        && long.iter().all(|w| is_capitalised(w))
}

/// "“Counting Votes Across Three Decades,” Policy Notes, 2011": a quoted title that ends in a comma
/// (a citation) and the capitalised words after it up to the next comma, the publication: its token
/// range, if so. `close` is the closing quotation mark's token.
fn publication_after(text: &str, tokens: &[Token], close: usize) -> Option<(usize, usize)> {
    let word = |at: usize| tokens.get(at).map_or("", |t| t.text(text));
    if close == 0 || word(close - 1) != "," {
        return None;
    }
    let start = close + 1;
    let end = start
        + tokens[start.min(tokens.len())..]
            .iter()
            .take_while(|t| t.text(text) != "," && t.kind != TokenKind::Number)
            .count();
    let capitalised = (start..end)
        .filter(|&t| tokens[t].kind == TokenKind::Word)
        .all(|t| is_capitalised(word(t)) || TITLE_LOWER_WORDS.contains(&word(t)));
    (end > start && capitalised && word(end) == ",").then_some((start, end))
}

/// Pushes onto `out` the runs of capitalised words (with the lower-case words titles have between
/// them) that have a word only a title capitalises after a word of content: "Sovereign Debt Through
/// Defaults and Restructuring". Linear in the tokens: each run is read once.
fn title_runs(text: &str, tokens: &[Token], lexicon: &Lexicon, out: &mut Vec<(usize, usize)>) {
    let capitalised_word = |t: &Token| is_capitalised_word(text, t);
    let mut index = 0;
    while index < tokens.len() {
        if !capitalised_word(&tokens[index]) {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index + 1;
        let mut titled = false;
        // A word of content before the title's word: "Through and Through" is no title.
        let mut content = !lexicon.is_function_word(tokens[start].text(text));
        while end < tokens.len() {
            let token = &tokens[end];
            if capitalised_word(token) {
                let word = token.text(text);
                titled |= content && is_title_only_word(word, tokens[end - 1].text(text), lexicon);
                content |= !lexicon.is_function_word(word);
                end += 1;
            } else if token.kind == TokenKind::Word
                && TITLE_LOWER_WORDS.contains(&token.text(text))
                && tokens.get(end + 1).is_some_and(capitalised_word)
            {
                end += 1;
            } else {
                break;
            }
        }
        if titled {
            out.push((start, end));
        }
        index = end;
    }
}

/// Whether `token` is a word that starts with a capital. Asked of every token of every sentence: an
/// ASCII first byte (most words') decides without the word's text.
fn is_capitalised_word(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Word
        && match text.as_bytes().get(token.span.start) {
            Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
            _ => is_capitalised(token.text(text)),
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

/// A headline's words of four letters or more are all capitalised, there are at least three of them,
/// and one after the first is a capitalised function word ("Through", "With", "Really"), which a
/// name never has; or there are four or more and the first is a gerund English writes in lower case
/// ("Tracing Iraqi Sovereign Debt"), as titles open and names seldom do.
fn is_headline(text: &str, tokens: &[Token], lexicon: &Lexicon) -> bool {
    let mut long_words = 0;
    let mut inner_function_word = false;
    let mut opening_gerund = false;
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
        opening_gerund |= position == 0
            && word.len() >= 6
            && word.ends_with("ing")
            && EnglishVocabulary::embedded().is_common_at_start(word);
    }
    // A gerund alone is weaker evidence than a function word: a quoted name may open with one
    // ("Reading Harbour Works"), so the title needs a word more.
    (long_words >= MIN_LONG_WORDS && inner_function_word)
        || (long_words > MIN_LONG_WORDS && opening_gerund)
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
                &["Counting Votes Across Three Decades,", "Policy Notes"],
            ),
            // A quoted title that opens with a gerund, and runs of capitalised words with a word
            // only titles capitalise.
            (
                "See Lee, “Mapping Grain Trade Routes” (2011).",
                &["Mapping Grain Trade Routes"],
            ),
            // A citation's short title before its page number.
            ("See Lee, “Grain Routes,” 21.", &["Grain Routes,"]),
            ("Lee called it “Grain Routes,” and left.", &[]),
            (
                "The essay Grain Debt Through Famines and Floods won praise.",
                &["Grain Debt Through Famines and Floods"],
            ),
            (
                "Readers liked Why Peru Is Winning, a short book.",
                &["Why Peru Is Winning"],
            ),
            // Names keep the prepositions they have.
            ("Voters backed the Movement Toward Socialism in Peru.", &[]),
            ("Aid came from Doctors Without Borders in Chad.", &[]),
            ("Lena Okafor said “Reading Harbour Works” was closed.", &[]),
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
