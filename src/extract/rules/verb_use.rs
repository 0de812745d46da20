//! Verb use: whether a word of the lexicon's relation verbs is used as a verb where it stands
//! ("Iraq signed", not "the signing of"), and whether it is a control verb whose infinitive takes
//! its own subject ("agreed to buy", "refused to sign"). The joint-subject, verb and
//! possessive-noun rules ask.

use super::sentence_reader::SentenceReader;
use super::words::{CONTROL_VERB_STEMS, DETERMINERS, NOT_VERBS, PREPOSITIONS};
use crate::text::TokenKind;

impl SentenceReader<'_> {
    /// True when the token at `index` is a relation verb used as a verb: not after a determiner or
    /// a preposition ("the fall of", "with the help of") and not before "of" ("weakening of").
    pub(super) fn is_verb_at(&self, index: usize) -> bool {
        let word = self.lower(index);
        if self.lexicon.verb(word).is_none()
            || DETERMINERS.contains(&word)
            || NOT_VERBS.contains(&word)
        {
            return false;
        }
        let before = index
            .checked_sub(1)
            .map(|i| self.lower(i))
            .unwrap_or_default();
        let after_adjective = self
            .mentions
            .iter()
            .any(|m| m.adjective && m.tokens.1 == index);
        // "declined to support", "agreed to buy": an infinitive after a control verb is a verb;
        // after a noun or a mention ("ability to build", "asked Iraq to implement") it is left to
        // the rules that read the clause around it.
        let infinitive = before == "to"
            && self.lexicon.verb(word).is_some_and(|v| v.lemma == *word)
            && index.checked_sub(2).is_some_and(|i| {
                self.is_control_word(self.lower(i))
                    || self.is_possessive(i.wrapping_sub(1))
                    || self.is_possessive(i.wrapping_sub(2))
            });
        // "a similar ruling": an -ing form two words after a determiner is a noun.
        let ing_noun = word.ends_with("ing")
            && index
                .checked_sub(2)
                .is_some_and(|i| DETERMINERS.contains(&self.lower(i)));
        // "the KRI's independent oil trade": the words after a possessive are its noun phrase.
        let in_possessive_phrase = (1..=3).any(|back| {
            index.checked_sub(back).is_some_and(|p| {
                self.is_possessive(p)
                    && (p + 1..index).all(|i| {
                        self.tokens
                            .get(i)
                            .is_some_and(|t| t.kind == TokenKind::Word)
                            && self.lower(i) != "to"
                    })
            })
        });
        let nominal = after_adjective
            || ing_noun
            || in_possessive_phrase
            || DETERMINERS.contains(&before)
            || (PREPOSITIONS.contains(&before) && !infinitive)
            || self.is_possessive(index.wrapping_sub(1))
            || self.lower(index + 1) == "of";
        !nominal
    }

    /// A verb that takes an infinitive of its own subject ("agreed to"), or a negation ("refused
    /// to").
    pub(super) fn is_control_word(&self, word: &str) -> bool {
        // The first bytes first: most stems differ from the word there.
        self.lexicon.is_negation(word)
            || CONTROL_VERB_STEMS.iter().any(|stem| {
                stem.as_bytes().first() == word.as_bytes().first() && word.starts_with(stem)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_lexicon::test_lexicon;

    #[test]
    fn control_words_start_with_a_stem() {
        let lexicon = test_lexicon();
        let reader = SentenceReader::for_words("", &[], &lexicon);
        let mut words: Vec<String> = CONTROL_VERB_STEMS
            .iter()
            .flat_map(|stem| [stem.to_string(), format!("{stem}ed"), stem[1..].to_string()])
            .collect();
        words.extend(["", "x", "Agreed", "declined", "sign", "\u{e9}tait"].map(String::from));
        for word in &words {
            // The plain definition: a negation, or a word starting with a stem.
            let plain = lexicon.is_negation(word)
                || CONTROL_VERB_STEMS.iter().any(|stem| word.starts_with(stem));
            assert_eq!(reader.is_control_word(word), plain, "{word}");
        }
    }
}
