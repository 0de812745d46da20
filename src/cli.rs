//! The command line: clap definitions, and the code that runs each subcommand.
//!
//! Library code returns errors; this module turns them into messages, and `main` picks the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kgraph::eval::{Gold, evaluate};
use kgraph::export::{ExportFormat, ExportOptions, write_export};
use kgraph::extract::Lexicon;
use kgraph::extract::extraction::ExtractProgress;
use kgraph::graph::{KnowledgeGraph, load_graph, save_graph};
use kgraph::pipeline::{build_graph_observed, build_graph_with, update_graph};
use kgraph::text::load_documents;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The error type of every subcommand: a message for the user.
pub type CliError = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, Parser)]
#[command(
    name = "kg",
    version,
    about = "Build a knowledge graph of who is linked to whom from political and security texts.",
    long_about = "Build a knowledge graph of who is linked to whom from political and security texts.\n\n\
        kg reads plain-text and Markdown documents, finds the people, countries, organisations and armed \
        groups they name, reads the relations the sentences state (who backs, attacks, leads or belongs to \
        whom), and keeps every relation's evidence sentence.",
    after_help = "Examples:\n  \
        kg build data/ --output graph.ron\n  \
        kg stats graph.ron\n  \
        kg export graph.ron --format dot --output graph.dot && dot -Tsvg graph.dot > graph.svg\n  \
        kg eval data/ --gold ../shared/gold/"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read documents and build a graph file, or add documents to one.
    #[command(
        after_help = "Examples:\n  kg build data/ --output graph.ron\n  kg build --update graph.ron new/"
    )]
    Build(BuildArgs),
    /// Summarise a graph: documents, sentences, entities by kind, relations by class.
    #[command(after_help = "Example:\n  kg stats graph.ron")]
    Stats {
        /// A graph file written by `kg build`, or documents to build from.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Write a graph in another format (NetworkX JSON, GraphViz DOT).
    #[command(after_help = "Examples:\n  \
        kg export graph.ron --format json --output graph.json\n  \
        kg export graph.ron --format dot --output graph.dot && dot -Tsvg graph.dot > graph.svg")]
    Export(ExportArgs),
    /// Score extraction against gold annotations.
    #[command(
        after_help = "Examples:\n  kg eval data/ --gold ../shared/gold/\n  kg eval data/ --gold ../shared/gold/ --by-rule --verbose"
    )]
    Eval {
        /// Documents to build from, or a graph file.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The directory of `*.gold.json` files.
        #[arg(long)]
        gold: PathBuf,
        /// Also print, for each extraction rule, how many of its relations are right.
        #[arg(long)]
        by_rule: bool,
        /// Also list the missed and spurious entities and pairs.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
}

#[derive(Debug, clap::Args)]
pub struct LexiconArgs {
    /// Read the lexicon from this directory of RON files instead of the built-in copy of data/lexicon.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
    /// Do not read "it", "he", "the country", "the group" as the entity named just before.
    #[arg(long)]
    pub no_references: bool,
}

impl LexiconArgs {
    fn extract_options(&self) -> kgraph::extract::ExtractOptions {
        kgraph::extract::ExtractOptions {
            resolve_references: !self.no_references,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Files and directories to read (.txt and .md; directories recursively).
    #[arg(default_value = "data")]
    pub inputs: Vec<PathBuf>,
    /// Where to write the graph: pretty RON, or a compact binary snapshot when the name ends in .kgb or
    /// .bin [default: graph.ron, or the --update graph].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Add the documents to this saved graph: documents whose text it already holds are skipped, and the
    /// graph is rebuilt from all its documents (the cost is that of the whole corpus).
    #[arg(long, value_name = "GRAPH")]
    pub update: Option<PathBuf>,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Json,
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A graph file written by `kg build`, or documents to build from.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The output format.
    #[arg(short, long, value_enum)]
    pub format: FormatArg,
    /// Where to write; `-` or nothing writes to standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Leave out co-mention edges (pairs that only share a sentence).
    #[arg(long)]
    pub no_comentions: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        None => run_build(BuildArgs {
            inputs: vec![PathBuf::from("data")],
            output: None,
            update: None,
            quiet: false,
            lexicon: LexiconArgs {
                lexicon: None,
                no_references: false,
            },
        }),
        Some(Command::Build(args)) => run_build(args),
        Some(Command::Stats { inputs }) => {
            let graph = open_graph(
                &inputs,
                &LexiconArgs {
                    lexicon: None,
                    no_references: false,
                },
            )?;
            print!("{}", stats_text(&graph));
            Ok(())
        }
        Some(Command::Export(args)) => run_export(args),
        Some(Command::Eval {
            inputs,
            gold,
            by_rule,
            verbose,
            lexicon,
        }) => {
            let gold = Gold::load_dir(&gold)?;
            let graph = open_graph(&inputs, &lexicon)?;
            let report = evaluate(&graph, &gold);
            print!("{report}");
            if by_rule {
                print!("\n{}", report.rule_table());
            }
            if verbose {
                print!("\n{}", report.details());
            }
            Ok(())
        }
    }
}

fn load_lexicon(args: &LexiconArgs) -> Result<Lexicon, CliError> {
    Ok(match &args.lexicon {
        Some(directory) => Lexicon::load(directory)?,
        None => Lexicon::embedded()?,
    })
}

/// A graph file is loaded; anything else is read as documents and built in memory.
fn open_graph(inputs: &[PathBuf], lexicon: &LexiconArgs) -> Result<KnowledgeGraph, CliError> {
    if let [single] = inputs
        && is_graph_file(single)
    {
        return Ok(load_graph(single)?);
    }
    let options = lexicon.extract_options();
    let lexicon = load_lexicon(lexicon)?;
    let documents = load_documents(inputs)?;
    Ok(build_graph_with(documents, &lexicon, options).0)
}

fn is_graph_file(path: &Path) -> bool {
    let binary = kgraph::graph::GraphFormat::of_path(path) == kgraph::graph::GraphFormat::Binary;
    (binary || path.extension().is_some_and(|e| e == "ron")) && path.is_file()
}

fn run_build(args: BuildArgs) -> Result<(), CliError> {
    let started = Instant::now();
    let output = match (&args.output, &args.update) {
        (Some(output), _) => output.clone(),
        (None, Some(update)) => update.clone(),
        (None, None) => PathBuf::from("graph.ron"),
    };
    // A bar per pass over the documents, on a terminal only: piped or redirected stderr stays clean.
    // It is drawn from the first pass on (reading has no document count to show).
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} documents [{elapsed}]")?
            .progress_chars("=> "),
    );
    let lexicon = load_lexicon(&args.lexicon)?;
    let existing = args.update.as_deref().map(load_graph).transpose()?;
    let documents = load_documents(&args.inputs)?;
    let read = started.elapsed();
    let observe = |progress: ExtractProgress| match progress {
        ExtractProgress::Pass { name, documents } => {
            bar.set_message(name);
            bar.set_length(documents as u64);
            bar.set_position(0);
            if show_progress && bar.is_hidden() {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.enable_steady_tick(std::time::Duration::from_millis(100));
            }
        }
        ExtractProgress::DocumentDone => bar.inc(1),
    };
    let options = args.lexicon.extract_options();
    let (graph, summary, update) = match &existing {
        Some(existing) => {
            let (graph, update) = update_graph(existing, documents, &lexicon, options, &observe);
            (graph, update.build, Some(update))
        }
        None => {
            let (graph, summary) = build_graph_observed(documents, &lexicon, options, &observe);
            (graph, summary, None)
        }
    };
    let extracted = started.elapsed();
    bar.set_message(format!("saving {}", output.display()));
    save_graph(&graph, &output)?;
    bar.finish_and_clear();
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        let megabytes = summary.bytes as f64 / 1_000_000.0;
        if let Some(update) = &update {
            const LISTED: usize = 5;
            let skipped = match update.skipped.as_slice() {
                [] => String::new(),
                names => {
                    let mut listed = names[..names.len().min(LISTED)].join(", ");
                    if names.len() > LISTED {
                        listed.push_str(&format!(" and {} more", names.len() - LISTED));
                    }
                    format!(", skipped {} already in the graph ({listed})", names.len())
                }
            };
            eprintln!(
                "updated {}: added {} documents{skipped}",
                output.display(),
                update.added.len()
            );
        }
        eprintln!(
            "built {}: {} documents, {} sentences, {} entities, {} relations",
            output.display(),
            summary.documents,
            summary.sentences,
            summary.entities,
            summary.relations,
        );
        let threads = rayon::current_num_threads();
        eprintln!(
            "{megabytes:.1} MB of text in {seconds:.2} s: {:.1} MB/s end to end on {threads} thread{} \
             (reading {:.2} s, extraction and graph {:.2} s, saving {:.2} s)",
            megabytes / seconds.max(1e-9),
            if threads == 1 { "" } else { "s" },
            read.as_secs_f64(),
            (extracted - read).as_secs_f64(),
            (started.elapsed() - extracted).as_secs_f64(),
        );
    }
    Ok(())
}

fn run_export(args: ExportArgs) -> Result<(), CliError> {
    let graph = open_graph(&args.inputs, &args.lexicon)?;
    let format = match args.format {
        FormatArg::Json => ExportFormat::Json,
        FormatArg::Dot => ExportFormat::Dot,
    };
    let options = ExportOptions {
        include_comentions: !args.no_comentions,
    };
    match args.output {
        Some(path) if path.as_os_str() != "-" => {
            kgraph::atomic_file::write_atomically(&path, |out| {
                write_export(&graph, format, &options, out)
            })
            .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        _ => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            write_export(&graph, format, &options, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The text `kg stats` prints.
pub fn stats_text(graph: &KnowledgeGraph) -> String {
    use kgraph::extract::EntityKind;
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
            document.name,
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
