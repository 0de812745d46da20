//! `nominal`: an action noun after a mention, a preposition, then another mention (or a list): "the
//! US assassination of Qasem Soleimani", "Russian support for the PMF" give the noun's class from
//! the first to the others.
//!
//! Also read: a country's armed men against Y ("Turkish troops against the PKK", Conflict), and an
//! event named by a country ("the Russian invasion of Ukraine", "the US war on Iraq"): the country
//! did to Y what the event noun says. The event reading also runs for a sentence whose mentions are
//! all of one entity (`run_order.rs`).

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use super::words::{DETERMINERS, FORCE_NOUNS, NOMINAL_PREPOSITIONS};
use crate::model::{EntityKind, RelationClass, Rule};

impl SentenceReader<'_> {
    /// `nominal`: "the US assassinations of Qasem Soleimani", "Russian support for the PMF": an
    /// action noun right after X, a preposition, then Y (or a list).
    pub(super) fn nominal(&self, out: &mut Vec<RuleRelation>) {
        self.event_nominal(out);
        for (x, mention) in self.mentions.iter().enumerate() {
            let noun_at = mention.tokens.1;
            let noun = self.lower(noun_at);
            let preposition = self.lower(noun_at + 1);
            // "Russian forces against Ukraine": a country's armed men against Y.
            // The preposition first: it rules out most mentions without a lexicon lookup.
            if !NOMINAL_PREPOSITIONS.contains(&preposition) {
                continue;
            }
            let forces_against =
                mention.adjective && FORCE_NOUNS.contains(&noun) && preposition == "against";
            let Some(class) = self
                .classed_noun(noun)
                .or(forces_against.then_some(RelationClass::Conflict))
            else {
                continue;
            };
            let mut start = noun_at + 2;
            while DETERMINERS.contains(&self.lower(start)) {
                start += 1;
            }
            for y in self.list_from(start) {
                out.extend(self.relation(
                    x,
                    y,
                    format!("{noun} {preposition}"),
                    class,
                    Rule::Nominal,
                ));
            }
        }
    }

    /// `nominal` on an event named by a country: "the Russian invasion of Ukraine", "the US war on
    /// Iraq": the country did to Y what the event noun says.
    pub(super) fn event_nominal(&self, out: &mut Vec<RuleRelation>) {
        for mention in self.mentions {
            if mention.kind != EntityKind::Event || mention.tokens.1 < mention.tokens.0 + 2 {
                continue;
            }
            let (country, inside) = match mention.contains[..] {
                [country] => (country, None),
                [country, object] => (country, Some(object)),
                _ => continue,
            };
            // The event noun and its preposition: inside the name when it names its object too
            // ("the Soviet invasion of Afghanistan", one event), else the name's last word and the
            // word after it ("the Russian invasion" of Ukraine, a mention of its own).
            let noun_at = match inside {
                Some(_) => (mention.tokens.0 + 1..mention.tokens.1 - 1)
                    .find(|&at| self.lexicon.relation_noun(self.lower(at)).is_some()),
                None => Some(mention.tokens.1 - 1),
            };
            let Some(noun_at) = noun_at else {
                continue;
            };
            let (noun, preposition) = (self.lower(noun_at), self.lower(noun_at + 1));
            let Some(class) = self.lexicon.relation_noun(noun) else {
                continue;
            };
            if !NOMINAL_PREPOSITIONS.contains(&preposition) {
                continue;
            }
            let objects = match inside {
                Some(object) => vec![object],
                None => {
                    let mut start = noun_at + 2;
                    while DETERMINERS.contains(&self.lower(start)) {
                        start += 1;
                    }
                    let members = self.list_from(start);
                    members.iter().map(|&y| self.mentions[y].entity).collect()
                }
            };
            for object in objects {
                out.push(RuleRelation {
                    subject: country,
                    object,
                    predicate: format!("{noun} {preposition}").into(),
                    class,
                    negated: false,
                    hedged: self.hedged(),
                    rule: Rule::Nominal,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::Conflict;
    use crate::model::Rule::{Nominal, Verb};

    #[test]
    fn an_action_noun_between_two_mentions() {
        let cases: Cases = &[
            (
                "Observers condemned the 2019 Turkish strikes on the Syrian Democratic Forces.",
                &[reading("Turkey", Conflict, "Syrian Democratic Forces", Nominal).at(year(2019))],
            ),
            (
                "Analysts recalled the 2018 Saudi assassination of Jamal Khashoggi.",
                &[reading("Saudi Arabia", Conflict, "Jamal Khashoggi", Nominal).at(year(2018))],
            ),
        ];
        assert_cases(&test_lexicon(), cases);
        let cases: Cases = &[(
            "Turkish strikes against the Kurdistan Workers Party continued until 2015.",
            &[reading("Turkey", Conflict, "Kurdistan Workers Party", Nominal).at(until(2015))],
        )];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn forces_and_events_of_a_country() {
        let cases: Cases = &[
            // A demonym's forces against Y: a conflict of the country with Y.
            (
                "Volunteers fought alongside Turkish troops against the Kurdistan Workers Party.",
                &[reading(
                    "Turkey",
                    Conflict,
                    "Kurdistan Workers Party",
                    Nominal,
                )],
            ),
            // An event named by a country, then "of Y": the country did it to Y.
            // Named whole ("the Russian invasion of Ukraine" is one event), the first did it to the
            // second; the name says nothing more (name-part reads no event).
            (
                "Russia massed troops near Ukraine. The Russian invasion of Ukraine shocked Europe.",
                &[reading("Russia", Conflict, "Ukraine", Nominal)],
            ),
            (
                "Saudi Arabia is rich. The Saudi war on Yemen dragged on.",
                &[reading("Saudi Arabia", Conflict, "Yemen", Nominal)],
            ),
            // Two countries in the event's name, and an "of" after it that is no object: neither
            // did it to the other.
            (
                "Kenya fought Somalia. The Kenya-Somalia War of the 1960s ended.",
                &[reading("Kenya", Conflict, "Somalia", Verb)],
            ),
        ];
        assert_cases(&embedded(), cases);
    }
}
