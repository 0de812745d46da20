//! The graph stage: the model (entities, relations, evidence, documents), the one type that wraps
//! petgraph, and persistence (RON, or a binary snapshot) with a format version.

pub mod content_hash;
pub mod knowledge_graph;
pub mod model;
pub mod persist;
pub mod snapshot;

pub use content_hash::content_hash;
pub use knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
pub use model::{Entity, Evidence, Mention, Relation, StoredDocument};
pub use persist::{GraphFormat, PersistError, load_graph, save_graph};
