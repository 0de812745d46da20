//! Saving and loading a synthetic graph of one million relations, as RON and as a binary snapshot.
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

criterion_group!(benches, persist);
criterion_main!(benches);
