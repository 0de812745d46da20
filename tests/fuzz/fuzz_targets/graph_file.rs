//! Fuzzes loading graph files and writing them out: any bytes, loaded as RON (`g.ron`) and as a
//! binary snapshot (`g.kgb`), load or fail with an error; a graph that loads is exported in every
//! format `kg export` writes (NetworkX JSON, DOT, GraphML, Neo4j's two CSV files, N-Triples,
//! Cytoscape.js), with and without co-mentions (the JSON ones well-formed), and saves and loads
//! again as the same graph in both formats.
#![no_main]

use kgraph::export::{ExportFormat, ExportOptions, neo4j, write_export};
use kgraph::graph::{KnowledgeGraph, load_graph, save_graph};
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A folder of this process's own for the files each input is written to: the loader reads paths.
fn folder() -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let folder =
            std::env::temp_dir().join(format!("kg-fuzz-graph-file-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("a temporary folder");
        folder
    })
}

const FORMATS: [ExportFormat; 5] = [
    ExportFormat::Json,
    ExportFormat::Dot,
    ExportFormat::GraphMl,
    ExportFormat::NTriples,
    ExportFormat::Cytoscape,
];

/// Every export of `graph`, into a sink: only a panic or an error matters.
fn export_everywhere(graph: &KnowledgeGraph) {
    for include_comentions in [true, false] {
        let options = ExportOptions { include_comentions };
        for format in FORMATS {
            let mut out = Vec::new();
            write_export(graph, format, &options, &mut out)
                .unwrap_or_else(|e| panic!("{format:?} export failed: {e}"));
            if matches!(format, ExportFormat::Json | ExportFormat::Cytoscape) {
                serde_json::from_slice::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{format:?} export is ill-formed JSON: {e}"));
            }
        }
        neo4j::write_nodes_csv(graph, &options, &mut std::io::sink()).expect("nodes.csv");
        neo4j::write_relations_csv(graph, &options, &mut std::io::sink()).expect("relations.csv");
    }
}

/// A graph kg loaded saves in both formats and loads back as the graph it was.
fn round_trip(graph: &KnowledgeGraph, folder: &Path) {
    let ron = folder.join("saved.ron");
    save_graph(graph, &ron).expect("a loaded graph saves as RON");
    let text = std::fs::read(&ron).expect("the saved RON");
    for name in ["saved.ron", "saved.kgb"] {
        let path = folder.join(name);
        save_graph(graph, &path).unwrap_or_else(|e| panic!("{name} saves: {e}"));
        let again = load_graph(&path).unwrap_or_else(|e| panic!("{name} loads back: {e}"));
        save_graph(&again, &ron).expect("saves again");
        let text_again = std::fs::read(&ron).expect("the saved RON again");
        assert!(
            text == text_again,
            "{name} did not load back as the graph saved"
        );
    }
}

fuzz_target!(|bytes: &[u8]| {
    let folder = folder();
    for name in ["g.ron", "g.kgb"] {
        let path = folder.join(name);
        std::fs::write(&path, bytes).expect("the input written");
        if let Ok(graph) = load_graph(&path) {
            export_everywhere(&graph);
            round_trip(&graph, folder);
        }
    }
});
