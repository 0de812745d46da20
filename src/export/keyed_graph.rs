//! `KeyedGraph`: the graph as the interchange formats see it, every entity and relation named by a
//! stable key instead of an in-memory index.
//!
//! GraphML, the Neo4j import CSV, N-Triples and Cytoscape.js JSON all name their nodes with
//! [`entity_key()`] and their edges with [`relation_key`], so the same entity has the same id in
//! every format and in every export of a bigger corpus. Building the view once here keeps the four
//! writers from each deciding, slightly differently, which edges to keep and what to call them.
//!
//! Two entities of the same kind and normalised name would get the same key. The graph keeps them
//! apart (alias resolution decided they are different), so the export must too: the second such
//! entity, in entity order, gets `KEY-2`, the third `KEY-3`. Keys are hex, so a suffixed key never
//! equals another entity's plain key.

use super::ExportOptions;
use crate::graph::{Entity, EntityId, KnowledgeGraph, Relation};
use crate::model::entity_key;
use std::collections::{BTreeSet, HashMap};

/// An entity with its key.
#[derive(Debug, Clone)]
pub(crate) struct KeyedEntity<'a> {
    pub key: String,
    pub entity: &'a Entity,
}

/// A relation with its key and the keys of its endpoints.
#[derive(Debug, Clone)]
pub(crate) struct KeyedRelation<'a> {
    pub key: String,
    /// The key of the subject.
    pub source: String,
    /// The key of the object.
    pub target: String,
    pub relation: &'a Relation,
    /// The first evidence sentence, or `""` when there is none.
    pub sentence: &'a str,
}

/// The entities in entity order and the relations the options keep, in relation order.
#[derive(Debug, Clone)]
pub(crate) struct KeyedGraph<'a> {
    pub entities: Vec<KeyedEntity<'a>>,
    pub relations: Vec<KeyedRelation<'a>>,
}

impl<'a> KeyedGraph<'a> {
    /// Builds the view: keys every entity and every relation that `options` keep (co-mentions only
    /// when `options.include_comentions`).
    ///
    /// # Errors
    /// Only when a relation refers to an entity the graph does not hold, which the graph never
    /// allows: a bug, reported as an I/O error so the writers can pass it on.
    pub fn new(graph: &'a KnowledgeGraph, options: &ExportOptions) -> std::io::Result<Self> {
        let mut keys: HashMap<EntityId, String> = HashMap::new();
        let mut seen = HashMap::new();
        let mut entities = Vec::with_capacity(graph.entity_count());
        for (id, entity) in graph.entities() {
            let key = unique(entity_key(&entity.name, entity.kind), &mut seen);
            keys.insert(id, key.clone());
            entities.push(KeyedEntity { key, entity });
        }

        let mut relations = Vec::new();
        let mut seen = HashMap::new();
        for relation_ref in graph.relations() {
            let relation = relation_ref.relation;
            if !options.include_comentions && !relation.class.is_asserted() {
                continue;
            }
            let (Some(source), Some(target)) = (
                keys.get(&relation_ref.source),
                keys.get(&relation_ref.target),
            ) else {
                return Err(std::io::Error::other(
                    "a relation refers to an entity that is not in the graph",
                ));
            };
            relations.push(KeyedRelation {
                key: unique(relation_key(source, target, relation), &mut seen),
                source: source.clone(),
                target: target.clone(),
                relation,
                sentence: relation
                    .evidence()
                    .first()
                    .map_or("", |evidence| graph.evidence_text(evidence)),
            });
        }
        Ok(KeyedGraph {
            entities,
            relations,
        })
    }
}

/// `key`, or `key-N` when it is the N-th time `key` comes up.
fn unique(key: String, seen: &mut HashMap<String, usize>) -> String {
    let count = seen.entry(key.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        key
    } else {
        format!("{key}-{count}")
    }
}

/// The stable key of a relation: 16 hex digits, the xxh3-64 of its endpoints' keys, predicate,
/// class and flags. The graph merges relations that agree on all of these, so within one graph
/// they name one edge; across graphs the same statement gets the same key.
pub(crate) fn relation_key(source: &str, target: &str, relation: &Relation) -> String {
    let hashed = [
        source,
        target,
        relation.predicate(),
        relation.class.name(),
        if relation.negated { "negated" } else { "" },
        if relation.hedged { "hedged" } else { "" },
    ]
    .join("\0");
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(hashed.as_bytes()))
}

/// The distinct names of the rules behind a relation's evidence, sorted.
pub(crate) fn rule_names(relation: &Relation) -> Vec<&str> {
    relation
        .evidence()
        .iter()
        .map(|evidence| evidence.rule())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::graph::Evidence;
    use crate::model::{EntityKind, RelationClass, Span};

    fn entity(name: &str, kind: EntityKind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: vec![name.into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        }
    }

    fn relation(predicate: &str, class: RelationClass, rules: &[&str]) -> Relation {
        Relation::new(
            predicate,
            class,
            rules
                .iter()
                .enumerate()
                .map(|(i, rule)| Evidence::new(0, Span::new(i * 10, i * 10 + 9), rule, None)),
        )
    }

    fn sample() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_document("d.txt".into(), "Iran backs KH. KH backs Iran.".into());
        let iran = graph.add_entity(entity("Iran", EntityKind::Country));
        let twin = graph.add_entity(entity("IRAN", EntityKind::Country));
        let kh = graph.add_entity(entity("KH", EntityKind::ArmedGroup));
        graph.add_relation(
            iran,
            kh,
            relation("back", RelationClass::Cooperation, &["b", "a", "b"]),
        );
        graph.add_relation(
            twin,
            kh,
            relation("co-mention", RelationClass::CoMention, &["same_sentence"]),
        );
        graph
    }

    #[test]
    fn same_key_twice_gets_a_suffix() {
        let graph = sample();
        let keyed = KeyedGraph::new(&graph, &ExportOptions::default()).unwrap();
        let iran = entity_key("Iran", EntityKind::Country);
        let keys: Vec<&str> = keyed.entities.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                iran.as_str(),
                &format!("{iran}-2"),
                &entity_key("KH", EntityKind::ArmedGroup)
            ]
        );
    }

    #[test]
    fn relations_carry_endpoint_keys_and_first_sentence() {
        let graph = sample();
        let keyed = KeyedGraph::new(&graph, &ExportOptions::default()).unwrap();
        let relations = &keyed.relations;
        assert_eq!(relations.len(), 2);
        assert_eq!(relations[0].source, keyed.entities[0].key);
        assert_eq!(relations[0].target, keyed.entities[2].key);
        assert_eq!(relations[0].sentence, "Iran back");
        assert_eq!(relations[1].source, keyed.entities[1].key);
        assert_ne!(relations[0].key, relations[1].key);
        assert_eq!(rule_names(relations[0].relation), ["a", "b"]);
    }

    #[test]
    fn comentions_follow_the_options() {
        let graph = sample();
        let without = ExportOptions {
            include_comentions: false,
        };
        let keyed = KeyedGraph::new(&graph, &without).unwrap();
        assert_eq!(keyed.relations.len(), 1);
        assert_eq!(keyed.entities.len(), 3, "entities are all kept");
    }

    #[test]
    fn relation_key_depends_on_every_part() {
        let base = relation("back", RelationClass::Cooperation, &["a"]);
        let key = relation_key("s", "t", &base);
        let variants = [
            relation_key("t", "s", &base),
            relation_key(
                "s",
                "t",
                &relation("fund", RelationClass::Cooperation, &["a"]),
            ),
            relation_key("s", "t", &relation("back", RelationClass::Other, &["a"])),
            relation_key("s", "t", &base.clone().with_negated(true)),
            relation_key("s", "t", &base.clone().with_hedged(true)),
        ];
        for variant in variants {
            assert_ne!(key, variant);
        }
        // Evidence is not part of what a relation is: more evidence keeps the key.
        assert_eq!(
            key,
            relation_key(
                "s",
                "t",
                &relation("back", RelationClass::Cooperation, &["x", "y"])
            )
        );
    }
}
