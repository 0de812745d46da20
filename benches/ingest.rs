//! Ingest throughput in bytes per second: sentence segmentation, mention finding, the whole build.
//!
//! The corpus is `KG_BENCH_CORPUS` (e.g. `../shared/corpus-large/sotu`) or, without it, data/:
//!
//! ```sh
//! KG_BENCH_CORPUS=../shared/corpus-large/sotu cargo bench --bench ingest
//! ```
//!
//! The `long line` group finds the mentions of one line of 10,000 to 1,000,000 country names without
//! punctuation (issue 21: 100,000 took 222 s when each name scanned the rest of the line); its time per
//! word stays flat when mention finding is linear:
//!
//! ```sh
//! cargo bench --bench ingest -- "long line"
//! ```

#[path = "support/allocator.rs"]
mod allocator;

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kgraph::extract::ExtractOptions;
use kgraph::extract::Lexicon;
use kgraph::extract::mention::{CorpusVocabulary, MentionFinder};
use kgraph::model::Span;
use kgraph::pipeline::build_graph;
use kgraph::text::{segment_sentences, tokenize};
use std::hint::black_box;
use std::time::Duration;

fn ingest(c: &mut Criterion) {
    let (path, documents) = corpus::corpus();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let lexicon = match Lexicon::embedded() {
        Ok(lexicon) => lexicon,
        Err(error) => panic!("the embedded lexicon does not load: {error}"),
    };
    eprintln!(
        "corpus {}: {} documents, {bytes} bytes",
        path.display(),
        documents.len()
    );
    // Tokenised sentences and the corpus vocabulary, made once for the mention bench.
    let mut vocabulary = CorpusVocabulary::default();
    let sentences: Vec<_> = documents
        .iter()
        .flat_map(|document| {
            segment_sentences(&document.text)
                .into_iter()
                .map(move |sentence| (document, tokenize(&document.text, sentence.span)))
        })
        .collect();
    for (document, tokens) in &sentences {
        vocabulary.add_tokens(&document.text, tokens);
    }

    let mut group = c.benchmark_group("ingest");
    group
        .throughput(Throughput::BytesDecimal(bytes as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("segment sentences", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(segment_sentences(black_box(&document.text)));
            }
        })
    });
    group.bench_function("segment and tokenize", |b| {
        b.iter(|| {
            for document in &documents {
                for sentence in segment_sentences(&document.text) {
                    black_box(tokenize(&document.text, sentence.span));
                }
            }
        })
    });
    group.bench_function("find mentions", |b| {
        let mut finder = MentionFinder::new(&lexicon, &vocabulary);
        let mut mentions = Vec::new();
        b.iter(|| {
            for (document, tokens) in &sentences {
                finder.find(&document.text, tokens, &mut mentions);
                black_box(&mentions);
            }
        })
    });
    group.bench_function("whole build", |b| {
        b.iter(|| {
            black_box(build_graph(
                documents.clone(),
                &lexicon,
                ExtractOptions::default(),
            ))
        })
    });
    // The same on one thread: the throughput per core, and the parallel speed-up by comparison.
    match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
        Ok(one_thread) => {
            group.bench_function("whole build, 1 thread", |b| {
                one_thread.install(|| {
                    b.iter(|| {
                        black_box(build_graph(
                            documents.clone(),
                            &lexicon,
                            ExtractOptions::default(),
                        ))
                    })
                })
            });
        }
        Err(error) => eprintln!("no one-thread pool: {error}"),
    }
    group.finish();
}

/// Mention finding on one line of `words` country names without punctuation, for 10k, 100k and 1M.
fn long_line(c: &mut Criterion) {
    let lexicon = match Lexicon::embedded() {
        Ok(lexicon) => lexicon,
        Err(error) => panic!("the embedded lexicon does not load: {error}"),
    };
    let vocabulary = CorpusVocabulary::default();
    let names = [
        "Iraq", "China", "Turkey", "Iran", "Syria", "Russia", "France", "Egypt",
    ];
    let mut group = c.benchmark_group("long line");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for words in [10_000, 100_000, 1_000_000] {
        let text = names
            .iter()
            .cycle()
            .take(words)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let tokens = tokenize(&text, Span::new(0, text.len()));
        group.throughput(Throughput::Elements(words as u64));
        group.bench_with_input(
            BenchmarkId::new("find mentions", words),
            &tokens,
            |b, tokens| {
                let mut finder = MentionFinder::new(&lexicon, &vocabulary);
                let mut mentions = Vec::new();
                b.iter(|| {
                    finder.find(&text, tokens, &mut mentions);
                    black_box(&mentions);
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, ingest, long_line);
criterion_main!(benches);
