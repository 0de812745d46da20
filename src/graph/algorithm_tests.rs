//! Tests of the graph algorithms on small graphs whose answers can be worked out by hand.

use super::test_graph::{build, id, names};
use super::{Cancelled, KnowledgeGraph, RelationFilter, WalkDirection};
use crate::model::{
    EntityKind::{self, Country, Organization, Person},
    Period,
    RelationClass::{self, CoMention, Conflict, Cooperation, PartOf},
};
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

#[test]
fn time_windows_keep_only_relations_dated_inside_them() {
    // a – b dated 2010, b – c dated 2015, a – c undated, c – d dated 2012 and 2020 (two sentences).
    let graph = dated(
        4,
        &[
            (0, 1, 0, &[Some(2010)]),
            (1, 2, 0, &[Some(2015)]),
            (0, 2, 0, &[None]),
            (2, 3, 0, &[Some(2012), Some(2020)]),
        ],
    );
    let window = |from: Option<i32>, to: Option<i32>| Some(Period { from, to });
    type Case = (
        Option<Period>,
        WalkDirection,
        &'static str,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        // Any time: the undated link counts, and it is the shortest way to c and d.
        (
            None,
            WalkDirection::Both,
            "e00 e11 e21 e32",
            Some("e0 e2 e3"),
        ),
        // Since 2014: only b – c and c – d (its 2020 sentence); a is cut off.
        (window(Some(2014), None), WalkDirection::Both, "e00", None),
        // Until 2012: a – b and c – d (its 2012 sentence); the undated a – c never passes a window.
        (
            window(None, Some(2012)),
            WalkDirection::Both,
            "e00 e11",
            None,
        ),
        // 2010 to 2015 walks a – b – c – d.
        (
            window(Some(2010), Some(2015)),
            WalkDirection::Both,
            "e00 e11 e22 e33",
            Some("e0 e1 e2 e3"),
        ),
        // The same window against the direction of the relations finds nothing from a.
        (
            window(Some(2010), Some(2015)),
            WalkDirection::Incoming,
            "e00",
            None,
        ),
        (
            window(Some(2010), Some(2015)),
            WalkDirection::Outgoing,
            "e00 e11 e22 e33",
            Some("e0 e1 e2 e3"),
        ),
    ];
    for &(window, direction, neighbours, path) in cases {
        let filter = RelationFilter::new(direction).within(window);
        let label = format!("{window:?} {direction:?}");
        let found = graph.neighbourhood(id(&graph, "e0"), 9, &filter, &[]);
        let listed: Vec<String> = found
            .entities
            .iter()
            .map(|&(entity, d)| format!("{}{d}", names(&graph, &[entity])[0]))
            .collect();
        assert_eq!(listed.join(" "), neighbours, "{label}");
        let shortest = graph
            .shortest_path(id(&graph, "e0"), id(&graph, "e3"), &filter)
            .map(|p| names(&graph, &p.entities).join(" "));
        assert_eq!(shortest.as_deref(), path, "{label}");
    }
}

#[test]
fn betweenness_is_estimated_from_seeded_sources_above_the_limit() {
    // A star with more leaves than the exact limit: every pair of leaves is joined through the centre
    // only, so its betweenness is 1 and every leaf's is 0; the estimate is close, and the same every run.
    let leaves = super::BETWEENNESS_EXACT_LIMIT + 10;
    let mut graph = KnowledgeGraph::new();
    let centre = graph.add_entity(entity("centre", Country));
    for index in 0..leaves {
        let leaf = graph.add_entity(entity(&format!("leaf {index}"), Person));
        graph.add_relation(centre, leaf, relation(RelationClass::Cooperation, &[None]));
    }
    assert!(graph.betweenness_is_estimated());
    let filter = RelationFilter::default();
    let first = graph.betweenness(&filter, &never()).unwrap();
    assert_eq!(first, graph.betweenness(&filter, &never()).unwrap());
    let (hub, value) = first[0];
    assert_eq!(hub, centre);
    assert!((value - 1.0).abs() < 1e-3, "{value}");
    assert!(first[1..].iter().all(|&(_, v)| v == 0.0));
    assert!(!sample().betweenness_is_estimated());
    // `top by betweenness` says the values are an estimate, and how it was made.
    let Ok(crate::query::Statement::Query(query)) =
        crate::query::parse_line("top 1 by betweenness")
    else {
        panic!("parses");
    };
    let report = crate::query::evaluate(&graph, &query, &never()).unwrap();
    assert_eq!(
        report.notes,
        [format!(
            "betweenness is estimated from {} source entities drawn with a fixed seed, since the \
             graph has more than {} entities",
            super::BETWEENNESS_PIVOTS,
            super::BETWEENNESS_EXACT_LIMIT
        )]
    );
}

fn entity(name: &str, kind: EntityKind) -> super::Entity {
    super::Entity {
        name: name.to_string(),
        kind,
        kind_votes: Vec::new(),
        aliases: vec![name.to_string()],
        mentions: Vec::new(),
    }
}

/// A relation of `class` with one evidence sentence per year given (`None`: undated).
fn relation(class: RelationClass, years: &[Option<i32>]) -> super::Relation {
    let evidence = years.iter().enumerate().map(|(index, &year)| {
        super::Evidence::new(
            0,
            crate::model::Span::new(index, index + 1),
            "test",
            year.map(Period::year),
        )
    });
    super::Relation::new(&format!("{class:?}"), class, evidence)
}

/// Entities `e0 … e{n-1}` (kinds cycling through Country, Person, Organization) and relations
/// `(subject, object, class index, evidence years)`.
fn dated(count: usize, relations: &[(usize, usize, usize, &[Option<i32>])]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    graph.add_document("fixture.txt".into(), "x".repeat(16));
    let kinds = [Country, Person, Organization];
    let ids: Vec<_> = (0..count)
        .map(|index| graph.add_entity(entity(&format!("e{index}"), kinds[index % 3])))
        .collect();
    for &(subject, object, class, years) in relations {
        graph.add_relation(
            ids[subject],
            ids[object],
            relation(RelationClass::ALL[class], years),
        );
    }
    graph
}

/// The algorithms as they were before they walked the graph locally: every query projected the whole graph
/// onto an adjacency list first. Slow and plain, kept as the reference the new walks must agree with.
mod reference {
    use super::super::cancelled::check;
    use super::super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
    use super::super::{GraphPath, Hop, Neighbourhood, PathList, RelationFilter, WalkDirection};
    use crate::model::EntityKind;
    use std::collections::{HashMap, HashSet, VecDeque};
    use std::sync::atomic::AtomicBool;

    pub(super) struct Link {
        neighbour: usize,
        relations: Vec<RelationId>,
    }

    pub(super) struct Adjacency {
        ids: Vec<EntityId>,
        positions: HashMap<EntityId, usize>,
        links: Vec<Vec<Link>>,
    }

    impl Adjacency {
        pub(super) fn new(graph: &KnowledgeGraph, filter: &RelationFilter) -> Adjacency {
            let ids: Vec<EntityId> = graph.entities().map(|(id, _)| id).collect();
            let positions: HashMap<EntityId, usize> =
                ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
            let directions: &[WalkDirection] = match filter.direction {
                WalkDirection::Both => &[WalkDirection::Outgoing, WalkDirection::Incoming],
                one => &[one],
            };
            let links = ids
                .iter()
                .enumerate()
                .map(|(position, &id)| {
                    let mut grouped: HashMap<usize, Vec<RelationId>> = HashMap::new();
                    for &direction in directions {
                        for relation in graph.relations_of(id, direction) {
                            if !filter.allows(relation.relation) {
                                continue;
                            }
                            let other = if direction == WalkDirection::Outgoing {
                                relation.target
                            } else {
                                relation.source
                            };
                            let neighbour = positions[&other];
                            if neighbour != position {
                                grouped.entry(neighbour).or_default().push(relation.id);
                            }
                        }
                    }
                    let mut links: Vec<Link> = grouped
                        .into_iter()
                        .map(|(neighbour, mut relations)| {
                            relations.sort();
                            relations.dedup();
                            Link {
                                neighbour,
                                relations,
                            }
                        })
                        .collect();
                    links.sort_by_key(|link| link.neighbour);
                    links
                })
                .collect();
            Adjacency {
                ids,
                positions,
                links,
            }
        }

        fn len(&self) -> usize {
            self.ids.len()
        }

        /// Breadth-first distances from `start`; `None` where unreachable.
        pub(super) fn distances(&self, start: usize) -> Vec<Option<usize>> {
            let mut distance = vec![None; self.len()];
            distance[start] = Some(0);
            let mut queue = VecDeque::from([start]);
            while let Some(position) = queue.pop_front() {
                let next = distance[position].unwrap_or(0) + 1;
                for link in &self.links[position] {
                    if distance[link.neighbour].is_none() {
                        distance[link.neighbour] = Some(next);
                        queue.push_back(link.neighbour);
                    }
                }
            }
            distance
        }

        pub(super) fn position(&self, id: EntityId) -> usize {
            self.positions[&id]
        }

        fn to_path(&self, positions: &[usize]) -> GraphPath {
            let hops = positions
                .windows(2)
                .map(|pair| Hop {
                    from: self.ids[pair[0]],
                    to: self.ids[pair[1]],
                    relations: self.links[pair[0]]
                        .iter()
                        .find(|link| link.neighbour == pair[1])
                        .map(|link| link.relations.clone())
                        .unwrap_or_default(),
                })
                .collect();
            GraphPath {
                entities: positions.iter().map(|&p| self.ids[p]).collect(),
                hops,
            }
        }
    }

    pub(super) fn neighbourhood(
        graph: &KnowledgeGraph,
        centre: EntityId,
        depth: usize,
        filter: &RelationFilter,
        kinds: &[EntityKind],
    ) -> Neighbourhood {
        let adjacency = Adjacency::new(graph, filter);
        let start = adjacency.position(centre);
        let admitted = |position: usize| {
            kinds.is_empty()
                || graph
                    .entity(adjacency.ids[position])
                    .is_some_and(|entity| kinds.contains(&entity.kind))
        };
        let mut distance: Vec<Option<usize>> = vec![None; adjacency.len()];
        distance[start] = Some(0);
        let mut queue = VecDeque::from([start]);
        let mut relations: Vec<(usize, RelationId)> = Vec::new();
        while let Some(position) = queue.pop_front() {
            let here = distance[position].unwrap_or(0);
            if here >= depth {
                continue;
            }
            for link in &adjacency.links[position] {
                if link.neighbour != start && !admitted(link.neighbour) {
                    continue;
                }
                if distance[link.neighbour].is_none() {
                    distance[link.neighbour] = Some(here + 1);
                    queue.push_back(link.neighbour);
                }
                relations.extend(link.relations.iter().map(|&relation| (here, relation)));
            }
        }
        relations.sort();
        let mut seen = HashSet::new();
        relations.retain(|&(_, relation)| seen.insert(relation));
        let mut entities: Vec<(usize, EntityId)> = distance
            .iter()
            .enumerate()
            .filter_map(|(position, d)| Some(((*d)?, adjacency.ids[position])))
            .filter(|&(_, id)| id != centre)
            .collect();
        entities.sort();
        Neighbourhood {
            centre,
            entities: std::iter::once((centre, 0))
                .chain(entities.into_iter().map(|(d, id)| (id, d)))
                .collect(),
            relations: relations.into_iter().map(|(_, r)| r).collect(),
        }
    }

    pub(super) fn all_shortest_paths(
        graph: &KnowledgeGraph,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
        limit: usize,
    ) -> PathList {
        let adjacency = Adjacency::new(graph, filter);
        let (start, goal) = (adjacency.position(from), adjacency.position(to));
        let from_start = adjacency.distances(start);
        let Some(length) = from_start[goal] else {
            return PathList::default();
        };
        let to_goal = Adjacency::new(graph, &filter.reversed()).distances(goal);
        let mut counts: Vec<u128> = vec![0; adjacency.len()];
        let mut order: Vec<usize> = (0..adjacency.len())
            .filter(
                |&p| matches!((from_start[p], to_goal[p]), (Some(a), Some(b)) if a + b == length),
            )
            .collect();
        order.sort_by_key(|&p| to_goal[p]);
        let steps_towards = |position: usize, neighbour: usize| {
            matches!(
                (to_goal[position], to_goal[neighbour]),
                (Some(h), Some(d)) if d + 1 == h
            )
        };
        for &position in &order {
            counts[position] = if position == goal {
                1
            } else {
                adjacency.links[position]
                    .iter()
                    .filter(|link| steps_towards(position, link.neighbour))
                    .fold(0u128, |sum, link| {
                        sum.saturating_add(counts[link.neighbour])
                    })
            };
        }
        // Every path, depth-first in neighbour order, then the first `limit`.
        let mut paths = Vec::new();
        let mut positions = vec![start];
        fn walk(
            adjacency: &Adjacency,
            goal: usize,
            positions: &mut Vec<usize>,
            paths: &mut Vec<GraphPath>,
            limit: usize,
            steps_towards: &dyn Fn(usize, usize) -> bool,
        ) {
            let here = positions[positions.len() - 1];
            if paths.len() >= limit {
                return;
            }
            if here == goal {
                paths.push(adjacency.to_path(positions));
                return;
            }
            for link in &adjacency.links[here] {
                if steps_towards(here, link.neighbour) {
                    positions.push(link.neighbour);
                    walk(adjacency, goal, positions, paths, limit, steps_towards);
                    positions.pop();
                }
            }
        }
        walk(
            &adjacency,
            goal,
            &mut positions,
            &mut paths,
            limit,
            &steps_towards,
        );
        PathList {
            paths,
            total: Some(counts[start]),
            truncated: counts[start] > limit as u128,
        }
    }

    pub(super) fn simple_paths(
        graph: &KnowledgeGraph,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
        max_hops: usize,
        limit: usize,
    ) -> PathList {
        let adjacency = Adjacency::new(graph, filter);
        let (start, goal) = (adjacency.position(from), adjacency.position(to));
        if start == goal {
            return PathList::default();
        }
        // Every simple path of at most `max_hops`, sorted by length then entities, then the first `limit`.
        let mut all: Vec<Vec<usize>> = Vec::new();
        fn walk(
            adjacency: &Adjacency,
            goal: usize,
            max_hops: usize,
            positions: &mut Vec<usize>,
            all: &mut Vec<Vec<usize>>,
        ) {
            let here = positions[positions.len() - 1];
            if here == goal {
                all.push(positions.clone());
                return;
            }
            if positions.len() > max_hops {
                return;
            }
            for link in &adjacency.links[here] {
                if !positions.contains(&link.neighbour) {
                    positions.push(link.neighbour);
                    walk(adjacency, goal, max_hops, positions, all);
                    positions.pop();
                }
            }
        }
        walk(&adjacency, goal, max_hops, &mut vec![start], &mut all);
        all.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        let truncated = all.len() > limit;
        all.truncate(limit);
        PathList {
            paths: all.iter().map(|p| adjacency.to_path(p)).collect(),
            total: None,
            truncated,
        }
    }

    pub(super) fn degrees(
        graph: &KnowledgeGraph,
        filter: &RelationFilter,
    ) -> Vec<(EntityId, usize)> {
        let adjacency = Adjacency::new(graph, filter);
        adjacency
            .ids
            .iter()
            .zip(&adjacency.links)
            .map(|(&id, links)| (id, links.len()))
            .collect()
    }

    pub(super) fn page_rank(
        graph: &KnowledgeGraph,
        filter: &RelationFilter,
    ) -> Vec<(EntityId, f64)> {
        let damping = super::super::PAGE_RANK_DAMPING;
        let adjacency = Adjacency::new(graph, filter);
        let count = adjacency.len();
        let n = count as f64;
        let mut ranks = vec![1.0 / n; count];
        for _ in 0..200 {
            let dangling: f64 = adjacency
                .links
                .iter()
                .zip(&ranks)
                .filter(|(links, _)| links.is_empty())
                .map(|(_, rank)| rank)
                .sum();
            let base = (1.0 - damping) / n + damping * dangling / n;
            let mut next = vec![base; count];
            for (position, links) in adjacency.links.iter().enumerate() {
                if links.is_empty() {
                    continue;
                }
                let share = damping * ranks[position] / links.len() as f64;
                for link in links {
                    next[link.neighbour] += share;
                }
            }
            let change: f64 = next.iter().zip(&ranks).map(|(a, b)| (a - b).abs()).sum();
            ranks = next;
            if change < 1e-12 {
                break;
            }
        }
        adjacency.ids.iter().copied().zip(ranks).collect()
    }

    pub(super) fn betweenness(
        graph: &KnowledgeGraph,
        filter: &RelationFilter,
    ) -> Vec<(EntityId, f64)> {
        let adjacency = Adjacency::new(graph, filter);
        let count = adjacency.len();
        let mut centrality = vec![0.0_f64; count];
        let never = AtomicBool::new(false);
        for source in 0..count {
            let _ = check(&never);
            let mut stack = Vec::new();
            let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); count];
            let mut paths = vec![0.0_f64; count];
            let mut distance: Vec<Option<usize>> = vec![None; count];
            let mut dependency = vec![0.0_f64; count];
            paths[source] = 1.0;
            distance[source] = Some(0);
            let mut queue = VecDeque::from([source]);
            while let Some(v) = queue.pop_front() {
                stack.push(v);
                let next = distance[v].unwrap_or(0) + 1;
                for link in &adjacency.links[v] {
                    let w = link.neighbour;
                    if distance[w].is_none() {
                        distance[w] = Some(next);
                        queue.push_back(w);
                    }
                    if distance[w] == Some(next) {
                        paths[w] += paths[v];
                        predecessors[w].push(v);
                    }
                }
            }
            while let Some(w) = stack.pop() {
                for &v in &predecessors[w] {
                    dependency[v] += paths[v] / paths[w] * (1.0 + dependency[w]);
                }
                if w != source {
                    centrality[w] += dependency[w];
                }
            }
        }
        let pairs = count.saturating_sub(1) as f64 * count.saturating_sub(2) as f64;
        let scale = if pairs > 0.0 { 1.0 / pairs } else { 0.0 };
        adjacency
            .ids
            .iter()
            .zip(centrality)
            .map(|(&id, value)| (id, value * scale))
            .collect()
    }
}

/// A random small graph: up to 9 entities of three kinds, up to 30 relations (self-loops and repeated
/// pairs included) of three classes, each with one or two evidence sentences, dated 2010–2014 or not.
fn random_graph() -> impl Strategy<Value = KnowledgeGraph> {
    (1usize..10).prop_flat_map(|count| {
        let relation = (
            0..count,
            0..count,
            0usize..3,
            prop::collection::vec(prop::option::of(2010i32..2015), 1..3),
        );
        prop::collection::vec(relation, 0..30).prop_map(move |relations| {
            let specs: Vec<(usize, usize, usize, &[Option<i32>])> = relations
                .iter()
                .map(|(a, b, class, years)| (*a, *b, *class, years.as_slice()))
                .collect();
            dated(count, &specs)
        })
    })
}

/// A random filter over the classes and years `random_graph` uses.
fn random_filter() -> impl Strategy<Value = RelationFilter> {
    let direction = prop::sample::select(vec![
        WalkDirection::Outgoing,
        WalkDirection::Incoming,
        WalkDirection::Both,
    ]);
    let classes = prop::sample::subsequence(RelationClass::ALL[..3].to_vec(), 0..=3);
    let window = prop::option::of((
        prop::option::of(2009i32..2016),
        prop::option::of(2009i32..2016),
    ));
    (direction, classes, window).prop_map(|(direction, classes, window)| {
        RelationFilter::with_classes(&classes, direction)
            .within(window.map(|(from, to)| Period { from, to }))
    })
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn neighbourhoods_match_the_reference(
        graph in random_graph(),
        filter in random_filter(),
        depth in 0usize..5,
        kinds in prop::sample::subsequence(vec![Country, Person, Organization], 0..=2),
    ) {
        for (centre, _) in graph.entities() {
            prop_assert_eq!(
                graph.neighbourhood(centre, depth, &filter, &kinds),
                reference::neighbourhood(&graph, centre, depth, &filter, &kinds)
            );
        }
    }

    #[test]
    fn shortest_paths_match_the_reference(
        graph in random_graph(),
        filter in random_filter(),
        limit in 0usize..6,
    ) {
        let ids: Vec<_> = graph.entities().map(|(id, _)| id).collect();
        let adjacency = reference::Adjacency::new(&graph, &filter);
        for &from in &ids {
            let distances = adjacency.distances(adjacency.position(from));
            for &to in &ids {
                let expected = reference::all_shortest_paths(&graph, from, to, &filter, limit);
                let found = graph.all_shortest_paths(from, to, &filter, limit, &never()).unwrap();
                prop_assert_eq!(&found, &expected);
                // The bidirectional search finds the plain breadth-first distance.
                let shortest = graph.shortest_path(from, to, &filter);
                prop_assert_eq!(
                    shortest.as_ref().map(|path| path.len()),
                    distances[adjacency.position(to)]
                );
                let first = reference::all_shortest_paths(&graph, from, to, &filter, 1);
                prop_assert_eq!(shortest, first.paths.into_iter().next());
            }
        }
    }

    #[test]
    fn simple_paths_match_the_reference(
        graph in random_graph(),
        filter in random_filter(),
        max_hops in 0usize..5,
        limit in 0usize..8,
    ) {
        let ids: Vec<_> = graph.entities().map(|(id, _)| id).collect();
        for &from in &ids {
            for &to in &ids {
                let found = graph
                    .simple_paths(from, to, &filter, max_hops, limit, &never())
                    .unwrap();
                prop_assert_eq!(
                    found,
                    reference::simple_paths(&graph, from, to, &filter, max_hops, limit)
                );
            }
        }
    }

    #[test]
    fn centrality_matches_the_reference(graph in random_graph(), filter in random_filter()) {
        prop_assert_eq!(graph.degree_centrality(&filter), reference::degrees(&graph, &filter));
        // PageRank adds the same numbers in the same order: equal to the last bit.
        prop_assert_eq!(
            graph.page_rank(&filter, &never()).unwrap(),
            reference::page_rank(&graph, &filter)
        );
        // Betweenness sums its sources in blocks: equal up to rounding.
        let found = graph.betweenness(&filter, &never()).unwrap();
        let expected = reference::betweenness(&graph, &filter);
        prop_assert_eq!(found.len(), expected.len());
        for ((id, value), (expected_id, expected_value)) in found.into_iter().zip(expected) {
            prop_assert_eq!(id, expected_id);
            prop_assert!((value - expected_value).abs() < 1e-12, "{} {}", value, expected_value);
        }
    }
}
