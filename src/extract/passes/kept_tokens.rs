//! The tokens of a corpus's sentences, kept from the sentences pass to the mentions and relations
//! passes in a compact form: the tokens of a corpus take much memory, and making that memory is a good
//! part of the cost of keeping them.

use crate::model::Span;
use crate::text::{Token, TokenKind};

/// A token in a sixth of the space of a [`Token`]: its start as a 16-bit offset from the start of its
/// sentence (a sentence under 64 KiB) and its length in 8 bits (a token under 256 bytes).
#[derive(Debug, Clone, Copy)]
pub(super) struct CompactToken {
    offset: u16,
    length: u8,
    kind: TokenKind,
}

/// Where a sentence's tokens are kept in its document's [`DocumentTokens`]: a range of the compact
/// tokens, or of the whole ones for a sentence whose tokens do not all fit the compact form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum KeptTokens {
    Compact(std::ops::Range<usize>),
    Whole(std::ops::Range<usize>),
}

/// The tokens of one document's sentences, kept between the passes: in a compact form wherever they
/// fit (the tokens of a corpus take much memory, and making that memory is a good part of the cost of
/// keeping them), whole where they do not.
pub(super) struct DocumentTokens {
    compact: Vec<CompactToken>,
    whole: Vec<Token>,
}

impl DocumentTokens {
    pub(super) fn for_text(text: &str) -> DocumentTokens {
        DocumentTokens {
            compact: Vec::with_capacity(text.len() / 5),
            whole: Vec::new(),
        }
    }

    /// Keeps the tokens of a sentence that starts at `sentence_start`, which are in order (none starts
    /// before the first, nor after the last).
    pub(super) fn keep(&mut self, sentence_start: usize, tokens: &[Token]) -> KeptTokens {
        let fits = match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => {
                first.span.start >= sentence_start
                    && last
                        .span
                        .start
                        .checked_sub(sentence_start)
                        .is_some_and(|offset| offset <= usize::from(u16::MAX))
                    // The lengths' bits together: one pass without a branch per token. A span that
                    // ends before it starts wraps to a length that does not fit.
                    && tokens.iter().fold(0, |bits, token| {
                        bits | token.span.end.wrapping_sub(token.span.start)
                    }) <= usize::from(u8::MAX)
            }
            _ => true,
        };
        if fits {
            let start = self.compact.len();
            // Every offset and length fits, so the casts keep them whole.
            self.compact.extend(tokens.iter().map(|token| CompactToken {
                offset: (token.span.start - sentence_start) as u16,
                length: (token.span.end - token.span.start) as u8,
                kind: token.kind,
            }));
            KeptTokens::Compact(start..self.compact.len())
        } else {
            // A sentence over 64 KiB or a token over 255 bytes: kept whole rather than cut.
            let start = self.whole.len();
            self.whole.extend_from_slice(tokens);
            KeptTokens::Whole(start..self.whole.len())
        }
    }

    /// The tokens of the sentence that starts at `sentence_start` and whose tokens are `kept`, into
    /// `out` (cleared first).
    pub(super) fn tokens_into(
        &self,
        sentence_start: usize,
        kept: &KeptTokens,
        out: &mut Vec<Token>,
    ) {
        let (compact, whole) = self.parts(kept);
        out.clear();
        out.extend(compact.iter().map(|&t| expand(sentence_start, t)));
        out.extend_from_slice(whole);
    }

    /// The compact tokens and the whole ones that `kept` covers: one of the two is empty.
    pub(super) fn parts(&self, kept: &KeptTokens) -> (&[CompactToken], &[Token]) {
        match kept {
            KeptTokens::Compact(range) => {
                (self.compact.get(range.clone()).unwrap_or_default(), &[])
            }
            KeptTokens::Whole(range) => (&[], self.whole.get(range.clone()).unwrap_or_default()),
        }
    }
}

pub(super) fn expand(sentence_start: usize, token: CompactToken) -> Token {
    let start = sentence_start + usize::from(token.offset);
    Token {
        span: Span::new(start, start + usize::from(token.length)),
        kind: token.kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn kept_tokens_read_back_as_given_compact_or_not() {
        const _: () = assert!(std::mem::size_of::<CompactToken>() == 4);
        let token = |start, end, kind| Token {
            span: Span::new(start, end),
            kind,
        };
        // (sentence start, its tokens, whether they fit the compact form)
        let cases: &[(usize, &[Token], bool)] = &[
            (0, &[], true),
            (
                0,
                &[token(0, 4, TokenKind::Word), token(5, 7, TokenKind::Number)],
                true,
            ),
            // Offsets are from the sentence's start, wherever it is in the document.
            (
                5_000_000_000,
                &[token(5_000_000_003, 5_000_000_258, TokenKind::Word)],
                true,
            ),
            // A token of 256 bytes does not fit; one of 255 does (above).
            (10, &[token(10, 266, TokenKind::Word)], false),
            // A token that starts 64 KiB or more into its sentence does not fit.
            (
                0,
                &[
                    token(0, 1, TokenKind::Punct),
                    token(65_535, 65_536, TokenKind::Punct),
                ],
                true,
            ),
            (
                0,
                &[
                    token(0, 1, TokenKind::Punct),
                    token(65_536, 65_537, TokenKind::Punct),
                ],
                false,
            ),
            // Nor one that starts before its sentence, nor a span that ends before it starts.
            (3, &[token(2, 4, TokenKind::Word)], false),
            (3, &[token(5, 4, TokenKind::Word)], false),
        ];
        let mut kept = DocumentTokens::for_text("some text");
        let ranges: Vec<KeptTokens> = cases
            .iter()
            .map(|&(start, tokens, _)| kept.keep(start, tokens))
            .collect();
        let mut read = Vec::new();
        for (&(start, tokens, fits), range) in cases.iter().zip(&ranges) {
            assert_eq!(
                matches!(range, KeptTokens::Compact(_)),
                fits,
                "{start} {tokens:?}"
            );
            kept.tokens_into(start, range, &mut read);
            assert_eq!(read, tokens, "{start}");
        }
    }
}
