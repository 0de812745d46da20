//! The tagger's model file: what `data/tagger/model.bin` holds, and how it is read and written.
//!
//! The file is the eight bytes `KGTAGGER`, a format version (a little-endian `u32`), then a
//! [postcard](https://docs.rs/postcard) record ([`ModelFile`]): the tag names, the feature weights
//! (averaged perceptron weights, pruned and quantised to `i16` with one scale), the tag dictionary
//! and the lemmatiser's rules. Reading checks every part, so a corrupt or foreign file is a
//! [`ModelError`], never a panic.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The first bytes of a model file.
pub const MAGIC: &[u8; 8] = b"KGTAGGER";
/// The version of the format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Why a model file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum ModelError {
    /// The file does not start with [`MAGIC`].
    #[error("not a kgraph tagger model (it does not start with \"KGTAGGER\")")]
    NotAModel,
    /// The file is of another format version.
    #[error("tagger model format version {found}, but this build reads version {expected}")]
    Version {
        /// The version the file says.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// The record after the header does not decode.
    #[error("tagger model is corrupt: {0}")]
    Corrupt(String),
    /// The record decodes but says something impossible.
    #[error("tagger model is inconsistent: {0}")]
    Inconsistent(String),
}

/// A lemmatiser rule as stored: for words of tag `tag` ending in `suffix` (lower case), strip
/// `strip` characters and append `append`; `keep_case` keeps the word's capitals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LemmaRuleRecord {
    /// The tag's index in [`ModelFile::tags`].
    pub tag: u8,
    /// The ending, lower case (empty: every word of the tag).
    pub suffix: String,
    /// How many characters to strip from the end.
    pub strip: u8,
    /// What to append after stripping.
    pub append: String,
    /// Whether the lemma keeps the word's capitals (proper nouns) or is lower case.
    pub keep_case: bool,
}

/// A lemma learned for one word form and tag, where the rules give another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LemmaExceptionRecord {
    /// The form, lower case, curly apostrophes straight.
    pub form: String,
    /// The tag's index in [`ModelFile::tags`].
    pub tag: u8,
    /// The lemma.
    pub lemma: String,
}

/// The record a model file holds after its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    /// The tag names (Penn Treebank); a tag's number everywhere else is its index here.
    pub tags: Vec<String>,
    /// A stored weight times `scale` is the weight.
    pub scale: f32,
    /// Each feature key with its non-zero weights: (tag index, quantised weight).
    pub features: Vec<(u64, Vec<(u8, i16)>)>,
    /// Words (hashed as written) that always take one tag, with that tag's index.
    pub dictionary: Vec<(u64, u8)>,
    /// The lemmatiser's suffix rules.
    pub lemma_rules: Vec<LemmaRuleRecord>,
    /// The lemmatiser's exceptions.
    pub lemma_exceptions: Vec<LemmaExceptionRecord>,
}

impl ModelFile {
    /// The bytes of the file: header and record.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        postcard::to_extend(self, bytes).map_err(|error| ModelError::Corrupt(error.to_string()))
    }

    /// Reads a file's bytes, checking the header, the record and that every tag index is a tag.
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelFile, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::NotAModel)?;
        let (version, record) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| ModelError::Corrupt("the file ends inside its header".into()))?;
        let found = u32::from_le_bytes(*version);
        if found != FORMAT_VERSION {
            return Err(ModelError::Version {
                found,
                expected: FORMAT_VERSION,
            });
        }
        let (model, trailing): (ModelFile, _) = postcard::take_from_bytes(record)
            .map_err(|error| ModelError::Corrupt(error.to_string()))?;
        if !trailing.is_empty() {
            return Err(ModelError::Corrupt(format!(
                "{} bytes after the end of the model",
                trailing.len()
            )));
        }
        model.check()?;
        Ok(model)
    }

    /// Every tag index names a tag, and the scale is a number.
    fn check(&self) -> Result<(), ModelError> {
        let count = self.tags.len();
        if count == 0 || count > usize::from(u8::MAX) {
            return Err(ModelError::Inconsistent(format!("{count} tags")));
        }
        if !self.scale.is_finite() || self.scale <= 0.0 {
            return Err(ModelError::Inconsistent(format!(
                "weight scale {}",
                self.scale
            )));
        }
        let bad_tag = |tag: u8| usize::from(tag) >= count;
        let feature_tags = self
            .features
            .iter()
            .flat_map(|(_, w)| w.iter().map(|w| w.0));
        let tags = feature_tags
            .chain(self.dictionary.iter().map(|entry| entry.1))
            .chain(self.lemma_rules.iter().map(|rule| rule.tag))
            .chain(self.lemma_exceptions.iter().map(|exception| exception.tag));
        for tag in tags {
            if bad_tag(tag) {
                return Err(ModelError::Inconsistent(format!(
                    "tag number {tag}, but the model has {count} tags"
                )));
            }
        }
        Ok(())
    }
}
