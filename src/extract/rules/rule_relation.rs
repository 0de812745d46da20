//! `RuleRelation`: a relation a rule read, between entities.

use crate::model::{RelationClass, Rule};
use std::borrow::Cow;

/// A relation a rule read, between entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRelation {
    pub subject: usize,
    pub object: usize,
    /// Most predicates are fixed words ("co-mentioned with"), kept without a copy.
    pub predicate: Cow<'static, str>,
    pub class: RelationClass,
    pub negated: bool,
    pub hedged: bool,
    pub rule: Rule,
}
