//! The interactive shell in a pseudo-terminal, driven like a person would: typing a command, Tab
//! completion of entity names (plain and quoted), a quote left open over two lines, Ctrl-C to drop a
//! line, Ctrl-D to leave, and history kept across two sessions in the file `KG_HISTORY` names; at 80
//! columns (issue 20), `help`, `why`, `path` and `neighbours … evidence` answers that fit the width,
//! candidates listed by Tab, the `...>` prompt of an open quote, `:save-script`, and long answers shown
//! through the pager `KG_PAGER` names; and Ctrl-C stopping a running query and a `:load`.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rexpect::session::{PtySession, spawn_command};
use std::path::Path;
use std::process::Command;

/// How long to wait for any one thing to appear. Generous: nothing waits this long unless it fails.
const TIMEOUT_MS: u64 = 20_000;

fn shell(history: &Path) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
    command
        .args(["shell", concat!(env!("CARGO_MANIFEST_DIR"), "/data")])
        .env("KG_HISTORY", history)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = spawn_command(command, Some(TIMEOUT_MS)).unwrap();
    session.exp_string("kg shell over").unwrap();
    session.exp_string("Ctrl-D leaves.").unwrap();
    session.exp_string("kg> ").unwrap();
    session
}

/// True when this machine can open a pseudo-terminal (a container may not); without one the tests say
/// so and pass, since there is nothing they could drive.
fn pty_available() -> bool {
    let opened = rexpect::spawn("true", Some(TIMEOUT_MS)).is_ok();
    if !opened {
        eprintln!("skipped: no pseudo-terminal can be opened here");
    }
    opened
}

/// Types `text` (rexpect buffers what `send` writes until it is flushed).
fn keys(session: &mut PtySession, text: &str) {
    session.send(text).unwrap();
    session.flush().unwrap();
}

#[test]
fn the_shell_answers_completes_and_remembers() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let history = home.path().join("state").join("history");

    let mut first = shell(&history);
    // A typed command and its table.
    first.send_line("find Sinopec").unwrap();
    first.exp_string("1 entity matching \"Sinopec\"").unwrap();
    first.exp_string("Organization").unwrap();
    first.exp_string("kg> ").unwrap();
    // Tab completes an entity name...
    keys(&mut first, "entity Gazpr");
    keys(&mut first, "\t");
    keys(&mut first, "\r");
    first.exp_string("Gazprom (Organization)").unwrap();
    first.exp_string("kg> ").unwrap();
    // ... and quotes one that has spaces.
    keys(&mut first, "why \"Kurdistan Region o");
    keys(&mut first, "\t");
    keys(&mut first, "Russia\r");
    first
        .exp_string("between Kurdistan Region of Iraq and Russia")
        .unwrap();
    first.exp_string("kg> ").unwrap();
    // An open quote carries the entry over to the next line, under the continuation prompt; the line
    // break is not part of the name.
    keys(&mut first, "entity \"Popular\r");
    first.exp_string("...> ").unwrap();
    keys(&mut first, "Mobilization Forces\"\r");
    first
        .exp_string("Popular Mobilization Forces (ArmedGroup)")
        .unwrap();
    first.exp_string("kg> ").unwrap();
    // Several candidates are listed, entities before aliases ("Kurdistan Region" is an alias).
    keys(&mut first, "neighbours Kurdistan");
    keys(&mut first, "\t");
    keys(&mut first, "\t");
    first.exp_string("Kurdistan Democratic Party").unwrap();
    first.exp_string("Kurdistan Region").unwrap();
    first.exp_string("kg> neighbours Kurdistan").unwrap();
    first.send_control('u').unwrap();
    // Ctrl-C drops the line being typed; the shell goes on.
    keys(&mut first, "neighbours Nowhere");
    first.send_control('c').unwrap();
    // Redraws while typing never break the line; the fresh prompt after Ctrl-C comes after one.
    first.exp_string("\r\n").unwrap();
    first.exp_string("kg> ").unwrap();
    first.send_line("docs").unwrap();
    first.exp_string("2 documents").unwrap();
    first.exp_string("kg> ").unwrap();
    // Errors are drawn with <repl>, the entry number and a caret.
    first.send_line("entity Irak").unwrap();
    first.exp_string("no entity is called \"Irak\"").unwrap();
    first.exp_string("<repl>:").unwrap();
    first.exp_string("kg> ").unwrap();
    first.send_line("stats").unwrap();
    first.exp_string(" entities").unwrap();
    first.exp_string("kg> ").unwrap();
    // Ctrl-D leaves.
    first.send_control('d').unwrap();
    first.exp_eof().unwrap();

    let kept = std::fs::read_to_string(&history).unwrap();
    for entry in ["find Sinopec", "entity Gazprom", "docs", "stats"] {
        assert!(
            kept.contains(entry),
            "{entry:?} missing from the history:\n{kept}"
        );
    }
    assert!(
        !kept.contains("Nowhere"),
        "a cancelled line is not history:\n{kept}"
    );

    // A second session starts with the first one's history: Up recalls `stats`.
    let mut second = shell(&history);
    keys(&mut second, "\x1b[A");
    keys(&mut second, "\r");
    second.exp_string(" entities").unwrap();
    second.exp_string("kg> ").unwrap();
    second.send_line(":quit").unwrap();
    second.exp_eof().unwrap();
}

/// A graph where `paths Start End max 10` has one answer but an astronomically large search: both ends
/// hang off a hub that also holds a clique, and every detour into the clique can only come back
/// through the hub, which the path has already used.
fn endless_search_graph(path: &Path) {
    use kgraph::graph::{Entity, KnowledgeGraph, Relation, save_graph};
    use kgraph::model::{EntityKind, RelationClass};
    let mut graph = KnowledgeGraph::new();
    let mut add = |name: &str| {
        graph.add_entity(Entity {
            name: name.into(),
            kind: EntityKind::Organization,
            aliases: vec![name.into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        })
    };
    let (start, hub, end) = (add("Start"), add("Hub"), add("End"));
    let clique: Vec<_> = (0..25).map(|i| add(&format!("Member {i}"))).collect();
    let link = || Relation::new("meet", RelationClass::Cooperation, Vec::new());
    graph.add_relation(start, hub, link());
    graph.add_relation(hub, end, link());
    for (index, &member) in clique.iter().enumerate() {
        graph.add_relation(hub, member, link());
        for &other in &clique[index + 1..] {
            graph.add_relation(member, other, link());
        }
    }
    save_graph(&graph, path).unwrap();
}

#[test]
fn ctrl_c_interrupts_a_running_query_and_the_shell_goes_on() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let graph = home.path().join("endless.ron");
    endless_search_graph(&graph);
    let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
    command
        .arg("shell")
        .arg(&graph)
        .env("KG_HISTORY", home.path().join("history"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut shell = spawn_command(command, Some(TIMEOUT_MS)).unwrap();
    shell.exp_string("kg> ").unwrap();
    shell
        .send_line("paths Start End max 10 limit 5 undirected")
        .unwrap();
    // The line is accepted (the terminal leaves raw mode and breaks the line); then Ctrl-C.
    shell.exp_string("\r\n").unwrap();
    shell.send_control('c').unwrap();
    shell.exp_string("interrupted (Ctrl-C)").unwrap();
    shell.exp_string("<repl>:1:1").unwrap();
    shell.exp_string("kg> ").unwrap();
    shell.send_line("paths Start End").unwrap();
    shell
        .exp_string("1 shortest path from Start to End")
        .unwrap();
    shell.exp_string("kg> ").unwrap();
    shell.send_control('d').unwrap();
    shell.exp_eof().unwrap();
}

/// The shell over `data/` in a terminal of `columns` × `rows`, with `KG_PAGER` marking every line it
/// shows with `paged:`, and `extra` arguments.
fn sized_shell(home: &Path, columns: u16, rows: u16, extra: &str) -> PtySession {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "stty cols {columns} rows {rows} && exec \"$0\" shell \"$1\" {extra}"
        ))
        .arg(env!("CARGO_BIN_EXE_kg"))
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
        .env("KG_HISTORY", home.join("history"))
        .env("KG_PAGER", "sed 's/^/paged:/'")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = spawn_command(command, Some(TIMEOUT_MS)).unwrap();
    session.exp_string("Ctrl-D leaves.").unwrap();
    session.exp_string("kg> ").unwrap();
    session
}

/// Sends `command` and returns everything the shell shows from the line break that accepts it up to the
/// next prompt (redraws while typing never break the line).
fn answer(session: &mut PtySession, command: &str) -> String {
    session.send_line(command).unwrap();
    session.exp_string("\r\n").unwrap();
    let seen = session.exp_string("kg> ").unwrap();
    // rexpect hands back one char per byte: put the bytes back together as UTF-8.
    let bytes: Vec<u8> = seen.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn answers_fit_80_columns_and_long_ones_are_paged() {
    if !pty_available() {
        return;
    }
    use unicode_width::UnicodeWidthStr;
    let home = tempfile::tempdir().unwrap();
    let mut shell = sized_shell(home.path(), 80, 100, "");
    for command in [
        "help",
        "why KRI Russia",
        "path PMF Russia class asserted undirected",
        "neighbours KRI class asserted evidence",
    ] {
        let text = answer(&mut shell, command);
        assert!(text.lines().count() > 5, "{command}: no answer\n{text}");
        assert!(
            !text.contains("paged:"),
            "{command} fits the screen:\n{text}"
        );
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            assert!(
                line.width() <= 80,
                "{command}: a line {} wide:\n{line}",
                line.width()
            );
        }
    }
    // Completion lists the candidates; an open quote continues under `...>`.
    keys(&mut shell, "entity Kurd");
    keys(&mut shell, "\t");
    keys(&mut shell, "\t");
    shell.exp_string("Kurdistan Democratic Party").unwrap();
    shell.exp_string("kg> entity Kurd").unwrap();
    shell.send_control('u').unwrap();
    keys(&mut shell, "entity \"Kurdistan Region\r");
    shell.exp_string("...> ").unwrap();
    let text = answer(&mut shell, " of Iraq\"");
    assert!(text.contains("Kurdistan Region of Iraq (Place)"), "{text}");
    // The session so far, saved as a script: the failed command left out.
    answer(&mut shell, "entity Irak");
    let script = home.path().join("session.kgq");
    let text = answer(
        &mut shell,
        &format!(":save-script \"{}\"", script.display()),
    );
    assert!(text.contains("(1 failed command left out)"), "{text}");
    let saved = std::fs::read_to_string(&script).unwrap();
    let commands: Vec<&str> = saved
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(
        commands,
        [
            "help",
            "why KRI Russia",
            "path PMF Russia class asserted undirected",
            "neighbours KRI class asserted evidence",
            "entity \"Kurdistan Region of Iraq\"",
        ],
        "{saved}"
    );
    // About 350 lines: through the pager.
    let text = answer(&mut shell, "neighbours Iraq");
    assert!(
        text.contains("paged:entities within 1 hop of Iraq"),
        "{text}"
    );
    // `:pager off` turns it off.
    answer(&mut shell, ":pager off");
    let text = answer(&mut shell, "neighbours Iraq");
    assert!(!text.contains("paged:") && text.contains("Iraq"), "{text}");
    shell.send_control('d').unwrap();
    shell.exp_eof().unwrap();

    // So does `--no-pager`.
    let mut shell = sized_shell(home.path(), 80, 100, "--no-pager");
    let text = answer(&mut shell, "neighbours Iraq");
    assert!(!text.contains("paged:") && text.contains("Iraq"), "{text}");
    shell.send_control('d').unwrap();
    shell.exp_eof().unwrap();
}

/// Issue 21, "the shell under load": `KG_HISTORY=/dev/zero` used to abort with a 4 GB allocation; a
/// history that is no regular file (or too large) is neither read nor written, with a warning.
#[test]
fn a_history_that_is_no_regular_file_is_passed_over_with_a_warning() {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
    command
        .args(["shell", concat!(env!("CARGO_MANIFEST_DIR"), "/data")])
        .env("KG_HISTORY", "/dev/zero")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = spawn_command(command, Some(TIMEOUT_MS)).unwrap();
    session
        .exp_string(
            "warning: history /dev/zero: not a regular file; history is not kept this session",
        )
        .unwrap();
    session.exp_string("kg> ").unwrap();
    keys(&mut session, "stats\r");
    session.exp_string("2 documents").unwrap();
    session.exp_string("kg> ").unwrap();
}

/// A graph of 200,000 relations among 20,000 entities saved as RON at `path`: about 50 MB, which takes
/// the shell most of a second to load, long enough for a Ctrl-C to land in the middle.
fn large_graph(path: &Path) {
    super::support::saved_graph(path, 20_000, 200_000, 97);
}

/// Ctrl-C during `:load` of a large graph (issue 21): the load stops, the shell says the graph loaded
/// before stays, and it does (before, the Ctrl-C was ignored and the load replaced the graph later).
#[test]
fn ctrl_c_during_load_keeps_the_graph_loaded_before() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let small = home.path().join("small.ron");
    endless_search_graph(&small);
    let large = home.path().join("large.ron");
    large_graph(&large);
    let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
    command
        .arg("shell")
        .arg(&small)
        .env("KG_HISTORY", home.path().join("history"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut shell = spawn_command(command, Some(TIMEOUT_MS)).unwrap();
    shell.exp_string("kg> ").unwrap();
    shell
        .send_line(&format!(":load {}", large.display()))
        .unwrap();
    shell.exp_string("\r\n").unwrap();
    shell.send_control('c').unwrap();
    shell
        .exp_string("interrupted (Ctrl-C): nothing was loaded; the graph from")
        .unwrap();
    shell
        .exp_string("stays (0 documents, 28 entities, 327 relations)")
        .unwrap();
    shell.exp_string("kg> ").unwrap();
    shell.send_line("paths Start End").unwrap();
    shell
        .exp_string("1 shortest path from Start to End")
        .unwrap();
    shell.exp_string("kg> ").unwrap();
    shell.send_control('d').unwrap();
    shell.exp_eof().unwrap();
}
