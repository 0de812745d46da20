//! `relation-noun`: a relation noun right before a preposition, between two mentions, with no verb
//! between: "Turkey's tensions with Syria", "Yemen has deep ties with Saudi Arabia" give the noun's
//! class ("tensions with", Conflict).
//!
//! Read by the verb pass (`verb.rs`) when the words between two neighbouring mentions have no verb
//! (`gap_reading.rs`); a gap with a comma reads as nothing, one without such a noun as a
//! possessor's noun (`possessive_noun.rs`).

use super::gap_reading::GapReading;
use super::sentence_reader::SentenceReader;
use super::words::PREPOSITIONS;
use crate::model::Rule;

impl SentenceReader<'_> {
    /// The words of a gap without a verb, from token `start`, as a relation noun and its
    /// preposition ("X's relations with Y", "X has deep ties to Y"), or else as a possessor's noun.
    pub(super) fn relation_noun<'r>(
        &'r self,
        start: usize,
        words: &[&'r str],
    ) -> Option<GapReading<'r>> {
        if words.contains(&",") {
            return None;
        }
        let noun = (0..words.len().saturating_sub(1)).find(|&i| {
            PREPOSITIONS.contains(&words[i + 1]) && self.classed_noun(words[i]).is_some()
        });
        let Some(noun) = noun else {
            return self.possessive_noun(start, words);
        };
        let class = self.classed_noun(words[noun])?;
        Some(GapReading {
            lemma: words[noun],
            predicate: format!("{} {}", words[noun], words[noun + 1]),
            class,
            hypothetical: false,
            negated: self.negated(start, words, None),
            passive: false,
            non_finite: false,
            coordinated: false,
            relative: false,
            verb_at: None,
            rule: Rule::RelationNoun,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Conflict, Cooperation};
    use crate::model::Rule::RelationNoun;

    #[test]
    fn a_relation_noun_and_a_preposition_between_two_mentions() {
        let cases: Cases = &[
            (
                "Yemen has deep ties with Saudi Arabia.",
                &[reading("Yemen", Cooperation, "Saudi Arabia", RelationNoun)],
            ),
            (
                "Turkey's tensions with Syria grew.",
                &[reading("Turkey", Conflict, "Syria", RelationNoun)],
            ),
        ];
        assert_cases(&test_lexicon(), cases);
        let cases: Cases = &[
            (
                "Turkey has strong relations with Qatar since 2017.",
                &[reading("Turkey", Cooperation, "Qatar", RelationNoun).at(since(2017))],
            ),
            (
                "Turkey's rapprochement with Egypt surprised observers.",
                &[reading("Turkey", Cooperation, "Egypt", RelationNoun)],
            ),
        ];
        assert_cases(&embedded(), cases);
    }
}
