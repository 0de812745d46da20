//! Fuzzes the mention finder over the embedded lexicon: any text's mentions have spans inside the text
//! on char boundaries, and token ranges inside their sentence.
#![no_main]

use kgraph::extract::Lexicon;
use kgraph::extract::mention::{CorpusVocabulary, MentionFinder};
use kgraph::text::{segment_sentences, tokenize};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::embedded().expect("the embedded lexicon loads"))
}

fuzz_target!(|text: &str| {
    let sentences: Vec<_> = segment_sentences(text)
        .into_iter()
        .map(|sentence| tokenize(text, sentence.span))
        .collect();
    let mut vocabulary = CorpusVocabulary::default();
    for tokens in &sentences {
        vocabulary.add_tokens(text, tokens);
    }
    let mut finder = MentionFinder::new(lexicon(), &vocabulary);
    let mut mentions = Vec::new();
    for tokens in &sentences {
        finder.find(text, tokens, &mut mentions);
        for mention in &mentions {
            let span = mention.span;
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(mention.tokens.0 <= mention.tokens.1 && mention.tokens.1 <= tokens.len());
        }
    }
});
