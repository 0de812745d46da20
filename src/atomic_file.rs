//! Atomic file writes: write a temporary file beside the target, flush it to disk, rename it over the
//! target. A crash or a full disk mid-write leaves the old file as it was.
//!
//! The file gets the permissions a plain create would give it (0666 less the umask), or keeps those of
//! the file it replaces: a temporary file is made owner-only, and a graph or a Neo4j import folder that
//! only its writer can read is no use to the database server or the colleague who loads it.

use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `path` atomically with what `write` produces.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kg-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The umask applies to this, as it does to any file created.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temporary = builder
        .tempfile_in(directory)
        .map_err(|error| creation_error(directory, &error))?;
    if let Some(permissions) = existing {
        temporary.as_file().set_permissions(permissions)?;
    }
    {
        let mut writer = BufWriter::new(temporary.as_file());
        write(&mut writer)?;
        writer.flush()?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
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
            let cause = match error.kind() {
                std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                std::io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_string(),
                std::io::ErrorKind::StorageFull => "no space left on the device".to_string(),
                std::io::ErrorKind::NotADirectory => "not a directory".to_string(),
                kind => kind.to_string(),
            };
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
