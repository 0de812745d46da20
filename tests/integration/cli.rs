//! End-to-end tests of the `kg` binary: what a user types and what they see.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::support::{kg, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

fn data_dir() -> String {
    format!("{}/data", env!("CARGO_MANIFEST_DIR"))
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

/// Runs `kg` with `input` on its standard input (for `kg shell` over a pipe).
fn kg_with_stdin(args: &[&str], dir: &Path, input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("kg runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().expect("kg runs")
}

/// `--no-references` reaches extraction in every command that builds a graph from texts: each answers
/// as the graph `kg build --no-references` saved does, not as the graph with references read.
#[test]
fn no_references_reaches_every_command_that_reads_texts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("stats.kgq"), "stats\n").unwrap();
    let data = data_dir();
    for (graph, flag) in [("with.ron", None), ("without.ron", Some("--no-references"))] {
        let mut args = vec!["build", &data, "-o", graph, "-q"];
        args.extend(flag);
        assert!(kg(&args, dir.path()).status.success());
    }
    let answer = |graph: &str| stdout(&kg(&["query", graph, "-e", "stats"], dir.path()));
    let without = answer("without.ron");
    assert_ne!(without, answer("with.ron"), "the flag makes a difference");
    let commands: [&[&str]; 3] = [
        &["query", &data, "--no-references", "-e", "stats"],
        &["run", "stats.kgq", "--graph", &data, "--no-references"],
        &["shell", &data, "--no-references"],
    ];
    for args in commands {
        let output = kg_with_stdin(args, dir.path(), "stats\n");
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert_eq!(stdout(&output), without, "{args:?}");
    }
    // `:load` and `:ingest` in the shell read texts with the same options.
    let loaded = kg_with_stdin(
        &["shell", "without.ron", "--no-references"],
        dir.path(),
        &format!(":load {data}\nstats\n"),
    );
    assert!(stdout(&loaded).ends_with(&without), "{}", stdout(&loaded));
    let export = |inputs: &[&str]| {
        let mut args = vec!["export", "--format", "json"];
        args.extend(inputs);
        stdout(&kg(&args, dir.path()))
    };
    assert_eq!(
        export(&[&data, "--no-references"]),
        export(&["without.ron"])
    );
}

/// A graph file is loaded as a graph, whatever the flags; one that does not load is an error naming
/// it; a data file is never read as a text.
#[test]
fn graph_and_data_files_are_never_read_as_texts() {
    let dir = tempfile::tempdir().unwrap();
    let built = kg(&["build", &data_dir(), "-o", "g.ron", "-q"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    for name in ["g.json", "nodes.csv", "g.graphml", "g.nt", "g.dot"] {
        std::fs::write(dir.path().join(name), "{\"nodes\": []}\n").unwrap();
    }
    std::fs::write(dir.path().join("junk.ron"), "this is not a graph").unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "Iraq signed an agreement with Iran.\n",
    )
    .unwrap();
    let data_file = |name: &str, extension: &str| {
        format!(
            "kg: error: {name}: a .{extension} file holds data, not text to read: give documents \
             (.txt, .md) or a graph file (.ron, .kgb, .bin)\n"
        )
    };
    let cases: [(&[&str], String); 8] = [
        (&["stats", "g.json"], data_file("g.json", "json")),
        (
            &["stats", "notes.txt", "nodes.csv"],
            data_file("nodes.csv", "csv"),
        ),
        (
            &["query", "g.graphml", "-e", "stats"],
            data_file("g.graphml", "graphml"),
        ),
        (&["build", "g.nt"], data_file("g.nt", "nt")),
        (
            &["export", "g.dot", "--format", "json"],
            data_file("g.dot", "dot"),
        ),
        (
            &["stats", "g.ron", "notes.txt"],
            "kg: error: g.ron: a graph file is opened on its own, not together with other inputs\n"
                .into(),
        ),
        (
            &["build", "notes.txt", "g.ron"],
            "kg: error: g.ron: a graph file, not a document to read; to add documents to a graph, \
             give the graph with --update\n"
                .into(),
        ),
        (
            &["build", "--update", "g.ron", "g.ron"],
            "kg: error: g.ron: a graph file, not a document to read; to add documents to a graph, \
             give the graph with --update\n"
                .into(),
        ),
    ];
    let saved = std::fs::read(dir.path().join("g.ron")).unwrap();
    for (args, expected) in cases {
        let output = kg(args, dir.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&output), expected, "{args:?}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
    assert_eq!(std::fs::read(dir.path().join("g.ron")).unwrap(), saved);
    // A graph file that does not load is an error naming it, with --no-references too.
    let junk = kg(
        &["export", "junk.ron", "--no-references", "--format", "json"],
        dir.path(),
    );
    assert_eq!(junk.status.code(), Some(2));
    assert!(
        stderr(&junk).starts_with("kg: error: junk.ron:1:1: not a kgraph graph file"),
        "{}",
        stderr(&junk)
    );
    // With --no-references, a graph file is still the graph it holds.
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "g.ron", "--format", "dot"];
        args.extend(extra);
        stdout(&kg(&args, dir.path()))
    };
    assert_eq!(export(&["--no-references"]), export(&[]));
}

/// The shell refuses the same files in `:load` and `:ingest`, and says why.
#[test]
fn the_shell_loads_and_ingests_no_data_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "Iraq signed an agreement with Iran.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("g.json"), "{}\n").unwrap();
    let built = kg(&["build", "notes.txt", "-o", "g.ron", "-q"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let output = kg_with_stdin(
        &["shell", "notes.txt"],
        dir.path(),
        ":load g.json\n:ingest g.ron\n",
    );
    assert_eq!(
        stderr(&output),
        "error: g.json: a .json file holds data, not text to read: give documents (.txt, .md) or a \
         graph file (.ron, .kgb, .bin)\n \
         --> <stdin>:1:7\n  |\n1 | :load g.json\n  |       ^^^^^^\n\
         error: g.ron: a graph file, not a document to read\n \
         --> <stdin>:2:9\n  |\n2 | :ingest g.ron\n  |         ^^^^^\n\
         kg: error: 2 of 2 commands failed\n"
    );
}

/// Every command that reads a graph or texts reads `data/` when given no input.
#[test]
fn commands_read_data_by_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    std::fs::write(
        dir.path().join("data/one.txt"),
        "Iraq signed an agreement with Iran.\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("gold")).unwrap();
    std::fs::write(
        dir.path().join("gold/one.gold.json"),
        r#"{"document": "one.txt", "entities": [{"name": "Iraq", "kind": "Country", "aliases": []}], "relations": []}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("stats.kgq"), "stats\n").unwrap();
    // Each command without an input, and where the input goes to name data/ explicitly.
    let cases: [(&[&str], usize); 7] = [
        (&["stats"], 1),
        (&["query", "-e", "stats"], 1),
        (&["export", "--format", "dot"], 1),
        (&["eval", "--gold", "gold"], 1),
        (&["run", "stats.kgq"], 2),
        (&["shell"], 1),
        (&["build", "-o", "g.ron"], 1),
    ];
    for (args, at) in cases {
        let implicit = kg_with_stdin(args, dir.path(), "stats\n");
        let mut explicit_args = args.to_vec();
        explicit_args.insert(at, if args[0] == "run" { "--graph" } else { "data" });
        if args[0] == "run" {
            explicit_args.insert(at + 1, "data");
        }
        let explicit = kg_with_stdin(&explicit_args, dir.path(), "stats\n");
        assert!(implicit.status.success(), "{args:?}: {}", stderr(&implicit));
        assert!(
            !stdout(&implicit).is_empty() || args[0] == "build",
            "{args:?}"
        );
        assert_eq!(stdout(&implicit), stdout(&explicit), "{args:?}");
    }
    let stats = stdout(&kg(&["stats"], dir.path()));
    assert!(stats.starts_with("documents  1\n  one.txt  "), "{stats}");
}
