//! The graph stage: what a graph holds ([`Entity`] and its [`Mention`]s, [`Relation`] and its
//! [`Evidence`], [`StoredDocument`]), the one type that wraps
//! petgraph ([`KnowledgeGraph`]; no petgraph type leaves this module), building a graph from what
//! extraction found ([`build`]), persistence ([`persist`]: RON, or a binary snapshot, with a format
//! version), merging shards' graphs ([`merge`]), and the algorithms that explore a graph
//! (neighbourhoods, paths, centrality, subgraphs).

pub mod build;
mod cancelled;
pub mod centrality;
mod csr;
mod entity;
mod evidence;
mod evidence_list;
pub mod knowledge_graph;
pub mod merge;
pub mod neighbourhood;
pub mod paths;
pub mod persist;
mod relation;
mod stored_document;
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
pub use entity::{Entity, Mention};
pub use evidence::Evidence;
pub use evidence::EvidenceError;
pub use knowledge_graph::{EntityId, KnowledgeGraph, RelationId, corpus_part_label, document_hash};
pub use merge::{MergeError, MergeInput, merge_graphs};
pub use neighbourhood::Neighbourhood;
pub use paths::{GraphPath, Hop, PathList};
pub use persist::{GraphFormat, PersistError, load_graph, load_graph_cancellable, save_graph};
pub use relation::Relation;
pub use stored_document::StoredDocument;
pub use walk::RelationFilter;
pub use walk_direction::WalkDirection;
