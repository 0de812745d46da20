//! `demonym`: a demonym, a few plain lower-case words, then an organisation or a person: "the
//! Turkish defence firm Baykar" gives Baykar PartOf Turkey, "the Chilean poet Ana Rojas" Ana Rojas
//! PartOf Chile.
//!
//! The words between must be plain: no function word, verb or relation noun ("the Turkish strikes
//! on the PKK" is the nominal rule's), at most four of them, and what follows an organisation,
//! armed group, political group or person. After a plural noun and a comma, each member of the
//! list that follows is named: "two Peruvian engineers, Ana Rojas and Luis Soto".

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
            let Some(found) = (start..start + 6).find(|&i| self.mention_at(i).is_some()) else {
                continue;
            };
            // "two Peruvian engineers, A and B": a plural noun, a comma, then the names.
            let listed = found > start + 1
                && self.word(found - 1) == ","
                && self.lower(found - 2).ends_with('s');
            let end = if listed { found - 1 } else { found };
            let between_ok = end > start && (start..end).all(|i| self.is_plain_word(i));
            if !between_ok {
                continue;
            }
            for member in self.named_after(found, listed) {
                let member_kind = self.mentions[member].kind;
                if matches!(
                    member_kind,
                    EntityKind::Organization
                        | EntityKind::ArmedGroup
                        | EntityKind::PoliticalGroup
                        | EntityKind::Person
                ) {
                    out.extend(self.relation(
                        member,
                        country,
                        "part of",
                        RelationClass::PartOf,
                        Rule::Demonym,
                    ));
                }
            }
        }
    }
}

impl SentenceReader<'_> {
    /// Whether token `index` is a plain lower-case word: no function word, verb, relation noun or
    /// role noun ("defence", "firm", "state-owned").
    pub(super) fn is_plain_word(&self, index: usize) -> bool {
        let word = self.word(index);
        let lower = self.lower(index);
        self.tokens
            .get(index)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && word.starts_with(|c: char| c.is_lowercase())
            && !self.lexicon.is_function_word(word)
            && self.lexicon.verb(lower).is_none()
            && self.classed_noun(lower).is_none()
    }

    /// The mention starting at token `at`, and when `listed`, the mentions listed after it ("A, B
    /// and C").
    fn named_after(&self, at: usize, listed: bool) -> Vec<usize> {
        let mut named = Vec::new();
        let mut i = at;
        while let Some(m) = self.mention_at(i) {
            named.push(m);
            if !listed {
                break;
            }
            i = self.mentions[m].tokens.1;
            let joined = |i: usize| matches!(self.lower(i), "," | "and");
            if !joined(i) {
                break;
            }
            i += 1;
            if joined(i) {
                i += 1;
            }
        }
        named
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

    #[test]
    fn a_person_or_a_list_after_a_demonym_is_the_country_s() {
        let cases: Cases = &[
            (
                "The Chilean poet Ana Rojas wrote a new book.",
                &[reading("Ana Rojas", PartOf, "Chile", Demonym)],
            ),
            // A plural noun, a comma, then the list: each member.
            (
                "Two senior Peruvian engineers, Luis Soto and Ana Rojas, were hired.",
                &[
                    reading("Luis Soto", PartOf, "Peru", Demonym),
                    reading("Ana Rojas", PartOf, "Peru", Demonym),
                ],
            ),
            // Countries are no part of another country; a singular noun takes no list.
            ("Chilean ships, Argentina and Peru protested.", &[]),
            ("The Chilean navy, Bolivia and Peru protested.", &[]),
        ];
        assert_cases(&embedded(), cases);
    }
}
