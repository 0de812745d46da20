//! Abbreviations: words whose full stop usually does not end a sentence.
//!
//! Two kinds, because they behave differently at the end of a sentence:
//!
//! - a *leading* abbreviation (`Dr.`, `Gen.`, `e.g.`, `Fig.`, `pp.`) stands before the word it qualifies, so
//!   its full stop never ends a sentence;
//! - a *trailing* abbreviation (`U.S.`, `Inc.`, `Jr.`, `etc.`, `et al.`, initials such as the `W.` of
//!   `George W. Bush`, month names) can close a sentence. Its full stop ends the sentence only when the next
//!   word is a capitalised function word (`The`, `In`, `However`, …): a name or a noun after it (`U.S.
//!   Ambassador`, `W. Bush`) is the same sentence going on.
//!
//! Any abbreviation followed by a number (`No. 304`, `pp. 12`, `Jan. 5`) ends no sentence.

/// How an abbreviation's full stop behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// Stands before what it qualifies (`Dr.`, `e.g.`): never ends a sentence.
    Leading,
    /// May close a sentence (`U.S.`, `etc.`): ends one only before a capitalised function word.
    Trailing,
}

/// Classifies `word`, the text before a full stop with the stop itself left off (`U.S` for `U.S.`), with
/// any leading quotes or brackets already removed.
pub(crate) fn classify_abbreviation(word: &str) -> Option<Abbreviation> {
    if let Some(kind) = dotted_initials(word) {
        return Some(kind);
    }
    let mut chars = word.chars();
    if let (Some(only), None) = (chars.next(), chars.next()) {
        // A single capital is an initial ("Joe D. Hagan"); a single lower-case letter is a list marker or
        // an abbreviation such as "p." or "v.", both of which lead.
        return if only.is_uppercase() {
            Some(Abbreviation::Trailing)
        } else if only.is_lowercase() {
            Some(Abbreviation::Leading)
        } else {
            None
        };
    }
    match word {
        // Titles and ranks stand before a name.
        "Dr" | "Mr" | "Mrs" | "Ms" | "Messrs" | "Prof" | "St" | "Gen" | "Lt" | "Col" | "Sgt"
        | "Capt" | "Maj" | "Adm" | "Cmdr" | "Rep" | "Sen" | "Gov" | "Pres" | "Rev" | "Hon"
        | "Amb" => Some(Abbreviation::Leading),
        // References and Latin connectives stand before what they introduce.
        "No" | "Nos" | "Fig" | "Figs" | "Vol" | "Vols" | "Art" | "Sec" | "Ch" | "pp" | "vs"
        | "cf" | "approx" | "viz" | "ca" | "vol" | "fig" | "ch" | "sec" | "art" | "para"
        | "paras" => Some(Abbreviation::Leading),
        // These close a name, a list or a date, so they may end a sentence too.
        "Jr" | "Sr" | "Inc" | "Ltd" | "Co" | "Corp" | "Bros" | "etc" | "al" | "est" | "no"
        | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct"
        | "Nov" | "Dec" => Some(Abbreviation::Trailing),
        _ => None,
    }
}

/// `U.S`, `U.K`, `e.g`, `i.e`: single letters separated by full stops (the last stop is left off).
/// Capitals name a country or body and may close a sentence; lower case is a Latin connective.
fn dotted_initials(word: &str) -> Option<Abbreviation> {
    let mut letters = 0;
    let mut all_upper = true;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return None;
            }
            letters += 1;
            all_upper &= c.is_uppercase();
        } else if c != '.' {
            return None;
        }
        expect_letter = !expect_letter;
    }
    if letters < 2 || expect_letter {
        return None;
    }
    Some(if all_upper {
        Abbreviation::Trailing
    } else {
        Abbreviation::Leading
    })
}

/// True for capitalised function words that typically open a sentence but almost never follow an
/// abbreviation inside one: after `U.S.` they mean the sentence ended.
pub(crate) fn is_sentence_opening_word(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "Its"
            | "In"
            | "On"
            | "At"
            | "As"
            | "By"
            | "For"
            | "From"
            | "With"
            | "Within"
            | "Without"
            | "To"
            | "Of"
            | "But"
            | "And"
            | "Or"
            | "Nor"
            | "Yet"
            | "So"
            | "However"
            | "Moreover"
            | "Furthermore"
            | "Meanwhile"
            | "Nevertheless"
            | "Nonetheless"
            | "Therefore"
            | "Thus"
            | "Hence"
            | "Instead"
            | "Indeed"
            | "Still"
            | "Also"
            | "Although"
            | "Though"
            | "While"
            | "Whereas"
            | "When"
            | "Where"
            | "Why"
            | "How"
            | "What"
            | "Which"
            | "Who"
            | "If"
            | "Since"
            | "Because"
            | "After"
            | "Before"
            | "During"
            | "Despite"
            | "Under"
            | "Such"
            | "Both"
            | "Many"
            | "Most"
            | "Some"
            | "Several"
            | "Each"
            | "Other"
            | "Another"
            | "One"
            | "There"
            | "Here"
            | "Then"
            | "He"
            | "She"
            | "They"
            | "We"
            | "You"
            | "I"
            | "A"
            | "An"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "Not"
            | "No"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_abbreviations() {
        use Abbreviation::*;
        let cases: &[(&str, Option<Abbreviation>)] = &[
            ("U.S", Some(Trailing)),
            ("U.K", Some(Trailing)),
            ("U.S.A", Some(Trailing)),
            ("e.g", Some(Leading)),
            ("i.e", Some(Leading)),
            ("D", Some(Trailing)),
            ("Dr", Some(Leading)),
            ("Gen", Some(Leading)),
            ("etc", Some(Trailing)),
            ("al", Some(Trailing)),
            ("Sept", Some(Trailing)),
            ("pp", Some(Leading)),
            ("policy", None),
            ("2019", None),
            ("U.S.", None),
            ("", None),
            ("US", None),
        ];
        for (word, expected) in cases {
            assert_eq!(classify_abbreviation(word), *expected, "{word}");
        }
    }
}
