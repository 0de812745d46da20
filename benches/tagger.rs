//! Tagging throughput in bytes of text per second, on one thread: the part-of-speech tagger over the
//! tokens of a State of the Union address (tokenised beforehand), the tagger with a lemma for each
//! token, and both as the build does them (`TaggedSentence`, one for the document).
//!
//! The text is `KG_BENCH_TEXT` or, without it, `../shared/corpus-large/sotu/2019_donald_j_trump_r.txt`
//! (an address held out of the tagger's training):
//!
//! ```sh
//! cargo bench --bench tagger
//! ```

#[path = "support/allocator.rs"]
mod allocator;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kgraph::extract::syntax::{TaggedSentence, Tagger, TaggerScratch};
use kgraph::text::{segment_sentences, tokenize};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn tagger(c: &mut Criterion) {
    let path = std::env::var_os("KG_BENCH_TEXT").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/corpus-large/sotu/2019_donald_j_trump_r.txt")
        },
        PathBuf::from,
    );
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => panic!("cannot read the bench text {}: {error}", path.display()),
    };
    let tagger = match Tagger::shipped() {
        Ok(tagger) => tagger,
        Err(error) => panic!("the shipped tagger model does not load: {error}"),
    };
    let sentences: Vec<_> = segment_sentences(&text)
        .into_iter()
        .map(|sentence| tokenize(&text, sentence.span))
        .collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!(
        "text {}: {} bytes, {} sentences, {tokens} tokens",
        path.display(),
        text.len(),
        sentences.len()
    );

    let mut group = c.benchmark_group("tagger");
    group
        .throughput(Throughput::BytesDecimal(text.len() as u64))
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("tag", |b| {
        let (mut scratch, mut tags) = (TaggerScratch::default(), Vec::new());
        b.iter(|| {
            for tokens in &sentences {
                tagger.tag_tokens(&text, tokens, &mut scratch, &mut tags);
                black_box(&tags);
            }
        })
    });
    group.bench_function("tag and lemmatise", |b| {
        let (mut scratch, mut tags) = (TaggerScratch::default(), Vec::new());
        b.iter(|| {
            for tokens in &sentences {
                tagger.tag_tokens(&text, tokens, &mut scratch, &mut tags);
                for (token, &tag) in tokens.iter().zip(&tags) {
                    black_box(tagger.lemma(token.text(&text), tag));
                }
            }
        })
    });
    // As the build tags: a sentence buffer of its own for each document (so nothing remembered
    // from an earlier pass over the text), each token lemmatised into it (no names known here).
    group.bench_function("tagged sentences of a document", |b| {
        b.iter(|| {
            let mut tagged = TaggedSentence::default();
            for tokens in &sentences {
                tagged.tag(tagger, &text, tokens, &[]);
                black_box(tagged.tags());
            }
        })
    });
    group.finish();
    // Tokens per second, from the same text: tokens / bytes times the byte throughput above.
    eprintln!(
        "{:.3} tokens per byte of this text",
        tokens as f64 / text.len() as f64
    );
}

criterion_group!(benches, tagger);
criterion_main!(benches);
