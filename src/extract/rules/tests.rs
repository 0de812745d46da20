//! Tables of what the whole extraction gives across the rules: the time each relation carries, and
//! references ("it", "he", "the group") standing for the entity named before. The cases of one rule
//! are beside the rule, in its file.

use super::test_support::*;
use crate::model::RelationClass::{Conflict, Cooperation, Leads, Other};
use crate::model::Rule::{Between, JointSubject, Title, Verb};

#[test]
fn time_travels_with_each_relation() {
    let cases: Cases = &[
        (
            "In 2019, Qatar signed a deal with Turkey.",
            &[reading("Qatar", Cooperation, "Turkey", Verb).at(year(2019))],
        ),
        (
            "Since 2014, Saudi Arabia has attacked Yemen.",
            &[reading("Saudi Arabia", Conflict, "Yemen", Verb).at(since(2014))],
        ),
        (
            "In 2017, Turkey and Qatar signed a defence pact.",
            &[reading("Turkey", Cooperation, "Qatar", JointSubject).at(year(2017))],
        ),
        // Only the sentence that names a period carries it.
        (
            "Saudi Arabia attacked Yemen in 2015. The UN later supported Yemen.",
            &[
                reading("Saudi Arabia", Conflict, "Yemen", Verb).at(year(2015)),
                reading("United Nations", Cooperation, "Yemen", Verb),
            ],
        ),
    ];
    assert_cases(&test_lexicon(), cases);
}

#[test]
fn references_stand_for_the_entity_named_before() {
    let cases: Cases = &[
        // "it" before a verb: the last country or group.
        (
            "Qatar hosted talks. It signed a deal with Turkey.",
            &[reading("Qatar", Cooperation, "Turkey", Verb)],
        ),
        (
            "The Houthi Movement rejected the truce. Later it accepted the offer of the UN.",
            &[reading(
                "Houthi Movement",
                Cooperation,
                "United Nations",
                Verb,
            )],
        ),
        // "he" before a verb: the last person.
        (
            "Turkish President Recep Tayyip Erdogan spoke. He renewed the agreement with Qatar.",
            &[
                reading("Recep Tayyip Erdogan", Leads, "Turkey", Title),
                reading("Recep Tayyip Erdogan", Other, "Qatar", Verb),
            ],
        ),
        // "the group": the last group or organisation.
        (
            "The Houthi Movement seized the capital. Iran later funded the group.",
            &[reading("Iran", Cooperation, "Houthi Movement", Verb)],
        ),
        // "the country": the last country.
        (
            "Saudi Arabia attacked Yemen. The UN later supported the country.",
            &[
                reading("Saudi Arabia", Conflict, "Yemen", Verb),
                reading("United Nations", Cooperation, "Yemen", Verb),
            ],
        ),
        // Three sentences on, "it" is more often a thing named without a name.
        (
            "Qatar hosted the talks. The talks were long. The weather was hot. The report was \
             short. It attacked Yemen.",
            &[],
        ),
        // Two sentences on, it is still the last country.
        (
            "Qatar hosted the talks. The talks were long. It attacked Yemen.",
            &[reading("Qatar", Conflict, "Yemen", Verb)],
        ),
    ];
    assert_cases(&test_lexicon(), cases);
}

/// "The two countries", "both governments" stand for the two countries named just before, and the
/// rules read them as "A and B".
#[test]
fn pair_references_stand_for_the_two_named_before() {
    let cases: Cases = &[
        // "between the two countries": between the two.
        (
            "Chile and Peru held elections. The rivalry between the two countries eased in 1990.",
            &[reading("Chile", Conflict, "Peru", Between).at(year(1990))],
        ),
        // The two as a joint subject.
        (
            "Ghana hosted Togo. The two governments signed a trade pact.",
            &[
                reading("Ghana", Cooperation, "Togo", Verb),
                reading("Ghana", Cooperation, "Togo", JointSubject),
            ],
        ),
        // The two as a verb's objects; the sentence's own subject is not one of them.
        (
            "Sudan and Chad held talks. Libya later attacked both countries.",
            &[
                reading("Libya", Conflict, "Sudan", Verb),
                reading("Libya", Conflict, "Chad", Verb),
            ],
        ),
        // Named in the same sentence: the verb and the joint subject read one link, kept once.
        (
            "Kenya hosted Uganda in May; the two nations then signed a treaty.",
            &[reading("Kenya", Cooperation, "Uganda", JointSubject)],
        ),
        // Three countries named: which two is a guess, and none is made.
        (
            "Chile, Peru and Bolivia held elections. The two countries signed a treaty.",
            &[],
        ),
        // Named two sentences before, and three: too long before.
        (
            "Chile and Peru held elections. Turnout was high in the north. The two countries \
             signed a treaty.",
            &[reading("Chile", Cooperation, "Peru", JointSubject)],
        ),
        (
            "Chile and Peru held elections. Turnout was high in the north. Rain fell in the south. \
             The two countries signed a treaty.",
            &[],
        ),
        // In a speech, the speaker is one of the two, named or not.
        (
            "State of the Union Address\n\nThe United States held elections. Turnout was high in \
             the north. Rain fell in the south. Snow closed the mountain passes. Peru held \
             elections. The two countries signed a treaty.",
            &[reading("United States", Cooperation, "Peru", JointSubject)],
        ),
        // Sides of a border are places, not parties.
        (
            "Chile and Peru held elections. Troops gathered on both sides of the border.",
            &[],
        ),
    ];
    assert_cases(&embedded(), cases);
}

#[test]
fn references_can_be_turned_off() {
    let text = "Qatar hosted talks. It signed a deal with Turkey.";
    let extraction = extract_without_references(text, &test_lexicon());
    assert_eq!(readings(&extraction), owned(&[]));
}

#[test]
fn a_demonym_and_army_name_the_national_force() {
    let extraction = extract(
        "The Turkish army attacked the Kurdistan Workers Party in 2019.",
        &embedded(),
    );
    let names: Vec<&str> = extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"Turkish army"), "{names:?}");
    assert_eq!(
        readings(&extraction),
        owned(&[reading("Turkish army", Conflict, "Kurdistan Workers Party", Verb).at(year(2019))])
    );
}
