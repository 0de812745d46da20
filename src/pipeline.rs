//! The whole build: documents → sentences → mentions → entities and relations → graph.
//!
//! This is the only place that knows every stage; each stage only knows the ones before it.

use crate::extract::{
    CorpusEvidence, CorpusPart, EvidenceError, ExtractOptions, ExtractProgress, Extraction,
    Lexicon, extract_corpus, extract_part,
};
use crate::graph::{
    FoundEntity, FoundRelation, KnowledgeGraph, MergeError, MergeInput, corpus_part_label,
    document_hash, merge_graphs,
};
use crate::text::Document;
use std::collections::HashSet;

/// What a build did, for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildSummary {
    pub documents: usize,
    pub bytes: usize,
    pub sentences: usize,
    pub entities: usize,
    pub relations: usize,
    /// Sentences whose relation pairs were capped (they name or list too many entities).
    pub capped_sentences: usize,
}

/// Builds a graph from documents, telling `options.observer` how far it has got (for a progress bar).
pub fn build_graph(
    documents: Vec<Document>,
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
) -> (KnowledgeGraph, BuildSummary) {
    let extraction = extract_corpus(&documents, lexicon, options);
    graph_and_summary(documents, extraction, options)
}

/// Builds the graph of a part of a corpus (a shard) with the names evidence of the whole corpus
/// (see [`crate::extract::corpus_wide`]): the parts' graphs, merged, are the single build's graph.
///
/// # Arguments
/// * `documents`: the part's documents, in corpus order, each with its index in the corpus.
/// * `corpus_names`: the name of every document of the corpus, in corpus order.
/// * `names`: the names evidence of the whole corpus, combined.
///
/// # Errors
/// When `names` is not the names evidence of every document of this corpus.
pub fn build_part(
    documents: Vec<(u32, Document)>,
    corpus_names: &[&str],
    names: &CorpusEvidence,
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
) -> Result<(KnowledgeGraph, BuildSummary), EvidenceError> {
    let (corpus_index, documents): (Vec<u32>, Vec<Document>) = documents.into_iter().unzip();
    let part = CorpusPart {
        documents: &documents,
        corpus_index: &corpus_index,
        corpus_names,
    };
    let extraction = extract_part(part, names, lexicon, options)?;
    let whole = documents.len() == corpus_names.len();
    let (mut graph, summary) = graph_and_summary(documents, extraction, options);
    // A part says which corpus it belongs to, so that `kg merge` unites its entities by key alone; the
    // whole corpus read with its own names is the single build's graph, which is no part.
    if !whole {
        graph.set_part_of_corpus(Some(corpus_part_label(corpus_names)));
    }
    Ok((graph, summary))
}

/// The graph of an extraction, and the summary of the build.
fn graph_and_summary(
    documents: Vec<Document>,
    extraction: Extraction,
    options: ExtractOptions<'_>,
) -> (KnowledgeGraph, BuildSummary) {
    let bytes = documents.iter().map(|d| d.text.len()).sum();
    let document_count = documents.len();
    options.observe(ExtractProgress::Step { name: "graph" });
    let (sentences, capped_sentences) = (extraction.sentence_count, extraction.capped_sentences);
    let graph = graph_from_extraction(documents, extraction);
    let summary = BuildSummary {
        documents: document_count,
        bytes,
        sentences,
        entities: graph.entity_count(),
        relations: graph.relation_count(),
        capped_sentences,
    };
    (graph, summary)
}

/// How adding documents treats the documents already in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UpdateMode {
    /// Read only the new documents and merge their graph into the saved one, as `kg merge` merges
    /// shards: the cost is in proportion to the new text.
    #[default]
    Incremental,
    /// Read every document again, old and new: exactly the graph a fresh build of all of them gives.
    Rebuild,
}

/// What adding documents to a saved graph did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateSummary {
    /// What was read: the new documents only, or every document for a rebuild.
    pub build: BuildSummary,
    /// The names of the documents added.
    pub added: Vec<String>,
    /// The names of the documents skipped because their text is already in the graph (or earlier in
    /// the same update).
    pub skipped: Vec<String>,
    /// The names of the documents that replaced the graph's document of the same name, whose text
    /// had changed (an edited file): the old version's evidence is gone, not kept beside the new.
    pub replaced: Vec<String>,
}

/// Adds `new_documents` to `graph`, skipping any whose content hash the graph (or an earlier new
/// document) already has.
///
/// A document is identified by its name (its path below the argument it was found under): a new
/// document named as one of the graph's, with other text, is that document edited, and replaces it.
/// The graph keeps no record of which entity or relation came from which document alone, so a
/// replacement reads every document again, as [`UpdateMode::Rebuild`] does.
///
/// Extraction is corpus-level: aliases resolve across documents, and the vocabulary that tells a
/// sentence-initial common word from a name comes from every document. An incremental update reads the
/// new documents as a corpus of their own and merges the two graphs ([`merge_graphs`]), so a name that
/// only the old documents explain (an acronym defined there, say) is resolved as a sharded build would
/// resolve it; [`UpdateMode::Rebuild`] reads everything again and gives exactly a fresh build's graph.
///
/// # Errors
/// Only when the saved graph is inconsistent (a mention or evidence pointing at a document it does not
/// hold), which the merge refuses.
pub fn update_graph(
    graph: KnowledgeGraph,
    new_documents: Vec<Document>,
    lexicon: &Lexicon,
    options: ExtractOptions<'_>,
    mode: UpdateMode,
) -> Result<(KnowledgeGraph, UpdateSummary), MergeError> {
    let mut hashes: HashSet<String> = graph.documents().iter().map(|d| d.hash.clone()).collect();
    let stored_names: HashSet<&str> = graph.documents().iter().map(|d| d.name.as_str()).collect();
    let (mut added, mut skipped, mut replaced) = (Vec::new(), Vec::new(), Vec::new());
    let (mut fresh, mut edited) = (Vec::new(), Vec::new());
    for document in new_documents {
        if !hashes.insert(document_hash(&document.text)) {
            skipped.push(document.name);
        } else if stored_names.contains(document.name.as_str()) {
            replaced.push(document.name.clone());
            edited.push(document);
        } else {
            added.push(document.name.clone());
            fresh.push(document);
        }
    }
    let mode = if edited.is_empty() {
        mode
    } else {
        UpdateMode::Rebuild
    };
    let (graph, build) = match mode {
        UpdateMode::Rebuild => {
            let mut documents: Vec<Document> = graph
                .documents()
                .iter()
                .map(|d| Document {
                    name: d.name.clone(),
                    text: d.text.clone(),
                })
                .collect();
            // An edited document takes its old version's place, so the order of documents (and so
            // the graph) is what a fresh build of the edited files gives.
            for document in edited {
                if let Some(old) = documents.iter_mut().find(|d| d.name == document.name) {
                    *old = document;
                }
            }
            documents.extend(fresh);
            build_graph(documents, lexicon, options)
        }
        UpdateMode::Incremental if fresh.is_empty() => {
            let build = BuildSummary {
                documents: 0,
                bytes: 0,
                sentences: 0,
                entities: graph.entity_count(),
                relations: graph.relation_count(),
                capped_sentences: 0,
            };
            (graph, build)
        }
        UpdateMode::Incremental => {
            let (new_graph, mut build) = build_graph(fresh, lexicon, options);
            let merged = merge_graphs(vec![
                MergeInput {
                    label: "the saved graph".into(),
                    graph,
                },
                MergeInput {
                    label: "the new documents".into(),
                    graph: new_graph,
                },
            ])?;
            build.entities = merged.entity_count();
            build.relations = merged.relation_count();
            (merged, build)
        }
    };
    Ok((
        graph,
        UpdateSummary {
            build,
            added,
            skipped,
            replaced,
        },
    ))
}

/// Puts an extraction into a graph, with the documents it was read from. The entities' names and
/// aliases move into the graph rather than being copied, and what is left of the extraction is freed on
/// every thread rather than serially on this one.
pub fn graph_from_extraction(documents: Vec<Document>, extraction: Extraction) -> KnowledgeGraph {
    use rayon::prelude::*;
    let Extraction {
        entities,
        relations,
        ..
    } = extraction;
    let documents = documents.into_iter().map(|d| (d.name, d.text)).collect();
    let entities = entities
        .into_iter()
        .map(|e| FoundEntity {
            name: e.name,
            kind: e.kind,
            kind_votes: e.kind_votes,
            aliases: e.aliases,
            mentions: e.mentions,
        })
        .collect();
    let graph = KnowledgeGraph::from_found(documents, entities, &relations, |r| FoundRelation {
        subject: r.subject,
        object: r.object,
        predicate: &r.predicate,
        class: r.class,
        negated: r.negated,
        hedged: r.hedged,
        document: r.document,
        sentence: r.sentence,
        rule: r.rule,
        time: r.time,
    });
    relations.into_par_iter().for_each(drop);
    graph
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_lexicon::test_lexicon;
    use std::sync::Mutex;

    #[test]
    fn progress_is_reported_per_document_and_pass() {
        let documents: Vec<Document> = ["Qatar met Iran.", "Iran met Iraq.", "Yemen."]
            .iter()
            .enumerate()
            .map(|(i, text)| Document {
                name: format!("{i}.txt"),
                text: text.to_string(),
            })
            .collect();
        let events = Mutex::new(Vec::new());
        let observe = |progress| events.lock().unwrap().push(progress);
        build_graph(
            documents,
            &test_lexicon(),
            ExtractOptions::default().observed_by(&observe),
        );
        let mut seen = Vec::new();
        for event in events.into_inner().unwrap() {
            match event {
                ExtractProgress::Pass { name, documents } => seen.push((name, documents, 0)),
                ExtractProgress::DocumentDone => seen.last_mut().unwrap().2 += 1,
                ExtractProgress::Step { name } => seen.push((name, 0, 0)),
            }
        }
        assert_eq!(
            seen,
            [
                ("sentences", 3, 3),
                ("mentions", 3, 3),
                ("aliases", 0, 0),
                ("relations", 3, 3),
                ("graph", 0, 0)
            ]
        );
    }
}
