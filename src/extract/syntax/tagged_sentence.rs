//! `TaggedSentence`: one sentence's tokens with their part-of-speech tags and lemmas, the first layer
//! of the sentence's structure. It keeps its room from one sentence to the next, so tagging a
//! document's sentences allocates only while the buffers grow. Only the lemmas the structure reads
//! are made ([`WordClass::reads_lemma`]: verbs, modals, adverbs, prepositions).

use super::{Tag, Tagger, TaggerScratch, WordClass};
use crate::text::Token;
use std::cell::RefCell;

/// A sentence's tags and lemmas, one of each per token, in token order (a lemma is empty where
/// the structure does not read it).
#[derive(Debug, Default)]
pub struct TaggedSentence {
    tags: Vec<Tag>,
    /// The lemmas one after the other; lemma `i` ends at `lemma_ends[i]` and starts where the one
    /// before ends.
    lemmas: String,
    lemma_ends: Vec<usize>,
    scratch: TaggerScratch,
}

impl TaggedSentence {
    /// Tags and lemmatises the sentence `tokens` (spans into `text`) with `tagger`, in place of the
    /// sentence before; `in_name[i]` says token `i` is a capitalised word of a name found in the
    /// text (see [`Tagger::tag_tokens_in_names`]).
    pub fn tag(&mut self, tagger: &Tagger, text: &str, tokens: &[Token], in_name: &[bool]) {
        let mut scratch = std::mem::take(&mut self.scratch);
        self.tag_with_scratch(tagger, text, tokens, in_name, &mut scratch);
        self.scratch = scratch;
    }

    /// [`TaggedSentence::tag`] with what the tagger remembers in `scratch`, which must only ever
    /// have served `tagger`.
    fn tag_with_scratch(
        &mut self,
        tagger: &Tagger,
        text: &str,
        tokens: &[Token],
        in_name: &[bool],
        scratch: &mut TaggerScratch,
    ) {
        tagger.tag_and_lemmatize_tokens(
            text,
            tokens,
            in_name,
            WordClass::reads_lemma,
            scratch,
            &mut self.tags,
            &mut self.lemmas,
            &mut self.lemma_ends,
        );
    }

    /// Tags and lemmatises the sentence with the model shipped in `data/tagger/`; false, leaving the
    /// sentence untagged, if that model does not load (it is compiled in, so only a broken build can
    /// make it fail, and the rules then read the sentence without its structure).
    ///
    /// What the tagger remembers of the words it has read (their features and scores) is kept per
    /// thread for the shipped model, not per tagged sentence: the build tags with a
    /// `TaggedSentence` of each document, and most words of a document were read in the
    /// documents before it on the same thread. It stays bounded (see [`TaggerScratch`]).
    pub fn tag_with_shipped(&mut self, text: &str, tokens: &[Token], in_name: &[bool]) -> bool {
        thread_local! {
            static SHIPPED_SCRATCH: RefCell<TaggerScratch> = RefCell::default();
        }
        match Tagger::shipped() {
            Ok(tagger) => {
                SHIPPED_SCRATCH.with_borrow_mut(|scratch| {
                    self.tag_with_scratch(tagger, text, tokens, in_name, scratch);
                });
                true
            }
            Err(_) => {
                self.clear();
                false
            }
        }
    }

    /// No tokens: a sentence not (yet) tagged.
    pub fn clear(&mut self) {
        self.tags.clear();
        self.lemmas.clear();
        self.lemma_ends.clear();
    }

    /// The number of tagged tokens (0 for a sentence not tagged).
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether no token is tagged.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Every token's tag, in token order.
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    /// The tag of token `index`, if it is tagged.
    pub fn tag_of(&self, index: usize) -> Option<Tag> {
        self.tags.get(index).copied()
    }

    /// The lemma of token `index` ("" when it is not tagged, or its tag's lemma is not read):
    /// "signed" → "sign", "was" → "be".
    pub fn lemma(&self, index: usize) -> &str {
        let Some(&end) = self.lemma_ends.get(index) else {
            return "";
        };
        let start = match index.checked_sub(1) {
            Some(before) => self.lemma_ends[before],
            None => 0,
        };
        self.lemmas.get(start..end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize;

    #[test]
    fn each_token_carries_its_tag_and_lemma() {
        // (sentence, `word/TAG/lemma` of each token)
        let cases = [
            (
                "The envoys were not invited to Oslo.",
                "The/DT/ envoys/NNS/ were/VBD/be not/RB/not invited/VBN/invite to/TO/to \
                 Oslo/NNP/ ././",
            ),
            (
                "Kenya is sending troops.",
                "Kenya/NNP/ is/VBZ/be sending/VBG/send troops/NNS/ ././",
            ),
            ("", ""),
        ];
        let mut tagged = TaggedSentence::default();
        // One sentence's buffers serve the next, as in a document.
        for (sentence, expected) in cases {
            let tokens = tokenize(sentence, Span::new(0, sentence.len()));
            assert!(
                tagged.tag_with_shipped(sentence, &tokens, &[]),
                "the model loads"
            );
            assert_eq!(tagged.len(), tokens.len());
            let got: Vec<String> = tokens
                .iter()
                .enumerate()
                .map(|(i, token)| {
                    let tag = tagged.tag_of(i).map_or("?", Tag::as_str);
                    format!("{}/{tag}/{}", token.text(sentence), tagged.lemma(i))
                })
                .collect();
            assert_eq!(got.join(" "), expected, "{sentence}");
        }
        assert_eq!(tagged.lemma(0), "", "past the end");
        assert!(tagged.is_empty());
    }
}
