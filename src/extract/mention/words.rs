//! Tests on single words that the finder asks at nearly every token: capitals, dashes, name particles.
//! Each is written to answer from the bytes when it can, and agrees with the plain definition that its
//! tests hold it to.

use crate::text::{Token, TokenKind};

/// Whether `text` has a hyphen or dash that [`compound_parts`] splits at anywhere: a sentence without
/// one has no hyphenated word.
pub(super) fn has_dash(text: &str) -> bool {
    // '–' is E2 80 93 in UTF-8.
    // One pass over the text for either byte: asked of every sentence.
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'-', 0xE2, bytes)
        .any(|at| bytes.get(at) == Some(&b'-') || bytes.get(at + 1..at + 3) == Some(&[0x80, 0x93]))
}

/// Has a hyphen or dash that [`compound_parts`] splits at; without one a word has one part.
pub(super) fn is_hyphenated(word: &str) -> bool {
    // '–' is E2 80 93 in UTF-8: look for it only in a word with such a lead byte.
    word.bytes().any(|b| b == b'-' || b == 0xE2) && word.contains(['-', '–'])
}

/// A word the corpus writes in lower case: its first letter is lower case (checked on the byte when ASCII).
pub(super) fn starts_lower_case(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(byte) if byte.is_ascii() => byte.is_ascii_lowercase(),
        _ => word.starts_with(|c: char| c.is_lowercase()),
    }
}

/// The zero-width characters a word token may hold between its letters (see `crate::text::token`).
pub(super) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// "I'd", "I’ve", "I'm", "I'll": a contraction of "I", never a name.
pub(super) fn is_contraction_of_i(word: &str) -> bool {
    word.strip_prefix('I')
        .and_then(|rest| rest.strip_prefix(['\'', '’']))
        .is_some_and(|rest| matches!(rest, "d" | "ve" | "m" | "ll"))
}

/// The word `tokens[index]` opens a quotation inside its sentence (“Mistakes in …”): it is cased as a
/// sentence's first word is. A straight quote opens when a space, a bracket or nothing comes before it.
pub(super) fn opens_quotation(text: &str, tokens: &[Token], index: usize) -> bool {
    let Some(quote) = index.checked_sub(1).and_then(|before| tokens.get(before)) else {
        return false;
    };
    if quote.kind != TokenKind::Punct {
        return false;
    }
    match quote.text(text) {
        "“" | "‘" => true,
        "\"" => text
            .get(..quote.span.start)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| c.is_whitespace() || c == '('),
        _ => false,
    }
}

/// "Kurdish", "Western", "Islamic", "Japanese": a capitalised word shaped as an adjective of a
/// people, a faith or a direction, which alone names nothing. Short words are left out ("Eric").
pub(super) fn is_adjective_shaped(word: &str) -> bool {
    let letters = word.chars().count();
    is_capitalised(word)
        && ((word.ends_with("ish") && letters >= 6)
            || (word.ends_with("ern") && letters >= 7)
            || (word.ends_with("ese") && letters >= 6)
            || (word.ends_with("ean") && letters >= 7)
            || (word.ends_with("ic") && letters >= 6))
}

/// "Second", "Five", "Hundred": an English number or ordinal word. Capitalised inside a sentence before
/// another capitalised word, it is part of a name ("the Second World War", "the Five Year Plan").
pub(super) fn is_number_word(word: &str) -> bool {
    const NUMBER_WORDS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "first", "second", "third",
        "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "twelfth",
    ];
    word.len() <= 8
        && NUMBER_WORDS
            .iter()
            .any(|number| word.eq_ignore_ascii_case(number))
}

/// "northeast", "west": a compass point written as a noun, which may lead a region's name in lower case
/// ("northeast Africa", "southeast Asia"), returned capitalised as the lexicon writes it.
pub(super) fn compass_point(word: &str) -> Option<&'static str> {
    const POINTS: &[&str] = &[
        "North",
        "South",
        "East",
        "West",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Central",
    ];
    if !matches!(
        word.as_bytes().first(),
        Some(b'n' | b's' | b'e' | b'w' | b'c')
    ) {
        return None;
    }
    POINTS
        .iter()
        .find(|point| point.eq_ignore_ascii_case(word))
        .copied()
}

/// "Federal", "Executive", "Congressional": a capitalised word with a suffix that makes adjectives
/// ("-al", "-ive"). It is an adjective only when English also writes it in lower case, which the
/// finder asks the vocabulary ("Senegal", "Montreal" are never written so).
pub(super) fn has_adjective_suffix(word: &str) -> bool {
    is_capitalised(word)
        && word.chars().count() >= 6
        && (word.ends_with("al") || word.ends_with("ive"))
}

/// "St. Croix", "Mt. Vernon", "Ft. Worth": a shortened word that, with its full stop, starts or
/// continues a name.
pub(super) fn is_name_abbreviation(word: &str) -> bool {
    matches!(word, "St" | "Ste" | "Mt" | "Ft")
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

/// "al-Haq", "el-Sisi": a lower-case Arabic article glued to a capitalised name.
pub(super) fn is_name_particle(word: &str) -> bool {
    // Every article has two or three letters: asked of many words, most without that hyphen.
    let bytes = word.as_bytes();
    if bytes.get(2) != Some(&b'-') && bytes.get(3) != Some(&b'-') {
        return false;
    }
    let Some((prefix, rest)) = word.split_once('-') else {
        return false;
    };
    ["al", "el", "ad", "as", "ash", "at", "az", "ar", "an"].contains(&prefix)
        && is_capitalised(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_are_found_where_a_char_search_finds_them() {
        for text in [
            "",
            "-",
            "US-China",
            "1990–91",
            "a — b",
            "’s",
            "“x”",
            "\u{e2}",
            "é",
            "a\u{2013}",
        ] {
            assert_eq!(has_dash(text), text.contains(['-', '–']), "{text:?}");
        }
    }

    #[test]
    fn adjective_shapes_are_told() {
        for (word, expected) in [
            ("Kurdish", true),
            ("Western", true),
            ("Southern", true),
            ("Islamic", true),
            ("Olympic", true),
            ("Japanese", true),
            ("Eric", false),
            ("Fern", false),
            ("islamic", false),
            ("Hamas", false),
            ("Danish", true),
            ("European", true),
            ("Caribbean", true),
            ("Korean", false),
            ("Sean", false),
        ] {
            assert_eq!(is_adjective_shaped(word), expected, "{word:?}");
        }
    }

    #[test]
    fn adjective_suffixes_are_told() {
        for (word, expected) in [
            ("Federal", true),
            ("Executive", true),
            ("Congressional", true),
            ("Nepal", false),
            ("Olive", false),
            ("federal", false),
            ("Senegal", true),
        ] {
            assert_eq!(has_adjective_suffix(word), expected, "{word:?}");
        }
    }

    #[test]
    fn contractions_of_i_are_told() {
        for (word, expected) in [
            ("I'd", true),
            ("I’ve", true),
            ("I'm", true),
            ("I'll", true),
            ("I", false),
            ("I'x", false),
            ("Id", false),
            ("It's", false),
            ("i'm", false),
        ] {
            assert_eq!(is_contraction_of_i(word), expected, "{word:?}");
        }
    }

    /// `is_name_particle` looks for the hyphen where an article's would be before splitting.
    #[test]
    fn name_particles_agree_with_the_plain_definition() {
        let plain = |word: &str| {
            word.split_once('-').is_some_and(|(prefix, rest)| {
                ["al", "el", "ad", "as", "ash", "at", "az", "ar", "an"].contains(&prefix)
                    && is_capitalised(rest)
            })
        };
        for word in [
            "",
            "-",
            "al",
            "al-",
            "al-Haq",
            "al-haq",
            "el-Sisi",
            "ash-Sham",
            "ash-",
            "an-Nusra",
            "a-Haq",
            "-al-Haq",
            "xal-Haq",
            "al-Ḥaq",
            "al–Haq",
            "al-Haq-Haq",
            "as-",
            "at-Tanf",
            "Al-Haq",
            "alx-Haq",
            "al-É",
        ] {
            assert_eq!(is_name_particle(word), plain(word), "{word:?}");
        }
    }
}
