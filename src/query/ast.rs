//! The syntax tree of one line of the query language: a query about the graph, or a meta-command to the
//! session. Names and paths keep the byte span they were typed at, so later errors can point at them.

use crate::graph::WalkDirection;
use crate::model::{EntityKind, Period, RelationClass, Span};

/// An entity as the user named it: a canonical name or an alias, any case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRef {
    /// The name without its quotes.
    pub text: String,
    /// Where it was typed, quotes included.
    pub span: Span,
}

/// A file or directory argument of a meta-command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathArg {
    /// The path without its quotes.
    pub text: String,
    /// Where it was typed, quotes included.
    pub span: Span,
}

/// One line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Statement {
    /// A blank line or a comment: `# who links Iraq and China?`
    Empty,
    /// A question about the graph.
    Query(Query),
    /// A command to the session.
    Meta(Meta),
}

/// How `top` ranks entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// The number of distinct entities linked to it.
    #[default]
    Degree,
    /// PageRank, following relations from subject to object.
    PageRank,
    /// Brandes' betweenness, the graph read as undirected.
    Betweenness,
}

impl Measure {
    /// Every measure, in the order help lists them.
    pub const ALL: [Measure; 3] = [Measure::Degree, Measure::PageRank, Measure::Betweenness];

    /// The word the language uses for it.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::PageRank => "pagerank",
            Measure::Betweenness => "betweenness",
        }
    }

    /// Parses a measure name, ignoring case.
    pub fn parse(word: &str) -> Option<Measure> {
        Measure::ALL
            .into_iter()
            .find(|measure| measure.name().eq_ignore_ascii_case(word))
    }
}

/// A question about the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// `entity "Popular Mobilization Forces"`: the entity's card (canonical name, kind, aliases,
    /// mentions, documents, degree).
    Entity { name: NameRef },
    /// `neighbours Iraq depth 2 class Conflict,Cooperation kind Country out since 2014`: the k-hop
    /// neighbourhood; with `evidence`, one row per linked pair giving its strongest relation and a
    /// sentence that states it.
    Neighbours {
        name: NameRef,
        depth: usize,
        classes: Vec<RelationClass>,
        kinds: Vec<EntityKind>,
        direction: WalkDirection,
        evidence: bool,
        window: Option<Period>,
    },
    /// `path PMF Russia class Cooperation undirected in 2019`: one shortest path, each hop with its
    /// evidence.
    Path {
        from: NameRef,
        to: NameRef,
        classes: Vec<RelationClass>,
        undirected: bool,
        window: Option<Period>,
    },
    /// `paths Iraq China max 3 limit 10 undirected until 2010`: every shortest path, or with `max`
    /// every simple path of at most that many hops; at most `limit` of them.
    Paths {
        from: NameRef,
        to: NameRef,
        max_hops: Option<usize>,
        limit: usize,
        classes: Vec<RelationClass>,
        undirected: bool,
        window: Option<Period>,
    },
    /// `common Iraq China class Cooperation between 2006 and 2008`: the entities linked to both.
    Common {
        first: NameRef,
        second: NameRef,
        classes: Vec<RelationClass>,
        window: Option<Period>,
    },
    /// `why Iraq "United States" class asserted since 2014`: every relation between the two, with
    /// sentence, document, rule and period; under a time window only the evidence dated inside it.
    Why {
        first: NameRef,
        second: NameRef,
        classes: Vec<RelationClass>,
        window: Option<Period>,
    },
    /// `find Kurd`: entities whose name or an alias contains the text, ignoring case.
    Find { text: String },
    /// `top 10 by betweenness kind Person class Conflict since 2014`: the most central entities.
    Top {
        count: usize,
        measure: Measure,
        kinds: Vec<EntityKind>,
        classes: Vec<RelationClass>,
        window: Option<Period>,
    },
    /// `stats`: counts of documents, entities by kind and relations by class.
    Stats,
    /// `docs`: the documents in the graph.
    Docs,
    /// `help` or `help neighbours` or `help :export`: the commands, or one of them.
    Help { topic: Option<String> },
}

/// What `:export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    /// NetworkX node-link JSON.
    Json,
    /// GraphViz DOT.
    Dot,
    /// SVG drawn by GraphViz's `dot`.
    Svg,
    /// PNG drawn by GraphViz's `dot`.
    Png,
    /// PDF drawn by GraphViz's `dot`.
    Pdf,
}

impl ExportTarget {
    /// Every target, in the order help lists them.
    pub const ALL: [ExportTarget; 5] = [
        ExportTarget::Json,
        ExportTarget::Dot,
        ExportTarget::Svg,
        ExportTarget::Png,
        ExportTarget::Pdf,
    ];

    /// The word the language uses for it.
    pub fn name(self) -> &'static str {
        match self {
            ExportTarget::Json => "json",
            ExportTarget::Dot => "dot",
            ExportTarget::Svg => "svg",
            ExportTarget::Png => "png",
            ExportTarget::Pdf => "pdf",
        }
    }
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputMode {
    /// Aligned columns, for a terminal.
    #[default]
    Table,
    /// Tab-separated lines, for pipes and golden files.
    Plain,
    /// One JSON object per result.
    Json,
    /// Comma-separated values.
    Csv,
}

impl OutputMode {
    /// Every mode, in the order help lists them.
    pub const ALL: [OutputMode; 4] = [
        OutputMode::Table,
        OutputMode::Plain,
        OutputMode::Json,
        OutputMode::Csv,
    ];

    /// The word the language uses for it.
    pub fn name(self) -> &'static str {
        match self {
            OutputMode::Table => "table",
            OutputMode::Plain => "plain",
            OutputMode::Json => "json",
            OutputMode::Csv => "csv",
        }
    }

    /// Parses a mode name, ignoring case.
    pub fn parse(word: &str) -> Option<OutputMode> {
        OutputMode::ALL
            .into_iter()
            .find(|mode| mode.name().eq_ignore_ascii_case(word))
    }
}

/// A command to the session rather than a question about the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meta {
    /// `:load graph.ron` or `:load data/ more.txt`: replace the graph with a saved one, or with one built
    /// from documents.
    Load { paths: Vec<PathArg> },
    /// `:save graph.ron`: write the graph (atomically); `:save graph.ron force` even when the file
    /// changed on disk since the session read or saved it.
    Save { path: PathArg, force: bool },
    /// `:ingest new-report.txt more/`: add documents to the graph.
    Ingest { paths: Vec<PathArg> },
    /// `:run queries/pmf-and-russia.kgq`: run a script, line by line.
    Run { path: PathArg },
    /// `:export png kurdistan.png last`: write the graph, or with `last` the subgraph of the last result.
    Export {
        target: ExportTarget,
        path: PathArg,
        last: bool,
    },
    /// `:mode json`: how results are printed.
    Mode(OutputMode),
    /// `:timer on`: print how long each command took.
    Timer(bool),
    /// `:pager off`: in a terminal, show an answer taller than the screen through a pager (on by default).
    Pager(bool),
    /// `:history`: the commands typed in this shell session, numbered.
    History,
    /// `:save-script mine.kgq 3-7`: write the session's commands that succeeded (those numbered 3 to 7
    /// by `:history`, or all) as a script for `kg run`.
    SaveScript {
        path: PathArg,
        range: Option<EntryRange>,
    },
    /// `:quit`: leave the shell (or stop the script).
    Quit,
}

/// Entries `first` to `last` (inclusive, numbered from 1 as `:history` shows them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryRange {
    pub first: usize,
    pub last: usize,
    /// Where it was typed.
    pub span: Span,
}
