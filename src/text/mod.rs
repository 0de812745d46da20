//! The text stage: load documents, drop page furniture, split sentences and tokens.
//!
//! Everything here is a pure function over `&str` that returns byte spans into that same string, so later
//! stages can always point back at the original text.

mod abbreviation;
pub mod document;
pub mod furniture;
pub mod sentence;
pub mod shard;
pub mod token;

pub use document::{
    Document, DocumentError, DocumentSource, list_documents, load_documents, read_documents,
};
pub use sentence::{Sentence, SentenceKind, segment_sentences};
pub use shard::Shard;
pub use token::{Token, TokenKind, prepare_tokenizer, tokenize, tokenize_into};
