//! Runs extraction over a corpus: sentences and tokens, mentions, alias resolution, relation rules.
//!
//! Mentions are found per document; aliases are resolved over the whole corpus (so "Maliki" in one
//! document can join "Nouri al-Maliki" in another, and every entity is one node); relations are read per
//! sentence once every mention knows its entity.

use super::alias::{Candidate, resolve_aliases};
use super::lexicon::{Lexicon, WordBuildHasher};
use super::mention::{
    AskedWords, CorpusVocabulary, LowercaseMarks, MentionBuffers, find_mentions_into,
};
use super::reference::ReferenceTracker;
use super::rules::{
    DocumentContext, RuleBuffers, RuleRelation, SentenceMention, read_sentence_relations_into,
};
use super::time::sentence_period;
use crate::model::{EntityKind, Period, RelationClass, Rule, RuleName, Span};
use crate::text::{Document, SentenceKind, Token, TokenKind, segment_sentences, tokenize_into};

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
    /// Most predicates are fixed words ("co-mentioned with"), kept without a copy.
    pub predicate: std::borrow::Cow<'static, str>,
    pub class: RelationClass,
    pub negated: bool,
    pub hedged: bool,
    pub document: usize,
    pub sentence: Span,
    /// The rule that read it, marked as metonymy when an end was named only by its capital standing
    /// for its government ("Washington imposed").
    pub rule: RuleName,
    /// The period the sentence speaks of, if it names one.
    pub time: Option<Period>,
}

/// Everything extraction found in a corpus: entities, and relations between them by entity index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub entities: Vec<ExtractedEntity>,
    pub relations: Vec<ExtractedRelation>,
    /// Sentences read, over all documents.
    pub sentence_count: usize,
    /// Sentences that name so many entities (or list so many) that the pair caps of
    /// [`super::rules`] left some pairs out.
    pub capped_sentences: usize,
}

/// A sentence, kept between the passes: its tokens are kept in its document's [`DocumentTokens`].
struct SentenceTokens {
    document: usize,
    span: Span,
    kind: SentenceKind,
    tokens: KeptTokens,
}

/// A token in a sixth of the space of a [`Token`]: its start as a 16-bit offset from the start of its
/// sentence (a sentence under 64 KiB) and its length in 8 bits (a token under 256 bytes).
#[derive(Debug, Clone, Copy)]
struct CompactToken {
    offset: u16,
    length: u8,
    kind: TokenKind,
}

/// Where a sentence's tokens are kept in its document's [`DocumentTokens`]: a range of the compact
/// tokens, or of the whole ones for a sentence whose tokens do not all fit the compact form.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeptTokens {
    Compact(std::ops::Range<usize>),
    Whole(std::ops::Range<usize>),
}

/// The tokens of one document's sentences, kept between the passes: in a compact form wherever they
/// fit (the tokens of a corpus take much memory, and making that memory is a good part of the cost of
/// keeping them), whole where they do not.
struct DocumentTokens {
    compact: Vec<CompactToken>,
    whole: Vec<Token>,
}

impl DocumentTokens {
    fn for_text(text: &str) -> DocumentTokens {
        DocumentTokens {
            compact: Vec::with_capacity(text.len() / 5),
            whole: Vec::new(),
        }
    }

    /// Keeps the tokens of a sentence that starts at `sentence_start`, which are in order (none starts
    /// before the first, nor after the last).
    fn keep(&mut self, sentence_start: usize, tokens: &[Token]) -> KeptTokens {
        let fits = match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => {
                first.span.start >= sentence_start
                    && last
                        .span
                        .start
                        .checked_sub(sentence_start)
                        .is_some_and(|offset| offset <= usize::from(u16::MAX))
                    // The lengths' bits together: one pass without a branch per token. A span that
                    // ends before it starts wraps to a length that does not fit.
                    && tokens.iter().fold(0, |bits, token| {
                        bits | token.span.end.wrapping_sub(token.span.start)
                    }) <= usize::from(u8::MAX)
            }
            _ => true,
        };
        if fits {
            let start = self.compact.len();
            // Every offset and length fits, so the casts keep them whole.
            self.compact.extend(tokens.iter().map(|token| CompactToken {
                offset: (token.span.start - sentence_start) as u16,
                length: (token.span.end - token.span.start) as u8,
                kind: token.kind,
            }));
            KeptTokens::Compact(start..self.compact.len())
        } else {
            // A sentence over 64 KiB or a token over 255 bytes: kept whole rather than cut.
            let start = self.whole.len();
            self.whole.extend_from_slice(tokens);
            KeptTokens::Whole(start..self.whole.len())
        }
    }

    /// The tokens of the sentence that starts at `sentence_start` and whose tokens are `kept`, into
    /// `out` (cleared first).
    fn tokens_into(&self, sentence_start: usize, kept: &KeptTokens, out: &mut Vec<Token>) {
        let (compact, whole) = self.parts(kept);
        out.clear();
        out.extend(compact.iter().map(|&t| expand(sentence_start, t)));
        out.extend_from_slice(whole);
    }

    /// The compact tokens and the whole ones that `kept` covers: one of the two is empty.
    fn parts(&self, kept: &KeptTokens) -> (&[CompactToken], &[Token]) {
        match kept {
            KeptTokens::Compact(range) => {
                (self.compact.get(range.clone()).unwrap_or_default(), &[])
            }
            KeptTokens::Whole(range) => (&[], self.whole.get(range.clone()).unwrap_or_default()),
        }
    }
}

fn expand(sentence_start: usize, token: CompactToken) -> Token {
    let start = sentence_start + usize::from(token.offset);
    Token {
        span: Span::new(start, start + usize::from(token.length)),
        kind: token.kind,
    }
}

/// Merges reference mentions into a sentence's named mentions in token order, into `merged`, keeping
/// title links right.
fn merge_by_position(
    named: &[SentenceMention],
    references: Vec<SentenceMention>,
    merged: &mut Vec<SentenceMention>,
) {
    merged.clear();
    let named_count = named.len();
    let mut all: Vec<(usize, SentenceMention)> = named
        .iter()
        .cloned()
        .chain(references)
        .enumerate()
        .collect();
    all.sort_by_key(|(original, m)| (m.tokens.0, *original));
    let mut new_index = vec![0; all.len()];
    for (position, (original, _)) in all.iter().enumerate() {
        new_index[*original] = position;
    }
    merged.extend(all.into_iter().map(|(_, mut mention)| {
        if let Some(title) = &mut mention.title {
            title.of_mention = title
                .of_mention
                .filter(|&i| i < named_count)
                .map(|i| new_index[i]);
        }
        mention
    }));
}

/// Per document: the country it mentions most (ties go to the lower entity index).
fn document_contexts(
    document_candidates: &[std::ops::Range<usize>],
    resolution: &super::alias::Resolution,
) -> Vec<DocumentContext> {
    use rayon::prelude::*;
    document_candidates
        .par_iter()
        .map(|range| {
            let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
            let assigned = resolution.assignment.get(range.clone()).unwrap_or_default();
            for &entity in assigned.iter().flatten() {
                if resolution.entities[entity].kind == EntityKind::Country {
                    *counts.entry(entity).or_default() += 1;
                }
            }
            DocumentContext {
                home_country: counts
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|(entity, _)| entity),
            }
        })
        .collect()
}

/// Choices that change what extraction reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Read "it", "he", "the country", "the group" as the entity named just before (see
    /// [`super::reference`]).
    pub resolve_references: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            resolve_references: true,
        }
    }
}

/// Extracts entities and relations from `documents` with the default options.
pub fn extract_corpus(documents: &[Document], lexicon: &Lexicon) -> Extraction {
    extract_corpus_with(documents, lexicon, ExtractOptions::default())
}

/// How far extraction has got, reported while it runs (for a progress bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractProgress {
    /// A pass over every document starts: "sentences", "mentions" or "relations".
    Pass {
        name: &'static str,
        documents: usize,
    },
    /// One more document is through the current pass.
    DocumentDone,
    /// A step over the whole corpus at once starts, with no per-document progress: "aliases", or
    /// "graph" (sent by [`crate::pipeline`]).
    Step { name: &'static str },
}

/// Extracts entities and relations from `documents`.
pub fn extract_corpus_with(
    documents: &[Document],
    lexicon: &Lexicon,
    options: ExtractOptions,
) -> Extraction {
    extract_corpus_observed(documents, lexicon, options, &|_| {})
}

/// `work` on each document, on every thread, in the order `order` gives (one document at a time, so a
/// thread left without work can take any document not yet started); the results in document order.
fn each_document<T: Send>(order: &[usize], work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    let mut done: Vec<(usize, T)> = order
        .par_iter()
        .with_max_len(1)
        .map(|&document| (document, work(document)))
        .collect();
    done.sort_unstable_by_key(|&(document, _)| document);
    done.into_iter().map(|(_, result)| result).collect()
}

/// Extracts entities and relations from `documents`, telling `observe` how far it has got.
///
/// The per-document passes (sentences and tokens, mentions, relations) run in parallel over documents on
/// rayon's thread pool; their results are put together in document order, so the extraction is the same
/// whatever the number of threads. Alias resolution, which needs every mention of the corpus, runs once in
/// between.
pub fn extract_corpus_observed(
    documents: &[Document],
    lexicon: &Lexicon,
    options: ExtractOptions,
    observe: &(dyn Fn(ExtractProgress) + Sync),
) -> Extraction {
    use rayon::prelude::*;
    let pass = |name| {
        observe(ExtractProgress::Pass {
            name,
            documents: documents.len(),
        });
    };
    let text_of = |document: usize| documents.get(document).map_or("", |d| d.text.as_str());
    // The passes over the documents take the longest first, so that each ends on short documents
    // rather than with one thread on a long one while the others wait.
    let mut longest_first: Vec<usize> = (0..documents.len()).collect();
    longest_first.sort_by_key(|&document| std::cmp::Reverse(documents[document].text.len()));

    // Pass 1: sentences, tokens, and the words the mention finder may ask the vocabulary about.
    pass("sentences");
    type AskedKeys = std::collections::HashSet<String, WordBuildHasher>;
    type DocumentPass1 = (Vec<SentenceTokens>, DocumentTokens, AskedKeys);
    let per_document: Vec<DocumentPass1> = each_document(&longest_first, |document| {
        let doc = &documents[document];
        let mut asked = AskedKeys::default();
        let mut document_tokens = DocumentTokens::for_text(&doc.text);
        let mut tokens = Vec::new();
        let sentences = segment_sentences(&doc.text)
            .into_iter()
            .map(|sentence| {
                tokenize_into(&doc.text, sentence.span, &mut tokens);
                CorpusVocabulary::asked_keys(&doc.text, &tokens, lexicon, &mut asked);
                SentenceTokens {
                    document,
                    span: sentence.span,
                    kind: sentence.kind,
                    tokens: document_tokens.keep(sentence.span.start, &tokens),
                }
            })
            .collect();
        observe(ExtractProgress::DocumentDone);
        (sentences, document_tokens, asked)
    });
    let mut per_document_sentences = Vec::with_capacity(documents.len());
    let mut document_tokens = Vec::with_capacity(documents.len());
    let mut asked = Vec::with_capacity(documents.len());
    for (sentences, tokens, keys) in per_document {
        per_document_sentences.push(sentences);
        document_tokens.push(tokens);
        asked.push(keys);
    }
    let per_document = per_document_sentences;
    // A set of words: the order the documents' sets are merged in makes no difference.
    let asked = asked
        .into_par_iter()
        .reduce(AskedKeys::default, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            a.extend(b);
            a
        });
    let asked = AskedWords::new(
        asked
            .into_iter()
            .chain(lexicon.head_noun_keys().map(str::to_string)),
    );
    // The corpus's lower-case vocabulary, kept to the words asked about, read sentence by sentence
    // (a kept token's start is an offset from its sentence's).
    // One set of marks per piece of work rather than per document: the documents are many, the asked
    // words thousands, and a word found in one document is turned away at once in the next.
    let marks = longest_first
        .par_iter()
        .fold(
            || asked.marks(),
            |mut marks, &document| {
                let (text, kept) = (&documents[document].text, &document_tokens[document]);
                for sentence in &per_document[document] {
                    let (compact, whole) = kept.parts(&sentence.tokens);
                    let start = sentence.span.start;
                    let expanded = compact.iter().map(|&t| expand(start, t));
                    asked.mark_lowercase_words(text, expanded, &mut marks);
                    if !whole.is_empty() {
                        asked.mark_lowercase_words(text, whole.iter().copied(), &mut marks);
                    }
                }
                marks
            },
        )
        .reduce(|| asked.marks(), LowercaseMarks::merge);
    let vocabulary = asked.vocabulary(&marks);
    // Each document's sentences, as a range of the corpus's sentences.
    let mut document_sentences = Vec::with_capacity(documents.len());
    let mut sentences: Vec<SentenceTokens> =
        Vec::with_capacity(per_document.iter().map(Vec::len).sum());
    for document_sentence_list in per_document {
        let start = sentences.len();
        sentences.extend(document_sentence_list);
        document_sentences.push(start..sentences.len());
    }

    // Pass 2: mentions.
    pass("mentions");
    // Per document: its candidates, and how many each of its sentences has.
    let per_document: Vec<(Vec<Candidate>, Vec<usize>)> =
        each_document(&longest_first, |document| {
            let range = &document_sentences[document];
            let mut candidates = Vec::new();
            let mut counts = Vec::with_capacity(range.len());
            let mut tokens = Vec::new();
            let mut buffers = MentionBuffers::default();
            let mut mentions = Vec::new();
            for index in range.clone() {
                let sentence = &sentences[index];
                let text = text_of(sentence.document);
                tokens.clear();
                if let Some(document_tokens) = document_tokens.get(sentence.document) {
                    document_tokens.tokens_into(sentence.span.start, &sentence.tokens, &mut tokens);
                }
                find_mentions_into(
                    text,
                    &tokens,
                    lexicon,
                    &vocabulary,
                    &mut buffers,
                    &mut mentions,
                );
                counts.push(mentions.len());
                candidates.extend(mentions.drain(..).map(|mention| Candidate {
                    document: sentence.document,
                    sentence: index,
                    surface: mention.span.slice(text),
                    mention,
                    fragment: sentence.kind == SentenceKind::Fragment,
                }));
            }
            observe(ExtractProgress::DocumentDone);
            (candidates, counts)
        });
    let mut candidates: Vec<Candidate> =
        Vec::with_capacity(per_document.iter().map(|(c, _)| c.len()).sum());
    // Each sentence's mentions, as a range of `candidates`.
    let mut sentence_candidates: Vec<std::ops::Range<usize>> = Vec::with_capacity(sentences.len());
    // Each document's mentions, as a range of `candidates`.
    let mut document_candidates: Vec<std::ops::Range<usize>> = Vec::with_capacity(documents.len());
    for (found, counts) in per_document {
        let mut start = candidates.len();
        for count in counts {
            sentence_candidates.push(start..start + count);
            start += count;
        }
        document_candidates.push(candidates.len()..start);
        candidates.extend(found);
    }

    // Pass 3: aliases, over the corpus.
    observe(ExtractProgress::Step { name: "aliases" });
    let resolution = resolve_aliases(&candidates, lexicon);

    // Pass 4: relations, per sentence.
    pass("relations");
    let contexts = document_contexts(&document_candidates, &resolution);
    // The resolved entity of each lexicon entity that is mentioned on its own somewhere, looked for on
    // every thread.
    let lexicon_entities: std::collections::HashMap<usize, usize, WordBuildHasher> = candidates
        .par_iter()
        .zip(&resolution.assignment)
        .filter_map(
            |(candidate, entity)| match (candidate.mention.source, entity) {
                (super::mention::MentionSource::Lexicon { entity: known, .. }, Some(entity)) => {
                    Some((known, *entity))
                }
                _ => None,
            },
        )
        .collect();
    /// What reading a sentence needs room for, kept from one sentence of a document to the next so
    /// that a sentence costs no allocation of its own.
    #[derive(Default)]
    struct SentenceBuffers {
        tokens: Vec<Token>,
        /// Each candidate's index among the sentence's resolved mentions.
        local_index: Vec<Option<usize>>,
        /// The mentions the sentence names.
        named: Vec<SentenceMention>,
        /// The named mentions and the references, in token order (when there are references).
        merged: Vec<SentenceMention>,
        rules: RuleBuffers,
        /// The relations the rules read.
        read: Vec<RuleRelation>,
    }
    // Reads the relations of a (non-fragment) sentence into `relations`; true when a pair cap left
    // pairs out.
    let read_sentence = |references: &mut ReferenceTracker,
                         buffers: &mut SentenceBuffers,
                         index: usize,
                         relations: &mut Vec<ExtractedRelation>| {
        let sentence = &sentences[index];
        let text = text_of(sentence.document);
        let range = sentence_candidates[index].clone();
        let SentenceBuffers {
            tokens,
            local_index,
            named,
            merged,
            rules,
            read,
        } = buffers;
        local_index.clear();
        local_index.resize(range.len(), None);
        named.clear();
        for (offset, candidate) in range.clone().enumerate() {
            let Some(entity) = resolution.assignment.get(candidate).copied().flatten() else {
                continue;
            };
            let found_mention = &candidates[candidate].mention;
            local_index[offset] = Some(named.len());
            named.push(SentenceMention {
                entity,
                span: found_mention.span,
                tokens: found_mention.tokens,
                title: found_mention.title.as_deref().cloned(),
                kind: resolution.entities[entity].kind,
                contains: found_mention
                    .contains
                    .iter()
                    .filter_map(|known| lexicon_entities.get(known).copied())
                    .filter(|&country| country != entity)
                    .collect(),
                adjective: matches!(
                    found_mention.source,
                    super::mention::MentionSource::Lexicon {
                        role: super::lexicon::SurfaceRole::Demonym,
                        ..
                    }
                ) && !found_mention.span.slice(text).ends_with('s'),
                metonymy: matches!(
                    found_mention.source,
                    super::mention::MentionSource::Lexicon {
                        role: super::lexicon::SurfaceRole::Capital,
                        ..
                    }
                ),
            });
        }
        for mention in named.iter_mut() {
            if let Some(title) = &mut mention.title {
                title.of_mention = title
                    .of_mention
                    .and_then(|i| local_index.get(i).copied().flatten());
            }
        }
        // The references are read against what earlier sentences named, before this one's names join.
        let found_references = if options.resolve_references {
            references.references(text, tokens, named, lexicon)
        } else {
            Vec::new()
        };
        references.observe(named);
        let mentions: &[SentenceMention] = if found_references.is_empty() {
            named
        } else {
            merge_by_position(named, found_references, merged);
            merged
        };
        let context = contexts.get(sentence.document).copied().unwrap_or_default();
        let capped =
            read_sentence_relations_into(text, tokens, mentions, lexicon, context, rules, read);
        if read.is_empty() {
            return capped;
        }
        let time = sentence_period(text, tokens);
        // Entities this sentence names only through a capital standing for the government.
        let metonymic: Vec<usize> = named
            .iter()
            .filter(|m| m.metonymy)
            .map(|m| m.entity)
            .filter(|&e| named.iter().all(|m| m.entity != e || m.metonymy))
            .collect();
        relations.extend(read.drain(..).map(|relation| ExtractedRelation {
            subject: relation.subject,
            object: relation.object,
            predicate: relation.predicate,
            class: relation.class,
            negated: relation.negated,
            hedged: relation.hedged,
            document: sentence.document,
            sentence: sentence.span,
            rule: RuleName::new(
                relation.rule,
                metonymic.contains(&relation.subject) || metonymic.contains(&relation.object),
            ),
            time,
        }));
        capped
    };
    let per_document: Vec<(Vec<ExtractedRelation>, usize)> =
        each_document(&longest_first, |document| {
            let range = &document_sentences[document];
            // References reach back within a document only.
            let mut references = ReferenceTracker::default();
            let mut relations = Vec::new();
            let mut capped = 0;
            let mut buffers = SentenceBuffers::default();
            for index in range.clone() {
                // A fragment (a heading, a list item) states no relation, and names nothing a
                // reference could stand for.
                if sentences
                    .get(index)
                    .is_some_and(|sentence| sentence.kind == SentenceKind::Fragment)
                {
                    continue;
                }
                buffers.tokens.clear();
                if let Some(sentence) = sentences.get(index)
                    && let Some(document_tokens) = document_tokens.get(sentence.document)
                {
                    document_tokens.tokens_into(
                        sentence.span.start,
                        &sentence.tokens,
                        &mut buffers.tokens,
                    );
                }
                let was_capped =
                    read_sentence(&mut references, &mut buffers, index, &mut relations);
                capped += usize::from(was_capped);
            }
            observe(ExtractProgress::DocumentDone);
            (relations, capped)
        });
    let capped_sentences = per_document.iter().map(|(_, capped)| capped).sum();
    // The sentences' tokens and the candidates are done with: free them on every thread rather than
    // on this one alone, which would make it a serial step.
    let sentence_count = sentences.len();
    sentences.into_par_iter().for_each(drop);
    document_tokens.into_par_iter().for_each(drop);
    candidates.into_par_iter().for_each(drop);
    let mut relations = Vec::with_capacity(per_document.iter().map(|(r, _)| r.len()).sum());
    let mut name_parts_seen: std::collections::HashSet<(usize, usize), WordBuildHasher> =
        std::collections::HashSet::default();
    for relation in per_document
        .into_iter()
        .flat_map(|(relations, _)| relations)
    {
        // What a name says about its owner needs saying once, not in every sentence that uses it.
        if relation.rule.rule == Rule::NamePart
            && !name_parts_seen.insert((relation.subject, relation.object))
        {
            continue;
        }
        relations.push(relation);
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
        sentence_count,
        capped_sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_lexicon::test_lexicon;

    #[test]
    fn kept_tokens_read_back_as_given_compact_or_not() {
        const _: () = assert!(std::mem::size_of::<CompactToken>() == 4);
        let token = |start, end, kind| Token {
            span: Span::new(start, end),
            kind,
        };
        // (sentence start, its tokens, whether they fit the compact form)
        let cases: &[(usize, &[Token], bool)] = &[
            (0, &[], true),
            (
                0,
                &[token(0, 4, TokenKind::Word), token(5, 7, TokenKind::Number)],
                true,
            ),
            // Offsets are from the sentence's start, wherever it is in the document.
            (
                5_000_000_000,
                &[token(5_000_000_003, 5_000_000_258, TokenKind::Word)],
                true,
            ),
            // A token of 256 bytes does not fit; one of 255 does (above).
            (10, &[token(10, 266, TokenKind::Word)], false),
            // A token that starts 64 KiB or more into its sentence does not fit.
            (
                0,
                &[
                    token(0, 1, TokenKind::Punct),
                    token(65_535, 65_536, TokenKind::Punct),
                ],
                true,
            ),
            (
                0,
                &[
                    token(0, 1, TokenKind::Punct),
                    token(65_536, 65_537, TokenKind::Punct),
                ],
                false,
            ),
            // Nor one that starts before its sentence, nor a span that ends before it starts.
            (3, &[token(2, 4, TokenKind::Word)], false),
            (3, &[token(5, 4, TokenKind::Word)], false),
        ];
        let mut kept = DocumentTokens::for_text("some text");
        let ranges: Vec<KeptTokens> = cases
            .iter()
            .map(|&(start, tokens, _)| kept.keep(start, tokens))
            .collect();
        let mut read = Vec::new();
        for (&(start, tokens, fits), range) in cases.iter().zip(&ranges) {
            assert_eq!(
                matches!(range, KeptTokens::Compact(_)),
                fits,
                "{start} {tokens:?}"
            );
            kept.tokens_into(start, range, &mut read);
            assert_eq!(read, tokens, "{start}");
        }
    }

    fn extract(text: &str) -> Extraction {
        let documents = vec![Document {
            name: "test.txt".into(),
            text: text.into(),
        }];
        extract_corpus(&documents, &test_lexicon())
    }

    fn names(extraction: &Extraction) -> Vec<&str> {
        let mut names: Vec<&str> = extraction
            .entities
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        names.sort();
        names
    }

    /// (subject, class, object, rule, negated) of every asserted relation.
    fn asserted(
        extraction: &Extraction,
    ) -> Vec<(String, RelationClass, String, &'static str, bool)> {
        extraction
            .relations
            .iter()
            .filter(|r| r.class != RelationClass::CoMention)
            .map(|r| {
                (
                    extraction.entities[r.subject].name.clone(),
                    r.class,
                    extraction.entities[r.object].name.clone(),
                    r.rule.rule.name(),
                    r.negated,
                )
            })
            .collect()
    }

    #[test]
    fn entities_from_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The Houthi Movement attacked Saudi Arabia in March.",
                &["Houthi Movement", "Saudi Arabia"],
            ),
            (
                "The National Liberation Front (NLF) fought Turkey for years. Later the NLF declared a ceasefire.",
                &["National Liberation Front", "Turkey"],
            ),
            (
                "Turkish Foreign Minister Hakan Fidan visited Riyadh. Fidan met Saudi officials there.",
                &["Hakan Fidan", "Saudi Arabia", "Turkey"],
            ),
            (
                "Efforts of Qatar failed in the end. Both efforts and talks continued.",
                &["Qatar"],
            ),
            (
                "The Syrian Democratic Forces held the Omar oil field near the Turkish border.",
                &["Omar oil field", "Syrian Democratic Forces", "Turkey"],
            ),
            (
                "The Belt and Road Initiative reached Yemen and Qatar in the same decade.",
                &["Belt and Road Initiative", "Qatar", "Yemen"],
            ),
            (
                "US-China tensions and Sino-Yemeni ties grew after the Western-led talks.",
                &["China", "United States", "Western", "Yemen"],
            ),
            (
                "Abu Ali al-Askari of Kataib Sayyid al-Shuhada spoke in Doha.",
                &["Abu Ali al-Askari", "Doha", "Kataib Sayyid al-Shuhada"],
            ),
            (
                "Washington imposed sanctions on Ankara after the embassy in Damascus closed.",
                &["Damascus", "Turkey", "United States"],
            ),
            ("Security forces said the Sunni and Shia clerics met.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(names(&extract(text)), *expected, "{text}");
        }
    }

    #[test]
    fn aliases_merge() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "The National Liberation Front (NLF) fought Turkey for years. Later the NLF declared a ceasefire.",
                "National Liberation Front",
                &["NLF", "National Liberation Front"],
            ),
            (
                "Turkish Foreign Minister Hakan Fidan visited Riyadh. Fidan met Saudi officials there.",
                "Hakan Fidan",
                &["Fidan", "Hakan Fidan"],
            ),
            (
                "Washington and America differ. The US acts.",
                "United States",
                &["America", "US", "Washington"],
            ),
            (
                "Asa'ib Ahl al-Haq grew in the south. Later Asa’ib Ahl al-Haq and Kata'ib Hezbollah joined Kataib Hezbollah fighters.",
                "Kata'ib Hezbollah",
                &["Kata'ib Hezbollah", "Kataib Hezbollah"],
            ),
            (
                "The Federal Reserve Bank of New York froze funds. The Federal Reserve later relented.",
                "Federal Reserve Bank of New York",
                &["Federal Reserve", "Federal Reserve Bank of New York"],
            ),
        ];
        for (text, name, aliases) in cases {
            let extraction = extract(text);
            let entity = extraction
                .entities
                .iter()
                .find(|e| e.name == *name)
                .unwrap_or_else(|| panic!("{name} not found in {:?}", names(&extraction)));
            assert_eq!(entity.aliases, *aliases, "{text}");
        }
    }

    #[test]
    fn relation_rules_fire() {
        use RelationClass::*;
        /// (subject, class, object, rule, negated)
        type Expected<'a> = (&'a str, RelationClass, &'a str, &'a str, bool);
        let cases: &[(&str, Expected)] = &[
            (
                "The Houthi Movement attacked Saudi Arabia in March.",
                ("Houthi Movement", Conflict, "Saudi Arabia", "verb", false),
            ),
            (
                "Turkish President Recep Tayyip Erdogan spoke on Monday.",
                ("Recep Tayyip Erdogan", Leads, "Turkey", "title", false),
            ),
            (
                "Abdul Malik al-Houthi, leader of Ansar Allah, spoke on Monday.",
                (
                    "Abdul Malik al-Houthi",
                    Leads,
                    "Ansar Allah",
                    "apposition",
                    false,
                ),
            ),
            (
                "The head of the Muslim Brotherhood, Mohammed Badie, was arrested.",
                (
                    "Mohammed Badie",
                    Leads,
                    "Muslim Brotherhood",
                    "apposition",
                    false,
                ),
            ),
            (
                "Several units within the Syrian Democratic Forces, such as the People Protection Units and the Women Protection Units, fought on.",
                (
                    "Women Protection Units",
                    PartOf,
                    "Syrian Democratic Forces",
                    "such-as",
                    false,
                ),
            ),
            (
                "Observers noted rising US-China tensions this year.",
                ("United States", Conflict, "China", "compound-pair", false),
            ),
            (
                "Iran-backed fighters within the Houthi Movement fired missiles.",
                (
                    "Iran",
                    Cooperation,
                    "Houthi Movement",
                    "compound-modifier",
                    false,
                ),
            ),
            (
                "Analysts watch Turkey's Justice and Development Party closely.",
                (
                    "Justice and Development Party",
                    PartOf,
                    "Turkey",
                    "possessive",
                    false,
                ),
            ),
            (
                "Observers describe the tensions between Iran and Saudi Arabia as old.",
                ("Iran", Conflict, "Saudi Arabia", "between", false),
            ),
            (
                "Yemen was invaded by Saudi Arabia in 2015.",
                ("Saudi Arabia", Conflict, "Yemen", "verb", false),
            ),
            (
                "Qatar did not sign the accord with Iran.",
                ("Qatar", Cooperation, "Iran", "verb", true),
            ),
            (
                "Syria, Iran and Qatar signed a deal with China in 2020.",
                ("Qatar", Cooperation, "China", "verb", false),
            ),
            (
                "Qatar has deep relations with Turkey.",
                ("Qatar", Cooperation, "Turkey", "relation-noun", false),
            ),
            (
                "Washington supported the Free Syrian Army and the Kurdish Peshmerga Forces.",
                (
                    "United States",
                    Cooperation,
                    "Kurdish Peshmerga Forces",
                    "verb",
                    false,
                ),
            ),
        ];
        for (text, (subject, class, object, rule, negated)) in cases {
            let relations = asserted(&extract(text));
            let expected = (
                subject.to_string(),
                *class,
                object.to_string(),
                *rule,
                *negated,
            );
            assert!(
                relations.contains(&expected),
                "{text}\nexpected {expected:?}\ngot {relations:?}"
            );
        }
    }

    #[test]
    fn unrelated_pairs_are_co_mentions_only() {
        let extraction = extract("Qatar and Yemen were both mentioned in the report.");
        assert!(asserted(&extraction).is_empty());
        let comentions: Vec<_> = extraction
            .relations
            .iter()
            .filter(|r| r.class == RelationClass::CoMention)
            .collect();
        assert_eq!(comentions.len(), 1);
        assert_eq!(comentions[0].rule, RuleName::from(Rule::CoMention));
    }

    #[test]
    fn hedges_are_flagged() {
        let extraction = extract("Iran reportedly funded the Houthi Movement.");
        let relation = extraction
            .relations
            .iter()
            .find(|r| r.class == RelationClass::Cooperation)
            .expect("a funding relation");
        assert!(relation.hedged);
    }
}

#[cfg(test)]
mod metonymy_tests {
    use super::*;
    use crate::extract::test_lexicon::test_lexicon;

    #[test]
    fn capitals_stand_for_governments_but_stay_places_after_prepositions() {
        let documents = vec![Document {
            name: "m.txt".into(),
            text: "Washington imposed sanctions on Ankara. The United States and Turkey later met in Ankara."
                .into(),
        }];
        let extraction = extract_corpus(&documents, &test_lexicon());
        let name = |i: usize| extraction.entities[i].name.as_str();
        let sanction = extraction
            .relations
            .iter()
            .find(|r| r.class == RelationClass::Conflict)
            .expect("a sanction");
        assert_eq!(
            (name(sanction.subject), name(sanction.object)),
            ("United States", "Turkey")
        );
        assert!(sanction.rule.metonymy, "inferred through capitals");
        let ankara = extraction
            .entities
            .iter()
            .find(|e| e.name == "Ankara")
            .expect("Ankara the city");
        assert_eq!(ankara.kind, EntityKind::Place);
        let met = extraction
            .relations
            .iter()
            .find(|r| r.class == RelationClass::Cooperation)
            .expect("a meeting");
        assert!(!met.rule.metonymy, "named by their own names");
    }
}
