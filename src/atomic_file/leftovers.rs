//! Temporary files and folders named after their target and their writer, so that the leftovers of a
//! killed save are found and removed by the next save of the same target.
//!
//! A temporary is `.kg-<target>.<pid>@<host>.<random>.tmp`: hidden, beside its target, and saying which
//! process on which machine writes it. A leftover is removed only when its writer is known to be gone:
//! the same host (a folder shared over the network may hold another machine's live writer) and no
//! process with that id. A live writer's temporary, or one whose writer cannot be checked, is left.

use std::ffi::OsString;
use std::path::Path;

/// The longest part of a target's name a temporary's name repeats: a name the system allows, plus
/// the rest of the temporary's name, must still be one it allows (255 bytes on most).
const TARGET_NAME_BYTES: usize = 120;

/// The longest host name a temporary's name carries.
const HOST_NAME_BYTES: usize = 64;

/// The extension of every temporary.
pub(super) const SUFFIX: &str = ".tmp";

/// The start of every temporary's name written for a target named `target_name`, up to the writer.
fn target_prefix(target_name: &str) -> String {
    let mut end = target_name.len().min(TARGET_NAME_BYTES);
    while !target_name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".kg-{}.", &target_name[..end])
}

/// The start of the name of a temporary this process writes for `target_name`; the random part and
/// [`SUFFIX`] follow.
pub(super) fn prefix(target_name: &str) -> OsString {
    format!(
        "{}{}@{}.",
        target_prefix(target_name),
        std::process::id(),
        host()
    )
    .into()
}

/// Removes the temporaries left for `target_name` in `directory` by writers that are gone. Nothing here
/// is an error: a leftover that cannot be removed costs space, not correctness.
pub(super) fn remove_stale(directory: &Path, target_name: &str) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    let prefix = target_prefix(target_name);
    let host = host();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(writer) = name
            .to_str()
            .and_then(|name| name.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(SUFFIX))
            .and_then(|rest| rest.rsplit_once('.'))
            .and_then(|(writer, _random)| writer.split_once('@'))
        else {
            continue;
        };
        let (Ok(pid), written_on) = (writer.0.parse::<u32>(), writer.1) else {
            continue;
        };
        if written_on == host && !is_running(pid) {
            let path = entry.path();
            let _ = match entry.file_type() {
                Ok(kind) if kind.is_dir() => std::fs::remove_dir_all(&path),
                _ => std::fs::remove_file(&path),
            };
        }
    }
}

/// This machine's name, as it goes into a temporary's name: no `@`, `.`-free parts, and short.
fn host() -> String {
    let mut name: String = host_name()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut end = name.len().min(HOST_NAME_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name.truncate(end);
    name
}

#[cfg(unix)]
fn host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

#[cfg(not(unix))]
fn host_name() -> String {
    std::env::var("COMPUTERNAME").unwrap_or_default()
}

/// Whether a process with this id runs on this machine; when that cannot be told, it is taken to.
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return true;
    };
    // Signal 0 only asks: no such process is ESRCH; one of another user's is EPERM, and runs.
    rustix::process::test_kill_process(pid) != Err(rustix::io::Errno::SRCH)
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    /// The id of a process that has exited (ids are not reused this soon on a machine that is not
    /// starting tens of thousands of processes).
    fn gone_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn only_the_leftovers_of_gone_writers_of_the_same_target_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let gone = gone_pid();
        let me = std::process::id();
        let host = host();
        let cases = [
            (format!(".kg-g.ron.{gone}@{host}.AbC123.tmp"), false),
            (format!(".kg-g.ron.{me}@{host}.AbC123.tmp"), true),
            (format!(".kg-g.ron.{gone}@other-host.AbC123.tmp"), true),
            (format!(".kg-other.ron.{gone}@{host}.AbC123.tmp"), true),
            (".kg-AbC123.tmp".to_string(), true),
            ("g.ron".to_string(), true),
        ];
        for (name, _) in &cases {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let folder = format!(".kg-g.ron.{gone}@{host}.XyZ789.tmp");
        std::fs::create_dir(dir.path().join(&folder)).unwrap();
        std::fs::write(dir.path().join(&folder).join("nodes.csv"), "x").unwrap();
        remove_stale(dir.path(), "g.ron");
        for (name, kept) in cases {
            assert_eq!(dir.path().join(&name).exists(), kept, "{name}");
        }
        assert!(!dir.path().join(folder).exists());
    }

    #[test]
    fn long_target_names_give_names_the_system_allows() {
        let long = "g".repeat(250);
        let name = format!("{}AbC123{SUFFIX}", prefix(&long).to_string_lossy());
        assert!(name.len() <= 255, "{}", name.len());
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), "x").unwrap();
    }
}
