//! Where a write lands: the path as given, with the symlinks at its end followed to what they name,
//! and what is there now. A symlink is kept and its target replaced; a device or a FIFO is written in
//! place, as a shell's `>` writes it, because renaming a file over it would replace it (as root,
//! `-o /dev/null` would replace the device).

use std::path::{Path, PathBuf};

/// How many symlinks in a row are followed before the path is taken as a loop (Linux's limit).
const MAX_LINKS: usize = 40;

/// What is at an output path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Landing {
    /// Nothing yet (or a dangling symlink): the path to create, the symlink's target for a link.
    Missing(PathBuf),
    /// A regular file, at this path (the symlink's target for a link).
    File(PathBuf),
    /// A directory, at this path (the symlink's target for a link).
    Folder(PathBuf),
    /// A device, a FIFO or a socket: written in place, never replaced.
    Special,
}

/// Looks at `path`: what is there, and where its symlinks lead.
pub(super) fn landing(path: &Path) -> Landing {
    // `metadata` is followed by the kernel, which also sees through links such as /dev/stdout that name
    // no path (`pipe:[1234]`).
    if let Ok(metadata) = std::fs::metadata(path)
        && !metadata.is_file()
        && !metadata.is_dir()
    {
        return Landing::Special;
    }
    let target = final_target(path);
    match std::fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => Landing::Folder(target),
        Ok(metadata) if metadata.is_file() => Landing::File(target),
        Ok(_) => Landing::Special,
        // Nothing there, or nothing reachable: creating it says why, in the directory's terms.
        Err(_) => Landing::Missing(target),
    }
}

/// `path` with each symlink at its end replaced by what it points to. Its parent directories stay as
/// written, so that messages name them as the user did; a loop stops after [`MAX_LINKS`] links.
fn final_target(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        let Some(link) = is_link.then(|| std::fs::read_link(&current).ok()).flatten() else {
            return current;
        };
        // A relative link is relative to the folder holding it; joining an absolute one replaces.
        current = match current.parent() {
            Some(parent) => parent.join(link),
            None => link,
        };
    }
    current
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn links_are_followed_to_what_they_name() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        std::fs::write(at("file"), "x").unwrap();
        std::fs::create_dir(at("folder")).unwrap();
        std::os::unix::fs::symlink("file", at("to-file")).unwrap();
        std::os::unix::fs::symlink("to-file", at("to-link")).unwrap();
        std::os::unix::fs::symlink(at("folder"), at("to-folder")).unwrap();
        std::os::unix::fs::symlink("nowhere", at("dangling")).unwrap();
        std::os::unix::fs::symlink("loop", at("loop")).unwrap();
        let cases = [
            ("file", Landing::File(at("file"))),
            ("to-file", Landing::File(at("file"))),
            ("to-link", Landing::File(at("file"))),
            ("folder", Landing::Folder(at("folder"))),
            ("to-folder", Landing::Folder(at("folder"))),
            ("dangling", Landing::Missing(at("nowhere"))),
            ("new", Landing::Missing(at("new"))),
            ("loop", Landing::Missing(at("loop"))),
        ];
        for (name, expected) in cases {
            assert_eq!(landing(&at(name)), expected, "{name}");
        }
        assert_eq!(landing(Path::new("/dev/null")), Landing::Special);
    }
}
