//! Grouping items by a key: one hash look-up per item, groups numbered in the order of their first
//! item, and every group's items held in one flat list rather than a vector each.
//!
//! Alias resolution groups mentions by their surface key, and building the graph groups relations into
//! edges by their endpoints and predicate. Both ran a vector per group; for tens of thousands of small
//! groups, making those vectors cost more than the look-ups.

use std::hash::{BuildHasher, Hash};

/// Items `0..n` grouped by key: group `g` holds the items of [`Grouping::members`]`(g)`, in item order,
/// and groups are numbered in the order of their first item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    /// Each item's group.
    pub group_of: Vec<usize>,
    /// The items, group after group.
    order: Vec<usize>,
    /// Where each group's items start in `order`, and one more entry for the end.
    starts: Vec<usize>,
}

impl Grouping {
    /// Groups the items whose keys `keys` yields, in item order, with the map hasher `S`.
    pub fn by_key<K, S>(keys: impl ExactSizeIterator<Item = K>) -> Grouping
    where
        K: Hash + Eq,
        S: BuildHasher + Default,
    {
        let mut group_of = Vec::with_capacity(keys.len());
        let mut sizes: Vec<usize> = Vec::new();
        let mut group_of_key: std::collections::HashMap<K, usize, S> =
            std::collections::HashMap::with_capacity_and_hasher(keys.len(), S::default());
        for key in keys {
            let next = sizes.len();
            let group = *group_of_key.entry(key).or_insert(next);
            if group == next {
                sizes.push(0);
            }
            sizes[group] += 1;
            group_of.push(group);
        }
        drop(group_of_key);
        Grouping::with_sizes(group_of, sizes)
    }

    /// [`Grouping::by_key`] of the keys `key` gives `items`, with a chunk of the items grouped on each
    /// thread: reading the items and their keys' text was the serial cost of grouping many of them. It
    /// pays when keys repeat: every chunk's distinct keys are looked up again to number them.
    pub fn by_key_par<'a, T, K, S>(items: &'a [T], key: impl Fn(&'a T) -> K + Sync) -> Grouping
    where
        T: Sync,
        K: Hash + Eq,
        S: BuildHasher + Default,
    {
        let chunk = items.len().div_ceil(rayon::current_num_threads()).max(4096);
        Grouping::by_key_chunked::<'a, T, K, S>(items, key, chunk)
    }

    /// [`Grouping::by_key_par`] with chunks of `chunk` items (at least one). Each chunk's groups are
    /// numbered in its order, then, chunk after chunk, given the number of the first group with their key:
    /// groups stay numbered in the order of their first item.
    fn by_key_chunked<'a, T, K, S>(
        items: &'a [T],
        key: impl Fn(&'a T) -> K + Sync,
        chunk: usize,
    ) -> Grouping
    where
        T: Sync,
        K: Hash + Eq,
        S: BuildHasher + Default,
    {
        use rayon::prelude::*;
        let mut chunks: Vec<Grouping> = items
            .par_chunks(chunk.max(1))
            .map(|chunk| Grouping::by_key::<_, S>(chunk.iter().map(&key)))
            .collect();
        if chunks.len() <= 1 {
            return chunks
                .pop()
                .unwrap_or_else(|| Grouping::with_sizes(Vec::new(), Vec::new()));
        }
        let mut number_of_key: std::collections::HashMap<K, usize, S> =
            std::collections::HashMap::default();
        let mut group_of = Vec::with_capacity(items.len());
        let mut offset = 0;
        for grouping in &chunks {
            let numbers: Vec<usize> = (0..grouping.len())
                .map(|group| {
                    let first = offset + grouping.members(group)[0];
                    let next = number_of_key.len();
                    *number_of_key.entry(key(&items[first])).or_insert(next)
                })
                .collect();
            group_of.extend(grouping.group_of.iter().map(|&group| numbers[group]));
            offset += grouping.group_of.len();
        }
        Grouping::from_numbered(group_of, number_of_key.len())
    }

    /// The grouping of items already numbered by group: `group_of[item]` is below `groups`, and groups
    /// are numbered in the order of their first item (as [`Grouping::by_key`] numbers them). A number no
    /// item has is an empty group (alias resolution numbers entities by their root group, leaving gaps).
    pub fn from_numbered(group_of: Vec<usize>, groups: usize) -> Grouping {
        let mut sizes = vec![0; groups];
        for &group in &group_of {
            sizes[group] += 1;
        }
        Grouping::with_sizes(group_of, sizes)
    }

    fn with_sizes(group_of: Vec<usize>, sizes: Vec<usize>) -> Grouping {
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut start = 0;
        starts.push(start);
        for size in sizes {
            start += size;
            starts.push(start);
        }
        let mut filled = starts.clone();
        let mut order = vec![0; group_of.len()];
        for (item, &group) in group_of.iter().enumerate() {
            order[filled[group]] = item;
            filled[group] += 1;
        }
        Grouping {
            group_of,
            order,
            starts,
        }
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items of group `group`, in item order (empty for a group that does not exist).
    pub fn members(&self, group: usize) -> &[usize] {
        match (self.starts.get(group), self.starts.get(group + 1)) {
            (Some(&start), Some(&end)) => &self.order[start..end],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::hash_map::RandomState;

    /// The plain definition: a vector per group, made as the items come.
    fn grouped_plainly(keys: &[u8]) -> Vec<Vec<usize>> {
        let mut groups: Vec<(u8, Vec<usize>)> = Vec::new();
        for (item, key) in keys.iter().enumerate() {
            match groups.iter_mut().find(|(k, _)| k == key) {
                Some((_, members)) => members.push(item),
                None => groups.push((*key, vec![item])),
            }
        }
        groups.into_iter().map(|(_, members)| members).collect()
    }

    fn grouped(keys: &[u8]) -> Vec<Vec<usize>> {
        let grouping = Grouping::by_key::<_, RandomState>(keys.iter());
        (0..grouping.len())
            .map(|g| grouping.members(g).to_vec())
            .collect()
    }

    #[test]
    fn groups_in_the_order_of_their_first_item() {
        let cases: &[(&[u8], &[&[usize]])] = &[
            (b"", &[]),
            (b"a", &[&[0]]),
            (b"abab", &[&[0, 2], &[1, 3]]),
            (b"bba", &[&[0, 1], &[2]]),
            (b"abcba", &[&[0, 4], &[1, 3], &[2]]),
        ];
        for (keys, expected) in cases {
            assert_eq!(grouped(keys), *expected, "{keys:?}");
        }
        let grouping = Grouping::by_key::<_, RandomState>(b"abcba".iter());
        assert_eq!(grouping.group_of, [0, 1, 2, 1, 0]);
        assert!(grouping.members(3).is_empty());
        assert!(Grouping::by_key::<u8, RandomState>(std::iter::empty()).is_empty());
    }

    proptest! {
        #[test]
        fn grouping_is_the_plain_grouping(keys in proptest::collection::vec(0u8..6, 0..40)) {
            prop_assert_eq!(grouped(&keys), grouped_plainly(&keys));
            let by_key = Grouping::by_key::<_, RandomState>(keys.iter());
            let groups = by_key.len();
            prop_assert_eq!(Grouping::from_numbered(by_key.group_of.clone(), groups), by_key.clone());
            for chunk in 1..6 {
                let chunked = Grouping::by_key_chunked::<_, _, RandomState>(&keys, |&key| key, chunk);
                prop_assert_eq!(&chunked, &by_key);
            }
            prop_assert_eq!(Grouping::by_key_par::<_, _, RandomState>(&keys, |&key| key), by_key);
        }
    }
}
