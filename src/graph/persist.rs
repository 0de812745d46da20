//! Saving and loading graphs, with a format version: RON by default, a binary snapshot for `.kgb` and
//! `.bin` files.
//!
//! The file lists documents, entities and relations in id order, so the same graph always gives the same
//! bytes. RON is the readable format; the binary snapshot ([`super::snapshot`]) holds the same records and
//! loads several times faster. A file from a newer kgraph is refused rather than half-read. Writes are
//! atomic.

use super::evidence::EvidenceError;
use super::evidence_list::EvidenceList;
use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::model::{Entity, Evidence, Relation, StoredDocument};
use super::snapshot;
use super::symbol::Symbol;
use crate::atomic_file::write_atomically;
use crate::extract::RelationClass;
use crate::extract::time::Period;
use crate::text::Span;
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
/// entities have no such field and are written as they are. The writing side maps the graph's records
/// as it goes rather than copying them (`MappedSeq`), so a snapshot costs little memory beyond its bytes;
/// the reading side owns what it decodes.
#[derive(Serialize)]
struct BinaryGraphOut<'a, R> {
    format_version: u32,
    documents: &'a [StoredDocument],
    entities: &'a [&'a Entity],
    relations: R,
}

#[derive(Serialize)]
struct BinaryRelationOut<E> {
    source: usize,
    target: usize,
    predicate: Symbol,
    class: RelationClass,
    negated: bool,
    hedged: bool,
    evidence: E,
}

#[derive(Serialize)]
struct BinaryEvidenceOut {
    document: u32,
    span: Span,
    rule: Symbol,
    /// `Period`'s `from` and `to`.
    time: Option<(Option<i32>, Option<i32>)>,
}

/// What [`BinaryGraphOut`] writes, read back.
#[derive(Deserialize)]
struct BinaryGraphIn {
    format_version: u32,
    documents: Vec<StoredDocument>,
    entities: Vec<Entity>,
    relations: Vec<BinaryRelationIn>,
}

#[derive(Deserialize)]
struct BinaryRelationIn {
    source: usize,
    target: usize,
    predicate: Symbol,
    class: RelationClass,
    negated: bool,
    hedged: bool,
    #[serde(deserialize_with = "EvidenceList::deserialize_from::<_, BinaryEvidenceIn>")]
    evidence: EvidenceList,
}

#[derive(Deserialize)]
struct BinaryEvidenceIn {
    document: u32,
    span: Span,
    rule: Symbol,
    time: Option<(Option<i32>, Option<i32>)>,
}

impl TryFrom<BinaryEvidenceIn> for Evidence {
    type Error = EvidenceError;

    fn try_from(e: BinaryEvidenceIn) -> Result<Evidence, EvidenceError> {
        let time = e.time.map(|(from, to)| Period { from, to });
        Evidence::try_new(e.document, e.span, e.rule, time)
    }
}

/// A slice written as the sequence of what a function makes of each element, without collecting them.
struct MappedSeq<'a, T, F>(&'a [T], F);

impl<'a, T, U: Serialize, F: Fn(&'a T) -> U> Serialize for MappedSeq<'a, T, F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

type EvidenceSeq<'a> = MappedSeq<'a, Evidence, fn(&'a Evidence) -> BinaryEvidenceOut>;

fn evidence_out(evidence: &Evidence) -> BinaryEvidenceOut {
    BinaryEvidenceOut {
        document: evidence.document(),
        span: evidence.span(),
        rule: evidence.rule_symbol(),
        time: evidence.time().map(|p| (p.from, p.to)),
    }
}

fn relation_out<'a>(record: &RelationRecordRef<'a>) -> BinaryRelationOut<EvidenceSeq<'a>> {
    let relation = record.relation;
    BinaryRelationOut {
        source: record.source,
        target: record.target,
        predicate: relation.predicate_symbol(),
        class: relation.class,
        negated: relation.negated,
        hedged: relation.hedged,
        evidence: MappedSeq(relation.evidence(), evidence_out),
    }
}

/// The bytes of the binary snapshot of a graph file.
fn encode_binary(file: &GraphFileRef<'_>) -> Result<Vec<u8>, postcard::Error> {
    snapshot::encode(&BinaryGraphOut {
        format_version: file.format_version,
        documents: file.documents,
        entities: &file.entities,
        relations: MappedSeq(&file.relations, relation_out),
    })
}

/// What tells two relations apart: the same endpoints, predicate, class and flags are one edge.
type RelationKey = (usize, usize, Symbol, RelationClass, bool, bool);

/// A relation as a file holds it, RON or binary.
trait RelationRecordIn {
    fn key(&self) -> RelationKey;
    fn into_parts(self) -> (usize, usize, Relation);
}

impl RelationRecordIn for RelationRecord {
    fn key(&self) -> RelationKey {
        let r = &self.relation;
        (
            self.source,
            self.target,
            r.predicate_symbol(),
            r.class,
            r.negated,
            r.hedged,
        )
    }

    fn into_parts(self) -> (usize, usize, Relation) {
        (self.source, self.target, self.relation)
    }
}

impl RelationRecordIn for BinaryRelationIn {
    fn key(&self) -> RelationKey {
        (
            self.source,
            self.target,
            self.predicate,
            self.class,
            self.negated,
            self.hedged,
        )
    }

    fn into_parts(self) -> (usize, usize, Relation) {
        let relation = Relation::from_parts(
            self.predicate,
            self.class,
            self.negated,
            self.hedged,
            self.evidence,
        );
        (self.source, self.target, relation)
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
            let bytes = encode_binary(&file).map_err(|e| PersistError::Serialize {
                path: path.to_path_buf(),
                message: e.to_string(),
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
    let file: BinaryGraphIn = snapshot::decode(bytes, path)?;
    assemble(
        file.format_version,
        file.documents,
        file.entities,
        file.relations,
        path,
    )
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
    assemble(
        file.format_version,
        file.documents,
        file.entities,
        file.relations,
        path,
    )
}

/// Builds the graph a file describes.
fn assemble<R: RelationRecordIn>(
    format_version: u32,
    documents: Vec<StoredDocument>,
    entities: Vec<Entity>,
    relations: Vec<R>,
    path: &Path,
) -> Result<KnowledgeGraph, PersistError> {
    if format_version > FORMAT_VERSION {
        return Err(PersistError::NewerVersion {
            path: path.to_path_buf(),
            found: format_version,
        });
    }
    let mut graph = KnowledgeGraph::with_capacity(entities.len(), relations.len());
    for document in documents {
        graph.push_stored_document(document);
    }
    let ids: Vec<EntityId> = entities.into_iter().map(|e| graph.add_entity(e)).collect();
    // A file kg wrote has no two relations that `add_relation` would merge, so each can be a new edge
    // without the per-relation search for an equal one; a repeat (a hand-edited file) still merges.
    let mut seen = std::collections::HashSet::with_capacity(relations.len());
    let repeats: Vec<bool> = relations
        .iter()
        .map(|record| !seen.insert(record.key()))
        .collect();
    drop(seen);
    for ((index, record), repeat) in relations.into_iter().enumerate().zip(repeats) {
        let (source, target, relation) = record.into_parts();
        let endpoint = |entity: usize| {
            ids.get(entity)
                .copied()
                .ok_or_else(|| PersistError::DanglingRelation {
                    path: path.to_path_buf(),
                    index,
                    entity,
                })
        };
        let (source, target) = (endpoint(source)?, endpoint(target)?);
        if repeat {
            graph.add_relation(source, target, relation);
        } else {
            graph.push_relation(source, target, relation);
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
            Relation::new(
                "meet",
                RelationClass::Cooperation,
                [Evidence::new(document, Span::new(0, 15), "verb", None)],
            ),
        );
        graph
    }

    /// The sample with a relation whose evidence has periods, full, partial and none: fields the RON
    /// file leaves out when empty.
    fn timed_sample() -> KnowledgeGraph {
        let mut graph = sample();
        let ids: Vec<_> = graph.entities().map(|(id, _)| id).collect();
        let evidence = |start: usize, time: Option<Period>| {
            Evidence::new(0, Span::new(start, 15), "verb", time)
        };
        graph.add_relation(
            ids[1],
            ids[0],
            Relation::new(
                "meet",
                RelationClass::Cooperation,
                [
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
            )
            .with_negated(true)
            .with_hedged(true),
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
        // Evidence holds its span in 32 bits: a larger one is refused, not cut short.
        let long_span = good.replacen("end: 15)", "end: 4294967296)", 1);
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
            (
                &long_span,
                "not a kgraph graph file: the sentence span 0..4294967296 lies past 4 GiB into its document",
            ),
        ];
        for (text, expected) in cases {
            let error = parse_graph(text, Path::new("g.ron")).expect_err("an error");
            assert!(error.to_string().contains(expected), "{error}");
        }
    }
}
