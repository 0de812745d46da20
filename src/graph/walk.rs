//! What the graph algorithms may walk: a [`RelationFilter`] (which classes, which direction, which
//! years), and the steps it allows out of one entity.
//!
//! Every algorithm works on entities, not on relations: several relations between the same two entities
//! make one link, which remembers all of them so a path can still show its evidence. The local queries
//! (neighbourhoods, paths) walk the graph's own edges from where they start, through
//! `KnowledgeGraph::steps`, and visit only what they reach; the global measures (centrality) project
//! the whole graph once per call onto a compact adjacency (`super::csr`). Either way results are sorted by
//! entity id where order matters, so every algorithm gives the same answer on the same graph whatever
//! order petgraph lists edges in.

use super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use super::walk_direction::WalkDirection;
use super::{Evidence, Relation};
use crate::model::{Period, RelationClass};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Which relations an algorithm may follow.
///
/// A time window keeps a relation when at least one of its evidence sentences speaks of a period that
/// shares a year with the window. Evidence without a period never passes a window: an undated statement
/// is not known to fall inside it, and "since 2014" should not answer with what nobody dated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RelationFilter {
    /// Only relations of these classes; empty means every class.
    pub classes: Vec<RelationClass>,
    /// Which way relations are followed.
    pub direction: WalkDirection,
    /// Only relations with evidence dated inside this window (both ends inclusive, either open); `None`
    /// means any time, dated or not.
    pub window: Option<Period>,
}

impl RelationFilter {
    /// Every class, in `direction`, at any time.
    pub fn new(direction: WalkDirection) -> Self {
        RelationFilter {
            classes: Vec::new(),
            direction,
            window: None,
        }
    }

    /// Only `classes` (every class when empty), in `direction`, at any time.
    pub fn with_classes(classes: &[RelationClass], direction: WalkDirection) -> Self {
        RelationFilter {
            classes: classes.to_vec(),
            direction,
            window: None,
        }
    }

    /// The same filter, limited to evidence dated inside `window` (`None`: any time).
    pub fn within(self, window: Option<Period>) -> Self {
        RelationFilter { window, ..self }
    }

    /// The same filter walking the other way.
    pub fn reversed(&self) -> Self {
        RelationFilter {
            direction: self.direction.reversed(),
            ..self.clone()
        }
    }

    /// True when `evidence` counts under the time window: always without a window; with one, only when
    /// the evidence is dated and its period shares a year with the window.
    pub fn admits(&self, evidence: &Evidence) -> bool {
        match self.window {
            None => true,
            Some(window) => evidence
                .time()
                .is_some_and(|period| period.overlaps(window.from, window.to)),
        }
    }

    /// True when the class of `relation` passes the filter, and, under a time window, at least one of
    /// its evidence sentences does.
    pub fn allows(&self, relation: &Relation) -> bool {
        (self.classes.is_empty() || self.classes.contains(&relation.class))
            && (self.window.is_none() || relation.evidence().iter().any(|e| self.admits(e)))
    }
}

/// One link out of an entity: a neighbour and every relation that joins the entity to it in the walking
/// direction, in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub(crate) neighbour: EntityId,
    pub(crate) relations: Vec<RelationId>,
}

impl KnowledgeGraph {
    /// Every step `filter` allows out of `entity`: the entity at the other end and the relation, in the
    /// order [`KnowledgeGraph::relations_of`] lists them. Self-loops are left out: they never lie on a path.
    ///
    /// # Complexity
    /// Linear in the number of relations touching `entity`.
    pub(crate) fn steps<'a>(
        &'a self,
        entity: EntityId,
        filter: &'a RelationFilter,
    ) -> impl Iterator<Item = (EntityId, RelationId)> + 'a {
        self.relations_of(entity, filter.direction)
            .filter(move |relation| filter.allows(relation.relation))
            .filter_map(move |relation| {
                let other = if relation.source == entity {
                    relation.target
                } else {
                    relation.source
                };
                (other != entity).then_some((other, relation.id))
            })
    }

    /// The links `filter` allows out of `entity`, sorted by neighbour, each with its relations in id
    /// order.
    pub(crate) fn links(&self, entity: EntityId, filter: &RelationFilter) -> Vec<Link> {
        self.links_to(entity, filter, |_| true)
    }

    /// The links of [`KnowledgeGraph::links`] to the neighbours `keep` accepts.
    pub(crate) fn links_to(
        &self,
        entity: EntityId,
        filter: &RelationFilter,
        keep: impl Fn(EntityId) -> bool,
    ) -> Vec<Link> {
        let mut steps: Vec<(EntityId, RelationId)> = self
            .steps(entity, filter)
            .filter(|&(neighbour, _)| keep(neighbour))
            .collect();
        steps.sort_unstable();
        steps.dedup();
        let mut links: Vec<Link> = Vec::new();
        for (neighbour, relation) in steps {
            match links.last_mut() {
                Some(link) if link.neighbour == neighbour => link.relations.push(relation),
                _ => links.push(Link {
                    neighbour,
                    relations: vec![relation],
                }),
            }
        }
        links
    }
}

/// A hasher for the small integer ids the walks key their maps by (entities, relations): one multiply
/// and a fold, much cheaper than the default SipHash, which guards against adversarial keys these ids
/// are not.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}

/// A hash map keyed by entity or relation ids.
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A hash set of entity or relation ids.
pub(crate) type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;
