//! `located-in`: where a named thing is, as a phrase right after it says:
//! - an organisation, group or place, "in", then a country or place: "Durham University in the UK"
//!   gives the university PartOf the UK ("located in");
//! - a place (or each place of a list) then a phrase of position: "the villages of A and B on the
//!   southern outskirts of C", "D, in the north of E" give PartOf; "F near the city of G", "H, just
//!   outside I", "J, south of K" give Other ("near");
//! - a place, then an apposition that says what it is and where: "L, a town near M", "N, a village
//!   in the O district";
//! - "P, along with the nearby town of Q": Q is near P;
//! - an organisation's facility: "an R military base near S", "the T headquarters in U": the
//!   organisation is in S, U (PartOf, as gold annotators read "has a base in").
//!
//! The place after the phrase may be introduced by its kind: "near the city of C".

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use super::words::is_compass_point;
use crate::model::{EntityKind, RelationClass, Rule};

/// Nouns of a part of a place: "on the outskirts of", "in the centre of", "in the north of".
const PART_NOUNS: &[&str] = &[
    "outskirts",
    "outskirt",
    "suburbs",
    "edge",
    "edges",
    "fringes",
    "centre",
    "center",
    "heart",
    "part",
    "side",
    "bank",
    "shore",
    "coast",
];

/// Adjectives of direction before a part noun: "the southern outskirts".
const DIRECTION_ADJECTIVES: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "central",
    "outer",
    "inner",
    "far",
];

/// Nouns of a settlement or an area, which may introduce a place's name ("the city of C") or say
/// what a place is ("L, a town near M").
const SETTLEMENT_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "villages",
    "towns",
    "cities",
    "settlement",
    "settlements",
    "suburb",
    "district",
    "region",
    "province",
    "port",
    "area",
    "hamlet",
];

/// Nouns of an organisation's site: "an R military base near S".
const FACILITY_NOUNS: &[&str] = &[
    "base",
    "bases",
    "headquarters",
    "camp",
    "camps",
    "compound",
    "facility",
    "facilities",
    "office",
    "offices",
    "airfield",
];

/// Words that may join a place to "the nearby town of Q": "P, along with the nearby town of Q".
const NEARBY_JOINS: &[&str] = &[
    ",",
    "and",
    "along",
    "with",
    "as",
    "well",
    "together",
    "including",
];

/// Where a phrase of position puts the thing before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// Inside: "on the outskirts of", "in".
    Inside,
    /// Beside: "near", "outside", "south of".
    Near,
}

impl Position {
    fn predicate(self) -> &'static str {
        match self {
            Position::Inside => "located in",
            Position::Near => "near",
        }
    }

    fn class(self) -> RelationClass {
        match self {
            Position::Inside => RelationClass::PartOf,
            Position::Near => RelationClass::Other,
        }
    }
}

impl SentenceReader<'_> {
    /// `located-in`: "Durham University in the UK", "the villages of A and B on the outskirts of
    /// C", "L, a town near M", "P, along with the nearby town of Q", "an R base near S".
    pub(super) fn located_in(&self, out: &mut Vec<RuleRelation>) {
        for (x, mention) in self.mentions.iter().enumerate() {
            let after = mention.tokens.1;
            match mention.kind {
                EntityKind::Place => {
                    if let Some((y, position)) = self
                        .position_phrase(after)
                        .or_else(|| self.apposition_position(after))
                    {
                        let places = self.places_ending_at(x);
                        // "in the Gulf, on the coast of Y": after a comma, a phrase of position
                        // that follows a place itself after one is the next item of a list of
                        // where, not where the place is.
                        let listed = self.word(after) == ","
                            && places
                                .first()
                                .is_some_and(|&first| self.after_locative(first));
                        if !listed {
                            for member in places {
                                self.push_position(member, y, position, out);
                            }
                        }
                        continue;
                    }
                    if let Some(y) = self.nearby_of(after) {
                        self.push_position(y, x, Position::Near, out);
                        continue;
                    }
                }
                EntityKind::Organization | EntityKind::ArmedGroup | EntityKind::PoliticalGroup => {
                    if let Some(y) = self.facility_at(after) {
                        out.extend(self.relation(
                            x,
                            y,
                            "has a site in",
                            RelationClass::PartOf,
                            Rule::LocatedIn,
                        ));
                        continue;
                    }
                    // "L, a town near M" when L was taken for an organisation: the apposition
                    // says it is a place.
                    if let Some((y, position)) = self.apposition_position(after) {
                        self.push_position(x, y, position, out);
                        continue;
                    }
                }
                _ => continue,
            }
            if self.lower(after) != "in" {
                continue;
            }
            if let Some(y) = self.mention_after(after + 1, 2)
                && matches!(
                    self.mentions[y].kind,
                    EntityKind::Country | EntityKind::Place
                )
            {
                out.extend(self.relation(
                    x,
                    y,
                    "located in",
                    RelationClass::PartOf,
                    Rule::LocatedIn,
                ));
            }
        }
    }

    /// Pushes `x` at `position` to `y`.
    fn push_position(&self, x: usize, y: usize, position: Position, out: &mut Vec<RuleRelation>) {
        out.extend(self.relation(
            x,
            y,
            position.predicate(),
            position.class(),
            Rule::LocatedIn,
        ));
    }

    /// Mention `x` and the places listed before it ("A and B" when `x` is B): the members of its
    /// coordinated group up to it that are places.
    fn places_ending_at(&self, x: usize) -> Vec<usize> {
        let group = self.groups.iter().find(|g| g.contains(&x)).unwrap_or(&[]);
        let mut places: Vec<usize> = group
            .iter()
            .copied()
            .take_while(|&m| m <= x)
            .filter(|&m| self.mentions[m].kind == EntityKind::Place)
            .collect();
        if places.is_empty() {
            places.push(x);
        }
        places
    }

    /// Whether mention `m` is the object of a preposition of place: "in the Gulf", "on Crete".
    fn after_locative(&self, m: usize) -> bool {
        let mut before = self.mentions[m].tokens.0;
        while before > 0 && matches!(self.lower(before - 1), "the" | "a" | "an") {
            before -= 1;
        }
        before > 0
            && matches!(
                self.lower(before - 1),
                "in" | "on" | "at" | "along" | "to" | "into" | "off"
            )
    }

    /// A phrase of position at token `at` (after an optional comma) and the place or country it
    /// names: "on the southern outskirts of C", "near the city of G", "just outside I", "south
    /// of K".
    fn position_phrase(&self, at: usize) -> Option<(usize, Position)> {
        let mut i = at;
        if self.word(i) == "," {
            i += 1;
        }
        if self.lower(i) == "just" {
            i += 1;
        }
        let word = self.lower(i);
        let (object_at, position) = if matches!(word, "on" | "in" | "at") {
            let mut j = i + 1;
            if self.lower(j) != "the" {
                return None;
            }
            j += 1;
            while DIRECTION_ADJECTIVES.contains(&self.lower(j)) {
                j += 1;
            }
            let part = self.lower(j);
            // "the north of C" as "the outskirts of C".
            if !(PART_NOUNS.contains(&part) || is_compass_point(part)) || self.lower(j + 1) != "of"
            {
                return None;
            }
            (j + 2, Position::Inside)
        } else if matches!(word, "near" | "outside") {
            (i + 1, Position::Near)
        } else if (word == "close" && self.lower(i + 1) == "to")
            || (is_compass_point(word) && self.lower(i + 1) == "of")
        {
            (i + 2, Position::Near)
        } else {
            return None;
        };
        Some((self.place_named_at(object_at)?, position))
    }

    /// "L, a town near M", "N, a village in the O district": a comma, an article, a settlement noun
    /// (adjectives before it allowed), then "in" or a phrase of position.
    fn apposition_position(&self, at: usize) -> Option<(usize, Position)> {
        if self.word(at) != "," || !matches!(self.lower(at + 1), "a" | "an" | "the") {
            return None;
        }
        let noun = (at + 2..at + 5).find(|&i| SETTLEMENT_NOUNS.contains(&self.lower(i)))?;
        if !(at + 2..noun).all(|i| self.is_plain_word(i)) {
            return None;
        }
        if self.lower(noun + 1) == "in" {
            return Some((self.place_named_at(noun + 2)?, Position::Inside));
        }
        self.position_phrase(noun + 1)
    }

    /// "P, along with the nearby town of Q": the place Q after joining words, "the nearby", a
    /// settlement noun and "of", at token `at`.
    fn nearby_of(&self, at: usize) -> Option<usize> {
        let the = (at..at + 4).find(|&i| !NEARBY_JOINS.contains(&self.lower(i)))?;
        if self.lower(the) != "the"
            || self.lower(the + 1) != "nearby"
            || !SETTLEMENT_NOUNS.contains(&self.lower(the + 2))
            || self.lower(the + 3) != "of"
        {
            return None;
        }
        let y = self.mention_at(the + 4)?;
        (self.mentions[y].kind == EntityKind::Place).then_some(y)
    }

    /// "R military base near S", "T headquarters in U": up to three lower-case words ending in a
    /// facility noun at token `at`, then "in", "near" or "outside" and a place or country.
    fn facility_at(&self, at: usize) -> Option<usize> {
        let noun = (at..at + 3).find(|&i| FACILITY_NOUNS.contains(&self.lower(i)))?;
        if !(at..noun).all(|i| self.is_plain_word(i)) {
            return None;
        }
        if !matches!(self.lower(noun + 1), "in" | "near" | "outside") {
            return None;
        }
        self.place_named_at(noun + 2)
    }

    /// The place or country named at token `at`, after "the" and a settlement noun with "of" ("the
    /// city of C").
    fn place_named_at(&self, at: usize) -> Option<usize> {
        let mut i = at;
        if self.lower(i) == "the" {
            i += 1;
        }
        if SETTLEMENT_NOUNS.contains(&self.lower(i)) && self.lower(i + 1) == "of" {
            i += 2;
        }
        let y = self.mention_at(i)?;
        matches!(
            self.mentions[y].kind,
            EntityKind::Country | EntityKind::Place
        )
        .then_some(y)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::RelationClass::{Other, PartOf};
    use crate::model::Rule::{LocatedIn, Verb};

    /// Rows of what the position tests read: (text, every asserted relation).
    const POSITIONS: Cases = &[
        // A list of places, then the part of the place they are in.
        (
            "Rebels seized the towns of Kessala and Dorva on the northern outskirts of Marbeck.",
            &[
                reading("Kessala", PartOf, "Marbeck", LocatedIn),
                reading("Dorva", PartOf, "Marbeck", LocatedIn),
            ],
        ),
        (
            "Shells hit Tavro Square, in the centre of the city of Marbeck.",
            &[reading("Tavro Square", PartOf, "Marbeck", LocatedIn)],
        ),
        // Beside a place: near, outside, a direction of.
        (
            "Villagers fled Haldor, a town near Marbeck.",
            &[reading("Haldor", Other, "Marbeck", LocatedIn)],
        ),
        (
            "Guards left the Tavro Power Station, along with the nearby village of Kessala.",
            &[reading("Kessala", Other, "Tavro Power Station", LocatedIn)],
        ),
        // An organisation's site.
        (
            "A drone struck a Rapid Support Forces military base near the city of Nyala.",
            &[reading("Rapid Support Forces", PartOf, "Nyala", LocatedIn)],
        ),
        // No place before the phrase, a verb between, or no settlement in the apposition: nothing.
        ("Soldiers advanced to the outskirts of Marbeck.", &[]),
        (
            "Villagers fled Haldor, a doctor near Marbeck, at dawn.",
            &[],
        ),
        // "in A, on the coast of B": the next item of a list of where.
        (
            "Ships patrolled in the Gulf of Aden, on the coast of Somalia, and in the Red Sea.",
            &[],
        ),
        // A country is no place near another: only the verb reads this one.
        (
            "Chile sent envoys near the city of Marbeck.",
            &[reading("Chile", Other, "Marbeck", Verb)],
        ),
    ];

    #[test]
    fn a_place_and_a_phrase_of_position() {
        assert_cases(&embedded(), POSITIONS);
    }

    #[test]
    fn an_organisation_or_place_in_a_country() {
        let cases: Cases = &[
            (
                "The Kurdistan Workers Party in Turkey lost ground.",
                &[reading(
                    "Kurdistan Workers Party",
                    PartOf,
                    "Turkey",
                    LocatedIn,
                )],
            ),
            (
                "Engineers repaired the Marib oil field in Yemen.",
                &[reading("Marib oil field", PartOf, "Yemen", LocatedIn)],
            ),
        ];
        assert_cases(&test_lexicon(), cases);
        let cases: Cases = &[(
            "The Rapid Support Forces in Sudan lost ground.",
            &[reading("Rapid Support Forces", PartOf, "Sudan", LocatedIn)],
        )];
        assert_cases(&embedded(), cases);
    }
}
