//! Documents: find the text files under the paths a user gives, and decode them.
//!
//! Directories are walked recursively and sorted, so the same paths always give the same documents in the
//! same order (builds are deterministic); symbolic links are followed, a loop passed over with a warning,
//! and a real file reached twice read once. Only `.txt` and `.md` files are documents. UTF-8 is the norm;
//! UTF-16 with a byte-order mark is decoded; UTF-32 is refused by name, and a NUL character (in either
//! encoding) as a binary file; anything else is refused with the file name and the line and column of the
//! first bad byte. A leading UTF-8 byte-order mark is kept out of the stored text.

use std::path::{Path, PathBuf};

/// One source text. `name` is the path relative to the argument it was found under (the file name for a
/// file argument), with `/` separators; every span in the graph is a byte offset into `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub text: String,
}

/// Why documents could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}:{column}: not UTF-8 text (invalid byte 0x{byte:02x}); convert it to UTF-8 first"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: u8,
    },
    #[error("{path}: looks like a binary file, not text")]
    Binary { path: PathBuf },
    #[error("{path}: {encoding} text is not supported; convert it to UTF-8 first")]
    UnsupportedEncoding {
        path: PathBuf,
        encoding: &'static str,
    },
    #[error("{path}: no such file or directory")]
    Missing { path: PathBuf },
    /// The file's size or modification time changed while it was read, every time it was tried: what
    /// was read may be half of one version and half of another, or nothing.
    #[error(
        "{path}: the file changed while it was read ({attempts} tries); build again once it is no longer being written"
    )]
    Changing { path: PathBuf, attempts: usize },
}

/// Something passed over while listing documents, for the caller to tell the user; the listing goes
/// on without it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentWarning {
    /// A symbolic link to a folder it is inside of, or a link that leads back to itself (`a.txt ->
    /// a.txt`): following it would never end (`find -L` and `rg -L` pass over it the same way).
    #[error("{path}: a symbolic link loop; skipped")]
    SymlinkLoop { path: PathBuf },
}

/// The documents found under the paths a user gave, and what was passed over on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentListing {
    /// Each real file once, in the order documents are read.
    pub sources: Vec<DocumentSource>,
    /// What was passed over, in the order it was met.
    pub warnings: Vec<DocumentWarning>,
}

/// The file extensions that hold documents.
const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md"];

/// A document file found under the paths a user gave, not yet read: where it is and the name it will
/// have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSource {
    pub path: PathBuf,
    /// The path relative to the argument it was found under (the file name for a file argument), with
    /// `/` separators.
    pub name: String,
}

impl DocumentSource {
    /// Reads and decodes the file.
    pub fn read(&self) -> Result<Document, DocumentError> {
        read_document(&self.path, self.name.clone())
    }
}

/// Loads every document under `paths`: files as given, directories recursively (sorted by path).
///
/// A file named explicitly is read whatever its extension; inside directories only regular `.txt` and
/// `.md` files are (named pipes, sockets and devices are passed over). A file that cannot be read fails
/// the whole load with its path: a graph silently missing a document would be worse. Symbolic link
/// loops are passed over without a word: a caller that tells the user lists with [`list_documents`].
pub fn load_documents(paths: &[PathBuf]) -> Result<Vec<Document>, DocumentError> {
    read_documents(&list_documents(paths)?.sources)
}

/// Reads and decodes `sources`, in parallel, into documents in the same order. When several fail, the
/// error is the first one's in that order, whatever the threads did.
pub fn read_documents(sources: &[DocumentSource]) -> Result<Vec<Document>, DocumentError> {
    use rayon::prelude::*;
    let read: Vec<Result<Document, DocumentError>> =
        sources.par_iter().map(DocumentSource::read).collect();
    read.into_iter().collect()
}

/// Lists the documents under `paths` without reading them, in the order [`load_documents`] reads them,
/// so a caller can read only some (one shard of a corpus).
///
/// A document is its real file: one reached twice (a path given twice, two links to one folder) is
/// listed once, under the name it was first found by. Symbolic link loops are passed over with a
/// warning.
pub fn list_documents(paths: &[PathBuf]) -> Result<DocumentListing, DocumentError> {
    let mut listing = DocumentListing::default();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) if is_symlink_loop(&error) => {
                listing
                    .warnings
                    .push(DocumentWarning::SymlinkLoop { path: path.clone() });
                continue;
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(DocumentError::Missing { path: path.clone() });
            }
            Err(error) => return Err(io_error(path, error)),
        };
        let found = if metadata.is_dir() {
            files_under(path, &mut listing.warnings)?
        } else {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            vec![DocumentSource {
                path: path.clone(),
                name,
            }]
        };
        for source in found {
            let real = std::fs::canonicalize(&source.path)
                .map_err(|error| io_error(&source.path, error))?;
            if seen.insert(real) {
                listing.sources.push(source);
            }
        }
    }
    Ok(listing)
}

/// The document files under `directory`, sorted by path and named relative to it.
fn files_under(
    directory: &Path,
    warnings: &mut Vec<DocumentWarning>,
) -> Result<Vec<DocumentSource>, DocumentError> {
    let mut files = Vec::new();
    collect_files(directory, &mut files, &mut Vec::new(), warnings)?;
    files.sort();
    Ok(files
        .into_iter()
        .map(|file| {
            let name = file
                .strip_prefix(directory)
                .unwrap_or(&file)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            DocumentSource { path: file, name }
        })
        .collect())
}

fn io_error(path: &Path, source: std::io::Error) -> DocumentError {
    DocumentError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn collect_files(
    directory: &Path,
    files: &mut Vec<PathBuf>,
    ancestors: &mut Vec<PathBuf>,
    warnings: &mut Vec<DocumentWarning>,
) -> Result<(), DocumentError> {
    // Following symlinks is useful (a corpus assembled from links), so loops are caught by remembering the
    // canonical path of every directory on the way down.
    let canonical = std::fs::canonicalize(directory).map_err(|e| io_error(directory, e))?;
    if ancestors.contains(&canonical) {
        warnings.push(DocumentWarning::SymlinkLoop {
            path: directory.to_path_buf(),
        });
        return Ok(());
    }
    ancestors.push(canonical);
    // Sorted, so warnings come in the same order on every run (the files are sorted again as a whole).
    let mut entries = std::fs::read_dir(directory)
        .map_err(|e| io_error(directory, e))?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| io_error(directory, e))?;
    entries.sort();
    for path in entries {
        let metadata = match std::fs::metadata(&path) {
            Ok(metadata) => metadata,
            // A link to itself, or a chain of links that comes back round, leads nowhere: the system
            // gives up on it, and so does the listing, as it does for a loop through folders.
            Err(error) if is_symlink_loop(&error) => {
                warnings.push(DocumentWarning::SymlinkLoop { path });
                continue;
            }
            Err(error) => return Err(io_error(&path, error)),
        };
        // Only regular files are documents: opening a named pipe or a device that happens to end in
        // `.txt` would block the build or read forever.
        if metadata.is_dir() {
            collect_files(&path, files, ancestors, warnings)?;
        } else if metadata.is_file() && has_document_extension(&path) {
            files.push(path);
        }
    }
    ancestors.pop();
    Ok(())
}

/// Whether `error` is the system giving up on a chain of symbolic links that never ends (`ELOOP`).
fn is_symlink_loop(error: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

fn has_document_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A file that changes while it is read is read again this many times in all before giving up.
const READ_ATTEMPTS: usize = 3;

/// The bytes of the file at `path`, read while its size and modification time stayed the same (checked
/// on the open file before and after reading, and against the number of bytes read), so a file being
/// written is never taken half-read; tried [`READ_ATTEMPTS`] times.
fn read_unchanged(path: &Path) -> Result<Vec<u8>, DocumentError> {
    use std::io::Read;
    let io = |source| io_error(path, source);
    let stamp = |metadata: &std::fs::Metadata| (metadata.len(), metadata.modified().ok());
    for _ in 0..READ_ATTEMPTS {
        let mut file = std::fs::File::open(path).map_err(io)?;
        let metadata = file.metadata().map_err(io)?;
        let before = stamp(&metadata);
        let mut bytes = Vec::with_capacity(usize::try_from(before.0).unwrap_or(0));
        file.read_to_end(&mut bytes).map_err(io)?;
        // A pipe or a device named on the command line has no size to compare: it is read as it comes.
        if !metadata.is_file() {
            return Ok(bytes);
        }
        let after = stamp(&file.metadata().map_err(io)?);
        if before == after
            && bytes.len() as u64 == after.0
            && !still_written(&file, after).map_err(io)?
        {
            return Ok(bytes);
        }
        // A writer that stopped short of the end a moment ago is likely done the next: try again.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Err(DocumentError::Changing {
        path: path.to_path_buf(),
        attempts: READ_ATTEMPTS,
    })
}

/// A file modified this recently may be in the middle of being written (truncated, and not yet
/// written again): it is looked at once more after this long.
const SETTLING: std::time::Duration = std::time::Duration::from_millis(100);

/// Whether the file, last seen as `stamp`, was modified within [`SETTLING`] and changes in the next
/// [`SETTLING`]: the only way to tell a file that is being written from one that is simply short. A
/// file older than that costs nothing more.
fn still_written(
    file: &std::fs::File,
    stamp: (u64, Option<std::time::SystemTime>),
) -> Result<bool, std::io::Error> {
    let recent = stamp
        .1
        .is_some_and(|modified| modified.elapsed().map_or(true, |age| age < SETTLING));
    if !recent {
        return Ok(false);
    }
    std::thread::sleep(SETTLING);
    let metadata = file.metadata()?;
    Ok((metadata.len(), metadata.modified().ok()) != stamp)
}

fn read_document(path: &Path, name: String) -> Result<Document, DocumentError> {
    let bytes = read_unchanged(path)?;
    let text = decode(bytes).map_err(|failure| match failure {
        DecodeFailure::Binary => DocumentError::Binary {
            path: path.to_path_buf(),
        },
        DecodeFailure::Unsupported { encoding } => DocumentError::UnsupportedEncoding {
            path: path.to_path_buf(),
            encoding,
        },
        DecodeFailure::InvalidUtf8 { line, column, byte } => DocumentError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
            byte,
        },
    })?;
    Ok(Document { name, text })
}

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeFailure {
    /// NUL characters, or UTF-16 that does not decode: not text.
    Binary,
    /// Text in an encoding that is recognised by its byte-order mark but not read (UTF-32).
    Unsupported { encoding: &'static str },
    InvalidUtf8 {
        line: usize,
        column: usize,
        byte: u8,
    },
}

/// Decodes a file's bytes: UTF-8 (a leading byte-order mark dropped), or UTF-16 with a byte-order mark.
/// UTF-8 text keeps the file's buffer rather than being copied. A NUL character is refused in either
/// (text has none); UTF-32 is recognised by its byte-order mark and refused by name.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, DecodeFailure> {
    // Before UTF-16: the UTF-32 little-endian mark starts with the UTF-16 one, and would decode as
    // UTF-16 into a NUL after every character.
    for (mark, encoding) in UTF32_MARKS {
        if bytes.starts_with(mark) {
            return Err(DecodeFailure::Unsupported { encoding });
        }
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) if memchr::memchr(0, text.as_bytes()).is_some() => Err(DecodeFailure::Binary),
        Ok(text) => Ok(text),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let valid = &bytes[..valid_up_to];
            // NUL bytes early on mean an image or an executable, not a badly encoded text.
            if bytes.iter().take(8192).any(|&b| b == 0) {
                return Err(DecodeFailure::Binary);
            }
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
            Err(DecodeFailure::InvalidUtf8 { line, column, byte })
        }
    }
}

/// The byte-order marks of UTF-32, and the encodings they announce.
const UTF32_MARKS: [(&[u8], &str); 2] = [
    (&[0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
    (&[0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
];

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeFailure> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeFailure::Binary);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text = char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeFailure::Binary)?;
    // U+0000 as in UTF-8: not text.
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(DecodeFailure::Binary);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 21: a file rewritten over and over while it is read is never taken half-read: each
    /// read gives one whole version, or says the file was changing.
    #[test]
    fn a_file_written_while_it_is_read_is_whole_or_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("moving.txt");
        let versions = [
            "Iraq met Iran.\n".repeat(20_000),
            "China met Turkey.\n".repeat(30_000),
        ];
        std::fs::write(&path, &versions[0]).unwrap_or_else(|e| panic!("{e}"));
        let stop = std::sync::atomic::AtomicBool::new(false);
        let (mut whole, mut refused) = (0, 0);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                // Truncates and writes in place, as a shell's `>` or an editor saving in place does.
                for version in versions.iter().cycle() {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let _ = std::fs::write(&path, version);
                }
            });
            for _ in 0..50 {
                let read = read_document(&path, "moving.txt".into());
                if !matches!(&read, Ok(d) if versions.contains(&d.text)) {
                    // The writer stops before any assertion below can fail, so the scope ends.
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                match read {
                    Ok(document) => {
                        assert!(
                            versions.contains(&document.text),
                            "a half-read document of {} bytes was kept",
                            document.text.len()
                        );
                        whole += 1;
                    }
                    Err(DocumentError::Changing { attempts, .. }) => {
                        assert_eq!(attempts, READ_ATTEMPTS);
                        refused += 1;
                    }
                    Err(error) => panic!("{error}"),
                }
            }
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
        });
        assert_eq!(whole + refused, 50);
    }

    #[test]
    fn decodes_each_encoding() {
        let cases: &[(&[u8], Result<&str, DecodeFailure>)] = &[
            (b"plain", Ok("plain")),
            (b"\xEF\xBB\xBFbom", Ok("bom")),
            (b"\xFF\xFEh\0i\0", Ok("hi")),
            (b"\xFE\xFF\0h\0i", Ok("hi")),
            (
                b"ok\nab\xFFc",
                Err(DecodeFailure::InvalidUtf8 {
                    line: 2,
                    column: 3,
                    byte: 0xFF,
                }),
            ),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Err(DecodeFailure::Binary)),
            (b"", Ok("")),
            // Issue 21: UTF-32 was read as UTF-16 into NULs; U+0000 was refused in UTF-8 only.
            (
                b"\xFF\xFE\0\0h\0\0\0i\0\0\0",
                Err(DecodeFailure::Unsupported {
                    encoding: "UTF-32LE",
                }),
            ),
            (
                b"\0\0\xFE\xFF\0\0\0h\0\0\0i",
                Err(DecodeFailure::Unsupported {
                    encoding: "UTF-32BE",
                }),
            ),
            (b"a\0b", Err(DecodeFailure::Binary)),
            (b"\xFF\xFEa\0\0\0b\0", Err(DecodeFailure::Binary)),
            (b"\xFE\xFF\0a\0\0\0b", Err(DecodeFailure::Binary)),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                decode(bytes.to_vec()),
                expected
                    .as_ref()
                    .map(|s| s.to_string())
                    .map_err(|e| match e {
                        DecodeFailure::Binary => DecodeFailure::Binary,
                        DecodeFailure::Unsupported { encoding } =>
                            DecodeFailure::Unsupported { encoding },
                        DecodeFailure::InvalidUtf8 { line, column, byte } =>
                            DecodeFailure::InvalidUtf8 {
                                line: *line,
                                column: *column,
                                byte: *byte
                            },
                    }),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn reading_in_parallel_keeps_order_and_reports_the_first_bad_file() {
        let dir = tempfile::tempdir().unwrap();
        let files: &[(&str, &[u8])] = &[
            ("a.txt", b"Alpha."),
            ("b.txt", b"ok\nab\xFFc"),
            ("c.txt", b"\x89PNG\r\n\x1a\n\0\0"),
            ("d.txt", b"Delta."),
        ];
        for (name, bytes) in files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let sources = list_documents(&[dir.path().to_path_buf()]).unwrap().sources;
        let good: Vec<DocumentSource> = sources
            .iter()
            .filter(|s| s.name == "a.txt" || s.name == "d.txt")
            .cloned()
            .collect();
        let read = read_documents(&good).unwrap();
        let names: Vec<(&str, &str)> = read
            .iter()
            .map(|d| (d.name.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(names, [("a.txt", "Alpha."), ("d.txt", "Delta.")]);
        for _ in 0..20 {
            let error = read_documents(&sources).unwrap_err().to_string();
            assert!(
                error.ends_with(
                    "b.txt:2:3: not UTF-8 text (invalid byte 0xff); convert it to UTF-8 first"
                ),
                "{error}"
            );
        }
    }
}
