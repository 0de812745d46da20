//! Alias resolution: which mentions, across the whole corpus, name the same entity.
//!
//! Mentions are grouped by a normalised key (case, apostrophes, hyphens and a leading "the" ignored, so
//! "Kata'ib Hezbollah" and "Kataib Hezbollah", "Mohammed Shia' Al Sudani" and "Mohammed Shia al-Sudani"
//! share one). Groups are then merged by these rules, in order:
//!
//! 1. **lexicon**: every surface of a lexicon entity ("US", "America", "Washington", "American").
//! 2. **acronym**: an acronym defined in parentheses joins its phrase ("PMF").
//! 3. **surname**: a single word that is a name word of exactly one person ("Maliki", "Al-Maliki").
//! 4. **contained name**: a name whose content words (connectors and known country names left out) are
//!    all inside exactly one longer name ("Federal Reserve" in "Federal Reserve Bank of New York",
//!    "Status of Forces Agreement" in "US-Iraq Status of Forces Agreement"); names with the same
//!    content words are one ("US Federal Reserve", "Federal Reserve").
//! 5. **same event**: events named after the same country ("Kuwait crisis", "Kuwait war").
//!
//! Groups that are only ever seen as the first word of a sentence, or only in headings and tables, are
//! dropped: neither is evidence of a name.

use crate::extract::grouping::Grouping;
use crate::extract::lexicon::{Lexicon, WordBuildHasher};
use crate::extract::mention::{FoundMention, MentionSource};
use crate::model::{EntityKind, Span, surface_key};
use crate::union_find::UnionFind;
use std::collections::{BTreeMap, HashMap};

/// A mention with where it was found, as alias resolution sees it.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'t> {
    pub document: usize,
    /// The sentence's index in the corpus.
    pub sentence: usize,
    pub mention: FoundMention,
    /// The surface form as written, borrowed from its document.
    pub surface: &'t str,
    /// Found in a heading, table row or other fragment rather than in prose.
    pub fragment: bool,
}

/// A resolved entity: its name, kind, surfaces, and the candidates that mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolvedEntity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub mentions: Vec<(usize, Span)>,
}

/// The outcome: entities, and for each candidate the entity it names (None when dropped).
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    pub assignment: Vec<Option<usize>>,
}

const KEY_CONNECTORS: &[&str] = &["of", "for", "the", "and", "on"];
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "abd", "abdul",
];

/// Facts about one key group before merging, borrowing its key and surfaces rather than copying them.
struct Group<'a> {
    /// Empty for a lexicon entity's group: the rules that read keys leave those groups out.
    key: &'a str,
    lexicon_entity: Option<usize>,
    /// Surfaces as written, with counts.
    surfaces: BTreeMap<&'a str, usize>,
    kinds: Vec<EntityKind>,
    titled: bool,
    acronym: bool,
    all_sentence_initial: bool,
    all_fragment: bool,
    /// For an event named after a country ("Kuwait crisis"): that country (a lexicon index).
    event_country: Option<usize>,
}

/// Whether every word of `small` is in `large`, both sorted and without repeats.
fn is_sorted_subset(small: &[String], large: &[String]) -> bool {
    let mut rest = large.iter();
    small
        .iter()
        .all(|word| rest.by_ref().any(|other| other == word))
}

/// Resolves candidates into entities: groups them by key, merges the groups by the rules of the module
/// docs in order, and makes an entity of each merged set that is evidence of a name.
pub(crate) fn resolve_aliases(candidates: &[Candidate<'_>], lexicon: &Lexicon) -> Resolution {
    use rayon::prelude::*;
    let keyed = KeyedCandidates::new(candidates);
    let mut groups = gather_groups(candidates, &keyed);
    let mut union = UnionFind::new(groups.len());
    join_acronyms(
        candidates,
        &keyed.grouping,
        &mut groups,
        lexicon,
        &mut union,
    );
    // The surname and contained-name rules read the groups and their acronym flags, not the merging
    // so far: what they look up is made first, on two sides at once, and their merges are then made
    // in order.
    let person_of: Vec<bool> = groups.par_iter().map(is_person).collect();
    let (surnames, contained) = rayon::join(
        || SurnameLookups::new(&groups, &person_of),
        || ContainedNameLookups::new(&groups, &person_of, lexicon),
    );
    surnames.join(&mut union);
    contained.join(&mut union);
    join_events(&groups, &mut union);
    let resolution = make_entities(candidates, &keyed.grouping, &groups, &mut union, lexicon);
    // The per-group temporaries are freed on every thread rather than serially on this one.
    let ContainedNameLookups {
        words_of,
        containers_of,
        ..
    } = contained;
    rayon::join(
        || words_of.into_par_iter().for_each(drop),
        || {
            rayon::join(
                || surnames.name_words_of.into_par_iter().for_each(drop),
                || containers_of.into_par_iter().for_each(drop),
            )
        },
    );
    resolution
}

/// What candidates are grouped by: a lexicon mention by its entity, any other by its spelling or key.
#[derive(PartialEq, Eq, Hash)]
enum Key<S> {
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
struct KeyedCandidates {
    spellings: Grouping,
    /// Each spelling's key.
    keys: Vec<Key<String>>,
    /// The spellings grouped by key.
    key_groups: Grouping,
    /// The candidates grouped by key.
    grouping: Grouping,
}

impl KeyedCandidates {
    fn new(candidates: &[Candidate<'_>]) -> KeyedCandidates {
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
fn gather_groups<'a>(candidates: &[Candidate<'a>], keyed: &'a KeyedCandidates) -> Vec<Group<'a>> {
    use rayon::prelude::*;
    (0..keyed.grouping.len())
        .into_par_iter()
        .map(|index| gather_group(candidates, keyed, index))
        .collect()
}

fn gather_group<'a>(
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
        group.kinds.extend(candidate.mention.kind);
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

/// Rule 2: an acronym definition joins its phrase (the defined mention is in the same sentence, just
/// before), and an acronym that is itself a known surface of a lexicon entity joins that entity's
/// group ("UNSC").
fn join_acronyms(
    candidates: &[Candidate<'_>],
    grouping: &Grouping,
    groups: &mut [Group<'_>],
    lexicon: &Lexicon,
    union: &mut UnionFind,
) {
    let group_of_candidate = &grouping.group_of;
    let mut first_of_sentence: Vec<usize> = Vec::with_capacity(candidates.len());
    for (i, candidate) in candidates.iter().enumerate() {
        let first = match i.checked_sub(1) {
            Some(previous)
                if candidates[previous].sentence == candidate.sentence
                    && candidates[previous].document == candidate.document =>
            {
                first_of_sentence[previous]
            }
            _ => i,
        };
        first_of_sentence.push(first);
        if let MentionSource::AcronymDefinition { defines } = candidate.mention.source
            && let Some(&defined_group) = group_of_candidate.get(first + defines)
        {
            union.union(group_of_candidate[i], defined_group);
            groups[group_of_candidate[i]].acronym = true;
        }
    }
    let group_of_lexicon: HashMap<usize, usize, WordBuildHasher> = groups
        .iter()
        .enumerate()
        .filter_map(|(index, group)| Some((group.lexicon_entity?, index)))
        .collect();
    for (index, group) in groups.iter().enumerate() {
        if group.lexicon_entity.is_none()
            && group.acronym
            && let Some(&other) = group
                .surfaces
                .keys()
                .find_map(|s| lexicon.lookup(s).map(|(e, _)| e))
                .and_then(|e| group_of_lexicon.get(&e))
        {
            union.union(index, other);
        }
    }
}

/// The words of a group's key that are not name particles ("al", "bin").
fn name_words<'a>(group: &Group<'a>) -> Vec<&'a str> {
    group
        .key
        .split(' ')
        .filter(|w| !NAME_PARTICLES.contains(w))
        .collect()
}

/// A group that names a person: titled, or a name of two to five words with no kind of its own.
fn is_person(group: &Group<'_>) -> bool {
    if group.lexicon_entity.is_some() || group.acronym {
        return false;
    }
    let words = group.key.split(' ').count();
    let head = group.kinds.iter().any(|k| *k != EntityKind::Person);
    group.titled || (!head && (2..=5).contains(&words) && group.kinds.is_empty())
}

/// What rule 3 looks up: each one-word name with the persons it may be. Made once per group, with the
/// persons indexed by last name word and by every name word (each list in group order), so the rule
/// costs time in proportion to the groups, not their square.
struct SurnameLookups<'a> {
    name_words_of: Vec<Vec<&'a str>>,
    /// Each one-word name that is not a lexicon entity or acronym, with the persons it may be.
    surnames: Vec<(usize, Vec<usize>)>,
}

impl<'a> SurnameLookups<'a> {
    fn new(groups: &[Group<'a>], person_of: &[bool]) -> SurnameLookups<'a> {
        use rayon::prelude::*;
        let name_words_of: Vec<Vec<&str>> = groups.par_iter().map(name_words).collect();
        let persons: Vec<usize> = (0..groups.len())
            .filter(|&g| person_of[g] && name_words_of[g].len() >= 2)
            .collect();
        let mut persons_by_last: HashMap<&str, Vec<usize>, WordBuildHasher> = HashMap::default();
        let mut persons_by_word: HashMap<&str, Vec<usize>, WordBuildHasher> = HashMap::default();
        for &person in &persons {
            if let Some(last) = name_words_of[person].last() {
                persons_by_last.entry(last).or_default().push(person);
            }
            for word in &name_words_of[person] {
                let list = persons_by_word.entry(word).or_default();
                if list.last() != Some(&person) {
                    list.push(person);
                }
            }
        }
        let surnames: Vec<(usize, Vec<usize>)> = (0..groups.len())
            .filter_map(|index| {
                let group = &groups[index];
                if group.lexicon_entity.is_some() || group.acronym {
                    return None;
                }
                let [word] = name_words_of[index].as_slice() else {
                    return None;
                };
                let matches = match persons_by_last.get(word) {
                    Some(by_last) => by_last.clone(),
                    None => persons_by_word.get(word).cloned().unwrap_or_default(),
                };
                (!matches.is_empty()).then_some((index, matches))
            })
            .collect();
        SurnameLookups {
            name_words_of,
            surnames,
        }
    }

    /// Rule 3: a one-word name joins the person it can only be.
    fn join(&self, union: &mut UnionFind) {
        for (index, matches) in &self.surnames {
            if union.all_joined(matches)
                && let Some(&person) = matches.first()
            {
                union.union(*index, person);
            }
        }
    }
}

/// A name's content words, sorted and without repeats: a set, in a vector rather than a tree (a tree
/// is an allocation per name more, and names have few words).
fn content_words(group: &Group<'_>, lexicon: &Lexicon) -> Vec<String> {
    let surface = group.surfaces.keys().next().copied().unwrap_or_default();
    let mut words: Vec<String> = surface
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .filter(|w| lexicon.lookup(w).is_none())
        .map(surface_key)
        .filter(|w| !KEY_CONNECTORS.contains(&w.as_str()) && !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// What rule 4 looks up: each group's content words, the names with the same words, and the
/// containers of each name.
struct ContainedNameLookups {
    words_of: Vec<Vec<String>>,
    /// Names that differ only by a country in front ("US Federal Reserve", "Federal Reserve"): each
    /// such name with the first name of its words.
    same_words: Vec<(usize, usize)>,
    containers_of: Vec<Vec<usize>>,
}

impl ContainedNameLookups {
    fn new(groups: &[Group<'_>], person_of: &[bool], lexicon: &Lexicon) -> ContainedNameLookups {
        use rayon::prelude::*;
        let words_of: Vec<Vec<String>> = groups
            .par_iter()
            .map(|group| content_words(group, lexicon))
            .collect();
        let same_words = same_words(groups, person_of, &words_of);
        let containers_of = containers(groups, person_of, &words_of);
        ContainedNameLookups {
            words_of,
            same_words,
            containers_of,
        }
    }

    /// Rule 4: names with the same content words are one, and a name joins the one name that contains
    /// its words.
    fn join(&self, union: &mut UnionFind) {
        for &(index, first) in &self.same_words {
            union.union(index, first);
        }
        // Two passes, so a name contained in several names that the first pass merged is merged too.
        let count = self.containers_of.len();
        for index in (0..count).chain(0..count) {
            let containers = &self.containers_of[index];
            if containers.is_empty() {
                continue;
            }
            if union.all_joined(containers)
                && let Some(&container) = containers.first()
            {
                union.union(index, container);
            }
        }
    }
}

/// Each name of two or more content words whose words an earlier name has, with that first name.
fn same_words(
    groups: &[Group<'_>],
    person_of: &[bool],
    words_of: &[Vec<String>],
) -> Vec<(usize, usize)> {
    let mut by_words: HashMap<&[String], usize, WordBuildHasher> = HashMap::default();
    let mut same_words: Vec<(usize, usize)> = Vec::new();
    for (index, words) in words_of.iter().enumerate() {
        if words.len() < 2 || groups[index].lexicon_entity.is_some() || person_of[index] {
            continue;
        }
        match by_words.get(words.as_slice()) {
            Some(&first) => same_words.push((index, first)),
            None => {
                by_words.insert(words, index);
            }
        }
    }
    same_words
}

/// The containers of each name, found in parallel: the longer names that have all its content words.
fn containers(
    groups: &[Group<'_>],
    person_of: &[bool],
    words_of: &[Vec<String>],
) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    // The groups having each content word, in group order: a container of a name has all its words,
    // so it is among the groups of its rarest word.
    let mut groups_by_word: HashMap<&str, Vec<usize>, WordBuildHasher> = HashMap::default();
    for (group, words) in words_of.iter().enumerate() {
        for word in words {
            groups_by_word.entry(word).or_default().push(group);
        }
    }
    (0..groups.len())
        .into_par_iter()
        .map(|index| {
            if groups[index].lexicon_entity.is_some()
                || groups[index].acronym
                || words_of[index].len() < 2
            {
                return Vec::new();
            }
            // Person names are merged by the surname rule, not by containment.
            let person = person_of[index];
            let rarest = words_of[index]
                .iter()
                .filter_map(|word| groups_by_word.get(word.as_str()))
                .min_by_key(|groups| groups.len())
                .map_or(&[][..], Vec::as_slice);
            rarest
                .iter()
                .copied()
                .filter(|&other| {
                    other != index
                        && !(person && person_of[other])
                        && groups[other].lexicon_entity.is_none()
                        && is_sorted_subset(&words_of[index], &words_of[other])
                        && (words_of[other].len() > words_of[index].len()
                            || groups[other].key.len() > groups[index].key.len())
                })
                .collect()
        })
        .collect()
}

/// Rule 5: events named after the same country are one ("Kuwait crisis", "Kuwait war").
fn join_events(groups: &[Group<'_>], union: &mut UnionFind) {
    let mut event_of_country: BTreeMap<usize, usize> = BTreeMap::new();
    for (index, group) in groups.iter().enumerate() {
        if let Some(country) = group.event_country {
            match event_of_country.get(&country) {
                Some(&first) => union.union(index, first),
                None => {
                    event_of_country.insert(country, index);
                }
            }
        }
    }
}

/// Entities from the merged groups, dropping sets that are no evidence of a name. The entities are
/// made in parallel and numbered in the order of their roots.
fn make_entities(
    candidates: &[Candidate<'_>],
    grouping: &Grouping,
    groups: &[Group<'_>],
    union: &mut UnionFind,
    lexicon: &Lexicon,
) -> Resolution {
    use rayon::prelude::*;
    let root_of_group: Vec<usize> = (0..groups.len()).map(|g| union.find(g)).collect();
    // A root is the first group of its set (a union keeps the smaller root), so the groups numbered by
    // their roots are numbered in the order of their first group, as a grouping wants.
    let members_of_root = Grouping::from_numbered(root_of_group.clone(), groups.len());
    let made: Vec<Option<ResolvedEntity>> = (0..groups.len())
        .into_par_iter()
        .map(|root| {
            let member_groups = members_of_root.members(root);
            make_entity(candidates, grouping, groups, root, member_groups, lexicon)
        })
        .collect();
    let mut entity_of_root: Vec<Option<usize>> = vec![None; groups.len()];
    let mut entities: Vec<ResolvedEntity> = Vec::new();
    for (root, entity) in made.into_iter().enumerate() {
        if let Some(entity) = entity {
            entity_of_root[root] = Some(entities.len());
            entities.push(entity);
        }
    }
    let assignment = grouping
        .group_of
        .par_iter()
        .map(|&group| entity_of_root[root_of_group[group]])
        .collect();
    Resolution {
        entities,
        assignment,
    }
}

/// The entity of the groups `member_groups` merged under `root`, or None when there are none or they
/// are no evidence of a name: only ever in fragments, or a single group only ever sentence-initial.
fn make_entity(
    candidates: &[Candidate<'_>],
    grouping: &Grouping,
    groups: &[Group<'_>],
    root: usize,
    member_groups: &[usize],
    lexicon: &Lexicon,
) -> Option<ResolvedEntity> {
    if member_groups.is_empty() {
        return None;
    }
    let lexicon_entity = member_groups.iter().find_map(|&g| groups[g].lexicon_entity);
    let single = member_groups.len() == 1;
    if lexicon_entity.is_none() {
        if member_groups.iter().all(|&g| groups[g].all_fragment) {
            return None;
        }
        if single && groups[root].all_sentence_initial {
            return None;
        }
    }
    let mut surfaces: BTreeMap<&str, usize> = BTreeMap::new();
    for &g in member_groups {
        for (surface, count) in &groups[g].surfaces {
            *surfaces.entry(*surface).or_default() += count;
        }
    }
    let name = match lexicon_entity.and_then(|e| lexicon.entity(e)) {
        Some(entry) => entry.name.clone(),
        None => canonical_name(member_groups.iter().map(|&g| &groups[g])),
    };
    let kind = match lexicon_entity.and_then(|e| lexicon.entity(e)) {
        Some(entry) => entry.kind,
        None => entity_kind(member_groups.iter().map(|&g| &groups[g])),
    };
    // The entity's mentions in candidate order: its groups' candidates, merged.
    let mut members: Vec<usize> = member_groups
        .iter()
        .flat_map(|&g| grouping.members(g).iter().copied())
        .collect();
    if !single {
        members.sort_unstable();
    }
    let mentions = members
        .iter()
        .map(|&member| {
            let candidate = &candidates[member];
            (candidate.document, candidate.mention.span)
        })
        .collect();
    Some(ResolvedEntity {
        name,
        kind,
        aliases: surfaces.keys().map(|s| s.to_string()).collect(),
        mentions,
    })
}

/// The fullest form: the surface with the most words (acronyms last), then the most frequent, then the
/// first in sort order.
fn canonical_name<'a>(groups: impl Iterator<Item = &'a Group<'a>>) -> String {
    let mut best: Option<(bool, usize, usize, &str)> = None;
    for group in groups {
        for (surface, &count) in &group.surfaces {
            let candidate = (
                !group.acronym,
                surface.split_whitespace().count(),
                count,
                *surface,
            );
            let better = match best {
                None => true,
                Some(current) => {
                    (candidate.0, candidate.1, candidate.2) > (current.0, current.1, current.2)
                }
            };
            if better {
                best = Some(candidate);
            }
        }
    }
    best.map_or_else(String::new, |b| b.3.to_string())
}

/// The kind the groups' mentions give most often, else a person or an organisation.
fn entity_kind<'a>(groups: impl Iterator<Item = &'a Group<'a>> + Clone) -> EntityKind {
    let mut counts: BTreeMap<EntityKind, usize> = BTreeMap::new();
    let mut person = false;
    for group in groups.clone() {
        for kind in &group.kinds {
            *counts.entry(*kind).or_default() += 1;
        }
        person |= is_person(group);
    }
    if let Some((kind, _)) = counts.iter().max_by_key(|(_, count)| **count) {
        return *kind;
    }
    if person {
        EntityKind::Person
    } else {
        EntityKind::Organization
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sorted_subset_is_set_inclusion(
            small in proptest::collection::btree_set("[a-e]{1,2}", 0..5),
            large in proptest::collection::btree_set("[a-e]{1,2}", 0..8),
        ) {
            let sorted = |set: &std::collections::BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>();
            proptest::prop_assert_eq!(
                is_sorted_subset(&sorted(&small), &sorted(&large)),
                small.is_subset(&large)
            );
            proptest::prop_assert!(is_sorted_subset(&sorted(&small), &sorted(&small)));
        }
    }
}
