//! The binary graph snapshot: the records of the RON graph file, encoded with postcard behind a fixed
//! header, for graphs too large to load quickly from text.
//!
//! Layout (integers little-endian):
//!
//! | bytes   | what                                                              |
//! |---------|-------------------------------------------------------------------|
//! | 0..8    | the magic bytes `KGRAPH\0\x1a`                                    |
//! | 8..12   | the format version (`u32`), shared with the RON file              |
//! | 12..20  | the length of the body in bytes (`u64`)                           |
//! | 20..28  | the xxh3-64 hash of the body (`u64`)                              |
//! | 28..    | the body: postcard encoding of the same records as the RON file   |
//!
//! The first twelve bytes never change meaning, so any later kgraph can tell a snapshot and its version
//! apart before reading further: a newer version is refused without touching the body. The length and
//! hash make a truncated or damaged file an error rather than a wrong graph, and decoding never panics.
//! A snapshot is read through a window of its file ([`decode_file`]), its hash checked as it goes: the
//! whole file is never in memory, and nothing read is given back before the hash is found right.

use super::error::PersistError;
use super::format::FORMAT_VERSION;
use postcard::de_flavors::Flavor;
use serde::Serialize;
use serde::de::{DeserializeOwned, DeserializeSeed};
use std::io::{BufRead, Read};
use std::marker::PhantomData;
use std::path::Path;

/// What every snapshot starts with.
pub const MAGIC: [u8; 8] = *b"KGRAPH\0\x1a";

const HEADER_LENGTH: usize = 28;

/// The bytes of a snapshot of `body`, written as format `FORMAT_VERSION`.
///
/// `size_hint` is about how many bytes the body takes: the body is encoded straight after the header in
/// one buffer of that capacity, rather than grown by doubling and then copied behind the header (for a
/// large graph, that growing and copying touched fresh memory three times the file's size).
pub fn encode<T: Serialize>(body: &T, size_hint: usize) -> Result<Vec<u8>, postcard::Error> {
    let mut bytes = Vec::with_capacity(HEADER_LENGTH.saturating_add(size_hint));
    bytes.extend_from_slice(&MAGIC);
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // The body's length and hash, filled in once it is written.
    bytes.extend_from_slice(&[0; 16]);
    let mut bytes = postcard::to_extend(body, bytes)?;
    let length = (bytes.len() - HEADER_LENGTH) as u64;
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes[HEADER_LENGTH..]);
    bytes[12..20].copy_from_slice(&length.to_le_bytes());
    bytes[20..28].copy_from_slice(&hash.to_le_bytes());
    Ok(bytes)
}

/// Reads the body of a snapshot held in memory; `path` is only used in messages.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], path: &Path) -> Result<T, PersistError> {
    let whole = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    decode_from(bytes, whole, path, PhantomData::<T>).map_err(|failure| failure.into_error(path))
}

/// Reads the snapshot at `path`, handing its body to `seed` as it is read: a window of the file is in
/// memory at a time, never the whole of it, so a caller that builds what it reads as it goes (as
/// [`super::load_graph`] does) holds little more than what it builds. `seed_for` is told the
/// body's length, a bound on how much the body can hold.
pub fn decode_file<S: DeserializeSeed<'static>>(
    path: &Path,
    seed_for: impl FnOnce(u64) -> S,
) -> Result<S::Value, ReadFailure> {
    let io_error = |source| {
        ReadFailure::File(PersistError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let whole = file.metadata().map_err(io_error)?.len();
    let seed = seed_for(whole.saturating_sub(HEADER_LENGTH as u64));
    decode_from(file, whole, path, seed)
}

/// Why a snapshot could not be read.
#[derive(Debug)]
pub enum ReadFailure {
    /// The file: not a snapshot, cut short, damaged, newer, or unreadable.
    File(PersistError),
    /// An intact body that the seed could not read.
    Body(postcard::Error),
}

impl ReadFailure {
    /// The error to report: a body that does not decode is named as such.
    pub fn into_error(self, path: &Path) -> PersistError {
        match self {
            ReadFailure::File(error) => error,
            ReadFailure::Body(error) => PersistError::Damaged {
                path: path.to_path_buf(),
                message: format!("the graph does not decode: {error}"),
            },
        }
    }
}

/// Reads a snapshot of `whole` bytes from `reader` into `seed`. The header is checked first; the body's
/// hash is checked once the body is read, before anything read from it is given back, and also when
/// reading it fails, so that a damaged body is reported as damaged rather than by what it decoded to.
fn decode_from<'de, R: Read + 'de, S: DeserializeSeed<'de>>(
    mut reader: R,
    whole: u64,
    path: &Path,
    seed: S,
) -> Result<S::Value, ReadFailure> {
    let Header { length, hash } = read_header(&mut reader, whole, path)?;
    let body = std::io::BufReader::with_capacity(
        WINDOW,
        Hashing {
            inner: reader.take(length),
            hasher: xxhash_rust::xxh3::Xxh3::new(),
        },
    );
    let mut deserializer = postcard::Deserializer::from_flavor(Window {
        reader: body,
        temporary: Vec::new(),
    });
    let read = seed.deserialize(&mut deserializer);
    // The window gives its reader back whatever was read.
    let mut body = match deserializer.finalize() {
        Ok(body) => body,
        Err(error) => return Err(ReadFailure::Body(error)),
    };
    // The rest of the body (a body may end in bytes its records do not use) is hashed too.
    let drained = std::io::copy(&mut body, &mut std::io::sink());
    let intact = drained.is_ok() && body.into_inner().hasher.digest() == hash;
    if !intact {
        return Err(damaged(
            path,
            "the file is damaged: its contents do not match the hash in its header".into(),
        ));
    }
    read.map_err(ReadFailure::Body)
}

/// What a snapshot's header says of its body.
struct Header {
    /// The body's length in bytes.
    length: u64,
    /// The xxh3-64 hash of the body.
    hash: u64,
}

/// The header of a snapshot of `whole` bytes, read from `reader`, once its magic bytes, version and
/// length are found right.
fn read_header(reader: &mut impl Read, whole: u64, path: &Path) -> Result<Header, ReadFailure> {
    let mut header = Vec::with_capacity(HEADER_LENGTH);
    reader
        .take(HEADER_LENGTH as u64)
        .read_to_end(&mut header)
        .map_err(|source| {
            ReadFailure::File(PersistError::Io {
                path: path.to_path_buf(),
                source,
            })
        })?;
    if header.get(..MAGIC.len()) != Some(&MAGIC[..]) {
        return Err(damaged(
            path,
            "not a kgraph binary graph (the file does not start with the kgraph header)".into(),
        ));
    }
    let field = |range: std::ops::Range<usize>| -> Result<[u8; 8], ReadFailure> {
        let mut value = [0u8; 8];
        let source = header.get(range.clone()).ok_or_else(|| {
            damaged(
                path,
                format!("the file is truncated: it ends inside its {HEADER_LENGTH}-byte header"),
            )
        })?;
        value[..range.len()].copy_from_slice(source);
        Ok(value)
    };
    let version = u32::try_from(u64::from_le_bytes(field(8..12)?)).unwrap_or(u32::MAX);
    if version > FORMAT_VERSION {
        return Err(ReadFailure::File(PersistError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
        }));
    }
    let length = u64::from_le_bytes(field(12..20)?);
    let hash = u64::from_le_bytes(field(20..28)?);
    let body_length = whole.saturating_sub(HEADER_LENGTH as u64);
    if body_length != length {
        return Err(damaged(
            path,
            if body_length < length {
                format!(
                    "the file is truncated: the header promises {length} bytes of graph, the file has {body_length}"
                )
            } else {
                format!(
                    "the file has {} bytes after the graph's {length}",
                    body_length - length
                )
            },
        ));
    }
    Ok(Header { length, hash })
}

/// A file that is no snapshot, or a damaged one.
fn damaged(path: &Path, message: String) -> ReadFailure {
    ReadFailure::File(PersistError::Damaged {
        path: path.to_path_buf(),
        message,
    })
}

/// How much of a snapshot is read at a time.
const WINDOW: usize = 1 << 16;

/// A reader that hashes what it reads.
struct Hashing<R> {
    inner: R,
    hasher: xxhash_rust::xxh3::Xxh3,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.hasher.update(buffer.get(..read).unwrap_or_default());
        Ok(read)
    }
}

/// A postcard flavor over a buffered reader: each string is copied out of the window into one
/// temporary buffer (so it takes as much memory as the longest string), and nothing borrows from the
/// input, which is gone once read.
struct Window<R> {
    reader: R,
    temporary: Vec<u8>,
}

impl<'de, R: BufRead + 'de> Flavor<'de> for Window<R> {
    type Remainder = R;
    type Source = ();

    fn pop(&mut self) -> postcard::Result<u8> {
        let byte = *self
            .reader
            .fill_buf()
            .map_err(|_| postcard::Error::DeserializeUnexpectedEnd)?
            .first()
            .ok_or(postcard::Error::DeserializeUnexpectedEnd)?;
        self.reader.consume(1);
        Ok(byte)
    }

    fn try_take_n(&mut self, _count: usize) -> postcard::Result<&'de [u8]> {
        // Only what borrows from the input asks for this: the records own what they read.
        Err(postcard::Error::WontImplement)
    }

    fn try_take_n_temp<'a>(&'a mut self, count: usize) -> postcard::Result<&'a [u8]>
    where
        'de: 'a,
    {
        self.temporary.clear();
        let window = self
            .reader
            .fill_buf()
            .map_err(|_| postcard::Error::DeserializeUnexpectedEnd)?;
        if let Some(bytes) = window.get(..count) {
            // Most strings are short and in the window whole.
            self.temporary.extend_from_slice(bytes);
            self.reader.consume(count);
            return Ok(&self.temporary);
        }
        // Grown as bytes arrive, so a damaged length asks for no more memory than the file holds.
        let read = (&mut self.reader)
            .take(u64::try_from(count).unwrap_or(u64::MAX))
            .read_to_end(&mut self.temporary)
            .map_err(|_| postcard::Error::DeserializeUnexpectedEnd)?;
        if read == count {
            Ok(&self.temporary)
        } else {
            Err(postcard::Error::DeserializeUnexpectedEnd)
        }
    }

    fn finalize(self) -> postcard::Result<R> {
        Ok(self.reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_hint_changes_nothing_but_the_capacity() {
        let body = (7u32, "abc".to_string(), vec![1u64, 300, 70_000]);
        let encoded = postcard::to_allocvec(&body).unwrap();
        let mut expected = MAGIC.to_vec();
        expected.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        expected.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
        expected.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&encoded).to_le_bytes());
        expected.extend_from_slice(&encoded);
        for hint in [0, 1, encoded.len(), 1 << 20] {
            assert_eq!(encode(&body, hint).unwrap(), expected, "hint {hint}");
        }
    }

    #[test]
    fn damaged_snapshots_are_errors_not_panics() {
        let good = encode(&(1u32, "a".to_string(), vec![1u64, 2, 3]), 0).unwrap();
        let decode_text = |bytes: &[u8]| {
            decode::<(u32, String, Vec<u64>)>(bytes, Path::new("g.kgb"))
                .map(|_| String::new())
                .unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(decode_text(&good), "");
        let mut flipped = good.clone();
        *flipped.last_mut().unwrap() ^= 1;
        let mut longer = good.clone();
        longer.push(0);
        let mut newer = good.clone();
        newer[8..12].copy_from_slice(&7u32.to_le_bytes());
        let cases: &[(&[u8], &str)] = &[
            (
                b"",
                "g.kgb: not a kgraph binary graph (the file does not start with the kgraph header)",
            ),
            (
                b"(format_version: 1)",
                "does not start with the kgraph header",
            ),
            (
                &good[..10],
                "g.kgb: the file is truncated: it ends inside its 28-byte header",
            ),
            (
                &good[..good.len() - 1],
                "the header promises 7 bytes of graph, the file has 6",
            ),
            (&longer, "the file has 1 bytes after the graph's 7"),
            (
                &flipped,
                "the file is damaged: its contents do not match the hash in its header",
            ),
            (
                &newer,
                "graph format version 7 is newer than this kg understands",
            ),
        ];
        for (bytes, expected) in cases {
            let text = decode_text(bytes);
            assert!(text.contains(expected), "{text}");
        }
    }

    #[test]
    fn a_body_that_does_not_decode_is_an_error() {
        // Bodies cut short or garbled under a header that vouches for them: postcard must say no.
        let good = encode(&(1u32, "abc".to_string(), vec![1u64, 300, 70_000]), 0).unwrap();
        let body = &good[HEADER_LENGTH..];
        let mut bodies: Vec<Vec<u8>> = (0..body.len()).map(|n| body[..n].to_vec()).collect();
        bodies.push(vec![0xff; 16]);
        bodies.push(vec![1, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        for body in bodies {
            let mut bytes = good[..HEADER_LENGTH].to_vec();
            bytes[12..20].copy_from_slice(&(body.len() as u64).to_le_bytes());
            bytes[20..28].copy_from_slice(&xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes());
            bytes.extend_from_slice(&body);
            let error = decode::<(u32, String, Vec<u64>)>(&bytes, Path::new("g.kgb"))
                .expect_err("does not decode");
            assert!(
                error
                    .to_string()
                    .starts_with("g.kgb: the graph does not decode: "),
                "{error}"
            );
        }
    }
}
