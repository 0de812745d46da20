//! The syntactic layer: part-of-speech tags and lemmas for a sentence's tokens, the base that chunks,
//! clauses and relation rules over sentence structure stand on (issue 19).
//!
//! - [`tag`]: the Penn Treebank tags ([`Tag`]) and the Universal tags they map to ([`UniversalTag`]).
//! - [`tagger`]: the [`Tagger`], a greedy averaged-perceptron tagger with a lemmatiser, read from the
//!   model shipped in `data/tagger/` (learned from spaCy's tags of the State of the Union addresses;
//!   provenance in `data/tagger/README`).
//! - `features`: what the tagger reads of a word in its sentence, shared by tagging and training.
//! - [`tagged_sentence`]: a sentence's tokens with their tags and lemmas ([`TaggedSentence`]), as the
//!   relation rules read them: tagged once per sentence that has mentions of two entities or more,
//!   the first time a rule asks for the sentence's structure.
//! - [`word_class`]: a tagged word's class as phrases and clauses see it ([`WordClass`]).
//! - [`chunker`]: noun phrases, verb groups and prepositional phrases ([`Chunk`]), by nom parsers
//!   over the word classes (`class_input` makes them a nom input).
//! - [`clause_splitter`]: main, coordinate, subordinate, relative, participial and reported clauses
//!   ([`Clause`]) with their subject, verb group, object and negation.
//! - [`sentence_structure`]: the three read together for one sentence ([`SentenceStructure`]).
//! - [`lemmatizer`]: learned suffix rules and exceptions from a word and its tag to its lemma.
//! - [`training`]: the averaged perceptron's training, which `examples/train_tagger.rs` runs.
//! - [`model_file`]: the model file's format and its errors.
//! - [`parser`]: the dependency [`Parser`], greedy arc-hybrid transitions
//!   ([`transition_system`]) chosen by an averaged perceptron (`parser_features` says what it
//!   reads), each arc then labelled ([`DependencyLabel`]); it gives a [`Parse`] of tagged words.
//!   Its model is shipped in `data/parser/` ([`parser_model_file`]), learned by
//!   [`parser_training`] (which `examples/train_parser.rs` runs) from spaCy's parses.
//! - [`conllu`] and [`alignment`]: reading the silver data (CoNLL-U with byte spans) and lining its
//!   tokens up with the project's, for training and for measuring agreement.

pub mod alignment;
pub mod chunk;
pub mod chunker;
mod class_input;
pub mod clause;
pub mod clause_splitter;
pub mod conllu;
pub mod dependency_label;
mod features;
pub mod lemmatizer;
pub mod model_file;
pub mod parse;
pub mod parser;
mod parser_features;
pub mod parser_model_file;
pub mod parser_training;
pub mod sentence_structure;
pub mod tag;
pub mod tagged_sentence;
pub mod tagger;
#[cfg(test)]
mod test_support;
pub mod training;
pub mod transition_system;
pub mod word_class;

pub use chunk::{Chunk, ChunkKind, VerbGroup};
pub use clause::{Clause, ClauseKind};
pub use dependency_label::DependencyLabel;
pub use lemmatizer::Lemmatizer;
pub use model_file::{ModelError, ModelFile};
pub use parse::Parse;
pub use parser::{Parser, ParserScratch};
pub use parser_model_file::{ParserModelError, ParserModelFile};
pub use sentence_structure::SentenceStructure;
pub use tag::{Tag, UniversalTag};
pub use tagged_sentence::TaggedSentence;
pub use tagger::{Tagger, TaggerScratch};
pub use word_class::WordClass;
