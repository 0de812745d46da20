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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{EntityKind, RelationClass};
    use crate::graph::{Entity, Evidence, Mention};
    use crate::text::Span;

    fn sample() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        let document = graph.add_document("a.txt".into(), "Qatar met Iran.".into());
        let qatar = graph.add_entity(Entity {
            name: "Qatar".into(),
            kind: EntityKind::Country,
            aliases: vec!["Qatar".into()],
            mentions: vec![Mention {
                document,
                span: Span::new(0, 5),
            }],
        });
        let iran = graph.add_entity(Entity {
            name: "Iran".into(),
            kind: EntityKind::Country,
            aliases: vec!["Iran".into()],
            mentions: vec![Mention {
                document,
                span: Span::new(10, 14),
            }],
        });
        graph.add_relation(
            qatar,
            iran,
            Relation {
                predicate: "meet".into(),
                class: RelationClass::Cooperation,
                negated: false,
                hedged: false,
                evidence: vec![Evidence {
                    document,
                    span: Span::new(0, 15),
                    rule: "verb".into(),
                    time: None,
                }],
            },
        );
        graph
    }

    fn saved_text(graph: &KnowledgeGraph) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ron");
        save_graph(graph, &path).unwrap();
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn save_then_load_is_identity_and_byte_stable() {
        let graph = sample();
        let text = saved_text(&graph);
        let loaded = parse_graph(&text, Path::new("g.ron")).unwrap();
        assert_eq!(saved_text(&loaded), text);
        assert_eq!(loaded.entity_count(), 2);
        assert_eq!(loaded.relation_count(), 1);
        assert_eq!(loaded.documents(), graph.documents());
        assert!(text.starts_with("(\n  format_version: 1,"), "{text}");
    }

    #[test]
    fn bad_files_get_clear_errors() {
        let good = saved_text(&sample());
        let newer = good.replacen("format_version: 1", "format_version: 99", 1);
        let truncated = &good[..good.len() / 2];
        let dangling = good.replacen("target: 1", "target: 7", 1);
        let cases: &[(&str, &str)] = &[
            (
                &newer,
                "graph format version 99 is newer than this kg understands (version 1); upgrade kg",
            ),
            (truncated, "not a kgraph graph file"),
            ("hello world", "g.ron:1:1: not a kgraph graph file"),
            (
                &dangling,
                "relation 0 points at entity 7, which the file does not have",
            ),
        ];
        for (text, expected) in cases {
            let error = parse_graph(text, Path::new("g.ron")).expect_err("an error");
            assert!(error.to_string().contains(expected), "{error}");
        }
    }
}
