//! Cytoscape.js JSON: the graph as `cytoscape({ elements })` takes it in a web page, and as
//! Cytoscape desktop imports it (File → Import → Network from File, "Cytoscape.js JSON").
//!
//! ```text
//! {"elements": {
//!   "nodes": [{"data": {"id", "label", "kind", "aliases": [..], "mention_count"}}],
//!   "edges": [{"data": {"id", "source", "target", "predicate", "class", "negated", "hedged",
//!                       "evidence_count", "sentence"}}]}}
//! ```
//!
//! Node ids are [`crate::model::entity_key()`]s; edge ids are `e` followed by the relation's key,
//! because Cytoscape.js wants every element id unique across nodes and edges. Every edge's
//! `source` and `target` is a node's id. Nodes come in entity order and edges in relation order,
//! pretty-printed, so the same graph always gives the same bytes. Co-mention edges are written
//! only when the options say so.

use super::ExportOptions;
use super::keyed_graph::KeyedGraph;
use crate::graph::KnowledgeGraph;
use serde::Serialize;
use std::io::Write;

/// The whole file.
#[derive(Serialize)]
struct CytoscapeDocument<'a> {
    elements: Elements<'a>,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

/// Cytoscape.js keeps an element's own fields under `data`.
#[derive(Serialize)]
struct Element<T> {
    data: T,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    label: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    mention_count: usize,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    predicate: &'a str,
    class: &'static str,
    negated: bool,
    hedged: bool,
    evidence_count: usize,
    sentence: &'a str,
}

/// Writes the graph as pretty-printed Cytoscape.js JSON, ending in a newline.
///
/// Co-mention edges are written only when `options.include_comentions` is set. The same graph
/// always gives the same bytes.
pub fn write_cytoscape(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let keyed = KeyedGraph::new(graph, options)?;
    let nodes = keyed
        .entities
        .iter()
        .map(|node| Element {
            data: NodeData {
                id: &node.key,
                label: &node.entity.name,
                kind: node.entity.kind.name(),
                aliases: &node.entity.aliases,
                mention_count: node.entity.mentions.len(),
            },
        })
        .collect();
    let edges = keyed
        .relations
        .iter()
        .map(|edge| Element {
            data: EdgeData {
                id: format!("e{}", edge.key),
                source: &edge.source,
                target: &edge.target,
                predicate: edge.relation.predicate(),
                class: edge.relation.class.name(),
                negated: edge.relation.negated,
                hedged: edge.relation.hedged,
                evidence_count: edge.relation.evidence().len(),
                sentence: edge.sentence,
            },
        })
        .collect();
    let document = CytoscapeDocument {
        elements: Elements { nodes, edges },
    };
    // serde_json writes token by token: buffer them rather than hit an unbuffered file for each.
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::graph::{Entity, Evidence, Relation};
    use crate::model::{EntityKind, RelationClass, Span, entity_key};
    use serde_json::{Value, json};

    fn sample_graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_document("d.txt".into(), "A backs B.".into());
        let a = graph.add_entity(Entity {
            name: "A".into(),
            kind: EntityKind::Country,
            aliases: vec!["A".into(), "Ay".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        let b = graph.add_entity(Entity {
            name: "B".into(),
            kind: EntityKind::ArmedGroup,
            aliases: vec!["B".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        for (predicate, class) in [
            ("back", RelationClass::Cooperation),
            ("co-mention", RelationClass::CoMention),
        ] {
            graph.add_relation(
                a,
                b,
                Relation::new(
                    predicate,
                    class,
                    [Evidence::new(0, Span::new(0, 10), "r", None)],
                ),
            );
        }
        graph
    }

    fn export(include_comentions: bool) -> Value {
        let mut out = Vec::new();
        write_cytoscape(
            &sample_graph(),
            &ExportOptions { include_comentions },
            &mut out,
        )
        .unwrap();
        assert!(out.ends_with(b"}\n"));
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn writes_nodes_and_edges_under_data() {
        let value = export(false);
        let a = entity_key("A", EntityKind::Country);
        let b = entity_key("B", EntityKind::ArmedGroup);
        assert_eq!(
            value["elements"]["nodes"][0],
            json!({"data": {"id": a, "label": "A", "kind": "Country", "aliases": ["A", "Ay"],
                            "mention_count": 0}})
        );
        assert_eq!(value["elements"]["nodes"][1]["data"]["id"], json!(b));
        let edges = value["elements"]["edges"].as_array().unwrap();
        assert_eq!(edges.len(), 1);
        let edge = &edges[0]["data"];
        assert_eq!(edge["source"], json!(a));
        assert_eq!(edge["target"], json!(b));
        assert_eq!(edge["predicate"], json!("back"));
        assert_eq!(edge["class"], json!("Cooperation"));
        assert_eq!(edge["sentence"], json!("A backs B."));
        assert!(edge["id"].as_str().unwrap().starts_with('e'));
    }

    #[test]
    fn comentions_follow_the_options() {
        let value = export(true);
        assert_eq!(value["elements"]["edges"].as_array().unwrap().len(), 2);
        assert_eq!(
            value["elements"]["edges"][1]["data"]["class"],
            json!("CoMention")
        );
    }
}
