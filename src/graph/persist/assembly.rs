//! Building a graph from a graph file's records: the [`Assembler`] that adds documents, entities and
//! then relations one at a time, in file order, shared by RON and the binary snapshot (which feeds it
//! as it decodes). A file kg wrote holds each edge once; a record whose [`crate::model::EdgeKey`]
//! repeats an earlier one (a hand-edited file) is merged into it.

use super::error::PersistError;
use super::format::{FORMAT_VERSION, GraphRecords, RelationRecordIn};
use crate::graph::knowledge_graph::{EntityId, KnowledgeGraph};
use crate::graph::{Entity, StoredDocument};
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
pub(super) struct Assembler<'a> {
    graph: KnowledgeGraph,
    /// The graph's id of each of the file's entities.
    ids: Vec<EntityId>,
    /// The file's index of the next relation, for messages.
    next: usize,
    path: &'a Path,
}

impl<'a> Assembler<'a> {
    /// A graph of `documents` and `entities`, with room for `relations` relations.
    pub(super) fn new(
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
    pub(super) fn add<R: RelationRecordIn>(
        &mut self,
        record: R,
        repeat: bool,
    ) -> Result<(), PersistError> {
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

    pub(super) fn finish(self) -> KnowledgeGraph {
        self.graph
    }
}
