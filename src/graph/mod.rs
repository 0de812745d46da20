//! The graph stage: the model (entities, relations, evidence, documents), the one type that wraps
//! petgraph ([`KnowledgeGraph`]; no petgraph type leaves this module), building a graph from what
//! extraction found ([`build`]), persistence ([`persist`]: RON, or a binary snapshot, with a format
//! version), merging shards' graphs ([`merge`]), and the algorithms that explore a graph
//! (neighbourhoods, paths, centrality, subgraphs).

pub mod build;
mod cancelled;
pub mod centrality;
mod csr;
mod evidence;
mod evidence_list;
pub mod knowledge_graph;
pub mod merge;
pub mod model;
pub mod neighbourhood;
pub mod paths;
pub mod persist;
pub mod subgraph;
pub mod walk;
mod walk_direction;

#[cfg(test)]
mod algorithm_tests;
#[cfg(test)]
pub(crate) mod test_graph;

pub use build::{FoundEntity, FoundRelation};
pub use cancelled::Cancelled;
pub use centrality::{BETWEENNESS_EXACT_LIMIT, BETWEENNESS_PIVOTS, PAGE_RANK_DAMPING};
pub use evidence::EvidenceError;
pub use knowledge_graph::{EntityId, KnowledgeGraph, RelationId, document_hash};
pub use merge::{MergeError, MergeInput, merge_graphs};
pub use model::{Entity, Evidence, Mention, Relation, StoredDocument};
pub use neighbourhood::Neighbourhood;
pub use paths::{GraphPath, Hop, PathList};
pub use persist::{GraphFormat, PersistError, load_graph, save_graph};
pub use walk::RelationFilter;
pub use walk_direction::WalkDirection;
