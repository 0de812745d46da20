//! The extraction as passes over a corpus, run in order by [`extract_corpus`]:
//!
//! 0. Each document's lines in capitals (headlines, datelines) cased back ([`crate::extract::recase`]);
//!    the passes read the cased text, which is byte for byte as long, so every span is the original's.
//! 1. `sentences`: each document cut into sentences and tokens (kept compact between the passes, see
//!    `kept_tokens`), and the corpus's lower-case vocabulary read from them.
//! 2. `mentions`: each sentence's mentions ([`crate::extract::mention`]), as candidates for pass 3;
//!    `non_prose` says which names a table row, byline or dateline states.
//! 3. `names` and `aliases`: the candidates of every document gathered into names evidence, and the
//!    evidence of the whole corpus resolved into entities, so that "Maliki" in one document can join
//!    "Nouri al-Maliki" in another and every entity is one node.
//! 4. `relations`: each sentence's relations ([`crate::extract::rules`]), read once every
//!    mention knows its entity.
//!
//! Passes 1, 2 and 4 run in parallel over documents on rayon's thread pool, longest document first;
//! their results are put together in document order, so the extraction is the same whatever the number
//! of threads. Pass 3 needs every mention of the corpus and runs once in between. What is decided over
//! the whole corpus (the vocabulary, and pass 3) can also be gathered per part of a corpus, combined
//! and decided ([`gather_vocabulary`], [`gather_names`], [`extract_part`]): see
//! [`crate::extract::corpus_wide`].

mod aliases;
mod kept_tokens;
#[cfg(test)]
mod kind_tests;
mod mentions;
mod names;
mod non_prose;
#[cfg(test)]
mod part_tests;
mod relations;
mod sentences;
#[cfg(test)]
mod tests;

use super::corpus_wide::{CorpusEvidence, CorpusPart, EvidenceError, EvidenceStep};
use super::extraction::{ExtractedEntity, Extraction};
use super::lexicon::Lexicon;
use super::mention::{CorpusVocabulary, EnglishVocabulary};
use super::options::{ExtractOptions, ExtractProgress};
use super::recase::{Recased, recase};
use crate::text::Document;
use aliases::NameTable;
use mentions::Candidates;
use sentences::Sentences;

/// Extracts entities and relations from `documents`, telling `options.observer` how far it has got.
///
/// The corpus-wide decisions are made as a sharded build makes them (see
/// [`crate::extract::corpus_wide`]): the names evidence of every document is gathered, combined and
/// decided into entities, then every document is read with that decision.
pub fn extract_corpus(
    documents: &[Document],
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
) -> Extraction {
    let recased = recase_all(documents, lexicon);
    let corpus = Corpus::new(documents, &recased, lexicon, options);
    let (sentences, asked) = sentences::read_sentences(&corpus);
    let marks = sentences::lowercase_marks(&corpus, &sentences, &asked);
    let vocabulary = asked.vocabulary(&marks);
    let candidates = mentions::find_candidates(&corpus, &sentences, &vocabulary);
    options.observe(ExtractProgress::Step { name: "aliases" });
    let corpus_index: Vec<u32> = (0..documents.len())
        .map(|index| u32::try_from(index).unwrap_or(u32::MAX))
        .collect();
    let count = u32::try_from(documents.len()).unwrap_or(u32::MAX);
    let evidence = names::gather_names(&corpus, &candidates, &corpus_index, count);
    let table = decide_names(&evidence, lexicon);
    read_with_table(&corpus, sentences, candidates, &table)
}

/// The vocabulary evidence of a part of a corpus: every word its documents write in lower case.
pub fn gather_vocabulary(
    part: CorpusPart<'_>,
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
) -> CorpusEvidence {
    let recased = recase_all(part.documents, lexicon);
    let corpus = Corpus::new(part.documents, &recased, lexicon, options);
    let (sentences, _) = sentences::read_sentences(&corpus);
    let mut evidence = CorpusEvidence::empty(EvidenceStep::Vocabulary, corpus_count(&part));
    evidence.documents = documents_of(&part);
    evidence.lowercase_words = sentences::lowercase_words(&corpus, &sentences);
    evidence
}

/// The names evidence of a part of a corpus, its mentions found with `vocabulary`, the vocabulary
/// evidence of the whole corpus.
///
/// # Errors
/// When `vocabulary` is not the whole corpus's vocabulary evidence.
pub fn gather_names(
    part: CorpusPart<'_>,
    vocabulary: &CorpusEvidence,
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
) -> Result<CorpusEvidence, EvidenceError> {
    vocabulary.check_whole(EvidenceStep::Vocabulary, part.corpus_names)?;
    let recased = recase_all(part.documents, lexicon);
    let corpus = Corpus::new(part.documents, &recased, lexicon, options);
    let (sentences, _) = sentences::read_sentences(&corpus);
    let words = corpus_vocabulary(vocabulary);
    let candidates = mentions::find_candidates(&corpus, &sentences, &words);
    let mut evidence =
        names::gather_names(&corpus, &candidates, part.corpus_index, corpus_count(&part));
    evidence.lowercase_words = vocabulary.lowercase_words.clone();
    Ok(evidence)
}

/// Extracts entities and relations from a part of a corpus with the names evidence of the whole
/// corpus: the graphs of the parts, merged, are the single build's graph.
///
/// # Errors
/// When `names` is not the whole corpus's names evidence.
pub fn extract_part(
    part: CorpusPart<'_>,
    names: &CorpusEvidence,
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
) -> Result<Extraction, EvidenceError> {
    names.check_whole(EvidenceStep::Names, part.corpus_names)?;
    let recased = recase_all(part.documents, lexicon);
    let corpus = Corpus::new(part.documents, &recased, lexicon, options);
    let (sentences, _) = sentences::read_sentences(&corpus);
    let words = corpus_vocabulary(names);
    let candidates = mentions::find_candidates(&corpus, &sentences, &words);
    options.observe(ExtractProgress::Step { name: "aliases" });
    let table = decide_names(names, lexicon);
    Ok(read_with_table(&corpus, sentences, candidates, &table))
}

/// The vocabulary the mention finder asks, from the evidence's lower-case words.
fn corpus_vocabulary(evidence: &CorpusEvidence) -> CorpusVocabulary<'_> {
    CorpusVocabulary {
        lowercase_words: evidence
            .lowercase_words
            .iter()
            .map(String::as_str)
            .collect(),
    }
}

/// How many documents the whole corpus has.
fn corpus_count(part: &CorpusPart<'_>) -> u32 {
    u32::try_from(part.corpus_names.len()).unwrap_or(u32::MAX)
}

/// The part's documents by their index in the corpus, with their names.
fn documents_of(part: &CorpusPart<'_>) -> std::collections::BTreeMap<u32, String> {
    part.corpus_index
        .iter()
        .zip(part.documents)
        .map(|(&index, document)| (index, document.name.clone()))
        .collect()
}

/// The decision of the corpus's names evidence: alias resolution, names and kinds.
fn decide_names(evidence: &CorpusEvidence, lexicon: &Lexicon) -> NameTable {
    aliases::resolve_aliases(&evidence.names, &evidence.acronym_links, lexicon)
}

/// The entity each mention names, by the corpus-wide [`NameTable`].
pub(super) struct Resolution<'a> {
    pub(super) table: &'a NameTable,
    /// Each candidate's entity (None for a mention of no name).
    pub(super) assignment: Vec<Option<usize>>,
}

/// Pass 4 and the extraction: each mention's entity by the table, the relations read with them, and
/// the entities the corpus (or part) mentions or relates.
fn read_with_table(
    corpus: &Corpus<'_>,
    sentences: Sentences,
    candidates: Candidates<'_>,
    table: &NameTable,
) -> Extraction {
    use rayon::prelude::*;
    let resolution = Resolution {
        table,
        assignment: names::assign_entities(&candidates, table),
    };
    let per_document = relations::read_relations(corpus, &sentences, &candidates, &resolution);
    let capped_sentences = per_document.iter().map(|(_, capped)| capped).sum();
    let sentence_count = sentences.all.len();
    let mut entities = entities_mentioned(&candidates, &resolution);
    // The sentences' tokens and the candidates are done with: free them on every thread rather than
    // on this one alone, which would make it a serial step.
    sentences.all.into_par_iter().for_each(drop);
    sentences.tokens.into_par_iter().for_each(drop);
    candidates.all.into_par_iter().for_each(drop);
    let mut relations = relations::name_parts_once(per_document);
    // A part of a corpus holds the entities it mentions or relates (a document's speaker can be named
    // only elsewhere), numbered in the table's order; the whole corpus mentions every entity.
    let mut kept: Vec<bool> = entities.iter().map(|e| !e.mentions.is_empty()).collect();
    for relation in &relations {
        kept[relation.subject] = true;
        kept[relation.object] = true;
    }
    if kept.iter().any(|kept| !kept) {
        let mut number = Vec::with_capacity(kept.len());
        let mut next = 0;
        for &keep in &kept {
            number.push(next);
            next += usize::from(keep);
        }
        for relation in &mut relations {
            relation.subject = number[relation.subject];
            relation.object = number[relation.object];
        }
        let mut keep = kept.iter();
        entities.retain(|_| keep.next().copied().unwrap_or(false));
    }
    Extraction {
        entities,
        relations,
        sentence_count,
        capped_sentences,
    }
}

/// The table's entities with the mentions (in candidate order), surfaces and kind votes this corpus
/// gives them.
fn entities_mentioned(
    candidates: &Candidates<'_>,
    resolution: &Resolution<'_>,
) -> Vec<ExtractedEntity> {
    let mut surfaces: Vec<std::collections::BTreeSet<&str>> =
        vec![Default::default(); resolution.table.entities.len()];
    let mut votes: Vec<std::collections::BTreeMap<crate::model::EntityKind, u32>> =
        vec![Default::default(); resolution.table.entities.len()];
    let mut entities: Vec<ExtractedEntity> = resolution
        .table
        .entities
        .iter()
        .map(|entity| ExtractedEntity {
            name: entity.name.clone(),
            kind: entity.kind,
            kind_votes: Vec::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    for (candidate, entity) in candidates.all.iter().zip(&resolution.assignment) {
        if let Some(entity) = *entity {
            entities[entity]
                .mentions
                .push((candidate.document, candidate.mention.span));
            surfaces[entity].insert(candidate.surface);
            // The votes alias resolution counts: a bare acronym's kind only says it is an acronym.
            if let Some(kind) = candidate.mention.kind
                && !aliases::is_bare_acronym(candidate)
            {
                *votes[entity].entry(kind).or_default() += 1;
            }
        }
    }
    for ((entity, surfaces), votes) in entities.iter_mut().zip(surfaces).zip(votes) {
        entity.aliases = surfaces.into_iter().map(str::to_string).collect();
        entity.kind_votes = votes.into_iter().collect();
    }
    entities
}

/// The corpus as the passes see it: its documents, the lexicon, the options, and the order the
/// per-document passes take the documents in.
/// Each document's text with its lines in capitals cased back (pass 0), on every thread.
fn recase_all<'a>(documents: &'a [Document], lexicon: &Lexicon) -> Vec<Recased<'a>> {
    use rayon::prelude::*;
    documents
        .par_iter()
        .map(|d| recase(&d.text, lexicon, EnglishVocabulary::embedded()))
        .collect()
}

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
