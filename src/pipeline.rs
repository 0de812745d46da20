//! The whole build: documents → sentences → mentions → entities and relations → graph.
//!
//! This is the only place that knows every stage; each stage only knows the ones before it.

use crate::extract::{ExtractOptions, Extraction, Lexicon, extract_corpus_with};
use crate::graph::{Entity, Evidence, KnowledgeGraph, Mention, Relation};
use crate::text::Document;

/// What a build did, for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildSummary {
    pub documents: usize,
    pub bytes: usize,
    pub sentences: usize,
    pub entities: usize,
    pub relations: usize,
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
    let extraction = extract_corpus_with(&documents, lexicon, options);
    let bytes = documents.iter().map(|d| d.text.len()).sum();
    let document_count = documents.len();
    let graph = graph_from_extraction(documents, &extraction);
    let summary = BuildSummary {
        documents: document_count,
        bytes,
        sentences: extraction.sentence_count,
        entities: graph.entity_count(),
        relations: graph.relation_count(),
    };
    (graph, summary)
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
    let ids: Vec<_> = extraction
        .entities
        .iter()
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
            graph.add_entity(Entity {
                name: entity.name.clone(),
                kind: entity.kind,
                aliases,
                mentions,
            })
        })
        .collect();
    for relation in &extraction.relations {
        let (Some(&source), Some(&target)) = (ids.get(relation.subject), ids.get(relation.object))
        else {
            continue;
        };
        graph.add_relation(
            source,
            target,
            Relation {
                predicate: relation.predicate.clone(),
                class: relation.class,
                negated: relation.negated,
                hedged: relation.hedged,
                evidence: vec![Evidence {
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
                }],
            },
        );
    }
    graph
}
