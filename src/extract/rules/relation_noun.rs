//! `relation-noun`: a relation noun right before a preposition, between two mentions, with no verb
//! between: "Turkey's tensions with Syria", "Yemen has deep ties with Saudi Arabia" give the noun's
//! class ("tensions with", Conflict).
//!
//! Read by the verb pass (`verb.rs`) when the words between two neighbouring mentions have no verb
//! (`gap_reading.rs`); a gap with a comma reads as nothing, one without such a noun as a
//! possessor's noun (`possessive_noun.rs`).
//!
//! A noun "from" its object has the object as its actor ("hostilities from Italy", "aid from
//! Japan"): the direction turns; a role "from" a place is no relation ("units from Y"). A gap that opens with "and" starts a new phrase ("X and from parts
//! of Y"), "on the part of" names an actor rather than a part, and "between" is the `between`
//! rule's: none of these relates the two. "in the event of war with Y" is a possibility.

use super::gap_reading::GapReading;
use super::sentence_reader::SentenceReader;
use super::words::{POSSIBILITY_NOUNS, PREPOSITIONS};
use crate::model::{EntityKind, RelationClass, Rule};

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
        let (class, role) = self.noun_class(words[noun])?;
        let preposition = words[noun + 1];
        let before = &words[..noun];
        // "X and from parts of Y", "X and the war with Y": a new phrase, unless a pronoun takes X
        // along ("X and its ties with Y").
        let new_phrase = matches!(before.first(), Some(&"and" | &"or"))
            && !before
                .iter()
                .any(|w| matches!(*w, "its" | "their" | "his" | "her"));
        let on_the_part = before.ends_with(&["on", "the"]) && words[noun] == "part";
        // "units from Y", "a minister from Y": a role "from" a place says where its holder comes
        // from, not whose it is.
        let role_from = preposition == "from"
            && !matches!(class, RelationClass::Cooperation | RelationClass::Conflict);
        // "X … transmitted to the minister of Y", "the French minister in Y": a role noun is the
        // first mention's only when nothing but its own phrase stands between them, and a role
        // "in" or "at" a place says where its holder serves, not whose ("a fellow at a
        // university" is its member).
        let object_is_place = || {
            self.mention_at(start + words.len())
                .and_then(|m| self.mentions.get(m))
                .is_some_and(|m| matches!(m.kind, EntityKind::Place | EntityKind::Country))
        };
        let role_elsewhere = role
            && ((matches!(preposition, "in" | "at") && object_is_place())
                || before
                    .iter()
                    .any(|w| PREPOSITIONS.contains(w) || *w == "than"));
        if new_phrase || on_the_part || role_from || role_elsewhere || preposition == "between" {
            return None;
        }
        let possible = before
            .windows(2)
            .any(|pair| POSSIBILITY_NOUNS.contains(&pair[0]) && pair[1] == "of");
        Some(GapReading {
            lemma: words[noun],
            predicate: format!("{} {preposition}", words[noun]),
            class,
            hypothetical: possible,
            negated: self.negated(start, words, None),
            // "hostilities from Italy": the object acts, as a passive's agent does.
            passive: preposition == "from",
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

    /// What the words around the noun say about who acts, and whether the noun relates the two at
    /// all.
    #[test]
    fn the_words_around_the_noun_decide_the_reading() {
        let cases: Cases = &[
            // "from": the object acts.
            (
                "Ghana faced hostilities from Togo.",
                &[reading("Togo", Conflict, "Ghana", RelationNoun)],
            ),
            // A role "from" a place says where its holder comes from, "in" or "at" a place where
            // it serves; a role behind a preposition is not the first mention's.
            ("Ghana has many envoys from Togo.", &[]),
            ("The Ghanaian minister in Togo left.", &[]),
            (
                "The duties levied in Ghana were sent to the minister of Togo.",
                &[],
            ),
            // A new phrase after "and", unless a pronoun carries the first mention into it.
            ("Troops came from Ghana and from parts of Togo.", &[]),
            (
                "Ghana and its ties with Togo were discussed.",
                &[reading("Ghana", Cooperation, "Togo", RelationNoun)],
            ),
            // "on the part of" names an actor, not a part.
            ("Ghana noted little restraint on the part of Togo.", &[]),
            // A possibility is no relation.
            ("Ghana stays neutral in the event of war with Togo.", &[]),
        ];
        assert_cases(&embedded(), cases);
    }
}
