//! The whole build: documents → sentences → mentions → entities and relations → graph.
//!
//! This is the only place that knows every stage; each stage only knows the ones before it.

use crate::extract::grouping::Grouping;
use crate::extract::lexicon::WordBuildHasher;
use crate::extract::{ExtractOptions, ExtractProgress, Extraction, Lexicon, extract_corpus};
use crate::graph::{
    Entity, Evidence, KnowledgeGraph, Mention, MergeError, MergeInput, Relation, document_hash,
    merge_graphs,
};
use crate::model::{EdgeKey, RuleName, Statement, Symbol};
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
}

/// Adds `new_documents` to `graph`, skipping any whose content hash the graph (or an earlier new
/// document) already has.
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
    let (mut added, mut skipped, mut fresh) = (Vec::new(), Vec::new(), Vec::new());
    for document in new_documents {
        if hashes.insert(document_hash(&document.text)) {
            added.push(document.name.clone());
            fresh.push(document);
        } else {
            skipped.push(document.name);
        }
    }
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
        },
    ))
}

fn to_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Puts an extraction into a graph, with the documents it was read from. The entities' names and
/// aliases move into the graph rather than being copied, and what is left of the extraction is freed on
/// every thread rather than serially on this one.
pub fn graph_from_extraction(documents: Vec<Document>, extraction: Extraction) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    graph.add_documents(documents.into_iter().map(|d| (d.name, d.text)).collect());
    use rayon::prelude::*;
    let Extraction {
        entities,
        relations: extracted_relations,
        ..
    } = extraction;
    // Entities and evidence are made on every thread; the graph takes them in order on this one.
    let entities: Vec<Entity> = entities
        .into_par_iter()
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
            let mut aliases = entity.aliases;
            aliases.sort();
            aliases.dedup();
            Entity {
                name: entity.name,
                kind: entity.kind,
                aliases,
                mentions,
            }
        })
        .collect();
    // Relations with the same endpoints, predicate, class and flags are one edge with every sentence as
    // evidence. `add_relation` would merge them too, but one at a time, searching the source's edges and
    // re-sorting the evidence on every merge, which is quadratic in the sentences of a frequent pair;
    // here each edge is built once, in the order of its first relation, with its evidence sorted and
    // deduplicated, as `add_relation` leaves it. The relations are grouped by one hash look-up each, of
    // a key of numbers only (the predicate interned first: hashing and comparing its text was most of
    // the grouping); the keys and the edges are made on every thread.
    let relations = &extracted_relations[..];
    // The few distinct rule names and predicates are interned once per piece of work rather than once
    // per relation: interning hashes the text and reads the process-wide table under its lock.
    type Interned<'a> = std::collections::HashMap<&'a str, Symbol, WordBuildHasher>;
    fn intern<'a>(interned: &mut Interned<'a>, text: &'a str) -> Symbol {
        *interned.entry(text).or_insert_with(|| Symbol::intern(text))
    }
    type InternedRules = std::collections::HashMap<RuleName, Symbol, WordBuildHasher>;
    fn intern_rule(interned: &mut InternedRules, rule: RuleName) -> Symbol {
        *interned
            .entry(rule)
            .or_insert_with(|| Symbol::intern(&rule.to_string()))
    }
    // Each edge's relations, in relation order; edges in the order of their first relation.
    let make_edges = || {
        let keys: Vec<EdgeKey> = relations
            .par_iter()
            .map_init(Interned::default, |interned, relation| {
                let statement = Statement {
                    predicate: intern(interned, relation.predicate.as_ref()),
                    class: relation.class,
                    negated: relation.negated,
                    hedged: relation.hedged,
                };
                EdgeKey::new(relation.subject, relation.object, statement)
            })
            .collect();
        let groups = Grouping::by_key_par::<_, _, WordBuildHasher>(&keys, |key| key);
        (0..groups.len())
            .into_par_iter()
            .map_init(InternedRules::default, |interned, group| {
                let members = groups.members(group);
                let mut evidence: Vec<Evidence> = members
                    .iter()
                    .filter_map(|&index| relations.get(index))
                    .map(|relation| {
                        Evidence::with_rule(
                            to_u32(relation.document),
                            relation.sentence,
                            intern_rule(interned, relation.rule),
                            relation.time,
                        )
                    })
                    .collect();
                if evidence.len() > 1 {
                    evidence.sort();
                    evidence.dedup();
                }
                let key = *keys.get(*members.first()?)?;
                let relation = Relation::with_statement(key.statement, evidence);
                Some((key.source, key.target, relation))
            })
            .flatten_iter()
            .collect::<Vec<(usize, usize, Relation)>>()
    };
    // Indexing the entities' names, mostly on one thread, and making the edges are independent.
    let (ids, edges) = rayon::join(|| graph.add_entities(entities), make_edges);
    graph.reserve_relations(edges.len());
    for (subject, object, relation) in edges {
        let (Some(&source), Some(&target)) = (ids.get(subject), ids.get(object)) else {
            continue;
        };
        // Each key is one edge, so there is nothing to merge with.
        graph.push_relation(source, target, relation);
    }
    extracted_relations.into_par_iter().for_each(drop);
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
