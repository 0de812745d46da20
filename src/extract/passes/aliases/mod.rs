//! Pass 3, alias resolution: which mentions, across the whole corpus, name the same entity.
//!
//! Mentions are grouped by a normalised key (case, apostrophes, hyphens and a leading "the" ignored, so
//! "Kata'ib Hezbollah" and "Kataib Hezbollah", "Mohammed Shia' Al Sudani" and "Mohammed Shia al-Sudani"
//! share one). Groups are then merged by these rules, in order, each in the file named in brackets:
//!
//! 1. **lexicon** (`groups`): every surface of a lexicon entity ("US", "America", "Washington",
//!    "American").
//! 2. **acronym** (`acronyms`): an acronym defined in parentheses joins its phrase ("PMF").
//! 3. **surname** (`surnames`): a single word that is a name word of exactly one person ("Maliki",
//!    "Al-Maliki").
//! 4. **contained name** (`contained_names`): a name whose content words (connectors and known
//!    country names left out) are all inside exactly one longer name ("Federal Reserve" in "Federal
//!    Reserve Bank of New York", "Status of Forces Agreement" in "US-Iraq Status of Forces
//!    Agreement"); names with the same content words are one ("US Federal Reserve", "Federal
//!    Reserve").
//! 5. **demonym** (`demonym_names`): a demonym before a name the corpus also writes alone is that
//!    name ("Lebanese Hezbollah", "Hezbollah").
//! 6. **same event** (`events`): events named after the same country ("Kuwait crisis", "Kuwait
//!    war").
//!
//! Groups that are only ever seen as the first word of a sentence, or only in headings and tables, are
//! dropped: neither is evidence of a name (`entities`, which makes the entities of the rest).
//!
//! A group of a person's shape is a person only with a person's evidence (`groups::is_person`): a
//! title, or the words around its mentions (`person_cues`: "X, who", "X, 45,", "the physicist X",
//! "X argues", a pronoun, its last word used alone), gathered per document into its evidence.

mod acronyms;
mod contained_names;
mod demonym_names;
mod entities;
mod events;
mod groups;
mod name_context;
mod person_cues;
mod surnames;

use crate::extract::corpus_wide::{NameEvidence, NameKey};
use crate::extract::lexicon::{Lexicon, WordBuildHasher};
use crate::extract::mention::FoundMention;
use crate::model::EntityKind;
use crate::union_find::UnionFind;
use acronyms::join_acronyms;
use contained_names::ContainedNameLookups;
use demonym_names::join_demonym_names;
use entities::make_entities;
use events::join_events;
pub(crate) use groups::{add_candidate, is_bare_acronym};
use groups::{group_of, is_person};
pub(crate) use name_context::{NameContext, kinds_from_neighbours};
pub(crate) use person_cues::{
    PersonCue, leading_pronoun, mark_person_cues, mark_surnames_alone, may_be_person,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use surnames::SurnameLookups;

/// A mention with where it was found, as alias resolution sees it.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'t> {
    pub document: usize,
    /// The sentence's index in the corpus.
    pub sentence: usize,
    pub mention: FoundMention,
    /// The surface form as written, borrowed from its document.
    pub surface: &'t str,
    /// Found in a heading, table row or other fragment rather than in prose.
    pub fragment: bool,
    /// What the words before it say of its kind.
    pub context: NameContext,
    /// The words around it call it a person (see `person_cues`).
    pub person_cue: PersonCue,
}

/// An entity as alias resolution decides it over the whole corpus: its name, kind and surfaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecidedEntity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

/// The decision: the entities, numbered in the order of their first mention in the corpus, and the
/// entity each name key names (none for a key group that is no evidence of a name).
#[derive(Debug, Clone, Default)]
pub(crate) struct NameTable {
    pub entities: Vec<DecidedEntity>,
    of_lexicon: HashMap<usize, usize, WordBuildHasher>,
    of_surface: HashMap<String, usize, WordBuildHasher>,
}

impl NameTable {
    /// The entity a lexicon entity's mentions name, when the corpus mentions it.
    pub(crate) fn entity_of_lexicon(&self, known: usize) -> Option<usize> {
        self.of_lexicon.get(&known).copied()
    }

    /// The entity the mentions of a surface key name, if they name one.
    pub(crate) fn entity_of_surface_key(&self, key: &str) -> Option<usize> {
        self.of_surface.get(key).copied()
    }

    /// Each lexicon entity the corpus mentions, with the entity that names it.
    pub(crate) fn lexicon_entities(&self) -> HashMap<usize, usize, WordBuildHasher> {
        self.of_lexicon.clone()
    }
}

/// Resolves the corpus's key groups into entities: numbers the groups by their first mention,
/// merges them by the rules of the module docs in order, and makes an entity of each merged set that
/// is evidence of a name.
pub(crate) fn resolve_aliases(
    names: &BTreeMap<NameKey, NameEvidence>,
    acronym_links: &BTreeSet<(NameKey, NameKey)>,
    lexicon: &Lexicon,
) -> NameTable {
    use rayon::prelude::*;
    let mut ordered: Vec<(&NameKey, &NameEvidence)> = names.iter().collect();
    ordered.par_sort_unstable_by_key(|(_, evidence)| evidence.first);
    let number_of: HashMap<&NameKey, usize, WordBuildHasher> = ordered
        .iter()
        .enumerate()
        .map(|(number, (key, _))| (*key, number))
        .collect();
    let links: Vec<(usize, usize)> = acronym_links
        .iter()
        .filter_map(|(acronym, defined)| Some((*number_of.get(acronym)?, *number_of.get(defined)?)))
        .collect();
    let mut groups: Vec<_> = ordered
        .par_iter()
        .map(|(key, evidence)| group_of(key, evidence))
        .collect();
    let mut union = UnionFind::new(groups.len());
    join_acronyms(&links, &mut groups, lexicon, &mut union);
    // The surname and contained-name rules read the groups and their acronym flags, not the merging
    // so far: what they look up is made first, on two sides at once, and their merges are then made
    // in order.
    let person_of: Vec<bool> = groups.par_iter().map(is_person).collect();
    let (surnames, contained) = rayon::join(
        || SurnameLookups::new(&groups, &person_of),
        || ContainedNameLookups::new(&groups, &person_of, lexicon),
    );
    surnames.join(&mut union);
    contained.join(&mut union);
    join_demonym_names(&groups, lexicon, &mut union);
    join_events(&groups, &mut union);
    let (entities, entity_of_group) = make_entities(&groups, &mut union, lexicon);
    // The per-group temporaries are freed on every thread rather than serially on this one.
    let ContainedNameLookups {
        words_of,
        containers_of,
        ..
    } = contained;
    rayon::join(
        || words_of.into_par_iter().for_each(drop),
        || {
            rayon::join(
                || surnames.name_words_of.into_par_iter().for_each(drop),
                || containers_of.into_par_iter().for_each(drop),
            )
        },
    );
    let mut table = NameTable {
        entities,
        ..NameTable::default()
    };
    for ((key, _), entity) in ordered.iter().zip(entity_of_group) {
        let Some(entity) = entity else { continue };
        match key {
            NameKey::Lexicon(known) => {
                table.of_lexicon.insert(*known, entity);
            }
            NameKey::Surface(surface) => {
                table.of_surface.insert(surface.clone(), entity);
            }
        }
    }
    table
}
