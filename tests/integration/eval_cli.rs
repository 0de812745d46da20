//! `kg eval` through the real binary, on one small text and two gold files, one of a text not
//! built: the report a user reads, with `--by-rule` and `--verbose`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

const TEXT: &str = "Iraq signed a security agreement with the United States in 2008.

China built power plants in Iraq. The Zarkan ally backed the Kurdistan Region.
";

/// The text's gold: China's plants are Cooperation (the graph says Other), the Kurdistan Region an
/// Organization (the graph says Place), and "Zarkan" is no gold entity.
const IRAQ_GOLD: &str = r#"{
  "document": "iraq.txt",
  "entities": [
    {"name": "Iraq", "kind": "Country", "aliases": ["Iraq"]},
    {"name": "United States", "kind": "Country", "aliases": ["United States"]},
    {"name": "China", "kind": "Country", "aliases": ["China"]},
    {"name": "Kurdistan Region", "kind": "Organization", "aliases": ["Kurdistan Region"]}
  ],
  "relations": [
    {"subject": "Iraq", "predicate": "signed a security agreement with", "class": "Cooperation",
     "object": "United States", "evidence": "Iraq signed a security agreement with the United States in 2008."},
    {"subject": "China", "predicate": "built power plants in", "class": "Cooperation",
     "object": "Iraq", "evidence": "China built power plants in Iraq."}
  ]
}"#;

/// Gold of a text the run does not build: left out, not missed.
const RUSSIA_GOLD: &str = r#"{
  "document": "russia.txt",
  "entities": [{"name": "Russia", "kind": "Country", "aliases": ["Russia", "Moscow"]}],
  "relations": []
}"#;

#[test]
fn eval_scores_the_gold_of_the_texts_built_with_kinds_and_wrong_pairs() {
    let directory = tempfile::tempdir().unwrap();
    let documents = directory.path().join("docs");
    let gold = directory.path().join("gold");
    std::fs::create_dir_all(&documents).unwrap();
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::write(documents.join("iraq.txt"), TEXT).unwrap();
    std::fs::write(gold.join("iraq.gold.json"), IRAQ_GOLD).unwrap();
    std::fs::write(gold.join("russia.gold.json"), RUSSIA_GOLD).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["eval", "docs", "--gold", "gold", "--by-rule", "--verbose"])
        .current_dir(directory.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "                     precision  recall     F1
entities                 0.800   1.000  0.889   (matched 4 of 5 graph entities; found 4 of 4 gold)
pairs                    0.667   1.000  0.800   (matched 2 of 3 graph pairs; found 2 of 2 gold)
sentences                0.667   1.000  0.800   (matched 2 of 3 graph sentences; found 2 of 2 gold)
kind accuracy            0.750   (3 of 4 found gold entities with the gold kind)
alias accuracy           1.000   (4 of 4 carried gold aliases on the right entity only; 4 gold aliases)
class agreement          0.500   (1 of 2 matched pairs)
gold files scored       1 of 2   (left out, their documents not built: russia.gold.json)

rule  items  mapped  gold pair  precision  gold sentence  precision
verb      3       2          2      0.667              2      0.667

missed gold entities (0)
spurious graph entities (1)
  Zarkan
found with another kind (1)
  Kurdistan Region: Place in the graph, Organization in gold
missed gold pairs (0)
spurious graph pairs (1)
  Kurdistan Region -- Zarkan (no gold entity)
"
    );
}

/// `--per-document`: each document with gold gets a row scored on its own graph (the iraq row has
/// the figures the whole-corpus test above shows for the same text); a document without gold gets
/// none; a saved graph cannot be split, and says so.
#[test]
fn eval_per_document_scores_each_document_on_its_own_graph() {
    let directory = tempfile::tempdir().unwrap();
    let documents = directory.path().join("docs");
    let gold = directory.path().join("gold");
    std::fs::create_dir_all(&documents).unwrap();
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::write(documents.join("iraq.txt"), TEXT).unwrap();
    std::fs::write(documents.join("russia.txt"), "Russia is large.\n").unwrap();
    std::fs::write(documents.join("other.txt"), "Peru is far away.\n").unwrap();
    std::fs::write(gold.join("iraq.gold.json"), IRAQ_GOLD).unwrap();
    std::fs::write(gold.join("russia.gold.json"), RUSSIA_GOLD).unwrap();
    let kg = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kg"))
            .args(args)
            .current_dir(directory.path())
            .output()
            .unwrap()
    };
    let output = kg(&["eval", "docs", "--gold", "gold", "--per-document"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let table = stdout.split("\n\n").nth(1).unwrap();
    assert_eq!(
        table,
        "document    entity F1       kind      alias     pair P    pair F1   sent. F1
iraq.txt        0.889      0.750      1.000      0.667      0.800      0.800
russia.txt      1.000      1.000      1.000      0.000      0.000      0.000
"
    );

    let built = kg(&["build", "docs", "-o", "graph.ron"]);
    assert!(built.status.success());
    let refused = kg(&["eval", "graph.ron", "--gold", "gold", "--per-document"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(refused.stderr).unwrap(),
        "kg: error: graph.ron: a graph file; --per-document builds each document on its own, so give the documents\n"
    );
}
