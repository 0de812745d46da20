//! The part-of-speech tagger: an averaged perceptron read greedily from left to right, in the style
//! of Honnibal's "A good part-of-speech tagger in about 200 lines of Python" (NLTK's
//! `PerceptronTagger`).
//!
//! A word in the tag dictionary (frequent words that nearly always take one tag) takes that tag; any
//! other word takes the tag with the highest sum of the weights of its features (see
//! `features`): its own forms, its neighbours' and the two tags before it.
//! The shipped model is `data/tagger/model.bin`, compiled into the binary.

use super::Tag;
use super::features::{
    KnownWords, START_TAG, START_TAG_2, WordFeatures, history_keys, neighbour_keys,
    sentence_features_with, word_keys,
};
use super::lemmatizer::Lemmatizer;
use super::model_file::{ModelError, ModelFile};
use crate::text::Token;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The shipped model's bytes (made by `examples/train_tagger.rs`; see `data/tagger/README`).
static SHIPPED_MODEL: &[u8] = include_bytes!("../../../data/tagger/model.bin");

/// The most tags a model may have (scores are kept in an array of this size).
const MAX_TAGS: usize = 64;

/// A feature's weights: a range of [`Weights::entries`].
#[derive(Debug, Clone, Copy)]
struct Row {
    start: u32,
    end: u32,
}

/// The feature weights: each key's non-zero weights, one tag number and weight each.
#[derive(Debug, Clone, Default)]
struct Weights {
    rows: FxHashMap<u64, Row>,
    entries: Vec<(u8, f32)>,
}

impl Weights {
    /// Adds the weights of `key` to `scores`.
    #[inline]
    fn add(&self, key: u64, scores: &mut [f32; MAX_TAGS]) {
        if let Some(row) = self.rows.get(&key) {
            for &(tag, weight) in &self.entries[row.start as usize..row.end as usize] {
                scores[usize::from(tag)] += weight;
            }
        }
    }
}

/// A part-of-speech tagger and lemmatiser, read from a model.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// The model's tags: a tag number is an index here.
    tags: Vec<Tag>,
    weights: Weights,
    /// Words (hashed as written) that take one tag, with its number.
    dictionary: FxHashMap<u64, u8>,
    lemmatizer: Lemmatizer,
    /// The number of the proper noun tag, if the model has one.
    proper_noun: Option<u8>,
}

/// The most word types whose own scores a [`TaggerScratch`] remembers (about 1 MB). It remembers
/// the first ones it meets, which are most of a text's frequent words, and no more: a scratch kept
/// for a whole corpus (`TaggedSentence::tag_with_shipped`) then costs the build no more memory than
/// this (remembering up to 16,384 word types, as before, put 8 MB on the SOTU build's peak).
const REMEMBERED_WORDS: usize = 3_500;

/// What a tagger keeps between sentences, so tagging many allocates once: buffers, each word's
/// features, and the scores of the features of each word type's own forms (most words of a text
/// are ones seen before, and those features are half of the look-ups).
#[derive(Debug, Default)]
pub struct TaggerScratch {
    words: Vec<WordFeatures>,
    lower: String,
    numbers: Vec<u8>,
    known: KnownWords,
    word_scores: FxHashMap<u64, [f32; MAX_TAGS]>,
}

impl TaggerScratch {
    /// The features of `words` (with the paddings) into [`TaggerScratch::words`].
    fn read_words<'a>(&mut self, words: impl ExactSizeIterator<Item = &'a str>) {
        let (known, lower) = (&mut self.known, &mut self.lower);
        sentence_features_with(words, &mut self.words, |word, position| {
            known.features(word, position, lower)
        });
    }
}

impl Tagger {
    /// The model shipped in `data/tagger/model.bin`, read once.
    pub fn shipped() -> Result<&'static Tagger, &'static ModelError> {
        static SHIPPED: LazyLock<Result<Tagger, ModelError>> =
            LazyLock::new(|| Tagger::from_bytes(SHIPPED_MODEL));
        SHIPPED.as_ref()
    }

    /// The tagger of a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Tagger::from_model(&ModelFile::from_bytes(bytes)?)
    }

    /// The tagger of a model record.
    pub fn from_model(model: &ModelFile) -> Result<Tagger, ModelError> {
        let tags = model
            .tags
            .iter()
            .map(|name| {
                Tag::from_name(name)
                    .ok_or_else(|| ModelError::Inconsistent(format!("unknown tag {name:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if tags.len() > MAX_TAGS {
            return Err(ModelError::Inconsistent(format!(
                "{} tags, more than {MAX_TAGS}",
                tags.len()
            )));
        }
        let mut weights = Weights::default();
        weights.rows.reserve(model.features.len());
        for (key, row) in &model.features {
            let start = weights.entries.len();
            weights.entries.extend(
                row.iter()
                    .map(|&(tag, weight)| (tag, f32::from(weight) * model.scale)),
            );
            let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(weights.entries.len()))
            else {
                return Err(ModelError::Inconsistent("too many weights".into()));
            };
            weights.rows.insert(*key, Row { start, end });
        }
        let proper_noun = Tag::ProperNoun.index_in(&tags);
        Ok(Tagger {
            proper_noun,
            tags,
            weights,
            dictionary: model.dictionary.iter().copied().collect(),
            lemmatizer: Lemmatizer::from_records(&model.lemma_rules, &model.lemma_exceptions),
        })
    }

    /// The tags of a sentence's words, into `out` (cleared first).
    pub fn tag_words(&self, words: &[&str], scratch: &mut TaggerScratch, out: &mut Vec<Tag>) {
        scratch.read_words(words.iter().copied());
        self.tag_features(scratch, &[]);
        out.clear();
        out.extend(scratch.numbers.iter().map(|&n| self.tags[usize::from(n)]));
    }

    /// The tags of a sentence's tokens (spans into `text`), into `out` (cleared first).
    pub fn tag_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        scratch: &mut TaggerScratch,
        out: &mut Vec<Tag>,
    ) {
        self.tag_tokens_in_names(text, tokens, &[], scratch, out);
    }

    /// The tags of a sentence's tokens as [`Tagger::tag_tokens`] gives them, where `in_name[i]`
    /// says token `i` is a capitalised word of a name found in the text: such a word is a proper
    /// noun whatever the model reads ("Chad severed ties": "Chad" is no adverb), and the words
    /// after it are tagged knowing so. Tokens past the end of `in_name` are not known names.
    pub fn tag_tokens_in_names(
        &self,
        text: &str,
        tokens: &[Token],
        in_name: &[bool],
        scratch: &mut TaggerScratch,
        out: &mut Vec<Tag>,
    ) {
        scratch.read_words(tokens.iter().map(|token| token.text(text)));
        self.tag_features(scratch, in_name);
        out.clear();
        out.extend(scratch.numbers.iter().map(|&n| self.tags[usize::from(n)]));
    }

    /// The tags of a sentence's tokens (spans into `text`) into `tags`, and the lemmas of those whose
    /// tag `lemmatized` accepts one after the other into `lemmas` (an empty one for each other
    /// token), each ending where `lemma_ends` says (all three cleared first). `in_name` as for
    /// [`Tagger::tag_tokens_in_names`].
    #[allow(clippy::too_many_arguments)]
    pub fn tag_and_lemmatize_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        in_name: &[bool],
        lemmatized: impl Fn(Tag) -> bool,
        scratch: &mut TaggerScratch,
        tags: &mut Vec<Tag>,
        lemmas: &mut String,
        lemma_ends: &mut Vec<usize>,
    ) {
        self.tag_tokens_in_names(text, tokens, in_name, scratch, tags);
        lemmas.clear();
        lemma_ends.clear();
        for ((token, &number), &tag) in tokens.iter().zip(&scratch.numbers).zip(tags.iter()) {
            if lemmatized(tag) {
                self.lemmatizer.push_lemma(token.text(text), number, lemmas);
            }
            lemma_ends.push(lemmas.len());
        }
    }

    /// The tag numbers of the words whose features are in `scratch.words`, into `scratch.numbers`;
    /// `in_name` as for [`Tagger::tag_tokens_in_names`].
    fn tag_features(&self, scratch: &mut TaggerScratch, in_name: &[bool]) {
        let (words, word_scores) = (&scratch.words, &mut scratch.word_scores);
        scratch.numbers.clear();
        let (mut previous, mut previous2) = (START_TAG, START_TAG_2);
        for index in 2..words.len() - 2 {
            let mut number = match self.dictionary.get(&words[index].exact) {
                Some(&number) => number,
                None => self.predict(words, index, previous, previous2, word_scores),
            };
            if in_name.get(index - 2).copied().unwrap_or(false)
                && let Some(proper) = self.proper_noun
                && !self
                    .tags
                    .get(usize::from(number))
                    .is_some_and(|tag| tag.is_proper_noun())
            {
                number = proper;
            }
            scratch.numbers.push(number);
            previous2 = previous;
            previous = u64::from(number);
        }
    }

    /// The best-scoring tag number of the word at `index`.
    #[inline]
    fn predict(
        &self,
        words: &[WordFeatures],
        index: usize,
        previous: u64,
        previous2: u64,
        word_scores: &mut FxHashMap<u64, [f32; MAX_TAGS]>,
    ) -> u8 {
        let word = &words[index];
        // The word's own forms and its shape (which says whether it starts the sentence).
        let word_type = word.exact.rotate_left(17) ^ word.shape;
        let mut scores = match word_scores.get(&word_type) {
            Some(scores) => *scores,
            None => {
                let mut scores = [0f32; MAX_TAGS];
                for key in word_keys(word) {
                    self.weights.add(key, &mut scores);
                }
                if word_scores.len() < REMEMBERED_WORDS {
                    word_scores.insert(word_type, scores);
                }
                scores
            }
        };
        for key in neighbour_keys(words, index) {
            self.weights.add(key, &mut scores);
        }
        for key in history_keys(words, index, previous, previous2) {
            self.weights.add(key, &mut scores);
        }
        best_tag(&scores[..self.tags.len()])
    }

    /// The lemma of `word` with tag `tag`: learned rules and exceptions, or the word in lower case when
    /// the model does not know the tag.
    pub fn lemma(&self, word: &str, tag: Tag) -> String {
        match tag.index_in(&self.tags) {
            Some(number) => self.lemmatizer.lemma(word, number),
            None => super::lemmatizer::lower_form(word).into_owned(),
        }
    }

    /// The lemma of `word` with tag `tag`, pushed onto `out`: the same as [`Tagger::lemma`] without
    /// a string of its own.
    pub fn push_lemma(&self, word: &str, tag: Tag, out: &mut String) {
        match tag.index_in(&self.tags) {
            Some(number) => self.lemmatizer.push_lemma(word, number, out),
            None => out.push_str(&super::lemmatizer::lower_form(word)),
        }
    }

    /// The tags the model knows, in the order of their numbers.
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }
}

/// The number of the highest score (the first of equal ones).
#[inline]
pub(crate) fn best_tag(scores: &[f32]) -> u8 {
    let mut best = 0;
    for (index, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = index;
        }
    }
    u8::try_from(best).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize;

    fn shipped() -> &'static Tagger {
        match Tagger::shipped() {
            Ok(tagger) => tagger,
            Err(error) => panic!("the shipped tagger model does not load: {error}"),
        }
    }

    /// The sentence's tokens (the project's tokeniser) as `word/TAG`.
    fn tagged(sentence: &str) -> String {
        let tokens = tokenize(sentence, Span::new(0, sentence.len()));
        let mut tags = Vec::new();
        shipped().tag_tokens(sentence, &tokens, &mut TaggerScratch::default(), &mut tags);
        tokens
            .iter()
            .zip(&tags)
            .map(|(token, tag)| format!("{}/{tag}", token.text(sentence)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Words of names mention finding found are proper nouns, and the words after them are
    /// tagged knowing so: (sentence, the words in names, the tags without them, with them).
    #[test]
    fn words_of_names_are_proper_nouns() {
        let cases = [
            (
                "Chad severed ties with Libya.",
                &["Chad", "Libya"][..],
                "Chad/RB severed/VBN ties/NNS with/IN Libya/NNP ./.",
                "Chad/NNP severed/VBD ties/NNS with/IN Libya/NNP ./.",
            ),
            // A word the model already takes for a proper noun keeps its tag.
            (
                "The Houthis fired missiles.",
                &["Houthis"][..],
                "The/DT Houthis/NNP fired/VBD missiles/NNS ./.",
                "The/DT Houthis/NNP fired/VBD missiles/NNS ./.",
            ),
        ];
        for (sentence, names, without, with) in cases {
            let tokens = tokenize(sentence, Span::new(0, sentence.len()));
            let in_name: Vec<bool> = tokens
                .iter()
                .map(|t| names.contains(&t.text(sentence)))
                .collect();
            let mut tags = Vec::new();
            let mut scratch = TaggerScratch::default();
            shipped().tag_tokens_in_names(sentence, &tokens, &in_name, &mut scratch, &mut tags);
            let written = tokens
                .iter()
                .zip(&tags)
                .map(|(token, tag)| format!("{}/{tag}", token.text(sentence)))
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(tagged(sentence), without, "{sentence}");
            assert_eq!(written, with, "{sentence}");
        }
    }

    #[test]
    fn tags_sentences_of_our_own() {
        let cases = [
            (
                "The ministers met in Geneva on Monday.",
                "The/DT ministers/NNS met/VBD in/IN Geneva/NNP on/IN Monday/NNP ./.",
            ),
            (
                "Rebels attacked the convoy that carried the aid.",
                "Rebels/NNS attacked/VBD the/DT convoy/NN that/WDT carried/VBD the/DT aid/NN ./.",
            ),
            (
                "Norway's envoy said talks would not resume.",
                "Norway/NNP 's/POS envoy/NN said/VBD talks/NNS would/MD not/RB resume/VB ./.",
            ),
            (
                "The agreement was signed by both governments in 1994.",
                "The/DT agreement/NN was/VBD signed/VBN by/IN both/DT governments/NNS in/IN 1994/CD ./.",
            ),
            (
                "They don't trust the Iran-backed militia.",
                "They/PRP don't/VBP trust/VB the/DT Iran-backed/JJ militia/NN ./.",
            ),
            (
                "The army had sent it.",
                "The/DT army/NN had/VBD sent/VBN it/PRP ./.",
            ),
            (
                "Kenya is sending more troops to the border.",
                "Kenya/NNP is/VBZ sending/VBG more/JJR troops/NNS to/IN the/DT border/NN ./.",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(tagged(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn lemmatises_with_the_shipped_model() {
        use Tag::*;
        let cases = [
            ("ministers", PluralNoun, "minister"),
            ("met", PastVerb, "meet"),
            ("was", PastVerb, "be"),
            ("signed", ParticipleVerb, "sign"),
            ("treaties", PluralNoun, "treaty"),
            ("Geneva", ProperNoun, "Geneva"),
            ("The", Determiner, "the"),
            ("children", PluralNoun, "child"),
            ("better", ComparativeAdjective, "well"),
            ("sanctioning", GerundVerb, "sanction"),
        ];
        for (word, tag, lemma) in cases {
            assert_eq!(shipped().lemma(word, tag), lemma, "{word} {tag}");
        }
    }

    #[test]
    fn tags_nothing_in_an_empty_sentence() {
        let mut tags = vec![Tag::Noun];
        shipped().tag_words(&[], &mut TaggerScratch::default(), &mut tags);
        assert!(tags.is_empty());
    }

    #[test]
    fn refuses_a_corrupt_model_with_a_clear_error() {
        let good = SHIPPED_MODEL;
        let mut wrong_version = good.to_vec();
        wrong_version[8..12].copy_from_slice(&7u32.to_le_bytes());
        let mut trailing = good.to_vec();
        trailing.push(0);
        let mut bad_tags = ModelFile::from_bytes(good).expect("the shipped model reads");
        bad_tags.tags[0] = "NOUN".into();
        let mut bad_number = ModelFile::from_bytes(good).expect("the shipped model reads");
        bad_number.dictionary.push((1, 200));
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (
                Vec::new(),
                "not a kgraph tagger model (it does not start with \"KGTAGGER\")",
            ),
            (
                b"PK\x03\x04 a zip file".to_vec(),
                "not a kgraph tagger model (it does not start with \"KGTAGGER\")",
            ),
            (
                b"KGTAGGER\x01".to_vec(),
                "tagger model is corrupt: the file ends inside its header",
            ),
            (
                wrong_version,
                "tagger model format version 7, but this build reads version 1",
            ),
            (
                good[..good.len() / 2].to_vec(),
                "tagger model is corrupt: Hit the end of buffer, expected more data",
            ),
            (
                trailing,
                "tagger model is corrupt: 1 bytes after the end of the model",
            ),
            (
                bad_tags.to_bytes().expect("writes"),
                "tagger model is inconsistent: unknown tag \"NOUN\"",
            ),
            (
                bad_number.to_bytes().expect("writes"),
                "tagger model is inconsistent: tag number 200, but the model has 50 tags",
            ),
        ];
        for (bytes, message) in cases {
            match Tagger::from_bytes(&bytes) {
                Ok(_) => panic!("{message}: read as a model"),
                Err(error) => assert_eq!(error.to_string(), message),
            }
        }
    }

    #[test]
    fn survives_every_truncation_and_flipped_byte_of_a_small_model() {
        let model = ModelFile {
            tags: vec!["NN".into(), "VB".into()],
            scale: 0.5,
            features: vec![(42, vec![(0, 3), (1, -2)])],
            dictionary: vec![(7, 1)],
            lemma_rules: Vec::new(),
            lemma_exceptions: Vec::new(),
        };
        let bytes = model.to_bytes().expect("writes");
        assert!(Tagger::from_bytes(&bytes).is_ok());
        for cut in 0..bytes.len() {
            assert!(Tagger::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0xff;
            // Either a model or an error: never a panic.
            let _ = Tagger::from_bytes(&flipped);
        }
    }
}
