//! Training the tagger: an averaged perceptron over tagged sentences, greedy as the tagger reads, with
//! seeded shuffling so the same sentences and seed give the same model.
//!
//! The program that trains the shipped model is `examples/train_tagger.rs`; this module is the part
//! that does not touch files, so it can be tested.

use super::Tag;
use super::features::{
    START_TAG, START_TAG_2, WordFeatures, context_keys, history_keys, sentence_features,
};
use super::model_file::{LemmaExceptionRecord, LemmaRuleRecord, ModelFile};
use super::tagger::best_tag;
use rustc_hash::FxHashMap;

/// A sentence to learn from: its words and their tags.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedSentence {
    /// The words as written.
    pub words: Vec<String>,
    /// One tag per word.
    pub tags: Vec<Tag>,
}

/// How training runs.
#[derive(Debug, Clone, Copy)]
pub struct TrainingOptions {
    /// Passes over the sentences.
    pub epochs: usize,
    /// The seed of the shuffling before each pass.
    pub seed: u64,
    /// A word enters the tag dictionary when seen at least this often...
    pub dictionary_min_count: usize,
    /// ...with one tag at least this share of the time.
    pub dictionary_min_share: f64,
    /// Averaged weights smaller than this (in absolute value) are dropped from the model.
    pub prune_below: f32,
}

impl Default for TrainingOptions {
    fn default() -> Self {
        TrainingOptions {
            epochs: 5,
            seed: 19,
            dictionary_min_count: 20,
            dictionary_min_share: 0.995,
            prune_below: 2.0,
        }
    }
}

/// One tag's weight of a feature, with what averaging needs.
#[derive(Debug, Clone, Copy)]
struct Parameter {
    tag: u8,
    weight: f32,
    /// The sum of the weight over the updates before `stamp`.
    total: f64,
    /// The update at which `weight` last changed.
    stamp: u64,
}

/// An averaged perceptron being trained.
#[derive(Debug, Default)]
pub struct Trainer {
    tags: Vec<Tag>,
    parameters: FxHashMap<u64, Vec<Parameter>>,
    dictionary: FxHashMap<u64, u8>,
    /// Updates so far (one per word scored).
    updates: u64,
}

/// What training gives besides the model: the share of words tagged right in each pass, as it went.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingReport {
    /// Per pass: the share of training words the tagger got right before its update.
    pub epoch_accuracy: Vec<f64>,
    /// Words in the tag dictionary.
    pub dictionary_words: usize,
}

/// A small seeded random number generator (splitmix64): enough to shuffle reproducibly.
pub(crate) struct SplitMix(pub(crate) u64);

impl SplitMix {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates over `items`.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for last in (1..items.len()).rev() {
            let pick = (self.next() % (last as u64 + 1)) as usize;
            items.swap(last, pick);
        }
    }
}

impl Trainer {
    /// Trains on `sentences` and gives the model record (without lemmatiser rules, which
    /// [`Lemmatizer::learn`](super::Lemmatizer::learn) makes) and a report.
    pub fn train(
        sentences: &[TaggedSentence],
        options: &TrainingOptions,
    ) -> (ModelFile, TrainingReport) {
        let mut trainer = Trainer {
            tags: Tag::ALL.to_vec(),
            ..Trainer::default()
        };
        trainer.dictionary = trainer.make_dictionary(sentences, options);
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut random = SplitMix(options.seed);
        let mut epoch_accuracy = Vec::with_capacity(options.epochs);
        let (mut features, mut lower, mut truth) = (Vec::new(), String::new(), Vec::new());
        for _ in 0..options.epochs {
            random.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &index in &order {
                let sentence = &sentences[index];
                sentence_features(
                    sentence.words.iter().map(String::as_str),
                    &mut features,
                    &mut lower,
                );
                truth.clear();
                truth.extend(sentence.tags.iter().map(|&tag| trainer.number(tag)));
                right += trainer.learn_sentence(&features, &truth);
                total += truth.len();
            }
            epoch_accuracy.push(right as f64 / total.max(1) as f64);
        }
        let report = TrainingReport {
            epoch_accuracy,
            dictionary_words: trainer.dictionary.len(),
        };
        (trainer.into_model(options.prune_below), report)
    }

    /// A tag's number (every tag is in `Tag::ALL`).
    fn number(&self, tag: Tag) -> u8 {
        tag.index_in(&self.tags).unwrap_or(0)
    }

    /// The words seen often enough with one tag nearly always.
    fn make_dictionary(
        &self,
        sentences: &[TaggedSentence],
        options: &TrainingOptions,
    ) -> FxHashMap<u64, u8> {
        let mut counts: FxHashMap<u64, FxHashMap<u8, usize>> = FxHashMap::default();
        let mut lower = String::new();
        for sentence in sentences {
            for (position, (word, &tag)) in sentence.words.iter().zip(&sentence.tags).enumerate() {
                let exact = WordFeatures::of(word, position, &mut lower).exact;
                *counts
                    .entry(exact)
                    .or_default()
                    .entry(self.number(tag))
                    .or_default() += 1;
            }
        }
        counts
            .into_iter()
            .filter_map(|(word, tags)| {
                let total: usize = tags.values().sum();
                let (&tag, &count) = tags
                    .iter()
                    .max_by_key(|&(&tag, &count)| (count, std::cmp::Reverse(tag)))?;
                let share = count as f64 / total as f64;
                (total >= options.dictionary_min_count && share >= options.dictionary_min_share)
                    .then_some((word, tag))
            })
            .collect()
    }

    /// Tags one sentence greedily, updating the weights at each word tagged wrong: how many were right.
    fn learn_sentence(&mut self, words: &[WordFeatures], truth: &[u8]) -> usize {
        let (mut previous, mut previous2) = (START_TAG, START_TAG_2);
        let mut right = 0;
        let mut scores = vec![0f32; self.tags.len()];
        for (index, &gold) in (2..words.len() - 2).zip(truth) {
            let guess = match self.dictionary.get(&words[index].exact) {
                Some(&number) => number,
                None => {
                    let context = context_keys(words, index);
                    let history = history_keys(words, index, previous, previous2);
                    scores.iter_mut().for_each(|score| *score = 0.0);
                    for key in context.iter().chain(&history) {
                        if let Some(row) = self.parameters.get(key) {
                            for parameter in row {
                                scores[usize::from(parameter.tag)] += parameter.weight;
                            }
                        }
                    }
                    let guess = best_tag(&scores);
                    self.updates += 1;
                    if guess != gold {
                        for &key in context.iter().chain(&history) {
                            self.update(key, gold, 1.0);
                            self.update(key, guess, -1.0);
                        }
                    }
                    guess
                }
            };
            right += usize::from(guess == gold);
            previous2 = previous;
            previous = u64::from(guess);
        }
        right
    }

    /// Adds `change` to the weight of `tag` for `key`, keeping the running total for the average.
    fn update(&mut self, key: u64, tag: u8, change: f32) {
        let now = self.updates;
        let row = self.parameters.entry(key).or_default();
        let parameter = match row.iter_mut().position(|p| p.tag == tag) {
            Some(at) => &mut row[at],
            None => {
                row.push(Parameter {
                    tag,
                    weight: 0.0,
                    total: 0.0,
                    stamp: now,
                });
                let last = row.len() - 1;
                &mut row[last]
            }
        };
        parameter.total += (now - parameter.stamp) as f64 * f64::from(parameter.weight);
        parameter.stamp = now;
        parameter.weight += change;
    }

    /// The averaged weights, pruned and quantised, as a model record.
    fn into_model(self, prune_below: f32) -> ModelFile {
        let now = self.updates.max(1);
        let mut averaged: Vec<(u64, Vec<(u8, f32)>)> = self
            .parameters
            .into_iter()
            .map(|(key, row)| {
                let mut weights: Vec<(u8, f32)> = row
                    .iter()
                    .map(|p| {
                        let total = p.total + (now - p.stamp) as f64 * f64::from(p.weight);
                        (p.tag, (total / now as f64) as f32)
                    })
                    .filter(|(_, weight)| weight.abs() >= prune_below)
                    .collect();
                weights.sort_by_key(|&(tag, _)| tag);
                (key, weights)
            })
            .filter(|(_, weights)| !weights.is_empty())
            .collect();
        averaged.sort_by_key(|&(key, _)| key);
        let largest = averaged
            .iter()
            .flat_map(|(_, weights)| weights.iter().map(|(_, w)| w.abs()))
            .fold(0f32, f32::max);
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let features = averaged
            .into_iter()
            .map(|(key, weights)| {
                let quantised = weights
                    .into_iter()
                    .map(|(tag, weight)| (tag, (weight / scale).round() as i16))
                    .filter(|&(_, weight)| weight != 0)
                    .collect();
                (key, quantised)
            })
            .collect();
        let mut dictionary: Vec<(u64, u8)> = self.dictionary.into_iter().collect();
        dictionary.sort_unstable();
        ModelFile {
            tags: self
                .tags
                .iter()
                .map(|tag| tag.as_str().to_string())
                .collect(),
            scale,
            features,
            dictionary,
            lemma_rules: Vec::<LemmaRuleRecord>::new(),
            lemma_exceptions: Vec::<LemmaExceptionRecord>::new(),
        }
    }
}
