//! `joint-subject`: a list of mentions before a cooperation verb: "Baghdad and Beijing signed a
//! deal" gives each member Cooperation with each other ("sign with").
//!
//! The verb is within four words after the list (a date or an adverb may come between: "Iraq and
//! Total Energy in 2023 signed"), with no comma or mention before it. A negation there ("did not
//! sign", "refused to sign") denies the joint act. A list after a preposition is no subject
//! ("working with X and Y to support …"), an infinitive no act of the list's ("X and Y to
//! support"), and a modal or a condition makes the act a possibility. A list pairs through its first
//! [`MAX_COMENTION_ENTITIES`](super::MAX_COMENTION_ENTITIES) members.

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use super::words::PREPOSITIONS;
use crate::model::{RelationClass, Rule};

impl SentenceReader<'_> {
    /// `joint-subject`: "Baghdad and Beijing signed a deal": members of a subject list joined by a
    /// cooperation verb cooperate with each other.
    pub(super) fn joint_subject(&self, out: &mut Vec<RuleRelation>) {
        for group in self.groups.iter() {
            if group.len() < 2 {
                continue;
            }
            let (Some(&first), Some(&last)) = (group.first(), group.last()) else {
                continue;
            };
            let list_start = self.mentions[first].tokens.0;
            // "with the X and Y": the list is a preposition's object.
            if self
                .word_before_phrase(list_start)
                .is_some_and(|w| PREPOSITIONS.contains(&w))
                || self.conditional_before(list_start)
            {
                continue;
            }
            let after = self.mentions[last].tokens.1;
            // Skip a date or an adverb: "Iraq and Total Energy in 2023 signed".
            let verb = (after..after + 4).find(|&i| self.is_verb_at(i));
            let Some(verb) = verb.and_then(|i| self.lexicon.verb(self.lower(i))) else {
                continue;
            };
            if verb.class != RelationClass::Cooperation {
                continue;
            }
            let gap_ok = (after..after + 4)
                .take_while(|&i| self.lexicon.verb(self.lower(i)).is_none())
                .all(|i| {
                    !matches!(self.lower(i), "," | "to")
                        && !self.is_hypothetical_modal(i)
                        && self.mention_at(i).is_none()
                });
            if !gap_ok {
                continue;
            }
            // "Turkey and Qatar did not sign", "… refused to sign": the joint act is denied.
            let negated = (after..after + 4)
                .take_while(|&i| self.lexicon.verb(self.lower(i)).is_none() || !self.is_verb_at(i))
                .any(|i| self.lexicon.is_negation(self.lower(i)) || self.lower(i).ends_with("n't"));
            let group = self.capped(group);
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    if let Some(mut relation) = self.relation(
                        a,
                        b,
                        format!("{} with", verb.lemma),
                        verb.class,
                        Rule::JointSubject,
                    ) {
                        relation.negated = negated;
                        out.push(relation);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::Cooperation;
    use crate::model::Rule::JointSubject;

    #[test]
    fn a_list_before_a_cooperation_verb() {
        let cases: Cases = &[(
            "Turkey and Qatar signed a defence pact in 2017.",
            &[reading("Turkey", Cooperation, "Qatar", JointSubject).at(year(2017))],
        )];
        assert_cases(&test_lexicon(), cases);
        // A joint subject's denied act is negated too.
        let cases: Cases = &[(
            "Turkey and Greece did not sign a deal in 2020.",
            &[reading("Turkey", Cooperation, "Greece", JointSubject)
                .negated()
                .at(year(2020))],
        )];
        assert_cases(&embedded(), cases);
    }

    /// A list that is no subject, or an act that is no fact, joins nobody.
    #[test]
    fn only_a_subject_list_doing_a_real_act_is_joined() {
        let cases: Cases = &[
            // The object of a preposition.
            (
                "Kenya is working with Ghana and Togo to support trade.",
                &[],
            ),
            // An infinitive of purpose, a modal, a condition.
            ("Aid reached Ghana and Togo to support trade.", &[]),
            ("Ghana and Togo would sign a pact.", &[]),
            ("If Ghana and Togo sign a pact, trade grows.", &[]),
            (
                "In May, Ghana and Togo signed a pact.",
                &[reading("Ghana", Cooperation, "Togo", JointSubject)],
            ),
        ];
        assert_cases(&embedded(), cases);
    }
}
