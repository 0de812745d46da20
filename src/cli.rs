//! The command line: clap definitions, and the code that runs each subcommand.
//!
//! Library code returns errors; this module turns them into messages, and `main` picks the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kgraph::eval::{Gold, evaluate};
use kgraph::export::{ExportFormat, ExportOptions, write_export};
use kgraph::extract::ExtractProgress;
use kgraph::extract::Lexicon;
use kgraph::extract::relation_rules::MAX_COMENTION_ENTITIES;
use kgraph::graph::{KnowledgeGraph, MergeInput, load_graph, merge_graphs, save_graph};
use kgraph::pipeline::{UpdateMode, build_graph, update_graph};
use kgraph::query::OutputMode;
use kgraph::shell::{
    self, ExecuteError, LexiconSource, ReplOptions, ScriptOptions, ScriptRun, Session,
};
use kgraph::text::{Shard, list_documents, load_documents, read_documents};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
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
        kg                                   # the shell over data/\n  \
        kg shell graph.ron\n  \
        kg run queries/pmf-and-russia.kgq\n  \
        kg query graph.ron -e 'path PMF Russia undirected' --format json\n  \
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
    /// Explore a graph interactively (with no subcommand at all, kg opens the shell over data/).
    #[command(after_help = "Examples:\n  \
        kg shell                      # over data/, built in memory\n  \
        kg shell graph.ron\n  \
        echo 'neighbours Iraq' | kg shell data/   # not a terminal: reads commands, plain output\n\n\
        In the shell: help lists the commands, Tab completes them and entity names, Ctrl-C cancels the \
        line or a running query, Ctrl-D leaves. History is kept in $KG_HISTORY, or kgraph/history in \
        your data directory.")]
    Shell(ShellArgs),
    /// Run a script of queries, one a line; stop at the first failing command.
    #[command(after_help = "Examples:\n  \
        kg run queries/pmf-and-russia.kgq\n  \
        kg run my-questions.kgq --graph graph.ron --keep-going --echo")]
    Run(RunArgs),
    /// Answer queries given on the command line.
    #[command(after_help = "Examples:\n  \
        kg query graph.ron -e 'path PMF Russia undirected'\n  \
        kg query data/ -e 'top 5 by betweenness' -e 'why Iraq China' --format json")]
    Query(QueryArgs),
    /// Read documents and build a graph file, or add documents to one, or build one shard of a corpus.
    #[command(after_help = "Examples:\n  \
        kg build data/ --output graph.ron\n  \
        kg build --update graph.ron new/             # reads only new/, merges into graph.ron\n  \
        kg build --update graph.ron new/ --rebuild   # reads everything again: a fresh build's graph\n  \
        kg build corpus/ --shard 2/4 --output part-2.ron   # the 2nd of 4 shards; see kg merge")]
    Build(BuildArgs),
    /// Merge the graphs of the shards of a corpus (`kg build --shard I/N`) into the graph of the whole.
    #[command(after_help = "Examples:\n  \
        seq 1 4 | xargs -P 4 -I{} kg build corpus/ --shard {}/4 --output part-{}.ron --quiet\n  \
        kg merge part-*.ron --output graph.ron\n\n\
        Inputs may be RON or binary (.kgb, .bin) graphs; the output's format follows its extension. \
        Documents are ordered by name, entities are united by their stable key and shared names, and \
        evidence is united. A document (same name and text) in two inputs is an error: each shard must \
        be given once.")]
    Merge(MergeArgs),
    /// Summarise a graph: documents, sentences, entities by kind, relations by class.
    #[command(after_help = "Example:\n  kg stats graph.ron")]
    Stats {
        /// A graph file written by `kg build`, or documents to build from.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Write a graph in another format (NetworkX JSON, DOT, GraphML, Neo4j CSV, N-Triples, Cytoscape.js).
    #[command(after_help = "Examples:\n  \
        kg export graph.ron --format json --output graph.json\n  \
        kg export graph.ron --format dot --output graph.dot && dot -Tsvg graph.dot > graph.svg\n  \
        kg export graph.ron --format graphml --output graph.graphml\n  \
        kg export graph.ron --format neo4j --output neo4j-import/")]
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
pub struct ShellArgs {
    /// A graph file written by `kg build`, or documents to build from.
    #[arg(default_value = "data")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// How `kg run` and `kg query` print answers.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormatArg {
    Table,
    Plain,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The script: one command a line, `#` comments, blank lines.
    pub script: PathBuf,
    /// A graph file, or documents to build from.
    #[arg(short, long, default_value = "data", num_args = 1..)]
    pub graph: Vec<PathBuf>,
    /// Go on after a failing command; the run still fails at the end.
    #[arg(short, long)]
    pub keep_going: bool,
    /// Print each command, as `> command`, before its answer.
    #[arg(long)]
    pub echo: bool,
    /// How answers are printed (a table in a terminal, plain text otherwise).
    #[arg(short, long, value_enum)]
    pub format: Option<OutputFormatArg>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// A graph file, or documents to build from.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// A command to run; give several to run them in order.
    #[arg(short = 'e', long = "execute", value_name = "COMMAND", required = true)]
    pub commands: Vec<String>,
    /// How answers are printed (a table in a terminal, plain text otherwise).
    #[arg(short, long, value_enum)]
    pub format: Option<OutputFormatArg>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
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
    fn extract_options(&self) -> kgraph::extract::ExtractOptions<'static> {
        kgraph::extract::ExtractOptions {
            resolve_references: !self.no_references,
            ..Default::default()
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
    /// Add the documents to this saved graph: documents whose text it already holds are skipped; only
    /// the new ones are read, and their graph is merged into the saved one as `kg merge` merges shards.
    #[arg(long, value_name = "GRAPH")]
    pub update: Option<PathBuf>,
    /// With --update: read every document again, old and new, for exactly the graph a fresh build of
    /// all of them gives (a new document can change how old ones read: an acronym it defines, a word it
    /// writes in lower case). Costs a whole build.
    #[arg(long, requires = "update")]
    pub rebuild: bool,
    /// Build only shard I of N (1-based, e.g. 2/4): the documents whose name (path under the given
    /// directory) hashes to it. Merge the shards' graphs with `kg merge`.
    #[arg(long, value_name = "I/N", conflicts_with = "update")]
    pub shard: Option<Shard>,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// After the summary, print how long each stage took: reading, sentences, mentions, aliases,
    /// relations, graph, saving.
    #[arg(long, conflicts_with = "quiet")]
    pub timings: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The shards' graph files (RON, or binary .kgb/.bin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the merged graph: pretty RON, or a binary snapshot for .kgb or .bin.
    #[arg(short, long, default_value = "graph.ron")]
    pub output: PathBuf,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// NetworkX node-link JSON.
    Json,
    /// GraphViz DOT.
    Dot,
    /// GraphML, for Gephi, yEd and Cytoscape desktop.
    Graphml,
    /// A folder of nodes.csv and relations.csv for `neo4j-admin database import full`.
    Neo4j,
    /// N-Triples (RDF), IRIs under --base-iri.
    Ntriples,
    /// Cytoscape.js JSON.
    Cytoscape,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A graph file written by `kg build`, or documents to build from.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The output format.
    #[arg(short, long, value_enum)]
    pub format: FormatArg,
    /// Where to write; `-` or nothing writes to standard output. For neo4j, the folder to write.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Leave out co-mention edges (pairs that only share a sentence).
    #[arg(long)]
    pub no_comentions: bool,
    /// For ntriples: the base every IRI is minted under.
    #[arg(long, value_name = "IRI", default_value = kgraph::export::ntriples::DEFAULT_BASE_IRI)]
    pub base_iri: kgraph::export::BaseIri,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        None => run_shell(ShellArgs {
            inputs: vec![PathBuf::from("data")],
            lexicon: LexiconArgs {
                lexicon: None,
                no_references: false,
            },
        }),
        Some(Command::Shell(args)) => run_shell(args),
        Some(Command::Run(args)) => run_script(args),
        Some(Command::Query(args)) => run_query(args),
        Some(Command::Build(args)) => run_build(args),
        Some(Command::Merge(args)) => run_merge(args),
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
    if lexicon.no_references {
        let options = lexicon.extract_options();
        let lexicon = load_lexicon(lexicon)?;
        let documents = load_documents(inputs)?;
        return Ok(build_graph(documents, &lexicon, options).0);
    }
    let mut source = LexiconSource::new(lexicon.lexicon.clone());
    Ok(shell::open_graph(inputs, &mut source)?)
}

/// A session over `inputs`, printing in `mode`.
fn open_session(
    inputs: &[PathBuf],
    lexicon: &LexiconArgs,
    mode: OutputMode,
) -> Result<Session, CliError> {
    let mut source = LexiconSource::new(lexicon.lexicon.clone());
    let graph = shell::open_graph(inputs, &mut source)?;
    Ok(Session::new(graph, source, mode))
}

/// The mode asked for, or a table in a terminal and plain text in a pipe.
fn output_mode(format: Option<OutputFormatArg>) -> OutputMode {
    match format {
        Some(OutputFormatArg::Table) => OutputMode::Table,
        Some(OutputFormatArg::Plain) => OutputMode::Plain,
        Some(OutputFormatArg::Json) => OutputMode::Json,
        Some(OutputFormatArg::Csv) => OutputMode::Csv,
        None if std::io::stdout().is_terminal() => OutputMode::Table,
        None => OutputMode::Plain,
    }
}

/// A failed entry as the command line reports it: a closed pipe stays an I/O error, so `main` can exit
/// quietly.
fn execute_error(error: ExecuteError) -> CliError {
    match error {
        ExecuteError::Command(diagnostic) => Box::new(diagnostic),
        ExecuteError::Output(io) => Box::new(io),
    }
}

/// The summary error of a run that went on past failures.
fn failures(run: &ScriptRun) -> Result<(), CliError> {
    if run.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} of {} commands failed", run.failed, run.commands).into())
    }
}

fn run_shell(args: ShellArgs) -> Result<(), CliError> {
    let interactive = std::io::stdin().is_terminal();
    let mode = if interactive && std::io::stdout().is_terminal() {
        OutputMode::Table
    } else {
        OutputMode::Plain
    };
    let mut session = open_session(&args.inputs, &args.lexicon, mode)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !interactive {
        // Commands from a pipe: no prompt, every command runs, failures are reported as they happen.
        let stdin = std::io::stdin();
        let mut lines = stdin.lock().lines();
        let options = ScriptOptions {
            keep_going: true,
            echo: false,
        };
        let run = session
            .run_lines(&mut lines, "<stdin>", options, &mut out, &mut |d| {
                eprintln!("error: {d}")
            })
            .map_err(execute_error)?;
        return failures(&run);
    }
    let names: Vec<String> = args
        .inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let graph = session.graph();
    let options = ReplOptions {
        history: shell::history_path(),
        colour: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        banner: format!(
            "kg shell over {}: {} documents, {} entities, {} relations. Type help, Tab completes, Ctrl-D leaves.",
            names.join(" "),
            graph.documents().len(),
            graph.entity_count(),
            graph.relation_count()
        ),
    };
    let mut errors = std::io::stderr();
    shell::run_repl(&mut session, &options, &mut out, &mut errors)?;
    Ok(())
}

fn run_script(args: RunArgs) -> Result<(), CliError> {
    let mut session = open_session(&args.graph, &args.lexicon, output_mode(args.format))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let options = ScriptOptions {
        keep_going: args.keep_going,
        echo: args.echo,
    };
    let run = session
        .run_file(&args.script, options, &mut out, &mut |d| {
            eprintln!("error: {d}")
        })
        .map_err(execute_error)?;
    failures(&run)
}

fn run_query(args: QueryArgs) -> Result<(), CliError> {
    let mut session = open_session(&args.inputs, &args.lexicon, output_mode(args.format))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let text = args.commands.join("\n");
    session
        .run_text(
            &text,
            "<query>",
            ScriptOptions::default(),
            &mut out,
            &mut |_| {},
        )
        .map_err(execute_error)?;
    Ok(())
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
    // The lexicon is parsed and the token pattern compiled while the documents are read (and a graph to
    // update is loaded).
    let read_inputs = || -> Result<_, CliError> {
        let existing = args.update.as_deref().map(load_graph).transpose()?;
        let documents = match args.shard {
            // Only the shard's files are read: listing the corpus is cheap, reading it is not.
            Some(shard) => {
                let mut sources = list_documents(&args.inputs)?;
                sources.retain(|source| shard.holds(&source.name));
                read_documents(&sources)?
            }
            None => load_documents(&args.inputs)?,
        };
        Ok((existing, documents))
    };
    let ((lexicon, ()), inputs) = rayon::join(
        || {
            rayon::join(
                || load_lexicon(&args.lexicon),
                kgraph::text::prepare_tokenizer,
            )
        },
        read_inputs,
    );
    let lexicon = lexicon?;
    let (existing, documents) = inputs?;
    let read = started.elapsed();
    // When each stage started, for --timings: only the start of a stage takes the lock.
    let stages = std::sync::Mutex::new(vec![("reading", started)]);
    let stage_starts = |name| {
        if let Ok(mut stages) = stages.lock() {
            stages.push((name, Instant::now()));
        }
    };
    let observe = |progress: ExtractProgress| match progress {
        ExtractProgress::Step { name } => {
            stage_starts(name);
            bar.set_message(name);
        }
        ExtractProgress::Pass { name, documents } => {
            stage_starts(name);
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
    let options = args.lexicon.extract_options().observed_by(&observe);
    let (graph, summary, update) = match existing {
        Some(existing) => {
            let mode = if args.rebuild {
                UpdateMode::Rebuild
            } else {
                UpdateMode::Incremental
            };
            let (graph, update) = update_graph(existing, documents, &lexicon, options, mode)?;
            (graph, update.build, Some(update))
        }
        None => {
            let (graph, summary) = build_graph(documents, &lexicon, options);
            (graph, summary, None)
        }
    };
    let extracted = started.elapsed();
    stage_starts("saving");
    bar.set_message(format!("saving {}", output.display()));
    save_graph(&graph, &output)?;
    bar.finish_and_clear();
    let finished = Instant::now();
    if !args.quiet {
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
            let how = if args.rebuild {
                "every document read again"
            } else {
                "only the new ones read, then merged"
            };
            eprintln!(
                "updated {}: added {} documents{skipped}; {how}",
                output.display(),
                update.added.len()
            );
            eprintln!(
                "{} now holds {} documents, {} entities, {} relations",
                output.display(),
                graph.documents().len(),
                graph.entity_count(),
                graph.relation_count(),
            );
        } else {
            let shard = args
                .shard
                .map_or_else(String::new, |shard| format!(" (shard {shard})"));
            eprintln!(
                "built {}{shard}: {} documents, {} sentences, {} entities, {} relations",
                output.display(),
                summary.documents,
                summary.sentences,
                summary.entities,
                summary.relations,
            );
        }
        if summary.capped_sentences > 0 {
            eprintln!(
                "{} sentence{} named or listed more than {MAX_COMENTION_ENTITIES} entities: their relations \
                 were paired among the first {MAX_COMENTION_ENTITIES} only",
                summary.capped_sentences,
                if summary.capped_sentences == 1 {
                    ""
                } else {
                    "s"
                },
            );
        }
        let threads = rayon::current_num_threads();
        // The throughput is from reading the texts to the finished graph; saving is a matter of the
        // output format and the disk, so it is reported apart.
        let built = extracted.as_secs_f64();
        eprintln!(
            "{megabytes:.1} MB of text read and built into a graph in {built:.2} s: {:.1} MB/s on \
             {threads} thread{} (reading {:.2} s, extraction and graph {:.2} s); saved in {:.2} s",
            megabytes / built.max(1e-9),
            if threads == 1 { "" } else { "s" },
            read.as_secs_f64(),
            (extracted - read).as_secs_f64(),
            (started.elapsed() - extracted).as_secs_f64(),
        );
        if args.timings {
            let stages = stages.into_inner().unwrap_or_default();
            let ends = stages.iter().skip(1).map(|(_, at)| *at).chain([finished]);
            let times: Vec<String> = stages
                .iter()
                .zip(ends)
                .map(|((name, start), end)| format!("{name} {:.3} s", (end - *start).as_secs_f64()))
                .collect();
            eprintln!("time by stage: {}", times.join(", "));
        }
    }
    Ok(())
}

fn run_merge(args: MergeArgs) -> Result<(), CliError> {
    let started = Instant::now();
    // A bar on a terminal only, and only when there are enough inputs for loading to take a while.
    const BAR_FROM: usize = 4;
    let bar = if !args.quiet && args.inputs.len() >= BAR_FROM && std::io::stderr().is_terminal() {
        ProgressBar::new(args.inputs.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} graphs [{elapsed}]")?
            .progress_chars("=> "),
    );
    bar.set_message("loading");
    let mut inputs = Vec::with_capacity(args.inputs.len());
    for path in &args.inputs {
        inputs.push(MergeInput {
            label: path.display().to_string(),
            graph: load_graph(path)?,
        });
        bar.inc(1);
    }
    bar.set_message("merging");
    let graph = merge_graphs(inputs)?;
    bar.set_message(format!("saving {}", args.output.display()));
    save_graph(&graph, &args.output)?;
    bar.finish_and_clear();
    if !args.quiet {
        eprintln!(
            "merged {} from {} graphs: {} documents, {} entities, {} relations, {} sentences of evidence in {:.2} s",
            args.output.display(),
            args.inputs.len(),
            graph.documents().len(),
            graph.entity_count(),
            graph.relation_count(),
            graph.evidence_count(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(())
}

fn run_export(args: ExportArgs) -> Result<(), CliError> {
    let graph = open_graph(&args.inputs, &args.lexicon)?;
    let format = match args.format {
        FormatArg::Json => ExportFormat::Json,
        FormatArg::Dot => ExportFormat::Dot,
        FormatArg::Graphml => ExportFormat::GraphMl,
        FormatArg::Ntriples => ExportFormat::NTriples,
        FormatArg::Cytoscape => ExportFormat::Cytoscape,
        FormatArg::Neo4j => return run_export_neo4j(&graph, &args),
    };
    let options = ExportOptions {
        include_comentions: !args.no_comentions,
    };
    // Only N-Triples takes a setting beyond the options: its base IRI.
    let write = |out: &mut dyn Write| match format {
        ExportFormat::NTriples => {
            kgraph::export::write_ntriples(&graph, &options, &args.base_iri, out)
        }
        _ => write_export(&graph, format, &options, out),
    };
    match args.output {
        Some(path) if path.as_os_str() != "-" => {
            kgraph::atomic_file::write_atomically(&path, write)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        _ => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// `kg export --format neo4j`: a folder, so it needs `--output` and cannot go to standard output.
fn run_export_neo4j(graph: &KnowledgeGraph, args: &ExportArgs) -> Result<(), CliError> {
    let directory = match &args.output {
        Some(path) if path.as_os_str() != "-" => path,
        _ => return Err("--format neo4j writes a folder: give it with --output".into()),
    };
    let options = ExportOptions {
        include_comentions: !args.no_comentions,
    };
    kgraph::export::write_neo4j_import(graph, &options, directory)
        .map_err(|e| format!("{}: {e}", directory.display()))?;
    Ok(())
}

/// The text `kg stats` prints.
pub fn stats_text(graph: &KnowledgeGraph) -> String {
    use kgraph::model::EntityKind;
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
