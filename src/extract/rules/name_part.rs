//! `name-part`: a country named inside an entity's own name: "Central Bank of Iraq" gives the bank
//! PartOf Iraq; "Iran-Iraq War" and "US-Iraq Status of Forces Agreement" give each country party to
//! (Other) the event or agreement.
//!
//! Reads the countries mention finding found inside a name ([`SentenceMention::contains`]). An
//! event with one country ("Kuwait crisis") names where, not who took part: no relation. Only the
//! first sentence of the corpus with the name carries the relation (the extraction drops the
//! others).
//!
//! [`SentenceMention::contains`]: super::SentenceMention::contains

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::extract::lexicon::SurfaceRole;
use crate::model::{EntityKind, RelationClass, Rule};

impl SentenceReader<'_> {
    /// `name-part`: a country inside a name: "Central Bank of Iraq" is part of Iraq; Iran and Iraq
    /// are parties to the "Iran-Iraq War". Only the first sentence with the name carries it (see
    /// the extraction).
    pub(super) fn name_part(&self, out: &mut Vec<RuleRelation>) {
        for mention in self.mentions {
            // "Kuwait crisis" names where, not who took part; "Iran-Iraq War" names the parties.
            if mention.kind == EntityKind::Event && mention.contains.len() < 2 {
                continue;
            }
            // "in Tehran": a capital standing as its city is in its country by the lexicon, not by
            // anything the text says.
            if self.is_capital(mention) {
                continue;
            }
            for &country in &mention.contains {
                let relation = match mention.kind {
                    // "Iran-Iraq War", "US-Iraq Status of Forces Agreement": the countries took
                    // part.
                    EntityKind::Agreement | EntityKind::Event => RuleRelation {
                        subject: country,
                        object: mention.entity,
                        predicate: "party to".into(),
                        class: RelationClass::Other,
                        negated: false,
                        hedged: false,
                        rule: Rule::NamePart,
                    },
                    EntityKind::Person | EntityKind::Country => continue,
                    _ => RuleRelation {
                        subject: mention.entity,
                        object: country,
                        predicate: "part of".into(),
                        class: RelationClass::PartOf,
                        negated: false,
                        hedged: false,
                        rule: Rule::NamePart,
                    },
                };
                out.push(relation);
            }
        }
    }
}

impl SentenceReader<'_> {
    /// Whether the mention's words are a capital's, as the lexicon has them.
    fn is_capital(&self, mention: &super::SentenceMention) -> bool {
        self.text
            .get(mention.span.start..mention.span.end)
            .and_then(|surface| self.lexicon.lookup(surface))
            .is_some_and(|(_, role)| role == SurfaceRole::Capital)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::PartOf;
    use crate::model::Rule::{self, NamePart};
    use crate::text::Document;

    #[test]
    fn name_part_is_read_once_per_corpus() {
        let text = "Yemen faces a currency crisis. The Central Bank of Yemen printed new notes. \
                    The Central Bank of Yemen later moved.";
        let expected: &[Expected] = &[reading("Central Bank of Yemen", PartOf, "Yemen", NamePart)];
        assert_cases(&test_lexicon(), &[(text, expected)]);

        // Across documents too: the name says it once for the whole corpus.
        let corpus = vec![
            Document {
                name: "a.txt".into(),
                text: "Yemen is poor. The Central Bank of Yemen printed notes.".into(),
            },
            Document {
                name: "b.txt".into(),
                text: "The Central Bank of Yemen moved its offices.".into(),
            },
        ];
        let name_parts = extract_documents(&corpus, &test_lexicon())
            .relations
            .iter()
            .filter(|r| r.rule.rule == Rule::NamePart)
            .count();
        assert_eq!(name_parts, 1);
    }

    #[test]
    fn a_capital_standing_as_its_city_is_no_part_of_a_name() {
        // (text, the name-part readings): the capital is in its country by the lexicon alone.
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Turkey hosted talks in Ankara, and the Central Bank of Turkey paid.",
                &[("Central Bank of Turkey", "Turkey")],
            ),
            ("Turkey said talks were held in Ankara on Monday.", &[]),
            ("Syria sent officials to meet in Damascus.", &[]),
        ];
        for &(text, expected) in cases {
            let extraction = extract(text, &test_lexicon());
            let readings: Vec<(&str, &str)> = extraction
                .relations
                .iter()
                .filter(|r| r.rule.rule == Rule::NamePart)
                .map(|r| {
                    (
                        extraction.entities[r.subject].name.as_str(),
                        extraction.entities[r.object].name.as_str(),
                    )
                })
                .collect();
            assert_eq!(readings, expected, "{text}");
        }
    }
}
