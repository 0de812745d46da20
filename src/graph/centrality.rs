//! Centrality: which entities matter most to the graph's structure. Degree, PageRank and betweenness,
//! each over the links a [`RelationFilter`] allows (several relations between two entities make one link).
//!
//! Each measure projects the graph once per call onto a compact adjacency (`Csr`) and works on that.
//! PageRank and betweenness spread their work over rayon's threads in a way that does not depend on how
//! many there are, so the same graph always gives the same numbers.

use super::cancelled::{Cancelled, check};
use super::csr::Csr;
use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::walk::RelationFilter;
use super::walk_direction::WalkDirection;
use rayon::prelude::*;
use std::sync::atomic::AtomicBool;

/// PageRank's damping factor: the chance that a random walker follows a link rather than jumping.
pub const PAGE_RANK_DAMPING: f64 = 0.85;

/// PageRank stops after this many rounds even when it has not converged.
const PAGE_RANK_MAX_ROUNDS: usize = 200;

/// PageRank has converged when a round moves the ranks by less than this in total (L1).
const PAGE_RANK_TOLERANCE: f64 = 1e-12;

/// Betweenness is exact (a breadth-first search from every entity) up to this many entities.
pub const BETWEENNESS_EXACT_LIMIT: usize = 5_000;

/// Above [`BETWEENNESS_EXACT_LIMIT`] entities, betweenness is estimated from this many source entities.
pub const BETWEENNESS_PIVOTS: usize = 64;

/// The seed that picks the sources of an estimated betweenness, so the same graph gets the same estimate.
const BETWEENNESS_SEED: u64 = 0x6b67_7261_7068;

/// Betweenness sums the sources in this many blocks, computed in parallel and added up in order: the
/// same sums whatever the number of threads.
const BETWEENNESS_BLOCKS: usize = 8;

/// PageRank gathers the ranks of this many entities per parallel task.
const PAGE_RANK_CHUNK: usize = 4_096;

/// `count` distinct positions out of `0..total`, drawn with a seeded xorshift64* (a partial
/// Fisher–Yates shuffle), in increasing order.
fn sample(total: usize, count: usize, seed: u64) -> Vec<u32> {
    let mut state = seed.max(1);
    let mut positions: Vec<u32> = (0..total as u32).collect();
    let count = count.min(total);
    for index in 0..count {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let random = state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        let pick = index + (random % (total - index) as u64) as usize;
        positions.swap(index, pick);
    }
    positions.truncate(count);
    positions.sort_unstable();
    positions
}

/// What Brandes' algorithm knows of an entity during the search from one source, in 16 bytes so that
/// looking an entity up costs one cache line.
#[derive(Debug, Clone, Copy)]
struct Visit {
    /// Hops from the source; `u32::MAX` when not reached.
    distance: u32,
    /// First the number of shortest paths from the source; once its dependency δ is known,
    /// (1 + δ) / paths, what it passes back to each predecessor per shortest path through that
    /// predecessor.
    value: f64,
}

const UNSEEN: Visit = Visit {
    distance: u32::MAX,
    value: 0.0,
};

/// Brandes' accumulation from each of `sources`: for every entity, the sum over the sources of its
/// dependency δ (the share of the shortest paths from the source to every other entity that pass
/// through it).
///
/// A breadth-first search counts the shortest paths to every entity and notes the links that lead one
/// hop farther (the successors); then, from the farthest entity back, δ(v) = paths(v) × Σ (1 + δ(w)) /
/// paths(w) over the successors `w` of `v`. Reading the successors from that note, the way back touches
/// no other link.
///
/// # Complexity
/// O(|sources| × (V + E)) time; O(V + E) memory besides the adjacency, for the note of successors.
fn dependencies(csr: &Csr, sources: &[u32], cancel: &AtomicBool) -> Result<Vec<f64>, Cancelled> {
    let count = csr.len();
    let mut centrality = vec![0.0_f64; count];
    let mut visits = vec![UNSEEN; count];
    // The entities reached from the source, in the order the search reached them: its queue, then,
    // read backwards, the order to work out dependencies in.
    let mut order: Vec<u32> = Vec::with_capacity(count);
    // The successors of each entity of `order`, one after the other; `ends[i]` is where those of
    // `order[i]` end.
    let mut successors: Vec<u32> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(count);
    for &source in sources {
        check(cancel)?;
        for &v in &order {
            visits[v as usize] = UNSEEN;
        }
        order.clear();
        successors.clear();
        ends.clear();
        visits[source as usize] = Visit {
            distance: 0,
            value: 1.0,
        };
        order.push(source);
        let mut head = 0;
        while let Some(&v) = order.get(head) {
            head += 1;
            let Visit {
                distance,
                value: paths,
            } = visits[v as usize];
            for &w in csr.neighbours(v as usize) {
                let visit = &mut visits[w as usize];
                if visit.distance == u32::MAX {
                    visit.distance = distance + 1;
                    order.push(w);
                }
                if visit.distance == distance + 1 {
                    visit.value += paths;
                    successors.push(w);
                }
            }
            ends.push(successors.len());
        }
        for (index, &v) in order.iter().enumerate().rev() {
            let start = index.checked_sub(1).map_or(0, |previous| ends[previous]);
            // The successors are done: their value is their share by now.
            let onwards: f64 = successors[start..ends[index]]
                .iter()
                .map(|&w| visits[w as usize].value)
                .sum();
            let paths = visits[v as usize].value;
            let dependency = paths * onwards;
            if v != source {
                centrality[v as usize] += dependency;
            }
            visits[v as usize].value = (1.0 + dependency) / paths;
        }
    }
    Ok(centrality)
}

impl KnowledgeGraph {
    /// The number of distinct entities each entity is linked to, in entity id order.
    ///
    /// # Complexity
    /// O(V + E).
    pub fn degree_centrality(&self, filter: &RelationFilter) -> Vec<(EntityId, usize)> {
        let (csr, _) = Csr::project(self, filter, false);
        csr.ids
            .iter()
            .enumerate()
            .map(|(position, &id)| (id, csr.degree(position)))
            .collect()
    }

    /// PageRank of every entity, in entity id order; the ranks sum to 1.
    ///
    /// A link is followed in the filter's direction (`Outgoing`: a relation lends weight from its subject
    /// to its object; `Both`: either way). Entities without links spread their rank evenly over all
    /// entities, and every round a walker jumps anywhere with probability `1 - PAGE_RANK_DAMPING`.
    ///
    /// # Complexity
    /// O(rounds × (V + E)), with at most 200 rounds; each round gathers every entity's new rank from the
    /// entities linking to it, spread over rayon's threads.
    pub fn page_rank(
        &self,
        filter: &RelationFilter,
        cancel: &AtomicBool,
    ) -> Result<Vec<(EntityId, f64)>, Cancelled> {
        // petgraph's `algo::page_rank` is O(rounds × V × E) and leaves the random jump out for pairs that
        // are linked; the usual power iteration is linear per round and matches the textbook values.
        check(cancel)?;
        // Walking both ways the links are their own reverse.
        let (csr, backwards) = Csr::project(self, filter, filter.direction != WalkDirection::Both);
        let incoming = backwards.as_ref().unwrap_or(&csr);
        let count = csr.len();
        if count == 0 {
            return Ok(Vec::new());
        }
        let n = count as f64;
        let mut ranks = vec![1.0 / n; count];
        let mut shares = vec![0.0_f64; count];
        let mut next = vec![0.0_f64; count];
        for _ in 0..PAGE_RANK_MAX_ROUNDS {
            check(cancel)?;
            let mut dangling = 0.0;
            for (position, (&rank, share)) in ranks.iter().zip(&mut shares).enumerate() {
                let links = csr.degree(position);
                if links == 0 {
                    dangling += rank;
                } else {
                    *share = PAGE_RANK_DAMPING * rank / links as f64;
                }
            }
            let base = (1.0 - PAGE_RANK_DAMPING) / n + PAGE_RANK_DAMPING * dangling / n;
            // Each rank is the jump plus the shares of the entities linking to it, added in their order:
            // the same sums, in the same order, as spreading each entity's share over its links.
            next.par_chunks_mut(PAGE_RANK_CHUNK)
                .enumerate()
                .for_each(|(chunk, ranks)| {
                    for (offset, rank) in ranks.iter_mut().enumerate() {
                        let position = chunk * PAGE_RANK_CHUNK + offset;
                        *rank = incoming
                            .neighbours(position)
                            .iter()
                            .fold(base, |sum, &from| sum + shares[from as usize]);
                    }
                });
            let change: f64 = next.iter().zip(&ranks).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut ranks, &mut next);
            if change < PAGE_RANK_TOLERANCE {
                break;
            }
        }
        Ok(csr.ids.iter().copied().zip(ranks).collect())
    }

    /// Betweenness centrality of every entity, in entity id order, by Brandes' algorithm (unweighted).
    ///
    /// The betweenness of `v` is the sum, over every ordered pair of other entities `s ≠ t`, of the share
    /// of shortest `s`–`t` paths that pass through `v`. It is normalised by `(n − 1)(n − 2)`, the number of
    /// such pairs, so it lies between 0 and 1 and graphs of different sizes compare. With
    /// `WalkDirection::Both` the graph is undirected and each unordered pair counts twice, which is the
    /// same as the usual undirected normalisation `2 / ((n − 1)(n − 2))` over unordered pairs.
    ///
    /// Up to [`BETWEENNESS_EXACT_LIMIT`] entities every entity is a source `s` and the values are exact.
    /// Above it they are estimated (Brandes and Pich, 2007) from [`BETWEENNESS_PIVOTS`] sources drawn
    /// uniformly with a fixed seed, their sums scaled by `n / pivots`: an unbiased estimate, the same on
    /// every run, that ranks the most central entities well and the rest roughly.
    ///
    /// # Complexity
    /// O(sources × (V + E)) time, so O(V × E) when exact; O(V + E) memory. The sources are spread over
    /// rayon's threads.
    pub fn betweenness(
        &self,
        filter: &RelationFilter,
        cancel: &AtomicBool,
    ) -> Result<Vec<(EntityId, f64)>, Cancelled> {
        check(cancel)?;
        let (csr, _) = Csr::project(self, filter, false);
        let count = csr.len();
        let sources: Vec<u32> = if count <= BETWEENNESS_EXACT_LIMIT {
            (0..count as u32).collect()
        } else {
            sample(count, BETWEENNESS_PIVOTS, BETWEENNESS_SEED)
        };
        let block = sources.len().div_ceil(BETWEENNESS_BLOCKS).max(1);
        let blocks: Vec<Vec<f64>> = sources
            .par_chunks(block)
            .map(|sources| dependencies(&csr, sources, cancel))
            .collect::<Result<_, _>>()?;
        let mut centrality = vec![0.0_f64; count];
        for block in blocks {
            for (total, value) in centrality.iter_mut().zip(block) {
                *total += value;
            }
        }
        let sampled = count as f64 / sources.len().max(1) as f64;
        let pairs = count.saturating_sub(1) as f64 * count.saturating_sub(2) as f64;
        let scale = if pairs > 0.0 { sampled / pairs } else { 0.0 };
        Ok(csr
            .ids
            .iter()
            .zip(centrality)
            .map(|(&id, value)| (id, value * scale))
            .collect())
    }

    /// True when [`KnowledgeGraph::betweenness`] estimates rather than computes exactly: the graph has
    /// more than [`BETWEENNESS_EXACT_LIMIT`] entities.
    pub fn betweenness_is_estimated(&self) -> bool {
        self.entity_count() > BETWEENNESS_EXACT_LIMIT
    }
}
