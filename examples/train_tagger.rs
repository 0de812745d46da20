//! Trains the part-of-speech tagger and lemmatiser shipped in `data/tagger/model.bin` from the silver
//! syntax of the State of the Union addresses, and prints its agreement with the silver tags on the
//! addresses held out of training.
//!
//! ```sh
//! cargo run --release --example train_tagger -- ../shared/silver/sotu data/tagger/
//! ```
//!
//! Arguments: the folder of `*.conllu.gz` files, the folder to write `model.bin` to, and optionally
//! `--texts DIR` (the addresses' text files; by default `SILVER/../../corpus-large/sotu`),
//! `--tokens project|silver` (learn from the project's tokens, the default, or spaCy's), `--epochs N`
//! `--seed N` and `--prune WEIGHT` (averaged weights smaller than this are dropped; 2 by default).
//!
//! Held out: every tenth file by sorted name, starting with the first (24 of 233 addresses). The
//! training sentences are shuffled with a fixed seed before each pass, so a run is reproducible.

use flate2::read::GzDecoder;
use kgraph::extract::syntax::alignment::align_sentence;
use kgraph::extract::syntax::conllu::{SilverSentence, read_conllu};
use kgraph::extract::syntax::training::{TaggedSentence, Trainer, TrainingOptions};
use kgraph::extract::syntax::{Lemmatizer, Tagger, TaggerScratch};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// One address: its name, text and silver sentences.
struct Address {
    name: String,
    text: String,
    sentences: Vec<SilverSentence>,
}

/// The command line.
struct Arguments {
    silver: PathBuf,
    output: PathBuf,
    texts: PathBuf,
    project_tokens: bool,
    options: TrainingOptions,
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
    let usage = "usage: train_tagger SILVER_DIR OUTPUT_DIR [--texts DIR] [--tokens project|silver] \
                 [--epochs N] [--seed N] [--prune WEIGHT]";
    let mut positional = Vec::new();
    let mut texts = None;
    let mut project_tokens = true;
    let mut options = TrainingOptions::default();
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        let mut value = || {
            arguments
                .next()
                .ok_or_else(|| format!("{argument} needs a value; {usage}"))
        };
        match argument.as_str() {
            "--texts" => texts = Some(PathBuf::from(value()?)),
            "--tokens" => {
                project_tokens = match value()?.as_str() {
                    "project" => true,
                    "silver" => false,
                    other => return Err(format!("--tokens {other}: project or silver")),
                }
            }
            "--epochs" => {
                options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?
            }
            "--prune" => {
                options.prune_below = value()?.parse().map_err(|e| format!("--prune: {e}"))?
            }
            "--seed" => options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            _ if argument.starts_with("--") => {
                return Err(format!("unknown option {argument}; {usage}"));
            }
            _ => positional.push(PathBuf::from(argument)),
        }
    }
    let [silver, output] = <[PathBuf; 2]>::try_from(positional).map_err(|_| usage.to_string())?;
    let texts = texts.unwrap_or_else(|| silver.join("../../corpus-large/sotu"));
    Ok(Arguments {
        silver,
        output,
        texts,
        project_tokens,
        options,
    })
}

/// The addresses of the silver folder, sorted by name.
fn read_addresses(silver: &Path, texts: &Path) -> Result<Vec<Address>, String> {
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
            let name = file_name.trim_end_matches(".conllu.gz").to_string();
            let mut conllu = String::new();
            std::fs::File::open(path)
                .and_then(|file| GzDecoder::new(file).read_to_string(&mut conllu))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let sentences = read_conllu(&conllu).map_err(|e| format!("{}: {e}", path.display()))?;
            let text_path = texts.join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&text_path)
                .map_err(|e| format!("{}: {e}", text_path.display()))?;
            Ok(Address {
                name,
                text,
                sentences,
            })
        })
        .collect()
}

/// An address's sentences as the tagger learns them: the project's tokens with the silver tags they
/// take, or the silver tokens themselves.
fn tagged_sentences(address: &Address, project_tokens: bool) -> Vec<TaggedSentence> {
    address
        .sentences
        .iter()
        .map(|sentence| {
            if project_tokens {
                let aligned = align_sentence(&address.text, sentence);
                TaggedSentence {
                    words: aligned
                        .iter()
                        .map(|a| a.span.slice(&address.text).to_string())
                        .collect(),
                    tags: aligned.iter().map(|a| a.tag).collect(),
                }
            } else {
                TaggedSentence {
                    words: sentence.tokens.iter().map(|t| t.form.clone()).collect(),
                    tags: sentence.tokens.iter().map(|t| t.tag).collect(),
                }
            }
        })
        .filter(|sentence| !sentence.words.is_empty())
        .collect()
}

/// Counts of agreement with the silver data.
#[derive(Default)]
struct Agreement {
    silver_tokens: usize,
    silver_tag: usize,
    silver_universal: usize,
    silver_lemma: usize,
    project_tokens: usize,
    aligned: usize,
    aligned_tag: usize,
    aligned_universal: usize,
    project_tag: usize,
}

impl Agreement {
    fn add(&mut self, other: &Agreement) {
        self.silver_tokens += other.silver_tokens;
        self.silver_tag += other.silver_tag;
        self.silver_universal += other.silver_universal;
        self.silver_lemma += other.silver_lemma;
        self.project_tokens += other.project_tokens;
        self.aligned += other.aligned;
        self.aligned_tag += other.aligned_tag;
        self.aligned_universal += other.aligned_universal;
        self.project_tag += other.project_tag;
    }
}

/// How far the tagger agrees with the silver data of an address, on its tokens and on the project's.
fn measure(tagger: &Tagger, address: &Address) -> Agreement {
    let mut agreement = Agreement::default();
    let (mut scratch, mut tags) = (TaggerScratch::default(), Vec::new());
    for sentence in &address.sentences {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.form.as_str()).collect();
        tagger.tag_words(&words, &mut scratch, &mut tags);
        for (token, &tag) in sentence.tokens.iter().zip(&tags) {
            let lemma = tagger.lemma(&token.form, tag);
            agreement.silver_tokens += 1;
            agreement.silver_tag += usize::from(tag == token.tag);
            agreement.silver_universal +=
                usize::from(tag.universal_for(&lemma).as_str() == token.universal);
            agreement.silver_lemma += usize::from(lemma == token.lemma);
        }
        let aligned = align_sentence(&address.text, sentence);
        let words: Vec<&str> = aligned
            .iter()
            .map(|a| a.span.slice(&address.text))
            .collect();
        tagger.tag_words(&words, &mut scratch, &mut tags);
        for ((token, &tag), word) in aligned.iter().zip(&tags).zip(&words) {
            agreement.project_tokens += 1;
            agreement.project_tag += usize::from(tag == token.tag);
            if token.exact {
                let silver = sentence.tokens.iter().find(|t| t.span == token.span);
                let universal = silver.map_or("", |t| t.universal.as_str());
                agreement.aligned += 1;
                agreement.aligned_tag += usize::from(tag == token.tag);
                let lemma = tagger.lemma(word, tag);
                agreement.aligned_universal +=
                    usize::from(tag.universal_for(&lemma).as_str() == universal);
            }
        }
    }
    agreement
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

fn run() -> Result<(), String> {
    let arguments = parse_arguments()?;
    let started = Instant::now();
    let addresses = read_addresses(&arguments.silver, &arguments.texts)?;
    // Held out: every tenth address by sorted name, from the first.
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
    let sentences: Vec<TaggedSentence> = training
        .par_iter()
        .flat_map_iter(|address| tagged_sentences(address, arguments.project_tokens))
        .collect();
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences, {words} {} tokens, {} passes, seed {}",
        sentences.len(),
        if arguments.project_tokens {
            "project"
        } else {
            "silver"
        },
        arguments.options.epochs,
        arguments.options.seed
    );
    let training_started = Instant::now();
    let (mut model, report) = Trainer::train(&sentences, &arguments.options);
    let lemma_examples = training.iter().flat_map(|address| {
        address
            .sentences
            .iter()
            .flat_map(|s| &s.tokens)
            .map(|t| (t.form.as_str(), t.tag, t.lemma.as_str()))
    });
    let (rules, exceptions) = Lemmatizer::learn(lemma_examples);
    model.lemma_rules = rules;
    model.lemma_exceptions = exceptions;
    let training_seconds = training_started.elapsed().as_secs_f64();
    for (pass, accuracy) in report.epoch_accuracy.iter().enumerate() {
        eprintln!(
            "pass {}: {:.4} of training tokens right before update",
            pass + 1,
            accuracy
        );
    }
    let bytes = model.to_bytes().map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&arguments.output)
        .map_err(|e| format!("{}: {e}", arguments.output.display()))?;
    let path = arguments.output.join("model.bin");
    kgraph::atomic_file::write_atomically(&path, |out| out.write_all(&bytes))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "wrote {}: {} bytes ({} features, {} weights, {} dictionary words, {} lemma rules, {} lemma exceptions); trained in {training_seconds:.1} s",
        path.display(),
        bytes.len(),
        model.features.len(),
        model.features.iter().map(|(_, w)| w.len()).sum::<usize>(),
        model.dictionary.len(),
        model.lemma_rules.len(),
        model.lemma_exceptions.len()
    );
    let tagger = Tagger::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let mut total = Agreement::default();
    for agreement in held_out
        .par_iter()
        .map(|address| measure(&tagger, address))
        .collect::<Vec<_>>()
    {
        total.add(&agreement);
    }
    println!(
        "held-out agreement with the silver data ({} addresses):",
        held_out.len()
    );
    println!(
        "  on silver tokens ({}): XPOS {:.4}, UPOS {:.4}, lemma {:.4}",
        total.silver_tokens,
        share(total.silver_tag, total.silver_tokens),
        share(total.silver_universal, total.silver_tokens),
        share(total.silver_lemma, total.silver_tokens)
    );
    println!(
        "  on project tokens ({}): {:.4} align exactly with a silver token; on those XPOS {:.4}, UPOS {:.4}; on all project tokens (joined ones against the tag they take) XPOS {:.4}",
        total.project_tokens,
        share(total.aligned, total.project_tokens),
        share(total.aligned_tag, total.aligned),
        share(total.aligned_universal, total.aligned),
        share(total.project_tag, total.project_tokens)
    );
    Ok(())
}
