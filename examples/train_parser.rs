//! Trains the dependency parser shipped in `data/parser/model.bin` from the silver syntax of the
//! State of the Union addresses, and prints its agreement with the silver parses on the addresses
//! held out of training.
//!
//! ```sh
//! cargo run --release --example train_parser -- ../shared/silver/sotu data/parser/
//! ```
//!
//! Arguments: the folder of `*.conllu.gz` files, the folder to write `model.bin` to, and optionally
//! `--epochs N`, `--seed N`, `--bits N` (the action table has `2^N` rows), `--min-count N` (a word
//! seen fewer times reads as unknown), `--prune WEIGHT` (averaged action weights smaller than this
//! are dropped), `--prune-labels WEIGHT`, `--also-prune ACTIONS,LABELS` (also measure, without
//! writing it, the model pruned at these levels; may be repeated) and `--silver-tags` (learn from
//! spaCy's tags rather than the shipped tagger's).
//!
//! The parser reads spaCy's tokens with the tags the shipped tagger gives them, in training and when
//! measured, so what it learns from looks like what it will be given. Held out: every tenth file by
//! sorted name, starting with the first (24 of 233 addresses), as for the tagger. Training is
//! seeded, so a run is reproducible.

use flate2::read::GzDecoder;
use kgraph::extract::syntax::conllu::{SilverSentence, read_conllu};
use kgraph::extract::syntax::parser_training::{
    ParsedSentence, ParserTrainingOptions, train_parser_weights,
};
use kgraph::extract::syntax::{
    DependencyLabel, Parse, Parser, ParserScratch, Tag, Tagger, TaggerScratch,
};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// One address: its name and silver sentences.
struct Address {
    name: String,
    sentences: Vec<SilverSentence>,
}

/// The command line.
struct Arguments {
    silver: PathBuf,
    output: PathBuf,
    silver_tags: bool,
    options: ParserTrainingOptions,
    /// More pruning levels to measure (action weights, label weights), after the one written.
    also_prune: Vec<(f32, f32)>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn parse_arguments() -> Result<Arguments, String> {
    let usage = "usage: train_parser SILVER_DIR OUTPUT_DIR [--epochs N] [--seed N] [--bits N] \
                 [--min-count N] [--prune WEIGHT] [--prune-labels WEIGHT] [--also-prune ACTIONS,LABELS]... \
                 [--silver-tags]";
    let mut positional = Vec::new();
    let mut silver_tags = false;
    let mut also_prune = Vec::new();
    let mut options = ParserTrainingOptions::default();
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        let mut value = || {
            arguments
                .next()
                .ok_or_else(|| format!("{argument} needs a value; {usage}"))
        };
        let number_error = |e: std::num::ParseIntError| format!("{argument}: {e}");
        let weight_error = |e: std::num::ParseFloatError| format!("{argument}: {e}");
        match argument.as_str() {
            "--epochs" => options.epochs = value()?.parse().map_err(number_error)?,
            "--seed" => options.seed = value()?.parse().map_err(number_error)?,
            "--bits" => options.bucket_bits = value()?.parse().map_err(number_error)?,
            "--min-count" => options.min_word_count = value()?.parse().map_err(number_error)?,
            "--prune" => options.prune_actions_below = value()?.parse().map_err(weight_error)?,
            "--prune-labels" => {
                options.prune_labels_below = value()?.parse().map_err(weight_error)?
            }
            "--also-prune" => {
                let pair = value()?;
                let (actions, labels) = pair
                    .split_once(',')
                    .ok_or_else(|| format!("--also-prune {pair}: ACTIONS,LABELS"))?;
                also_prune.push((
                    actions.parse().map_err(weight_error)?,
                    labels.parse().map_err(weight_error)?,
                ));
            }
            "--silver-tags" => silver_tags = true,
            _ if argument.starts_with("--") => {
                return Err(format!("unknown option {argument}; {usage}"));
            }
            _ => positional.push(PathBuf::from(argument)),
        }
    }
    if !(8..=24).contains(&options.bucket_bits) {
        return Err(format!("--bits {}: from 8 to 24", options.bucket_bits));
    }
    let [silver, output] = <[PathBuf; 2]>::try_from(positional).map_err(|_| usage.to_string())?;
    Ok(Arguments {
        silver,
        output,
        silver_tags,
        options,
        also_prune,
    })
}

/// The addresses of the silver folder, sorted by name.
fn read_addresses(silver: &Path) -> Result<Vec<Address>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(silver)
        .map_err(|e| format!("{}: {e}", silver.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(".conllu.gz"))
        .collect();
    files.sort();
    files
        .par_iter()
        .map(|path| {
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut conllu = String::new();
            std::fs::File::open(path)
                .and_then(|file| GzDecoder::new(file).read_to_string(&mut conllu))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let sentences = read_conllu(&conllu).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(Address {
                name: file_name.trim_end_matches(".conllu.gz").to_string(),
                sentences,
            })
        })
        .collect()
}

/// A silver sentence as the parser learns it: spaCy's words, the tagger's tags (or spaCy's), and
/// spaCy's tree. `None` when a head points outside the sentence.
fn parsed_sentence(
    sentence: &SilverSentence,
    tagger: &Tagger,
    silver_tags: bool,
    scratch: &mut TaggerScratch,
) -> Option<ParsedSentence> {
    let words: Vec<String> = sentence.tokens.iter().map(|t| t.form.clone()).collect();
    let tags = if silver_tags {
        sentence.tokens.iter().map(|t| t.tag).collect()
    } else {
        let borrowed: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut tags = Vec::new();
        tagger.tag_words(&borrowed, scratch, &mut tags);
        tags
    };
    let n = words.len();
    let heads = sentence
        .tokens
        .iter()
        .map(|t| match t.head {
            0 => Some(None),
            head if head <= n => Some(Some(head - 1)),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(ParsedSentence {
        words,
        tags,
        heads,
        labels: sentence.tokens.iter().map(|t| t.relation).collect(),
    })
}

/// Agreement counts with the silver trees.
#[derive(Default)]
struct Agreement {
    words: usize,
    heads: usize,
    labelled: usize,
    non_punctuation: usize,
    heads_non_punctuation: usize,
    labelled_non_punctuation: usize,
    sentences: usize,
    whole_sentences: usize,
    /// Per label: (silver arcs, parser arcs, both with the same head and label).
    by_label: BTreeMap<&'static str, [usize; 3]>,
}

impl Agreement {
    fn add(&mut self, other: Agreement) {
        self.words += other.words;
        self.heads += other.heads;
        self.labelled += other.labelled;
        self.non_punctuation += other.non_punctuation;
        self.heads_non_punctuation += other.heads_non_punctuation;
        self.labelled_non_punctuation += other.labelled_non_punctuation;
        self.sentences += other.sentences;
        self.whole_sentences += other.whole_sentences;
        for (label, counts) in other.by_label {
            let mine = self.by_label.entry(label).or_default();
            for (sum, count) in mine.iter_mut().zip(counts) {
                *sum += count;
            }
        }
    }

    fn count(&mut self, gold: &ParsedSentence, parse: &Parse) {
        self.sentences += 1;
        let mut whole = true;
        for (index, ((&head, &label), &tag)) in gold
            .heads
            .iter()
            .zip(&gold.labels)
            .zip(&gold.tags)
            .enumerate()
        {
            let (found_head, found_label) = (parse.head(index), parse.label(index));
            let head_right = found_head == head;
            let label_right = head_right && found_label == Some(label);
            whole &= head_right;
            let punctuation = label == DependencyLabel::Punctuation || is_punctuation(tag);
            self.words += 1;
            self.heads += usize::from(head_right);
            self.labelled += usize::from(label_right);
            if !punctuation {
                self.non_punctuation += 1;
                self.heads_non_punctuation += usize::from(head_right);
                self.labelled_non_punctuation += usize::from(label_right);
            }
            self.by_label.entry(label.as_str()).or_default()[0] += 1;
            if let Some(found) = found_label {
                self.by_label.entry(found.as_str()).or_default()[1] += 1;
            }
            if label_right {
                self.by_label.entry(label.as_str()).or_default()[2] += 1;
            }
        }
        self.whole_sentences += usize::from(whole);
    }
}

fn is_punctuation(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Comma
            | Tag::Period
            | Tag::Colon
            | Tag::LeftBracket
            | Tag::RightBracket
            | Tag::CloseQuote
            | Tag::OpenQuote
            | Tag::Hyphen
            | Tag::Superfluous
    )
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

fn run() -> Result<(), String> {
    let arguments = parse_arguments()?;
    let started = Instant::now();
    let tagger = Tagger::shipped().map_err(|e| format!("the shipped tagger: {e}"))?;
    let addresses = read_addresses(&arguments.silver)?;
    let held_out: Vec<&Address> = addresses.iter().step_by(10).collect();
    let training: Vec<&Address> = addresses
        .iter()
        .enumerate()
        .filter(|(index, _)| index % 10 != 0)
        .map(|(_, address)| address)
        .collect();
    eprintln!(
        "read {} addresses in {:.1} s; holding out {} (every tenth by name, from the first): {}",
        addresses.len(),
        started.elapsed().as_secs_f64(),
        held_out.len(),
        held_out
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let silver_tags = arguments.silver_tags;
    let sentences_of = |addresses: &[&Address]| -> Vec<ParsedSentence> {
        addresses
            .par_iter()
            .flat_map_iter(|address| {
                let mut scratch = TaggerScratch::default();
                address
                    .sentences
                    .iter()
                    .filter_map(|s| parsed_sentence(s, tagger, silver_tags, &mut scratch))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let sentences = sentences_of(&training);
    let held_out_sentences = sentences_of(&held_out);
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    let options = &arguments.options;
    eprintln!(
        "training on {} sentences, {words} words ({} tags), {} passes, 2^{} action rows, seed {}",
        sentences.len(),
        if silver_tags {
            "spaCy's"
        } else {
            "the tagger's"
        },
        options.epochs,
        options.bucket_bits,
        options.seed
    );
    let training_started = Instant::now();
    let (trained, report) = train_parser_weights(&sentences, options);
    let training_seconds = training_started.elapsed().as_secs_f64();
    for (pass, (heads, labels)) in report
        .epoch_attachment
        .iter()
        .zip(&report.epoch_labels)
        .enumerate()
    {
        eprintln!(
            "pass {}: {heads:.4} of training heads found while learning, {labels:.4} of gold arcs labelled right",
            pass + 1
        );
    }
    eprintln!("trained in {training_seconds:.1} s");
    let mut levels = vec![(options.prune_actions_below, options.prune_labels_below)];
    levels.extend(&arguments.also_prune);
    for (index, &(prune_actions, prune_labels)) in levels.iter().enumerate() {
        let model = trained.model(prune_actions, prune_labels);
        let bytes = model.to_bytes().map_err(|e| e.to_string())?;
        let size = format!(
            "{} bytes ({} vocabulary words, {} action rows of 2^{}, {} label features; pruned below {prune_actions} and {prune_labels})",
            bytes.len(),
            model.vocabulary.len(),
            model.action_weights.len(),
            model.bucket_bits,
            model.label_features.len(),
        );
        if index == 0 {
            std::fs::create_dir_all(&arguments.output)
                .map_err(|e| format!("{}: {e}", arguments.output.display()))?;
            let path = arguments.output.join("model.bin");
            kgraph::atomic_file::write_atomically(&path, |out| out.write_all(&bytes))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}: {size}", path.display());
        } else {
            println!("not written: {size}");
        }
        let parser = Parser::from_bytes(&bytes).map_err(|e| e.to_string())?;
        report_agreement(
            &parser,
            &held_out_sentences,
            held_out.len(),
            silver_tags,
            index == 0,
        );
    }
    Ok(())
}

/// Parses the held-out sentences and prints their agreement with spaCy's trees (per label too when
/// `per_label`).
fn report_agreement(
    parser: &Parser,
    sentences: &[ParsedSentence],
    addresses: usize,
    silver_tags: bool,
    per_label: bool,
) {
    let mut total = Agreement::default();
    let parts: Vec<Agreement> = sentences
        .par_chunks(256)
        .map(|chunk| {
            let (mut scratch, mut parse, mut agreement) = (
                ParserScratch::default(),
                Parse::default(),
                Agreement::default(),
            );
            for sentence in chunk {
                let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
                parser.parse(&words, &sentence.tags, &mut scratch, &mut parse);
                agreement.count(sentence, &parse);
            }
            agreement
        })
        .collect();
    for part in parts {
        total.add(part);
    }
    println!(
        "held-out agreement with spaCy's parses ({addresses} addresses, {} sentences, {} words, {} tags as input):",
        total.sentences,
        total.words,
        if silver_tags {
            "spaCy's"
        } else {
            "the tagger's"
        },
    );
    println!(
        "  unlabelled attachment {:.4}, labelled {:.4}; without punctuation ({} words) {:.4} and {:.4}; whole sentences {:.4}",
        share(total.heads, total.words),
        share(total.labelled, total.words),
        total.non_punctuation,
        share(total.heads_non_punctuation, total.non_punctuation),
        share(total.labelled_non_punctuation, total.non_punctuation),
        share(total.whole_sentences, total.sentences),
    );
    if !per_label {
        return;
    }
    println!("  per label (silver arcs: precision, recall of head and label together):");
    for (label, [silver, found, both]) in &total.by_label {
        if *silver >= 100 {
            println!(
                "    {label:<10} {silver:>6}: P {:.3} R {:.3}",
                share(*both, *found),
                share(*both, *silver)
            );
        }
    }
}
