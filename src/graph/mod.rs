//! The graph stage: the model (entities, relations, evidence, documents), the one type that wraps
//! petgraph, and RON persistence with a format version.

pub mod entity_key;
pub mod knowledge_graph;
pub mod model;
pub mod persist;

pub use entity_key::entity_key;
pub use knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
pub use model::{Entity, Evidence, Mention, Relation, StoredDocument};
pub use persist::{PersistError, load_graph, save_graph};
