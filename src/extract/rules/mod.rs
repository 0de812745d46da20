//! Relation rules: read relations between the entities mentioned in one sentence, one rule per
//! file.
//!
//! Each rule has a name ([`Rule`](crate::model::Rule)) that travels with its output (the evidence's
//! `rule`), so a user can see why an edge exists and `kg eval --by-rule` can score each rule. The
//! rules, in the order they run:
//!
//! | rule | file | reads | gives |
//! |---|---|---|---|
//! | `title` | `title.rs` | "Iraqi Prime Minister Haider al-Abadi" | person Leads country |
//! | `title-home` | `title.rs` | "Prime Minister X", no country named | X Leads the document's home country |
//! | `apposition` | `apposition.rs` | "X, leader of Y", "X, the Acting U.S. Ambassador to Iraq", "the head of Y, X", "Y deputy X" | role's class |
//! | `such-as` | `such_as.rs` | "factions within Y, such as A, B and C" (or "including") | each PartOf Y |
//! | `compound-pair` | `compound.rs` | "US-China tensions", "Sino-Iraqi relations" | the relation noun's class |
//! | `compound-modifier` | `compound.rs` | "Iran-backed factions within the PMF", "U.S.-led coalition" | backs / leads |
//! | `possessive` | `possessive.rs` | "Iran's Quds Force" | PartOf |
//! | `demonym` | `demonym.rs` | "the Turkish defence firm Baykar" | PartOf |
//! | `between` | `between.rs` | "tensions between X and Y", "between the two countries" | the noun's class |
//! | `name-part` | `name_part.rs` | "Central Bank of Iraq", "Iran-Iraq War", "the X cement plant", "the Battle of X" | PartOf the country or the place, or the countries party to it |
//! | `nominal` | `nominal.rs` | "the US assassinations of X", "the Russian invasion of Ukraine", "Turkish troops against Y" | the noun's class |
//! | `located-in` | `located_in.rs` | "Durham University in the UK", "A and B on the outskirts of C", "D, a town near E" | PartOf, or Other for near |
//! | `joint-subject` | `joint_subject.rs` | "Baghdad and Beijing signed a deal" | Cooperation between the members |
//! | `verb` | `verb.rs` | "X … VERB … Y" between neighbouring mentions (lists count as one) | the verb's class |
//! | `relation-noun` | `relation_noun.rs` | "X's relations with Y" (no verb between) | the noun's class |
//! | `possessive-noun` | `possessive_noun.rs` | "X's perspective on Y" (any noun after a possessor) | the noun's class, or Other |
//! | `co-mention` | `co_mention.rs` | any other pair in the sentence | CoMention (not an asserted relation) |
//!
//! The verb, relation-noun and possessive-noun rules run as one pass over neighbouring mentions:
//! the words between two mentions read as a verb, failing that a relation noun, failing that a
//! possessor's noun (`gap_reading.rs`).
//!
//! Negation words between the two mentions ("did not", "declined") set the negated flag; hedges
//! anywhere in the sentence ("reportedly") set the hedged flag. A passive verb with "by" before the
//! second mention ("was invaded by", "were supported by the") reverses the direction. A second verb
//! of a clause ("X met Y and signed …") and an infinitive after a control verb ("X declined to
//! support Y") take the clause's subject; a relative clause (", which attacked Y") takes the
//! mention before it (`clause_subject.rs`).
//!
//! Pairs are capped: co-mention pairs are made among the first [`MAX_COMENTION_ENTITIES`] entities
//! of a sentence, and a list takes part in a joint-subject or verb relation through its first
//! [`MAX_COMENTION_ENTITIES`] members only, so a sentence listing hundreds of names costs a bounded
//! number of pairs instead of their square. [`read_sentence_relations`] says when a cap left pairs
//! out, so the build can tell the user.
//!
//! The machinery the rules share, beside them:
//!
//! | file | holds |
//! |---|---|
//! | `run_order.rs` | which rules a sentence needs, the order they run in, and the repeats dropped after |
//! | `sentence_reader.rs` | the reader of one sentence every rule is a method of: words, mentions, the relation constructor |
//! | `lowered.rs` | every token of a sentence lower-cased, in one buffer |
//! | `markers.rs` | the words the such-as and between rules start at |
//! | `coordination.rs` | lists of mentions ("Iran, Syria, and Russia") |
//! | `clause_subject.rs`, `gap_reading.rs`, `verb_phrase.rs` | what the verb pass reads between two mentions, and whose subject it is |
//! | `verb_use.rs` | whether a word is a verb used as a verb, and control verbs ("agreed to") |
//! | `words.rs` | the word lists (determiners, prepositions, clause breaks, …) |
//! | `pair_cap.rs` | [`MAX_COMENTION_ENTITIES`] and the capped lists |
//! | `buffers.rs` | [`RuleBuffers`], the room kept from one sentence to the next |
//! | `structure_on_demand.rs` | a sentence's tags, chunks and clauses, read the first time a rule asks |
//! | `sentence_mention.rs`, `document_context.rs`, `rule_relation.rs` | what the rules read and give |

mod apposition;
mod between;
mod buffers;
mod clause_check;
mod clause_subject;
mod co_mention;
mod compound;
mod coordination;
mod demonym;
mod document_context;
mod gap_reading;
mod joint_subject;
mod located_in;
mod lowered;
mod markers;
mod name_part;
mod nominal;
mod pair_cap;
mod parse_check;
mod possessive;
mod possessive_noun;
mod relation_noun;
mod rule_relation;
mod run_order;
mod sentence_mention;
mod sentence_reader;
mod structure_on_demand;
mod such_as;
mod title;
mod verb;
mod verb_phrase;
mod verb_use;
mod words;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

pub use buffers::RuleBuffers;
pub use document_context::DocumentContext;
pub use pair_cap::MAX_COMENTION_ENTITIES;
pub use rule_relation::RuleRelation;
pub use sentence_mention::SentenceMention;
pub(crate) use words::COMPASS_POINTS;

use super::lexicon::Lexicon;
use crate::text::Token;
use run_order::{Rules, read_rules};

/// Reads the relations in one sentence.
pub fn read_relations(
    text: &str,
    tokens: &[Token],
    mentions: &[SentenceMention],
    lexicon: &Lexicon,
    context: DocumentContext,
) -> Vec<RuleRelation> {
    read_sentence_relations(text, tokens, mentions, lexicon, context).relations
}

/// The relations of one sentence, and whether a pair cap left some pairs out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceRelations {
    pub relations: Vec<RuleRelation>,
    /// The sentence names more than [`MAX_COMENTION_ENTITIES`] entities, or lists more than that
    /// many in one list, so not every pair was made.
    pub capped: bool,
}

/// Reads the relations in one sentence, saying whether a pair cap applied.
pub fn read_sentence_relations(
    text: &str,
    tokens: &[Token],
    mentions: &[SentenceMention],
    lexicon: &Lexicon,
    context: DocumentContext,
) -> SentenceRelations {
    let mut relations = Vec::new();
    let capped = read_sentence_relations_into(
        text,
        tokens,
        mentions,
        lexicon,
        context,
        &mut RuleBuffers::default(),
        &mut relations,
    );
    SentenceRelations { relations, capped }
}

/// Reads the relations in one sentence into `relations` (cleared first), with `buffers` for room;
/// true when a pair cap left some pairs out. The same as [`read_sentence_relations`].
pub fn read_sentence_relations_into(
    text: &str,
    tokens: &[Token],
    mentions: &[SentenceMention],
    lexicon: &Lexicon,
    context: DocumentContext,
    buffers: &mut RuleBuffers,
    relations: &mut Vec<RuleRelation>,
) -> bool {
    relations.clear();
    if mentions.is_empty() {
        // Every rule relates mentions: a sentence without any has no relations.
        return false;
    }
    read_rules(
        text,
        tokens,
        mentions,
        lexicon,
        context,
        Rules::for_mentions(mentions),
        buffers,
        relations,
    )
}
