//! `RuleBuffers`: the room the rules work in, kept from one sentence to the next.

use super::coordination::Groups;
use super::lowered::Lowered;
use super::markers::Marker;
use super::structure_on_demand::StructureOnDemand;
use crate::extract::lexicon::WordBuildHasher;
use std::collections::HashSet;

/// What the rules need room for while they read a sentence, kept from one sentence to the next by
/// [`read_sentence_relations_into`](super::read_sentence_relations_into), so that a sentence costs
/// few allocations of its own.
#[derive(Debug, Default)]
pub struct RuleBuffers {
    pub(super) mention_starts: Vec<usize>,
    pub(super) lowered: Lowered,
    pub(super) groups: Groups,
    pub(super) compound_groups: Groups,
    pub(super) markers: Vec<(usize, Marker)>,
    /// Relation indices in key order, to find the repeated ones.
    pub(super) order: Vec<usize>,
    pub(super) keep: Vec<bool>,
    /// The pairs a rule related, which need no co-mention.
    pub(super) related: HashSet<(usize, usize), WordBuildHasher>,
    pub(super) entities: Vec<usize>,
    /// The sentence's tags, lemmas, chunks and clauses (read for the sentences that need every
    /// rule, when a rule asks).
    pub(super) structure: StructureOnDemand,
}
