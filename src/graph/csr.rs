//! `Csr`: the whole graph projected through a [`RelationFilter`] onto a compact adjacency, for the global
//! measures (degree, PageRank, betweenness) that read every link many times.
//!
//! Entities are numbered densely `0..n` in id order. The neighbours of entity `v` are
//! `targets[offsets[v]..offsets[v + 1]]`: each entity it may step to, once however many relations join
//! them, in increasing order, itself left out. Two arrays of integers instead of a vector per entity:
//! 4 bytes per link, read sequentially.
//!
//! It is built in a few linear passes spread over rayon's threads: the relations are read in blocks of
//! ids, each giving its steps (`arcs`); the arcs are counted per entity; then each thread takes a range of
//! entities, drops their arcs into place and sorts and deduplicates each entity's neighbours. The result
//! does not depend on the number of threads.

use super::knowledge_graph::{EntityId, KnowledgeGraph};
use super::walk::RelationFilter;
use super::walk_direction::WalkDirection;
use rayon::prelude::*;

/// Relations read per parallel task while collecting arcs.
const RELATION_BLOCK: usize = 1 << 16;

/// The projection. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Csr {
    /// The entity at each dense position, in id order.
    pub(crate) ids: Vec<EntityId>,
    offsets: Vec<usize>,
    targets: Vec<u32>,
}

impl Csr {
    /// Projects `graph` through `filter`: the links walked forwards and, when `backwards` is asked for,
    /// the same links walked backwards (`w` lists `v` when `v` lists `w`). Walking both ways, the
    /// projection is its own reverse, so a caller can use the first for both.
    ///
    /// # Complexity
    /// O(V + E) time; O(V + E) memory, about 12 bytes per allowed relation and direction while it is
    /// built, 4 once it is.
    pub(crate) fn project(
        graph: &KnowledgeGraph,
        filter: &RelationFilter,
        backwards: bool,
    ) -> (Csr, Option<Csr>) {
        let ids: Vec<EntityId> = graph.entities().map(|(id, _)| id).collect();
        let mut position = vec![u32::MAX; graph.entity_bound()];
        for (index, id) in ids.iter().enumerate() {
            position[id.index()] = index as u32;
        }
        // Each step the filter allows, as (from, to), in relation id order.
        let blocks: Vec<Vec<(u32, u32)>> = (0..graph.relation_bound().div_ceil(RELATION_BLOCK))
            .into_par_iter()
            .map(|block| {
                let start = block * RELATION_BLOCK;
                let end = (start + RELATION_BLOCK).min(graph.relation_bound());
                let mut arcs = Vec::new();
                for relation in (start..end).filter_map(|index| graph.relation_at(index)) {
                    if !filter.allows(relation.relation) {
                        continue;
                    }
                    let (source, target) = (
                        position[relation.source.index()],
                        position[relation.target.index()],
                    );
                    if source == target {
                        continue;
                    }
                    match filter.direction {
                        WalkDirection::Outgoing => arcs.push((source, target)),
                        WalkDirection::Incoming => arcs.push((target, source)),
                        WalkDirection::Both => arcs.extend([(source, target), (target, source)]),
                    }
                }
                arcs
            })
            .collect();
        drop(position);
        let arcs = || blocks.iter().flatten().copied();
        let forwards = Csr::from_arcs(ids.clone(), arcs);
        let backwards = backwards.then(|| Csr::from_arcs(ids, || arcs().map(|(a, b)| (b, a))));
        (forwards, backwards)
    }

    /// Gathers `arcs` (called once per thread and once more, each time giving the same arcs) by the
    /// entity they leave, each entity's neighbours sorted and deduplicated.
    fn from_arcs<I: Iterator<Item = (u32, u32)>>(
        ids: Vec<EntityId>,
        arcs: impl Fn() -> I + Sync,
    ) -> Csr {
        let count = ids.len();
        let mut offsets = arc_offsets(count, arcs());
        let total = offsets[count];
        let bounds = balanced_bounds(&offsets, rayon::current_num_threads().max(1));
        let mut targets = vec![0u32; total];
        let kept = fill_parts(&mut targets, &offsets, &bounds, &arcs);
        close_gaps(&mut targets, &mut offsets, kept);
        Csr {
            ids,
            offsets,
            targets,
        }
    }

    /// The number of entities.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The neighbours of the entity at `position`, in increasing order.
    pub(crate) fn neighbours(&self, position: usize) -> &[u32] {
        &self.targets[self.offsets[position]..self.offsets[position + 1]]
    }

    /// The number of neighbours of the entity at `position`.
    pub(crate) fn degree(&self, position: usize) -> usize {
        self.offsets[position + 1] - self.offsets[position]
    }
}

/// Where each entity's arcs start among all arcs, by counting the arcs each leaves; one entry more
/// than there are entities, the last the number of arcs.
fn arc_offsets(count: usize, arcs: impl Iterator<Item = (u32, u32)>) -> Vec<usize> {
    let mut offsets = vec![0usize; count + 1];
    for (from, _) in arcs {
        offsets[from as usize + 1] += 1;
    }
    for index in 0..count {
        offsets[index + 1] += offsets[index];
    }
    offsets
}

/// The bounds of `parts` ranges of entities with about as many arcs each: `parts + 1` entity
/// positions, from 0 to the number of entities, never decreasing.
fn balanced_bounds(offsets: &[usize], parts: usize) -> Vec<usize> {
    let count = offsets.len() - 1;
    let total = offsets[count];
    let mut bounds = vec![0usize];
    for part in 1..parts {
        let wanted = total / parts * part;
        let bound = offsets
            .partition_point(|&offset| offset < wanted)
            .min(count);
        bounds.push(bound.max(bounds[bounds.len() - 1]));
    }
    bounds.push(count);
    bounds
}

/// Fills each range of entities' neighbours into `targets` on its own thread, then sorts and
/// deduplicates them in place; returns, per range, how many neighbours each entity keeps.
fn fill_parts<I: Iterator<Item = (u32, u32)>>(
    targets: &mut [u32],
    offsets: &[usize],
    bounds: &[usize],
    arcs: &(impl Fn() -> I + Sync),
) -> Vec<Vec<usize>> {
    let mut slices = Vec::with_capacity(bounds.len());
    let mut rest: &mut [u32] = targets;
    for range in bounds.windows(2) {
        let (slice, tail) = rest.split_at_mut(offsets[range[1]] - offsets[range[0]]);
        slices.push((range[0], range[1], slice));
        rest = tail;
    }
    slices
        .into_par_iter()
        .map(|(first, end, slice)| {
            let base = offsets[first];
            fill_part(first..end, slice, offsets, arcs());
            (first..end)
                .map(|entity| {
                    sort_and_deduplicate(
                        &mut slice[offsets[entity] - base..offsets[entity + 1] - base],
                    )
                })
                .collect()
        })
        .collect()
}

/// Drops the arcs that leave an entity of `entities` into `slice`, the part of the targets that
/// holds those entities' neighbours, in the order the arcs come.
fn fill_part(
    entities: std::ops::Range<usize>,
    slice: &mut [u32],
    offsets: &[usize],
    arcs: impl Iterator<Item = (u32, u32)>,
) {
    let base = offsets[entities.start];
    let mut cursor: Vec<usize> = offsets[entities.clone()]
        .iter()
        .map(|offset| offset - base)
        .collect();
    for (from, to) in arcs {
        let from = from as usize;
        if entities.contains(&from) {
            let slot = &mut cursor[from - entities.start];
            slice[*slot] = to;
            *slot += 1;
        }
    }
}

/// Sorts `neighbours` and moves each value's first copy to the front; returns how many there are.
fn sort_and_deduplicate(neighbours: &mut [u32]) -> usize {
    neighbours.sort_unstable();
    let mut length = 0;
    for read in 0..neighbours.len() {
        if length == 0 || neighbours[length - 1] != neighbours[read] {
            neighbours[length] = neighbours[read];
            length += 1;
        }
    }
    length
}

/// Moves each entity's kept neighbours down to close the gaps the repeats left, and fits
/// `offsets` and `targets` to what is kept.
fn close_gaps(targets: &mut Vec<u32>, offsets: &mut [usize], kept: Vec<Vec<usize>>) {
    let count = offsets.len() - 1;
    let mut write = 0;
    for (entity, length) in kept.into_iter().flatten().enumerate() {
        let start = offsets[entity];
        targets.copy_within(start..start + length, write);
        offsets[entity] = write;
        write += length;
    }
    offsets[count] = write;
    targets.truncate(write);
    targets.shrink_to_fit();
}
