//! Verb phrase: a relation verb between two mentions, read for the verb rule (`verb.rs`): its
//! predicate ("impose sanctions on"), class, voice ("was invaded by" reverses the direction) and
//! negation, and whether its subject is the clause's rather than the mention before it (an
//! infinitive, a gerund after a preposition, a second verb of the clause).

use super::gap_reading::GapReading;
use super::sentence_reader::SentenceReader;
use super::words::{BE_FORMS, DETERMINERS, PREPOSITIONS, VERB_COORDINATION};
use crate::model::{RelationClass, Rule};
use crate::text::TokenKind;

impl SentenceReader<'_> {
    /// The gap's `words` (from token `start` to token `end`) as a verb phrase, the verb at
    /// `position`; `relative` when the gap opens a relative clause. None when the words after the
    /// verb start another clause.
    pub(super) fn verb_phrase<'r>(
        &'r self,
        start: usize,
        end: usize,
        words: &[&'r str],
        position: usize,
        relative: bool,
    ) -> Option<GapReading<'r>> {
        let first = self.infinitive_after_control(start, words, position);
        if self.starts_next_clause(start, end, words, first) {
            return None;
        }
        let position = governing_infinitive(words, first, |w| {
            self.lexicon.verb(w).is_some_and(|v| v.lemma == w)
        });
        let verb = self.lexicon.verb(words[position])?;
        let passive = is_passive(words, position, |w| self.lexicon.title(w).is_some());
        let predicate = if passive {
            format!("{} by", verb.lemma)
        } else {
            verb_predicate(&verb.lemma, &words[position + 1..])
        };
        // "build deep relations with", "strengthen cooperation with": a verb without a class of
        // its own takes the class of the relation noun it governs.
        let governed_noun_class = || {
            words[position + 1..]
                .windows(2)
                .take(4)
                .find(|pair| PREPOSITIONS.contains(&pair[1]))
                .and_then(|pair| self.lexicon.relation_noun(pair[0]))
        };
        let class = if verb.light {
            // "took control of Y", not "took 300 people at Y".
            governed_noun_class()?
        } else if verb.class == RelationClass::Other {
            governed_noun_class().unwrap_or(verb.class)
        } else {
            verb.class
        };
        // "fought alongside X against Y", "led a coalition against Y": whatever the verb, "against"
        // makes its object an adversary.
        let class = if words[position + 1..].contains(&"against") {
            RelationClass::Conflict
        } else {
            class
        };
        Some(GapReading {
            lemma: &verb.lemma,
            predicate,
            class,
            negated: self.negated(start, words, Some(start + position)),
            hypothetical: (start..start + position).any(|i| self.is_hypothetical_modal(i)),
            passive,
            non_finite: self.is_non_finite(start, words, first),
            // ", signed a deal with Y", "and attacked Y": another verb of the clause's subject.
            coordinated: !relative && is_second_verb(words, position),
            relative,
            verb_at: Some(start + first),
            rule: Rule::Verb,
        })
    }

    /// "managed to negotiate with Y", "agreed to buy": the infinitive carries the relation. The
    /// position of the infinitive after a control verb at `position`, or `position`.
    fn infinitive_after_control(&self, start: usize, words: &[&str], position: usize) -> usize {
        if self.is_control_word(words[position])
            && words.get(position + 1).is_some_and(|w| *w == "to")
            && position + 2 < words.len()
            && self.is_verb_at(start + position + 2)
        {
            position + 2
        } else {
            position
        }
    }

    /// ", and …" after the verb starts another clause. Not when the words after the conjunction
    /// only continue a list of nouns ("ended censorship, immunity, and supervision of Y").
    fn starts_next_clause(
        &self,
        start: usize,
        end: usize,
        words: &[&str],
        position: usize,
    ) -> bool {
        words[position + 1..]
            .windows(2)
            .position(|pair| pair[0] == "," && matches!(pair[1], "and" | "but" | "or" | "yet"))
            .is_some_and(|at| {
                let after = position + 1 + at + 2;
                let rest = &words[after..];
                let noun_list = rest
                    .iter()
                    .any(|w| !DETERMINERS.contains(w) && !PREPOSITIONS.contains(w))
                    && (start + after..end).all(|i| {
                        self.tokens
                            .get(i)
                            .is_some_and(|t| t.kind == TokenKind::Word)
                            && self.word(i).starts_with(|c: char| c.is_lowercase())
                            && !self.lexicon.is_function_word(self.word(i))
                                | DETERMINERS.contains(&self.lower(i))
                                | PREPOSITIONS.contains(&self.lower(i))
                            && self.lexicon.verb(self.lower(i)).is_none()
                    });
                !noun_list
            })
    }

    /// "by abstaining from", "to fight": the verb's subject is the clause's subject. But "declined
    /// to support Y", "agreed to buy": a control verb before the infinitive keeps the mention
    /// before it as the subject; and "Iraq's ability to balance Y": the possessor is the
    /// infinitive's subject.
    fn is_non_finite(&self, start: usize, words: &[&str], position: usize) -> bool {
        let before = position.checked_sub(1).map(|p| words[p]).unwrap_or("");
        let controlled = before == "to"
            && (self.is_possessive(start)
                || words[..position].iter().any(|w| self.is_control_word(w)));
        (before == "to" && !controlled)
            || (words[position].ends_with("ing")
                && (PREPOSITIONS.contains(&before) || before == ","))
    }
}

/// "was (reportedly) supported by the", "weapons supplied by": a participle at `position`, then
/// "by" and only determiners or titles before the second mention, after a form of "be" or right before "by".
fn is_passive(words: &[&str], position: usize, is_title: impl Fn(&str) -> bool) -> bool {
    // "commanded by Captain X": a title may come between "by" and the agent's name.
    let by_agent = words[position + 1..]
        .iter()
        .position(|w| *w == "by")
        .is_some_and(|by| {
            words[position + 2 + by..]
                .iter()
                .all(|w| DETERMINERS.contains(w) || is_title(w))
        });
    let be_before = words[..position]
        .iter()
        .rev()
        .find(|w| !w.ends_with("ly"))
        .is_some_and(|w| BE_FORMS.contains(w));
    let participle = words[position].ends_with("ed") || words[position].ends_with("en");
    participle && by_agent && (be_before || words.get(position + 1).is_some_and(|w| *w == "by"))
}

/// "launched an effort to supply Y", "sought to open an office to weaken Y": the last infinitive
/// of a relation verb after the verb at `position` governs the object, and shares the verb's
/// subject. Its position, or `position`.
fn governing_infinitive(
    words: &[&str],
    position: usize,
    is_base_verb: impl Fn(&str) -> bool,
) -> usize {
    (position + 2..words.len())
        .rev()
        .find(|&p| words[p - 1] == "to" && is_base_verb(words[p]))
        .unwrap_or(position)
}

/// Whether only coordination (", and then", "and later") comes before the verb at `position`: a
/// second verb of the clause's subject.
fn is_second_verb(words: &[&str], position: usize) -> bool {
    position > 0
        && words[..position]
            .iter()
            .all(|w| VERB_COORDINATION.contains(w) || w.ends_with("ly"))
        && words[..position].iter().any(|w| *w == "," || *w == "and")
}

/// The predicate for a verb and the words after it: the lemma, up to two words, and the preposition
/// that ends the phrase ("impose sanctions on", "seek help from", "sign").
fn verb_predicate(lemma: &str, after: &[&str]) -> String {
    let mut parts = vec![lemma];
    for &word in after {
        if DETERMINERS.contains(&word) || !word.chars().any(char::is_alphabetic) {
            continue;
        }
        if PREPOSITIONS.contains(&word) {
            parts.push(word);
            break;
        }
        if parts.len() >= 3 {
            break;
        }
        parts.push(word);
    }
    // Without a closing preposition, trailing words are usually not part of the relation.
    if parts.last().is_some_and(|w| !PREPOSITIONS.contains(w)) {
        parts.truncate(1);
    }
    parts.join(" ")
}
