//! Fuzzes query evaluation: any line that parses as a query is answered over a small fixed graph
//! (the edge-case fixture: quoted names, negated and hedged relations, periods, two documents) and
//! the answer drawn in every output mode (JSON well-formed), tables also fitted to narrow and wide
//! terminals. Nothing may panic, and the work stays bounded: the evaluator's own limits (path
//! counts, hops, result rows) keep every answer within libFuzzer's `-timeout`.
#![no_main]

use kgraph::graph::KnowledgeGraph;
use kgraph::graph::persist::parse_graph;
use kgraph::query::{OutputMode, Statement, evaluate, parse_line, render_fitted};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

fn graph() -> &'static KnowledgeGraph {
    static GRAPH: OnceLock<KnowledgeGraph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let text = include_str!("../../fixtures/graph-v1-edge-cases.ron");
        parse_graph(text, Path::new("graph-v1-edge-cases.ron")).expect("the fixture loads")
    })
}

const MODES: [OutputMode; 4] = [
    OutputMode::Table,
    OutputMode::Plain,
    OutputMode::Json,
    OutputMode::Csv,
];

fuzz_target!(|line: &str| {
    let Ok(Statement::Query(query)) = parse_line(line) else {
        return;
    };
    // Never set: the fuzzer looks for work the limits do not bound, which a timer would hide.
    let cancel = AtomicBool::new(false);
    let Ok(report) = evaluate(graph(), &query, &cancel) else {
        return;
    };
    for mode in MODES {
        for width in [None, Some(1), Some(20), Some(80)] {
            let drawn = render_fitted(&report, mode, width);
            if mode == OutputMode::Json {
                serde_json::from_str::<serde_json::Value>(&drawn)
                    .unwrap_or_else(|e| panic!("ill-formed JSON ({e}): {drawn}"));
            }
        }
    }
});
