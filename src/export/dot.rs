//! GraphViz DOT: the graph as a picture, for `dot -Tsvg`.
//!
//! Every entity is a node `n<index>` labelled with its name, so a name never has to be a DOT ID;
//! its shape and fill say its kind. Every relation is an edge labelled with its predicate (`¬ `
//! before it when negated, `?` after it when hedged) and coloured by its class. Co-mentions are
//! dashed, light grey and unlabelled, because they say only that two names shared a sentence; they
//! are left out when the options say so. A legend cluster shows each kind and class that appears.
//!
//! The output depends only on the graph: nodes in entity order, edges in relation order, the
//! legend in the order the kinds and classes are declared.

use super::ExportOptions;
use crate::graph::knowledge_graph::RelationRef;
use crate::graph::{KnowledgeGraph, Relation};
use crate::model::{EntityKind, RelationClass};
use std::io::Write;

/// The font for every label: one that every GraphViz install can find.
const FONT: &str = "Helvetica";

/// How a node of one kind is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KindStyle {
    shape: &'static str,
    fill: &'static str,
}

/// One shape and one pale fill per kind, so names stay readable in black on top of them.
fn kind_style(kind: EntityKind) -> KindStyle {
    let (shape, fill) = match kind {
        EntityKind::Person => ("ellipse", "#fde0c5"),
        EntityKind::Country => ("box", "#cfe2f3"),
        EntityKind::Place => ("hexagon", "#d9ead3"),
        EntityKind::Organization => ("octagon", "#e4d7f5"),
        EntityKind::ArmedGroup => ("diamond", "#f4cccc"),
        EntityKind::PoliticalGroup => ("parallelogram", "#fff2cc"),
        EntityKind::Agreement => ("note", "#eeeeee"),
        EntityKind::Event => ("cds", "#d0e0e3"),
    };
    KindStyle { shape, fill }
}

/// The colour of an edge of one class.
fn class_colour(class: RelationClass) -> &'static str {
    match class {
        RelationClass::Cooperation => "#2e7d32",
        RelationClass::Conflict => "#c62828",
        RelationClass::PartOf => "#1565c0",
        RelationClass::Leads => "#6a1b9a",
        RelationClass::Other => "#616161",
        RelationClass::CoMention => "#bdbdbd",
    }
}

/// Escapes `text` for the inside of a DOT double-quoted string.
///
/// Quotes and backslashes are backslashed (a lone backslash would otherwise start one of DOT's
/// escapes such as `\N`, or swallow the closing quote); a line feed becomes DOT's centred line break
/// `\n`; a carriage return is dropped, so Windows line ends break a line once. Any other control
/// character, and U+FFFE and U+FFFF, is shown as the text `\u{..}` (as the terminal shows it): a NUL
/// ends GraphViz's string early, and the others would reach the SVG, where XML 1.0 forbids them.
/// A tab is kept: XML allows it.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            '\t' => escaped.push('\t'),
            other if other.is_control() || matches!(other, '\u{fffe}' | '\u{ffff}') => {
                // Backslashed, so GraphViz draws the backslash rather than read an escape.
                escaped.push_str(&format!("\\\\u{{{:x}}}", u32::from(other)));
            }
            other => escaped.push(other),
        }
    }
    escaped
}

/// `text` escaped and in double quotes: a DOT ID that can hold anything.
fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// The edge label: the predicate, marked when the text denies or hedges it.
fn edge_label(predicate: &str, negated: bool, hedged: bool) -> String {
    let mut label = String::with_capacity(predicate.len() + 4);
    if negated {
        label.push_str("¬ ");
    }
    label.push_str(predicate);
    if hedged {
        label.push('?');
    }
    label
}

/// `count` and the noun, singular or plural as the count needs.
fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// Writes the graph as GraphViz DOT.
///
/// Co-mention edges are written (dashed) only when `options.include_comentions` is set. The same
/// graph always gives the same bytes.
pub fn write_dot(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // Hundreds of small writes: buffer them rather than hit an unbuffered file for each.
    let mut out = std::io::BufWriter::new(out);
    let relations: Vec<RelationRef<'_>> = graph
        .relations()
        .filter(|r| options.include_comentions || r.relation.class.is_asserted())
        .collect();

    write_header(&mut out, graph, relations.len())?;

    for (id, entity) in graph.entities() {
        let style = kind_style(entity.kind);
        writeln!(
            out,
            "  n{} [label={}, shape={}, fillcolor=\"{}\"];",
            id.index(),
            quoted(&entity.name),
            style.shape,
            style.fill
        )?;
    }

    for relation_ref in &relations {
        let attributes = edge_attributes(relation_ref.relation);
        writeln!(
            out,
            "  n{} -> n{} [{attributes}];",
            relation_ref.source.index(),
            relation_ref.target.index()
        )?;
    }

    let kinds: Vec<EntityKind> = EntityKind::ALL
        .into_iter()
        .filter(|&kind| graph.entities().any(|(_, entity)| entity.kind == kind))
        .collect();
    let classes: Vec<RelationClass> = RelationClass::ALL
        .into_iter()
        .filter(|&class| relations.iter().any(|r| r.relation.class == class))
        .collect();
    write_legend(&mut out, &kinds, &classes)?;

    writeln!(out, "}}")?;
    out.flush()
}

/// Writes the opening of the graph: a title summing up what it holds, and the default look of the
/// graph, its nodes and its edges.
fn write_header(
    out: &mut dyn Write,
    graph: &KnowledgeGraph,
    relation_count: usize,
) -> std::io::Result<()> {
    let summary = format!(
        "kgraph: {}, {}, {}",
        counted(graph.entity_count(), "entity", "entities"),
        counted(relation_count, "relation", "relations"),
        counted(graph.documents().len(), "document", "documents"),
    );
    writeln!(out, "digraph kgraph {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, fontname={}, overlap=false, labelloc=t, label={}];",
        quoted(FONT),
        quoted(&summary)
    )?;
    writeln!(
        out,
        "  node [fontname={}, style=filled, color=\"#555555\"];",
        quoted(FONT)
    )?;
    writeln!(out, "  edge [fontname={}, fontsize=10];", quoted(FONT))?;
    Ok(())
}

/// An edge's attributes: labelled and coloured by its class, or dashed and plain for a co-mention.
fn edge_attributes(relation: &Relation) -> String {
    let colour = class_colour(relation.class);
    if relation.class.is_asserted() {
        format!(
            "label={}, color=\"{colour}\", fontcolor=\"{colour}\"",
            quoted(&edge_label(
                relation.predicate(),
                relation.negated,
                relation.hedged
            ))
        )
    } else {
        // A co-mention has no direction worth an arrowhead and no predicate to show.
        format!("style=dashed, color=\"{colour}\", arrowhead=none")
    }
}

/// Writes the legend cluster: one node per kind and one sample edge per class, in declaration order.
/// Nothing is written when the graph is empty.
fn write_legend(
    out: &mut dyn Write,
    kinds: &[EntityKind],
    classes: &[RelationClass],
) -> std::io::Result<()> {
    if kinds.is_empty() && classes.is_empty() {
        return Ok(());
    }
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(
        out,
        "    graph [label=\"Legend\", fontname={}, style=rounded, color=\"#999999\"];",
        quoted(FONT)
    )?;
    for &kind in kinds {
        let style = kind_style(kind);
        writeln!(
            out,
            "    legend_{} [label={}, shape={}, fillcolor=\"{}\"];",
            kind.name(),
            quoted(kind.name()),
            style.shape,
            style.fill
        )?;
    }
    for &class in classes {
        let colour = class_colour(class);
        let style = if class.is_asserted() {
            ""
        } else {
            ", style=dashed, arrowhead=none"
        };
        writeln!(
            out,
            "    legend_{0}_from [label=\"\", shape=point, style=invis];\n    \
             legend_{0}_to [label=\"\", shape=point, style=invis];\n    \
             legend_{0}_from -> legend_{0}_to [label={1}, color=\"{colour}\", \
             fontcolor=\"{colour}\"{style}];",
            class.name(),
            quoted(class.name()),
        )?;
    }
    writeln!(out, "  }}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::graph::{Entity, Evidence, Relation};
    use crate::model::Span;

    #[test]
    fn escape_table() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            (r#"say "hi""#, r#"say \"hi\""#),
            (r"back\slash", r"back\\slash"),
            (r"ends in \", r"ends in \\"),
            ("two\nlines", r"two\nlines"),
            ("windows\r\nline", r"windows\nline"),
            ("nul\0bell\u{7}", r"nul\\u{0}bell\\u{7}"),
            ("esc\u{1b}[31m del\u{7f}", r"esc\\u{1b}[31m del\\u{7f}"),
            ("tab\tkept", "tab\tkept"),
            ("not xml \u{fffe}", r"not xml \\u{fffe}"),
            (r#"Asa'ib "Ahl" \ al-Haq"#, r#"Asa'ib \"Ahl\" \\ al-Haq"#),
            ("Ḥizb al-Daʿwa ¬", "Ḥizb al-Daʿwa ¬"),
            (
                "{braces} [and] <angles>; -> --",
                "{braces} [and] <angles>; -> --",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(escape(input), expected, "escaping {input:?}");
        }
    }

    #[test]
    fn edge_label_table() {
        let cases = [
            ("sign", false, false, "sign"),
            ("sign", true, false, "¬ sign"),
            ("fund", false, true, "fund?"),
            ("fund", true, true, "¬ fund?"),
        ];
        for (predicate, negated, hedged, expected) in cases {
            assert_eq!(edge_label(predicate, negated, hedged), expected);
        }
    }

    #[test]
    fn every_kind_has_its_own_shape_and_fill() {
        let styles: Vec<KindStyle> = EntityKind::ALL.into_iter().map(kind_style).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.shape, b.shape);
                assert_ne!(a.fill, b.fill);
            }
        }
    }

    fn entity(name: &str, kind: EntityKind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: vec![name.into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        }
    }

    fn relation(predicate: &str, class: RelationClass, negated: bool, hedged: bool) -> Relation {
        Relation::new(
            predicate,
            class,
            [Evidence::new(0, Span::new(0, 10), "test_rule", None)],
        )
        .with_negated(negated)
        .with_hedged(hedged)
    }

    fn sample_graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_document("report.txt".into(), "Some text.".into());
        let iran = graph.add_entity(entity("Iran", EntityKind::Country));
        let militia = graph.add_entity(entity(r#"Asa'ib "Ahl" \ al-Haq"#, EntityKind::ArmedGroup));
        let leader = graph.add_entity(entity("Qais al-Khazali", EntityKind::Person));
        graph.add_relation(
            iran,
            militia,
            relation("fund", RelationClass::Cooperation, false, true),
        );
        graph.add_relation(
            leader,
            militia,
            relation("lead", RelationClass::Leads, false, false),
        );
        graph.add_relation(
            militia,
            iran,
            relation("attack", RelationClass::Conflict, true, false),
        );
        graph.add_relation(
            iran,
            leader,
            relation("co-mention", RelationClass::CoMention, false, false),
        );
        graph
    }

    fn export(graph: &KnowledgeGraph, include_comentions: bool) -> String {
        let mut out = Vec::new();
        write_dot(graph, &ExportOptions { include_comentions }, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_nodes_by_kind_with_escaped_names() {
        let dot = export(&sample_graph(), true);
        assert!(dot.starts_with("digraph kgraph {\n"), "{dot}");
        assert!(dot.ends_with("}\n"), "{dot}");
        assert!(dot.contains("rankdir=LR"));
        assert!(dot.contains("overlap=false"));
        assert!(dot.contains(r#"label="kgraph: 3 entities, 4 relations, 1 document""#));
        for line in [
            r##"  n0 [label="Iran", shape=box, fillcolor="#cfe2f3"];"##,
            r##"  n1 [label="Asa'ib \"Ahl\" \\ al-Haq", shape=diamond, fillcolor="#f4cccc"];"##,
            r##"  n2 [label="Qais al-Khazali", shape=ellipse, fillcolor="#fde0c5"];"##,
        ] {
            assert!(dot.lines().any(|l| l == line), "missing {line:?} in\n{dot}");
        }
    }

    #[test]
    fn writes_edges_labelled_and_coloured_by_class() {
        let dot = export(&sample_graph(), true);
        for line in [
            r##"  n0 -> n1 [label="fund?", color="#2e7d32", fontcolor="#2e7d32"];"##,
            r##"  n2 -> n1 [label="lead", color="#6a1b9a", fontcolor="#6a1b9a"];"##,
            r##"  n1 -> n0 [label="¬ attack", color="#c62828", fontcolor="#c62828"];"##,
            r##"  n0 -> n2 [style=dashed, color="#bdbdbd", arrowhead=none];"##,
        ] {
            assert!(dot.lines().any(|l| l == line), "missing {line:?} in\n{dot}");
        }
    }

    #[test]
    fn comentions_are_left_out_when_not_wanted() {
        let dot = export(&sample_graph(), false);
        assert!(!dot.contains("n0 -> n2"), "{dot}");
        assert!(!dot.contains("dashed"), "{dot}");
        assert!(!dot.contains("CoMention"), "{dot}");
        assert!(dot.contains(r#"label="kgraph: 3 entities, 3 relations, 1 document""#));
        assert!(dot.contains("n1 -> n0"));
    }

    #[test]
    fn legend_shows_the_kinds_and_classes_present_in_order() {
        let dot = export(&sample_graph(), true);
        let legend = &dot[dot.find("  subgraph cluster_legend {").unwrap()..];
        let legend_nodes: Vec<&str> = legend
            .lines()
            .filter_map(|l| l.trim().strip_prefix("legend_"))
            .filter(|l| !l.contains("_from") && !l.contains("_to "))
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        assert_eq!(legend_nodes, ["Person", "Country", "ArmedGroup"]);
        for line in [
            r##"    legend_Person [label="Person", shape=ellipse, fillcolor="#fde0c5"];"##,
            r##"    legend_Cooperation_from -> legend_Cooperation_to [label="Cooperation", color="#2e7d32", fontcolor="#2e7d32"];"##,
            r##"    legend_CoMention_from -> legend_CoMention_to [label="CoMention", color="#bdbdbd", fontcolor="#bdbdbd", style=dashed, arrowhead=none];"##,
        ] {
            assert!(
                legend.lines().any(|l| l == line),
                "missing {line:?} in\n{legend}"
            );
        }
        let sample_edges: Vec<&str> = legend
            .lines()
            .filter(|l| l.contains(" -> "))
            .filter_map(|l| l.split('"').nth(1))
            .collect();
        assert_eq!(
            sample_edges,
            ["Cooperation", "Conflict", "Leads", "CoMention"]
        );
    }

    #[test]
    fn empty_graph_has_no_legend() {
        let dot = export(&KnowledgeGraph::new(), true);
        assert!(!dot.contains("cluster_legend"), "{dot}");
        assert!(dot.contains(r#"label="kgraph: 0 entities, 0 relations, 0 documents""#));
    }

    #[test]
    fn output_is_deterministic() {
        let graph = sample_graph();
        assert_eq!(export(&graph, true), export(&graph, true));
    }
}
