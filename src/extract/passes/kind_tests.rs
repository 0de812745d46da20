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
