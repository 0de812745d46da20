//! The content hash of a document's text, which tells whether a graph already holds a document.

/// xxh3-64 of the text, in hex: the same text always gets the same hash, whatever the file is called.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}
