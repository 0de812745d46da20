//! The query scripts in `queries/` run by the real binary over `data/`, each checked against its golden
//! file `queries/NAME.expected`: the echoed commands, their plain-text answers, and then every file the
//! script wrote (a DOT diagram) under `queries/out/`, each after a `==> FILE <==` line. A script that
//! writes anywhere else (the directory it is run from) fails the test: running the queries from the
//! repository's root leaves nothing behind but git-ignored files.
//!
//! When extraction changes, answers change: regenerate the goldens with
//! `KG_BLESS=1 cargo test --release --test integration golden_scripts::` and read the diff in `git diff queries/`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scripts() -> Vec<PathBuf> {
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "kgq"))
        .collect();
    scripts.sort();
    scripts
}

/// Where scripts write their files, relative to the repository's root; git ignores what is in it.
const OUT: &str = "queries/out";

/// What a script prints, then the files it wrote under [`OUT`] in its temporary working directory
/// (laid out as the repository is).
fn run(script: &Path) -> String {
    let directory = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(directory.path().join(OUT)).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("run")
        .arg(script)
        .args(["--echo", "--format", "plain", "--graph"])
        .arg(root().join("data"))
        .current_dir(directory.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{}: {stderr}", script.display());
    assert!(stderr.is_empty(), "{}: {stderr}", script.display());
    let mut text = String::from_utf8(output.stdout).unwrap();
    let top: Vec<PathBuf> = std::fs::read_dir(directory.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(
        top,
        [directory.path().join("queries")],
        "{} writes outside {OUT}",
        script.display()
    );
    let mut written: Vec<PathBuf> = std::fs::read_dir(directory.path().join(OUT))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    written.sort();
    for file in written {
        let name = format!("{OUT}/{}", file.file_name().unwrap().to_string_lossy());
        text.push_str(&format!("\n==> {name} <==\n"));
        text.push_str(&std::fs::read_to_string(&file).unwrap());
    }
    text
}

/// The first line where the two texts differ, with its number, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut expected_lines, mut actual_lines) = (expected.lines(), actual.lines());
    for number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => continue,
            (None, None) => break,
            (e, a) => {
                return format!(
                    "line {number}:\n  expected: {}\n  actual:   {}",
                    e.unwrap_or("(end of file)"),
                    a.unwrap_or("(end of file)")
                );
            }
        }
    }
    "the texts differ only in their line ends".into()
}

#[test]
fn query_scripts_match_their_golden_output() {
    let bless = std::env::var_os("KG_BLESS").is_some_and(|v| v == "1");
    let scripts = scripts();
    assert!(scripts.len() >= 4, "queries/ holds at least four scripts");
    let mut failures = Vec::new();
    for script in scripts {
        let actual = run(&script);
        let golden = script.with_extension("expected");
        if bless {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{} differs from {} at {}",
                script.display(),
                golden.display(),
                first_difference(&expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, regenerate the goldens with\n  KG_BLESS=1 cargo test --release --test integration golden_scripts::\nand review `git diff queries/`.",
        failures.join("\n\n")
    );
}
