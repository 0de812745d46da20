//! Merging the graphs of disjoint shards of a corpus (`kg build --shard I/N`) into one graph: the
//! reduce step of a sharded build (`kg merge`).
//!
//! Each shard did the expensive per-document work (sentences, mentions, relation rules); the merge
//! puts the pieces together without reading any text again:
//!
//! 1. **documents** are ordered by name, compared path component by path component, which is the
//!    order a single build of one directory reads them in, and every mention and evidence is
//!    renumbered to that order;
//! 2. **entities** are united by their [`entity_key()`] (kind and normalised canonical name), which
//!    every shard computes alike without coordination, and then, unless the inputs are parts of one
//!    corpus built with its names (below), by a shared surface form: two entities that were each
//!    written "NLF" somewhere are one, as alias resolution keys its groups by surface form; names,
//!    aliases, mentions and kind votes are united, and the kind is the one the inputs agree on, or
//!    else the one the added-up votes elect;
//! 3. **relations** with the same endpoints, predicate, class and flags are one edge whose evidence is
//!    the union of the shards' evidence, sorted; what a name says about its owner (the `name-part`
//!    rule) is kept once, from the first document that says it, as a single build keeps it.
//!
//! Entities are listed in the order of their first mention and relations in the order of their first
//! evidence, as a single build lists them.
//!
//! **Parts built with the corpus's names** (`kg build --shard I/N --names names.ron`, see
//! [`crate::extract::corpus_wide`]) had every corpus-wide decision made as the single build makes it:
//! their entities are the single build's, named and typed alike, so they are united by entity key
//! alone (a surface two of them share, such as a capital written for its country, is two entities the
//! single build kept apart), and the merge of all the parts is the single build's file byte for byte.
//! Each such part says which corpus it is a part of ([`KnowledgeGraph::part_of_corpus`]); the merge of
//! all of a corpus's parts is no part any more.
//!
//! **Shards built without them** (`kg build --shard I/N` alone) each decided alias resolution, the
//! vocabulary that tells a sentence-initial common word from a name, and kinds over their own
//! documents: a surname or acronym that another shard alone defines stays a separate entity (or, the
//! other way round, a surname two shards give to two different people is joined to each within its
//! shard), and a word written in lower case only in another shard can be taken for a name. The merge
//! cannot undo these without reading the texts again; the README's scale-out section says so.

use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::{Entity, Evidence, Mention, Relation, StoredDocument};
use crate::model::{EdgeKey, EntityKind, Rule, entity_key, surface_key};
use crate::union_find::UnionFind;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One graph to merge, with the name its errors are reported under (its path).
#[derive(Debug)]
pub struct MergeInput {
    pub label: String,
    pub graph: KnowledgeGraph,
}

/// Why graphs could not be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "{second}: document {name:?} is also in {first}, with the same text: each shard must be merged once"
    )]
    DuplicateDocument {
        name: String,
        first: String,
        second: String,
    },
    #[error("{label}: {what} points at document {document}, which the file does not have")]
    DanglingDocument {
        label: String,
        what: &'static str,
        document: u32,
    },
}

/// Merges the graphs of disjoint shards of a corpus into the graph of the whole corpus.
///
/// # Arguments
/// * `inputs`: the shards' graphs, in any order (the result does not depend on it).
///
/// # Returns
/// The merged graph, or an error when a document (same name, same text) is in two inputs, which means
/// a shard was given twice, or when an input refers to a document it does not hold.
///
/// # Complexity
/// Linear in the inputs' mentions and evidence, plus the sorting of documents, mentions and evidence.
pub fn merge_graphs(mut inputs: Vec<MergeInput>) -> Result<KnowledgeGraph, MergeError> {
    let document_index = renumber_documents(&inputs)?;
    let corpus = common_corpus(&inputs);
    let (entities, entity_slot) = merge_entities(&inputs, &document_index, corpus.is_some())?;
    let relations = merge_relations(&inputs, &document_index, &entity_slot)?;

    let mut documents: Vec<(u32, StoredDocument)> = Vec::new();
    for (input, index) in inputs.iter_mut().zip(&document_index) {
        documents.extend(index.iter().copied().zip(input.graph.take_documents()));
    }
    documents.sort_by_key(|(index, _)| *index);
    let mut graph = KnowledgeGraph::new();
    // Parts that make up their whole corpus are the single build's graph, which is no part.
    let whole = corpus
        .as_deref()
        .and_then(|label| label.rsplit_once('/'))
        .is_some_and(|(_, count)| count == documents.len().to_string());
    graph.set_part_of_corpus(corpus.filter(|_| !whole));
    for (_, document) in documents {
        graph.push_stored_document(document);
    }
    let ids: Vec<EntityId> = graph.add_entities(entities);
    for (source, target, relation) in relations {
        graph.push_relation(ids[source], ids[target], relation);
    }
    Ok(graph)
}

/// The corpus every input is a part of, when they are all parts of one corpus built with its names
/// (`kg build --names`): their entities were decided over the whole corpus, so an entity key is one
/// entity in every part.
fn common_corpus(inputs: &[MergeInput]) -> Option<String> {
    let first = inputs.first()?.graph.part_of_corpus()?;
    inputs
        .iter()
        .all(|input| input.graph.part_of_corpus() == Some(first))
        .then(|| first.to_string())
}

/// For each input, the merged index of each of its documents: documents sorted by name (path
/// component by path component, as a directory is read), then by text hash, then by input.
fn renumber_documents(inputs: &[MergeInput]) -> Result<Vec<Vec<u32>>, MergeError> {
    let mut owner: HashMap<(&str, &str), usize> = HashMap::new();
    let mut all: Vec<(usize, usize, &StoredDocument)> = Vec::new();
    for (input, merged) in inputs.iter().enumerate() {
        for (local, document) in merged.graph.documents().iter().enumerate() {
            // The same name and text twice within one input is what a single build of two equal
            // files gives; across inputs it is one shard merged twice.
            let first = *owner
                .entry((document.name.as_str(), document.hash.as_str()))
                .or_insert(input);
            if first != input {
                return Err(MergeError::DuplicateDocument {
                    name: document.name.clone(),
                    first: inputs[first].label.clone(),
                    second: merged.label.clone(),
                });
            }
            all.push((input, local, document));
        }
    }
    all.sort_by(|a, b| {
        a.2.name
            .split('/')
            .cmp(b.2.name.split('/'))
            .then_with(|| a.2.hash.cmp(&b.2.hash))
            .then_with(|| (a.0, a.1).cmp(&(b.0, b.1)))
    });
    let mut index: Vec<Vec<u32>> = inputs
        .iter()
        .map(|input| vec![0; input.graph.documents().len()])
        .collect();
    for (merged, (input, local, _)) in all.into_iter().enumerate() {
        index[input][local] = u32::try_from(merged).unwrap_or(u32::MAX);
    }
    Ok(index)
}

fn renumber(
    index: &[u32],
    label: &str,
    what: &'static str,
    document: u32,
) -> Result<u32, MergeError> {
    index
        .get(document as usize)
        .copied()
        .ok_or_else(|| MergeError::DanglingDocument {
            label: label.to_string(),
            what,
            document,
        })
}

/// An input entity's share of a merged entity.
struct Part<'a> {
    entity: &'a Entity,
    mentions: Vec<Mention>,
}

/// The entities of all inputs gathered by entity key: each key's shares, each input's map from its
/// entity ids to a key's slot, and the surface forms that may join slots.
struct Slots<'a> {
    parts: Vec<Vec<Part<'a>>>,
    slot_of: Vec<HashMap<EntityId, usize>>,
    /// Each name and alias as a surface key, with the slot of the entity that has it.
    surfaces: Vec<(String, usize)>,
    /// Surface keys two entities of one input share (a lexicon entity and a phrase written like one
    /// of its names): alias resolution kept them apart, so they join nothing.
    ambiguous: HashSet<String>,
}

/// The merged entities, in the order of their first mention, and for each input a map from its
/// entity ids to a merged entity's index.
#[allow(clippy::type_complexity)]
fn merge_entities(
    inputs: &[MergeInput],
    document_index: &[Vec<u32>],
    decided: bool,
) -> Result<(Vec<Entity>, Vec<HashMap<EntityId, usize>>), MergeError> {
    let slots = gather_slots(inputs, document_index)?;
    // Parts decided with one corpus's names name each entity alike: a surface two of them share is
    // two entities the single build kept apart (a capital and the country it stands for).
    let mut union = if decided {
        UnionFind::new(slots.parts.len())
    } else {
        unite_by_surface(slots.parts.len(), slots.surfaces, &slots.ambiguous)
    };
    let texts = inputs_texts(inputs, document_index);
    let merged = merge_groups(&slots.parts, &mut union, &texts);
    let entity_slot = index_slots(slots.slot_of, &mut union, &merged);
    Ok((merged.into_iter().map(|(_, e)| e).collect(), entity_slot))
}

/// Gathers every input's entities into one slot per entity key, with their mentions renumbered.
fn gather_slots<'a>(
    inputs: &'a [MergeInput],
    document_index: &[Vec<u32>],
) -> Result<Slots<'a>, MergeError> {
    let mut slot_of_key: HashMap<String, usize> = HashMap::new();
    let mut slots = Slots {
        parts: Vec::new(),
        slot_of: Vec::with_capacity(inputs.len()),
        surfaces: Vec::new(),
        ambiguous: HashSet::new(),
    };
    for (input, merged) in inputs.iter().enumerate() {
        let mut input_slots = HashMap::new();
        let mut owner_in_input: HashMap<String, EntityId> = HashMap::new();
        for (id, entity) in merged.graph.entities() {
            let slot = *slot_of_key
                .entry(entity_key(&entity.name, entity.kind))
                .or_insert_with(|| {
                    slots.parts.push(Vec::new());
                    slots.parts.len() - 1
                });
            let mentions = renumber_mentions(entity, &document_index[input], &merged.label)?;
            slots.parts[slot].push(Part { entity, mentions });
            input_slots.insert(id, slot);
            for alias in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = surface_key(alias);
                match owner_in_input.get(&key) {
                    Some(&owner) if owner != id => {
                        slots.ambiguous.insert(key.clone());
                    }
                    Some(_) => {}
                    None => {
                        owner_in_input.insert(key.clone(), id);
                    }
                }
                slots.surfaces.push((key, slot));
            }
        }
        slots.slot_of.push(input_slots);
    }
    Ok(slots)
}

/// An entity's mentions, with their documents renumbered by `index`.
fn renumber_mentions(
    entity: &Entity,
    index: &[u32],
    label: &str,
) -> Result<Vec<Mention>, MergeError> {
    entity
        .mentions
        .iter()
        .map(|mention| {
            Ok(Mention {
                document: renumber(index, label, "a mention", mention.document)?,
                span: mention.span,
            })
        })
        .collect()
}

/// Unites the slots that share a surface key no input holds twice.
fn unite_by_surface(
    slot_count: usize,
    surfaces: Vec<(String, usize)>,
    ambiguous: &HashSet<String>,
) -> UnionFind {
    // Entities written the same way somewhere are one, as alias resolution groups mentions by their
    // surface key.
    let mut union = UnionFind::new(slot_count);
    let mut slot_of_surface: HashMap<String, usize> = HashMap::new();
    for (key, slot) in surfaces {
        if ambiguous.contains(&key) {
            continue;
        }
        match slot_of_surface.get(&key) {
            Some(&other) => union.union(slot, other),
            None => {
                slot_of_surface.insert(key, slot);
            }
        }
    }
    union
}

/// One entity per group of united slots, with its group's root, in the order of first mention.
fn merge_groups(
    parts: &[Vec<Part<'_>>],
    union: &mut UnionFind,
    texts: &[&str],
) -> Vec<(usize, Entity)> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for slot in 0..parts.len() {
        members.entry(union.find(slot)).or_default().push(slot);
    }
    let mut merged: Vec<(usize, Entity)> = members
        .iter()
        .map(|(&root, slots)| {
            let shares: Vec<&Part<'_>> = slots.iter().flat_map(|&s| &parts[s]).collect();
            (root, merge_entity(&shares, texts))
        })
        .collect();
    // A single build lists entities in the order their first mention is read.
    merged.sort_by(|(_, a), (_, b)| {
        a.mentions
            .first()
            .cmp(&b.mentions.first())
            .then_with(|| a.name.cmp(&b.name))
    });
    merged
}

/// For each input, its entity ids mapped to the index of the merged entity their slot went into.
fn index_slots(
    slot_of: Vec<HashMap<EntityId, usize>>,
    union: &mut UnionFind,
    merged: &[(usize, Entity)],
) -> Vec<HashMap<EntityId, usize>> {
    let mut index_of_root: HashMap<usize, usize> = HashMap::new();
    for (index, (root, _)) in merged.iter().enumerate() {
        index_of_root.insert(*root, index);
    }
    slot_of
        .into_iter()
        .map(|slots| {
            slots
                .into_iter()
                .filter_map(|(id, slot)| Some((id, *index_of_root.get(&union.find(slot))?)))
                .collect()
        })
        .collect()
}

/// The text of each merged document, to count how often a name is written.
fn inputs_texts<'a>(inputs: &'a [MergeInput], document_index: &[Vec<u32>]) -> Vec<&'a str> {
    let mut texts = vec![""; document_index.iter().map(Vec::len).sum()];
    for (input, index) in inputs.iter().zip(document_index) {
        for (document, &merged) in input.graph.documents().iter().zip(index) {
            if let Some(slot) = texts.get_mut(merged as usize) {
                *slot = document.text.as_str();
            }
        }
    }
    texts
}

/// One entity from its shares: every alias and mention; the name and kind the shares agree on, or
/// else chosen as alias resolution chooses them (the name with the most words, then the one written
/// most often, then the first in sort order; the kind with the most mentions, ties to the later kind).
fn merge_entity(shares: &[&Part<'_>], texts: &[&str]) -> Entity {
    let mut aliases: Vec<String> = shares
        .iter()
        .flat_map(|p| p.entity.aliases.iter().cloned())
        .collect();
    aliases.sort();
    aliases.dedup();
    let mut mentions: Vec<Mention> = shares.iter().flat_map(|p| p.mentions.clone()).collect();
    mentions.sort();
    mentions.dedup();
    let mut names: Vec<&str> = shares.iter().map(|p| p.entity.name.as_str()).collect();
    names.sort();
    names.dedup();
    let name = match names.as_slice() {
        [one] => one.to_string(),
        _ => {
            let written = |name: &str| {
                mentions
                    .iter()
                    .filter(|m| {
                        texts
                            .get(m.document as usize)
                            .is_some_and(|text| m.span.slice(text) == name)
                    })
                    .count()
            };
            let mut best: Option<((usize, usize), &str)> = None;
            for name in names {
                let score = (name.split_whitespace().count(), written(name));
                if best.is_none_or(|(current, _)| score > current) {
                    best = Some((score, name));
                }
            }
            best.map_or_else(String::new, |(_, name)| name.to_string())
        }
    };
    let mut kind_votes: Vec<(EntityKind, u32)> = Vec::new();
    for share in shares {
        super::entity::add_kind_votes(&mut kind_votes, &share.entity.kind_votes);
    }
    let kind = merged_kind(shares, &kind_votes);
    Entity {
        name,
        kind,
        kind_votes,
        aliases,
        mentions,
    }
}

/// The kind the shares agree on; else the one the mentions' votes, added up, give most often (ties to
/// the later kind, as alias resolution breaks them); else, when no mention votes (files of format
/// version 1), the kind of the most mentions.
fn merged_kind(shares: &[&Part<'_>], votes: &[(EntityKind, u32)]) -> EntityKind {
    if let Some(first) = shares.first()
        && shares
            .iter()
            .all(|share| share.entity.kind == first.entity.kind)
    {
        return first.entity.kind;
    }
    if let Some((kind, _)) = votes.iter().max_by_key(|(_, count)| *count) {
        return *kind;
    }
    let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for share in shares {
        *kinds.entry(share.entity.kind).or_default() += share.mentions.len();
    }
    kinds
        .into_iter()
        .max_by_key(|(_, count)| *count)
        .map_or(EntityKind::Organization, |(kind, _)| kind)
}

/// A merged relation while the inputs are read: its key, its evidence so far, and where a single
/// build would first list it (first document, input, position in that input).
struct Edge {
    key: EdgeKey,
    evidence: Vec<Evidence>,
    first: (u32, usize, usize),
}

/// The merged relations, (source, target, relation) by merged entity index, in the order a single
/// build lists them: by the first document that states them, then in the order the shard that read
/// that document lists them.
fn merge_relations(
    inputs: &[MergeInput],
    document_index: &[Vec<u32>],
    entity_slot: &[HashMap<EntityId, usize>],
) -> Result<Vec<(usize, usize, Relation)>, MergeError> {
    let mut edges = gather_edges(inputs, document_index, entity_slot)?;
    settle_evidence(&mut edges);
    edges.retain(|edge| !edge.evidence.is_empty());
    edges.sort_by_key(|edge| edge.first);
    Ok(edges
        .into_iter()
        .map(|edge| {
            let EdgeKey {
                source,
                target,
                statement,
            } = edge.key;
            (
                source,
                target,
                Relation::with_statement(statement, edge.evidence),
            )
        })
        .collect())
}

/// Unites the relations of all inputs by edge key, their evidence renumbered and concatenated.
fn gather_edges(
    inputs: &[MergeInput],
    document_index: &[Vec<u32>],
    entity_slot: &[HashMap<EntityId, usize>],
) -> Result<Vec<Edge>, MergeError> {
    let mut edge_of_key: HashMap<EdgeKey, usize> = HashMap::new();
    let mut edges: Vec<Edge> = Vec::new();
    for (input, merged) in inputs.iter().enumerate() {
        for (position, relation) in merged.graph.relations().enumerate() {
            let (Some(&source), Some(&target)) = (
                entity_slot[input].get(&relation.source),
                entity_slot[input].get(&relation.target),
            ) else {
                continue;
            };
            let evidence =
                renumber_evidence(relation.relation, &document_index[input], &merged.label)?;
            let Some(first_document) = evidence.iter().map(|e| e.document()).min() else {
                continue;
            };
            let first = (first_document, input, position);
            let key = EdgeKey::new(source, target, relation.relation.statement());
            match edge_of_key.get(&key) {
                Some(&edge) => {
                    let edge = &mut edges[edge];
                    edge.evidence.extend(evidence);
                    edge.first = edge.first.min(first);
                }
                None => {
                    edge_of_key.insert(key, edges.len());
                    edges.push(Edge {
                        key,
                        evidence,
                        first,
                    });
                }
            }
        }
    }
    Ok(edges)
}

/// A relation's evidence, with its documents renumbered by `index`.
fn renumber_evidence(
    relation: &Relation,
    index: &[u32],
    label: &str,
) -> Result<Vec<Evidence>, MergeError> {
    relation
        .evidence()
        .iter()
        .map(|evidence| {
            Ok(evidence.with_document(renumber(index, label, "evidence", evidence.document())?))
        })
        .collect()
}

/// Keeps, of what a name says about its owner, only the first statement for each pair of entities,
/// then sorts and deduplicates each edge's evidence.
fn settle_evidence(edges: &mut [Edge]) {
    // What a name says about its owner is said once in a single build, by its first sentence; each
    // shard kept its own first.
    let is_name_part = |e: &Evidence| {
        e.rule_name()
            .is_some_and(|name| name.rule == Rule::NamePart)
    };
    let mut first_name_part: HashMap<(usize, usize), (u32, crate::model::Span)> = HashMap::new();
    for edge in edges.iter() {
        for evidence in edge.evidence.iter().filter(|e| is_name_part(e)) {
            let at = (evidence.document(), evidence.span());
            let first = first_name_part
                .entry((edge.key.source, edge.key.target))
                .or_insert(at);
            *first = (*first).min(at);
        }
    }
    for edge in edges.iter_mut() {
        let pair = (edge.key.source, edge.key.target);
        edge.evidence.retain(|e| {
            !is_name_part(e) || first_name_part.get(&pair) == Some(&(e.document(), e.span()))
        });
        edge.evidence.sort();
        edge.evidence.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RelationClass, Span};

    /// An entity of a shard: name, kind, other surface forms.
    type EntitySpec = (&'static str, EntityKind, &'static [&'static str]);
    /// A relation of a shard: subject, predicate, object, rule; its evidence is the document's first
    /// sentence that names both ends.
    type RelationSpec = (&'static str, &'static str, &'static str, &'static str);

    /// A shard holding one document, `name`, of the sentences `text`: every surface form is mentioned
    /// wherever it is written.
    fn shard(
        name: &str,
        text: &str,
        entities: &[EntitySpec],
        relations: &[RelationSpec],
    ) -> MergeInput {
        let mut graph = KnowledgeGraph::new();
        let document = graph.add_document(name.to_string(), text.to_string());
        let mut ids = HashMap::new();
        for &(entity_name, kind, others) in entities {
            let mut aliases: Vec<String> = std::iter::once(entity_name)
                .chain(others.iter().copied())
                .map(str::to_string)
                .collect();
            aliases.sort();
            aliases.dedup();
            let mut mentions: Vec<Mention> = aliases
                .iter()
                .flat_map(|alias| text.match_indices(alias.as_str()))
                .map(|(start, alias)| Mention {
                    document,
                    span: Span::new(start, start + alias.len()),
                })
                .collect();
            mentions.sort();
            let entity = Entity {
                name: entity_name.to_string(),
                kind,
                aliases,
                mentions,
                kind_votes: Vec::new(),
            };
            ids.insert(entity_name, graph.add_entity(entity));
        }
        for &(subject, predicate, object, rule) in relations {
            let mut start = 0;
            let sentence = text
                .split_inclusive(". ")
                .map(|s| {
                    start += s.len();
                    (start - s.len(), s)
                })
                .find(|(_, s)| s.contains(subject) && s.contains(object))
                .map(|(at, s)| Span::new(at, at + s.trim_end().len()));
            let (Some(sentence), Some(&source), Some(&target)) =
                (sentence, ids.get(subject), ids.get(object))
            else {
                panic!("{name}: no sentence names {subject} and {object}");
            };
            let relation = Relation::new(
                predicate,
                RelationClass::Cooperation,
                [Evidence::new(document, sentence, rule, None)],
            );
            graph.add_relation(source, target, relation);
        }
        MergeInput {
            label: format!("{name}.ron"),
            graph,
        }
    }

    /// The merged graph in a comparable form: documents; entities as `name kind [aliases] mentions`;
    /// relations as `subject predicate object: document@start rule, ...`.
    fn describe(graph: &KnowledgeGraph) -> (Vec<String>, Vec<String>, Vec<String>) {
        let documents = graph.documents().iter().map(|d| d.name.clone()).collect();
        let entities = graph
            .entities()
            .map(|(_, e)| {
                let mentions: Vec<String> = e
                    .mentions
                    .iter()
                    .map(|m| format!("{}@{}", m.document, m.span.start))
                    .collect();
                format!(
                    "{} {:?} [{}] {}",
                    e.name,
                    e.kind,
                    e.aliases.join(", "),
                    mentions.join(" ")
                )
            })
            .collect();
        let name = |id| graph.entity(id).map_or("?", |e| e.name.as_str());
        let relations = graph
            .relations()
            .map(|r| {
                let evidence: Vec<String> = r
                    .relation
                    .evidence()
                    .iter()
                    .map(|e| format!("{}@{} {}", e.document(), e.span().start, e.rule()))
                    .collect();
                format!(
                    "{} {} {}: {}",
                    name(r.source),
                    r.relation.predicate(),
                    name(r.target),
                    evidence.join(", ")
                )
            })
            .collect();
        (documents, entities, relations)
    }

    const ORG: EntityKind = EntityKind::Organization;

    #[test]
    fn merges_entities_relations_and_documents_as_a_single_build_lists_them() {
        struct Case {
            what: &'static str,
            shards: Vec<MergeInput>,
            entities: &'static [&'static str],
            relations: &'static [&'static str],
        }
        let cases = [
            Case {
                what: "same key in two shards: one entity, mentions renumbered, evidence united",
                shards: vec![
                    shard(
                        "b.txt",
                        "The Delta Council met France. ",
                        &[
                            ("Delta Council", ORG, &[]),
                            ("France", EntityKind::Country, &[]),
                        ],
                        &[("Delta Council", "meet", "France", "verb")],
                    ),
                    shard(
                        "a.txt",
                        "Later the Delta Council met France again. ",
                        &[
                            ("Delta Council", ORG, &[]),
                            ("France", EntityKind::Country, &[]),
                        ],
                        &[("Delta Council", "meet", "France", "verb")],
                    ),
                ],
                entities: &[
                    "Delta Council Organization [Delta Council] 0@10 1@4",
                    "France Country [France] 0@28 1@22",
                ],
                relations: &["Delta Council meet France: 0@0 verb, 1@0 verb"],
            },
            Case {
                what: "a surface form shared across shards joins two names; the longer one names it",
                shards: vec![
                    shard(
                        "a.txt",
                        "The National Liberation Front (NLF) met Chile. ",
                        &[
                            ("National Liberation Front", ORG, &["NLF"]),
                            ("Chile", EntityKind::Country, &[]),
                        ],
                        &[("National Liberation Front", "meet", "Chile", "verb")],
                    ),
                    shard(
                        "b.txt",
                        "The NLF met Chile. ",
                        &[("NLF", ORG, &[]), ("Chile", EntityKind::Country, &[])],
                        &[("NLF", "meet", "Chile", "verb")],
                    ),
                ],
                entities: &[
                    "National Liberation Front Organization [NLF, National Liberation Front] \
                     0@4 0@31 1@4",
                    "Chile Country [Chile] 0@40 1@12",
                ],
                relations: &["National Liberation Front meet Chile: 0@0 verb, 1@0 verb"],
            },
            Case {
                what: "a name-part statement is kept once, from the first document",
                shards: vec![
                    shard(
                        "b.txt",
                        "Iraq Bank of Iraq Iraq. ",
                        &[
                            ("Bank of Iraq", ORG, &[]),
                            ("Iraq", EntityKind::Country, &[]),
                        ],
                        &[("Bank of Iraq", "of", "Iraq", "name-part")],
                    ),
                    shard(
                        "a.txt",
                        "The Bank of Iraq lends to Iraq. ",
                        &[
                            ("Bank of Iraq", ORG, &[]),
                            ("Iraq", EntityKind::Country, &[]),
                        ],
                        &[("Bank of Iraq", "of", "Iraq", "name-part")],
                    ),
                ],
                entities: &[
                    "Bank of Iraq Organization [Bank of Iraq] 0@4 1@5",
                    "Iraq Country [Iraq] 0@12 0@26 1@0 1@13 1@18",
                ],
                relations: &["Bank of Iraq of Iraq: 0@0 name-part"],
            },
            Case {
                what: "documents ordered by path component, not by string: a/b.txt before a.b/c.txt",
                shards: vec![
                    shard(
                        "a.b/c.txt",
                        "Peru met Chile. ",
                        &[
                            ("Peru", EntityKind::Country, &[]),
                            ("Chile", EntityKind::Country, &[]),
                        ],
                        &[],
                    ),
                    shard(
                        "a/b.txt",
                        "Chile met Peru. ",
                        &[
                            ("Chile", EntityKind::Country, &[]),
                            ("Peru", EntityKind::Country, &[]),
                        ],
                        &[],
                    ),
                ],
                entities: &[
                    "Chile Country [Chile] 0@0 1@9",
                    "Peru Country [Peru] 0@10 1@0",
                ],
                relations: &[],
            },
        ];
        for case in cases {
            let labels: Vec<String> = case.shards.iter().map(|s| s.label.clone()).collect();
            let forward = merge_graphs(case.shards).unwrap();
            let (documents, entities, relations) = describe(&forward);
            assert_eq!(entities, case.entities, "{}", case.what);
            assert_eq!(relations, case.relations, "{}", case.what);
            let mut sorted = documents.clone();
            sorted.sort_by(|a, b| a.split('/').cmp(b.split('/')));
            assert_eq!(documents, sorted, "{}: {labels:?}", case.what);
        }
    }

    #[test]
    fn the_order_of_the_inputs_does_not_matter() {
        let shards = || {
            vec![
                shard(
                    "a.txt",
                    "The Delta Council met France. ",
                    &[
                        ("Delta Council", ORG, &["DC"]),
                        ("France", EntityKind::Country, &[]),
                    ],
                    &[("Delta Council", "meet", "France", "verb")],
                ),
                shard(
                    "b.txt",
                    "The DC met France. ",
                    &[("DC", ORG, &[]), ("France", EntityKind::Country, &[])],
                    &[("DC", "meet", "France", "verb")],
                ),
                shard(
                    "c.txt",
                    "France met Peru. ",
                    &[
                        ("France", EntityKind::Country, &[]),
                        ("Peru", EntityKind::Country, &[]),
                    ],
                    &[("France", "meet", "Peru", "verb")],
                ),
            ]
        };
        let expected = describe(&merge_graphs(shards()).unwrap());
        for order in [[2, 1, 0], [1, 0, 2], [1, 2, 0]] {
            let mut inputs: Vec<Option<MergeInput>> = shards().into_iter().map(Some).collect();
            let reordered = order.iter().filter_map(|&i| inputs[i].take()).collect();
            assert_eq!(
                describe(&merge_graphs(reordered).unwrap()),
                expected,
                "{order:?}"
            );
        }
    }

    #[test]
    fn refuses_a_shard_given_twice_and_a_dangling_document() {
        let one = || {
            shard(
                "a.txt",
                "Peru met Chile. ",
                &[("Peru", EntityKind::Country, &[])],
                &[],
            )
        };
        let error = merge_graphs(vec![one(), one()]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "a.txt.ron: document \"a.txt\" is also in a.txt.ron, with the same text: each shard \
             must be merged once"
        );
        let mut dangling = one();
        let mut graph = KnowledgeGraph::new();
        graph.add_entity(Entity {
            name: "Peru".into(),
            kind: EntityKind::Country,
            aliases: vec!["Peru".into()],
            mentions: vec![Mention {
                document: 3,
                span: Span::new(0, 4),
            }],
            kind_votes: Vec::new(),
        });
        dangling.graph = graph;
        assert_eq!(
            merge_graphs(vec![dangling]).unwrap_err(),
            MergeError::DanglingDocument {
                label: "a.txt.ron".into(),
                what: "a mention",
                document: 3,
            }
        );
    }
}
