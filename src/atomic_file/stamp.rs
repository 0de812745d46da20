//! [`FileStamp`]: what a file was when a graph was read from it or saved to it, so a later save can
//! tell that something else wrote it meanwhile.

use std::path::Path;
use std::time::SystemTime;

/// The identity, size and modification time of a file. A save renames a new file over the old one,
/// so any save by anyone gives a new identity, even within the clock's resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Device and inode on Unix; zero elsewhere, where size and time must do.
    identity: (u64, u64),
    length: u64,
    modified: Option<SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now (a symlink followed); `None` when there is none.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            identity: identity(&metadata),
            length: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

#[cfg(unix)]
fn identity(metadata: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
fn identity(_metadata: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}
