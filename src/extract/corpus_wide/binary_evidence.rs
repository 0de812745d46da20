//! The binary evidence file: [`CorpusEvidence`] encoded with postcard behind a fixed header, written
//! for an output named `.kgb` or `.bin` as graphs are. Every shard reads the merged names evidence,
//! and parsing it as RON was the largest share of the exchange after reading the text (see the
//! notebook's Sharded builds section).
//!
//! Layout (integers little-endian), the graph snapshot's with a magic of its own:
//!
//! | bytes   | what                                               |
//! |---------|----------------------------------------------------|
//! | 0..8    | the magic bytes `KGEVID\0\x1a`                     |
//! | 8..12   | the evidence format version (`u32`)                |
//! | 12..20  | the length of the body in bytes (`u64`)            |
//! | 20..28  | the xxh3-64 hash of the body (`u64`)               |
//! | 28..    | the body: postcard encoding of the evidence        |
//!
//! A newer version is refused before the body is read; the length and hash make a cut or damaged file
//! an error rather than wrong evidence, and decoding never panics.

use super::{CorpusEvidence, EVIDENCE_VERSION};
use std::path::Path;

/// What every binary evidence file starts with.
pub const MAGIC: [u8; 8] = *b"KGEVID\0\x1a";

const HEADER_LENGTH: usize = 28;

/// Why a binary evidence file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BinaryEvidenceError {
    #[error("it is cut short ({found} bytes where its header promises {expected})")]
    Cut { found: u64, expected: u64 },
    #[error("it is damaged (its contents do not match the hash in its header)")]
    Damaged,
    #[error("its contents do not decode: {message}")]
    Decode { message: String },
    #[error("evidence of format version {found}; this kg reads version {EVIDENCE_VERSION}")]
    Version { found: u32 },
}

/// Whether evidence saved to `path` is written binary: its name ends in `.kgb` or `.bin`.
pub fn names_binary(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            extension.eq_ignore_ascii_case("kgb") || extension.eq_ignore_ascii_case("bin")
        })
}

/// Whether `bytes` are a binary evidence file (by its magic).
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// The bytes of the binary evidence file of `evidence`.
///
/// # Errors
/// When postcard cannot encode it (plain maps, sets, strings and numbers: not expected).
pub fn encode(evidence: &CorpusEvidence) -> Result<Vec<u8>, postcard::Error> {
    let mut bytes = Vec::with_capacity(HEADER_LENGTH);
    bytes.extend_from_slice(&MAGIC);
    bytes.extend_from_slice(&EVIDENCE_VERSION.to_le_bytes());
    // The body's length and hash, filled in once it is written.
    bytes.extend_from_slice(&[0; 16]);
    let mut bytes = postcard::to_extend(evidence, bytes)?;
    let length = (bytes.len() - HEADER_LENGTH) as u64;
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes[HEADER_LENGTH..]);
    bytes[12..20].copy_from_slice(&length.to_le_bytes());
    bytes[20..28].copy_from_slice(&hash.to_le_bytes());
    Ok(bytes)
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The evidence in `bytes`, which start with [`MAGIC`].
///
/// # Errors
/// When the file is cut short, damaged, of another version, or does not decode.
pub fn decode(bytes: &[u8]) -> Result<CorpusEvidence, BinaryEvidenceError> {
    let found = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    let cut = |expected| BinaryEvidenceError::Cut { found, expected };
    if bytes.len() < 12 {
        return Err(cut(HEADER_LENGTH as u64));
    }
    let mut version = [0; 4];
    version.copy_from_slice(&bytes[8..12]);
    let version = u32::from_le_bytes(version);
    if version != EVIDENCE_VERSION {
        return Err(BinaryEvidenceError::Version { found: version });
    }
    if bytes.len() < HEADER_LENGTH {
        return Err(cut(HEADER_LENGTH as u64));
    }
    let length = read_u64(bytes, 12);
    let expected = length.saturating_add(HEADER_LENGTH as u64);
    if found != expected {
        return Err(cut(expected));
    }
    let body = &bytes[HEADER_LENGTH..];
    if xxhash_rust::xxh3::xxh3_64(body) != read_u64(bytes, 20) {
        return Err(BinaryEvidenceError::Damaged);
    }
    postcard::from_bytes(body).map_err(|error| BinaryEvidenceError::Decode {
        message: error.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::corpus_wide::{EvidenceStep, MentionPosition, NameEvidence, NameKey};

    fn evidence() -> CorpusEvidence {
        let mut evidence = CorpusEvidence::empty(EvidenceStep::Names, 3);
        evidence.documents.insert(1, "b.txt".to_string());
        evidence.lowercase_words.insert("border".to_string());
        let first = MentionPosition {
            document: 1,
            mention: 0,
        };
        let mut name = NameEvidence::new(first);
        name.surfaces.insert("Haddad".to_string(), 2);
        evidence
            .names
            .insert(NameKey::Surface("haddad".to_string()), name);
        evidence
            .names
            .insert(NameKey::Lexicon(7), NameEvidence::new(first));
        evidence
    }

    #[test]
    fn evidence_comes_back_as_it_was_saved() {
        let evidence = evidence();
        let bytes = encode(&evidence).unwrap();
        assert!(is_binary(&bytes));
        assert_eq!(decode(&bytes), Ok(evidence));
    }

    /// Each way a file can go wrong, and what reading it says.
    #[test]
    fn cut_damaged_and_newer_files_are_refused() {
        let bytes = encode(&evidence()).unwrap();
        let mut damaged = bytes.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        let mut newer = bytes.clone();
        newer[8..12].copy_from_slice(&(EVIDENCE_VERSION + 1).to_le_bytes());
        let mut undecodable = bytes[..HEADER_LENGTH].to_vec();
        undecodable.extend_from_slice(&[0xff; 4]);
        undecodable[12..20].copy_from_slice(&4_u64.to_le_bytes());
        let hash = xxhash_rust::xxh3::xxh3_64(&[0xff; 4]);
        undecodable[20..28].copy_from_slice(&hash.to_le_bytes());
        let length = bytes.len() as u64;
        let cases: Vec<(&str, Vec<u8>, String)> = vec![
            (
                "cut in the body",
                bytes[..bytes.len() - 3].to_vec(),
                format!(
                    "it is cut short ({} bytes where its header promises {length})",
                    length - 3
                ),
            ),
            (
                "cut in the header",
                bytes[..20].to_vec(),
                "it is cut short (20 bytes where its header promises 28)".to_string(),
            ),
            (
                "cut in the magic",
                bytes[..8].to_vec(),
                "it is cut short (8 bytes where its header promises 28)".to_string(),
            ),
            (
                "damaged",
                damaged,
                "it is damaged (its contents do not match the hash in its header)".to_string(),
            ),
            (
                "newer",
                newer,
                format!(
                    "evidence of format version {}; this kg reads version {EVIDENCE_VERSION}",
                    EVIDENCE_VERSION + 1
                ),
            ),
        ];
        for (name, bytes, expected) in cases {
            let error = decode(&bytes).unwrap_err();
            assert_eq!(error.to_string(), expected, "{name}");
        }
        let error = decode(&undecodable).unwrap_err();
        assert!(
            matches!(error, BinaryEvidenceError::Decode { .. }),
            "{error}"
        );
    }

    #[test]
    fn kgb_and_bin_names_are_binary() {
        for (name, binary) in [
            ("names.kgb", true),
            ("names.BIN", true),
            ("names.ron", false),
            ("names", false),
        ] {
            assert_eq!(names_binary(Path::new(name)), binary, "{name}");
        }
    }
}
