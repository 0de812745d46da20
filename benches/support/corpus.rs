//! The corpus the ingest benches read.

use kgraph::text::{Document, load_documents};
use std::path::PathBuf;

/// The corpus of the ingest benches: `KG_BENCH_CORPUS` if set, else the repository's data/.
pub fn corpus() -> (PathBuf, Vec<Document>) {
    let path = std::env::var_os("KG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"));
    let documents = match load_documents(std::slice::from_ref(&path)) {
        Ok(documents) => documents,
        Err(error) => panic!("cannot read the bench corpus {}: {error}", path.display()),
    };
    (path, documents)
}
