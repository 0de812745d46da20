//! Tests of the graph algorithms on small graphs whose answers can be worked out by hand.

use super::test_graph::{build, id, names};
use super::{Cancelled, KnowledgeGraph, RelationFilter, WalkDirection};
use crate::extract::EntityKind::{self, Country, Organization, Person};
use crate::extract::RelationClass::{self, CoMention, Conflict, Cooperation, PartOf};
use std::sync::atomic::AtomicBool;

/// A → B (Cooperation), B → C (Conflict), C → D (Cooperation), E → A (PartOf), A – F (CoMention).
fn sample() -> KnowledgeGraph {
    build(
        &[
            ("A", Country, &[]),
            ("B", Country, &[]),
            ("C", Country, &[]),
            ("D", Person, &[]),
            ("E", Organization, &[]),
            ("F", Person, &[]),
        ],
        &[
            ("A", "back", Cooperation, "B"),
            ("B", "attack", Conflict, "C"),
            ("C", "back", Cooperation, "D"),
            ("E", "belong to", PartOf, "A"),
            ("A", "co-mentioned with", CoMention, "F"),
        ],
    )
}

/// Undirected relations between single-letter entities, all of one class.
fn undirected(edges: &[(&'static str, &'static str)]) -> KnowledgeGraph {
    let mut letters: Vec<&str> = edges.iter().flat_map(|&(a, b)| [a, b]).collect();
    letters.sort();
    letters.dedup();
    let entities: Vec<_> = letters.iter().map(|&l| (l, Country, &[][..])).collect();
    let relations: Vec<_> = edges
        .iter()
        .map(|&(a, b)| (a, "link", Cooperation, b))
        .collect();
    build(&entities, &relations)
}

fn never() -> AtomicBool {
    AtomicBool::new(false)
}

#[test]
fn neighbourhood_follows_depth_direction_classes_and_kinds() {
    let graph = sample();
    struct Case {
        depth: usize,
        classes: &'static [RelationClass],
        direction: WalkDirection,
        kinds: &'static [EntityKind],
        entities: &'static str,
        relations: usize,
    }
    use WalkDirection::{Both, Incoming, Outgoing};
    let cases = [
        Case {
            depth: 0,
            classes: &[],
            direction: Both,
            kinds: &[],
            entities: "A0",
            relations: 0,
        },
        Case {
            depth: 1,
            classes: &[],
            direction: Both,
            kinds: &[],
            entities: "A0 B1 E1 F1",
            relations: 3,
        },
        Case {
            depth: 2,
            classes: &[],
            direction: Both,
            kinds: &[],
            entities: "A0 B1 E1 F1 C2",
            relations: 4,
        },
        Case {
            depth: 9,
            classes: &[],
            direction: Both,
            kinds: &[],
            entities: "A0 B1 E1 F1 C2 D3",
            relations: 5,
        },
        Case {
            depth: 9,
            classes: &[],
            direction: Outgoing,
            kinds: &[],
            entities: "A0 B1 F1 C2 D3",
            relations: 4,
        },
        Case {
            depth: 9,
            classes: &[],
            direction: Incoming,
            kinds: &[],
            entities: "A0 E1",
            relations: 1,
        },
        Case {
            depth: 9,
            classes: &[Cooperation],
            direction: Both,
            kinds: &[],
            entities: "A0 B1",
            relations: 1,
        },
        Case {
            depth: 9,
            classes: &[Cooperation, Conflict],
            direction: Both,
            kinds: &[],
            entities: "A0 B1 C2 D3",
            relations: 3,
        },
        Case {
            depth: 9,
            classes: &[],
            direction: Both,
            kinds: &[Country],
            entities: "A0 B1 C2",
            relations: 2,
        },
        Case {
            depth: 9,
            classes: &[],
            direction: Both,
            kinds: &[Person],
            entities: "A0 F1",
            relations: 1,
        },
    ];
    for case in cases {
        let filter = RelationFilter::with_classes(case.classes, case.direction);
        let found = graph.neighbourhood(id(&graph, "A"), case.depth, &filter, case.kinds);
        let entities: Vec<String> = found
            .entities
            .iter()
            .map(|&(entity, distance)| format!("{}{distance}", names(&graph, &[entity])[0]))
            .collect();
        let label = format!(
            "depth {} classes {:?} {:?} kinds {:?}",
            case.depth, case.classes, case.direction, case.kinds
        );
        assert_eq!(entities.join(" "), case.entities, "{label}");
        assert_eq!(found.relations.len(), case.relations, "{label}");
    }
}

#[test]
fn neighbourhood_lists_relations_nearest_first() {
    let graph = sample();
    let found = graph.neighbourhood(id(&graph, "B"), 2, &RelationFilter::default(), &[]);
    let predicates: Vec<&str> = found
        .relations
        .iter()
        .filter_map(|&r| graph.relation(r))
        .map(|r| r.relation.predicate())
        .collect();
    assert_eq!(
        predicates,
        ["back", "attack", "back", "belong to", "co-mentioned with"]
    );
}

#[test]
fn shortest_path_respects_direction_and_classes() {
    let graph = sample();
    let path = |from: &str, to: &str, classes: &[RelationClass], direction| {
        graph
            .shortest_path(
                id(&graph, from),
                id(&graph, to),
                &RelationFilter::with_classes(classes, direction),
            )
            .map(|p| names(&graph, &p.entities).join(" "))
    };
    use WalkDirection::{Both, Outgoing};
    assert_eq!(path("A", "D", &[], Outgoing).as_deref(), Some("A B C D"));
    assert_eq!(path("D", "A", &[], Outgoing), None);
    assert_eq!(path("D", "A", &[], Both).as_deref(), Some("D C B A"));
    assert_eq!(path("E", "F", &[], Outgoing).as_deref(), Some("E A F"));
    assert_eq!(path("A", "D", &[Cooperation], Both), None);
    let hops = graph
        .shortest_path(id(&graph, "A"), id(&graph, "C"), &RelationFilter::default())
        .map(|p| p.hops)
        .unwrap_or_default();
    let predicates: Vec<&str> = hops
        .iter()
        .map(|hop| {
            graph
                .relation(hop.relations[0])
                .map_or("", |r| r.relation.predicate())
        })
        .collect();
    assert_eq!(predicates, ["back", "attack"]);
}

#[test]
fn all_shortest_paths_are_counted_listed_in_order_and_limited() {
    // Two diamonds in a row: 2 × 2 = 4 shortest paths from a to g.
    let graph = undirected(&[
        ("a", "b"),
        ("a", "c"),
        ("b", "d"),
        ("c", "d"),
        ("d", "e"),
        ("d", "f"),
        ("e", "g"),
        ("f", "g"),
        ("a", "x"),
    ]);
    let filter = RelationFilter::default();
    let (a, g) = (id(&graph, "a"), id(&graph, "g"));
    let all = graph
        .all_shortest_paths(a, g, &filter, 10, &never())
        .unwrap();
    let listed: Vec<String> = all
        .paths
        .iter()
        .map(|p| names(&graph, &p.entities).concat())
        .collect();
    assert_eq!(listed, ["abdeg", "abdfg", "acdeg", "acdfg"]);
    assert_eq!((all.total, all.truncated), (Some(4), false));
    let cut = graph
        .all_shortest_paths(a, g, &filter, 3, &never())
        .unwrap();
    assert_eq!(
        (cut.paths.len(), cut.total, cut.truncated),
        (3, Some(4), true)
    );
    let none = graph
        .all_shortest_paths(
            a,
            g,
            &RelationFilter::with_classes(&[Conflict], WalkDirection::Both),
            10,
            &never(),
        )
        .unwrap();
    assert!(none.paths.is_empty() && none.total.is_none());
}

#[test]
fn simple_paths_are_bounded_by_hops_and_limit() {
    // A square with a diagonal: from a to c there are paths of 1, 2 and 3 hops.
    let graph = undirected(&[("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c")]);
    let (a, c) = (id(&graph, "a"), id(&graph, "c"));
    let filter = RelationFilter::default();
    let listed = |max_hops: usize, limit: usize| {
        let list = graph
            .simple_paths(a, c, &filter, max_hops, limit, &never())
            .unwrap();
        let paths: Vec<String> = list
            .paths
            .iter()
            .map(|p| names(&graph, &p.entities).concat())
            .collect();
        (paths.join(" "), list.truncated)
    };
    let cases = [
        (1, 10, "ac", false),
        (2, 10, "ac abc adc", false),
        (3, 10, "ac abc adc", false),
        (2, 2, "ac abc", true),
        (2, 3, "ac abc adc", false),
    ];
    for (max_hops, limit, expected, truncated) in cases {
        assert_eq!(
            listed(max_hops, limit),
            (expected.to_string(), truncated),
            "max {max_hops} limit {limit}"
        );
    }
}

#[test]
fn long_searches_stop_when_cancelled() {
    let graph = undirected(&[("a", "b"), ("b", "c")]);
    let cancel = AtomicBool::new(true);
    let filter = RelationFilter::default();
    let (a, c) = (id(&graph, "a"), id(&graph, "c"));
    assert_eq!(
        graph.simple_paths(a, c, &filter, 5, 10, &cancel),
        Err(Cancelled)
    );
    assert_eq!(
        graph.all_shortest_paths(a, c, &filter, 10, &cancel),
        Err(Cancelled)
    );
    assert_eq!(graph.betweenness(&filter, &cancel), Err(Cancelled));
    assert_eq!(graph.page_rank(&filter, &cancel), Err(Cancelled));
}

/// The measure of each entity, by name, rounded to 4 decimals.
fn rounded(graph: &KnowledgeGraph, values: Vec<(super::EntityId, f64)>) -> Vec<(String, f64)> {
    values
        .into_iter()
        .map(|(entity, value)| {
            (
                names(graph, &[entity])[0].clone(),
                (value * 1e4).round() / 1e4,
            )
        })
        .collect()
}

#[test]
fn betweenness_matches_hand_computed_values() {
    // Path a–b–c–d: b lies on the shortest paths a–c and a–d (2 of the 3 unordered pairs without it).
    // Diamond: each of the four lies on one of the two shortest paths between the opposite pair: ½ of 3.
    // Star with 4 leaves: the centre lies on every one of the 6 leaf pairs.
    type Case = (
        &'static [(&'static str, &'static str)],
        WalkDirection,
        &'static [(&'static str, f64)],
    );
    let cases: &[Case] = &[
        (
            &[("a", "b"), ("b", "c"), ("c", "d")],
            WalkDirection::Both,
            &[("a", 0.0), ("b", 0.6667), ("c", 0.6667), ("d", 0.0)],
        ),
        (
            // Directed, b is on a→c and a→d: 2 of the 6 ordered pairs without it.
            &[("a", "b"), ("b", "c"), ("c", "d")],
            WalkDirection::Outgoing,
            &[("a", 0.0), ("b", 0.3333), ("c", 0.3333), ("d", 0.0)],
        ),
        (
            &[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")],
            WalkDirection::Both,
            &[("a", 0.1667), ("b", 0.1667), ("c", 0.1667), ("d", 0.1667)],
        ),
        (
            &[("o", "a"), ("o", "b"), ("o", "c"), ("o", "d")],
            WalkDirection::Both,
            &[("a", 0.0), ("b", 0.0), ("c", 0.0), ("d", 0.0), ("o", 1.0)],
        ),
    ];
    for (edges, direction, expected) in cases {
        let graph = undirected(edges);
        let values = graph
            .betweenness(&RelationFilter::new(*direction), &never())
            .unwrap();
        let mut got = rounded(&graph, values);
        got.sort_by(|x, y| x.0.cmp(&y.0));
        let expected: Vec<(String, f64)> =
            expected.iter().map(|&(n, v)| (n.to_string(), v)).collect();
        assert_eq!(got, expected, "{edges:?} {direction:?}");
    }
}

#[test]
fn page_rank_matches_hand_computed_values() {
    // a → b, b has no link: r_a = 0.15/2 + 0.85·r_b/2 and r_a + r_b = 1 give r_a = 0.5/1.425.
    let graph = undirected(&[("a", "b")]);
    let ranks = graph
        .page_rank(&RelationFilter::new(WalkDirection::Outgoing), &never())
        .unwrap();
    assert_eq!(
        rounded(&graph, ranks),
        [("a".to_string(), 0.3509), ("b".to_string(), 0.6491)]
    );
    // A directed cycle: every entity ranks the same.
    let cycle = undirected(&[("a", "b"), ("b", "c"), ("c", "a")]);
    let ranks = cycle
        .page_rank(&RelationFilter::new(WalkDirection::Outgoing), &never())
        .unwrap();
    assert!(
        ranks.iter().all(|&(_, r)| (r - 1.0 / 3.0).abs() < 1e-9),
        "{ranks:?}"
    );
    // Everyone points at the hub: it ranks highest, and the ranks sum to 1.
    let star = undirected(&[("a", "o"), ("b", "o"), ("c", "o")]);
    let ranks = star
        .page_rank(&RelationFilter::new(WalkDirection::Outgoing), &never())
        .unwrap();
    let total: f64 = ranks.iter().map(|&(_, r)| r).sum();
    assert!((total - 1.0).abs() < 1e-9);
    let best = ranks
        .iter()
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|&(e, _)| e);
    assert_eq!(best, Some(id(&star, "o")));
    assert!(
        KnowledgeGraph::new()
            .page_rank(&RelationFilter::default(), &never())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn degree_counts_distinct_neighbours() {
    let graph = build(
        &[
            ("a", Country, &[]),
            ("b", Country, &[]),
            ("c", Country, &[]),
        ],
        &[
            ("a", "back", Cooperation, "b"),
            ("a", "attack", Conflict, "b"),
            ("c", "back", Cooperation, "a"),
        ],
    );
    let degrees = |direction| {
        graph
            .degree_centrality(&RelationFilter::new(direction))
            .into_iter()
            .map(|(e, d)| format!("{}{d}", names(&graph, &[e])[0]))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(degrees(WalkDirection::Both), "a2 b1 c1");
    assert_eq!(degrees(WalkDirection::Outgoing), "a1 b0 c1");
}

#[test]
fn subgraph_keeps_chosen_entities_and_relations_between_them() {
    let graph = sample();
    let found = graph.neighbourhood(id(&graph, "B"), 1, &RelationFilter::default(), &[]);
    let entities: Vec<_> = found.entities.iter().map(|&(e, _)| e).collect();
    let mut all_relations: Vec<_> = graph.relations().map(|r| r.id).collect();
    all_relations.reverse();
    let subgraph = graph.subgraph(&entities, &all_relations);
    let kept: Vec<String> = subgraph.entities().map(|(_, e)| e.name.clone()).collect();
    assert_eq!(kept, ["A", "B", "C"]);
    assert_eq!(
        subgraph.relation_count(),
        2,
        "A→B and B→C; E and F stay out"
    );
    assert_eq!(subgraph.documents(), graph.documents());
    let evidence = subgraph
        .relations()
        .map(|r| {
            subgraph
                .evidence_text(&r.relation.evidence()[0])
                .to_string()
        })
        .collect::<Vec<_>>();
    assert_eq!(evidence, ["A back B.", "B attack C."]);
}
