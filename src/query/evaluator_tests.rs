//! The evaluator on a small hand-built graph: every command's answer (plain text, as insta snapshots),
//! and the exact errors for unknown, ambiguous and repeated names.

use super::ast::{OutputMode, Statement};
use super::evaluator::evaluate;
use super::parser::parse_line;
use super::render::render;
use crate::graph::KnowledgeGraph;
use crate::graph::test_graph::build;
use crate::model::{
    EntityKind::{ArmedGroup, Country, Organization, Person},
    RelationClass::{CoMention, Conflict, Cooperation, Leads, PartOf},
};
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
        ("neighbours_evidence", "neighbours Iraq evidence"),
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

/// An entity mentioned `counts[i]` times in document `i`.
fn mentioned_in(counts: &[usize]) -> KnowledgeGraph {
    use crate::graph::{Entity, Mention};
    use crate::model::Span;
    let mut graph = KnowledgeGraph::new();
    let mut mentions = Vec::new();
    for (index, &count) in counts.iter().enumerate() {
        let document = graph.add_document(format!("d{index:02}.txt"), "Ruritania. ".repeat(count));
        mentions.extend((0..count).map(|i| Mention {
            document,
            span: Span::new(i * 11, i * 11 + 9),
        }));
    }
    graph.add_entity(Entity {
        name: "Ruritania".into(),
        kind: Country,
        aliases: vec!["Ruritania".into()],
        mentions,
        kind_votes: Vec::new(),
    });
    graph
}

#[test]
fn an_entity_lists_its_documents_by_mentions_up_to_ten() {
    let cases: &[(&[usize], &str)] = &[
        (&[1], "d00.txt (1)"),
        (&[1, 3, 2], "d01.txt (3); d02.txt (2); d00.txt (1)"),
        (&[2, 0, 2], "d00.txt (2); d02.txt (2)"),
        (
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            "d11.txt (12); d10.txt (11); d09.txt (10); d08.txt (9); d07.txt (8); d06.txt (7); \
             d05.txt (6); d04.txt (5); d03.txt (4); d02.txt (3); … 2 more (12 documents in all)",
        ),
    ];
    for &(counts, expected) in cases {
        let card = answer(&mentioned_in(counts), "entity Ruritania", OutputMode::Plain);
        let documents = card
            .lines()
            .find_map(|line| line.strip_prefix("documents\t"))
            .unwrap_or_else(|| panic!("no documents line:\n{card}"));
        assert_eq!(documents, expected, "{counts:?}");
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
fn a_canonical_name_wins_over_another_entitys_alias() {
    // As in the SOTU graph: the organisation "United States'" also goes by "United States".
    let graph = build(
        &[
            ("United States", Country, &["US"]),
            ("United States'", Organization, &["United States"]),
            ("Prime Minister", Person, &["PM"]),
            (
                "Prime Minister Office",
                Organization,
                &["PM", "prime minister"],
            ),
        ],
        &[],
    );
    let cases = [
        ("entity \"United States\"", "# United States (Country)"),
        ("entity \"united states\"", "# United States (Country)"),
        (
            "entity \"United States'\"",
            "# United States' (Organization)",
        ),
        ("entity \"prime minister\"", "# Prime Minister (Person)"),
        (
            "entity PM",
            r#"error at 7..9: "PM" could be "Prime Minister (Person)" or "Prime Minister Office (Organization)"; use the full name"#,
        ),
    ];
    for (line, expected) in cases {
        let answer = answer(&graph, line, OutputMode::Plain);
        assert_eq!(answer.lines().next(), Some(expected), "{line}");
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

/// Issue 21: Ctrl-C did not stop the search for suggestions, the slow part of answering a long
/// unknown name on a large graph; it is stopped, and the answer says so where the name is.
#[test]
fn interrupted_suggestions_are_an_error() {
    let graph = world();
    let cancel = AtomicBool::new(true);
    let Ok(Statement::Query(query)) = parse_line("neighbours Irak") else {
        panic!("parses");
    };
    let error = evaluate(&graph, &query, &cancel).unwrap_err();
    assert_eq!(
        (error.to_string(), error.span),
        (
            "interrupted (Ctrl-C)".to_string(),
            crate::model::Span::new(11, 15)
        )
    );
}

/// A relation with dated evidence: `(subject, predicate, class, object, [(sentence, period)])`.
type Dated<'a> = (
    &'a str,
    &'a str,
    crate::model::RelationClass,
    &'a str,
    Vec<(&'a str, Option<crate::model::Period>)>,
);

/// The relations of [`dated_world`], each sentence dated as it reads.
fn dated_relations() -> Vec<Dated<'static>> {
    use crate::model::Period;
    let since = |year| Period {
        from: Some(year),
        to: None,
    };
    let until = |year| Period {
        from: None,
        to: Some(year),
    };
    let years = |from, to| Period {
        from: Some(from),
        to: Some(to),
    };
    vec![
        (
            "Iraq",
            "sign agreement with",
            Cooperation,
            "China",
            vec![
                (
                    "In 2019, Iraq signed an agreement with China.",
                    Some(Period::year(2019)),
                ),
                ("Iraq signed an agreement with China.", None),
            ],
        ),
        (
            "United States",
            "support",
            Cooperation,
            "Iraq",
            vec![("Until 2011 the US supported Iraq.", Some(until(2011)))],
        ),
        (
            "United States",
            "sanction",
            Conflict,
            "Iraq",
            vec![("The US sanctioned Iraq.", None)],
        ),
        (
            "Iran",
            "back",
            Cooperation,
            "Kataib Hezbollah",
            vec![("Since 2014 Iran has backed KH.", Some(since(2014)))],
        ),
        (
            "Iraq",
            "cooperate with",
            Cooperation,
            "Iran",
            vec![(
                "Between 2006 and 2008 Iraq cooperated with Iran.",
                Some(years(2006, 2008)),
            )],
        ),
        (
            "United States",
            "strike",
            Conflict,
            "Kataib Hezbollah",
            vec![("In 2020 the US struck KH.", Some(Period::year(2020)))],
        ),
    ]
}

/// A graph whose evidence is dated, for the time windows: the [`dated_relations`], every sentence
/// in one document.
fn dated_world() -> KnowledgeGraph {
    use crate::graph::{Entity, Evidence, Relation};
    use crate::model::Span;
    let relations = dated_relations();
    let mut text = String::new();
    let mut sentences = Vec::new();
    for (_, _, _, _, evidence) in &relations {
        for (sentence, time) in evidence {
            let start = text.len();
            text.push_str(sentence);
            sentences.push((Span::new(start, text.len()), *time));
            text.push(' ');
        }
    }
    let mut graph = KnowledgeGraph::new();
    let document = graph.add_document("dated.txt".into(), text);
    let mut ids = std::collections::HashMap::new();
    for (name, kind) in [
        ("Iraq", Country),
        ("China", Country),
        ("United States", Country),
        ("Iran", Country),
        ("Kataib Hezbollah", ArmedGroup),
    ] {
        let aliases = match name {
            "United States" => vec!["US".to_string(), name.to_string()],
            "Kataib Hezbollah" => vec!["KH".to_string(), name.to_string()],
            _ => vec![name.to_string()],
        };
        let id = graph.add_entity(Entity {
            name: name.to_string(),
            kind,
            aliases,
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        ids.insert(name, id);
    }
    let mut sentences = sentences.into_iter();
    for (subject, predicate, class, object, evidence) in relations {
        let evidence: Vec<Evidence> = evidence
            .iter()
            .zip(sentences.by_ref())
            .map(|(_, (span, time))| Evidence::new(document, span, "test", time))
            .collect();
        graph.add_relation(
            ids[subject],
            ids[object],
            Relation::new(predicate, class, evidence),
        );
    }
    graph
}

#[test]
fn a_time_window_keeps_relations_dated_inside_it() {
    let graph = dated_world();
    let cases = [
        // Undated evidence never passes a window: the sanction is gone, and so is China, whose only
        // dated sentence (2019) falls outside it.
        (
            "neighbours Iraq until 2012",
            "# entities within 1 hop of Iraq (all classes, until 2012, both ways): 2 neighbours, 2 links\n\
             # entities: hops\tentity\tkind\n\
             1\tIran\tCountry\n\
             1\tUnited States\tCountry\n\
             # links: hop\tsubject\trelation\tobject\tclass\n\
             1\tIraq\tcooperate with\tIran\tCooperation\n\
             1\tUnited States\tsupport\tIraq\tCooperation\n",
        ),
        (
            "neighbours Iraq since 2014",
            "# entities within 1 hop of Iraq (all classes, since 2014, both ways): 1 neighbour, 1 link\n\
             # entities: hops\tentity\tkind\n\
             1\tChina\tCountry\n\
             # links: hop\tsubject\trelation\tobject\tclass\n\
             1\tIraq\tsign agreement with\tChina\tCooperation\n",
        ),
        // An open period overlaps every window that reaches it: "since 2014" meets "in 2030".
        (
            "neighbours KH in 2030",
            "# entities within 1 hop of Kataib Hezbollah (all classes, in 2030, both ways): 1 neighbour, 1 link\n\
             # entities: hops\tentity\tkind\n\
             1\tIran\tCountry\n\
             # links: hop\tsubject\trelation\tobject\tclass\n\
             1\tIran\tback\tKataib Hezbollah\tCooperation\n",
        ),
        // Without a window the undated sentence counts; with one, only the dated sentence is shown.
        (
            "why Iraq China",
            "# 1 relation between Iraq and China (all classes), 2 sentences\n\
             # relations: subject\trelation\tobject\tclass\tdocument\trule\ttime\tevidence\n\
             Iraq\tsign agreement with\tChina\tCooperation\tdated.txt\ttest\t[2019]\tIn 2019, Iraq signed an agreement with China.\n\
             Iraq\tsign agreement with\tChina\tCooperation\tdated.txt\ttest\t\tIraq signed an agreement with China.\n",
        ),
        (
            "why Iraq China between 2018 and 2020",
            "# 1 relation between Iraq and China (all classes, between 2018 and 2020), 1 sentence\n\
             # relations: subject\trelation\tobject\tclass\tdocument\trule\ttime\tevidence\n\
             Iraq\tsign agreement with\tChina\tCooperation\tdated.txt\ttest\t[2019]\tIn 2019, Iraq signed an agreement with China.\n",
        ),
        (
            "why US Iraq in 2015",
            "# 0 relations between United States and Iraq (all classes, in 2015), 0 sentences\n\
             # relations: subject\trelation\tobject\tclass\tdocument\trule\ttime\tevidence\n\
             # note: `path \"United States\" \"Iraq\" undirected` looks for a chain of relations\n",
        ),
        // China's only dated link to Iraq is of 2019: before that, no route reaches it.
        (
            "path China KH undirected until 2010",
            "# no path from China to Kataib Hezbollah (all classes, until 2010, either way)\n",
        ),
        // From Iraq to Kataib Hezbollah, two routes of two hops: through the US (its support dated until
        // 2011, its strike 2020) and through Iran (2006–2008, then since 2014). At any time the US comes
        // first; between 2008 and 2014 the strike is out and only Iran's route is left; until 2012
        // neither is whole.
        (
            "path Iraq KH undirected",
            "# a shortest path from Iraq to Kataib Hezbollah: 2 hops (all classes, either way)\n\
             # hops: step\tfrom\tlink\tto\tclass\tdocument\ttime\tevidence\n\
             1\tIraq\t<-[support]-\tUnited States\tCooperation\tdated.txt\t[until 2011]\tUntil 2011 the US supported Iraq.\n\
             2\tUnited States\t-[strike]->\tKataib Hezbollah\tConflict\tdated.txt\t[2020]\tIn 2020 the US struck KH.\n\
             # note: a hop with several relations shows the strongest; `why A B` lists them all\n",
        ),
        (
            "path Iraq KH undirected between 2008 and 2014",
            "# a shortest path from Iraq to Kataib Hezbollah: 2 hops (all classes, between 2008 and 2014, either way)\n\
             # hops: step\tfrom\tlink\tto\tclass\tdocument\ttime\tevidence\n\
             1\tIraq\t-[cooperate with]->\tIran\tCooperation\tdated.txt\t[2006–2008]\tBetween 2006 and 2008 Iraq cooperated with Iran.\n\
             2\tIran\t-[back]->\tKataib Hezbollah\tCooperation\tdated.txt\t[since 2014]\tSince 2014 Iran has backed KH.\n",
        ),
        (
            "path Iraq KH undirected until 2012",
            "# no path from Iraq to Kataib Hezbollah (all classes, until 2012, either way)\n",
        ),
        // The window reaches the algorithms behind `common` and `top` too: in 2020 Kataib Hezbollah
        // is struck (2020) and backed (since 2014), Iraq has no dated link.
        (
            "common Iraq KH since 2014",
            "# 0 entities linked to both Iraq and Kataib Hezbollah (all classes, since 2014)\n\
             # entities: entity\tkind\twith Iraq\twith Kataib Hezbollah\n",
        ),
        (
            "top 2 in 2020",
            "# the 2 most central entities by degree (all classes, in 2020, either way)\n\
             # ranking: rank\tentity\tkind\tdegree\n\
             1\tKataib Hezbollah\tArmedGroup\t2\n\
             2\tIran\tCountry\t1\n",
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(answer(&graph, line, OutputMode::Plain), expected, "{line}");
    }
}

#[test]
fn json_gives_each_dated_sentence_its_period() {
    let graph = dated_world();
    let json: serde_json::Value =
        serde_json::from_str(&answer(&graph, "why Iraq China", OutputMode::Json)).unwrap();
    let rows = &json["relations"];
    assert_eq!(
        rows[0]["time"],
        serde_json::json!({"from": 2019, "to": 2019})
    );
    assert!(rows[1].get("time").is_none(), "{}", rows[1]);
    let json: serde_json::Value = serde_json::from_str(&answer(
        &graph,
        "path Iraq KH undirected between 2008 and 2014",
        OutputMode::Json,
    ))
    .unwrap();
    assert_eq!(
        json["hops"][0]["time"],
        serde_json::json!({"from": 2006, "to": 2008})
    );
    assert_eq!(
        json["hops"][1]["time"],
        serde_json::json!({"from": 2014, "to": null})
    );
}
