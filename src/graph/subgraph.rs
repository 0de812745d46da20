//! Subgraphs: a new graph holding part of another, for exporting the answer to one question (a path, a
//! neighbourhood) as a diagram.

use super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use std::collections::HashMap;

impl KnowledgeGraph {
    /// A new graph with only `entities` and `relations`, and every document (so evidence still points at
    /// its sentence).
    ///
    /// Entities keep their order in this graph whatever order they are given in; a relation is kept only
    /// when both its ends are among `entities`. Unknown ids are ignored.
    pub fn subgraph(&self, entities: &[EntityId], relations: &[RelationId]) -> KnowledgeGraph {
        let mut subgraph = KnowledgeGraph::new();
        for document in self.documents() {
            subgraph.push_stored_document(document.clone());
        }
        let mut wanted: Vec<EntityId> = entities.to_vec();
        wanted.sort();
        wanted.dedup();
        let mut ids: HashMap<EntityId, EntityId> = HashMap::new();
        for id in wanted {
            if let Some(entity) = self.entity(id) {
                ids.insert(id, subgraph.add_entity(entity.clone()));
            }
        }
        let mut relations: Vec<RelationId> = relations.to_vec();
        relations.sort();
        relations.dedup();
        for relation in relations.into_iter().filter_map(|id| self.relation(id)) {
            if let (Some(&source), Some(&target)) =
                (ids.get(&relation.source), ids.get(&relation.target))
            {
                subgraph.add_relation(source, target, relation.relation.clone());
            }
        }
        subgraph
    }
}
