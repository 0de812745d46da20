//! Pass 2: each sentence's mentions, found by [`crate::extract::mention`], as candidates for alias
//! resolution.

use super::Corpus;
use super::aliases::{
    Candidate, NameContext, PersonCue, kinds_from_neighbours, leading_pronoun, mark_person_cues,
    may_be_person,
};
use super::non_prose::stated_in;
use super::sentences::Sentences;
use crate::extract::mention::{CorpusVocabulary, MentionFinder, MentionSource};
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
    let mut candidates: Vec<Candidate<'t>> = Vec::new();
    let mut counts = Vec::with_capacity(range.len());
    let mut tokens = Vec::new();
    let mut finder = MentionFinder::new(corpus.lexicon, vocabulary);
    finder.set_cased_headlines(corpus.cased_headlines(document));
    finder.set_document(corpus.text(document));
    let mut mentions = Vec::new();
    let mut stated = Vec::new();
    let mut cues = Vec::new();
    let datelines = corpus.datelines(document);
    for index in range {
        let sentence = &sentences.all[index];
        let text = corpus.text(sentence.document);
        sentences.tokens_into(index, &mut tokens);
        finder.find(text, &tokens, &mut mentions);
        kinds_from_neighbours(text, &tokens, &mut mentions);
        let fragment = sentence.kind == SentenceKind::Fragment;
        cues.clear();
        cues.resize(mentions.len(), PersonCue::None);
        if !fragment {
            mark_person_cues(text, &tokens, &mentions, &mut cues);
            // "… Lena Okafor. He left": a pronoun before every name of a sentence speaks of the
            // last name of the sentence before (looked for last: it reads the sentence's words).
            if let Some(previous) = candidates.last_mut()
                && previous.sentence + 1 == index
                && !previous.fragment
                && may_be_person(&previous.mention)
                && leading_pronoun(text, &tokens, &mentions)
            {
                previous.person_cue = previous.person_cue.max(PersonCue::Pronoun);
            }
        }
        stated.clear();
        if fragment {
            stated_in(text, &tokens, &mentions, datelines, &mut stated);
        } else {
            stated.resize(mentions.len(), None);
        }
        counts.push(mentions.len());
        candidates.extend(mentions.drain(..).zip(&stated).zip(&cues).map(
            |((mut mention, stated), &cue)| {
                if let Some(stated) = stated {
                    // Where the line states it, a name alone at its start is no weaker evidence.
                    mention.sentence_initial = false;
                    if let Some(kind) = stated.kind()
                        && mention.source == MentionSource::Phrase
                    {
                        mention.kind = Some(kind);
                    }
                }
                let person_cue = if may_be_person(&mention) {
                    cue
                } else {
                    PersonCue::None
                };
                Candidate {
                    document: sentence.document,
                    sentence: index,
                    surface: mention.span.slice(text),
                    context: NameContext::of_mention(
                        text,
                        &tokens,
                        mention.tokens.0,
                        mention.tokens.1,
                    ),
                    mention,
                    fragment: fragment && stated.is_none(),
                    person_cue,
                }
            },
        ));
    }
    (candidates, counts)
}
