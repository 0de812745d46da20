//! Training the dependency parser: the action perceptron learns from the dynamic oracle (Goldberg and
//! Nivre 2012), following its own mistakes after the first passes, and the labeller from the gold
//! trees. Sentences are shuffled with a fixed seed, so the same sentences and options give the same
//! model.
//!
//! The program that trains the shipped model is `examples/train_parser.rs`; this module is the part
//! that does not touch files, so it can be tested.

use super::parser::best_allowed;
use super::parser_features::{
    ACTION_FEATURES, LABEL_FEATURES, NO_TAG, NO_WORD, ROOT_TAG, ROOT_WORD, TreeContext,
    UNKNOWN_WORD, action_keys, label_keys, tag_number, word_hash,
};
use super::parser_model_file::ParserModelFile;
use super::training::SplitMix;
use super::transition_system::{Configuration, Transition};
use super::{DependencyLabel, Tag};
use rustc_hash::{FxHashMap, FxHashSet};

/// A sentence to learn from: its words, their tags (as the tagger gives them) and the gold tree.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSentence {
    /// The words as written.
    pub words: Vec<String>,
    /// One tag per word.
    pub tags: Vec<Tag>,
    /// Each word's head (`None` for the root).
    pub heads: Vec<Option<usize>>,
    /// The label of each word's arc from its head.
    pub labels: Vec<DependencyLabel>,
}

/// How parser training runs.
#[derive(Debug, Clone, Copy)]
pub struct ParserTrainingOptions {
    /// Passes over the sentences.
    pub epochs: usize,
    /// The seed of the shuffling and of the exploration.
    pub seed: u64,
    /// The action table has `2^bucket_bits` rows.
    pub bucket_bits: u8,
    /// A word is in the vocabulary when seen at least this often.
    pub min_word_count: usize,
    /// From this pass on (counted from 0), training follows the parser's own choice...
    pub explore_from: usize,
    /// ...this share of the time, so it learns to recover from its mistakes.
    pub explore_share: f64,
    /// Averaged action weights smaller than this (in absolute value) are dropped.
    pub prune_actions_below: f32,
    /// Averaged label weights smaller than this are dropped.
    pub prune_labels_below: f32,
}

impl Default for ParserTrainingOptions {
    fn default() -> Self {
        ParserTrainingOptions {
            epochs: 8,
            seed: 19,
            bucket_bits: 21,
            min_word_count: 3,
            explore_from: 1,
            explore_share: 0.9,
            prune_actions_below: 0.5,
            prune_labels_below: 0.5,
        }
    }
}

/// What training gives besides the model.
#[derive(Debug, Clone, PartialEq)]
pub struct ParserTrainingReport {
    /// Per pass: the share of training words whose head the parser found (while it learned).
    pub epoch_attachment: Vec<f64>,
    /// Per pass: the share of training arcs the labeller labelled right before its update.
    pub epoch_labels: Vec<f64>,
    /// Words in the vocabulary.
    pub vocabulary_words: usize,
}

/// A sentence as training reads it: word and tag values (with the root's and "no word"'s after
/// them), the gold heads (`n` for the root) and label numbers.
struct Prepared {
    words: Vec<u64>,
    tags: Vec<u64>,
    penn: Vec<Tag>,
    gold: Vec<u32>,
    labels: Vec<u8>,
}

/// The action perceptron being trained: a dense table, with what averaging needs.
struct ActionTrainer {
    shift: u32,
    weights: Vec<[f32; 3]>,
    totals: Vec<[f64; 3]>,
    stamps: Vec<u64>,
    updates: u64,
}

impl ActionTrainer {
    fn new(bits: u8) -> ActionTrainer {
        let rows = 1usize << bits;
        ActionTrainer {
            shift: 64 - u32::from(bits),
            weights: vec![[0.0; 3]; rows],
            totals: vec![[0.0; 3]; rows],
            stamps: vec![0; rows],
            updates: 0,
        }
    }

    fn scores(&self, features: &[u64; ACTION_FEATURES]) -> [f32; 3] {
        let mut scores = [0f32; 3];
        for &key in features {
            let row = &self.weights[(key >> self.shift) as usize];
            for (score, weight) in scores.iter_mut().zip(row) {
                *score += weight;
            }
        }
        scores
    }

    fn update(&mut self, features: &[u64; ACTION_FEATURES], gold: Transition, guess: Transition) {
        let now = self.updates;
        for &key in features {
            let row = (key >> self.shift) as usize;
            let elapsed = (now - self.stamps[row]) as f64;
            for (total, &weight) in self.totals[row].iter_mut().zip(&self.weights[row]) {
                *total += elapsed * f64::from(weight);
            }
            self.stamps[row] = now;
            self.weights[row][gold as usize] += 1.0;
            self.weights[row][guess as usize] -= 1.0;
        }
    }

    /// The averaged rows whose largest weight reaches `prune_below`, quantised to `i16`: (row
    /// distances as the model file stores them, weights).
    fn rows(&self, prune_below: f32) -> (Vec<u32>, Vec<[i16; 3]>) {
        let now = self.updates.max(1);
        let averaged: Vec<(usize, [f32; 3])> = (0..self.weights.len())
            .filter_map(|row| {
                let elapsed = (now - self.stamps[row]) as f64;
                let average: [f32; 3] = std::array::from_fn(|class| {
                    let total =
                        self.totals[row][class] + elapsed * f64::from(self.weights[row][class]);
                    (total / now as f64) as f32
                });
                average
                    .iter()
                    .any(|w| w.abs() >= prune_below)
                    .then_some((row, average))
            })
            .collect();
        let scale = quantising_scale(averaged.iter().flat_map(|(_, w)| w.iter().copied()));
        let (mut rows, mut weights, mut previous) = (Vec::new(), Vec::new(), 0usize);
        for (row, average) in averaged {
            let quantised = average.map(|w| (w / scale).round() as i16);
            if quantised == [0; 3] {
                continue;
            }
            rows.push((row - previous) as u32);
            weights.push(quantised);
            previous = row;
        }
        (rows, weights)
    }
}

/// One label's weight of a feature, with what averaging needs.
#[derive(Debug, Clone, Copy)]
struct LabelParameter {
    label: u8,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// The labeller being trained.
#[derive(Default)]
struct LabelTrainer {
    parameters: FxHashMap<u64, Vec<LabelParameter>>,
    updates: u64,
}

impl LabelTrainer {
    fn best(&self, features: &[u64; LABEL_FEATURES], label_count: usize, root: u8) -> u8 {
        let mut scores = vec![0f32; label_count];
        for key in features {
            if let Some(row) = self.parameters.get(key) {
                for parameter in row {
                    scores[usize::from(parameter.label)] += parameter.weight;
                }
            }
        }
        let mut best: Option<(f32, u8)> = None;
        for (label, &score) in scores.iter().enumerate() {
            let label = label as u8;
            if label != root && best.is_none_or(|(top, _)| score > top) {
                best = Some((score, label));
            }
        }
        best.map_or(0, |(_, label)| label)
    }

    fn update(&mut self, key: u64, label: u8, change: f32) {
        let now = self.updates;
        let row = self.parameters.entry(key).or_default();
        let at = match row.iter().position(|p| p.label == label) {
            Some(at) => at,
            None => {
                row.push(LabelParameter {
                    label,
                    weight: 0.0,
                    total: 0.0,
                    stamp: now,
                });
                row.len() - 1
            }
        };
        let parameter = &mut row[at];
        parameter.total += (now - parameter.stamp) as f64 * f64::from(parameter.weight);
        parameter.stamp = now;
        parameter.weight += change;
    }

    fn features(&self, prune_below: f32) -> Vec<(u64, Vec<(u8, i16)>)> {
        let now = self.updates.max(1);
        let mut averaged: Vec<(u64, Vec<(u8, f32)>)> = self
            .parameters
            .iter()
            .map(|(&key, row)| (key, row))
            .map(|(key, row)| {
                let mut weights: Vec<(u8, f32)> = row
                    .iter()
                    .map(|p| {
                        let total = p.total + (now - p.stamp) as f64 * f64::from(p.weight);
                        (p.label, (total / now as f64) as f32)
                    })
                    .filter(|(_, w)| w.abs() >= prune_below)
                    .collect();
                weights.sort_by_key(|&(label, _)| label);
                (key, weights)
            })
            .filter(|(_, weights)| !weights.is_empty())
            .collect();
        averaged.sort_by_key(|&(key, _)| key);
        let scale = quantising_scale(averaged.iter().flat_map(|(_, w)| w.iter().map(|p| p.1)));
        averaged
            .into_iter()
            .map(|(key, weights)| {
                let quantised = weights
                    .into_iter()
                    .map(|(label, w)| (label, (w / scale).round() as i16))
                    .filter(|&(_, w)| w != 0)
                    .collect();
                (key, quantised)
            })
            .filter(|(_, weights): &(u64, Vec<(u8, i16)>)| !weights.is_empty())
            .collect()
    }
}

/// The scale that maps the largest weight to `i16::MAX`.
fn quantising_scale(weights: impl Iterator<Item = f32>) -> f32 {
    let largest = weights.map(f32::abs).fold(0f32, f32::max);
    if largest > 0.0 {
        largest / f32::from(i16::MAX)
    } else {
        1.0
    }
}

/// The words seen at least `min_count` times, hashed as features read them.
fn make_vocabulary(sentences: &[ParsedSentence], min_count: usize) -> Vec<u64> {
    let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
    let mut lower = String::new();
    for word in sentences.iter().flat_map(|s| &s.words) {
        *counts.entry(word_hash(word, &mut lower)).or_default() += 1;
    }
    let mut vocabulary: Vec<u64> = counts
        .into_iter()
        .filter(|&(_, count)| count >= min_count)
        .map(|(hash, _)| hash)
        .collect();
    vocabulary.sort_unstable();
    vocabulary
}

/// A sentence's values as features read them, or `None` when its lists disagree in length or a
/// head is out of range.
fn prepare(sentence: &ParsedSentence, vocabulary: &FxHashSet<u64>) -> Option<Prepared> {
    let n = sentence.words.len();
    if n == 0 || sentence.tags.len() != n || sentence.heads.len() != n || sentence.labels.len() != n
    {
        return None;
    }
    let mut lower = String::new();
    let mut words: Vec<u64> = sentence
        .words
        .iter()
        .map(|word| {
            let hash = word_hash(word, &mut lower);
            if vocabulary.contains(&hash) {
                hash
            } else {
                UNKNOWN_WORD
            }
        })
        .collect();
    words.extend([ROOT_WORD, NO_WORD]);
    let mut tags: Vec<u64> = sentence.tags.iter().map(|&t| tag_number(t)).collect();
    tags.extend([ROOT_TAG, NO_TAG]);
    let gold = sentence
        .heads
        .iter()
        .map(|head| match head {
            None => Some(n as u32),
            Some(head) if *head < n => Some(*head as u32),
            Some(_) => None,
        })
        .collect::<Option<Vec<u32>>>()?;
    let labels = sentence
        .labels
        .iter()
        .map(|&label| {
            DependencyLabel::ALL
                .iter()
                .position(|&l| l == label)
                .map(|at| at as u8)
        })
        .collect::<Option<Vec<u8>>>()?;
    Some(Prepared {
        words,
        tags,
        penn: sentence.tags.clone(),
        gold,
        labels,
    })
}

/// A trained parser's weights, before pruning: [`TrainedParser::model`] makes model records of it.
pub struct TrainedParser {
    bucket_bits: u8,
    vocabulary: Vec<u64>,
    actions: ActionTrainer,
    labeller: LabelTrainer,
}

impl TrainedParser {
    /// The model record with averaged action weights below `prune_actions_below` and label weights
    /// below `prune_labels_below` (in absolute value) dropped.
    pub fn model(&self, prune_actions_below: f32, prune_labels_below: f32) -> ParserModelFile {
        let (action_rows, action_weights) = self.actions.rows(prune_actions_below);
        ParserModelFile {
            bucket_bits: self.bucket_bits,
            vocabulary: self.vocabulary.clone(),
            action_rows,
            action_weights,
            labels: DependencyLabel::ALL
                .iter()
                .map(|label| label.as_str().to_string())
                .collect(),
            label_features: self.labeller.features(prune_labels_below),
        }
    }
}

/// Trains a parser on `sentences` and gives its model record (pruned as `options` say) and a report.
pub fn train_parser(
    sentences: &[ParsedSentence],
    options: &ParserTrainingOptions,
) -> (ParserModelFile, ParserTrainingReport) {
    let (trained, report) = train_parser_weights(sentences, options);
    let model = trained.model(options.prune_actions_below, options.prune_labels_below);
    (model, report)
}

/// Trains a parser on `sentences` and gives its weights before pruning and a report.
pub fn train_parser_weights(
    sentences: &[ParsedSentence],
    options: &ParserTrainingOptions,
) -> (TrainedParser, ParserTrainingReport) {
    let vocabulary = make_vocabulary(sentences, options.min_word_count);
    let known: FxHashSet<u64> = vocabulary.iter().copied().collect();
    let prepared: Vec<Prepared> = sentences
        .iter()
        .filter_map(|sentence| prepare(sentence, &known))
        .collect();
    let mut actions = ActionTrainer::new(options.bucket_bits);
    let mut labeller = LabelTrainer::default();
    let root = DependencyLabel::ALL
        .iter()
        .position(|&l| l == DependencyLabel::Root)
        .unwrap_or(0) as u8;
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut random = SplitMix(options.seed);
    let (mut epoch_attachment, mut epoch_labels) = (Vec::new(), Vec::new());
    let mut configuration = Configuration::default();
    let mut context = TreeContext::default();
    for epoch in 0..options.epochs {
        random.shuffle(&mut order);
        let explore = epoch >= options.explore_from;
        let (mut attached, mut labelled, mut arcs, mut words) = (0usize, 0usize, 0usize, 0usize);
        for &index in &order {
            let sentence = &prepared[index];
            attached += learn_actions(
                &mut actions,
                &mut configuration,
                sentence,
                explore.then_some(options.explore_share),
                &mut random,
            );
            words += sentence.gold.len();
            let (right, total) = learn_labels(&mut labeller, &mut context, sentence, root);
            labelled += right;
            arcs += total;
        }
        epoch_attachment.push(attached as f64 / words.max(1) as f64);
        epoch_labels.push(labelled as f64 / arcs.max(1) as f64);
    }
    let report = ParserTrainingReport {
        epoch_attachment,
        epoch_labels,
        vocabulary_words: vocabulary.len(),
    };
    let trained = TrainedParser {
        bucket_bits: options.bucket_bits,
        vocabulary,
        actions,
        labeller,
    };
    (trained, report)
}

/// Parses one sentence, updating the action weights wherever the parser's choice costs gold arcs;
/// follows the parser's own choice with probability `explore` (when given) and a best zero-cost
/// transition otherwise. Gives how many words got their gold head.
fn learn_actions(
    trainer: &mut ActionTrainer,
    configuration: &mut Configuration,
    sentence: &Prepared,
    explore: Option<f64>,
    random: &mut SplitMix,
) -> usize {
    let n = sentence.gold.len();
    configuration.reset(n);
    let mut features = [0u64; ACTION_FEATURES];
    for _ in 0..=2 * n + 1 {
        if configuration.is_terminal() {
            break;
        }
        if let Some(forced) = configuration.forced() {
            configuration.apply(forced);
            continue;
        }
        action_keys(
            configuration,
            &sentence.words,
            &sentence.tags,
            &mut features,
        );
        let scores = trainer.scores(&features);
        let guess = best_allowed(configuration, &scores);
        let costs = Transition::ALL.map(|t| configuration.cost(t, &sentence.gold));
        let least = costs.iter().flatten().copied().min().unwrap_or(0);
        let mut gold_scores = [f32::NEG_INFINITY; 3];
        for transition in Transition::ALL {
            if costs[transition as usize] == Some(least) {
                gold_scores[transition as usize] = scores[transition as usize];
            }
        }
        let gold = best_allowed(configuration, &gold_scores);
        trainer.updates += 1;
        let next = if costs[guess as usize] == Some(least) {
            guess
        } else {
            trainer.update(&features, gold, guess);
            let follow_guess = explore
                .is_some_and(|share| (random.next() >> 11) as f64 / (1u64 << 53) as f64 <= share);
            if follow_guess { guess } else { gold }
        };
        configuration.apply(next);
    }
    configuration
        .heads
        .iter()
        .zip(&sentence.gold)
        .filter(|(found, gold)| found == gold)
        .count()
}

/// Labels the arcs of a sentence's gold tree, updating the labeller at each one labelled wrong: (how
/// many right, how many arcs).
fn learn_labels(
    trainer: &mut LabelTrainer,
    context: &mut TreeContext,
    sentence: &Prepared,
    root: u8,
) -> (usize, usize) {
    let n = sentence.gold.len() as u32;
    context.read(&sentence.gold, &sentence.penn);
    let mut features = [0u64; LABEL_FEATURES];
    let (mut right, mut total) = (0, 0);
    for (dependent, &head) in sentence.gold.iter().enumerate() {
        if head >= n {
            continue;
        }
        label_keys(
            dependent,
            &sentence.gold,
            context,
            &sentence.words,
            &sentence.tags,
            &sentence.penn,
            &mut features,
        );
        let gold = sentence.labels[dependent];
        let guess = trainer.best(&features, DependencyLabel::ALL.len(), root);
        trainer.updates += 1;
        total += 1;
        if guess == gold {
            right += 1;
        } else {
            for &key in &features {
                trainer.update(key, gold, 1.0);
                trainer.update(key, guess, -1.0);
            }
        }
    }
    (right, total)
}
