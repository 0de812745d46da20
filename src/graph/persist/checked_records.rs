//! A graph file's records read with a cancel flag checked as they go: [`RecordsSeed`] reads the
//! version, documents, entities and relations as `GraphRecords`' derived reader would, and
//! [`CheckedSeq`] reads each list, checking the flag every [`CHECK_EVERY`] elements, so that Ctrl-C stops
//! the load of a large file (the shell's `:load`) within a few milliseconds rather than after it.
//!
//! An interrupted read fails with a serde error; the caller, seeing the flag set, reports
//! [`super::PersistError::Interrupted`] instead of what the error says.

use super::format::{BinaryEntityV1, GraphRecords};
use crate::graph::cancelled::check;
use serde::Deserialize;
use serde::de::{DeserializeSeed, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::marker::PhantomData;
use std::sync::atomic::AtomicBool;

/// How many elements of a list are read between two looks at the cancel flag: an atomic load per
/// element would cost nothing measurable either, but a batch keeps the loop the compiler's.
pub(super) const CHECK_EVERY: usize = 1024;

/// The fields of a graph file, by name; any other field is read and ignored, as the derived reader did.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    FormatVersion,
    PartOfCorpus,
    Documents,
    Entities,
    Relations,
    #[serde(other)]
    Other,
}

const FIELDS: &[&str] = &[
    "format_version",
    "part_of_corpus",
    "documents",
    "entities",
    "relations",
];

/// Reads a graph file's records, checking `cancel` as it goes.
pub(super) struct RecordsSeed<'a, R> {
    pub(super) cancel: &'a AtomicBool,
    pub(super) relations: PhantomData<R>,
}

impl<'a, R> RecordsSeed<'a, R> {
    pub(super) fn new(cancel: &'a AtomicBool) -> Self {
        RecordsSeed {
            cancel,
            relations: PhantomData,
        }
    }

    fn list<T>(&self) -> CheckedSeq<'a, T> {
        CheckedSeq {
            cancel: self.cancel,
            elements: PhantomData,
        }
    }
}

impl<'de, R: Deserialize<'de>> DeserializeSeed<'de> for RecordsSeed<'_, R> {
    type Value = GraphRecords<R>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct("GraphRecords", FIELDS, self)
    }
}

impl<'de, R: Deserialize<'de>> Visitor<'de> for RecordsSeed<'_, R> {
    type Value = GraphRecords<R>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct GraphRecords")
    }

    /// The fields by position: the binary snapshot.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let missing =
            |index| A::Error::invalid_length(index, &"struct GraphRecords with 5 elements");
        let format_version: u32 = seq.next_element()?.ok_or_else(|| missing(0))?;
        // Version 1 has no part's corpus and no kind votes.
        let part_of_corpus = if format_version >= 2 {
            seq.next_element()?.ok_or_else(|| missing(1))?
        } else {
            None
        };
        let documents = seq
            .next_element_seed(self.list())?
            .ok_or_else(|| missing(2))?;
        let entities = if format_version >= 2 {
            seq.next_element_seed(self.list())?
                .ok_or_else(|| missing(3))?
        } else {
            let old: Vec<BinaryEntityV1> = seq
                .next_element_seed(self.list())?
                .ok_or_else(|| missing(3))?;
            old.into_iter().map(Into::into).collect()
        };
        Ok(GraphRecords {
            format_version,
            part_of_corpus,
            documents,
            entities,
            relations: seq
                .next_element_seed(self.list())?
                .ok_or_else(|| missing(4))?,
        })
    }

    /// The fields by name: RON.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut format_version, mut documents, mut entities, mut relations) =
            (None, None, None, None);
        let mut part_of_corpus: Option<Option<String>> = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::FormatVersion => {
                    once(&mut format_version, "format_version", map.next_value()?)?
                }
                Field::PartOfCorpus => {
                    once(&mut part_of_corpus, "part_of_corpus", map.next_value()?)?
                }
                Field::Documents => once(
                    &mut documents,
                    "documents",
                    map.next_value_seed(self.list())?,
                )?,
                Field::Entities => {
                    once(&mut entities, "entities", map.next_value_seed(self.list())?)?
                }
                Field::Relations => once(
                    &mut relations,
                    "relations",
                    map.next_value_seed(self.list())?,
                )?,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(GraphRecords {
            format_version: format_version
                .ok_or_else(|| A::Error::missing_field("format_version"))?,
            part_of_corpus: part_of_corpus.flatten(),
            documents: documents.ok_or_else(|| A::Error::missing_field("documents"))?,
            entities: entities.ok_or_else(|| A::Error::missing_field("entities"))?,
            relations: relations.ok_or_else(|| A::Error::missing_field("relations"))?,
        })
    }
}

/// Stores a field's value, refusing a field given twice as the derived reader did.
fn once<T, E: Error>(slot: &mut Option<T>, name: &'static str, value: T) -> Result<(), E> {
    if slot.replace(value).is_some() {
        return Err(E::duplicate_field(name));
    }
    Ok(())
}

/// A list read into a `Vec`, with the cancel flag checked every [`CHECK_EVERY`] elements.
pub(super) struct CheckedSeq<'a, T> {
    cancel: &'a AtomicBool,
    elements: PhantomData<T>,
}

impl<'a, T> CheckedSeq<'a, T> {
    pub(super) fn new(cancel: &'a AtomicBool) -> Self {
        CheckedSeq {
            cancel,
            elements: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for CheckedSeq<'_, T> {
    type Value = Vec<T>;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for CheckedSeq<'_, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // A length read from the file is a claim, not a promise: reserve at most a mebibyte ahead, as
        // serde's own `Vec` reader does.
        let most = (1 << 20) / std::mem::size_of::<T>().max(1);
        let mut elements = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
        loop {
            check(self.cancel).map_err(A::Error::custom)?;
            for _ in 0..CHECK_EVERY {
                match seq.next_element()? {
                    Some(element) => elements.push(element),
                    None => return Ok(elements),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Set when the element numbered `TRIP` is read, as Ctrl-C would be in the middle of a load.
    static CANCEL: AtomicBool = AtomicBool::new(false);
    /// How many elements were read.
    static READ: AtomicUsize = AtomicUsize::new(0);
    const TRIP: u32 = 1500;

    /// A number whose reading counts itself, and sets the flag when it is `TRIP`.
    struct Tripwire;

    impl<'de> Deserialize<'de> for Tripwire {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            if u32::deserialize(deserializer)? == TRIP {
                CANCEL.store(true, Ordering::Relaxed);
            }
            READ.fetch_add(1, Ordering::Relaxed);
            Ok(Tripwire)
        }
    }

    /// A flag set in the middle of a list stops it at the next check, not at its end.
    #[test]
    fn a_list_stops_at_the_first_check_after_the_flag_is_set() {
        let numbers: Vec<String> = (0..10_000).map(|n| n.to_string()).collect();
        let text = format!("[{}]", numbers.join(", "));
        let read =
            ::ron::Options::default().from_str_seed(&text, CheckedSeq::<Tripwire>::new(&CANCEL));
        assert!(read.is_err());
        assert_eq!(READ.load(Ordering::Relaxed), 2 * CHECK_EVERY);
    }
}
