//! Grouping items by a key: one hash look-up per item, groups numbered in the order of their first
//! item, and every group's items held in one flat list rather than a vector each.
//!
//! Alias resolution groups mentions by their surface key, and building the graph groups relations into
//! edges by their endpoints and predicate. Both ran a vector per group; for tens of thousands of small
//! groups, making those vectors cost more than the look-ups. It sits at the crate root, beside
//! `union_find`, because both stages use it and the graph stage may not reach back into extraction.

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

    /// [`Grouping::by_key`] of the keys `key` gives `items`, on every thread: the items are dealt into
    /// parts by their key's hash, so that equal keys meet in one part, and each part is grouped on its
    /// own. Grouping on one thread was the serial cost of alias resolution and of making edges.
    pub fn by_key_par<'a, T, K, S>(items: &'a [T], key: impl Fn(&'a T) -> K + Sync) -> Grouping
    where
        T: Sync,
        K: Hash + Eq,
        S: BuildHasher + Default + Sync,
    {
        let threads = rayon::current_num_threads();
        if threads == 1 {
            return Grouping::by_key::<_, S>(items.iter().map(key));
        }
        // Several parts a thread, so that a part of many items is not the last one working.
        Grouping::by_key_partitioned::<'a, T, K, S>(items, key, threads * 8)
    }

    /// [`Grouping::by_key_par`] with `parts` parts (at least one). Each part's groups are numbered in
    /// its order; the groups of all parts are then numbered in the order of their first item.
    fn by_key_partitioned<'a, T, K, S>(
        items: &'a [T],
        key: impl Fn(&'a T) -> K + Sync,
        parts: usize,
    ) -> Grouping
    where
        T: Sync,
        K: Hash + Eq,
        S: BuildHasher + Default + Sync,
    {
        use rayon::prelude::*;
        let parts = parts.max(1);
        let hasher = S::default();
        let part_of: Vec<usize> = items
            .par_iter()
            .map(|item| (hasher.hash_one(key(item)) % parts as u64) as usize)
            .collect();
        // Each part's items, in item order.
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); parts];
        for (item, &part) in part_of.iter().enumerate() {
            members[part].push(item);
        }
        drop(part_of);
        // Per part: its grouping (of its items, by their position in the part).
        let groupings: Vec<Grouping> = members
            .par_iter()
            .map(|members| Grouping::by_key::<_, S>(members.iter().map(|&item| key(&items[item]))))
            .collect();
        // Every part's groups by their first item: the order they are numbered in.
        let mut firsts: Vec<(usize, usize, usize)> = groupings
            .iter()
            .enumerate()
            .flat_map(|(part, grouping)| {
                let members = &members[part];
                (0..grouping.len())
                    .map(move |group| (members[grouping.members(group)[0]], part, group))
            })
            .collect();
        firsts.par_sort_unstable();
        let mut number: Vec<Vec<usize>> = groupings.iter().map(|g| vec![0; g.len()]).collect();
        for (global, &(_, part, group)) in firsts.iter().enumerate() {
            number[part][group] = global;
        }
        let mut group_of = vec![0; items.len()];
        for ((members, grouping), number) in members.iter().zip(&groupings).zip(&number) {
            for (&item, &group) in members.iter().zip(&grouping.group_of) {
                group_of[item] = number[group];
            }
        }
        Grouping::from_numbered(group_of, firsts.len())
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
            for parts in 1..6 {
                let partitioned =
                    Grouping::by_key_partitioned::<_, _, RandomState>(&keys, |&key| key, parts);
                prop_assert_eq!(&partitioned, &by_key);
            }
            prop_assert_eq!(Grouping::by_key_par::<_, _, RandomState>(&keys, |&key| key), by_key);
        }
    }
}
