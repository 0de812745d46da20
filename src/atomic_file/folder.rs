//! Atomic folder writes: the new folder is written beside the old one, then swapped in, so that a
//! write that fails half-way (a full disk) leaves the old folder whole, never new files beside old.
//!
//! Entries of the old folder that the new one does not write (a file the user keeps there) are carried
//! over by hard link. On Linux the swap is one exchange of the two names; elsewhere, or on a file
//! system without it, the old folder is moved aside for the moment between two renames. A folder
//! named `.` or `..` is not swapped (a shell may stand in it): its files are written atomically one
//! by one.

use super::landing::{Landing, landing};
use super::{creation_error, directory_and_name, leftovers};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A folder being written, not yet in place.
#[derive(Debug)]
pub struct NewFolder {
    path: PathBuf,
    /// The folder is the target itself (`.` or `..`, which cannot be swapped): each file is written
    /// atomically in it instead.
    in_place: bool,
}

impl NewFolder {
    /// Writes the file `name` in the folder with what `write` produces, and flushes it to disk.
    pub fn write_file(
        &self,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        if self.in_place {
            return super::write_atomically(&self.path.join(name), write);
        }
        let file = std::fs::File::create(self.path.join(name))?;
        let mut writer = BufWriter::new(&file);
        write(&mut writer)?;
        writer.flush()?;
        drop(writer);
        file.sync_all()
    }
}

/// Writes the folder `path` with what `write` puts in it: a new folder beside it, swapped in when
/// `write` succeeds. A missing folder is created with its parents; a symlink to a folder is followed.
///
/// # Errors
/// When `path` is not a folder, or the new one cannot be made, written or swapped in; the old folder
/// is then as it was.
pub fn write_folder_atomically(
    path: &Path,
    write: impl FnOnce(&NewFolder) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (target, existing) = match landing(path) {
        Landing::Missing(target) => (target, false),
        Landing::Folder(target) => (target, true),
        Landing::File(_) | Landing::Special => return Err(not_a_folder()),
    };
    if existing && target.file_name().is_none() {
        // `.` or `..`: the folder a shell stands in keeps its identity; its files are replaced.
        return write(&NewFolder {
            path: target,
            in_place: true,
        });
    }
    let (directory, name) = directory_and_name(&target);
    nearest_folder(directory)?;
    std::fs::create_dir_all(directory)?;
    let new = temporary_folder(directory, &name, existing.then_some(target.as_path()))?;
    write(&NewFolder {
        path: new.path().to_path_buf(),
        in_place: false,
    })?;
    if !existing {
        std::fs::rename(new.path(), &target)?;
        let _kept = new.keep();
        return Ok(());
    }
    carry_over(&target, new.path())?;
    // After the swap the temporary folder holds the old one, which dropping it removes.
    swap(new.path(), &target)
}

/// Checks that [`write_folder_atomically`] can write `path`, before the work that fills it: the
/// folder beside it can be made (in the nearest folder that exists, when its parents are missing).
///
/// # Errors
/// The error writing would give.
pub fn check_folder_writable(path: &Path) -> std::io::Result<()> {
    let target = match landing(path) {
        Landing::Missing(target) | Landing::Folder(target) => target,
        Landing::File(_) | Landing::Special => return Err(not_a_folder()),
    };
    if target.file_name().is_none() {
        // `.` or `..`, written in place.
        return temporary_folder(&target, "", None).map(drop);
    }
    let (directory, name) = directory_and_name(&target);
    temporary_folder(nearest_folder(directory)?, &name, None).map(drop)
}

/// The nearest of `directory` and its parents that exists: the folder a missing one is created in.
///
/// # Errors
/// When that is a file, not a folder.
fn nearest_folder(directory: &Path) -> std::io::Result<&Path> {
    let nearest = directory
        .ancestors()
        .find(|folder| folder.as_os_str().is_empty() || std::fs::metadata(folder).is_ok())
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if nearest.is_dir() {
        Ok(nearest)
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            format!("{} is not a folder", nearest.display()),
        ))
    }
}

fn not_a_folder() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "a file is there, not a folder",
    )
}

/// An empty folder beside the target, named after it and this process, with the old folder's
/// permissions, or those a plain create gives.
fn temporary_folder(
    directory: &Path,
    name: &str,
    old: Option<&Path>,
) -> std::io::Result<tempfile::TempDir> {
    leftovers::remove_stale(directory, name);
    let prefix = leftovers::prefix(name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(leftovers::SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The umask applies to this, as it does to any folder created.
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let folder = builder
        .tempdir_in(directory)
        .map_err(|error| creation_error(directory, &error))?;
    if let Some(permissions) = old.and_then(|old| std::fs::metadata(old).ok()) {
        std::fs::set_permissions(folder.path(), permissions.permissions())?;
    }
    Ok(folder)
}

/// Hard-links into `new` each entry of `old` that `new` does not have, folders entry by entry.
fn carry_over(old: &Path, new: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(old)? {
        let entry = entry?;
        let to = new.join(entry.file_name());
        if std::fs::symlink_metadata(&to).is_ok() {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::create_dir(&to)?;
            std::fs::set_permissions(&to, entry.metadata()?.permissions())?;
            carry_over(&entry.path(), &to)?;
        } else if std::fs::hard_link(entry.path(), &to).is_err() {
            // A file system without hard links: a copy keeps the file all the same.
            std::fs::copy(entry.path(), &to)?;
        }
    }
    Ok(())
}

/// Puts the folder `new` in the place of `target`, and the old folder where `new` was.
fn swap(new: &Path, target: &Path) -> std::io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // A file system or kernel without the exchange: two renames below.
            Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => {}
            Err(errno) => return Err(errno.into()),
        }
    }
    let aside = new.with_extension("old");
    std::fs::rename(target, &aside)?;
    if let Err(error) = std::fs::rename(new, target) {
        let _ = std::fs::rename(&aside, target);
        return Err(error);
    }
    std::fs::rename(&aside, new)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn a_failed_write_leaves_the_old_folder_whole_and_a_good_one_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let write_both = |first: &'static str, second: Option<&'static str>| {
            write_folder_atomically(&out, |folder| {
                folder.write_file("a.csv", |w| w.write_all(first.as_bytes()))?;
                match second {
                    Some(text) => folder.write_file("b.csv", |w| w.write_all(text.as_bytes())),
                    None => Err(std::io::Error::other("disk full")),
                }
            })
        };
        write_both("old a", Some("old b")).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(write_both("new a", None).is_err());
        assert_eq!(read(&out.join("a.csv")), "old a");
        assert_eq!(read(&out.join("b.csv")), "old b");
        write_both("new a", Some("new b")).unwrap();
        assert_eq!(read(&out.join("a.csv")), "new a");
        assert_eq!(read(&out.join("b.csv")), "new b");
        assert_eq!(read(&out.join("notes.txt")), "mine", "kept");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out"], "nothing left beside the folder");
    }

    #[test]
    fn a_folder_named_by_dots_is_written_in_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let dots = dir.path().join("sub").join("..");
        write_folder_atomically(&dots, |folder| {
            folder.write_file("a.csv", |w| w.write_all(b"a"))
        })
        .unwrap();
        assert_eq!(read(&dir.path().join("a.csv")), "a");
        assert!(dir.path().join("sub").is_dir());
    }
}
