//! Memory: bytes per relation of a loaded graph, and the peak memory of saving and loading, for the
//! synthetic graph of one million relations (and, when `KG_BENCH_CORPUS` is set, the graph built from
//! that corpus).
//!
//! ```sh
//! cargo bench --bench memory
//! KG_BENCH_CORPUS=../shared/corpus-large/sotu cargo bench --bench memory
//! ```
//!
//! Figures are resident-set sizes from `/proc/self/status` (Linux): `VmRSS` before and after for what a
//! graph keeps, `VmHWM` (reset through `/proc/self/clear_refs`) for peaks. They count pages, not
//! allocations, so they are approximate to the allocator's slack; unsafe code (a counting allocator) is
//! forbidden in this crate. A loaded graph is measured twice: at once, when the pages that loading used
//! and freed may still be held by the allocator (mimalloc, as in `kg`), and settled, after two rounds of
//! allocations like a query's, each after mimalloc's purge delay (what it returns then, it has returned;
//! what the rounds themselves left is counted). Not a criterion bench: it prints figures and exits.

#[path = "support/allocator.rs"]
mod allocator;
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/synthetic_graph.rs"]
mod synthetic_graph;

use kgraph::extract::ExtractOptions;
use kgraph::extract::Lexicon;
use kgraph::graph::{KnowledgeGraph, load_graph, save_graph};
use kgraph::pipeline::build_graph;
use std::path::Path;

/// A `kB` field of /proc/self/status, in bytes.
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

fn resident() -> u64 {
    status_bytes("VmRSS:").unwrap_or(0)
}

/// Resets the peak resident size to the current one, if the kernel allows.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Runs `work`, printing how much the resident set grew by its end and at its peak.
fn measure<T>(label: &str, work: impl FnOnce() -> T) -> (T, u64) {
    let peak_known = reset_peak();
    let before = resident();
    let value = work();
    let after = resident();
    let kept = after.saturating_sub(before);
    let peak = match status_bytes("VmHWM:") {
        Some(peak) if peak_known => megabytes(peak.saturating_sub(before)),
        _ => "n/a".into(),
    };
    println!(
        "{label:<34} kept {:>10}   peak {:>10}",
        megabytes(kept),
        peak
    );
    (value, kept)
}

fn per_relation(label: &str, kept: u64, graph: &KnowledgeGraph) {
    println!(
        "{label:<34} {:.0} bytes per relation ({} relations, {} evidence sentences, {} entities)",
        kept as f64 / graph.relation_count().max(1) as f64,
        graph.relation_count(),
        graph.evidence_count(),
        graph.entity_count()
    );
}

/// Loads a graph file in this process and prints what loading kept and peaked at: at once, and again
/// once the allocator has had the chance to return what loading freed.
fn load_and_report(path: &Path) {
    let name = path.file_name().map_or("", |n| n.to_str().unwrap_or(""));
    let before = resident();
    let (loaded, kept) = measure(&format!("  load {name}"), || load_graph(path));
    let graph = match loaded {
        Ok(graph) => graph,
        Err(error) => panic!("{error}"),
    };
    per_relation(&format!("  loaded from {name}, at once"), kept, &graph);
    // mimalloc returns freed pages to the system once its purge delay has passed, at a later
    // allocation or free: a shell does that with the queries it answers. Two rounds of a query's
    // allocations, each after the delay, so that the first round's own pages are returned too.
    for _ in 0..2 {
        std::thread::sleep(PURGE_DELAY + std::time::Duration::from_millis(200));
        let query_like: Vec<Vec<u8>> = (0..200).map(|i| vec![1u8; 1000 + i * 997]).collect();
        drop(query_like);
    }
    let settled = resident().saturating_sub(before);
    per_relation(&format!("  loaded from {name}, settled"), settled, &graph);
}

/// Longer than mimalloc's `purge_delay` (10 ms by default in the v2 line `kg` uses; 1 s in v3).
const PURGE_DELAY: std::time::Duration = std::time::Duration::from_millis(1000);

/// Loads `path` in a fresh copy of this program, so what an earlier step freed does not blur the figures.
fn load_in_child(path: &Path) {
    let program = match std::env::current_exe() {
        Ok(program) => program,
        Err(error) => panic!("{error}"),
    };
    let status = std::process::Command::new(program)
        .args(["--bench", "--load"])
        .arg(path)
        .status();
    if !status.is_ok_and(|s| s.success()) {
        panic!("loading {} in a child process failed", path.display());
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this too and must stay quick.
    let arguments: Vec<String> = std::env::args().collect();
    if !arguments.iter().any(|a| a == "--bench") {
        return;
    }
    if let Some(position) = arguments.iter().position(|a| a == "--load")
        && let Some(path) = arguments.get(position + 1)
    {
        load_and_report(Path::new(path));
        return;
    }
    let directory = match tempfile::tempdir() {
        Ok(directory) => directory,
        Err(error) => panic!("no temporary directory: {error}"),
    };
    let ron = directory.path().join("graph.ron");
    let binary = directory.path().join("graph.kgb");

    println!("synthetic graph, 1M relations");
    let (graph, kept) = measure("  generate", || {
        synthetic_graph::synthetic_graph(&synthetic_graph::MILLION, 42)
    });
    per_relation("  generated", kept, &graph);
    for path in [&ron, &binary] {
        let name = path.file_name().map_or("", |n| n.to_str().unwrap_or(""));
        let (saved, _) = measure(&format!("  save {name}"), || save_graph(&graph, path));
        if let Err(error) = saved {
            panic!("{error}");
        }
    }
    drop(graph);
    for path in [&binary, &ron] {
        load_in_child(path);
    }

    if std::env::var_os("KG_BENCH_CORPUS").is_some() {
        let (path, documents) = corpus::corpus();
        let lexicon = match Lexicon::embedded() {
            Ok(lexicon) => lexicon,
            Err(error) => panic!("{error}"),
        };
        println!("graph of {}", path.display());
        let ((graph, _), _) = measure("  build", || {
            build_graph(documents, &lexicon, ExtractOptions::default())
        });
        if let Err(error) = save_graph(&graph, &binary) {
            panic!("{error}");
        }
        drop(graph);
        load_in_child(&binary);
    }
}
