//! Parsing throughput in bytes of text per second, on one thread: the dependency parser over the
//! sentences of a State of the Union address, tokenised and tagged beforehand (the parser takes
//! tagged input), with and without its labeller's work counted apart.
//!
//! The text is `KG_BENCH_TEXT` or, without it, `../shared/corpus-large/sotu/2019_donald_j_trump_r.txt`
//! (an address held out of the parser's training):
//!
//! ```sh
//! cargo bench --bench parser
//! ```

#[path = "support/allocator.rs"]
mod allocator;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kgraph::extract::syntax::{Parse, Parser, ParserScratch, Tagger, TaggerScratch};
use kgraph::text::{segment_sentences, tokenize};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn parser(c: &mut Criterion) {
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
    let parser = match Parser::shipped() {
        Ok(parser) => parser,
        Err(error) => panic!("the shipped parser model does not load: {error}"),
    };
    let mut scratch = TaggerScratch::default();
    let sentences: Vec<_> = segment_sentences(&text)
        .into_iter()
        .map(|sentence| {
            let tokens = tokenize(&text, sentence.span);
            let mut tags = Vec::new();
            tagger.tag_tokens(&text, &tokens, &mut scratch, &mut tags);
            (tokens, tags)
        })
        .collect();
    let tokens: usize = sentences.iter().map(|(tokens, _)| tokens.len()).sum();
    eprintln!(
        "text {}: {} bytes, {} sentences, {tokens} tokens",
        path.display(),
        text.len(),
        sentences.len()
    );

    let mut group = c.benchmark_group("parser");
    group
        .throughput(Throughput::BytesDecimal(text.len() as u64))
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("parse tagged sentences", |b| {
        let (mut scratch, mut parse) = (ParserScratch::default(), Parse::default());
        b.iter(|| {
            for (tokens, tags) in &sentences {
                parser.parse_tokens(&text, tokens, tags, &mut scratch, &mut parse);
                black_box(parse.heads());
            }
        })
    });
    group.bench_function("tag and parse", |b| {
        let (mut parser_scratch, mut parse) = (ParserScratch::default(), Parse::default());
        let (mut tagger_scratch, mut tags) = (TaggerScratch::default(), Vec::new());
        b.iter(|| {
            for (tokens, _) in &sentences {
                tagger.tag_tokens(&text, tokens, &mut tagger_scratch, &mut tags);
                parser.parse_tokens(&text, tokens, &tags, &mut parser_scratch, &mut parse);
                black_box(parse.heads());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parser);
criterion_main!(benches);
