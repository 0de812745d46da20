//! The validated configuration: what the command line asks for, checked and resolved in one place.
//!
//! [`Config::new`] turns clap's plain record ([`Cli`]) into what each command runs from: its inputs
//! classified (one saved graph, or documents to build one from; never a data file read as text), the
//! lexicon and extraction options chosen, output paths defaulted and output modes decided (a table in
//! a terminal, plain text in a pipe). Every rule about how flags combine lives here, so a flag such as
//! `--no-references` means the same to every command that reads texts; the commands never look at the
//! raw arguments.

use super::args::{
    BuildArgs, Cli, Command, DEFAULT_INPUT, EvalArgs, ExportArgs, FormatArg, LexiconArgs,
    MergeArgs, NamesArgs, NamesCommand, OutputFormatArg, PhaseArg, QueryArgs, RunArgs, ShellArgs,
    StatsArgs,
};
use super::output::Output;
use kgraph::export::{BaseIri, ExportFormat, ExportOptions};
use kgraph::extract::{EvidenceStep, ExtractOptions};
use kgraph::pipeline::UpdateMode;
use kgraph::query::OutputMode;
use kgraph::shell::ScriptOptions;
use kgraph::shell::graph_source::{InputError, Inputs, LexiconSource, documents_only};
use kgraph::text::Shard;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Why the command line cannot be run as given.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// An input cannot be read where it was given.
    #[error(transparent)]
    Input(#[from] InputError),
    /// `kg build` was given a saved graph among the documents to read.
    #[error(
        "{path}: a graph file, not a document to read; to add documents to a graph, give the graph \
         with --update"
    )]
    GraphToBuild { path: PathBuf },
    /// `kg build --phase names` finds names with the corpus's vocabulary, which it was not given.
    #[error(
        "--phase names finds names with the whole corpus's vocabulary: give it with --names \
         (kg names merge vocabulary-*.ron --output vocabulary.ron)"
    )]
    NamesWithoutVocabulary,
    /// `kg build --phase vocabulary` is the first phase and reads no evidence.
    #[error("--phase vocabulary is the first phase: it reads no --names")]
    VocabularyWithNames,
    /// `kg export --format neo4j` writes a folder, which cannot go to standard output.
    #[error("--format neo4j writes a folder: give it with --output")]
    Neo4jWithoutFolder,
    /// `kg eval --per-document` builds each document on its own, which a saved graph cannot give.
    #[error(
        "{path}: a graph file; --per-document builds each document on its own, so give the documents"
    )]
    PerDocumentFromGraph { path: PathBuf },
}

/// What kg was asked to do, checked and resolved.
#[derive(Debug)]
pub enum Config {
    /// `kg shell`, or `kg` alone.
    Shell(ShellConfig),
    /// `kg run`.
    Run(RunConfig),
    /// `kg query`.
    Query(QueryConfig),
    /// `kg build`.
    Build(BuildConfig),
    /// `kg merge`.
    Merge(MergeConfig),
    /// `kg names merge`.
    NamesMerge(NamesMergeConfig),
    /// `kg stats`.
    Stats(GraphConfig),
    /// `kg export`.
    Export(ExportConfig),
    /// `kg eval`.
    Eval(EvalConfig),
}

/// Where a command's graph comes from: a saved graph, or documents read with the chosen lexicon and
/// extraction options.
#[derive(Debug)]
pub struct GraphConfig {
    pub inputs: Inputs,
    pub source: LexiconSource,
}

/// `kg shell`: a session over a graph, interactive when standard input is a terminal.
#[derive(Debug)]
pub struct ShellConfig {
    pub graph: GraphConfig,
    /// The inputs as given, for the banner.
    pub names: Vec<PathBuf>,
    /// Standard input is a terminal: a line editor with a prompt, rather than commands from a pipe.
    pub interactive: bool,
    pub mode: OutputMode,
    /// Page answers taller than the terminal (no `--no-pager`).
    pub pager: bool,
}

/// `kg run`: a script of commands over a graph.
#[derive(Debug)]
pub struct RunConfig {
    pub graph: GraphConfig,
    pub script: PathBuf,
    pub options: ScriptOptions,
    pub mode: OutputMode,
}

/// `kg query`: commands from the command line over a graph.
#[derive(Debug)]
pub struct QueryConfig {
    pub graph: GraphConfig,
    /// The commands, one a line.
    pub commands: String,
    pub mode: OutputMode,
}

/// `kg build`: documents read into a graph file.
#[derive(Debug)]
pub struct BuildConfig {
    /// Files and directories of documents (no graph or data file among them).
    pub documents: Vec<PathBuf>,
    /// Where the graph is written (RON to standard output for `-`).
    pub output: Output,
    /// The saved graph the documents are added to, and how.
    pub update: Option<(PathBuf, UpdateMode)>,
    /// Only this shard's documents are read.
    pub shard: Option<Shard>,
    /// Corpus-wide evidence to write instead of a graph (`--phase`).
    pub phase: Option<EvidenceStep>,
    /// The corpus's merged evidence to read with (`--names`).
    pub names: Option<PathBuf>,
    pub report: Report,
    /// A progress bar is drawn (on a terminal, when not quiet).
    pub progress: bool,
    pub source: LexiconSource,
}

/// What a command that writes a file says on standard error when it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Nothing.
    Quiet,
    /// A summary.
    Summary,
    /// A summary, then the time each stage took.
    SummaryAndTimings,
}

/// `kg merge`: shards' graphs merged into one.
#[derive(Debug)]
pub struct MergeConfig {
    pub inputs: Vec<PathBuf>,
    pub output: Output,
    pub quiet: bool,
    /// A progress bar may be drawn (standard error is a terminal, and not quiet).
    pub progress: bool,
}

/// `kg names merge`: evidence files combined into one.
#[derive(Debug)]
pub struct NamesMergeConfig {
    pub inputs: Vec<PathBuf>,
    pub output: PathBuf,
    pub quiet: bool,
}

/// `kg export`: a graph written in another format.
#[derive(Debug)]
pub struct ExportConfig {
    pub graph: GraphConfig,
    pub target: ExportTarget,
    pub options: ExportOptions,
}

/// Where and how `kg export` writes.
#[derive(Debug)]
pub enum ExportTarget {
    /// One stream: to a file, or to standard output when `output` is `None`.
    Stream {
        format: ExportFormat,
        output: Option<PathBuf>,
        /// The base of N-Triples IRIs (only N-Triples uses it).
        base_iri: BaseIri,
    },
    /// Neo4j's import files, written into a folder.
    Neo4j { folder: PathBuf },
}

/// `kg eval`: a graph scored against gold annotations.
#[derive(Debug)]
pub struct EvalConfig {
    pub graph: GraphConfig,
    pub gold: PathBuf,
    pub by_rule: bool,
    pub verbose: bool,
    pub per_document: bool,
}

impl Config {
    /// Checks and resolves the command line: the one place where flags are read.
    ///
    /// # Errors
    /// An input that cannot be used where it was given, or flags that cannot be carried out together.
    pub fn new(cli: Cli) -> Result<Config, ConfigError> {
        Ok(match cli.command {
            None => Config::Shell(shell(ShellArgs {
                inputs: vec![PathBuf::from(DEFAULT_INPUT)],
                lexicon: LexiconArgs {
                    lexicon: None,
                    no_references: false,
                    speaker: None,
                },
                no_pager: false,
            })?),
            Some(Command::Shell(args)) => Config::Shell(shell(args)?),
            Some(Command::Run(args)) => Config::Run(run(args)?),
            Some(Command::Query(args)) => Config::Query(query(args)?),
            Some(Command::Build(args)) => Config::Build(build(args)?),
            Some(Command::Merge(args)) => Config::Merge(merge(args)),
            Some(Command::Names(NamesArgs {
                command: NamesCommand::Merge(args),
            })) => Config::NamesMerge(NamesMergeConfig {
                inputs: args.inputs,
                output: args.output,
                quiet: args.quiet,
            }),
            Some(Command::Stats(args)) => Config::Stats(stats(args)?),
            Some(Command::Export(args)) => Config::Export(export(args)?),
            Some(Command::Eval(args)) => Config::Eval(eval(args)?),
        })
    }
}

/// The lexicon `--lexicon` names (or the built-in one), read with the options the flags ask for.
fn lexicon_source(args: LexiconArgs) -> LexiconSource {
    let options = ExtractOptions {
        resolve_references: !args.no_references,
        ..ExtractOptions::default()
    };
    LexiconSource::new(args.lexicon, options).with_speaker(args.speaker)
}

fn graph_config(inputs: &[PathBuf], lexicon: LexiconArgs) -> Result<GraphConfig, ConfigError> {
    Ok(GraphConfig {
        inputs: Inputs::classify(inputs)?,
        source: lexicon_source(lexicon),
    })
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

fn shell(args: ShellArgs) -> Result<ShellConfig, ConfigError> {
    let interactive = std::io::stdin().is_terminal();
    let mode = if interactive && std::io::stdout().is_terminal() {
        OutputMode::Table
    } else {
        OutputMode::Plain
    };
    Ok(ShellConfig {
        graph: graph_config(&args.inputs, args.lexicon)?,
        names: args.inputs,
        interactive,
        mode,
        pager: !args.no_pager,
    })
}

fn run(args: RunArgs) -> Result<RunConfig, ConfigError> {
    Ok(RunConfig {
        graph: graph_config(&args.graph, args.lexicon)?,
        script: args.script,
        options: ScriptOptions {
            keep_going: args.keep_going,
            echo: args.echo,
        },
        mode: output_mode(args.format),
    })
}

fn query(args: QueryArgs) -> Result<QueryConfig, ConfigError> {
    Ok(QueryConfig {
        graph: graph_config(&args.inputs, args.lexicon)?,
        commands: args.commands.join("\n"),
        mode: output_mode(args.format),
    })
}

fn build(args: BuildArgs) -> Result<BuildConfig, ConfigError> {
    let documents = documents_only(&args.inputs).map_err(|error| match error {
        InputError::GraphAsDocument { path } => ConfigError::GraphToBuild { path },
        error => ConfigError::Input(error),
    })?;
    let output = Output::from_path(match (&args.output, &args.update) {
        (Some(output), _) => output.clone(),
        (None, Some(update)) => update.clone(),
        (None, None) => PathBuf::from("graph.ron"),
    });
    match (args.phase, &args.names) {
        (Some(PhaseArg::Names), None) => return Err(ConfigError::NamesWithoutVocabulary),
        (Some(PhaseArg::Vocabulary), Some(_)) => return Err(ConfigError::VocabularyWithNames),
        _ => {}
    }
    let mode = if args.rebuild {
        UpdateMode::Rebuild
    } else {
        UpdateMode::Incremental
    };
    let report = match (args.quiet, args.timings) {
        (true, _) => Report::Quiet,
        (false, false) => Report::Summary,
        (false, true) => Report::SummaryAndTimings,
    };
    Ok(BuildConfig {
        documents,
        output,
        update: args.update.map(|graph| (graph, mode)),
        shard: args.shard,
        phase: args.phase.map(|phase| match phase {
            PhaseArg::Vocabulary => EvidenceStep::Vocabulary,
            PhaseArg::Names => EvidenceStep::Names,
        }),
        names: args.names,
        report,
        // Piped or redirected standard error stays clean.
        progress: !args.quiet && std::io::stderr().is_terminal(),
        source: lexicon_source(args.lexicon),
    })
}

fn merge(args: MergeArgs) -> MergeConfig {
    MergeConfig {
        progress: !args.quiet && std::io::stderr().is_terminal(),
        inputs: args.inputs,
        output: Output::from_path(args.output),
        quiet: args.quiet,
    }
}

fn stats(args: StatsArgs) -> Result<GraphConfig, ConfigError> {
    // `kg stats` has no lexicon flags: texts are read with the built-in lexicon and default options.
    let lexicon = LexiconArgs {
        lexicon: None,
        no_references: false,
        speaker: None,
    };
    graph_config(&args.inputs, lexicon)
}

fn export(args: ExportArgs) -> Result<ExportConfig, ConfigError> {
    let graph = graph_config(&args.inputs, args.lexicon)?;
    // `-` is standard output, as is no --output at all.
    let output = args.output.filter(|path| path.as_os_str() != "-");
    Ok(ExportConfig {
        graph,
        target: export_target(args.format, output, args.base_iri)?,
        options: ExportOptions {
            include_comentions: !args.no_comentions,
        },
    })
}

fn export_target(
    format: FormatArg,
    output: Option<PathBuf>,
    base_iri: BaseIri,
) -> Result<ExportTarget, ConfigError> {
    let format = match format {
        FormatArg::Json => ExportFormat::Json,
        FormatArg::Dot => ExportFormat::Dot,
        FormatArg::Graphml => ExportFormat::GraphMl,
        FormatArg::Ntriples => ExportFormat::NTriples,
        FormatArg::Cytoscape => ExportFormat::Cytoscape,
        FormatArg::Neo4j => {
            let folder = output.ok_or(ConfigError::Neo4jWithoutFolder)?;
            return Ok(ExportTarget::Neo4j { folder });
        }
    };
    Ok(ExportTarget::Stream {
        format,
        output,
        base_iri,
    })
}

fn eval(args: EvalArgs) -> Result<EvalConfig, ConfigError> {
    let graph = graph_config(&args.inputs, args.lexicon)?;
    if let (true, Inputs::Graph(path)) = (args.per_document, &graph.inputs) {
        return Err(ConfigError::PerDocumentFromGraph { path: path.clone() });
    }
    Ok(EvalConfig {
        graph,
        gold: args.gold,
        by_rule: args.by_rule,
        verbose: args.verbose,
        per_document: args.per_document,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// The configuration of a command line, run from the crate's root (where `data/` is a folder).
    fn config(line: &str) -> Result<Config, ConfigError> {
        let cli = Cli::try_parse_from(line.split_whitespace()).unwrap_or_else(|e| panic!("{e}"));
        Config::new(cli)
    }

    fn valid(line: &str) -> Config {
        config(line).unwrap_or_else(|e| panic!("{line}: {e}"))
    }

    /// The lexicon source of a command that can read texts.
    fn source(config: &Config) -> &LexiconSource {
        match config {
            Config::Shell(ShellConfig { graph, .. })
            | Config::Run(RunConfig { graph, .. })
            | Config::Query(QueryConfig { graph, .. })
            | Config::Stats(graph)
            | Config::Export(ExportConfig { graph, .. })
            | Config::Eval(EvalConfig { graph, .. }) => &graph.source,
            Config::Build(build) => &build.source,
            Config::Merge(_) => panic!("kg merge reads no texts"),
            Config::NamesMerge(_) => panic!("kg names merge reads no texts"),
        }
    }

    #[test]
    fn references_are_read_unless_the_command_line_says_not() {
        let cases = [
            ("kg", true),
            ("kg shell", true),
            ("kg shell --no-references", false),
            ("kg run s.kgq --no-references", false),
            ("kg query -e stats --no-references", false),
            ("kg export -f dot --no-references", false),
            ("kg eval --gold g --no-references", false),
            ("kg build --no-references", false),
            ("kg build", true),
            ("kg stats", true),
        ];
        for (line, expected) in cases {
            let options = source(&valid(line)).options();
            assert_eq!(options.resolve_references, expected, "{line}");
        }
    }

    #[test]
    fn every_command_reads_data_by_default() {
        let data = Inputs::Documents(vec![PathBuf::from("data")]);
        for line in [
            "kg",
            "kg shell",
            "kg run s.kgq",
            "kg query -e stats",
            "kg stats",
            "kg export -f dot",
            "kg eval --gold g",
        ] {
            let inputs = match valid(line) {
                Config::Shell(ShellConfig { graph, .. })
                | Config::Run(RunConfig { graph, .. })
                | Config::Query(QueryConfig { graph, .. })
                | Config::Stats(graph)
                | Config::Export(ExportConfig { graph, .. })
                | Config::Eval(EvalConfig { graph, .. }) => graph.inputs,
                other => panic!("{line}: {other:?}"),
            };
            assert_eq!(inputs, data, "{line}");
        }
        let Config::Build(build) = valid("kg build") else {
            panic!("kg build")
        };
        assert_eq!(build.documents, [PathBuf::from("data")]);
    }

    #[test]
    fn build_writes_graph_ron_or_the_updated_graph() {
        use UpdateMode::{Incremental, Rebuild};
        let cases = [
            ("kg build", "graph.ron", None, Report::Summary),
            ("kg build -o g.kgb -q", "g.kgb", None, Report::Quiet),
            ("kg build -o -", "-", None, Report::Summary),
            (
                "kg build --timings",
                "graph.ron",
                None,
                Report::SummaryAndTimings,
            ),
            (
                "kg build --update u.ron",
                "u.ron",
                Some(Incremental),
                Report::Summary,
            ),
            (
                "kg build --update u.ron --rebuild -o v.ron",
                "v.ron",
                Some(Rebuild),
                Report::Summary,
            ),
        ];
        for (line, output, mode, report) in cases {
            let Config::Build(build) = valid(line) else {
                panic!("{line}")
            };
            assert_eq!(build.output, Output::from_path(output.into()), "{line}");
            assert_eq!(build.update.map(|(_, mode)| mode), mode, "{line}");
            assert_eq!(build.report, report, "{line}");
        }
    }

    #[test]
    fn export_writes_a_stream_or_a_neo4j_folder() {
        let cases: [(&str, Result<Option<&str>, ConfigError>); 6] = [
            ("kg export -f dot", Ok(None)),
            ("kg export -f dot -o -", Ok(None)),
            ("kg export -f dot -o g.dot", Ok(Some("g.dot"))),
            ("kg export -f neo4j -o folder", Ok(Some("folder"))),
            ("kg export -f neo4j", Err(ConfigError::Neo4jWithoutFolder)),
            (
                "kg export -f neo4j -o -",
                Err(ConfigError::Neo4jWithoutFolder),
            ),
        ];
        for (line, expected) in cases {
            let written = config(line).map(|config| match config {
                Config::Export(ExportConfig {
                    target: ExportTarget::Stream { output, .. },
                    ..
                }) => output,
                Config::Export(ExportConfig {
                    target: ExportTarget::Neo4j { folder },
                    ..
                }) => Some(folder),
                other => panic!("{line}: {other:?}"),
            });
            assert_eq!(
                written,
                expected.map(|path| path.map(PathBuf::from)),
                "{line}"
            );
        }
    }

    #[test]
    fn errors_say_what_to_do() {
        let cases = [
            (
                ConfigError::GraphToBuild {
                    path: "g.ron".into(),
                },
                "g.ron: a graph file, not a document to read; to add documents to a graph, give the \
                 graph with --update",
            ),
            (
                ConfigError::Neo4jWithoutFolder,
                "--format neo4j writes a folder: give it with --output",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(error.to_string(), expected);
        }
    }
}
