//! End-to-end tests of the query language through the real binary: scripts and their errors,
//! `kg query`, standard input, and the meta-commands that touch files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::support::{kg, stderr, stdout};
use std::io::Write;
use std::process::{Command, Stdio};

fn data() -> String {
    format!("{}/data", env!("CARGO_MANIFEST_DIR"))
}

/// A temporary directory holding `files`.
fn directory(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_failing_script_line_is_drawn_with_file_line_and_column() {
    let dir = directory(&[(
        "bad.kgq",
        "# a comment\nstats\n\nneighbours Irak depth 2\nstats\n",
    )]);
    let output = kg(&["run", "bad.kgq", "--graph", &data()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "kg: error: no entity is called \"Irak\"; did you mean \"Iran\" or \"Iraq\"?\n --> bad.kgq:4:12\n  |\n4 | neighbours Irak depth 2\n  |            ^^^^\n"
    );
    assert_eq!(
        stdout(&output).matches("# 2 documents").count(),
        1,
        "the run stops at the failing line"
    );
}

#[test]
fn keep_going_reports_every_failure_and_still_fails() {
    let dir = directory(&[("two-bad.kgq", "nieghbours Iraq\nstats\npath PMF\ndocs\n")]);
    let output = kg(
        &["run", "two-bad.kgq", "--graph", &data(), "--keep-going"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("error: unknown command \"nieghbours\"; did you mean \"neighbours\"?"),
        "{errors}"
    );
    assert!(errors.contains(" --> two-bad.kgq:1:1"), "{errors}");
    assert!(
        errors.contains("error: expected a second entity name after \"PMF\"\n --> two-bad.kgq:3:9"),
        "{errors}"
    );
    assert!(
        errors.ends_with("kg: error: 2 of 4 commands failed\n"),
        "{errors}"
    );
    let answers = stdout(&output);
    assert!(
        answers.contains("# 2 documents") && answers.contains("# documents:"),
        "{answers}"
    );
}

#[test]
fn scripts_that_run_themselves_are_refused() {
    let dir = directory(&[
        ("a.kgq", "stats\n:run b.kgq\n"),
        ("b.kgq", "# b runs a again\n:run a.kgq\n"),
        ("self.kgq", ":run self.kgq\n"),
    ]);
    let output = kg(&["run", "a.kgq", "--graph", &data()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "kg: error: a.kgq runs itself (a.kgq → b.kgq → a.kgq); a script cannot run a script that is already running\n --> b.kgq:2:6\n  |\n2 | :run a.kgq\n  |      ^^^^^\n"
    );
    let output = kg(&["run", "self.kgq", "--graph", &data()], dir.path());
    assert!(
        stderr(&output).contains("self.kgq runs itself (self.kgq → self.kgq)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn nested_scripts_run_in_place() {
    let dir = directory(&[
        ("outer.kgq", "docs\n:run inner.kgq\nfind Kurd\n"),
        ("inner.kgq", ":mode csv\nfind PMF\n"),
    ]);
    let output = kg(&["run", "outer.kgq", "--graph", &data()], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let inner = text
        .find("\nPopular Mobilization Forces,ArmedGroup,PMF,")
        .unwrap();
    let outer = text.find("Kurdistan Region of Iraq,").unwrap();
    assert!(text.starts_with("# 2 documents") && inner < outer, "{text}");
}

#[test]
fn kg_query_prints_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let output = kg(
        &[
            "query",
            &data(),
            "-e",
            "top 3 by pagerank",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["command"], "top");
    assert_eq!(json["ranking"].as_array().unwrap().len(), 3);
    assert_eq!(json["ranking"][0]["rank"], 1);
    assert!(json["ranking"][0]["pagerank"].as_f64().unwrap() > 0.0);
    let output = kg(
        &["query", &data(), "-e", "find kurdistan region", "-f", "csv"],
        dir.path(),
    );
    assert_eq!(
        stdout(&output),
        "entity,kind,aliases,mentions\nKurdistan Region of Iraq,Place,KRI; Kurdistan Region,13\n"
    );
}

#[test]
fn commands_on_standard_input_print_plain_answers_without_a_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["shell", &data()])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"neighbours Iraq class Leads\nbogus\nfind Sinopec\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "a failed command fails the run"
    );
    let text = stdout(&output);
    assert!(
        text.starts_with("# entities within 1 hop of Iraq (Leads, both ways)"),
        "{text}"
    );
    assert!(text.contains("\nSinopec\tOrganization"), "{text}");
    assert!(!text.contains("kg>"), "{text}");
    assert!(
        stderr(&output).contains(" --> <stdin>:2:1"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn save_load_ingest_and_export() {
    let dir = directory(&[(
        "extra.txt",
        "The Atlantis Brigade attacked the Sinjar garrison in 2024. The Atlantis Brigade denied it.\n",
    )]);
    let script = format!(
        ":load {data}\n:save g.ron\n:load g.ron\n:ingest extra.txt\n:ingest extra.txt {data}\n:export json whole.json\nfind Atlantis\n:export dot found.dot last\n",
        data = data()
    );
    std::fs::write(dir.path().join("files.kgq"), script).unwrap();
    let output = kg(
        &["run", "files.kgq", "--graph", &data(), "--format", "table"],
        dir.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "saved g.ron: 2 documents, ",
        "loaded g.ron: 2 documents, ",
        "added 1 document: now 3 documents",
        "added 0 documents (3 documents were already in the graph): now 3 documents",
        "wrote whole.json (json): ",
        "Atlantis Brigade",
        "wrote found.dot (dot) of the last result (find): 1 entity, 0 relations",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("whole.json")).unwrap())
            .unwrap();
    assert_eq!(
        json["graph"]["documents"]
            .as_array()
            .map(Vec::len)
            .unwrap_or(3),
        3
    );
    assert!(
        std::fs::read_to_string(dir.path().join("found.dot"))
            .unwrap()
            .contains("Atlantis Brigade")
    );
}

#[test]
fn export_errors_are_explained() {
    let dir = directory(&[("export.kgq", "stats\n:export dot out.dot last\n")]);
    let output = kg(&["run", "export.kgq", "--graph", &data()], dir.path());
    assert!(
        stderr(&output)
            .contains("the last result (stats) has no entities to export\n --> export.kgq:2:13"),
        "{}",
        stderr(&output)
    );
    let output = kg(
        &["query", &data(), "-e", ":export dot out.dot last"],
        dir.path(),
    );
    assert!(
        stderr(&output).contains("there is no result to export yet"),
        "{}",
        stderr(&output)
    );
}

/// `:export svg|png|pdf` draw through GraphViz's `dot`: without it (an empty PATH) the error says so,
/// and with it (when this machine has it) the file starts as its format does.
#[test]
fn drawings_need_graphviz_and_say_so() {
    let has_dot = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    let cases: [(&str, &[u8]); 3] = [
        ("svg", b"<?xml"),
        ("png", b"\x89PNG\r\n\x1a\n"),
        ("pdf", b"%PDF-"),
    ];
    for (format, magic) in cases {
        let dir = tempfile::tempdir().unwrap();
        let empty_path = tempfile::tempdir().unwrap();
        let export = format!(":export {format} path.{format} last");
        let args = ["query", &data(), "-e", "path PMF Russia", "-e", &export];
        let output = Command::new(env!("CARGO_BIN_EXE_kg"))
            .args(args)
            .env("PATH", empty_path.path())
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}");
        let expected = format!(
            "{} needs GraphViz's `dot` program, which is not installed (apt install graphviz)",
            format.to_uppercase()
        );
        assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
        assert!(!dir.path().join(format!("path.{format}")).exists());
        if has_dot {
            let output = kg(&args, dir.path());
            assert!(output.status.success(), "{}", stderr(&output));
            let drawing = std::fs::read(dir.path().join(format!("path.{format}"))).unwrap();
            assert!(drawing.starts_with(magic), "{format}: {:?}", &drawing[..16]);
            assert!(
                String::from_utf8_lossy(&output.stdout)
                    .contains(&format!("wrote path.{format} ({format})")),
                "{}",
                String::from_utf8_lossy(&output.stdout)
            );
        }
    }
}

#[test]
fn a_script_that_cannot_be_read_is_a_plain_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = kg(&["run", "missing.kgq", "--graph", &data()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    // In the words every other command uses (issue 20: it said "No such file or directory (os error 2)").
    assert_eq!(
        stderr(&output),
        "kg: error: missing.kgq: no such file or directory\n"
    );
}

#[test]
fn scripts_nest_only_so_deep() {
    let dir = tempfile::tempdir().unwrap();
    for level in 0..20 {
        std::fs::write(
            dir.path().join(format!("level{level}.kgq")),
            format!(":run level{}.kgq\n", level + 1),
        )
        .unwrap();
    }
    let output = kg(&["run", "level0.kgq", "--graph", &data()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(
            "kg: error: scripts run scripts more than 16 deep; is there a cycle?\n --> level15.kgq:1:6\n"
        ),
        "{}",
        stderr(&output)
    );
}
