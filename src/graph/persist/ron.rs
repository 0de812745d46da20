//! The graph as a RON file: read with the `ron` crate, written by [`super::ron_writer`], which
//! writes the bytes the crate would, several times faster.

use super::error::PersistError;
use super::format::{FORMAT_VERSION, GraphFile, GraphFileRef};
use super::ron_writer;
use serde::Deserialize;
use std::path::Path;

/// Only the version, read when a file does not parse, so a newer file is refused with a clear message
/// even when the rest of its format changed.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// The records of a graph file's text, with the error's line and column when it does not parse.
pub(super) fn read(text: &str, path: &Path) -> Result<GraphFile, PersistError> {
    match ::ron::from_str(text) {
        Ok(file) => Ok(file),
        Err(error) => {
            let probe: Result<VersionProbe, _> = ::ron::Options::default()
                .without_recursion_limit()
                .from_str(text);
            if let Ok(probe) = probe
                && probe.format_version > FORMAT_VERSION
            {
                return Err(PersistError::NewerVersion {
                    path: path.to_path_buf(),
                    found: probe.format_version,
                });
            }
            Err(PersistError::Parse {
                path: path.to_path_buf(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            })
        }
    }
}

/// Writes `file` as pretty RON to `writer`.
pub(super) fn write(
    file: &GraphFileRef<'_>,
    writer: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    ron_writer::write(file, writer)
}
