//! The k-hop neighbourhood of an entity: breadth-first search out to a depth, through the relations a
//! [`RelationFilter`] allows and the entity kinds a caller asks for.

use super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use super::walk::{IdMap, RelationFilter};
use super::walk_direction::WalkDirection;
use crate::model::EntityKind;

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
    /// Linear in the part of the graph visited: the relations of every entity nearer than `depth`, then a
    /// sort of what was found. The rest of the graph is not read.
    pub fn neighbourhood(
        &self,
        centre: EntityId,
        depth: usize,
        filter: &RelationFilter,
        kinds: &[EntityKind],
    ) -> Neighbourhood {
        let mut result = Neighbourhood {
            centre,
            entities: vec![(centre, 0)],
            relations: Vec::new(),
        };
        if self.entity(centre).is_none() {
            return result;
        }
        let admitted = |id: EntityId| {
            kinds.is_empty()
                || self
                    .entity(id)
                    .is_some_and(|entity| kinds.contains(&entity.kind))
        };
        let mut distance: IdMap<EntityId, usize> = IdMap::default();
        distance.insert(centre, 0);
        let mut layer = vec![centre];
        for here in 0..depth {
            if layer.is_empty() {
                break;
            }
            let mut next: Vec<EntityId> = Vec::new();
            let mut followed: Vec<RelationId> = Vec::new();
            for &entity in &layer {
                for (neighbour, relation) in self.steps(entity, filter) {
                    match distance.get(&neighbour) {
                        // Walked both ways, a relation back to a nearer entity was already followed
                        // from there: keep the nearer sighting only.
                        Some(&d) if d < here && filter.direction == WalkDirection::Both => continue,
                        Some(_) => {}
                        None => {
                            if !admitted(neighbour) {
                                continue;
                            }
                            distance.insert(neighbour, here + 1);
                            next.push(neighbour);
                        }
                    }
                    followed.push(relation);
                }
            }
            // A relation between two entities of this layer is seen from both ends.
            followed.sort_unstable();
            followed.dedup();
            result.relations.extend(followed);
            next.sort_unstable();
            result
                .entities
                .extend(next.iter().map(|&id| (id, here + 1)));
            layer = next;
        }
        result
    }
}
