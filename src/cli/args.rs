//! The command line as clap parses it: a plain record of what was typed, each flag documented beside
//! its definition. Nothing here is checked beyond what clap checks; [`super::config`] turns the record
//! into the configuration the commands run from.

use clap::{Parser, Subcommand, ValueEnum};
use kgraph::text::Shard;
use std::path::PathBuf;

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
        kg build corpus/ --shard 2/4 --output part-2.ron   # the 2nd of 4 shards; see kg merge\n  \
        kg build corpus/ --shard 2/4 --names names.ron --output part-2.ron   # see kg names")]
    Build(BuildArgs),
    /// Merge the graphs of the shards of a corpus (`kg build --shard I/N`) into the graph of the whole.
    #[command(after_help = "Examples:\n  \
        kg merge part-*.kgb --output graph.kgb   # parts built with --names (kg names --help)\n  \
        seq 1 4 | xargs -P 2 -I{} kg build corpus/ --shard {}/4 --output part-{}.ron --quiet\n  \
        kg merge part-*.ron --output graph.ron   # parts that decided names alone\n\n\
        Inputs may be RON or binary (.kgb, .bin) graphs, in any order, and merged graphs merge again; \
        the output's format follows its extension. Documents are ordered by name and evidence is \
        united. Parts built with the corpus's names (kg build --names) are united by entity key and \
        give the single build's graph byte for byte; parts built alone are also united by shared \
        names, and each decided its names over its own documents. A document (same name and text) in \
        two inputs is an error: each shard must be given once.")]
    Merge(MergeArgs),
    /// Combine the corpus-wide evidence of a sharded build's shards (`kg build --phase`), so that each
    /// shard reads its documents as a single build of the whole corpus would.
    #[command(
        after_help = "A sharded build equal to the single build runs in three phases; each \
        `kg build` line runs once per shard (here 4 shards, 2 at a time):\n  \
        seq 4 | xargs -P 2 -I{} kg build corpus/ --shard {}/4 --phase vocabulary -o vocabulary-{}.kgb -q\n  \
        kg names merge vocabulary-*.kgb --output vocabulary.kgb\n  \
        seq 4 | xargs -P 2 -I{} kg build corpus/ --shard {}/4 --phase names --names vocabulary.kgb -o names-{}.kgb -q\n  \
        kg names merge names-*.kgb --output names.kgb\n  \
        seq 4 | xargs -P 2 -I{} kg build corpus/ --shard {}/4 --names names.kgb -o part-{}.kgb -q\n  \
        kg merge part-*.kgb --output graph.kgb   # the single build's graph, byte for byte\n\n\
        Across machines that share a folder, each runs its own shard's lines, and every shard's file \
        must be there before the next kg names merge (or kg merge). The files may be merged in any \
        order and in stages; a file given twice, or one of another corpus, is refused. Evidence files \
        named .kgb or .bin are binary, others RON text (slower to read); either is read."
    )]
    Names(NamesArgs),
    /// Summarise a graph: documents, sentences, entities by kind, relations by class.
    #[command(after_help = "Example:\n  kg stats graph.ron")]
    Stats(StatsArgs),
    /// Write a graph in another format (NetworkX JSON, DOT, GraphML, Neo4j CSV, N-Triples, Cytoscape.js).
    #[command(after_help = "Examples:\n  \
        kg export graph.ron --format json --output graph.json\n  \
        kg export graph.ron --format dot --output graph.dot && dot -Tsvg graph.dot > graph.svg\n  \
        kg export graph.ron --format graphml --output graph.graphml\n  \
        kg export graph.ron --format neo4j --output neo4j-import/")]
    Export(ExportArgs),
    /// Score extraction against gold annotations.
    #[command(
        after_help = "Examples:\n  kg eval data/ --gold ../shared/gold/\n  kg eval data/ --gold ../shared/gold/ --by-rule --verbose\n  kg eval ../shared/corpus/ --gold ../shared/gold/ --per-document"
    )]
    Eval(EvalArgs),
}

/// The input every command reads when given none: the texts in `data/`.
pub const DEFAULT_INPUT: &str = "data";

#[derive(Debug, clap::Args)]
pub struct ShellArgs {
    /// A graph file written by `kg build`, or documents to build from.
    #[arg(default_value = DEFAULT_INPUT)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Never page answers taller than the terminal (otherwise through $KG_PAGER, $PAGER or less -FRX).
    #[arg(long)]
    pub no_pager: bool,
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
    #[arg(short, long, default_value = DEFAULT_INPUT, num_args = 1..)]
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
    #[arg(default_value = DEFAULT_INPUT)]
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
    /// Read every document as spoken by this country (a name or short form the lexicon knows, e.g.
    /// "United States", "UK"): its "we", "us" and "our" stand for it, as in a speech or a government
    /// statement.
    ///
    /// Without it, a document speaks for a country only when its first line says so: an address only
    /// one country's leader gives ("State of the Union Address": the United States), or a speech or
    /// statement that names its country ("Address by the President of Kenya", "Statement of the
    /// Government of Japan on ..."); any other document leaves "we" unread. Give --speaker for
    /// speeches without such a heading. The country must be named somewhere in the documents.
    #[arg(long, value_name = "COUNTRY")]
    pub speaker: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Files and directories to read (.txt and .md; directories recursively).
    #[arg(default_value = DEFAULT_INPUT)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the graph: pretty RON, or a compact binary snapshot when the name ends in .kgb or
    /// .bin; `-` writes RON to standard output [default: graph.ron, or the --update graph].
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
    /// directory) hashes to it. Merge the shards' graphs with `kg merge`; for the single build's
    /// graph, run the phases first (`kg names --help`).
    #[arg(long, value_name = "I/N", conflicts_with = "update")]
    pub shard: Option<Shard>,
    /// Write this shard's corpus-wide evidence instead of a graph: `vocabulary` (the words it writes
    /// in lower case), then, with --names and the merged vocabulary, `names` (its mentions' names, for
    /// alias resolution and kinds). Merge each phase's files with `kg names merge`. The file is
    /// binary when its name ends in .kgb or .bin (quicker to read), RON text otherwise.
    #[arg(long, value_enum, requires = "output", conflicts_with = "update")]
    pub phase: Option<PhaseArg>,
    /// The corpus's merged evidence (`kg names merge`): the vocabulary, to gather names with
    /// `--phase names`; or the names, to build the shard as the single build would read it.
    #[arg(long, value_name = "EVIDENCE", conflicts_with = "update")]
    pub names: Option<PathBuf>,
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

/// Which corpus-wide evidence `kg build --phase` gathers.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PhaseArg {
    /// The words the documents write in lower case.
    Vocabulary,
    /// The names the documents mention (needs --names with the merged vocabulary).
    Names,
}

#[derive(Debug, clap::Args)]
pub struct NamesArgs {
    #[command(subcommand)]
    pub command: NamesCommand,
}

#[derive(Debug, Subcommand)]
pub enum NamesCommand {
    /// Combine the shards' evidence files of one phase into the corpus's.
    #[command(after_help = "Example:\n  kg names merge names-*.ron --output names.ron")]
    Merge(NamesMergeArgs),
}

#[derive(Debug, clap::Args)]
pub struct NamesMergeArgs {
    /// The shards' evidence files (`kg build --phase`), in any order.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the combined evidence: binary when the name ends in .kgb or .bin, RON text
    /// otherwise.
    #[arg(short, long)]
    pub output: PathBuf,
    /// No summary.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The shards' graph files (RON, or binary .kgb/.bin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the merged graph: pretty RON, or a binary snapshot for .kgb or .bin; `-` writes
    /// RON to standard output.
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
    #[arg(default_value = DEFAULT_INPUT)]
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

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// A graph file written by `kg build`, or documents to build from.
    #[arg(default_value = DEFAULT_INPUT)]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Documents to build from, or a graph file.
    #[arg(default_value = DEFAULT_INPUT)]
    pub inputs: Vec<PathBuf>,
    /// The directory of `*.gold.json` files.
    #[arg(long)]
    pub gold: PathBuf,
    /// Also print, for each extraction rule, how many of its relations are right.
    #[arg(long)]
    pub by_rule: bool,
    /// Also list the missed and spurious entities and pairs, and the entities found with another kind.
    #[arg(long)]
    pub verbose: bool,
    /// Also score each document on a graph built from it alone, one row each (needs documents,
    /// not a graph file).
    #[arg(long)]
    pub per_document: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}
