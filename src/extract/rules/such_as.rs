//! `such-as`: the members of a list after "such as", "including" or "like" are part of the mention
//! before it: "factions within the PMF, such as Kataib Hezbollah and Asaib Ahl al-Haq".
//!
//! Reads the markers ("such as", "including", and "like" after a plural noun) and the list after
//! them (`coordination.rs`); the head is the nearest mention before the marker, within six words.
//! Gives each member PartOf the head. After "like", the head must be a country ("Chinese oil
//! companies like CNPC"); a country is part only of an organisation.

use super::markers::Marker;
use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::model::{EntityKind, RelationClass, Rule};

impl SentenceReader<'_> {
    /// `such-as`: "Y …, such as A, B and C" / "Y …, including A": each member PartOf Y.
    pub(super) fn such_as(&self, out: &mut Vec<RuleRelation>) {
        for &(i, marker) in &self.markers {
            // "such as", "including", and "like" after a plural noun ("energy firms like Rosneft").
            let after_noun = || {
                i > 0
                    && self.word(i - 1).ends_with('s')
                    && self.word(i - 1).starts_with(|c: char| c.is_lowercase())
            };
            let marker_end = match marker {
                Marker::Such if self.lower(i + 1) == "as" => i + 2,
                Marker::Like if after_noun() => i + 1,
                Marker::Including => i + 1,
                _ => continue,
            };
            // The head: the nearest mention before the marker, within the same clause.
            let Some(head) = self
                .mentions
                .iter()
                .rposition(|m| m.tokens.1 <= i && i - m.tokens.1 <= 6)
            else {
                continue;
            };
            let head_kind = self.mentions[head].kind;
            // "Chinese oil companies like CNPC": after "like", the head is the members' country.
            let like = self.word(i) == "like";
            if like && head_kind != EntityKind::Country {
                continue;
            }
            let members = self.list_from(marker_end);
            for member in members {
                // A country is part of an alliance or organisation, not of a region or another
                // country.
                if self.mentions[member].kind == EntityKind::Country
                    && head_kind != EntityKind::Organization
                {
                    continue;
                }
                out.extend(self.relation(
                    member,
                    head,
                    "part of",
                    RelationClass::PartOf,
                    Rule::SuchAs,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Other, PartOf};
    use crate::model::Rule::{SuchAs, Verb};

    #[test]
    fn the_members_of_a_list_are_part_of_its_head() {
        // A list member's acronym in brackets does not end the list.
        let cases: Cases = &[(
            "Turkish companies like Baykar, the Turkish Aerospace Industries (TAI), and Aselsan won \
             contracts in Qatar.",
            &[
                reading("Baykar", PartOf, "Turkey", SuchAs),
                reading("Turkish Aerospace Industries", PartOf, "Turkey", SuchAs),
                reading("Aselsan", PartOf, "Turkey", SuchAs),
                reading("Baykar", Other, "Qatar", Verb),
                reading("Turkish Aerospace Industries", Other, "Qatar", Verb),
                reading("Aselsan", Other, "Qatar", Verb),
            ],
        )];
        assert_cases(&embedded(), cases);
        // "including" after an organisation: each member country is part of it.
        let cases: Cases = &[(
            "The Arab League, including Qatar, Yemen and Saudi Arabia, met.",
            &[
                reading("Qatar", PartOf, "League of Arab States", SuchAs),
                reading("Yemen", PartOf, "League of Arab States", SuchAs),
                reading("Saudi Arabia", PartOf, "League of Arab States", SuchAs),
            ],
        )];
        assert_cases(&embedded(), cases);
    }
}
