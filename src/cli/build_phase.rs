//! `kg build --phase` and `kg build --names`: the phases of a sharded build that equals the single
//! build. A shard gathers its corpus-wide evidence (`--phase vocabulary`, then `--phase names` with
//! the merged vocabulary), or reads its documents with the corpus's merged names (`--names`).

use super::CliError;
use super::build::save;
use super::config::{BuildConfig, Report};
use super::output::{Output, note};
use kgraph::extract::{CorpusEvidence, CorpusPart, EvidenceStep, gather_names, gather_vocabulary};
use kgraph::text::{Document, list_documents, read_documents};
use std::time::Instant;

/// The shard's documents, each with its index in the whole corpus, and the names of every document
/// of the corpus (the whole corpus is listed, only the shard's documents read).
struct ShardDocuments {
    documents: Vec<(u32, Document)>,
    corpus_names: Vec<String>,
}

fn read_shard(config: &BuildConfig) -> Result<ShardDocuments, CliError> {
    let listing = list_documents(&config.documents)?;
    listing.warnings.iter().for_each(super::output::warn);
    let corpus_names: Vec<String> = listing.sources.iter().map(|s| s.name.clone()).collect();
    let (indices, sources): (Vec<u32>, Vec<_>) = listing
        .sources
        .into_iter()
        .enumerate()
        .filter(|(_, source)| config.shard.is_none_or(|shard| shard.holds(&source.name)))
        .map(|(index, source)| (u32::try_from(index).unwrap_or(u32::MAX), source))
        .unzip();
    let documents = read_documents(&sources)?;
    Ok(ShardDocuments {
        documents: indices.into_iter().zip(documents).collect(),
        corpus_names,
    })
}

/// Runs `kg build` with `--phase` or `--names`.
pub fn run(mut config: BuildConfig) -> Result<(), CliError> {
    let started = Instant::now();
    config.output.check_writable()?;
    let evidence = config
        .names
        .as_deref()
        .map(CorpusEvidence::load)
        .transpose()?;
    let shard = read_shard(&config)?;
    let corpus_names: Vec<&str> = shard.corpus_names.iter().map(String::as_str).collect();
    let (lexicon, options) = config.source.lexicon_and_options()?;
    let shard_label = config
        .shard
        .map_or_else(String::new, |shard| format!(" (shard {shard})"));
    let names_path = || {
        config
            .names
            .as_ref()
            .map_or_else(String::new, |path| format!("{}: ", path.display()))
    };
    match config.phase {
        Some(step) => {
            let (indices, documents): (Vec<u32>, Vec<Document>) =
                shard.documents.into_iter().unzip();
            let part = CorpusPart {
                documents: &documents,
                corpus_index: &indices,
                corpus_names: &corpus_names,
            };
            let gathered = match (step, &evidence) {
                (EvidenceStep::Vocabulary, _) => gather_vocabulary(part, lexicon, options),
                (EvidenceStep::Names, Some(vocabulary)) => {
                    gather_names(part, vocabulary, lexicon, options)
                        .map_err(|error| format!("{}{error}", names_path()))?
                }
                (EvidenceStep::Names, None) => {
                    return Err("--phase names needs --names with the merged vocabulary".into());
                }
            };
            let Output::File(path) = &config.output else {
                return Err("--phase writes an evidence file: give it with --output".into());
            };
            gathered.save(path)?;
            if config.report != Report::Quiet {
                note(format_args!(
                    "gathered {} evidence of {} documents{shard_label} into {}: {} lower-case words, {} names in {:.2} s",
                    step,
                    documents.len(),
                    path.display(),
                    gathered.lowercase_words.len(),
                    gathered.names.len(),
                    started.elapsed().as_secs_f64(),
                ));
            }
        }
        None => {
            let Some(names) = &evidence else {
                return Err("kg build: no --names evidence to build with".into());
            };
            let (graph, summary) = kgraph::pipeline::build_part(
                shard.documents,
                &corpus_names,
                names,
                lexicon,
                options,
            )
            .map_err(|error| format!("{}{error}", names_path()))?;
            save(&graph, &config.output)?;
            if config.report != Report::Quiet {
                note(format_args!(
                    "built {}{shard_label} with the corpus's names: {} documents, {} sentences, {} entities, {} relations in {:.2} s",
                    config.output,
                    summary.documents,
                    summary.sentences,
                    summary.entities,
                    summary.relations,
                    started.elapsed().as_secs_f64(),
                ));
            }
        }
    }
    Ok(())
}
