//! Makes `data/english-vocabulary.tsv`, the general English vocabulary the mention finder asks whether
//! a capitalised word is a common word ("Attacking", "Nation", "Mistakes") rather than a name.
//!
//! ```sh
//! cargo run --release --example make_vocabulary -- ../shared/corpus-large/sotu data/english-vocabulary.tsv --exclude 1980_
//! ```
//!
//! Reads every `.txt` file of the folder (except those whose name starts with an `--exclude` prefix),
//! cuts it into sentences and words with the pipeline's own segmenter and tokenizer, and counts for each
//! word (lower-cased, curly apostrophes made straight) how often it is written in lower case and how
//! often capitalised in the middle of a sentence (not its first word, nor the first word after an
//! opening quote or bracket, nor in a line written in capitals). Words written in lower case at least
//! `--min-lower` times (default 3) are written out, one a line: `word<TAB>lower<TAB>capitalised`, most
//! frequent first (then by word), after a header of `#` lines that says how the list was made.

use kgraph::text::{TokenKind, segment_sentences, tokenize};
use std::collections::HashMap;
use std::path::PathBuf;

fn main() {
    if let Err(message) = run() {
        eprintln!("make_vocabulary: {message}");
        std::process::exit(2);
    }
}

struct Arguments {
    folder: PathBuf,
    output: PathBuf,
    excluded: Vec<String>,
    min_lower: u32,
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut positional = Vec::new();
    let mut excluded = Vec::new();
    let mut min_lower = 3;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--exclude" => excluded.push(arguments.next().ok_or("--exclude needs a prefix")?),
            "--min-lower" => {
                let value = arguments.next().ok_or("--min-lower needs a number")?;
                min_lower = value
                    .parse()
                    .map_err(|_| format!("--min-lower: {value:?} is not a number"))?;
            }
            _ => positional.push(PathBuf::from(argument)),
        }
    }
    let [folder, output] = <[PathBuf; 2]>::try_from(positional).map_err(|_| {
        "usage: make_vocabulary FOLDER OUTPUT [--exclude PREFIX]... [--min-lower N]".to_string()
    })?;
    Ok(Arguments {
        folder,
        output,
        excluded,
        min_lower,
    })
}

/// How often a word is written in lower case, and capitalised inside a sentence.
#[derive(Default, Clone, Copy)]
struct Counts {
    lower: u32,
    capitalised: u32,
}

fn run() -> Result<(), String> {
    let arguments = parse_arguments()?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&arguments.folder)
        .map_err(|e| format!("{}: {e}", arguments.folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !arguments
                .excluded
                .iter()
                .any(|prefix| name.starts_with(prefix))
        })
        .collect();
    files.sort();
    let mut counts: HashMap<String, Counts> = HashMap::new();
    let mut words = 0u64;
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        words += count_words(&text, &mut counts);
    }
    let mut kept: Vec<(&String, &Counts)> = counts
        .iter()
        .filter(|(_, c)| c.lower >= arguments.min_lower)
        .collect();
    kept.sort_by(|a, b| b.1.lower.cmp(&a.1.lower).then(a.0.cmp(b.0)));
    let mut out = String::new();
    out.push_str("# General English vocabulary: word, times written in lower case, times capitalised mid-sentence.\n");
    out.push_str(&format!(
        "# Made by examples/make_vocabulary.rs from {} files of {} ({} words read; excluded prefixes: {}).\n",
        files.len(),
        arguments
            .folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?"),
        words,
        if arguments.excluded.is_empty() {
            "none".to_string()
        } else {
            arguments.excluded.join(", ")
        }
    ));
    out.push_str(&format!(
        "# {} words written in lower case at least {} times. See english-vocabulary.about.markdown.\n",
        kept.len(),
        arguments.min_lower
    ));
    for (word, c) in &kept {
        out.push_str(&format!("{word}\t{}\t{}\n", c.lower, c.capitalised));
    }
    std::fs::write(&arguments.output, out)
        .map_err(|e| format!("{}: {e}", arguments.output.display()))?;
    eprintln!(
        "{} files, {} words, {} distinct, {} kept in {}",
        files.len(),
        words,
        counts.len(),
        kept.len(),
        arguments.output.display()
    );
    Ok(())
}

/// Counts the words of one document into `counts`; returns how many words it read.
fn count_words(text: &str, counts: &mut HashMap<String, Counts>) -> u64 {
    let mut words = 0;
    for sentence in segment_sentences(text) {
        let sentence_text = sentence.span.slice(text);
        // A line in capitals says nothing about how a word is cased.
        let letters = sentence_text.chars().filter(|c| c.is_alphabetic());
        let (upper, all) = letters.fold((0, 0), |(u, a), c| {
            (u + usize::from(c.is_uppercase()), a + 1)
        });
        if all > 0 && upper * 10 >= all * 8 {
            continue;
        }
        let tokens = tokenize(text, sentence.span);
        let mut initial = true;
        for token in &tokens {
            match token.kind {
                TokenKind::Word => {}
                TokenKind::Punct => {
                    let mark = token.text(text);
                    if ["“", "\"", "‘", "(", "[", ":", "—"].contains(&mark) {
                        initial = true;
                    }
                    continue;
                }
                _ => {
                    initial = false;
                    continue;
                }
            }
            let word = token.text(text);
            words += 1;
            let key = word.to_lowercase().replace('’', "'");
            let first = word.chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                counts.entry(key).or_default().lower += 1;
            } else if first.is_uppercase() && !initial && word != "I" {
                counts.entry(key).or_default().capitalised += 1;
            }
            initial = false;
        }
    }
    words
}
