//! Pass 2: each sentence's mentions, found by [`crate::extract::mention`], as candidates for alias
//! resolution.

use super::Corpus;
use super::aliases::{Candidate, NameContext, kinds_from_neighbours};
use super::sentences::Sentences;
use crate::extract::mention::{CorpusVocabulary, MentionFinder};
use crate::text::SentenceKind;
use std::ops::Range;

/// The mentions of a corpus, document after document and sentence after sentence.
pub(super) struct Candidates<'t> {
    pub(super) all: Vec<Candidate<'t>>,
    /// Each sentence's mentions, as a range of `all`.
    pub(super) of_sentence: Vec<Range<usize>>,
    /// Each document's mentions, as a range of `all`.
    pub(super) of_document: Vec<Range<usize>>,
}

/// Pass 2: the mentions of every sentence.
pub(super) fn find_candidates<'t>(
    corpus: &Corpus<'t>,
    sentences: &Sentences,
    vocabulary: &CorpusVocabulary<'_>,
) -> Candidates<'t> {
    corpus.start_pass("mentions");
    let per_document = corpus
        .each_document(|document| document_candidates(corpus, sentences, vocabulary, document));
    let mut all: Vec<Candidate> =
        Vec::with_capacity(per_document.iter().map(|(c, _)| c.len()).sum());
    let mut of_sentence = Vec::with_capacity(sentences.all.len());
    let mut of_document = Vec::with_capacity(per_document.len());
    for (found, counts) in per_document {
        let mut start = all.len();
        for count in counts {
            of_sentence.push(start..start + count);
            start += count;
        }
        of_document.push(all.len()..start);
        all.extend(found);
    }
    Candidates {
        all,
        of_sentence,
        of_document,
    }
}

/// One document's candidates, and how many each of its sentences has.
fn document_candidates<'t>(
    corpus: &Corpus<'t>,
    sentences: &Sentences,
    vocabulary: &CorpusVocabulary<'_>,
    document: usize,
) -> (Vec<Candidate<'t>>, Vec<usize>) {
    let range = sentences.of_document[document].clone();
    let mut candidates = Vec::new();
    let mut counts = Vec::with_capacity(range.len());
    let mut tokens = Vec::new();
    let mut finder = MentionFinder::new(corpus.lexicon, vocabulary);
    let mut mentions = Vec::new();
    for index in range {
        let sentence = &sentences.all[index];
        let text = corpus.text(sentence.document);
        sentences.tokens_into(index, &mut tokens);
        finder.find(text, &tokens, &mut mentions);
        kinds_from_neighbours(text, &tokens, &mut mentions);
        counts.push(mentions.len());
        candidates.extend(mentions.drain(..).map(|mention| Candidate {
            document: sentence.document,
            sentence: index,
            surface: mention.span.slice(text),
            context: NameContext::of_mention(text, &tokens, mention.tokens.0, mention.tokens.1),
            mention,
            fragment: sentence.kind == SentenceKind::Fragment,
        }));
    }
    (candidates, counts)
}
