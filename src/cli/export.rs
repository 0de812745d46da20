//! `kg export`: a graph written in another format, to a file, to standard output, or (Neo4j) to a
//! folder.

use super::CliError;
use super::config::{ExportConfig, ExportTarget, GraphConfig};
use super::output::to_stdout;
use kgraph::export::{ExportFormat, write_export};
use std::io::Write;

/// Writes the configured graph to the configured target.
pub fn run(config: ExportConfig) -> Result<(), CliError> {
    let ExportConfig {
        graph: GraphConfig { inputs, mut source },
        target,
        options,
    } = config;
    check_writable(&target)?;
    let graph = inputs.open(&mut source, &mut super::output::warn)?;
    let (format, output, base_iri) = match target {
        ExportTarget::Neo4j { folder } => {
            kgraph::export::write_neo4j_import(&graph, &options, &folder)
                .map_err(|e| format!("{}: {e}", folder.display()))?;
            return Ok(());
        }
        ExportTarget::Stream {
            format,
            output,
            base_iri,
        } => (format, output, base_iri),
    };
    // Only N-Triples takes a setting beyond the options: its base IRI.
    let write = |out: &mut dyn Write| match format {
        ExportFormat::NTriples => kgraph::export::write_ntriples(&graph, &options, &base_iri, out),
        _ => write_export(&graph, format, &options, out),
    };
    match output {
        Some(path) => {
            kgraph::atomic_file::write_atomically(&path, write)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        None => to_stdout(write)?,
    }
    Ok(())
}

/// Checks the target can be written before the graph is built from documents, which can take minutes.
fn check_writable(target: &ExportTarget) -> Result<(), CliError> {
    let (path, checked) = match target {
        ExportTarget::Neo4j { folder } => {
            (folder, kgraph::atomic_file::check_folder_writable(folder))
        }
        ExportTarget::Stream {
            output: Some(path), ..
        } => (path, kgraph::atomic_file::check_writable(path)),
        ExportTarget::Stream { output: None, .. } => return Ok(()),
    };
    checked.map_err(|e| format!("{}: {e}", path.display()).into())
}
