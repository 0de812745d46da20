//! `Lowered`: every token of a sentence lower-cased ([`str::to_lowercase`]), once, in one buffer:
//! the rules ask for the lower-cased words many times over.

use crate::text::Token;

/// Every token of a sentence lower-cased ([`str::to_lowercase`]), in one buffer.
#[derive(Debug, Default)]
pub(super) struct Lowered {
    buffer: String,
    /// `Some(base)` when the tokens lie in an ASCII stretch of the text starting at `base`:
    /// `buffer` is that stretch lower-cased, so a token's lower-cased form is at the same offsets.
    /// `None` when each token is lower-cased in turn; `ends` then says where each one ends in
    /// `buffer` (it starts where the one before ends).
    ascii_base: Option<usize>,
    ends: Vec<usize>,
}

impl Lowered {
    /// No words, for a reader that reads none.
    pub(super) fn clear(&mut self) {
        self.buffer.clear();
        self.ascii_base = None;
        self.ends.clear();
    }

    /// The words of `tokens`, lower-cased, in place of the ones before.
    pub(super) fn fill(&mut self, text: &str, tokens: &[Token]) {
        self.clear();
        let mut base = usize::MAX;
        let mut end = 0;
        let mut valid = true;
        for token in tokens {
            base = base.min(token.span.start);
            end = end.max(token.span.end);
            valid &= token.span.start <= token.span.end;
        }
        if valid
            && let Some(stretch) = text.get(base.min(end)..end)
            && stretch.is_ascii()
        {
            self.buffer.push_str(stretch);
            self.buffer.make_ascii_lowercase();
            self.ascii_base = Some(base.min(end));
            return;
        }
        for token in tokens {
            let word = token.text(text);
            if word.is_ascii() {
                let start = self.buffer.len();
                self.buffer.push_str(word);
                // ASCII stays ASCII, so the buffer stays UTF-8.
                self.buffer[start..].make_ascii_lowercase();
            } else {
                self.buffer.push_str(&word.to_lowercase());
            }
            self.ends.push(self.buffer.len());
        }
    }

    /// Token `index` lower-cased (none past the end).
    #[inline]
    pub(super) fn get<'s>(&'s self, tokens: &[Token], index: usize) -> Option<&'s str> {
        match self.ascii_base {
            Some(base) => {
                let span = tokens.get(index)?.span;
                self.buffer
                    .get(span.start.checked_sub(base)?..span.end.checked_sub(base)?)
            }
            None => {
                let end = *self.ends.get(index)?;
                let start = match index.checked_sub(1) {
                    Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
                    None => 0,
                };
                self.buffer.get(start..end)
            }
        }
    }
}
