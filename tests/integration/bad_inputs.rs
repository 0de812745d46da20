//! Bad and hostile input, one case per kind of input issue 6 lists, each run through the real `kg`
//! binary: what the user sees (the exact message parts), the exit code, and what is left on disk.
//!
//! Where another test file already covers a case, the test here is not repeated; the pointers:
//! - a script that runs itself: `tests/integration/shell_cli.rs` `scripts_that_run_themselves_are_refused` and
//!   `scripts_nest_only_so_deep`;
//! - Ctrl-C interrupting an exponential query: `tests/integration/shell_pty.rs`
//!   `ctrl_c_interrupts_a_running_query_and_the_shell_goes_on`;
//! - parse errors pointing at their column, one per error kind: `src/query/parser_tests.rs`;
//! - unknown entities in scripts: `tests/integration/shell_cli.rs` `a_failing_script_line_is_drawn_with_file_line_and_column`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::support::{kg, saved_graph, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Asserts the exit code and that stderr holds every expected part.
fn assert_outcome(output: &Output, what: &str, code: i32, parts: &[&str]) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "{what}: exit code; stderr:\n{}",
        stderr(output)
    );
    for part in parts {
        assert!(
            stderr(output).contains(part),
            "{what}: {part:?} missing from stderr:\n{}",
            stderr(output)
        );
    }
}

/// A deterministic byte generator (xorshift), so "random bytes" are the same on every run.
fn pseudo_random_bytes(length: usize, mut state: u64) -> Vec<u8> {
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// The count before `label` in the build summary ("… 12 entities, …").
fn summary_count(summary: &str, label: &str) -> usize {
    let line = summary
        .lines()
        .find(|l| l.starts_with("built "))
        .unwrap_or_else(|| panic!("no summary line in:\n{summary}"));
    let before = line
        .split(", ")
        .find(|part| part.ends_with(label))
        .unwrap_or_else(|| panic!("no {label:?} in {line:?}"));
    before
        .rsplit(' ')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before {label:?} in {line:?}"))
}

fn utf16_le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn each_kind_of_text_file_builds_or_is_refused_with_its_name() {
    let deep_nesting = format!(
        "{}Iraq signed an agreement with Iran.{}\n",
        "(“[‘«".repeat(20_000),
        "»’]”)".repeat(20_000)
    );
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(pseudo_random_bytes(4096, 7));
    // (file, contents, exit code, stderr parts)
    let cases: Vec<(&str, Vec<u8>, i32, Vec<&str>)> = vec![
        (
            "empty.txt",
            Vec::new(),
            0,
            vec!["1 documents, 0 sentences, 0 entities, 0 relations"],
        ),
        (
            "image.txt",
            png,
            2,
            vec!["kg: error: image.txt: looks like a binary file, not text"],
        ),
        (
            "random.txt",
            pseudo_random_bytes(100_000, 42),
            2,
            vec!["kg: error: random.txt: looks like a binary file, not text"],
        ),
        (
            "latin1.txt",
            b"Iraq met Iran.\nCaf\xe9 talks.\n".to_vec(),
            2,
            vec![
                "kg: error: latin1.txt:2:4: not UTF-8 text (invalid byte 0xe9); convert it to UTF-8 first",
            ],
        ),
        (
            "utf16.txt",
            utf16_le_with_bom("Iraq signed an agreement with Iran.\n"),
            0,
            vec!["1 documents, 1 sentences, 2 entities, 1 relations"],
        ),
        (
            "nested.txt",
            deep_nesting.into_bytes(),
            0,
            vec!["1 documents, 1 sentences, 2 entities"],
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (file, contents, code, parts) in &cases {
        std::fs::write(dir.path().join(file), contents).unwrap();
        let output = kg(&["build", file, "-o", "g.ron"], dir.path());
        assert_outcome(&output, file, *code, parts);
        if *code != 0 {
            assert!(stdout(&output).is_empty(), "{file}");
        }
    }
}

#[test]
fn utf16_and_crlf_texts_read_like_plain_utf8() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["lf", "crlf", "utf16"] {
        std::fs::create_dir(dir.path().join(name)).unwrap();
    }
    for entry in std::fs::read_dir(data_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let file = path.file_name().unwrap();
            std::fs::write(dir.path().join("lf").join(file), &text).unwrap();
            let crlf = text.replace('\n', "\r\n");
            std::fs::write(dir.path().join("crlf").join(file), &crlf).unwrap();
            std::fs::write(
                dir.path().join("utf16").join(file),
                utf16_le_with_bom(&text),
            )
            .unwrap();
        }
    }
    let mut answers = Vec::new();
    for name in ["lf", "crlf", "utf16"] {
        let graph = format!("{name}.ron");
        let built = kg(&["build", name, "-o", &graph], dir.path());
        assert!(built.status.success(), "{name}: {}", stderr(&built));
        let summary = stderr(&built);
        let counts: Vec<usize> = ["documents", "sentences", "entities", "relations"]
            .iter()
            .map(|label| summary_count(&summary, label))
            .collect();
        let query = kg(
            &["query", &graph, "-e", "neighbours Iraq", "-e", "top 10"],
            dir.path(),
        );
        assert!(query.status.success(), "{name}: {}", stderr(&query));
        answers.push((name, counts, stdout(&query)));
    }
    for (name, counts, answer) in &answers[1..] {
        assert_eq!(counts, &answers[0].1, "{name} counts differ from LF");
        assert_eq!(answer, &answers[0].2, "{name} answers differ from LF");
    }
    assert!(answers[0].2.contains("United States"), "{}", answers[0].2);
}

#[test]
fn text_in_other_scripts_is_read_without_harm() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Iraq signed an agreement with Iran.\n\
                العراق وقع اتفاقية مع إيران.\n\
                伊拉克与伊朗签署了协议。\n\
                Ирак подписал соглашение с Ираном.\n\
                Το Ιράκ υπέγραψε συμφωνία με το Ιράν.\n\
                इराक ने ईरान के साथ समझौता किया।\n\
                🇮🇶🤝🇮🇷 e\u{301}\u{200d}\u{202e} ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.\n\
                Turkey welcomed the agreement between Iraq and Iran.\n";
    std::fs::write(dir.path().join("scripts.txt"), text).unwrap();
    let built = kg(&["build", "scripts.txt", "-o", "g.ron"], dir.path());
    assert_outcome(&built, "scripts", 0, &["1 documents"]);
    let query = kg(&["query", "g.ron", "-e", "neighbours Iraq"], dir.path());
    assert!(query.status.success(), "{}", stderr(&query));
    for name in ["Iran", "Turkey"] {
        assert!(stdout(&query).contains(name), "{}", stdout(&query));
    }
    // Every entity name comes from the English lines: the others are page furniture to this reader.
    let entities = kg(&["query", "g.ron", "-e", "top 50"], dir.path());
    assert!(
        stdout(&entities).is_ascii(),
        "junk names from other scripts:\n{}",
        stdout(&entities)
    );
}

/// A single 50 MB line of words with no punctuation at all: one huge fragment, read in linear time.
/// Measured on the 2-core development machine (release): `kg build` of it 9.3 s and 1.2 GB of peak
/// memory, this whole test 16.7 s, so it runs on every CI pass at full size.
#[test]
fn a_single_line_of_fifty_megabytes_without_punctuation_builds() {
    single_line_without_punctuation(50_000_000);
}

fn single_line_without_punctuation(bytes: usize) {
    const WORDS: &[&str] = &[
        "the", "minister", "said", "Iraq", "met", "Iran", "and", "Baghdad", "talks", "on", "oil",
        "with", "China", "Ahmed", "Karimi", "council", "of", "security", "forces",
    ];
    let random = pseudo_random_bytes(bytes / 4, 11);
    let mut text = String::with_capacity(bytes + 16);
    let mut index = 0;
    while text.len() < bytes {
        text.push_str(WORDS[random[index % random.len()] as usize % WORDS.len()]);
        text.push(' ');
        index += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("line.txt"), &text).unwrap();
    let built = kg(&["build", "line.txt", "-o", "g.kgb"], dir.path());
    assert_outcome(&built, "one long line", 0, &["1 documents"]);
    let stats = kg(&["stats", "g.kgb"], dir.path());
    assert!(stats.status.success(), "{}", stderr(&stats));
}

/// `sentences` sentences, each listing the same 500 made-up names and saying they met.
fn co_mention_corpus(sentences: usize) -> String {
    const SYLLABLES: &[&str] = &["Ka", "Lo", "Mi", "Ra", "Tu", "Ve", "Zo", "Ni", "Pe", "Sa"];
    let mut names = Vec::new();
    'names: for a in SYLLABLES {
        for b in SYLLABLES {
            for c in SYLLABLES {
                names.push(format!("{a}{}{}", b.to_lowercase(), c.to_lowercase()));
                if names.len() == 500 {
                    break 'names;
                }
            }
        }
    }
    let (last, rest) = names.split_last().unwrap();
    let sentence = format!("{} and {last} met in the city.\n", rest.join(", "));
    sentence.repeat(sentences)
}

/// The co-mention blow-up: 500 entities named together would make 124,750 pairs per sentence. The
/// pairs are capped (among the first 40 names: 780 pairs), and the build says how many sentences were.
#[test]
fn sentences_naming_hundreds_of_entities_have_their_pairs_capped_and_say_so() {
    co_mention_blow_up(300);
}

/// The full size of the issue: 100,000 sentences each naming the same 500 entities (400 MB of text).
/// Measured (release, 2 cores) after capping the pairs: 1,000 sentences 12.7 s and 0.39 GB; 10,000
/// sentences 106 s and 3.9 GB: linear in the sentences. 100,000 would need about 18 minutes and 40 GB
/// of memory (every capped pair of every sentence is kept as evidence), more than the development
/// machine has; run it with `cargo test --release --test integration bad_inputs:: -- --ignored` on a larger one.
#[test]
#[ignore = "needs about 40 GB of memory and 18 minutes; 300 sentences run always"]
fn one_hundred_thousand_sentences_naming_five_hundred_entities() {
    co_mention_blow_up(100_000);
}

fn co_mention_blow_up(sentences: usize) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lists.txt"), co_mention_corpus(sentences)).unwrap();
    let built = kg(&["build", "lists.txt", "-o", "g.kgb"], dir.path());
    let expected = format!(
        "{sentences} sentences named or listed more than 40 entities: their relations were paired among the first 40 only"
    );
    assert_outcome(&built, "co-mentions", 0, &[&expected]);
    let summary = stderr(&built);
    assert_eq!(summary_count(&summary, "sentences"), sentences);
    assert!(summary_count(&summary, "entities") >= 400, "{summary}");
    let relations = summary_count(&summary, "relations");
    assert!(relations <= 40 * 39 / 2, "{relations} relations: {summary}");
}

/// Issue 21, "Symlinks": a loop used to abort the build; now it is passed over with a warning, as
/// `find -L` and `rg -L` do, and the rest is built.
#[test]
fn a_directory_with_a_symlink_loop_is_built_with_the_loop_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("inner")).unwrap();
    std::fs::write(corpus.join("inner/a.txt"), "Iraq met Iran.\n").unwrap();
    std::os::unix::fs::symlink("..", corpus.join("inner/up")).unwrap();
    let output = kg(&["build", "corpus", "-o", "g.ron"], dir.path());
    assert_outcome(
        &output,
        "symlink loop",
        0,
        &[
            "kg: warning: corpus/inner/up: a symbolic link loop; skipped",
            "built g.ron: 1 documents",
        ],
    );
    assert!(dir.path().join("g.ron").exists());
}

/// A file that cannot be read fails the build with its path (a graph silently missing a document
/// would be worse); special files (a named pipe here) are passed over instead of blocking the build.
#[test]
fn unreadable_files_in_a_directory_fail_with_their_name_and_pipes_are_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Iraq met Iran.\n").unwrap();

    // A named pipe called like a document: reading it would wait for a writer forever.
    let fifo = Command::new("mkfifo")
        .arg(corpus.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["build", "corpus", "-o", "g.ron"])
        .current_dir(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the build hangs on a named pipe");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    assert_outcome(&output, "pipe", 0, &["1 documents"]);
    std::fs::remove_file(corpus.join("pipe.txt")).unwrap();

    // A link to nowhere, named like a document.
    std::os::unix::fs::symlink("gone.txt", corpus.join("dangling.txt")).unwrap();
    let output = kg(&["build", "corpus", "-o", "g.ron"], dir.path());
    assert_outcome(
        &output,
        "dangling link",
        2,
        &["kg: error: corpus/dangling.txt: No such file or directory"],
    );
    std::fs::remove_file(corpus.join("dangling.txt")).unwrap();

    // A file without read permission; root reads it anyway, so there the case cannot be made.
    let secret = corpus.join("secret.txt");
    std::fs::write(&secret, "Iraq met Iran.\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        eprintln!("skipped the permission case: this user (root?) can read a file with mode 000");
        return;
    }
    let output = kg(&["build", "corpus", "-o", "g.ron"], dir.path());
    assert_outcome(
        &output,
        "unreadable",
        2,
        &["kg: error: corpus/secret.txt: Permission denied"],
    );
}

/// Every kind of bad graph file: a clear message naming it, exit code 2, and the file as it was.
#[test]
fn bad_graph_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let data = data.to_str().unwrap();
    for graph in ["good.ron", "good.kgb"] {
        let built = kg(&["build", data, "-o", graph, "-q"], dir.path());
        assert!(built.status.success(), "{}", stderr(&built));
    }
    let ron = std::fs::read(dir.path().join("good.ron")).unwrap();
    let binary = std::fs::read(dir.path().join("good.kgb")).unwrap();
    let mut damaged = binary.clone();
    for index in (100..damaged.len()).step_by(97) {
        damaged[index] ^= 0x5a;
    }
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    // (file, contents, stderr parts)
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        (
            "truncated.ron",
            ron[..ron.len() / 2].to_vec(),
            vec!["kg: error: truncated.ron:", "not a kgraph graph file"],
        ),
        (
            "truncated.kgb",
            binary[..binary.len() / 2].to_vec(),
            vec![
                "kg: error: truncated.kgb: the file is truncated: the header promises",
                "bytes of graph, the file has",
            ],
        ),
        (
            "damaged.kgb",
            damaged,
            vec![
                "kg: error: damaged.kgb: the file is damaged: its contents do not match the hash in its header",
            ],
        ),
        (
            "corrupt.ron",
            String::from_utf8(ron.clone())
                .unwrap()
                .replacen("relations: [", "relations: {", 1)
                .into_bytes(),
            vec!["kg: error: corrupt.ron:", "not a kgraph graph file"],
        ),
        (
            "newer.ron",
            String::from_utf8(ron.clone())
                .unwrap()
                .replacen("format_version: 2,", "format_version: 99,", 1)
                .into_bytes(),
            vec![
                "newer.ron",
                "graph format version 99 is newer than this kg understands",
            ],
        ),
        (
            "image.ron",
            png.clone(),
            vec!["kg: error: image.ron:1:1: not a kgraph graph file: the file is not UTF-8 text"],
        ),
        (
            "image.kgb",
            png,
            vec![
                "kg: error: image.kgb: not a kgraph binary graph (the file does not start with the kgraph header)",
            ],
        ),
        (
            "empty.ron",
            Vec::new(),
            vec!["kg: error: empty.ron:1:1: not a kgraph graph file"],
        ),
    ];
    for (file, contents, parts) in &cases {
        let path = dir.path().join(file);
        std::fs::write(&path, contents).unwrap();
        let commands: [&[&str]; 5] = [
            &["stats", file],
            &["query", file, "-e", "stats"],
            &["export", file, "--format", "json", "-o", "out.json"],
            &["build", data, "--update", file],
            &["shell", file],
        ];
        for args in commands {
            let output = kg(args, dir.path());
            assert_outcome(&output, &format!("{args:?}"), 2, parts);
            assert_eq!(
                &std::fs::read(&path).unwrap(),
                contents,
                "{args:?} changed {file}"
            );
        }
        assert!(!dir.path().join("out.json").exists());
    }
}

/// Kills `kg build` at moments found by bisection over many runs, some of them while it writes the graph
/// over an existing one: the file at the output path always loads, as the old graph or the new one.
#[test]
fn a_build_killed_while_saving_leaves_a_graph_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Enough text that saving takes a measurable time (the graph keeps every document's text).
    for entry in std::fs::read_dir(data_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            for copy in 0..25 {
                let name = format!("{copy:02}-{}", path.file_name().unwrap().to_string_lossy());
                std::fs::write(corpus.join(name), format!("Copy {copy}.\n\n{text}")).unwrap();
            }
        }
    }
    let old = kg(
        &["build", data_dir().to_str().unwrap(), "-o", "g.ron", "-q"],
        dir.path(),
    );
    assert!(old.status.success(), "{}", stderr(&old));
    let old_bytes = std::fs::read(dir.path().join("g.ron")).unwrap();
    let fresh = kg(&["build", "corpus", "-o", "new.ron", "-q"], dir.path());
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    let new_bytes = std::fs::read(dir.path().join("new.ron")).unwrap();
    // How long a whole build takes, to spread the kills over it.
    let started = Instant::now();
    let timed = kg(&["build", "corpus", "-o", "timed.ron", "-q"], dir.path());
    assert!(timed.status.success());
    let whole = started.elapsed();

    // Where to kill is found by bisection on what each kill caught, not only from the build timed above: on
    // a busy machine a build's length varies, and a fixed sweep of moments can miss every save. A run that
    // left the new graph in place was killed too late, one that left the old graph and no temporary file
    // too early.
    const RUNS: u32 = 60;
    const ENOUGH: u32 = 3;
    let (mut too_early, mut too_late) = (Duration::ZERO, whole.mul_f64(1.5));
    let mut killed_while_saving = 0;
    let mut finished = 0;
    let mut runs = 0;
    for run in 0..RUNS {
        if killed_while_saving >= ENOUGH {
            break;
        }
        runs += 1;
        if too_early >= too_late {
            // The machine's speed changed under the bisection: widen the window again.
            too_early = too_early.mul_f64(0.5);
            too_late = too_late.mul_f64(1.5) + Duration::from_millis(5);
        }
        let delay = (too_early + too_late) / 2;
        std::fs::write(dir.path().join("g.ron"), &old_bytes).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
            .args(["build", "corpus", "-o", "g.ron", "-q"])
            .current_dir(dir.path())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; an error means it had already exited
        let status = child.wait().unwrap();
        if status.success() {
            finished += 1;
        }
        let temporary: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".kg-"))
            .collect();
        let now = std::fs::read(dir.path().join("g.ron")).unwrap();
        if !temporary.is_empty() {
            killed_while_saving += 1;
        } else if status.success() || now == new_bytes {
            // Finished, or killed after the new graph was renamed into place.
            too_late = delay;
        } else {
            too_early = delay;
        }
        assert!(
            now == old_bytes || now == new_bytes,
            "run {run}: the graph file is neither the old nor the new graph ({} bytes)",
            now.len()
        );
        let stats = kg(&["stats", "g.ron"], dir.path());
        assert!(stats.status.success(), "run {run}: {}", stderr(&stats));
        // A leftover temporary file is hidden and is not a document: the next build is unaffected.
        for path in temporary {
            assert!(path.extension().is_some_and(|e| e == "tmp"), "{path:?}");
            std::fs::remove_file(path).unwrap();
        }
    }
    eprintln!(
        "{runs} runs: {killed_while_saving} killed while saving, {finished} finished; a build takes {whole:?}"
    );
    assert!(
        killed_while_saving > 0,
        "no kill landed during a save ({finished} of {runs} runs finished; a build takes {whole:?})"
    );
}

#[test]
fn queries_point_at_the_column_and_suggest_names() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let data = data.to_str().unwrap();
    let cases: &[(&str, &str)] = &[
        (
            "neighbours Irak",
            "kg: error: no entity is called \"Irak\"; did you mean \"Iran\" or \"Iraq\"?\n --> <query>:1:12\n  |\n1 | neighbours Irak\n  |            ^^^^\n",
        ),
        ("neighbours Iraq depth x", " --> <query>:1:23\n"),
        (
            "paths Iraq \"Iran",
            "kg: error: this quote is never closed\n --> <query>:1:12\n",
        ),
        (
            "nieghbours Iraq",
            "kg: error: unknown command \"nieghbours\"; did you mean \"neighbours\"?",
        ),
        (
            "neighbours «Irak»",
            "kg: error: no entity is called \"«Irak»\"",
        ),
    ];
    for (line, expected) in cases {
        let output = kg(&["query", data, "-e", line], dir.path());
        assert_outcome(&output, line, 2, &[expected]);
    }
}

/// Found by the `query_parser` fuzz target: a script line ending in stray carriage returns, with the
/// error at its end, panicked while the error was drawn.
#[test]
fn a_script_line_ending_in_carriage_returns_gets_a_drawn_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cr.kgq"), "stats\r\nwhy PMF \r\r\n").unwrap();
    let data = data_dir();
    let output = kg(
        &["run", "cr.kgq", "--graph", data.to_str().unwrap()],
        dir.path(),
    );
    assert_outcome(
        &output,
        "cr.kgq",
        2,
        &["kg: error: ", " --> cr.kgq:2:", "2 | why PMF \n"],
    );
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}

/// A complete graph of 14 entities has billions of simple paths between two of them; `paths` stops at
/// its limit and says the list was cut.
#[test]
fn an_exponential_path_query_stops_at_its_limit_and_says_so() {
    use kgraph::graph::{Entity, KnowledgeGraph, Relation, save_graph};
    use kgraph::model::{EntityKind, RelationClass};
    let dir = tempfile::tempdir().unwrap();
    let mut graph = KnowledgeGraph::new();
    let members: Vec<_> = (0..14)
        .map(|i| {
            graph.add_entity(Entity {
                name: format!("Member {i}"),
                kind: EntityKind::Organization,
                aliases: Vec::new(),
                mentions: Vec::new(),
                kind_votes: Vec::new(),
            })
        })
        .collect();
    for (index, &a) in members.iter().enumerate() {
        for &b in &members[index + 1..] {
            graph.add_relation(
                a,
                b,
                Relation::new("meet", RelationClass::Cooperation, Vec::new()),
            );
        }
    }
    save_graph(&graph, &dir.path().join("dense.ron")).unwrap();
    let output = kg(
        &[
            "query",
            "dense.ron",
            "-e",
            "paths \"Member 0\" \"Member 13\" max 10 limit 50 undirected",
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "the limit cut the list: the first 50 shown, there are more; raise it with `limit`"
        ),
        "{text}"
    );
}

#[test]
fn exports_to_unwritable_paths_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let data = data.to_str().unwrap();
    std::fs::write(dir.path().join("plain-file"), "not a directory").unwrap();
    std::fs::create_dir(dir.path().join("a-directory")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["export", data, "--format", "json", "-o", "missing/g.json"],
            "kg: error: missing/g.json: the directory missing does not exist\n",
        ),
        (
            &["export", data, "--format", "dot", "-o", "plain-file/g.dot"],
            "kg: error: plain-file/g.dot: cannot create a file in plain-file: not a directory\n",
        ),
        (
            &["export", data, "--format", "graphml", "-o", "a-directory"],
            "kg: error: a-directory: Is a directory",
        ),
        (
            &["build", data, "-o", "missing/g.ron"],
            "kg: error: missing/g.ron: the directory missing does not exist\n",
        ),
        (
            &[
                "query",
                data,
                "-e",
                "path Iraq Iran",
                "-e",
                ":export dot missing/p.dot last",
            ],
            "kg: error: missing/p.dot: the directory missing does not exist\n --> <query>:2:13\n",
        ),
    ];
    for (args, expected) in cases {
        let output = kg(args, dir.path());
        assert_outcome(&output, &format!("{args:?}"), 2, &[expected]);
        assert!(!stderr(&output).contains(".kg-"), "{}", stderr(&output));
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plain-file")).unwrap(),
        "not a directory"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("a-directory"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

// Issue 21, graph files: a file nested thousands deep is refused with its name, by `kg` and by the
// shell's `:load`, rather than overflowing the stack; and a graph is known by its content, whatever
// its name. (Quadratic loading of a relation repeated 100,000 times is bounded by counting the work:
// `src/graph/persist/assembly.rs`, `merging_repeated_relations_is_linear`.)

/// A 60 KB RON graph file whose ignored field nests 30,000 deep.
fn deeply_nested_graph() -> String {
    format!(
        "(format_version: 1, notes: {}{})",
        "[".repeat(30_000),
        "]".repeat(30_000)
    )
}

#[test]
fn a_graph_file_nested_thirty_thousand_deep_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("deep.ron"), deeply_nested_graph()).unwrap();
    let message =
        "deep.ron:1:91: not a kgraph graph file: values are nested more than 128 levels deep";
    let output = kg(&["stats", "deep.ron"], dir.path());
    assert_outcome(
        &output,
        "kg stats deep.ron",
        2,
        &[&format!("kg: error: {message}")],
    );
    // The shell reports it and goes on with the graph it had.
    let mut shell = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["shell", data_dir().to_str().unwrap()])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    shell
        .stdin
        .take()
        .unwrap()
        .write_all(b":load deep.ron\nfind Sinopec\n")
        .unwrap();
    let output = shell.wait_with_output().unwrap();
    assert_outcome(&output, ":load deep.ron", 2, &[message]);
    assert!(
        stdout(&output).contains("Sinopec\tOrganization"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_graph_file_is_known_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_dir();
    let data = data.to_str().unwrap();
    for graph in ["g.ron", "g.kgb"] {
        let built = kg(&["build", data, "-o", graph, "-q"], dir.path());
        assert!(built.status.success(), "{}", stderr(&built));
    }
    let expected = stdout(&kg(&["stats", "g.kgb"], dir.path()));
    // (copy, of)
    let cases = [
        ("ron.txt", "g.ron"),
        ("kgb.txt", "g.kgb"),
        ("kgb", "g.kgb"),
        ("ron.md", "g.ron"),
    ];
    for (copy, of) in cases {
        std::fs::copy(dir.path().join(of), dir.path().join(copy)).unwrap();
        let output = kg(&["stats", copy], dir.path());
        assert_outcome(&output, copy, 0, &[]);
        assert_eq!(stdout(&output), expected, "{copy}");
        // Not read as a document either.
        let together = kg(&["build", data, copy, "-o", "out.ron"], dir.path());
        let message = format!("kg: error: {copy}: a graph file, not a document to read");
        assert_outcome(&together, copy, 2, &[&message]);
    }
}

// Issue 21, Outputs: atomic writes that respect what is there, standard output errors, export
// folders swapped in whole, and leftovers of killed saves removed.

/// A small graph file in `dir`, built once from `data/`.
fn small_graph(dir: &Path) -> &'static str {
    let built = kg(
        &["build", data_dir().to_str().unwrap(), "-o", "g.ron", "-q"],
        dir,
    );
    assert!(built.status.success(), "{}", stderr(&built));
    "g.ron"
}

#[cfg(unix)]
#[test]
fn outputs_follow_links_write_fifos_in_place_and_take_a_dash_for_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let graph = small_graph(dir.path());
    let at = |name: &str| dir.path().join(name);
    // A symlink stays a symlink; what it names is replaced.
    std::fs::write(at("real.json"), "old").unwrap();
    std::os::unix::fs::symlink("real.json", at("link.json")).unwrap();
    let linked = kg(
        &["export", graph, "-f", "json", "-o", "link.json"],
        dir.path(),
    );
    assert_outcome(&linked, "export onto a link", 0, &[]);
    assert!(at("link.json").symlink_metadata().unwrap().is_symlink());
    assert!(
        std::fs::read_to_string(at("real.json"))
            .unwrap()
            .starts_with('{')
    );
    // A FIFO is written, not replaced by a regular file.
    let made = Command::new("mkfifo").arg(at("fifo")).status().unwrap();
    assert!(made.success());
    let mut reader = Command::new("cat")
        .arg(at("fifo"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let piped = kg(&["export", graph, "-f", "dot", "-o", "fifo"], dir.path());
    let is_fifo = {
        use std::os::unix::fs::FileTypeExt;
        at("fifo").metadata().unwrap().file_type().is_fifo()
    };
    if !is_fifo {
        let _ = reader.kill();
    }
    let read = reader.wait_with_output().unwrap();
    assert!(is_fifo, "the FIFO was replaced by a regular file");
    assert_outcome(&piped, "export onto a FIFO", 0, &[]);
    assert!(stdout(&read).starts_with("digraph"), "{}", stdout(&read));
    // `-` is standard output, for build and merge as for export: RON, and no file named `-`.
    for args in [
        &["build", data_dir().to_str().unwrap(), "-o", "-", "-q"][..],
        &["merge", graph, "-o", "-", "-q"],
        &["export", graph, "-f", "json", "-o", "-"],
    ] {
        let output = kg(args, dir.path());
        assert_outcome(&output, &format!("{args:?}"), 0, &[]);
        let expected = if args[0] == "export" {
            "{"
        } else {
            "(\n  format_version: 2,"
        };
        assert!(stdout(&output).starts_with(expected), "{args:?}");
        assert!(!at("-").exists(), "{args:?} wrote a file named -");
    }
}

#[cfg(unix)]
#[test]
fn an_unwritable_output_is_refused_before_the_inputs_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let graph = small_graph(dir.path());
    // Reading a FIFO waits for a writer that never comes: only a check made first can answer.
    let made = Command::new("mkfifo")
        .arg(dir.path().join("blocks.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let cases: &[(&[&str], &str)] = &[
        (
            &["build", "blocks.txt", "-o", "missing/g.ron"],
            "kg: error: missing/g.ron: the directory missing does not exist\n",
        ),
        (
            &[
                "build",
                "--update",
                graph,
                "blocks.txt",
                "-o",
                "missing/g.ron",
            ],
            "kg: error: missing/g.ron: the directory missing does not exist\n",
        ),
        (
            &["export", "blocks.txt", "-f", "json", "-o", "missing/g.json"],
            "kg: error: missing/g.json: the directory missing does not exist\n",
        ),
        (
            &["export", "blocks.txt", "-f", "neo4j", "-o", "g.ron/neo4j"],
            "kg: error: g.ron/neo4j: g.ron is not a folder\n",
        ),
    ];
    for (args, expected) in cases {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
            .args(*args)
            .current_dir(dir.path())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(20));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{args:?}: still reading its inputs after 20 s, the output unchecked");
        }
        let output = child.wait_with_output().unwrap();
        assert_outcome(&output, &format!("{args:?}"), 2, &[expected]);
    }
}

/// A command line whose standard output is a pipe already closed, or /dev/full.
#[derive(Clone, Copy)]
enum Stdout {
    ClosedPipe,
    Full,
}

fn kg_with_stdout(args: &[&str], dir: &Path, to: Stdout, input: &str) -> Output {
    use std::io::Write;
    let stdout = match to {
        Stdout::ClosedPipe => Stdio::piped(),
        Stdout::Full => Stdio::from(std::fs::File::create("/dev/full").unwrap()),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before kg writes a byte: its first write meets a pipe without a reader.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_is_a_quiet_success_and_a_full_disk_a_clear_error_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let graph = small_graph(dir.path());
    std::fs::create_dir(dir.path().join("gold")).unwrap();
    std::fs::write(
        dir.path().join("gold/iraq.gold.json"),
        r#"{"document": "iraq.txt", "entities": [], "relations": []}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("script.kgq"), "stats\nneighbours Iraq\n").unwrap();
    let data = data_dir();
    let commands: &[(&[&str], &str)] = &[
        (&["stats", graph], ""),
        (&["eval", graph, "--gold", "gold", "--verbose"], ""),
        (&["export", graph, "-f", "json"], ""),
        (&["query", graph, "-e", "neighbours Iraq"], ""),
        (&["run", "script.kgq", "--graph", graph], ""),
        (&["shell", graph], "stats\n"),
        (&["build", data.to_str().unwrap(), "-o", "-", "-q"], ""),
        (&["merge", graph, "-o", "-", "-q"], ""),
    ];
    for (args, input) in commands {
        let closed = kg_with_stdout(args, dir.path(), Stdout::ClosedPipe, input);
        assert_eq!(
            (closed.status.code(), stderr(&closed).as_str()),
            (Some(0), ""),
            "{args:?} into a closed pipe"
        );
        let full = kg_with_stdout(args, dir.path(), Stdout::Full, input);
        assert_eq!(
            (full.status.code(), stderr(&full).as_str()),
            (
                Some(2),
                "kg: error: cannot write to standard output: No space left on device (os error 28)\n"
            ),
            "{args:?} into /dev/full"
        );
    }
}

#[test]
fn a_neo4j_export_that_fails_half_way_leaves_the_old_folder_whole() {
    let dir = tempfile::tempdir().unwrap();
    let graph = small_graph(dir.path());
    let folder = dir.path().join("neo4j");
    let old = kg(&["export", graph, "-f", "neo4j", "-o", "neo4j"], dir.path());
    assert_outcome(&old, "first export", 0, &[]);
    std::fs::write(folder.join("nodes.csv"), "old nodes").unwrap();
    // A relations.csv that a file cannot be renamed over: writing the files one by one into the
    // folder fails at the second, after the first was replaced.
    std::fs::remove_file(folder.join("relations.csv")).unwrap();
    std::fs::create_dir_all(folder.join("relations.csv/inside")).unwrap();
    std::fs::write(folder.join("notes.txt"), "the user's").unwrap();
    let again = kg(&["export", graph, "-f", "neo4j", "-o", "neo4j"], dir.path());
    let nodes = std::fs::read_to_string(folder.join("nodes.csv")).unwrap();
    let relations_is_new = folder.join("relations.csv").is_file();
    let nodes_is_new = nodes != "old nodes";
    assert_eq!(
        nodes_is_new,
        relations_is_new,
        "new nodes.csv beside old relations.csv or the reverse (exit {:?}: {})",
        again.status.code(),
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("notes.txt")).unwrap(),
        "the user's"
    );
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".kg-"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

/// This machine's name as kg's temporary files carry it.
#[cfg(unix)]
fn host_in_temporary_names() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_save_removes_the_leftovers_of_killed_saves_of_its_target_only() {
    let dir = tempfile::tempdir().unwrap();
    let host = host_in_temporary_names();
    let gone = {
        let mut child = Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    };
    let live = std::process::id();
    let cases = [
        (format!(".kg-g.ron.{gone}@{host}.AbC123.tmp"), false),
        (format!(".kg-g.ron.{live}@{host}.AbC123.tmp"), true),
        (format!(".kg-other.ron.{gone}@{host}.AbC123.tmp"), true),
        (format!(".kg-neo4j.{gone}@{host}.AbC123.tmp"), false),
    ];
    for (name, _) in &cases {
        std::fs::write(dir.path().join(name), vec![0; 1 << 20]).unwrap();
    }
    let data = data_dir();
    let built = kg(
        &["build", data.to_str().unwrap(), "-o", "g.ron", "-q"],
        dir.path(),
    );
    assert_outcome(&built, "build", 0, &[]);
    let exported = kg(
        &["export", "g.ron", "-f", "neo4j", "-o", "neo4j"],
        dir.path(),
    );
    assert_outcome(&exported, "export", 0, &[]);
    for (name, kept) in cases {
        assert_eq!(dir.path().join(&name).exists(), kept, "{name}");
    }
}

// Issue 21, "Inputs": newline-only input and text encodings (the `inputs` branch). The quadratic
// mention finding is counted beside the finder: `src/extract/mention/mod.rs`
// `a_long_run_of_names_costs_reads_linear_in_its_length`.

fn utf32_with_bom(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    for c in std::iter::once('\u{feff}').chain(text.chars()) {
        let code = u32::from(c);
        bytes.extend(if big_endian {
            code.to_be_bytes()
        } else {
            code.to_le_bytes()
        });
    }
    bytes
}

/// UTF-32 was decoded as UTF-16 into NULs without a word, and U+0000 was refused in UTF-8 but read in
/// UTF-16; a zero-width character inside a name split it.
#[test]
fn text_encodings_are_refused_by_name_or_read_alike() {
    let sentence = "Iraq signed an agreement with Iran.\n";
    let mut utf16_nul = utf16_le_with_bom("Iraq signed an agreement");
    utf16_nul.extend([0, 0]);
    utf16_nul.extend(&utf16_le_with_bom(" with Iran.\n")[2..]);
    // (file, contents, exit code, stderr parts)
    let cases: Vec<(&str, Vec<u8>, i32, &str)> = vec![
        (
            "utf32le.txt",
            utf32_with_bom(sentence, false),
            2,
            "kg: error: utf32le.txt: UTF-32LE text is not supported; convert it to UTF-8 first",
        ),
        (
            "utf32be.txt",
            utf32_with_bom(sentence, true),
            2,
            "kg: error: utf32be.txt: UTF-32BE text is not supported; convert it to UTF-8 first",
        ),
        (
            "nul8.txt",
            b"Iraq signed an agreement\0 with Iran.\n".to_vec(),
            2,
            "kg: error: nul8.txt: looks like a binary file, not text",
        ),
        (
            "nul16.txt",
            utf16_nul,
            2,
            "kg: error: nul16.txt: looks like a binary file, not text",
        ),
        (
            "zero-width.txt",
            "Ira\u{200b}q signed an agreement with Ir\u{200d}an.\n".into(),
            0,
            "1 documents, 1 sentences, 2 entities, 1 relations",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (file, contents, code, part) in &cases {
        std::fs::write(dir.path().join(file), contents).unwrap();
        let output = kg(&["build", file, "-o", "g.ron"], dir.path());
        assert_outcome(&output, file, *code, &[part]);
    }
}

/// The highest resident-set size of a child process, polled from `/proc` until it exits (Linux). A peak
/// between two polls may be missed, so this can only under-report.
#[cfg(target_os = "linux")]
fn peak_resident_bytes(mut child: std::process::Child) -> (std::process::ExitStatus, u64) {
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path)
            && let Some(kilobytes) = status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse::<u64>().ok())
        {
            peak = peak.max(kilobytes * 1024);
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// 50 MB of line breaks took 2.7 GB (a 32-byte record per blank line). Measured after the fix
/// (release, 2 cores): a peak of 0.12 GB building this .kgb (0.26 GB for a .ron, whose text writes
/// each line break as two characters). The bound is four times the input.
#[cfg(target_os = "linux")]
#[test]
fn a_file_of_line_breaks_builds_in_memory_a_small_multiple_of_its_size() {
    const BYTES: usize = 50_000_000;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("breaks.txt"), vec![b'\n'; BYTES]).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["build", "-q", "breaks.txt", "-o", "g.kgb"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (status, peak) = peak_resident_bytes(child);
    assert!(status.success(), "{status}");
    eprintln!("peak resident memory: {} MB", peak / 1_000_000);
    assert!(
        peak < 4 * BYTES as u64,
        "{} MB for {} MB of line breaks",
        peak / 1_000_000,
        BYTES / 1_000_000
    );
}

// Issue 21, "Symlinks" and "Duplicate documents": a document is its real file, read once however many
// ways it is reached (the same path given twice, two links to one folder, a link beside its target).
#[test]
fn a_real_file_reached_twice_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("texts")).unwrap();
    std::fs::write(corpus.join("texts/a.txt"), "Iraq met Iran.\n").unwrap();
    std::fs::write(corpus.join("b.txt"), "China met Turkey.\n").unwrap();
    std::os::unix::fs::symlink("texts", corpus.join("one")).unwrap();
    std::os::unix::fs::symlink("texts", corpus.join("two")).unwrap();
    std::os::unix::fs::symlink("b.txt", corpus.join("c.txt")).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["corpus"], "2 documents"),
        (&["corpus", "corpus"], "2 documents"),
        (&["corpus/b.txt", "corpus/b.txt"], "1 documents"),
        (&["corpus/c.txt", "corpus"], "2 documents"),
    ];
    for (inputs, expected) in cases {
        let mut args = vec!["build"];
        args.extend_from_slice(inputs);
        args.extend(["-o", "g.ron"]);
        let output = kg(&args, dir.path());
        assert_outcome(&output, &inputs.join(" "), 0, &[expected]);
    }
}

/// Runs `kg` with `input` on its standard input.
fn kg_fed(args: &[&str], dir: &Path, input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kg runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A shell that has already failed may have closed its end: what it said is in its output.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("kg ends")
}

/// Issue 21, "Symlinks": a link to itself, or two links to each other, lead nowhere; they are passed
/// over with a warning like a loop through folders, in the build and in the shell's `:ingest` and
/// `:load`, in the same order on every run.
#[test]
fn links_to_themselves_are_passed_over_with_a_warning_in_the_build_and_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("real.txt"), "Iraq met Iran.\n").unwrap();
    std::os::unix::fs::symlink("self.txt", corpus.join("self.txt")).unwrap();
    std::os::unix::fs::symlink("pong.txt", corpus.join("ping.txt")).unwrap();
    std::os::unix::fs::symlink("ping.txt", corpus.join("pong.txt")).unwrap();
    std::os::unix::fs::symlink("folder", corpus.join("folder")).unwrap();
    let warnings = [
        "corpus/folder: a symbolic link loop; skipped",
        "corpus/ping.txt: a symbolic link loop; skipped",
        "corpus/pong.txt: a symbolic link loop; skipped",
        "corpus/self.txt: a symbolic link loop; skipped",
    ];
    let built = kg(&["build", "corpus", "-o", "g.ron"], dir.path());
    let expected: Vec<String> = warnings
        .iter()
        .map(|w| format!("kg: warning: {w}\n"))
        .collect();
    assert_outcome(
        &built,
        "build",
        0,
        &[&expected.concat(), "built g.ron: 1 documents"],
    );
    // Named on its own, a link to itself is passed over the same way.
    let named = kg(
        &["build", "corpus/real.txt", "corpus/self.txt", "-o", "g.ron"],
        dir.path(),
    );
    assert_outcome(
        &named,
        "named",
        0,
        &["kg: warning: corpus/self.txt: a symbolic link loop; skipped"],
    );

    std::fs::create_dir(dir.path().join("other")).unwrap();
    std::fs::write(dir.path().join("other/b.txt"), "China met Turkey.\n").unwrap();
    let shell = kg_fed(
        &["shell", "other"],
        dir.path(),
        b":ingest corpus\n:load corpus\n",
    );
    let notes: String = warnings.iter().map(|w| format!("# note: {w}\n")).collect();
    assert_eq!(
        stdout(&shell),
        format!(
            "# added 1 document: now 2 documents, 4 entities, 2 relations\n{notes}\
             # loaded corpus: 1 document, 2 entities, 1 relation\n{notes}"
        ),
        "{}",
        stderr(&shell)
    );
}

/// Issue 21, "Two writers": `kg build --update` locks the graph file from reading it to writing it
/// back. Here the test holds the lock, as another `kg` would, and writes the file anew meanwhile; the
/// waiting build must then add its document to what that writer saved, not to the file it first saw.
#[test]
fn an_update_waits_for_another_writer_and_keeps_its_work() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    for (folder, text) in [
        ("first", "Iraq met Iran.\n"),
        ("second", "China met Turkey.\n"),
        ("third", "Egypt met Jordan.\n"),
    ] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join(format!("{folder}.txt")), text).unwrap();
    }
    assert_outcome(
        &kg(&["build", "first", "-o", "up.kgb"], dir.path()),
        "first",
        0,
        &[],
    );
    let held = std::fs::File::open(dir.path().join("up.kgb")).unwrap();
    held.lock().unwrap();
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["build", "--update", "up.kgb", "third"])
        .current_dir(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr_lines = std::io::BufReader::new(waiting.stderr.take().unwrap()).lines();
    assert_eq!(
        stderr_lines.next().unwrap().unwrap(),
        "kg: waiting for another kg that is writing up.kgb"
    );
    // The other writer saves its update (through a file renamed over the old one), then lets go.
    assert_outcome(
        &kg(&["build", "first", "second", "-o", "new.kgb"], dir.path()),
        "other writer",
        0,
        &[],
    );
    std::fs::rename(dir.path().join("new.kgb"), dir.path().join("up.kgb")).unwrap();
    drop(held);
    let rest: Vec<String> = stderr_lines.map(Result::unwrap).collect();
    assert!(waiting.wait().unwrap().success(), "{rest:?}");
    let stats = kg(&["stats", "up.kgb"], dir.path());
    let documents = stdout(&stats);
    for name in ["first.txt", "second.txt", "third.txt"] {
        assert!(documents.contains(name), "{name} lost:\n{documents}");
    }
}

/// Issue 21, "Two writers": a shell's `:save` onto the graph file it read is refused when something
/// else wrote the file since (here `kg build --update`), and goes through with `force`.
#[test]
fn save_refuses_a_graph_file_changed_since_it_was_read_unless_forced() {
    use std::io::{BufRead, Write};
    let dir = tempfile::tempdir().unwrap();
    for (folder, text) in [
        ("first", "Iraq met Iran.\n"),
        ("second", "China met Turkey.\n"),
    ] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("a.txt"), text).unwrap();
    }
    assert_outcome(
        &kg(&["build", "first", "-o", "g.kgb"], dir.path()),
        "build",
        0,
        &[],
    );
    let mut shell = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["shell", "g.kgb"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = shell.stdin.take().unwrap();
    let mut answers = std::io::BufReader::new(shell.stdout.take().unwrap());
    // Once the shell answers, it has read the graph.
    input.write_all(b":save g.kgb\n").unwrap();
    let mut line = String::new();
    answers.read_line(&mut line).unwrap();
    assert_eq!(line, "# saved g.kgb: 1 document, 2 entities, 1 relation\n");
    assert_outcome(
        &kg(&["build", "--update", "g.kgb", "second"], dir.path()),
        "update",
        0,
        &[],
    );
    input
        .write_all(b":save g.kgb\n:save g.kgb force\n")
        .unwrap();
    drop(input);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut answers, &mut rest).unwrap();
    let output = shell.wait_with_output().unwrap();
    assert_eq!(
        stderr(&output),
        "error: g.kgb changed on disk since this session read or saved it (another kg wrote it?); \
         saving would lose that: `:save g.kgb force` overwrites it, or save to another file\n \
         --> <stdin>:2:7\n  |\n2 | :save g.kgb\n  |       ^^^^^\nkg: error: 1 of 3 commands failed\n"
    );
    assert_eq!(rest, "# saved g.kgb: 1 document, 2 entities, 1 relation\n");
}

/// Ctrl-C during `:load` (issue 21) sets the session's cancel flag: the load stops (a graph file as it
/// is read, documents once built), the graph loaded before stays, and the error says so. Before, the
/// flag was never looked at and the new graph replaced the old one however late.
#[test]
fn ctrl_c_during_load_keeps_the_graph_loaded_before() {
    use kgraph::graph::load_graph;
    use kgraph::query::OutputMode;
    use kgraph::shell::{LexiconSource, Origin, Session};
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    saved_graph(&old, 2, 1, 1);
    saved_graph(&dir.path().join("new.ron"), 50, 5_000, 5_000);
    saved_graph(&dir.path().join("new.kgb"), 50, 5_000, 5_000);
    std::fs::create_dir(dir.path().join("texts")).unwrap();
    std::fs::write(
        dir.path().join("texts/a.txt"),
        "Portugal met Chile in Lisbon.",
    )
    .unwrap();
    let mut session = Session::new(
        load_graph(&old).unwrap(),
        LexiconSource::default(),
        OutputMode::Plain,
    );
    session.set_graph_name("old.ron".into());
    let origin = Origin {
        name: "<repl>",
        line: 1,
    };
    for target in ["new.ron", "new.kgb", "texts"] {
        let line = format!(":load {}", dir.path().join(target).display());
        session.cancel_flag().store(true, Ordering::Relaxed);
        let error = session
            .execute(&line, origin, &mut Vec::new())
            .expect_err(target);
        assert!(
            error.to_string().contains(
                "interrupted (Ctrl-C): nothing was loaded; the graph from old.ron stays \
                 (1 document, 2 entities, 1 relation)"
            ),
            "{target}: {error}"
        );
        assert_eq!(session.graph().entity_count(), 2, "{target}");
        // The flag is cleared after the entry: the next load runs whole.
        let mut out = Vec::new();
        session.execute(&line, origin, &mut out).unwrap();
        assert!(String::from_utf8_lossy(&out).contains("loaded"), "{target}");
        assert_ne!(session.graph().entity_count(), 2, "{target}");
        session
            .execute(&format!(":load {}", old.display()), origin, &mut Vec::new())
            .unwrap();
        session.set_graph_name("old.ron".into());
    }
}
