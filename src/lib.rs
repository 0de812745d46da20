//! kgraph: read political and security texts, build a knowledge graph of who is linked to whom, and
//! explore it.
//!
//! The stages flow one way:
//!
//! 1. [`text`]: documents, furniture, sentences, tokens. Pure functions over `&str` with byte spans.
//! 2. [`extract`]: the lexicon, mentions, alias resolution and relation rules.
//! 3. [`graph`]: the model, the one type that owns the graph, and its persistence.
//! 4. [`export`] and [`eval`]: consumers of a finished graph.
//! 5. [`query`]: the query language (parser, evaluator, renderers) over a finished graph.
//! 6. [`shell`]: the session that runs query lines from the REPL, scripts, standard input and `kg query`.
//!
//! [`pipeline`] wires the stages together for the command line.

pub mod atomic_file;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod grouping;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod shell;
pub mod text;
mod union_find;
