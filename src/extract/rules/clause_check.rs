//! Clause check: whether the sentence's clauses let a verb relate a subject mention to an object
//! mention, for the verb rule (`verb.rs`), whose readings come from the words between two names.
//!
//! The words between two names cannot tell a clause's subject from a name in another clause: "X
//! severed ties with Y after Z executed W" reads "X sever Z" and "X execute W". The clause splitter
//! knows better, though not always, so the check speaks only where the clauses are plain:
//! - a verb's object lies in the verb's own clause, or in a clause under it with no subject of its
//!   own ("X agreed to arm Y"), never in a clause with a subject of its own or outside the verb's;
//! - a subject named outside the verb's clause, where that clause has a subject phrase of its own
//!   or shares the one of the clause it is coordinated with, gives way to the mentions of that
//!   phrase, or to none when it names none ("after two officials executed W", "we replaced X and
//!   signed Y"); a subject named in another clause that is not around the verb's ("After X
//!   attacked Y, Z sent troops": not Y) does nothing;
//! - a subject named in a clause inside the verb's ("the envoy elected by X attacked W") gives way
//!   likewise;
//! - inside the verb's clause, a mention holding the head of the clause's subject phrase is the
//!   subject ("X in its feud with Y attacked W"), unless the reading's subject is listed with it
//!   ("X and Y attacked W") or the phrase stands between commas ("X, a member of Y, maintained
//!   …", where it may be an apposition).
//!
//! Where the splitter found no subject, or the subject phrase's head is no name, the reading stands.

use super::sentence_mention::SentenceMention;
use super::sentence_reader::SentenceReader;
use crate::extract::syntax::{Clause, ClauseKind};

/// What the clauses say of a subject and an object a verb reading relates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ClauseVerdict {
    /// Nothing against the reading (or no structure to ask).
    Stands,
    /// The verb does not relate the two.
    Drop,
    /// These mentions, not the reading's subject, are the verb's subject.
    Subjects(Vec<usize>),
}

impl SentenceReader<'_> {
    /// What the clause of the verb at token `verb_at` says of the verb relating mention `subject`
    /// to mention `object` (both indices into the sentence's mentions).
    pub(super) fn clause_verdict(
        &self,
        verb_at: usize,
        subject: usize,
        object: usize,
    ) -> ClauseVerdict {
        let structure = self.structure();
        let clauses = structure.clauses();
        let (Some(subject_mention), Some(object_mention)) =
            (self.mentions.get(subject), self.mentions.get(object))
        else {
            return ClauseVerdict::Stands;
        };
        let Some(at) = structure.clause_of(verb_at) else {
            return ClauseVerdict::Stands;
        };
        let Some(clause) = clauses.get(at) else {
            return ClauseVerdict::Stands;
        };
        let verb_chunk = clause.verb.and_then(|v| structure.chunks().get(v));
        if !verb_chunk.is_some_and(|c| c.contains(verb_at)) {
            return ClauseVerdict::Stands;
        }
        if !self.in_clause(at, object_mention) {
            return ClauseVerdict::Drop;
        }
        let phrase = clause.subject.and_then(|s| structure.chunks().get(s));
        let in_phrase = |m: &SentenceMention| {
            phrase.is_some_and(|p| m.tokens.0 < p.end && p.start < m.tokens.1)
        };
        if in_phrase(subject_mention) {
            return ClauseVerdict::Stands;
        }
        let named: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| m != object && in_phrase(&self.mentions[m]))
            .collect();
        let subject_inside = self.in_clause(at, subject_mention);
        let shares_subject = clause.kind == ClauseKind::Coordinate && clause.subject_outside;
        // Named inside a clause under the verb's ("the envoy elected by X became …"): no subject of
        // the verb.
        let nested = subject_inside && structure.clause_of(subject_mention.tokens.0) != Some(at);
        if nested {
            return if named.is_empty() {
                ClauseVerdict::Drop
            } else {
                ClauseVerdict::Subjects(named)
            };
        }
        if !subject_inside {
            if phrase.is_some() && (!clause.subject_outside || shares_subject) {
                return if named.is_empty() {
                    ClauseVerdict::Drop
                } else {
                    ClauseVerdict::Subjects(named)
                };
            }
            // Named in a clause beside the verb's, not one around it.
            let around = structure
                .clause_of(subject_mention.tokens.0)
                .is_some_and(|outer| self.is_within(at, outer));
            return if around {
                ClauseVerdict::Stands
            } else {
                ClauseVerdict::Drop
            };
        }
        let Some(phrase) = phrase else {
            return ClauseVerdict::Stands;
        };
        let holds_head = |m: &SentenceMention| (m.tokens.0..m.tokens.1).contains(&phrase.head);
        // "X, a member of Y, maintained …": a phrase between commas may be an apposition to the
        // subject, which the splitter takes for the subject itself.
        let verb_start = verb_chunk.map_or(verb_at, |c| c.start);
        let comma = |range: std::ops::Range<usize>| range.into_iter().any(|i| self.word(i) == ",");
        let comma_between =
            comma(subject_mention.tokens.1..phrase.start) && comma(phrase.end..verb_start);
        match (0..self.mentions.len()).find(|&m| m != object && holds_head(&self.mentions[m])) {
            Some(head) if !comma_between && !self.listed_together(head, subject) => {
                ClauseVerdict::Subjects(vec![head])
            }
            _ => ClauseVerdict::Stands,
        }
    }

    /// Whether clause `inner` is clause `outer` or lies within it.
    fn is_within(&self, mut inner: usize, outer: usize) -> bool {
        let structure = self.structure();
        let clauses = structure.clauses();
        loop {
            if inner == outer {
                return true;
            }
            match clauses.get(inner).and_then(|c| c.parent) {
                Some(parent) => inner = parent,
                None => return false,
            }
        }
    }

    /// Whether mentions `head` and `other` are members of one list ("X, Y and Z"): a group of
    /// mentions joined by "and" or "or", or by commas alone when `other` is not inside a
    /// prepositional phrase ("Armed by X, Y attacked": no list).
    fn listed_together(&self, head: usize, other: usize) -> bool {
        let structure = self.structure();
        let in_preposition = self.mentions.get(other).is_some_and(|m| {
            structure
                .chunk_of(m.tokens.0)
                .and_then(|c| structure.chunks().get(c))
                .is_some_and(|c| c.preposition().is_some())
        });
        self.groups.iter().any(|group| {
            let joined = match (group.first(), group.last()) {
                (Some(&first), Some(&last)) => {
                    let (Some(first), Some(last)) =
                        (self.mentions.get(first), self.mentions.get(last))
                    else {
                        return false;
                    };
                    (first.tokens.1..last.tokens.0).any(|i| matches!(self.lower(i), "and" | "or"))
                }
                _ => false,
            };
            group.contains(&head) && group.contains(&other) && (joined || !in_preposition)
        })
    }

    /// Whether `mention` is in the subject phrase of the clause of the verb at token `verb_at`, a
    /// phrase of that clause's own.
    pub(super) fn is_clause_subject(&self, verb_at: usize, mention: usize) -> bool {
        let structure = self.structure();
        let Some(clause) = structure
            .clause_of(verb_at)
            .and_then(|at| structure.clauses().get(at))
        else {
            return false;
        };
        let phrase = clause
            .subject
            .filter(|_| !clause.subject_outside)
            .and_then(|s| structure.chunks().get(s));
        let in_verb = clause
            .verb
            .and_then(|v| structure.chunks().get(v))
            .is_some_and(|v| v.contains(verb_at));
        in_verb
            && phrase.is_some_and(|p| {
                self.mentions
                    .get(mention)
                    .is_some_and(|m| m.tokens.0 < p.end && p.start < m.tokens.1)
            })
    }

    /// Whether `mention` lies in clause `at`, or in a clause under it whose subject is not its own
    /// ("to arm Y", "arming Y"): not in a clause with a subject of its own, nor outside `at`.
    fn in_clause(&self, at: usize, mention: &SentenceMention) -> bool {
        let structure = self.structure();
        let clauses = structure.clauses();
        let Some(mut inner) = structure.clause_of(mention.tokens.0) else {
            return true;
        };
        while inner != at {
            let Some(clause) = clauses.get(inner) else {
                return true;
            };
            if has_own_subject(clause) {
                return false;
            }
            match clause.parent {
                Some(parent) => inner = parent,
                None => return false,
            }
        }
        true
    }
}

/// Whether a clause has a subject phrase of its own (not an antecedent's, not a shared one).
fn has_own_subject(clause: &Clause) -> bool {
    clause.subject.is_some() && !clause.subject_outside
}
