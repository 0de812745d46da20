//! `co-mention`: every pair of distinct entities in a sentence that no other rule related: "Oil
//! prices fell in Iraq and Kuwait" gives Iraq CoMention Kuwait ("co-mentioned with"). A co-mention
//! is not an asserted relation; it says only that the two were named together.
//!
//! It runs last, after the repeats are dropped (`run_order.rs`), among the first
//! [`MAX_COMENTION_ENTITIES`] entities of the sentence.

use super::pair_cap::MAX_COMENTION_ENTITIES;
use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::extract::lexicon::WordBuildHasher;
use crate::model::{RelationClass, Rule};
use std::borrow::Cow;
use std::collections::HashSet;

impl SentenceReader<'_> {
    /// `co-mention`: every other pair of distinct entities in the sentence.
    /// `related` and `entities` are room for the work.
    pub(super) fn co_mentions(
        &self,
        out: &mut Vec<RuleRelation>,
        related: &mut HashSet<(usize, usize), WordBuildHasher>,
        entities: &mut Vec<usize>,
    ) {
        related.clear();
        related.extend(
            out.iter()
                .flat_map(|r| [(r.subject, r.object), (r.object, r.subject)]),
        );
        entities.clear();
        for mention in self.mentions {
            if !entities.contains(&mention.entity) {
                entities.push(mention.entity);
            }
            if entities.len() == MAX_COMENTION_ENTITIES {
                if self.mentions.iter().any(|m| !entities.contains(&m.entity)) {
                    self.capped.set(true);
                }
                break;
            }
        }
        out.reserve(entities.len() * entities.len().saturating_sub(1) / 2);
        for (i, &a) in entities.iter().enumerate() {
            for &b in &entities[i + 1..] {
                // Most sentences relate no pair by a rule: then no pair needs looking up.
                if related.is_empty() || !related.contains(&(a, b)) {
                    out.push(RuleRelation {
                        subject: a,
                        object: b,
                        predicate: Cow::Borrowed("co-mentioned with"),
                        class: RelationClass::CoMention,
                        negated: false,
                        hedged: false,
                        rule: Rule::CoMention,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass;

    #[test]
    fn every_pair_no_rule_related() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Oil prices fell in Qatar, Yemen and Turkey.",
                &[("Qatar", "Yemen"), ("Qatar", "Turkey"), ("Yemen", "Turkey")],
            ),
            // A pair a rule related is not co-mentioned too: the verb relates Saudi Arabia to Yemen,
            // and to Qatar, a later object of its clause.
            (
                "Saudi Arabia attacked Yemen near Qatar.",
                &[("Yemen", "Qatar")],
            ),
            ("Saudi Arabia attacked Yemen.", &[]),
        ];
        let lexicon = test_lexicon();
        for &(text, expected) in cases {
            let extraction = extract(text, &lexicon);
            let pairs: Vec<(&str, &str)> = extraction
                .relations
                .iter()
                .filter(|r| r.class == RelationClass::CoMention)
                .map(|r| {
                    let name = |entity: usize| extraction.entities[entity].name.as_str();
                    (name(r.subject), name(r.object))
                })
                .collect();
            assert_eq!(pairs, expected, "{text}");
        }
    }
}
