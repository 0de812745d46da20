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

impl Finder<'_> {
    /// "Islamic State of Iraq and Syria (ISIS)", "Islamic State of Iraq and the Levant (ISIL)": the
    /// phrase `start..end` stops at "and", but the acronym defined after the name that follows spells
    /// the whole: the end of the whole, if so.
    pub(super) fn acronym_spans_and(&self, start: usize, end: usize) -> Option<usize> {
        if self.word(end) != "and" {
            return None;
        }
        let after = end + 1 + usize::from(self.word(end + 1) == "the");
        if !self.is_word(after) || !super::words::is_capitalised(self.word(after)) {
            return None;
        }
        let whole = self.phrase_end(after);
        if self.word(whole) != "(" || self.word(whole + 2) != ")" || !self.is_word(whole + 1) {
            return None;
        }
        let acronym = self.word(whole + 1);
        let words = |to: usize| -> Vec<&str> { (start..to).map(|i| self.word(i)).collect() };
        (is_acronym(acronym)
            && spells_from_first(acronym, self.word(start))
            && acronym_matches(acronym, &words(whole))
            && !acronym_matches(acronym, &words(end)))
        .then_some(whole)
    }

    /// "Hamas and Palestinian Islamic Jihad (PIJ)": the phrase `start..end` joined two names at "and",
    /// and the acronym defined after it spells only the name after "and": the "and" (where the first
    /// name ends), if so.
    pub(super) fn and_before_acronym(&self, start: usize, end: usize) -> Option<usize> {
        if self.word(end) != "(" || self.word(end + 2) != ")" || !self.is_word(end + 1) {
            return None;
        }
        let acronym = self.word(end + 1);
        let and = (start + 1..end).rev().find(|&t| self.word(t) == "and")?;
        let after: Vec<&str> = (and + 1..end).map(|i| self.word(i)).collect();
        (is_acronym(acronym)
            && !spells_from_first(acronym, self.word(start))
            && spells_from_first(acronym, self.word(and + 1))
            && acronym_matches(acronym, &after))
        .then_some(and)
    }
}

/// Whether the acronym's first letter is the initial of `word` ("ISIS" and "Islamic"): it spells a
/// name from that word on.
fn spells_from_first(acronym: &str, word: &str) -> bool {
    match (acronym.chars().next(), word.chars().next()) {
        (Some(a), Some(w)) => a.to_lowercase().eq(w.to_lowercase()),
        _ => false,
    }
}

impl Finder<'_> {
    /// "Palestinian Islamic Jihad (PIJ)": whether the acronym defined after the phrase `start..end`
    /// spells it whole, and not only its part from `part` on: then a lexicon word leading it ("Palestinian")
    /// is part of the name.
    pub(super) fn acronym_spells_from(&self, start: usize, part: usize, end: usize) -> bool {
        if self.word(end) != "(" || self.word(end + 2) != ")" || !self.is_word(end + 1) {
            return false;
        }
        let acronym = self.word(end + 1);
        let words = |from: usize| -> Vec<&str> { (from..end).map(|i| self.word(i)).collect() };
        is_acronym(acronym)
            && acronym_matches(acronym, &words(start))
            && !acronym_matches(acronym, &words(part))
    }
}

/// The most letters an acronym defined in parentheses may have. Real ones have a handful; a long run
/// of capitals read as one would make the matching below cost its length times the phrase's.
const MAX_ACRONYM_LETTERS: usize = 16;

/// True when the upper-case letters of `acronym` can be read off the ends of `words`: each word gives
/// its initial (an all-capitals word may give all its letters) and short connectors may give theirs or
/// nothing. "PMF": Popular Mobilization Forces; "SOFA": Status of Forces Agreement; "UNSC": UN Security
/// Council; "CoR": Council of Representatives.
///
/// # Complexity
/// Linear in the letters of `words`: each (letter, piece) pair is decided once, from the last piece
/// back, rather than by a search that tried every split again from every word (exponential in a phrase
/// of all-capitals pieces such as "AA-AA-…-AA (AAA…B)").
pub fn acronym_matches(acronym: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic() && c.is_uppercase())
        .collect();
    if letters.len() > MAX_ACRONYM_LETTERS {
        return false;
    }
    // The pieces of all the words in order, and where each word's pieces start: the acronym may
    // define only the last words, so a match may start at any word.
    let mut pieces: Vec<Vec<char>> = Vec::new();
    let mut word_starts = Vec::with_capacity(words.len());
    for word in words {
        word_starts.push(pieces.len());
        pieces.extend(
            word.split(['-', '–'])
                .map(|w| {
                    w.chars()
                        .filter(|c| c.is_alphanumeric())
                        .collect::<Vec<char>>()
                })
                .filter(|w| !w.is_empty()),
        );
    }
    let from_piece = matches_from_each_piece(&letters, &pieces);
    word_starts
        .iter()
        .any(|&start| from_piece.get(start).copied().unwrap_or(false))
}

/// For each piece, whether all of `letters` can be read off the pieces from it on (and for the end,
/// whether there are no letters to read). Column by column from the last piece back: `later[l]` says
/// whether `letters[l..]` can be read off the pieces after the current one.
fn matches_from_each_piece(letters: &[char], pieces: &[Vec<char>]) -> Vec<bool> {
    let done = |l: usize| l >= letters.len();
    let mut later: Vec<bool> = (0..=letters.len()).map(done).collect();
    let mut from_piece = vec![false; pieces.len() + 1];
    if let Some(last) = from_piece.last_mut() {
        *last = letters.is_empty();
    }
    for (index, piece) in pieces.iter().enumerate().rev() {
        let here: Vec<bool> = (0..=letters.len())
            .map(|l| done(l) || piece_reads(letters, l, piece, &later))
            .collect();
        if let Some(slot) = from_piece.get_mut(index) {
            *slot = here.first().copied().unwrap_or(false);
        }
        later = here;
    }
    from_piece
}

/// Whether `letters[l..]` (not empty) can be read starting with `piece`, given `later` for the pieces
/// after it: a connector may give nothing, a word gives its initial, and an all-capitals word ("UN")
/// may give more of its letters.
fn piece_reads(letters: &[char], l: usize, piece: &[char], later: &[bool]) -> bool {
    let later_from = |l: usize| later.get(l).copied().unwrap_or(false);
    let Some(&first) = piece.first() else {
        return later_from(l);
    };
    if first.is_lowercase() && later_from(l) {
        return true;
    }
    if first.to_uppercase().next() != letters.get(l).copied() {
        return false;
    }
    if later_from(l + 1) {
        return true;
    }
    if !piece.iter().all(|c| c.is_uppercase() || c.is_numeric()) {
        return false;
    }
    let mut consumed = 1;
    while consumed < piece.len() && letters.get(l + consumed) == piece.get(consumed) {
        consumed += 1;
        if later_from(l + consumed) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 21: "AA-AA-…-AA (AAA…B)" tried every way of splitting the letters among the pieces, from
    /// every word: a 300-byte line did not finish in a minute.
    #[test]
    fn all_capital_pieces_are_matched_in_linear_time() {
        let long = vec!["AA"; 20_000].join("-");
        let cases = [
            ("A".repeat(15) + "B", false),
            ("A".repeat(16), true),
            ("A".repeat(17), false),
        ];
        for (acronym, expected) in cases {
            assert_eq!(
                acronym_matches(&acronym, &["Council", &long, "Force"]),
                expected,
                "{acronym}"
            );
        }
    }

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
            ("UNSC", "the UN Security Council", true),
            ("IAEA", "International Atomic Energy Agency", true),
            ("USA", "UNITED STATES of AMERICA", true),
            ("AB", "Alpha-Bravo", true),
            ("", "Alpha", true),
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
