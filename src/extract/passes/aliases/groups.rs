//! Rule 1 and what every rule reads: each key group's facts (a lexicon entity's mentions are one group),
//! added up candidate by candidate into its [`NameEvidence`] and read back as a [`Group`].

use super::{Candidate, NameContext, PersonCue};
use crate::extract::corpus_wide::{MentionPosition, NameEvidence, NameKey};
use crate::extract::mention::{EnglishVocabulary, MentionSource};
use crate::model::EntityKind;
use std::collections::BTreeMap;

/// Facts about one key group before merging, borrowing its key and surfaces rather than copying them.
pub(super) struct Group<'a> {
    /// Empty for a lexicon entity's group: the rules that read keys leave those groups out.
    pub(super) key: &'a str,
    pub(super) lexicon_entity: Option<usize>,
    /// Surfaces as written, with counts.
    pub(super) surfaces: BTreeMap<&'a str, usize>,
    /// The kinds its mentions' words give, with how often.
    pub(super) kinds: &'a BTreeMap<EntityKind, usize>,
    pub(super) titled: bool,
    pub(super) acronym: bool,
    pub(super) all_sentence_initial: bool,
    pub(super) all_fragment: bool,
    /// How many of its mentions there are, and how many follow "the" or a preposition of place (see
    /// [`NameContext`]): evidence that it is no person, and that it is a place.
    pub(super) mentions: usize,
    pub(super) determined: usize,
    pub(super) locative: usize,
    /// The kinds its bare acronyms were given for being acronyms ("PMF": Organization): counted only
    /// when no other mention gives a kind, so "Popular Mobilization Forces (PMF)" stays an armed group.
    pub(super) acronym_kinds: &'a BTreeMap<EntityKind, usize>,
    /// Written with an en or em dash ("Lysychansk–Sievierodonetsk"): two names, no person.
    pub(super) dashed: bool,
    /// For an event named after a country ("Kuwait crisis"): that country (a lexicon index).
    pub(super) event_country: Option<usize>,
    /// Person evidence from the words around its mentions, and its last word used alone (see
    /// [`NameEvidence`]).
    pub(super) person_cues: usize,
    pub(super) pronoun_cues: usize,
    pub(super) surname_alone: bool,
}

/// The group of one name key, from its evidence: the rules read these facts alone.
pub(super) fn group_of<'a>(key: &'a NameKey, evidence: &'a NameEvidence) -> Group<'a> {
    let (key, lexicon_entity) = match key {
        NameKey::Lexicon(entity) => ("", Some(*entity)),
        NameKey::Surface(key) => (key.as_str(), None),
    };
    Group {
        key,
        lexicon_entity,
        surfaces: evidence
            .surfaces
            .iter()
            .map(|(surface, count)| (surface.as_str(), *count))
            .collect(),
        kinds: &evidence.kinds,
        titled: evidence.titled,
        acronym: evidence.acronym,
        all_sentence_initial: evidence.all_sentence_initial,
        all_fragment: evidence.all_fragment,
        mentions: evidence.mentions,
        determined: evidence.determined,
        locative: evidence.locative,
        acronym_kinds: &evidence.acronym_kinds,
        dashed: evidence.dashed,
        event_country: evidence.event_country.map(|(_, country)| country),
        person_cues: evidence.person_cues,
        pronoun_cues: evidence.pronoun_cues,
        surname_alone: evidence.surname_alone,
    }
}

/// Adds one candidate's facts to its group's evidence: what [`group_of`] reads.
pub(crate) fn add_candidate(
    evidence: &mut NameEvidence,
    candidate: &Candidate<'_>,
    at: MentionPosition,
) {
    *evidence
        .surfaces
        .entry(candidate.surface.to_string())
        .or_default() += 1;
    evidence.mentions += 1;
    if let Some(kind) = candidate.mention.kind {
        // An acronym is an Organization for its shape alone; another kind came from its
        // neighbours ("PLO bases") and weighs as any mention's.
        let kinds = if is_bare_acronym(candidate) && kind == EntityKind::Organization {
            &mut evidence.acronym_kinds
        } else {
            &mut evidence.kinds
        };
        *kinds.entry(kind).or_default() += 1;
    }
    match candidate.context {
        NameContext::Plain => {}
        NameContext::Determiner => evidence.determined += 1,
        NameContext::Locative => {
            evidence.determined += 1;
            evidence.locative += 1;
        }
    }
    evidence.dashed |= candidate.surface.contains(['–', '—']);
    evidence.titled |= candidate.mention.title.is_some();
    match candidate.person_cue {
        PersonCue::None => {}
        PersonCue::Pronoun => evidence.pronoun_cues += 1,
        PersonCue::Words => evidence.person_cues += 1,
    }
    evidence.acronym |= matches!(
        candidate.mention.source,
        MentionSource::AcronymDefinition { .. }
    );
    evidence.all_sentence_initial &= candidate.mention.sentence_initial;
    evidence.all_fragment &= candidate.fragment;
    if candidate.mention.kind == Some(EntityKind::Event)
        && let [country] = candidate.mention.contains[..]
    {
        evidence.event_country = Some((at, country));
    }
}

/// A capitalised phrase of one acronym ("PMF"), whose kind says only that it is an acronym.
pub(crate) fn is_bare_acronym(candidate: &Candidate<'_>) -> bool {
    let surface = candidate.surface;
    candidate.mention.source == MentionSource::Phrase
        && candidate.mention.tokens.1 == candidate.mention.tokens.0 + 1
        && surface.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !surface.chars().any(char::is_lowercase)
}

/// A group that names a person: titled, or a name of two to five words with no kind of its own that
/// is mostly not written "the X" or "in X", joins no two names with a dash, is shaped as a person's
/// name ([`has_person_name_shape`]) and has a person's evidence ([`has_person_evidence`]). A name
/// with no such evidence is no person by default.
pub(super) fn is_person(group: &Group<'_>) -> bool {
    if group.lexicon_entity.is_some() || group.acronym {
        return false;
    }
    // A title, or a line that names its writer ("By Jane Doe"), says so.
    if group.titled
        || (!group.kinds.is_empty() && group.kinds.keys().all(|&k| k == EntityKind::Person))
    {
        return true;
    }
    let words = group.key.split(' ').count();
    group.kinds.is_empty()
        && (2..=5).contains(&words)
        && !group.dashed
        && 2 * group.determined < group.mentions
        && has_person_name_shape(group.key)
        && has_person_evidence(group)
}

/// Whether the words around a group's mentions call it a person: a strong cue (a relative "who",
/// an age or a role, a verb only people do) anywhere, or a weak one (a pronoun, its last word used
/// alone) where its first word is no common English word: "New Orleans … his", "Fort Monroe …
/// Monroe" are places.
fn has_person_evidence(group: &Group<'_>) -> bool {
    if group.person_cues > 0 {
        return true;
    }
    let weak = group.pronoun_cues > 0 || group.surname_alone;
    weak && group
        .key
        .split(' ')
        .next()
        .is_some_and(|first| !EnglishVocabulary::embedded().is_often_lower(first))
}

/// Words that join the parts of a name of a thing ("Bank of England", "Council for Trade") and never
/// stand between a person's given name and surname.
const NAME_CONNECTORS: &[&str] = &["of", "for", "the", "and", "on"];

/// Whether the words of `key` (a name key, lower case) may be a person's name: no connector between
/// them ("Nation of Indians", "Houses of the Legislature"), and not both its first and last words
/// common English words ("Social Security", "Public Works"): a given name or a surname may be one
/// ("Mark", "Brands"), seldom both.
pub(super) fn has_person_name_shape(key: &str) -> bool {
    let vocabulary = EnglishVocabulary::embedded();
    let mut words = key.split(' ');
    if words.clone().any(|word| NAME_CONNECTORS.contains(&word)) {
        return false;
    }
    match (words.next(), words.next_back()) {
        (Some(first), Some(last)) => {
            !(vocabulary.is_common_inside(first) && vocabulary.is_common_inside(last))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{Group, has_person_evidence, has_person_name_shape};
    use std::collections::BTreeMap;

    /// Issue 18: a name of two or more words is a person's only when shaped as one.
    #[test]
    fn person_names_are_told_by_their_shape() {
        let cases = [
            ("maria lopez", true),
            ("mark grimsley", true),
            ("hal brands", true),
            ("nation of indians", false),
            ("houses of the legislature", false),
            ("comptroller of the currency", false),
            ("council for trade", false),
            ("social security", false),
            ("clean water", false),
            ("okonkwo", true),
        ];
        for (key, expected) in cases {
            assert_eq!(has_person_name_shape(key), expected, "{key:?}");
        }
    }

    /// Issue 18: a strong cue is evidence anywhere; a pronoun or a surname used alone only where
    /// the name's first word is no common word ("New Harbour … his" is a place).
    #[test]
    fn person_evidence_weighs_its_cues() {
        let no_kinds = BTreeMap::new();
        let group = |key, person_cues, pronoun_cues, surname_alone| Group {
            key,
            lexicon_entity: None,
            surfaces: BTreeMap::new(),
            kinds: &no_kinds,
            titled: false,
            acronym: false,
            all_sentence_initial: false,
            all_fragment: false,
            mentions: 3,
            determined: 0,
            locative: 0,
            acronym_kinds: &no_kinds,
            dashed: false,
            event_country: None,
            person_cues,
            pronoun_cues,
            surname_alone,
        };
        let cases = [
            (group("lena okafor", 0, 0, false), false),
            (group("lena okafor", 1, 0, false), true),
            (group("lena okafor", 0, 1, false), true),
            (group("lena okafor", 0, 0, true), true),
            (group("new harbour", 0, 2, false), false),
            (group("new harbour", 0, 0, true), false),
            (group("new harbour", 1, 0, false), true),
        ];
        for (group, expected) in cases {
            assert_eq!(
                has_person_evidence(&group),
                expected,
                "{:?} {} {} {}",
                group.key,
                group.person_cues,
                group.pronoun_cues,
                group.surname_alone
            );
        }
    }
}
