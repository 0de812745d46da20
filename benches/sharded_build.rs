//! The cost of the phases of a sharded build (issue 22) against the single build of the same corpus:
//! each phase's work summed over 4 shards run one after another, as one core would do it all.
//!
//! The corpus is `KG_BENCH_CORPUS` (e.g. `../shared/corpus-large/sotu`) or, without it, data/:
//!
//! ```sh
//! KG_BENCH_CORPUS=../shared/corpus-large/sotu cargo bench --bench sharded_build
//! ```
//!
//! `single build` is what the phases are weighed against. The exchange is `gather vocabulary`,
//! `combine vocabulary`, `gather names`, `combine names` and the evidence files' writing and reading
//! (`evidence files`: each shard's two files written and read once, the two merged files written once
//! and read by every shard; in RON, and binary as for a `.kgb` name); then `build parts` and
//! `merge parts` give the graph. Saving and loading the graphs is left out on both sides (see the
//! persist bench).

#[path = "support/allocator.rs"]
mod allocator;

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kgraph::extract::{
    CorpusEvidence, CorpusPart, ExtractOptions, Lexicon, gather_names, gather_vocabulary,
};
use kgraph::graph::{KnowledgeGraph, MergeInput, merge_graphs};
use kgraph::pipeline::{build_graph, build_part};
use kgraph::text::{Document, Shard};
use std::hint::black_box;
use std::time::Duration;

/// How many shards the corpus is cut into.
const SHARDS: usize = 4;

/// One shard's documents, with each one's index in the whole corpus.
struct ShardDocuments {
    documents: Vec<Document>,
    corpus_index: Vec<u32>,
}

impl ShardDocuments {
    fn part<'a>(&'a self, corpus_names: &'a [&'a str]) -> CorpusPart<'a> {
        CorpusPart {
            documents: &self.documents,
            corpus_index: &self.corpus_index,
            corpus_names,
        }
    }
}

fn split(documents: &[Document]) -> Vec<ShardDocuments> {
    (1..=SHARDS)
        .map(|index| {
            let Some(shard) = Shard::new(index, SHARDS) else {
                panic!("{index}/{SHARDS} is a shard");
            };
            let (corpus_index, documents) = documents
                .iter()
                .enumerate()
                .filter(|(_, document)| shard.holds(&document.name))
                .map(|(position, document)| {
                    let Ok(position) = u32::try_from(position) else {
                        panic!("more than 4 billion documents");
                    };
                    (position, document.clone())
                })
                .unzip();
            ShardDocuments {
                documents,
                corpus_index,
            }
        })
        .collect()
}

fn combine(parts: &[CorpusEvidence]) -> CorpusEvidence {
    let mut parts = parts.iter().cloned();
    let Some(first) = parts.next() else {
        panic!("no parts");
    };
    parts.fold(first, |so_far, part| match so_far.combine(part) {
        Ok(combined) => combined,
        Err(error) => panic!("the parts do not combine: {error}"),
    })
}

/// Each shard's RON file written and read once, the merged file written once and read by every
/// shard.
fn write_and_read(parts: &[CorpusEvidence], merged: &CorpusEvidence) {
    let read = |text: &str| match CorpusEvidence::from_ron(text) {
        Ok(evidence) => evidence,
        Err((line, column, error)) => panic!("{line}:{column}: {error}"),
    };
    for part in parts {
        black_box(read(&part.to_ron()));
    }
    let text = merged.to_ron();
    for _ in 0..SHARDS {
        black_box(read(&text));
    }
}

/// The same with binary evidence files (`.kgb`).
fn write_and_read_binary(parts: &[CorpusEvidence], merged: &CorpusEvidence) {
    let write = |evidence: &CorpusEvidence| match evidence.to_binary() {
        Ok(bytes) => bytes,
        Err(error) => panic!("{error}"),
    };
    let read = |bytes: &[u8]| match CorpusEvidence::from_binary(bytes) {
        Ok(evidence) => evidence,
        Err(error) => panic!("{error}"),
    };
    for part in parts {
        black_box(read(&write(part)));
    }
    let bytes = write(merged);
    for _ in 0..SHARDS {
        black_box(read(&bytes));
    }
}

fn sharded_build(c: &mut Criterion) {
    let (path, documents) = corpus::corpus();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let lexicon = match Lexicon::embedded() {
        Ok(lexicon) => lexicon,
        Err(error) => panic!("the embedded lexicon does not load: {error}"),
    };
    let options = ExtractOptions::default();
    let corpus_names: Vec<&str> = documents.iter().map(|d| d.name.as_str()).collect();
    let shards = split(&documents);
    // Each phase's inputs, made once so each bench times its own phase only.
    let vocabulary_parts: Vec<CorpusEvidence> = shards
        .iter()
        .map(|shard| gather_vocabulary(shard.part(&corpus_names), &lexicon, options))
        .collect();
    let vocabulary = combine(&vocabulary_parts);
    let gather_all_names = || -> Vec<CorpusEvidence> {
        shards
            .iter()
            .map(|shard| {
                match gather_names(shard.part(&corpus_names), &vocabulary, &lexicon, options) {
                    Ok(names) => names,
                    Err(error) => panic!("names: {error}"),
                }
            })
            .collect()
    };
    let names_parts = gather_all_names();
    let names = combine(&names_parts);
    let build_all_parts = || -> Vec<KnowledgeGraph> {
        shards
            .iter()
            .map(|shard| {
                let documents = shard.corpus_index.iter().copied();
                let documents = documents.zip(shard.documents.iter().cloned()).collect();
                match build_part(documents, &corpus_names, &names, &lexicon, options) {
                    Ok((graph, _)) => graph,
                    Err(error) => panic!("part: {error}"),
                }
            })
            .collect()
    };
    let parts = build_all_parts();
    eprintln!(
        "corpus {}: {} documents, {bytes} bytes, {SHARDS} shards; evidence files: vocabulary {} bytes \
         of shards, {} merged; names {} bytes of shards, {} merged",
        path.display(),
        documents.len(),
        vocabulary_parts
            .iter()
            .map(|p| p.to_ron().len())
            .sum::<usize>(),
        vocabulary.to_ron().len(),
        names_parts.iter().map(|p| p.to_ron().len()).sum::<usize>(),
        names.to_ron().len(),
    );

    let mut group = c.benchmark_group("sharded build");
    group
        .throughput(Throughput::BytesDecimal(bytes as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("single build", |b| {
        b.iter(|| black_box(build_graph(documents.clone(), &lexicon, options)))
    });
    group.bench_function("gather vocabulary", |b| {
        b.iter(|| {
            for shard in &shards {
                black_box(gather_vocabulary(
                    shard.part(&corpus_names),
                    &lexicon,
                    options,
                ));
            }
        })
    });
    group.bench_function("combine vocabulary", |b| {
        b.iter(|| black_box(combine(&vocabulary_parts)))
    });
    group.bench_function("gather names", |b| b.iter(|| black_box(gather_all_names())));
    group.bench_function("combine names", |b| {
        b.iter(|| black_box(combine(&names_parts)))
    });
    group.bench_function("evidence files", |b| {
        b.iter(|| {
            write_and_read(&vocabulary_parts, &vocabulary);
            write_and_read(&names_parts, &names);
        })
    });
    group.bench_function("evidence files, binary", |b| {
        b.iter(|| {
            write_and_read_binary(&vocabulary_parts, &vocabulary);
            write_and_read_binary(&names_parts, &names);
        })
    });
    group.bench_function("build parts", |b| b.iter(|| black_box(build_all_parts())));
    group.bench_function("merge parts", |b| {
        b.iter(|| {
            let inputs = parts
                .iter()
                .enumerate()
                .map(|(index, graph)| MergeInput {
                    label: format!("part {index}"),
                    graph: graph.clone(),
                })
                .collect();
            black_box(merge_graphs(inputs))
        })
    });
    group.finish();
}

criterion_group!(benches, sharded_build);
criterion_main!(benches);
