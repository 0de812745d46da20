//! The words around a mention, as evidence of its kind: a person is seldom "the X", a name after
//! "in" or "near" is mostly a place, "X fighters" are an armed group, and the members of a list share
//! a group kind.

use crate::extract::lexicon::lowercases_to;
use crate::extract::mention::EnglishVocabulary;
use crate::extract::mention::{FoundMention, MentionSource};
use crate::extract::rules::COMPASS_POINTS;
use crate::model::EntityKind;
use crate::text::{Token, TokenKind};

/// Prepositions after which a name is mostly a place ("fighting in Avdiivka", "a base near Tal
/// Afar"). Narrower than the finder's prepositions of place: "to" and "from" precede actors as often
/// ("sold arms to X").
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
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
        // Read once: each is compared with a few dozen words.
        let before = |back: usize| start.checked_sub(back).map_or("", word);
        let (before, two_before) = (before(1), before(2));
        let after_place_preposition = PLACE_PREPOSITIONS
            .iter()
            .any(|preposition| lowercases_to(before, preposition));
        let of_place = lowercases_to(before, "of")
            && PLACES_OF
                .iter()
                .chain(COMPASS_POINTS)
                .any(|noun| lowercases_to(two_before, noun));
        let withdrawn_from = lowercases_to(before, "from")
            && WITHDRAWALS
                .iter()
                .any(|withdrawal| lowercases_to(two_before, withdrawal));
        if (after_place_preposition || of_place || withdrawn_from) && !possessive {
            NameContext::Locative
        } else if determined {
            NameContext::Determiner
        } else {
            NameContext::Plain
        }
    }
}

/// Nouns after which "of X" names a place: "the city of X", "the outskirts of X", "the battle of
/// X"; and the compass points (`COMPASS_POINTS`): "south of X".
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
    "battle",
    "battles",
    "siege",
    // A town falls or is captured ("the fall of X", "the capture of X"); a leader's fall is told
    // apart by the person evidence that outweighs a place preposition.
    "fall",
    "capture",
];

/// Words after which "from X" names the place left: "the withdrawal from the X", "troops
/// pulled back from X". Elsewhere "from" precedes actors as often ("a letter from X").
const WITHDRAWALS: &[&str] = &[
    "withdrawal",
    "withdraw",
    "withdrew",
    "withdrawn",
    "withdrawing",
    "retreat",
    "retreated",
    "evacuation",
    "evacuated",
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
    // "… and Anton Vell, the Acting Ambassador": a name described by an apposition has its own
    // evidence, not the list's.
    if word(end) == "," && DETERMINERS.contains(&word(end + 1)) {
        return own;
    }
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

/// Group kinds a list passes on to its members without a kind: "Kataib Hezbollah, the Badr
/// Organization and Asa'ib Ahl al-Haq" are armed groups alike. Other kinds do not carry ("Iraq,
/// Syria and Hezbollah").
const LIST_KINDS: &[EntityKind] = &[EntityKind::ArmedGroup, EntityKind::PoliticalGroup];

/// Words that open an apposition after a comma ("X, the Acting Ambassador").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Lower-case nouns after a name that make it an armed group: "Wagner Group mercenaries".
const ARMED_NOUNS: &[&str] = &[
    "fighters",
    "militants",
    "militia",
    "militias",
    "mercenaries",
    "forces",
    "troops",
    "gunmen",
    "rebels",
    "insurgents",
    "bases",
];

/// Lower-case nouns after a name, or a list of names, that make them places without being part of
/// the name: "the Donbas region", "Donetsk and Luhansk oblasts", "the Taq Taq and Tawke fields".
const PLACE_NOUNS_AFTER: &[&str] = &[
    "region",
    "oblast",
    "area",
    "oblasts",
    "regions",
    "provinces",
    "governorates",
    "districts",
    "fields",
    "cities",
    "towns",
    "villages",
    "islands",
    "reactor",
];

/// Two lower-case words after a name that make it a place: "the X nuclear reactor".
const PLACE_PAIRS_AFTER: &[(&str, &str)] = &[
    ("nuclear", "reactor"),
    ("nuclear", "facility"),
    ("nuclear", "site"),
    ("enrichment", "facility"),
];

/// Nouns that say what a name is when they describe it: in an apposition after it ("X, a small
/// town in Y", "X, an advanced computer worm") or before a list of examples ("malware, including X
/// and Y", "towns such as X").
const CATEGORY_NOUNS: &[(&str, EntityKind)] = &[
    ("town", EntityKind::Place),
    ("towns", EntityKind::Place),
    ("city", EntityKind::Place),
    ("cities", EntityKind::Place),
    ("village", EntityKind::Place),
    ("villages", EntityKind::Place),
    ("port", EntityKind::Place),
    ("worm", EntityKind::Event),
    ("worms", EntityKind::Event),
    ("virus", EntityKind::Event),
    ("viruses", EntityKind::Event),
    ("malware", EntityKind::Event),
    ("militia", EntityKind::ArmedGroup),
    ("militias", EntityKind::ArmedGroup),
];

/// The most lower-case words between the article of an apposition and its noun ("a small
/// frontier town").
const MOST_APPOSITION_MODIFIERS: usize = 2;

/// The kind an apposition right after a name (from `end`) gives it: ", a small town" or ", an
/// advanced computer worm" (see [`CATEGORY_NOUNS`]).
fn apposition_kind<'t>(word: &impl Fn(usize) -> &'t str, end: usize) -> Option<EntityKind> {
    if word(end) != "," || !matches!(word(end + 1), "a" | "an") {
        return None;
    }
    (end + 2..=end + 2 + MOST_APPOSITION_MODIFIERS)
        .take_while(|&t| {
            let w = word(t);
            !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-')
        })
        .find_map(|t| category_kind(word(t)))
}

/// The kind a category noun before a list of examples gives its members: "malware, including X
/// and Y", "towns such as X" (see [`CATEGORY_NOUNS`]).
fn examples_kind<'t>(word: &impl Fn(usize) -> &'t str, start: usize) -> Option<EntityKind> {
    let before = |back: usize| start.checked_sub(back).map_or("", word);
    let noun_at = if before(1) == "including" {
        2
    } else if before(1) == "as" && before(2) == "such" {
        3
    } else {
        return None;
    };
    let noun_at = if before(noun_at) == "," {
        noun_at + 1
    } else {
        noun_at
    };
    category_kind(before(noun_at))
}

/// The kind of a category noun, if it is one.
fn category_kind(noun: &str) -> Option<EntityKind> {
    CATEGORY_NOUNS
        .iter()
        .find(|(category, _)| *category == noun)
        .map(|(_, kind)| *kind)
}

/// Gives the phrases of one sentence that have no kind the kind their neighbours tell: a noun right
/// after a name or a list ("Hamas fighters", "Donetsk and Luhansk oblasts"), a person's evidence
/// after it ([`person_follows`]), and a group kind shared by a list. `mentions` are in text order.
pub(crate) fn kinds_from_neighbours(text: &str, tokens: &[Token], mentions: &mut [FoundMention]) {
    let word = |index: usize| tokens.get(index).map_or("", |t| t.text(text));
    let mut first = 0;
    while first < mentions.len() {
        // The list that starts at `first`: mentions joined only by commas, "and", "or" and "the".
        let mut last = first;
        while last + 1 < mentions.len() {
            let between = mentions[last].tokens.1..mentions[last + 1].tokens.0;
            let joined = !between.is_empty()
                && between.clone().all(|t| {
                    matches!(word(t), "," | "and" | "or") || lowercases_to(word(t), "the")
                })
                && between
                    .clone()
                    .any(|t| matches!(word(t), "," | "and" | "or"));
            if !joined {
                break;
            }
            last += 1;
        }
        let mut members = first..=last;
        let after = word(mentions[last].tokens.1);
        let armed_noun_after = ARMED_NOUNS.contains(&after);
        // "X, a small town": the apposition describes the name itself.
        let described = (first == last)
            .then(|| apposition_kind(&word, mentions[last].tokens.1))
            .flatten();
        let place_pair_after =
            PLACE_PAIRS_AFTER.contains(&(after, word(mentions[last].tokens.1 + 1)));
        let told = if armed_noun_after {
            Some(EntityKind::ArmedGroup)
        } else if (PLACE_NOUNS_AFTER.contains(&after) && (last > first || !after.ends_with('s')))
            || place_pair_after
        {
            Some(EntityKind::Place)
        } else if let Some(kind) = examples_kind(&word, mentions[first].tokens.0) {
            Some(kind)
        } else if let Some(kind) = described {
            Some(kind)
        } else if person_follows(
            &word,
            tokens,
            mentions[first].tokens.0,
            mentions[last].tokens.1,
        ) && members.clone().all(|m| {
            mentions[m]
                .kind
                .is_none_or(|kind| kind == EntityKind::Person)
        }) {
            // "Ruiz and Tanaka, who": each is a person; "our envoy, Ana Ruiz, who": only the last
            // of names joined by commas alone, an apposition. "Lerma, Chile, who": a place.
            let conjoined = (first..last).any(|m| {
                (mentions[m].tokens.1..mentions[m + 1].tokens.0)
                    .any(|t| matches!(word(t), "and" | "or"))
            });
            if !conjoined {
                members = last..=last;
            }
            Some(EntityKind::Person)
        } else if last > first {
            members
                .clone()
                .filter_map(|m| mentions[m].kind)
                .find(|kind| LIST_KINDS.contains(kind))
        } else {
            None
        };
        // Armed nouns after the names, or a list with as many armed groups as bodies in it ("Tarn
        // Hezbollah and the Badr Organization"), outweigh a body's generic head noun.
        let count = |kind: EntityKind| {
            members
                .clone()
                .filter(|&m| mentions[m].kind == Some(kind))
                .count()
        };
        let overrides_bodies = armed_noun_after
            || (told == Some(EntityKind::ArmedGroup)
                && count(EntityKind::ArmedGroup) >= count(EntityKind::Organization));
        if let Some(kind) = told {
            for member in members {
                // "… the State of Law Coalition, and Joshua Harris, the Acting Ambassador": a
                // member described by an apposition is no member of a group list.
                let end = mentions[member].tokens.1;
                let apposition =
                    word(end) == "," && DETERMINERS.contains(&word(end + 1)) && described.is_none();
                let mention = &mut mentions[member];
                let open = mention.kind.is_none()
                    || (overrides_bodies && mention.kind == Some(EntityKind::Organization));
                if open && mention.source == MentionSource::Phrase && !apposition {
                    mention.kind = Some(kind);
                }
            }
        }
        first = last + 1;
    }
}

/// Whether the words after a name or a list of names over `tokens[start..end]` say they are people:
/// an administration named after them ("the Okafor administration", "Okafor's administration", "the
/// Ruiz and Tanaka administrations"), a regime named after one word ("the Okafor regime"), or ", who"
/// after them, where no "the" or plural common word
/// makes them a group ("Ruiz and Tanaka, who argue"; not "the Zapatistas, who", "Tribes, who").
fn person_follows<'t>(
    word: &impl Fn(usize) -> &'t str,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> bool {
    let administration = |w: &str| matches!(w, "administration" | "administrations");
    let possessive = tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    if administration(word(end)) || (possessive && administration(word(end + 1))) {
        return true;
    }
    // "the Okafor regime": a ruler's name; a movement's regime is mostly written with its
    // adjective ("the Leninist regime", "the Peronista regime", "the Hashemite regime").
    if word(end) == "regime"
        && end == start + 1
        && start
            .checked_sub(1)
            .is_some_and(|before| lowercases_to(word(before), "the"))
        && !["ist", "ista", "ite"]
            .iter()
            .any(|suffix| word(start).ends_with(suffix))
    {
        return true;
    }
    // A comma before "who": "the window maker in Lima who" speaks of the maker. Plural common
    // words ("the five Tribes, who") are peoples or groups, not persons.
    // After "the" they are a group; after "from", "of" or "in" a place ("a boy from Lerma, who").
    let before = start.checked_sub(1).map_or("", word);
    word(end) == ","
        && word(end + 1) == "who"
        && !["the", "from", "of", "at"]
            .iter()
            .chain(PLACE_PREPOSITIONS)
            .any(|preposition| lowercases_to(before, preposition))
        && end
            .checked_sub(1)
            .is_none_or(|last| !EnglishVocabulary::embedded().is_common_inside(word(last)))
}
