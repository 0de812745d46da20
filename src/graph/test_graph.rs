//! A compact way to build small graphs by hand for tests: entities by name and kind, relations as
//! `(subject, predicate, class, object)`, each with its own evidence sentence in one document.

use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::{Entity, Evidence, Mention, Relation};
use crate::model::{EntityKind, RelationClass, Span};
use std::collections::HashMap;

/// An entity of the fixture: name, kind, aliases (the name is added to them).
pub(crate) type EntitySpec<'a> = (&'a str, EntityKind, &'a [&'a str]);

/// A relation of the fixture: subject, predicate, class, object.
pub(crate) type RelationSpec<'a> = (&'a str, &'a str, RelationClass, &'a str);

/// Builds the graph. Every relation gets an evidence sentence "Subject predicate object." of its own in
/// the document `fixture.txt`, found by the rule `test`; each entity is mentioned where its name first
/// appears.
pub(crate) fn build(entities: &[EntitySpec<'_>], relations: &[RelationSpec<'_>]) -> KnowledgeGraph {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (subject, predicate, _, object) in relations {
        let start = text.len();
        text.push_str(&format!("{subject} {predicate} {object}."));
        spans.push(Span::new(start, text.len()));
        text.push(' ');
    }
    let mut graph = KnowledgeGraph::new();
    let document = graph.add_document("fixture.txt".into(), text.clone());
    let mut ids: HashMap<&str, EntityId> = HashMap::new();
    for &(name, kind, aliases) in entities {
        let mut all: Vec<String> = aliases.iter().map(|a| a.to_string()).collect();
        all.push(name.to_string());
        all.sort();
        all.dedup();
        let mentions = text
            .find(name)
            .map(|start| Mention {
                document,
                span: Span::new(start, start + name.len()),
            })
            .into_iter()
            .collect();
        let id = graph.add_entity(Entity {
            name: name.to_string(),
            kind,
            aliases: all,
            mentions,
            kind_votes: Vec::new(),
        });
        ids.insert(name, id);
    }
    for ((subject, predicate, class, object), span) in relations.iter().zip(spans) {
        let (Some(&source), Some(&target)) = (ids.get(subject), ids.get(object)) else {
            panic!("fixture relation {subject} -> {object} names an unknown entity");
        };
        graph.add_relation(
            source,
            target,
            Relation::new(
                predicate,
                *class,
                [Evidence::new(document, span, "test", None)],
            ),
        );
    }
    graph
}

/// The id of the entity called `name` in a fixture graph.
pub(crate) fn id(graph: &KnowledgeGraph, name: &str) -> EntityId {
    graph.find(name)[0]
}

/// The names of `ids`, in order.
pub(crate) fn names(graph: &KnowledgeGraph, ids: &[EntityId]) -> Vec<String> {
    ids.iter()
        .map(|&id| graph.entity(id).map_or("?".into(), |e| e.name.clone()))
        .collect()
}
