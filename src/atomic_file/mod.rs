//! Atomic file writes: write a temporary file beside the target, flush it to disk, rename it over the
//! target. A crash or a full disk mid-write leaves the old file as it was.
//!
//! What is at the target is respected (`landing`): a symlink is followed and its target replaced, a
//! device or a FIFO is written in place. Temporary files are named after their target and writer
//! (`leftovers`), and a save removes those that killed writers of the same target left. A folder is
//! written the same way, beside its target and then swapped in (`folder`). A graph file that is read,
//! changed and written back is locked meanwhile (`lock`), and a file's stamp (`stamp`) tells a later
//! save that someone else wrote it.
//!
//! The file gets the permissions a plain create would give it (0666 less the umask), or keeps those of
//! the file it replaces: a temporary file is made owner-only, and a graph or a Neo4j import folder that
//! only its writer can read is no use to the database server or the colleague who loads it.

mod folder;
mod landing;
mod leftovers;
mod lock;
mod stamp;

pub use folder::{NewFolder, check_folder_writable, write_folder_atomically};
pub use lock::{FileLock, LockError};
pub use stamp::FileStamp;

use landing::{Landing, landing};
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `path` atomically with what `write` produces. A symlink is followed and what it names is
/// replaced; a device or a FIFO is written in place (not atomically: there is nothing to rename).
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match landing(path) {
        Landing::Missing(target) | Landing::File(target) => replace(&target, write),
        // Opening a folder to write says "Is a directory".
        Landing::Folder(_) | Landing::Special => write_in_place(path, write),
    }
}

/// Checks that [`write_atomically`] can write `path`, before the work that produces what is written:
/// a temporary file is made where the real one would be, and removed. A device or a FIFO is not
/// opened (a FIFO would wait for its reader).
///
/// # Errors
/// The error writing would give: the directory is missing or not writable, or the path is a folder.
pub fn check_writable(path: &Path) -> std::io::Result<()> {
    match landing(path) {
        Landing::Missing(target) | Landing::File(target) => temporary_file(&target).map(drop),
        Landing::Folder(_) => std::fs::OpenOptions::new().write(true).open(path).map(drop),
        Landing::Special => Ok(()),
    }
}

/// Writes `target`, a regular file or none yet, through a temporary file renamed over it.
fn replace(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let existing = std::fs::metadata(target).ok().map(|m| m.permissions());
    let temporary = temporary_file(target)?;
    if let Some(permissions) = existing {
        temporary.as_file().set_permissions(permissions)?;
    }
    {
        let mut writer = BufWriter::new(temporary.as_file());
        write(&mut writer)?;
        writer.flush()?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a device or a FIFO (or fails on a folder) as a shell's `>` would: opened, not replaced.
fn write_in_place(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)?;
    let mut writer = BufWriter::new(file);
    write(&mut writer)?;
    writer.flush()
}

/// The folder `target` is written in, and its name as temporary names repeat it.
fn directory_and_name(target: &Path) -> (&Path, String) {
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    (directory, name)
}

/// A temporary file beside `target`, named after it and this process, once the leftovers of killed
/// writers of the same target are removed (they may be what fills the disk).
fn temporary_file(target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let (directory, name) = directory_and_name(target);
    leftovers::remove_stale(directory, &name);
    let prefix = leftovers::prefix(&name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(leftovers::SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The umask applies to this, as it does to any file created.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
        .tempfile_in(directory)
        .map_err(|error| creation_error(directory, &error))
}

/// Why the temporary file could not be made, in terms of the directory the user asked to write in:
/// the temporary file's random name means nothing to them.
fn creation_error(directory: &Path, error: &std::io::Error) -> std::io::Error {
    let reason = match error.kind() {
        std::io::ErrorKind::NotFound if !directory.exists() => {
            format!("the directory {} does not exist", directory.display())
        }
        std::io::ErrorKind::PermissionDenied => {
            format!("no permission to write in {}", directory.display())
        }
        _ => {
            // tempfile wraps the system's error with the temporary path and hides the system's words;
            // the kind is what is left to say.
            let cause = crate::io_reason::io_reason(error);
            format!("cannot create a file in {}: {cause}", directory.display())
        }
    };
    std::io::Error::new(error.kind(), reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_file_and_keeps_old_one_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomically(&path, |w| w.write_all(b"first")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        let failed = write_atomically(&path, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "the temporary file is removed");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.ron");
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        write_atomically(&path, |w| w.write_all(b"first")).unwrap();
        // Whatever the umask, a new file is not owner-only as a temporary file is, unless the umask
        // itself takes everything from others (then there is nothing to check).
        let umask_allows_reading = {
            let probe = dir.path().join("probe");
            std::fs::write(&probe, b"").unwrap();
            mode(&probe)
        };
        assert_eq!(mode(&path), umask_allows_reading);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, |w| w.write_all(b"second")).unwrap();
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
    }
}
