//! [`FileLock`]: an exclusive lock on a graph file for the time it is read, changed and written back,
//! so two `kg` processes that update one file take turns instead of one losing the other's work.
//!
//! The lock is the system's advisory file lock (`flock` on Unix, through the standard library), taken
//! on the file itself: no lock file is left behind. A save replaces the file by renaming a new one
//! over it, so a writer that waited holds a lock on the file as it was; it then locks the file now at
//! the path, and reads that.

use std::fs::File;
use std::path::{Path, PathBuf};

/// Why a file could not be locked.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot lock it against other writers: {}", .path.display(), crate::io_reason::io_reason(.source))]
pub struct LockError {
    /// The file.
    pub path: PathBuf,
    /// What the system said.
    #[source]
    pub source: std::io::Error,
}

/// An exclusive lock on a file, released when dropped.
#[derive(Debug)]
pub struct FileLock {
    /// The locked file, kept open: closing it releases the lock.
    _file: File,
}

impl FileLock {
    /// Locks the file at `path` for this process alone, waiting while another holds it; `on_wait` is
    /// called once, before the first wait, so a caller can say why it is waiting.
    ///
    /// # Errors
    /// The file cannot be opened (it must exist) or locked.
    pub fn acquire(path: &Path, on_wait: impl FnOnce()) -> Result<FileLock, LockError> {
        Self::acquire_io(path, on_wait).map_err(|source| LockError {
            path: path.to_path_buf(),
            source,
        })
    }

    fn acquire_io(path: &Path, on_wait: impl FnOnce()) -> std::io::Result<FileLock> {
        let mut on_wait = Some(on_wait);
        loop {
            let file = File::open(path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    if let Some(on_wait) = on_wait.take() {
                        on_wait();
                    }
                    file.lock()?;
                }
                Err(std::fs::TryLockError::Error(error)) => return Err(error),
            }
            // The holder may have renamed a new file over the path while we waited: the lock is then
            // on a file nobody reads any more, so the file now at the path is locked in its turn.
            if same_file(&file.metadata()?, &std::fs::metadata(path)?) {
                return Ok(FileLock { _file: file });
            }
        }
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    (a.len(), a.modified().ok()) == (b.len(), b.modified().ok())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// A second locker waits for the first, and then holds the file that replaced the one it waited
    /// on.
    #[test]
    fn a_second_locker_waits_and_then_locks_the_replaced_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ron");
        std::fs::write(&path, "old").unwrap();
        let first = FileLock::acquire(&path, || panic!("nobody holds it yet")).unwrap();
        let (waiting, waited) = mpsc::channel();
        let (done, finished) = mpsc::channel();
        let second_path = path.clone();
        let second = std::thread::spawn(move || {
            let lock = FileLock::acquire(&second_path, || waiting.send(()).unwrap()).unwrap();
            done.send(std::fs::read_to_string(&second_path).unwrap())
                .unwrap();
            lock
        });
        waited.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(
            finished.try_recv().is_err(),
            "the second locker did not wait"
        );
        crate::atomic_file::write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        drop(first);
        assert_eq!(
            finished.recv_timeout(Duration::from_secs(10)).unwrap(),
            "new"
        );
        let held = second.join().unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert!(same_file(&held._file.metadata().unwrap(), &meta));
    }
}
