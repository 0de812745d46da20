//! Issue 22: a sharded build run through its phases (`kg build --phase vocabulary`, `kg names merge`,
//! `kg build --phase names`, `kg names merge`, `kg build --names`, `kg merge`) is the single build's
//! file byte for byte, in RON and in the binary snapshot, for 2, 3, 5 and 8 shards, whatever order
//! the evidence files and the parts are given in. Through the real binary, on `data/`,
//! `../shared/corpus` and the SOTU corpus (`../shared/corpus-large/sotu`; the tests that read
//! `../shared` say so and pass when it is absent).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("kg runs")
}

fn kg(args: &[&str], dir: &Path) {
    let output = run(args, dir);
    assert!(
        output.status.success(),
        "kg {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `names` in the order `order` picks: reversed, rotated by one, or as they are.
fn shuffled(mut names: Vec<String>, order: usize) -> Vec<String> {
    match order % 3 {
        0 => names.reverse(),
        1 => names.rotate_left(1),
        _ => {}
    }
    names
}

/// Runs `kg command` with `files` and then `rest`.
fn kg_with(command: &[&str], files: &[String], rest: &[&str], dir: &Path) {
    let mut args: Vec<&str> = command.to_vec();
    args.extend(files.iter().map(String::as_str));
    args.extend(rest);
    kg(&args, dir);
}

/// Builds `corpus` whole and in 2, 3, 5 and 8 shards through the phases, in RON and .kgb, in `dir`,
/// and checks each merge is the single build's file byte for byte.
fn sharded_builds_equal_the_single_build(corpus: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let corpus = corpus.display().to_string();
    for extension in ["ron", "kgb"] {
        kg(
            &["build", &corpus, "-o", &format!("single.{extension}"), "-q"],
            dir,
        );
    }
    for (order, count) in [2, 3, 5, 8].into_iter().enumerate() {
        let shard = |index: usize| format!("{index}/{count}");
        let each = |prefix: &str, extension: &str| -> Vec<String> {
            (1..=count)
                .map(|index| format!("{prefix}-{count}-{index}.{extension}"))
                .collect()
        };
        let vocabulary = each("vocabulary", "ron");
        for (index, file) in (1..=count).zip(&vocabulary) {
            let args = ["build", &corpus, "--shard", &shard(index)];
            kg_with(
                &args,
                &[],
                &["--phase", "vocabulary", "-o", file, "-q"],
                dir,
            );
        }
        let merged_vocabulary = format!("vocabulary-{count}.ron");
        let names_merge = ["names", "merge"];
        let vocabulary = shuffled(vocabulary, order);
        kg_with(
            &names_merge,
            &vocabulary,
            &["-o", &merged_vocabulary, "-q"],
            dir,
        );
        let names = each("names", "ron");
        for (index, file) in (1..=count).zip(&names) {
            let args = [
                "build",
                &corpus,
                "--shard",
                &shard(index),
                "--phase",
                "names",
            ];
            kg_with(
                &args,
                &[],
                &["--names", &merged_vocabulary, "-o", file, "-q"],
                dir,
            );
        }
        let merged_names = format!("names-{count}.ron");
        let names = shuffled(names, order + 1);
        kg_with(&names_merge, &names, &["-o", &merged_names, "-q"], dir);
        for extension in ["ron", "kgb"] {
            let parts = each("part", extension);
            for (index, file) in (1..=count).zip(&parts) {
                let args = ["build", &corpus, "--shard", &shard(index), "--names"];
                kg_with(&args, &[], &[&merged_names, "-o", file, "-q"], dir);
            }
            let merged = format!("merged-{count}.{extension}");
            let parts = shuffled(parts, order + 2);
            kg_with(&["merge"], &parts, &["-o", &merged, "-q"], dir);
            let single = std::fs::read(dir.join(format!("single.{extension}"))).unwrap();
            assert!(
                std::fs::read(dir.join(&merged)).unwrap() == single,
                "{corpus} in {count} shards, .{extension}: the merge is not the single build"
            );
        }
    }
}

/// `../shared/NAME` beside the checkout, or None (said on standard error) when it is not there.
fn shared(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is not there (CI has ../shared beside the checkout)",
            path.display()
        );
        None
    }
}

#[test]
fn sharded_builds_of_data_equal_the_single_build() {
    sharded_builds_equal_the_single_build(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
}

#[test]
fn sharded_builds_of_the_shared_corpus_equal_the_single_build() {
    if let Some(corpus) = shared("corpus") {
        sharded_builds_equal_the_single_build(&corpus);
    }
}

/// The SOTU corpus: 233 files, 10.8 MB.
#[test]
fn sharded_builds_of_the_sotu_corpus_equal_the_single_build() {
    if let Some(corpus) = shared("corpus-large/sotu") {
        sharded_builds_equal_the_single_build(&corpus);
    }
}

/// A corpus of three documents of its own, for the errors of the phases.
fn small_corpus(dir: &Path) -> String {
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "The Northern Alliance (NA) met Omar Haddad in Karvia.",
        ),
        ("b.txt", "Haddad said the NA would hold the border."),
        ("c.txt", "Officials in Karvia welcomed the talks."),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    corpus.display().to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Each way of running the phases out of order gets a message that says what to do, and exit code 2.
#[test]
fn phases_run_out_of_order_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let corpus = small_corpus(dir);
    for index in 1..=2 {
        let shard = format!("{index}/2");
        let out = format!("vocabulary-{index}.ron");
        kg(
            &[
                "build",
                &corpus,
                "--shard",
                &shard,
                "--phase",
                "vocabulary",
                "-o",
                &out,
                "-q",
            ],
            dir,
        );
    }
    kg(
        &["names", "merge", "vocabulary-1.ron", "-o", "half.ron", "-q"],
        dir,
    );
    kg(
        &[
            "names",
            "merge",
            "vocabulary-1.ron",
            "vocabulary-2.ron",
            "-o",
            "vocabulary.ron",
            "-q",
        ],
        dir,
    );
    let names = [
        "build",
        &corpus,
        "--shard",
        "1/2",
        "--phase",
        "names",
        "-o",
        "names-1.ron",
    ];
    let with = |extra: &[&'static str]| -> Vec<String> {
        names.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let owned = |args: &[&str]| -> Vec<String> { args.iter().map(|s| s.to_string()).collect() };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            owned(&names),
            "--phase names finds names with the whole corpus's vocabulary: give it with --names",
        ),
        (
            with(&["--names", "half.ron"]),
            "half.ron: the vocabulary evidence covers 1 of the corpus's 3 documents (the first missing is",
        ),
        (
            owned(&[
                "names",
                "merge",
                "vocabulary-1.ron",
                "vocabulary-1.ron",
                "-o",
                "twice.ron",
            ]),
            "is in two of the files: each shard's evidence must be given once",
        ),
        (
            owned(&[
                "build",
                &corpus,
                "--shard",
                "1/2",
                "--names",
                "vocabulary.ron",
                "-o",
                "g.ron",
            ]),
            "vocabulary.ron: names evidence is needed here, and this is vocabulary evidence",
        ),
        (
            owned(&[
                "build",
                &corpus,
                "--phase",
                "vocabulary",
                "--names",
                "vocabulary.ron",
                "-o",
                "v.ron",
            ]),
            "--phase vocabulary is the first phase: it reads no --names",
        ),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args, dir);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // Once the vocabulary covers the corpus, names gather; an evidence file of another corpus is
    // refused when a shard builds with it.
    let gather = with(&["--names", "vocabulary.ron", "-q"]);
    kg(&gather.iter().map(String::as_str).collect::<Vec<_>>(), dir);
    std::fs::write(dir.join("corpus/d.txt"), "A fourth document.").unwrap();
    let output = run(&gather.iter().map(String::as_str).collect::<Vec<_>>(), dir);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("evidence of a corpus of 3 documents and of one of 4"),
        "{}",
        stderr(&output)
    );
}
