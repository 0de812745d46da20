//! Graph algorithms (neighbours at depth 2, shortest path, all shortest paths, PageRank, betweenness)
//! on a synthetic graph with a skewed degree distribution, generated reproducibly from a seed.
//!
//! ```sh
//! cargo bench --bench graph
//! KG_BENCH_GRAPH_ENTITIES=100000 KG_BENCH_GRAPH_RELATIONS=1000000 cargo bench --bench graph
//! ```
//!
//! The default shape is the issue's: one million entities and ten million relations. Endpoints are
//! drawn by preferential attachment (half the time uniformly, half the time from the endpoints of the
//! relations drawn so far, so an entity is picked in proportion to its degree), which gives the
//! heavy-tailed degrees of real co-mention graphs: a few hubs, many entities with one or two links.
//! Each relation carries one sentence of evidence, as a built graph does. Exact betweenness is
//! O(V × E), hopeless at this size, so it is measured on a small graph of the same kind
//! (`KG_BENCH_BETWEENNESS_ENTITIES`, default 2,000, with ten relations per entity).

#[path = "support/synthetic_graph.rs"]
#[allow(dead_code)]
mod synthetic_graph;

use criterion::{Criterion, criterion_group, criterion_main};
use kgraph::extract::{EntityKind, RelationClass};
use kgraph::graph::{
    Entity, EntityId, Evidence, KnowledgeGraph, Relation, RelationFilter, WalkDirection,
};
use kgraph::text::Span;
use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};
use synthetic_graph::XorShift;

const PREDICATES: [&str; 8] = [
    "meet",
    "attack",
    "support",
    "sign",
    "fund",
    "lead",
    "join",
    "co-mention",
];

fn shape_from_environment(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// A graph of `entities` and (at most, since repeated triples merge) `relations`, the same for the same
/// seed, with preferential-attachment endpoints.
fn skewed_graph(entities: usize, relations: usize, seed: u64) -> (KnowledgeGraph, Vec<EntityId>) {
    let mut random = XorShift::new(seed);
    let mut graph = KnowledgeGraph::new();
    graph.add_document(
        "synthetic.txt".to_string(),
        "The Council of Example met the Example Front in Example City on Monday.".to_string(),
    );
    let ids: Vec<EntityId> = (0..entities)
        .map(|index| {
            graph.add_entity(Entity {
                name: format!("Entity {index}"),
                aliases: Vec::new(),
                kind: EntityKind::ALL[index % EntityKind::ALL.len()],
                mentions: Vec::new(),
            })
        })
        .collect();
    let mut endpoints: Vec<u32> = Vec::with_capacity(2 * relations);
    let pick = |random: &mut XorShift, endpoints: &[u32]| {
        if endpoints.is_empty() || random.below(2) == 0 {
            random.below(entities) as u32
        } else {
            endpoints[random.below(endpoints.len())]
        }
    };
    for _ in 0..relations {
        let source = pick(&mut random, &endpoints);
        let target = pick(&mut random, &endpoints);
        if source == target {
            continue;
        }
        endpoints.push(source);
        endpoints.push(target);
        let predicate = random.below(PREDICATES.len());
        let relation = Relation::new(
            PREDICATES[predicate],
            RelationClass::ALL[predicate % RelationClass::ALL.len()],
            [Evidence::new(0, Span::new(0, 72), "verb", None)],
        );
        graph.add_relation(ids[source as usize], ids[target as usize], relation);
    }
    (graph, ids)
}

fn graph_algorithms(c: &mut Criterion) {
    let entities = shape_from_environment("KG_BENCH_GRAPH_ENTITIES", 1_000_000);
    let relations = shape_from_environment("KG_BENCH_GRAPH_RELATIONS", 10_000_000);
    let started = Instant::now();
    let (graph, ids) = skewed_graph(entities, relations, 7);
    eprintln!(
        "synthetic graph: {} entities, {} relations, generated in {:.1} s",
        graph.entity_count(),
        graph.relation_count(),
        started.elapsed().as_secs_f64()
    );
    let filter = RelationFilter::new(WalkDirection::Both);
    let never = AtomicBool::new(false);
    let mut random = XorShift::new(11);
    let pairs: Vec<(EntityId, EntityId)> = (0..64)
        .map(|_| (ids[random.below(ids.len())], ids[random.below(ids.len())]))
        .collect();
    let mut group = c.benchmark_group(format!("graph {entities} entities"));
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10));
    let mut next = 0;
    group.bench_function("neighbours depth 2", |b| {
        b.iter(|| {
            next = (next + 1) % pairs.len();
            black_box(graph.neighbourhood(pairs[next].0, 2, &filter, &[]))
        })
    });
    group.bench_function("shortest path", |b| {
        b.iter(|| {
            next = (next + 1) % pairs.len();
            let (from, to) = pairs[next];
            black_box(graph.shortest_path(from, to, &filter))
        })
    });
    group.bench_function("all shortest paths (limit 100)", |b| {
        b.iter(|| {
            next = (next + 1) % pairs.len();
            let (from, to) = pairs[next];
            black_box(graph.all_shortest_paths(from, to, &filter, 100, &never))
        })
    });
    group.bench_function("pagerank", |b| {
        b.iter(|| black_box(graph.page_rank(&filter, &never)))
    });
    group.finish();
    drop(graph);

    let small = shape_from_environment("KG_BENCH_BETWEENNESS_ENTITIES", 2_000);
    let (graph, _) = skewed_graph(small, 10 * small, 13);
    let mut group = c.benchmark_group(format!("betweenness {small} entities"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("betweenness (exact)", |b| {
        b.iter(|| black_box(graph.betweenness(&filter, &never)))
    });
    group.finish();
}

criterion_group!(benches, graph_algorithms);
criterion_main!(benches);
