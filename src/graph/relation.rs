//! `Relation`: an edge of the graph, what one entity is said to do to another, with the sentences
//! that say it.

use super::evidence::Evidence;
use super::evidence_list::EvidenceList;
use crate::model::{RelationClass, Statement, Symbol};
use serde::{Deserialize, Serialize};

/// An edge: the subject (source) acts on the object (target).
///
/// Held in 32 bytes: the predicate is an interned [`Symbol`], and a single sentence of evidence sits inline
/// (an `EvidenceList`). Files hold the same fields as ever, the predicate and rule names as text.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "RelationRecord")]
pub struct Relation {
    /// A short normalised verb phrase: "impose sanctions on".
    predicate: Symbol,
    pub class: RelationClass,
    /// The text denies the relation ("did not sign").
    pub negated: bool,
    /// The text hedges the relation ("reportedly", "allegedly").
    pub hedged: bool,
    /// Every sentence that states it, sorted.
    evidence: EvidenceList,
}

impl Relation {
    /// A relation the text asserts plainly (neither negated nor hedged), stated by `evidence`, kept in
    /// the order given.
    pub fn new(
        predicate: &str,
        class: RelationClass,
        evidence: impl IntoIterator<Item = Evidence>,
    ) -> Relation {
        Relation::with_predicate(Symbol::intern(predicate), class, evidence)
    }

    /// [`Relation::new`] with the predicate already interned, for a caller making many.
    pub fn with_predicate(
        predicate: Symbol,
        class: RelationClass,
        evidence: impl IntoIterator<Item = Evidence>,
    ) -> Relation {
        Relation {
            predicate,
            class,
            negated: false,
            hedged: false,
            evidence: evidence.into_iter().collect(),
        }
    }

    /// The relation saying `statement`, stated by `evidence`, kept in the order given.
    pub fn with_statement(
        statement: Statement,
        evidence: impl IntoIterator<Item = Evidence>,
    ) -> Relation {
        Relation {
            predicate: statement.predicate,
            class: statement.class,
            negated: statement.negated,
            hedged: statement.hedged,
            evidence: evidence.into_iter().collect(),
        }
    }

    /// The relation as a file holds it.
    pub(super) fn from_parts(
        predicate: Symbol,
        class: RelationClass,
        negated: bool,
        hedged: bool,
        evidence: EvidenceList,
    ) -> Relation {
        Relation {
            predicate,
            class,
            negated,
            hedged,
            evidence,
        }
    }

    /// The same relation, denied by the text when `negated`.
    pub fn with_negated(self, negated: bool) -> Relation {
        Relation { negated, ..self }
    }

    /// The same relation, hedged by the text when `hedged`.
    pub fn with_hedged(self, hedged: bool) -> Relation {
        Relation { hedged, ..self }
    }

    /// A short normalised verb phrase: "impose sanctions on".
    pub fn predicate(&self) -> &'static str {
        self.predicate.as_str()
    }

    /// The predicate, interned: comparing symbols is comparing predicates.
    pub fn predicate_symbol(&self) -> Symbol {
        self.predicate
    }

    /// Every sentence that states it, sorted.
    pub fn evidence(&self) -> &[Evidence] {
        self.evidence.as_slice()
    }

    /// What it says, apart from its ends and evidence: the part of its [`crate::model::EdgeKey`] it
    /// holds. The graph keeps one edge for relations saying the same between the same two entities.
    pub fn statement(&self) -> Statement {
        Statement {
            predicate: self.predicate,
            class: self.class,
            negated: self.negated,
            hedged: self.hedged,
        }
    }

    /// Adds the sentences of `evidence` it does not have yet, and sorts them all.
    ///
    /// # Complexity
    /// O((n + m) log (n + m)) for n sentences held and m given: a caller with many to add (loading a
    /// file that states one relation many times) adds them in one call, not one call each.
    pub(super) fn add_evidence(&mut self, evidence: &[Evidence]) {
        #[cfg(test)]
        merge_work::add(self.evidence().len() + evidence.len());
        let mut all = std::mem::take(&mut self.evidence).into_vec();
        let mut new = evidence.to_vec();
        new.sort_unstable();
        new.dedup();
        // What it holds, sorted to be searched; only copied when it is not sorted already (a
        // hand-edited file). Sentences it holds twice stay twice, as they always have.
        let held: std::borrow::Cow<'_, [Evidence]> = if all.is_sorted() {
            std::borrow::Cow::Borrowed(&all)
        } else {
            let mut sorted = all.clone();
            sorted.sort_unstable();
            std::borrow::Cow::Owned(sorted)
        };
        new.retain(|item| held.binary_search(item).is_err());
        all.extend(new);
        all.sort();
        self.evidence = EvidenceList::from_vec(all);
    }
}

/// How much work merging relations did, counted for tests that bound it: the sentences
/// [`Relation::add_evidence`] handled and the edges [`super::KnowledgeGraph::add_relation`] compared.
#[cfg(test)]
pub(crate) mod merge_work {
    use std::cell::Cell;

    thread_local! {
        static COUNT: Cell<usize> = const { Cell::new(0) };
    }

    /// Counts `items` more.
    pub(crate) fn add(items: usize) {
        COUNT.with(|count| count.set(count.get() + items));
    }

    /// The count so far on this thread, which starts again from zero.
    pub(crate) fn take() -> usize {
        COUNT.with(|count| count.replace(0))
    }
}

impl std::fmt::Debug for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relation")
            .field("predicate", &self.predicate())
            .field("class", &self.class)
            .field("negated", &self.negated)
            .field("hedged", &self.hedged)
            .field("evidence", &self.evidence())
            .finish()
    }
}

impl Serialize for Relation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RelationRecordRef {
            predicate: self.predicate,
            class: self.class,
            negated: self.negated,
            hedged: self.hedged,
            evidence: self.evidence(),
        }
        .serialize(serializer)
    }
}

/// A relation as files write it: the fields of the model, in its order.
#[derive(Serialize)]
#[serde(rename = "Relation")]
struct RelationRecordRef<'a> {
    predicate: Symbol,
    class: RelationClass,
    negated: bool,
    hedged: bool,
    evidence: &'a [Evidence],
}

/// What [`RelationRecordRef`] writes, read back.
#[derive(Deserialize)]
#[serde(rename = "Relation")]
struct RelationRecord {
    predicate: Symbol,
    class: RelationClass,
    negated: bool,
    #[serde(default)]
    hedged: bool,
    #[serde(deserialize_with = "EvidenceList::deserialize_from::<_, Evidence>")]
    evidence: EvidenceList,
}

impl From<RelationRecord> for Relation {
    fn from(record: RelationRecord) -> Relation {
        Relation::from_parts(
            record.predicate,
            record.class,
            record.negated,
            record.hedged,
            record.evidence,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_relation_with_one_sentence_is_32_bytes() {
        // What a relation costs in memory: see "Memory" in docs/performance.md.
        assert_eq!(std::mem::size_of::<Evidence>(), 24);
        assert_eq!(std::mem::size_of::<Relation>(), 32);
        assert_eq!(std::mem::size_of::<Option<Relation>>(), 32);
    }

    #[test]
    fn files_hold_the_same_fields() {
        let evidence = |start| Evidence::new(0, Span::new(start, 15), "verb", None);
        let one = Relation::new("meet", RelationClass::Cooperation, [evidence(0)]);
        let two = Relation::new(
            "meet",
            RelationClass::Cooperation,
            [evidence(0), evidence(1)],
        )
        .with_negated(true)
        .with_hedged(true);
        let cases = [
            (
                &one,
                "(predicate:\"meet\",class:Cooperation,negated:false,hedged:false,evidence:[(document:0,span:(start:0,end:15),rule:\"verb\")])",
            ),
            (
                &two,
                "(predicate:\"meet\",class:Cooperation,negated:true,hedged:true,evidence:[(document:0,span:(start:0,end:15),rule:\"verb\"),(document:0,span:(start:1,end:15),rule:\"verb\")])",
            ),
        ];
        for (relation, text) in cases {
            assert_eq!(ron::to_string(relation).unwrap(), text);
            assert_eq!(&ron::from_str::<Relation>(text).unwrap(), relation);
        }
        // Files from before `hedged` existed.
        let old = "(predicate:\"meet\",class:Cooperation,negated:false,evidence:[])";
        let read = ron::from_str::<Relation>(old).unwrap();
        assert!(!read.hedged && read.evidence().is_empty());
    }

    #[test]
    fn adding_evidence_keeps_one_copy_of_each_sorted() {
        let evidence = |start| Evidence::new(0, Span::new(start, 15), "verb", None);
        let mut relation = Relation::new("meet", RelationClass::Cooperation, [evidence(5)]);
        relation.add_evidence(&[evidence(5)]);
        assert_eq!(relation.evidence(), [evidence(5)]);
        relation.add_evidence(&[evidence(9), evidence(1), evidence(5)]);
        assert_eq!(relation.evidence(), [evidence(1), evidence(5), evidence(9)]);
        // Given twice in one call, added once; held twice (a hand-edited file), kept twice.
        relation.add_evidence(&[evidence(7), evidence(7)]);
        assert_eq!(
            relation.evidence(),
            [evidence(1), evidence(5), evidence(7), evidence(9)]
        );
        let mut twice = Relation::new(
            "meet",
            RelationClass::Cooperation,
            [evidence(9), evidence(3), evidence(9)],
        );
        twice.add_evidence(&[evidence(3), evidence(4)]);
        assert_eq!(
            twice.evidence(),
            [evidence(3), evidence(4), evidence(9), evidence(9)]
        );
    }
}
