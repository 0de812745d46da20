//! Saving and loading graphs, with a format version: RON by default, a binary snapshot for `.kgb` and
//! `.bin` files.
//!
//! The file lists documents, entities and relations in id order, so the same graph always gives the same
//! bytes. RON is the readable format; the binary snapshot ([`super::snapshot`]) holds the same records and
//! loads several times faster. A file from a newer kgraph is refused rather than half-read. Writes are
//! atomic.

use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::model::{Entity, Evidence, Relation, StoredDocument};
use super::snapshot;
use crate::atomic_file::write_atomically;
use crate::extract::RelationClass;
use crate::extract::time::Period;
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
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
    /// A binary snapshot that is not one, or is cut short or damaged.
    #[error("{path}: {message}")]
    Damaged { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Serialize { path: PathBuf, message: String },
}

/// How a graph file is written, chosen by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Pretty RON: readable, diffable, the default.
    Ron,
    /// The binary snapshot, for `.kgb` and `.bin` files.
    Binary,
}

impl GraphFormat {
    /// The format for a path: binary for `.kgb` and `.bin` (any case), RON otherwise.
    pub fn of_path(path: &Path) -> GraphFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(extension)
                if extension.eq_ignore_ascii_case("kgb")
                    || extension.eq_ignore_ascii_case("bin") =>
            {
                GraphFormat::Binary
            }
            _ => GraphFormat::Ron,
        }
    }
}

/// A graph file as read.
#[derive(Deserialize)]
struct GraphFile {
    format_version: u32,
    documents: Vec<StoredDocument>,
    entities: Vec<Entity>,
    relations: Vec<RelationRecord>,
}

#[derive(Deserialize)]
struct RelationRecord {
    source: usize,
    target: usize,
    relation: Relation,
}

/// A graph file as written: the same fields as [`GraphFile`], borrowed from the graph rather than copied.
#[derive(Serialize)]
struct GraphFileRef<'a> {
    format_version: u32,
    documents: &'a [StoredDocument],
    entities: Vec<&'a Entity>,
    relations: Vec<RelationRecordRef<'a>>,
}

#[derive(Serialize)]
struct RelationRecordRef<'a> {
    source: usize,
    target: usize,
    relation: &'a Relation,
}

/// The binary snapshot's records. Postcard writes fields by position, not by name, so a field the model
/// skips when it has no value (`#[serde(skip_serializing_if)]`, as `Evidence::time` does to keep RON
/// short) would shift every field after it; these records write every field, always. Documents and
/// entities have no such field and are written as they are.
#[derive(Serialize, Deserialize)]
struct BinaryGraphFile<'a> {
    format_version: u32,
    documents: Cow<'a, [StoredDocument]>,
    entities: Vec<Cow<'a, Entity>>,
    relations: Vec<BinaryRelation<'a>>,
}

#[derive(Serialize, Deserialize)]
struct BinaryRelation<'a> {
    source: usize,
    target: usize,
    predicate: Cow<'a, str>,
    class: RelationClass,
    negated: bool,
    hedged: bool,
    evidence: Vec<BinaryEvidence<'a>>,
}

#[derive(Serialize, Deserialize)]
struct BinaryEvidence<'a> {
    document: u32,
    span: Span,
    rule: Cow<'a, str>,
    /// `Period`'s `from` and `to`.
    time: Option<(Option<i32>, Option<i32>)>,
}

impl<'a> BinaryGraphFile<'a> {
    fn of(file: &GraphFileRef<'a>) -> Self {
        BinaryGraphFile {
            format_version: file.format_version,
            documents: Cow::Borrowed(file.documents),
            entities: file.entities.iter().map(|&e| Cow::Borrowed(e)).collect(),
            relations: file
                .relations
                .iter()
                .map(|record| {
                    let relation = record.relation;
                    BinaryRelation {
                        source: record.source,
                        target: record.target,
                        predicate: Cow::Borrowed(&relation.predicate),
                        class: relation.class,
                        negated: relation.negated,
                        hedged: relation.hedged,
                        evidence: relation
                            .evidence
                            .iter()
                            .map(|e| BinaryEvidence {
                                document: e.document,
                                span: e.span,
                                rule: Cow::Borrowed(&e.rule),
                                time: e.time.map(|p| (p.from, p.to)),
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }

    fn into_file(self) -> GraphFile {
        GraphFile {
            format_version: self.format_version,
            documents: self.documents.into_owned(),
            entities: self.entities.into_iter().map(Cow::into_owned).collect(),
            relations: self
                .relations
                .into_iter()
                .map(|record| RelationRecord {
                    source: record.source,
                    target: record.target,
                    relation: Relation {
                        predicate: record.predicate.into_owned(),
                        class: record.class,
                        negated: record.negated,
                        hedged: record.hedged,
                        evidence: record
                            .evidence
                            .into_iter()
                            .map(|e| Evidence {
                                document: e.document,
                                span: e.span,
                                rule: e.rule.into_owned(),
                                time: e.time.map(|(from, to)| Period { from, to }),
                            })
                            .collect(),
                    },
                })
                .collect(),
        }
    }
}

/// Only the version, read when a file does not parse, so a newer file is refused with a clear message
/// even when the rest of its format changed.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

fn to_file(graph: &KnowledgeGraph) -> GraphFileRef<'_> {
    let mut positions: HashMap<EntityId, usize> = HashMap::new();
    let mut entities = Vec::new();
    for (id, entity) in graph.entities() {
        positions.insert(id, entities.len());
        entities.push(entity);
    }
    let relations = graph
        .relations()
        .filter_map(|r| {
            Some(RelationRecordRef {
                source: *positions.get(&r.source)?,
                target: *positions.get(&r.target)?,
                relation: r.relation,
            })
        })
        .collect();
    GraphFileRef {
        format_version: FORMAT_VERSION,
        documents: graph.documents(),
        entities,
        relations,
    }
}

/// Writes `graph` to `path` atomically: a binary snapshot when the extension is `.kgb` or `.bin`, pretty
/// RON otherwise.
pub fn save_graph(graph: &KnowledgeGraph, path: &Path) -> Result<(), PersistError> {
    save_graph_as(graph, path, GraphFormat::of_path(path))
}

/// Writes `graph` to `path` atomically in `format`, whatever the extension.
pub fn save_graph_as(
    graph: &KnowledgeGraph,
    path: &Path,
    format: GraphFormat,
) -> Result<(), PersistError> {
    let file = to_file(graph);
    let io_error = |source| PersistError::Io {
        path: path.to_path_buf(),
        source,
    };
    match format {
        GraphFormat::Ron => {
            let config = ron::ser::PrettyConfig::new()
                .depth_limit(3)
                .indentor("  ".to_string());
            write_atomically(path, |w| {
                ron::Options::default()
                    .to_io_writer_pretty(w, &file, config)
                    .map_err(|e| match e {
                        ron::Error::Io(message) => std::io::Error::other(message),
                        other => std::io::Error::other(other.to_string()),
                    })
            })
            .map_err(io_error)
        }
        GraphFormat::Binary => {
            let bytes = snapshot::encode(&BinaryGraphFile::of(&file)).map_err(|e| {
                PersistError::Serialize {
                    path: path.to_path_buf(),
                    message: e.to_string(),
                }
            })?;
            write_atomically(path, |w| w.write_all(&bytes)).map_err(io_error)
        }
    }
}

/// Reads a graph from `path`: a binary snapshot when the extension is `.kgb` or `.bin`, RON otherwise.
pub fn load_graph(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let bytes = std::fs::read(path).map_err(|source| PersistError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match GraphFormat::of_path(path) {
        GraphFormat::Binary => decode_graph(&bytes, path),
        GraphFormat::Ron => {
            let text = String::from_utf8(bytes).map_err(|_| PersistError::Parse {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: "the file is not UTF-8 text".into(),
            })?;
            parse_graph(&text, path)
        }
    }
}

/// Decodes the bytes of a binary snapshot; `path` is only used in messages.
pub fn decode_graph(bytes: &[u8], path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let file: BinaryGraphFile<'static> = snapshot::decode(bytes, path)?;
    from_file(file.into_file(), path)
}

/// Parses the text of a graph file; `path` is only used in messages.
pub fn parse_graph(text: &str, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let file: GraphFile = match ron::from_str(text) {
        Ok(file) => file,
        Err(error) => {
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
            return Err(PersistError::Parse {
                path: path.to_path_buf(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            });
        }
    };
    from_file(file, path)
}

/// Builds the graph a file describes.
fn from_file(file: GraphFile, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    if file.format_version > FORMAT_VERSION {
        return Err(PersistError::NewerVersion {
            path: path.to_path_buf(),
            found: file.format_version,
        });
    }
    let mut graph = KnowledgeGraph::new();
    for document in file.documents {
        graph.push_stored_document(document);
    }
    let ids: Vec<EntityId> = file
        .entities
        .into_iter()
        .map(|e| graph.add_entity(e))
        .collect();
    // A file kg wrote has no two relations that `add_relation` would merge, so each can be a new edge
    // without the per-relation search for an equal one; a repeat (a hand-edited file) still merges.
    let mut seen = std::collections::HashSet::with_capacity(file.relations.len());
    let repeats: Vec<bool> = file
        .relations
        .iter()
        .map(|record| {
            let r = &record.relation;
            !seen.insert((
                record.source,
                record.target,
                r.predicate.as_str(),
                r.class,
                r.negated,
                r.hedged,
            ))
        })
        .collect();
    drop(seen);
    for ((index, record), repeat) in file.relations.into_iter().enumerate().zip(repeats) {
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
        if repeat {
            graph.add_relation(source, target, record.relation);
        } else {
            graph.push_relation(source, target, record.relation);
        }
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

    /// The sample with a relation whose evidence has periods, full, partial and none: fields the RON
    /// file leaves out when empty.
    fn timed_sample() -> KnowledgeGraph {
        let mut graph = sample();
        let ids: Vec<_> = graph.entities().map(|(id, _)| id).collect();
        let evidence = |start: usize, time: Option<Period>| Evidence {
            document: 0,
            span: Span::new(start, 15),
            rule: "verb".into(),
            time,
        };
        graph.add_relation(
            ids[1],
            ids[0],
            Relation {
                predicate: "meet".into(),
                class: RelationClass::Cooperation,
                negated: true,
                hedged: true,
                evidence: vec![
                    evidence(0, None),
                    evidence(
                        1,
                        Some(Period {
                            from: Some(2019),
                            to: None,
                        }),
                    ),
                    evidence(
                        2,
                        Some(Period {
                            from: Some(2003),
                            to: Some(2011),
                        }),
                    ),
                    evidence(
                        3,
                        Some(Period {
                            from: None,
                            to: Some(1991),
                        }),
                    ),
                ],
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
    fn binary_snapshot_round_trips_and_refuses_bad_files() {
        let graph = timed_sample();
        let dir = tempfile::tempdir().unwrap();
        for name in ["g.kgb", "g.bin", "g.KGB"] {
            let path = dir.path().join(name);
            save_graph(&graph, &path).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            assert!(bytes.starts_with(&snapshot::MAGIC), "{name} is binary");
            let loaded = load_graph(&path).unwrap();
            assert_eq!(saved_text(&loaded), saved_text(&graph), "{name}");
            assert_eq!(loaded.documents(), graph.documents());
            save_graph(&loaded, &path).unwrap();
            assert_eq!(
                std::fs::read(&path).unwrap(),
                bytes,
                "{name}: same bytes again"
            );
        }
        let good = std::fs::read(dir.path().join("g.kgb")).unwrap();
        let mut newer = good.clone();
        newer[8..12].copy_from_slice(&2u32.to_le_bytes());
        let ron = saved_text(&graph);
        let cases: &[(&[u8], &str)] = &[
            (
                &good[..good.len() / 2],
                "bad.kgb: the file is truncated: the header promises",
            ),
            (&good[..5], "bad.kgb: not a kgraph binary graph"),
            (
                &newer,
                "bad.kgb: graph format version 2 is newer than this kg understands (version 1); upgrade kg",
            ),
            (ron.as_bytes(), "bad.kgb: not a kgraph binary graph"),
        ];
        for (bytes, expected) in cases {
            let path = dir.path().join("bad.kgb");
            std::fs::write(&path, bytes).unwrap();
            let error = load_graph(&path).expect_err("an error");
            assert!(error.to_string().contains(expected), "{error}");
        }
    }

    #[test]
    fn a_repeated_relation_in_a_file_still_merges() {
        let good = saved_text(&sample());
        let start = good.find("relations: [").unwrap() + "relations: [".len();
        let end = good.rfind(']').unwrap();
        let record = good[start..end].trim().trim_end_matches(',');
        // The same relation stated by another sentence.
        let repeated = record.replace("span: (start: 0, end: 15)", "span: (start: 0, end: 4)");
        assert_ne!(repeated, record);
        let text = format!("{}{record},\n{repeated},\n{}", &good[..start], &good[end..]);
        let graph = parse_graph(&text, Path::new("g.ron")).unwrap();
        assert_eq!(graph.relation_count(), 1);
        assert_eq!(graph.evidence_count(), 2);
    }

    #[test]
    fn format_follows_the_extension() {
        let cases = [
            ("g.ron", GraphFormat::Ron),
            ("g", GraphFormat::Ron),
            ("g.kgb", GraphFormat::Binary),
            ("dir.kgb/g.bin", GraphFormat::Binary),
            ("g.Bin", GraphFormat::Binary),
        ];
        for (path, format) in cases {
            assert_eq!(GraphFormat::of_path(Path::new(path)), format, "{path}");
        }
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
