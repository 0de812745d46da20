//! The longest run of tokens that names a lexicon entity, asked at nearly every word.

use super::finder::{Finder, LexiconMatch};
use super::words::is_zero_width;
use crate::text::TokenKind;

impl Finder<'_> {
    /// The longest lexicon match starting at `start`: (end, entity, role).
    ///
    /// Asked at nearly every word, so it builds the run of words in a buffer kept for the sentence and
    /// asks the lexicon once per run. A run of printable ASCII words joined by spaces is already in the
    /// lexicon's normal form; any other word (a curly apostrophe, an accent) takes the general way.
    #[inline(always)]
    pub(super) fn lexicon_match(&self, start: usize) -> Option<LexiconMatch> {
        // Asked of nearly every word, and most start no surface form: say so at once. A run starting
        // with a printable ASCII byte starts with that byte normalised too.
        let first = self.word(start);
        if let Some(&byte) = first.as_bytes().first()
            && byte.is_ascii_graphic()
            && !self.lexicon.may_start_surface(first)
        {
            return None;
        }
        if let Some((asked, found)) = self.last_match.get()
            && asked == start
        {
            return found;
        }
        let found = self.lexicon_match_runs(start);
        self.last_match.set(Some((start, found)));
        found
    }

    /// [`Finder::lexicon_match`] past its first test.
    pub(super) fn lexicon_match_runs(&self, start: usize) -> Option<LexiconMatch> {
        // The first run looked up is the first word alone, and the first word of every surface form
        // is a run: a word of printable ASCII that the lexicon says is none starts no match.
        let first = self.word(start);
        if matches!(self.kind(start), Some(TokenKind::Word | TokenKind::Number))
            && !first.is_empty()
            && first.bytes().all(|b| b.is_ascii_graphic())
            && !self.lexicon.may_be_surface_run(first)
            && !self.is_inner_possessive(start, start + 1)
        {
            return None;
        }
        let longest = self.lexicon.max_surface_words();
        let mut best = None;
        let Ok(mut surface) = self.scratch.try_borrow_mut() else {
            return self.lexicon_match_normalizing(start);
        };
        surface.clear();
        surface.reserve(64);
        for end in start + 1..=(start + longest).min(self.tokens.len()) {
            let possessive = self.is_inner_possessive(start, end - 1);
            if !possessive
                && !matches!(
                    self.kind(end - 1),
                    Some(TokenKind::Word | TokenKind::Number)
                )
            {
                break;
            }
            let word = self.word(end - 1);
            if word.is_empty() || !word.bytes().all(|b| b.is_ascii_graphic()) {
                drop(surface);
                return self.lexicon_match_normalizing(start);
            }
            if end > start + 1 && !possessive {
                surface.push(' ');
            }
            surface.push_str(word);
            let Some(run) = self.lexicon.surface_run(&surface) else {
                if self.is_inner_possessive(start, end) {
                    // "People" of "People's": the run goes on with its possessive ending.
                    continue;
                }
                break;
            };
            if let Some((entity, role)) = run.names {
                best = Some((end, entity, role));
            }
            if !run.continues {
                break;
            }
        }
        best
    }

    /// [`Finder::lexicon_match`] for any words: each run normalised as the lexicon's keys are.
    pub(super) fn lexicon_match_normalizing(&self, start: usize) -> Option<LexiconMatch> {
        let longest = self.lexicon.max_surface_words();
        let mut best = None;
        let mut surface = String::new();
        for end in start + 1..=(start + longest).min(self.tokens.len()) {
            let possessive = self.is_inner_possessive(start, end - 1);
            if !possessive
                && !matches!(
                    self.kind(end - 1),
                    Some(TokenKind::Word | TokenKind::Number)
                )
            {
                break;
            }
            if end > start + 1 && !possessive {
                surface.push(' ');
            }
            // "Hez\u{200b}bollah" names Hezbollah: the zero-width characters a word may hold are
            // no part of the name (the mention's span still covers them).
            surface.extend(self.word(end - 1).chars().filter(|&c| !is_zero_width(c)));
            if let Some((entity, role)) = self.lexicon.lookup(&surface) {
                best = Some((end, entity, role));
            }
            if !self.lexicon.is_surface_prefix(&surface) && !self.is_inner_possessive(start, end) {
                break;
            }
        }
        best
    }

    /// "People's Republic of China": a possessive ending glued to the word before it, inside a run
    /// that started before it, is part of the run's surface (written without a space).
    fn is_inner_possessive(&self, start: usize, index: usize) -> bool {
        index > start
            && self.kind(index) == Some(TokenKind::Possessive)
            && self.tokens.get(index - 1).map(|t| t.span.end)
                == self.tokens.get(index).map(|t| t.span.start)
    }
}
