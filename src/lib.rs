//! kgraph: read political and security texts, build a knowledge graph of who is linked to whom, and
//! explore it.
//!
//! The stages flow one way, on one floor:
//!
//! 0. [`model`]: the floor, the vocabulary every stage shares (spans, entity kinds, relation classes,
//!    periods, rule names, interned symbols, what makes two relations one edge, name keys). It imports
//!    no stage.
//! 1. [`text`]: documents, page furniture, sentences, tokens, as byte spans into the original text.
//! 2. [`extract`]: the lexicon, mentions, alias resolution and relation rules, from sentences to entities
//!    and relations.
//! 3. [`graph`]: the graph of entities and relations with their evidence, the one type that wraps
//!    petgraph, persistence (RON or a binary snapshot), the merging of shards, and the algorithms.
//! 4. [`export`] and [`eval`]: consumers of a finished graph (other tools' formats; scores against gold).
//! 5. [`query`]: the query language (parser, evaluator, renderers) over a finished graph.
//! 6. [`shell`]: the session that runs query lines from the REPL, scripts, standard input and `kg query`.
//!
//! Outside tests, no stage imports one after it in this list. [`pipeline`] wires the text, extract and
//! graph stages into a build, for the command line and the shell; [`atomic_file`] writes every file
//! kgraph writes (graphs, exports, the shell's output), so a crash never leaves half a file;
//! [`grouping`] (items grouped by a key, on every thread) and `union_find` are the two pieces of
//! machinery that extraction and the graph stage share.

pub mod atomic_file;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod grouping;
mod io_reason;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod shell;
pub mod text;
mod union_find;
