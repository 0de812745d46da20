//! What extraction decides over the whole corpus, as one value that can be gathered per part of the
//! corpus, combined, saved, and decided from: the exchange that makes a sharded build equal the single
//! build byte for byte.
//!
//! # What a single build decides corpus-wide
//!
//! Everything else in [`super::extract_corpus`] is read document by document; these are not:
//!
//! 1. **the lower-case vocabulary**: whether the corpus writes a capitalised sentence-initial word or a
//!    head noun in lower case somewhere ("Government" at a sentence start is a name unless the corpus
//!    writes "government"). It decides which mentions are found at all.
//! 2. **alias resolution**: which key groups of mentions name one entity ("Maliki" in one document and
//!    "Nouri al-Maliki" in another; an acronym defined in one document and used bare in another), and
//!    which groups are no name (only ever sentence-initial, or only in headings). Its rules read each
//!    group's facts ([`NameEvidence`]) and the acronym definitions that join two groups.
//! 3. **each entity's name and kind**: the fullest surface of its groups, and the vote of all its
//!    mentions (then its person, place and acronym evidence), decided with 2.
//! 4. **which lexicon entities the corpus mentions**: a document headed "State of the Union Address"
//!    has its speaker only when the corpus names that speaker somewhere; and names' parts refer to
//!    lexicon entities by their resolved entity. Decided with 2.
//! 5. **what a name says of its owner once** ("name-part" relations): kept from the first document that
//!    says it. This one is settled after extraction, by `kg merge` (`crate::graph::merge`), as each
//!    part keeps its own first.
//!
//! 1 must be known before mentions are found, and 2 to 4 need every mention: so the evidence is
//! gathered in two steps ([`EvidenceStep`]), each over the whole corpus before the next.
//!
//! # The phases of a sharded build
//!
//! ```text
//! kg build CORPUS --shard I/N --phase vocabulary -o vocabulary-I.ron     (each shard)
//! kg names merge vocabulary-*.ron -o vocabulary.ron
//! kg build CORPUS --shard I/N --phase names --names vocabulary.ron -o names-I.ron
//! kg names merge names-*.ron -o names.ron
//! kg build CORPUS --shard I/N --names names.ron -o part-I.kgb            (each shard)
//! kg merge part-*.kgb -o graph.kgb
//! ```
//!
//! A single build runs the same code: it gathers the names evidence of every document, combines it
//! with the same [`CorpusEvidence::combine`], decides aliases and kinds with the same function, and
//! extracts with that decision. (Its vocabulary step is cut short: it keeps only the lower-case words
//! the mention finder can ask about, which answers every question as the whole vocabulary does, see
//! [`crate::extract::mention::AskedWords`]; a shard cannot know which words other shards will ask
//! about, so it gathers all of its own.)
//!
//! Each part of the evidence records the documents it covers by their index in the whole corpus (the
//! order a single build reads them in), so combining refuses a document given twice, and deciding
//! refuses evidence that misses a document: the decision is made only from the whole corpus.
//!
//! A new corpus-wide decision goes here as one more field of [`CorpusEvidence`], gathered with its
//! step, combined in [`CorpusEvidence::combine`] (associatively: any grouping and order of parts gives
//! the same value) and read when deciding.

mod binary_evidence;
mod name_evidence;

pub use binary_evidence::BinaryEvidenceError;
pub use name_evidence::{MentionPosition, NameEvidence, NameKey};

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The version of the evidence file this build writes and reads.
pub const EVIDENCE_VERSION: u32 = 2;

/// Which corpus-wide evidence a file gathers: each step needs the decision of the one before over the
/// whole corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EvidenceStep {
    /// The words the documents write in lower case.
    Vocabulary,
    /// The names the documents mention (found with the corpus's whole vocabulary), for alias
    /// resolution and kinds.
    Names,
}

impl std::fmt::Display for EvidenceStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EvidenceStep::Vocabulary => "vocabulary",
            EvidenceStep::Names => "names",
        })
    }
}

/// The corpus-wide evidence of some documents of a corpus: gathered per part, combined, and, once it
/// covers the whole corpus, what alias resolution, kinds and the vocabulary are decided from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusEvidence {
    pub format_version: u32,
    /// The step gathered.
    pub step: EvidenceStep,
    /// How many documents the whole corpus has.
    pub corpus_documents: u32,
    /// The documents gathered, by their index in the corpus, with their names.
    pub documents: BTreeMap<u32, String>,
    /// The words the corpus writes in lower case: being gathered at the vocabulary step, the whole
    /// corpus's (that the names were found with) at the names step.
    pub lowercase_words: BTreeSet<String>,
    /// The facts of each key group of mentions.
    pub names: BTreeMap<NameKey, NameEvidence>,
    /// Acronyms defined in parentheses, (the acronym's group, the defined phrase's group): each pair
    /// is one entity.
    pub acronym_links: BTreeSet<(NameKey, NameKey)>,
}

/// Why evidence could not be combined or used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    #[error(
        "evidence of format version {found}; this kg reads version {EVIDENCE_VERSION}: gather it again with this kg"
    )]
    Version { found: u32 },
    #[error(
        "evidence of a corpus of {first} documents and of one of {second}: they are not one corpus"
    )]
    OtherCorpus { first: u32, second: u32 },
    #[error(
        "{first} evidence and {second} evidence cannot be combined: combine each step's files alone"
    )]
    OtherStep {
        first: EvidenceStep,
        second: EvidenceStep,
    },
    #[error(
        "document {name:?} (number {index} of the corpus) is in two of the files: each shard's evidence must be given once"
    )]
    DuplicateDocument { index: u32, name: String },
    #[error(
        "names evidence gathered with two different vocabularies: gather every shard's names with the same merged vocabulary"
    )]
    OtherVocabulary,
    #[error("{needed} evidence is needed here, and this is {found} evidence")]
    WrongStep {
        needed: EvidenceStep,
        found: EvidenceStep,
    },
    #[error(
        "the {step} evidence covers {covered} of the corpus's {total} documents (the first missing is {missing:?}): merge every shard's file"
    )]
    Incomplete {
        step: EvidenceStep,
        covered: usize,
        total: u32,
        missing: String,
    },
    #[error(
        "the evidence is of another corpus: its document {index} is {found:?}, and this corpus's is {expected:?}"
    )]
    OtherDocument {
        index: u32,
        found: String,
        expected: String,
    },
}

/// Why an evidence file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceFileError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: not an evidence file: it is not text (a graph goes to kg merge; evidence files are the RON that kg build --phase and kg names merge write)",
        path.display()
    )]
    NotText { path: PathBuf },
    #[error(
        "{}:{line}:{column}: not an evidence file of kg build --phase or kg names merge: {message}",
        path.display()
    )]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: {source}", path.display())]
    Evidence {
        path: PathBuf,
        source: EvidenceError,
    },
    #[error("{}: a binary evidence file, but {source}", path.display())]
    Binary {
        path: PathBuf,
        source: BinaryEvidenceError,
    },
}

impl CorpusEvidence {
    /// No evidence yet, of `step`, for a corpus of `corpus_documents` documents.
    pub fn empty(step: EvidenceStep, corpus_documents: u32) -> CorpusEvidence {
        CorpusEvidence {
            format_version: EVIDENCE_VERSION,
            step,
            corpus_documents,
            documents: BTreeMap::new(),
            lowercase_words: BTreeSet::new(),
            names: BTreeMap::new(),
            acronym_links: BTreeSet::new(),
        }
    }

    /// The evidence of both parts. Associative and commutative: the parts of a corpus combine to the
    /// same value in any grouping and order.
    ///
    /// # Errors
    /// When the parts are of different corpora or steps, share a document, or (names) were gathered
    /// with different vocabularies.
    pub fn combine(self, other: CorpusEvidence) -> Result<CorpusEvidence, EvidenceError> {
        for version in [self.format_version, other.format_version] {
            if version != EVIDENCE_VERSION {
                return Err(EvidenceError::Version { found: version });
            }
        }
        if self.corpus_documents != other.corpus_documents {
            return Err(EvidenceError::OtherCorpus {
                first: self.corpus_documents,
                second: other.corpus_documents,
            });
        }
        if self.step != other.step {
            return Err(EvidenceError::OtherStep {
                first: self.step,
                second: other.step,
            });
        }
        if let Some((&index, name)) = other
            .documents
            .iter()
            .find(|(index, _)| self.documents.contains_key(index))
        {
            return Err(EvidenceError::DuplicateDocument {
                index,
                name: name.clone(),
            });
        }
        if self.step == EvidenceStep::Names && self.lowercase_words != other.lowercase_words {
            return Err(EvidenceError::OtherVocabulary);
        }
        Ok(self.absorb(other))
    }

    /// The evidence of both parts, already known to be of one corpus and step and of disjoint
    /// documents: documents, words, links and names' facts united (the facts by
    /// [`NameEvidence::combine`]).
    pub(crate) fn absorb(mut self, mut other: CorpusEvidence) -> CorpusEvidence {
        if self.names.len() < other.names.len() {
            std::mem::swap(&mut self, &mut other);
        }
        self.documents.append(&mut other.documents);
        if self.step == EvidenceStep::Vocabulary {
            self.lowercase_words.append(&mut other.lowercase_words);
        }
        for (key, name) in other.names {
            match self.names.entry(key) {
                std::collections::btree_map::Entry::Vacant(entry) => {
                    entry.insert(name);
                }
                std::collections::btree_map::Entry::Occupied(mut entry) => {
                    entry.get_mut().combine(name);
                }
            }
        }
        self.acronym_links.append(&mut other.acronym_links);
        self
    }

    /// Checks that this is `step`'s evidence of every document of the corpus named `names` (in
    /// corpus order): only then may it be decided from.
    ///
    /// # Errors
    /// Another step, another corpus, or a document missing.
    pub fn check_whole(&self, step: EvidenceStep, names: &[&str]) -> Result<(), EvidenceError> {
        if self.format_version != EVIDENCE_VERSION {
            return Err(EvidenceError::Version {
                found: self.format_version,
            });
        }
        if self.step != step {
            return Err(EvidenceError::WrongStep {
                needed: step,
                found: self.step,
            });
        }
        if names.len() != self.corpus_documents as usize {
            return Err(EvidenceError::OtherCorpus {
                first: self.corpus_documents,
                second: u32::try_from(names.len()).unwrap_or(u32::MAX),
            });
        }
        for (index, expected) in names.iter().enumerate() {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            match self.documents.get(&index) {
                None => {
                    return Err(EvidenceError::Incomplete {
                        step,
                        covered: self.documents.len(),
                        total: self.corpus_documents,
                        missing: expected.to_string(),
                    });
                }
                Some(found) if found != expected => {
                    return Err(EvidenceError::OtherDocument {
                        index,
                        found: found.clone(),
                        expected: expected.to_string(),
                    });
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The evidence as RON text: one line per document, word and name.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .depth_limit(2)
            .indentor(String::new());
        // Serialising plain maps, sets, strings and numbers cannot fail.
        ron::ser::to_string_pretty(self, config).unwrap_or_default()
    }

    /// Evidence read from RON text; on an error, its line and column (from 1) and what is wrong.
    pub fn from_ron(text: &str) -> Result<CorpusEvidence, (usize, usize, String)> {
        ron::Options::default()
            .with_recursion_limit(32)
            .from_str(text)
            .map_err(|error| {
                (
                    error.span.start.line,
                    error.span.start.col,
                    error.code.to_string(),
                )
            })
    }

    /// The evidence as a binary evidence file's bytes (what [`CorpusEvidence::save`] writes for a
    /// `.kgb` or `.bin` name).
    ///
    /// # Errors
    /// When postcard cannot encode it (plain maps, sets, strings and numbers: not expected).
    pub fn to_binary(&self) -> Result<Vec<u8>, postcard::Error> {
        binary_evidence::encode(self)
    }

    /// Evidence read from a binary evidence file's bytes.
    ///
    /// # Errors
    /// When the bytes are cut short, damaged, of another version, or do not decode.
    pub fn from_binary(bytes: &[u8]) -> Result<CorpusEvidence, BinaryEvidenceError> {
        if !binary_evidence::is_binary(bytes) {
            return Err(BinaryEvidenceError::Decode {
                message: "it does not start as a binary evidence file does".to_string(),
            });
        }
        binary_evidence::decode(bytes)
    }

    /// Writes the evidence to `path` atomically: binary when its name ends in `.kgb` or `.bin`
    /// (quicker to read), RON text otherwise.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), EvidenceFileError> {
        let io_error = |source| EvidenceFileError::Io {
            path: path.to_path_buf(),
            source,
        };
        let bytes = if binary_evidence::names_binary(path) {
            binary_evidence::encode(self).map_err(|error| io_error(std::io::Error::other(error)))?
        } else {
            self.to_ron().into_bytes()
        };
        crate::atomic_file::write_atomically(path, |out| out.write_all(&bytes)).map_err(io_error)
    }

    /// Reads the evidence file at `path`, binary or RON (told apart by the binary file's magic).
    ///
    /// # Errors
    /// When it cannot be read, is not text, does not parse, or is of another format version.
    pub fn load(path: &Path) -> Result<CorpusEvidence, EvidenceFileError> {
        let bytes = std::fs::read(path).map_err(|source| EvidenceFileError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if binary_evidence::is_binary(&bytes) {
            return binary_evidence::decode(&bytes).map_err(|source| match source {
                BinaryEvidenceError::Version { found } => EvidenceFileError::Evidence {
                    path: path.to_path_buf(),
                    source: EvidenceError::Version { found },
                },
                source => EvidenceFileError::Binary {
                    path: path.to_path_buf(),
                    source,
                },
            });
        }
        let text = String::from_utf8(bytes).map_err(|_| EvidenceFileError::NotText {
            path: path.to_path_buf(),
        })?;
        let evidence = CorpusEvidence::from_ron(&text).map_err(|(line, column, message)| {
            EvidenceFileError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        })?;
        if evidence.format_version != EVIDENCE_VERSION {
            return Err(EvidenceFileError::Evidence {
                path: path.to_path_buf(),
                source: EvidenceError::Version {
                    found: evidence.format_version,
                },
            });
        }
        Ok(evidence)
    }
}

/// Which documents of a corpus are read: the whole corpus, or a part of it with each document's
/// index in the whole (the order a single build reads the corpus in).
#[derive(Debug, Clone, Copy)]
pub struct CorpusPart<'a> {
    /// The part's documents, in corpus order.
    pub documents: &'a [crate::text::Document],
    /// Each document's index in the whole corpus.
    pub corpus_index: &'a [u32],
    /// The names of every document of the corpus, in corpus order.
    pub corpus_names: &'a [&'a str],
}
