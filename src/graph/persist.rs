//! Saving and loading graphs as RON, with a format version.
//!
//! The file lists documents, entities and relations in id order, so the same graph always gives the same
//! bytes. A file from a newer kgraph is refused rather than half-read. Writes are atomic.

use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::model::{Entity, Relation, StoredDocument};
use crate::atomic_file::write_atomically;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Why a graph could not be saved or loaded.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not a kgraph graph file: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: graph format version {found} is newer than this kg understands (version {FORMAT_VERSION}); upgrade kg"
    )]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{path}: relation {index} points at entity {entity}, which the file does not have")]
    DanglingRelation {
        path: PathBuf,
        index: usize,
        entity: usize,
    },
    #[error("{path}: {message}")]
    Serialize { path: PathBuf, message: String },
}

#[derive(Serialize, Deserialize)]
struct GraphFile {
    format_version: u32,
    documents: Vec<StoredDocument>,
    entities: Vec<Entity>,
    relations: Vec<RelationRecord>,
}

#[derive(Serialize, Deserialize)]
struct RelationRecord {
    source: usize,
    target: usize,
    relation: Relation,
}

/// Only the version, read first, so a newer file is refused with a clear message even when the rest of
/// its format changed.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

fn to_file(graph: &KnowledgeGraph) -> GraphFile {
    let mut positions: HashMap<EntityId, usize> = HashMap::new();
    let mut entities = Vec::new();
    for (id, entity) in graph.entities() {
        positions.insert(id, entities.len());
        entities.push(entity.clone());
    }
    let relations = graph
        .relations()
        .filter_map(|r| {
            Some(RelationRecord {
                source: *positions.get(&r.source)?,
                target: *positions.get(&r.target)?,
                relation: r.relation.clone(),
            })
        })
        .collect();
    GraphFile {
        format_version: FORMAT_VERSION,
        documents: graph.documents().to_vec(),
        entities,
        relations,
    }
}

/// Writes `graph` to `path` atomically, as pretty RON.
pub fn save_graph(graph: &KnowledgeGraph, path: &Path) -> Result<(), PersistError> {
    let file = to_file(graph);
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .indentor("  ".to_string());
    let text = ron::ser::to_string_pretty(&file, config).map_err(|e| PersistError::Serialize {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    write_atomically(path, |w| w.write_all(text.as_bytes())).map_err(|source| PersistError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a graph from `path`.
pub fn load_graph(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let bytes = std::fs::read(path).map_err(|source| PersistError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| PersistError::Parse {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: "the file is not UTF-8 text".into(),
    })?;
    parse_graph(&text, path)
}

/// Parses the text of a graph file; `path` is only used in messages.
pub fn parse_graph(text: &str, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let parse_error = |error: ron::error::SpannedError| PersistError::Parse {
        path: path.to_path_buf(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    };
    let probe: Result<VersionProbe, _> = ron::Options::default()
        .without_recursion_limit()
        .from_str(text);
    if let Ok(probe) = probe
        && probe.format_version > FORMAT_VERSION
    {
        return Err(PersistError::NewerVersion {
            path: path.to_path_buf(),
            found: probe.format_version,
        });
    }
    let file: GraphFile = ron::from_str(text).map_err(parse_error)?;
    let mut graph = KnowledgeGraph::new();
    for document in file.documents {
        graph.push_stored_document(document);
    }
    let ids: Vec<EntityId> = file
        .entities
        .into_iter()
        .map(|e| graph.add_entity(e))
        .collect();
    for (index, record) in file.relations.into_iter().enumerate() {
        let endpoint = |entity: usize| {
            ids.get(entity)
                .copied()
                .ok_or_else(|| PersistError::DanglingRelation {
                    path: path.to_path_buf(),
                    index,
                    entity,
                })
        };
        let (source, target) = (endpoint(record.source)?, endpoint(record.target)?);
        graph.add_relation(source, target, record.relation);
    }
    Ok(graph)
}
