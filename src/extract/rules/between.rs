//! `between`: a relation noun, "between", then two mentions joined by "and": "tensions between Iran
//! and Saudi Arabia" gives the noun's class between the two ("tensions with", Conflict).
//!
//! The noun is one of the two words before "between"; the second mention is the first after an
//! "and" that follows the first mention ("between X, leader of Z, and Y"), or the second of a pair
//! reference ("tension between the two countries").

use super::markers::Marker;
use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use super::words::POSSIBILITY_NOUNS;
use crate::model::Rule;

impl SentenceReader<'_> {
    /// `between`: "relations between X and Y".
    pub(super) fn between(&self, out: &mut Vec<RuleRelation>) {
        for &(i, marker) in &self.markers {
            if marker != Marker::Between || i == 0 {
                continue;
            }
            let noun = (i.saturating_sub(2)..i).rev().find_map(|n| {
                let word = self.lower(n);
                self.lexicon.relation_noun(word).map(|class| (word, class))
            });
            let Some((noun, class)) = noun else {
                continue;
            };
            // "in the event of war between X and Y", "if relations between X and Y improve", "I
            // recommend … to expand trade between X and Y": a possibility or a wish states no
            // relation.
            let possible = (i.saturating_sub(4)..i)
                .any(|n| POSSIBILITY_NOUNS.contains(&self.lower(n)) && self.lower(n + 1) == "of");
            if possible || self.conditional_before(i) || self.requested_before(i) {
                continue;
            }
            // "between X, leader of Z, and Y": Y is the first mention after an "and" that follows
            // X.
            let Some(a) = self.mention_after(i + 1, 3) else {
                continue;
            };
            let after_a = self.mentions[a].tokens.1;
            // "between the two countries": the pair reference names both.
            let b = self.pair_partner(a).or_else(|| {
                (after_a..after_a + 12)
                    .take_while(|&t| self.word(t) != ";")
                    .find(|&t| self.lower(t) == "and")
                    .and_then(|and| self.mention_after(and + 1, 3))
            });
            if let Some(b) = b {
                out.extend(self.relation(a, b, format!("{noun} with"), class, Rule::Between));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Conflict, Cooperation};
    use crate::model::Rule::Between;

    #[test]
    fn a_relation_noun_between_two_mentions() {
        let cases: Cases = &[(
            "The rivalry between Qatar and Saudi Arabia eased in 2021.",
            &[reading("Qatar", Conflict, "Saudi Arabia", Between).at(year(2021))],
        )];
        assert_cases(&test_lexicon(), cases);
        // Capitals stand for their countries.
        let cases: Cases = &[(
            "Talks between Kyiv and Moscow collapsed in 2022.",
            &[reading("Ukraine", Cooperation, "Russia", Between).at(year(2022))],
        )];
        assert_cases(&embedded(), cases);
    }

    /// A war or talks that may come, or come on a condition, are no relation.
    #[test]
    fn a_possible_relation_between_two_is_none() {
        let cases: Cases = &[
            (
                "In the event of war between Peru and Chile, trade would stop.",
                &[],
            ),
            ("The risk of conflict between Peru and Chile grew.", &[]),
            (
                "If talks between Peru and Chile resume, trade will grow.",
                &[],
            ),
            (
                "I recommend that you expand trade between Peru and Chile.",
                &[],
            ),
            (
                "The war between Peru and Chile ended.",
                &[reading("Peru", Conflict, "Chile", Between)],
            ),
        ];
        assert_cases(&embedded(), cases);
    }
}
