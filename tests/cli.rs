//! End-to-end tests of the `kg` binary: what a user types and what they see.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn kg(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("kg runs")
}

fn data_dir() -> String {
    format!("{}/data", env!("CARGO_MANIFEST_DIR"))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn build_is_deterministic_and_summarised() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let first = kg(&["build", &data, "--output", "one.ron"], dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("2 documents"), "{}", stderr(&first));
    assert!(stderr(&first).contains("MB/s"), "{}", stderr(&first));
    let second = kg(
        &["build", &data, "--output", "two.ron", "--quiet"],
        dir.path(),
    );
    assert!(second.status.success());
    assert!(stderr(&second).is_empty());
    let one = std::fs::read(dir.path().join("one.ron")).unwrap();
    let two = std::fs::read(dir.path().join("two.ron")).unwrap();
    assert_eq!(one, two, "the same texts give byte-identical graphs");
}

#[test]
fn build_timings_name_every_stage_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let built = kg(
        &["build", &data_dir(), "-o", "g.ron", "--timings"],
        dir.path(),
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let err = stderr(&built);
    let line = err
        .lines()
        .find_map(|line| line.strip_prefix("time by stage: "))
        .unwrap_or_else(|| panic!("no timings line in {err}"));
    let stages: Vec<&str> = line
        .split(", ")
        .map(|stage| {
            let (name, time) = stage.split_once(' ').unwrap();
            let seconds = time.strip_suffix(" s").unwrap();
            assert!(seconds.parse::<f64>().unwrap() >= 0.0, "{stage}");
            name
        })
        .collect();
    assert_eq!(
        stages,
        [
            "reading",
            "sentences",
            "mentions",
            "aliases",
            "relations",
            "graph",
            "saving"
        ]
    );
}

#[test]
fn stats_reports_documents_entities_and_relations() {
    let dir = tempfile::tempdir().unwrap();
    let built = kg(&["build", &data_dir(), "-o", "g.ron", "-q"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let stats = kg(&["stats", "g.ron"], dir.path());
    assert!(stats.status.success(), "{}", stderr(&stats));
    let text = stdout(&stats);
    for expected in [
        "documents  2",
        "annahar-2026-iraq-moves-toward-us.txt",
        "sentences",
        "entities",
        "Country",
        "relations",
        "CoMention",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn binary_snapshots_open_like_ron_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let built = kg(&["build", &data_dir(), "-o", "g.kgb", "-q"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let stats = kg(&["stats", "g.kgb"], dir.path());
    assert!(stats.status.success(), "{}", stderr(&stats));
    assert!(
        stdout(&stats).contains("documents  2"),
        "{}",
        stdout(&stats)
    );
    let query = kg(&["query", "g.kgb", "-e", "neighbours Iraq"], dir.path());
    assert!(query.status.success(), "{}", stderr(&query));
    assert!(
        stdout(&query).contains("United States"),
        "{}",
        stdout(&query)
    );
}

#[test]
fn export_writes_json_and_dot() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        kg(&["build", &data_dir(), "-o", "g.ron", "-q"], dir.path())
            .status
            .success()
    );
    let json = kg(
        &["export", "g.ron", "--format", "json", "--output", "g.json"],
        dir.path(),
    );
    assert!(json.status.success(), "{}", stderr(&json));
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("g.json")).unwrap()).unwrap();
    assert_eq!(value["directed"], true);
    assert!(value["nodes"].as_array().unwrap().len() > 20);
    let dot = kg(&["export", "g.ron", "--format", "dot"], dir.path());
    assert!(dot.status.success(), "{}", stderr(&dot));
    assert!(stdout(&dot).starts_with("digraph kgraph {"));
}

#[test]
fn bad_inputs_get_clear_errors_and_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"caf\xe9 au lait\n").unwrap();
    std::fs::write(
        dir.path().join("newer.ron"),
        "(format_version: 9, documents: [], entities: [], relations: [])",
    )
    .unwrap();
    std::fs::write(dir.path().join("junk.ron"), "this is not a graph").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["build", "missing-dir"],
            "kg: error: missing-dir: no such file or directory",
        ),
        (
            &["build", "latin1.txt"],
            "latin1.txt:1:4: not UTF-8 text (invalid byte 0xe9)",
        ),
        (
            &["stats", "newer.ron"],
            "graph format version 9 is newer than this kg understands",
        ),
        (
            &["stats", "junk.ron"],
            "junk.ron:1:1: not a kgraph graph file",
        ),
    ];
    for (args, expected) in cases {
        let output = kg(args, dir.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("newer.ron")).unwrap(),
        "(format_version: 9, documents: [], entities: [], relations: [])",
        "a refused file is left untouched"
    );
}

#[test]
fn help_teaches_each_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    for subcommand in ["build", "stats", "export", "eval", "shell", "run", "query"] {
        let output = kg(&[subcommand, "--help"], dir.path());
        assert!(output.status.success());
        assert!(
            stdout(&output).contains("Example"),
            "{subcommand} --help has an example"
        );
    }
}
