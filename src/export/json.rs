//! NetworkX node-link JSON. (Placeholder.)

use super::ExportOptions;
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// Writes the graph as NetworkX node-link JSON.
pub fn write_json(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let _ = (graph, options, out);
    Err(std::io::Error::other("JSON export is not written yet"))
}
