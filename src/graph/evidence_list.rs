//! `EvidenceList`: the sentences of a relation, with the usual single one held inline.
//!
//! Most relations are stated by one sentence. A `Vec` would put that one on the heap behind 24 bytes of
//! pointer, capacity and length; here it sits in the relation itself, and only two sentences or more (or
//! none, which a hand-edited file may hold) take a boxed slice. The list is as large as one `Evidence`:
//! the boxed slice fits beside the niche of the evidence's rule symbol.

use super::evidence::Evidence;
use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use std::fmt::Display;
use std::marker::PhantomData;

/// A relation's evidence, in the order given.
#[derive(Clone)]
pub(crate) enum EvidenceList {
    One(Evidence),
    /// No sentence, or two or more.
    Many(Box<[Evidence]>),
}

impl Default for EvidenceList {
    fn default() -> Self {
        EvidenceList::Many(Box::default())
    }
}

impl EvidenceList {
    pub(crate) fn as_slice(&self) -> &[Evidence] {
        match self {
            EvidenceList::One(evidence) => std::slice::from_ref(evidence),
            EvidenceList::Many(evidence) => evidence,
        }
    }

    pub(crate) fn from_vec(mut evidence: Vec<Evidence>) -> EvidenceList {
        match evidence.as_slice() {
            [one] => EvidenceList::One(*one),
            _ => {
                evidence.shrink_to_fit();
                EvidenceList::Many(evidence.into_boxed_slice())
            }
        }
    }

    pub(crate) fn into_vec(self) -> Vec<Evidence> {
        match self {
            EvidenceList::One(evidence) => vec![evidence],
            EvidenceList::Many(evidence) => evidence.into_vec(),
        }
    }

    /// Reads a sequence of `T` (evidence as some file writes it) without a vector for a single sentence.
    pub(crate) fn deserialize_from<'de, D, T>(deserializer: D) -> Result<EvidenceList, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + TryInto<Evidence>,
        T::Error: Display,
    {
        deserializer.deserialize_seq(ListVisitor::<T>(PhantomData))
    }
}

impl FromIterator<Evidence> for EvidenceList {
    fn from_iter<I: IntoIterator<Item = Evidence>>(iter: I) -> EvidenceList {
        let mut iter = iter.into_iter();
        let Some(first) = iter.next() else {
            return EvidenceList::default();
        };
        let Some(second) = iter.next() else {
            return EvidenceList::One(first);
        };
        let mut evidence = vec![first, second];
        evidence.extend(iter);
        EvidenceList::from_vec(evidence)
    }
}

impl PartialEq for EvidenceList {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for EvidenceList {}

impl std::fmt::Debug for EvidenceList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for ListVisitor<T>
where
    T: Deserialize<'de> + TryInto<Evidence>,
    T::Error: Display,
{
    type Value = EvidenceList;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of evidence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<EvidenceList, A::Error> {
        let mut next = || -> Result<Option<Evidence>, A::Error> {
            match seq.next_element::<T>()? {
                Some(item) => item.try_into().map(Some).map_err(serde::de::Error::custom),
                None => Ok(None),
            }
        };
        let Some(first) = next()? else {
            return Ok(EvidenceList::default());
        };
        let Some(second) = next()? else {
            return Ok(EvidenceList::One(first));
        };
        let mut evidence = vec![first, second];
        while let Some(item) = next()? {
            evidence.push(item);
        }
        Ok(EvidenceList::from_vec(evidence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn evidence(start: usize) -> Evidence {
        Evidence::new(0, Span::new(start, start + 1), "verb", None)
    }

    #[test]
    fn one_sentence_is_inline_and_the_list_is_as_small_as_it() {
        assert!(matches!(
            [evidence(0)].into_iter().collect(),
            EvidenceList::One(_)
        ));
        assert!(matches!(
            EvidenceList::from_vec(vec![evidence(0)]),
            EvidenceList::One(_)
        ));
        for n in [0, 2, 3] {
            let list: EvidenceList = (0..n).map(evidence).collect();
            assert!(matches!(list, EvidenceList::Many(_)), "{n}");
            assert_eq!(list.as_slice(), (0..n).map(evidence).collect::<Vec<_>>());
            assert_eq!(list.clone().into_vec().len(), n);
        }
        #[cfg(target_pointer_width = "64")]
        assert_eq!(
            std::mem::size_of::<EvidenceList>(),
            std::mem::size_of::<Evidence>()
        );
    }

    #[test]
    fn reads_lists_of_any_length() {
        for n in 0..4 {
            let list: EvidenceList = (0..n).map(evidence).collect();
            let text = ron::to_string(list.as_slice()).unwrap();
            let mut deserializer = ron::Deserializer::from_str(&text).unwrap();
            let read = EvidenceList::deserialize_from::<_, Evidence>(&mut deserializer).unwrap();
            assert_eq!(read, list, "{text}");
        }
    }
}
