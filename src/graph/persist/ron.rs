//! The graph as a RON file: read with the `ron` crate, written by [`super::ron_writer`], which
//! writes the bytes the crate would, several times faster.
//!
//! Every parse is bounded to [`NESTING_LIMIT`] levels: the crate recurses once per level, so a file
//! nested thousands deep would otherwise overflow the stack and abort kg (or the shell that loads it).

use super::checked_records::RecordsSeed;
use super::error::PersistError;
use super::format::{FORMAT_VERSION, GraphFile, GraphFileRef};
use super::ron_writer;
use serde::Deserialize;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// How deep a graph file's values may nest. A file kg writes nests six levels deep (a relation's
/// evidence's span); this leaves room for hand-written files and none for a stack overflow.
pub(super) const NESTING_LIMIT: usize = 128;

/// Only the version, read when a file does not parse, so a newer file is refused with a clear message
/// even when the rest of its format changed.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// The options of every parse of a graph file: nesting bounded.
fn options() -> ::ron::Options {
    ::ron::Options::default().with_recursion_limit(NESTING_LIMIT)
}

/// The records of a graph file's text, with the error's line and column when it does not parse;
/// [`PersistError::Interrupted`] once `cancel` is set.
pub(super) fn read(
    text: &str,
    path: &Path,
    cancel: &AtomicBool,
) -> Result<GraphFile, PersistError> {
    match options().from_str_seed(text, RecordsSeed::new(cancel)) {
        Ok(file) => Ok(file),
        Err(_) if cancel.load(Ordering::Relaxed) => Err(PersistError::Interrupted {
            path: path.to_path_buf(),
        }),
        Err(error) => {
            let probe: Result<VersionProbe, _> = options().from_str(text);
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
                message: message(&error.code),
            })
        }
    }
}

/// What went wrong, in words for the user: the crate's own, except where it speaks to programmers.
fn message(code: &::ron::Error) -> String {
    match code {
        ::ron::Error::ExceededRecursionLimit => {
            format!("values are nested more than {NESTING_LIMIT} levels deep")
        }
        other => other.to_string(),
    }
}

/// Writes `file` as pretty RON to `writer`.
pub(super) fn write(
    file: &GraphFileRef<'_>,
    writer: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    ron_writer::write(file, writer)
}
