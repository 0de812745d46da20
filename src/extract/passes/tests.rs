//! End-to-end tests of the passes: documents in, entities and relations out.

use super::*;
use crate::extract::test_lexicon::test_lexicon;
use crate::model::{EntityKind, RelationClass, Rule, RuleName};
use crate::text::Document;

fn extract(text: &str) -> Extraction {
    let documents = vec![Document {
        name: "test.txt".into(),
        text: text.into(),
    }];
    extract_corpus(&documents, &test_lexicon(), ExtractOptions::default())
}

fn names(extraction: &Extraction) -> Vec<&str> {
    let mut names: Vec<&str> = extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    names.sort();
    names
}

/// (subject, class, object, rule, negated) of every asserted relation.
fn asserted(extraction: &Extraction) -> Vec<(String, RelationClass, String, &'static str, bool)> {
    extraction
        .relations
        .iter()
        .filter(|r| r.class != RelationClass::CoMention)
        .map(|r| {
            (
                extraction.entities[r.subject].name.clone(),
                r.class,
                extraction.entities[r.object].name.clone(),
                r.rule.rule.name(),
                r.negated,
            )
        })
        .collect()
}

#[test]
fn entities_from_text() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The Houthi Movement attacked Saudi Arabia in March.",
            &["Houthi Movement", "Saudi Arabia"],
        ),
        (
            "The National Liberation Front (NLF) fought Turkey for years. Later the NLF declared a ceasefire.",
            &["National Liberation Front", "Turkey"],
        ),
        (
            "Turkish Foreign Minister Hakan Fidan visited Riyadh. Fidan met Saudi officials there.",
            &["Hakan Fidan", "Saudi Arabia", "Turkey"],
        ),
        (
            "Efforts of Qatar failed in the end. Both efforts and talks continued.",
            &["Qatar"],
        ),
        (
            "The Syrian Democratic Forces held the Omar oil field near the Turkish border.",
            &["Omar oil field", "Syrian Democratic Forces", "Turkey"],
        ),
        (
            "The Belt and Road Initiative reached Yemen and Qatar in the same decade.",
            &["Belt and Road Initiative", "Qatar", "Yemen"],
        ),
        (
            "US-China tensions and Sino-Yemeni ties grew after the Western-led talks.",
            &["China", "United States", "Western", "Yemen"],
        ),
        (
            "Abu Ali al-Askari of Kataib Sayyid al-Shuhada spoke in Doha.",
            &["Abu Ali al-Askari", "Doha", "Kataib Sayyid al-Shuhada"],
        ),
        (
            "Washington imposed sanctions on Ankara after the embassy in Damascus closed.",
            &["Damascus", "Turkey", "United States"],
        ),
        ("Security forces said the Sunni and Shia clerics met.", &[]),
    ];
    for (text, expected) in cases {
        assert_eq!(names(&extract(text)), *expected, "{text}");
    }
}

#[test]
fn a_suffix_after_a_name_is_no_name() {
    let lexicon = crate::extract::lexicon::Lexicon::embedded().expect("the embedded lexicon loads");
    let documents = vec![Document {
        name: "test.txt".into(),
        text: "Hakan Fidan, Jr., visited Qatar. Ali Saleh, Esq., wrote to Yemen.".into(),
    }];
    let extraction = extract_corpus(&documents, &lexicon, ExtractOptions::default());
    assert_eq!(
        names(&extraction),
        ["Ali Saleh", "Hakan Fidan", "Qatar", "Yemen"]
    );
}

#[test]
fn a_demonym_used_for_another_people_names_no_state() {
    // A document that speaks of Indian tribes or reservations means Native Americans by "Indians";
    // one that does not means India.
    let lexicon = crate::extract::lexicon::Lexicon::embedded().expect("the embedded lexicon loads");
    let cases: &[(&str, bool)] = &[
        (
            "Peace was made with the Indian tribes of the Ohio. The Indians ceded land to the United States.",
            false,
        ),
        (
            "Agents visited every Indian reservation in Kansas. Indian children went to school in Kansas.",
            false,
        ),
        (
            "Indian officials met Pakistani officials in Geneva. The Indians proposed new talks.",
            true,
        ),
        // The country's own name still names it where the demonym does not.
        ("The Indian tribes of the West traded with India.", true),
    ];
    for (text, india) in cases {
        let documents = vec![Document {
            name: "test.txt".into(),
            text: (*text).into(),
        }];
        let extraction = extract_corpus(&documents, &lexicon, ExtractOptions::default());
        assert_eq!(names(&extraction).contains(&"India"), *india, "{text}");
    }
}

#[test]
fn aliases_merge() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "The National Liberation Front (NLF) fought Turkey for years. Later the NLF declared a ceasefire.",
            "National Liberation Front",
            &["NLF", "National Liberation Front"],
        ),
        (
            "Turkish Foreign Minister Hakan Fidan visited Riyadh. Fidan met Saudi officials there.",
            "Hakan Fidan",
            &["Fidan", "Hakan Fidan"],
        ),
        (
            "Washington and America differ. The US acts.",
            "United States",
            &["America", "US", "Washington"],
        ),
        (
            "Asa'ib Ahl al-Haq grew in the south. Later Asa’ib Ahl al-Haq and Kata'ib Hezbollah joined Kataib Hezbollah fighters.",
            "Kata'ib Hezbollah",
            &["Kata'ib Hezbollah", "Kataib Hezbollah"],
        ),
        (
            "The Federal Reserve Bank of New York froze funds. The Federal Reserve later relented.",
            "Federal Reserve Bank of New York",
            &["Federal Reserve", "Federal Reserve Bank of New York"],
        ),
    ];
    for (text, name, aliases) in cases {
        let extraction = extract(text);
        let entity = extraction
            .entities
            .iter()
            .find(|e| e.name == *name)
            .unwrap_or_else(|| panic!("{name} not found in {:?}", names(&extraction)));
        assert_eq!(entity.aliases, *aliases, "{text}");
    }
}

/// Names that differ by the country they name are different bodies, whether the countries are in
/// front or after "of".
#[test]
fn names_of_different_countries_stay_apart() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Fighting between the Armed Forces of Yemen and the Armed Forces of the Kingdom of Saudi Arabia went on.",
            &[
                "Armed Forces of Yemen",
                "Armed Forces of the Kingdom of Saudi Arabia",
            ],
        ),
        (
            "The Chilean Ministry of Mines and the Peruvian Ministry of Mines met in Lima.",
            &["Chilean Ministry of Mines", "Peruvian Ministry of Mines"],
        ),
    ];
    let lexicon = crate::extract::lexicon::Lexicon::embedded().expect("the embedded lexicon loads");
    for (text, expected) in cases {
        let documents = vec![Document {
            name: "test.txt".into(),
            text: (*text).into(),
        }];
        let extraction = extract_corpus(&documents, &lexicon, ExtractOptions::default());
        let found = names(&extraction);
        let kept: Vec<&str> = found
            .iter()
            .copied()
            .filter(|name| expected.contains(name))
            .collect();
        assert_eq!(kept, *expected, "{text}: {found:?}");
    }
}

#[test]
fn relation_rules_fire() {
    use RelationClass::*;
    /// (subject, class, object, rule, negated)
    type Expected<'a> = (&'a str, RelationClass, &'a str, &'a str, bool);
    let cases: &[(&str, Expected)] = &[
        (
            "The Houthi Movement attacked Saudi Arabia in March.",
            ("Houthi Movement", Conflict, "Saudi Arabia", "verb", false),
        ),
        (
            "Turkish President Recep Tayyip Erdogan spoke on Monday.",
            ("Recep Tayyip Erdogan", Leads, "Turkey", "title", false),
        ),
        (
            "Abdul Malik al-Houthi, leader of Ansar Allah, spoke on Monday.",
            (
                "Abdul Malik al-Houthi",
                Leads,
                "Ansar Allah",
                "apposition",
                false,
            ),
        ),
        (
            "The head of the Muslim Brotherhood, Mohammed Badie, was arrested.",
            (
                "Mohammed Badie",
                Leads,
                "Muslim Brotherhood",
                "apposition",
                false,
            ),
        ),
        (
            "Several units within the Syrian Democratic Forces, such as the People Protection Units and the Women Protection Units, fought on.",
            (
                "Women Protection Units",
                PartOf,
                "Syrian Democratic Forces",
                "such-as",
                false,
            ),
        ),
        (
            "Observers noted rising US-China tensions this year.",
            ("United States", Conflict, "China", "compound-pair", false),
        ),
        (
            "Iran-backed fighters within the Houthi Movement fired missiles.",
            (
                "Iran",
                Cooperation,
                "Houthi Movement",
                "compound-modifier",
                false,
            ),
        ),
        (
            "Analysts watch Turkey's Justice and Development Party closely.",
            (
                "Justice and Development Party",
                PartOf,
                "Turkey",
                "possessive",
                false,
            ),
        ),
        (
            "Observers describe the tensions between Iran and Saudi Arabia as old.",
            ("Iran", Conflict, "Saudi Arabia", "between", false),
        ),
        (
            "Yemen was invaded by Saudi Arabia in 2015.",
            ("Saudi Arabia", Conflict, "Yemen", "verb", false),
        ),
        (
            "Qatar did not sign the accord with Iran.",
            ("Qatar", Cooperation, "Iran", "verb", true),
        ),
        (
            "Syria, Iran and Qatar signed a deal with China in 2020.",
            ("Qatar", Cooperation, "China", "verb", false),
        ),
        (
            "Qatar has deep relations with Turkey.",
            ("Qatar", Cooperation, "Turkey", "relation-noun", false),
        ),
        (
            "Washington supported the Free Syrian Army and the Kurdish Peshmerga Forces.",
            (
                "United States",
                Cooperation,
                "Kurdish Peshmerga Forces",
                "verb",
                false,
            ),
        ),
    ];
    for (text, (subject, class, object, rule, negated)) in cases {
        let relations = asserted(&extract(text));
        let expected = (
            subject.to_string(),
            *class,
            object.to_string(),
            *rule,
            *negated,
        );
        assert!(
            relations.contains(&expected),
            "{text}\nexpected {expected:?}\ngot {relations:?}"
        );
    }
}

#[test]
fn unrelated_pairs_are_co_mentions_only() {
    let extraction = extract("Qatar and Yemen were both mentioned in the report.");
    assert!(asserted(&extraction).is_empty());
    let comentions: Vec<_> = extraction
        .relations
        .iter()
        .filter(|r| r.class == RelationClass::CoMention)
        .collect();
    assert_eq!(comentions.len(), 1);
    assert_eq!(comentions[0].rule, RuleName::from(Rule::CoMention));
}

#[test]
fn hedges_are_flagged() {
    let extraction = extract("Iran reportedly funded the Houthi Movement.");
    let relation = extraction
        .relations
        .iter()
        .find(|r| r.class == RelationClass::Cooperation)
        .expect("a funding relation");
    assert!(relation.hedged);
}
#[test]
fn capitals_stand_for_governments_but_stay_places_after_prepositions() {
    let documents = vec![Document {
        name: "m.txt".into(),
        text: "Washington imposed sanctions on Ankara. The United States and Turkey later met in Ankara."
            .into(),
    }];
    let extraction = extract_corpus(&documents, &test_lexicon(), ExtractOptions::default());
    let name = |i: usize| extraction.entities[i].name.as_str();
    let sanction = extraction
        .relations
        .iter()
        .find(|r| r.class == RelationClass::Conflict)
        .expect("a sanction");
    assert_eq!(
        (name(sanction.subject), name(sanction.object)),
        ("United States", "Turkey")
    );
    assert!(sanction.rule.metonymy, "inferred through capitals");
    let ankara = extraction
        .entities
        .iter()
        .find(|e| e.name == "Ankara")
        .expect("Ankara the city");
    assert_eq!(ankara.kind, EntityKind::Place);
    let met = extraction
        .relations
        .iter()
        .find(|r| r.class == RelationClass::Cooperation)
        .expect("a meeting");
    assert!(!met.rule.metonymy, "named by their own names");
}

#[test]
fn we_is_the_speaker_where_the_heading_says_who_speaks() {
    use RelationClass::*;
    let heading = "State of the Union Address, January 5, 2031\n\n";
    // (text after the heading or not, asserted relations with the heading, without it)
    type Case<'a> = (&'a str, &'a [(&'a str, RelationClass, &'a str)]);
    let cases: &[Case] = &[
        (
            "The United States is strong. We imposed sanctions on Iran.",
            &[("United States", Conflict, "Iran")],
        ),
        (
            "America is ready. Our support for Qatar grew, and we signed a treaty with Qatar.",
            &[("United States", Cooperation, "Qatar")],
        ),
        // "Us" and "our" stand for the speaker too; a name is never a pronoun.
        (
            "Yemen attacked us last year. The US is strong.",
            &[("Yemen", Conflict, "United States")],
        ),
        // The speaker must be named somewhere in the corpus to be an entity.
        ("We imposed sanctions on Iran.", &[]),
        // A contraction is one word, and still the speaker's.
        (
            "America is ready. We've imposed sanctions on Yemen.",
            &[("United States", Conflict, "Yemen")],
        ),
        // "I" is the state when the sentence names foreign countries and nothing else.
        (
            "America is ready. I imposed sanctions on Iran.",
            &[("United States", Conflict, "Iran")],
        ),
        (
            "America is ready. I've signed a treaty with Qatar.",
            &[("United States", Cooperation, "Qatar")],
        ),
        // Not beside an organisation (a legislature, a world body), as "we" would be.
        ("America is ready. I met the United Nations.", &[]),
        (
            "America is ready. I imposed sanctions on Iran at the United Nations.",
            &[],
        ),
        (
            "America is ready. We met the United Nations.",
            &[("United States", Cooperation, "United Nations")],
        ),
    ];
    for &(text, expected) in cases {
        let with: Vec<_> = asserted(&extract(&format!("{heading}{text}")))
            .into_iter()
            .map(|(subject, class, object, _, _)| (subject, class, object))
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|&(s, c, o)| (s.to_string(), c, o.to_string()))
            .collect();
        assert_eq!(with, expected, "{text}");
        let without = asserted(&extract(text));
        assert!(without.is_empty(), "{text}: {without:?}");
    }
}
