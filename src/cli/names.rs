//! `kg names merge`: the corpus-wide evidence files of a sharded build's shards combined into the
//! corpus's (see `kgraph::extract::corpus_wide`).

use super::CliError;
use super::config::NamesMergeConfig;
use super::output::note;
use kgraph::extract::CorpusEvidence;
use std::time::Instant;

/// Loads the files, combines them in the order given (the result is the same in any order), saves.
pub fn run_merge(config: NamesMergeConfig) -> Result<(), CliError> {
    let started = Instant::now();
    kgraph::atomic_file::check_writable(&config.output)
        .map_err(|error| format!("{}: {error}", config.output.display()))?;
    let mut combined: Option<CorpusEvidence> = None;
    for path in &config.inputs {
        let evidence = CorpusEvidence::load(path)?;
        combined = Some(match combined {
            None => evidence,
            Some(so_far) => so_far
                .combine(evidence)
                .map_err(|error| format!("{}: {error}", path.display()))?,
        });
    }
    let Some(combined) = combined else {
        return Err("kg names merge: no evidence files given".into());
    };
    combined.save(&config.output)?;
    if !config.quiet {
        let missing = (combined.corpus_documents as usize).saturating_sub(combined.documents.len());
        note(format_args!(
            "merged {} from {} files: {} evidence of {} of the corpus's {} documents{}; {} lower-case words, {} names in {:.2} s",
            config.output.display(),
            config.inputs.len(),
            combined.step,
            combined.documents.len(),
            combined.corpus_documents,
            if missing == 0 {
                String::new()
            } else {
                format!(" ({missing} still missing: merge every shard's file)")
            },
            combined.lowercase_words.len(),
            combined.names.len(),
            started.elapsed().as_secs_f64(),
        ));
    }
    Ok(())
}
