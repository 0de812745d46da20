//! What the rules' tables share: a text run through the whole extraction, and the asserted
//! relations it gives, compared with the ones a table expects.
//!
//! The tables use sentences written for them (about Turkey and the Kurds, the Gulf, Yemen, Sudan,
//! Ukraine), not taken from the corpus in `data/`. Each case lists every asserted (non-co-mention)
//! relation its text gives, so a rule that starts reading more, or less, shows up.
//!
//! The tables reach the extraction only through this file.

use crate::extract::lexicon::Lexicon;
use crate::extract::{ExtractOptions, Extraction, extract_corpus};
use crate::model::{Period, RelationClass, Rule};
use crate::text::Document;

pub(super) use crate::extract::test_lexicon::test_lexicon;

/// One asserted relation: its ends by name, class, rule, flags and time. Tables write the names as
/// `&'static str` ([`Expected`]); an extraction gives `String`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading<Name> {
    pub(super) subject: Name,
    pub(super) class: RelationClass,
    pub(super) object: Name,
    pub(super) rule: Rule,
    pub(super) negated: bool,
    pub(super) hedged: bool,
    pub(super) time: Option<Period>,
}

/// A reading a table expects.
pub(super) type Expected = Reading<&'static str>;

/// A table: each text, with every asserted relation it gives, in the order read.
pub(super) type Cases<'a> = &'a [(&'a str, &'a [Expected])];

/// `rule` reads `subject` `class` `object`, not negated, not hedged, at no time.
pub(super) const fn reading(
    subject: &'static str,
    class: RelationClass,
    object: &'static str,
    rule: Rule,
) -> Expected {
    Reading {
        subject,
        class,
        object,
        rule,
        negated: false,
        hedged: false,
        time: None,
    }
}

impl Expected {
    /// The same reading, denied ("did not attack").
    pub(super) const fn negated(self) -> Expected {
        Reading {
            negated: true,
            ..self
        }
    }

    /// The same reading, hedged ("reportedly").
    pub(super) const fn hedged(self) -> Expected {
        Reading {
            hedged: true,
            ..self
        }
    }

    /// The same reading, at `time`.
    pub(super) const fn at(self, time: Period) -> Expected {
        Reading {
            time: Some(time),
            ..self
        }
    }

    fn owned(&self) -> Reading<String> {
        Reading {
            subject: self.subject.to_string(),
            class: self.class,
            object: self.object.to_string(),
            rule: self.rule,
            negated: self.negated,
            hedged: self.hedged,
            time: self.time,
        }
    }
}

/// One year.
pub(super) const fn year(year: i32) -> Period {
    years(year, year)
}

/// From `from` to `to`.
pub(super) const fn years(from: i32, to: i32) -> Period {
    Period {
        from: Some(from),
        to: Some(to),
    }
}

/// From `year` on.
pub(super) const fn since(year: i32) -> Period {
    Period {
        from: Some(year),
        to: None,
    }
}

/// Up to `year`.
pub(super) const fn until(year: i32) -> Period {
    Period {
        from: None,
        to: Some(year),
    }
}

/// The lexicon a build uses.
pub(super) fn embedded() -> Lexicon {
    match Lexicon::embedded() {
        Ok(lexicon) => lexicon,
        Err(error) => panic!("the embedded lexicon loads: {error}"),
    }
}

/// A corpus of one document, `text`.
fn documents(text: &str) -> Vec<Document> {
    vec![Document {
        name: "test.txt".into(),
        text: text.into(),
    }]
}

/// The extraction of a corpus of one document, `text`.
pub(super) fn extract(text: &str, lexicon: &Lexicon) -> Extraction {
    extract_documents(&documents(text), lexicon)
}

/// The extraction of `corpus`.
pub(super) fn extract_documents(corpus: &[Document], lexicon: &Lexicon) -> Extraction {
    extract_corpus(corpus, lexicon, ExtractOptions::default())
}

/// The extraction of a corpus of one document, `text`, with "it", "the group" and the like left
/// unresolved.
pub(super) fn extract_without_references(text: &str, lexicon: &Lexicon) -> Extraction {
    let options = ExtractOptions {
        resolve_references: false,
        ..ExtractOptions::default()
    };
    extract_corpus(&documents(text), lexicon, options)
}

/// Every asserted relation of an extraction, in the order read.
pub(super) fn readings(extraction: &Extraction) -> Vec<Reading<String>> {
    extraction
        .relations
        .iter()
        .filter(|r| r.class != RelationClass::CoMention)
        .map(|r| Reading {
            subject: extraction.entities[r.subject].name.clone(),
            class: r.class,
            object: extraction.entities[r.object].name.clone(),
            rule: r.rule.rule,
            negated: r.negated,
            hedged: r.hedged,
            time: r.time,
        })
        .collect()
}

/// The readings a table expects, with names as an extraction gives them.
pub(super) fn owned(expected: &[Expected]) -> Vec<Reading<String>> {
    expected.iter().map(Expected::owned).collect()
}

/// Asserts that each text of `cases` gives exactly its readings, with `lexicon`.
pub(super) fn assert_cases(lexicon: &Lexicon, cases: Cases) {
    for (text, expected) in cases {
        let got = readings(&extract(text, lexicon));
        assert_eq!(got, owned(expected), "{text}");
    }
}
