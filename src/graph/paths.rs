//! Paths between two entities: one shortest path, every shortest path, and simple paths up to a number
//! of hops.
//!
//! A path is a sequence of entities; each hop between two of them keeps every relation that joins them in
//! the walking direction, so a caller can show the strongest one and its evidence. The enumerations are
//! bounded twice (a limit on the number of paths, and for simple paths a maximum length) and check a
//! cancel flag in their loops, because the number of simple paths grows exponentially with their length.

use super::cancelled::{Cancelled, check};
use super::knowledge_graph::{EntityId, KnowledgeGraph, RelationId};
use super::walk::{Adjacency, RelationFilter};
use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;

/// One step of a path: from one entity to the next, through every relation that joins them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The entity the hop leaves (the subject only when the relation is walked forwards).
    pub from: EntityId,
    /// The entity the hop reaches.
    pub to: EntityId,
    /// Every relation between `from` and `to` that the filter allows, in id order; never empty.
    pub relations: Vec<RelationId>,
}

/// A path: the entities it visits in order, and the hops between them (one fewer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphPath {
    /// The entities in the order the path visits them, both ends included.
    pub entities: Vec<EntityId>,
    /// The hops between consecutive entities.
    pub hops: Vec<Hop>,
}

impl GraphPath {
    /// The number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// True for the path of no hops.
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// A list of paths, and whether a limit cut it short.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PathList {
    /// The paths found, at most the limit asked for.
    pub paths: Vec<GraphPath>,
    /// How many paths there are in all, when it is known (for shortest paths it is counted; for simple
    /// paths it is not, because counting them would mean enumerating them).
    pub total: Option<u128>,
    /// True when the limit left paths out.
    pub truncated: bool,
}

/// Builds the path through `positions` of `adjacency`.
fn to_path(adjacency: &Adjacency, positions: &[usize]) -> GraphPath {
    let hops = positions
        .windows(2)
        .map(|pair| {
            let relations = adjacency.links[pair[0]]
                .binary_search_by_key(&pair[1], |link| link.neighbour)
                .map(|index| adjacency.links[pair[0]][index].relations.clone())
                .unwrap_or_default();
            Hop {
                from: adjacency.ids[pair[0]],
                to: adjacency.ids[pair[1]],
                relations,
            }
        })
        .collect();
    GraphPath {
        entities: positions.iter().map(|&p| adjacency.ids[p]).collect(),
        hops,
    }
}

/// Breadth-first distances from `start`; `None` where unreachable.
fn distances(adjacency: &Adjacency, start: usize) -> Vec<Option<usize>> {
    let mut distance = vec![None; adjacency.len()];
    distance[start] = Some(0);
    let mut queue = VecDeque::from([start]);
    while let Some(position) = queue.pop_front() {
        let next = distance[position].unwrap_or(0) + 1;
        for link in &adjacency.links[position] {
            if distance[link.neighbour].is_none() {
                distance[link.neighbour] = Some(next);
                queue.push_back(link.neighbour);
            }
        }
    }
    distance
}

impl KnowledgeGraph {
    /// A shortest path from `from` to `to` through the relations `filter` allows.
    ///
    /// # Returns
    /// `None` when `to` cannot be reached. Among several shortest paths, the one whose entities come
    /// first in id order.
    ///
    /// # Complexity
    /// O(V + E).
    pub fn shortest_path(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
    ) -> Option<GraphPath> {
        let never = AtomicBool::new(false);
        let list = self.all_shortest_paths(from, to, filter, 1, &never).ok()?;
        list.paths.into_iter().next()
    }

    /// Every shortest path from `from` to `to`, at most `limit` of them, in the order of their entity ids.
    ///
    /// # Returns
    /// The paths (none when `to` cannot be reached), their total number, and whether `limit` cut the list;
    /// `Err(Cancelled)` when `cancel` was set.
    ///
    /// # Complexity
    /// O(V + E) to find the distances, then O(limit × length) to list the paths.
    pub fn all_shortest_paths(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Result<PathList, Cancelled> {
        let adjacency = Adjacency::new(self, filter);
        let (Some(start), Some(goal)) = (adjacency.position(from), adjacency.position(to)) else {
            return Ok(PathList::default());
        };
        let from_start = distances(&adjacency, start);
        let Some(length) = from_start[goal] else {
            return Ok(PathList::default());
        };
        // An entity lies on a shortest path when its distance from the start plus its distance to the
        // goal is the length; a link is on one when it moves one step closer to the goal.
        let backwards = Adjacency::new(self, &filter.reversed());
        let to_goal = distances(&backwards, goal);
        let steps_left = |position: usize| to_goal[position];
        // Paths from each entity to the goal, counted from the goal outwards.
        let mut counts: Vec<u128> = vec![0; adjacency.len()];
        let mut order: Vec<usize> = (0..adjacency.len())
            .filter(
                |&p| matches!((from_start[p], to_goal[p]), (Some(a), Some(b)) if a + b == length),
            )
            .collect();
        order.sort_by_key(|&p| to_goal[p]);
        for &position in &order {
            check(cancel)?;
            counts[position] = if position == goal {
                1
            } else {
                let here = steps_left(position).unwrap_or(usize::MAX);
                adjacency.links[position]
                    .iter()
                    .filter(|link| steps_left(link.neighbour).is_some_and(|d| d + 1 == here))
                    .fold(0u128, |sum, link| {
                        sum.saturating_add(counts[link.neighbour])
                    })
            };
        }
        let mut list = PathList {
            paths: Vec::new(),
            total: Some(counts[start]),
            truncated: counts[start] > limit as u128,
        };
        // Depth-first in neighbour order, only along links that step towards the goal.
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        let mut positions = vec![start];
        while let Some(&mut (position, ref mut next)) = stack.last_mut() {
            check(cancel)?;
            if list.paths.len() >= limit {
                break;
            }
            if position == goal {
                list.paths.push(to_path(&adjacency, &positions));
                stack.pop();
                positions.pop();
                continue;
            }
            let here = steps_left(position).unwrap_or(usize::MAX);
            let links = &adjacency.links[position];
            let step = links[*next..]
                .iter()
                .position(|link| steps_left(link.neighbour).is_some_and(|d| d + 1 == here));
            match step {
                Some(offset) => {
                    let neighbour = links[*next + offset].neighbour;
                    *next += offset + 1;
                    stack.push((neighbour, 0));
                    positions.push(neighbour);
                }
                None => {
                    stack.pop();
                    positions.pop();
                }
            }
        }
        Ok(list)
    }

    /// Simple paths (no entity twice) from `from` to `to` of at most `max_hops` hops, at most `limit` of
    /// them, shortest first, then in the order of their entity ids.
    ///
    /// # Returns
    /// The paths, and whether `limit` cut the list (the total is not counted); `Err(Cancelled)` when
    /// `cancel` was set.
    ///
    /// # Complexity
    /// Exponential in `max_hops` in the worst case: a depth-first search that prunes every branch which
    /// cannot reach `to` within the hops left. `limit` and `cancel` bound it.
    pub fn simple_paths(
        &self,
        from: EntityId,
        to: EntityId,
        filter: &RelationFilter,
        max_hops: usize,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Result<PathList, Cancelled> {
        let adjacency = Adjacency::new(self, filter);
        let (Some(start), Some(goal)) = (adjacency.position(from), adjacency.position(to)) else {
            return Ok(PathList::default());
        };
        if start == goal {
            return Ok(PathList::default());
        }
        let backwards = Adjacency::new(self, &filter.reversed());
        let to_goal = distances(&backwards, goal);
        let mut found: Vec<Vec<usize>> = Vec::new();
        let mut truncated = false;
        // One search per length, so shorter paths come first and a limit keeps the shortest ones.
        'lengths: for length in 1..=max_hops {
            let mut on_path = vec![false; adjacency.len()];
            on_path[start] = true;
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            let mut positions = vec![start];
            while let Some(&mut (position, ref mut next)) = stack.last_mut() {
                check(cancel)?;
                let hops = positions.len() - 1;
                if position == goal {
                    if found.len() >= limit {
                        truncated = true;
                        break 'lengths;
                    }
                    found.push(positions.clone());
                    stack.pop();
                    on_path[position] = false;
                    positions.pop();
                    continue;
                }
                let links = &adjacency.links[position];
                // A neighbour is worth a step when it is free and can still reach the goal in time.
                let step = links[*next..].iter().position(|link| {
                    !on_path[link.neighbour]
                        && to_goal[link.neighbour].is_some_and(|d| hops + 1 + d <= length)
                        && (link.neighbour == goal) == (hops + 1 == length)
                });
                match step {
                    Some(offset) => {
                        let neighbour = links[*next + offset].neighbour;
                        *next += offset + 1;
                        on_path[neighbour] = true;
                        stack.push((neighbour, 0));
                        positions.push(neighbour);
                    }
                    None => {
                        stack.pop();
                        on_path[position] = false;
                        positions.pop();
                    }
                }
            }
        }
        Ok(PathList {
            paths: found.iter().map(|p| to_path(&adjacency, p)).collect(),
            total: None,
            truncated,
        })
    }
}
