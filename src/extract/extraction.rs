//! Runs extraction over a corpus: sentences and tokens, mentions, alias resolution, relation rules.
//!
//! Mentions are found per document; aliases are resolved over the whole corpus (so "Maliki" in one
//! document can join "Nouri al-Maliki" in another, and every entity is one node); relations are read per
//! sentence once every mention knows its entity.

use super::alias::{Candidate, resolve_aliases};
use super::class::RelationClass;
use super::kind::EntityKind;
use super::lexicon::Lexicon;
use super::mention::{CorpusVocabulary, FoundMention, find_mentions};
use super::relation_rules::{SentenceMention, read_relations};
use crate::text::{Document, SentenceKind, Span, Token, segment_sentences, tokenize};

/// An entity found in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedEntity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// (document index, span) of every mention.
    pub mentions: Vec<(usize, Span)>,
}

/// A relation read from one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedRelation {
    pub subject: usize,
    pub object: usize,
    pub predicate: String,
    pub class: RelationClass,
    pub negated: bool,
    pub hedged: bool,
    pub document: usize,
    pub sentence: Span,
    pub rule: &'static str,
}

/// Everything extraction found in a corpus: entities, and relations between them by entity index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub entities: Vec<ExtractedEntity>,
    pub relations: Vec<ExtractedRelation>,
    /// Sentences read, over all documents.
    pub sentence_count: usize,
}

/// A sentence with its tokens, kept between the passes.
struct SentenceTokens {
    document: usize,
    span: Span,
    kind: SentenceKind,
    tokens: Vec<Token>,
}

/// Extracts entities and relations from `documents`.
pub fn extract_corpus(documents: &[Document], lexicon: &Lexicon) -> Extraction {
    // Pass 1: sentences, tokens, and the corpus's lower-case vocabulary.
    let mut sentences = Vec::new();
    let mut vocabulary = CorpusVocabulary::default();
    for (document, doc) in documents.iter().enumerate() {
        for sentence in segment_sentences(&doc.text) {
            let tokens = tokenize(&doc.text, sentence.span);
            vocabulary.add_tokens(&doc.text, &tokens);
            sentences.push(SentenceTokens {
                document,
                span: sentence.span,
                kind: sentence.kind,
                tokens,
            });
        }
    }

    // Pass 2: mentions.
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut sentence_candidates: Vec<std::ops::Range<usize>> = Vec::with_capacity(sentences.len());
    let mut found: Vec<Vec<FoundMention>> = Vec::with_capacity(sentences.len());
    for (index, sentence) in sentences.iter().enumerate() {
        let text = documents
            .get(sentence.document)
            .map_or("", |d| d.text.as_str());
        let mentions = find_mentions(text, &sentence.tokens, lexicon, &vocabulary);
        let start = candidates.len();
        for mention in &mentions {
            candidates.push(Candidate {
                document: sentence.document,
                sentence: index,
                mention: mention.clone(),
                surface: mention.span.slice(text).to_string(),
                fragment: sentence.kind == SentenceKind::Fragment,
            });
        }
        sentence_candidates.push(start..candidates.len());
        found.push(mentions);
    }

    // Pass 3: aliases, over the corpus.
    let resolution = resolve_aliases(&candidates, lexicon);

    // Pass 4: relations, per sentence.
    let mut relations = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let text = documents
            .get(sentence.document)
            .map_or("", |d| d.text.as_str());
        let range = sentence_candidates[index].clone();
        let mut local_index: Vec<Option<usize>> = vec![None; range.len()];
        let mut mentions: Vec<SentenceMention> = Vec::new();
        for (offset, candidate) in range.clone().enumerate() {
            let Some(entity) = resolution.assignment.get(candidate).copied().flatten() else {
                continue;
            };
            let found_mention = &found[index][offset];
            local_index[offset] = Some(mentions.len());
            mentions.push(SentenceMention {
                entity,
                span: found_mention.span,
                tokens: found_mention.tokens,
                title: found_mention.title.clone(),
            });
        }
        for mention in &mut mentions {
            if let Some(title) = &mut mention.title {
                title.of_mention = title
                    .of_mention
                    .and_then(|i| local_index.get(i).copied().flatten());
            }
        }
        if sentence.kind == SentenceKind::Fragment {
            continue;
        }
        let _ = text;
        for relation in read_relations(text, &sentence.tokens, &mentions, lexicon) {
            relations.push(ExtractedRelation {
                subject: relation.subject,
                object: relation.object,
                predicate: relation.predicate,
                class: relation.class,
                negated: relation.negated,
                hedged: relation.hedged,
                document: sentence.document,
                sentence: sentence.span,
                rule: relation.rule,
            });
        }
    }

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
        sentence_count: sentences.len(),
    }
}
