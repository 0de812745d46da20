//! The build runs its per-document passes in parallel; the graph it writes must not depend on how many
//! threads did the work.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::extract::ExtractOptions;
use kgraph::extract::Lexicon;
use kgraph::graph::save_graph;
use kgraph::pipeline::build_graph;
use kgraph::text::load_documents;
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The bytes of the graph file for data/, built on a pool of `threads` threads.
fn graph_bytes(threads: usize) -> Vec<u8> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let documents = load_documents(&[data_dir()]).unwrap();
    let lexicon = Lexicon::embedded().unwrap();
    let (graph, _) = pool.install(|| build_graph(documents, &lexicon, ExtractOptions::default()));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.ron");
    save_graph(&graph, &path).unwrap();
    std::fs::read(path).unwrap()
}

#[test]
fn sequential_and_parallel_builds_write_the_same_bytes() {
    let sequential = graph_bytes(1);
    assert!(!sequential.is_empty());
    for threads in [2, 4] {
        assert!(
            graph_bytes(threads) == sequential,
            "the graph built on {threads} threads differs from the sequential one"
        );
    }
}
