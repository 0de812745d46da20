//! `possessive-noun`: a possessor, a noun with at most two plain modifiers, a preposition, then the
//! second mention: "Qatar's changing perspective on Hamas" gives Qatar Other Hamas ("perspective
//! on"); a listed relation or role noun gives its class.
//!
//! Read by the verb pass (`verb.rs`) when the words between two neighbouring mentions have neither
//! a verb nor a relation noun before a preposition (`relation_noun.rs`).

use super::gap_reading::GapReading;
use super::sentence_reader::SentenceReader;
use super::words::DETERMINERS;
use crate::model::{RelationClass, Rule};
use crate::text::TokenKind;

impl SentenceReader<'_> {
    /// "Iraq's perspective on Y", "the group's move toward Y": a possessor, a noun with at most two
    /// modifiers, a preposition, then the second mention. Unlisted nouns read as `Other`.
    pub(super) fn possessive_noun<'r>(
        &'r self,
        start: usize,
        words: &[&'r str],
    ) -> Option<GapReading<'r>> {
        const LINKS: &[&str] = &[
            "on", "with", "toward", "towards", "over", "against", "in", "to", "at", "into", "for",
        ];
        if !self.is_possessive(start) {
            return None;
        }
        let preposition = words.iter().position(|w| LINKS.contains(w))?;
        let phrase = &words[1..preposition];
        let noun = phrase.last()?;
        let plain_words = (start + 1..start + preposition).all(|i| {
            self.tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && self.word(i).starts_with(|c: char| c.is_lowercase())
                && !self.lexicon.is_function_word(self.word(i))
                && !self.is_verb_at(i)
        });
        let rest_ok = words[preposition + 1..]
            .iter()
            .all(|w| DETERMINERS.contains(w));
        if phrase.len() > 3 || !plain_words || !rest_ok {
            return None;
        }
        let class = self.classed_noun(noun).unwrap_or(RelationClass::Other);
        Some(GapReading {
            lemma: noun,
            predicate: format!("{noun} {}", words[preposition]),
            class,
            hypothetical: false,
            negated: self.negated(start, words, None),
            passive: false,
            non_finite: false,
            coordinated: false,
            relative: false,
            verb_at: None,
            rule: Rule::PossessiveNoun,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::Other;
    use crate::model::Rule::PossessiveNoun;

    #[test]
    fn a_possessor_s_noun_before_a_preposition() {
        // An unlisted noun reads as Other.
        let cases: Cases = &[(
            "Qatar's changing perspective on Hamas worried Egypt.",
            &[reading("Qatar", Other, "Hamas", PossessiveNoun)],
        )];
        assert_cases(&embedded(), cases);
    }
}
