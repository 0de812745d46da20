//! Saving and loading graphs, with a format version: RON by default, a binary snapshot for `.kgb` and
//! `.bin` files.
//!
//! The file lists documents, entities and relations in id order, so the same graph always gives the same
//! bytes. RON is the readable format; the binary snapshot ([`snapshot`]) holds the same records and
//! loads several times faster. A file from a newer kgraph is refused rather than half-read. Writes are
//! atomic.
//!
//! - `format`: the format version, [`GraphFormat`], and the records both formats hold.
//! - `ron` and `ron_writer`: the RON file, read with the `ron` crate and written by hand.
//! - [`snapshot`]: the binary container (header, length, hash), read through a window.
//! - `binary`: the graph's records in that container.
//! - `assembly`: the graph a file's records describe, shared by both formats.
//! - `checked_records`: the records read with a cancel flag checked as they go (Ctrl-C in the shell).
//! - `signature`: what a graph file starts with, by which it is known whatever its name.
//! - `error`: [`PersistError`].

mod assembly;
mod binary;
mod checked_records;
mod error;
mod format;
mod ron;
mod ron_writer;
mod signature;
pub mod snapshot;
#[cfg(test)]
mod test_graphs;

pub use error::PersistError;
pub use format::{FORMAT_VERSION, GraphFormat};

use super::knowledge_graph::KnowledgeGraph;
use crate::atomic_file::write_atomically;
use format::to_file;
use std::path::Path;
use std::sync::atomic::AtomicBool;

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
        GraphFormat::Ron => write_atomically(path, |w| ron::write(&file, w)).map_err(io_error),
        GraphFormat::Binary => {
            let bytes = binary::encode(&file).map_err(|e| PersistError::Serialize {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
            write_atomically(path, |w| w.write_all(&bytes)).map_err(io_error)
        }
    }
}

/// Writes `graph` as pretty RON to a stream (`kg build -o -`): the bytes [`save_graph`] writes to a
/// `.ron` file.
pub fn write_graph_ron(
    graph: &KnowledgeGraph,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    ron::write(&to_file(graph), out)
}

/// Reads a graph from `path`: a binary snapshot when the extension is `.kgb` or `.bin` or the file
/// starts with the snapshot's header (whatever its name), RON otherwise.
///
/// A snapshot is read into the graph as it is decoded, through a window of the file. A RON file's text
/// is freed once its records are parsed, before the graph is assembled from them: loading never holds
/// the file, its records and the graph at once.
pub fn load_graph(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    load_graph_cancellable(path, &AtomicBool::new(false))
}

/// [`load_graph`], stopped with [`PersistError::Interrupted`] once `cancel` is set (the shell's Ctrl-C
/// handler sets it). The flag is checked every thousand or so records, as they are parsed and as they
/// are added to the graph, so a large file stops within milliseconds.
pub fn load_graph_cancellable(
    path: &Path,
    cancel: &AtomicBool,
) -> Result<KnowledgeGraph, PersistError> {
    if GraphFormat::of_path(path) == GraphFormat::Binary
        || GraphFormat::of_contents(path) == Some(GraphFormat::Binary)
    {
        return binary::load(path, cancel);
    }
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
    let file = ron::read(&text, path, cancel)?;
    drop(text);
    assembly::assemble(file, path, cancel)
}

/// Parses the text of a graph file; `path` is only used in messages.
pub fn parse_graph(text: &str, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let never = AtomicBool::new(false);
    let file = ron::read(text, path, &never)?;
    assembly::assemble(file, path, &never)
}

#[cfg(test)]
mod tests {
    use super::format::{GraphFileRef, RelationRecordRef};
    use super::test_graphs::{sample, timed_sample};
    use super::*;
    use crate::graph::{Entity, EntityId, Evidence, Relation};
    use crate::model::{EntityKind, RelationClass, Span};

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
        assert!(text.starts_with("(\n  format_version: 2,"), "{text}");
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
        newer[8..12].copy_from_slice(&3u32.to_le_bytes());
        let ron = saved_text(&graph);
        // Damaged anywhere in the body, even where it still decodes (or decodes to a relation pointing
        // at no entity), the file is reported as damaged: its hash is checked as it is read.
        let flipped: Vec<Vec<u8>> = (28..good.len())
            .map(|at| {
                let mut bytes = good.clone();
                bytes[at] ^= 0x5a;
                bytes
            })
            .collect();
        for bytes in &flipped {
            let path = dir.path().join("flipped.kgb");
            std::fs::write(&path, bytes).unwrap();
            let error = load_graph(&path).expect_err("a damaged file");
            assert!(
                error.to_string().ends_with(
                    "the file is damaged: its contents do not match the hash in its header"
                ),
                "{error}"
            );
        }
        let cases: &[(&[u8], &str)] = &[
            (
                &good[..good.len() / 2],
                "bad.kgb: the file is truncated: the header promises",
            ),
            (&good[..5], "bad.kgb: not a kgraph binary graph"),
            (
                &newer,
                "bad.kgb: graph format version 3 is newer than this kg understands (version 2); upgrade kg",
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

    /// A graph of `relations` relations among 50 entities, more than a batch of records when large.
    fn many_relations(relations: usize) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        let document = graph.add_document("a.txt".into(), "Qatar met Iran.".into());
        let entities: Vec<EntityId> = (0..50)
            .map(|i| {
                graph.add_entity(Entity {
                    name: format!("Entity {i}"),
                    kind: EntityKind::Organization,
                    kind_votes: Vec::new(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                })
            })
            .collect();
        for i in 0..relations {
            let relation = Relation::new(
                &format!("predicate {i}"),
                RelationClass::Cooperation,
                [Evidence::new(document, Span::new(0, 5), "verb", None)],
            );
            graph.add_relation(entities[i % 50], entities[(i * 7 + 1) % 50], relation);
        }
        graph
    }

    /// Ctrl-C during the shell's `:load` sets the flag: the load stops with `Interrupted`, in either
    /// format, small or larger than a batch, and with relations that repeat (a snapshot then read twice).
    /// Unset, the same files load whole. (Before, the flag was never looked at and the load ran on.)
    #[test]
    fn a_set_cancel_flag_interrupts_loading_in_either_format() {
        use std::sync::atomic::AtomicBool;
        let dir = tempfile::tempdir().unwrap();
        let mut repeated = many_relations(3);
        let first = repeated.relations().next().unwrap().relation.clone();
        let (source, target) = {
            let r = repeated.relations().next().unwrap();
            (r.source, r.target)
        };
        repeated.push_relation(source, target, first);
        // (label, graph, relations once loaded: the repeated one merges into its first)
        let graphs = [
            ("small", sample(), 1),
            ("large", many_relations(10_000), 10_000),
            ("repeated", repeated, 3),
        ];
        for (label, graph, relations) in &graphs {
            for extension in ["ron", "kgb"] {
                let path = dir.path().join(format!("{label}.{extension}"));
                save_graph(graph, &path).unwrap();
                let interrupted = load_graph_cancellable(&path, &AtomicBool::new(true));
                match interrupted {
                    Err(PersistError::Interrupted { path: named }) => assert_eq!(named, path),
                    other => panic!(
                        "{label}.{extension}: {:?}",
                        other.map(|g| g.relation_count())
                    ),
                }
                let loaded = load_graph_cancellable(&path, &AtomicBool::new(false)).unwrap();
                assert_eq!(loaded.relation_count(), *relations, "{label}.{extension}");
            }
        }
        let error = PersistError::Interrupted {
            path: "big.kgb".into(),
        };
        assert_eq!(error.to_string(), "big.kgb: loading interrupted (Ctrl-C)");
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
    fn a_snapshot_larger_than_the_window_and_a_batch_reads_back_whole() {
        // A document text longer than the 64 KiB window, strings split across its edges, and more
        // relations than a batch.
        let mut graph = KnowledgeGraph::new();
        let text: String = (0..20_000).map(|i| format!("w{i} ")).collect();
        assert!(text.len() > 1 << 16);
        let document = graph.add_document("long.txt".into(), text);
        let entities: Vec<EntityId> = (0..50)
            .map(|i| {
                graph.add_entity(Entity {
                    name: format!("Entity {i}"),
                    kind: EntityKind::Organization,
                    aliases: vec![format!("E{i}")],
                    mentions: Vec::new(),
                    kind_votes: Vec::new(),
                })
            })
            .collect();
        for i in 0..5_000 {
            graph.add_relation(
                entities[i % 50],
                entities[(i * 7 + 1) % 50],
                Relation::new(
                    &format!("predicate number {i}"),
                    RelationClass::Cooperation,
                    [Evidence::new(document, Span::new(i, i + 3), "verb", None)],
                ),
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.kgb");
        save_graph(&graph, &path).unwrap();
        let loaded = load_graph(&path).unwrap();
        assert_eq!(loaded.relation_count(), 5_000);
        assert_eq!(saved_text(&loaded), saved_text(&graph));
    }

    #[test]
    fn a_binary_snapshot_with_a_repeated_or_dangling_relation_reads_as_its_ron_does() {
        let graph = sample();
        let file = to_file(&graph);
        let first = file.relations[0].relation;
        // The same relation stated by another sentence, and one pointing at no entity.
        let other_sentence = Relation::new(
            "meet",
            first.class,
            [Evidence::new(0, Span::new(0, 4), "verb", None)],
        );
        let dir = tempfile::tempdir().unwrap();
        let write = |relations: Vec<RelationRecordRef<'_>>| {
            let path = dir.path().join("g.kgb");
            let bytes = binary::encode(&GraphFileRef {
                relations,
                ..to_file(&graph)
            })
            .unwrap();
            std::fs::write(&path, bytes).unwrap();
            path
        };
        let repeated = write(vec![
            file.relations[0].clone(),
            RelationRecordRef {
                relation: &other_sentence,
                ..file.relations[0].clone()
            },
        ]);
        let loaded = load_graph(&repeated).unwrap();
        assert_eq!(loaded.relation_count(), 1);
        assert_eq!(loaded.evidence_count(), 2);
        let dangling = write(vec![RelationRecordRef {
            target: 7,
            ..file.relations[0].clone()
        }]);
        let error = load_graph(&dangling).expect_err("dangling");
        assert_eq!(
            error.to_string(),
            format!(
                "{}: relation 0 points at entity 7, which the file does not have",
                dangling.display()
            )
        );
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
        let newer = good.replacen("format_version: 2", "format_version: 99", 1);
        let truncated = &good[..good.len() / 2];
        let dangling = good.replacen("target: 1", "target: 7", 1);
        // Evidence holds its span in 32 bits: a larger one is refused, not cut short.
        let long_span = good.replacen("end: 15)", "end: 4294967296)", 1);
        // Nested 30,000 deep, where a value is expected and in a field kg ignores: the parser
        // recursed once a level and overflowed the stack.
        let deep_documents = format!("(format_version: 1, documents: {}", "[".repeat(30_000));
        let deep_ignored = format!("(format_version: 1, notes: {}", "[".repeat(30_000));
        let cases: &[(&str, &str)] = &[
            (
                &newer,
                "graph format version 99 is newer than this kg understands (version 2); upgrade kg",
            ),
            (truncated, "not a kgraph graph file"),
            ("hello world", "g.ron:1:1: not a kgraph graph file"),
            (
                &dangling,
                "relation 0 points at entity 7, which the file does not have",
            ),
            (
                &deep_documents,
                "g.ron:1:33: not a kgraph graph file: Expected opening `(` for struct `StoredDocument`",
            ),
            (
                &deep_ignored,
                "g.ron:1:91: not a kgraph graph file: values are nested more than 128 levels deep",
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
