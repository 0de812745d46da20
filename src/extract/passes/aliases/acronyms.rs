//! Rule 2: an acronym defined in parentheses joins its phrase ("PMF").

use super::Candidate;
use super::groups::Group;
use crate::extract::lexicon::{Lexicon, WordBuildHasher};
use crate::extract::mention::MentionSource;
use crate::grouping::Grouping;
use crate::union_find::UnionFind;
use std::collections::HashMap;

/// Rule 2: an acronym definition joins its phrase (the defined mention is in the same sentence, just
/// before), and an acronym that is itself a known surface of a lexicon entity joins that entity's
/// group ("UNSC").
pub(super) fn join_acronyms(
    candidates: &[Candidate<'_>],
    grouping: &Grouping,
    groups: &mut [Group<'_>],
    lexicon: &Lexicon,
    union: &mut UnionFind,
) {
    let group_of_candidate = &grouping.group_of;
    let mut first_of_sentence: Vec<usize> = Vec::with_capacity(candidates.len());
    for (i, candidate) in candidates.iter().enumerate() {
        let first = match i.checked_sub(1) {
            Some(previous)
                if candidates[previous].sentence == candidate.sentence
                    && candidates[previous].document == candidate.document =>
            {
                first_of_sentence[previous]
            }
            _ => i,
        };
        first_of_sentence.push(first);
        if let MentionSource::AcronymDefinition { defines } = candidate.mention.source
            && let Some(&defined_group) = group_of_candidate.get(first + defines)
        {
            union.union(group_of_candidate[i], defined_group);
            groups[group_of_candidate[i]].acronym = true;
        }
    }
    let group_of_lexicon: HashMap<usize, usize, WordBuildHasher> = groups
        .iter()
        .enumerate()
        .filter_map(|(index, group)| Some((group.lexicon_entity?, index)))
        .collect();
    for (index, group) in groups.iter().enumerate() {
        if group.lexicon_entity.is_none()
            && group.acronym
            && let Some(&other) = group
                .surfaces
                .keys()
                .find_map(|s| lexicon.lookup(s).map(|(e, _)| e))
                .and_then(|e| group_of_lexicon.get(&e))
        {
            union.union(index, other);
        }
    }
}
