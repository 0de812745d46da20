//! The dependency parser: greedy arc-hybrid transitions (see `transition_system`) chosen by an
//! averaged perceptron over the configuration's words and tags (see `parser_features`), then each
//! arc labelled by a second perceptron that reads the finished tree.
//!
//! It takes tagged input (the [`Tagger`](super::Tagger)'s tags) and gives a [`Parse`]. The shipped
//! model is `data/parser/model.bin`, compiled into the binary, learned from spaCy's parses of the
//! State of the Union addresses (provenance in `data/parser/README`).

use super::parser_features::{
    ACTION_FEATURES, LABEL_FEATURES, NO_TAG, NO_WORD, ROOT_TAG, ROOT_WORD, TreeContext,
    UNKNOWN_WORD, action_keys, label_keys, tag_number, word_hash,
};
use super::parser_model_file::{ParserModelError, ParserModelFile};
use super::transition_system::{Configuration, Transition};
use super::{DependencyLabel, Parse, Tag};
use crate::text::Token;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// The shipped model's bytes (made by `examples/train_parser.rs`; see `data/parser/README`).
static SHIPPED_MODEL: &[u8] = include_bytes!("../../../data/parser/model.bin");

/// The most labels a model may have (scores are kept in an array of this size).
const MAX_LABELS: usize = 64;

/// A dependency parser, read from a model.
#[derive(Debug, Clone)]
pub struct Parser {
    /// How far a key is shifted right to give its row of `actions`.
    shift: u32,
    /// The action table: each row's weights of `Shift`, `Left` and `Right`.
    actions: Vec<[i16; 3]>,
    /// The hashes of the words features read as themselves.
    vocabulary: FxHashSet<u64>,
    /// The labels: a label's number is its index here.
    labels: Vec<DependencyLabel>,
    /// The labeller's weights: each key's range of `label_entries`.
    label_rows: FxHashMap<u64, (u32, u32)>,
    label_entries: Vec<(u8, i16)>,
}

/// What a parser keeps between sentences, so parsing many allocates once.
#[derive(Debug, Default)]
pub struct ParserScratch {
    configuration: Configuration,
    words: Vec<u64>,
    tags: Vec<u64>,
    heads: Vec<u32>,
    context: TreeContext,
    lower: String,
}

impl Parser {
    /// The model shipped in `data/parser/model.bin`, read once.
    pub fn shipped() -> Result<&'static Parser, &'static ParserModelError> {
        static SHIPPED: LazyLock<Result<Parser, ParserModelError>> =
            LazyLock::new(|| Parser::from_bytes(SHIPPED_MODEL));
        SHIPPED.as_ref()
    }

    /// The parser of a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParserModelError> {
        Parser::from_model(&ParserModelFile::from_bytes(bytes)?)
    }

    /// The parser of a model record.
    pub fn from_model(model: &ParserModelFile) -> Result<Parser, ParserModelError> {
        let labels = model
            .labels
            .iter()
            .map(|name| {
                DependencyLabel::from_name(name).ok_or_else(|| {
                    ParserModelError::Inconsistent(format!("unknown label {name:?}"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if labels.len() > MAX_LABELS {
            return Err(ParserModelError::Inconsistent(format!(
                "{} labels, more than {MAX_LABELS}",
                labels.len()
            )));
        }
        let bits = model.bucket_bits;
        let mut actions = vec![[0i16; 3]; 1usize << bits];
        for (row, weights) in model
            .absolute_rows()?
            .into_iter()
            .zip(&model.action_weights)
        {
            actions[row] = *weights;
        }
        let mut label_rows = FxHashMap::default();
        let mut label_entries = Vec::new();
        for (key, weights) in &model.label_features {
            let start = label_entries.len();
            label_entries.extend_from_slice(weights);
            let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(label_entries.len()))
            else {
                return Err(ParserModelError::Inconsistent("too many weights".into()));
            };
            label_rows.insert(*key, (start, end));
        }
        Ok(Parser {
            shift: 64 - u32::from(bits),
            actions,
            vocabulary: model.vocabulary.iter().copied().collect(),
            labels,
            label_rows,
            label_entries,
        })
    }

    /// The parse of a sentence's words with their tags, into `out` (cleared first). Words past the
    /// end of the shorter of the two are left out.
    pub fn parse(
        &self,
        words: &[&str],
        tags: &[Tag],
        scratch: &mut ParserScratch,
        out: &mut Parse,
    ) {
        self.read_words(words.iter().copied(), tags, scratch);
        self.parse_read(tags, scratch, out);
    }

    /// The parse of a sentence's tokens (spans into `text`) with their tags, into `out` (cleared
    /// first).
    pub fn parse_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        tags: &[Tag],
        scratch: &mut ParserScratch,
        out: &mut Parse,
    ) {
        self.read_words(tokens.iter().map(|token| token.text(text)), tags, scratch);
        self.parse_read(tags, scratch, out);
    }

    /// Fills `scratch.words` and `scratch.tags` with what features read of each word, then the
    /// root's and "no word"'s values.
    fn read_words<'a>(
        &self,
        words: impl Iterator<Item = &'a str>,
        tags: &[Tag],
        scratch: &mut ParserScratch,
    ) {
        scratch.words.clear();
        scratch.tags.clear();
        for (word, &tag) in words.zip(tags) {
            let hash = word_hash(word, &mut scratch.lower);
            let known = self.vocabulary.contains(&hash);
            scratch.words.push(if known { hash } else { UNKNOWN_WORD });
            scratch.tags.push(tag_number(tag));
        }
        scratch.words.extend([ROOT_WORD, NO_WORD]);
        scratch.tags.extend([ROOT_TAG, NO_TAG]);
    }

    /// Parses the words `read_words` read.
    fn parse_read(&self, tags: &[Tag], scratch: &mut ParserScratch, out: &mut Parse) {
        out.clear();
        let n = scratch.words.len() - 2;
        if n == 0 {
            return;
        }
        let ParserScratch {
            configuration,
            words,
            tags: tag_numbers,
            heads,
            context,
            ..
        } = scratch;
        configuration.reset(n);
        let mut features = [0u64; ACTION_FEATURES];
        // Each transition shifts or pops, so a parse takes at most 2n + 1 of them.
        for _ in 0..=2 * n + 1 {
            if configuration.is_terminal() {
                break;
            }
            let transition = match configuration.forced() {
                Some(forced) => forced,
                None => {
                    action_keys(configuration, words, tag_numbers, &mut features);
                    self.best_transition(configuration, &features)
                }
            };
            configuration.apply(transition);
        }
        heads.clear();
        heads.extend(configuration.heads.iter().take(n));
        context.read(heads, &tags[..n]);
        let mut label_features = [0u64; LABEL_FEATURES];
        for (dependent, head) in configuration.heads().enumerate() {
            let label = match head {
                None => DependencyLabel::Root,
                Some(_) => {
                    label_keys(
                        dependent,
                        heads,
                        context,
                        words,
                        tag_numbers,
                        &tags[..n],
                        &mut label_features,
                    );
                    self.best_label(&label_features)
                }
            };
            out.push(head, label);
        }
    }

    /// The allowed transition with the highest score.
    #[inline]
    fn best_transition(
        &self,
        configuration: &Configuration,
        features: &[u64; ACTION_FEATURES],
    ) -> Transition {
        let mut scores = [0i32; 3];
        for &key in features {
            let row = &self.actions[(key >> self.shift) as usize];
            scores[0] += i32::from(row[0]);
            scores[1] += i32::from(row[1]);
            scores[2] += i32::from(row[2]);
        }
        best_allowed(configuration, &scores)
    }

    /// The label with the highest score, never the root's.
    fn best_label(&self, features: &[u64; LABEL_FEATURES]) -> DependencyLabel {
        let mut scores = [0i32; MAX_LABELS];
        for key in features {
            if let Some(&(start, end)) = self.label_rows.get(key) {
                for &(label, weight) in &self.label_entries[start as usize..end as usize] {
                    scores[usize::from(label)] += i32::from(weight);
                }
            }
        }
        let mut best: Option<(i32, DependencyLabel)> = None;
        for (&label, &score) in self.labels.iter().zip(&scores) {
            if label != DependencyLabel::Root && best.is_none_or(|(top, _)| score > top) {
                best = Some((score, label));
            }
        }
        best.map_or(DependencyLabel::Unclassified, |(_, label)| label)
    }
}

/// The allowed transition with the highest score (the first of equal ones, in `Transition::ALL`
/// order).
#[inline]
pub(crate) fn best_allowed<T: PartialOrd + Copy>(
    configuration: &Configuration,
    scores: &[T; 3],
) -> Transition {
    let mut best: Option<(T, Transition)> = None;
    for transition in Transition::ALL {
        if configuration.is_allowed(transition) {
            let score = scores[transition as usize];
            if best.is_none_or(|(top, _)| score > top) {
                best = Some((score, transition));
            }
        }
    }
    best.map_or(Transition::Shift, |(_, transition)| transition)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::syntax::{Tagger, TaggerScratch};
    use crate::model::Span;
    use crate::text::tokenize;

    fn shipped() -> &'static Parser {
        match Parser::shipped() {
            Ok(parser) => parser,
            Err(error) => panic!("the shipped parser model does not load: {error}"),
        }
    }

    /// The sentence tokenised, tagged and parsed by the shipped models: its words and parse.
    fn parsed(sentence: &str) -> (Vec<&str>, Parse) {
        let tagger = match Tagger::shipped() {
            Ok(tagger) => tagger,
            Err(error) => panic!("the shipped tagger model does not load: {error}"),
        };
        let tokens = tokenize(sentence, Span::new(0, sentence.len()));
        let mut tags = Vec::new();
        tagger.tag_tokens(sentence, &tokens, &mut TaggerScratch::default(), &mut tags);
        let mut parse = Parse::default();
        shipped().parse_tokens(
            sentence,
            &tokens,
            &tags,
            &mut ParserScratch::default(),
            &mut parse,
        );
        (tokens.iter().map(|t| t.text(sentence)).collect(), parse)
    }

    /// What a verb's arcs say, written out: `verb: subject=… object=… agent=… to=…` (each part
    /// only when there is one; a passive verb is marked `(passive)`).
    fn clause_of(words: &[&str], parse: &Parse, verb: usize) -> String {
        let mut parts = vec![format!("{}:", words[verb])];
        if parse.is_passive(verb) {
            parts.push("(passive)".into());
        }
        if let Some(subject) = parse.subject_of(verb) {
            parts.push(format!("subject={}", words[subject]));
        }
        if let Some(object) = parse.object_of(verb) {
            parts.push(format!("object={}", words[object]));
        }
        if let Some(agent) = parse.agent_of(verb) {
            parts.push(format!("agent={}", words[agent]));
        }
        for (preposition, object) in parse.prepositional_objects(verb) {
            parts.push(format!("{}={}", words[preposition], words[object]));
        }
        parts.join(" ")
    }

    #[test]
    fn finds_subjects_objects_and_agents_of_sentences_of_our_own() {
        // (sentence, the verbs to describe, their descriptions)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "The council approved the plan.",
                &["approved"],
                &["approved: subject=council object=plan"],
            ),
            (
                "The treaty was signed by Chile.",
                &["signed"],
                &["signed: (passive) subject=treaty agent=Chile"],
            ),
            (
                "After Peru attacked Bolivia, Chile sent troops to Argentina.",
                &["attacked", "sent"],
                &[
                    "attacked: subject=Peru object=Bolivia",
                    "sent: subject=Chile object=troops to=Argentina",
                ],
            ),
            (
                "Rebels from the north seized the port.",
                &["seized"],
                &["seized: subject=Rebels object=port"],
            ),
            (
                "In March the embassy was attacked by protesters.",
                &["attacked"],
                &["attacked: (passive) subject=embassy agent=protesters In=March"],
            ),
        ];
        for &(sentence, verbs, expected) in cases {
            let (words, parse) = parsed(sentence);
            let found: Vec<String> = verbs
                .iter()
                .map(|verb| match words.iter().position(|w| w == verb) {
                    Some(at) => clause_of(&words, &parse, at),
                    None => format!("{verb}: not a word of the sentence"),
                })
                .collect();
            assert_eq!(found, expected, "{sentence}");
        }
    }

    #[test]
    fn the_subordinate_clause_hangs_from_the_main_verb() {
        let (words, parse) = parsed("After Peru attacked Bolivia, Chile sent troops to Argentina.");
        let at = |word: &str| words.iter().position(|w| *w == word);
        assert_eq!(parse.root(), at("sent"));
        let attacked = at("attacked").unwrap_or(usize::MAX);
        assert_eq!(parse.head(attacked), at("sent"));
        assert_eq!(
            parse.label(attacked),
            Some(DependencyLabel::AdverbialClause)
        );
        assert_eq!(parse.len(), words.len());
    }

    #[test]
    fn parses_what_it_is_given_without_panicking() {
        let parser = shipped();
        let (mut scratch, mut parse) = (ParserScratch::default(), Parse::default());
        let cases: &[(&[&str], &[Tag])] = &[
            (&[], &[]),
            (&["Stop"], &[Tag::Verb]),
            // More words than tags: the words without a tag are left out.
            (&["Peace", "now", "!"], &[Tag::Noun, Tag::Adverb]),
        ];
        for &(words, tags) in cases {
            parser.parse(words, tags, &mut scratch, &mut parse);
            assert_eq!(parse.len(), words.len().min(tags.len()), "{words:?}");
            assert_eq!(
                parse.heads().iter().filter(|head| head.is_none()).count(),
                usize::from(!tags.is_empty()),
                "{words:?}: one root"
            );
        }
    }

    #[test]
    fn bad_model_files_are_errors_not_panics() {
        let mut unknown_label = match ParserModelFile::from_bytes(SHIPPED_MODEL) {
            Ok(model) => model,
            Err(error) => panic!("the shipped parser model does not load: {error}"),
        };
        unknown_label.labels[0] = "subject".into();
        let unknown_label = unknown_label.to_bytes().unwrap_or_default();
        let cases: &[(&[u8], &str)] = &[
            (
                b"",
                "not a kgraph parser model (it does not start with \"KGPARSER\")",
            ),
            (
                &SHIPPED_MODEL[..SHIPPED_MODEL.len() / 2],
                "parser model is corrupt: Hit the end of buffer, expected more data",
            ),
            (
                &unknown_label,
                "parser model is inconsistent: unknown label \"subject\"",
            ),
        ];
        for &(bytes, message) in cases {
            match Parser::from_bytes(bytes) {
                Ok(_) => panic!("{message}: read as a model"),
                Err(error) => assert_eq!(error.to_string(), message),
            }
        }
    }
}
