//! Building a graph from a graph file's records: the [`Assembler`] that adds documents, entities and
//! then relations one at a time, in file order, shared by RON and the binary snapshot (which feeds it
//! as it decodes). A file kg wrote holds each edge once; a record whose [`EdgeKey`] repeats an earlier
//! one (a hand-edited file) is merged into it.
//!
//! Merging is linear in the records: an edge whose key repeats is found again by its key, not by a
//! walk over the edges between its ends, and the evidence of its repeats is gathered and sorted into
//! it once, at the end (a file stating one relation 100,000 times took 28 s to load when each repeat
//! sorted the edge's evidence again).

use super::checked_records::CHECK_EVERY;
use super::error::PersistError;
use super::format::{FORMAT_VERSION, GraphRecords, RelationRecordIn};
use crate::graph::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use crate::graph::{Entity, Evidence, StoredDocument};
use crate::model::EdgeKey;
use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Builds the graph a file describes; [`PersistError::Interrupted`] once `cancel` is set.
pub(super) fn assemble<R: RelationRecordIn>(
    file: GraphRecords<R>,
    path: &Path,
    cancel: &AtomicBool,
) -> Result<KnowledgeGraph, PersistError> {
    let GraphRecords {
        format_version,
        part_of_corpus,
        documents,
        entities,
        relations,
    } = file;
    let mut assembler = Assembler::new(
        format_version,
        part_of_corpus,
        documents,
        entities,
        relations.len(),
        path,
    )?;
    let repeated = repeated_key_hashes(&relations);
    for (index, record) in relations.into_iter().enumerate() {
        if index % CHECK_EVERY == 0 {
            interrupted(cancel, path)?;
        }
        let repeat = !repeated.is_empty() && repeated.contains(&record.key_hash());
        assembler.add(record, repeat)?;
    }
    Ok(assembler.finish())
}

/// [`PersistError::Interrupted`] once `cancel` is set.
pub(super) fn interrupted(cancel: &AtomicBool, path: &Path) -> Result<(), PersistError> {
    if cancel.load(Ordering::Relaxed) {
        return Err(PersistError::Interrupted {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// The hashes of the keys more than one record has. Only hashes are kept, a fifth of the keys'
/// memory, and only while they are counted: a record with one of these hashes may repeat another,
/// which its key then tells.
fn repeated_key_hashes<R: RelationRecordIn>(relations: &[R]) -> HashSet<u64, FxBuildHasher> {
    let mut seen: HashSet<u64, FxBuildHasher> =
        HashSet::with_capacity_and_hasher(relations.len(), FxBuildHasher);
    let mut repeated = HashSet::default();
    for record in relations {
        let hash = record.key_hash();
        if !seen.insert(hash) {
            repeated.insert(hash);
        }
    }
    repeated
}

/// An edge whose key may repeat, and the evidence its repeats bring, added when the file is read.
struct Repeated {
    edge: RelationId,
    /// `None` until a record repeats the key (two keys may share a hash and each be said once).
    evidence: Option<Vec<Evidence>>,
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
    /// The edges of keys that may repeat, by key.
    repeated: HashMap<EdgeKey, Repeated, FxBuildHasher>,
}

impl<'a> Assembler<'a> {
    /// A graph of `documents` and `entities`, with room for `relations` relations.
    pub(super) fn new(
        format_version: u32,
        part_of_corpus: Option<String>,
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
        graph.set_part_of_corpus(part_of_corpus);
        for document in documents {
            graph.push_stored_document(document);
        }
        let ids = graph.add_entities(entities);
        Ok(Assembler {
            graph,
            ids,
            next: 0,
            path,
            repeated: HashMap::default(),
        })
    }

    /// Adds the next relation. A file kg wrote has no two relations that `add_relation` would merge,
    /// so each can be a new edge without the search for an equal one; one that may `repeat` an earlier
    /// one (a hand-edited file) is looked up by its key, and merged if it does.
    pub(super) fn add<R: RelationRecordIn>(
        &mut self,
        record: R,
        repeat: bool,
    ) -> Result<(), PersistError> {
        let index = self.next;
        self.next += 1;
        let key = repeat.then(|| record.key());
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
        let Some(key) = key else {
            self.graph.push_relation(source, target, relation);
            return Ok(());
        };
        match self.repeated.entry(key) {
            std::collections::hash_map::Entry::Occupied(mut first) => first
                .get_mut()
                .evidence
                .get_or_insert_default()
                .extend_from_slice(relation.evidence()),
            std::collections::hash_map::Entry::Vacant(vacant) => {
                let edge = self.graph.push_relation(source, target, relation);
                vacant.insert(Repeated {
                    edge,
                    evidence: None,
                });
            }
        }
        Ok(())
    }

    /// The graph, with the evidence of every repeated relation merged into its first.
    pub(super) fn finish(mut self) -> KnowledgeGraph {
        for repeated in self.repeated.into_values() {
            if let Some(evidence) = repeated.evidence {
                self.graph.add_evidence(repeated.edge, &evidence);
            }
        }
        self.graph
    }
}

#[cfg(test)]
mod tests {
    use super::super::format::RelationRecord;
    use super::*;
    use crate::graph::Relation;
    use crate::graph::relation::merge_work;
    use crate::model::{EntityKind, RelationClass, Span};

    /// A file of two entities and `records`, each (predicate, sentence start), all from the first
    /// entity to the second.
    fn file(records: impl Iterator<Item = (String, usize)>) -> GraphRecords<RelationRecord> {
        let entity = |name: &str| Entity {
            name: name.into(),
            kind: EntityKind::Country,
            aliases: Vec::new(),
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        };
        let relations = records
            .map(|(predicate, start)| RelationRecord {
                source: 0,
                target: 1,
                relation: Relation::new(
                    &predicate,
                    RelationClass::Cooperation,
                    [Evidence::new(0, Span::new(start, start + 1), "verb", None)],
                ),
            })
            .collect();
        GraphRecords {
            format_version: FORMAT_VERSION,
            part_of_corpus: None,
            documents: Vec::new(),
            entities: vec![entity("Iran"), entity("Iraq")],
            relations,
        }
    }

    /// Repeated relations merge with work in proportion to the records: each repeat once sorted the
    /// edge's evidence again, and was found by a walk over every edge between its two entities.
    #[test]
    fn merging_repeated_relations_is_linear() {
        const RECORDS: usize = 5_000;
        let one_stated_often = (0..RECORDS).map(|i| ("meet".to_string(), i));
        let many_stated_twice = (0..RECORDS).map(|i| (format!("meet {}", i / 2), i % 2));
        // (records, relations, sentences of evidence)
        let cases: [(GraphRecords<RelationRecord>, usize, usize); 2] = [
            (file(one_stated_often), 1, RECORDS),
            (file(many_stated_twice), RECORDS / 2, RECORDS),
        ];
        for (records, relations, evidence) in cases {
            merge_work::take();
            let graph = assemble(records, Path::new("g.ron"), &AtomicBool::new(false)).unwrap();
            let work = merge_work::take();
            assert_eq!(graph.relation_count(), relations);
            assert_eq!(graph.evidence_count(), evidence);
            assert!(work <= 4 * RECORDS, "{work} steps for {RECORDS} records");
        }
    }

    #[test]
    fn merged_evidence_is_sorted_without_copies() {
        let records = [
            ("meet", 9),
            ("meet", 3),
            ("meet", 9),
            ("back", 1),
            ("meet", 5),
        ];
        let graph = assemble(
            file(records.iter().map(|&(p, s)| (p.to_string(), s))),
            Path::new("g.ron"),
            &AtomicBool::new(false),
        )
        .unwrap();
        let starts: Vec<(&str, Vec<usize>)> = graph
            .relations()
            .map(|r| {
                let starts = r.relation.evidence().iter().map(|e| e.span().start);
                (r.relation.predicate(), starts.collect())
            })
            .collect();
        assert_eq!(starts, [("meet", vec![3, 5, 9]), ("back", vec![1])]);
    }
}
