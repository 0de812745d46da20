//! The dependency parser's model file: what `data/parser/model.bin` holds, and how it is read and
//! written.
//!
//! The file is the eight bytes `KGPARSER`, a format version (a little-endian `u32`), then a
//! [postcard](https://docs.rs/postcard) record ([`ParserModelFile`]): the vocabulary of words the
//! features read, the action weights (a table of `2^bucket_bits` rows of three, stored as its
//! non-zero rows), and the labeller's labels and weights. Weights are averaged perceptron weights
//! quantised to `i16` (each model scores by sums, so one scale per table changes no decision).
//! Reading checks every part, so a corrupt or foreign file is a [`ParserModelError`], never a panic.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The first bytes of a parser model file.
pub const PARSER_MAGIC: &[u8; 8] = b"KGPARSER";
/// The version of the format this build reads and writes.
pub const PARSER_FORMAT_VERSION: u32 = 1;
/// The largest action table a model may ask for (`2^24` rows).
pub const MAX_BUCKET_BITS: u8 = 24;

/// Why a parser model file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum ParserModelError {
    /// The file does not start with [`PARSER_MAGIC`].
    #[error("not a kgraph parser model (it does not start with \"KGPARSER\")")]
    NotAModel,
    /// The file is of another format version.
    #[error("parser model format version {found}, but this build reads version {expected}")]
    Version {
        /// The version the file says.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// The record after the header does not decode.
    #[error("parser model is corrupt: {0}")]
    Corrupt(String),
    /// The record decodes but says something impossible.
    #[error("parser model is inconsistent: {0}")]
    Inconsistent(String),
}

/// The record a parser model file holds after its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParserModelFile {
    /// The action table has `2^bucket_bits` rows; a key's row is its top `bucket_bits` bits.
    pub bucket_bits: u8,
    /// The hashes of the words features read as themselves (others read as unknown), sorted.
    pub vocabulary: Vec<u64>,
    /// The non-zero rows of the action table: each row's distance from the previous one (the
    /// first's from row 0), so the list is small.
    pub action_rows: Vec<u32>,
    /// Those rows' weights of `Shift`, `Left` and `Right`, in the same order.
    pub action_weights: Vec<[i16; 3]>,
    /// The labels (spaCy's names); a label's number elsewhere is its index here.
    pub labels: Vec<String>,
    /// The labeller's feature keys with their non-zero weights: (label number, weight).
    pub label_features: Vec<(u64, Vec<(u8, i16)>)>,
}

impl ParserModelFile {
    /// The bytes of the file: header and record.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ParserModelError> {
        let mut bytes = PARSER_MAGIC.to_vec();
        bytes.extend_from_slice(&PARSER_FORMAT_VERSION.to_le_bytes());
        postcard::to_extend(self, bytes)
            .map_err(|error| ParserModelError::Corrupt(error.to_string()))
    }

    /// Reads a file's bytes, checking the header, the record and that every row and label number is
    /// in range.
    pub fn from_bytes(bytes: &[u8]) -> Result<ParserModelFile, ParserModelError> {
        let rest = bytes
            .strip_prefix(PARSER_MAGIC)
            .ok_or(ParserModelError::NotAModel)?;
        let (version, record) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| ParserModelError::Corrupt("the file ends inside its header".into()))?;
        let found = u32::from_le_bytes(*version);
        if found != PARSER_FORMAT_VERSION {
            return Err(ParserModelError::Version {
                found,
                expected: PARSER_FORMAT_VERSION,
            });
        }
        let (model, trailing): (ParserModelFile, _) = postcard::take_from_bytes(record)
            .map_err(|error| ParserModelError::Corrupt(error.to_string()))?;
        if !trailing.is_empty() {
            return Err(ParserModelError::Corrupt(format!(
                "{} bytes after the end of the model",
                trailing.len()
            )));
        }
        model.check()?;
        Ok(model)
    }

    /// The absolute row numbers of [`ParserModelFile::action_rows`], or why they are out of range.
    pub fn absolute_rows(&self) -> Result<Vec<usize>, ParserModelError> {
        let rows = 1u64 << self.bucket_bits.min(MAX_BUCKET_BITS);
        let mut at = 0u64;
        let mut absolute = Vec::with_capacity(self.action_rows.len());
        for (index, &gap) in self.action_rows.iter().enumerate() {
            at += u64::from(gap);
            if at >= rows || (index > 0 && gap == 0) {
                return Err(ParserModelError::Inconsistent(format!(
                    "action row {at} (entry {index}) in a table of {rows} rows"
                )));
            }
            absolute.push(at as usize);
        }
        Ok(absolute)
    }

    /// The table size is in range, rows and weights pair up, and every label number is a label.
    fn check(&self) -> Result<(), ParserModelError> {
        let inconsistent = |what: String| Err(ParserModelError::Inconsistent(what));
        if self.bucket_bits == 0 || self.bucket_bits > MAX_BUCKET_BITS {
            return inconsistent(format!("an action table of 2^{} rows", self.bucket_bits));
        }
        if self.action_rows.len() != self.action_weights.len() {
            return inconsistent(format!(
                "{} action rows but {} rows of weights",
                self.action_rows.len(),
                self.action_weights.len()
            ));
        }
        self.absolute_rows()?;
        let count = self.labels.len();
        if count == 0 || count > 64 {
            return inconsistent(format!("{count} labels"));
        }
        for (_, weights) in &self.label_features {
            if let Some(&(label, _)) = weights
                .iter()
                .find(|(label, _)| usize::from(*label) >= count)
            {
                return inconsistent(format!(
                    "label number {label}, but the model has {count} labels"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> ParserModelFile {
        ParserModelFile {
            bucket_bits: 4,
            vocabulary: vec![7, 9],
            action_rows: vec![1, 2],
            action_weights: vec![[1, -1, 0], [0, 3, -2]],
            labels: vec!["nsubj".into(), "dobj".into()],
            label_features: vec![(5, vec![(0, 4), (1, -4)])],
        }
    }

    #[test]
    fn reads_back_what_it_writes() {
        let model = small();
        let bytes = model.to_bytes().expect("writes");
        assert_eq!(ParserModelFile::from_bytes(&bytes), Ok(model));
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        let good = small().to_bytes().expect("writes");
        let mut version = good.clone();
        version[8] = 9;
        let mut trailing = good.clone();
        trailing.push(0);
        let with = |change: fn(&mut ParserModelFile)| {
            let mut model = small();
            change(&mut model);
            model.to_bytes().expect("writes")
        };
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (
                b"KGTAGGER\x01\0\0\0".to_vec(),
                "not a kgraph parser model (it does not start with \"KGPARSER\")",
            ),
            (
                b"KGPARSER\x01".to_vec(),
                "parser model is corrupt: the file ends inside its header",
            ),
            (
                version,
                "parser model format version 9, but this build reads version 1",
            ),
            (
                good[..good.len() - 3].to_vec(),
                "parser model is corrupt: Hit the end of buffer, expected more data",
            ),
            (
                trailing,
                "parser model is corrupt: 1 bytes after the end of the model",
            ),
            (
                with(|m| m.action_rows = vec![1, 15]),
                "parser model is inconsistent: action row 16 (entry 1) in a table of 16 rows",
            ),
            (
                with(|m| m.bucket_bits = 40),
                "parser model is inconsistent: an action table of 2^40 rows",
            ),
            (
                with(|m| m.action_weights.pop().map_or((), drop)),
                "parser model is inconsistent: 2 action rows but 1 rows of weights",
            ),
            (
                with(|m| m.label_features[0].1.push((2, 1))),
                "parser model is inconsistent: label number 2, but the model has 2 labels",
            ),
        ];
        for (bytes, message) in cases {
            let error = ParserModelFile::from_bytes(&bytes).expect_err(message);
            assert_eq!(error.to_string(), message);
        }
    }
}
