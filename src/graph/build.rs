//! Building a graph from what extraction found: entities with their mentions, and relations read
//! sentence by sentence, which become edges.
//!
//! Relations that share an [`EdgeKey`] (the same ends, predicate, class and flags) are one edge whose
//! evidence is every sentence that states them. [`KnowledgeGraph::add_relation`] would merge them too,
//! but one at a time, searching the source's edges and re-sorting the evidence on every merge, which is
//! quadratic in the sentences of a frequent pair. Here each edge is built once, in the order of its
//! first relation, with its evidence sorted and deduplicated, as `add_relation` leaves it; the keys,
//! the grouping and the edges are made on every thread.
//!
//! The input is in the graph's own terms ([`FoundEntity`], [`FoundRelation`]), so that this stage
//! knows nothing of how extraction is done: the pipeline maps its extraction onto them.

use super::knowledge_graph::KnowledgeGraph;
use super::{Entity, Evidence, Mention, Relation};
use crate::grouping::Grouping;
use crate::model::{EdgeKey, EntityKind, Period, RelationClass, RuleName, Span, Statement, Symbol};
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

/// An entity as extraction found it: its aliases and mentions in any order, perhaps repeated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntity {
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    /// How many of its mentions' own words give each kind, sorted by kind.
    pub kind_votes: Vec<(EntityKind, u32)>,
    /// Every surface form seen.
    pub aliases: Vec<String>,
    /// (document index, byte span) of every mention.
    pub mentions: Vec<(usize, Span)>,
}

/// A relation as one sentence states it, between two found entities (by their index in the list of
/// [`FoundEntity`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundRelation<'a> {
    pub subject: usize,
    pub object: usize,
    /// The normalised verb phrase: "impose sanctions on".
    pub predicate: &'a str,
    pub class: RelationClass,
    /// The sentence denies the relation.
    pub negated: bool,
    /// The sentence hedges the relation.
    pub hedged: bool,
    /// The index of the sentence's document.
    pub document: usize,
    /// The sentence's byte span in its document.
    pub sentence: Span,
    /// The rule that read it.
    pub rule: RuleName,
    /// The period the sentence speaks of, if it names one.
    pub time: Option<Period>,
}

/// Interned texts, per piece of work: the few distinct predicates and rule names are interned once
/// each rather than once per relation, since interning hashes the text and reads the process-wide
/// table under its lock.
type Interned<'a> = HashMap<&'a str, Symbol, FxBuildHasher>;
type InternedRules = HashMap<RuleName, Symbol, FxBuildHasher>;

fn intern<'a>(interned: &mut Interned<'a>, text: &'a str) -> Symbol {
    *interned.entry(text).or_insert_with(|| Symbol::intern(text))
}

fn intern_rule(interned: &mut InternedRules, rule: RuleName) -> Symbol {
    *interned
        .entry(rule)
        .or_insert_with(|| Symbol::intern(&rule.to_string()))
}

fn to_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

impl KnowledgeGraph {
    /// The graph of `documents` (name and text, in order), `entities`, and the edges `relations` make,
    /// each read through `found`.
    ///
    /// # Arguments
    /// * `documents`: the texts the entities and relations were found in, which the graph keeps.
    /// * `entities`: every entity, in the order the graph numbers them.
    /// * `relations`: every relation, each stated by one sentence; a relation whose subject or object
    ///   is not among `entities` is left out.
    /// * `found`: how to read one of `relations` (the caller's type is left as it is, not copied).
    ///
    /// # Returns
    /// The graph a run of [`KnowledgeGraph::add_document`], [`KnowledgeGraph::add_entity`] and
    /// [`KnowledgeGraph::add_relation`] over the same input, in order, would give.
    ///
    /// # Complexity
    /// Linear in the mentions and relations, plus sorting each entity's mentions and each edge's
    /// evidence; the work is shared between rayon's threads.
    pub fn from_found<'a, T: Sync>(
        documents: Vec<(String, String)>,
        entities: Vec<FoundEntity>,
        relations: &'a [T],
        found: impl Fn(&'a T) -> FoundRelation<'a> + Sync,
    ) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_documents(documents);
        let entities: Vec<Entity> = entities.into_par_iter().map(entity_from_found).collect();
        // Indexing the entities' names, mostly on one thread, and making the edges are independent.
        let (ids, edges) = rayon::join(
            || graph.add_entities(entities),
            || edges_from_found(relations, &found),
        );
        graph.reserve_relations(edges.len());
        for (subject, object, relation) in edges {
            let (Some(&source), Some(&target)) = (ids.get(subject), ids.get(object)) else {
                continue;
            };
            // Each key is one edge, so there is nothing to merge with.
            graph.push_relation(source, target, relation);
        }
        graph
    }
}

/// The entity, with its aliases and mentions sorted and each kept once.
fn entity_from_found(entity: FoundEntity) -> Entity {
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
        kind_votes: entity.kind_votes,
    }
}

/// The edges of `relations`, (subject, object, relation) by found entity index, in the order of each
/// edge's first relation.
fn edges_from_found<'a, T: Sync>(
    relations: &'a [T],
    found: &(impl Fn(&'a T) -> FoundRelation<'a> + Sync),
) -> Vec<(usize, usize, Relation)> {
    // Grouped by one hash look-up each, of a key of numbers only (the predicate interned first:
    // hashing and comparing its text was most of the grouping).
    let keys: Vec<EdgeKey> = relations
        .par_iter()
        .map_init(Interned::default, |interned, relation| {
            let relation = found(relation);
            let statement = Statement {
                predicate: intern(interned, relation.predicate),
                class: relation.class,
                negated: relation.negated,
                hedged: relation.hedged,
            };
            EdgeKey::new(relation.subject, relation.object, statement)
        })
        .collect();
    let groups = Grouping::by_key_par::<_, _, FxBuildHasher>(&keys, |key| key);
    (0..groups.len())
        .into_par_iter()
        .map_init(InternedRules::default, |interned, group| {
            let members = groups.members(group);
            let mut evidence: Vec<Evidence> = members
                .iter()
                .filter_map(|&index| relations.get(index))
                .map(|relation| {
                    let relation = found(relation);
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
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rule;

    fn entity(name: &str, aliases: &[&str], mentions: &[(usize, usize)]) -> FoundEntity {
        FoundEntity {
            name: name.into(),
            kind: EntityKind::Country,
            kind_votes: vec![(EntityKind::Country, 1)],
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: mentions
                .iter()
                .map(|&(document, start)| (document, Span::new(start, start + 4)))
                .collect(),
        }
    }

    /// A relation from `subject` to `object` saying `predicate`, with its flags, in the sentence
    /// starting at `start` of document 0.
    fn relation(
        subject: usize,
        object: usize,
        predicate: &'static str,
        (negated, hedged): (bool, bool),
        start: usize,
    ) -> FoundRelation<'static> {
        FoundRelation {
            subject,
            object,
            predicate,
            class: RelationClass::Cooperation,
            negated,
            hedged,
            document: 0,
            sentence: Span::new(start, start + 10),
            rule: RuleName::new(Rule::Verb, false),
            time: (start % 2 == 1).then_some(Period {
                from: Some(2001),
                to: None,
            }),
        }
    }

    /// The graph as the one-at-a-time methods build it: what `from_found` must equal.
    fn added_one_by_one(
        documents: &[(String, String)],
        entities: &[FoundEntity],
        relations: &[FoundRelation<'static>],
    ) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        for (name, text) in documents {
            graph.add_document(name.clone(), text.clone());
        }
        let ids: Vec<_> = entities
            .iter()
            .map(|e| graph.add_entity(entity_from_found(e.clone())))
            .collect();
        for r in relations {
            let (Some(&source), Some(&target)) = (ids.get(r.subject), ids.get(r.object)) else {
                continue;
            };
            let evidence =
                Evidence::new(to_u32(r.document), r.sentence, &r.rule.to_string(), r.time);
            let relation = Relation::new(r.predicate, r.class, [evidence])
                .with_negated(r.negated)
                .with_hedged(r.hedged);
            graph.add_relation(source, target, relation);
        }
        graph
    }

    /// Entities and relations as (name, aliases, mentions) and (source, target, relation), in id order.
    fn contents(graph: &KnowledgeGraph) -> (Vec<Entity>, Vec<(String, String, Relation)>) {
        let entities = graph.entities().map(|(_, e)| e.clone()).collect();
        let name = |id| graph.entity(id).map_or(String::new(), |e| e.name.clone());
        let relations = graph
            .relations()
            .map(|r| (name(r.source), name(r.target), r.relation.clone()))
            .collect();
        (entities, relations)
    }

    #[test]
    fn builds_what_adding_one_at_a_time_builds() {
        let plain = (false, false);
        let cases: &[(&str, Vec<FoundRelation<'static>>, usize, usize)] = &[
            ("nothing", vec![], 0, 0),
            (
                "one statement twice, out of order, is one edge",
                vec![
                    relation(0, 1, "back", plain, 9),
                    relation(0, 1, "back", plain, 2),
                ],
                1,
                2,
            ),
            (
                "the same sentence twice counts once",
                vec![
                    relation(0, 1, "back", plain, 2),
                    relation(0, 1, "back", plain, 2),
                ],
                1,
                1,
            ),
            (
                "direction, predicate and flags tell edges apart",
                vec![
                    relation(0, 1, "back", plain, 0),
                    relation(1, 0, "back", plain, 0),
                    relation(0, 1, "fund", plain, 0),
                    relation(0, 1, "back", (true, false), 0),
                    relation(0, 1, "back", (false, true), 0),
                    relation(0, 1, "back", plain, 3),
                ],
                5,
                6,
            ),
            (
                "an end that is no entity is left out",
                vec![
                    relation(0, 7, "back", plain, 0),
                    relation(2, 0, "back", plain, 1),
                ],
                1,
                1,
            ),
        ];
        let documents = vec![("a.txt".to_string(), "Iran backs Iraq.".to_string())];
        let entities = vec![
            entity("Iran", &["Iran", "IRAN", "Iran"], &[(0, 9), (0, 0), (0, 9)]),
            entity("Iraq", &[], &[]),
            entity("Syria", &["Syria"], &[(0, 20)]),
        ];
        for (name, relations, edges, evidence) in cases {
            let built =
                KnowledgeGraph::from_found(documents.clone(), entities.clone(), relations, |r| *r);
            let expected = added_one_by_one(&documents, &entities, relations);
            assert_eq!(contents(&built), contents(&expected), "{name}");
            assert_eq!(built.documents(), expected.documents(), "{name}");
            assert_eq!(built.relation_count(), *edges, "{name}");
            assert_eq!(built.evidence_count(), *evidence, "{name}");
            assert_eq!(built.find("iran"), expected.find("iran"), "{name}");
        }
    }

    #[test]
    fn aliases_and_mentions_are_sorted_and_kept_once() {
        let built = KnowledgeGraph::from_found(
            Vec::new(),
            vec![entity(
                "Iran",
                &["Persia", "Iran", "Persia"],
                &[(1, 5), (0, 9), (1, 5)],
            )],
            &[] as &[FoundRelation<'_>],
            |r| *r,
        );
        let (_, iran) = built.entities().next().expect("one entity");
        assert_eq!(iran.aliases, ["Iran", "Persia"]);
        let mentions: Vec<(u32, usize)> = iran
            .mentions
            .iter()
            .map(|m| (m.document, m.span.start))
            .collect();
        assert_eq!(mentions, [(0, 9), (1, 5)]);
    }

    proptest::proptest! {
        #[test]
        fn any_relations_build_what_adding_them_one_at_a_time_builds(
            relations in proptest::collection::vec(
                (0usize..4, 0usize..4, 0usize..3, proptest::prelude::any::<(bool, bool)>(), 0usize..6),
                0..60,
            ),
        ) {
            const PREDICATES: [&str; 3] = ["back", "fund", "meet"];
            let relations: Vec<FoundRelation<'static>> = relations
                .into_iter()
                .map(|(s, o, p, flags, start)| relation(s, o, PREDICATES[p], flags, start))
                .collect();
            let entities = vec![entity("A", &[], &[]), entity("B", &[], &[]), entity("C", &[], &[])];
            let built = KnowledgeGraph::from_found(Vec::new(), entities.clone(), &relations, |r| *r);
            let expected = added_one_by_one(&[], &entities, &relations);
            proptest::prop_assert_eq!(contents(&built), contents(&expected));
        }
    }
}
