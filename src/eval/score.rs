//! `evaluate`: scores a graph against gold, as `shared/gold/README.md` defines.
//!
//! Only the gold files whose document the graph was built from are scored; the others are named in
//! the report. Everything rests on one matching of names ([`NameMatching`]): a graph entity and a gold
//! entity *share* a name when a normalised name or alias of one equals a normalised name or alias of
//! the other. From it:
//!
//! - the best graph entity of a gold entity is the one sharing the most names with it (ties: the most
//!   mentions, then the lowest id);
//! - the best gold entity of a graph entity is the one sharing the most names with it (ties: the first in
//!   gold order, i.e. by normalised canonical name);
//! - a graph edge is *asserted* when its class is not `CoMention` and it is not negated (hedged edges
//!   count); its pair is the unordered pair of its ends' best gold entities. An end that matches no
//!   gold entity stays itself, so its pair is a wrong pair (it counts against pair and sentence
//!   precision); an edge whose ends map to the same gold entity has no pair.
//!
//! Gold relations whose subject or object is not the canonical name of a gold entity, or whose subject
//! and object are the same, are left out.

use super::gold::Gold;
use super::name_matching::{End, NameMatching};
use super::normalize::{normalize, sentences_match};
use super::report::{NamePair, Report, Score, Share};
use super::rule_score::RuleScore;
use crate::graph::KnowledgeGraph;
use crate::model::RelationClass;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// An unordered pair of gold entities, as positions in `Gold::entities`, smaller first.
type Pair = (usize, usize);

/// An unordered pair of ends a graph edge links, smaller first.
type GraphPair = (End, End);

/// `(first, second)` in order, or nothing when they are the same.
fn unordered<T: Ord>(first: T, second: T) -> Option<(T, T)> {
    match first.cmp(&second) {
        std::cmp::Ordering::Less => Some((first, second)),
        std::cmp::Ordering::Greater => Some((second, first)),
        std::cmp::Ordering::Equal => None,
    }
}

/// The gold pair a graph pair stands for, when both its ends are gold entities.
fn gold_pair(pair: GraphPair) -> Option<Pair> {
    match pair {
        (End::Gold(first), End::Gold(second)) => Some((first, second)),
        _ => None,
    }
}

/// Scores `graph` against the files of `gold` whose document is among the graph's.
pub fn evaluate(graph: &KnowledgeGraph, gold: &Gold) -> Report {
    let (gold, left_out_gold_files) = gold.restricted_to(
        graph
            .documents()
            .iter()
            .map(|document| document.name.as_str()),
    );
    let matching = NameMatching::new(graph, &gold);
    let (entities, missed_entities, spurious_entities) = matching.entity_score(&gold);
    let (alias_accuracy, gold_aliases) = matching.alias_accuracy(&gold);
    let (kind_accuracy, wrong_kinds) = matching.kind_accuracy(&gold);
    let gold_relations = GoldRelations::new(&gold);
    let edges = asserted_edges(graph, &matching);
    let graph_pairs = GraphPairs::new(&edges);
    let (sentences, matched_sentences) = sentence_score(&graph_pairs.sentences, &gold_relations);
    let names = |pair: &GraphPair| -> NamePair {
        (
            matching.end_name(pair.0, &gold),
            matching.end_name(pair.1, &gold),
        )
    };
    Report {
        entities,
        kind_accuracy,
        alias_accuracy,
        gold_aliases,
        pairs: graph_pairs.score(&gold_relations),
        sentences,
        class_agreement: graph_pairs.class_agreement(&gold_relations),
        gold_files: Share {
            hits: gold.file_names().count(),
            total: gold.file_names().count() + left_out_gold_files.len(),
        },
        left_out_gold_files,
        missed_entities,
        spurious_entities,
        wrong_kinds,
        missed_pairs: gold_relations
            .classes
            .keys()
            .filter(|&&(first, second)| {
                !graph_pairs
                    .classes
                    .contains_key(&(End::Gold(first), End::Gold(second)))
            })
            .map(|&(first, second)| names(&(End::Gold(first), End::Gold(second))))
            .collect(),
        spurious_pairs: graph_pairs
            .classes
            .keys()
            .filter(|&&pair| !gold_relations.matches(pair))
            .map(names)
            .collect(),
        rules: rule_scores(&edges, &gold_relations, &matched_sentences),
    }
}

/// The pairs the asserted graph edges link, with their classes and normalised evidence sentences.
struct GraphPairs<'a> {
    classes: BTreeMap<GraphPair, BTreeSet<RelationClass>>,
    sentences: BTreeMap<GraphPair, BTreeSet<&'a str>>,
}

impl<'a> GraphPairs<'a> {
    fn new(edges: &'a [AssertedEdge]) -> GraphPairs<'a> {
        let mut classes: BTreeMap<GraphPair, BTreeSet<RelationClass>> = BTreeMap::new();
        let mut sentences: BTreeMap<GraphPair, BTreeSet<&str>> = BTreeMap::new();
        for edge in edges {
            if let Some(pair) = edge.pair {
                classes.entry(pair).or_default().insert(edge.class);
                let pair_sentences = sentences.entry(pair).or_default();
                pair_sentences.extend(edge.evidence.iter().map(|(_, s)| s.as_str()));
            }
        }
        GraphPairs { classes, sentences }
    }

    /// The graph pairs that are gold pairs.
    fn matched<'b>(&'b self, gold: &'b GoldRelations) -> impl Iterator<Item = GraphPair> + 'b {
        self.classes
            .keys()
            .copied()
            .filter(|&pair| gold.matches(pair))
    }

    /// Pairs: every graph pair counts, one with an end that is no gold entity as a wrong one.
    fn score(&self, gold: &GoldRelations) -> Score {
        let matched = self.matched(gold).count();
        Score {
            predicted_correct: matched,
            predicted: self.classes.len(),
            gold_found: matched,
            gold: gold.classes.len(),
        }
    }

    /// Of the matched pairs, those where some graph edge has a class the gold gives the pair.
    fn class_agreement(&self, gold: &GoldRelations) -> Share {
        let mut share = Share::default();
        for pair in self.matched(gold) {
            share.total += 1;
            let graph_classes = self.classes.get(&pair);
            let gold_classes = gold_pair(pair).and_then(|pair| gold.classes.get(&pair));
            if let (Some(graph), Some(gold)) = (graph_classes, gold_classes)
                && !graph.is_disjoint(gold)
            {
                share.hits += 1;
            }
        }
        share
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
            let Some(pair) = unordered(subject, object) else {
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

    /// Whether a graph pair is a gold pair.
    fn matches(&self, pair: GraphPair) -> bool {
        gold_pair(pair).is_some_and(|pair| self.classes.contains_key(&pair))
    }
}

/// An asserted graph edge: its pair (none when both ends map to one gold entity), its class, and
/// its evidence as (rule, normalised sentence).
struct AssertedEdge {
    pair: Option<GraphPair>,
    class: RelationClass,
    evidence: Vec<(String, String)>,
}

fn asserted_edges(graph: &KnowledgeGraph, matching: &NameMatching) -> Vec<AssertedEdge> {
    graph
        .relations()
        .filter(|edge| edge.relation.class.is_asserted() && !edge.relation.negated)
        .map(|edge| AssertedEdge {
            pair: matching
                .end_of(edge.source)
                .zip(matching.end_of(edge.target))
                .and_then(|(source, target)| unordered(source, target)),
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

/// The sentence score, and the graph items (pair, normalised sentence) that match a gold item. The
/// items of a pair with an end that is no gold entity are all wrong.
fn sentence_score<'a>(
    graph_sentences: &BTreeMap<GraphPair, BTreeSet<&'a str>>,
    gold: &GoldRelations,
) -> (Score, HashSet<(Pair, &'a str)>) {
    let mut matched: HashSet<(Pair, &str)> = HashSet::new();
    let mut gold_found: HashSet<(Pair, &str)> = HashSet::new();
    let mut predicted = 0;
    for (&graph_pair, sentences) in graph_sentences {
        let Some(pair) = gold_pair(graph_pair) else {
            predicted += sentences.len();
            continue;
        };
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
            let Some(pair) = edge.pair.and_then(gold_pair) else {
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
