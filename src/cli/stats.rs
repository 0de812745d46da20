//! `kg stats`: a summary of a graph.

use super::CliError;
use super::config::GraphConfig;
use super::output::to_stdout;
use kgraph::graph::KnowledgeGraph;
use kgraph::model::{EntityKind, terminal_safe};

/// Prints the summary of the configured graph.
pub fn run(config: GraphConfig) -> Result<(), CliError> {
    let GraphConfig { inputs, mut source } = config;
    let graph = inputs.open(&mut source, &mut super::output::warn)?;
    to_stdout(|out| out.write_all(stats_text(&graph).as_bytes()))
}

/// The text `kg stats` prints. Document names come from file names, so their control characters
/// are shown rather than sent to the terminal.
pub fn stats_text(graph: &KnowledgeGraph) -> String {
    let mut text = String::new();
    let sentences: Vec<usize> = graph
        .documents()
        .iter()
        .map(|d| kgraph::text::segment_sentences(&d.text).len())
        .collect();
    text.push_str(&format!("documents  {}\n", graph.documents().len()));
    for (document, count) in graph.documents().iter().zip(&sentences) {
        text.push_str(&format!(
            "  {}  {} bytes, {count} sentences\n",
            terminal_safe(&document.name),
            document.text.len()
        ));
    }
    text.push_str(&format!("sentences  {}\n", sentences.iter().sum::<usize>()));
    text.push_str(&format!("entities   {}\n", graph.entity_count()));
    for kind in EntityKind::ALL {
        let count = graph.entities().filter(|(_, e)| e.kind == kind).count();
        if count > 0 {
            text.push_str(&format!("  {:<16}{count}\n", kind.name()));
        }
    }
    text.push_str(&format!("relations  {}\n", graph.relation_count()));
    for (class, count) in graph.count_by_class() {
        if count > 0 {
            text.push_str(&format!("  {:<16}{count}\n", class.name()));
        }
    }
    text.push_str(&format!(
        "evidence   {} sentences\n",
        graph.evidence_count()
    ));
    text
}
