//! The export formats are contracts with tools outside kgraph. These tests pin the NetworkX
//! node-link JSON byte for byte (insta snapshots), load it with NetworkX itself and render the DOT
//! with GraphViz when those are installed, and run `kg export` end to end.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::export::dot::write_dot;
use kgraph::export::json::write_json;
use kgraph::export::{ExportFormat, ExportOptions, write_export};
use kgraph::graph::{Entity, Evidence, KnowledgeGraph, Mention, Relation, save_graph};
use kgraph::model::{EntityKind, RelationClass, Span};
use std::path::Path;
use std::process::Command;

const BRIEFING: &str = "Iran backs Kataib Hezbollah. Kataib Hezbollah attacked US forces.";
const STATEMENT: &str =
    "Qais al-Khazali leads Asa'ib Ahl al-Haq.\nIt reportedly receives funds from Iran.";

fn mention(document: u32, start: usize, end: usize) -> Mention {
    Mention {
        document,
        span: Span::new(start, end),
    }
}

fn entity(name: &str, kind: EntityKind, aliases: &[&str], mentions: Vec<Mention>) -> Entity {
    Entity {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
        kind_votes: Vec::new(),
    }
}

struct Link<'a> {
    predicate: &'a str,
    class: RelationClass,
    negated: bool,
    hedged: bool,
    document: u32,
    sentence: (usize, usize),
    rule: &'a str,
}

fn relation(link: Link<'_>) -> Relation {
    Relation::new(
        link.predicate,
        link.class,
        [Evidence::new(
            link.document,
            Span::new(link.sentence.0, link.sentence.1),
            link.rule,
            None,
        )],
    )
    .with_negated(link.negated)
    .with_hedged(link.hedged)
}

/// Two documents, four entities, parallel edges from Iran to Kataib Hezbollah, a negated and a
/// hedged relation, and two co-mentions.
fn sample_graph() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let briefing = graph.add_document("briefing.txt".into(), BRIEFING.into());
    let statement = graph.add_document("statement.txt".into(), STATEMENT.into());
    assert_eq!(&BRIEFING[29..65], "Kataib Hezbollah attacked US forces.");
    assert_eq!(
        &STATEMENT[41..80],
        "It reportedly receives funds from Iran."
    );

    let iran = graph.add_entity(entity(
        "Iran",
        EntityKind::Country,
        &["Iran"],
        vec![mention(briefing, 0, 4), mention(statement, 75, 79)],
    ));
    let kataib = graph.add_entity(entity(
        "Kataib Hezbollah",
        EntityKind::ArmedGroup,
        &["KH", "Kataib Hezbollah"],
        vec![mention(briefing, 11, 27), mention(briefing, 29, 45)],
    ));
    let khazali = graph.add_entity(entity(
        "Qais al-Khazali",
        EntityKind::Person,
        &["Khazali", "Qais al-Khazali"],
        vec![mention(statement, 0, 15)],
    ));
    let asaib = graph.add_entity(entity(
        "Asa'ib Ahl al-Haq",
        EntityKind::ArmedGroup,
        &["Asa'ib Ahl al-Haq"],
        vec![mention(statement, 22, 39)],
    ));

    let briefing_first = (0, 28);
    let briefing_second = (29, 65);
    let statement_first = (0, 40);
    let statement_second = (41, 80);
    let link = |predicate, class, sentence, document, rule| Link {
        predicate,
        class,
        negated: false,
        hedged: false,
        document,
        sentence,
        rule,
    };
    graph.add_relation(
        iran,
        kataib,
        relation(link(
            "back",
            RelationClass::Cooperation,
            briefing_first,
            briefing,
            "subject_verb_object",
        )),
    );
    graph.add_relation(
        kataib,
        iran,
        relation(Link {
            negated: true,
            ..link(
                "attack",
                RelationClass::Conflict,
                briefing_second,
                briefing,
                "subject_verb_object",
            )
        }),
    );
    graph.add_relation(
        khazali,
        asaib,
        relation(link(
            "lead",
            RelationClass::Leads,
            statement_first,
            statement,
            "leader_of",
        )),
    );
    graph.add_relation(
        asaib,
        iran,
        relation(Link {
            hedged: true,
            ..link(
                "receive funds from",
                RelationClass::Cooperation,
                statement_second,
                statement,
                "subject_verb_object",
            )
        }),
    );
    graph.add_relation(
        iran,
        kataib,
        relation(link(
            "co-mention",
            RelationClass::CoMention,
            briefing_first,
            briefing,
            "same_sentence",
        )),
    );
    graph.add_relation(
        khazali,
        asaib,
        relation(link(
            "co-mention",
            RelationClass::CoMention,
            statement_first,
            statement,
            "same_sentence",
        )),
    );
    graph
}

fn json(graph: &KnowledgeGraph, include_comentions: bool) -> String {
    let mut out = Vec::new();
    write_json(graph, &ExportOptions { include_comentions }, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn dot(graph: &KnowledgeGraph, include_comentions: bool) -> String {
    let mut out = Vec::new();
    write_dot(graph, &ExportOptions { include_comentions }, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn json_contract() {
    insta::assert_snapshot!(json(&sample_graph(), true));
}

#[test]
fn json_contract_without_comentions() {
    insta::assert_snapshot!(json(&sample_graph(), false));
}

#[test]
fn dot_output() {
    insta::assert_snapshot!(dot(&sample_graph(), true));
}

#[test]
fn write_export_dispatches_to_each_format() {
    let graph = sample_graph();
    let options = ExportOptions::default();
    for (format, expected) in [
        (ExportFormat::Json, json(&graph, true)),
        (ExportFormat::Dot, dot(&graph, true)),
    ] {
        let mut out = Vec::new();
        write_export(&graph, format, &options, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected, "{format:?}");
    }
}

/// Runs `program args`, or says why not when the program is missing, so machines without it skip.
fn run_if_installed(program: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(program).args(args).output() {
        Ok(output) => Some(output),
        Err(error) => {
            eprintln!("skipping: cannot run {program}: {error}");
            None
        }
    }
}

#[test]
fn json_loads_in_networkx() {
    let Some(probe) = run_if_installed("python3", &["-c", "import networkx"]) else {
        return;
    };
    if !probe.status.success() {
        eprintln!("skipping: python3 has no networkx");
        return;
    }
    let graph = sample_graph();
    for (include_comentions, expected) in [
        (
            true,
            "4 6 True True\n[(0, 1, 0), (0, 1, 1), (1, 0, 0), (2, 3, 0), (2, 3, 1), (3, 0, 0)]\n",
        ),
        (
            false,
            "4 4 True True\n[(0, 1, 0), (1, 0, 0), (2, 3, 0), (3, 0, 0)]\n",
        ),
    ] {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), json(&graph, include_comentions)).unwrap();
        let output = Command::new("python3")
            .args([
                "-c",
                "import json,networkx,sys\n\
                 g=networkx.node_link_graph(json.load(open(sys.argv[1])), edges='links')\n\
                 print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph())\n\
                 print(sorted(g.edges(keys=True)))",
            ])
            .arg(file.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "networkx failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    }
}

#[test]
fn dot_renders_with_graphviz() {
    let Some(probe) = run_if_installed("dot", &["-V"]) else {
        return;
    };
    if !probe.status.success() {
        eprintln!("skipping: `dot -V` failed");
        return;
    }
    let mut graph = sample_graph();
    // A name with every character the escaping has to handle.
    graph.add_entity(entity(
        "Asa'ib \"Ahl\" \\ al-Haq\nsecond line\\",
        EntityKind::Organization,
        &[],
        Vec::new(),
    ));
    for include_comentions in [true, false] {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), dot(&graph, include_comentions)).unwrap();
        let output = Command::new("dot")
            .arg("-Tsvg")
            .arg(file.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "dot failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let svg = String::from_utf8(output.stdout).unwrap();
        assert!(svg.contains("<svg"), "{svg}");
        assert!(
            svg.contains("Asa&#39;ib &quot;Ahl&quot; \\ al&#45;Haq"),
            "{svg}"
        );
    }
}

fn kg_export(graph_file: &Path, extra: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("export")
        .arg(graph_file)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "kg export failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn kg_export_writes_what_the_library_writes() {
    let graph = sample_graph();
    let directory = tempfile::tempdir().unwrap();
    let graph_file = directory.path().join("graph.ron");
    save_graph(&graph, &graph_file).unwrap();
    assert_eq!(
        kg_export(&graph_file, &["--format", "json"]),
        json(&graph, true)
    );
    assert_eq!(
        kg_export(&graph_file, &["--format", "json", "--no-comentions"]),
        json(&graph, false)
    );
    assert_eq!(
        kg_export(&graph_file, &["--format", "dot", "--no-comentions"]),
        dot(&graph, false)
    );
}
