//! Rule 4: a name whose content words are all inside exactly one longer name joins it ("Federal
//! Reserve" in "Federal Reserve Bank of New York"), and names with the same content words are one
//! ("US Federal Reserve", "Federal Reserve"). Names that name different countries are never one:
//! "the Armed Forces of Ukraine" is not "the Armed Forces of the Russian Federation", nor "the
//! Iraqi Ministry of Defense" "the Syrian Ministry of Defense".

use super::groups::Group;
use crate::extract::lexicon::{Lexicon, WordBuildHasher};
use crate::model::surface_key;
use crate::union_find::UnionFind;
use std::collections::HashMap;

const KEY_CONNECTORS: &[&str] = &["of", "for", "the", "and", "on"];

/// Whether every word of `small` is in `large`, both sorted and without repeats.
fn is_sorted_subset(small: &[String], large: &[String]) -> bool {
    let mut rest = large.iter();
    small
        .iter()
        .all(|word| rest.by_ref().any(|other| other == word))
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

/// The countries a name's words name, by a word ("Ukraine", "Russian") or two ("United
/// Kingdom"), as lexicon indices, sorted and without repeats.
fn countries_named(group: &Group<'_>, lexicon: &Lexicon) -> Vec<usize> {
    let surface = group.surfaces.keys().next().copied().unwrap_or_default();
    let words: Vec<&str> = surface
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .collect();
    let pairs = words.windows(2).map(|pair| pair.join(" "));
    let mut countries: Vec<usize> = words
        .iter()
        .map(|w| (*w).to_string())
        .chain(pairs)
        .filter_map(|w| lexicon.lookup(&w).map(|(entity, _)| entity))
        .filter(|&entity| lexicon.is_country(entity))
        .collect();
    countries.sort_unstable();
    countries.dedup();
    countries
}

/// Whether two names may be one by their countries: both name the same ones, or one names none.
fn same_countries(a: &[usize], b: &[usize]) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

/// What rule 4 looks up: each group's content words, the names with the same words, and the
/// containers of each name.
pub(super) struct ContainedNameLookups {
    pub(super) words_of: Vec<Vec<String>>,
    /// Names that differ only by a country in front ("US Federal Reserve", "Federal Reserve"): each
    /// such name with the first name of its words.
    same_words: Vec<(usize, usize)>,
    pub(super) containers_of: Vec<Vec<usize>>,
}

impl ContainedNameLookups {
    pub(super) fn new(
        groups: &[Group<'_>],
        person_of: &[bool],
        lexicon: &Lexicon,
    ) -> ContainedNameLookups {
        use rayon::prelude::*;
        let words_of: Vec<Vec<String>> = groups
            .par_iter()
            .map(|group| content_words(group, lexicon))
            .collect();
        let countries_of: Vec<Vec<usize>> = groups
            .par_iter()
            .map(|group| countries_named(group, lexicon))
            .collect();
        let same_words = same_words(groups, person_of, &words_of, &countries_of);
        let containers_of = containers(groups, person_of, &words_of, &countries_of);
        ContainedNameLookups {
            words_of,
            same_words,
            containers_of,
        }
    }

    /// Rule 4: names with the same content words are one, and a name joins the one name that contains
    /// its words.
    pub(super) fn join(&self, union: &mut UnionFind) {
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

/// Each name of two or more content words whose words an earlier name has, with that first name,
/// unless one is written far more often than the other ([`far_more_often`]).
fn same_words(
    groups: &[Group<'_>],
    person_of: &[bool],
    words_of: &[Vec<String>],
    countries_of: &[Vec<usize>],
) -> Vec<(usize, usize)> {
    let mut by_words: HashMap<&[String], usize, WordBuildHasher> = HashMap::default();
    let mut same_words: Vec<(usize, usize)> = Vec::new();
    for (index, words) in words_of.iter().enumerate() {
        if words.len() < 2 || groups[index].lexicon_entity.is_some() || person_of[index] {
            continue;
        }
        match by_words.get(words.as_slice()) {
            Some(&first)
                if far_more_often(&groups[index], &groups[first])
                    || far_more_often(&groups[first], &groups[index])
                    || !same_countries(&countries_of[index], &countries_of[first]) => {}
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
    countries_of: &[Vec<usize>],
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
                        && !far_more_often(&groups[index], &groups[other])
                        && same_countries(&countries_of[index], &countries_of[other])
                        && is_sorted_subset(&words_of[index], &words_of[other])
                        && (words_of[other].len() > words_of[index].len()
                            || groups[other].key.len() > groups[index].key.len())
                })
                .collect()
        })
        .collect()
}

/// How many times more often than a longer name a name may be written and still be taken for its
/// short form.
const MOST_TIMES_MORE_OFTEN: usize = 10;

/// A name written many times and more than [`MOST_TIMES_MORE_OFTEN`] times as often as the longer
/// name that has its words ("General Government", 160 times, and "General Government of New
/// Granada", once) is an entity of its own, not the longer name's short form.
fn far_more_often(name: &Group<'_>, longer: &Group<'_>) -> bool {
    name.mentions >= MOST_TIMES_MORE_OFTEN
        && name.mentions > MOST_TIMES_MORE_OFTEN * longer.mentions
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
