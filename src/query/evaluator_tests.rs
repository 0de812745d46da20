//! The evaluator on a small hand-built graph: every command's answer (plain text, as insta snapshots),
//! and the exact errors for unknown, ambiguous and repeated names.

use super::ast::{OutputMode, Statement};
use super::evaluator::evaluate;
use super::parser::parse_line;
use super::render::render;
use crate::extract::EntityKind::{ArmedGroup, Country, Organization, Person};
use crate::extract::RelationClass::{CoMention, Conflict, Cooperation, Leads, PartOf};
use crate::graph::KnowledgeGraph;
use crate::graph::test_graph::build;
use std::sync::atomic::AtomicBool;

fn world() -> KnowledgeGraph {
    build(
        &[
            ("Iraq", Country, &["Republic of Iraq"]),
            ("United States", Country, &["US", "America"]),
            ("China", Country, &[]),
            ("Iran", Country, &[]),
            ("Russia", Country, &[]),
            (
                "Popular Mobilization Forces",
                ArmedGroup,
                &["PMF", "Hashd", "PM"],
            ),
            ("Kataib Hezbollah", ArmedGroup, &["KH"]),
            ("Nouri al-Maliki", Person, &["Maliki"]),
            ("Prime Minister Office", Organization, &["PM"]),
        ],
        &[
            ("Popular Mobilization Forces", "part of", PartOf, "Iraq"),
            (
                "Kataib Hezbollah",
                "part of",
                PartOf,
                "Popular Mobilization Forces",
            ),
            ("Iran", "back", Cooperation, "Popular Mobilization Forces"),
            ("Iran", "cooperate with", Cooperation, "Russia"),
            ("United States", "strike", Conflict, "Kataib Hezbollah"),
            ("Iraq", "sign agreement with", Cooperation, "China"),
            ("United States", "support", Cooperation, "Iraq"),
            ("China", "co-mentioned with", CoMention, "United States"),
            ("Nouri al-Maliki", "lead", Leads, "Iraq"),
            ("United States", "sanction", Conflict, "Iraq"),
        ],
    )
}

/// Parses and answers `line`, drawn in `mode`; an error is drawn as its message.
fn answer(graph: &KnowledgeGraph, line: &str, mode: OutputMode) -> String {
    let never = AtomicBool::new(false);
    match parse_line(line) {
        Ok(Statement::Query(query)) => match evaluate(graph, &query, &never) {
            Ok(report) => render(&report, mode),
            Err(error) => format!("error at {}..{}: {error}", error.span.start, error.span.end),
        },
        Ok(other) => panic!("{line:?} is not a query: {other:?}"),
        Err(error) => panic!("{line:?} does not parse: {error}"),
    }
}

#[test]
fn every_command_answers() {
    let graph = world();
    let queries = [
        ("entity", "entity pmf"),
        ("neighbours", "neighbours Iraq"),
        (
            "neighbours_filtered",
            "neighbours Iran depth 3 class Cooperation,PartOf out",
        ),
        ("neighbours_kind", "neighbours Iraq depth 2 kind ArmedGroup"),
        ("path_directed_none", "path PMF Russia"),
        ("path_undirected", "path PMF Russia undirected"),
        (
            "path_several_relations",
            "path US China undirected class Cooperation,Conflict",
        ),
        ("paths_shortest", "paths KH Iraq undirected"),
        (
            "paths_simple_limited",
            "paths KH China max 4 limit 2 undirected",
        ),
        ("common", "common Iraq Iran"),
        ("why", "why America iraq"),
        ("why_none", "why Russia China"),
        ("find", "find ir"),
        ("top_degree", "top 3"),
        ("top_betweenness", "top 3 by betweenness"),
        ("top_pagerank", "top by pagerank kind country"),
        ("stats", "stats"),
        ("docs", "docs"),
        ("help", "help"),
        ("help_topic", "help paths"),
    ];
    for (name, line) in queries {
        insta::assert_snapshot!(
            format!("evaluate_{name}"),
            answer(&graph, line, OutputMode::Plain),
            line
        );
    }
}

#[test]
fn table_mode_aligns_the_answer() {
    insta::assert_snapshot!(answer(
        &world(),
        "path Maliki Iran undirected",
        OutputMode::Table
    ));
}

#[test]
fn names_that_do_not_resolve_get_help() {
    let graph = world();
    let cases = [
        (
            "entity Irak",
            r#"error at 7..11: no entity is called "Irak"; did you mean "Iran" or "Iraq"?"#,
        ),
        (
            "neighbours \"Popular Mobilisation Forces\"",
            r#"error at 11..40: no entity is called "Popular Mobilisation Forces"; did you mean "Popular Mobilization Forces"?"#,
        ),
        (
            "path Hezbollah Iraq",
            r#"error at 5..14: no entity is called "Hezbollah"; did you mean "Kataib Hezbollah"?"#,
        ),
        (
            "entity pm",
            r#"error at 7..9: "pm" could be "Popular Mobilization Forces (ArmedGroup)" or "Prime Minister Office (Organization)"; use the full name"#,
        ),
        (
            "why PMF Hashd",
            r#"error at 4..13: "PMF" and "Hashd" are both Popular Mobilization Forces; name two different entities"#,
        ),
        (
            "why Iraq Atlantis",
            r#"error at 9..17: no entity is called "Atlantis""#,
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(answer(&graph, line, OutputMode::Plain), expected, "{line}");
    }
}

#[test]
fn the_answer_knows_its_subgraph() {
    let graph = world();
    let never = AtomicBool::new(false);
    let Ok(Statement::Query(query)) = parse_line("path Maliki Russia undirected") else {
        panic!("parses");
    };
    let report = evaluate(&graph, &query, &never).unwrap();
    let names: Vec<String> = report
        .entities
        .iter()
        .filter_map(|&id| graph.entity(id))
        .map(|e| e.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Nouri al-Maliki",
            "Iraq",
            "Popular Mobilization Forces",
            "Iran",
            "Russia"
        ]
    );
    assert_eq!(report.relations.len(), 4);
}

#[test]
fn interrupted_centrality_is_an_error() {
    let graph = world();
    let cancel = AtomicBool::new(true);
    let Ok(Statement::Query(query)) = parse_line("top by betweenness") else {
        panic!("parses");
    };
    let error = evaluate(&graph, &query, &cancel).unwrap_err();
    assert_eq!(error.to_string(), "interrupted (Ctrl-C)");
}
