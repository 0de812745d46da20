//! The words just before a mention, as evidence of its kind: a person is seldom "the X", and a name
//! after "in" or "near" is mostly a place.

use crate::extract::lexicon::lowercases_to;
use crate::text::{Token, TokenKind};

/// Prepositions after which a name is mostly a place ("fighting in Avdiivka", "a base near Tal
/// Afar"). Narrower than the finder's prepositions of place: "to" and "from" precede actors as often
/// ("sold arms to X").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "outside", "around", "inside", "into", "across", "within",
];

/// What the words before a mention say of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum NameContext {
    /// Nothing telling.
    #[default]
    Plain,
    /// After "the" ("the Free Syrian Army"): not a person's name.
    Determiner,
    /// After a preposition of place, with or without "the" ("in Avdiivka", "in the Donbas"), and not
    /// a possessive ("in Smith's view"): mostly a place.
    Locative,
}

impl NameContext {
    /// The context of a mention over `tokens[first..end]` of a sentence's tokens in `text`. A name in
    /// a list ("the cities of Sloviansk, Bakhmut, and Soledar", "the Badr Organization and Kataib
    /// Hezbollah") shares the context of the list: what precedes its first member, and "the" before
    /// any member.
    pub(crate) fn of_mention(
        text: &str,
        tokens: &[Token],
        first: usize,
        end: usize,
    ) -> NameContext {
        let word = |index: usize| tokens.get(index).map_or("", |t| t.text(text));
        let (start, determined) = list_start(&word, first, end);
        let possessive = tokens
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        let before = |back: usize| start.checked_sub(back).map_or("", word);
        let after_place_preposition = PLACE_PREPOSITIONS
            .iter()
            .any(|preposition| lowercases_to(before(1), preposition));
        let of_place = lowercases_to(before(1), "of")
            && PLACES_OF.iter().any(|noun| lowercases_to(before(2), noun));
        if (after_place_preposition || of_place) && !possessive {
            NameContext::Locative
        } else if determined {
            NameContext::Determiner
        } else {
            NameContext::Plain
        }
    }
}

/// Nouns after which "of X" names a place: "the city of X", "the outskirts of X", "south of X", "the
/// battle of X".
const PLACES_OF: &[&str] = &[
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "settlement",
    "settlements",
    "outskirts",
    "suburbs",
    "region",
    "province",
    "district",
    "governorate",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "battle",
    "battles",
    "siege",
];

/// The most list members looked back over.
const MOST_LIST_MEMBERS: usize = 8;

/// The most words of one list member.
const MOST_MEMBER_WORDS: usize = 6;

/// Where the list that the name over `first..end` is in starts (its first member, or "the" before
/// it), and whether "the" precedes the name or any member before it. Names joined by commas are a
/// list only with an "and" or "or" among them: "the head of the PMF, Faleh al-Fayyad, said" is an
/// apposition.
fn list_start<'t>(word: &impl Fn(usize) -> &'t str, first: usize, end: usize) -> (usize, bool) {
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let mut start = first;
    let mut determined = false;
    if start > 0 && lowercases_to(word(start - 1), "the") {
        determined = true;
        start -= 1;
    }
    let own = (start, determined);
    let mut conjunction = conjunction_follows(word, end);
    for _ in 0..MOST_LIST_MEMBERS {
        let mut t = start;
        match t.checked_sub(1).map(word) {
            Some(",") => t -= 1,
            Some("and" | "or") => {
                conjunction = true;
                t -= 1;
                if t > 0 && word(t - 1) == "," {
                    t -= 1;
                }
            }
            _ => break,
        }
        let member_end = t;
        while t > 0 && member_end - t < MOST_MEMBER_WORDS && capitalised(word(t - 1)) {
            t -= 1;
        }
        if t == member_end {
            break;
        }
        if t > 0 && lowercases_to(word(t - 1), "the") {
            determined = true;
            t -= 1;
        }
        start = t;
    }
    if conjunction {
        (start, determined)
    } else {
        own
    }
}

/// Whether the list members after a name (from `end`) lead to an "and" or "or": "X, Y, and Z".
fn conjunction_follows<'t>(word: &impl Fn(usize) -> &'t str, end: usize) -> bool {
    let mut t = end;
    for _ in 0..MOST_LIST_MEMBERS {
        match word(t) {
            "and" | "or" => return true,
            "," => t += 1,
            _ => return false,
        }
        if matches!(word(t), "and" | "or") {
            return true;
        }
        if lowercases_to(word(t), "the") {
            t += 1;
        }
        let member_start = t;
        while t - member_start < MOST_MEMBER_WORDS && word(t).starts_with(char::is_uppercase) {
            t += 1;
        }
        if t == member_start {
            return false;
        }
    }
    false
}
