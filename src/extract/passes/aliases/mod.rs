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
//! 5. **same event** (`events`): events named after the same country ("Kuwait crisis", "Kuwait
//!    war").
//!
//! Groups that are only ever seen as the first word of a sentence, or only in headings and tables, are
//! dropped: neither is evidence of a name (`entities`, which makes the entities of the rest).

mod acronyms;
mod contained_names;
mod entities;
mod events;
mod groups;
mod name_context;
mod surnames;

use crate::extract::lexicon::Lexicon;
use crate::extract::mention::FoundMention;
use crate::model::{EntityKind, Span};
use crate::union_find::UnionFind;
use acronyms::join_acronyms;
use contained_names::ContainedNameLookups;
use entities::make_entities;
use events::join_events;
use groups::{KeyedCandidates, gather_groups, is_person};
pub(crate) use name_context::{NameContext, kinds_from_neighbours};
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
}

/// A resolved entity: its name, kind, surfaces, and the candidates that mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolvedEntity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub mentions: Vec<(usize, Span)>,
}

/// The outcome: entities, and for each candidate the entity it names (None when dropped).
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    pub assignment: Vec<Option<usize>>,
}

/// Resolves candidates into entities: groups them by key, merges the groups by the rules of the module
/// docs in order, and makes an entity of each merged set that is evidence of a name.
pub(crate) fn resolve_aliases(candidates: &[Candidate<'_>], lexicon: &Lexicon) -> Resolution {
    use rayon::prelude::*;
    let keyed = KeyedCandidates::new(candidates);
    let mut groups = gather_groups(candidates, &keyed);
    let mut union = UnionFind::new(groups.len());
    join_acronyms(
        candidates,
        &keyed.grouping,
        &mut groups,
        lexicon,
        &mut union,
    );
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
    join_events(&groups, &mut union);
    let resolution = make_entities(candidates, &keyed.grouping, &groups, &mut union, lexicon);
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
    resolution
}
