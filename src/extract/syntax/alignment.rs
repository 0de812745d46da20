//! The project's tokens against another tokeniser's (the silver data's, spaCy's), by byte span: which
//! tokens are the same, and what tag a project token that joins or splits silver tokens takes.
//!
//! The two differ where the project keeps a word whole and spaCy splits it: hyphenated compounds
//! ("US-backed" is `US` `-` `backed` to spaCy), contractions ("don't" is `do` `n't`), abbreviations
//! with lower-case letters ("e.g."). The possessive `'s` is split off by both, so it aligns.

use super::Tag;
use super::conllu::SilverSentence;
use crate::model::Span;
use crate::text::tokenize;

/// A project token with the tag the silver data gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlignedToken {
    /// The project token's span.
    pub span: Span,
    /// Its tag from the silver tokens it overlaps.
    pub tag: Tag,
    /// Whether one silver token has exactly its span.
    pub exact: bool,
}

/// The project's tokens of a silver sentence of `text`, each with the silver tag it takes.
///
/// A token that is exactly a silver token takes its tag. One that joins several takes the tag a
/// word of its kind would: a hyphenated compound the tag of its last part (an adjective when that is
/// a participle, as in "US-backed"), a contraction the tag of its first ("don't" is a verb), any other
/// the tag of its last. One inside a silver token takes that token's tag.
pub fn align_sentence(text: &str, sentence: &SilverSentence) -> Vec<AlignedToken> {
    tokenize(text, sentence.span)
        .into_iter()
        .map(|token| {
            let span = token.span;
            let inside: Vec<_> = sentence
                .tokens
                .iter()
                .filter(|silver| silver.span.start < span.end && span.start < silver.span.end)
                .collect();
            let exact = matches!(inside[..], [only] if only.span == span);
            let tag = match inside[..] {
                [] => Tag::Unknown,
                [only] => only.tag,
                [first, .., last] => {
                    let word = span.slice(text);
                    if word.contains(['-', '–']) {
                        match last.tag {
                            Tag::ParticipleVerb | Tag::PastVerb | Tag::GerundVerb => Tag::Adjective,
                            tag => tag,
                        }
                    } else if word.contains(['\'', '’']) {
                        first.tag
                    } else {
                        last.tag
                    }
                }
            };
            AlignedToken { span, tag, exact }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::syntax::conllu::SilverToken;

    /// A silver sentence over `text` of the given (form, tag) tokens, found in order.
    fn silver(text: &str, tokens: &[(&str, Tag)]) -> SilverSentence {
        let mut at = 0;
        let tokens = tokens
            .iter()
            .map(|&(form, tag)| {
                let start = at + text[at..].find(form).unwrap_or(0);
                at = start + form.len();
                SilverToken {
                    span: Span::new(start, at),
                    form: form.to_string(),
                    lemma: form.to_lowercase(),
                    universal: tag.universal().to_string(),
                    tag,
                    head: 0,
                    relation: crate::extract::syntax::DependencyLabel::Root,
                }
            })
            .collect();
        SilverSentence {
            span: Span::new(0, text.len()),
            tokens,
        }
    }

    #[test]
    fn aligns_by_span_and_tags_joined_tokens() {
        use Tag::*;
        /// A sentence, its silver tokens, and the project's tokens with the tags they take.
        type Case<'a> = (&'a str, &'a [(&'a str, Tag)], &'a [(&'a str, Tag, bool)]);
        let cases: &[Case] = &[
            (
                "US-backed forces don't retreat.",
                &[
                    ("US", ProperNoun),
                    ("-", Hyphen),
                    ("backed", ParticipleVerb),
                    ("forces", PluralNoun),
                    ("do", PresentVerb),
                    ("n't", Adverb),
                    ("retreat", Verb),
                    (".", Period),
                ],
                &[
                    ("US-backed", Adjective, false),
                    ("forces", PluralNoun, true),
                    ("don't", PresentVerb, false),
                    ("retreat", Verb, true),
                    (".", Period, true),
                ],
            ),
            (
                "Iraq's army, e.g. here",
                &[
                    ("Iraq", ProperNoun),
                    ("'s", Possessive),
                    ("army", Noun),
                    (",", Comma),
                    ("e.g.", Adverb),
                    ("here", Adverb),
                ],
                &[
                    ("Iraq", ProperNoun, true),
                    ("'s", Possessive, true),
                    ("army", Noun, true),
                    (",", Comma, true),
                    ("e", Adverb, false),
                    (".", Adverb, false),
                    ("g", Adverb, false),
                    (".", Adverb, false),
                    ("here", Adverb, true),
                ],
            ),
        ];
        for (text, tokens, expected) in cases {
            let aligned: Vec<(&str, Tag, bool)> = align_sentence(text, &silver(text, tokens))
                .iter()
                .map(|a| (a.span.slice(text), a.tag, a.exact))
                .collect();
            assert_eq!(aligned, *expected, "{text}");
        }
    }
}
