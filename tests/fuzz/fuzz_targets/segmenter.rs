//! Fuzzes the sentence segmenter and the tokenizer: any text splits into sentences whose spans lie in
//! order inside the text on char boundaries, and each sentence tokenizes into tokens inside it.
#![no_main]

use kgraph::text::{segment_sentences, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut previous_end = 0;
    for sentence in segment_sentences(text) {
        let span = sentence.span;
        assert!(previous_end <= span.start && span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        previous_end = span.end;
        for token in tokenize(text, span) {
            assert!(span.start <= token.span.start && token.span.end <= span.end);
            assert!(text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end));
        }
    }
});
