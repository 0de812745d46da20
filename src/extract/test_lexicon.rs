//! A small hand-made lexicon for unit tests, so rule tests do not move when the data files grow.

use super::lexicon::{ClassedNoun, HeadNoun, Lexicon, LexiconEntity, Title, Verb, WordLists};
use crate::model::{EntityKind, RelationClass};

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn country(
    name: &str,
    aliases: &[&str],
    capital: &str,
    demonyms: &[&str],
    prefixes: &[&str],
) -> LexiconEntity {
    LexiconEntity {
        name: name.into(),
        kind: EntityKind::Country,
        aliases: strings(aliases),
        capitals: strings(&[capital]),
        demonyms: strings(demonyms),
        prefixes: strings(prefixes),
        speeches: vec![],
        demonyms_used_otherwise: vec![],
    }
}

/// Countries (Turkey, Syria, United States, China, Yemen, Saudi Arabia, Iran, Qatar), the UN, a few
/// titles, verbs and word lists.
pub fn test_lexicon() -> Lexicon {
    let mut entities = vec![
        country(
            "Turkey",
            &["Türkiye"],
            "Ankara",
            &["Turkish", "Turks"],
            &["Turco"],
        ),
        country("Syria", &[], "Damascus", &["Syrian", "Syrians"], &[]),
        country(
            "United States",
            &["US", "U.S.", "America"],
            "Washington",
            &["American", "Americans"],
            &[],
        ),
        country("China", &[], "Beijing", &["Chinese"], &["Sino"]),
        country("Yemen", &[], "Sanaa", &["Yemeni"], &[]),
        country(
            "Saudi Arabia",
            &["KSA"],
            "Riyadh",
            &["Saudi", "Saudis"],
            &[],
        ),
        country(
            "Iran",
            &["Islamic Republic of Iran"],
            "Tehran",
            &["Iranian"],
            &[],
        ),
        country("Qatar", &[], "Doha", &["Qatari"], &[]),
        LexiconEntity {
            name: "United Nations".into(),
            kind: EntityKind::Organization,
            aliases: strings(&["UN"]),
            capitals: vec![],
            demonyms: vec![],
            prefixes: vec![],
            speeches: vec![],
            demonyms_used_otherwise: vec![],
        },
    ];
    // The address only the US president gives: its "we" is the United States.
    entities[2].speeches = strings(&["State of the Union"]);
    let titles = vec![
        Title {
            phrase: "President".into(),
            leads: true,
        },
        Title {
            phrase: "Prime Minister".into(),
            leads: true,
        },
        Title {
            phrase: "Foreign Minister".into(),
            leads: true,
        },
        Title {
            phrase: "Ambassador".into(),
            leads: true,
        },
        Title {
            phrase: "Dr.".into(),
            leads: false,
        },
    ];
    let verb = |lemma: &str, class, forms: &[&str]| Verb {
        lemma: lemma.into(),
        class,
        forms: strings(forms),
        light: false,
    };
    let verbs = vec![
        verb("sign", RelationClass::Cooperation, &[]),
        verb("attack", RelationClass::Conflict, &[]),
        verb("invade", RelationClass::Conflict, &[]),
        verb("impose", RelationClass::Conflict, &[]),
        verb("meet", RelationClass::Cooperation, &["met"]),
        verb("support", RelationClass::Cooperation, &[]),
        verb("fund", RelationClass::Cooperation, &[]),
        verb("lead", RelationClass::Leads, &["led"]),
        verb("withdraw", RelationClass::Other, &["withdrew", "withdrawn"]),
        verb("accept", RelationClass::Cooperation, &[]),
        verb("renew", RelationClass::Other, &[]),
    ];
    let classed = |list: &[(&str, RelationClass)]| {
        list.iter()
            .map(|(word, class)| ClassedNoun {
                word: word.to_string(),
                class: *class,
            })
            .collect()
    };
    let words = WordLists {
        function_words: strings(&[
            "the", "a", "an", "in", "however", "after", "this", "it", "and", "of", "since",
        ]),
        calendar_words: strings(&["January", "March", "Monday"]),
        non_actor_words: strings(&["Sunni", "Shia", "Kurd"]),
        head_nouns: vec![
            HeadNoun {
                word: "Party".into(),
                kind: EntityKind::PoliticalGroup,
            },
            HeadNoun {
                word: "Forces".into(),
                kind: EntityKind::ArmedGroup,
            },
            HeadNoun {
                word: "Corporation".into(),
                kind: EntityKind::Organization,
            },
            HeadNoun {
                word: "Council".into(),
                kind: EntityKind::Organization,
            },
            HeadNoun {
                word: "Initiative".into(),
                kind: EntityKind::Agreement,
            },
            HeadNoun {
                word: "Resolution".into(),
                kind: EntityKind::Agreement,
            },
            HeadNoun {
                word: "Bank".into(),
                kind: EntityKind::Organization,
            },
            HeadNoun {
                word: "Movement".into(),
                kind: EntityKind::PoliticalGroup,
            },
            HeadNoun {
                word: "Province".into(),
                kind: EntityKind::Place,
            },
        ],
        place_nouns: strings(&["pipeline", "oil field", "border"]),
        event_nouns: strings(&["war"]),
        group_nouns: Vec::new(),
        people_adjectives: Vec::new(),
        relation_nouns: classed(&[
            ("relations", RelationClass::Cooperation),
            ("ties", RelationClass::Cooperation),
            ("tensions", RelationClass::Conflict),
            ("rivalry", RelationClass::Conflict),
            ("strike", RelationClass::Conflict),
            ("assassination", RelationClass::Conflict),
        ]),
        role_nouns: classed(&[
            ("leader", RelationClass::Leads),
            ("head", RelationClass::Leads),
            ("chief", RelationClass::Leads),
            ("spokesperson", RelationClass::Leads),
            ("member", RelationClass::PartOf),
        ]),
        negations: strings(&["not", "never", "declined", "refused"]),
        hedges: strings(&["reportedly", "allegedly"]),
    };
    Lexicon::new(entities, titles, verbs, words)
}
