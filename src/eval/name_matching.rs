//! `NameMatching`: which graph entities share names with which gold entities, and the best match
//! each way, as `shared/gold/README.md` defines them (see [`evaluate`](super::evaluate) for the ties).
//! Entity, kind and alias scores read it directly; pairs read it through [`End`].

use super::gold::Gold;
use super::normalize::normalize;
use super::report::{Score, Share};
use crate::graph::{EntityId, KnowledgeGraph};
use crate::model::EntityKind;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One end of a graph pair: the best gold entity of a graph entity, or, when it matches none, the
/// graph entity itself (a position in the graph's entities), so that the pair still counts as wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum End {
    Gold(usize),
    Unmatched(usize),
}

/// A graph entity as the scorer sees it.
struct GraphEntity {
    id: EntityId,
    name: String,
    kind: EntityKind,
    mentions: usize,
}

/// Which graph entities share names with which gold entities, and the best match each way.
pub(super) struct NameMatching {
    graph_entities: Vec<GraphEntity>,
    /// Normalised name or alias -> positions in `graph_entities`, each once.
    graph_by_name: HashMap<String, Vec<usize>>,
    /// Per graph entity: the best gold entity, if it shares any name with one.
    best_gold: Vec<Option<usize>>,
    /// Per gold entity: the best graph entity (a position in `graph_entities`), if any shares a name.
    best_graph: Vec<Option<usize>>,
    position_of: HashMap<EntityId, usize>,
}

/// An entity's normalised name and aliases, each once.
fn normalised_names(name: &str, aliases: &[String]) -> BTreeSet<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(normalize)
        .collect()
}

/// The best gold entity of one graph entity, from the names it shares with each (in gold order):
/// strictly more wins, so the first gold entity keeps a tie.
fn best_gold(shared: &BTreeMap<usize, usize>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (&gold_index, &count) in shared {
        if best.is_none_or(|(_, best_count)| count > best_count) {
            best = Some((gold_index, count));
        }
    }
    best.map(|(gold_index, _)| gold_index)
}

/// Per gold entity, its best graph entity (a position), from the names each graph entity shares
/// with each gold entity: the most names, then the most mentions, then the lowest id.
fn best_graphs(
    shared: &[BTreeMap<usize, usize>],
    graph_entities: &[GraphEntity],
    gold_entities: usize,
) -> Vec<Option<usize>> {
    let mut best_graph: Vec<Option<(usize, usize, usize)>> = vec![None; gold_entities];
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
    best_graph
        .into_iter()
        .map(|best| best.map(|(position, _, _)| position))
        .collect()
}

impl NameMatching {
    pub(super) fn new(graph: &KnowledgeGraph, gold: &Gold) -> NameMatching {
        let mut gold_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, entity) in gold.entities().iter().enumerate() {
            for name in normalised_names(&entity.name, &entity.aliases) {
                gold_by_name.entry(name).or_default().push(index);
            }
        }

        let mut graph_entities = Vec::new();
        let mut graph_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        // Per graph entity, per gold entity (in gold order): how many names they share.
        let mut shared: Vec<BTreeMap<usize, usize>> = Vec::new();
        for (position, (id, entity)) in graph.entities().enumerate() {
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            for name in normalised_names(&entity.name, &entity.aliases) {
                for &gold_index in gold_by_name.get(&name).into_iter().flatten() {
                    *counts.entry(gold_index).or_default() += 1;
                }
                graph_by_name.entry(name).or_default().push(position);
            }
            shared.push(counts);
            graph_entities.push(GraphEntity {
                id,
                name: entity.name.clone(),
                kind: entity.kind,
                mentions: entity.mentions.len(),
            });
        }

        let position_of = graph_entities
            .iter()
            .enumerate()
            .map(|(position, entity)| (entity.id, position))
            .collect();
        NameMatching {
            best_gold: shared.iter().map(best_gold).collect(),
            best_graph: best_graphs(&shared, &graph_entities, gold.entities().len()),
            graph_entities,
            graph_by_name,
            position_of,
        }
    }

    /// The end a graph entity gives a pair: its best gold entity, or itself when it matches none.
    pub(super) fn end_of(&self, id: EntityId) -> Option<End> {
        let position = *self.position_of.get(&id)?;
        Some(match self.best_gold.get(position).copied().flatten() {
            Some(gold_index) => End::Gold(gold_index),
            None => End::Unmatched(position),
        })
    }

    /// The name of an end: the gold canonical name, or the graph name marked as matching no gold
    /// entity.
    pub(super) fn end_name(&self, end: End, gold: &Gold) -> String {
        match end {
            End::Gold(index) => gold
                .entities()
                .get(index)
                .map_or_else(String::new, |entity| entity.name.clone()),
            End::Unmatched(position) => self
                .graph_entities
                .get(position)
                .map_or_else(String::new, |entity| {
                    format!("{} (no gold entity)", entity.name)
                }),
        }
    }

    /// The entity score, the missed gold entities and the spurious graph entities.
    pub(super) fn entity_score(&self, gold: &Gold) -> (Score, Vec<String>, Vec<String>) {
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
    pub(super) fn alias_accuracy(&self, gold: &Gold) -> (Share, usize) {
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

    /// Kind accuracy: of the gold entities found (`total`), those whose best graph entity has the
    /// gold kind (`hits`); and the others, as "name: graph kind, gold kind" in gold order.
    pub(super) fn kind_accuracy(&self, gold: &Gold) -> (Share, Vec<String>) {
        let mut share = Share::default();
        let mut wrong = Vec::new();
        for (entity, best) in gold.entities().iter().zip(&self.best_graph) {
            let Some(graph_entity) = best.and_then(|best| self.graph_entities.get(best)) else {
                continue;
            };
            share.total += 1;
            if graph_entity.kind == entity.kind {
                share.hits += 1;
            } else {
                wrong.push(format!(
                    "{}: {} in the graph, {} in gold",
                    entity.name, graph_entity.kind, entity.kind
                ));
            }
        }
        (share, wrong)
    }
}
