//! Issue 18, part B: names and kinds on texts the rules were never written for, end to end with the
//! embedded lexicon. Every sentence here is made up for the test.

use super::*;
use crate::model::{EntityKind, RelationClass};
use crate::text::Document;

fn extract(texts: &[&str]) -> Extraction {
    let documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Document {
            name: format!("doc{i}.txt"),
            text: (*text).into(),
        })
        .collect();
    let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
    extract_corpus(&documents, &lexicon, ExtractOptions::default())
}

/// The kind of the entity called `name`, if there is one.
fn kind_of(extraction: &Extraction, name: &str) -> Option<EntityKind> {
    extraction
        .entities
        .iter()
        .find(|e| e.name == name)
        .map(|e| e.kind)
}

/// Each case: the texts (one document each), the entities that must be there with their kinds, and
/// the names that must not be entities.
type KindCase<'a> = (&'a [&'a str], &'a [(&'a str, EntityKind)], &'a [&'a str]);

fn check_kinds(cases: &[KindCase<'_>]) {
    for (texts, expected, absent) in cases {
        let extraction = extract(texts);
        let all: Vec<(&str, EntityKind)> = extraction
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        for (name, kind) in *expected {
            assert_eq!(
                kind_of(&extraction, name),
                Some(*kind),
                "{name} in {texts:?}; entities: {all:?}"
            );
        }
        for name in *absent {
            assert_eq!(
                kind_of(&extraction, name),
                None,
                "{name} should be no entity in {texts:?}; entities: {all:?}"
            );
        }
    }
}

#[test]
fn continents_and_world_regions_are_places() {
    use EntityKind::*;
    check_kinds(&[
        (
            &["Grain from Eastern Europe reached West Asia and North Africa by sea."],
            &[
                ("Eastern Europe", Place),
                ("West Asia", Place),
                ("North Africa", Place),
            ],
            &["Europe", "Asia", "Africa"],
        ),
        (
            &["The envoy toured the Middle East, Latin America and Southeast Asia in one year."],
            &[
                ("Middle East", Place),
                ("Latin America", Place),
                ("Southeast Asia", Place),
            ],
            &[],
        ),
        (
            &["Tankers crossed the Persian Gulf while Sweden courted the Muslim world."],
            &[("Persian Gulf", Place), ("Muslim world", Place)],
            &["Muslim"],
        ),
        (
            &["Western powers and West European banks lent to Africa."],
            &[
                ("Western world", Place),
                ("Western Europe", Place),
                ("Africa", Place),
            ],
            &["Western"],
        ),
    ]);
}

/// A relation as (subject, class, object).
type Triple<'a> = (&'a str, RelationClass, &'a str);

/// (subject, class, object) of every asserted relation.
fn asserted(extraction: &Extraction) -> Vec<(String, RelationClass, String)> {
    extraction
        .relations
        .iter()
        .filter(|r| r.class != RelationClass::CoMention)
        .map(|r| {
            (
                extraction.entities[r.subject].name.clone(),
                r.class,
                extraction.entities[r.object].name.clone(),
            )
        })
        .collect()
}

#[test]
fn honorifics_ranks_and_religious_titles_are_no_part_of_a_name() {
    use EntityKind::*;
    check_kinds(&[
        (
            &["Sheikh Tamim Khalaf and Ayatollah Reza Farahani met Colonel Ivo Brandt."],
            &[
                ("Tamim Khalaf", Person),
                ("Reza Farahani", Person),
                ("Ivo Brandt", Person),
            ],
            &[
                "Sheikh Tamim Khalaf",
                "Ayatollah Reza Farahani",
                "Colonel Ivo Brandt",
            ],
        ),
        (
            &["Mr. Odell Prine thanked Dr. Hana Sato and Major-General Piet Varga."],
            &[
                ("Odell Prine", Person),
                ("Hana Sato", Person),
                ("Piet Varga", Person),
            ],
            &[
                "Mr. Odell Prine",
                "Dr. Hana Sato",
                "Major-General Piet Varga",
            ],
        ),
        // An older title for a head of state, alone or before a name.
        (
            &[
                "The voters of Peru chose their Chief Magistrate. Chief Magistrate Ilka Varnu spoke.",
            ],
            &[("Ilka Varnu", Person)],
            &["Chief Magistrate", "Chief Magistrate Ilka Varnu"],
        ),
    ]);
}

#[test]
fn roles_are_titles_not_people() {
    use EntityKind::*;
    check_kinds(&[(
        &[
            "The President of France met the Crown Prince of Saudi Arabia. The Minister of Defence \
             said the Speaker of the Iraqi parliament had resigned. The Foreign Minister of Chile \
             stayed home.",
        ],
        &[
            ("France", Country),
            ("Saudi Arabia", Country),
            ("Iraq", Country),
            ("Chile", Country),
        ],
        &[
            "President of France",
            "Crown Prince of Saudi Arabia",
            "Minister of Defence",
            "Speaker",
            "Foreign Minister of Chile",
        ],
    )]);
    let cases: &[(&str, &[Triple])] = &[
        (
            "Crown Prince of Saudi Arabia Salim Harun opened the port.",
            &[("Salim Harun", RelationClass::Leads, "Saudi Arabia")],
        ),
        (
            "Kemal Arslan, the Foreign Minister of Turkey, met the President of France in Paris.",
            &[("Kemal Arslan", RelationClass::Leads, "Turkey")],
        ),
    ];
    for (text, expected) in cases {
        let extraction = extract(&[text]);
        let relations = asserted(&extraction);
        for (subject, class, object) in *expected {
            assert!(
                relations
                    .iter()
                    .any(|(s, c, o)| s == subject && c == class && o == object),
                "{subject} {class:?} {object} in {text:?}: {relations:?}"
            );
        }
        // No role makes a country lead another ("Turkey, met the President of France").
        assert!(
            !relations
                .iter()
                .any(|(s, c, _)| s == "Turkey" && *c == RelationClass::Leads),
            "{text:?}: {relations:?}"
        );
    }
}

#[test]
fn a_person_of_a_place_or_body_is_two_names() {
    use EntityKind::*;
    check_kinds(&[
        (
            &[
                "Maria Lopez of Spain, who chairs the board, spoke first.",
                "Spain later signed the accord with Portugal.",
            ],
            &[
                ("Maria Lopez", Person),
                ("Spain", Country),
                ("Portugal", Country),
            ],
            &["Maria Lopez of Spain"],
        ),
        (
            &["John Okafor of the World Bank, who flew in, visited Lagos and Ghana."],
            &[("John Okafor", Person), ("World Bank", Organization)],
            &["John Okafor of the World Bank"],
        ),
        // A name with a head noun before "of" stays one name.
        (
            &["The Central Bank of Iraq and the Islamic State of Yemen quarrelled."],
            &[
                ("Central Bank of Iraq", Organization),
                ("Islamic State of Yemen", Organization),
            ],
            &[],
        ),
    ]);
}

#[test]
fn kinds_come_from_head_words_and_context_never_person_by_default() {
    use EntityKind::*;
    check_kinds(&[
        (
            &[
                "The Ashdown Brigade and the Northern Fleet shelled the Velmar Islands. The \
                 Unity Front and the Harbor Party signed the Kestrel Accord.",
            ],
            &[
                ("Ashdown Brigade", ArmedGroup),
                ("Northern Fleet", ArmedGroup),
                ("Velmar Islands", Place),
                ("Unity Front", PoliticalGroup),
                ("Harbor Party", PoliticalGroup),
                ("Kestrel Accord", Agreement),
            ],
            &[],
        ),
        (
            &[
                "The Lisbon Agreement ended the Orlan Crisis. Operation Granite Shield began \
                 near the Dravo River. The Kessel Ministry blamed the Tarn News Agency.",
            ],
            &[
                ("Lisbon Agreement", Agreement),
                ("Orlan Crisis", Event),
                ("Operation Granite Shield", Event),
                ("Dravo River", Place),
                ("Kessel Ministry", Organization),
                ("Tarn News Agency", Organization),
            ],
            &[],
        ),
        // Context: a town named after prepositions of place, "the town of", a list after "of".
        (
            &[
                "Rebels attacked the town of Velmar. Fighting in Velmar went on for weeks. \
                 Velmar fell in May. Shelling hit the villages of Orsk, Dunmore and Kitega.",
            ],
            &[
                ("Velmar", Place),
                ("Orsk", Place),
                ("Dunmore", Place),
                ("Kitega", Place),
            ],
            &[],
        ),
        // "the X" is no person's name (and a list with an armed group makes it one); a dash joins
        // two places, not a first and a last name; a title is a person's evidence.
        (
            &[
                "The Harakat Jund al-Haqq and the Sayf Brigades fought near the Orsk–Kitega \
                 road. The Harakat Jund al-Haqq withdrew. General Anton Vell resigned.",
            ],
            &[
                ("Harakat Jund al-Haqq", ArmedGroup),
                ("Orsk–Kitega road", Place),
                ("Anton Vell", Person),
            ],
            &[],
        ),
    ]);
}

#[test]
fn an_acronym_and_its_expansion_and_a_possessive_join() {
    let cases: &[(&[&str], &str, &[&str])] = &[
        (
            &[
                "The Popular Defence Units of Velmar fought in the north.",
                "Officials said the PDUV had withdrawn.",
            ],
            "Popular Defence Units of Velmar",
            &["PDUV"],
        ),
        (
            &[
                "The Islamic State of Velmar (ISV) took the town.",
                "Later the ISV lost it, and the Islamic State withdrew.",
            ],
            "Islamic State of Velmar",
            &["ISV", "Islamic State"],
        ),
    ];
    for (texts, name, aliases) in cases {
        let extraction = extract(texts);
        let entity = extraction
            .entities
            .iter()
            .find(|e| e.name == *name)
            .unwrap_or_else(|| panic!("{name} in {texts:?}"));
        for alias in *aliases {
            assert!(
                entity.aliases.iter().any(|a| a == alias),
                "{alias} of {name}: {:?}",
                entity.aliases
            );
        }
    }
    // "the United States' allies": the country, not a name of its own.
    let extraction = extract(&["The United States' allies met Canada's envoys."]);
    let names: Vec<&str> = extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["United States", "Canada"]);
}

#[test]
fn neighbours_tell_the_kind_of_a_name_without_one() {
    use EntityKind::*;
    check_kinds(&[
        (
            &["Sayf al-Nasr fighters entered the Dorvan region before dawn."],
            &[("Sayf al-Nasr", ArmedGroup), ("Dorvan", Place)],
            &["Dorvan region"],
        ),
        // A member described by an apposition keeps its own evidence.
        (
            &["They met the Sayf Brigades, and Anton Vell, the Acting Ambassador to Chile."],
            &[("Sayf Brigades", ArmedGroup), ("Anton Vell", Person)],
            &[],
        ),
        (
            &[
                "Groups such as Kataib Sayf, the Sayf Brigades and Liwa Tarek al-Harbi signed \
                 nothing. Later Orsk and Kitega oblasts voted.",
            ],
            &[
                ("Liwa Tarek al-Harbi", ArmedGroup),
                ("Orsk", Place),
                ("Kitega", Place),
            ],
            &[],
        ),
    ]);
}

/// Issue 18: a name of two or more words is a person only when shaped as one: no connector between
/// its words, and not two common English words.
#[test]
fn names_not_shaped_as_persons_are_no_persons() {
    check_kinds(&[
        (
            &["Funds for Clean Water grew in Kenya. Later Clean Water shrank again."],
            &[("Clean Water", EntityKind::Organization)],
            &[],
        ),
        (
            &["Maria Okonkwo spoke in Lagos. Later Maria Okonkwo left with her aides."],
            &[("Maria Okonkwo", EntityKind::Person)],
            &[],
        ),
    ]);
}

/// Issue 18: the head nouns "Empire", "Treasury" and "House" give a name its kind.
#[test]
fn empires_treasuries_and_houses_take_their_head_nouns_kind() {
    check_kinds(&[(
        &[
            "The Zarvian Empire fought Peru. The Zarvian Empire fell.",
            "The Treasury fined Kenya. The Treasury sued Chile.",
            "Hope House helped Peru. Later Hope House grew.",
        ],
        &[
            ("Zarvian Empire", EntityKind::Country),
            ("Treasury", EntityKind::Organization),
            ("Hope House", EntityKind::Organization),
        ],
        &[],
    )]);
}

/// Issue 18: a name ending in "States" or "Powers" is a group of states, never a person whose
/// surname "the States" elsewhere would be.
#[test]
fn groups_of_states_are_no_persons() {
    let extraction = extract(&[
        // "by whom" is a person's cue, "Velmari" alone a name word used alone.
        "Peace was at the mercy of four Velmari States, by whom it was often broken. Our Navy \
         could cope with the powers of Velmari.",
        "Ten of the States asked for aid. The Government must cooperate with the States. The \
         Ostral Powers, by whom Chile was invaded, fell.",
    ]);
    assert_eq!(
        kind_of(&extraction, "Velmari States"),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind_of(&extraction, "Ostral Powers"),
        Some(EntityKind::Organization)
    );
    let velmari = extraction
        .entities
        .iter()
        .find(|e| e.name == "Velmari States")
        .expect("Velmari States is an entity");
    assert!(
        !velmari.aliases.iter().any(|a| a == "States"),
        "{:?}",
        velmari.aliases
    );
}

/// Issue 18: a compass point alone names a region, a place, though no preposition of place says so;
/// with a title it is a person's surname.
#[test]
fn compass_points_alone_are_places() {
    check_kinds(&[
        (
            &["The Midwest sold wheat to Peru. The Midwest grew."],
            &[("Midwest", EntityKind::Place)],
            &[],
        ),
        (
            &["The South traded with Chile. The South voted."],
            &[("South", EntityKind::Place)],
            &[],
        ),
        (
            &["Mr. West met the envoy of Peru. Mr. West left."],
            &[("West", EntityKind::Person)],
            &[],
        ),
    ]);
}

/// Issue 18: the hemispheres are places; "Western" before "Hemisphere" is no demonym of the West.
#[test]
fn hemispheres_are_places() {
    check_kinds(&[(
        &["Peru traded across the Western Hemisphere. Winter came to the Southern Hemisphere."],
        &[
            ("Western Hemisphere", EntityKind::Place),
            ("Southern Hemisphere", EntityKind::Place),
        ],
        &["Western world"],
    )]);
}

/// Issue 18: a name without a title is a person when what follows says so: an administration named
/// after it, or "who" (not after "the": "the Zarvists, who" are a group).
#[test]
fn administrations_and_who_are_person_evidence() {
    use EntityKind::*;
    check_kinds(&[
        (
            &["The Okafor administration sanctioned Peru. Okafor visited Chile."],
            &[("Okafor", Person)],
            &[],
        ),
        (
            &["Under Tanaka's administration, Peru grew. Tanaka visited Chile."],
            &[("Tanaka", Person)],
            &[],
        ),
        (
            &["Unlike Varga and Lindqvist, who doubt it, Peru agreed. Varga and Lindqvist wrote."],
            &[("Varga", Person), ("Lindqvist", Person)],
            &[],
        ),
        (
            &["Peru fought the Zarvists, who held Lima. The Zarvists lost."],
            &[("Zarvists", Organization)],
            &[],
        ),
        // No comma: "who" speaks of the grocer; a plural common word names a people or a group.
        (
            &["Ask the grocer in Velmora who sold it. Peru and Velmora traded."],
            &[("Velmora", Place)],
            &[],
        ),
        // A place before ", who", with its country or after "in", is no person.
        (
            &["Lerma, Chile, who sang, met Peru. Later Lerma grew. Farms in Lerma thrived."],
            &[("Lerma", Place)],
            &[],
        ),
        (
            &["A boy in Orvak, who sang, met Peru. Later Orvak grew."],
            &[("Orvak", Place)],
            &[],
        ),
        (
            &["Peru courted the Hill Tribes, who held Lima. Hill Tribes voted."],
            &[("Hill Tribes", Organization)],
            &[],
        ),
    ]);
}

/// Issue 18: of names joined by commas alone before ", who", only the last is a person: the others
/// are in apposition to it ("our Champion, Ana Ruiz, who").
#[test]
fn who_after_an_apposition_makes_only_its_last_name_a_person() {
    let extraction =
        extract(&["We thank our Champion, Ana Ruiz, who came. The Champion met Peru."]);
    assert_eq!(kind_of(&extraction, "Ana Ruiz"), Some(EntityKind::Person));
    assert_ne!(kind_of(&extraction, "Champion"), Some(EntityKind::Person));
}

/// Issue 18: a name of a person's shape is a person only with a person's evidence somewhere in the
/// corpus; with none it is an organisation.
#[test]
fn an_unknown_name_is_a_person_only_with_person_evidence() {
    use EntityKind::*;
    check_kinds(&[
        (
            &["Talks with Marlow Tenby stalled in March. Marlow Tenby blamed the port."],
            &[("Marlow Tenby", Organization)],
            &[],
        ),
        (
            &[
                "Talks with Marlow Tenby stalled in March. Marlow Tenby blamed the port.",
                "The exporter Dessa Rivolt signed. In May, Corvin Aldane, 52, resigned.",
            ],
            &[
                ("Marlow Tenby", Organization),
                ("Dessa Rivolt", Organization),
                ("Corvin Aldane", Person),
            ],
            &[],
        ),
        // Evidence in one document holds for the name in every document.
        (
            &[
                "Talks with Marlow Tenby stalled in March.",
                "As Marlow Tenby argues, the port is too small.",
            ],
            &[("Marlow Tenby", Person)],
            &[],
        ),
        // A surname used alone in the same document, and a pronoun opening the next sentence.
        (
            &[
                "Ilse Varga met the mayor. Later Varga left.",
                "Talks began with Omar Haddane. He asked for time.",
            ],
            &[("Ilse Varga", Person), ("Omar Haddane", Person)],
            &[],
        ),
    ]);
}

/// Issue 18: titles of works are no entities, whatever a citation later repeats of them; a demonym
/// before a name seen alone is that name; armed nouns outweigh a body's generic head noun; an
/// acronym that spells the name after "and" splits two names; a name that opens a sentence going on
/// ", arguing that" is a person.
#[test]
fn titles_demonyms_and_split_names() {
    use EntityKind::*;
    check_kinds(&[
        (
            &[
                "Source: Ana Ruiz, “Tracing Grain Debt Through Famines and Floods,” Trade History Papers, no. 3, Tarn College, 2019.",
                "Source: Ruiz, “Tracing Grain Debt,” 21.",
            ],
            &[("Tarn College", Organization)],
            &[
                "Grain Debt Through Famines",
                "Grain Debt",
                "Famines",
                "Trade History Papers",
            ],
        ),
        // One entity, named in full (alone, "Mujahideen" would be an entity of its own).
        (
            &["Pakistan armed the Afghan Mujahideen in 1985. Later the Mujahideen took Kabul."],
            &[("Afghan Mujahideen", ArmedGroup), ("Pakistan", Country)],
            &["Mujahideen"],
        ),
        (
            &[
                "Tarn Group mercenaries stormed the port. Later the Tarn Group withdrew, and Tarn Group forces regrouped.",
            ],
            &[("Tarn Group", ArmedGroup)],
            &[],
        ),
        // A list's shared kind outweighs a body's head noun only where armed groups are as many.
        (
            &[
                "Funds went to the Tarn Pay Department, the Tarn Mail Department and the Tarn Signal Corps.",
            ],
            &[
                ("Tarn Pay Department", Organization),
                ("Tarn Signal Corps", ArmedGroup),
            ],
            &[],
        ),
        (
            &["Iran armed the Tarn Brigades and the Lerma Organization last year."],
            &[
                ("Tarn Brigades", ArmedGroup),
                ("Lerma Organization", ArmedGroup),
            ],
            &[],
        ),
        (
            &[
                "Iran armed Tarnak and Somali Islamic Jihad (SIJ) in May. Tarnak fighters crossed the border.",
            ],
            &[("Tarnak", ArmedGroup)],
            &["Tarnak and Somali Islamic Jihad"],
        ),
        (
            &[
                "Lena Okafor takes a realist stand, arguing that trade wins. Tarn Holdings takes a firm stand, noting that costs fell.",
            ],
            &[("Lena Okafor", Person), ("Tarn Holdings", Organization)],
            &[],
        ),
    ]);
}

/// Issue 18: the words around a name seen once or twice tell its kind: a town that falls or a
/// reactor named after a place, an apposition or a category before examples, a regime named after
/// a ruler, and an authorisation as a law's head noun. Negatives: a body with a regime of many
/// words, an apposition naming a role, examples of a category that tells no kind.
#[test]
fn context_tells_the_kind_of_a_rare_name() {
    use EntityKind::*;
    check_kinds(&[
        (
            &["After the fall of Velmora on June 3, the defenders regrouped."],
            &[("Velmora", Place)],
            &[],
        ),
        (
            &["The army began its withdrawal from the Dravona after the truce."],
            &[("Dravona", Place)],
            &[],
        ),
        (
            &[
                "The Tarvan Liberation Council (TLC) met in exile. Jets struck TLC bases near \
                 the coast. Drones hit TLC bases inland.",
            ],
            &[("Tarvan Liberation Council", ArmedGroup)],
            &[],
        ),
        (
            &["The Tarvan Liberation Council (TLC) met in exile. The TLC spoke for many."],
            &[("Tarvan Liberation Council", Organization)],
            &[],
        ),
        (
            &["A letter from Quillon arrived on Monday."],
            &[("Quillon", Organization)],
            &[],
        ),
        (
            &["Jets struck the Tarvesh nuclear reactor at night."],
            &[("Tarvesh", Place)],
            &["Tarvesh nuclear reactor"],
        ),
        (
            &["Engineers studied the Tarvesh reactor for years."],
            &[("Tarvesh", Place)],
            &[],
        ),
        (
            &["Shells hit Marovka, a small town on the river, again."],
            &[("Marovka", Place)],
            &[],
        ),
        (
            &["In 2015 Glimmerak, an advanced computer worm, was found on servers."],
            &[("Glimmerak", Event)],
            &[],
        ),
        (
            &["Other malware, including Quill and Zephyrin, spread later."],
            &[("Quill", Event), ("Zephyrin", Event)],
            &[],
        ),
        (
            &["Exiles plotted against the Okonjo regime from abroad."],
            &[("Okonjo", Person)],
            &[],
        ),
        (
            &["Congress repealed the Authorization for Use of Force Against Pirates."],
            &[("Authorization for Use of Force Against Pirates", Agreement)],
            &[],
        ),
        // Negatives: an apposition that names a role, examples after a word that tells no kind,
        // and a regime after a name of two words, are no such evidence.
        (
            &["Tomas Ferreira, a senior adviser, resigned on Monday. Ferreira said he was tired."],
            &[("Tomas Ferreira", Person)],
            &[],
        ),
        (
            &["Several donors, including Bellweather Trust, gave money."],
            &[("Bellweather Trust", Organization)],
            &[],
        ),
        (
            &["Exiles fled the Velmor Junta regime in droves."],
            &[("Velmor Junta", Organization)],
            &[],
        ),
        (
            &["The Corvista regime jailed critics, said the Corvista Union."],
            &[("Corvista", Organization)],
            &[],
        ),
        (
            &["Exiles fled the Velmor Junta regime in droves."],
            &[("Velmor Junta", Organization)],
            &[],
        ),
    ]);
}
