//! Control characters in names, through the real `kg` binary (issue 21, "Control characters").
//!
//! A document named with an ESC and a newline, and an entity whose name holds a NUL, other C0
//! characters and DEL, must come out of every terminal command shown rather than acted on (as
//! `\u{1b}`), out of DOT in a form GraphViz reads and draws as well-formed SVG, and out of GraphML
//! as well-formed XML (U+FFFD where XML cannot carry the character).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// The document's file name: an escape sequence that would turn a terminal red, and a newline.
const DOCUMENT_NAME: &str = "bad\u{1b}[31mname\nx.txt";

/// The entity name written into the graph file in place of "Israel" (RON's escapes).
const ENTITY_NAME_RON: &str = r"Isr\u{0}ael\u{1}\u{1b}[31m\u{7f}";

fn kg(args: &[&str], dir: &Path) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("kg runs");
    assert!(
        output.status.success(),
        "kg {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A graph file (`g.ron`) built from a document named [`DOCUMENT_NAME`], with one entity renamed to
/// hold control characters: the text stage never makes such a name, but a graph file can hold one.
fn graph_with_control_characters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(
        dir.path().join("in").join(DOCUMENT_NAME),
        "Hezbollah attacked Israel in 2006. Iran funded Hezbollah.\n",
    )
    .unwrap();
    kg(&["build", "in", "-o", "built.ron"], dir.path());
    let ron = std::fs::read_to_string(dir.path().join("built.ron")).unwrap();
    assert!(ron.contains(r#"name: "Israel""#), "{ron}");
    let ron = ron.replace(
        r#"name: "Israel""#,
        &format!(r#"name: "{ENTITY_NAME_RON}""#),
    );
    std::fs::write(dir.path().join("g.ron"), ron).unwrap();
    dir
}

/// The control characters in `text` other than the line feeds (and tabs) that lay it out.
fn stray_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn terminal_output_shows_control_characters_in_document_names() {
    let dir = graph_with_control_characters();
    let cases: [(&[&str], &str); 3] = [
        (&["stats", "g.ron"], r"  bad\u{1b}[31mname\u{a}x.txt  "),
        // Plain text has always turned a line break in a cell into a space.
        (
            &["query", "g.ron", "-e", "docs", "--format", "plain"],
            "\tbad\\u{1b}[31mname x.txt\t",
        ),
        (
            &["query", "g.ron", "-e", "docs", "--format", "table"],
            r"bad\u{1b}[31mname\u{a}x.txt",
        ),
    ];
    for (args, expected) in cases {
        let out = stdout(&kg(args, dir.path()));
        assert_eq!(stray_controls(&out), [], "kg {args:?}:\n{out}");
        assert!(
            out.contains(expected),
            "kg {args:?}: {expected:?} in\n{out}"
        );
    }
}

#[test]
fn table_rows_stay_one_line_each() {
    let dir = graph_with_control_characters();
    let out = stdout(&kg(
        &["query", "g.ron", "-e", "docs", "--format", "table"],
        dir.path(),
    ));
    let row = out.lines().find(|l| l.contains("bad")).expect("a row");
    assert!(
        row.contains("x.txt"),
        "the name is cut by a line break:\n{out}"
    );
}

/// Whether `program` can be run here.
fn installed(program: &str) -> bool {
    Command::new(program).arg("-V").output().is_ok()
}

/// Asserts python's XML parser reads `path` (when python is installed).
fn assert_well_formed_xml(path: &Path) {
    if !installed("python3") {
        eprintln!("python3 not installed: {} not parsed", path.display());
        return;
    }
    let parsed = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])",
        ])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        parsed.status.success(),
        "{} is not well-formed XML:\n{}",
        path.display(),
        String::from_utf8_lossy(&parsed.stderr)
    );
}

#[test]
fn dot_shows_control_characters_and_graphviz_draws_well_formed_svg() {
    let dir = graph_with_control_characters();
    kg(
        &["export", "g.ron", "--format", "dot", "-o", "g.dot"],
        dir.path(),
    );
    let dot = std::fs::read_to_string(dir.path().join("g.dot")).unwrap();
    assert_eq!(stray_controls(&dot), [], "{dot}");
    assert!(
        dot.contains(r#"label="Isr\\u{0}ael\\u{1}\\u{1b}[31m\\u{7f}""#),
        "{dot}"
    );
    if !installed("dot") {
        eprintln!("GraphViz not installed: g.dot not drawn");
        return;
    }
    let svg = Command::new("dot")
        .args(["-Tsvg", "g.dot", "-o", "g.svg"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        svg.status.success(),
        "dot refused the export:\n{}",
        String::from_utf8_lossy(&svg.stderr)
    );
    assert_well_formed_xml(&dir.path().join("g.svg"));
    let svg = std::fs::read_to_string(dir.path().join("g.svg")).unwrap();
    assert!(svg.contains(r"Isr\u{0}ael\u{1}\u{1b}[31m\u{7f}"), "{svg}");
}

#[test]
fn graphml_replaces_what_xml_cannot_carry() {
    let dir = graph_with_control_characters();
    kg(
        &["export", "g.ron", "--format", "graphml", "-o", "g.graphml"],
        dir.path(),
    );
    let xml = std::fs::read_to_string(dir.path().join("g.graphml")).unwrap();
    assert_eq!(stray_controls(&xml), [], "{xml}");
    assert!(
        xml.contains("<data key=\"name\">Isr\u{fffd}ael\u{fffd}\u{fffd}[31m\u{fffd}</data>"),
        "{xml}"
    );
    assert_well_formed_xml(&dir.path().join("g.graphml"));
}

/// Issue 21: the Neo4j CSV carries no control character but the tab (U+FFFD in their place, as in
/// GraphML); the JSON formats and N-Triples escape them as their grammars say.
#[test]
fn every_other_export_escapes_or_replaces_control_characters() {
    let dir = graph_with_control_characters();
    kg(
        &["export", "g.ron", "--format", "neo4j", "-o", "neo4j"],
        dir.path(),
    );
    let nodes = std::fs::read_to_string(dir.path().join("neo4j/nodes.csv")).unwrap();
    assert_eq!(stray_controls(&nodes), [], "{nodes}");
    assert!(
        nodes.contains(",Isr\u{fffd}ael\u{fffd}\u{fffd}[31m\u{fffd},Country,"),
        "{nodes}"
    );
    let cases = [
        ("json", r#""name": "Isr\u0000ael\u0001\u001b[31m"#),
        ("cytoscape", r#""label": "Isr\u0000ael\u0001\u001b[31m"#),
        ("ntriples", r#""Isr\u0000ael\u0001\u001B[31m\u007F""#),
    ];
    for (format, expected) in cases {
        let out = stdout(&kg(
            &["export", "g.ron", "--format", format, "-o", "-"],
            dir.path(),
        ));
        let strays: Vec<char> = stray_controls(&out)
            .into_iter()
            .filter(|&c| c != '\u{7f}')
            .collect();
        assert_eq!(strays, [], "{format}:\n{out}");
        assert!(out.contains(expected), "{format}: {expected} in\n{out}");
    }
}

/// Issue 21: a line typed with control characters, and a very long one, come back in the error
/// shown and cut, never raw or whole.
#[test]
fn the_shell_echoes_typed_control_characters_shown_and_long_lines_cut() {
    let dir = graph_with_control_characters();
    let long_name = "a".repeat(100_000);
    let input = format!(
        "neighbours \"Ir\u{1b}[31mak\"\n:load \"no\u{1b}file\"\nneighbours \"{long_name}\"\n"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["shell", "g.ron"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let errors = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stray_controls(&errors), [], "{errors}");
    let expected = format!(
        "error: no entity is called \"Ir\\u{{1b}}[31mak\"\n --> <stdin>:1:12\n  |\n\
         1 | neighbours \"Ir\\u{{1b}}[31mak\"\n  |            {}\n\
         error: no\\u{{1b}}file: no such file or directory\n --> <stdin>:2:7\n  |\n\
         2 | :load \"no\\u{{1b}}file\"\n  |       {}\n\
         error: no entity is called \"{}…\"\n --> <stdin>:3:12\n  |\n\
         3 | neighbours \"{}…\n  |            {}\n\
         kg: error: 3 of 3 commands failed\n",
        "^".repeat(16),
        "^".repeat(14),
        "a".repeat(80),
        "a".repeat(148),
        "^".repeat(149),
    );
    assert_eq!(errors, expected);
}
