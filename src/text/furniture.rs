//! Page furniture: lines that belong to the web page or the print layout, not to the text.
//!
//! A furniture line yields no sentences. The rules are general shapes, never strings taken from one site:
//!
//! 1. **Other scripts.** Most of the line's letters are not Latin (an Arabic, Cyrillic or CJK sidebar next
//!    to an English article). The pipeline reads English; such lines would only give junk names.
//! 2. **No letters.** Only numbers, punctuation and symbols: page numbers, rules (`* * *`), stray bullets.
//! 3. **Date and time stamps.** A short line (at most 8 words) holding a date (`26-02-2026`, `3/1/2026`)
//!    or a time (`13:50`, `1:11:00`) and no more than two letters per digit: `Opinion 26-02-2026 | 13:50`,
//!    `Updated: March 3, 2026 10:45 AM`. A headline that merely mentions a time has more letters.
//! 4. **Page-furniture labels.** The line starts with the general vocabulary of page chrome: `Disclaimer`,
//!    `Copyright`, `©`, `Photo:`, `Image:`, `Credit:`, `Advertisement`, `Share this`, `Follow us`,
//!    `Read more`, `Subscribe`, `Scroll to top`, … (a label must end at a word boundary, so `Subscribers`
//!    is not one), or the short line says `All rights reserved`.
//!
//! A fifth rule needs the whole document, so [`is_furniture_line`] cannot apply it and
//! [`segment_sentences`](super::segment_sentences) does, through `find_menu_lines`:
//!
//! 5. **Menus.** A line of one to three capitalised words (lower-case words of up to three letters, such
//!    as `to`, may join them), with no digits and no terminal punctuation, none of whose words of three
//!    or more letters occurs anywhere else in the document: `Smaller Bigger`. A real section heading
//!    shares its words with the text it heads (`Iraq’s Financial Vulnerability`, `US-Iraq Security
//!    Relations`), so it stays, as a fragment. Bylines (`By Jane Doe`) and lines led by a bullet or dash
//!    (an author line such as `– Jane Doe`) are never menus, because they name people. The cost of the
//!    rule: a heading whose words appear nowhere else is dropped, but such a heading holds no name that the
//!    document mentions elsewhere either. The rule only applies to documents with at least 200 words of
//!    three or more letters outside such lines: in a short snippet a heading's words need not recur.
//!
//! A blank line is not furniture: it is a paragraph break, and the segmenter treats it as one.

use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::one_of;
use nom::combinator::{all_consuming, opt};
use nom::{IResult, Parser};
use std::collections::HashSet;

/// True when a line is page furniture and yields no sentences (rules 1–4 of the module docs).
///
/// `line` may carry its line break and surrounding whitespace.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    let (letters, latin_letters, digits) = letter_counts(line);
    if letters == 0 || latin_letters * 2 < letters {
        return true;
    }
    is_stamp_line(line, letters, digits) || starts_with_furniture_label(line)
}

/// How many letters, Latin letters and ASCII digits `line` has.
///
/// ASCII is counted a run of bytes at a time, with byte-wide counters over runs short enough not to
/// overflow them (and a multiple of the vector width, so that no byte is left to a scalar loop); bytes
/// of other characters count as neither. A character outside ASCII is then decoded at its first byte
/// (continuation bytes are 0x80..=0xBF), in a line that has one.
fn letter_counts(line: &str) -> (usize, usize, usize) {
    let bytes = line.as_bytes();
    let (mut letters, mut digits) = (0usize, 0usize);
    for run in bytes.chunks(240) {
        let (mut run_letters, mut run_digits) = (0u8, 0u8);
        for &byte in run {
            run_letters += u8::from((byte | 0x20).wrapping_sub(b'a') < 26);
            run_digits += u8::from(byte.wrapping_sub(b'0') < 10);
        }
        letters += usize::from(run_letters);
        digits += usize::from(run_digits);
    }
    let mut latin_letters = letters;
    if !line.is_ascii() {
        for (index, &byte) in bytes.iter().enumerate() {
            if byte >= 0xC0
                && let Some(c) = line.get(index..).and_then(|rest| rest.chars().next())
                && c.is_alphabetic()
            {
                letters += 1;
                latin_letters += usize::from(is_latin_letter(c));
            }
        }
    }
    (letters, latin_letters, digits)
}

/// Latin letters: ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional (accented names such
/// as `Erdoğan` or `Nguyễn` are Latin text).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Rule 3: a short line with a date or a time and few letters for its digits.
fn is_stamp_line(line: &str, letters: usize, digits: usize) -> bool {
    const MAX_WORDS: usize = 8;
    if letters > digits * 2 || line.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    line.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_ascii_digit());
        date(word).is_ok() || time(word).is_ok()
    })
}

type ParseResult<'a, O> = IResult<&'a str, O, nom::error::Error<&'a str>>;

/// `date = digits sep digits sep digits`, `sep = "-" | "/" | "."`, the whole word: `26-02-2026`, `3/1/2026`.
fn date(word: &str) -> ParseResult<'_, ()> {
    let digits = || take_while_m_n(1, 4, |c: char| c.is_ascii_digit());
    let separator = || one_of("-/.");
    all_consuming((digits(), separator(), digits(), separator(), digits()))
        .map(|_| ())
        .parse(word)
}

/// `time = digit{1,2} ":" digit{2} (":" digit{2})?`, the whole word: `13:50`, `1:11:00`.
fn time(word: &str) -> ParseResult<'_, ()> {
    let two_digits = || take_while_m_n(2, 2, |c: char| c.is_ascii_digit());
    all_consuming((
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        one_of(":"),
        two_digits(),
        opt((one_of(":"), two_digits())),
    ))
    .map(|_| ())
    .parse(word)
}

/// Rule 4: the general vocabulary of page chrome, matched case-insensitively at the start of a line.
const FURNITURE_LABELS: &[&str] = &[
    "disclaimer",
    "copyright",
    "©",
    "all rights reserved",
    "photo:",
    "photo credit",
    "photograph:",
    "photos:",
    "image:",
    "image credit",
    "picture:",
    "credit:",
    "credits:",
    "advertisement",
    "sponsored content",
    "share this",
    "share on",
    "follow us",
    "read more",
    "read also",
    "subscribe",
    "sign up for",
    "click here",
    "scroll to top",
    "back to top",
    "skip to content",
    "skip to main",
    "related articles",
    "related:",
    "tags:",
    "most read",
    "most popular",
];

/// A label only counts when it is a whole word or ends in punctuation: "Subscribe now" is furniture,
/// "Subscribers rose" is not. "All rights reserved" counts anywhere on a short line (it usually follows
/// an owner's name).
fn starts_with_furniture_label(line: &str) -> bool {
    let starts = FURNITURE_LABELS.iter().any(|label| {
        line.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
            && (label.ends_with(|c: char| !c.is_alphanumeric())
                || line
                    .get(label.len()..)
                    .is_some_and(|tail| !tail.starts_with(char::is_alphanumeric)))
    });
    const SHORT_LINE: usize = 160;
    starts || (line.len() <= SHORT_LINE && contains_ignore_ascii_case(line, "all rights reserved"))
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// How many words of three or more letters the rest of a document must have before the absence of a
/// line's words from it says anything: in a snippet, a heading's words need not recur.
const MIN_VOCABULARY: usize = 200;

/// Rule 5: which of `lines` (trimmed lines of one document that are neither blank nor furniture by rules
/// 1–4) are menus. Linear in the total length; allocates only for the words of candidate lines.
pub(crate) fn find_menu_lines(lines: &[&str]) -> Vec<bool> {
    let candidates: Vec<bool> = lines.iter().map(|line| is_menu_candidate(line)).collect();
    if !candidates.contains(&true) {
        return candidates;
    }
    let mut menu_words: HashSet<String> = HashSet::new();
    for (line, _) in lines.iter().zip(&candidates).filter(|(_, c)| **c) {
        menu_words.extend(key_words(line).map(str::to_lowercase));
    }
    let longest = menu_words
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    let lengths: Vec<usize> = menu_words.iter().map(String::len).collect();
    let mut found: HashSet<&str> = HashSet::new();
    let mut lowered = String::new();
    let mut vocabulary_size = 0usize;
    for (line, _) in lines.iter().zip(&candidates).filter(|(_, c)| !**c) {
        for word in key_words(line) {
            vocabulary_size += 1;
            // Most words cannot match on length alone; skipping them keeps this pass cheap.
            let impossible_length = if word.is_ascii() {
                !lengths.contains(&word.len())
            } else {
                word.len() > longest * 4
            };
            if impossible_length {
                continue;
            }
            lowered.clear();
            lowered.extend(word.chars().flat_map(char::to_lowercase));
            if let Some(known) = menu_words.get(lowered.as_str()) {
                found.insert(known.as_str());
            }
        }
    }
    if vocabulary_size < MIN_VOCABULARY {
        return vec![false; lines.len()];
    }
    lines
        .iter()
        .zip(&candidates)
        .map(|(line, &candidate)| {
            let mut words = key_words(line).peekable();
            candidate
                && words.peek().is_some()
                && words.all(|w| !found.contains(w.to_lowercase().as_str()))
        })
        .collect()
}

/// The words that decide whether a line's vocabulary recurs: runs of letters of three or more, so that
/// `Iraq’s` gives `Iraq` and `US-Iraq` gives `Iraq`.
fn key_words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !is_letter(c))
        .filter(|w| w.len() >= 3 && w.chars().nth(2).is_some())
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

/// The shape of a menu line (rule 5 without the vocabulary test).
fn is_menu_candidate(line: &str) -> bool {
    const MAX_WORDS: usize = 3;
    const MAX_JOINING_WORD: usize = 3;
    if line.ends_with(['.', '!', '?', ':', '…'])
        || line.contains(|c: char| c.is_ascii_digit())
        || line.starts_with("By ")
        || line.starts_with(|c: char| !c.is_alphabetic())
        || line.split_whitespace().nth(MAX_WORDS).is_some()
    {
        return false;
    }
    let mut capitalised = false;
    for word in line.split_whitespace() {
        let Ok((_, first)) = take_while1::<_, _, nom::error::Error<&str>>(char::is_alphabetic)
            .parse(word)
            .map(|(rest, letters)| (rest, letters.chars().next()))
        else {
            return false;
        };
        match first {
            Some(c) if c.is_uppercase() => capitalised = true,
            Some(c) if c.is_lowercase() && word.chars().count() <= MAX_JOINING_WORD => {}
            _ => return false,
        }
    }
    capitalised
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The counts by bytes are the counts by characters.
        #[test]
        fn letter_counts_are_counts_of_characters(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", "q", "0", "9", " ", "@", "[", "`", "{", "/", ":", "\u{7f}", "é", "Ğ", "ß",
                "×", "÷", "ª", "Ж", "ع", "中", "’", "—", "²", "\u{301}", "\u{1F600}", "ễ",
            ]),
            0..600,
        )) {
            let line: String = pieces.concat();
            let alphabetic = || line.chars().filter(|c| c.is_alphabetic());
            let expected = (
                alphabetic().count(),
                alphabetic().filter(|&c| is_latin_letter(c)).count(),
                line.chars().filter(char::is_ascii_digit).count(),
            );
            proptest::prop_assert_eq!(letter_counts(&line), expected);
        }
    }

    #[test]
    fn recognises_furniture_lines() {
        let cases: &[(&str, bool)] = &[
            ("العلامات الدالة", true),
            ("كتاب النهار 3/1/2026 1:11:00 PM", true),
            ("Новости дня", true),
            ("Opinion 26-02-2026 | 13:50", true),
            ("Updated: March 3, 2026 10:45 AM", true),
            ("12", true),
            ("* * *", true),
            ("—", true),
            ("Disclaimer: The opinions expressed are their own.", true),
            ("© 2024 Middle East Policy Council", true),
            ("Copyright 2024 Some Publisher", true),
            ("Acme Media Group. All rights reserved.", true),
            ("Photo: Reuters", true),
            ("Advertisement", true),
            ("Share this article", true),
            ("Subscribe to our newsletter", true),
            ("Scroll to Top", true),
            ("Read more", true),
            // Headings and captions are text, kept as fragments.
            ("Iraq’s Financial Vulnerability", false),
            ("US-Iraq Security Relations", false),
            ("TABLE 1. Iraqi Debt by Creditor, 1979", false),
            ("Paris Club 39 139", false),
            ("By Jane Doe", false),
            // A menu needs the whole document to be told from a heading (rule 5).
            ("Smaller Bigger", false),
            ("Subscribers rose in 2023.", false),
            ("The attack on the 11:30 train killed four people.", false),
            ("Erdoğan met Nguyễn in Ankara.", false),
            ("Photography exhibitions resumed in Baghdad.", false),
            ("", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_furniture_line(line), *expected, "{line:?}");
        }
    }

    #[test]
    fn finds_menu_lines_by_vocabulary() {
        let filler = "Long running prose about other matters entirely. ".repeat(40);
        let lines = [
            "Iraq increasingly moves toward US",
            "Smaller Bigger",
            "Iraq’s Financial Vulnerability",
            "US-Iraq Security Relations",
            "Conclusion",
            "Amjed Rasheed",
            "Home",
            "Go Up",
            "Iraq’s security depends on financial stability and on US support.",
            "Rasheed concludes that Iraq’s position is weak; in conclusion, it must balance.",
            filler.as_str(),
        ];
        let expected = [
            false, true, false, false, false, false, true, false, false, false, false,
        ];
        assert_eq!(find_menu_lines(&lines), expected);
        // Without enough prose around them, unknown words say nothing.
        assert_eq!(
            find_menu_lines(&lines[..10]),
            [false; 10],
            "short documents have no menus"
        );
    }
}
