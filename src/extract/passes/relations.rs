//! Pass 4: each sentence's relations, read by [`crate::extract::rules`] once every mention
//! knows its entity, with the references ("it", "the country") of [`crate::extract::reference`].

use super::Corpus;
use super::Resolution;
use super::mentions::Candidates;
use super::sentences::Sentences;
use crate::extract::extraction::ExtractedRelation;
use crate::extract::lexicon::{SurfaceRole, WordBuildHasher};
use crate::extract::mention::{FoundMention, MentionSource};
use crate::extract::reference::ReferenceTracker;
use crate::extract::rules::{
    DocumentContext, RuleBuffers, RuleRelation, SentenceMention, read_sentence_relations_into,
};
use crate::extract::speaker::{heading_of, heading_speaker};
use crate::extract::time::sentence_period;
use crate::model::{EntityKind, Rule, RuleName};
use crate::text::{SentenceKind, Token};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// Pass 4: per document, its relations and how many of its sentences a pair cap left pairs out of.
pub(super) fn read_relations(
    corpus: &Corpus<'_>,
    sentences: &Sentences,
    candidates: &Candidates<'_>,
    resolution: &Resolution<'_>,
) -> Vec<(Vec<ExtractedRelation>, usize)> {
    corpus.start_pass("relations");
    // The resolved entity of each lexicon entity that is mentioned on its own somewhere in the corpus.
    let lexicon_entities = resolution.table.lexicon_entities();
    let contexts = document_contexts(&candidates.of_document, resolution);
    let speakers = document_speakers(corpus, resolution, &lexicon_entities);
    let reader = SentenceReader {
        corpus,
        sentences,
        candidates,
        resolution,
        contexts,
        speakers,
        lexicon_entities,
    };
    corpus.each_document(|document| reader.read_document(document))
}

/// The relations of every document, in order, with what a name says about its owner ("name-part")
/// said once for the corpus rather than in every sentence that uses the name.
pub(super) fn name_parts_once(
    per_document: Vec<(Vec<ExtractedRelation>, usize)>,
) -> Vec<ExtractedRelation> {
    let mut relations = Vec::with_capacity(per_document.iter().map(|(r, _)| r.len()).sum());
    let mut name_parts_seen: HashSet<(usize, usize), WordBuildHasher> = HashSet::default();
    for relation in per_document
        .into_iter()
        .flat_map(|(relations, _)| relations)
    {
        if relation.rule.rule == Rule::NamePart
            && !name_parts_seen.insert((relation.subject, relation.object))
        {
            continue;
        }
        relations.push(relation);
    }
    relations
}

/// Per document: the country it mentions most (ties go to the lower entity index).
fn document_contexts(
    document_candidates: &[Range<usize>],
    resolution: &Resolution<'_>,
) -> Vec<DocumentContext> {
    use rayon::prelude::*;
    document_candidates
        .par_iter()
        .map(|range| {
            let mut counts: BTreeMap<usize, usize> = Default::default();
            let assigned = resolution.assignment.get(range.clone()).unwrap_or_default();
            for &entity in assigned.iter().flatten() {
                if resolution.table.entities[entity].kind == EntityKind::Country {
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

/// Per document: the entity that speaks in it ("we"), with its kind, as [`crate::extract::speaker`]
/// decides: the one the options name, else the one its heading says, if the corpus mentions that
/// entity.
fn document_speakers(
    corpus: &Corpus<'_>,
    resolution: &Resolution<'_>,
    lexicon_entities: &HashMap<usize, usize, WordBuildHasher>,
) -> Vec<Option<(usize, EntityKind)>> {
    let lexicon_entity = |known: usize| lexicon_entities.get(&known).copied();
    (0..corpus.documents.len())
        .map(|document| {
            let entity = match corpus.options.speaker {
                Some(known) => lexicon_entity(known)?,
                None => {
                    let heading = heading_of(corpus.text(document))?;
                    lexicon_entity(heading_speaker(heading, corpus.lexicon)?)?
                }
            };
            Some((entity, resolution.table.entities.get(entity)?.kind))
        })
        .collect()
}

/// What reading a sentence needs room for, kept from one sentence of a document to the next so that a
/// sentence costs no allocation of its own.
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
    /// The document's places by their words, lower-cased and single-spaced (see
    /// [`SentenceReader::document_places`]).
    places: HashMap<String, usize, WordBuildHasher>,
}

/// Everything reading a sentence's relations looks at, over the whole corpus.
struct SentenceReader<'a, 't> {
    corpus: &'a Corpus<'t>,
    sentences: &'a Sentences,
    candidates: &'a Candidates<'t>,
    resolution: &'a Resolution<'a>,
    contexts: Vec<DocumentContext>,
    /// Per document: who speaks in it ("we"), if the document says.
    speakers: Vec<Option<(usize, EntityKind)>>,
    /// The resolved entity of each lexicon entity (by lexicon index) mentioned on its own somewhere.
    lexicon_entities: HashMap<usize, usize, WordBuildHasher>,
}

impl SentenceReader<'_, '_> {
    /// The relations of one document, and how many of its sentences a pair cap left pairs out of.
    fn read_document(&self, document: usize) -> (Vec<ExtractedRelation>, usize) {
        // References reach back within a document only.
        let mut references = ReferenceTracker::default();
        let mut relations = Vec::new();
        let mut capped = 0;
        let mut buffers = SentenceBuffers::default();
        self.document_places(document, &mut buffers.places);
        for index in self.sentences.of_document[document].clone() {
            // A fragment (a heading, a list item) states no relation, and names nothing a reference
            // could stand for.
            if self
                .sentences
                .all
                .get(index)
                .is_some_and(|sentence| sentence.kind == SentenceKind::Fragment)
            {
                continue;
            }
            self.sentences.tokens_into(index, &mut buffers.tokens);
            let was_capped =
                self.read_sentence(&mut references, &mut buffers, index, &mut relations);
            capped += usize::from(was_capped);
        }
        (relations, capped)
    }

    /// Reads the relations of the (non-fragment) sentence `index`, whose tokens are in
    /// `buffers.tokens`, into `relations`; true when a pair cap left pairs out.
    fn read_sentence(
        &self,
        references: &mut ReferenceTracker,
        buffers: &mut SentenceBuffers,
        index: usize,
        relations: &mut Vec<ExtractedRelation>,
    ) -> bool {
        let sentence = &self.sentences.all[index];
        let text = self.corpus.text(sentence.document);
        let lexicon = self.corpus.lexicon;
        let SentenceBuffers {
            tokens,
            local_index,
            named,
            merged,
            rules,
            read,
            places,
        } = buffers;
        self.named_mentions(index, text, places, local_index, named);
        // The references are read against what earlier sentences named, before this one's names join.
        let found_references = if self.corpus.options.resolve_references {
            let speaker = self.speakers.get(sentence.document).copied().flatten();
            references.references(text, tokens, named, lexicon, speaker)
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
        let context = self
            .contexts
            .get(sentence.document)
            .copied()
            .unwrap_or_default();
        let capped =
            read_sentence_relations_into(text, tokens, mentions, lexicon, context, rules, read);
        if read.is_empty() {
            return capped;
        }
        let time = sentence_period(text, tokens);
        let metonymic = metonymic_entities(named);
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
    }

    /// The mentions of sentence `index` that resolved to an entity, into `named` (cleared first), with
    /// their title links renumbered among them; `local_index` is room for the renumbering.
    fn named_mentions(
        &self,
        index: usize,
        text: &str,
        places: &HashMap<String, usize, WordBuildHasher>,
        local_index: &mut Vec<Option<usize>>,
        named: &mut Vec<SentenceMention>,
    ) {
        let range = self.candidates.of_sentence[index].clone();
        local_index.clear();
        local_index.resize(range.len(), None);
        named.clear();
        for (offset, candidate) in range.enumerate() {
            let Some(entity) = self.resolution.assignment.get(candidate).copied().flatten() else {
                continue;
            };
            local_index[offset] = Some(named.len());
            let found = &self.candidates.all[candidate].mention;
            let mut mention = self.sentence_mention(found, entity, text);
            mention.places_inside = places_inside(&mention, text, places);
            named.push(mention);
        }
        for mention in named.iter_mut() {
            if let Some(title) = &mut mention.title {
                title.of_mention = title
                    .of_mention
                    .and_then(|i| local_index.get(i).copied().flatten());
            }
        }
    }

    /// The places document `document` names, into `places` (cleared first): each Place entity by
    /// the words of each of its mentions there, lower-cased and single-spaced.
    fn document_places(
        &self,
        document: usize,
        places: &mut HashMap<String, usize, WordBuildHasher>,
    ) {
        places.clear();
        let text = self.corpus.text(document);
        for candidate in self.candidates.of_document[document].clone() {
            let Some(entity) = self.resolution.assignment.get(candidate).copied().flatten() else {
                continue;
            };
            if self.resolution.table.entities[entity].kind != EntityKind::Place {
                continue;
            }
            let surface = self.candidates.all[candidate].mention.span.slice(text);
            places.entry(name_key(surface)).or_insert(entity);
        }
    }

    /// The mention `found`, which names `entity`, as the relation rules see it.
    fn sentence_mention(&self, found: &FoundMention, entity: usize, text: &str) -> SentenceMention {
        SentenceMention {
            entity,
            span: found.span,
            tokens: found.tokens,
            title: found.title.as_deref().cloned(),
            kind: self.resolution.table.entities[entity].kind,
            places_inside: Vec::new(),
            contains: found
                .contains
                .iter()
                .filter_map(|known| self.lexicon_entities.get(known).copied())
                .filter(|&country| country != entity)
                .collect(),
            adjective: matches!(
                found.source,
                MentionSource::Lexicon {
                    role: SurfaceRole::Demonym,
                    ..
                }
            ) && !found.span.slice(text).ends_with('s'),
            metonymy: matches!(
                found.source,
                MentionSource::Lexicon {
                    role: SurfaceRole::Capital,
                    ..
                }
            ),
            pair: false,
        }
    }
}

/// The words of `surface` lower-cased and joined by single spaces, without a leading "the".
fn name_key(surface: &str) -> String {
    let mut words = surface.split_whitespace().peekable();
    if words.peek().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.next();
    }
    words.map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The places of `places` (the document's) named inside `mention`'s words: for a place, the
/// longest run of its leading words that is one ("Bakhmut" in "Bakhmut cement plant"; not
/// "Bakhmut" in "Bakhmut-Lysychansk highway", one word); for an event, the words after its
/// first "of", "for" or "in" ("Battle of Bakhmut").
fn places_inside(
    mention: &SentenceMention,
    text: &str,
    places: &HashMap<String, usize, WordBuildHasher>,
) -> Vec<usize> {
    let words: Vec<&str> = mention.span.slice(text).split_whitespace().collect();
    if words.len() < 2 || places.is_empty() {
        return Vec::new();
    }
    let other_place = |run: &[&str]| {
        places
            .get(&name_key(&run.join(" ")))
            .copied()
            .filter(|&place| place != mention.entity)
    };
    let found = match mention.kind {
        EntityKind::Place => (1..words.len())
            .rev()
            .find_map(|end| other_place(&words[..end])),
        EntityKind::Event => words
            .iter()
            .position(|w| matches!(w.to_lowercase().as_str(), "of" | "for" | "in"))
            .filter(|&at| at + 1 < words.len())
            .and_then(|at| other_place(&words[at + 1..])),
        _ => None,
    };
    found.into_iter().collect()
}

/// Entities a sentence names only through a capital standing for the government.
fn metonymic_entities(named: &[SentenceMention]) -> Vec<usize> {
    named
        .iter()
        .filter(|m| m.metonymy)
        .map(|m| m.entity)
        .filter(|&e| named.iter().all(|m| m.entity != e || m.metonymy))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention::TitleInfo;
    use crate::model::Span;

    /// A mention of `entity` over tokens `first..last`, a capital standing for its government when
    /// `metonymy`, with a title attached to mention `title_of` when given.
    fn mention(
        entity: usize,
        first: usize,
        metonymy: bool,
        title_of: Option<usize>,
    ) -> SentenceMention {
        SentenceMention {
            entity,
            span: Span::new(first, first + 1),
            tokens: (first, first + 1),
            title: title_of.map(|of| TitleInfo {
                title: "president".into(),
                leads: true,
                of_mention: Some(of),
            }),
            kind: EntityKind::Country,
            contains: Vec::new(),
            places_inside: Vec::new(),
            adjective: false,
            metonymy,
            pair: false,
        }
    }

    /// (entity, first token, the named mention its title is attached to) of each named mention.
    type Named = &'static [(usize, usize, Option<usize>)];
    /// (entity, first token) of each reference.
    type References = &'static [(usize, usize)];
    /// (named, references, the merged mentions' entities, their title links)
    type MergeCase = (
        Named,
        References,
        &'static [usize],
        &'static [Option<usize>],
    );

    #[test]
    fn references_merge_in_token_order_and_titles_follow_their_mentions() {
        let cases: &[MergeCase] = &[
            (&[(0, 1, None), (1, 3, None)], &[], &[0, 1], &[None, None]),
            (
                &[(0, 1, None), (1, 5, None)],
                &[(7, 3)],
                &[0, 7, 1],
                &[None; 3],
            ),
            // A reference at the same token as a name comes after it.
            (&[(0, 2, None)], &[(7, 2)], &[0, 7], &[None, None]),
            // A title's link follows its country to the country's new place.
            (
                &[(4, 2, None), (5, 3, Some(0))],
                &[(7, 0)],
                &[7, 4, 5],
                &[None, None, Some(1)],
            ),
        ];
        for &(named, references, entities, titles) in cases {
            let named: Vec<SentenceMention> = named
                .iter()
                .map(|&(entity, first, title_of)| mention(entity, first, false, title_of))
                .collect();
            let references: Vec<SentenceMention> = references
                .iter()
                .map(|&(entity, first)| mention(entity, first, false, None))
                .collect();
            let mut merged = Vec::new();
            merge_by_position(&named, references, &mut merged);
            let got: Vec<usize> = merged.iter().map(|m| m.entity).collect();
            let got_titles: Vec<Option<usize>> = merged
                .iter()
                .map(|m| m.title.as_ref().and_then(|t| t.of_mention))
                .collect();
            assert_eq!((got.as_slice(), got_titles.as_slice()), (entities, titles));
        }
    }

    #[test]
    fn an_entity_is_metonymic_only_when_every_mention_of_it_is_a_capital() {
        // (entity, metonymy) of each mention, the metonymic entities
        type Case = (&'static [(usize, bool)], &'static [usize]);
        let cases: &[Case] = &[
            (&[], &[]),
            (&[(0, false), (1, false)], &[]),
            (&[(0, true), (1, false)], &[0]),
            (&[(0, true), (0, false)], &[]),
            (&[(0, true), (1, true), (0, true)], &[0, 1, 0]),
        ];
        for (mentions, expected) in cases {
            let named: Vec<SentenceMention> = mentions
                .iter()
                .enumerate()
                .map(|(first, &(entity, metonymy))| mention(entity, first, metonymy, None))
                .collect();
            assert_eq!(metonymic_entities(&named), *expected, "{mentions:?}");
        }
    }
}
