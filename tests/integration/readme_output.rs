//! The captured output in README.md stays true: each block marked `<!-- checked: shell -->` or
//! `<!-- checked: commands -->` (on the line before its fence) is produced again and compared. Issue 20,
//! "Captured output stays true".
//!
//! - `shell`: a shell session over `data/`. Its `kg> ` lines are run through the session the shell uses
//!   ([`Session::execute`], tables fitted to a terminal of [`COLUMNS`] columns), and each answer, or
//!   error as the shell prints it, follows its line.
//! - `commands`: each `$ ` line is run by `sh` from the repository's root, with the `kg` being tested
//!   first on the `PATH`; its output follows it, and a blank line comes before the next command.
//!
//! Timings and speeds are the machine's and are masked before comparing ([`without_timings`]).
//!
//! When an answer changes on purpose, rewrite the blocks with
//! `KG_BLESS=1 cargo test --release --test integration readme_output::` and read `git diff README.md`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::query::OutputMode;
use kgraph::shell::{ExecuteError, LexiconSource, Origin, Outcome, Session, banner, open_graph};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The terminal the shell transcript is captured in.
const COLUMNS: usize = 100;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A block of the README to check: which kind, and the byte range of its text inside the fences.
struct Block {
    kind: String,
    text: std::ops::Range<usize>,
}

/// The marked blocks of `readme`.
fn blocks(readme: &str) -> Vec<Block> {
    let marker = "<!-- checked: ";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = readme[from..].find(marker) {
        let start = from + at + marker.len();
        let kind_end = start + readme[start..].find(" -->").unwrap();
        let kind = readme[start..kind_end].to_string();
        let fence = kind_end + readme[kind_end..].find("```text\n").unwrap() + "```text\n".len();
        let close = fence + readme[fence..].find("\n```").unwrap() + 1;
        found.push(Block {
            kind,
            text: fence..close,
        });
        from = close;
    }
    found
}

/// The shell session of `block` run again.
fn shell_transcript(block: &str) -> String {
    let data = root().join("data");
    let mut lexicon = LexiconSource::default();
    let graph = open_graph(&[data], &mut lexicon, &mut |_| {}).unwrap();
    let mut text = format!("$ kg\n{}\n", banner("data", &graph));
    let mut session = Session::new(graph, lexicon, OutputMode::Table);
    session.set_width(Some(COLUMNS));
    let entries = block.lines().filter_map(|line| line.strip_prefix("kg> "));
    for (number, entry) in entries.enumerate() {
        text.push_str(&format!("kg> {entry}\n"));
        if entry == "^D" {
            break;
        }
        let mut answer = Vec::new();
        let origin = Origin {
            name: "<repl>",
            line: number + 1,
        };
        match session.execute(entry, origin, &mut answer) {
            Ok(Outcome::Continue) => text.push_str(&String::from_utf8(answer).unwrap()),
            Ok(Outcome::Quit) => break,
            Err(ExecuteError::Command(diagnostic)) => {
                text.push_str(&format!("error: {diagnostic}\n"))
            }
            Err(error) => panic!("{entry}: {error}"),
        }
    }
    text
}

/// The commands of `block` run again, each with its output.
fn command_transcript(block: &str, bin: &Path) -> String {
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let commands: Vec<&str> = block
        .lines()
        .filter_map(|line| line.strip_prefix("$ "))
        .collect();
    let mut parts = Vec::new();
    for command in commands {
        let output = Command::new("sh")
            .arg("-c")
            .arg(command)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .current_dir(root())
            .output()
            .unwrap();
        let mut part = format!("$ {command}\n");
        part.push_str(&String::from_utf8_lossy(&output.stdout));
        part.push_str(&String::from_utf8_lossy(&output.stderr));
        parts.push(part);
    }
    parts.join("\n")
}

/// `text` with its timings and speeds ("in 0.02 s", "2.2 MB/s") masked: they are the machine's, not
/// the program's, so a captured build line stays true on another machine.
fn without_timings(text: &str) -> String {
    let timing = regex::Regex::new(r"[0-9]+(\.[0-9]+)? (s|MB/s)\b").unwrap();
    timing.replace_all(text, "# $2").into_owned()
}

#[test]
fn timings_are_masked_and_the_rest_is_kept() {
    let cases = [
        (
            "0.1 MB of text read in 0.02 s: 2.2 MB/s on 2 threads",
            "0.1 MB of text read in # s: # MB/s on 2 threads",
        ),
        ("relations  690", "relations  690"),
        ("saved in 12 s", "saved in # s"),
    ];
    for (text, expected) in cases {
        assert_eq!(without_timings(text), expected, "{text:?}");
    }
}

#[test]
fn the_readme_shows_what_kg_prints() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_kg"));
    let bin_dir = bin.parent().unwrap();
    let found = blocks(&readme);
    assert!(found.len() >= 2, "README.md marks its captured output");
    let mut fresh = readme.clone();
    let mut failures = Vec::new();
    // From the last block back, so earlier ranges stay valid while blessing.
    for block in found.iter().rev() {
        let expected = &readme[block.text.clone()];
        let actual = match block.kind.as_str() {
            "shell" => shell_transcript(expected),
            "commands" => command_transcript(expected, bin_dir),
            other => panic!("unknown kind of checked block: {other}"),
        };
        if without_timings(&actual) != without_timings(expected) {
            failures.push(format!(
                "the {} block differs:\n--- README.md\n{expected}\n--- kg prints\n{actual}",
                block.kind
            ));
            fresh.replace_range(block.text.clone(), &actual);
        }
    }
    // The shell transcript exports into the git-ignored queries/out/.
    let _ = std::fs::remove_file(root().join("queries/out/kurdistan.dot"));
    if std::env::var_os("KG_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended: KG_BLESS=1 cargo test --release --test integration readme_output::",
        failures.join("\n\n")
    );
}
