//! Where a session's graph comes from: a saved graph file, or documents built into a graph in memory;
//! and `:ingest`, which adds documents to a graph.

use crate::extract::{Lexicon, LexiconError};
use crate::graph::{GraphFormat, KnowledgeGraph, PersistError, document_hash, load_graph};
use crate::pipeline::build_graph;
use crate::text::{Document, DocumentError, load_documents};
use std::collections::HashSet;
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
    Ok(build_graph(documents, lexicon.get()?).0)
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
/// For now the graph is rebuilt from its stored documents and the new ones, so aliases and relations
/// across old and new documents are resolved as in a fresh build.
pub fn ingest(
    graph: &KnowledgeGraph,
    paths: &[PathBuf],
    lexicon: &mut LexiconSource,
) -> Result<(KnowledgeGraph, IngestSummary), OpenError> {
    let mut known: HashSet<String> = graph.documents().iter().map(|d| d.hash.clone()).collect();
    let mut fresh = Vec::new();
    let mut skipped = 0;
    for document in load_documents(paths)? {
        if known.insert(document_hash(&document.text)) {
            fresh.push(document);
        } else {
            skipped += 1;
        }
    }
    let summary = IngestSummary {
        added: fresh.len(),
        skipped,
    };
    if fresh.is_empty() {
        return Ok((graph.clone(), summary));
    }
    let mut documents: Vec<Document> = graph
        .documents()
        .iter()
        .map(|d| Document {
            name: d.name.clone(),
            text: d.text.clone(),
        })
        .collect();
    documents.extend(fresh);
    Ok((build_graph(documents, lexicon.get()?).0, summary))
}
