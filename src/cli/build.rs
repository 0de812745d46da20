//! `kg build`: documents read into a graph file, or added to a saved graph, or one shard of a corpus;
//! with a progress bar on a terminal and a summary of what was built and how fast.

use super::CliError;
use super::config::{BuildConfig, Report};
use super::output::{Output, note, to_stdout};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kgraph::atomic_file::FileLock;
use kgraph::extract::ExtractProgress;
use kgraph::extract::rules::MAX_COMENTION_ENTITIES;
use kgraph::graph::persist::write_graph_ron;
use kgraph::graph::{KnowledgeGraph, load_graph, save_graph};
use kgraph::pipeline::{BuildSummary, UpdateMode, UpdateSummary};
use kgraph::shell::graph_source::{add_documents, build_documents};
use kgraph::text::{Document, list_documents, read_documents};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Builds and saves the graph, then reports.
pub fn run(mut config: BuildConfig) -> Result<(), CliError> {
    if config.phase.is_some() || config.names.is_some() {
        return super::build_phase::run(config);
    }
    let started = Instant::now();
    // A build can take minutes: an output it cannot write is said before it, not after.
    config.output.check_writable()?;
    // Read, changed and written back: a second `kg build --update` of the same file waits for this one
    // and then reads what it wrote, rather than both reading the old file and one losing its documents.
    let _lock = lock_updated(&config)?;
    let progress = Progress::new(config.progress, started)?;
    let (existing, documents) = read_inputs(&mut config)?;
    let read = started.elapsed();
    let built = extract(&mut config, existing, documents, &progress)?;
    let extracted = started.elapsed();
    progress.stage_starts("saving");
    progress
        .bar
        .set_message(format!("saving {}", config.output));
    save(&built.graph, &config.output)?;
    progress.bar.finish_and_clear();
    let finished = Instant::now();
    if config.report == Report::Quiet {
        return Ok(());
    }
    report_build(&config, &built);
    note(throughput(&built.summary, read, extracted, started));
    if config.report == Report::SummaryAndTimings {
        note(progress.timings(finished));
    }
    Ok(())
}

/// The lock on the graph `--update` adds to, when it exists (a missing one is reported by loading it).
fn lock_updated(config: &BuildConfig) -> Result<Option<FileLock>, CliError> {
    let Some((graph, _)) = &config.update else {
        return Ok(None);
    };
    let waiting = || {
        note(format_args!(
            "kg: waiting for another kg that is writing {}",
            graph.display()
        ))
    };
    match FileLock::acquire(graph, waiting) {
        Ok(lock) => Ok(Some(lock)),
        Err(error) if error.source.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// Saves the graph to its file, or writes it as RON to standard output.
pub(super) fn save(graph: &KnowledgeGraph, output: &Output) -> Result<(), CliError> {
    match output {
        Output::File(path) => Ok(save_graph(graph, path)?),
        Output::Stdout => to_stdout(|out| write_graph_ron(graph, out)),
    }
}

/// What extraction gave: the graph, and what to say about it.
struct Built {
    graph: KnowledgeGraph,
    summary: BuildSummary,
    /// What adding to a saved graph did, and how (with `--update`).
    update: Option<(UpdateSummary, UpdateMode)>,
}

/// A saved graph to add documents to, and how.
type Saved = (KnowledgeGraph, UpdateMode);

/// The graph to update and how (with `--update`), and the documents to read. The lexicon is parsed and
/// the token pattern compiled at the same time.
fn read_inputs(config: &mut BuildConfig) -> Result<(Option<Saved>, Vec<Document>), CliError> {
    let BuildConfig {
        documents,
        update,
        shard,
        source,
        ..
    } = config;
    let read = || -> Result<_, CliError> {
        let existing = update
            .as_ref()
            .map(|(graph, mode)| load_graph(graph).map(|graph| (graph, *mode)))
            .transpose()?;
        let mut listing = list_documents(documents)?;
        // Only the shard's files are read: listing the corpus is cheap, reading it is not.
        if let Some(shard) = shard {
            listing.sources.retain(|source| shard.holds(&source.name));
        }
        listing.warnings.iter().for_each(super::output::warn);
        Ok((existing, read_documents(&listing.sources)?))
    };
    let ((lexicon, ()), inputs) = rayon::join(
        || rayon::join(|| source.get().map(|_| ()), kgraph::text::prepare_tokenizer),
        read,
    );
    lexicon?;
    inputs
}

/// Reads the documents into a graph, or into the saved one.
fn extract(
    config: &mut BuildConfig,
    existing: Option<Saved>,
    documents: Vec<Document>,
    progress: &Progress,
) -> Result<Built, CliError> {
    let observe = |report: ExtractProgress| progress.observe(report);
    Ok(match existing {
        Some((existing, mode)) => {
            let (graph, update) =
                add_documents(existing, documents, &mut config.source, mode, &observe)?;
            Built {
                graph,
                summary: update.build,
                update: Some((update, mode)),
            }
        }
        None => {
            let (graph, summary) = build_documents(documents, &mut config.source, &observe)?;
            Built {
                graph,
                summary,
                update: None,
            }
        }
    })
}

/// The progress bar, and when each stage started (for `--timings`).
struct Progress {
    bar: ProgressBar,
    /// The bar is drawn, from the first pass on (reading has no document count to show).
    show: bool,
    /// Only the start of a stage takes the lock.
    stages: Mutex<Vec<(&'static str, Instant)>>,
}

impl Progress {
    fn new(show: bool, started: Instant) -> Result<Progress, CliError> {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} documents [{elapsed}]")?
                .progress_chars("=> "),
        );
        Ok(Progress {
            bar,
            show,
            stages: Mutex::new(vec![("reading", started)]),
        })
    }

    fn stage_starts(&self, name: &'static str) {
        if let Ok(mut stages) = self.stages.lock() {
            stages.push((name, Instant::now()));
        }
    }

    /// Follows extraction: a stage, a pass over the documents, or one more document done.
    fn observe(&self, progress: ExtractProgress) {
        match progress {
            ExtractProgress::Step { name } => {
                self.stage_starts(name);
                self.bar.set_message(name);
            }
            ExtractProgress::Pass { name, documents } => {
                self.stage_starts(name);
                self.bar.set_message(name);
                self.bar.set_length(documents as u64);
                self.bar.set_position(0);
                if self.show && self.bar.is_hidden() {
                    self.bar.set_draw_target(ProgressDrawTarget::stderr());
                    self.bar.enable_steady_tick(Duration::from_millis(100));
                }
            }
            ExtractProgress::DocumentDone => self.bar.inc(1),
        }
    }

    /// The line `--timings` prints: each stage and how long it took, the last one until `finished`.
    fn timings(&self, finished: Instant) -> String {
        let stages = self.stages.lock().map(|s| s.clone()).unwrap_or_default();
        let ends = stages.iter().skip(1).map(|(_, at)| *at).chain([finished]);
        let times: Vec<String> = stages
            .iter()
            .zip(ends)
            .map(|((name, start), end)| format!("{name} {:.3} s", (end - *start).as_secs_f64()))
            .collect();
        format!("time by stage: {}", times.join(", "))
    }
}

/// The summary of what was built or added, and of sentences whose pairs were capped.
fn report_build(config: &BuildConfig, built: &Built) {
    let output = &config.output;
    match &built.update {
        Some((update, mode)) => {
            let replaced = if update.replaced.is_empty() {
                String::new()
            } else {
                format!(
                    ", replaced {} edited since ({})",
                    update.replaced.len(),
                    update.replaced.join(", ")
                )
            };
            note(format_args!(
                "updated {output}: added {} documents{}{replaced}; {}",
                update.added.len(),
                skipped_list(&update.skipped),
                match mode {
                    _ if !update.replaced.is_empty() => {
                        "every document read again, as an edited one was"
                    }
                    UpdateMode::Rebuild => "every document read again",
                    UpdateMode::Incremental => "only the new ones read, then merged",
                }
            ));
            note(format_args!(
                "{output} now holds {} documents, {} entities, {} relations",
                built.graph.documents().len(),
                built.graph.entity_count(),
                built.graph.relation_count(),
            ));
        }
        None => {
            let summary = &built.summary;
            let shard = config
                .shard
                .map_or_else(String::new, |shard| format!(" (shard {shard})"));
            note(format_args!(
                "built {output}{shard}: {} documents, {} sentences, {} entities, {} relations",
                summary.documents, summary.sentences, summary.entities, summary.relations,
            ));
        }
    }
    let capped = built.summary.capped_sentences;
    if capped > 0 {
        note(format_args!(
            "{capped} sentence{} named or listed more than {MAX_COMENTION_ENTITIES} entities: their \
             relations were paired among the first {MAX_COMENTION_ENTITIES} only",
            if capped == 1 { "" } else { "s" },
        ));
    }
}

/// ", skipped 2 already in the graph (a.txt, b.txt)", naming the first few; nothing when none was.
fn skipped_list(names: &[String]) -> String {
    const LISTED: usize = 5;
    if names.is_empty() {
        return String::new();
    }
    let mut listed = names[..names.len().min(LISTED)].join(", ");
    if names.len() > LISTED {
        listed.push_str(&format!(" and {} more", names.len() - LISTED));
    }
    format!(", skipped {} already in the graph ({listed})", names.len())
}

/// The throughput line. It runs from reading the texts to the finished graph; saving is a matter of
/// the output format and the disk, so it is reported apart.
fn throughput(
    summary: &BuildSummary,
    read: Duration,
    extracted: Duration,
    started: Instant,
) -> String {
    let megabytes = summary.bytes as f64 / 1_000_000.0;
    let threads = rayon::current_num_threads();
    let built = extracted.as_secs_f64();
    format!(
        "{megabytes:.1} MB of text read and built into a graph in {built:.2} s: {:.1} MB/s on \
         {threads} thread{} (reading {:.2} s, extraction and graph {:.2} s); saved in {:.2} s",
        megabytes / built.max(1e-9),
        if threads == 1 { "" } else { "s" },
        read.as_secs_f64(),
        (extracted - read).as_secs_f64(),
        (started.elapsed() - extracted).as_secs_f64(),
    )
}
