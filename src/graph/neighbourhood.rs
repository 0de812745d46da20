//! The k-hop neighbourhood of an entity: breadth-first search out to a depth, through the relations a
//! [`RelationFilter`] allows and the entity kinds a caller asks for.

use super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use super::walk::{Adjacency, RelationFilter};
use crate::extract::EntityKind;
use std::collections::VecDeque;

/// What [`KnowledgeGraph::neighbourhood`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    /// The entity the search started from.
    pub centre: EntityId,
    /// Every entity reached with its distance in hops, nearest first, ties in id order. The centre comes
    /// first, at distance 0.
    pub entities: Vec<(EntityId, usize)>,
    /// Every relation followed: from an entity nearer than the depth to an entity in the neighbourhood.
    /// Sorted by the distance of their nearer end, then by id.
    pub relations: Vec<RelationId>,
}

impl KnowledgeGraph {
    /// The entities within `depth` hops of `centre` and the relations that reach them.
    ///
    /// # Arguments
    /// * `filter`: the classes and direction of the relations that may be followed.
    /// * `kinds`: when not empty, only entities of these kinds are visited (the centre always is), so the
    ///   result is connected: a neighbour of another kind is neither listed nor walked through.
    ///
    /// # Returns
    /// The neighbourhood; just the centre when it has no allowed link or is not in the graph.
    ///
    /// # Complexity
    /// O(V + E) for the projection, then linear in the part of the graph visited.
    pub fn neighbourhood(
        &self,
        centre: EntityId,
        depth: usize,
        filter: &RelationFilter,
        kinds: &[EntityKind],
    ) -> Neighbourhood {
        let adjacency = Adjacency::new(self, filter);
        let mut result = Neighbourhood {
            centre,
            entities: vec![(centre, 0)],
            relations: Vec::new(),
        };
        let Some(start) = adjacency.position(centre) else {
            return result;
        };
        let admitted = |position: usize| {
            kinds.is_empty()
                || self
                    .entity(adjacency.ids[position])
                    .is_some_and(|entity| kinds.contains(&entity.kind))
        };
        let mut distance: Vec<Option<usize>> = vec![None; adjacency.len()];
        distance[start] = Some(0);
        let mut queue = VecDeque::from([start]);
        let mut relations: Vec<(usize, RelationId)> = Vec::new();
        while let Some(position) = queue.pop_front() {
            let here = distance[position].unwrap_or(0);
            if here >= depth {
                continue;
            }
            for link in &adjacency.links[position] {
                if link.neighbour != start && !admitted(link.neighbour) {
                    continue;
                }
                if distance[link.neighbour].is_none() {
                    distance[link.neighbour] = Some(here + 1);
                    queue.push_back(link.neighbour);
                }
                relations.extend(link.relations.iter().map(|&relation| (here, relation)));
            }
        }
        // With both directions a relation between two inner entities is seen from each end: keep the
        // nearer sighting.
        relations.sort();
        let mut seen = std::collections::HashSet::new();
        relations.retain(|&(_, relation)| seen.insert(relation));
        result.relations = relations
            .into_iter()
            .map(|(_, relation)| relation)
            .collect();
        let mut entities: Vec<(usize, EntityId)> = distance
            .iter()
            .enumerate()
            .filter_map(|(position, d)| Some(((*d)?, adjacency.ids[position])))
            .filter(|&(_, id)| id != centre)
            .collect();
        entities.sort();
        result
            .entities
            .extend(entities.into_iter().map(|(d, id)| (id, d)));
        result
    }
}
