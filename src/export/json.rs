//! NetworkX node-link JSON: the graph as `networkx.node_link_graph(data, edges="links")` reads it.
//!
//! The layout is a contract with scripts outside kgraph, pinned by `tests/integration/export_contract.rs`:
//!
//! ```text
//! {"directed": true, "multigraph": true,
//!  "graph": {"name": "kgraph", "documents": [{"name", "hash"}]},
//!  "nodes": [{"id", "name", "kind", "aliases": [..], "mentions": [{"document", "start", "end"}]}],
//!  "links": [{"source", "target", "key", "predicate", "class", "negated", "hedged",
//!             "evidence": [{"document", "start", "end", "sentence", "rule"}]}]}
//! ```
//!
//! Node ids are dense (`0..n` in entity order) so they do not depend on how the graph stores its
//! nodes. `key` numbers the parallel edges of one ordered (source, target) pair from 0, which is
//! what a NetworkX `MultiDiGraph` uses to tell them apart. Documents are named, not numbered, and
//! `start`/`end` are byte offsets into the named document.

use super::ExportOptions;
use crate::graph::{EntityId, Evidence, KnowledgeGraph, Mention};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

/// The whole file.
#[derive(Serialize)]
struct NodeLinkGraph<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttributes<'a>,
    nodes: Vec<NodeRecord<'a>>,
    links: Vec<LinkRecord<'a>>,
}

/// What NetworkX keeps in `G.graph`.
#[derive(Serialize)]
struct GraphAttributes<'a> {
    name: &'static str,
    documents: Vec<DocumentRecord<'a>>,
}

#[derive(Serialize)]
struct DocumentRecord<'a> {
    name: &'a str,
    hash: &'a str,
}

#[derive(Serialize)]
struct NodeRecord<'a> {
    id: usize,
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    mentions: Vec<MentionRecord<'a>>,
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    document: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct LinkRecord<'a> {
    source: usize,
    target: usize,
    key: usize,
    predicate: &'a str,
    class: &'static str,
    negated: bool,
    hedged: bool,
    evidence: Vec<EvidenceRecord<'a>>,
}

#[derive(Serialize)]
struct EvidenceRecord<'a> {
    document: &'a str,
    start: usize,
    end: usize,
    sentence: &'a str,
    rule: &'a str,
}

/// Writes the graph as pretty-printed NetworkX node-link JSON, ending in a newline.
///
/// Co-mention links are written only when `options.include_comentions` is set. The output depends
/// only on the graph, so the same graph always gives the same bytes.
pub fn write_json(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let document = node_link_graph(graph, options)?;
    // serde_json writes token by token: buffer them rather than hit an unbuffered file for each.
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Builds the serialisable view of `graph`, borrowing every string from it.
fn node_link_graph<'a>(
    graph: &'a KnowledgeGraph,
    options: &ExportOptions,
) -> std::io::Result<NodeLinkGraph<'a>> {
    let mut dense_ids: HashMap<EntityId, usize> = HashMap::new();
    let mut nodes = Vec::new();
    for (id, entity) in graph.entities() {
        let dense_id = nodes.len();
        dense_ids.insert(id, dense_id);
        nodes.push(NodeRecord {
            id: dense_id,
            name: &entity.name,
            kind: entity.kind.name(),
            aliases: &entity.aliases,
            mentions: entity
                .mentions
                .iter()
                .map(|mention| mention_record(graph, mention))
                .collect(),
        });
    }

    let mut next_key: HashMap<(usize, usize), usize> = HashMap::new();
    let mut links = Vec::new();
    for relation_ref in graph.relations() {
        let relation = relation_ref.relation;
        if !options.include_comentions && !relation.class.is_asserted() {
            continue;
        }
        let (Some(&source), Some(&target)) = (
            dense_ids.get(&relation_ref.source),
            dense_ids.get(&relation_ref.target),
        ) else {
            // The graph never keeps an edge whose endpoint is gone, so this is a bug, not bad input.
            return Err(std::io::Error::other(
                "a relation refers to an entity that is not in the graph",
            ));
        };
        let counter = next_key.entry((source, target)).or_insert(0);
        let key = *counter;
        *counter += 1;
        links.push(LinkRecord {
            source,
            target,
            key,
            predicate: relation.predicate(),
            class: relation.class.name(),
            negated: relation.negated,
            hedged: relation.hedged,
            evidence: relation
                .evidence()
                .iter()
                .map(|evidence| evidence_record(graph, evidence))
                .collect(),
        });
    }

    Ok(NodeLinkGraph {
        directed: true,
        multigraph: true,
        graph: GraphAttributes {
            name: "kgraph",
            documents: graph
                .documents()
                .iter()
                .map(|document| DocumentRecord {
                    name: &document.name,
                    hash: &document.hash,
                })
                .collect(),
        },
        nodes,
        links,
    })
}

/// The name of the document at `index`, or `""` for an index the graph does not hold.
fn document_name(graph: &KnowledgeGraph, index: u32) -> &str {
    graph.document(index).map_or("", |document| &document.name)
}

fn mention_record<'a>(graph: &'a KnowledgeGraph, mention: &Mention) -> MentionRecord<'a> {
    MentionRecord {
        document: document_name(graph, mention.document),
        start: mention.span.start,
        end: mention.span.end,
    }
}

fn evidence_record<'a>(graph: &'a KnowledgeGraph, evidence: &'a Evidence) -> EvidenceRecord<'a> {
    EvidenceRecord {
        document: document_name(graph, evidence.document()),
        start: evidence.span().start,
        end: evidence.span().end,
        sentence: graph.evidence_text(evidence),
        rule: evidence.rule(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::graph::{Entity, Relation};
    use crate::model::{EntityKind, RelationClass, Span};
    use serde_json::{Value, json};

    const TEXT: &str = "Iran backs Kataib Hezbollah. Kataib Hezbollah attacked US forces.";

    fn entity(name: &str, kind: EntityKind, mentions: &[(usize, usize)]) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: vec![name.into()],
            mentions: mentions
                .iter()
                .map(|&(start, end)| Mention {
                    document: 0,
                    span: Span::new(start, end),
                })
                .collect(),
            kind_votes: Vec::new(),
        }
    }

    fn relation(predicate: &str, class: RelationClass, sentence: (usize, usize)) -> Relation {
        Relation::new(
            predicate,
            class,
            [Evidence::new(
                0,
                Span::new(sentence.0, sentence.1),
                "test_rule",
                None,
            )],
        )
    }

    /// Iran → Kataib Hezbollah twice (parallel edges), Kataib Hezbollah → US once, and a
    /// co-mention between Iran and Kataib Hezbollah.
    fn sample_graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_document("report.txt".into(), TEXT.into());
        let iran = graph.add_entity(entity("Iran", EntityKind::Country, &[(0, 4)]));
        let kataib = graph.add_entity(entity(
            "Kataib Hezbollah",
            EntityKind::ArmedGroup,
            &[(11, 27), (29, 45)],
        ));
        let us = graph.add_entity(entity("United States", EntityKind::Country, &[(55, 57)]));
        graph.add_relation(
            iran,
            kataib,
            relation("back", RelationClass::Cooperation, (0, 28)),
        );
        let mut hedged = relation("fund", RelationClass::Cooperation, (0, 28));
        hedged.hedged = true;
        graph.add_relation(iran, kataib, hedged);
        let mut negated = relation("attack", RelationClass::Conflict, (29, 65));
        negated.negated = true;
        graph.add_relation(kataib, us, negated);
        graph.add_relation(
            iran,
            kataib,
            relation("co-mention", RelationClass::CoMention, (0, 28)),
        );
        graph
    }

    fn export(graph: &KnowledgeGraph, include_comentions: bool) -> (String, Value) {
        let mut out = Vec::new();
        write_json(graph, &ExportOptions { include_comentions }, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let value = serde_json::from_str(&text).unwrap();
        (text, value)
    }

    #[test]
    fn top_level_fields_and_documents() {
        let graph = sample_graph();
        let (_, value) = export(&graph, true);
        assert_eq!(value["directed"], json!(true));
        assert_eq!(value["multigraph"], json!(true));
        assert_eq!(value["graph"]["name"], json!("kgraph"));
        assert_eq!(
            value["graph"]["documents"],
            json!([{"name": "report.txt", "hash": graph.documents()[0].hash}])
        );
        let mut keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["directed", "graph", "links", "multigraph", "nodes"]);
    }

    #[test]
    fn nodes_have_dense_ids_names_kinds_and_named_mentions() {
        let (_, value) = export(&sample_graph(), true);
        assert_eq!(
            value["nodes"][1],
            json!({
                "id": 1,
                "name": "Kataib Hezbollah",
                "kind": "ArmedGroup",
                "aliases": ["Kataib Hezbollah"],
                "mentions": [
                    {"document": "report.txt", "start": 11, "end": 27},
                    {"document": "report.txt", "start": 29, "end": 45},
                ],
            })
        );
        let ids: Vec<&Value> = value["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|node| &node["id"])
            .collect();
        assert_eq!(ids, [&json!(0), &json!(1), &json!(2)]);
    }

    #[test]
    fn links_carry_flags_and_evidence_sentences() {
        let (_, value) = export(&sample_graph(), true);
        assert_eq!(
            value["links"][2],
            json!({
                "source": 1,
                "target": 2,
                "key": 0,
                "predicate": "attack",
                "class": "Conflict",
                "negated": true,
                "hedged": false,
                "evidence": [{
                    "document": "report.txt",
                    "start": 29,
                    "end": 65,
                    "sentence": "Kataib Hezbollah attacked US forces.",
                    "rule": "test_rule",
                }],
            })
        );
        assert_eq!(value["links"][1]["hedged"], json!(true));
    }

    #[test]
    fn parallel_edges_are_keyed_from_zero_per_ordered_pair() {
        let (_, value) = export(&sample_graph(), true);
        let triples: Vec<(u64, u64, u64, &str)> = value["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|link| {
                (
                    link["source"].as_u64().unwrap(),
                    link["target"].as_u64().unwrap(),
                    link["key"].as_u64().unwrap(),
                    link["class"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            triples,
            [
                (0, 1, 0, "Cooperation"),
                (0, 1, 1, "Cooperation"),
                (1, 2, 0, "Conflict"),
                (0, 1, 2, "CoMention"),
            ]
        );
    }

    #[test]
    fn comentions_are_left_out_when_not_wanted() {
        let (_, value) = export(&sample_graph(), false);
        let classes: Vec<&str> = value["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|link| link["class"].as_str().unwrap())
            .collect();
        assert_eq!(classes, ["Cooperation", "Cooperation", "Conflict"]);
    }

    #[test]
    fn output_is_pretty_deterministic_and_ends_in_a_newline() {
        let graph = sample_graph();
        let (first, _) = export(&graph, true);
        let (second, _) = export(&graph, true);
        assert_eq!(first, second);
        assert!(first.starts_with("{\n  \"directed\": true,\n"));
        assert!(first.ends_with("}\n"));
    }

    #[test]
    fn empty_graph_is_valid_node_link_json() {
        let (_, value) = export(&KnowledgeGraph::new(), true);
        assert_eq!(
            value,
            json!({
                "directed": true,
                "multigraph": true,
                "graph": {"name": "kgraph", "documents": []},
                "nodes": [],
                "links": [],
            })
        );
    }

    #[test]
    fn evidence_outside_the_documents_gives_empty_names_not_a_panic() {
        let mut graph = KnowledgeGraph::new();
        let a = graph.add_entity(entity("A", EntityKind::Person, &[]));
        let b = graph.add_entity(entity("B", EntityKind::Person, &[]));
        graph.add_relation(a, b, relation("meet", RelationClass::Other, (0, 4)));
        let (_, value) = export(&graph, true);
        assert_eq!(value["links"][0]["evidence"][0]["document"], json!(""));
        assert_eq!(value["links"][0]["evidence"][0]["sentence"], json!(""));
    }
}
