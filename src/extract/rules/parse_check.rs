//! Parse check: whether a sentence's dependency parse lets a mention be the subject of a verb the
//! verb rule (`verb.rs`) read between two names.
//!
//! The words between two names cannot tell whose verb it is: in "the Governments of Belgium and
//! Norway have asserted, under the clause in their treaties with the United States, a claim" the
//! name before "asserted" is the United States, which asserts nothing. Where the parse gives the
//! verb a subject of its own (`nsubj`), the reading's subject must be in it: its head word must
//! reach the subject's head through the arcs inside a noun phrase (a compound, a modifier as in
//! "Iraqi forces", a possessor, a list, an apposition, or a phrase of membership as in "the
//! Government of Spain", "volunteers from the PMF", "companies like CNPC"). A relative clause's
//! subject pronoun stands for the noun the clause hangs on ("the forces which attacked Y").
//!
//! The parse is asked only where the words make the subject doubtful: when the reading's subject,
//! or the list it ends, follows a preposition other than "of" ("between France and Germany", "with
//! the United States", "by the Korean Government"), and then only up to the word after the verb,
//! which keeps the parser to about 1% of a corpus's words. It speaks only where it is sure enough:
//! a verb without a subject of its own (an infinitive, a participle, a second verb of a list) or
//! with a personal pronoun as subject (the rules resolved it) leaves the reading as it is.

use super::sentence_mention::SentenceMention;
use super::sentence_reader::SentenceReader;
use super::words::PREPOSITIONS;
use crate::extract::syntax::{DependencyLabel as L, Parse};

/// Prepositions whose object a noun phrase's head stands for or counts among: "the Government of
/// Spain", "volunteers from the PMF", "factions within the PMF", "companies like CNPC".
const MEMBER_PREPOSITIONS: &[&str] = &["of", "from", "within", "like", "among", "including", "as"];

/// Personal pronouns: a subject the rules resolved, which the parse cannot check.
const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we", "i", "you"];

/// How many arcs a mention's head may climb to reach the verb's subject.
const MAX_CLIMB: usize = 6;

impl SentenceReader<'_> {
    /// Whether the parse lets mention `subject` be the subject of the active verb at token `verb`
    /// (see the module docs): false only when the verb has a subject of its own that the mention
    /// is no part of.
    pub(super) fn parse_allows_subject(&self, verb: usize, subject: usize) -> bool {
        let Some(mention) = self.mentions.get(subject) else {
            return true;
        };
        if !self.after_preposition(subject) {
            return true;
        }
        let parse = self.parse(verb);
        if verb >= parse.len() {
            return true;
        }
        let subjects: Vec<usize> = parse
            .children(verb)
            .filter(|&child| parse.label(child).is_some_and(L::is_subject))
            .collect();
        if subjects.is_empty() || subjects.iter().any(|&s| self.is_pronoun(s)) {
            return true;
        }
        let relative = subjects
            .iter()
            .any(|&s| matches!(self.lower(s), "which" | "who" | "that" | "whom"));
        let targets = if relative && parse.label(verb) == Some(L::RelativeClause) {
            parse.head(verb).into_iter().collect()
        } else {
            subjects
        };
        self.reaches(&parse, mention, &targets)
    }

    /// Whether mention `subject`, or the list it is in, follows a preposition other than "of"
    /// ("between the United States and Belgium"). "of" is left out: the commonest preposition, it
    /// mostly joins a name to a head that stands for it ("the Government of Spain"). In the SOTU
    /// build it was 566 of the check's 1,050 asks and 77 of its 190 removals, and parsing after it
    /// put the build below its speed floor.
    fn after_preposition(&self, subject: usize) -> bool {
        let first = self
            .groups
            .iter()
            .find(|group| group.contains(&subject))
            .and_then(|group| group.first().copied())
            .unwrap_or(subject);
        self.mentions
            .get(first)
            .and_then(|m| self.word_before_phrase(m.tokens.0))
            .is_some_and(|w| w != "of" && PREPOSITIONS.contains(&w))
    }

    /// Whether token `index` is a personal pronoun ("we", "I've").
    fn is_pronoun(&self, index: usize) -> bool {
        let word = self.lower(index);
        let word = word.split(['\'', '’']).next().unwrap_or(word);
        PRONOUNS.contains(&word)
    }

    /// Whether the head word of `mention` is one of `targets` or reaches one through the arcs
    /// inside a noun phrase.
    fn reaches(&self, parse: &Parse, mention: &SentenceMention, targets: &[usize]) -> bool {
        let Some(mut at) = mention_head(parse, mention) else {
            return false;
        };
        for _ in 0..MAX_CLIMB {
            if targets.contains(&at) {
                return true;
            }
            let Some(head) = parse.head(at) else {
                return false;
            };
            at = match parse.label(at) {
                Some(
                    L::Compound
                    | L::AdjectivalModifier
                    | L::Possessive
                    | L::Conjunct
                    | L::Apposition
                    | L::NominalModifier,
                ) => head,
                Some(L::PrepositionalObject) => match (parse.label(head), parse.head(head)) {
                    (Some(L::Preposition), Some(noun))
                        if MEMBER_PREPOSITIONS.contains(&self.lower(head)) =>
                    {
                        noun
                    }
                    _ => return false,
                },
                _ => return false,
            };
        }
        targets.contains(&at)
    }
}

/// The token of `mention` whose head lies outside it (the last such; the root if it holds it).
fn mention_head(parse: &Parse, mention: &SentenceMention) -> Option<usize> {
    let (start, end) = (mention.tokens.0, mention.tokens.1.min(parse.len()));
    (start..end)
        .rev()
        .find(|&i| parse.head(i).is_none_or(|h| h < start || h >= end))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Conflict, Cooperation};
    use crate::model::Rule;

    /// Issue 19: a name inside a prepositional phrase is the verb's subject only where the parse
    /// puts it in the verb's own subject.
    #[test]
    fn a_name_in_a_phrase_is_the_subject_only_inside_the_verbs_subject() {
        let cases: Cases = &[
            // The resumption enabled Bolivia, not Peru or Chile.
            (
                "The resumption of relations between Peru and Chile has enabled Bolivia to trade.",
                &[reading("Peru", Cooperation, "Chile", Rule::Between)],
            ),
            // The treaty, not Mexico or Belgium, was brought to the Senate.
            (
                "The treaty of commerce between Mexico and Belgium, brought to the notice of the \
                 Senate last year, was ratified.",
                &[],
            ),
            // The adoption led Austria, not Germany.
            (
                "The adoption of a tariff by Germany led Austria to protest.",
                &[],
            ),
            // A phrase of membership stands for its name: the envoys of Norway, volunteers from
            // Kenya.
            (
                "The envoys of Norway attacked Finland.",
                &[reading("Norway", Conflict, "Finland", Rule::Verb)],
            ),
            (
                "Volunteers from Kenya attacked Somalia.",
                &[reading("Kenya", Conflict, "Somalia", Rule::Verb)],
            ),
        ];
        assert_cases(&embedded(), cases);
    }
}
