//! Acronyms: what looks like one, and an acronym defined in parentheses after its phrase
//! ("Popular Mobilization Forces (PMF)").

use super::finder::Finder;
use super::found_mention::{FoundMention, MentionSource};
use super::words::is_capitalised;

/// An acronym: at least two letters, starting upper case, with at least as many upper-case letters as
/// lower-case ones ("PMF", "CoR", "U.S.").
pub(super) fn is_acronym(word: &str) -> bool {
    if word.is_ascii() {
        // Asked of most capitalised words: one pass over the bytes.
        let bytes = word.as_bytes();
        if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        let (mut upper, mut lower) = (0usize, 0usize);
        for byte in bytes {
            upper += usize::from(byte.is_ascii_uppercase());
            lower += usize::from(byte.is_ascii_lowercase());
        }
        return upper >= 2 && upper >= lower;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    is_capitalised(word) && upper >= 2 && upper >= lower
}

impl Finder<'_> {
    /// "(PMF)" right after mention `defined`: pushes the acronym and returns the token after ")".
    pub(super) fn acronym_definition(
        &self,
        defined: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
        let (_, end) = mentions.get(defined)?.tokens;
        if self.word(end) != "(" || self.word(end + 2) != ")" || !self.is_word(end + 1) {
            return None;
        }
        let acronym = self.word(end + 1);
        if !is_acronym(acronym) {
            return None;
        }
        let (start, _) = mentions.get(defined)?.tokens;
        let words: Vec<&str> = (start..end).map(|i| self.word(i)).collect();
        if !acronym_matches(acronym, &words) {
            return None;
        }
        let kind = mentions.get(defined)?.kind;
        mentions.push(FoundMention {
            span: self.span(end + 1, end + 2),
            tokens: (end + 1, end + 2),
            source: MentionSource::AcronymDefinition { defines: defined },
            kind,
            title: None,
            sentence_initial: false,
            contains: Vec::new(),
        });
        Some(end + 3)
    }
}

/// True when the upper-case letters of `acronym` can be read off the ends of `words`: each word gives
/// its initial (an all-capitals word may give all its letters) and short connectors may give theirs or
/// nothing. "PMF": Popular Mobilization Forces; "SOFA": Status of Forces Agreement; "UNSC": UN Security
/// Council; "CoR": Council of Representatives.
pub fn acronym_matches(acronym: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic() && c.is_uppercase())
        .collect();
    // Try every suffix of the phrase: the acronym may define only its last words.
    (0..words.len()).any(|from| {
        let pieces: Vec<Vec<char>> = words[from..]
            .iter()
            .flat_map(|w| w.split(['-', '–']))
            .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect())
            .filter(|w: &Vec<char>| !w.is_empty())
            .collect();
        matches_from(&letters, &pieces)
    })
}

pub(super) fn matches_from(letters: &[char], pieces: &[Vec<char>]) -> bool {
    if letters.is_empty() {
        // Trailing words may give nothing: "AUMF" for "Authorization for Use of Military Force Against Iraq".
        return true;
    }
    let Some((piece, rest)) = pieces.split_first() else {
        return false;
    };
    let Some(&first) = piece.first() else {
        return matches_from(letters, rest);
    };
    let connector = first.is_lowercase();
    // A connector may give nothing.
    if connector && matches_from(letters, rest) {
        return true;
    }
    let Some((&letter, remaining)) = letters.split_first() else {
        return false;
    };
    if first.to_uppercase().next() != Some(letter) {
        return false;
    }
    if matches_from(remaining, rest) {
        return true;
    }
    // An all-capitals word ("UN") may give more of its letters.
    let all_caps = piece.iter().all(|c| c.is_uppercase() || c.is_numeric());
    if all_caps {
        let mut consumed = 1;
        while consumed < piece.len() && letters.get(consumed) == piece.get(consumed) {
            consumed += 1;
            if matches_from(&letters[consumed..], rest) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn acronyms_match_their_definitions() {
        let cases: &[(&str, &str, bool)] = &[
            ("PMF", "Popular Mobilization Forces", true),
            ("SOFA", "US-Iraq Status of Forces Agreement", true),
            ("UNSC", "UN Security Council", true),
            ("CoR", "Council of Representatives", true),
            ("DFI", "Development Fund for Iraq", true),
            ("BRI", "Belt and Road Initiative", true),
            ("KDP", "Kurdistan Democratic Party", true),
            ("IS", "Islamic State", true),
            ("CNPC", "China National Petroleum Corporation", true),
            ("WTO", "World Trade Organization", true),
            (
                "AUMF",
                "Authorization for Use of Military Force Against Iraq",
                true,
            ),
            ("PMF", "Kurdistan Democratic Party", false),
            ("UK", "Durham University", false),
        ];
        for (acronym, phrase, expected) in cases {
            let words: Vec<&str> = phrase.split(' ').collect();
            assert_eq!(
                acronym_matches(acronym, &words),
                *expected,
                "{acronym} / {phrase}"
            );
        }
    }
}
