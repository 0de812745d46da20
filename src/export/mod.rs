//! The export stage: write a graph in formats other tools read. One file per format.
//!
//! Every format but Neo4j's is one stream, written by [`write_export`]; the Neo4j import is a
//! folder of two CSV files, written by [`neo4j::write_neo4j_import`]. The interchange formats
//! (GraphML, Neo4j CSV, N-Triples, Cytoscape.js) name entities by [`crate::model::entity_key()`],
//! so one entity has one id in all of them.

pub mod cytoscape;
pub mod dot;
pub mod graphml;
pub mod json;
mod keyed_graph;
pub mod neo4j;
pub mod ntriples;

use crate::graph::KnowledgeGraph;
use std::io::Write;

pub use neo4j::write_neo4j_import;
pub use ntriples::{BaseIri, write_ntriples};

/// The formats `kg export` writes to one stream. (Neo4j's import is a folder: see
/// [`write_neo4j_import`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// NetworkX node-link JSON.
    Json,
    /// GraphViz DOT.
    Dot,
    /// GraphML, for Gephi, yEd and Cytoscape desktop.
    GraphMl,
    /// N-Triples under the default base IRI; [`write_ntriples`] takes another base.
    NTriples,
    /// Cytoscape.js JSON.
    Cytoscape,
}

/// Choices that apply to every format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Include co-mention edges (dashed in DOT).
    pub include_comentions: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            include_comentions: true,
        }
    }
}

/// Writes `graph` in `format` to `out`.
pub fn write_export(
    graph: &KnowledgeGraph,
    format: ExportFormat,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        ExportFormat::Json => json::write_json(graph, options, out),
        ExportFormat::Dot => dot::write_dot(graph, options, out),
        ExportFormat::GraphMl => graphml::write_graphml(graph, options, out),
        ExportFormat::NTriples => {
            ntriples::write_ntriples(graph, options, &BaseIri::default(), out)
        }
        ExportFormat::Cytoscape => cytoscape::write_cytoscape(graph, options, out),
    }
}
