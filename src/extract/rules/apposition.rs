//! `apposition`: a role beside a name: "X, leader of Y", "X, the Acting U.S. Ambassador to Iraq",
//! "the head of Y, X", "PMF deputy Abu Mahdi al-Muhandis", "Abu Baqir al-Saadi of Kataib
//! Hezbollah".
//!
//! Reads a role noun ("leader", from the lexicon's role nouns) or a title ("ambassador") of one to
//! three words next to a mention, and the mention the role is of. Gives the role's class (Leads for
//! a leading role or title, else Other; "to Y" is always Other), and PartOf for "X of Y" when X is
//! a person.

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use super::words::{DETERMINERS, PREPOSITIONS};
use crate::model::{EntityKind, RelationClass, Rule};
use crate::text::TokenKind;

impl SentenceReader<'_> {
    /// `apposition`: "X, \[the\] ROLE of Y", "X, the \[Country\] TITLE to Y", "the ROLE of Y, X",
    /// "Y ROLE X", "X of Y" for a titled or two-word person X.
    pub(super) fn apposition(&self, out: &mut Vec<RuleRelation>) {
        for x in 0..self.mentions.len() {
            self.role_after_comma(x, out);
            self.role_before(x, out);
            self.role_between(x, out);
            self.person_of(x, out);
        }
    }

    /// "X, \[the\] \[Country\] ROLE (of|for|to|in|at) Y": X holds the role (in the country) of Y.
    fn role_after_comma(&self, x: usize, out: &mut Vec<RuleRelation>) {
        let after = self.mentions[x].tokens.1;
        // "a Senate, and a President of the Republic": a list goes on, no apposition.
        if self.word(after) != "," || matches!(self.lower(after + 1), "and" | "or" | "nor") {
            return;
        }
        let mut i = self.skip_modifiers(after + 1, 3);
        let mut country = None;
        if let Some(c) = self.mention_at(i) {
            country = Some(c);
            i = self.mentions[c].tokens.1;
        }
        let Some((role_end, role, class)) = self.role_at(i) else {
            if let Some(c) = country {
                self.possessor_apposition(x, c, out);
            }
            return;
        };
        if let Some(c) = country {
            out.extend(self.relation(x, c, format!("{role} of"), class, Rule::Apposition));
        }
        let preposition = self.lower(role_end);
        if ["of", "for", "to", "in", "at"].contains(&preposition)
            && let Some(y) = self.mention_after(role_end + 1, 6)
        {
            let y = self.through_possessives(y);
            let (predicate, class) = if preposition == "to" {
                (format!("{role} to"), RelationClass::Other)
            } else {
                (format!("{role} of"), class)
            };
            out.extend(self.relation(x, y, predicate, class, Rule::Apposition));
        }
    }

    /// "X, Y's \[plain words\] NOUN": X is part of Y ("Kharg, Iran's main oil terminal", "Mossad,
    /// Israel's intelligence service"), for X any kind but a country (a country is no part of
    /// another: "Lebanon, Israel's northern neighbour") and Y a country or a place (a name of
    /// unknown kind may be a person's: "X, Y's daughter"). Relation and role nouns are the other
    /// rules' ("Iran's ally", "Iraq's defence minister").
    fn possessor_apposition(&self, x: usize, y: usize, out: &mut Vec<RuleRelation>) {
        let after = self.mentions[y].tokens.1;
        if self.mentions[x].kind == EntityKind::Country
            || !matches!(
                self.mentions[y].kind,
                EntityKind::Country | EntityKind::Place
            )
            || !self.is_possessive(after)
        {
            return;
        }
        let start = after + 1;
        let end = (start..start + 5)
            .find(|&i| !self.is_plain_word(i))
            .unwrap_or(start + 5);
        let closed = self
            .tokens
            .get(end)
            .is_none_or(|t| t.kind == TokenKind::Punct)
            && !matches!(self.word(end), "-" | "–");
        if end > start && closed {
            out.extend(self.relation(x, y, "part of", RelationClass::PartOf, Rule::Apposition));
        }
    }

    /// "the ROLE (of|for) Y, X": the person after the comma holds the role of Y (mention `x`).
    fn role_before(&self, x: usize, out: &mut Vec<RuleRelation>) {
        let start = self.mentions[x].tokens.0;
        if self.of_before_determiners(start)
            && let Some((role_end, role, class)) =
                (start.saturating_sub(4)..start).find_map(|i| self.role_at(i))
            && ["of", "for"].contains(&self.lower(role_end))
            && role_end < start
            && (role_end + 1..start).all(|i| DETERMINERS.contains(&self.lower(i)))
        {
            let y = self.through_possessives(x);
            let y_end = self.mentions[y].tokens.1;
            if self.word(y_end) == ","
                && let Some(person) = self.mention_at(y_end + 1)
            {
                out.extend(self.relation(person, y, format!("{role} of"), class, Rule::Apposition));
            }
        }
    }

    /// "Y ROLE X": "PMF deputy Abu Mahdi al-Muhandis", Y being mention `x`.
    fn role_between(&self, x: usize, out: &mut Vec<RuleRelation>) {
        let after = self.mentions[x].tokens.1;
        // A role is one to three words: without a mention starting one to three words on, there is
        // no X to look for a role before.
        if (after + 1..=after + 3).any(|i| self.mention_at(i).is_some())
            && let Some((role_end, role, class)) = self.role_at(after)
            && let Some(person) = self.mention_at(role_end)
        {
            out.extend(self.relation(person, x, format!("{role} of"), class, Rule::Apposition));
        }
    }

    /// "X of Y", for a person X: "Abu Baqir al-Saadi of Kataib Hezbollah".
    fn person_of(&self, x: usize, out: &mut Vec<RuleRelation>) {
        let mention = &self.mentions[x];
        if self.lower(mention.tokens.1) == "of"
            && (mention.title.is_some() || self.looks_like_person(x))
            && let Some(y) = self.mention_at(mention.tokens.1 + 1)
        {
            out.extend(self.relation(x, y, "member of", RelationClass::PartOf, Rule::Apposition));
        }
    }

    /// A mention followed by "'s" and another mention ("Iran's Quds Force") stands for the last
    /// one.
    fn through_possessives(&self, mut mention: usize) -> usize {
        while let Some(m) = self.mentions.get(mention) {
            let after = m.tokens.1;
            match (self.is_possessive(after), self.mention_at(after + 1)) {
                (true, Some(next)) => mention = next,
                _ => break,
            }
        }
        mention
    }

    /// The class and words of a role starting at token `index`: a role noun ("leader") or a title
    /// ("Ambassador"), possibly of several words ("prime minister").
    fn role_at(&self, index: usize) -> Option<(usize, String, RelationClass)> {
        // Nearly every word starts no role: say so without building the phrases.
        if !self.lexicon.may_start_role(self.lower(index)) {
            return None;
        }
        // The three-word phrase is built once; the shorter ones are its prefixes.
        let mut three_words = String::new();
        let mut ends = [0; 3];
        for (n, end) in ends.iter_mut().enumerate() {
            if n > 0 {
                three_words.push(' ');
            }
            three_words.push_str(self.lower(index + n));
            *end = three_words.len();
        }
        for length in (1..=3).rev() {
            let phrase = &three_words[..ends[length - 1]];
            if let Some(class) = self.lexicon.role_noun(phrase) {
                return Some((index + length, phrase.to_string(), class));
            }
            if let Some(title) = self.lexicon.title(phrase) {
                let class = if title.leads {
                    RelationClass::Leads
                } else {
                    RelationClass::Other
                };
                return Some((index + length, phrase.to_string(), class));
            }
        }
        None
    }

    /// Skips determiners and lower-case modifiers ("the powerful", "a senior") before a role.
    fn skip_modifiers(&self, mut index: usize, limit: usize) -> usize {
        let start = index;
        while index < start + limit
            && self
                .tokens
                .get(index)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && self.role_at(index).is_none()
            && self.mention_at(index).is_none()
            && self
                .word(index)
                .starts_with(|c: char| c.is_lowercase() || c == 'A')
            && !PREPOSITIONS.contains(&self.lower(index))
            // "X, met the President of France": a verb with its object ends the apposition
            // ("X, elected president of Y" is still one).
            && !(self.lexicon.verb(self.lower(index)).is_some()
                && DETERMINERS.contains(&self.lower(index + 1)))
        {
            index += 1;
        }
        index
    }

    /// Whether the words right before token `end`, past any determiners, end with "of" or "for":
    /// "the head of the": a role there can be completed by the mention at `end`.
    fn of_before_determiners(&self, end: usize) -> bool {
        let mut before = end;
        while before > 0 && DETERMINERS.contains(&self.lower(before - 1)) {
            before -= 1;
        }
        before > 0 && matches!(self.lower(before - 1), "of" | "for")
    }

    /// Two to four capitalised words without a head noun, or with a name particle ("al-Saadi").
    fn looks_like_person(&self, mention: usize) -> bool {
        let Some(m) = self.mentions.get(mention) else {
            return false;
        };
        let words: Vec<&str> = (m.tokens.0..m.tokens.1).map(|i| self.word(i)).collect();
        (2..=4).contains(&words.len())
            && words
                .iter()
                .any(|w| w.starts_with("al-") || w.starts_with("Al-"))
            && words
                .last()
                .is_some_and(|w| self.lexicon.head_noun(w).is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Cooperation, Leads, PartOf};
    use crate::model::Rule::{Apposition, TitleHome, Verb};

    #[test]
    fn a_role_beside_a_name() {
        let cases: Cases = &[
            // "the head of Y, X": X leads Y; and X, not Y, is the subject of the verb after (see
            // `clause_subject.rs`).
            (
                "The head of the Houthis, Abdul-Malik al-Houthi, visited Tehran in 2019.",
                &[
                    reading("Abdul-Malik al-Houthi", Leads, "Houthis", Apposition).at(year(2019)),
                    reading("Abdul-Malik al-Houthi", Cooperation, "Iran", Verb).at(year(2019)),
                ],
            ),
            // "X, a member of … of Y": a titled person X is part of Y, and the subject of the verb
            // after.
            (
                "Turkey hosted talks. Foreign Minister Mevlut Cavusoglu, a member of the executive \
                 board of the Justice and Development Party, praised Qatar.",
                &[
                    reading("Mevlut Cavusoglu", Leads, "Turkey", TitleHome),
                    reading(
                        "Mevlut Cavusoglu",
                        PartOf,
                        "Justice and Development Party",
                        Apposition,
                    ),
                    reading("Mevlut Cavusoglu", Cooperation, "Qatar", Verb),
                ],
            ),
            // A list's next member is no apposition: the Senate is not Chile's president.
            (
                "Peru has a House of Representatives, a Senate, and a President of Chile.",
                &[],
            ),
        ];
        assert_cases(&embedded(), cases);
    }

    #[test]
    fn a_name_beside_a_possessor_s_noun_is_part_of_it() {
        let cases: Cases = &[
            (
                "The raid was the work of Kestrel Group, Norway's foreign intelligence service.",
                &[reading("Kestrel Group", PartOf, "Norway", Apposition)],
            ),
            // A country is no part of another; a person's noun makes nothing.
            ("Lebanon, Israel's northern neighbour, protested.", &[]),
            (
                "Maria Lopez, Gustavo Reyes's daughter, wrote a new book.",
                &[],
            ),
        ];
        assert_cases(&embedded(), cases);
    }
}
