//! [`Session`]: a graph, the settings of the shell, and the last answer. It executes one entry of the
//! query language at a time, whatever its origin (the REPL, a script, standard input, `kg query -e`):
//! there is one code path, so an error reads the same everywhere, as `file:line:column` with the line
//! and a caret.

use super::graph_source::{Inputs, LexiconSource, OpenError, ingest, is_graph_file};
use super::graphviz::draw;
use super::session_error::{SessionError, SessionErrorKind};
use super::utc_date::today;
use crate::atomic_file::{FileLock, FileStamp, write_atomically};
use crate::export::{ExportFormat, ExportOptions, write_export};
use crate::graph::{KnowledgeGraph, PersistError, save_graph};
use crate::model::Span;
use crate::query::ast::{EntryRange, ExportTarget, Meta, PathArg};
use crate::query::diagnostic::{Diagnostic, Source};
use crate::query::{
    OutputMode, QueryErrorKind, Report, Statement, evaluate, parse_line, render_fitted,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Scripts may run scripts this deep, and no deeper.
pub const MAX_SCRIPT_DEPTH: usize = 16;

/// Where an entry comes from: a script's name (or `<repl>`, `<stdin>`, `<query>`) and the line number of
/// its first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    /// The script's name as given, or `<repl>`, `<stdin>`, `<query>`.
    pub name: &'a str,
    /// The 1-based line number of the entry's first line.
    pub line: usize,
}

/// What the caller should do after an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Go on with the next entry.
    Continue,
    /// `:quit` was given.
    Quit,
}

/// Why an entry failed.
#[derive(Debug, thiserror::Error)]
pub enum ExecuteError {
    /// The command failed; the diagnostic says why and where.
    #[error(transparent)]
    Command(#[from] Diagnostic),
    /// The output could not be written (a closed pipe, a full disk).
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// What running a script did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScriptRun {
    /// Commands run (blank lines and comments are not commands).
    pub commands: usize,
    /// Commands that failed (with `keep_going`; otherwise the first failure ends the run as an error).
    pub failed: usize,
    /// The script said `:quit`.
    pub quit: bool,
}

/// Options for running a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScriptOptions {
    /// Go on after a failing command (its error is passed to the error callback).
    pub keep_going: bool,
    /// Print each command, as `> command`, before its answer.
    pub echo: bool,
}

/// A graph being explored.
#[derive(Debug)]
pub struct Session {
    graph: KnowledgeGraph,
    lexicon: LexiconSource,
    mode: OutputMode,
    /// The terminal's width, which tables are fitted to; `None` draws them as wide as they need.
    width: Option<usize>,
    timer: bool,
    /// `:pager on|off`: whether the shell may page long answers.
    pager: bool,
    last: Option<Report>,
    /// The scripts running now, outermost first: canonical path and the name they were run by.
    running: Vec<(PathBuf, String)>,
    cancel: Arc<AtomicBool>,
    /// What the graph was opened from, as typed (`data`), for the header of a saved script.
    graph_name: String,
    /// The commands typed in the shell, for `:history` and `:save-script`.
    journal: Vec<JournalEntry>,
    /// The graph file the graph was last read from or saved to, and its stamp then: `:save` onto it
    /// is refused when it has changed since, so a second writer's work is not silently lost.
    file: Option<(PathBuf, FileStamp)>,
}

/// One command typed in the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// The command, on one line.
    pub text: String,
    /// False when it ended in an error.
    pub succeeded: bool,
}

/// True for a command worth replaying from a script: not one about the shell session itself
/// (`:history`, `:save-script`, `:timer`, `:pager`, `:quit`), and not a blank line.
fn replayable(text: &str) -> bool {
    match parse_line(text) {
        Ok(Statement::Query(_)) => true,
        Ok(Statement::Meta(meta)) => !matches!(
            meta,
            Meta::History | Meta::SaveScript { .. } | Meta::Timer(_) | Meta::Pager(_) | Meta::Quit
        ),
        Ok(Statement::Empty) | Err(_) => false,
    }
}

/// "1 entity", "3 entities".
fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// Documents, entities and relations of a graph, for confirmations.
fn describe(graph: &KnowledgeGraph) -> String {
    format!(
        "{}, {}, {}",
        counted(graph.documents().len(), "document", "documents"),
        counted(graph.entity_count(), "entity", "entities"),
        counted(graph.relation_count(), "relation", "relations")
    )
}

/// A file that could not be read or written, about `span` of the line.
fn file_error(span: Span, error: impl std::fmt::Display) -> SessionError {
    SessionError::new(SessionErrorKind::File(error.to_string()), span)
}

/// A report that is just a sentence (the confirmation of a meta-command).
fn confirmation(command: &str, sentence: String) -> Report {
    Report::new(command, sentence)
}

impl Session {
    /// A session over `graph`, printing results in `mode`.
    pub fn new(graph: KnowledgeGraph, lexicon: LexiconSource, mode: OutputMode) -> Self {
        Session {
            graph,
            lexicon,
            mode,
            width: None,
            timer: false,
            pager: true,
            last: None,
            running: Vec::new(),
            cancel: Arc::new(AtomicBool::new(false)),
            graph_name: String::new(),
            journal: Vec::new(),
            file: None,
        }
    }

    /// Remembers that the graph was read from the graph file at `path` when it had `stamp` (taken
    /// before reading: a write meanwhile then shows as a change).
    pub fn read_from(&mut self, path: &Path, stamp: Option<FileStamp>) {
        self.file = stamp.map(|stamp| (same_file_key(path), stamp));
    }

    /// Names what the graph was opened from (the inputs as typed), for the header of saved scripts.
    pub fn set_graph_name(&mut self, name: String) {
        self.graph_name = name;
    }

    /// Records a command the user typed in the shell and whether it succeeded, for `:history` and
    /// `:save-script`. Scripts and piped commands are not recorded: they are already written down.
    pub fn record(&mut self, text: &str, succeeded: bool) {
        if !text.trim().is_empty() {
            self.journal.push(JournalEntry {
                text: text.trim().to_string(),
                succeeded,
            });
        }
    }

    /// The commands recorded so far, oldest first (`:history` numbers them from 1).
    pub fn journal(&self) -> &[JournalEntry] {
        &self.journal
    }

    /// The graph being explored.
    pub fn graph(&self) -> &KnowledgeGraph {
        &self.graph
    }

    /// How results are printed.
    pub fn mode(&self) -> OutputMode {
        self.mode
    }

    /// Fits tables to a terminal `width` columns wide from now on (`None`: as wide as they need). The
    /// shell measures its terminal before each entry, since a window can be resized.
    pub fn set_width(&mut self, width: Option<usize>) {
        self.width = width;
    }

    /// False after `:pager off`: answers are never paged, however long.
    pub fn pager_enabled(&self) -> bool {
        self.pager
    }

    /// The flag that interrupts a running query: a Ctrl-C handler sets it. It is cleared after each entry.
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }

    /// Executes one entry: a line, or several lines joined while a quote was open. The answer is written
    /// to `out` in the session's mode.
    pub fn execute(
        &mut self,
        text: &str,
        origin: Origin<'_>,
        out: &mut dyn Write,
    ) -> Result<Outcome, ExecuteError> {
        let result = self.execute_uncleared(text, origin, out);
        // Cleared after, not before: a Ctrl-C that lands between reading a line and running it still
        // interrupts that line.
        self.cancel.store(false, Ordering::Relaxed);
        result
    }

    fn execute_uncleared(
        &mut self,
        text: &str,
        origin: Origin<'_>,
        out: &mut dyn Write,
    ) -> Result<Outcome, ExecuteError> {
        let source = Source::new(origin.name, origin.line, text);
        let diagnostic =
            |error: SessionError| Diagnostic::new(&source, error.span, &error.to_string());
        let started = Instant::now();
        let statement = parse_line(text).map_err(|e| diagnostic(e.into()))?;
        let report = match statement {
            Statement::Empty => None,
            Statement::Query(query) => {
                let report = evaluate(&self.graph, &query, &self.cancel).map_err(|mut e| {
                    if e.kind == QueryErrorKind::Interrupted {
                        // Not a mistake anywhere in the line: the whole command was stopped.
                        let start = text.len() - text.trim_start().len();
                        e.span = Span::new(start, text.trim_end().len().max(start));
                    }
                    diagnostic(e.into())
                })?;
                self.last = Some(report.clone());
                Some(report)
            }
            Statement::Meta(Meta::Quit) => return Ok(Outcome::Quit),
            Statement::Meta(Meta::Run { path }) => {
                let run = self.run_nested(&path, out).map_err(|error| match error {
                    NestedError::Open(error) => ExecuteError::Command(diagnostic(error)),
                    NestedError::Inner(error) => error,
                })?;
                return Ok(if run.quit {
                    Outcome::Quit
                } else {
                    Outcome::Continue
                });
            }
            Statement::Meta(meta) => self.meta(meta).map_err(diagnostic)?,
        };
        if let Some(mut report) = report {
            if self.timer {
                report.notes.push(format!(
                    "took {:.1} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                ));
            }
            out.write_all(render_fitted(&report, self.mode, self.width).as_bytes())?;
            out.flush()?;
        }
        Ok(Outcome::Continue)
    }

    /// Runs every line of `text` as an entry of `name`, numbering lines from 1. Errors go to `on_error`
    /// when `options.keep_going` is set; otherwise the first one ends the run.
    pub fn run_text(
        &mut self,
        text: &str,
        name: &str,
        options: ScriptOptions,
        out: &mut dyn Write,
        on_error: &mut dyn FnMut(&Diagnostic),
    ) -> Result<ScriptRun, ExecuteError> {
        let mut lines = text.lines().map(|line| Ok(line.to_string()));
        self.run_lines(&mut lines, name, options, out, on_error)
    }

    /// Runs lines as they come (standard input), like [`Session::run_text`].
    pub fn run_lines(
        &mut self,
        lines: &mut dyn Iterator<Item = std::io::Result<String>>,
        name: &str,
        options: ScriptOptions,
        out: &mut dyn Write,
        on_error: &mut dyn FnMut(&Diagnostic),
    ) -> Result<ScriptRun, ExecuteError> {
        let mut run = ScriptRun::default();
        for (index, line) in lines.enumerate() {
            let line = line?;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            run.commands += 1;
            if options.echo {
                if run.commands > 1 {
                    writeln!(out)?;
                }
                writeln!(out, "> {trimmed}")?;
            }
            let origin = Origin {
                name,
                line: index + 1,
            };
            match self.execute(&line, origin, out) {
                Ok(Outcome::Continue) => {}
                Ok(Outcome::Quit) => {
                    run.quit = true;
                    break;
                }
                Err(ExecuteError::Command(diagnostic)) if options.keep_going => {
                    run.failed += 1;
                    on_error(&diagnostic);
                }
                Err(error) => return Err(error),
            }
        }
        Ok(run)
    }

    /// Runs the script at `path` (named `name` in messages) from the top level, as `kg run` does.
    pub fn run_file(
        &mut self,
        path: &Path,
        options: ScriptOptions,
        out: &mut dyn Write,
        on_error: &mut dyn FnMut(&Diagnostic),
    ) -> Result<ScriptRun, ExecuteError> {
        let name = path.display().to_string();
        let text = self
            .enter_script(path, &name)
            .map_err(|kind| Diagnostic::without_source(&name, &kind.to_string()))?;
        let run = self.run_text(&text, &name, options, out, on_error);
        self.running.pop();
        run
    }

    /// Reads a script and marks it as running, refusing one that is already running or one too deep.
    fn enter_script(&mut self, path: &Path, name: &str) -> Result<String, SessionErrorKind> {
        let unreadable = |e: std::io::Error| {
            SessionErrorKind::File(format!(
                "{}: {}",
                path.display(),
                crate::io_reason::io_reason(&e)
            ))
        };
        let canonical = path.canonicalize().map_err(unreadable)?;
        if let Some(position) = self.running.iter().position(|(p, _)| *p == canonical) {
            let chain: Vec<&str> = self.running[position..]
                .iter()
                .map(|(_, n)| n.as_str())
                .chain(std::iter::once(name))
                .collect();
            return Err(SessionErrorKind::Recursion {
                script: name.to_string(),
                chain: chain.join(" → "),
            });
        }
        if self.running.len() >= MAX_SCRIPT_DEPTH {
            return Err(SessionErrorKind::TooDeep {
                max: MAX_SCRIPT_DEPTH,
            });
        }
        let text = std::fs::read_to_string(path).map_err(unreadable)?;
        self.running.push((canonical, name.to_string()));
        Ok(text)
    }

    /// `:run FILE` inside a session or script: the first failing line of the inner script ends it.
    fn run_nested(
        &mut self,
        path: &PathArg,
        out: &mut dyn Write,
    ) -> Result<ScriptRun, NestedError> {
        let text = self
            .enter_script(Path::new(&path.text), &path.text)
            .map_err(|kind| NestedError::Open(SessionError::new(kind, path.span)))?;
        let run = self.run_text(
            &text,
            &path.text,
            ScriptOptions::default(),
            out,
            &mut |_| {},
        );
        self.running.pop();
        run.map_err(NestedError::Inner)
    }

    /// `:load PATHS`: the graph they hold or make replaces this one. Ctrl-C stops the load of a graph
    /// file as it reads (documents are built whole, then dropped): either way the graph loaded before
    /// stays, and the error says so.
    fn load(&mut self, paths: &[PathArg]) -> Result<Report, SessionError> {
        let span = Span::new(paths[0].span.start, paths[paths.len() - 1].span.end);
        let inputs: Vec<PathBuf> = paths.iter().map(|p| PathBuf::from(&p.text)).collect();
        let mut warnings = Vec::new();
        let stamp = FileStamp::of(&inputs[0]);
        let opened = Inputs::classify(&inputs)
            .map_err(OpenError::from)
            .and_then(|inputs| {
                inputs.open_cancellable(
                    &mut self.lexicon,
                    &mut |warning| warnings.push(warning.to_string()),
                    &self.cancel,
                )
            });
        let interrupted = matches!(
            opened,
            Err(OpenError::Persist(PersistError::Interrupted { .. }))
        ) || (opened.is_ok() && self.cancel.load(Ordering::Relaxed));
        if interrupted {
            let kept = SessionErrorKind::LoadInterrupted {
                kept: if self.graph_name.is_empty() {
                    "loaded before".to_string()
                } else {
                    format!("from {}", self.graph_name)
                },
                graph: describe(&self.graph),
            };
            return Err(SessionError::new(kept, span));
        }
        self.graph = opened.map_err(|e| file_error(span, e))?;
        self.last = None;
        self.file = None;
        if let [single] = inputs.as_slice()
            && is_graph_file(single)
        {
            self.read_from(single, stamp);
        }
        let names: Vec<&str> = paths.iter().map(|p| p.text.as_str()).collect();
        self.graph_name = names.join(" ");
        let mut report = confirmation(
            ":load",
            format!("loaded {}: {}", names.join(" "), describe(&self.graph)),
        );
        report.notes.extend(warnings);
        Ok(report)
    }

    /// Carries out a meta-command other than `:run` and `:quit`; a confirmation comes back as a report.
    fn meta(&mut self, meta: Meta) -> Result<Option<Report>, SessionError> {
        match meta {
            Meta::Load { paths } => self.load(&paths).map(Some),
            Meta::Save { path, force } => {
                self.save(&path, force)?;
                Ok(Some(confirmation(
                    ":save",
                    format!("saved {}: {}", path.text, describe(&self.graph)),
                )))
            }
            Meta::Ingest { paths } => {
                let span = Span::new(paths[0].span.start, paths[paths.len() - 1].span.end);
                let inputs: Vec<PathBuf> = paths.iter().map(|p| PathBuf::from(&p.text)).collect();
                let (graph, summary) = ingest(&self.graph, &inputs, &mut self.lexicon)
                    .map_err(|e| file_error(span, e))?;
                self.graph = graph;
                if summary.added > 0 || summary.replaced > 0 {
                    self.last = None;
                }
                let mut skipped = if summary.skipped > 0 {
                    format!(
                        " ({} already in the graph)",
                        counted(summary.skipped, "document was", "documents were")
                    )
                } else {
                    String::new()
                };
                if summary.replaced > 0 {
                    skipped.push_str(&format!(
                        ", replaced {} edited since",
                        counted(summary.replaced, "document", "documents")
                    ));
                }
                let mut report = confirmation(
                    ":ingest",
                    format!(
                        "added {}{skipped}: now {}",
                        counted(summary.added, "document", "documents"),
                        describe(&self.graph)
                    ),
                );
                report
                    .notes
                    .extend(summary.warnings.iter().map(ToString::to_string));
                Ok(Some(report))
            }
            Meta::Export { target, path, last } => self.export(target, &path, last).map(Some),
            Meta::Mode(mode) => {
                self.mode = mode;
                Ok(None)
            }
            Meta::Timer(on) => {
                self.timer = on;
                Ok(None)
            }
            Meta::Pager(on) => {
                self.pager = on;
                Ok(None)
            }
            Meta::History => Ok(Some(self.history())),
            Meta::SaveScript { path, range } => self.save_script(&path, range).map(Some),
            Meta::Run { .. } | Meta::Quit => Ok(None),
        }
    }

    /// `:history`: the commands typed so far, numbered, the failed ones marked.
    fn history(&self) -> Report {
        let mut report = Report::new(
            ":history",
            format!(
                "{} typed in this session",
                counted(self.journal.len(), "command", "commands")
            ),
        );
        report.table(
            "history",
            &["#", "command", "result"],
            self.journal
                .iter()
                .enumerate()
                .map(|(index, entry)| {
                    let result = if entry.succeeded { "ok" } else { "failed" };
                    vec![
                        (index + 1).into(),
                        entry.text.as_str().into(),
                        result.into(),
                    ]
                })
                .collect(),
        );
        report
    }

    /// `:save-script FILE [N-M]`: the commands that succeeded (among those numbered N to M), written
    /// atomically as a script with a header saying what graph they were asked of, and when.
    fn save_script(
        &self,
        path: &PathArg,
        range: Option<EntryRange>,
    ) -> Result<Report, SessionError> {
        let (first, last) = match range {
            Some(range) if range.last > self.journal.len() => {
                return Err(SessionError::new(
                    SessionErrorKind::NoSuchEntries {
                        first: range.first,
                        last: range.last,
                        count: self.journal.len(),
                    },
                    range.span,
                ));
            }
            Some(range) => (range.first, range.last),
            None => (1, self.journal.len()),
        };
        let chosen = self
            .journal
            .get(first.saturating_sub(1)..last)
            .unwrap_or(&[]);
        let commands: Vec<&str> = chosen
            .iter()
            .filter(|entry| entry.succeeded && replayable(&entry.text))
            .map(|entry| entry.text.as_str())
            .collect();
        if commands.is_empty() {
            return Err(SessionError::new(
                SessionErrorKind::NothingToSave,
                path.span,
            ));
        }
        let graph = if self.graph_name.is_empty() {
            "the graph".to_string()
        } else {
            self.graph_name.clone()
        };
        let mut script = format!(
            "# Saved from a kg shell session over {graph} ({}) on {}.\n# Replay: kg run {} --graph {graph}\n\n",
            describe(&self.graph),
            today(),
            path.text,
        );
        for command in &commands {
            script.push_str(command);
            script.push('\n');
        }
        write_atomically(Path::new(&path.text), |out| {
            out.write_all(script.as_bytes())
        })
        .map_err(|e| {
            SessionError::new(
                SessionErrorKind::File(format!("{}: {e}", path.text)),
                path.span,
            )
        })?;
        let failed = chosen.iter().filter(|entry| !entry.succeeded).count();
        let left_out = if failed > 0 {
            format!(
                " ({} left out)",
                counted(failed, "failed command", "failed commands")
            )
        } else {
            String::new()
        };
        Ok(confirmation(
            ":save-script",
            format!(
                "saved {} to {}{left_out}",
                counted(commands.len(), "command", "commands"),
                path.text
            ),
        ))
    }

    /// `:save FILE [force]`: the file is locked while it is compared with what the session read and
    /// written, so another kg cannot write it in between.
    fn save(&mut self, path: &PathArg, force: bool) -> Result<(), SessionError> {
        let file = Path::new(&path.text);
        let _lock = match FileLock::acquire(file, || {}) {
            Ok(lock) => Some(lock),
            Err(error) if error.source.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => return Err(file_error(path.span, error)),
        };
        if let Some((read, stamp)) = &self.file
            && *read == same_file_key(file)
            && FileStamp::of(file) != Some(*stamp)
            && !force
        {
            return Err(SessionError::new(
                SessionErrorKind::ChangedOnDisk {
                    path: path.text.clone(),
                },
                path.span,
            ));
        }
        save_graph(&self.graph, file).map_err(|e| file_error(path.span, e))?;
        self.read_from(file, FileStamp::of(file));
        Ok(())
    }

    /// `:export FORMAT FILE [last]`
    fn export(
        &self,
        target: ExportTarget,
        path: &PathArg,
        last: bool,
    ) -> Result<Report, SessionError> {
        let subgraph;
        let (graph, what) = if last {
            let report = self
                .last
                .as_ref()
                .ok_or_else(|| SessionError::new(SessionErrorKind::NoLastResult, path.span))?;
            if report.entities.is_empty() {
                return Err(SessionError::new(
                    SessionErrorKind::NothingToExport {
                        command: report.command.clone(),
                    },
                    path.span,
                ));
            }
            subgraph = self.graph.subgraph(&report.entities, &report.relations);
            (
                &subgraph,
                format!(" of the last result ({})", report.command),
            )
        } else {
            (&self.graph, String::new())
        };
        let options = ExportOptions::default();
        let file = Path::new(&path.text);
        let written = match target {
            ExportTarget::Json => write_atomically(file, |out| {
                write_export(graph, ExportFormat::Json, &options, out)
            }),
            ExportTarget::Dot => write_atomically(file, |out| {
                write_export(graph, ExportFormat::Dot, &options, out)
            }),
            ExportTarget::Svg | ExportTarget::Png | ExportTarget::Pdf => {
                let mut dot = Vec::new();
                write_export(graph, ExportFormat::Dot, &options, &mut dot).map_err(|e| {
                    SessionError::new(SessionErrorKind::DotFailed(e.to_string()), path.span)
                })?;
                let drawing =
                    draw(&dot, target.name()).map_err(|kind| SessionError::new(kind, path.span))?;
                write_atomically(file, |out| out.write_all(&drawing))
            }
        };
        written.map_err(|e| {
            SessionError::new(
                SessionErrorKind::File(format!("{}: {e}", path.text)),
                path.span,
            )
        })?;
        Ok(confirmation(
            ":export",
            format!(
                "wrote {} ({}){what}: {}, {}",
                path.text,
                target.name(),
                counted(graph.entity_count(), "entity", "entities"),
                counted(graph.relation_count(), "relation", "relations")
            ),
        ))
    }
}

/// What names one file whatever path leads to it: its canonical path (the path as given when it
/// cannot be resolved, as for a file not written yet).
fn same_file_key(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Why `:run` failed: the script could not be started (an error about the `:run` line), or one of its
/// lines failed (an error about that line).
enum NestedError {
    Open(SessionError),
    Inner(ExecuteError),
}
