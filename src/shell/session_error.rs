//! [`SessionError`]: why a meta-command failed, and the part of the line it is about.

use crate::model::Span;
use crate::query::QueryError;

/// A failed command, with the span of the line it points at.
#[derive(Debug, thiserror::Error)]
#[error("{kind}")]
pub struct SessionError {
    /// What went wrong.
    pub kind: SessionErrorKind,
    /// The bytes of the line it is about (the path argument of a meta-command, say).
    pub span: Span,
}

impl SessionError {
    /// An error of `kind` about `span`.
    pub fn new(kind: SessionErrorKind, span: Span) -> Self {
        SessionError { kind, span }
    }
}

impl From<QueryError> for SessionError {
    fn from(error: QueryError) -> Self {
        SessionError {
            span: error.span,
            kind: SessionErrorKind::Query(error.kind),
        }
    }
}

/// What went wrong. Each variant's `Display` is the sentence the user reads.
#[derive(Debug, thiserror::Error)]
pub enum SessionErrorKind {
    #[error(transparent)]
    Query(crate::query::QueryErrorKind),
    /// A file could not be read, written, or built into a graph; the message says which and why.
    #[error("{0}")]
    File(String),
    #[error("{script} runs itself ({chain}); a script cannot run a script that is already running")]
    Recursion { script: String, chain: String },
    #[error("scripts run scripts more than {max} deep; is there a cycle?")]
    TooDeep { max: usize },
    #[error(
        "there is no result to export yet; ask a question first, or leave out `last` to export the whole graph"
    )]
    NoLastResult,
    #[error("the last result ({command}) has no entities to export")]
    NothingToExport { command: String },
    #[error(
        "{format} needs GraphViz's `dot` program, which is not installed (apt install graphviz); or export dot and convert it elsewhere"
    )]
    DotMissing { format: String },
    #[error("GraphViz's dot failed: {0}")]
    DotFailed(String),
    #[error(
        "there is no command {last} to save: :history lists {count} (entries {first} to {last} were asked for)"
    )]
    NoSuchEntries {
        first: usize,
        last: usize,
        count: usize,
    },
    #[error(
        "no command to save: none has succeeded yet (queries and :load, :ingest, :export are saved)"
    )]
    NothingToSave,
    /// Ctrl-C during `:load`: nothing was loaded, and the graph loaded before is still there.
    #[error("interrupted (Ctrl-C): nothing was loaded; the graph {kept} stays ({graph})")]
    LoadInterrupted {
        /// Where the graph still loaded came from: `from data`, or `loaded before`.
        kept: String,
        /// Its documents, entities and relations, counted.
        graph: String,
    },
    /// `:save` onto the graph file the session read, which something else wrote since.
    #[error(
        "{path} changed on disk since this session read or saved it (another kg wrote it?); saving would lose that: `:save {path} force` overwrites it, or save to another file"
    )]
    ChangedOnDisk { path: String },
}
