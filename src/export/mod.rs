//! The export stage: write a graph in formats other tools read. One file per format.

pub mod dot;
pub mod json;

use crate::graph::KnowledgeGraph;
use std::io::Write;

/// The formats `kg export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// NetworkX node-link JSON.
    Json,
    /// GraphViz DOT.
    Dot,
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
    }
}
