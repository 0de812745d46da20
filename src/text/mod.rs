//! The text stage: from the paths a user gives to documents, and from a document's text to sentences
//! and tokens.
//!
//! - [`document`] finds the `.txt` and `.md` files under the paths (directories walked recursively, in
//!   sorted order) and decodes them (UTF-8, or UTF-16 with a byte-order mark). It is the only part of the
//!   stage that touches the file system.
//! - [`shard`] says which of N parts of a corpus a document belongs to, from its name (`kg build --shard`).
//! - [`furniture`] recognises page furniture (menus, stamps, labels, lines in another script) by general
//!   rules.
//! - [`sentence`] splits a document into sentences, passing over furniture lines; a private
//!   `abbreviation` module says which full stops end no sentence.
//! - [`token`] splits a sentence into words, numbers, possessive endings and punctuation.
//!
//! Once a document is decoded its text is never changed: furniture is passed over, not cut out, and
//! sentences and tokens are byte [`Span`](crate::model::Span)s into that same string, so later stages can
//! always point back at the original text.

mod abbreviation;
pub mod document;
pub mod furniture;
pub mod sentence;
pub mod shard;
pub mod token;

pub use document::{
    Document, DocumentError, DocumentListing, DocumentSource, DocumentWarning, list_documents,
    load_documents, read_documents,
};
pub use sentence::{Sentence, SentenceKind, segment_sentences};
pub use shard::Shard;
pub use token::{Token, TokenKind, prepare_tokenizer, tokenize, tokenize_into};
