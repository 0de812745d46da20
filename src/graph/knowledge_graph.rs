//! `KnowledgeGraph`: the one type that owns petgraph's `StableGraph`, its name index and its documents.
//! Nothing else in kgraph touches petgraph.

use super::walk_direction::WalkDirection;
use super::{Entity, Evidence, Relation, StoredDocument};
use crate::model::{RelationClass, name_key};
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeIndexable, EdgeRef, NodeIndexable};
use std::collections::HashMap;

/// A stable handle to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub(super) NodeIndex);

impl EntityId {
    /// The numeric id, stable while the graph is not reloaded.
    pub fn index(self) -> usize {
        self.0.index()
    }
}

/// A stable handle to a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(pub(super) EdgeIndex);

/// A relation seen from the graph: its endpoints and its data.
#[derive(Debug, Clone, Copy)]
pub struct RelationRef<'a> {
    pub id: RelationId,
    pub source: EntityId,
    pub target: EntityId,
    pub relation: &'a Relation,
}

/// The knowledge graph: entities as nodes, relations as directed edges (several between a pair allowed),
/// the documents they come from, and an index from every name and alias to its entity.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, Relation>,
    /// FxHash: indexing the names of a large graph with SipHash was a good part of building it.
    names: HashMap<String, Vec<NodeIndex>, rustc_hash::FxBuildHasher>,
    documents: Vec<StoredDocument>,
    /// When the graph is a part of a sharded build read with the corpus's names (`kg build --names`):
    /// the corpus whose names decided its entities, as [`corpus_part_label`] writes it.
    part_of_corpus: Option<String>,
}

/// The label of a corpus for [`KnowledgeGraph::part_of_corpus`]: the xxh3-64 hash (16 hex digits) of
/// its documents' names in corpus order, a `/`, and how many documents it has. Parts built with one
/// corpus's names have the same label.
pub fn corpus_part_label(corpus_names: &[&str]) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for name in corpus_names {
        hasher.update(name.as_bytes());
        hasher.update(&[0]);
    }
    format!("{:016x}/{}", hasher.digest(), corpus_names.len())
}

/// The keys an entity is found by: its name's and its aliases'.
fn entity_name_keys(entity: &Entity) -> Vec<String> {
    std::iter::once(&entity.name)
        .chain(entity.aliases.iter())
        .map(|n| name_key(n))
        .collect()
}

/// The hash a document's text is stored under: xxh3-64 in hex. The same text always gets the same hash,
/// so a document already in a graph can be recognised.
pub fn document_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

impl KnowledgeGraph {
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty graph with room for `entities` and `relations` without growing (for loading a file
    /// whose counts are known: growing by doubling would leave up to half of the edge storage unused).
    pub fn with_capacity(entities: usize, relations: usize) -> Self {
        KnowledgeGraph {
            graph: StableDiGraph::with_capacity(entities, relations),
            names: HashMap::with_capacity_and_hasher(entities, Default::default()),
            documents: Vec::new(),
            part_of_corpus: None,
        }
    }

    /// Adds a document and returns its index. The hash is computed here.
    pub fn add_document(&mut self, name: String, text: String) -> u32 {
        let hash = document_hash(&text);
        self.documents.push(StoredDocument { name, hash, text });
        u32::try_from(self.documents.len() - 1).unwrap_or(u32::MAX)
    }

    /// Adds documents (name and text) in order, hashing their texts on every thread.
    pub(super) fn add_documents(&mut self, documents: Vec<(String, String)>) {
        use rayon::prelude::*;
        let stored: Vec<StoredDocument> = documents
            .into_par_iter()
            .map(|(name, text)| StoredDocument {
                hash: document_hash(&text),
                name,
                text,
            })
            .collect();
        self.documents.extend(stored);
    }

    /// Adds a document exactly as stored (used when loading).
    pub(super) fn push_stored_document(&mut self, document: StoredDocument) {
        self.documents.push(document);
    }

    /// Takes the documents out, leaving none (for a merge that moves them into another graph).
    pub(super) fn take_documents(&mut self) -> Vec<StoredDocument> {
        std::mem::take(&mut self.documents)
    }

    /// The corpus this graph is a part of, when it was built with that corpus's names (see
    /// [`corpus_part_label`]): parts of one corpus are merged by entity key alone, as their entities
    /// were decided over the whole corpus.
    pub fn part_of_corpus(&self) -> Option<&str> {
        self.part_of_corpus.as_deref()
    }

    /// Marks the graph as a part of the corpus `label` (or as no part).
    pub fn set_part_of_corpus(&mut self, label: Option<String>) {
        self.part_of_corpus = label;
    }

    pub fn documents(&self) -> &[StoredDocument] {
        &self.documents
    }

    pub fn document(&self, index: u32) -> Option<&StoredDocument> {
        self.documents.get(index as usize)
    }

    /// The text of an evidence sentence, or `""` if the evidence does not fit its document.
    pub fn evidence_text(&self, evidence: &Evidence) -> &str {
        self.document(evidence.document())
            .map_or("", |d| evidence.span().slice(&d.text))
    }

    /// Adds an entity and indexes its name and aliases.
    pub fn add_entity(&mut self, entity: Entity) -> EntityId {
        let keys = entity_name_keys(&entity);
        self.add_entity_keyed(entity, keys)
    }

    /// Adds entities in order, as [`KnowledgeGraph::add_entity`] would one by one, with their name keys
    /// made on every thread.
    pub(super) fn add_entities(&mut self, entities: Vec<Entity>) -> Vec<EntityId> {
        use rayon::prelude::*;
        let keys: Vec<Vec<String>> = entities.par_iter().map(entity_name_keys).collect();
        // Room made once: growing the name index rehashes every key it holds.
        self.graph.reserve_nodes(entities.len());
        self.names.reserve(keys.iter().map(Vec::len).sum());
        entities
            .into_iter()
            .zip(keys)
            .map(|(entity, keys)| self.add_entity_keyed(entity, keys))
            .collect()
    }

    fn add_entity_keyed(&mut self, entity: Entity, keys: Vec<String>) -> EntityId {
        let node = self.graph.add_node(entity);
        for key in keys {
            let nodes = self.names.entry(key).or_default();
            if !nodes.contains(&node) {
                nodes.push(node);
            }
        }
        EntityId(node)
    }

    /// Adds a relation from `source` to `target`. A relation with the same predicate, class and flags
    /// already between them gains the new evidence instead of a second edge.
    pub fn add_relation(
        &mut self,
        source: EntityId,
        target: EntityId,
        relation: Relation,
    ) -> RelationId {
        let existing = self
            .graph
            .edges_connecting(source.0, target.0)
            .find(|e| {
                #[cfg(test)]
                super::relation::merge_work::add(1);
                e.weight().statement() == relation.statement()
            })
            .map(|e| e.id());
        if let Some(edge) = existing
            && let Some(stored) = self.graph.edge_weight_mut(edge)
        {
            stored.add_evidence(relation.evidence());
            return RelationId(edge);
        }
        RelationId(self.graph.add_edge(source.0, target.0, relation))
    }

    /// Adds to relation `id` the sentences of `evidence` it does not have yet, as
    /// [`KnowledgeGraph::add_relation`] does when it merges: for a caller in this stage that found
    /// the relation itself and gathered every sentence to add, so that they are sorted in once.
    pub(super) fn add_evidence(&mut self, id: RelationId, evidence: &[Evidence]) {
        if let Some(stored) = self.graph.edge_weight_mut(id.0) {
            stored.add_evidence(evidence);
        }
    }

    /// Makes room for `additional` more relations, so that pushing them does not grow the edge storage
    /// step by step.
    pub(super) fn reserve_relations(&mut self, additional: usize) {
        self.graph.reserve_edges(additional);
    }

    /// Adds a relation as a new edge without looking for an equal one to merge with: for callers in
    /// this stage that know there is none (loading a saved graph, building from an extraction, a
    /// merge), where the look-up would cost a walk over the source's edges per relation. Keeping the
    /// graph's one edge per [`crate::model::EdgeKey`] is then theirs to do.
    pub(super) fn push_relation(
        &mut self,
        source: EntityId,
        target: EntityId,
        relation: Relation,
    ) -> RelationId {
        RelationId(self.graph.add_edge(source.0, target.0, relation))
    }

    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.graph.node_weight(id.0)
    }

    pub fn relation(&self, id: RelationId) -> Option<RelationRef<'_>> {
        let (source, target) = self.graph.edge_endpoints(id.0)?;
        Some(RelationRef {
            id,
            source: EntityId(source),
            target: EntityId(target),
            relation: self.graph.edge_weight(id.0)?,
        })
    }

    /// Every entity, in id order.
    pub fn entities(&self) -> impl Iterator<Item = (EntityId, &Entity)> {
        self.graph
            .node_indices()
            .filter_map(|n| Some((EntityId(n), self.graph.node_weight(n)?)))
    }

    /// Every relation, in id order.
    pub fn relations(&self) -> impl Iterator<Item = RelationRef<'_>> {
        self.graph
            .edge_indices()
            .filter_map(|e| self.relation(RelationId(e)))
    }

    /// Relations touching an entity: [`WalkDirection::Outgoing`] those where it is the subject,
    /// [`WalkDirection::Incoming`] the object, [`WalkDirection::Both`] the outgoing ones and then the
    /// incoming ones (a relation from the entity to itself is listed twice).
    pub fn relations_of(
        &self,
        id: EntityId,
        direction: WalkDirection,
    ) -> impl Iterator<Item = RelationRef<'_>> {
        let directions: &[Direction] = match direction {
            WalkDirection::Outgoing => &[Direction::Outgoing],
            WalkDirection::Incoming => &[Direction::Incoming],
            WalkDirection::Both => &[Direction::Outgoing, Direction::Incoming],
        };
        directions
            .iter()
            .flat_map(move |&direction| self.graph.edges_directed(id.0, direction))
            .map(move |e| RelationRef {
                id: RelationId(e.id()),
                source: EntityId(e.source()),
                target: EntityId(e.target()),
                relation: e.weight(),
            })
    }

    /// One more than the largest entity index: the length of an array indexed by [`EntityId::index`].
    pub(super) fn entity_bound(&self) -> usize {
        NodeIndexable::node_bound(&self.graph)
    }

    /// One more than the largest relation index: relations are numbered below it.
    pub(super) fn relation_bound(&self) -> usize {
        EdgeIndexable::edge_bound(&self.graph)
    }

    /// The relation numbered `index`, if there is one.
    pub(super) fn relation_at(&self, index: usize) -> Option<RelationRef<'_>> {
        self.relation(RelationId(EdgeIndex::new(index)))
    }

    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Relations of each class.
    pub fn count_by_class(&self) -> Vec<(RelationClass, usize)> {
        RelationClass::ALL
            .into_iter()
            .map(|class| {
                (
                    class,
                    self.relations()
                        .filter(|r| r.relation.class == class)
                        .count(),
                )
            })
            .collect()
    }

    /// The entities a name or alias refers to, ignoring case: none, one, or several when it is ambiguous.
    pub fn find(&self, name: &str) -> Vec<EntityId> {
        self.names
            .get(&name_key(name))
            .map(|nodes| nodes.iter().map(|&n| EntityId(n)).collect())
            .unwrap_or_default()
    }

    /// Every indexed name and alias key (lower case), for suggestions and completion.
    pub fn name_keys(&self) -> impl Iterator<Item = &str> {
        self.names.keys().map(String::as_str)
    }

    /// The number of sentences of evidence, over all relations.
    pub fn evidence_count(&self) -> usize {
        self.relations().map(|r| r.relation.evidence().len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Span};

    fn entity(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            kind: EntityKind::Country,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        }
    }

    fn relation(predicate: &str, start: usize) -> Relation {
        Relation::new(
            predicate,
            RelationClass::Cooperation,
            [Evidence::new(0, Span::new(start, start + 1), "test", None)],
        )
    }

    #[test]
    fn finds_by_name_and_alias_ignoring_case() {
        let mut graph = KnowledgeGraph::new();
        let us = graph.add_entity(entity("United States", &["US", "America"]));
        let iraq = graph.add_entity(entity("Iraq", &[]));
        assert_eq!(graph.find("united states"), vec![us]);
        assert_eq!(graph.find("AMERICA"), vec![us]);
        assert_eq!(graph.find("Iraq"), vec![iraq]);
        assert!(graph.find("Iran").is_empty());
    }

    #[test]
    fn adding_documents_together_is_adding_them_one_by_one() {
        let documents = [
            ("a.txt", "Iran met Iraq."),
            ("b.txt", ""),
            ("a.txt", "Ὀδυσσεύς"),
        ];
        let mut one_by_one = KnowledgeGraph::new();
        for (name, text) in documents {
            one_by_one.add_document(name.into(), text.into());
        }
        let mut together = KnowledgeGraph::new();
        together.add_document("first.txt".into(), "Before.".into());
        together.add_documents(
            documents
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string()))
                .collect(),
        );
        assert_eq!(together.documents()[1..], one_by_one.documents()[..]);
    }

    #[test]
    fn adding_entities_together_is_adding_them_one_by_one() {
        let entities = || {
            vec![
                entity("United States", &["US", "America"]),
                entity("US Army", &["US"]),
                entity("America", &[]),
                entity("Ὀδυσσεύς", &["ΟΔΥΣΣΕΥΣ"]),
            ]
        };
        let mut one_by_one = KnowledgeGraph::new();
        let single: Vec<EntityId> = entities()
            .into_iter()
            .map(|e| one_by_one.add_entity(e))
            .collect();
        let mut together = KnowledgeGraph::new();
        assert_eq!(together.add_entities(entities()), single);
        for name in [
            "us",
            "america",
            "united states",
            "us army",
            "ὀδυσσεύς",
            "nobody",
        ] {
            assert_eq!(together.find(name), one_by_one.find(name), "{name}");
        }
        let mut keys: Vec<&str> = together.name_keys().collect();
        let mut expected: Vec<&str> = one_by_one.name_keys().collect();
        keys.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }

    #[test]
    fn same_relation_merges_evidence() {
        let mut graph = KnowledgeGraph::new();
        let a = graph.add_entity(entity("A", &[]));
        let b = graph.add_entity(entity("B", &[]));
        let first = graph.add_relation(a, b, relation("sign", 0));
        let second = graph.add_relation(a, b, relation("sign", 5));
        let other = graph.add_relation(a, b, relation("attack", 5));
        assert_eq!(first, second);
        assert_ne!(first, other);
        assert_eq!(graph.relation_count(), 2);
        assert_eq!(graph.evidence_count(), 3);
    }

    #[test]
    fn relations_of_follows_the_walk_direction() {
        use WalkDirection::{Both, Incoming, Outgoing};
        let mut graph = KnowledgeGraph::new();
        let a = graph.add_entity(entity("A", &[]));
        let b = graph.add_entity(entity("B", &[]));
        let c = graph.add_entity(entity("C", &[]));
        graph.add_relation(a, b, relation("back", 0));
        graph.add_relation(c, a, relation("fund", 0));
        graph.add_relation(a, a, relation("reform", 0));
        // (source, target) by entity index.
        let ends = |direction| -> Vec<(usize, usize)> {
            graph
                .relations_of(a, direction)
                .map(|r| (r.source.index(), r.target.index()))
                .collect()
        };
        let cases: [(WalkDirection, &[(usize, usize)]); 3] = [
            (Outgoing, &[(0, 0), (0, 1)]),
            (Incoming, &[(0, 0), (2, 0)]),
            // A relation of A to itself is both outgoing and incoming.
            (Both, &[(0, 0), (0, 0), (0, 1), (2, 0)]),
        ];
        for (direction, expected) in cases {
            let mut found = ends(direction);
            found.sort_unstable();
            assert_eq!(found, expected, "{direction:?}");
        }
        assert_eq!(ends(Both), [ends(Outgoing), ends(Incoming)].concat());
    }
}
