//! [`QueryError`]: why a line could not be parsed or answered, and where in the line.
//!
//! The message is a sentence for the user, in `Display`; drawing the line with a caret under the span is
//! the job of [`crate::query::diagnostic`].

use super::suggest::{did_you_mean, one_of};
use crate::model::Span;

/// An error in a line, with the byte span it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct QueryError {
    /// What went wrong.
    pub kind: QueryErrorKind,
    /// The bytes of the line it is about (empty at the end of the line when something is missing).
    pub span: Span,
}

impl QueryError {
    /// An error of `kind` about `span`.
    pub fn new(kind: QueryErrorKind, span: Span) -> Self {
        QueryError { kind, span }
    }
}

/// What went wrong. Each variant's `Display` is the sentence the user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryErrorKind {
    #[error("unknown command \"{found}\"{} (type help for the list)", did_you_mean(.suggestions))]
    UnknownCommand {
        found: String,
        suggestions: Vec<String>,
    },
    #[error("expected {expected} after \"{after}\"")]
    MissingArgument {
        after: String,
        expected: &'static str,
    },
    #[error("this quote is never closed")]
    UnclosedQuote,
    #[error("expected {expected} after \"{option}\", found \"{found}\"")]
    ExpectedNumber {
        option: &'static str,
        expected: &'static str,
        found: String,
    },
    #[error("the number after \"{option}\" must be between {min} and {max}")]
    NumberOutOfRange {
        option: &'static str,
        min: usize,
        max: usize,
    },
    #[error("unknown relation class \"{found}\"{} (the classes are {})", did_you_mean(.suggestions), .known)]
    UnknownClass {
        found: String,
        suggestions: Vec<String>,
        known: String,
    },
    #[error("unknown entity kind \"{found}\"{} (the kinds are {})", did_you_mean(.suggestions), .known)]
    UnknownKind {
        found: String,
        suggestions: Vec<String>,
        known: String,
    },
    #[error("unknown measure \"{found}\"{} (the measures are {})", did_you_mean(.suggestions), .known)]
    UnknownMeasure {
        found: String,
        suggestions: Vec<String>,
        known: String,
    },
    #[error("unknown {what} \"{found}\"; expected {}", one_of(.expected))]
    UnknownWord {
        what: &'static str,
        found: String,
        expected: Vec<String>,
    },
    #[error(
        "unexpected \"{found}\" after \"{command}\"; expected {}{}",
        one_of(.expected),
        if *.may_be_name { " (quote a name that has spaces)" } else { "" }
    )]
    UnexpectedOption {
        command: &'static str,
        found: String,
        expected: Vec<String>,
        may_be_name: bool,
    },
    #[error("unexpected \"{found}\": \"{command}\" {takes}{}", if *.may_be_name { " (quote a name that has spaces)" } else { "" })]
    UnexpectedArgument {
        command: &'static str,
        found: String,
        takes: &'static str,
        may_be_name: bool,
    },
    #[error("{option} is given twice")]
    DuplicateOption { option: String },
    #[error(
        "\"{option}\" cannot be combined with \"{earlier}\": each end of the time window is given once (use \"between YEAR and YEAR\", or \"since\" and \"until\")"
    )]
    WindowConflict {
        option: &'static str,
        earlier: &'static str,
    },
    #[error("the time window ends in {to}, before it starts in {from}")]
    EmptyWindow { from: i32, to: i32 },
    #[error("unexpected {found}")]
    Unexpected { found: String },
    #[error("no entity is called \"{name}\"{}", did_you_mean(.suggestions))]
    UnknownEntity {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("\"{name}\" could be {}; use the full name", one_of(.candidates))]
    AmbiguousName {
        name: String,
        candidates: Vec<String>,
    },
    #[error("\"{first}\" and \"{second}\" are both {entity}; name two different entities")]
    SameEntity {
        first: String,
        second: String,
        entity: String,
    },
    #[error("interrupted (Ctrl-C)")]
    Interrupted,
}
