//! The rustyline helper: forwards completion and hints to
//! [`crate::shell::completion`], completes file paths with rustyline's own completer, and colours the
//! prompt and hints.

use super::completion::{self, Expected};
use crate::graph::KnowledgeGraph;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;

/// The shell's helper: the names it completes come from the session's graph.
pub struct ShellHelper {
    names: Vec<String>,
    files: FilenameCompleter,
    colour: bool,
}

impl ShellHelper {
    /// A helper completing the names of `graph`; `colour` turns ANSI colours on.
    pub fn new(graph: &KnowledgeGraph, colour: bool) -> Self {
        let mut helper = ShellHelper {
            names: Vec::new(),
            files: FilenameCompleter::new(),
            colour,
        };
        helper.refresh(graph);
        helper
    }

    /// Takes the names and aliases of `graph` (after `:load` or `:ingest` changed it), canonical names
    /// first (see [`completion::ordered_names`]).
    pub fn refresh(&mut self, graph: &KnowledgeGraph) {
        self.names = completion::ordered_names(
            graph.entities().map(|(_, e)| e.name.as_str()),
            graph
                .entities()
                .flat_map(|(_, e)| e.aliases.iter().map(String::as_str)),
        );
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        context: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, _) = completion::word_start(line, pos);
        if completion::expected_at(line, start) == Expected::Path {
            return self.files.complete(line, pos, context);
        }
        let (start, suggestions) = completion::complete(line, pos, &self.names);
        Ok((
            start,
            suggestions
                .into_iter()
                .map(|s| Pair {
                    display: s.display,
                    replacement: s.replacement,
                })
                .collect(),
        ))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, _context: &Context<'_>) -> Option<String> {
        completion::hint(line, pos, &self.names)
    }
}

impl Highlighter for ShellHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.colour {
            Cow::Owned(format!("\x1b[90m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }
}

/// Every line is accepted as typed: a line with an open quote is continued by the shell under its own
/// `...>` prompt (rustyline's multi-line editing shows no prompt on the lines after the first).
impl Validator for ShellHelper {}

impl Helper for ShellHelper {}
