//! Rule 3: a single word that is a name word of exactly one person joins that person ("Maliki",
//! "Al-Maliki").

use super::groups::Group;
use crate::extract::lexicon::WordBuildHasher;
use crate::extract::mention::EnglishVocabulary;
use crate::model::EntityKind;
use crate::union_find::UnionFind;
use std::collections::HashMap;

pub(super) const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "abd", "abdul",
];

/// The words of a group's key that are not name particles ("al", "bin").
fn name_words<'a>(group: &Group<'a>) -> Vec<&'a str> {
    group
        .key
        .split(' ')
        .filter(|w| !NAME_PARTICLES.contains(w))
        .collect()
}

/// Whether a one-word name's mentions give a kind other than a person's more often than a
/// person's: "in Washington" is the city, whatever persons are called Washington.
fn names_no_person(group: &Group<'_>) -> bool {
    let person = group.kinds.get(&EntityKind::Person).copied().unwrap_or(0);
    let other: usize = group.kinds.values().sum::<usize>() - person;
    other > person
}

/// What rule 3 looks up: each one-word name with the persons it may be. Made once per group, with the
/// persons indexed by last name word and by every name word (each list in group order), so the rule
/// costs time in proportion to the groups, not their square.
pub(super) struct SurnameLookups<'a> {
    pub(super) name_words_of: Vec<Vec<&'a str>>,
    /// Each one-word name that is not a lexicon entity or acronym, with the persons it may be.
    surnames: Vec<(usize, Vec<usize>)>,
}

impl<'a> SurnameLookups<'a> {
    pub(super) fn new(groups: &[Group<'a>], person_of: &[bool]) -> SurnameLookups<'a> {
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
                if group.lexicon_entity.is_some() || group.acronym || names_no_person(group) {
                    return None;
                }
                let [word] = name_words_of[index].as_slice() else {
                    return None;
                };
                // A word that is not the last of any person's name is their given name, or a word
                // of a name that is no person's ("Treasury" in "Treasury Secretary-then-Regan"): a
                // word English writes in lower case often is taken for the latter.
                let matches = match persons_by_last.get(word) {
                    Some(by_last) => by_last.clone(),
                    None if EnglishVocabulary::embedded().is_often_lower(word) => Vec::new(),
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
    pub(super) fn join(&self, union: &mut UnionFind) {
        for (index, matches) in &self.surnames {
            if union.all_joined(matches)
                && let Some(&person) = matches.first()
            {
                union.union(*index, person);
            }
        }
    }
}
