//! Clause subject: which mentions are the subject of a verb between two neighbouring groups of
//! mentions, for the verb rule (`verb.rs`).
//!
//! Usually the group before the verb. But a relative clause (", which attacked Y") has the mention
//! before it; a verb after an apposition ("Hoshyar Zebari, a member of the bureau of the KDP,
//! maintained …") has the apposition's head; and a verb whose group before sits in a prepositional
//! phrase ("volunteers … traveled to Donetsk and Luhansk to join …"), an infinitive, a gerund or a
//! second verb of the clause has the subject of the clause's verb before.

use super::gap_reading::GapReading;
use super::sentence_reader::SentenceReader;
use super::words::{ADJUNCT_PREPOSITIONS, DETERMINERS};
use crate::model::{EntityKind, RelationClass, Rule};
use crate::text::TokenKind;

/// A verb of a clause and its subjects, which reach the later objects of the clause ("Qasim
/// withdrew Iraq from the Baghdad Pact").
pub(super) struct ClauseVerb<'r> {
    pub(super) subjects: Vec<usize>,
    pub(super) lemma: &'r str,
    pub(super) class: RelationClass,
    pub(super) negated: bool,
    /// The verb's token, for the clause check (`clause_check.rs`).
    pub(super) verb_at: Option<usize>,
}

/// The subjects of a verb: one mention, or a group of them.
pub(super) enum Subjects<'g> {
    One([usize; 1]),
    Group(&'g [usize]),
}

impl Subjects<'_> {
    /// The subjects, as a slice of mention indices.
    pub(super) fn as_slice(&self) -> &[usize] {
        match self {
            Subjects::One(one) => one,
            Subjects::Group(group) => group,
        }
    }
}

impl SentenceReader<'_> {
    /// The subjects of what `reading` reads between the group `left` and the next: `left`, or one
    /// of the mentions the module docs name, or the subjects of the `clause` verb before. None when
    /// the subject is the clause's and no clause verb came before.
    pub(super) fn subjects_of<'g>(
        &self,
        left: &'g [usize],
        reading: &GapReading,
        clause: Option<&'g ClauseVerb>,
    ) -> Option<Subjects<'g>> {
        // "volunteers … traveled to Donetsk and Luhansk to join …": a mention inside a
        // prepositional phrase is not the subject of the next verb; the clause's subject is.
        let left_in_phrase = reading.rule == Rule::Verb
            && !reading.passive
            && !reading.relative
            && (reading.non_finite
                || (reading.coordinated && clause.is_some())
                || left
                    .first()
                    .is_some_and(|&m| self.after_non_subject_preposition(m)))
            // "After X attacked Y": the preposition opens a clause whose subject X is.
            && !left.first().is_some_and(|&m| {
                reading
                    .verb_at
                    .is_some_and(|verb_at| self.is_clause_subject(verb_at, m))
            });
        let apposition_head = left
            .first()
            .and_then(|&m| self.apposition_head(m))
            .filter(|_| reading.rule == Rule::Verb && !reading.passive && !reading.relative);
        if let Some(head) = apposition_head {
            Some(Subjects::One([head]))
        } else if reading.relative {
            Some(Subjects::One([self.antecedent(left)]))
        } else if left_in_phrase {
            clause.map(|clause| Subjects::Group(&clause.subjects))
        } else {
            Some(Subjects::Group(left))
        }
    }

    /// The mention a relative pronoun after `group` refers to: the last one, or, in "X of Y, who",
    /// the person X.
    fn antecedent(&self, group: &[usize]) -> usize {
        let last = group.last().copied().unwrap_or(0);
        let Some(m) = self.mentions.get(last) else {
            return last;
        };
        if m.kind != EntityKind::Person
            && let Some(before) = last.checked_sub(1)
            && let Some(b) = self.mentions.get(before)
            && b.kind == EntityKind::Person
            && (b.tokens.1..m.tokens.0)
                .all(|i| self.lower(i) == "of" || DETERMINERS.contains(&self.lower(i)))
        {
            return before;
        }
        last
    }

    /// The mention an apposition containing `mention` describes: in "Hoshyar Zebari, a member of
    /// the bureau of the KDP, maintained …", the KDP is inside the apposition and Zebari is its
    /// head.
    fn apposition_head(&self, mention: usize) -> Option<usize> {
        let m = self.mentions.get(mention)?;
        let mut i = m.tokens.0;
        let mut saw_of = false;
        for _ in 0..10 {
            let previous = i.checked_sub(1)?;
            let word = self.word(previous);
            if word == "," {
                let opens = DETERMINERS.contains(&self.lower(i));
                let head = self.mentions.iter().position(|h| h.tokens.1 == previous)?;
                return (opens && saw_of).then_some(head);
            }
            let plain = self
                .tokens
                .get(previous)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && word.starts_with(|c: char| c.is_lowercase())
                && self.lexicon.verb(self.lower(previous)).is_none();
            if !plain {
                return None;
            }
            saw_of |= word == "of";
            i = previous;
        }
        None
    }

    /// True when mention `mention` follows a preposition that heads an adjunct or an object
    /// ("after the invasion of Kuwait", "traveled to Donetsk"), so it is not a subject.
    fn after_non_subject_preposition(&self, mention: usize) -> bool {
        self.mentions
            .get(mention)
            .and_then(|m| self.word_before_phrase(m.tokens.0))
            .is_some_and(|w| ADJUNCT_PREPOSITIONS.contains(&w))
    }
}
