//! `UnionFind`: disjoint sets of indices, joined so that the smallest index of a set is its root.
//!
//! Alias resolution joins groups of mentions into entities, and a merge of shards joins the entities
//! written the same way; both number what they make by root, so the root must not depend on the order
//! of the joins.

/// Disjoint sets over `0..size`.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(size: usize) -> Self {
        UnionFind {
            parent: (0..size).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Whether `members` are some groups, all joined into one.
    pub(crate) fn all_joined(&mut self, members: &[usize]) -> bool {
        let Some((&first, rest)) = members.split_first() else {
            return false;
        };
        let root = self.find(first);
        rest.iter().all(|&member| self.find(member) == root)
    }

    /// Joins two groups; the smaller root index stays root so results do not depend on call order.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[join] = keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_index_is_the_root_whatever_the_order() {
        for joins in [[(3, 1), (1, 2)], [(2, 1), (3, 2)], [(1, 3), (2, 3)]] {
            let mut union = UnionFind::new(4);
            for (a, b) in joins {
                union.union(a, b);
            }
            assert_eq!([1, 2, 3].map(|i| union.find(i)), [1, 1, 1]);
            assert_eq!(union.find(0), 0);
            assert!(union.all_joined(&[1, 2, 3]));
            assert!(!union.all_joined(&[0, 1]));
            assert!(!union.all_joined(&[]));
        }
    }

    proptest::proptest! {
        #[test]
        fn all_joined_is_one_root(
            unions in proptest::collection::vec((0usize..8, 0usize..8), 0..8),
            members in proptest::collection::vec(0usize..8, 0..5),
        ) {
            let mut union = UnionFind::new(8);
            for (a, b) in unions {
                union.union(a, b);
            }
            let roots: std::collections::BTreeSet<usize> = members.iter().map(|&m| union.find(m)).collect();
            proptest::prop_assert_eq!(union.all_joined(&members), roots.len() == 1);
        }
    }
}
