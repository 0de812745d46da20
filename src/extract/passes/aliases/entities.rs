//! The entities of the merged groups: their names, kinds and aliases, and which group names which
//! entity.

use super::DecidedEntity;
use super::groups::{Group, is_person};
use crate::extract::lexicon::Lexicon;
use crate::extract::rules::COMPASS_POINTS;
use crate::grouping::Grouping;
use crate::model::EntityKind;
use crate::union_find::UnionFind;
use std::collections::BTreeMap;

/// Entities from the merged groups, dropping sets that are no evidence of a name, numbered in the
/// order of their roots (the order of their first mention); and each group's entity.
pub(super) fn make_entities(
    groups: &[Group<'_>],
    union: &mut UnionFind,
    lexicon: &Lexicon,
) -> (Vec<DecidedEntity>, Vec<Option<usize>>) {
    use rayon::prelude::*;
    let root_of_group: Vec<usize> = (0..groups.len()).map(|g| union.find(g)).collect();
    // A root is the first group of its set (a union keeps the smaller root), so the groups numbered by
    // their roots are numbered in the order of their first group, as a grouping wants.
    let members_of_root = Grouping::from_numbered(root_of_group.clone(), groups.len());
    let made: Vec<Option<DecidedEntity>> = (0..groups.len())
        .into_par_iter()
        .map(|root| make_entity(groups, root, members_of_root.members(root), lexicon))
        .collect();
    let mut entity_of_root: Vec<Option<usize>> = vec![None; groups.len()];
    let mut entities: Vec<DecidedEntity> = Vec::new();
    for (root, entity) in made.into_iter().enumerate() {
        if let Some(entity) = entity {
            entity_of_root[root] = Some(entities.len());
            entities.push(entity);
        }
    }
    let entity_of_group = root_of_group
        .iter()
        .map(|&root| entity_of_root[root])
        .collect();
    (entities, entity_of_group)
}

/// The entity of the groups `member_groups` merged under `root`, or None when there are none or they
/// are no evidence of a name: only ever in fragments, or a single group only ever sentence-initial.
fn make_entity(
    groups: &[Group<'_>],
    root: usize,
    member_groups: &[usize],
    lexicon: &Lexicon,
) -> Option<DecidedEntity> {
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
    Some(DecidedEntity {
        name,
        kind,
        aliases: surfaces.keys().map(|s| s.to_string()).collect(),
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

/// The kind the groups' mentions give most often (their words, or a title); else a person when a
/// group has a person's evidence; else a place when it is a compass point alone or often named after
/// a preposition of place; else the kind its acronyms give; else an organisation.
fn entity_kind<'a>(groups: impl Iterator<Item = &'a Group<'a>> + Clone) -> EntityKind {
    let mut counts: BTreeMap<EntityKind, usize> = BTreeMap::new();
    let mut acronym_counts: BTreeMap<EntityKind, usize> = BTreeMap::new();
    let mut person = false;
    let (mut mentions, mut locative) = (0, 0);
    for group in groups.clone() {
        for (kind, count) in group.kinds {
            *counts.entry(*kind).or_default() += count;
        }
        for (kind, count) in group.acronym_kinds {
            *acronym_counts.entry(*kind).or_default() += count;
        }
        person |= is_person(group);
        mentions += group.mentions;
        locative += group.locative;
    }
    if let Some((kind, _)) = counts.iter().max_by_key(|(_, count)| **count) {
        return *kind;
    }
    if person {
        return EntityKind::Person;
    }
    // "the West", "the Midwest": a compass point alone names a region.
    if groups
        .clone()
        .any(|group| COMPASS_POINTS.contains(&group.key) || group.key == "midwest")
    {
        return EntityKind::Place;
    }
    // Places are named in many ways ("Avdiivka fell", "shelling of Avdiivka"); a quarter of the
    // mentions after a preposition of place is evidence enough where nothing else speaks.
    if locative > 0 && 4 * locative >= mentions {
        return EntityKind::Place;
    }
    match acronym_counts.iter().max_by_key(|(_, count)| **count) {
        Some((kind, _)) => *kind,
        None => EntityKind::Organization,
    }
}
