//! `kg eval`: extraction scored against gold annotations.

use super::CliError;
use super::config::EvalConfig;
use super::output::to_stdout;
use kgraph::eval::{DocumentTable, Gold, evaluate};
use kgraph::shell::graph_source::{Inputs, LexiconSource, build_documents};
use kgraph::text::load_documents;
use std::path::PathBuf;

/// Prints the scores of the configured graph against the gold files, and the tables asked for.
pub fn run(config: EvalConfig) -> Result<(), CliError> {
    let gold = Gold::load_dir(&config.gold)?;
    let mut source = config.graph.source;
    let graph = config
        .graph
        .inputs
        .open(&mut source, &mut super::output::warn)?;
    let report = evaluate(&graph, &gold);
    let documents = match (&config.graph.inputs, config.per_document) {
        (Inputs::Documents(paths), true) => Some(per_document(paths, &gold, &mut source)?),
        _ => None,
    };
    to_stdout(|out| {
        write!(out, "{report}")?;
        if let Some(documents) = &documents {
            write!(out, "\n{documents}")?;
        }
        if config.by_rule {
            write!(out, "\n{}", report.rule_table())?;
        }
        if config.verbose {
            write!(out, "\n{}", report.details())?;
        }
        Ok(())
    })
}

/// Each document that has a gold file, scored on a graph built from it alone, in reading order.
fn per_document(
    paths: &[PathBuf],
    gold: &Gold,
    source: &mut LexiconSource,
) -> Result<DocumentTable, CliError> {
    let mut table = DocumentTable::default();
    for document in load_documents(paths)? {
        let name = document.name.clone();
        let (graph, _) = build_documents(vec![document], source, &|_| {})?;
        let report = evaluate(&graph, gold);
        if report.gold_files.hits > 0 {
            table.push(name, report);
        }
    }
    Ok(table)
}
