//! `io_reason`: why a file could not be read or written, in the plain words every command uses ("no
//! such file or directory"), without the system's error number.

use std::io::{Error, ErrorKind};

/// The reason `error` gives, as kgraph's messages word it; other kinds in the standard library's words.
pub(crate) fn io_reason(error: &Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "is a directory".to_string(),
        ErrorKind::NotADirectory => "not a directory".to_string(),
        ErrorKind::ReadOnlyFilesystem => "read-only file system".to_string(),
        ErrorKind::StorageFull => "no space left on the device".to_string(),
        ErrorKind::InvalidData => "not UTF-8 text".to_string(),
        kind => kind.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_in_plain_words() {
        let cases = [
            (ErrorKind::NotFound, "no such file or directory"),
            (ErrorKind::PermissionDenied, "permission denied"),
            (ErrorKind::IsADirectory, "is a directory"),
            (ErrorKind::StorageFull, "no space left on the device"),
            (ErrorKind::InvalidData, "not UTF-8 text"),
            (ErrorKind::TimedOut, "timed out"),
        ];
        for (kind, reason) in cases {
            assert_eq!(io_reason(&Error::from(kind)), reason, "{kind:?}");
        }
    }
}
