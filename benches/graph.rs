//! Graph algorithms (neighbours at depth 2, shortest path, all shortest paths, degree, PageRank,
//! betweenness) on a synthetic graph with a skewed degree distribution, generated reproducibly from a
//! seed.
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
//! Each relation carries one sentence of evidence, as a built graph does.
//!
//! Before criterion's timings, the local queries are run once on each of the 64 seeded pairs and the
//! spread of their times printed (median, 90th percentile, slowest) with what they found, since a
//! query that touches a hub costs far more than the mean. Betweenness on the large graph is the
//! sampled estimate (`BETWEENNESS_PIVOTS` sources); exact betweenness, O(V × E), is measured on a
//! small graph of the same kind (`KG_BENCH_BETWEENNESS_ENTITIES`, default 2,000, with ten relations
//! per entity).

#[path = "support/allocator.rs"]
mod allocator;

#[path = "support/synthetic_graph.rs"]
#[allow(dead_code)]
mod synthetic_graph;

use criterion::{Criterion, criterion_group, criterion_main};
use kgraph::graph::{
    BETWEENNESS_EXACT_LIMIT, BETWEENNESS_PIVOTS, Entity, EntityId, Evidence, KnowledgeGraph,
    Relation, RelationFilter, WalkDirection,
};
use kgraph::model::{EntityKind, RelationClass, Span};
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
                kind_votes: Vec::new(),
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

/// A field of `/proc/self/status` in bytes (Linux; `None` elsewhere).
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// Runs `query` once per pair and prints the median, 90th percentile and slowest time, with the
/// median and largest of what `size` says each answer holds.
fn spread<T>(
    label: &str,
    pairs: &[(EntityId, EntityId)],
    mut query: impl FnMut(EntityId, EntityId) -> T,
    size: impl Fn(&T) -> usize,
) {
    let mut runs: Vec<(Duration, usize)> = pairs
        .iter()
        .map(|&(from, to)| {
            let started = Instant::now();
            let answer = black_box(query(from, to));
            (started.elapsed(), size(&answer))
        })
        .collect();
    let mut sizes: Vec<usize> = runs.iter().map(|run| run.1).collect();
    sizes.sort_unstable();
    runs.sort_unstable();
    let at = |fraction: f64| runs[((runs.len() - 1) as f64 * fraction) as usize].0;
    eprintln!(
        "{label}: median {:.2} ms, 90% {:.2} ms, slowest {:.2} ms; found median {}, most {}",
        at(0.5).as_secs_f64() * 1e3,
        at(0.9).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
        sizes[sizes.len() / 2],
        sizes[sizes.len() - 1],
    );
}

fn graph_algorithms(c: &mut Criterion) {
    let entities = shape_from_environment("KG_BENCH_GRAPH_ENTITIES", 1_000_000);
    let relations = shape_from_environment("KG_BENCH_GRAPH_RELATIONS", 10_000_000);
    let started = Instant::now();
    let (graph, ids) = skewed_graph(entities, relations, 7);
    eprintln!(
        "synthetic graph: {} entities, {} relations, generated in {:.1} s, resident {:.0} MiB",
        graph.entity_count(),
        graph.relation_count(),
        started.elapsed().as_secs_f64(),
        status_bytes("VmRSS:").unwrap_or(0) as f64 / (1024.0 * 1024.0),
    );
    let filter = RelationFilter::new(WalkDirection::Both);
    let never = AtomicBool::new(false);
    let mut random = XorShift::new(11);
    let pairs: Vec<(EntityId, EntityId)> = (0..64)
        .map(|_| (ids[random.below(ids.len())], ids[random.below(ids.len())]))
        .collect();
    let degrees = graph.degree_centrality(&filter);
    let mut linked: Vec<usize> = degrees.iter().map(|&(_, d)| d).collect();
    linked.sort_unstable();
    eprintln!(
        "distinct neighbours per entity: median {}, 99% {}, most {}",
        linked[linked.len() / 2],
        linked[linked.len() * 99 / 100],
        linked[linked.len() - 1]
    );
    spread(
        "neighbours depth 2",
        &pairs,
        |from, _| graph.neighbourhood(from, 2, &filter, &[]),
        |found| found.entities.len(),
    );
    spread(
        "shortest path",
        &pairs,
        |from, to| graph.shortest_path(from, to, &filter),
        |path| path.as_ref().map_or(0, |p| p.len()),
    );
    spread(
        "all shortest paths (limit 100)",
        &pairs,
        |from, to| graph.all_shortest_paths(from, to, &filter, 100, &never),
        |list| {
            list.as_ref()
                .ok()
                .and_then(|l| l.total)
                .map_or(0, |t| t.min(usize::MAX as u128) as usize)
        },
    );
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
    group.bench_function("degree", |b| {
        b.iter(|| black_box(graph.degree_centrality(&filter)))
    });
    group.bench_function("pagerank", |b| {
        b.iter(|| black_box(graph.page_rank(&filter, &never)))
    });
    let estimated = if entities > BETWEENNESS_EXACT_LIMIT {
        format!("betweenness (estimated, {BETWEENNESS_PIVOTS} sources)")
    } else {
        "betweenness (exact)".to_string()
    };
    group.bench_function(estimated, |b| {
        b.iter(|| black_box(graph.betweenness(&filter, &never)))
    });
    group.finish();
    eprintln!(
        "peak resident {:.0} MiB",
        status_bytes("VmHWM:").unwrap_or(0) as f64 / (1024.0 * 1024.0)
    );
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
