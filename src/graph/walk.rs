//! What the graph algorithms may walk: a [`RelationFilter`] (which classes, which direction, which
//! years), and the `Adjacency` it projects the graph onto.
//!
//! Every algorithm works on entities, not on relations: several relations between the same two entities
//! make one link, which remembers all of them so a path can still show its evidence. The projection is
//! built once per query, with neighbours sorted by entity id, so every algorithm gives the same answer on
//! the same graph whatever order petgraph happens to list edges in.

use super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use super::model::{Evidence, Relation};
use crate::extract::{Period, RelationClass};
use petgraph::Direction;
use std::collections::HashMap;

/// Which way relations may be followed. A relation points from its subject to its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum WalkDirection {
    /// From subject to object only (`Iraq -[sign]-> agreement`).
    Outgoing,
    /// From object to subject only.
    Incoming,
    /// Either way: the graph is read as undirected.
    #[default]
    Both,
}

impl WalkDirection {
    /// The direction that walks the same relations backwards.
    pub fn reversed(self) -> WalkDirection {
        match self {
            WalkDirection::Outgoing => WalkDirection::Incoming,
            WalkDirection::Incoming => WalkDirection::Outgoing,
            WalkDirection::Both => WalkDirection::Both,
        }
    }

    /// The lower-case word the query language uses for it.
    pub fn name(self) -> &'static str {
        match self {
            WalkDirection::Outgoing => "out",
            WalkDirection::Incoming => "in",
            WalkDirection::Both => "both",
        }
    }
}

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

/// One link of the projection: a neighbour and every relation that joins the entity to it in the
/// walking direction, in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub(crate) neighbour: usize,
    pub(crate) relations: Vec<RelationId>,
}

/// The graph projected for one filter: entities numbered densely `0..n` in id order, and for each the
/// links it may follow, sorted by neighbour.
#[derive(Debug, Clone)]
pub(crate) struct Adjacency {
    pub(crate) ids: Vec<EntityId>,
    positions: HashMap<EntityId, usize>,
    pub(crate) links: Vec<Vec<Link>>,
}

impl Adjacency {
    /// Projects `graph` through `filter`. Self-loops are dropped: they never lie on a path.
    pub(crate) fn new(graph: &KnowledgeGraph, filter: &RelationFilter) -> Adjacency {
        let ids: Vec<EntityId> = graph.entities().map(|(id, _)| id).collect();
        let positions: HashMap<EntityId, usize> =
            ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let directions: &[Direction] = match filter.direction {
            WalkDirection::Outgoing => &[Direction::Outgoing],
            WalkDirection::Incoming => &[Direction::Incoming],
            WalkDirection::Both => &[Direction::Outgoing, Direction::Incoming],
        };
        let links = ids
            .iter()
            .enumerate()
            .map(|(position, &id)| {
                let mut grouped: HashMap<usize, Vec<RelationId>> = HashMap::new();
                for &direction in directions {
                    for relation in graph.relations_of(id, direction) {
                        if !filter.allows(relation.relation) {
                            continue;
                        }
                        let other = if direction == Direction::Outgoing {
                            relation.target
                        } else {
                            relation.source
                        };
                        let Some(&neighbour) = positions.get(&other) else {
                            continue;
                        };
                        if neighbour != position {
                            grouped.entry(neighbour).or_default().push(relation.id);
                        }
                    }
                }
                let mut links: Vec<Link> = grouped
                    .into_iter()
                    .map(|(neighbour, mut relations)| {
                        relations.sort();
                        relations.dedup();
                        Link {
                            neighbour,
                            relations,
                        }
                    })
                    .collect();
                links.sort_by_key(|link| link.neighbour);
                links
            })
            .collect();
        Adjacency {
            ids,
            positions,
            links,
        }
    }

    /// The dense position of an entity, or `None` when it is not in the graph.
    pub(crate) fn position(&self, id: EntityId) -> Option<usize> {
        self.positions.get(&id).copied()
    }

    /// The number of entities.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}
