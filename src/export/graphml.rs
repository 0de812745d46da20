//! GraphML: the graph for Gephi, yEd, Cytoscape desktop, NetworkX (`read_graphml`) and igraph.
//!
//! One directed `<graph>` with typed attribute keys declared up front, so the tools read numbers
//! as numbers and flags as booleans rather than as text:
//!
//! ```text
//! node  label (string: the name, which Gephi shows), name (string), kind (string),
//!       aliases (string: every alias, joined by "; "), mention_count (int)
//! edge  label (string: the predicate), predicate (string), class (string), negated (boolean),
//!       hedged (boolean), evidence_count (int), sentence (string: the first evidence sentence),
//!       rules (string: the rules behind the evidence, sorted, joined by "; ")
//! ```
//!
//! Node ids are [`crate::model::entity_key()`]s; edge ids are `e` followed by the relation's key,
//! so no edge id can equal a node id (GraphML wants ids unique in the whole document). Nodes come
//! in entity order and edges in relation order, so the same graph always gives the same bytes.
//! Co-mention edges are written only when the options say so.
//!
//! Text is escaped for XML 1.0: `& < > " '` become entities, a carriage return becomes `&#13;` (a
//! parser would otherwise turn it into a line feed), and the characters XML cannot carry at all
//! (the other C0 controls, U+FFFE, U+FFFF) become U+FFFD, the replacement character, so a reader
//! sees that something stood there.

use super::ExportOptions;
use super::keyed_graph::{KeyedGraph, rule_names};
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// The GraphML namespace and schema, as the GraphML primer writes them.
const GRAPHML_OPEN: &str = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
    http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">";

/// What a `<key>` is declared for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Domain {
    Node,
    Edge,
}

/// An attribute key: its id in `<data key=..>`, what it is for, its name in the tools and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AttributeKey {
    id: &'static str,
    domain: Domain,
    name: &'static str,
    /// A GraphML `attr.type`: `string`, `int` or `boolean` here.
    kind: &'static str,
}

const fn key(
    id: &'static str,
    domain: Domain,
    name: &'static str,
    kind: &'static str,
) -> AttributeKey {
    AttributeKey {
        id,
        domain,
        name,
        kind,
    }
}

/// Every key, in the order they are declared and their data written. Both labels are called
/// `label` in the tools, so their ids say which is which.
const KEYS: [AttributeKey; 13] = [
    key("node_label", Domain::Node, "label", "string"),
    key("name", Domain::Node, "name", "string"),
    key("kind", Domain::Node, "kind", "string"),
    key("aliases", Domain::Node, "aliases", "string"),
    key("mention_count", Domain::Node, "mention_count", "int"),
    key("edge_label", Domain::Edge, "label", "string"),
    key("predicate", Domain::Edge, "predicate", "string"),
    key("class", Domain::Edge, "class", "string"),
    key("negated", Domain::Edge, "negated", "boolean"),
    key("hedged", Domain::Edge, "hedged", "boolean"),
    key("evidence_count", Domain::Edge, "evidence_count", "int"),
    key("sentence", Domain::Edge, "sentence", "string"),
    key("rules", Domain::Edge, "rules", "string"),
];

/// Escapes `text` for XML 1.0 element content and attribute values.
///
/// The five markup characters become entities, so the result is safe inside either quotes. A
/// carriage return becomes `&#13;` so it survives line-end normalisation; tab and line feed are
/// kept. Every other control character, and U+FFFE and U+FFFF, becomes U+FFFD: XML 1.0 cannot carry
/// them even as character references, and a document holding one does not parse.
pub fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\r' => escaped.push_str("&#13;"),
            '\t' | '\n' => escaped.push(character),
            '\u{fffe}' | '\u{ffff}' => escaped.push(char::REPLACEMENT_CHARACTER),
            other if other.is_control() => escaped.push(char::REPLACEMENT_CHARACTER),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Writes the graph as GraphML.
///
/// Co-mention edges are written only when `options.include_comentions` is set. The same graph
/// always gives the same bytes.
pub fn write_graphml(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let keyed = KeyedGraph::new(graph, options)?;
    // Thousands of small writes: buffer them rather than hit an unbuffered file for each.
    let mut out = std::io::BufWriter::new(out);
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "{GRAPHML_OPEN}")?;
    for key in KEYS {
        let domain = match key.domain {
            Domain::Node => "node",
            Domain::Edge => "edge",
        };
        writeln!(
            out,
            "  <key id=\"{}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{}\"/>",
            key.id, key.name, key.kind
        )?;
    }
    writeln!(out, "  <graph id=\"kgraph\" edgedefault=\"directed\">")?;

    for node in &keyed.entities {
        let entity = node.entity;
        writeln!(out, "    <node id=\"{}\">", escape_xml(&node.key))?;
        write_data(&mut out, "node_label", &entity.name)?;
        write_data(&mut out, "name", &entity.name)?;
        write_data(&mut out, "kind", entity.kind.name())?;
        write_data(&mut out, "aliases", &entity.aliases.join("; "))?;
        write_data(
            &mut out,
            "mention_count",
            &entity.mentions.len().to_string(),
        )?;
        writeln!(out, "    </node>")?;
    }

    for edge in &keyed.relations {
        let relation = edge.relation;
        writeln!(
            out,
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">",
            escape_xml(&edge.key),
            escape_xml(&edge.source),
            escape_xml(&edge.target)
        )?;
        write_data(&mut out, "edge_label", relation.predicate())?;
        write_data(&mut out, "predicate", relation.predicate())?;
        write_data(&mut out, "class", relation.class.name())?;
        write_data(&mut out, "negated", boolean(relation.negated))?;
        write_data(&mut out, "hedged", boolean(relation.hedged))?;
        write_data(
            &mut out,
            "evidence_count",
            &relation.evidence().len().to_string(),
        )?;
        write_data(&mut out, "sentence", edge.sentence)?;
        write_data(&mut out, "rules", &rule_names(relation).join("; "))?;
        writeln!(out, "    </edge>")?;
    }

    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    out.flush()
}

/// GraphML's spelling of a boolean (XML Schema's).
fn boolean(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// Writes one `<data>` element with escaped text.
fn write_data(out: &mut dyn Write, key: &str, value: &str) -> std::io::Result<()> {
    writeln!(
        out,
        "      <data key=\"{key}\">{}</data>",
        escape_xml(value)
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::graph::{Entity, Evidence, Relation};
    use crate::model::{EntityKind, RelationClass, Span, entity_key};

    #[test]
    fn escape_xml_table() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("AT&T", "AT&amp;T"),
            ("<b>", "&lt;b&gt;"),
            (r#"say "hi""#, "say &quot;hi&quot;"),
            ("Asa'ib", "Asa&apos;ib"),
            ("tab\there", "tab\there"),
            ("two\nlines", "two\nlines"),
            ("windows\r\nline", "windows&#13;\nline"),
            (
                "nul\u{0}bell\u{7}esc\u{1b}",
                "nul\u{fffd}bell\u{fffd}esc\u{fffd}",
            ),
            ("del\u{7f} c1\u{85}", "del\u{fffd} c1\u{fffd}"),
            ("not\u{fffe}chars\u{ffff}", "not\u{fffd}chars\u{fffd}"),
            ("Ḥizb al-Daʿwa ¬ 𝔘", "Ḥizb al-Daʿwa ¬ 𝔘"),
            ("&amp;", "&amp;amp;"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_xml(input), expected, "escaping {input:?}");
        }
    }

    #[test]
    fn key_ids_are_unique_and_types_are_graphml_types() {
        for (i, a) in KEYS.iter().enumerate() {
            assert!(["string", "int", "boolean"].contains(&a.kind));
            for b in &KEYS[i + 1..] {
                assert_ne!(a.id, b.id);
                if a.domain == b.domain {
                    assert_ne!(a.name, b.name);
                }
            }
        }
    }

    fn sample_graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_document("d.txt".into(), "A <&> B.".into());
        let a = graph.add_entity(Entity {
            name: "A & Sons".into(),
            kind: EntityKind::Organization,
            aliases: vec!["A & Sons".into(), "A\u{1}S".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        let b = graph.add_entity(Entity {
            name: "B".into(),
            kind: EntityKind::Person,
            aliases: vec!["B".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        graph.add_relation(
            a,
            b,
            Relation::new(
                "meet",
                RelationClass::Other,
                [Evidence::new(0, Span::new(0, 8), "r", None)],
            )
            .with_negated(true),
        );
        graph.add_relation(
            a,
            b,
            Relation::new("co-mention", RelationClass::CoMention, Vec::new()),
        );
        graph
    }

    fn export(include_comentions: bool) -> String {
        let mut out = Vec::new();
        write_graphml(
            &sample_graph(),
            &ExportOptions { include_comentions },
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_escaped_nodes_and_typed_edge_data() {
        let xml = export(true);
        let a = entity_key("A & Sons", EntityKind::Organization);
        let b = entity_key("B", EntityKind::Person);
        for line in [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".to_string(),
            "  <key id=\"negated\" for=\"edge\" attr.name=\"negated\" attr.type=\"boolean\"/>"
                .to_string(),
            format!("    <node id=\"{a}\">"),
            "      <data key=\"name\">A &amp; Sons</data>".to_string(),
            "      <data key=\"aliases\">A &amp; Sons; A\u{fffd}S</data>".to_string(),
            "      <data key=\"mention_count\">0</data>".to_string(),
            "      <data key=\"negated\">true</data>".to_string(),
            "      <data key=\"sentence\">A &lt;&amp;&gt; B.</data>".to_string(),
            "      <data key=\"rules\">r</data>".to_string(),
            "      <data key=\"sentence\"></data>".to_string(),
        ] {
            assert!(xml.lines().any(|l| l == line), "missing {line:?} in\n{xml}");
        }
        assert!(xml.contains(&format!("source=\"{a}\" target=\"{b}\">")));
        assert!(xml.ends_with("  </graph>\n</graphml>\n"));
        assert_eq!(xml.matches("<edge ").count(), 2);
    }

    #[test]
    fn comentions_are_left_out_when_not_wanted() {
        let xml = export(false);
        assert_eq!(xml.matches("<edge ").count(), 1);
        assert!(!xml.contains("CoMention"));
        assert_eq!(xml.matches("<node ").count(), 2);
    }
}
