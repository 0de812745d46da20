//! `SentenceReader`: one sentence as the rules read it: its words (as written and lower-cased), its
//! mentions and where they start, and the relation every rule builds. Each rule is a method of the
//! reader, in its own file.

use super::buffers::RuleBuffers;
use super::coordination::Groups;
use super::document_context::DocumentContext;
use super::lowered::Lowered;
use super::markers::Marker;
use super::rule_relation::RuleRelation;
use super::sentence_mention::SentenceMention;
use super::structure_on_demand::StructureOnDemand;
use super::words::{DETERMINERS, HYPOTHETICAL_MODALS};
use crate::extract::lexicon::Lexicon;
use crate::extract::syntax::{Parse, SentenceStructure};
use crate::model::{RelationClass, Rule};
use crate::text::{Token, TokenKind};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell, Ref, RefCell};

/// No mention starts at this token.
const NO_MENTION: usize = usize::MAX;

/// One sentence, read by the rules.
pub(super) struct SentenceReader<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) mentions: &'a [SentenceMention],
    pub(super) lexicon: &'a Lexicon,
    pub(super) context: DocumentContext,
    /// A hedge word anywhere in the sentence; asked only of sentences that have a relation.
    hedged: OnceCell<bool>,
    /// Every token lower-cased, once per sentence: the rules ask for them many times over.
    lowered: Lowered,
    /// The first mention starting at each token index ([`NO_MENTION`] for none).
    mention_starts: Vec<usize>,
    /// Set when a pair cap left pairs out.
    pub(super) capped: Cell<bool>,
    /// The coordinated groups of mentions, found first for the rules that read them (and only for
    /// those).
    pub(super) groups: Groups,
    /// The words the such-as and between rules start at, found first for those rules.
    pub(super) markers: Vec<(usize, Marker)>,
    /// The sentence's chunks and clauses, read when a rule first asks for them
    /// ([`SentenceReader::structure`]) if [`SentenceReader::want_structure`] let it.
    structure: RefCell<StructureOnDemand>,
}

impl<'a> SentenceReader<'a> {
    /// A reader of one sentence, its room taken from `buffers` (see [`SentenceReader::finish`]). A
    /// reader that `reads_words` lower-cases them and indexes where the mentions start.
    pub(super) fn new(
        text: &'a str,
        tokens: &'a [Token],
        mentions: &'a [SentenceMention],
        lexicon: &'a Lexicon,
        context: DocumentContext,
        reads_words: bool,
        buffers: &mut RuleBuffers,
    ) -> SentenceReader<'a> {
        let mut mention_starts = std::mem::take(&mut buffers.mention_starts);
        mention_starts.clear();
        let mut lowered = std::mem::take(&mut buffers.lowered);
        if reads_words {
            index_mention_starts(tokens, mentions, &mut mention_starts);
            lowered.fill(text, tokens);
        } else {
            lowered.clear();
        }
        SentenceReader {
            text,
            tokens,
            mentions,
            lexicon,
            context,
            hedged: OnceCell::new(),
            lowered,
            mention_starts,
            capped: Cell::new(false),
            groups: std::mem::take(&mut buffers.groups),
            markers: std::mem::take(&mut buffers.markers),
            structure: {
                let mut structure = std::mem::take(&mut buffers.structure);
                structure.reset();
                RefCell::new(structure)
            },
        }
    }

    /// A reader of a sentence without mentions, for tests of what it makes of words.
    #[cfg(test)]
    pub(super) fn for_words(
        text: &'a str,
        tokens: &'a [Token],
        lexicon: &'a Lexicon,
    ) -> SentenceReader<'a> {
        let context = DocumentContext::default();
        let mut buffers = RuleBuffers::default();
        SentenceReader::new(text, tokens, &[], lexicon, context, true, &mut buffers)
    }

    /// Gives the reader's room back to `buffers` for the next sentence; true when a pair cap left
    /// pairs out.
    pub(super) fn finish(self, buffers: &mut RuleBuffers) -> bool {
        buffers.mention_starts = self.mention_starts;
        buffers.lowered = self.lowered;
        buffers.groups = self.groups;
        buffers.markers = self.markers;
        buffers.structure = self.structure.into_inner();
        self.capped.get()
    }

    /// Lets the rules read the sentence's structure ([`SentenceReader::structure`]); without it
    /// the sentence reads as having none.
    pub(super) fn want_structure(&mut self) {
        self.structure.get_mut().want();
    }

    /// The sentence's chunks and clauses: its tokens tagged and lemmatised (the shipped model,
    /// loaded once per process, the capitalised words of its names taken for proper nouns) and
    /// read the first time a rule asks, if [`SentenceReader::want_structure`] let them be; empty
    /// otherwise.
    pub(super) fn structure(&self) -> Ref<'_, SentenceStructure> {
        StructureOnDemand::get(&self.structure, self.text, self.tokens, self.mentions)
    }

    /// The sentence's dependency parse, parsed the first time a rule asks (when the structure may
    /// be read at all); empty otherwise.
    pub(super) fn parse(&self, through: usize) -> Ref<'_, Parse> {
        StructureOnDemand::parse(
            &self.structure,
            self.text,
            self.tokens,
            self.mentions,
            through,
        )
    }

    /// Token `index` as written ("" past the end).
    pub(super) fn word(&self, index: usize) -> &str {
        self.tokens.get(index).map_or("", |t| t.text(self.text))
    }

    /// The bytes of `token` (none when its span is not in the text). Bytes, not its text: an ASCII
    /// byte always starts and ends a character, so a slice equal to an ASCII word is one whether or
    /// not the span falls on characters.
    pub(super) fn token_bytes(&self, token: &Token) -> &[u8] {
        self.text
            .as_bytes()
            .get(token.span.start..token.span.end)
            .unwrap_or_default()
    }

    /// Token `index` lower-cased ("" past the end).
    #[inline]
    pub(super) fn lower(&self, index: usize) -> &str {
        self.lowered.get(self.tokens, index).unwrap_or("")
    }

    /// Whether a hedge word ("reportedly") is anywhere in the sentence.
    pub(super) fn hedged(&self) -> bool {
        *self.hedged.get_or_init(|| {
            self.tokens.iter().enumerate().any(|(i, t)| {
                let word = t.text(self.text);
                self.lexicon.is_hedge(word) && !self.is_month_may(i)
            })
        })
    }

    /// The lower-cased word before the phrase starting at token `index`, past its determiners
    /// ("with the X", "against both X and Y"): the preposition or verb the phrase hangs on; none at
    /// the sentence's start.
    pub(super) fn word_before_phrase(&self, index: usize) -> Option<&str> {
        (0..index)
            .rev()
            .map(|i| self.lower(i))
            .find(|w| !DETERMINERS.contains(w) && *w != "both")
    }

    /// Whether token `index` is a modal that makes a statement a possibility ("would", "may"; not
    /// the month).
    pub(super) fn is_hypothetical_modal(&self, index: usize) -> bool {
        HYPOTHETICAL_MODALS.contains(&self.lower(index)) && !self.is_month_may(index)
    }

    /// Whether token `index` is the month "May" (capitalised past the sentence's first word), not
    /// the modal.
    pub(super) fn is_month_may(&self, index: usize) -> bool {
        index > 0 && self.word(index) == "May"
    }

    /// Whether token `index` is a possessive "'s".
    pub(super) fn is_possessive(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
    }

    /// The mention whose tokens start at `index`.
    pub(super) fn mention_at(&self, index: usize) -> Option<usize> {
        self.mention_starts
            .get(index)
            .copied()
            .filter(|&m| m != NO_MENTION)
    }

    /// The first mention starting within `limit` tokens after `index`, skipping lower-case words.
    pub(super) fn mention_after(&self, index: usize, limit: usize) -> Option<usize> {
        (index..index + limit)
            .take_while(|&i| {
                self.tokens.get(i).is_some_and(|t| {
                    t.kind != TokenKind::Punct || matches!(self.word(i), "-" | "–")
                }) || self.mention_at(i).is_some()
            })
            .find_map(|i| self.mention_at(i))
    }

    /// A relation noun or a role noun, singular or plural: "assassinations" reads as
    /// "assassination".
    pub(super) fn classed_noun(&self, word: &str) -> Option<RelationClass> {
        self.noun_class(word).map(|(class, _)| class)
    }

    /// [`Self::classed_noun`]'s class, and whether it is a role noun's ("minister", "members")
    /// rather than a relation noun's.
    pub(super) fn noun_class(&self, word: &str) -> Option<(RelationClass, bool)> {
        let singular = word.strip_suffix('s').unwrap_or(word);
        [word, singular].iter().find_map(|w| {
            self.lexicon
                .relation_noun(w)
                .map(|class| (class, false))
                .or_else(|| self.lexicon.role_noun(w).map(|class| (class, true)))
        })
    }

    /// The relation `rule` read between mentions `subject` and `object` (none when either is not a
    /// mention of the sentence).
    pub(super) fn relation(
        &self,
        subject: usize,
        object: usize,
        predicate: impl Into<Cow<'static, str>>,
        class: RelationClass,
        rule: Rule,
    ) -> Option<RuleRelation> {
        Some(RuleRelation {
            subject: self.mentions.get(subject)?.entity,
            object: self.mentions.get(object)?.entity,
            predicate: predicate.into(),
            class,
            negated: false,
            hedged: self.hedged(),
            rule,
        })
    }
}

/// The first mention starting at each token, into `starts` (empty): rules ask "is there a mention
/// here?" for many tokens, and a linear scan each time would make a sentence of many mentions
/// quadratic.
fn index_mention_starts(tokens: &[Token], mentions: &[SentenceMention], starts: &mut Vec<usize>) {
    let starts_len = mentions
        .iter()
        .map(|m| m.tokens.0 + 1)
        .max()
        .unwrap_or(0)
        .max(tokens.len());
    starts.resize(starts_len, NO_MENTION);
    for (index, mention) in mentions.iter().enumerate().rev() {
        starts[mention.tokens.0] = index;
    }
}
