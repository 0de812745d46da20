//! `possessive`: a mention, "'s", then another mention: "Iran's Quds Force" gives the Quds Force
//! PartOf Iran.

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::model::{RelationClass, Rule};

impl SentenceReader<'_> {
    /// `possessive`: "Iran's Quds Force": the second is part of the first.
    pub(super) fn possessive(&self, out: &mut Vec<RuleRelation>) {
        for (y, mention) in self.mentions.iter().enumerate() {
            let after = mention.tokens.1;
            if self.is_possessive(after)
                && let Some(x) = self.mention_at(after + 1)
            {
                out.extend(self.relation(x, y, "part of", RelationClass::PartOf, Rule::Possessive));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::PartOf;
    use crate::model::Rule::Possessive;

    #[test]
    fn a_possessor_s_mention_is_part_of_it() {
        let cases: Cases = &[(
            "Iran's Quds Force trained the militias.",
            &[reading("Quds Force", PartOf, "Iran", Possessive)],
        )];
        assert_cases(&test_lexicon(), cases);
    }
}
