//! The extraction as passes over a corpus, run in order by [`extract_corpus`]:
//!
//! 0. Each document's lines in capitals (headlines, datelines) cased back ([`crate::extract::recase`]);
//!    the passes read the cased text, which is byte for byte as long, so every span is the original's.
//! 1. `sentences`: each document cut into sentences and tokens (kept compact between the passes, see
//!    `kept_tokens`), and the corpus's lower-case vocabulary read from them.
//! 2. `mentions`: each sentence's mentions ([`crate::extract::mention`]), as candidates for pass 3;
//!    `non_prose` says which names a table row, byline or dateline states.
//! 3. `aliases`: the candidates of the whole corpus resolved into entities, so that "Maliki" in one
//!    document can join "Nouri al-Maliki" in another and every entity is one node.
//! 4. `relations`: each sentence's relations ([`crate::extract::rules`]), read once every
//!    mention knows its entity.
//!
//! Passes 1, 2 and 4 run in parallel over documents on rayon's thread pool, longest document first;
//! their results are put together in document order, so the extraction is the same whatever the number
//! of threads. Pass 3 needs every mention of the corpus and runs once in between.

mod aliases;
mod kept_tokens;
#[cfg(test)]
mod kind_tests;
mod mentions;
mod non_prose;
mod relations;
mod sentences;
#[cfg(test)]
mod tests;

use super::extraction::{ExtractedEntity, Extraction};
use super::lexicon::Lexicon;
use super::mention::EnglishVocabulary;
use super::options::{ExtractOptions, ExtractProgress};
use super::recase::{Recased, recase};
use crate::text::Document;

/// Extracts entities and relations from `documents`, telling `options.observer` how far it has got.
pub fn extract_corpus(
    documents: &[Document],
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
) -> Extraction {
    use rayon::prelude::*;
    let recased: Vec<Recased> = documents
        .par_iter()
        .map(|d| recase(&d.text, lexicon, EnglishVocabulary::embedded()))
        .collect();
    let corpus = Corpus::new(documents, &recased, lexicon, options);
    let (sentences, asked) = sentences::read_sentences(&corpus);
    let marks = sentences::lowercase_marks(&corpus, &sentences, &asked);
    let vocabulary = asked.vocabulary(&marks);
    let candidates = mentions::find_candidates(&corpus, &sentences, &vocabulary);
    options.observe(ExtractProgress::Step { name: "aliases" });
    let resolution = aliases::resolve_aliases(&candidates.all, lexicon);
    let per_document = relations::read_relations(&corpus, &sentences, &candidates, &resolution);
    let capped_sentences = per_document.iter().map(|(_, capped)| capped).sum();
    let sentence_count = sentences.all.len();
    // The sentences' tokens and the candidates are done with: free them on every thread rather than
    // on this one alone, which would make it a serial step.
    sentences.all.into_par_iter().for_each(drop);
    sentences.tokens.into_par_iter().for_each(drop);
    candidates.all.into_par_iter().for_each(drop);
    let relations = relations::name_parts_once(per_document);
    Extraction {
        entities: resolution
            .entities
            .into_iter()
            .map(|e| ExtractedEntity {
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                mentions: e.mentions,
            })
            .collect(),
        relations,
        sentence_count,
        capped_sentences,
    }
}

/// The corpus as the passes see it: its documents, the lexicon, the options, and the order the
/// per-document passes take the documents in.
struct Corpus<'a> {
    documents: &'a [Document],
    /// The documents' texts as the passes read them, with their lines in capitals cased back.
    recased: &'a [Recased<'a>],
    lexicon: &'a Lexicon,
    options: ExtractOptions<'a>,
    /// The documents, longest first: each pass then ends on short documents rather than with one
    /// thread on a long one while the others wait.
    longest_first: Vec<usize>,
}

impl<'a> Corpus<'a> {
    fn new(
        documents: &'a [Document],
        recased: &'a [Recased<'a>],
        lexicon: &'a Lexicon,
        options: ExtractOptions<'a>,
    ) -> Self {
        let mut longest_first: Vec<usize> = (0..documents.len()).collect();
        longest_first.sort_by_key(|&document| std::cmp::Reverse(documents[document].text.len()));
        Corpus {
            documents,
            recased,
            lexicon,
            options,
            longest_first,
        }
    }

    /// The text of a document as the passes read it ("" for an index past the end): the document's
    /// text with its lines in capitals cased back, byte for byte as long.
    fn text(&self, document: usize) -> &'a str {
        self.recased.get(document).map_or("", |r| r.text.as_ref())
    }

    /// The document's headlines written in capitals.
    fn cased_headlines(&self, document: usize) -> &'a [crate::model::Span] {
        self.recased.get(document).map_or(&[], |r| &r.headlines)
    }

    /// The place names that open the document's datelines.
    fn datelines(&self, document: usize) -> &'a [crate::model::Span] {
        self.recased.get(document).map_or(&[], |r| &r.datelines)
    }

    /// Tells the observer that the pass `name` over every document starts.
    fn start_pass(&self, name: &'static str) {
        self.options.observe(ExtractProgress::Pass {
            name,
            documents: self.documents.len(),
        });
    }

    /// `work` on each document, on every thread, longest first (one document at a time, so a thread
    /// left without work can take any document not yet started), telling the observer as each is
    /// done; the results in document order.
    fn each_document<T: Send>(&self, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
        use rayon::prelude::*;
        let mut done: Vec<(usize, T)> = self
            .longest_first
            .par_iter()
            .with_max_len(1)
            .map(|&document| {
                let result = work(document);
                self.options.observe(ExtractProgress::DocumentDone);
                (document, result)
            })
            .collect();
        done.sort_unstable_by_key(|&(document, _)| document);
        done.into_iter().map(|(_, result)| result).collect()
    }
}
