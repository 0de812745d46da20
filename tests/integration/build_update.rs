//! `kg build --update`: adding documents to a saved graph. By default only the new documents are read
//! and merged in, which is `kg merge` of the saved graph and a build of the new documents; `--rebuild`
//! reads everything again and gives what a fresh build of all of them gives. Documents already in the
//! graph are skipped and reported either way.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::support::kg;
use std::path::Path;

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn rebuilding_update_equals_a_fresh_build_and_skips_known_documents() {
    let dir = tempfile::tempdir().unwrap();
    let first = data("annahar-2026-iraq-moves-toward-us.txt");
    let second = data("mepc-2024-iraq-sino-us-rivalry.txt");
    for format in ["ron", "kgb"] {
        let graph = format!("g.{format}");
        let fresh = format!("fresh.{format}");
        let built = kg(&["build", &first, "-o", &graph, "-q"], dir.path());
        assert!(built.status.success());
        let updated = kg(
            &["build", "--update", &graph, &first, &second, "--rebuild"],
            dir.path(),
        );
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
fn incremental_update_reads_only_the_new_documents_and_merges_them() {
    let dir = tempfile::tempdir().unwrap();
    let first = data("annahar-2026-iraq-moves-toward-us.txt");
    let second = data("mepc-2024-iraq-sino-us-rivalry.txt");
    for format in ["ron", "kgb"] {
        let graph = format!("g.{format}");
        let new = format!("new.{format}");
        let merged = format!("merged.{format}");
        assert!(
            kg(&["build", &first, "-o", &graph, "-q"], dir.path())
                .status
                .success()
        );
        let updated = kg(&["build", "--update", &graph, &second, &first], dir.path());
        let stderr = String::from_utf8_lossy(&updated.stderr);
        assert!(updated.status.success(), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "updated {graph}: added 1 documents, skipped 1 already in the graph \
                 (annahar-2026-iraq-moves-toward-us.txt); only the new ones read, then merged"
            )),
            "{stderr}"
        );
        // Throughput is that of the new text alone: the second document, not the corpus.
        let new_bytes = std::fs::metadata(&second).unwrap().len() as f64 / 1e6;
        assert!(
            stderr.contains(&format!("{new_bytes:.1} MB of text read and built")),
            "{stderr}"
        );
        // The same as building the new document alone and merging the two graphs.
        assert!(
            kg(&["build", &second, "-o", &new, "-q"], dir.path())
                .status
                .success()
        );
        let saved = dir.path().join(format!("saved.{format}"));
        assert!(
            kg(
                &["build", &first, "-o", saved.to_str().unwrap(), "-q"],
                dir.path()
            )
            .status
            .success()
        );
        assert!(
            kg(
                &["merge", saved.to_str().unwrap(), &new, "-o", &merged, "-q"],
                dir.path()
            )
            .status
            .success()
        );
        let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
        assert!(
            read(&graph) == read(&merged),
            "{format}: update differs from the merge"
        );
        // Nothing new: the graph file is written back unchanged.
        let before = read(&graph);
        let again = kg(&["build", "--update", &graph, &second], dir.path());
        assert!(again.status.success());
        assert!(
            read(&graph) == before,
            "{format}: an update with nothing new changed the graph"
        );
    }
}

#[test]
fn rebuild_needs_update() {
    let dir = tempfile::tempdir().unwrap();
    let output = kg(
        &[
            "build",
            &data("annahar-2026-iraq-moves-toward-us.txt"),
            "--rebuild",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--update"), "{stderr}");
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

/// Issue 21, "Duplicate documents": a document is identified by its name; after it is edited,
/// `--update` replaces it (every document read again) and gives what a fresh build of the edited
/// files gives, its old evidence gone rather than counted beside the new.
#[test]
fn an_edited_document_replaces_its_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Iraq met Iran in Baghdad.\n").unwrap();
    std::fs::write(corpus.join("b.txt"), "China met Turkey.\n").unwrap();
    assert!(
        kg(&["build", "corpus", "-o", "g.kgb", "-q"], dir.path())
            .status
            .success()
    );
    std::fs::write(corpus.join("a.txt"), "Egypt met Jordan.\n").unwrap();
    let updated = kg(&["build", "--update", "g.kgb", "corpus"], dir.path());
    let stderr = String::from_utf8_lossy(&updated.stderr);
    assert!(updated.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "updated g.kgb: added 0 documents, skipped 1 already in the graph (b.txt), replaced 1 \
             edited since (a.txt); every document read again, as an edited one was\n\
             g.kgb now holds 2 documents,"
        ),
        "{stderr}"
    );
    assert!(
        kg(&["build", "corpus", "-o", "fresh.kgb", "-q"], dir.path())
            .status
            .success()
    );
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    assert!(
        read("g.kgb") == read("fresh.kgb"),
        "the update differs from a fresh build of the edited files"
    );
}
