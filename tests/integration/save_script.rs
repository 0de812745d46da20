//! `:save-script` writes what a shell session asked as a script that `kg run` replays to the same
//! answers. Issue 20, "Scripts from the session".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::query::OutputMode;
use kgraph::shell::{LexiconSource, Origin, Session, open_graph};
use std::path::PathBuf;
use std::process::Command;

fn data() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

/// Runs `entry` as the shell does (executed, then recorded), returning its answer or its error.
fn typed(session: &mut Session, entry: &str, number: usize) -> Result<String, String> {
    let mut answer = Vec::new();
    let origin = Origin {
        name: "<repl>",
        line: number,
    };
    let executed = session.execute(entry, origin, &mut answer);
    session.record(entry, executed.is_ok());
    executed
        .map(|_| String::from_utf8(answer).unwrap())
        .map_err(|e| e.to_string())
}

#[test]
fn a_saved_session_replays_to_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut lexicon = LexiconSource::default();
    let graph = open_graph(&[data()], &mut lexicon, &mut |_| {}).unwrap();
    let mut session = Session::new(graph, lexicon, OutputMode::Plain);
    session.set_graph_name(data().display().to_string());
    let entries = [
        "entity PMF",
        "neighbours Irak",
        "why KRI Russia",
        ":history",
        "path PMF Russia class asserted undirected",
        ":timer on",
        "top 3 by pagerank kind Country",
        "neighbours KRI class asserted evidence",
    ];
    let mut answers = String::new();
    for (index, entry) in entries.iter().enumerate() {
        let result = typed(&mut session, entry, index + 1);
        match *entry {
            "neighbours Irak" => assert!(result.is_err(), "{entry} should fail"),
            ":history" | ":timer on" => {}
            _ => answers.push_str(&result.unwrap()),
        }
    }
    // Timing notes differ from run to run; the script leaves `:timer` out, so compare without them.
    let answers: String = answers
        .lines()
        .filter(|line| !line.starts_with("# note: took "))
        .map(|line| format!("{line}\n"))
        .collect();

    let history = typed(&mut session, ":history", 9).unwrap();
    assert!(history.contains("2\tneighbours Irak\tfailed"), "{history}");
    assert!(history.contains("1\tentity PMF\tok"), "{history}");

    let script = dir.path().join("session.kgq");
    let saved = typed(
        &mut session,
        &format!(":save-script \"{}\"", script.display()),
        10,
    )
    .unwrap();
    assert!(
        saved.contains("saved 5 commands to") && saved.contains("(1 failed command left out)"),
        "{saved}"
    );
    let text = std::fs::read_to_string(&script).unwrap();
    let commands: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(
        commands,
        [
            "entity PMF",
            "why KRI Russia",
            "path PMF Russia class asserted undirected",
            "top 3 by pagerank kind Country",
            "neighbours KRI class asserted evidence",
        ]
    );
    assert!(
        text.starts_with("# Saved from a kg shell session over ")
            && text.contains("2 documents, ")
            && text.contains("# Replay: kg run "),
        "{text}"
    );

    let replay = Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("run")
        .arg(&script)
        .args(["--format", "plain", "--graph"])
        .arg(data())
        .output()
        .unwrap();
    assert!(
        replay.status.success(),
        "{}",
        String::from_utf8_lossy(&replay.stderr)
    );
    assert_eq!(String::from_utf8(replay.stdout).unwrap(), answers);

    // A range saves only those entries (and still leaves out the failed one).
    let part = dir.path().join("part.kgq");
    let saved = typed(
        &mut session,
        &format!(":save-script \"{}\" 2-3", part.display()),
        11,
    )
    .unwrap();
    assert!(saved.contains("saved 1 command to"), "{saved}");
    let text = std::fs::read_to_string(&part).unwrap();
    assert!(text.ends_with("\n\nwhy KRI Russia\n"), "{text}");
}

#[test]
fn saving_what_is_not_there_is_an_error() {
    let mut lexicon = LexiconSource::default();
    let graph = open_graph(&[data()], &mut lexicon, &mut |_| {}).unwrap();
    let mut session = Session::new(graph, lexicon, OutputMode::Plain);
    let cases = [
        (
            ":save-script never.kgq",
            "no command to save: none has succeeded yet (queries and :load, :ingest, :export are saved)",
        ),
        (
            ":save-script never.kgq 1-4",
            "there is no command 4 to save: :history lists 1 (entries 1 to 4 were asked for)",
        ),
    ];
    for (number, (entry, message)) in cases.into_iter().enumerate() {
        let error = typed(&mut session, entry, number + 1).unwrap_err();
        assert!(error.starts_with(message), "{entry}: {error}");
    }
    assert!(!std::path::Path::new("never.kgq").exists());
}
