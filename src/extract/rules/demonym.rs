//! `demonym`: a demonym, a few plain lower-case words, then an organisation: "the Turkish defence
//! firm Baykar" gives Baykar PartOf Turkey.
//!
//! The words between must be plain: no function word, verb or relation noun ("the Turkish strikes
//! on the PKK" is the nominal rule's), at most four of them, and the organisation an organisation,
//! armed group or political group.

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::model::{EntityKind, RelationClass, Rule};
use crate::text::TokenKind;

impl SentenceReader<'_> {
    /// `demonym`: "the Chinese state-owned PowerChina", "the Turkish defence firm Baykar": a
    /// demonym, a few lower-case words, then an organisation: the organisation is part of the
    /// country.
    pub(super) fn demonym(&self, out: &mut Vec<RuleRelation>) {
        for (country, mention) in self.mentions.iter().enumerate() {
            if !mention.adjective || mention.kind != EntityKind::Country {
                continue;
            }
            let start = mention.tokens.1;
            let Some(end) = (start..start + 5).find(|&i| self.mention_at(i).is_some()) else {
                continue;
            };
            let between_ok = end > start
                && (start..end).all(|i| {
                    let word = self.word(i);
                    let lower = self.lower(i);
                    self.tokens
                        .get(i)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                        && word.starts_with(|c: char| c.is_lowercase())
                        && !self.lexicon.is_function_word(word)
                        && self.lexicon.verb(lower).is_none()
                        && self.classed_noun(lower).is_none()
                });
            let Some(org) = self.mention_at(end) else {
                continue;
            };
            let org_kind = self.mentions[org].kind;
            if between_ok
                && matches!(
                    org_kind,
                    EntityKind::Organization | EntityKind::ArmedGroup | EntityKind::PoliticalGroup
                )
            {
                out.extend(self.relation(
                    org,
                    country,
                    "part of",
                    RelationClass::PartOf,
                    Rule::Demonym,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Cooperation, PartOf};
    use crate::model::Rule::{Demonym, Verb};

    #[test]
    fn an_organisation_after_a_demonym_is_the_country_s() {
        let cases: Cases = &[(
            "The Turkish defence firm Baykar sold drones to Ukraine.",
            &[
                reading("Baykar", PartOf, "Turkey", Demonym),
                reading("Baykar", Cooperation, "Ukraine", Verb),
            ],
        )];
        assert_cases(&embedded(), cases);
    }
}
