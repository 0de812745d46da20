//! `compound-pair` and `compound-modifier`: mentions inside one hyphenated word.
//!
//! `compound-pair` reads two mentions that are parts of one token and a relation noun right after
//! it: "US-China tensions", "Sino-Iraqi economic relations" give the noun's class between the two.
//! `compound-modifier` reads a mention joined to a participle ("Iran-backed", "U.S.-led") and the
//! mention it modifies: "Iran-backed factions within the PMF" gives Iran backs (Cooperation) the
//! PMF; "-led" gives Leads.

use super::coordination::Groups;
use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::model::{RelationClass, Rule};

impl SentenceReader<'_> {
    /// Mentions that are parts of one compound token, in order, into `groups` (cleared first).
    fn compound_groups(&self, groups: &mut Groups) {
        groups.clear();
        for (index, mention) in self.mentions.iter().enumerate() {
            let is_part = self
                .tokens
                .get(mention.tokens.0)
                .is_some_and(|t| t.span != mention.span);
            if !is_part {
                continue;
            }
            match groups.members.last() {
                Some(&last) if self.mentions[last].tokens == mention.tokens => {
                    groups.extend_last(index)
                }
                _ => groups.push(index),
            }
        }
    }

    /// `compound-pair`: "US-China tensions": a relation between the two parts, the noun's class.
    /// `groups` is room for the work.
    pub(super) fn compound_pair(&self, out: &mut Vec<RuleRelation>, groups: &mut Groups) {
        self.compound_groups(groups);
        for group in groups.iter() {
            let [a, b] = group[..] else {
                continue;
            };
            let after = self.mentions[a].tokens.1;
            // "US-China relations", "Sino-Iraqi economic relations"
            let noun = (after..after + 2).find_map(|i| {
                let word = self.lower(i);
                self.lexicon.relation_noun(word).map(|class| (word, class))
            });
            if let Some((noun, class)) = noun {
                out.extend(self.relation(a, b, noun.to_string(), class, Rule::CompoundPair));
            }
        }
    }

    /// `compound-modifier`: "Iran-backed factions within the PMF" (X backs Y), "U.S.-led
    /// coalition".
    pub(super) fn compound_modifier(&self, out: &mut Vec<RuleRelation>) {
        const MODIFIERS: &[(&str, &str, RelationClass)] = &[
            ("backed", "back", RelationClass::Cooperation),
            ("sponsored", "sponsor", RelationClass::Cooperation),
            ("funded", "fund", RelationClass::Cooperation),
            ("supported", "support", RelationClass::Cooperation),
            ("aligned", "align with", RelationClass::Cooperation),
            ("allied", "ally with", RelationClass::Cooperation),
            ("led", "lead", RelationClass::Leads),
        ];
        for (x, mention) in self.mentions.iter().enumerate() {
            let token_text = self.word(mention.tokens.0);
            let Some(rest) = token_text.get(
                mention
                    .span
                    .end
                    .saturating_sub(self.tokens[mention.tokens.0].span.start)..,
            ) else {
                continue;
            };
            let suffix = rest.trim_start_matches(['-', '–']).to_lowercase();
            let Some((_, predicate, class)) = MODIFIERS.iter().find(|(word, _, _)| suffix == *word)
            else {
                continue;
            };
            // "Iran-backed Hezbollah", "Iran-backed factions within the PMF"; not "US-backed forces
            // in eastern Syria", a location.
            let after = mention.tokens.1;
            let target = self.mention_at(after).or_else(|| {
                (after + 1..after + 3)
                    .find(|&i| matches!(self.lower(i), "within" | "inside" | "of"))
                    .and_then(|i| self.mention_after(i + 1, 2))
            });
            if let Some(y) = target {
                out.extend(self.relation(x, y, *predicate, *class, Rule::CompoundModifier));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Conflict, Cooperation, Leads};
    use crate::model::Rule::{CompoundModifier, CompoundPair};

    #[test]
    fn two_mentions_in_one_word_before_a_relation_noun() {
        let cases: Cases = &[
            (
                "US-China tensions rose.",
                &[reading("United States", Conflict, "China", CompoundPair)],
            ),
            // A country's prefix ("Sino-") names it too.
            (
                "Sino-Iranian relations improved.",
                &[reading("China", Cooperation, "Iran", CompoundPair)],
            ),
        ];
        assert_cases(&test_lexicon(), cases);
    }

    #[test]
    fn a_participle_joined_to_a_mention_modifies_the_next() {
        let cases: Cases = &[(
            "The Saudi-led Coalition Forces struck the port.",
            &[reading(
                "Saudi Arabia",
                Leads,
                "Coalition Forces",
                CompoundModifier,
            )],
        )];
        assert_cases(&test_lexicon(), cases);
        let cases: Cases = &[(
            "Turkish-backed fighters of the Syrian National Army advanced.",
            &[reading(
                "Turkey",
                Cooperation,
                "Syrian National Army",
                CompoundModifier,
            )],
        )];
        assert_cases(&embedded(), cases);
    }
}
