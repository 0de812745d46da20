//! Lines in capitals cased back before mentions are found. A headline in capitals ("SUDAN ARMY SAYS
//! REBELS KILLED 20 IN DARFUR") or a dateline ("KHARTOUM, June 3 -") hides which of its words are
//! names, so each of their words gets the case prose would give it: a lexicon name its own case
//! ("UNITED STATES" → "United States"), a lexicon acronym stays ("NATO"), a common English word goes to
//! lower case, a short word no vocabulary knows stays an acronym ("IRGC"), any other word is
//! capitalised as a name ("DARFUR" → "Darfur"). A dateline's place is kept, to be typed a Place.
//!
//! Only ASCII letters change case, so the cased text has the original's length byte for byte and every
//! span found in it is a span of the original: evidence is still quoted as written.

use super::lexicon::Lexicon;
use super::mention::EnglishVocabulary;
use crate::model::Span;
use std::borrow::Cow;

/// A document's text with its lines in capitals cased back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recased<'a> {
    /// The text, borrowed when no line was cased back.
    pub text: Cow<'a, str>,
    /// The place names that open datelines ("KHARTOUM" in "KHARTOUM, June 3 -").
    pub datelines: Vec<Span>,
    /// The headlines cased back: their cases are guesses, so a name in one needs evidence from
    /// elsewhere, as in a title-case headline.
    pub headlines: Vec<Span>,
}

/// The most words a dateline's place has ("RIO DE JANEIRO").
const MAX_DATELINE_WORDS: usize = 4;
/// The most words a lexicon name read in capitals has.
const MAX_NAME_WORDS: usize = 6;
/// A word no vocabulary knows is kept in capitals, as an acronym, up to this many letters.
const MAX_ACRONYM_LETTERS: usize = 4;
/// A line of one word in capitals is a heading from this many letters ("AFRICA"); shorter, an acronym.
const MIN_HEADING_LETTERS: usize = 5;

/// `text` with its lines in capitals cased back.
pub fn recase<'a>(text: &'a str, lexicon: &Lexicon, english: &EnglishVocabulary) -> Recased<'a> {
    let mut cased: Option<Vec<u8>> = None;
    let mut datelines = Vec::new();
    let mut headlines = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        // Most lines have no two capitals in a row: pass them over at once.
        if !line
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0].is_ascii_uppercase() && pair[1].is_ascii_uppercase())
        {
            continue;
        }
        if !may_be_in_capitals(line, start) {
            continue;
        }
        let words: Vec<LineWord> = line_words(line, start).collect();
        let to_case = match line_shape(line, start, &words, lexicon) {
            LineShape::Prose => continue,
            LineShape::Headline => {
                headlines.push(Span::new(start, start + line.trim_end().len()));
                &words[..]
            }
            LineShape::Dateline(place_words) => {
                if let (Some(first), Some(last)) = (words.first(), words.get(place_words - 1)) {
                    datelines.push(Span::new(first.span.start, last.span.end));
                }
                let bytes = cased.get_or_insert_with(|| text.as_bytes().to_vec());
                case_place(text, &words[..place_words], bytes);
                continue;
            }
        };
        let bytes = cased.get_or_insert_with(|| text.as_bytes().to_vec());
        case_words(text, to_case, lexicon, english, bytes);
    }
    let text = match cased {
        // Only ASCII letters changed case: the bytes are still UTF-8.
        Some(bytes) => String::from_utf8(bytes).map_or(Cow::Borrowed(text), Cow::Owned),
        None => Cow::Borrowed(text),
    };
    Recased {
        text,
        datelines,
        headlines,
    }
}

/// A word of a line: its span in the text, and whether its letters are all capitals.
#[derive(Debug, Clone, Copy)]
struct LineWord {
    span: Span,
    letters: usize,
    capitals: bool,
}

/// The words of `line` (starting at byte `start` of the text), one at a time: runs of letters and
/// digits, with the hyphens, apostrophes and full stops inside them ("AL-AIN", "U.S.").
fn line_words(line: &str, start: usize) -> impl Iterator<Item = LineWord> + '_ {
    let is_inner = |c: char| matches!(c, '-' | '\'' | '’' | '.');
    let mut word_start: Option<usize> = None;
    // A space after the line ends its last word.
    let mut chars = line.char_indices().chain([(line.len(), ' ')]);
    std::iter::from_fn(move || {
        for (at, c) in chars.by_ref() {
            let in_word = c.is_alphanumeric() || (word_start.is_some() && is_inner(c));
            match (in_word, word_start) {
                (true, None) => word_start = Some(at),
                (false, Some(from)) => {
                    word_start = None;
                    let word = line[from..at].trim_end_matches(is_inner);
                    if word.is_empty() {
                        continue;
                    }
                    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                    return Some(LineWord {
                        span: Span::new(start + from, start + from + word.len()),
                        letters,
                        capitals: letters > 0 && !word.chars().any(char::is_lowercase),
                    });
                }
                _ => {}
            }
        }
        None
    })
}

/// Whether `line` (starting at byte `start` of the text) may be a headline or a dateline: its first
/// word is in capitals (a dateline's place), or no word of two letters or more has a small letter (a
/// headline). Any other line is prose ([`line_shape`] would say so), and most lines with two capitals
/// in a row ("NATO") show it at their first words, so their other words need not be read.
fn may_be_in_capitals(line: &str, start: usize) -> bool {
    let mut words = line_words(line, start);
    match words.next() {
        Some(first) if first.capitals && first.letters >= 2 => true,
        Some(first) => std::iter::once(first)
            .chain(words)
            .all(|w| w.capitals || w.letters < 2),
        None => false,
    }
}

enum LineShape {
    Prose,
    /// Every word of the line is in capitals.
    Headline,
    /// The line opens with this many words in capitals naming a place, then a comma, a dash, a
    /// bracket or a date, and goes on in prose.
    Dateline(usize),
}

/// `line` starts at byte `line_start` of the text.
fn line_shape(line: &str, line_start: usize, words: &[LineWord], lexicon: &Lexicon) -> LineShape {
    let with_letters = || words.iter().filter(|w| w.letters >= 2);
    let capital_words = with_letters().filter(|w| w.capitals).count();
    if capital_words > 0 && with_letters().all(|w| w.capitals) {
        let longest = with_letters().map(|w| w.letters).max().unwrap_or(0);
        return if capital_words >= 2 || longest >= MIN_HEADING_LETTERS {
            LineShape::Headline
        } else {
            LineShape::Prose
        };
    }
    // The place's words: in capitals, one space apart ("RIO DE JANEIRO (AP)" has three).
    let place_words = words
        .iter()
        .enumerate()
        .take(MAX_DATELINE_WORDS + 1)
        .take_while(|&(k, w)| {
            w.capitals
                && w.letters >= 2
                && (k == 0
                    || line.get(words[k - 1].span.end - line_start..w.span.start - line_start)
                        == Some(" "))
        })
        .count();
    if place_words == 0 || place_words > MAX_DATELINE_WORDS {
        return LineShape::Prose;
    }
    let place_end = words[place_words - 1].span.end - line_start;
    let after = line[place_end..].trim_start();
    // "US, EU agree": an acronym the lexicon knows is no dateline's place.
    let place = &line[words[0].span.start - line_start..place_end];
    if place_words == 1 && lexicon.lookup(place).is_some() && place.len() <= MAX_ACRONYM_LETTERS {
        return LineShape::Prose;
    }
    let opens_dateline = if after.starts_with('(') || after.starts_with(['-', '–', '—']) {
        true
    } else if after.starts_with(',') {
        // "KHARTOUM, June 3", "AL-AIN , United Arab Emirates 1996-12-06": a date soon after.
        words[place_words..].iter().take(6).any(|w| {
            let word = &line[w.span.start - line_start..w.span.end - line_start];
            word.starts_with(|c: char| c.is_ascii_digit()) || lexicon.is_calendar_word(word)
        })
    } else {
        false
    };
    if opens_dateline {
        LineShape::Dateline(place_words)
    } else {
        LineShape::Prose
    }
}

/// Cases the capital words of `words` in `bytes` (a copy of `text`).
fn case_words(
    text: &str,
    words: &[LineWord],
    lexicon: &Lexicon,
    english: &EnglishVocabulary,
    bytes: &mut [u8],
) {
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if !word.capitals || word.letters == 0 {
            i += 1;
            continue;
        }
        // The longest run of capital words, one space apart, that names a lexicon entity.
        let run = (i + 1..=(i + MAX_NAME_WORDS).min(words.len()))
            .rev()
            .find_map(|end| {
                lexicon_casing(text, &words[i..end], lexicon).map(|cased| (end, cased))
            });
        if let Some((end, cased)) = run {
            let span = Span::new(words[i].span.start, words[end - 1].span.end);
            bytes[span.start..span.end].copy_from_slice(cased.as_bytes());
            i = end;
            continue;
        }
        let written = word.span.slice(text);
        let title = title_case(written);
        let cased = if lexicon.lookup(written).is_some() {
            // "NATO", "UN": an acronym the lexicon knows, as written.
            Cow::Borrowed(written)
        } else if english.is_common_inside(&title) {
            Cow::Owned(written.to_ascii_lowercase())
        } else if english.casing(written).is_none() && word.letters <= MAX_ACRONYM_LETTERS {
            Cow::Borrowed(written)
        } else {
            Cow::Owned(title)
        };
        bytes[word.span.start..word.span.end].copy_from_slice(cased.as_bytes());
        i += 1;
    }
    // The line's first word starts a sentence.
    if let Some(first) = words.first()
        && let Some(byte) = bytes.get_mut(first.span.start)
    {
        byte.make_ascii_uppercase();
    }
}

/// Cases a dateline's place: a place name, so every word title-cased but the connectors inside it
/// ("RIO DE JANEIRO" → "Rio de Janeiro", "PORT OF SPAIN" → "Port of Spain").
fn case_place(text: &str, words: &[LineWord], bytes: &mut [u8]) {
    for (position, word) in words.iter().enumerate() {
        let written = word.span.slice(text);
        let cased = if position > 0 && is_connector(&written.to_ascii_lowercase()) {
            written.to_ascii_lowercase()
        } else {
            title_case(written)
        };
        bytes[word.span.start..word.span.end].copy_from_slice(cased.as_bytes());
    }
}

/// The small words written in lower case inside a place's or a body's name.
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "the" | "and" | "for" | "de" | "del" | "da" | "do" | "dos" | "la" | "le" | "es"
    )
}

/// The lexicon's case for `words` written in capitals, if they are one space apart and name a lexicon
/// entity once title-cased ("UNITED STATES OF AMERICA" → "United States of America").
fn lexicon_casing(text: &str, words: &[LineWord], lexicon: &Lexicon) -> Option<String> {
    let first = words.first()?;
    let last = words.last()?;
    if !words.iter().all(|w| w.capitals) {
        return None;
    }
    let written = text.get(first.span.start..last.span.end)?;
    if written.contains(|c: char| c.is_whitespace() && c != ' ') || written.contains("  ") {
        return None;
    }
    let cased: Vec<String> = written
        .split(' ')
        .enumerate()
        .map(|(position, word)| {
            let lower = word.to_ascii_lowercase();
            if position > 0 && is_connector(&lower) {
                lower
            } else {
                title_case(word)
            }
        })
        .collect();
    let cased = cased.join(" ");
    (cased.len() == written.len() && lexicon.lookup(&cased).is_some()).then_some(cased)
}

/// "AL-AIN" → "Al-Ain": each part's first letter a capital, the rest lower case (ASCII letters only).
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut part_start = true;
    for c in word.chars() {
        if part_start {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
        part_start = c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cased(text: &str) -> (String, Vec<String>) {
        let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
        let recased = recase(text, &lexicon, EnglishVocabulary::embedded());
        assert_eq!(recased.text.len(), text.len(), "{text:?}");
        let places = recased
            .datelines
            .iter()
            .map(|span| span.slice(text).to_string())
            .collect();
        (recased.text.into_owned(), places)
    }

    #[test]
    fn lines_in_capitals_are_cased_back() {
        let cases: &[(&str, &str, &[&str])] = &[
            // A headline: lexicon names, common words, an unknown name, a number ("Army" stays
            // capitalised: the vocabulary's source writes it so more often than not).
            (
                "SUDAN ARMY SAYS REBELS KILLED 20 IN DARFUR\nMore text.",
                "Sudan Army says rebels killed 20 in Darfur\nMore text.",
                &[],
            ),
            (
                "UNITED STATES AND NATO WARN RUSSIA",
                "United States and NATO warn Russia",
                &[],
            ),
            // An unknown short word is kept as an acronym.
            (
                "IRGC COMMANDER VISITS BEIRUT",
                "IRGC commander visits Beirut",
                &[],
            ),
            // Datelines: the place is cased and kept; the prose after it is untouched.
            (
                "KHARTOUM, June 3 (Reuters) - The army said.",
                "Khartoum, June 3 (Reuters) - The army said.",
                &["KHARTOUM"],
            ),
            (
                "AL-AIN , United Arab Emirates 1996-12-06\n",
                "Al-Ain , United Arab Emirates 1996-12-06\n",
                &["AL-AIN"],
            ),
            (
                "RIO DE JANEIRO (AP) - Brazil voted.",
                "Rio de Janeiro (AP) - Brazil voted.",
                &["RIO DE JANEIRO"],
            ),
            // Prose, and an acronym opening a line, are left as written.
            (
                "The UN and NATO met in Geneva.",
                "The UN and NATO met in Geneva.",
                &[],
            ),
            (
                "US, EU agree on steel in May.",
                "US, EU agree on steel in May.",
                &[],
            ),
            ("NATO\n", "NATO\n", &[]),
            ("AFRICA\n", "Africa\n", &[]),
            ("ÉGYPTE ET LIBYE", "Égypte ET Libye", &[]),
        ];
        for (text, expected, places) in cases {
            let (got, got_places) = cased(text);
            assert_eq!(got, *expected, "{text:?}");
            assert_eq!(got_places, *places, "{text:?}");
        }
    }

    #[test]
    fn only_lines_opening_in_capitals_or_without_small_words_are_read_whole() {
        // (line, whether it may be a headline or a dateline)
        let cases = [
            ("SUDAN ARMY SAYS REBELS KILLED 20 IN DARFUR", true),
            ("KHARTOUM, June 3 (Reuters) - The army said.", true),
            ("US, EU agree on steel in May.", true),
            // A one-letter word in lower case, or no letters, does not make prose.
            ("1. UNITED STATES x NATO", true),
            ("The UN and NATO met in Geneva.", false),
            ("A NATO summit", false),
            ("In 1949 NATO was founded", false),
            ("", false),
        ];
        for (line, expected) in cases {
            assert_eq!(may_be_in_capitals(line, 0), expected, "{line:?}");
        }
    }
}
