//! `kg query --format json|csv` through the real binary: every command of the scripts in
//! `queries/` gives JSON that parses and CSV that a CSV reader reads back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn manifest(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The command lines of every script in `queries/`, with a few more forms.
fn commands() -> Vec<String> {
    let mut commands: Vec<String> = ["stats", "docs", "help paths", "entity PMF", "find Kurd"]
        .map(String::from)
        .to_vec();
    for entry in std::fs::read_dir(manifest("queries")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "kgq") {
            let script = std::fs::read_to_string(path).unwrap();
            commands.extend(
                script
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty() && !line.starts_with('#'))
                    .map(String::from),
            );
        }
    }
    commands
}

/// The answers to every command in `mode`, from one `kg query` run over `data/`.
fn answers(mode: &str) -> String {
    let mut args = vec!["query".to_string(), manifest("data")];
    for command in commands() {
        args.extend(["-e".to_string(), command]);
    }
    args.extend(["--format".to_string(), mode.to_string()]);
    // `queries/kurdistan-region.kgq` exports a file under `queries/out/`: keep it out of the source
    // tree, in a directory laid out as the repository is.
    let directory = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(directory.path().join("queries/out")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(&args)
        .current_dir(directory.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_json_answer_is_one_object_with_command_title_and_notes() {
    let text = answers("json");
    let objects: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&text)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(objects.len(), commands().len());
    for (object, command) in objects.iter().zip(commands()) {
        let verb = command.split_whitespace().next().unwrap();
        assert_eq!(object["command"], verb, "{command}");
        assert!(object["title"].is_string(), "{command}");
        assert!(object["notes"].is_array(), "{command}");
    }
}

#[test]
fn every_csv_answer_reads_back_with_a_csv_reader() {
    let text = answers("csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let records = reader.records().collect::<Result<Vec<_>, _>>().unwrap();
    assert!(records.len() > commands().len());
    let quoted = records
        .iter()
        .flat_map(|record| record.iter())
        .find(|field| field.contains(','))
        .expect("some field holds a comma, so quoting is exercised");
    assert!(text.contains(&format!("\"{}\"", quoted.replace('"', "\"\""))));
}
