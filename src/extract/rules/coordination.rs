//! Coordination: mentions joined into lists ("Iran, Syria, and Russia", "A, B, and the C"), and the
//! two a pair reference stands for ("the two countries": two pair mentions over the same words).
//!
//! The joint-subject and verb rules read the sentence's coordinated groups, found once before them;
//! the such-as and nominal rules read the list starting at a word.

use super::sentence_reader::SentenceReader;
use super::words::{COORDINATION, DETERMINERS};
use crate::model::EntityKind;

/// Groups of mention indices, one after another.
#[derive(Debug, Default)]
pub(super) struct Groups {
    pub(super) members: Vec<usize>,
    /// Where each group ends in `members` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl Groups {
    /// No groups.
    pub(super) fn clear(&mut self) {
        self.members.clear();
        self.ends.clear();
    }

    /// How many groups there are.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The members of group `index` (none past the end).
    pub(super) fn get(&self, index: usize) -> &[usize] {
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.members.get(start..end).unwrap_or_default()
    }

    /// Each group's members, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &[usize]> {
        (0..self.len()).map(|index| self.get(index))
    }

    /// Adds `member` to the last group.
    pub(super) fn extend_last(&mut self, member: usize) {
        self.members.push(member);
        if let Some(end) = self.ends.last_mut() {
            *end = self.members.len();
        }
    }

    /// Starts a group with `member`.
    pub(super) fn push(&mut self, member: usize) {
        self.members.push(member);
        self.ends.push(self.members.len());
    }
}

impl SentenceReader<'_> {
    /// Neighbouring mentions joined by commas and "and" form one group: "Iran, Syria, and Russia".
    /// Into `groups` (cleared first).
    pub(super) fn find_coordinated_groups(&self, groups: &mut Groups) {
        groups.clear();
        for (index, mention) in self.mentions.iter().enumerate() {
            if let Some(&last) = groups.members.last() {
                // The two a pair reference stands for ("the two countries") are a list of two.
                if self.pair_partner(last) == Some(index) {
                    groups.extend_last(index);
                    continue;
                }
                let gap = self.mentions[last].tokens.1..mention.tokens.0;
                let same_token = self.mentions[last].tokens == mention.tokens;
                // A list ("Iran, Syria, and Russia"), or a name and its acronym ("… Corporation
                // (CNOOC)").
                let coordinated = !gap.is_empty()
                    && gap.clone().all(|i| COORDINATION.contains(&self.lower(i)))
                    && (gap
                        .clone()
                        .any(|i| matches!(self.lower(i), "," | "and" | "or"))
                        || self.mentions[last].entity == mention.entity);
                // "the head of the PMF, Faleh al-Fayyad, visited": the person is an apposition to
                // the phrase the first mention completes, not a second member.
                let apposition = self.word(gap.start) == ","
                    && mention.kind == EntityKind::Person
                    && self.word(mention.tokens.1) == ","
                    && self.complement_of_noun(last);
                if !same_token && !apposition && (coordinated || gap.is_empty()) {
                    groups.extend_last(index);
                    continue;
                }
            }
            groups.push(index);
        }
    }

    /// The mentions of a list starting at token `index`: "A, B, and the C".
    pub(super) fn list_from(&self, mut index: usize) -> Vec<usize> {
        let mut members = Vec::new();
        loop {
            while DETERMINERS.contains(&self.lower(index)) {
                index += 1;
            }
            let Some(member) = self.mention_at(index) else {
                break;
            };
            members.push(member);
            members.extend(self.pair_partner(member));
            index = self.mentions[member].tokens.1;
            // "the United Arab Emirates (UAE), and Bahrain": the acronym repeats the member.
            if self.word(index) == "("
                && let Some(acronym) = self.mention_at(index + 1)
                && self.mentions[acronym].entity == self.mentions[member].entity
                && self.word(self.mentions[acronym].tokens.1) == ")"
            {
                index = self.mentions[acronym].tokens.1 + 1;
            }
            let mut next = index;
            while matches!(self.lower(next), "," | "and" | "or") {
                next += 1;
            }
            if next == index {
                break;
            }
            index = next;
        }
        members
    }

    /// The mention after `mention` when the two are the two a pair reference stands for ("the two
    /// countries", [`crate::extract::reference`]).
    pub(super) fn pair_partner(&self, mention: usize) -> Option<usize> {
        let (first, second) = (self.mentions.get(mention)?, self.mentions.get(mention + 1)?);
        (first.pair && second.pair && first.tokens == second.tokens).then_some(mention + 1)
    }

    /// True when mention `mention` completes a noun with "of": "the head of the PMF".
    fn complement_of_noun(&self, mention: usize) -> bool {
        let Some(m) = self.mentions.get(mention) else {
            return false;
        };
        let mut before = m.tokens.0;
        while before > 0 && DETERMINERS.contains(&self.lower(before - 1)) {
            before -= 1;
        }
        before > 1
            && self.lower(before - 1) == "of"
            && self
                .word(before - 2)
                .starts_with(|c: char| c.is_lowercase())
    }
}
