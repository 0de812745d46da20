//! Saving and loading a synthetic graph of one million relations, as RON and as a binary snapshot;
//! and loading a snapshot that states one relation many times.
//!
//! ```sh
//! cargo bench --bench persist
//! ```
//!
//! Prints each file's size before timing; each measurement does the whole save (to a file in a
//! temporary directory, atomically) or the whole load (read, decode, rebuild the graph and its index).

#[path = "support/allocator.rs"]
mod allocator;

#[path = "support/synthetic_graph.rs"]
mod synthetic_graph;

use criterion::{Criterion, criterion_group, criterion_main};
use kgraph::graph::{load_graph, save_graph};
use std::hint::black_box;
use std::time::Duration;

fn persist(c: &mut Criterion) {
    let graph = synthetic_graph::synthetic_graph(&synthetic_graph::MILLION, 42);
    let directory = match tempfile::tempdir() {
        Ok(directory) => directory,
        Err(error) => panic!("no temporary directory: {error}"),
    };
    let mut group = c.benchmark_group("persist 1M relations");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10));
    for name in ["graph.ron", "graph.kgb"] {
        let path = directory.path().join(name);
        if let Err(error) = save_graph(&graph, &path) {
            panic!("cannot save {}: {error}", path.display());
        }
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        eprintln!(
            "{name}: {} entities, {} relations, {size} bytes ({:.1} bytes per relation)",
            graph.entity_count(),
            graph.relation_count(),
            size as f64 / graph.relation_count() as f64
        );
        group.bench_function(format!("save {name}"), |b| {
            b.iter(|| save_graph(black_box(&graph), &path).is_ok())
        });
        group.bench_function(format!("load {name}"), |b| {
            b.iter(|| black_box(load_graph(&path).is_ok()))
        });
    }
    group.finish();
}

/// A snapshot of two entities and one relation stated `repeats` times, each time by another sentence:
/// the records a hand-made file may hold, which loading merges into one edge. The body is written as
/// the snapshot's records are, field by field (postcard writes fields by position).
fn repeated_relation_snapshot(repeats: usize) -> Vec<u8> {
    use kgraph::graph::{Entity, StoredDocument};
    use kgraph::model::{EntityKind, RelationClass, Span};
    type EvidenceRecord = (u32, Span, &'static str, Option<(Option<i32>, Option<i32>)>);
    let entity = |name: &str| Entity {
        name: name.into(),
        kind: EntityKind::Country,
        aliases: Vec::new(),
        mentions: Vec::new(),
        kind_votes: Vec::new(),
    };
    type RelationRecord = (
        usize,
        usize,
        &'static str,
        RelationClass,
        bool,
        bool,
        Vec<EvidenceRecord>,
    );
    let relations: Vec<RelationRecord> = (0..repeats)
        .map(|i| {
            let evidence = (0, Span::new(i, i + 1), "verb", None);
            (
                0,
                1,
                "meet",
                RelationClass::Cooperation,
                false,
                false,
                vec![evidence],
            )
        })
        .collect();
    let body = (
        1u32,
        Vec::<StoredDocument>::new(),
        vec![entity("Iran"), entity("Iraq")],
        relations,
    );
    match kgraph::graph::persist::snapshot::encode(&body, 0) {
        Ok(bytes) => bytes,
        Err(error) => panic!("cannot encode: {error}"),
    }
}

/// Loading a snapshot that states one relation 10,000 and 100,000 times: merging the repeats is linear
/// (100,000 took 28 s when each repeat sorted the edge's evidence again).
fn repeated_relation(c: &mut Criterion) {
    let directory = match tempfile::tempdir() {
        Ok(directory) => directory,
        Err(error) => panic!("no temporary directory: {error}"),
    };
    let mut group = c.benchmark_group("load one relation repeated");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    for repeats in [10_000, 100_000] {
        let path = directory.path().join(format!("repeated-{repeats}.kgb"));
        if let Err(error) = std::fs::write(&path, repeated_relation_snapshot(repeats)) {
            panic!("cannot write {}: {error}", path.display());
        }
        match load_graph(&path) {
            Ok(graph) if graph.relation_count() == 1 && graph.evidence_count() == repeats => {}
            Ok(_) => panic!(
                "{}: not one relation of {repeats} sentences",
                path.display()
            ),
            Err(error) => panic!("cannot load {}: {error}", path.display()),
        }
        group.bench_function(format!("{repeats} times"), |b| {
            b.iter(|| black_box(load_graph(&path).map(|g| g.evidence_count()).ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, persist, repeated_relation);
criterion_main!(benches);
