//! The query stage: the language an analyst asks the graph questions in.
//!
//! A line goes through [`parser::parse_line`] to an [`ast::Statement`]; a query is answered by
//! [`evaluator::evaluate`] as a [`report::Report`] (a pure function of the graph and the query); a report
//! is drawn by [`render()`] as a table, plain text, JSON or CSV. Errors, from parsing or evaluating, are
//! [`error::QueryError`]s with a span, drawn with the source line and a caret by [`diagnostic::render`].
//! Meta-commands (`:load`, `:export`, …) are parsed here but carried out by the session in
//! `crate::shell`.

pub mod ast;
pub mod commands;
pub mod diagnostic;
pub mod error;
pub mod evaluator;
pub mod parser;
pub mod render;
pub mod report;
pub mod suggest;

#[cfg(test)]
mod evaluator_tests;
#[cfg(test)]
mod parser_tests;

pub use ast::{Meta, NameRef, OutputMode, PathArg, Query, Statement};
pub use error::{QueryError, QueryErrorKind};
pub use evaluator::evaluate;
pub use parser::parse_line;
pub use render::{render, render_fitted};
pub use report::Report;
