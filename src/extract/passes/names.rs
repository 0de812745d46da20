//! Pass 3, around alias resolution: each document's mentions gathered into names evidence (the facts
//! of each key group, and the acronym definitions that join two groups), and, once the corpus's
//! evidence is decided into a [`NameTable`], each mention given the entity its key names.

use super::Corpus;
use super::aliases::{Candidate, NameTable, add_candidate, mark_surnames_alone};
use super::mentions::Candidates;
use crate::extract::corpus_wide::{
    CorpusEvidence, EvidenceStep, MentionPosition, NameEvidence, NameKey,
};
use crate::extract::lexicon::WordBuildHasher;
use crate::extract::mention::MentionSource;
use crate::model::surface_key;
use std::collections::HashMap;

/// The names evidence of every document of `corpus`, combined; `corpus_index` gives each document's
/// index in the whole corpus and `corpus_documents` how many that has.
pub(super) fn gather_names(
    corpus: &Corpus<'_>,
    candidates: &Candidates<'_>,
    corpus_index: &[u32],
    corpus_documents: u32,
) -> CorpusEvidence {
    use rayon::prelude::*;
    let empty = || CorpusEvidence::empty(EvidenceStep::Names, corpus_documents);
    // Evidence is a sum: the documents' parts add up to the same in any grouping.
    (0..corpus.documents.len())
        .into_par_iter()
        .map(|document| {
            let mut evidence = empty();
            let index = corpus_index.get(document).copied().unwrap_or(u32::MAX);
            evidence
                .documents
                .insert(index, corpus.documents[document].name.clone());
            let range = candidates.of_document[document].clone();
            document_names(&candidates.all[range], index, &mut evidence);
            evidence
        })
        .reduce(empty, CorpusEvidence::absorb)
}

/// The key groups' facts and the acronym links of one document's candidates (in order), the document
/// being number `index` of the corpus.
fn document_names(candidates: &[Candidate<'_>], index: u32, evidence: &mut CorpusEvidence) {
    let keys = document_keys(candidates);
    let mut names: HashMap<&NameKey, NameEvidence, WordBuildHasher> = HashMap::default();
    let mut first_of_sentence = 0;
    for (number, (candidate, key)) in candidates.iter().zip(&keys).enumerate() {
        let at = MentionPosition {
            document: index,
            mention: u32::try_from(number).unwrap_or(u32::MAX),
        };
        if number > 0 && candidates[number - 1].sentence != candidate.sentence {
            first_of_sentence = number;
        }
        let name = names.entry(key).or_insert_with(|| NameEvidence::new(at));
        add_candidate(name, candidate, at);
        // An acronym defined in parentheses names the mention it follows in its sentence.
        if let MentionSource::AcronymDefinition { defines } = candidate.mention.source
            && let Some(defined) = keys.get(first_of_sentence + defines)
        {
            evidence
                .acronym_links
                .insert((key.clone(), defined.clone()));
        }
    }
    mark_surnames_alone(&mut names);
    for (key, name) in names {
        evidence.names.insert(key.clone(), name);
    }
}

/// Each candidate's name key: its lexicon entity, or its spelling's surface key (made once per
/// spelling).
fn document_keys(candidates: &[Candidate<'_>]) -> Vec<NameKey> {
    let mut key_of_spelling: HashMap<&str, NameKey, WordBuildHasher> = HashMap::default();
    candidates
        .iter()
        .map(|candidate| match candidate.mention.source {
            MentionSource::Lexicon { entity, .. } => NameKey::Lexicon(entity),
            _ => key_of_spelling
                .entry(candidate.surface)
                .or_insert_with(|| NameKey::Surface(surface_key(candidate.surface)))
                .clone(),
        })
        .collect()
}

/// The entity each candidate names by the table (None for a mention of no name), on every thread.
pub(super) fn assign_entities(
    candidates: &Candidates<'_>,
    table: &NameTable,
) -> Vec<Option<usize>> {
    use rayon::prelude::*;
    let per_document: Vec<Vec<Option<usize>>> = candidates
        .of_document
        .par_iter()
        .map(|range| {
            let mut entity_of_spelling: HashMap<&str, Option<usize>, WordBuildHasher> =
                HashMap::default();
            candidates.all[range.clone()]
                .iter()
                .map(|candidate| match candidate.mention.source {
                    MentionSource::Lexicon { entity, .. } => table.entity_of_lexicon(entity),
                    _ => *entity_of_spelling
                        .entry(candidate.surface)
                        .or_insert_with(|| {
                            table.entity_of_surface_key(&surface_key(candidate.surface))
                        }),
                })
                .collect()
        })
        .collect();
    per_document.into_iter().flatten().collect()
}
