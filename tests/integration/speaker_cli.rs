//! `--speaker`: a country named on the command line is who says "we" in every document, and a name
//! the lexicon does not know is refused with a message that says what to give.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::support::{kg, stderr, stdout};

/// A statement with no heading that says who speaks.
const STATEMENT: &str = "Notes from the harbour

Qatar is a good neighbour. The United States is strong. We imposed sanctions on Iran last year.
";

#[test]
fn the_speaker_says_we_only_when_named() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("notes.txt"), STATEMENT).unwrap();
    let why = |speaker: &[&str]| {
        let mut args = vec!["query", "notes.txt", "-e", "why \"United States\" Iran"];
        args.extend(speaker);
        let output = kg(&args, directory.path());
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let cases: &[(&[&str], Option<&str>)] = &[
        // Without a speaker, "we" is nobody.
        (&[], None),
        (
            &["--speaker", "United States"],
            Some(
                "United States\timpose sanctions on\tIran\tConflict\tnotes.txt\tverb\t\tWe imposed sanctions on Iran last year.",
            ),
        ),
        // Any name the lexicon gives the country, in any case.
        (
            &["--speaker", "us"],
            Some(
                "United States\timpose sanctions on\tIran\tConflict\tnotes.txt\tverb\t\tWe imposed sanctions on Iran last year.",
            ),
        ),
    ];
    for &(speaker, expected) in cases {
        let answer = why(speaker);
        let relation = answer.lines().find(|line| !line.starts_with('#'));
        assert_eq!(relation, expected, "{speaker:?}\n{answer}");
    }
}

#[test]
fn a_speaker_the_lexicon_does_not_know_is_refused() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("notes.txt"), STATEMENT).unwrap();
    let gold = r#"{"document": "notes.txt", "entities": [], "relations": []}"#;
    std::fs::write(directory.path().join("notes.gold.json"), gold).unwrap();
    for command in [
        &[
            "build",
            "notes.txt",
            "--output",
            "graph.ron",
            "--speaker",
            "Atlantis",
        ][..],
        &["eval", "notes.txt", "--gold", ".", "--speaker", "Atlantis"],
        &["query", "notes.txt", "-e", "stats", "--speaker", "Atlantis"],
    ] {
        let output = kg(command, directory.path());
        assert_eq!(output.status.code(), Some(2), "{command:?}");
        assert_eq!(
            stderr(&output),
            "kg: error: no country or organisation called \"Atlantis\" in the lexicon to speak for \
             the documents; give its name or a short form as the lexicon writes it (e.g. \"United \
             States\", \"UK\")\n",
            "{command:?}"
        );
        assert!(!directory.path().join("graph.ron").exists(), "{command:?}");
    }
}
