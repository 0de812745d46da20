//! Table-driven tests of the relation rules, references, time and the negated, hedged and passive
//! readings, on sentences written for them (about Turkey and the Kurds, the Gulf, Yemen, Sudan,
//! Ukraine), not taken from the corpus in `data/`.
//!
//! Each case lists every asserted (non-co-mention) relation the text gives, so a rule that starts
//! reading more, or less, shows up here.

use super::lexicon::Lexicon;
use super::test_lexicon::test_lexicon;
use super::{ExtractOptions, Extraction, extract_corpus};
use crate::model::{
    Period,
    RelationClass::{self, Conflict, Cooperation, Leads, Other, PartOf},
    Rule,
};
use crate::text::Document;

/// (subject, class, object, rule, negated, hedged, time) of one asserted relation.
type Reading = (
    String,
    RelationClass,
    String,
    String,
    bool,
    bool,
    Option<Period>,
);

/// An expected reading, written with borrowed names.
type Expected<'a> = (
    &'a str,
    RelationClass,
    &'a str,
    &'a str,
    bool,
    bool,
    Option<Period>,
);

fn documents(text: &str) -> Vec<Document> {
    vec![Document {
        name: "test.txt".into(),
        text: text.into(),
    }]
}

fn embedded() -> Lexicon {
    match Lexicon::embedded() {
        Ok(lexicon) => lexicon,
        Err(error) => panic!("the embedded lexicon loads: {error}"),
    }
}

/// Every asserted relation of an extraction, in the order read.
fn readings(extraction: &Extraction) -> Vec<Reading> {
    extraction
        .relations
        .iter()
        .filter(|r| r.class != RelationClass::CoMention)
        .map(|r| {
            (
                extraction.entities[r.subject].name.clone(),
                r.class,
                extraction.entities[r.object].name.clone(),
                r.rule.rule.to_string(),
                r.negated,
                r.hedged,
                r.time,
            )
        })
        .collect()
}

fn owned(expected: &[Expected]) -> Vec<Reading> {
    expected
        .iter()
        .map(|&(subject, class, object, rule, negated, hedged, time)| {
            (
                subject.to_string(),
                class,
                object.to_string(),
                rule.to_string(),
                negated,
                hedged,
                time,
            )
        })
        .collect()
}

fn assert_cases(lexicon: &Lexicon, cases: &[(&str, &[Expected])]) {
    for (text, expected) in cases {
        let got = readings(&extract_corpus(
            &documents(text),
            lexicon,
            ExtractOptions::default(),
        ));
        assert_eq!(got, owned(expected), "{text}");
    }
}

fn since(year: i32) -> Option<Period> {
    Some(Period {
        from: Some(year),
        to: None,
    })
}

fn until(year: i32) -> Option<Period> {
    Some(Period {
        from: None,
        to: Some(year),
    })
}

fn years(from: i32, to: i32) -> Option<Period> {
    Some(Period {
        from: Some(from),
        to: Some(to),
    })
}

fn year(year: i32) -> Option<Period> {
    Some(Period::year(year))
}

#[test]
fn rules_read_their_patterns() {
    let cases: &[(&str, &[Expected])] = &[
        // nominal: an action noun after X, a preposition, then Y.
        (
            "Observers condemned the 2019 Turkish strikes on the Syrian Democratic Forces.",
            &[(
                "Turkey",
                Conflict,
                "Syrian Democratic Forces",
                "nominal",
                false,
                false,
                year(2019),
            )],
        ),
        (
            "Analysts recalled the 2018 Saudi assassination of Jamal Khashoggi.",
            &[(
                "Saudi Arabia",
                Conflict,
                "Jamal Khashoggi",
                "nominal",
                false,
                false,
                year(2018),
            )],
        ),
        // located-in: an organisation, group or place, "in", a country.
        (
            "The Kurdistan Workers Party in Turkey lost ground.",
            &[(
                "Kurdistan Workers Party",
                PartOf,
                "Turkey",
                "located-in",
                false,
                false,
                None,
            )],
        ),
        (
            "Engineers repaired the Marib oil field in Yemen.",
            &[(
                "Marib oil field",
                PartOf,
                "Yemen",
                "located-in",
                false,
                false,
                None,
            )],
        ),
        // joint-subject: a subject list before a cooperation verb.
        (
            "Turkey and Qatar signed a defence pact in 2017.",
            &[(
                "Turkey",
                Cooperation,
                "Qatar",
                "joint-subject",
                false,
                false,
                year(2017),
            )],
        ),
        // title-home: a title with no country, in a document mostly about one country.
        (
            "Prime Minister Maeen Abdulmalik visited the port. Yemen needs aid. Yemen remains poor.",
            &[(
                "Maeen Abdulmalik",
                Leads,
                "Yemen",
                "title-home",
                false,
                false,
                None,
            )],
        ),
        // between: "the NOUN between X and Y".
        (
            "The rivalry between Qatar and Saudi Arabia eased in 2021.",
            &[(
                "Qatar",
                Conflict,
                "Saudi Arabia",
                "between",
                false,
                false,
                year(2021),
            )],
        ),
        // relation-noun: a relation noun and a preposition between X and Y, no verb.
        (
            "Yemen has deep ties with Saudi Arabia.",
            &[(
                "Yemen",
                Cooperation,
                "Saudi Arabia",
                "relation-noun",
                false,
                false,
                None,
            )],
        ),
        (
            "Turkey's tensions with Syria grew.",
            &[(
                "Turkey",
                Conflict,
                "Syria",
                "relation-noun",
                false,
                false,
                None,
            )],
        ),
        // compound-modifier: "X-backed Y", "X-led Y".
        (
            "The Saudi-led Coalition Forces struck the port.",
            &[(
                "Saudi Arabia",
                Leads,
                "Coalition Forces",
                "compound-modifier",
                false,
                false,
                None,
            )],
        ),
        // The verb rule's flags: negation between the mentions, a hedge anywhere, passive voice.
        (
            "Saudi Arabia never attacked Qatar.",
            &[("Saudi Arabia", Conflict, "Qatar", "verb", true, false, None)],
        ),
        (
            "Iran allegedly funded the Houthi Movement.",
            &[(
                "Iran",
                Cooperation,
                "Houthi Movement",
                "verb",
                false,
                true,
                None,
            )],
        ),
        (
            "The Syrian Democratic Forces were supported by Washington in 2017.",
            &[(
                "United States",
                Cooperation,
                "Syrian Democratic Forces",
                "verb",
                false,
                false,
                year(2017),
            )],
        ),
        (
            "Qatar was attacked by Saudi Arabia between 2017 and 2021.",
            &[(
                "Saudi Arabia",
                Conflict,
                "Qatar",
                "verb",
                false,
                false,
                years(2017, 2021),
            )],
        ),
    ];
    assert_cases(&test_lexicon(), cases);
}

#[test]
fn rules_read_their_patterns_with_the_embedded_lexicon() {
    let cases: &[(&str, &[Expected])] = &[
        (
            "Turkish strikes against the Kurdistan Workers Party continued until 2015.",
            &[(
                "Turkey",
                Conflict,
                "Kurdistan Workers Party",
                "nominal",
                false,
                false,
                until(2015),
            )],
        ),
        (
            "The Rapid Support Forces in Sudan lost ground.",
            &[(
                "Rapid Support Forces",
                PartOf,
                "Sudan",
                "located-in",
                false,
                false,
                None,
            )],
        ),
        (
            "Turkish-backed fighters of the Syrian National Army advanced.",
            &[(
                "Turkey",
                Cooperation,
                "Syrian National Army",
                "compound-modifier",
                false,
                false,
                None,
            )],
        ),
        // Capitals stand for their countries.
        (
            "Talks between Kyiv and Moscow collapsed in 2022.",
            &[(
                "Ukraine",
                Cooperation,
                "Russia",
                "between",
                false,
                false,
                year(2022),
            )],
        ),
        (
            "Turkey has strong relations with Qatar since 2017.",
            &[(
                "Turkey",
                Cooperation,
                "Qatar",
                "relation-noun",
                false,
                false,
                since(2017),
            )],
        ),
        (
            "Sudan did not attack Chad in 2023.",
            &[("Sudan", Conflict, "Chad", "verb", true, false, year(2023))],
        ),
        (
            "Ukraine reportedly signed a deal with Turkey.",
            &[("Ukraine", Cooperation, "Turkey", "verb", false, true, None)],
        ),
        (
            "Ukraine was invaded by Russia in February 2022.",
            &[(
                "Russia",
                Conflict,
                "Ukraine",
                "verb",
                false,
                false,
                year(2022),
            )],
        ),
    ];
    assert_cases(&embedded(), cases);
}

#[test]
fn time_travels_with_each_relation() {
    let cases: &[(&str, &[Expected])] = &[
        (
            "In 2019, Qatar signed a deal with Turkey.",
            &[(
                "Qatar",
                Cooperation,
                "Turkey",
                "verb",
                false,
                false,
                year(2019),
            )],
        ),
        (
            "Since 2014, Saudi Arabia has attacked Yemen.",
            &[(
                "Saudi Arabia",
                Conflict,
                "Yemen",
                "verb",
                false,
                false,
                since(2014),
            )],
        ),
        (
            "In 2017, Turkey and Qatar signed a defence pact.",
            &[(
                "Turkey",
                Cooperation,
                "Qatar",
                "joint-subject",
                false,
                false,
                year(2017),
            )],
        ),
        // Only the sentence that names a period carries it.
        (
            "Saudi Arabia attacked Yemen in 2015. The UN later supported Yemen.",
            &[
                (
                    "Saudi Arabia",
                    Conflict,
                    "Yemen",
                    "verb",
                    false,
                    false,
                    year(2015),
                ),
                (
                    "United Nations",
                    Cooperation,
                    "Yemen",
                    "verb",
                    false,
                    false,
                    None,
                ),
            ],
        ),
    ];
    assert_cases(&test_lexicon(), cases);
}

#[test]
fn references_stand_for_the_entity_named_before() {
    let cases: &[(&str, &[Expected])] = &[
        // "it" before a verb: the last country or group.
        (
            "Qatar hosted talks. It signed a deal with Turkey.",
            &[("Qatar", Cooperation, "Turkey", "verb", false, false, None)],
        ),
        (
            "The Houthi Movement rejected the truce. Later it accepted the offer of the UN.",
            &[(
                "Houthi Movement",
                Cooperation,
                "United Nations",
                "verb",
                false,
                false,
                None,
            )],
        ),
        // "he" before a verb: the last person.
        (
            "Turkish President Recep Tayyip Erdogan spoke. He renewed the agreement with Qatar.",
            &[
                (
                    "Recep Tayyip Erdogan",
                    Leads,
                    "Turkey",
                    "title",
                    false,
                    false,
                    None,
                ),
                (
                    "Recep Tayyip Erdogan",
                    Other,
                    "Qatar",
                    "verb",
                    false,
                    false,
                    None,
                ),
            ],
        ),
        // "the group": the last group or organisation.
        (
            "The Houthi Movement seized the capital. Iran later funded the group.",
            &[(
                "Iran",
                Cooperation,
                "Houthi Movement",
                "verb",
                false,
                false,
                None,
            )],
        ),
        // "the country": the last country.
        (
            "Saudi Arabia attacked Yemen. The UN later supported the country.",
            &[
                (
                    "Saudi Arabia",
                    Conflict,
                    "Yemen",
                    "verb",
                    false,
                    false,
                    None,
                ),
                (
                    "United Nations",
                    Cooperation,
                    "Yemen",
                    "verb",
                    false,
                    false,
                    None,
                ),
            ],
        ),
    ];
    assert_cases(&test_lexicon(), cases);
}

#[test]
fn references_can_be_turned_off() {
    let text = "Qatar hosted talks. It signed a deal with Turkey.";
    let options = ExtractOptions {
        resolve_references: false,
        ..ExtractOptions::default()
    };
    let extraction = extract_corpus(&documents(text), &test_lexicon(), options);
    assert_eq!(readings(&extraction), Vec::<Reading>::new());
}

#[test]
fn name_part_is_read_once_per_corpus() {
    let text = "Yemen faces a currency crisis. The Central Bank of Yemen printed new notes. \
                The Central Bank of Yemen later moved.";
    let expected: &[Expected] = &[(
        "Central Bank of Yemen",
        PartOf,
        "Yemen",
        "name-part",
        false,
        false,
        None,
    )];
    assert_cases(&test_lexicon(), &[(text, expected)]);

    // Across documents too: the name says it once for the whole corpus.
    let corpus = vec![
        Document {
            name: "a.txt".into(),
            text: "Yemen is poor. The Central Bank of Yemen printed notes.".into(),
        },
        Document {
            name: "b.txt".into(),
            text: "The Central Bank of Yemen moved its offices.".into(),
        },
    ];
    let name_parts = extract_corpus(&corpus, &test_lexicon(), ExtractOptions::default())
        .relations
        .iter()
        .filter(|r| r.rule.rule == Rule::NamePart)
        .count();
    assert_eq!(name_parts, 1);
}

/// A relation of the `verb` rule, not negated, not hedged, with no time.
fn verb<'a>(subject: &'a str, class: RelationClass, object: &'a str) -> Expected<'a> {
    (subject, class, object, "verb", false, false, None)
}

/// A negated relation of the `verb` rule.
fn denied<'a>(subject: &'a str, class: RelationClass, object: &'a str) -> Expected<'a> {
    (subject, class, object, "verb", true, false, None)
}

#[test]
fn clauses_give_their_verbs_the_right_subject() {
    let cases: &[(&str, &[Expected])] = &[
        // A second verb of the clause takes the clause's subject, not the object before it.
        (
            "Saudi Arabia attacked the Houthis and signed a truce with Oman.",
            &[
                verb("Saudi Arabia", Conflict, "Houthis"),
                verb("Saudi Arabia", Cooperation, "Oman"),
            ],
        ),
        (
            "Qatar funded Hamas, hosted the Taliban and supported Turkey.",
            &[
                verb("Qatar", Cooperation, "Hamas"),
                verb("Qatar", Cooperation, "Taliban"),
                verb("Qatar", Cooperation, "Turkey"),
            ],
        ),
        // An apposition's comma is not a second verb, and the person in apposition is not a second
        // member of a list: the head of the Houthis visited Tehran, not the Houthis.
        (
            "The head of the Houthis, Abdul-Malik al-Houthi, visited Tehran in 2019.",
            &[
                (
                    "Abdul-Malik al-Houthi",
                    Leads,
                    "Houthis",
                    "apposition",
                    false,
                    false,
                    year(2019),
                ),
                (
                    "Abdul-Malik al-Houthi",
                    Cooperation,
                    "Iran",
                    "verb",
                    false,
                    false,
                    year(2019),
                ),
            ],
        ),
        // A relative clause has the mention before it as its subject.
        (
            "The Houthis targeted Saudi Arabia, which had bombed Yemen for years.",
            &[
                verb("Houthis", Conflict, "Saudi Arabia"),
                verb("Saudi Arabia", Conflict, "Yemen"),
            ],
        ),
        (
            "Turkey struck the Kurdistan Workers Party, which had attacked Iraq.",
            &[
                verb("Turkey", Conflict, "Kurdistan Workers Party"),
                verb("Kurdistan Workers Party", Conflict, "Iraq"),
            ],
        ),
        // A passive with a determiner after "by" still reverses.
        (
            "The Houthis were supported by the Iranian government in their war.",
            &[verb("Iran", Cooperation, "Houthis")],
        ),
        // "declined to support": the infinitive's subject is the decliner, and the act is denied.
        (
            "Egypt declined to support Saudi Arabia in Yemen.",
            &[
                denied("Egypt", Cooperation, "Saudi Arabia"),
                denied("Egypt", Cooperation, "Yemen"),
            ],
        ),
        (
            "Jordan refused to back Syria in 2012.",
            &[(
                "Jordan",
                Cooperation,
                "Syria",
                "verb",
                true,
                false,
                year(2012),
            )],
        ),
        // A joint subject's denied act is negated too.
        (
            "Turkey and Greece did not sign a deal in 2020.",
            &[(
                "Turkey",
                Cooperation,
                "Greece",
                "joint-subject",
                true,
                false,
                year(2020),
            )],
        ),
    ];
    assert_cases(&embedded(), cases);
}

#[test]
fn bare_titles_and_demonyms_find_their_country() {
    let cases: &[(&str, &[Expected])] = &[
        // Turkey is the document's home country, but the Turkish president holds it: the bare "Prime
        // Minister" is the other country's.
        (
            "Turkey hosted Qatar in 2020. Turkish President Recep Tayyip Erdogan met Prime Minister \
             Benjamin Netanyahu and praised Israel.",
            &[
                (
                    "Turkey",
                    Cooperation,
                    "Qatar",
                    "verb",
                    false,
                    false,
                    year(2020),
                ),
                (
                    "Recep Tayyip Erdogan",
                    Leads,
                    "Turkey",
                    "title",
                    false,
                    false,
                    None,
                ),
                (
                    "Benjamin Netanyahu",
                    Leads,
                    "Israel",
                    "title-home",
                    false,
                    false,
                    None,
                ),
                verb("Recep Tayyip Erdogan", Cooperation, "Benjamin Netanyahu"),
                verb("Recep Tayyip Erdogan", Cooperation, "Israel"),
            ],
        ),
        // A demonym, lower-case words, an organisation: the organisation is the country's.
        (
            "The Turkish defence firm Baykar sold drones to Ukraine.",
            &[
                ("Baykar", PartOf, "Turkey", "demonym", false, false, None),
                verb("Baykar", Cooperation, "Ukraine"),
            ],
        ),
        // A list member's acronym in brackets does not end the list.
        (
            "Turkish companies like Baykar, the Turkish Aerospace Industries (TAI), and Aselsan won \
             contracts in Qatar.",
            &[
                ("Baykar", PartOf, "Turkey", "such-as", false, false, None),
                (
                    "Turkish Aerospace Industries",
                    PartOf,
                    "Turkey",
                    "such-as",
                    false,
                    false,
                    None,
                ),
                ("Aselsan", PartOf, "Turkey", "such-as", false, false, None),
                verb("Baykar", Other, "Qatar"),
                verb("Turkish Aerospace Industries", Other, "Qatar"),
                verb("Aselsan", Other, "Qatar"),
            ],
        ),
    ];
    assert_cases(&embedded(), cases);
}

#[test]
fn possessors_and_infinitives_read_as_relations() {
    let cases: &[(&str, &[Expected])] = &[
        // A possessor, a noun, a preposition: the noun's class, or Other for an unlisted noun.
        (
            "Qatar's changing perspective on Hamas worried Egypt.",
            &[(
                "Qatar",
                Other,
                "Hamas",
                "possessive-noun",
                false,
                false,
                None,
            )],
        ),
        (
            "Turkey's rapprochement with Egypt surprised observers.",
            &[(
                "Turkey",
                Cooperation,
                "Egypt",
                "relation-noun",
                false,
                false,
                None,
            )],
        ),
        // The possessor is the subject of the infinitive after its noun.
        (
            "Oman's ability to mediate between Saudi Arabia and Iran is rare.",
            &[
                verb("Oman", Cooperation, "Saudi Arabia"),
                verb("Oman", Cooperation, "Iran"),
            ],
        ),
        // "managed to": the infinitive carries the relation.
        (
            "Qatar managed to sign a truce with Israel.",
            &[verb("Qatar", Cooperation, "Israel")],
        ),
        // A verb without a class takes the class of the relation noun it governs.
        (
            "Turkey built close ties with Azerbaijan.",
            &[verb("Turkey", Cooperation, "Azerbaijan")],
        ),
        // Words after a possessive are its noun phrase, not a verb: no "trade" relation here.
        ("Yemen's oil trade was halted in 2015.", &[]),
    ];
    assert_cases(&embedded(), cases);
}

#[test]
fn phrases_inside_a_clause_keep_its_subject() {
    let cases: &[(&str, &[Expected])] = &[
        // The subject of an apposition's clause is its head, not the organisation inside it.
        (
            "Turkey hosted talks. Foreign Minister Mevlut Cavusoglu, a member of the executive board \
             of the Justice and Development Party, praised Qatar.",
            &[
                (
                    "Mevlut Cavusoglu",
                    Leads,
                    "Turkey",
                    "title-home",
                    false,
                    false,
                    None,
                ),
                (
                    "Mevlut Cavusoglu",
                    PartOf,
                    "Justice and Development Party",
                    "apposition",
                    false,
                    false,
                    None,
                ),
                verb("Mevlut Cavusoglu", Cooperation, "Qatar"),
            ],
        ),
        // A list of nouns after ", and" is not a new clause.
        (
            "Egypt ended the isolation, surveillance, and supervision of Hamas.",
            &[verb("Egypt", Other, "Hamas")],
        ),
        // An event named by a country, then "of Y": the country did it to Y.
        // A demonym's forces against Y: a conflict of the country with Y.
        (
            "Volunteers fought alongside Turkish troops against the Kurdistan Workers Party.",
            &[(
                "Turkey",
                Conflict,
                "Kurdistan Workers Party",
                "nominal",
                false,
                false,
                None,
            )],
        ),
        (
            "Russia massed troops. The Russian invasion of Ukraine shocked Europe.",
            &[("Russia", Conflict, "Ukraine", "nominal", false, false, None)],
        ),
        (
            "Saudi Arabia is rich. The Saudi war on Yemen dragged on.",
            &[(
                "Saudi Arabia",
                Conflict,
                "Yemen",
                "nominal",
                false,
                false,
                None,
            )],
        ),
    ];
    assert_cases(&embedded(), cases);
}

#[test]
fn a_demonym_and_army_name_the_national_force() {
    let extraction = extract_corpus(
        &documents("The Turkish army attacked the Kurdistan Workers Party in 2019."),
        &embedded(),
        ExtractOptions::default(),
    );
    let names: Vec<&str> = extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"Turkish army"), "{names:?}");
    assert_eq!(
        readings(&extraction),
        owned(&[(
            "Turkish army",
            Conflict,
            "Kurdistan Workers Party",
            "verb",
            false,
            false,
            year(2019),
        )])
    );
}

#[test]
fn a_plural_title_makes_each_name_a_person_of_no_known_country() {
    let extraction = extract_corpus(
        &documents("Turkey hosted talks. Presidents Erdogan and Aliyev signed a pipeline deal."),
        &embedded(),
        ExtractOptions::default(),
    );
    let people: Vec<&str> = extraction
        .entities
        .iter()
        .filter(|e| e.kind == crate::model::EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, ["Erdogan", "Aliyev"]);
    // Two presidents in one sentence cannot both lead Turkey: no title-home reading.
    assert_eq!(
        readings(&extraction),
        owned(&[(
            "Erdogan",
            Cooperation,
            "Aliyev",
            "joint-subject",
            false,
            false,
            None,
        )])
    );
}
