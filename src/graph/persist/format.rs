//! The graph file's format: its version, the [`GraphFormat`] an extension chooses, and the records a
//! file holds (documents, entities, then relations by entity position), as RON and the binary snapshot
//! read and write them.
//!
//! Both formats hold the same records in the same order, so the same graph always gives the same bytes.
//! A relation read from either format answers for its [`EdgeKey`], by which loading finds repeated
//! records.

use super::super::evidence::EvidenceError;
use super::super::evidence_list::EvidenceList;
use super::super::knowledge_graph::{EntityId, KnowledgeGraph};
use crate::graph::{Entity, Evidence, Relation, StoredDocument};
use crate::model::{EdgeKey, Period, RelationClass, Span, Statement, Symbol};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The format version this build writes and the newest it reads.
///
/// Version 2 added each entity's kind votes and a part's corpus (`part_of_corpus`); files of version 1
/// still load, with no votes.
pub const FORMAT_VERSION: u32 = 2;

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
    #[serde(default)]
    pub(super) part_of_corpus: Option<String>,
    pub(super) documents: Vec<StoredDocument>,
    pub(super) entities: Vec<Entity>,
    pub(super) relations: Vec<R>,
}

/// A graph file as read.
pub(super) type GraphFile = GraphRecords<RelationRecord>;

#[derive(Deserialize)]
pub(super) struct RelationRecord {
    pub(super) source: usize,
    pub(super) target: usize,
    pub(super) relation: Relation,
}

/// A graph file as written: the same fields as [`GraphFile`], borrowed from the graph rather than copied.
#[derive(Serialize)]
pub(super) struct GraphFileRef<'a> {
    pub(super) format_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) part_of_corpus: Option<&'a str>,
    pub(super) documents: &'a [StoredDocument],
    pub(super) entities: Vec<&'a Entity>,
    pub(super) relations: Vec<RelationRecordRef<'a>>,
}

#[derive(Clone, Serialize)]
pub(super) struct RelationRecordRef<'a> {
    pub(super) source: usize,
    pub(super) target: usize,
    pub(super) relation: &'a Relation,
}

/// The binary snapshot's records. Postcard writes fields by position, not by name, so a field the model
/// skips when it has no value (`#[serde(skip_serializing_if)]`, as `Evidence::time` does to keep RON
/// short) would shift every field after it; these records write every field, always. Documents and
/// entities have no such field and are written as they are. The writing side maps the graph's records
/// as it goes rather than copying them (`MappedSeq`), so a snapshot costs little memory beyond its bytes;
/// the reading side owns what it decodes.
#[derive(Serialize)]
pub(super) struct BinaryGraphOut<'a, R> {
    pub(super) format_version: u32,
    pub(super) part_of_corpus: Option<&'a str>,
    pub(super) documents: &'a [StoredDocument],
    pub(super) entities: &'a [&'a Entity],
    pub(super) relations: R,
}

#[derive(Serialize)]
pub(super) struct BinaryRelationOut<E> {
    pub(super) source: usize,
    pub(super) target: usize,
    pub(super) predicate: Symbol,
    pub(super) class: RelationClass,
    pub(super) negated: bool,
    pub(super) hedged: bool,
    pub(super) evidence: E,
}

#[derive(Serialize)]
pub(super) struct BinaryEvidenceOut {
    pub(super) document: u32,
    pub(super) span: Span,
    pub(super) rule: Symbol,
    /// `Period`'s `from` and `to`.
    pub(super) time: Option<(Option<i32>, Option<i32>)>,
}

#[derive(Deserialize)]
pub(super) struct BinaryRelationIn {
    pub(super) source: usize,
    pub(super) target: usize,
    pub(super) predicate: Symbol,
    pub(super) class: RelationClass,
    pub(super) negated: bool,
    pub(super) hedged: bool,
    #[serde(deserialize_with = "EvidenceList::deserialize_from::<_, BinaryEvidenceIn>")]
    pub(super) evidence: EvidenceList,
}

#[derive(Deserialize)]
pub(super) struct BinaryEvidenceIn {
    pub(super) document: u32,
    pub(super) span: Span,
    pub(super) rule: Symbol,
    pub(super) time: Option<(Option<i32>, Option<i32>)>,
}

impl TryFrom<BinaryEvidenceIn> for Evidence {
    type Error = EvidenceError;

    fn try_from(e: BinaryEvidenceIn) -> Result<Evidence, EvidenceError> {
        let time = e.time.map(|(from, to)| Period { from, to });
        Evidence::try_new(e.document, e.span, e.rule, time)
    }
}

/// An entity as a binary snapshot of format version 1 holds it: without kind votes.
#[derive(Deserialize)]
pub(super) struct BinaryEntityV1 {
    pub(super) name: String,
    pub(super) kind: crate::model::EntityKind,
    pub(super) aliases: Vec<String>,
    pub(super) mentions: Vec<crate::graph::Mention>,
}

impl From<BinaryEntityV1> for Entity {
    fn from(entity: BinaryEntityV1) -> Entity {
        Entity {
            name: entity.name,
            kind: entity.kind,
            kind_votes: Vec::new(),
            aliases: entity.aliases,
            mentions: entity.mentions,
        }
    }
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

pub(super) fn to_file(graph: &KnowledgeGraph) -> GraphFileRef<'_> {
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
        part_of_corpus: graph.part_of_corpus(),
        documents: graph.documents(),
        entities,
        relations,
    }
}
