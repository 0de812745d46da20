//! Rule 2: an acronym defined in parentheses joins its phrase ("PMF"); an acronym never defined joins
//! the one name of the corpus whose capitalised words' initials spell it ("ISIS" in one document,
//! "Islamic State of Iraq and Syria" in another).

use super::groups::Group;
use crate::extract::lexicon::{Lexicon, WordBuildHasher};
use crate::union_find::UnionFind;
use std::collections::HashMap;

/// Rule 2: an acronym definition joins its phrase (`links`: the acronym's group and the defined
/// phrase's, found in one sentence, the phrase just before), and an acronym that is itself a known
/// surface of a lexicon entity joins that entity's group ("UNSC").
pub(super) fn join_acronyms(
    links: &[(usize, usize)],
    groups: &mut [Group<'_>],
    lexicon: &Lexicon,
    union: &mut UnionFind,
) {
    for &(acronym, defined) in links {
        union.union(acronym, defined);
        groups[acronym].acronym = true;
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
    join_by_initials(groups, union);
}

/// The fewest letters of an acronym joined to a name by its initials alone: two letters spell too
/// many names.
const FEWEST_INITIALS: usize = 3;

/// An acronym ("ISIS", three letters or more, written in capitals) that no definition joined joins the
/// one longer name whose capitalised words' initials spell it exactly ("Islamic State of Iraq and
/// Syria": the connectors have no initial).
fn join_by_initials(groups: &mut [Group<'_>], union: &mut UnionFind) {
    let mut names_by_initials: HashMap<String, Vec<usize>, WordBuildHasher> = HashMap::default();
    for (index, group) in groups.iter().enumerate() {
        let Some(surface) = group.surfaces.keys().next() else {
            continue;
        };
        let words: Vec<&str> = surface.split_whitespace().collect();
        if group.lexicon_entity.is_some() || words.len() < FEWEST_INITIALS {
            continue;
        }
        let initials: String = words
            .iter()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.chars().count() >= FEWEST_INITIALS {
            names_by_initials.entry(initials).or_default().push(index);
        }
    }
    for (index, group) in groups.iter_mut().enumerate() {
        let [(surface, _)] = group.surfaces.iter().collect::<Vec<_>>()[..] else {
            continue;
        };
        let is_acronym =
            surface.chars().count() >= FEWEST_INITIALS && surface.chars().all(|c| c.is_uppercase());
        if group.lexicon_entity.is_some() || group.acronym || !is_acronym {
            continue;
        }
        if let Some(names) = names_by_initials.get(*surface)
            && union.all_joined(names)
            && let Some(&name) = names.first()
        {
            union.union(index, name);
            group.acronym = true;
        }
    }
}
