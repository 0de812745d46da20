//! Gap reading: what the words between two neighbouring mentions say, for the verb pass.
//!
//! The words of a gap read as a verb phrase ("attacked", "was invaded by", "agreed to buy",
//! `verb_phrase.rs`), failing that as a relation noun ("'s relations with", `relation_noun.rs`),
//! failing that as a possessor's noun ("'s perspective on", `possessive_noun.rs`). A gap with a
//! clause break (";", "which", "but", "that", …) reads as nothing, but for a relative clause right
//! after the first mention (", which had bombed Y"), which is read without its pronoun.

use super::sentence_reader::SentenceReader;
use super::verb::MAX_VERB_GAP;
use super::words::{CLAUSE_BREAKS, CONDITIONALS, FOCUS_ADVERBS, RELATIVE_PRONOUNS, REQUEST_WORDS};
use crate::model::{RelationClass, Rule};

/// What the words between two mentions say: the relation, and who its subject is.
pub(super) struct GapReading<'r> {
    pub(super) lemma: &'r str,
    pub(super) predicate: String,
    pub(super) class: RelationClass,
    pub(super) negated: bool,
    /// A modal before the verb makes it a possibility, not a fact: "X would attack Y".
    pub(super) hypothetical: bool,
    pub(super) passive: bool,
    /// An infinitive or a gerund after a preposition: its subject is the clause's.
    pub(super) non_finite: bool,
    /// A second verb of the clause's subject: "X met Y and signed …".
    pub(super) coordinated: bool,
    /// A relative clause on the mention before it: ", which VERB …".
    pub(super) relative: bool,
    /// The verb's token, for a verb reading.
    pub(super) verb_at: Option<usize>,
    pub(super) rule: Rule,
}

impl SentenceReader<'_> {
    /// Reads the words between two mentions: the first relation verb (or, failing that, relation
    /// noun), the predicate, negation and voice.
    pub(super) fn read_gap(&self, start: usize, end: usize) -> Option<GapReading<'_>> {
        // The verb rule reads gaps of at most `MAX_VERB_GAP` words: room for them needs no
        // allocation.
        let mut room = [""; MAX_VERB_GAP];
        let longer: Vec<&str>;
        let all_words: &[&str] = match room.get_mut(..end.saturating_sub(start)) {
            Some(words) => {
                for (word, index) in words.iter_mut().zip(start..end) {
                    *word = self.lower(index);
                }
                words
            }
            None => {
                longer = (start..end).map(|i| self.lower(i)).collect();
                &longer
            }
        };
        // ", which had bombed Y": a relative clause on the mention before it.
        let relative_at = match all_words {
            [comma, pronoun, ..] if *comma == "," && RELATIVE_PRONOUNS.contains(pronoun) => Some(2),
            _ => None,
        };
        let skip = relative_at.unwrap_or(0);
        let start = start + skip;
        let words = &all_words[skip..];
        if words
            .iter()
            .any(|w| CLAUSE_BREAKS.contains(w) || *w == "that")
        {
            return None;
        }
        let verb_position = (0..words.len()).find(|&i| self.is_verb_at(start + i));
        match verb_position {
            Some(position) => self.verb_phrase(start, end, words, position, relative_at.is_some()),
            None => self.relation_noun(start, words),
        }
    }

    /// Whether the words between two mentions (`words`, from token `start`) deny what they say:
    /// "did not", "declined", "won't". A "not" that limits a phrase ("not only", "not solely")
    /// denies nothing; and for a verb at token `verb_at`, a negation in another clause than the
    /// verb's denies another verb ("… are not stepping in to fill the vacuum created by Y").
    /// Asked only of a gap that reads as a relation.
    pub(super) fn negated(&self, start: usize, words: &[&str], verb_at: Option<usize>) -> bool {
        words.iter().enumerate().any(|(i, w)| {
            (self.lexicon.is_negation(w) || w.ends_with("n't"))
                && !FOCUS_ADVERBS.contains(&self.lower(start + i + 1))
                && verb_at.is_none_or(|verb| self.same_clause(start + i, verb))
        })
    }

    /// Whether a word of asking or proposing comes before token `index` in its clause ("I ask the
    /// Congress to approve the treaty with Y", "I recommend that X provide aid to Y"): what follows
    /// is wanted, not done. Looks back to a semicolon, a colon or a comma before a conjunction.
    pub(super) fn requested_before(&self, index: usize) -> bool {
        (0..index)
            .rev()
            .take_while(|&t| match self.lower(t) {
                ";" | ":" => false,
                "," => !matches!(
                    self.lower(t + 1),
                    "and" | "but" | "while" | "whereas" | "although"
                ),
                _ => true,
            })
            // "Kennedy proposed and the Congress embraced": a request word without its object
            // asks for nothing in the clause after it.
            .any(|t| {
                REQUEST_WORDS.contains(&self.lower(t))
                    && !matches!(self.lower(t + 1), "," | "and" | "but" | "or" | ".")
            })
    }

    /// Whether a condition ("if", "unless") opens the clause part before token `index`: "if X
    /// attacks Y" states no attack. Looks back to the nearest comma, semicolon or colon.
    pub(super) fn conditional_before(&self, index: usize) -> bool {
        (0..index)
            .rev()
            .map(|t| self.lower(t))
            .take_while(|w| !matches!(*w, "," | ";" | ":"))
            .any(|w| CONDITIONALS.contains(&w))
    }

    /// Whether tokens `a` and `b` are in the same innermost clause of the sentence's structure
    /// (true when the sentence has none).
    fn same_clause(&self, a: usize, b: usize) -> bool {
        let structure = self.structure();
        structure.is_empty() || structure.clause_of(a) == structure.clause_of(b)
    }
}
