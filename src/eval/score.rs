//! `evaluate`: scores a graph against gold, as `shared/gold/README.md` defines.
//!
//! Everything rests on one matching of names: a graph entity and a gold entity *share* a name when a
//! normalised name or alias of one equals a normalised name or alias of the other. From it:
//!
//! - the best graph entity of a gold entity is the one sharing the most names with it (ties: the most
//!   mentions, then the lowest id);
//! - the best gold entity of a graph entity is the one sharing the most names with it (ties: the first in
//!   gold order, i.e. by normalised canonical name);
//! - a graph edge is *asserted* when its class is not `CoMention` and it is not negated (hedged edges
//!   count); its pair is the unordered pair of the best gold entities of its ends, and it has none when
//!   an end matches no gold entity or both ends map to the same one.
//!
//! Gold relations whose subject or object is not the canonical name of a gold entity, or whose subject
//! and object are the same, are left out.

use super::gold::Gold;
use super::normalize::{normalize, sentences_match};
use super::report::{NamePair, Report, Score, Share};
use super::rule_score::RuleScore;
use crate::graph::{EntityId, KnowledgeGraph};
use crate::model::RelationClass;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// An unordered pair of gold entities, as positions in `Gold::entities`, smaller first.
type Pair = (usize, usize);

fn pair(first: usize, second: usize) -> Option<Pair> {
    match first.cmp(&second) {
        std::cmp::Ordering::Less => Some((first, second)),
        std::cmp::Ordering::Greater => Some((second, first)),
        std::cmp::Ordering::Equal => None,
    }
}

/// Scores `graph` against `gold`.
pub fn evaluate(graph: &KnowledgeGraph, gold: &Gold) -> Report {
    let matching = NameMatching::new(graph, gold);
    let (entities, missed_entities, spurious_entities) = matching.entity_score(gold);
    let (alias_accuracy, gold_aliases) = matching.alias_accuracy(gold);

    let gold_relations = GoldRelations::new(gold);
    let edges = asserted_edges(graph, &matching);
    let mut graph_classes: BTreeMap<Pair, BTreeSet<RelationClass>> = BTreeMap::new();
    let mut graph_sentences: BTreeMap<Pair, BTreeSet<&str>> = BTreeMap::new();
    for edge in &edges {
        if let Some(pair) = edge.pair {
            graph_classes.entry(pair).or_default().insert(edge.class);
            let sentences = graph_sentences.entry(pair).or_default();
            sentences.extend(edge.evidence.iter().map(|(_, s)| s.as_str()));
        }
    }

    let matched_pairs: Vec<Pair> = graph_classes
        .keys()
        .filter(|pair| gold_relations.classes.contains_key(pair))
        .copied()
        .collect();
    let pairs = Score {
        predicted_correct: matched_pairs.len(),
        predicted: graph_classes.len(),
        gold_found: matched_pairs.len(),
        gold: gold_relations.classes.len(),
    };
    let class_agreement = Share {
        hits: matched_pairs
            .iter()
            .filter(
                |pair| match (graph_classes.get(pair), gold_relations.classes.get(pair)) {
                    (Some(graph), Some(gold)) => !graph.is_disjoint(gold),
                    _ => false,
                },
            )
            .count(),
        total: matched_pairs.len(),
    };

    let (sentences, matched_sentences) = sentence_score(&graph_sentences, &gold_relations);
    let rules = rule_scores(&edges, &gold_relations, &matched_sentences);

    let names = |pair: &Pair| -> NamePair {
        let name = |index: usize| {
            gold.entities()
                .get(index)
                .map_or_else(String::new, |e| e.name.clone())
        };
        (name(pair.0), name(pair.1))
    };
    Report {
        entities,
        alias_accuracy,
        gold_aliases,
        pairs,
        sentences,
        class_agreement,
        missed_entities,
        spurious_entities,
        missed_pairs: gold_relations
            .classes
            .keys()
            .filter(|pair| !graph_classes.contains_key(pair))
            .map(names)
            .collect(),
        spurious_pairs: graph_classes
            .keys()
            .filter(|pair| !gold_relations.classes.contains_key(pair))
            .map(names)
            .collect(),
        rules,
    }
}

/// A graph entity as the scorer sees it.
struct GraphEntity {
    id: EntityId,
    name: String,
    mentions: usize,
}

/// Which graph entities share names with which gold entities, and the best match each way.
struct NameMatching {
    graph_entities: Vec<GraphEntity>,
    /// Normalised name or alias -> positions in `graph_entities`, each once.
    graph_by_name: HashMap<String, Vec<usize>>,
    /// Per graph entity: the best gold entity, if it shares any name with one.
    best_gold: Vec<Option<usize>>,
    /// Per gold entity: the best graph entity (a position in `graph_entities`), if any shares a name.
    best_graph: Vec<Option<usize>>,
    position_of: HashMap<EntityId, usize>,
}

impl NameMatching {
    fn new(graph: &KnowledgeGraph, gold: &Gold) -> NameMatching {
        let mut gold_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, entity) in gold.entities().iter().enumerate() {
            let names: BTreeSet<String> = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|name| normalize(name))
                .collect();
            for name in names {
                gold_by_name.entry(name).or_default().push(index);
            }
        }

        let mut graph_entities = Vec::new();
        let mut graph_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        // Per graph entity, per gold entity (in gold order): how many names they share.
        let mut shared: Vec<BTreeMap<usize, usize>> = Vec::new();
        for (position, (id, entity)) in graph.entities().enumerate() {
            let names: BTreeSet<String> = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|name| normalize(name))
                .collect();
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            for name in names {
                for &gold_index in gold_by_name.get(&name).into_iter().flatten() {
                    *counts.entry(gold_index).or_default() += 1;
                }
                graph_by_name.entry(name).or_default().push(position);
            }
            shared.push(counts);
            graph_entities.push(GraphEntity {
                id,
                name: entity.name.clone(),
                mentions: entity.mentions.len(),
            });
        }

        let best_gold = shared
            .iter()
            .map(|counts| {
                // Strictly more wins, so the first gold entity keeps a tie.
                let mut best: Option<(usize, usize)> = None;
                for (&gold_index, &count) in counts {
                    if best.is_none_or(|(_, best_count)| count > best_count) {
                        best = Some((gold_index, count));
                    }
                }
                best.map(|(gold_index, _)| gold_index)
            })
            .collect();

        let mut best_graph: Vec<Option<(usize, usize, usize)>> = vec![None; gold.entities().len()];
        for (position, counts) in shared.iter().enumerate() {
            let mentions = graph_entities.get(position).map_or(0, |e| e.mentions);
            for (&gold_index, &count) in counts {
                if let Some(best) = best_graph.get_mut(gold_index) {
                    // Graph entities come in id order, so strictly more wins and the lowest id keeps a tie.
                    if best.is_none_or(|(_, best_count, best_mentions)| {
                        (count, mentions) > (best_count, best_mentions)
                    }) {
                        *best = Some((position, count, mentions));
                    }
                }
            }
        }

        let position_of = graph_entities
            .iter()
            .enumerate()
            .map(|(position, entity)| (entity.id, position))
            .collect();
        NameMatching {
            graph_entities,
            graph_by_name,
            best_gold,
            best_graph: best_graph
                .into_iter()
                .map(|best| best.map(|(position, _, _)| position))
                .collect(),
            position_of,
        }
    }

    /// The best gold entity of a graph entity.
    fn gold_of(&self, id: EntityId) -> Option<usize> {
        let position = *self.position_of.get(&id)?;
        *self.best_gold.get(position)?
    }

    /// The entity score, the missed gold entities and the spurious graph entities.
    fn entity_score(&self, gold: &Gold) -> (Score, Vec<String>, Vec<String>) {
        let spurious: Vec<String> = self
            .graph_entities
            .iter()
            .zip(&self.best_gold)
            .filter(|(_, best)| best.is_none())
            .map(|(entity, _)| entity.name.clone())
            .collect();
        let missed: Vec<String> = gold
            .entities()
            .iter()
            .zip(&self.best_graph)
            .filter(|(_, best)| best.is_none())
            .map(|(entity, _)| entity.name.clone())
            .collect();
        let score = Score {
            predicted_correct: self.graph_entities.len() - spurious.len(),
            predicted: self.graph_entities.len(),
            gold_found: gold.entities().len() - missed.len(),
            gold: gold.entities().len(),
        };
        (score, missed, spurious)
    }

    /// Alias accuracy, and the number of gold aliases (each gold entity's distinct normalised aliases).
    fn alias_accuracy(&self, gold: &Gold) -> (Share, usize) {
        let mut share = Share::default();
        let mut gold_aliases = 0;
        for (entity, best) in gold.entities().iter().zip(&self.best_graph) {
            let aliases: BTreeSet<String> = entity
                .aliases
                .iter()
                .map(|alias| normalize(alias))
                .filter(|alias| !alias.is_empty())
                .collect();
            gold_aliases += aliases.len();
            for alias in aliases {
                let carriers = self
                    .graph_by_name
                    .get(&alias)
                    .map_or(&[][..], Vec::as_slice);
                if carriers.is_empty() {
                    continue;
                }
                share.total += 1;
                if let (&[carrier], Some(best)) = (carriers, best)
                    && carrier == *best
                {
                    share.hits += 1;
                }
            }
        }
        (share, gold_aliases)
    }
}

/// The gold relations that count, by pair: their classes and their normalised evidence sentences.
struct GoldRelations {
    classes: BTreeMap<Pair, BTreeSet<RelationClass>>,
    sentences: BTreeMap<Pair, BTreeSet<String>>,
}

impl GoldRelations {
    fn new(gold: &Gold) -> GoldRelations {
        let mut classes: BTreeMap<Pair, BTreeSet<RelationClass>> = BTreeMap::new();
        let mut sentences: BTreeMap<Pair, BTreeSet<String>> = BTreeMap::new();
        for relation in gold.relations() {
            let (Some(subject), Some(object)) = (
                gold.entity_index(&relation.subject),
                gold.entity_index(&relation.object),
            ) else {
                continue;
            };
            let Some(pair) = pair(subject, object) else {
                continue;
            };
            classes.entry(pair).or_default().insert(relation.class);
            sentences
                .entry(pair)
                .or_default()
                .insert(normalize(&relation.evidence));
        }
        GoldRelations { classes, sentences }
    }
}

/// An asserted graph edge: its gold pair, if it maps to one, its class, and its evidence as
/// (rule, normalised sentence).
struct AssertedEdge {
    pair: Option<Pair>,
    class: RelationClass,
    evidence: Vec<(String, String)>,
}

fn asserted_edges(graph: &KnowledgeGraph, matching: &NameMatching) -> Vec<AssertedEdge> {
    graph
        .relations()
        .filter(|edge| edge.relation.class.is_asserted() && !edge.relation.negated)
        .map(|edge| AssertedEdge {
            pair: matching
                .gold_of(edge.source)
                .zip(matching.gold_of(edge.target))
                .and_then(|(source, target)| pair(source, target)),
            class: edge.relation.class,
            evidence: edge
                .relation
                .evidence()
                .iter()
                .map(|evidence| {
                    (
                        evidence.rule().to_string(),
                        normalize(graph.evidence_text(evidence)),
                    )
                })
                .collect(),
        })
        .collect()
}

/// The sentence score, and the graph items (pair, normalised sentence) that match a gold item.
fn sentence_score<'a>(
    graph_sentences: &BTreeMap<Pair, BTreeSet<&'a str>>,
    gold: &GoldRelations,
) -> (Score, HashSet<(Pair, &'a str)>) {
    let mut matched: HashSet<(Pair, &str)> = HashSet::new();
    let mut gold_found: HashSet<(Pair, &str)> = HashSet::new();
    let mut predicted = 0;
    for (&pair, sentences) in graph_sentences {
        let gold_sentences = gold.sentences.get(&pair);
        for &sentence in sentences {
            predicted += 1;
            for gold_sentence in gold_sentences.into_iter().flatten() {
                if sentences_match(sentence, gold_sentence) {
                    matched.insert((pair, sentence));
                    gold_found.insert((pair, gold_sentence.as_str()));
                }
            }
        }
    }
    let score = Score {
        predicted_correct: matched.len(),
        predicted,
        gold_found: gold_found.len(),
        gold: gold.sentences.values().map(BTreeSet::len).sum(),
    };
    (score, matched)
}

fn rule_scores(
    edges: &[AssertedEdge],
    gold: &GoldRelations,
    matched_sentences: &HashSet<(Pair, &str)>,
) -> Vec<RuleScore> {
    let mut rules: BTreeMap<&str, RuleScore> = BTreeMap::new();
    for edge in edges {
        for (rule, sentence) in &edge.evidence {
            let score = rules.entry(rule).or_insert_with(|| RuleScore {
                rule: rule.clone(),
                ..RuleScore::default()
            });
            score.items += 1;
            let Some(pair) = edge.pair else {
                continue;
            };
            score.mapped += 1;
            if gold.classes.contains_key(&pair) {
                score.pair_correct += 1;
            }
            if matched_sentences.contains(&(pair, sentence.as_str())) {
                score.sentence_correct += 1;
            }
        }
    }
    rules.into_values().collect()
}
