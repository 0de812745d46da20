//! Saving and loading graphs, with a format version: RON by default, a binary snapshot for `.kgb` and
//! `.bin` files.
//!
//! The file lists documents, entities and relations in id order, so the same graph always gives the same
//! bytes. RON is the readable format; the binary snapshot ([`super::snapshot`]) holds the same records and
//! loads several times faster. A file from a newer kgraph is refused rather than half-read. Writes are
//! atomic.

use super::assembly::{assemble, load_binary};
use super::evidence::EvidenceError;
use super::evidence_list::EvidenceList;
use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::model::{Entity, Evidence, Relation, StoredDocument};
use super::snapshot;
use crate::atomic_file::write_atomically;
use crate::model::{EdgeKey, Period, RelationClass, Span, Statement, Symbol};
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

/// A graph file's records as read, with relations as the format holds them.
#[derive(Deserialize)]
pub(super) struct GraphRecords<R> {
    pub(super) format_version: u32,
    pub(super) documents: Vec<StoredDocument>,
    pub(super) entities: Vec<Entity>,
    pub(super) relations: Vec<R>,
}

/// A graph file as read.
type GraphFile = GraphRecords<RelationRecord>;

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

#[derive(Clone, Serialize)]
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

#[derive(Deserialize)]
pub(super) struct BinaryRelationIn {
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
    snapshot::encode(
        &BinaryGraphOut {
            format_version: file.format_version,
            documents: file.documents,
            entities: &file.entities,
            relations: MappedSeq(&file.relations, relation_out),
        },
        binary_size_hint(file),
    )
}

/// About the size of a graph file's binary encoding, a little over rather than under: strings take
/// their bytes and a length, numbers at most the bytes of their variable-length encoding.
fn binary_size_hint(file: &GraphFileRef<'_>) -> usize {
    let strings =
        |texts: &mut dyn Iterator<Item = &String>| -> usize { texts.map(|t| t.len() + 5).sum() };
    let documents: usize = file
        .documents
        .iter()
        .map(|d| strings(&mut [&d.name, &d.hash, &d.text].into_iter()))
        .sum();
    let entities: usize = file
        .entities
        .iter()
        .map(|e| {
            strings(&mut std::iter::once(&e.name).chain(&e.aliases)) + 12 * e.mentions.len() + 8
        })
        .sum();
    let relations: usize = file
        .relations
        .iter()
        .map(|r| 24 + 24 * r.relation.evidence().len())
        .sum();
    16 + documents + entities + relations
}

/// A relation as a file holds it, RON or binary.
pub(super) trait RelationRecordIn {
    fn key(&self) -> EdgeKey;
    fn into_parts(self) -> (usize, usize, Relation);

    /// A hash of [`RelationRecordIn::key`]: two relations that may be one have the same.
    fn key_hash(&self) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(self.key())
    }
}

impl RelationRecordIn for RelationRecord {
    fn key(&self) -> EdgeKey {
        EdgeKey::new(self.source, self.target, self.relation.statement())
    }

    fn into_parts(self) -> (usize, usize, Relation) {
        (self.source, self.target, self.relation)
    }
}

impl RelationRecordIn for BinaryRelationIn {
    fn key(&self) -> EdgeKey {
        let statement = Statement {
            predicate: self.predicate,
            class: self.class,
            negated: self.negated,
            hedged: self.hedged,
        };
        EdgeKey::new(self.source, self.target, statement)
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

/// How `ron` would pretty-print a graph file: what [`ron_text`] writes by hand.
#[cfg(test)]
fn ron_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .indentor("  ".to_string())
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
        GraphFormat::Ron => write_atomically(path, |w| ron_text::write(&file, w)).map_err(io_error),
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
///
/// A snapshot is read into the graph as it is decoded, through a window of the file. A RON file's text
/// is freed once its records are parsed, before the graph is assembled from them: loading never holds
/// the file, its records and the graph at once.
pub fn load_graph(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    if GraphFormat::of_path(path) == GraphFormat::Binary {
        return load_binary(path);
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
    let file = parse_graph_file(&text, path)?;
    drop(text);
    assemble(file, path)
}

/// Parses the text of a graph file; `path` is only used in messages.
pub fn parse_graph(text: &str, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let file = parse_graph_file(text, path)?;
    assemble(file, path)
}

/// The records of a graph file's text, with the error's line and column when it does not parse.
fn parse_graph_file(text: &str, path: &Path) -> Result<GraphFile, PersistError> {
    match ron::from_str(text) {
        Ok(file) => Ok(file),
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
            Err(PersistError::Parse {
                path: path.to_path_buf(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            })
        }
    }
}

/// Pretty RON for a graph file, written directly: the bytes `ron` writes for [`GraphFileRef`] with three
/// levels of indentation of two spaces (`ron_config` in the tests), several times faster than `ron`,
/// which escapes a string a character at a time. A test compares the two on
/// graphs with every kind of field and string; a change to the model's fields must be made here too.
mod ron_text {
    use super::{GraphFileRef, RelationRecordRef};
    use crate::graph::model::{Entity, Evidence, StoredDocument};
    use crate::model::{Period, Span};
    use std::io::Write;

    /// Where the run of bytes from `start` that [`char::escape_debug`] leaves as they are ends: printable
    /// ASCII other than `"`, `'` and `\`. Eight bytes at a time while none of them needs a look (SWAR:
    /// a byte of `x ^ c` is zero where `x` has the byte `c`; `x - 0x20` borrows where a byte is below
    /// 0x20; the top bit is set from 0x80; 0x7F is compared as a byte).
    fn plain_run_end(bytes: &[u8], start: usize) -> usize {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
        let has_byte_below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0;
        let mut at = start;
        while let Some(chunk) = bytes.get(at..at + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            if x & HIGHS != 0
                || has_byte_below(x, 0x20)
                || has_zero_byte(x ^ (ONES * 0x7F))
                || has_zero_byte(x ^ (ONES * u64::from(b'"')))
                || has_zero_byte(x ^ (ONES * u64::from(b'\'')))
                || has_zero_byte(x ^ (ONES * u64::from(b'\\')))
            {
                break;
            }
            at += 8;
        }
        bytes[at..]
            .iter()
            .position(|&b| !matches!(b, b' '..=b'~') || matches!(b, b'"' | b'\'' | b'\\'))
            .map_or(bytes.len(), |p| at + p)
    }

    /// Documents, entities and relations are rendered in parallel, this many to a buffer (fewer for
    /// documents, which are long), and a few buffers per thread at a time, so memory stays bounded
    /// however large the graph.
    const RECORDS_PER_BUFFER: usize = 256;
    const BUFFERS_PER_THREAD: usize = 4;

    /// A buffer of RON text being written.
    #[derive(Default)]
    struct Out {
        buffer: Vec<u8>,
    }

    impl Out {
        fn raw(&mut self, text: &str) {
            self.buffer.extend_from_slice(text.as_bytes());
        }

        fn number(&mut self, value: u64) {
            let mut digits = [0u8; 20];
            let mut at = digits.len();
            let mut rest = value;
            loop {
                at -= 1;
                digits[at] = b'0' + (rest % 10) as u8;
                rest /= 10;
                if rest == 0 {
                    break;
                }
            }
            self.buffer.extend_from_slice(&digits[at..]);
        }

        fn signed(&mut self, value: i32) {
            if value < 0 {
                self.buffer.push(b'-');
            }
            self.number(u64::from(value.unsigned_abs()));
        }

        fn boolean(&mut self, value: bool) {
            self.raw(if value { "true" } else { "false" });
        }

        /// A string as `ron` escapes it: every character through [`char::escape_debug`], which leaves
        /// printable ASCII other than `"`, `'` and `\` as it is; runs of those are copied whole.
        fn string(&mut self, value: &str) {
            self.buffer.push(b'"');
            let bytes = value.as_bytes();
            let mut start = 0;
            while start < bytes.len() {
                let run = plain_run_end(bytes, start);
                self.buffer.extend_from_slice(&bytes[start..run]);
                start = run;
                let Some(c) = value.get(start..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let mut scalar = [0u8; 4];
                for escaped in c.escape_debug() {
                    self.buffer
                        .extend_from_slice(escaped.encode_utf8(&mut scalar).as_bytes());
                }
                start += c.len_utf8();
            }
            self.buffer.push(b'"');
        }

        fn span(&mut self, span: Span) {
            self.raw("(start: ");
            self.number(span.start as u64);
            self.raw(", end: ");
            self.number(span.end as u64);
            self.raw(")");
        }

        fn document(&mut self, document: &StoredDocument) {
            self.raw("    (\n      name: ");
            self.string(&document.name);
            self.raw(",\n      hash: ");
            self.string(&document.hash);
            self.raw(",\n      text: ");
            self.string(&document.text);
            self.raw(",\n    ),\n");
        }

        fn entity(&mut self, entity: &Entity) {
            self.raw("    (\n      name: ");
            self.string(&entity.name);
            self.raw(",\n      kind: ");
            self.raw(entity.kind.name());
            self.raw(",\n      aliases: [");
            for (index, alias) in entity.aliases.iter().enumerate() {
                if index > 0 {
                    self.raw(", ");
                }
                self.string(alias);
            }
            self.raw("],\n      mentions: [");
            for (index, mention) in entity.mentions.iter().enumerate() {
                if index > 0 {
                    self.raw(", ");
                }
                self.raw("(document: ");
                self.number(u64::from(mention.document));
                self.raw(", span: ");
                self.span(mention.span);
                self.raw(")");
            }
            self.raw("],\n    ),\n");
        }

        fn period(&mut self, period: Period) {
            self.raw("(");
            if let Some(from) = period.from {
                self.raw("from: Some(");
                self.signed(from);
                self.raw(")");
            }
            if let Some(to) = period.to {
                if period.from.is_some() {
                    self.raw(", ");
                }
                self.raw("to: Some(");
                self.signed(to);
                self.raw(")");
            }
            self.raw(")");
        }

        fn evidence(&mut self, evidence: &Evidence) {
            self.raw("(document: ");
            self.number(u64::from(evidence.document()));
            self.raw(", span: ");
            self.span(evidence.span());
            self.raw(", rule: ");
            self.string(evidence.rule());
            if let Some(period) = evidence.time() {
                self.raw(", time: Some(");
                self.period(period);
                self.raw(")");
            }
            self.raw(")");
        }

        fn relation(&mut self, record: &RelationRecordRef<'_>) {
            let relation = record.relation;
            self.raw("    (\n      source: ");
            self.number(record.source as u64);
            self.raw(",\n      target: ");
            self.number(record.target as u64);
            self.raw(",\n      relation: (predicate: ");
            self.string(relation.predicate());
            self.raw(", class: ");
            self.raw(relation.class.name());
            self.raw(", negated: ");
            self.boolean(relation.negated);
            self.raw(", hedged: ");
            self.boolean(relation.hedged);
            self.raw(", evidence: [");
            for (index, evidence) in relation.evidence().iter().enumerate() {
                if index > 0 {
                    self.raw(", ");
                }
                self.evidence(evidence);
            }
            self.raw("]),\n    ),\n");
        }
    }

    /// Renders `records` a buffer of `per_buffer` at a time, the buffers of a window in parallel, and
    /// writes them in order after `out` (which is written first). A window is written while the next
    /// one is rendered, so the writing is not a step of its own.
    fn write_records<T: Sync>(
        writer: &mut dyn Write,
        out: &mut Out,
        records: &[T],
        per_buffer: usize,
        render: fn(&mut Out, &T),
    ) -> std::io::Result<()> {
        use rayon::prelude::*;
        writer.write_all(&out.buffer)?;
        out.buffer.clear();
        let per_buffer = per_buffer.max(1);
        let render_window = move |window: &[T]| -> Vec<Out> {
            window
                .par_chunks(per_buffer)
                .map(|chunk| {
                    let mut buffer = Out::default();
                    for record in chunk {
                        render(&mut buffer, record);
                    }
                    buffer
                })
                .collect()
        };
        let window = per_buffer * BUFFERS_PER_THREAD * rayon::current_num_threads().max(1);
        let mut windows = records.chunks(window);
        let mut rendered = windows.next().map(render_window);
        while let Some(buffers) = rendered.take() {
            let next = windows.next();
            rayon::in_place_scope(|scope| {
                if let Some(next) = next {
                    let slot = &mut rendered;
                    scope.spawn(move |_| *slot = Some(render_window(next)));
                }
                buffers
                    .iter()
                    .try_for_each(|buffer| writer.write_all(&buffer.buffer))
            })?;
        }
        Ok(())
    }

    /// Writes `file` as pretty RON to `writer`.
    pub(super) fn write(file: &GraphFileRef<'_>, writer: &mut dyn Write) -> std::io::Result<()> {
        let mut out = Out::default();
        out.raw("(\n  format_version: ");
        out.number(u64::from(file.format_version));
        out.raw(",\n  documents: [");
        if !file.documents.is_empty() {
            out.raw("\n");
        }
        write_records(writer, &mut out, file.documents, 1, Out::document)?;
        out.raw(if file.documents.is_empty() {
            "],\n  entities: ["
        } else {
            "  ],\n  entities: ["
        });
        if !file.entities.is_empty() {
            out.raw("\n");
        }
        write_records(
            writer,
            &mut out,
            &file.entities,
            RECORDS_PER_BUFFER,
            |out, entity| out.entity(entity),
        )?;
        out.raw(if file.entities.is_empty() {
            "],\n  relations: ["
        } else {
            "  ],\n  relations: ["
        });
        if !file.relations.is_empty() {
            out.raw("\n");
        }
        write_records(
            writer,
            &mut out,
            &file.relations,
            RECORDS_PER_BUFFER,
            Out::relation,
        )?;
        out.raw(if file.relations.is_empty() {
            "],\n)"
        } else {
            "  ],\n)"
        });
        writer.write_all(&out.buffer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Entity, Evidence, Mention};
    use crate::model::{EntityKind, Period, RelationClass, Span};

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

    /// The bytes `ron` itself writes for a graph: what the hand-written RON must equal.
    fn ron_crate_text(graph: &KnowledgeGraph) -> Vec<u8> {
        let mut bytes = Vec::new();
        ron::Options::default()
            .to_io_writer_pretty(&mut bytes, &to_file(graph), ron_config())
            .unwrap();
        bytes
    }

    fn hand_written_text(graph: &KnowledgeGraph) -> Vec<u8> {
        let mut bytes = Vec::new();
        ron_text::write(&to_file(graph), &mut bytes).unwrap();
        bytes
    }

    /// Every kind of field: all kinds and classes, empty lists, periods open at either end or both,
    /// negative years, and strings that need escaping.
    fn varied_graph(strings: &[String]) -> KnowledgeGraph {
        use crate::model::{EntityKind, RelationClass};
        let string = |i: usize| {
            strings
                .get(i % strings.len().max(1))
                .cloned()
                .unwrap_or_default()
        };
        let mut graph = KnowledgeGraph::new();
        for i in 0..3 {
            graph.add_document(string(i), string(i + 1));
        }
        let ids: Vec<_> = EntityKind::ALL
            .iter()
            .enumerate()
            .map(|(i, &kind)| {
                graph.add_entity(Entity {
                    name: string(i + 2),
                    kind,
                    aliases: (0..i % 3).map(|j| string(i + j)).collect(),
                    mentions: (0..i % 3)
                        .map(|j| Mention {
                            document: j as u32,
                            span: Span::new(i * 7 + j, usize::MAX - j),
                        })
                        .collect(),
                })
            })
            .collect();
        let classes = RelationClass::ALL;
        let periods = [
            None,
            Some(Period {
                from: None,
                to: None,
            }),
            Some(Period {
                from: Some(-44),
                to: None,
            }),
            Some(Period {
                from: None,
                to: Some(2024),
            }),
            Some(Period {
                from: Some(i32::MIN),
                to: Some(i32::MAX),
            }),
        ];
        for (i, &class) in classes.iter().enumerate() {
            let evidence = (0..i % 4)
                .map(|j| {
                    Evidence::new(
                        u32::MAX - j as u32,
                        Span::new(j, i + j),
                        &string(i + j + 5),
                        periods[(i + j) % periods.len()],
                    )
                })
                .collect::<Vec<_>>();
            graph.push_relation(
                ids[i % ids.len()],
                ids[(i * 3 + 1) % ids.len()],
                Relation::new(&string(i + 4), class, evidence)
                    .with_negated(i % 2 == 0)
                    .with_hedged(i % 3 == 0),
            );
        }
        graph
    }

    #[test]
    fn hand_written_ron_is_what_ron_writes() {
        let tricky: Vec<String> = [
            "",
            "plain words",
            "quotes \" and ' and \\ and r#\"raw\"#",
            "tab\tnew line\ncarriage\rnul\0bell\u{7}del\u{7f}",
            "Iraq’s “quoted” \u{a0}non-breaking\u{2028}line\u{200b}zero\u{200f}rtl",
            "\u{301}combining first, e\u{301} then, \u{1F600} emoji, \u{FEFF} bom, \u{E000} private",
            "中文 العربية Ελληνικά \u{10FFFF}\u{D7FF}",
            "##\"#",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let graphs = [
            KnowledgeGraph::new(),
            sample(),
            timed_sample(),
            varied_graph(&tricky),
            varied_graph(&tricky[3..]),
        ];
        for graph in &graphs {
            let expected = ron_crate_text(graph);
            assert_eq!(
                String::from_utf8_lossy(&hand_written_text(graph)),
                String::from_utf8_lossy(&expected)
            );
        }
        // Only documents, only entities.
        let mut documents_only = KnowledgeGraph::new();
        documents_only.add_document("a".into(), "b".into());
        let mut entities_only = KnowledgeGraph::new();
        entities_only.add_entity(Entity {
            name: "X".into(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            mentions: Vec::new(),
        });
        for graph in [documents_only, entities_only] {
            assert_eq!(hand_written_text(&graph), ron_crate_text(&graph));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn hand_written_ron_escapes_any_string_as_ron_does(
            strings in proptest::collection::vec(proptest::prelude::any::<String>(), 1..6),
            mostly_plain in proptest::collection::vec("[ -~\t\n\u{7f}\u{80}é\"'\\\\]{0,40}", 1..6),
        ) {
            for strings in [&strings, &mostly_plain] {
                let graph = varied_graph(strings);
                proptest::prop_assert_eq!(hand_written_text(&graph), ron_crate_text(&graph));
            }
        }
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
            let bytes = encode_binary(&GraphFileRef {
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
