//! Names in lines that are not prose. A name found only in fragments (headings, captions, table rows)
//! is usually no evidence of an entity, but three kinds of line state their names plainly: a table
//! row's cells ("Leicester 3 1 0 10", "Japan 2 Syria 1"), a byline ("By Jane Doe", or a line that is a
//! person's name alone), and a dateline's place ("KHARTOUM, June 3 -", cased back by
//! [`crate::extract::recase`]). A name in one of them counts as found in prose; a byline's is a person
//! and a dateline's a place. Numbers and column headers ("W D L Pts") name nothing: they are no
//! capitalised phrase of two letters or more, or only ever single words in fragments.

use crate::extract::mention::{EnglishVocabulary, FoundMention, MentionSource};
use crate::model::{EntityKind, Span};
use crate::text::{Token, TokenKind};

/// The most words a byline's name has.
const MAX_BYLINE_WORDS: usize = 3;

/// How a fragment's line states a mention, when it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StatedIn {
    /// A cell of a table row: the name is followed by a number.
    TableCell,
    /// A byline: the person who wrote the text.
    Byline,
    /// The place a dateline opens with.
    Dateline,
}

impl StatedIn {
    /// The kind the line gives its name, if any.
    pub(super) fn kind(self) -> Option<EntityKind> {
        match self {
            StatedIn::TableCell => None,
            StatedIn::Byline => Some(EntityKind::Person),
            StatedIn::Dateline => Some(EntityKind::Place),
        }
    }
}

/// How the fragment `tokens` (of `text`) states each of its `mentions`, pushed onto `out` in order;
/// `datelines` are the document's dateline places, in text order.
pub(super) fn stated_in(
    text: &str,
    tokens: &[Token],
    mentions: &[FoundMention],
    datelines: &[Span],
    out: &mut Vec<Option<StatedIn>>,
) {
    // Counted once per line: a 50 MB line without punctuation is one fragment.
    let numbers = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .take(2)
        .count();
    let is_number = |at: usize| tokens.get(at).is_some_and(|t| t.kind == TokenKind::Number);
    out.extend(mentions.iter().map(|mention| {
        let (first, end) = mention.tokens;
        if datelines.binary_search(&mention.span).is_ok() {
            Some(StatedIn::Dateline)
        } else if numbers >= 2 && is_number(end) {
            Some(StatedIn::TableCell)
        } else if mention.source == MentionSource::Phrase
            && is_byline(text, tokens, mentions.len(), first, end)
        {
            Some(StatedIn::Byline)
        } else {
            None
        }
    }));
}

/// "By Jane Doe", "Nadim Ladki", "By Jane Doe, Reuters": the fragment is a person's name of two or
/// three words, none a common English word, alone or after "By" (then with an agency after a comma).
fn is_byline(text: &str, tokens: &[Token], mention_count: usize, first: usize, end: usize) -> bool {
    let words = end.saturating_sub(first);
    if !(2..=MAX_BYLINE_WORDS).contains(&words) {
        return false;
    }
    let word = |at: usize| tokens.get(at).map_or("", |t| t.text(text));
    let after_by = first == 1 && word(0).eq_ignore_ascii_case("by");
    let ends_line = end == tokens.len() || (after_by && word(end) == ",");
    let alone = first == 0 && end == tokens.len() && mention_count == 1;
    let english = EnglishVocabulary::embedded();
    (after_by || alone)
        && ends_line
        && (first..end).all(|at| {
            let word = word(at);
            word.chars().count() >= 2 && (after_by || !english.is_common_inside(word))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::extract::mention::{CorpusVocabulary, MentionFinder};
    use crate::text::tokenize;

    fn stated(line: &str, datelines: &[&str]) -> Vec<(String, Option<StatedIn>)> {
        let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
        let vocabulary = CorpusVocabulary::default();
        let mut finder = MentionFinder::new(&lexicon, &vocabulary);
        let tokens = tokenize(line, Span::new(0, line.len()));
        let mut mentions = Vec::new();
        finder.find(line, &tokens, &mut mentions);
        let datelines: Vec<Span> = datelines
            .iter()
            .filter_map(|place| line.find(place).map(|at| Span::new(at, at + place.len())))
            .collect();
        let mut stated = Vec::new();
        stated_in(line, &tokens, &mentions, &datelines, &mut stated);
        mentions
            .iter()
            .zip(stated)
            .map(|(mention, stated)| (mention.span.slice(line).to_string(), stated))
            .collect()
    }

    #[test]
    fn lines_that_are_not_prose_state_their_names() {
        use StatedIn::*;
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, Option<StatedIn>)]);
        let cases: &[Case] = &[
            // Table rows: each name followed by a number is a cell.
            ("Leicester 3 1 0 10", &[], &[("Leicester", Some(TableCell))]),
            // A common word where the row starts is no name to the finder ("Arsenal" is one).
            ("Arsenal 3 1 0 10", &[], &[]),
            (
                "Kenya 2 Ghana 1",
                &[],
                &[("Kenya", Some(TableCell)), ("Ghana", Some(TableCell))],
            ),
            // One number is a date or a count, not a table.
            ("Kenya 2", &[], &[("Kenya", None)]),
            // Bylines.
            ("By Maria Olsen", &[], &[("Maria Olsen", Some(Byline))]),
            (
                "By Maria Olsen, Reuters",
                &[],
                &[("Maria Olsen", Some(Byline)), ("Reuters", None)],
            ),
            ("Tomas Brandt", &[], &[("Tomas Brandt", Some(Byline))]),
            // A heading of common words, or a longer line, is no byline.
            (
                "Regional Security Outlook",
                &[],
                &[("Security Outlook", None)],
            ),
            ("Talks with Tomas Brandt", &[], &[("Tomas Brandt", None)]),
            // A dateline's place.
            (
                "Harare , Zimbabwe 1996-12-06",
                &["Harare"],
                &[("Harare", Some(Dateline)), ("Zimbabwe", None)],
            ),
        ];
        for (line, datelines, expected) in cases {
            let expected: Vec<(String, Option<StatedIn>)> =
                expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(stated(line, datelines), expected, "{line:?}");
        }
    }
}
