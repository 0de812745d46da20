//! Evaluation against hand-made gold annotations (see `../shared/gold/README.md` for the definitions).
//! (Placeholder.)

use crate::graph::KnowledgeGraph;
use std::path::{Path, PathBuf};

/// The gold annotations of a corpus, merged by entity name.
#[derive(Debug, Clone, Default)]
pub struct Gold {}

/// Gold files could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

impl Gold {
    /// Reads every `*.gold.json` file in `directory`.
    pub fn load_dir(directory: &Path) -> Result<Gold, GoldError> {
        Err(GoldError::Invalid {
            path: directory.to_path_buf(),
            message: "gold loading is not written yet".into(),
        })
    }
}

/// The scores of a graph against gold.
#[derive(Debug, Clone, Default)]
pub struct Report {}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no scores yet")
    }
}

/// Scores `graph` against `gold`.
pub fn evaluate(graph: &KnowledgeGraph, gold: &Gold) -> Report {
    let _ = (graph, gold);
    Report {}
}
