//! `kg build --update`: adding documents to a saved graph gives the graph a fresh build of all of them
//! gives, and documents already in the graph are skipped and reported.
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

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn update_equals_a_fresh_build_and_skips_known_documents() {
    let dir = tempfile::tempdir().unwrap();
    let first = data("annahar-2026-iraq-moves-toward-us.txt");
    let second = data("mepc-2024-iraq-sino-us-rivalry.txt");
    for format in ["ron", "kgb"] {
        let graph = format!("g.{format}");
        let fresh = format!("fresh.{format}");
        let built = kg(&["build", &first, "-o", &graph, "-q"], dir.path());
        assert!(built.status.success());
        let updated = kg(&["build", "--update", &graph, &first, &second], dir.path());
        let stderr = String::from_utf8_lossy(&updated.stderr);
        assert!(updated.status.success(), "{stderr}");
        // stderr is not a terminal here: no progress bar drawn into it.
        assert!(
            !stderr.contains('\r') && !stderr.contains('\u{1b}'),
            "{stderr:?}"
        );
        assert!(
            stderr.contains(&format!(
                "updated {graph}: added 1 documents, skipped 1 already in the graph \
                 (annahar-2026-iraq-moves-toward-us.txt)"
            )),
            "{stderr}"
        );
        let built = kg(&["build", &first, &second, "-o", &fresh, "-q"], dir.path());
        assert!(built.status.success());
        let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
        assert!(
            read(&graph) == read(&fresh),
            "{format}: update differs from a fresh build"
        );
    }
}

#[test]
fn update_of_a_missing_graph_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = kg(
        &[
            "build",
            "--update",
            "missing.ron",
            &data("annahar-2026-iraq-moves-toward-us.txt"),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("kg: error: missing.ron: "), "{stderr}");
    assert!(!dir.path().join("missing.ron").exists());
}
