//! The whole build: documents → sentences → mentions → entities and relations → graph.
//!
//! This is the only place that knows every stage; each stage only knows the ones before it.

use crate::extract::extraction::{ExtractProgress, extract_corpus_observed};
use crate::extract::{ExtractOptions, Extraction, Lexicon};
use crate::graph::{Entity, Evidence, KnowledgeGraph, Mention, Relation, document_hash};
use crate::text::Document;

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

/// Builds a graph from documents with the default extraction options.
pub fn build_graph(documents: Vec<Document>, lexicon: &Lexicon) -> (KnowledgeGraph, BuildSummary) {
    build_graph_with(documents, lexicon, ExtractOptions::default())
}

/// Builds a graph from documents.
pub fn build_graph_with(
    documents: Vec<Document>,
    lexicon: &Lexicon,
    options: ExtractOptions,
) -> (KnowledgeGraph, BuildSummary) {
    build_graph_observed(documents, lexicon, options, &|_| {})
}

/// Builds a graph from documents, telling `observe` how far extraction has got (for a progress bar).
pub fn build_graph_observed(
    documents: Vec<Document>,
    lexicon: &Lexicon,
    options: ExtractOptions,
    observe: &(dyn Fn(ExtractProgress) + Sync),
) -> (KnowledgeGraph, BuildSummary) {
    let extraction = extract_corpus_observed(&documents, lexicon, options, observe);
    let bytes = documents.iter().map(|d| d.text.len()).sum();
    let document_count = documents.len();
    let graph = graph_from_extraction(documents, &extraction);
    let summary = BuildSummary {
        documents: document_count,
        bytes,
        sentences: extraction.sentence_count,
        entities: graph.entity_count(),
        relations: graph.relation_count(),
        capped_sentences: extraction.capped_sentences,
    };
    // Free the extraction on every thread, not as a serial step on this one.
    {
        use rayon::prelude::*;
        let Extraction {
            entities,
            relations,
            ..
        } = extraction;
        rayon::join(
            || entities.into_par_iter().for_each(drop),
            || relations.into_par_iter().for_each(drop),
        );
    }
    (graph, summary)
}

/// What adding documents to a saved graph did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateSummary {
    /// The rebuild over the graph's documents and the added ones.
    pub build: BuildSummary,
    /// The names of the documents added.
    pub added: Vec<String>,
    /// The names of the documents skipped because their text is already in the graph (or earlier in
    /// the same update).
    pub skipped: Vec<String>,
}

/// Adds `new_documents` to `graph`, skipping any whose content hash the graph (or an earlier new
/// document) already has, and rebuilds the graph from all its documents.
///
/// Extraction is corpus-level (aliases resolve across documents, the vocabulary that tells a
/// sentence-initial common word from a name comes from every document), so a new document can change
/// what is read from the old ones; rebuilding is the simple way to get exactly the graph a fresh build
/// of all the documents gives. Its cost is in proportion to the whole corpus, not to the new text; only
/// reading the old files again is saved, as their text is in the graph.
pub fn update_graph(
    graph: &KnowledgeGraph,
    new_documents: Vec<Document>,
    lexicon: &Lexicon,
    options: ExtractOptions,
    observe: &(dyn Fn(ExtractProgress) + Sync),
) -> (KnowledgeGraph, UpdateSummary) {
    let mut hashes: std::collections::HashSet<String> =
        graph.documents().iter().map(|d| d.hash.clone()).collect();
    let mut documents: Vec<Document> = graph
        .documents()
        .iter()
        .map(|d| Document {
            name: d.name.clone(),
            text: d.text.clone(),
        })
        .collect();
    let (mut added, mut skipped) = (Vec::new(), Vec::new());
    for document in new_documents {
        if hashes.insert(document_hash(&document.text)) {
            added.push(document.name.clone());
            documents.push(document);
        } else {
            skipped.push(document.name);
        }
    }
    let (graph, build) = build_graph_observed(documents, lexicon, options, observe);
    (
        graph,
        UpdateSummary {
            build,
            added,
            skipped,
        },
    )
}

fn to_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Puts an extraction into a graph, with the documents it was read from.
pub fn graph_from_extraction(documents: Vec<Document>, extraction: &Extraction) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for document in documents {
        graph.add_document(document.name, document.text);
    }
    use rayon::prelude::*;
    // Entities and evidence are made on every thread; the graph takes them in order on this one.
    let entities: Vec<Entity> = extraction
        .entities
        .par_iter()
        .map(|entity| {
            let mut mentions: Vec<Mention> = entity
                .mentions
                .iter()
                .map(|&(document, span)| Mention {
                    document: to_u32(document),
                    span,
                })
                .collect();
            mentions.sort();
            mentions.dedup();
            let mut aliases = entity.aliases.clone();
            aliases.sort();
            aliases.dedup();
            Entity {
                name: entity.name.clone(),
                kind: entity.kind,
                aliases,
                mentions,
            }
        })
        .collect();
    let ids: Vec<_> = entities
        .into_iter()
        .map(|entity| graph.add_entity(entity))
        .collect();
    // Relations with the same endpoints, predicate, class and flags are one edge with every sentence as
    // evidence. `add_relation` would merge them too, but one at a time, searching the source's edges and
    // re-sorting the evidence on every merge, which is quadratic in the sentences of a frequent pair;
    // here each edge is built once, in the order of its first relation, with its evidence sorted and
    // deduplicated, as `add_relation` leaves it. The relations are grouped by sorting them by key (and
    // position, so each group starts with its first relation), on every thread.
    type EdgeKey<'a> = (
        usize,
        usize,
        &'a str,
        crate::extract::RelationClass,
        bool,
        bool,
    );
    let relations = &extraction.relations;
    let key = |index: usize| -> Option<EdgeKey<'_>> {
        let relation = relations.get(index)?;
        Some((
            relation.subject,
            relation.object,
            relation.predicate.as_str(),
            relation.class,
            relation.negated,
            relation.hedged,
        ))
    };
    let mut order: Vec<usize> = (0..relations.len()).collect();
    order.par_sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    // Where each group of equal keys starts in `order`.
    let starts: Vec<usize> = (0..order.len())
        .into_par_iter()
        .filter(|&at| at == 0 || key(order[at]) != key(order[at - 1]))
        .collect();
    // Each group as (its first relation, its range in `order`), in the order of first relations.
    let mut groups: Vec<(usize, std::ops::Range<usize>)> = starts
        .iter()
        .enumerate()
        .map(|(group, &start)| {
            let end = starts.get(group + 1).copied().unwrap_or(order.len());
            (order[start], start..end)
        })
        .collect();
    groups.par_sort_unstable_by_key(|(first, _)| *first);
    let edges: Vec<(EdgeKey<'_>, Vec<Evidence>)> = groups
        .par_iter()
        .filter_map(|(first, range)| {
            let mut evidence: Vec<Evidence> = order
                .get(range.clone())?
                .iter()
                .filter_map(|&index| relations.get(index))
                .map(|relation| Evidence {
                    document: to_u32(relation.document),
                    span: relation.sentence,
                    // Inferred through a capital standing for its government: say so, so a user can
                    // see and filter such edges.
                    rule: if relation.metonymy {
                        format!("{}+metonymy", relation.rule)
                    } else {
                        relation.rule.to_string()
                    },
                    time: relation.time,
                })
                .collect();
            if evidence.len() > 1 {
                evidence.sort();
                evidence.dedup();
            }
            Some((key(*first)?, evidence))
        })
        .collect();
    for ((subject, object, predicate, class, negated, hedged), evidence) in edges {
        let (Some(&source), Some(&target)) = (ids.get(subject), ids.get(object)) else {
            continue;
        };
        // Each key is one edge, so there is nothing to merge with.
        graph.push_relation(
            source,
            target,
            Relation {
                predicate: predicate.to_string(),
                class,
                negated,
                hedged,
                evidence,
            },
        );
    }
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
        build_graph_observed(
            documents,
            &test_lexicon(),
            ExtractOptions::default(),
            &observe,
        );
        let mut seen = Vec::new();
        for event in events.into_inner().unwrap() {
            match event {
                ExtractProgress::Pass { name, documents } => seen.push((name, documents, 0)),
                ExtractProgress::DocumentDone => seen.last_mut().unwrap().2 += 1,
            }
        }
        assert_eq!(
            seen,
            [("sentences", 3, 3), ("mentions", 3, 3), ("relations", 3, 3)]
        );
    }
}
