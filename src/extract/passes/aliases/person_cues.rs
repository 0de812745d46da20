//! Person evidence from the words around a name: what makes a name nobody knows a person's rather
//! than an organisation's. A name of a person's shape ("Lena Okafor") is a person only with such a
//! cue somewhere in the corpus (see `groups::is_person`); these are the cues a sentence gives:
//!
//! - a relative "who" after it: "Lena Okafor, who", "Lena Okafor of the Red Cross, who";
//! - an apposition that is an age or a role: "Lena Okafor, 45,", "Lena Okafor, a professor at";
//! - a role right before it: "the physicist Lena Okafor", "two engineers, Lena Okafor and Tom
//!   Reyes";
//! - a verb that only people do: "Lena Okafor argues", "Lena Okafor was born", "edited by Lena
//!   Okafor";
//! - a personal pronoun ("he", "his", "her") whose nearest name before it is this one, in its
//!   sentence or opening the next ([`opening_pronoun`]).
//!
//! The last cue a document gives, a name's last word used alone as a mention ("Okafor said"), is read
//! where a document's names are gathered (`names.rs`).

use super::name_context::PLACE_PREPOSITIONS;
use super::surnames::NAME_PARTICLES;
use crate::extract::corpus_wide::{NameEvidence, NameKey};
use crate::extract::lexicon::WordBuildHasher;
use crate::extract::lexicon::{lowercases_to, with_lowercase};
use crate::extract::mention::{EnglishVocabulary, FoundMention, MentionSource};
use crate::model::EntityKind;
use crate::text::{Token, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Nouns that name only people, as the head of an apposition ("X, a professor at Y") or right before
/// a name ("the physicist X"). Roles that a state or a body can also hold ("leader", "member",
/// "ally", "founder") are left out.
const PERSON_NOUNS: &[&str] = &[
    "activist",
    "actor",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "airman",
    "ambassador",
    "analyst",
    "anthropologist",
    "archbishop",
    "architect",
    "artist",
    "astronaut",
    "athlete",
    "attorney",
    "aunt",
    "author",
    "ayatollah",
    "banker",
    "billionaire",
    "bishop",
    "boy",
    "brother",
    "businessman",
    "businesswoman",
    "candidate",
    "captain",
    "cardinal",
    "chairman",
    "chairwoman",
    "chancellor",
    "chemist",
    "chief",
    "child",
    "citizen",
    "cleric",
    "clerk",
    "coach",
    "colonel",
    "columnist",
    "commander",
    "commentator",
    "composer",
    "congressman",
    "congresswoman",
    "correspondent",
    "cousin",
    "daughter",
    "deputy",
    "detainee",
    "detective",
    "diplomat",
    "dissident",
    "doctor",
    "economist",
    "editor",
    "emir",
    "engineer",
    "entrepreneur",
    "envoy",
    "explorer",
    "farmer",
    "father",
    "firefighter",
    "general",
    "gentleman",
    "geographer",
    "girl",
    "governor",
    "governor-general",
    "graduate",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "hardliner",
    "head",
    "historian",
    "hostage",
    "husband",
    "imam",
    "immigrant",
    "inventor",
    "journalist",
    "judge",
    "king",
    "lady",
    "lawmaker",
    "lawyer",
    "lecturer",
    "legislator",
    "lieutenant",
    "man",
    "marine",
    "mathematician",
    "mayor",
    "mechanic",
    "miner",
    "minister",
    "mother",
    "negotiator",
    "nephew",
    "niece",
    "nominee",
    "novelist",
    "nurse",
    "officer",
    "official",
    "painter",
    "pastor",
    "philosopher",
    "photographer",
    "physician",
    "physicist",
    "pilot",
    "pioneer",
    "poet",
    "policeman",
    "policewoman",
    "politician",
    "pope",
    "preacher",
    "premier",
    "president",
    "president-elect",
    "priest",
    "prince",
    "princess",
    "prisoner",
    "professor",
    "prosecutor",
    "psychologist",
    "queen",
    "rabbi",
    "ranger",
    "refugee",
    "reporter",
    "researcher",
    "sailor",
    "scholar",
    "scientist",
    "secretary",
    "senator",
    "sergeant",
    "sheikh",
    "sheriff",
    "singer",
    "sister",
    "sociologist",
    "soldier",
    "son",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "student",
    "sultan",
    "surgeon",
    "survivor",
    "teacher",
    "theologian",
    "uncle",
    "veteran",
    "volunteer",
    "widow",
    "wife",
    "woman",
    "worker",
    "writer",
];

/// Verbs right after a name (or a list of names) that only people do: "X argues", "as X and Y
/// observe", "X died".
const PERSON_VERBS: &[&str] = &[
    "argue", "argued", "argues", "died", "observe", "observed", "observes", "recalled", "recalls",
    "wrote", "writes",
];

/// Verbs of saying right after a name ("X said"), or right before it after a quotation ("…," said
/// X). Bodies say and tell too ("the ministry said"), so these are weaker than [`PERSON_VERBS`].
const SPEECH_VERBS: &[&str] = &["said", "says", "told", "asked"];

/// Participles of arguing after a comma that speak of the subject of their sentence: "X takes a
/// realist stand, arguing that". Like [`PERSON_VERBS`], what people do with an argument.
/// "Noting" and "observing" are left out: a ministry notes and observes as often.
const ARGUING_PARTICIPLES: &[&str] = &["arguing", "contending", "writing"];

/// Nouns before "of X" that only a person has: "the birth of X", "the widow of X".
const PERSON_OF_NOUNS: &[&str] = &[
    "assassination",
    "birth",
    "birthday",
    "brother",
    "daughter",
    "death",
    "father",
    "funeral",
    "grandson",
    "husband",
    "mother",
    "murder",
    "sister",
    "son",
    "widow",
    "wife",
];

/// Past participles after "was" or "were" that befall only people: "X was born", "X was
/// assassinated".
const PERSON_PASSIVES: &[&str] = &[
    "arrested",
    "assassinated",
    "born",
    "executed",
    "injured",
    "kidnapped",
    "killed",
    "murdered",
    "shot",
    "wounded",
];

/// Participles before "by X" that name a person as the doer: "edited by X", "as noted by X".
const PERSON_AGENT_VERBS: &[&str] = &["authored", "edited", "noted", "translated", "written"];

/// Personal pronouns that point back to a person. "Its" and "their" are left out: things and groups
/// take them.
const PERSON_PRONOUNS: &[&str] = &["he", "him", "his", "himself", "she", "her", "herself"];

/// Words an apposition may open with before its role: "X, a professor", "X, the group's spokesman".
const APPOSITION_OPENERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her"];

/// Words that end the role of an apposition: "X, a professor at Y", "X, the chief of Y".
const APPOSITION_ENDS: &[&str] = &[
    ",", ".", ";", ":", ")", "(", "of", "at", "in", "for", "to", "from", "with", "on", "who",
    "and", "or", "that", "since", "until",
];

/// The most words between an apposition's opener and its role: "the powerful regional chief".
const MOST_ROLE_WORDS: usize = 5;

/// How strongly the words around a mention call it a person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PersonCue {
    /// Nothing.
    #[default]
    None,
    /// A personal pronoun whose nearest name it is: weak, as the nearest name is often not the one
    /// meant ("the envoy reached New Orleans before his aides").
    Pronoun,
    /// A relative "who", an age or a role, a verb only people do.
    Words,
}

/// Which of one sentence's mentions (in text order) the words around them call a person.
/// `cues[i]` is set for mention `i`; cues already set are kept.
pub(crate) fn mark_person_cues(
    text: &str,
    tokens: &[Token],
    mentions: &[FoundMention],
    cues: &mut [PersonCue],
) {
    let word = |index: usize| tokens.get(index).map_or("", |t| t.text(text));
    let mut first = 0;
    while first < mentions.len() {
        let last = list_end(&word, mentions, first);
        // A role before the list and a verb after it speak of every member; what follows a
        // member alone speaks of that member.
        let shared = role_before(&word, mentions[first].tokens.0)
            || agent_before(&word, mentions[first].tokens.0)
            || said_or_of_before(&word, mentions[first].tokens.0)
            || verb_after(&word, tokens, mentions[last].tokens.1)
            || (first == 0 && subject_of_arguing(&word, tokens, &mentions[first..=last]));
        for member in first..=last {
            let end = mentions[member].tokens.1;
            if shared
                || relative_who_after(&word, mentions, member)
                || apposition_after(&word, tokens, end)
            {
                cues[member] = PersonCue::Words;
            }
        }
        first = last + 1;
    }
    // A pronoun before the first name's end has no name before it: only the tokens after it are
    // read (most of a sentence's tokens, and every token of a sentence without a name, are not).
    let Some(after_first) = mentions.first().map(|m| m.tokens.1) else {
        return;
    };
    for (index, token) in tokens.iter().enumerate().skip(after_first) {
        if is_person_pronoun(token.text(text))
            && let Some(nearest) = mentions.iter().rposition(|m| m.tokens.1 <= index)
        {
            cues[nearest] = cues[nearest].max(PersonCue::Pronoun);
        }
    }
}

/// Whether a personal pronoun comes before every name of the sentence ("He said", "In 1950, his
/// book …"): then it speaks of the last name of the sentence before.
pub(crate) fn leading_pronoun(text: &str, tokens: &[Token], mentions: &[FoundMention]) -> bool {
    let first_name = mentions.first().map_or(tokens.len(), |m| m.tokens.0);
    tokens[..first_name.min(tokens.len())]
        .iter()
        .any(|t| is_person_pronoun(t.text(text)))
}

/// Marks the names of one document (its key groups' evidence) whose last or first word the document
/// also uses alone as a name: "Lena Okafor" and "Okafor" ("Al-Okafor"), or "Lena", a word English
/// does not use inside a sentence in lower case, mostly not written "the X" or "in X" and with no
/// kind of its own ("the Senate", "in Detroit" are no surnames).
pub(crate) fn mark_surnames_alone(names: &mut HashMap<&NameKey, NameEvidence, WordBuildHasher>) {
    // Read for every name of every document: the words are borrowed from the keys, not copied.
    fn name_words(key: &NameKey) -> impl DoubleEndedIterator<Item = &str> + Clone {
        let surface = match key {
            NameKey::Surface(key) => Some(key.as_str()),
            NameKey::Lexicon(_) => None,
        };
        surface
            .into_iter()
            .flat_map(|key| key.split(' '))
            .filter(|w| !NAME_PARTICLES.contains(w))
    }
    // A word alone that is mostly "the X" or "in X", or has a kind of its own, names a thing or a
    // place ("the Senate", "in Detroit"), not a person.
    let alone: HashSet<String> = names
        .iter()
        .filter(|(_, evidence)| {
            2 * evidence.determined < evidence.mentions
                && evidence
                    .kinds
                    .keys()
                    .all(|&kind| kind == EntityKind::Person)
        })
        .filter_map(|(key, _)| {
            let mut words = name_words(key);
            match (words.next(), words.next()) {
                (Some(word), None) => Some(word.to_string()),
                _ => None,
            }
        })
        .collect();
    if alone.is_empty() {
        return;
    }
    for (key, evidence) in names.iter_mut() {
        let words = name_words(key);
        let used_alone = |word: &str| {
            alone.contains(word) && !EnglishVocabulary::embedded().is_common_inside(word)
        };
        if words.clone().nth(1).is_some()
            && (words.clone().next_back().is_some_and(used_alone)
                || words.clone().next().is_some_and(used_alone))
        {
            evidence.surname_alone = true;
        }
    }
}

/// Whether a mention may take a person's cue: a capitalised phrase with no kind but a person's.
pub(crate) fn may_be_person(mention: &FoundMention) -> bool {
    mention.source == MentionSource::Phrase
        && mention.kind.is_none_or(|kind| kind == EntityKind::Person)
}

/// Whether `word` is one of [`PERSON_PRONOUNS`], in any case. Asked of most tokens of a text: a
/// word of another length or first letter is refused before any comparison. An ASCII comparison
/// that ignores case is `lowercases_to` here: no other character lower-cases to the pronouns'
/// letters (the Kelvin sign, the one that lower-cases to an ASCII letter, gives "k").
fn is_person_pronoun(word: &str) -> bool {
    (2..=7).contains(&word.len())
        && matches!(word.as_bytes().first(), Some(b'h' | b'H' | b's' | b'S'))
        && PERSON_PRONOUNS.iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// The last mention of the list that starts at mention `first`: mentions joined by commas and "and"
/// or "or" alone ("Ana Ruiz, Tom Reyes, and Li Wei"). Names joined by commas alone are no list but
/// an apposition ("the head of the Tarn Union, Lena Okafor").
fn list_end<'t>(
    word: &impl Fn(usize) -> &'t str,
    mentions: &[FoundMention],
    first: usize,
) -> usize {
    let mut last = first;
    let mut conjunction = false;
    while last + 1 < mentions.len() {
        let between = mentions[last].tokens.1..mentions[last + 1].tokens.0;
        let joined = !between.is_empty()
            && between
                .clone()
                .all(|t| matches!(word(t), "," | "and" | "or"))
            && between.len() <= 2;
        if !joined {
            break;
        }
        conjunction |= between.clone().any(|t| matches!(word(t), "and" | "or"));
        last += 1;
    }
    if conjunction { last } else { first }
}

/// A person noun (or its plural in "s") in `word`, any case: "professor", "Scientists". Lower-cased
/// without a string of its own for an ASCII word, and looked up in a set of [`PERSON_NOUNS`].
fn is_person_noun(word: &str) -> bool {
    static NOUNS: LazyLock<HashSet<&str, WordBuildHasher>> =
        LazyLock::new(|| PERSON_NOUNS.iter().copied().collect());
    with_lowercase(word, |lower| {
        let singular = lower.strip_suffix('s').unwrap_or(lower);
        NOUNS.contains(lower) || NOUNS.contains(singular)
    })
}

/// A person noun in lower case right before the name at `start` ("the physicist X"), or before a
/// comma there ("two engineers, X and Y"), or a person noun of something before that comma ("the
/// head of the Tarn Union, X", "the spokesman for the ministry, X").
fn role_before<'t>(word: &impl Fn(usize) -> &'t str, start: usize) -> bool {
    let lower_person_noun = |w: &str| w.starts_with(char::is_lowercase) && is_person_noun(w);
    match start.checked_sub(1).map(word) {
        Some(",") => (2..=MOST_ROLE_OF_WORDS + 2).any(|back| {
            let Some(t) = start.checked_sub(back) else {
                return false;
            };
            let between_ok = (t + 1..start - 1).all(|b| !matches!(word(b), "," | "." | ";" | ":"));
            lower_person_noun(word(t))
                && between_ok
                && (back == 2 || matches!(word(t + 1), "of" | "for" | "at"))
        }),
        Some(before) => lower_person_noun(before),
        None => false,
    }
}

/// The most words between a role and the comma before a name: "the spokesman for the Tarn
/// Ministry of Foreign Affairs, X".
const MOST_ROLE_OF_WORDS: usize = 8;

/// "edited by X", "as noted by X".
fn agent_before<'t>(word: &impl Fn(usize) -> &'t str, start: usize) -> bool {
    start >= 2
        && word(start - 1) == "by"
        && PERSON_AGENT_VERBS
            .iter()
            .any(|verb| lowercases_to(word(start - 2), verb))
}

/// A verb only people do right after the name ending at `end`: "argues", "was born".
fn verb_after<'t>(word: &impl Fn(usize) -> &'t str, tokens: &[Token], end: usize) -> bool {
    if tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Possessive)
    {
        return false;
    }
    PERSON_VERBS.contains(&word(end))
        || SPEECH_VERBS.contains(&word(end))
        || (matches!(word(end), "was" | "were") && PERSON_PASSIVES.contains(&word(end + 1)))
        || (matches!(word(end), "was" | "is") && role_from(word, end + 1))
}

/// "Lena Okafor takes a realist stand, arguing that …", "Ana Ruiz and Li Wei adopt a view, noting
/// …": the list of names `list` opens its sentence (after footnote numbers and punctuation), a
/// lower-case verb follows it, and a participle of arguing after a comma later in the sentence speaks
/// of it, with no other name between the verb and the participle that could be its subject.
fn subject_of_arguing<'t>(
    word: &impl Fn(usize) -> &'t str,
    tokens: &[Token],
    list: &[FoundMention],
) -> bool {
    let (Some(first), Some(last)) = (list.first(), list.last()) else {
        return false;
    };
    let opens = tokens[..first.tokens.0.min(tokens.len())]
        .iter()
        .all(|t| t.kind != TokenKind::Word);
    let end = last.tokens.1;
    let verb = word(end);
    if !opens || !verb.starts_with(char::is_lowercase) {
        return false;
    }
    (end + 1..tokens.len())
        .take_while(|&t| !word(t).starts_with(char::is_uppercase) || t == end + 1)
        .any(|t| word(t) == "," && ARGUING_PARTICIPLES.contains(&word(t + 1)))
}

/// "…," said X; "the birth of X".
fn said_or_of_before<'t>(word: &impl Fn(usize) -> &'t str, start: usize) -> bool {
    if start < 2 {
        return false;
    }
    let (before, two_before) = (word(start - 1), word(start - 2));
    (SPEECH_VERBS.contains(&before) && matches!(two_before, "," | "\"" | "”" | "'" | "’"))
        || (before == "of" && PERSON_OF_NOUNS.iter().any(|n| lowercases_to(two_before, n)))
}

/// "X, who", "X who", and "X of (the) Y, who" where Y is no person (a place or a body): "who" speaks of
/// X. Not after "the" or a preposition ("the Zapatistas, who", "a boy from Lerma, who"), nor after a
/// common word ("the window maker in Lima who").
fn relative_who_after<'t>(
    word: &impl Fn(usize) -> &'t str,
    mentions: &[FoundMention],
    member: usize,
) -> bool {
    let (start, mut end) = mentions[member].tokens;
    let the = usize::from(lowercases_to(word(end + 1), "the"));
    if word(end) == "of"
        && let Some(next) = mentions.get(member + 1)
        && next.tokens.0 == end + 1 + the
        && next.kind.is_some_and(|kind| kind != EntityKind::Person)
    {
        end = next.tokens.1;
    }
    let after = if word(end) == "," { end + 1 } else { end };
    let before = start.checked_sub(1).map_or("", word);
    matches!(word(after), "who" | "whom")
        && !["the", "from", "of", "at"]
            .iter()
            .chain(PLACE_PREPOSITIONS)
            .any(|preposition| lowercases_to(before, preposition))
        && !EnglishVocabulary::embedded().is_common_inside(word(mentions[member].tokens.1 - 1))
}

/// ", 45," or ", a professor at …" after the name ending at `end`: an age or a role that only a
/// person holds.
fn apposition_after<'t>(word: &impl Fn(usize) -> &'t str, tokens: &[Token], end: usize) -> bool {
    if word(end) != "," {
        return false;
    }
    let age = tokens
        .get(end + 1)
        .is_some_and(|t| t.kind == TokenKind::Number)
        && word(end + 1)
            .parse::<u32>()
            .is_ok_and(|age| (15..=110).contains(&age))
        && word(end + 2) == ",";
    if age {
        return true;
    }
    role_from(word, end + 1)
}

/// A role that only a person holds from token `t` on: "a professor at", "the group's spokesman,".
fn role_from<'t>(word: &impl Fn(usize) -> &'t str, mut t: usize) -> bool {
    if !APPOSITION_OPENERS
        .iter()
        .any(|opener| lowercases_to(word(t), opener))
    {
        return false;
    }
    t += 1;
    let mut role = "";
    for _ in 0..MOST_ROLE_WORDS {
        let w = word(t);
        if w.is_empty() || APPOSITION_ENDS.iter().any(|e| lowercases_to(w, e)) {
            break;
        }
        role = w;
        t += 1;
    }
    !role.is_empty() && is_person_noun(role)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// A sentence, the names in it that are countries, and whether each name has a person's cue.
    type CueCase<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, bool)]);

    /// A document's name keys, and whether each listed one has its word used alone.
    type SurnameCase<'a> = (&'a [&'a str], &'a [(&'a str, bool)]);

    /// A phrase with no kind over tokens `start..end`.
    fn phrase(sentence: &str, tokens: &[Token], start: usize, end: usize) -> FoundMention {
        let span = crate::model::Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        debug_assert!(!span.slice(sentence).is_empty());
        FoundMention {
            span,
            tokens: (start, end),
            source: MentionSource::Phrase,
            kind: None,
            title: None,
            sentence_initial: false,
            contains: Vec::new(),
        }
    }

    /// The mentions of `sentence`: each capitalised run of words not at its start, as phrases
    /// with no kind, except those in `kinded`, which are countries. Enough to test the cues alone.
    fn marked(sentence: &str, kinded: &[&str]) -> Vec<(String, bool)> {
        let tokens = tokenize(sentence, crate::model::Span::new(0, sentence.len()));
        let mut mentions: Vec<FoundMention> = Vec::new();
        let mut t = 0;
        while t < tokens.len() {
            let capitalised = |t: usize| {
                tokens.get(t).is_some_and(|token| {
                    token.kind == TokenKind::Word
                        && token.text(sentence).starts_with(char::is_uppercase)
                        && !is_person_pronoun(token.text(sentence))
                })
            };
            if t > 0 && capitalised(t) {
                let start = t;
                while capitalised(t) {
                    t += 1;
                }
                let mut mention = phrase(sentence, &tokens, start, t);
                if kinded.contains(&mention.span.slice(sentence)) {
                    mention.kind = Some(EntityKind::Country);
                }
                mentions.push(mention);
            } else {
                t += 1;
            }
        }
        let mut cues = vec![PersonCue::None; mentions.len()];
        mark_person_cues(sentence, &tokens, &mentions, &mut cues);
        let cues = cues.into_iter().map(|cue| cue != PersonCue::None);
        mentions
            .iter()
            .zip(cues)
            .map(|(m, cue)| (m.span.slice(sentence).to_string(), cue))
            .collect()
    }

    /// Each kind of cue, and sentences where the same words give none.
    #[test]
    fn the_words_around_a_name_tell_a_person() {
        let cases: &[CueCase] = &[
            // A relative "who".
            (
                "Then Lena Okafor, who ran the port, resigned.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "Then Lena Okafor who ran the port resigned.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "Yet Tom Reyes of Peru, who chairs it, objected.",
                &["Peru"],
                &[("Tom Reyes", true), ("Peru", false)],
            ),
            (
                "Then the Vell Brothers, who sold it, left.",
                &[],
                &[("Vell Brothers", false)],
            ),
            (
                "Then Quarry Holdings, which sold it, left.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            // The subject of a sentence that goes on ", arguing that".
            (
                "(Lena Okafor takes a realist stand, arguing that trade wins.)",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "(Ana Ruiz and Li Wei adopt a cautious view, contending that ports matter.)",
                &[],
                &[("Ana Ruiz", true), ("Li Wei", true)],
            ),
            // Another name between the verb and the participle may be its subject; a name that does
            // not open the sentence is no subject.
            (
                "(Tarn Holdings hired Lena Okafor, arguing that costs fell.)",
                &[],
                &[("Tarn Holdings", false), ("Lena Okafor", false)],
            ),
            (
                "(Tarn Holdings takes a firm stand, noting that costs fell.)",
                &[],
                &[("Tarn Holdings", false)],
            ),
            // An age or a role in apposition.
            (
                "Then Lena Okafor, 45, resigned.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "Then Lena Okafor, a professor at Tarn College, spoke.",
                &[],
                &[("Lena Okafor", true), ("Tarn College", false)],
            ),
            (
                "Then Tom Reyes, the group's spokesman, spoke.",
                &[],
                &[("Tom Reyes", true)],
            ),
            (
                "Then Tom Reyes, the powerful chief of staff, spoke.",
                &[],
                &[("Tom Reyes", true)],
            ),
            (
                "Then Quarry Holdings, a firm in Lima, sold it.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            (
                "Then Quarry Holdings, 2019, sold it.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            // A role right before.
            (
                "As the physicist Lena Okafor showed, it works.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "Two engineers, Lena Okafor and Tom Reyes, left.",
                &[],
                &[("Lena Okafor", true), ("Tom Reyes", true)],
            ),
            (
                "The firm Quarry Holdings left.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            (
                "The head of the Tarn Union, Lena Okafor, spoke.",
                &[],
                &[("Tarn Union", false), ("Lena Okafor", true)],
            ),
            (
                "The owner of the Tarn Mill, Quarry Holdings, sold it.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            // A verb only people do.
            (
                "As Lena Okafor and Tom Reyes argue, it fails.",
                &[],
                &[("Lena Okafor", true), ("Tom Reyes", true)],
            ),
            (
                "In 1950 Lena Okafor was born there.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "It was edited by Lena Okafor and Tom Reyes.",
                &[],
                &[("Lena Okafor", true), ("Tom Reyes", true)],
            ),
            (
                "Then Quarry Holdings was sold.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            (
                "Then Lena Okafor said it works.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "\"It works,\" said Lena Okafor.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "Then Lena Okafor was a teacher in Lima.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "Then Quarry Holdings was a firm in Lima.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            (
                "It marks the birth of Lena Okafor.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "It marks the founding of Quarry Holdings.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            (
                "It was bought by Quarry Holdings.",
                &[],
                &[("Quarry Holdings", false)],
            ),
            // A pronoun whose nearest name is this one.
            (
                "Then Lena Okafor and her aides left.",
                &[],
                &[("Lena Okafor", true)],
            ),
            (
                "Then Tom Reyes spoke of Peru before he left.",
                &["Peru"],
                &[("Tom Reyes", false), ("Peru", true)],
            ),
            (
                "Then Quarry Holdings sold its port.",
                &[],
                &[("Quarry Holdings", false)],
            ),
        ];
        for (sentence, kinded, expected) in cases {
            let got = marked(sentence, kinded);
            for (name, cue) in *expected {
                let found = got.iter().find(|(n, _)| n == name);
                assert_eq!(
                    found.map(|(_, c)| *c),
                    Some(*cue),
                    "{name} in {sentence:?}: {got:?}"
                );
            }
        }
    }

    /// A document's names whose last or first word it also uses alone, a word that is no common
    /// word and mostly not written "the X" ("the " marks such a key below).
    #[test]
    fn a_word_of_a_name_used_alone_is_a_person_s() {
        let cases: &[SurnameCase] = &[
            (
                &["lena okafor", "okafor"],
                &[("lena okafor", true), ("okafor", false)],
            ),
            (
                &["lena al okafor", "al okafor"],
                &[("lena al okafor", true)],
            ),
            (&["lena okafor", "lena"], &[("lena okafor", true)]),
            (
                &["quarry holdings", "holdings"],
                &[("quarry holdings", false)],
            ),
            (&["tarn harbour", "the tarn"], &[("tarn harbour", false)]),
            (&["lena okafor"], &[("lena okafor", false)]),
        ];
        for (keys, expected) in cases {
            let first = crate::extract::corpus_wide::MentionPosition {
                document: 0,
                mention: 0,
            };
            let evidence: Vec<(NameKey, NameEvidence)> = keys
                .iter()
                .map(|k| {
                    let mut evidence = NameEvidence::new(first);
                    evidence.mentions = 1;
                    evidence.determined = usize::from(k.starts_with("the "));
                    let key = k.trim_start_matches("the ");
                    (NameKey::Surface(key.to_string()), evidence)
                })
                .collect();
            let mut names: HashMap<&NameKey, NameEvidence, WordBuildHasher> =
                evidence.iter().map(|(k, e)| (k, e.clone())).collect();
            mark_surnames_alone(&mut names);
            for (key, alone) in *expected {
                let key = NameKey::Surface(key.to_string());
                assert_eq!(names[&key].surname_alone, *alone, "{key:?} among {keys:?}");
            }
        }
    }

    /// A word finds its person noun in any case and in the plural.
    #[test]
    fn person_nouns_are_found_in_any_case() {
        for (word, expected) in [
            ("professor", true),
            ("Scientists", true),
            ("GOVERNOR-GENERAL", true),
            ("firm", false),
            ("s", false),
            ("", false),
        ] {
            assert_eq!(is_person_noun(word), expected, "{word}");
        }
    }

    #[test]
    fn a_pronoun_before_every_name_speaks_of_the_sentence_before() {
        for (sentence, expected) in [
            ("He left at noon.", true),
            ("Her book sold well.", true),
            ("In that moment, he ran.", true),
            ("It left at noon.", false),
            ("Their port closed.", false),
            ("Then Tom Reyes saw him.", false),
        ] {
            let tokens = tokenize(sentence, crate::model::Span::new(0, sentence.len()));
            let mentions = if sentence.contains("Tom Reyes") {
                vec![phrase(sentence, &tokens, 1, 3)]
            } else {
                Vec::new()
            };
            assert_eq!(
                leading_pronoun(sentence, &tokens, &mentions),
                expected,
                "{sentence:?}"
            );
        }
    }
}
