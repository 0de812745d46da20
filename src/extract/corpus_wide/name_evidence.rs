//! What the corpus says of one name: the facts alias resolution reads about a key group ("every
//! mention written *Maliki*", "every mention of the lexicon's Iraq"), gathered document by document and
//! combined by sums, unions and minima, so that the facts of a corpus are the same however its
//! documents were split.

use crate::model::EntityKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What mentions are grouped by before alias resolution: a lexicon mention by its lexicon entity, any
/// other by the surface key of its spelling (case, apostrophes, hyphens and a leading "the" ignored).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum NameKey {
    /// A lexicon entity, by its index in the lexicon.
    Lexicon(usize),
    /// A surface key ([`crate::model::surface_key`]).
    Surface(String),
}

/// Where a mention is in the whole corpus: its document's index in the corpus (the order a single
/// build reads the documents in) and its number among the document's mentions. The single build
/// numbers key groups by their first mention, so a group's first position decides its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MentionPosition {
    pub document: u32,
    pub mention: u32,
}

/// The facts of one key group, as alias resolution reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameEvidence {
    /// Its first mention: groups are numbered in this order.
    pub first: MentionPosition,
    /// Surfaces as written, with how often.
    pub surfaces: BTreeMap<String, usize>,
    /// The kinds its mentions' words give, with how often (bare acronyms left out).
    pub kinds: BTreeMap<EntityKind, usize>,
    /// The kinds its bare acronyms were given for being acronyms ("PMF": Organization).
    pub acronym_kinds: BTreeMap<EntityKind, usize>,
    /// A mention has a title before it ("Prime Minister").
    pub titled: bool,
    /// A mention is an acronym defined in parentheses.
    pub acronym: bool,
    /// Every mention is a single word at the very start of its sentence.
    pub all_sentence_initial: bool,
    /// Every mention is in a heading, table row or other fragment.
    pub all_fragment: bool,
    /// How many mentions, how many follow "the" or a preposition of place, how many the latter.
    pub mentions: usize,
    pub determined: usize,
    pub locative: usize,
    /// A mention is written with an en or em dash.
    pub dashed: bool,
    /// For an event named after a country ("Kuwait crisis"): the country (a lexicon index) its last
    /// such mention names, with where that mention is.
    pub event_country: Option<(MentionPosition, usize)>,
    /// How many of its mentions the words around them call a person ("X, who", "X, 45,", "the
    /// physicist X", "X argues", "X and his aides").
    pub person_cues: usize,
    /// How many of its mentions are the nearest name before a personal pronoun ("he", "his"):
    /// weaker evidence than [`NameEvidence::person_cues`].
    pub pronoun_cues: usize,
    /// A document that mentions it also names a mention by its last word alone ("Lena Okafor" …
    /// "Okafor said"): people are called by their surname, things seldom by their last word.
    pub surname_alone: bool,
}

impl NameEvidence {
    /// The facts of no mention yet, first seen at `first`.
    pub fn new(first: MentionPosition) -> NameEvidence {
        NameEvidence {
            first,
            surfaces: BTreeMap::new(),
            kinds: BTreeMap::new(),
            acronym_kinds: BTreeMap::new(),
            titled: false,
            acronym: false,
            all_sentence_initial: true,
            all_fragment: true,
            mentions: 0,
            determined: 0,
            locative: 0,
            dashed: false,
            event_country: None,
            person_cues: 0,
            pronoun_cues: 0,
            surname_alone: false,
        }
    }

    /// The facts of both: counts added, flags joined, the earlier first mention and the later event.
    /// Associative and commutative, so evidence combines in any grouping and order.
    pub fn combine(&mut self, other: NameEvidence) {
        self.first = self.first.min(other.first);
        add_counts(&mut self.surfaces, other.surfaces);
        add_counts(&mut self.kinds, other.kinds);
        add_counts(&mut self.acronym_kinds, other.acronym_kinds);
        self.titled |= other.titled;
        self.acronym |= other.acronym;
        self.all_sentence_initial &= other.all_sentence_initial;
        self.all_fragment &= other.all_fragment;
        self.mentions += other.mentions;
        self.determined += other.determined;
        self.locative += other.locative;
        self.dashed |= other.dashed;
        self.person_cues += other.person_cues;
        self.pronoun_cues += other.pronoun_cues;
        self.surname_alone |= other.surname_alone;
        self.event_country = match (self.event_country, other.event_country) {
            (Some(mine), Some(theirs)) => Some(mine.max(theirs)),
            (mine, theirs) => mine.or(theirs),
        };
    }
}

/// Adds `other`'s counts to `counts`.
pub(crate) fn add_counts<K: Ord>(counts: &mut BTreeMap<K, usize>, other: BTreeMap<K, usize>) {
    for (key, count) in other {
        *counts.entry(key).or_default() += count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(document: u32, mention: u32) -> MentionPosition {
        MentionPosition { document, mention }
    }

    fn evidence(first: MentionPosition, surface: &str, event: Option<u32>) -> NameEvidence {
        let mut name = NameEvidence::new(first);
        name.surfaces.insert(surface.to_string(), 1);
        name.mentions = 1;
        name.kinds.insert(EntityKind::Person, 1);
        name.all_sentence_initial = first.document == 0;
        name.event_country = event.map(|country| (first, country as usize));
        name.person_cues = 1;
        name.pronoun_cues = first.document as usize;
        name.surname_alone = first.document == 1;
        name
    }

    /// Combining is associative and commutative: every grouping and order gives the same facts.
    #[test]
    fn combining_is_the_same_in_any_order() {
        let parts = [
            evidence(at(2, 5), "Maliki", Some(7)),
            evidence(at(0, 1), "maliki", None),
            evidence(at(1, 0), "Maliki", Some(3)),
        ];
        let combine = |order: [usize; 3]| {
            let mut all = parts[order[0]].clone();
            all.combine(parts[order[1]].clone());
            all.combine(parts[order[2]].clone());
            all
        };
        let expected = combine([0, 1, 2]);
        for order in [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            assert_eq!(combine(order), expected, "{order:?}");
        }
        assert_eq!(expected.first, at(0, 1));
        assert_eq!(expected.mentions, 3);
        assert_eq!(expected.surfaces["Maliki"], 2);
        assert_eq!(expected.kinds[&EntityKind::Person], 3);
        assert_eq!((expected.person_cues, expected.pronoun_cues), (3, 3));
        assert!(expected.surname_alone);
        assert!(!expected.all_sentence_initial);
        // The last event mention names the country, as a single build's last one does.
        assert_eq!(expected.event_country, Some((at(2, 5), 7)));
    }
}
