//! `name-part`: a country named inside the name of a place or an agreement: "Northern
//! Province of Yemen" is part of Yemen; "US-Iraq Status of Forces Agreement" gives each country
//! party to (Other) the agreement.
//!
//! Reads the countries mention finding found inside a name ([`SentenceMention::contains`]). Only
//! places and agreements: a country in the name of anything else says what the thing is about or
//! where it sits, not that it belongs to the state ("London School of Economics", "Development Fund
//! for Iraq", "China International Trust Investment Corporation"), and an event's name says when
//! something happened, not who took part ("the Soviet invasion of Afghanistan": Afghanistan took
//! no part; the `nominal` rule reads who acted on whom). Measured on `../shared/corpus` (`kg eval
//! --by-rule`): over every kind the rule's pairs were 0.51 gold; over places and agreements 0.83.
//! Only the first sentence of the corpus with the name carries the relation (the extraction drops
//! the others).
//!
//! A body of water named after a country borders it and is no part of it ("the Gulf of Mexico",
//! "the Sea of Japan"; [`WATER_NOUNS`]).
//!
//! A place the document names elsewhere inside the name of a site or an event says where it is
//! ([`SentenceMention::places_inside`]): "the Bakhmut cement plant" is located in Bakhmut, "the
//! Battle of Mosul" took place in Mosul. For a place, only when its name ends in a noun of a site
//! ([`SITE_NOUNS`]): a region, a river or a road named after a town is not in it ("Basra
//! Governorate" holds Basra; "the Baghdad road" leads there).
//!
//! A body of a state named after its country is part of it: "the Russian Ministry of Defense",
//! "the Israeli Air Force", "the Armed Forces of Ukraine", "the Central Bank of Chile". Only when
//! the name's head is a noun of a state body ([`STATE_BODY_HEADS`]): a company, a party or a
//! fund named after a country need not belong to it ("the Iraqi Communist Party", "the Chile
//! Fund"), and "Forces" alone names militias too ("the Syrian Democratic Forces").
//!
//! [`SentenceMention::contains`]: super::SentenceMention::contains
//! [`SentenceMention::places_inside`]: super::SentenceMention::places_inside

use super::rule_relation::RuleRelation;
use super::sentence_reader::SentenceReader;
use crate::extract::lexicon::SurfaceRole;
use crate::model::{EntityKind, RelationClass, Rule};

/// Nouns that end the name of a site, which is in the place its name starts with: "the X cement
/// plant", "X International Airport".
pub(super) const SITE_NOUNS: &[&str] = &[
    "plant",
    "factory",
    "station",
    "airport",
    "port",
    "base",
    "airbase",
    "dam",
    "refinery",
    "terminal",
    "camp",
    "prison",
    "palace",
    "mosque",
    "shrine",
    "church",
    "cathedral",
    "temple",
    "facility",
    "reservoir",
    "field",
    "oilfield",
    "gasfield",
    "checkpoint",
    "crossing",
    "mine",
    "hospital",
    "stadium",
    "market",
    "works",
    "mill",
];

/// Nouns of bodies of water, which border the country they are named after rather than lie in it:
/// "the Gulf of Mexico", "the South China Sea", "the Bay of Bengal".
pub(super) const WATER_NOUNS: &[&str] = &[
    "gulf", "sea", "bay", "strait", "straits", "ocean", "channel", "sound", "lake",
];

/// The heads of the names of a state's own bodies, one or two words, lower case: "the X
/// Ministry of Y", "the X Air Force", "the Armed Forces of X".
pub(super) const STATE_BODY_HEADS: &[&str] = &[
    "ministry",
    "army",
    "navy",
    "air force",
    "armed forces",
    "defense forces",
    "defence forces",
    "security forces",
    "special forces",
    "marine corps",
    "coast guard",
    "national guard",
    "revolutionary guards",
    "revolutionary guard",
    "general staff",
    "parliament",
    "senate",
    "congress",
    "cabinet",
    "embassy",
    "central bank",
    "supreme court",
    "police",
];

impl SentenceReader<'_> {
    /// `name-part`: a country inside the name of a place or an agreement: "Northern Province of
    /// Yemen" is part of Yemen; Oman and Yemen are parties to the "Oman-Yemen Border Treaty". Only
    /// the first sentence with the name carries it (see the extraction).
    pub(super) fn name_part(&self, out: &mut Vec<RuleRelation>) {
        for mention in self.mentions {
            // "in Tehran": a capital standing as its city is in its country by the lexicon, not by
            // anything the text says.
            if self.is_capital(mention) {
                continue;
            }
            self.places_in_name(mention, out);
            if let Some(country) = self.state_of_body(mention) {
                out.push(RuleRelation {
                    subject: mention.entity,
                    object: country,
                    predicate: "part of".into(),
                    class: RelationClass::PartOf,
                    negated: false,
                    hedged: false,
                    rule: Rule::NamePart,
                });
            }
            for &country in &mention.contains {
                let relation = match mention.kind {
                    // "US-Iraq Status of Forces Agreement": the countries are its parties.
                    EntityKind::Agreement => RuleRelation {
                        subject: country,
                        object: mention.entity,
                        predicate: "party to".into(),
                        class: RelationClass::Other,
                        negated: false,
                        hedged: false,
                        rule: Rule::NamePart,
                    },
                    // "the Gulf of Mexico", "the Sea of Japan": water named after a country
                    // borders it.
                    EntityKind::Place if self.names_water(mention) => continue,
                    EntityKind::Place => RuleRelation {
                        subject: mention.entity,
                        object: country,
                        predicate: "part of".into(),
                        class: RelationClass::PartOf,
                        negated: false,
                        hedged: false,
                        rule: Rule::NamePart,
                    },
                    _ => continue,
                };
                out.push(relation);
            }
        }
    }
}

impl SentenceReader<'_> {
    /// Whether `mention` names a body of water ([`WATER_NOUNS`]).
    fn names_water(&self, mention: &super::SentenceMention) -> bool {
        self.text
            .get(mention.span.start..mention.span.end)
            .is_some_and(|name| {
                name.split_whitespace()
                    .any(|w| WATER_NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)))
            })
    }

    /// The places inside `mention`'s name that say where it is: a site's ("the X cement plant"
    /// located in X) or an event's ("the Battle of X" took place in X).
    fn places_in_name(&self, mention: &super::SentenceMention, out: &mut Vec<RuleRelation>) {
        let predicate = match mention.kind {
            EntityKind::Place => {
                let last = mention.tokens.1.saturating_sub(1);
                if !SITE_NOUNS.contains(&self.word(last).to_lowercase().as_str()) {
                    return;
                }
                "located in"
            }
            EntityKind::Event => "took place in",
            _ => return,
        };
        for &place in &mention.places_inside {
            out.push(RuleRelation {
                subject: mention.entity,
                object: place,
                predicate: predicate.into(),
                class: RelationClass::PartOf,
                negated: false,
                hedged: false,
                rule: Rule::NamePart,
            });
        }
    }

    /// The country whose body `mention` names ("the Russian Ministry of Defense", "the Armed Forces
    /// of Ukraine"): an organisation or an armed group whose name is a country's name or demonym
    /// then a state body's head ("Ministry" may take its portfolio after "of"), or the head, "of"
    /// and the country. Nothing else in the name: "the American Mining Congress", "the Congress of
    /// Vienna" (a capital) and "the Pan American Congress" are no state's bodies.
    fn state_of_body(&self, mention: &super::SentenceMention) -> Option<usize> {
        if !matches!(
            mention.kind,
            EntityKind::Organization | EntityKind::ArmedGroup
        ) || mention.contains.len() != 1
        {
            return None;
        }
        // The name's own words: a sentence of one mention keeps no tokens.
        let surface = self.text.get(mention.span.start..mention.span.end)?;
        let mut words: Vec<&str> = surface.split_whitespace().collect();
        if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            words.remove(0);
        }
        let country = mention.contains[0];
        let names_country = |words: &[&str]| {
            let words = match words {
                [first, rest @ ..] if first.eq_ignore_ascii_case("the") => rest,
                _ => words,
            };
            !words.is_empty()
                && self
                    .lexicon
                    .lookup(&words.join(" "))
                    .is_some_and(|(entity, role)| {
                        role != SurfaceRole::Capital && self.lexicon.is_country(entity)
                    })
        };
        let is_head = |words: &[&str]| {
            (1..=2).contains(&words.len())
                && STATE_BODY_HEADS.contains(&words.join(" ").to_lowercase().as_str())
        };
        let is_of = |w: &&str| w.eq_ignore_ascii_case("of");
        let body = match words.iter().position(is_of) {
            // "the Armed Forces of Ukraine", "the Ministry of Defence of Russia".
            Some(_)
                if let Some(last_of) = words.iter().rposition(is_of)
                    && names_country(&words[last_of + 1..]) =>
            {
                is_head(&words[..last_of]) || words[0].eq_ignore_ascii_case("ministry")
            }
            // "the Russian Ministry of Defense": a ministry's portfolio after "of".
            Some(of) => (1..of).any(|split| {
                names_country(&words[..split])
                    && is_head(&words[split..of])
                    && words[of - 1].eq_ignore_ascii_case("ministry")
            }),
            // "the Israeli Air Force", "the UK Defence Ministry".
            None => (1..words.len()).any(|split| {
                names_country(&words[..split])
                    && (is_head(&words[split..])
                        || words
                            .last()
                            .is_some_and(|w| w.eq_ignore_ascii_case("ministry")))
            }),
        };
        body.then_some(country)
    }

    /// Whether the mention's words are a capital's, as the lexicon has them.
    fn is_capital(&self, mention: &super::SentenceMention) -> bool {
        self.text
            .get(mention.span.start..mention.span.end)
            .and_then(|surface| self.lexicon.lookup(surface))
            .is_some_and(|(_, role)| role == SurfaceRole::Capital)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::extract::lexicon::Lexicon;
    use crate::model::RelationClass::PartOf;
    use crate::model::Rule::{self, NamePart};
    use crate::text::Document;

    #[test]
    fn name_part_is_read_once_per_corpus() {
        let text = "Yemen faces a drought. The Northern Province of Yemen has no rain. \
                    The Northern Province of Yemen is dry.";
        let expected: &[Expected] = &[reading(
            "Northern Province of Yemen",
            PartOf,
            "Yemen",
            NamePart,
        )];
        assert_cases(&test_lexicon(), &[(text, expected)]);

        // Across documents too: the name says it once for the whole corpus.
        let corpus = vec![
            Document {
                name: "a.txt".into(),
                text: "Yemen is poor. The Northern Province of Yemen printed notes.".into(),
            },
            Document {
                name: "b.txt".into(),
                text: "The Northern Province of Yemen moved its offices.".into(),
            },
        ];
        let name_parts = extract_documents(&corpus, &test_lexicon())
            .relations
            .iter()
            .filter(|r| r.rule.rule == Rule::NamePart)
            .count();
        assert_eq!(name_parts, 1);
    }

    /// A country in the name of a place or an agreement says the name's thing belongs to it or is
    /// its party; in the name of anything else it does not.
    #[test]
    fn only_places_and_agreements_take_their_countries() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Chile said rebels crossed into the Northern Province of Chile.",
                &[("Northern Province of Chile", "Chile")],
            ),
            // Water named after a country borders it.
            ("Peru is large. Ships sailed into the Gulf of Peru.", &[]),
            ("Peru is large. Chile patrols the South Peru Sea.", &[]),
            (
                "Chile and Peru signed the Chile-Peru Border Treaty.",
                &[
                    ("Chile", "Chile-Peru Border Treaty"),
                    ("Peru", "Chile-Peru Border Treaty"),
                ],
            ),
            (
                "In Chile, students at the Chile School of Mines went on strike.",
                &[],
            ),
            (
                "Chile said the Development Fund for Chile paid the contractors.",
                &[],
            ),
            (
                "Thousands fled Chile during the Peruvian invasion of Chile.",
                &[],
            ),
        ];
        for &(text, expected) in cases {
            assert_name_parts(text, &embedded(), expected);
        }
    }

    #[test]
    fn a_capital_standing_as_its_city_is_no_part_of_a_name() {
        // (text, the name-part readings): the capital is in its country by the lexicon alone.
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Turkey hosted talks in Ankara, far from the Northern Province of Turkey.",
                &[("Northern Province of Turkey", "Turkey")],
            ),
            ("Turkey said talks were held in Ankara on Monday.", &[]),
            ("Syria sent officials to meet in Damascus.", &[]),
        ];
        for &(text, expected) in cases {
            assert_name_parts(text, &test_lexicon(), expected);
        }
    }

    /// A place the document names elsewhere, inside the name of a site or an event, says where it
    /// is; inside a region's or a road's name, or a word joined by a dash, it does not.
    #[test]
    fn a_place_in_the_name_of_a_site_or_an_event() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Rebels seized the town of Kessala. Later they shelled the Kessala cement plant.",
                &[("Kessala cement plant", "Kessala")],
            ),
            (
                "Rebels seized the town of Kessala. The Siege of Kessala lasted a month.",
                &[("Siege of Kessala", "Kessala")],
            ),
            // A site whose name holds no place named elsewhere.
            ("Guards left the Tavro Power Station at dawn.", &[]),
            // A road between two towns is in neither.
            (
                "Rebels seized the town of Kessala. Troops cut the Kessala-Dorva highway.",
                &[],
            ),
            // A region named after its town holds the town.
            (
                "Rebels seized the town of Kessala. Floods hit the Kessala Valley.",
                &[],
            ),
        ];
        for &(text, expected) in cases {
            assert_name_parts(text, &embedded(), expected);
        }
    }

    /// A body of a state named after it is part of it, also in a sentence of its own; an
    /// organisation named after a country whose head is no state body's is not.
    #[test]
    fn a_state_body_named_after_its_country_is_part_of_it() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Peru and Chile are neighbours. The Peruvian Ministry of Fisheries closed the bay.",
                &[("Peruvian Ministry of Fisheries", "Peru")],
            ),
            (
                "Peru and Chile are neighbours. The Chilean Air Force flew over the bay.",
                &[("Chilean Air Force", "Chile")],
            ),
            (
                "Peru and Chile are neighbours. The Armed Forces of Peru crossed the river.",
                &[("Armed Forces of Peru", "Peru")],
            ),
            (
                "Peru and Chile are neighbours. The Central Bank of Chile raised rates.",
                &[("Central Bank of Chile", "Chile")],
            ),
            (
                "Peru and Chile are neighbours. The Ministry of Defence of Peru said so.",
                &[("Ministry of Defence of Peru", "Peru")],
            ),
            // Other words in the name, or a capital for its country: no state's body.
            (
                "Peru and Chile are neighbours. The Peruvian Mining Congress met.",
                &[],
            ),
            (
                "Peru and Chile are neighbours. The Congress of Lima met in 1890.",
                &[],
            ),
            // Heads of no state body: a party, a company, a fund, a militia's "Forces".
            (
                "Peru and Chile are neighbours. The Chilean Communist Party called a strike.",
                &[],
            ),
            (
                "Peru and Chile are neighbours. The Peru Mining Company sold the mine.",
                &[],
            ),
            (
                "Peru and Chile are neighbours. The Chilean Democratic Forces shelled the bay.",
                &[],
            ),
        ];
        for &(text, expected) in cases {
            assert_name_parts(text, &embedded(), expected);
        }
    }

    /// Asserts the (subject, object) names of the name-part readings of `text`, sorted.
    fn assert_name_parts(text: &str, lexicon: &Lexicon, expected: &[(&str, &str)]) {
        let extraction = extract(text, lexicon);
        let mut readings: Vec<(&str, &str)> = extraction
            .relations
            .iter()
            .filter(|r| r.rule.rule == Rule::NamePart)
            .map(|r| {
                (
                    extraction.entities[r.subject].name.as_str(),
                    extraction.entities[r.object].name.as_str(),
                )
            })
            .collect();
        readings.sort_unstable();
        assert_eq!(readings, expected, "{text}");
    }
}
