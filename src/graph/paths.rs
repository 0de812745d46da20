//! Paths between two entities: one shortest path, every shortest path, and simple paths up to a number
//! of hops.
//!
//! A path is a sequence of entities; each hop between two of them keeps every relation that joins them in
//! the walking direction, so a caller can show the strongest one and its evidence. The enumerations are
//! bounded twice (a limit on the number of paths, and for simple paths a maximum length) and check a
//! cancel flag in their loops, because the number of simple paths grows exponentially with their length.
//!
//! Every search walks the graph's edges from its two ends and reads nothing else: shortest paths grow a
//! breadth-first search from each end, always the side with the smaller frontier, until they meet, then
//! keep only the entities that lie on a shortest path; simple paths measure the distance to the goal only
//! as far as the longest path allowed.

use super::cancelled::{Cancelled, check};
use super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use super::walk::{IdMap, IdSet, Link, RelationFilter};
use crate::model::RelationClass;
use std::sync::atomic::AtomicBool;

/// One step of a path: from one entity to the next, through every relation that joins them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The entity the hop leaves (the subject only when the relation is walked forwards).
    pub from: EntityId,
    /// The entity the hop reaches.
    pub to: EntityId,
    /// Every relation between `from` and `to` that the filter allows, in id order; never empty.
    pub relations: Vec<RelationId>,
}

/// The relation that best stands for a hop among `relations`, in this order:
///
/// 1. an asserted relation before a co-mention;
/// 2. an affirmed one before one the text denies;
/// 3. a relation of a named class (Cooperation, Conflict, PartOf, Leads) before `Other`;
/// 4. the one with the most evidence sentences;
/// 5. the oldest (the smallest id), so the choice never depends on the order given.
///
/// `None` when no id names a relation of `graph`.
pub fn strongest_relation(graph: &KnowledgeGraph, relations: &[RelationId]) -> Option<RelationId> {
    relations
        .iter()
        .filter_map(|&id| graph.relation(id))
        .min_by_key(|r| {
            (
                !r.relation.class.is_asserted(),
                r.relation.negated,
                r.relation.class == RelationClass::Other,
                std::cmp::Reverse(r.relation.evidence().len()),
                r.id,
            )
        })
        .map(|r| r.id)
}

/// A path: the entities it visits in order, and the hops between them (one fewer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphPath {
    /// The entities in the order the path visits them, both ends included.
    pub entities: Vec<EntityId>,
    /// The hops between consecutive entities.
    pub hops: Vec<Hop>,
}

impl GraphPath {
    /// The number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// True for the path of no hops.
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// A list of paths, and whether a limit cut it short.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PathList {
    /// The paths found, at most the limit asked for.
    pub paths: Vec<GraphPath>,
    /// How many paths there are in all, when it is known (for shortest paths it is counted; for simple
    /// paths it is not, because counting them would mean enumerating them).
    pub total: Option<u128>,
    /// True when the limit left paths out.
    pub truncated: bool,
}

/// Builds the path through `entities`, each hop with the relations `links` lists for it.
fn to_path(entities: &[EntityId], links: &IdMap<EntityId, Vec<Link>>) -> GraphPath {
    let hops = entities
        .windows(2)
        .map(|pair| {
            let relations = links
                .get(&pair[0])
                .and_then(|links| {
                    links
                        .binary_search_by_key(&pair[1], |link| link.neighbour)
                        .ok()
                        .map(|index| links[index].relations.clone())
                })
                .unwrap_or_default();
            Hop {
                from: pair[0],
                to: pair[1],
                relations,
            }
        })
        .collect();
    GraphPath {
        entities: entities.to_vec(),
        hops,
    }
}

/// Breadth-first distances from `start` through `filter`, out to `limit` hops; entities farther away or
/// unreachable are left out.
fn distances(
    graph: &KnowledgeGraph,
    start: EntityId,
    filter: &RelationFilter,
    limit: usize,
    cancel: &AtomicBool,
) -> Result<IdMap<EntityId, usize>, Cancelled> {
    let mut distance: IdMap<EntityId, usize> = IdMap::default();
    distance.insert(start, 0);
    let mut layer = vec![start];
    for here in 0..limit {
        let mut next = Vec::new();
        for &entity in &layer {
            check(cancel)?;
            for (neighbour, _) in graph.steps(entity, filter) {
                if let std::collections::hash_map::Entry::Vacant(entry) = distance.entry(neighbour)
                {
                    entry.insert(here + 1);
                    next.push(neighbour);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        layer = next;
    }
    Ok(distance)
}

/// One end of a bidirectional breadth-first search: the distance of every entity it has reached, and the
/// entities of each distance (its layers; the last one is its frontier).
struct Side {
    filter: RelationFilter,
    distance: IdMap<EntityId, usize>,
    layers: Vec<Vec<EntityId>>,
}

impl Side {
    fn new(start: EntityId, filter: RelationFilter) -> Side {
        let mut distance = IdMap::default();
        distance.insert(start, 0);
        Side {
            filter,
            distance,
            layers: vec![vec![start]],
        }
    }

    /// How far the search has gone.
    fn radius(&self) -> usize {
        self.layers.len() - 1
    }

    fn frontier(&self) -> &[EntityId] {
        self.layers.last().map_or(&[], Vec::as_slice)
    }

    /// Adds the next layer; returns its entities that `other` has reached too, in id order.
    fn grow(
        &mut self,
        graph: &KnowledgeGraph,
        other: &Side,
        cancel: &AtomicBool,
    ) -> Result<Vec<EntityId>, Cancelled> {
        let next_distance = self.layers.len();
        let mut next = Vec::new();
        for &entity in self.layers.last().map_or(&[][..], Vec::as_slice) {
            check(cancel)?;
            for (neighbour, _) in graph.steps(entity, &self.filter) {
                if let std::collections::hash_map::Entry::Vacant(entry) =
                    self.distance.entry(neighbour)
                {
                    entry.insert(next_distance);
                    next.push(neighbour);
                }
            }
        }
        let mut met: Vec<EntityId> = next
            .iter()
            .copied()
            .filter(|entity| other.distance.contains_key(entity))
            .collect();
        met.sort_unstable();
        self.layers.push(next);
        Ok(met)
    }
}

impl KnowledgeGraph {
    /// The entities that lie on a shortest path from `from` to `to`, by their distance from `from`: the
    /// first layer is `[from]`, the last `[to]`, each in id order. `None` when `to` cannot be reached.
    ///
    /// A breadth-first search grows from each end, a whole layer at a time and always on the side whose
    /// frontier is smaller, until a new layer holds entities the other side has reached. If the sides
    /// had gone `a` and `b` hops without meeting, every path is longer than `a + b`, so the first meeting,
    /// one side having just gone one hop further, gives the length; the entities where they met are the
    /// shortest paths' entities at that distance. The others are found by walking back from them towards
    /// each end, keeping the entities exactly one hop nearer.
    fn shortest_path_layers(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
        cancel: &AtomicBool,
    ) -> Result<Option<Vec<Vec<EntityId>>>, Cancelled> {
        check(cancel)?;
        if from == to {
            return Ok(Some(vec![vec![from]]));
        }
        let mut forward = Side::new(from, filter.clone());
        let mut backward = Side::new(to, filter.reversed());
        let met = loop {
            if forward.frontier().is_empty() || backward.frontier().is_empty() {
                return Ok(None);
            }
            let met = if forward.frontier().len() <= backward.frontier().len() {
                forward.grow(self, &backward, cancel)?
            } else {
                backward.grow(self, &forward, cancel)?
            };
            if !met.is_empty() {
                break met;
            }
        };
        let middle = forward.radius();
        let length = middle + backward.radius();
        let mut layers: Vec<Vec<EntityId>> = vec![Vec::new(); length + 1];
        layers[middle] = met;
        // Towards `from`: an entity one hop before an entity on a shortest path, at its distance from
        // `from`, is on one too.
        for here in (0..middle).rev() {
            let mut layer = Vec::new();
            for &entity in &layers[here + 1] {
                check(cancel)?;
                layer.extend(
                    self.steps(entity, &backward.filter)
                        .map(|(previous, _)| previous)
                        .filter(|previous| forward.distance.get(previous) == Some(&here)),
                );
            }
            layer.sort_unstable();
            layer.dedup();
            layers[here] = layer;
        }
        // Towards `to`, likewise with the distance left to go.
        for here in middle + 1..=length {
            let mut layer = Vec::new();
            for &entity in &layers[here - 1] {
                check(cancel)?;
                layer.extend(
                    self.steps(entity, filter)
                        .map(|(next, _)| next)
                        .filter(|next| backward.distance.get(next) == Some(&(length - here))),
                );
            }
            layer.sort_unstable();
            layer.dedup();
            layers[here] = layer;
        }
        Ok(Some(layers))
    }

    /// A shortest path from `from` to `to` through the relations `filter` allows.
    ///
    /// # Returns
    /// `None` when `to` cannot be reached. Among several shortest paths, the one whose entities come
    /// first in id order.
    ///
    /// # Complexity
    /// A bidirectional breadth-first search: the relations of the entities within about half the
    /// distance of either end, not the whole graph.
    pub fn shortest_path(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
    ) -> Option<GraphPath> {
        let never = AtomicBool::new(false);
        let list = self.all_shortest_paths(from, to, filter, 1, &never).ok()?;
        list.paths.into_iter().next()
    }

    /// Every shortest path from `from` to `to`, at most `limit` of them, in the order of their entity ids.
    ///
    /// # Returns
    /// The paths (none when `to` cannot be reached), their total number, and whether `limit` cut the list;
    /// `Err(Cancelled)` when `cancel` was set.
    ///
    /// # Complexity
    /// The bidirectional search of [`KnowledgeGraph::shortest_path`], then the relations of the entities on
    /// a shortest path to count the paths, then O(limit × length) to list them.
    pub fn all_shortest_paths(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Result<PathList, Cancelled> {
        if self.entity(from).is_none() || self.entity(to).is_none() {
            return Ok(PathList::default());
        }
        let Some(layers) = self.shortest_path_layers(from, to, filter, cancel)? else {
            return Ok(PathList::default());
        };
        // The links that step from one layer to the next: the only ones on a shortest path.
        let mut layer_of: IdMap<EntityId, usize> = IdMap::default();
        for (here, layer) in layers.iter().enumerate() {
            layer_of.extend(layer.iter().map(|&entity| (entity, here)));
        }
        let mut links: IdMap<EntityId, Vec<Link>> = IdMap::default();
        for (here, layer) in layers.iter().enumerate().take(layers.len() - 1) {
            for &entity in layer {
                check(cancel)?;
                let onwards = self.links_to(entity, filter, |next| {
                    layer_of.get(&next) == Some(&(here + 1))
                });
                links.insert(entity, onwards);
            }
        }
        // Paths from each entity to the goal, counted from the goal outwards.
        let mut counts: IdMap<EntityId, u128> = IdMap::default();
        counts.insert(to, 1);
        for layer in layers.iter().rev().skip(1) {
            for &entity in layer {
                let count = links.get(&entity).map_or(0, |onwards| {
                    onwards.iter().fold(0u128, |sum, link| {
                        sum.saturating_add(counts.get(&link.neighbour).copied().unwrap_or(0))
                    })
                });
                counts.insert(entity, count);
            }
        }
        let total = counts.get(&from).copied().unwrap_or(0);
        let mut list = PathList {
            paths: Vec::new(),
            total: Some(total),
            truncated: total > limit as u128,
        };
        // Depth-first in neighbour order, along the links from one layer to the next.
        let mut stack: Vec<(EntityId, usize)> = vec![(from, 0)];
        let mut entities = vec![from];
        while let Some(&mut (entity, ref mut next)) = stack.last_mut() {
            check(cancel)?;
            if list.paths.len() >= limit {
                break;
            }
            if entity == to {
                list.paths.push(to_path(&entities, &links));
                stack.pop();
                entities.pop();
                continue;
            }
            match links.get(&entity).and_then(|onwards| onwards.get(*next)) {
                Some(link) => {
                    *next += 1;
                    stack.push((link.neighbour, 0));
                    entities.push(link.neighbour);
                }
                None => {
                    stack.pop();
                    entities.pop();
                }
            }
        }
        Ok(list)
    }

    /// Simple paths (no entity twice) from `from` to `to` of at most `max_hops` hops, at most `limit` of
    /// them, shortest first, then in the order of their entity ids.
    ///
    /// # Returns
    /// The paths, and whether `limit` cut the list (the total is not counted); `Err(Cancelled)` when
    /// `cancel` was set.
    ///
    /// # Complexity
    /// Exponential in `max_hops` in the worst case: a depth-first search that prunes every branch which
    /// cannot reach `to` within the hops left. `limit` and `cancel` bound it. Only the entities within
    /// `max_hops` of `to` are read.
    pub fn simple_paths(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
        max_hops: usize,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Result<PathList, Cancelled> {
        if from == to || self.entity(from).is_none() || self.entity(to).is_none() {
            return Ok(PathList::default());
        }
        // Hops left to the goal; an entity farther than `max_hops - 1` can never be the next step.
        let to_goal = distances(
            self,
            to,
            &filter.reversed(),
            max_hops.saturating_sub(1),
            cancel,
        )?;
        let mut links: IdMap<EntityId, Vec<Link>> = IdMap::default();
        let mut found: Vec<Vec<EntityId>> = Vec::new();
        let mut truncated = false;
        // One search per length, so shorter paths come first and a limit keeps the shortest ones.
        'lengths: for length in 1..=max_hops {
            let mut on_path: IdSet<EntityId> = IdSet::default();
            on_path.insert(from);
            let mut stack: Vec<(EntityId, usize)> = vec![(from, 0)];
            let mut entities = vec![from];
            while let Some(&mut (entity, ref mut next)) = stack.last_mut() {
                check(cancel)?;
                let hops = entities.len() - 1;
                if entity == to {
                    if found.len() >= limit {
                        truncated = true;
                        break 'lengths;
                    }
                    found.push(entities.clone());
                    stack.pop();
                    on_path.remove(&entity);
                    entities.pop();
                    continue;
                }
                let onwards = links
                    .entry(entity)
                    .or_insert_with(|| self.links(entity, filter));
                // A neighbour is worth a step when it is free and can still reach the goal in time.
                let step = onwards[*next..].iter().position(|link| {
                    !on_path.contains(&link.neighbour)
                        && to_goal
                            .get(&link.neighbour)
                            .is_some_and(|d| hops + 1 + d <= length)
                        && (link.neighbour == to) == (hops + 1 == length)
                });
                match step {
                    Some(offset) => {
                        let neighbour = onwards[*next + offset].neighbour;
                        *next += offset + 1;
                        on_path.insert(neighbour);
                        stack.push((neighbour, 0));
                        entities.push(neighbour);
                    }
                    None => {
                        stack.pop();
                        on_path.remove(&entity);
                        entities.pop();
                    }
                }
            }
        }
        Ok(PathList {
            paths: found.iter().map(|p| to_path(p, &links)).collect(),
            total: None,
            truncated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Entity, Evidence, Relation};
    use crate::model::{EntityKind, Span};

    /// A relation with `sentences` evidence sentences, denied when `negated`.
    fn relation(class: RelationClass, sentences: u32, negated: bool) -> Relation {
        let evidence = (0..sentences)
            .map(|i| Evidence::new(0, Span::new(i as usize, i as usize + 1), "verb", None));
        Relation::new("link", class, evidence).with_negated(negated)
    }

    /// A relation joining the pair: its class, its number of sentences, and whether it is denied.
    type Joining = (RelationClass, u32, bool);

    #[test]
    fn the_strongest_relation_follows_the_stated_order() {
        use RelationClass::*;
        // (the relations joining a pair, the index of the one that should stand for the hop)
        let cases: &[(&[Joining], usize)] = &[
            // A named class beats Other, even with less evidence (`path PMF Russia` on data/).
            (&[(Other, 3, false), (Cooperation, 1, false)], 1),
            // Other beats a co-mention, however many sentences the co-mention has.
            (&[(CoMention, 9, false), (Other, 1, false)], 1),
            // An affirmed Other beats a denied Cooperation.
            (&[(Cooperation, 5, true), (Other, 1, false)], 1),
            // Within the same rank, the most evidence wins...
            (&[(Conflict, 1, false), (Leads, 2, false)], 1),
            (&[(Other, 1, false), (Other, 4, false)], 1),
            // ... and on a tie, the oldest.
            (&[(PartOf, 2, false), (Cooperation, 2, false)], 0),
        ];
        for (index, (relations, expected)) in cases.iter().enumerate() {
            let mut graph = KnowledgeGraph::new();
            let mut add = |name: &str| {
                graph.add_entity(Entity {
                    name: name.into(),
                    kind: EntityKind::Organization,
                    aliases: vec![name.into()],
                    mentions: Vec::new(),
                    kind_votes: Vec::new(),
                })
            };
            let (a, b) = (add("A"), add("B"));
            let ids: Vec<RelationId> = relations
                .iter()
                .map(|&(class, sentences, negated)| {
                    graph.add_relation(a, b, relation(class, sentences, negated))
                })
                .collect();
            let mut shuffled = ids.clone();
            shuffled.reverse();
            assert_eq!(
                strongest_relation(&graph, &shuffled),
                Some(ids[*expected]),
                "case {index}: {relations:?}"
            );
        }
    }
}
