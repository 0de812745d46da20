//! [`QueryError`]: why a line could not be parsed or answered, and where in the line.
//!
//! The message is a sentence for the user, in `Display`; drawing the line with a caret under the span is
//! the job of [`crate::query::diagnostic`].

use super::suggest::{did_you_mean, echoed, one_of};
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
    #[error("unknown command \"{}\"{} (type help for the list)", echoed(.found), did_you_mean(.suggestions))]
    UnknownCommand {
        found: String,
        suggestions: Vec<String>,
    },
    #[error("expected {expected} after \"{}\"", echoed(.after))]
    MissingArgument {
        after: String,
        expected: &'static str,
    },
    #[error("this quote is never closed")]
    UnclosedQuote,
    #[error("expected {expected} after \"{option}\", found \"{}\"", echoed(.found))]
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
    #[error("unknown relation class \"{}\"{} (the classes are {})", echoed(.found), did_you_mean(.suggestions), .known)]
    UnknownClass {
        found: String,
        suggestions: Vec<String>,
        known: String,
    },
    #[error("unknown entity kind \"{}\"{} (the kinds are {})", echoed(.found), did_you_mean(.suggestions), .known)]
    UnknownKind {
        found: String,
        suggestions: Vec<String>,
        known: String,
    },
    #[error("unknown measure \"{}\"{} (the measures are {})", echoed(.found), did_you_mean(.suggestions), .known)]
    UnknownMeasure {
        found: String,
        suggestions: Vec<String>,
        known: String,
    },
    #[error("unknown {what} \"{}\"; expected {}", echoed(.found), one_of(.expected))]
    UnknownWord {
        what: &'static str,
        found: String,
        expected: Vec<String>,
    },
    #[error(
        "unexpected \"{}\" after \"{command}\"; expected {}{}",
        echoed(.found),
        one_of(.expected),
        if *.may_be_name { " (quote a name that has spaces)" } else { "" }
    )]
    UnexpectedOption {
        command: &'static str,
        found: String,
        expected: Vec<String>,
        may_be_name: bool,
    },
    #[error("unexpected \"{}\": \"{command}\" {takes}{}", echoed(.found), if *.may_be_name { " (quote a name that has spaces)" } else { "" })]
    UnexpectedArgument {
        command: &'static str,
        found: String,
        takes: &'static str,
        may_be_name: bool,
    },
    #[error("{} is given twice", echoed(.option))]
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
    #[error("unexpected {}", echoed(.found))]
    Unexpected { found: String },
    #[error("no entity is called \"{}\"{}", echoed(.name), did_you_mean(.suggestions))]
    UnknownEntity {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("\"{}\" could be {}; use the full name", echoed(.name), one_of(.candidates))]
    AmbiguousName {
        name: String,
        candidates: Vec<String>,
    },
    #[error(
        "\"{}\" and \"{}\" are both {}; name two different entities",
        echoed(.first),
        echoed(.second),
        echoed(.entity)
    )]
    SameEntity {
        first: String,
        second: String,
        entity: String,
    },
    #[error("interrupted (Ctrl-C)")]
    Interrupted,
}
