//! `PersistError`: why a graph could not be saved or loaded, each kind naming the file.

use super::format::FORMAT_VERSION;
use std::path::PathBuf;

/// Why a graph could not be saved or loaded.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not a kgraph graph file: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: graph format version {found} is newer than this kg understands (version {FORMAT_VERSION}); upgrade kg"
    )]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{path}: relation {index} points at entity {entity}, which the file does not have")]
    DanglingRelation {
        path: PathBuf,
        index: usize,
        entity: usize,
    },
    /// A binary snapshot that is not one, or is cut short or damaged.
    #[error("{path}: {message}")]
    Damaged { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Serialize { path: PathBuf, message: String },
    /// The user stopped the load (Ctrl-C) before it finished; nothing was read into a graph.
    #[error("{path}: loading interrupted (Ctrl-C)")]
    Interrupted { path: PathBuf },
}
