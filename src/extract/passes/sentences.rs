//! Pass 1: each document cut into sentences and tokens, the tokens kept for the later passes, and the
//! corpus's lower-case vocabulary (kept to the words the mention finder may ask about) read from them.

use super::Corpus;
use super::kept_tokens::{DocumentTokens, KeptTokens, expand};
use crate::extract::lexicon::{Lexicon, WordBuildHasher};
use crate::extract::mention::{AskedWords, CorpusVocabulary, LowercaseMarks};
use crate::model::Span;
use crate::text::{SentenceKind, Token, segment_sentences, tokenize_into};
use std::ops::Range;

/// A sentence, kept between the passes: its tokens are kept in its document's [`DocumentTokens`].
pub(super) struct SentenceTokens {
    pub(super) document: usize,
    pub(super) span: Span,
    pub(super) kind: SentenceKind,
    tokens: KeptTokens,
}

/// The sentences of a corpus, document after document.
pub(super) struct Sentences {
    pub(super) all: Vec<SentenceTokens>,
    /// Each document's sentences, as a range of `all`.
    pub(super) of_document: Vec<Range<usize>>,
    /// Each document's kept tokens.
    pub(super) tokens: Vec<DocumentTokens>,
}

impl Sentences {
    /// The tokens of sentence `index`, into `out` (cleared first).
    pub(super) fn tokens_into(&self, index: usize, out: &mut Vec<Token>) {
        out.clear();
        if let Some(sentence) = self.all.get(index)
            && let Some(document_tokens) = self.tokens.get(sentence.document)
        {
            document_tokens.tokens_into(sentence.span.start, &sentence.tokens, out);
        }
    }
}

/// The words the mention finder may ask the vocabulary about, as keys.
type AskedKeys = std::collections::HashSet<String, WordBuildHasher>;

/// Pass 1: the sentences and tokens of every document, and the words the mention finder may ask the
/// vocabulary about.
pub(super) fn read_sentences(corpus: &Corpus<'_>) -> (Sentences, AskedWords) {
    corpus.start_pass("sentences");
    let per_document = corpus.each_document(|document| split_document(corpus, document));
    let mut all = Vec::with_capacity(per_document.iter().map(|(s, _, _)| s.len()).sum());
    let mut of_document = Vec::with_capacity(per_document.len());
    let mut tokens = Vec::with_capacity(per_document.len());
    let mut asked = Vec::with_capacity(per_document.len());
    for (sentences, document_tokens, keys) in per_document {
        let start = all.len();
        all.extend(sentences);
        of_document.push(start..all.len());
        tokens.push(document_tokens);
        asked.push(keys);
    }
    let sentences = Sentences {
        all,
        of_document,
        tokens,
    };
    (sentences, asked_words(asked, corpus.lexicon))
}

/// One document's sentences, their kept tokens, and the words the finder may ask about in them.
fn split_document(
    corpus: &Corpus<'_>,
    document: usize,
) -> (Vec<SentenceTokens>, DocumentTokens, AskedKeys) {
    let text = corpus.text(document);
    let mut asked = AskedKeys::default();
    let mut document_tokens = DocumentTokens::for_text(text);
    let mut tokens = Vec::new();
    let sentences = segment_sentences(text)
        .into_iter()
        .map(|sentence| {
            tokenize_into(text, sentence.span, &mut tokens);
            CorpusVocabulary::asked_keys(text, &tokens, corpus.lexicon, &mut asked);
            SentenceTokens {
                document,
                span: sentence.span,
                kind: sentence.kind,
                tokens: document_tokens.keep(sentence.span.start, &tokens),
            }
        })
        .collect();
    (sentences, document_tokens, asked)
}

/// The documents' asked words together, with the lexicon's head nouns.
fn asked_words(per_document: Vec<AskedKeys>, lexicon: &Lexicon) -> AskedWords {
    use rayon::prelude::*;
    // A set of words: the order the documents' sets are merged in makes no difference.
    let asked = per_document
        .into_par_iter()
        .reduce(AskedKeys::default, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            a.extend(b);
            a
        });
    AskedWords::new(
        asked
            .into_iter()
            .chain(lexicon.head_noun_keys().map(str::to_string)),
    )
}

/// Which of the `asked` words the corpus writes in lower case, read sentence by sentence (a kept
/// token's start is an offset from its sentence's).
pub(super) fn lowercase_marks(
    corpus: &Corpus<'_>,
    sentences: &Sentences,
    asked: &AskedWords,
) -> LowercaseMarks {
    use rayon::prelude::*;
    // One set of marks per piece of work rather than per document: the documents are many, the asked
    // words thousands, and a word found in one document is turned away at once in the next.
    corpus
        .longest_first
        .par_iter()
        .fold(
            || asked.marks(),
            |mut marks, &document| {
                let (text, kept) = (corpus.text(document), &sentences.tokens[document]);
                let range = sentences.of_document[document].clone();
                for sentence in &sentences.all[range] {
                    let (compact, whole) = kept.parts(&sentence.tokens);
                    let start = sentence.span.start;
                    let expanded = compact.iter().map(|&t| expand(start, t));
                    asked.mark_lowercase_words(text, expanded, &mut marks);
                    if !whole.is_empty() {
                        asked.mark_lowercase_words(text, whole.iter().copied(), &mut marks);
                    }
                }
                marks
            },
        )
        .reduce(|| asked.marks(), LowercaseMarks::merge)
}

/// Every word the corpus writes in lower case, as [`CorpusVocabulary::add_tokens`] records them: a
/// part of a corpus cannot know which words the other parts' sentences will ask about, so it keeps
/// them all.
pub(super) fn lowercase_words(
    corpus: &Corpus<'_>,
    sentences: &Sentences,
) -> std::collections::BTreeSet<String> {
    use rayon::prelude::*;
    corpus
        .longest_first
        .par_iter()
        .map(|&document| {
            let text = corpus.text(document);
            let mut vocabulary = CorpusVocabulary::default();
            let mut tokens = Vec::new();
            for index in sentences.of_document[document].clone() {
                sentences.tokens_into(index, &mut tokens);
                vocabulary.add_tokens(text, &tokens);
            }
            vocabulary
                .lowercase_words
                .into_iter()
                .map(str::to_string)
                .collect::<std::collections::BTreeSet<String>>()
        })
        .reduce(Default::default, |mut a, mut b| {
            a.append(&mut b);
            a
        })
}
