//! The graph as a binary snapshot: its records encoded behind the [`snapshot`](super::snapshot)
//! header, and read back into a graph as they are decoded.

use super::assembly::{Assembler, assemble, interrupted};
use super::checked_records::{CheckedSeq, RecordsSeed};
use super::error::PersistError;
use super::format::{
    BinaryEntityV1, BinaryEvidenceOut, BinaryGraphOut, BinaryRelationIn, BinaryRelationOut,
    GraphFileRef, GraphRecords, RelationRecordIn, RelationRecordRef,
};
use super::snapshot;
use crate::graph::knowledge_graph::KnowledgeGraph;
use crate::graph::{Entity, Evidence, StoredDocument};
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

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
pub(super) fn encode(file: &GraphFileRef<'_>) -> Result<Vec<u8>, postcard::Error> {
    snapshot::encode(
        &BinaryGraphOut {
            format_version: file.format_version,
            part_of_corpus: file.part_of_corpus,
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

/// Reads a binary snapshot into a graph as it is decoded: each relation joins the graph as soon as it
/// is read, and the file is read through a window, so loading holds the graph and little else (the
/// file's bytes and its records, held whole, took half as much again as the graph). Once `cancel` is
/// set, the load stops at the next batch of records with [`PersistError::Interrupted`].
pub(super) fn load(path: &Path, cancel: &AtomicBool) -> Result<KnowledgeGraph, PersistError> {
    let failure = std::cell::RefCell::new(None);
    let repeats = std::cell::Cell::new(false);
    let read = snapshot::decode_file(path, |body_length| BinaryGraphSeed {
        path,
        failure: &failure,
        repeats: &repeats,
        cancel,
        // Every relation takes at least this many bytes of the body: its endpoints, predicate,
        // class, flags and evidence count take one or more each.
        most_relations: usize::try_from(body_length / 7).unwrap_or(usize::MAX),
    });
    let graph = read.map_err(|error| match (error, failure.into_inner()) {
        (snapshot::ReadFailure::Body(_), Some(assembling)) => assembling,
        (snapshot::ReadFailure::Body(_), None) if cancel.load(Ordering::Relaxed) => {
            PersistError::Interrupted {
                path: path.to_path_buf(),
            }
        }
        (error, _) => error.into_error(path),
    })?;
    if !repeats.get() {
        return Ok(graph);
    }
    // Two relations may be one (a hand-edited or hand-made file): read it again with every record
    // held, so that each relation that repeats an earlier one is merged into it.
    drop(graph);
    let file: GraphRecords<BinaryRelationIn> =
        snapshot::decode_file(path, |_| RecordsSeed::new(cancel)).map_err(
            |error| match interrupted(cancel, path) {
                Err(interrupted) => interrupted,
                Ok(()) => error.into_error(path),
            },
        )?;
    assemble(file, path, cancel)
}

/// The body of a binary snapshot, read into a graph: the version, the documents and the entities as
/// they are, then each relation into the graph as it is read ([`BinaryRelationsSeed`]). Errors that
/// are the file's content rather than its encoding (a relation pointing at no entity) are put in
/// `failure`, where the caller finds them.
#[derive(Clone, Copy)]
struct BinaryGraphSeed<'a> {
    path: &'a Path,
    failure: &'a std::cell::RefCell<Option<PersistError>>,
    /// Set when two relations may be one, which the graph read does not merge.
    repeats: &'a std::cell::Cell<bool>,
    /// Set by Ctrl-C: the load stops.
    cancel: &'a AtomicBool,
    most_relations: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for BinaryGraphSeed<'_> {
    type Value = KnowledgeGraph;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<KnowledgeGraph, D::Error> {
        const FIELDS: &[&str] = &[
            "format_version",
            "part_of_corpus",
            "documents",
            "entities",
            "relations",
        ];
        deserializer.deserialize_struct("BinaryGraphOut", FIELDS, self)
    }
}

impl<'de> serde::de::Visitor<'de> for BinaryGraphSeed<'_> {
    type Value = KnowledgeGraph;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a graph's version, documents, entities and relations")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<KnowledgeGraph, A::Error> {
        use serde::de::Error;
        let format_version: u32 = seq
            .next_element()?
            .ok_or_else(|| A::Error::invalid_length(0, &self))?;
        // Version 1 has no part's corpus and no kind votes.
        let part_of_corpus: Option<String> = if format_version >= 2 {
            seq.next_element()?
                .ok_or_else(|| A::Error::invalid_length(1, &self))?
        } else {
            None
        };
        let documents: Vec<StoredDocument> = seq
            .next_element_seed(CheckedSeq::new(self.cancel))?
            .ok_or_else(|| A::Error::invalid_length(2, &self))?;
        let entities: Vec<Entity> = if format_version >= 2 {
            seq.next_element_seed(CheckedSeq::new(self.cancel))?
                .ok_or_else(|| A::Error::invalid_length(3, &self))?
        } else {
            let old: Vec<BinaryEntityV1> = seq
                .next_element_seed(CheckedSeq::new(self.cancel))?
                .ok_or_else(|| A::Error::invalid_length(3, &self))?;
            old.into_iter().map(Entity::from).collect()
        };
        seq.next_element_seed(BinaryRelationsSeed {
            format_version,
            part_of_corpus,
            documents,
            entities,
            graph: self,
        })?
        .ok_or_else(|| A::Error::invalid_length(3, &self))
    }
}

/// How many relations are decoded before they are added to the graph.
const BATCH: usize = 4096;

/// A snapshot's relations, each added to the graph of the documents and entities read before them.
struct BinaryRelationsSeed<'a> {
    format_version: u32,
    part_of_corpus: Option<String>,
    documents: Vec<StoredDocument>,
    entities: Vec<Entity>,
    graph: BinaryGraphSeed<'a>,
}

impl<'de> serde::de::DeserializeSeed<'de> for BinaryRelationsSeed<'_> {
    type Value = KnowledgeGraph;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<KnowledgeGraph, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for BinaryRelationsSeed<'_> {
    type Value = KnowledgeGraph;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a graph's relations")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<KnowledgeGraph, A::Error> {
        use serde::de::Error;
        let BinaryGraphSeed {
            path,
            failure,
            repeats,
            cancel,
            most_relations,
        } = self.graph;
        let fail = |error: PersistError| {
            let message = error.to_string();
            *failure.borrow_mut() = Some(error);
            A::Error::custom(message)
        };
        let relations = seq.size_hint().unwrap_or(0).min(most_relations);
        let mut assembler = Assembler::new(
            self.format_version,
            self.part_of_corpus,
            self.documents,
            self.entities,
            relations,
            path,
        )
        .map_err(fail)?;
        // Each relation becomes a new edge; whether two were one is found afterwards, from their
        // keys' hashes sorted. (A set of the hashes, filled as the edges were made, cost three times
        // as much: the set and the graph took turns in the cache.)
        let mut hashes: Vec<u64> = Vec::with_capacity(relations);
        // The relations are added a batch at a time: adding edges one by one between decoding
        // records made adding them a third slower (the decoder and the graph took turns in the cache).
        let mut batch: Vec<BinaryRelationIn> = Vec::with_capacity(BATCH.min(relations));
        let mut add_batch = |batch: &mut Vec<BinaryRelationIn>| {
            batch
                .drain(..)
                .try_for_each(|record| assembler.add(record, false))
                .map_err(fail)
        };
        while let Some(record) = seq.next_element::<BinaryRelationIn>()? {
            hashes.push(record.key_hash());
            batch.push(record);
            if batch.len() == BATCH {
                interrupted(cancel, path).map_err(fail)?;
                add_batch(&mut batch)?;
            }
        }
        add_batch(&mut batch)?;
        hashes.sort_unstable();
        repeats.set(hashes.windows(2).any(|pair| pair[0] == pair[1]));
        Ok(assembler.finish())
    }
}
