//! GraphViz DOT. (Placeholder.)

use super::ExportOptions;
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// Writes the graph as GraphViz DOT.
pub fn write_dot(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let _ = (graph, options, out);
    Err(std::io::Error::other("DOT export is not written yet"))
}
