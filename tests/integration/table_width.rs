//! Every report drawn as a table for a terminal of 80 or 120 columns fits in it: no line is wider,
//! counted in terminal columns (display width). Issue 20, "Tables fit the terminal".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::query::OutputMode;
use kgraph::shell::{LexiconSource, Origin, Session, open_graph};
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

/// One command of each kind, with the ones whose tables were widest on `data/`.
const COMMANDS: &[&str] = &[
    "help",
    "help paths",
    "entity PMF",
    "entity \"Kurdistan Region of Iraq\"",
    "neighbours Iraq",
    "neighbours KRI depth 2 class asserted",
    "neighbours KRI class asserted evidence",
    "path PMF Russia",
    "path PMF Russia class asserted undirected",
    "paths PMF Russia max 2 limit 10 class asserted undirected",
    "common PMF Russia",
    "why KRI Russia",
    "why PMF Russia",
    "why Iraq China class asserted since 2014",
    "find Kurd",
    "top 10 by betweenness",
    "stats",
    "docs",
];

fn session() -> Session {
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    let mut lexicon = LexiconSource::default();
    let graph = open_graph(&[data], &mut lexicon, &mut |_| {}).unwrap();
    Session::new(graph, lexicon, OutputMode::Table)
}

#[test]
fn every_report_fits_80_and_120_columns() {
    let mut session = session();
    for width in [80, 120] {
        session.set_width(Some(width));
        for command in COMMANDS {
            let mut out = Vec::new();
            let origin = Origin {
                name: "<test>",
                line: 1,
            };
            session.execute(command, origin, &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.lines().count() > 2, "{command}: no answer\n{text}");
            for line in text.lines() {
                assert!(
                    line.width() <= width,
                    "`{command}` at {width} columns draws a line {} wide:\n{line}\n\n{text}",
                    line.width()
                );
            }
        }
    }
}

#[test]
fn without_a_width_tables_are_as_wide_as_they_need() {
    let mut session = session();
    let mut out = Vec::new();
    let origin = Origin {
        name: "<test>",
        line: 1,
    };
    session.execute("why KRI Russia", origin, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().any(|line| line.width() > 200), "{text}");
}
