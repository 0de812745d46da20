//! Hyphenated compounds: known names inside them ("US-China", "Iran-backed", "Sino-Iraqi"), a name used
//! as a modifier ("Western-led"), and a name behind a lower-case prefix ("post-Iran-Iraq War").

use super::finder::Finder;
use super::found_mention::{FoundMention, MentionSource};
use super::words::is_capitalised;
use crate::extract::lexicon::SurfaceRole;
use crate::model::Span;
use crate::text::token::compound_parts;

impl Finder<'_> {
    /// Mentions for the known parts of a hyphenated compound: "US-China", "Iran-backed", "pro-US". A
    /// compound of unknown capitalised parts ("Kirkuk-Ceyhan") is left to the phrase finder.
    pub(super) fn compound_parts_mentions(
        &self,
        index: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
        if !self.is_hyphenated(self.word(index)) {
            // One part only: no compound (and no allocation, for nearly every lower-case word).
            return None;
        }
        let token = self.tokens.get(index)?;
        let parts = compound_parts(self.text, token.span);
        if parts.len() < 2 {
            return None;
        }
        let known: Vec<(Span, usize, SurfaceRole)> = parts
            .iter()
            .filter_map(|part| {
                let (entity, role) = self.lexicon.lookup(part.slice(self.text))?;
                Some((*part, entity, role))
            })
            .collect();
        if known.is_empty() {
            return None;
        }
        for (span, entity, role) in known {
            mentions.push(self.lexicon_entity_mention(
                (index, index + 1),
                Some(span),
                entity,
                role,
            ));
        }
        Some(index + 1)
    }

    /// A capitalised compound whose last part is lower case ("Iran-backed", "Western-led"): mentions for
    /// its known parts, or one phrase for the capitalised part before the modifier.
    pub(super) fn modifier_compound(
        &self,
        index: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
        if !self.is_hyphenated(self.word(index)) {
            // One part only: no compound.
            return None;
        }
        let token = self.tokens.get(index)?;
        let parts = compound_parts(self.text, token.span);
        let last = parts.last()?;
        let modifier = last.slice(self.text);
        if parts.len() < 2 || !modifier.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        if let Some(next) = self.compound_parts_mentions(index, mentions) {
            return Some(next);
        }
        let name = Span::new(token.span.start, parts[parts.len() - 2].end);
        let all_capitalised = parts[..parts.len() - 1]
            .iter()
            .all(|p| is_capitalised(p.slice(self.text)));
        let word = name.slice(self.text);
        if all_capitalised
            && !self.lexicon.is_non_actor_word(word)
            && !self.lexicon.is_function_word(word)
        {
            mentions.push(FoundMention {
                span: name,
                tokens: (index, index + 1),
                source: MentionSource::Phrase,
                kind: None,
                title: None,
                // "the different States-as recommended": a common word before a dash is as weak
                // as it is alone ("our Nation").
                sentence_initial: index == self.first_word_index()
                    || self.vocabulary.is_common_inside(word),
                contains: Vec::new(),
            });
        }
        Some(index + 1)
    }

    /// "post-Iran-Iraq War": a name behind a lower-case prefix, when it goes on into a head noun.
    pub(super) fn prefixed_name(
        &self,
        index: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
        if !self.is_hyphenated(self.word(index)) {
            return None;
        }
        let token = self.tokens.get(index)?;
        let parts = compound_parts(self.text, token.span);
        let (first, rest) = parts.split_first()?;
        if rest.is_empty()
            || is_capitalised(first.slice(self.text))
            || !rest.iter().all(|p| is_capitalised(p.slice(self.text)))
        {
            return None;
        }
        let end = self.phrase_end(index);
        let head = (index + 1..end).any(|t| self.lexicon.head_noun(self.word(t)).is_some());
        if end == index + 1 || !head {
            return None;
        }
        let start = rest.first()?.start;
        mentions.push(FoundMention {
            span: Span::new(start, self.span(index, end).end),
            tokens: (index, end),
            source: MentionSource::Phrase,
            kind: self.phrase_kind(index, end),
            title: None,
            sentence_initial: false,
            contains: Vec::new(),
        });
        Some(end)
    }
}
