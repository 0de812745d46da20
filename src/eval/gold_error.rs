//! `GoldError`: why gold annotations could not be read. Every message names the file; a JSON error also
//! gives the line and column, as `file:line:column`.

use std::path::PathBuf;

/// Gold files could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The directory or a file in it could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid gold JSON (bad syntax, a missing field, an unknown kind or class).
    #[error("{path}:{line}:{column}: not a gold file: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A gold relation has the class `CoMention`, which is not a relation a text states.
    #[error(
        "{path}: relation {index} ({subject} / {object}) has class CoMention; gold relations are Cooperation, Conflict, PartOf, Leads or Other"
    )]
    CoMentionRelation {
        path: PathBuf,
        index: usize,
        subject: String,
        object: String,
    },
    /// The directory holds no `*.gold.json` file.
    #[error("{directory}: no *.gold.json files")]
    NoGoldFiles { directory: PathBuf },
}

impl GoldError {
    /// A JSON error from serde_json, whose message already ends in " at line L column C": the position is
    /// moved to the front, where every other kgraph error puts it.
    pub(crate) fn json(path: PathBuf, error: &serde_json::Error) -> GoldError {
        let message = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        let message = message
            .strip_suffix(&suffix)
            .map_or_else(|| message.clone(), str::to_string);
        GoldError::Json {
            path,
            line: error.line(),
            column: error.column(),
            message,
        }
    }
}
