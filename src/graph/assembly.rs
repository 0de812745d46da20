//! Building a graph from a graph file's records: the [`Assembler`] that adds documents, entities and
//! then relations one at a time (shared by RON and the binary snapshot), and the seeds that read a
//! snapshot's body straight into it as it is decoded, so that loading a large graph holds the graph and
//! little else.

use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::model::{Entity, StoredDocument};
use super::persist::{
    BinaryRelationIn, FORMAT_VERSION, GraphRecords, PersistError, RelationRecordIn,
};
use super::snapshot;
use std::path::Path;

/// Builds the graph a file describes.
pub(super) fn assemble<R: RelationRecordIn>(
    file: GraphRecords<R>,
    path: &Path,
) -> Result<KnowledgeGraph, PersistError> {
    let GraphRecords {
        format_version,
        documents,
        entities,
        relations,
    } = file;
    let mut assembler = Assembler::new(format_version, documents, entities, relations.len(), path)?;
    // Only the keys' hashes are kept, a fifth of the keys' memory, and only until the relations are
    // added: a relation whose hash was seen before goes through `add_relation`, which merges it only
    // if it truly repeats one.
    let mut seen: std::collections::HashSet<u64, rustc_hash::FxBuildHasher> =
        std::collections::HashSet::with_capacity_and_hasher(relations.len(), Default::default());
    let repeats: Vec<bool> = relations
        .iter()
        .map(|record| !seen.insert(record.key_hash()))
        .collect();
    drop(seen);
    for (record, repeat) in relations.into_iter().zip(repeats) {
        assembler.add(record, repeat)?;
    }
    Ok(assembler.finish())
}

/// A graph being built from a file's records: its documents and entities first, then its relations
/// one at a time, in file order.
struct Assembler<'a> {
    graph: KnowledgeGraph,
    /// The graph's id of each of the file's entities.
    ids: Vec<EntityId>,
    /// The file's index of the next relation, for messages.
    next: usize,
    path: &'a Path,
}

impl<'a> Assembler<'a> {
    /// A graph of `documents` and `entities`, with room for `relations` relations.
    fn new(
        format_version: u32,
        documents: Vec<StoredDocument>,
        entities: Vec<Entity>,
        relations: usize,
        path: &'a Path,
    ) -> Result<Assembler<'a>, PersistError> {
        if format_version > FORMAT_VERSION {
            return Err(PersistError::NewerVersion {
                path: path.to_path_buf(),
                found: format_version,
            });
        }
        let mut graph = KnowledgeGraph::with_capacity(entities.len(), relations);
        for document in documents {
            graph.push_stored_document(document);
        }
        let ids = graph.add_entities(entities);
        Ok(Assembler {
            graph,
            ids,
            next: 0,
            path,
        })
    }

    /// Adds the next relation. A file kg wrote has no two relations that `add_relation` would merge,
    /// so each can be a new edge without the search for an equal one; one that may `repeat` an earlier
    /// one (a hand-edited file) still merges.
    fn add<R: RelationRecordIn>(&mut self, record: R, repeat: bool) -> Result<(), PersistError> {
        let index = self.next;
        self.next += 1;
        let (source, target, relation) = record.into_parts();
        let endpoint = |entity: usize| {
            self.ids
                .get(entity)
                .copied()
                .ok_or_else(|| PersistError::DanglingRelation {
                    path: self.path.to_path_buf(),
                    index,
                    entity,
                })
        };
        let (source, target) = (endpoint(source)?, endpoint(target)?);
        if repeat {
            self.graph.add_relation(source, target, relation);
        } else {
            self.graph.push_relation(source, target, relation);
        }
        Ok(())
    }

    fn finish(self) -> KnowledgeGraph {
        self.graph
    }
}

/// Reads a binary snapshot into a graph as it is decoded: each relation joins the graph as soon as it
/// is read, and the file is read through a window, so loading holds the graph and little else (the
/// file's bytes and its records, held whole, took half as much again as the graph).
pub(super) fn load_binary(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let failure = std::cell::RefCell::new(None);
    let repeats = std::cell::Cell::new(false);
    let read = snapshot::decode_file(path, |body_length| BinaryGraphSeed {
        path,
        failure: &failure,
        repeats: &repeats,
        // Every relation takes at least this many bytes of the body: its endpoints, predicate,
        // class, flags and evidence count take one or more each.
        most_relations: usize::try_from(body_length / 7).unwrap_or(usize::MAX),
    });
    let graph = read.map_err(|error| match (error, failure.into_inner()) {
        (snapshot::ReadFailure::Body(_), Some(assembling)) => assembling,
        (error, _) => error.into_error(path),
    })?;
    if !repeats.get() {
        return Ok(graph);
    }
    // Two relations may be one (a hand-edited or hand-made file): read it again with every record
    // held, so that each relation that repeats an earlier one is merged into it.
    drop(graph);
    let file: GraphRecords<BinaryRelationIn> =
        snapshot::decode_file(path, |_| std::marker::PhantomData)
            .map_err(|error| error.into_error(path))?;
    assemble(file, path)
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
    most_relations: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for BinaryGraphSeed<'_> {
    type Value = KnowledgeGraph;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<KnowledgeGraph, D::Error> {
        const FIELDS: &[&str] = &["format_version", "documents", "entities", "relations"];
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
        let documents: Vec<StoredDocument> = seq
            .next_element()?
            .ok_or_else(|| A::Error::invalid_length(1, &self))?;
        let entities: Vec<Entity> = seq
            .next_element()?
            .ok_or_else(|| A::Error::invalid_length(2, &self))?;
        seq.next_element_seed(BinaryRelationsSeed {
            format_version,
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
                add_batch(&mut batch)?;
            }
        }
        add_batch(&mut batch)?;
        hashes.sort_unstable();
        repeats.set(hashes.windows(2).any(|pair| pair[0] == pair[1]));
        Ok(assembler.finish())
    }
}
