//! Centrality: which entities matter most to the graph's structure. Degree, PageRank and betweenness,
//! each over the links a [`RelationFilter`] allows (several relations between two entities make one link).

use super::cancelled::{Cancelled, check};
use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::walk::{Adjacency, RelationFilter};
use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;

/// PageRank's damping factor: the chance that a random walker follows a link rather than jumping.
pub const PAGE_RANK_DAMPING: f64 = 0.85;

/// PageRank stops after this many rounds even when it has not converged.
const PAGE_RANK_MAX_ROUNDS: usize = 200;

/// PageRank has converged when a round moves the ranks by less than this in total (L1).
const PAGE_RANK_TOLERANCE: f64 = 1e-12;

impl KnowledgeGraph {
    /// The number of distinct entities each entity is linked to, in entity id order.
    ///
    /// # Complexity
    /// O(V + E).
    pub fn degree_centrality(&self, filter: &RelationFilter) -> Vec<(EntityId, usize)> {
        let adjacency = Adjacency::new(self, filter);
        adjacency
            .ids
            .iter()
            .zip(&adjacency.links)
            .map(|(&id, links)| (id, links.len()))
            .collect()
    }

    /// PageRank of every entity, in entity id order; the ranks sum to 1.
    ///
    /// A link is followed in the filter's direction (`Outgoing`: a relation lends weight from its subject
    /// to its object; `Both`: either way). Entities without links spread their rank evenly over all
    /// entities, and every round a walker jumps anywhere with probability `1 - PAGE_RANK_DAMPING`.
    ///
    /// # Complexity
    /// O(rounds × (V + E)), with at most 200 rounds.
    pub fn page_rank(
        &self,
        filter: &RelationFilter,
        cancel: &AtomicBool,
    ) -> Result<Vec<(EntityId, f64)>, Cancelled> {
        // petgraph's `algo::page_rank` is O(rounds × V × E) and leaves the random jump out for pairs that
        // are linked; the usual power iteration is linear per round and matches the textbook values.
        let adjacency = Adjacency::new(self, filter);
        let count = adjacency.len();
        if count == 0 {
            return Ok(Vec::new());
        }
        let n = count as f64;
        let mut ranks = vec![1.0 / n; count];
        for _ in 0..PAGE_RANK_MAX_ROUNDS {
            check(cancel)?;
            let dangling: f64 = adjacency
                .links
                .iter()
                .zip(&ranks)
                .filter(|(links, _)| links.is_empty())
                .map(|(_, rank)| rank)
                .sum();
            let base = (1.0 - PAGE_RANK_DAMPING) / n + PAGE_RANK_DAMPING * dangling / n;
            let mut next = vec![base; count];
            for (position, links) in adjacency.links.iter().enumerate() {
                if links.is_empty() {
                    continue;
                }
                let share = PAGE_RANK_DAMPING * ranks[position] / links.len() as f64;
                for link in links {
                    next[link.neighbour] += share;
                }
            }
            let change: f64 = next.iter().zip(&ranks).map(|(a, b)| (a - b).abs()).sum();
            ranks = next;
            if change < PAGE_RANK_TOLERANCE {
                break;
            }
        }
        Ok(adjacency.ids.iter().copied().zip(ranks).collect())
    }

    /// Betweenness centrality of every entity, in entity id order, by Brandes' algorithm (unweighted).
    ///
    /// The betweenness of `v` is the sum, over every ordered pair of other entities `s ≠ t`, of the share
    /// of shortest `s`–`t` paths that pass through `v`. It is normalised by `(n − 1)(n − 2)`, the number of
    /// such pairs, so it lies between 0 and 1 and graphs of different sizes compare. With
    /// `WalkDirection::Both` the graph is undirected and each unordered pair counts twice, which is the
    /// same as the usual undirected normalisation `2 / ((n − 1)(n − 2))` over unordered pairs.
    ///
    /// # Complexity
    /// O(V × E) time, O(V + E) memory.
    pub fn betweenness(
        &self,
        filter: &RelationFilter,
        cancel: &AtomicBool,
    ) -> Result<Vec<(EntityId, f64)>, Cancelled> {
        let adjacency = Adjacency::new(self, filter);
        let count = adjacency.len();
        let mut centrality = vec![0.0_f64; count];
        let mut stack: Vec<usize> = Vec::with_capacity(count);
        let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut paths: Vec<f64> = vec![0.0; count];
        let mut distance: Vec<Option<usize>> = vec![None; count];
        let mut dependency: Vec<f64> = vec![0.0; count];
        for source in 0..count {
            check(cancel)?;
            stack.clear();
            predecessors.iter_mut().for_each(Vec::clear);
            paths.iter_mut().for_each(|p| *p = 0.0);
            distance.iter_mut().for_each(|d| *d = None);
            dependency.iter_mut().for_each(|d| *d = 0.0);
            paths[source] = 1.0;
            distance[source] = Some(0);
            let mut queue = VecDeque::from([source]);
            while let Some(v) = queue.pop_front() {
                stack.push(v);
                let next = distance[v].unwrap_or(0) + 1;
                for link in &adjacency.links[v] {
                    let w = link.neighbour;
                    if distance[w].is_none() {
                        distance[w] = Some(next);
                        queue.push_back(w);
                    }
                    if distance[w] == Some(next) {
                        paths[w] += paths[v];
                        predecessors[w].push(v);
                    }
                }
            }
            while let Some(w) = stack.pop() {
                for &v in &predecessors[w] {
                    dependency[v] += paths[v] / paths[w] * (1.0 + dependency[w]);
                }
                if w != source {
                    centrality[w] += dependency[w];
                }
            }
        }
        let pairs = count.saturating_sub(1) as f64 * count.saturating_sub(2) as f64;
        let scale = if pairs > 0.0 { 1.0 / pairs } else { 0.0 };
        Ok(adjacency
            .ids
            .iter()
            .zip(centrality)
            .map(|(&id, value)| (id, value * scale))
            .collect())
    }
}
