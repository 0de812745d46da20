//! `located-in`: an organisation, group or place, "in", then a country or place: "Durham University
//! in the UK" gives the university PartOf the UK ("located in").

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::model::{EntityKind, RelationClass, Rule};

impl SentenceReader<'_> {
    /// `located-in`: "Durham University in the UK": an organisation or place, "in", a country or
    /// place.
    pub(super) fn located_in(&self, out: &mut Vec<RuleRelation>) {
        for (x, mention) in self.mentions.iter().enumerate() {
            let located = matches!(
                mention.kind,
                EntityKind::Organization
                    | EntityKind::Place
                    | EntityKind::ArmedGroup
                    | EntityKind::PoliticalGroup
            );
            if !located || self.lower(mention.tokens.1) != "in" {
                continue;
            }
            if let Some(y) = self.mention_after(mention.tokens.1 + 1, 2)
                && matches!(
                    self.mentions[y].kind,
                    EntityKind::Country | EntityKind::Place
                )
            {
                out.extend(self.relation(
                    x,
                    y,
                    "located in",
                    RelationClass::PartOf,
                    Rule::LocatedIn,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::PartOf;
    use crate::model::Rule::LocatedIn;

    #[test]
    fn an_organisation_or_place_in_a_country() {
        let cases: Cases = &[
            (
                "The Kurdistan Workers Party in Turkey lost ground.",
                &[reading(
                    "Kurdistan Workers Party",
                    PartOf,
                    "Turkey",
                    LocatedIn,
                )],
            ),
            (
                "Engineers repaired the Marib oil field in Yemen.",
                &[reading("Marib oil field", PartOf, "Yemen", LocatedIn)],
            ),
        ];
        assert_cases(&test_lexicon(), cases);
        let cases: Cases = &[(
            "The Rapid Support Forces in Sudan lost ground.",
            &[reading("Rapid Support Forces", PartOf, "Sudan", LocatedIn)],
        )];
        assert_cases(&embedded(), cases);
    }
}
