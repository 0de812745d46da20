//! Rule 6: events named after the same country are one ("Kuwait crisis", "Kuwait war").

use super::groups::Group;
use crate::union_find::UnionFind;
use std::collections::BTreeMap;

/// Rule 6: events named after the same country are one ("Kuwait crisis", "Kuwait war").
pub(super) fn join_events(groups: &[Group<'_>], union: &mut UnionFind) {
    let mut event_of_country: BTreeMap<usize, usize> = BTreeMap::new();
    for (index, group) in groups.iter().enumerate() {
        if let Some(country) = group.event_country {
            match event_of_country.get(&country) {
                Some(&first) => union.union(index, first),
                None => {
                    event_of_country.insert(country, index);
                }
            }
        }
    }
}
