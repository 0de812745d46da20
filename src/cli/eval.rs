//! `kg eval`: extraction scored against gold annotations.

use super::CliError;
use super::config::EvalConfig;
use super::output::to_stdout;
use kgraph::eval::{Gold, evaluate};

/// Prints the scores of the configured graph against the gold files, and the tables asked for.
pub fn run(config: EvalConfig) -> Result<(), CliError> {
    let gold = Gold::load_dir(&config.gold)?;
    let mut source = config.graph.source;
    let graph = config
        .graph
        .inputs
        .open(&mut source, &mut super::output::warn)?;
    let report = evaluate(&graph, &gold);
    to_stdout(|out| {
        write!(out, "{report}")?;
        if config.by_rule {
            write!(out, "\n{}", report.rule_table())?;
        }
        if config.verbose {
            write!(out, "\n{}", report.details())?;
        }
        Ok(())
    })
}
