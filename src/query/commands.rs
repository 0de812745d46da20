//! The table of commands: each verb and meta-command with its syntax, what it does and an example. Help,
//! "did you mean …?" and the shell's completion all read it, so they cannot drift apart.

/// One command of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandHelp {
    /// The word that starts it (`neighbours`, `:export`).
    pub name: &'static str,
    /// Its syntax, brackets around what is optional.
    pub syntax: &'static str,
    /// What it answers, in one sentence.
    pub summary: &'static str,
    /// A real example over data/.
    pub example: &'static str,
}

/// The verbs: questions about the graph.
pub const VERBS: &[CommandHelp] = &[
    CommandHelp {
        name: "entity",
        syntax: "entity NAME",
        summary: "An entity's canonical name, kind, aliases, mentions, documents (the 10 that mention it most, and a count) and degree.",
        example: "entity PMF",
    },
    CommandHelp {
        name: "neighbours",
        syntax: "neighbours NAME [depth N] [class C,…] [kind K,…] [in|out|both] [evidence] [since Y] [until Y] [in Y] [between Y and Y]",
        summary: "The entities within N hops (1 unless given) and each link with its predicate and class; class asserted leaves co-mentions out, a time window (since, until, in, between) keeps only relations dated inside it; evidence shows each linked pair once, its strongest relation with a sentence.",
        example: "neighbours \"Kurdistan Region of Iraq\" depth 2 class Cooperation,Conflict",
    },
    CommandHelp {
        name: "path",
        syntax: "path FROM TO [class C,…] [undirected] [since Y] [until Y] [in Y] [between Y and Y]",
        summary: "A shortest path from subject to object, each hop with its predicate and evidence sentence.",
        example: "path PMF Russia undirected",
    },
    CommandHelp {
        name: "paths",
        syntax: "paths FROM TO [max N] [limit K] [class C,…] [undirected] [since Y] [until Y] [in Y] [between Y and Y]",
        summary: "Every shortest path, or with max every simple path of up to N hops; at most K (20) of them.",
        example: "paths Iraq China max 2 limit 10 undirected",
    },
    CommandHelp {
        name: "common",
        syntax: "common A B [class C,…] [since Y] [until Y] [in Y] [between Y and Y]",
        summary: "The entities linked to both A and B, and how.",
        example: "common Iraq China",
    },
    CommandHelp {
        name: "why",
        syntax: "why A B [class C,…] [since Y] [until Y] [in Y] [between Y and Y]",
        summary: "Every relation between A and B with its sentence, document, rule and period; a time window keeps only the evidence dated inside it.",
        example: "why Iraq China",
    },
    CommandHelp {
        name: "find",
        syntax: "find TEXT",
        summary: "The entities whose name or an alias contains TEXT, ignoring case.",
        example: "find Kurd",
    },
    CommandHelp {
        name: "top",
        syntax: "top [N] [by degree|pagerank|betweenness] [kind K,…] [class C,…] [since Y] [until Y] [in Y] [between Y and Y]",
        summary: "The N (10) most central entities; degree counts distinct linked entities.",
        example: "top 5 by betweenness kind Country",
    },
    CommandHelp {
        name: "stats",
        syntax: "stats",
        summary: "Documents, entities by kind and relations by class.",
        example: "stats",
    },
    CommandHelp {
        name: "docs",
        syntax: "docs",
        summary: "The documents in the graph.",
        example: "docs",
    },
    CommandHelp {
        name: "help",
        syntax: "help [COMMAND]",
        summary: "The commands, or one of them in full.",
        example: "help paths",
    },
];

/// The meta-commands: instructions to the session.
pub const META_COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        name: ":load",
        syntax: ":load GRAPH.ron | DOCUMENTS…",
        summary: "Replace the graph with a saved one, or build one from documents.",
        example: ":load data/",
    },
    CommandHelp {
        name: ":save",
        syntax: ":save FILE.ron [force]",
        summary: "Save the graph (the file is replaced atomically); refused when the file changed on disk since this session read or saved it, unless forced.",
        example: ":save graph.ron",
    },
    CommandHelp {
        name: ":ingest",
        syntax: ":ingest DOCUMENTS…",
        summary: "Add documents to the graph; documents it already holds are skipped.",
        example: ":ingest new-report.txt",
    },
    CommandHelp {
        name: ":run",
        syntax: ":run SCRIPT",
        summary: "Run a script of commands, one a line (# starts a comment).",
        example: ":run queries/central-actors.kgq",
    },
    CommandHelp {
        name: ":export",
        syntax: ":export json|dot|svg|png|pdf FILE [last]",
        summary: "Write the graph, or with last the subgraph of the last result (svg, png and pdf need GraphViz).",
        example: ":export dot kurdistan.dot last",
    },
    CommandHelp {
        name: ":mode",
        syntax: ":mode table|plain|json|csv",
        summary: "How results are printed.",
        example: ":mode json",
    },
    CommandHelp {
        name: ":timer",
        syntax: ":timer on|off",
        summary: "Print how long each command took.",
        example: ":timer on",
    },
    CommandHelp {
        name: ":pager",
        syntax: ":pager on|off",
        summary: "Show answers taller than the terminal through a pager ($KG_PAGER, $PAGER or less -FRX).",
        example: ":pager off",
    },
    CommandHelp {
        name: ":history",
        syntax: ":history",
        summary: "The commands typed in this session, numbered; a failed one is marked.",
        example: ":history",
    },
    CommandHelp {
        name: ":save-script",
        syntax: ":save-script FILE.kgq [N-M]",
        summary: "Save this session's commands that succeeded (or those numbered N to M) as a script for kg run.",
        example: ":save-script iraq.kgq 2-5",
    },
    CommandHelp {
        name: ":quit",
        syntax: ":quit",
        summary: "Leave the shell (Ctrl-D does too).",
        example: ":quit",
    },
];

/// The command called `name` (ignoring case; a meta-command with or without its colon).
pub fn command_help(name: &str) -> Option<&'static CommandHelp> {
    let lower = name.to_lowercase();
    let lower = if lower == "neighbors" {
        "neighbours".to_string()
    } else {
        lower
    };
    VERBS.iter().chain(META_COMMANDS).find(|command| {
        command.name == lower || command.name.strip_prefix(':') == Some(lower.as_str())
    })
}
