//! Issue 22: a sharded build run through its phases (`kg build --phase vocabulary`, `kg names merge`,
//! `kg build --phase names`, `kg names merge`, `kg build --names`, `kg merge`) is the single build's
//! file byte for byte, in RON and in the binary snapshot, for 2, 3, 5 and 8 shards, whatever order
//! the evidence files and the parts are given in, merged at once or in stages. Through the real
//! binary, on `data/`, `../shared/corpus` and the SOTU corpus (`../shared/corpus-large/sotu`; the
//! tests that read `../shared` say so and pass when it is absent).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::support::stderr;
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

/// `items` in an order drawn from `seed` (splitmix64, then Fisher–Yates): each shard count and each
/// phase gets an order of its own, the same on every run.
fn shuffled<T>(mut items: Vec<T>, seed: u64) -> Vec<T> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for last in (1..items.len()).rev() {
        let pick = usize::try_from(next() % (last as u64 + 1)).unwrap();
        items.swap(last, pick);
    }
    items
}

/// Runs `kg command` with `files` and then `rest`.
fn kg_with(command: &[&str], files: &[String], rest: &[&str], dir: &Path) {
    let mut args: Vec<&str> = command.to_vec();
    args.extend(files.iter().map(String::as_str));
    args.extend(rest);
    kg(&args, dir);
}

/// Merges `files` with `command` (`kg merge` or `kg names merge`) in stages, as machines that each
/// merge what they hold would: neighbours in pairs, then pairs of those, until one file, `output`.
fn merge_in_stages(command: &[&str], mut files: Vec<String>, output: &str, dir: &Path) {
    let mut stage = 0;
    while files.len() > 2 {
        stage += 1;
        files = files
            .chunks(2)
            .enumerate()
            .map(|(index, pair)| match pair {
                [one] => one.clone(),
                _ => {
                    let merged = format!("stage-{stage}-{index}-{output}");
                    kg_with(command, pair, &["-o", &merged, "-q"], dir);
                    merged
                }
            })
            .collect();
    }
    kg_with(command, &files, &["-o", output, "-q"], dir);
}

fn same_bytes(dir: &Path, one: &str, other: &str) -> bool {
    std::fs::read(dir.join(one)).unwrap() == std::fs::read(dir.join(other)).unwrap()
}

/// The extension of a phase's evidence file in a build of `count` shards: shard `index`'s, or the
/// merged one's for `None`. Odd counts mix binary (.kgb) and RON files, even counts write RON only.
fn evidence_extension(count: usize, index: Option<usize>) -> &'static str {
    match (count % 2, index) {
        (0, _) => "ron",
        (_, None) => "kgb",
        (_, Some(index)) if index % 2 == 1 => "kgb",
        _ => "ron",
    }
}

/// Runs the phases of a build of `corpus` in `count` shards in `dir`, each phase's evidence files
/// merged at once in an order drawn from `seed` and in stages in another order (which must agree).
/// Returns the part files, `part-COUNT-I.EXTENSION`, for each of `extensions`.
fn run_phases(
    corpus: &str,
    count: usize,
    extensions: &[&str],
    seed: u64,
    dir: &Path,
) -> Vec<Vec<String>> {
    let shard = |index: usize| format!("{index}/{count}");
    let each = |prefix: &str, extension: &str| -> Vec<String> {
        (1..=count)
            .map(|index| format!("{prefix}-{count}-{index}.{extension}"))
            .collect()
    };
    let names_merge = ["names", "merge"];
    let merge_evidence = |files: Vec<String>, merged: &str, seed: u64| {
        let order = shuffled(files.clone(), seed);
        kg_with(&names_merge, &order, &["-o", merged, "-q"], dir);
        let staged = format!("staged-{merged}");
        merge_in_stages(&names_merge, shuffled(files, seed + 1), &staged, dir);
        assert!(
            same_bytes(dir, merged, &staged),
            "{corpus} in {count} shards: {merged} merged in stages differs from merged at once"
        );
    };
    let evidence = |prefix: &str| -> Vec<String> {
        (1..=count)
            .map(|index| {
                let extension = evidence_extension(count, Some(index));
                format!("{prefix}-{count}-{index}.{extension}")
            })
            .collect()
    };
    let merged_extension = evidence_extension(count, None);
    let vocabulary = evidence("vocabulary");
    for (index, file) in (1..=count).zip(&vocabulary) {
        let args = ["build", corpus, "--shard", &shard(index)];
        kg_with(
            &args,
            &[],
            &["--phase", "vocabulary", "-o", file, "-q"],
            dir,
        );
    }
    let merged_vocabulary = format!("vocabulary-{count}.{merged_extension}");
    merge_evidence(vocabulary, &merged_vocabulary, seed);
    let names = evidence("names");
    for (index, file) in (1..=count).zip(&names) {
        let args = [
            "build",
            corpus,
            "--shard",
            &shard(index),
            "--phase",
            "names",
        ];
        let rest = ["--names", &merged_vocabulary, "-o", file, "-q"];
        kg_with(&args, &[], &rest, dir);
    }
    let merged_names = format!("names-{count}.{merged_extension}");
    merge_evidence(names, &merged_names, seed + 2);
    extensions
        .iter()
        .map(|extension| {
            let parts = each("part", extension);
            for (index, file) in (1..=count).zip(&parts) {
                let args = ["build", corpus, "--shard", &shard(index), "--names"];
                kg_with(&args, &[], &[&merged_names, "-o", file, "-q"], dir);
            }
            parts
        })
        .collect()
}

/// Builds `corpus` whole and in 2, 3, 5 and 8 shards through the phases, in RON and .kgb, in a
/// folder of its own, and checks each merge is the single build's file byte for byte: the parts
/// merged at once in an order drawn for the shard count, and (.kgb) merged in stages in another.
fn sharded_builds_equal_the_single_build(corpus: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let corpus = corpus.display().to_string();
    let extensions = ["ron", "kgb"];
    for extension in extensions {
        let single = format!("single.{extension}");
        kg(&["build", &corpus, "-o", &single, "-q"], dir);
    }
    for count in [2_usize, 3, 5, 8] {
        let seed = 10 * count as u64;
        let parts = run_phases(&corpus, count, &extensions, seed, dir);
        for (extension, parts) in extensions.iter().zip(parts) {
            let single = format!("single.{extension}");
            let merged = format!("merged-{count}.{extension}");
            let order = shuffled(parts.clone(), seed + 3);
            kg_with(&["merge"], &order, &["-o", &merged, "-q"], dir);
            assert!(
                same_bytes(dir, &merged, &single),
                "{corpus} in {count} shards, .{extension}, merged in the order {order:?}: not the single build"
            );
            if *extension == "kgb" {
                let order = shuffled(parts, seed + 4);
                let staged = format!("staged-{merged}");
                merge_in_stages(&["merge"], order.clone(), &staged, dir);
                assert!(
                    same_bytes(dir, &staged, &single),
                    "{corpus} in {count} shards, merged in stages in the order {order:?}: not the single build"
                );
            }
        }
    }
}

/// Every order of `items`.
fn every_order(items: &[String]) -> Vec<Vec<String>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    (0..items.len())
        .flat_map(|first| {
            let mut rest = items.to_vec();
            let head = rest.remove(first);
            every_order(&rest).into_iter().map(move |mut order| {
                order.insert(0, head.clone());
                order
            })
        })
        .collect()
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

/// Every order of the three parts of `../shared/corpus` (and of their names evidence) merges to the
/// single build's file.
#[test]
fn every_order_of_three_parts_merges_to_the_single_build() {
    let Some(corpus) = shared("corpus") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let corpus = corpus.display().to_string();
    kg(&["build", &corpus, "-o", "single.kgb", "-q"], dir);
    let parts = run_phases(&corpus, 3, &["kgb"], 1, dir).remove(0);
    let names: Vec<String> = (1..=3)
        .map(|index| format!("names-3-{index}.{}", evidence_extension(3, Some(index))))
        .collect();
    let all_names = format!("names-3.{}", evidence_extension(3, None));
    for (index, (parts, names)) in every_order(&parts)
        .iter()
        .zip(every_order(&names))
        .enumerate()
    {
        let merged_names = format!("names-order-{index}.{}", evidence_extension(3, None));
        kg_with(
            &["names", "merge"],
            &names,
            &["-o", &merged_names, "-q"],
            dir,
        );
        assert!(
            same_bytes(dir, &merged_names, &all_names),
            "names merged in the order {names:?}"
        );
        let merged = format!("merged-order-{index}.kgb");
        kg_with(&["merge"], parts, &["-o", &merged, "-q"], dir);
        assert!(
            same_bytes(dir, &merged, "single.kgb"),
            "parts merged in the order {parts:?}: not the single build"
        );
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

/// A file that is not the evidence asked for gets a message naming it (with line and column where
/// it parses) and exit code 2, from `kg names merge` and from `kg build --names` alike.
#[test]
fn files_that_are_not_evidence_are_refused_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let corpus = small_corpus(dir);
    let vocabulary = [
        "build",
        &corpus,
        "--phase",
        "vocabulary",
        "-o",
        "vocabulary.ron",
        "-q",
    ];
    kg(&vocabulary, dir);
    kg(&["build", &corpus, "-o", "graph.kgb", "-q"], dir);
    kg(&["build", &corpus, "-o", "graph.ron", "-q"], dir);
    let evidence = std::fs::read_to_string(dir.join("vocabulary.ron")).unwrap();
    let cut = evidence.find("lowercase_words").unwrap();
    std::fs::write(dir.join("cut.ron"), &evidence[..cut]).unwrap();
    std::fs::write(dir.join("empty.ron"), "").unwrap();
    let version = format!(
        "format_version: {},",
        kgraph::extract::corpus_wide::EVIDENCE_VERSION
    );
    let newer = evidence.replacen(&version, "format_version: 99,", 1);
    assert_ne!(newer, evidence, "the evidence file starts with its version");
    std::fs::write(dir.join("newer.ron"), newer).unwrap();
    kg(
        &["names", "merge", "vocabulary.ron", "-o", "vocabulary.kgb"],
        dir,
    );
    let binary = std::fs::read(dir.join("vocabulary.kgb")).unwrap();
    std::fs::write(dir.join("cut.kgb"), &binary[..binary.len() - 1]).unwrap();
    let cases = [
        (
            "cut.ron",
            "cut.ron:9:3: not an evidence file of kg build --phase or kg names merge: ",
        ),
        (
            "empty.ron",
            "empty.ron:1:1: not an evidence file of kg build --phase or kg names merge: ",
        ),
        (
            "graph.ron",
            "graph.ron:3:13: not an evidence file of kg build --phase or kg names merge: ",
        ),
        (
            "graph.kgb",
            "graph.kgb: not an evidence file: it is not text (a graph goes to kg merge; ",
        ),
        (
            "newer.ron",
            "newer.ron: evidence of format version 99; this kg reads version 2: gather it again",
        ),
        (
            "cut.kgb",
            "cut.kgb: a binary evidence file, but it is cut short (",
        ),
        ("missing.ron", "missing.ron: "),
    ];
    for (file, expected) in cases {
        let merge = ["names", "merge", file, "-o", "merged.ron"];
        let build = ["build", &corpus, "--names", file, "-o", "part.kgb"];
        for args in [&merge[..], &build[..]] {
            let output = run(args, dir);
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let message = stderr(&output);
            assert!(
                message.starts_with(&format!("kg: error: {expected}")),
                "{args:?}: {message}"
            );
        }
    }
    assert!(!dir.join("merged.ron").exists() && !dir.join("part.kgb").exists());
}
