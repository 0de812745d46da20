//! Rule 1 and what every rule reads: the candidates grouped by key (a lexicon entity's mentions by
//! their entity), and each group's facts.

use super::{Candidate, NameContext};
use crate::extract::lexicon::WordBuildHasher;
use crate::extract::mention::{EnglishVocabulary, MentionSource};
use crate::grouping::Grouping;
use crate::model::{EntityKind, surface_key};
use std::collections::BTreeMap;

/// Facts about one key group before merging, borrowing its key and surfaces rather than copying them.
pub(super) struct Group<'a> {
    /// Empty for a lexicon entity's group: the rules that read keys leave those groups out.
    pub(super) key: &'a str,
    pub(super) lexicon_entity: Option<usize>,
    /// Surfaces as written, with counts.
    pub(super) surfaces: BTreeMap<&'a str, usize>,
    pub(super) kinds: Vec<EntityKind>,
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
    pub(super) acronym_kinds: Vec<EntityKind>,
    /// Written with an en or em dash ("Lysychansk–Sievierodonetsk"): two names, no person.
    pub(super) dashed: bool,
    /// For an event named after a country ("Kuwait crisis"): that country (a lexicon index).
    pub(super) event_country: Option<usize>,
}

/// What candidates are grouped by: a lexicon mention by its entity, any other by its spelling or key.
#[derive(PartialEq, Eq, Hash)]
pub(super) enum Key<S> {
    Lexicon(usize),
    Surface(S),
}

fn spelling<'t>(candidate: &Candidate<'t>) -> Key<&'t str> {
    match candidate.mention.source {
        MentionSource::Lexicon { entity, .. } => Key::Lexicon(entity),
        _ => Key::Surface(candidate.surface),
    }
}

/// The candidates grouped by key; lexicon mentions by their entity. Groups are numbered in the order
/// of their first candidate.
///
/// Candidates are first grouped by their exact spelling, which needs no new string, so that each
/// distinct spelling's key is made once (a corpus repeats its names: a key per candidate was mostly the
/// allocator's work); the spellings are then grouped by key.
pub(super) struct KeyedCandidates {
    pub(super) spellings: Grouping,
    /// Each spelling's key.
    pub(super) keys: Vec<Key<String>>,
    /// The spellings grouped by key.
    pub(super) key_groups: Grouping,
    /// The candidates grouped by key.
    pub(super) grouping: Grouping,
}

impl KeyedCandidates {
    pub(super) fn new(candidates: &[Candidate<'_>]) -> KeyedCandidates {
        use rayon::prelude::*;
        let spellings = Grouping::by_key_par::<_, _, WordBuildHasher>(candidates, spelling);
        let keys: Vec<Key<String>> = (0..spellings.len())
            .into_par_iter()
            .map(
                |group| match spelling(&candidates[spellings.members(group)[0]]) {
                    Key::Lexicon(entity) => Key::Lexicon(entity),
                    Key::Surface(surface) => Key::Surface(surface_key(surface)),
                },
            )
            .collect();
        let key_groups = Grouping::by_key_par::<_, _, WordBuildHasher>(&keys, |key| key);
        // Spellings are numbered by their first candidate, so key groups are too.
        let grouping = Grouping::from_numbered(
            spellings
                .group_of
                .iter()
                .map(|&spelling| key_groups.group_of[spelling])
                .collect(),
            key_groups.len(),
        );
        KeyedCandidates {
            spellings,
            keys,
            key_groups,
            grouping,
        }
    }
}

/// Each group's facts, gathered from its candidates in candidate order, on every thread.
pub(super) fn gather_groups<'a>(
    candidates: &[Candidate<'a>],
    keyed: &'a KeyedCandidates,
) -> Vec<Group<'a>> {
    use rayon::prelude::*;
    (0..keyed.grouping.len())
        .into_par_iter()
        .map(|index| gather_group(candidates, keyed, index))
        .collect()
}

pub(super) fn gather_group<'a>(
    candidates: &[Candidate<'a>],
    keyed: &'a KeyedCandidates,
    index: usize,
) -> Group<'a> {
    let members = keyed.grouping.members(index);
    let first = &candidates[members[0]];
    let mut group = Group {
        key: match &keyed.keys[keyed.spellings.group_of[members[0]]] {
            Key::Lexicon(_) => "",
            Key::Surface(key) => key,
        },
        lexicon_entity: match first.mention.source {
            MentionSource::Lexicon { entity, .. } => Some(entity),
            _ => None,
        },
        surfaces: BTreeMap::new(),
        kinds: Vec::new(),
        titled: false,
        acronym: false,
        all_sentence_initial: true,
        all_fragment: true,
        mentions: members.len(),
        determined: 0,
        locative: 0,
        acronym_kinds: Vec::new(),
        dashed: false,
        event_country: None,
    };
    // A surface spelling's candidates are all written the same: its surface is counted once, with
    // their number, rather than looked up in the map (comparing texts) for each.
    for &spelling in keyed.key_groups.members(index) {
        let spelled = keyed.spellings.members(spelling);
        match keyed.keys[spelling] {
            Key::Surface(_) => {
                let surface = candidates[spelled[0]].surface;
                *group.surfaces.entry(surface).or_default() += spelled.len();
            }
            Key::Lexicon(_) => {
                for &member in spelled {
                    *group
                        .surfaces
                        .entry(candidates[member].surface)
                        .or_default() += 1;
                }
            }
        }
    }
    for &member in members {
        let candidate = &candidates[member];
        if is_bare_acronym(candidate) {
            group.acronym_kinds.extend(candidate.mention.kind);
        } else {
            group.kinds.extend(candidate.mention.kind);
        }
        match candidate.context {
            NameContext::Plain => {}
            NameContext::Determiner => group.determined += 1,
            NameContext::Locative => {
                group.determined += 1;
                group.locative += 1;
            }
        }
        group.dashed |= candidate.surface.contains(['–', '—']);
        group.titled |= candidate.mention.title.is_some();
        group.acronym |= matches!(
            candidate.mention.source,
            MentionSource::AcronymDefinition { .. }
        );
        group.all_sentence_initial &= candidate.mention.sentence_initial;
        group.all_fragment &= candidate.fragment;
        if candidate.mention.kind == Some(EntityKind::Event)
            && let [country] = candidate.mention.contains[..]
        {
            group.event_country = Some(country);
        }
    }
    group
}

/// A capitalised phrase of one acronym ("PMF"), whose kind says only that it is an acronym.
fn is_bare_acronym(candidate: &Candidate<'_>) -> bool {
    let surface = candidate.surface;
    candidate.mention.source == MentionSource::Phrase
        && candidate.mention.tokens.1 == candidate.mention.tokens.0 + 1
        && surface.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !surface.chars().any(char::is_lowercase)
}

/// A group that names a person: titled, or a name of two to five words with no kind of its own that
/// is mostly not written "the X" or "in X", joins no two names with a dash, and is shaped as a
/// person's name ([`has_person_name_shape`]).
pub(super) fn is_person(group: &Group<'_>) -> bool {
    if group.lexicon_entity.is_some() || group.acronym {
        return false;
    }
    if group.titled {
        return true;
    }
    let words = group.key.split(' ').count();
    group.kinds.is_empty()
        && (2..=5).contains(&words)
        && !group.dashed
        && 2 * group.determined < group.mentions
        && has_person_name_shape(group.key)
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
    use super::has_person_name_shape;

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
}
