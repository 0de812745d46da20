//! Where a session's graph comes from: a saved graph file, or documents built into a graph in memory;
//! and `:ingest`, which adds documents to a graph.

use crate::extract::{ExtractOptions, Lexicon, LexiconError};
use crate::graph::{GraphFormat, KnowledgeGraph, MergeError, PersistError, load_graph};
use crate::pipeline::{UpdateMode, build_graph, update_graph};
use crate::text::{DocumentError, load_documents};
use std::path::{Path, PathBuf};

/// Why a graph could not be opened or documents added.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The graph file could not be read.
    #[error(transparent)]
    Persist(#[from] PersistError),
    /// The documents could not be read.
    #[error(transparent)]
    Documents(#[from] DocumentError),
    /// The lexicon needed to read documents could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The graph's own records disagree, so new documents cannot be merged into it.
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// Where the lexicon comes from: the copy built into kg, or a directory of RON files. It is loaded only
/// when documents have to be read, and then kept.
#[derive(Debug, Default)]
pub struct LexiconSource {
    directory: Option<PathBuf>,
    loaded: Option<Lexicon>,
}

impl LexiconSource {
    /// The built-in lexicon, or the one in `directory`.
    pub fn new(directory: Option<PathBuf>) -> Self {
        LexiconSource {
            directory,
            loaded: None,
        }
    }

    /// The lexicon, loaded the first time it is needed.
    pub fn get(&mut self) -> Result<&Lexicon, LexiconError> {
        let lexicon = match self.loaded.take() {
            Some(lexicon) => lexicon,
            None => match &self.directory {
                Some(directory) => Lexicon::load(directory)?,
                None => Lexicon::embedded()?,
            },
        };
        Ok(self.loaded.insert(lexicon))
    }
}

/// True for a path that names a saved graph: an existing `.ron` file or binary snapshot (`.kgb`, `.bin`).
pub fn is_graph_file(path: &Path) -> bool {
    let named_as_graph = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        || GraphFormat::of_path(path) == GraphFormat::Binary;
    named_as_graph && path.is_file()
}

/// Opens `inputs`: a single graph file is loaded; anything else is read as documents (directories
/// recursively) and built into a graph in memory.
pub fn open_graph(
    inputs: &[PathBuf],
    lexicon: &mut LexiconSource,
) -> Result<KnowledgeGraph, OpenError> {
    if let [single] = inputs
        && is_graph_file(single)
    {
        return Ok(load_graph(single)?);
    }
    let documents = load_documents(inputs)?;
    Ok(build_graph(documents, lexicon.get()?, ExtractOptions::default()).0)
}

/// What `:ingest` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestSummary {
    /// Documents added.
    pub added: usize,
    /// Documents skipped because the graph (or an earlier file of the same call) already held their text.
    pub skipped: usize,
}

/// The graph with the documents under `paths` added. Documents whose text the graph already holds
/// (same content hash) are skipped; when nothing is new the graph is returned as it was.
///
/// Only the new documents are read, and their graph is merged into this one, as `kg build --update`
/// does: the cost is in proportion to the new text (see [`update_graph`] for what that leaves out).
pub fn ingest(
    graph: &KnowledgeGraph,
    paths: &[PathBuf],
    lexicon: &mut LexiconSource,
) -> Result<(KnowledgeGraph, IngestSummary), OpenError> {
    let documents = load_documents(paths)?;
    let (graph, update) = update_graph(
        graph.clone(),
        documents,
        lexicon.get()?,
        ExtractOptions::default(),
        UpdateMode::Incremental,
    )?;
    let summary = IngestSummary {
        added: update.added.len(),
        skipped: update.skipped.len(),
    };
    Ok((graph, summary))
}
