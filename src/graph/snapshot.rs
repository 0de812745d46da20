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

use super::persist::{FORMAT_VERSION, PersistError};
use serde::Serialize;
use serde::de::DeserializeOwned;
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

/// Reads the body of a snapshot; `path` is only used in messages.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], path: &Path) -> Result<T, PersistError> {
    let damaged = |message: String| PersistError::Damaged {
        path: path.to_path_buf(),
        message,
    };
    if bytes.get(..MAGIC.len()) != Some(&MAGIC[..]) {
        return Err(damaged(
            "not a kgraph binary graph (the file does not start with the kgraph header)".into(),
        ));
    }
    let field = |range: std::ops::Range<usize>| -> Result<[u8; 8], PersistError> {
        let mut value = [0u8; 8];
        let source = bytes.get(range.clone()).ok_or_else(|| {
            damaged(format!(
                "the file is truncated: it ends inside its {HEADER_LENGTH}-byte header"
            ))
        })?;
        value[..range.len()].copy_from_slice(source);
        Ok(value)
    };
    let version = u32::try_from(u64::from_le_bytes(field(8..12)?)).unwrap_or(u32::MAX);
    if version > FORMAT_VERSION {
        return Err(PersistError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
        });
    }
    let length = u64::from_le_bytes(field(12..20)?);
    let hash = u64::from_le_bytes(field(20..28)?);
    let body = &bytes[HEADER_LENGTH..];
    if body.len() as u64 != length {
        return Err(damaged(if (body.len() as u64) < length {
            format!(
                "the file is truncated: the header promises {length} bytes of graph, the file has {}",
                body.len()
            )
        } else {
            format!(
                "the file has {} bytes after the graph's {length}",
                body.len() as u64 - length
            )
        }));
    }
    if xxhash_rust::xxh3::xxh3_64(body) != hash {
        return Err(damaged(
            "the file is damaged: its contents do not match the hash in its header".into(),
        ));
    }
    postcard::from_bytes(body)
        .map_err(|error| damaged(format!("the graph does not decode: {error}")))
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
