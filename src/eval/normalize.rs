//! How names and sentences are compared: the normalisation the gold README defines, word sets, and the
//! sentence match (containment or a Jaccard overlap of at least 60%).
//!
//! Both sides of every comparison go through the same function, so a choice made here (which dashes
//! count, where "the" is dropped) can never make a graph name differ from the identical gold name.

use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// Normalises a name or a sentence for comparison: Unicode NFKC, lower case, curly quotes made straight,
/// dashes made '-', whitespace collapsed to single spaces and trimmed, and a leading "the " dropped.
///
/// ```
/// use kgraph::eval::normalize;
/// assert_eq!(normalize("The  Kata’ib – Hezbollah"), "kata'ib - hezbollah");
/// ```
pub fn normalize(text: &str) -> String {
    let mapped: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => '-',
            other => other,
        })
        .collect();
    let collapsed = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => collapsed,
    }
}

/// The words of an already normalised text: maximal runs of alphanumeric characters.
pub fn word_set(normalized: &str) -> BTreeSet<&str> {
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// True when two already normalised sentences state the same thing for scoring: one contains the other,
/// or their word sets have a Jaccard overlap of at least 0.6. An empty sentence matches nothing (it would
/// otherwise be contained in every sentence).
pub fn sentences_match(first: &str, second: &str) -> bool {
    if first.is_empty() || second.is_empty() {
        return false;
    }
    if first.contains(second) || second.contains(first) {
        return true;
    }
    let (first_words, second_words) = (word_set(first), word_set(second));
    let shared = first_words.intersection(&second_words).count();
    let union = first_words.union(&second_words).count();
    // shared / union >= 3 / 5, in integers so a ratio of exactly 0.6 is not lost to rounding.
    union > 0 && shared * 5 >= union * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_table() {
        let cases = [
            ("United States", "united states"),
            ("  United \t States \n", "united states"),
            ("The United States", "united states"),
            (
                "the  Popular Mobilization Forces",
                "popular mobilization forces",
            ),
            ("Theodore Roosevelt", "theodore roosevelt"),
            ("The", "the"),
            ("Kata’ib Hezbollah", "kata'ib hezbollah"),
            ("‘Asa’ib", "'asa'ib"),
            ("“Resistance Axis”", "\"resistance axis\""),
            ("Sino–US", "sino-us"),
            ("Sino—US", "sino-us"),
            ("al‐Sudani", "al-sudani"),
            ("al‑Sudani", "al-sudani"),
            ("−5", "-5"),
            ("ＩＳＩＳ", "isis"),
            ("ﬁnance", "finance"),
            ("Ｔｈｅ Iraq", "iraq"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
    }

    #[test]
    fn word_set_splits_on_non_alphanumerics() {
        let words: Vec<&str> = word_set("israel's opposition, moscow declined s-400")
            .into_iter()
            .collect();
        assert_eq!(
            words,
            ["400", "declined", "israel", "moscow", "opposition", "s"]
        );
    }

    #[test]
    fn sentence_match_table() {
        let cases = [
            // Containment either way.
            (
                "china signed a deal with iraq.",
                "china signed a deal with iraq",
                true,
            ),
            (
                "china signed a deal",
                "in 2019 china signed a deal with iraq.",
                true,
            ),
            // 6 shared of 9 words: 0.667, just above 0.6.
            (
                "alpha beta gamma delta epsilon zeta eta",
                "alpha beta gamma delta epsilon zeta theta iota",
                true,
            ),
            // 6 shared of 10 words: exactly 0.6.
            (
                "alpha beta gamma delta epsilon zeta eta theta",
                "alpha beta gamma delta epsilon zeta iota kappa",
                true,
            ),
            // 7 shared of 12 words: 0.583, just below 0.6.
            (
                "alpha beta gamma delta epsilon zeta eta theta iota",
                "alpha beta gamma delta epsilon zeta eta kappa lambda mu",
                false,
            ),
            ("", "anything", false),
            ("anything", "", false),
        ];
        for (first, second, expected) in cases {
            assert_eq!(
                sentences_match(first, second),
                expected,
                "sentences_match({first:?}, {second:?})"
            );
        }
    }
}
