//! `StructureOnDemand`: a sentence's tags, chunks and clauses, read the first time a rule asks for
//! them. The rules that read structure ask only at a few moments (a verb between two mentions, a
//! negation in a gap, a title's home country), so most sentences of two entities or more never
//! need tagging; reading it on demand gives the same relations at a fraction of the tagger's cost.
//! The dependency parse is a second level on demand, asked for by one check of the verb rule
//! (`parse_check.rs`) in a few sentences in a hundred.

use super::sentence_mention::SentenceMention;
use crate::extract::syntax::parser::{Parser, ParserScratch};
use crate::extract::syntax::{Parse, SentenceStructure, TaggedSentence};
use crate::text::Token;
use std::cell::{Ref, RefCell};

/// One sentence's structure, tagged and read on first use, its buffers kept from one sentence to
/// the next.
#[derive(Debug, Default)]
pub struct StructureOnDemand {
    /// Whether the rules may read this sentence's structure (set for the sentences that need every
    /// rule); a sentence without it reads as having none.
    wanted: bool,
    /// Whether the sentence has been tagged and its structure read (or found unreadable).
    read: bool,
    tagged: TaggedSentence,
    structure: SentenceStructure,
    /// Which tokens are capitalised words of the sentence's names (room kept between sentences).
    in_name: Vec<bool>,
    /// How many of the sentence's first tokens have been parsed (0: none yet).
    parsed_len: usize,
    parse: Parse,
    scratch: ParserScratch,
}

impl StructureOnDemand {
    /// Ready for a new sentence: not wanted, nothing read.
    pub(super) fn reset(&mut self) {
        self.wanted = false;
        self.read = false;
        self.tagged.clear();
        self.structure.clear();
        self.parsed_len = 0;
        self.parse.clear();
    }

    /// Lets the rules read the sentence's structure: it is read when first asked for.
    pub(super) fn want(&mut self) {
        self.wanted = true;
    }

    /// The structure of the sentence `tokens` (spans into `text`) with `mentions`: tagged and read
    /// now if it is wanted and not read yet; empty if it is not wanted or the tagger's model does
    /// not load. The capitalised words of the mentions are proper nouns: mention finding knows them
    /// better than a model trained on other texts ("Chad severed ties", "Armed by Iran").
    pub(super) fn get<'s>(
        cell: &'s RefCell<StructureOnDemand>,
        text: &str,
        tokens: &[Token],
        mentions: &[SentenceMention],
    ) -> Ref<'s, SentenceStructure> {
        // Borrowed mutably only to read it, which happens before any rule holds the structure: a
        // rule may ask again while it holds what it was given.
        let unread = {
            let this = cell.borrow();
            this.wanted && !this.read
        };
        if unread {
            let mut this = cell.borrow_mut();
            this.read = true;
            let this = &mut *this;
            mark_names(text, tokens, mentions, &mut this.in_name);
            if this.tagged.tag_with_shipped(text, tokens, &this.in_name) {
                this.structure.read(&this.tagged);
            }
        }
        Ref::map(cell.borrow(), |this| &this.structure)
    }

    /// The dependency parse of the sentence's first tokens, through token `through` and the one
    /// after it, parsed now from their tags if the structure is wanted and no parse covers them
    /// yet. A parse costs several times a tagging, so only a rule that must know a verb's subject
    /// asks, and only for the words up to that verb (its subject comes before it). Empty when the
    /// structure is not wanted or no model loads; left as it was if a rule still holds it.
    pub(super) fn parse<'s>(
        cell: &'s RefCell<StructureOnDemand>,
        text: &str,
        tokens: &[Token],
        mentions: &[SentenceMention],
        through: usize,
    ) -> Ref<'s, Parse> {
        drop(Self::get(cell, text, tokens, mentions));
        let prefix = through.saturating_add(2).min(tokens.len());
        let unparsed = {
            let this = cell.borrow();
            this.wanted && this.parsed_len < prefix
        };
        if unparsed && let Ok(mut this) = cell.try_borrow_mut() {
            let this = &mut *this;
            this.parsed_len = prefix;
            if !this.tagged.is_empty()
                && let Ok(parser) = Parser::shipped()
            {
                parser.parse_tokens(
                    text,
                    &tokens[..prefix],
                    this.tagged.tags(),
                    &mut this.scratch,
                    &mut this.parse,
                );
            }
        }
        Ref::map(cell.borrow(), |this| &this.parse)
    }
}

/// Marks in `in_name` (one flag a token) the capitalised words of the mentions that are names, not
/// demonyms used as adjectives ("Iraqi forces").
fn mark_names(text: &str, tokens: &[Token], mentions: &[SentenceMention], in_name: &mut Vec<bool>) {
    in_name.clear();
    in_name.resize(tokens.len(), false);
    for mention in mentions.iter().filter(|m| !m.adjective) {
        let (start, end) = (mention.tokens.0, mention.tokens.1.min(tokens.len()));
        for (slot, token) in in_name[..end].iter_mut().zip(tokens).skip(start) {
            *slot = token
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize;

    #[test]
    fn reads_only_when_wanted_and_may_be_asked_again_while_held() {
        let text = "The army signed the treaty in Geneva.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let cell = RefCell::new(StructureOnDemand::default());
        // (wanted, whether the structure has classes)
        for (wanted, read) in [(false, false), (true, true)] {
            cell.borrow_mut().reset();
            if wanted {
                cell.borrow_mut().want();
            }
            let first = StructureOnDemand::get(&cell, text, &tokens, &[]);
            let again = StructureOnDemand::get(&cell, text, &tokens, &[]);
            assert_eq!(!first.is_empty(), read, "wanted: {wanted}");
            assert_eq!(first.classes(), again.classes());
        }
    }

    /// The parse covers the words up to the one after the verb asked about, grows when a later
    /// verb is asked about, and is left as it is while a rule holds it.
    #[test]
    fn parses_only_up_to_the_verb_asked_about() {
        let text = "The army of Chile signed the treaty in Geneva and left for Lima.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let cell = RefCell::new(StructureOnDemand::default());
        assert!(StructureOnDemand::parse(&cell, text, &tokens, &[], 4).is_empty());
        cell.borrow_mut().want();
        // (the verb asked about, how many tokens the parse then covers)
        for (through, covered) in [(4, 6), (2, 6), (11, 13), (40, tokens.len())] {
            let parse = StructureOnDemand::parse(&cell, text, &tokens, &[], through);
            assert_eq!(parse.len(), covered, "through {through}");
        }
        cell.borrow_mut().reset();
        cell.borrow_mut().want();
        let held = StructureOnDemand::parse(&cell, text, &tokens, &[], 4);
        let again = StructureOnDemand::parse(&cell, text, &tokens, &[], 11);
        assert_eq!((held.len(), again.len()), (6, 6));
    }
}
