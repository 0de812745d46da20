//! `kg merge`: the graphs of a corpus's shards merged into the graph of the whole.

use super::CliError;
use super::build::save;
use super::config::MergeConfig;
use super::output::note;
use indicatif::{ProgressBar, ProgressStyle};
use kgraph::graph::{MergeInput, load_graph, merge_graphs};
use std::time::Instant;

/// Loads, merges and saves, with a bar while the graphs load when there are enough of them.
pub fn run(config: MergeConfig) -> Result<(), CliError> {
    let started = Instant::now();
    config.output.check_writable()?;
    // Only enough inputs take long enough to load to be worth a bar.
    const BAR_FROM: usize = 4;
    let bar = if config.progress && config.inputs.len() >= BAR_FROM {
        ProgressBar::new(config.inputs.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} graphs [{elapsed}]")?
            .progress_chars("=> "),
    );
    bar.set_message("loading");
    let mut inputs = Vec::with_capacity(config.inputs.len());
    for path in &config.inputs {
        inputs.push(MergeInput {
            label: path.display().to_string(),
            graph: load_graph(path)?,
        });
        bar.inc(1);
    }
    bar.set_message("merging");
    let graph = merge_graphs(inputs)?;
    bar.set_message(format!("saving {}", config.output));
    save(&graph, &config.output)?;
    bar.finish_and_clear();
    if !config.quiet {
        note(format_args!(
            "merged {} from {} graphs: {} documents, {} entities, {} relations, {} sentences of evidence in {:.2} s",
            config.output,
            config.inputs.len(),
            graph.documents().len(),
            graph.entity_count(),
            graph.relation_count(),
            graph.evidence_count(),
            started.elapsed().as_secs_f64(),
        ));
    }
    Ok(())
}
