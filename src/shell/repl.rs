//! The interactive shell: rustyline with history, list completion, hints, a coloured prompt, and a
//! `...>` prompt for the lines that continue an entry while a quote is open. Each entry goes to [`Session::execute`] under the name `<repl>`, numbered
//! like the lines of a script, so errors read `<repl>:3:12`.
//!
//! Ctrl-C while typing clears the line; Ctrl-C while a query runs sets the session's cancel flag, which
//! the long algorithms check, and the shell goes on. Ctrl-D (or `:quit`) leaves.

use super::completion::quote_is_open;
use super::helper::ShellHelper;
use super::pager::{Pager, taller_than};
use super::session::{ExecuteError, Origin, Outcome, Session};
use super::terminal::{terminal_height, terminal_width};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

/// The environment variable that names the history file.
pub const HISTORY_VARIABLE: &str = "KG_HISTORY";

/// Why the shell stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ReplError {
    /// The line editor failed (no terminal, or it went away).
    #[error("the terminal: {0}")]
    Terminal(#[from] ReadlineError),
    /// Answers could not be written.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// The history file: `$KG_HISTORY`, or `kgraph/history` in the user's data directory
/// (`$XDG_DATA_HOME`, `~/.local/share` on Linux); `None` when there is neither.
pub fn history_path() -> Option<PathBuf> {
    match std::env::var_os(HISTORY_VARIABLE) {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => dirs::data_dir().map(|d| d.join("kgraph").join("history")),
    }
}

/// The line the shell opens with: what graph is open, and how to get help and leave.
pub fn banner(inputs: &str, graph: &crate::graph::KnowledgeGraph) -> String {
    format!(
        "kg shell over {inputs}: {} documents, {} entities, {} relations. Type help, Tab completes, Ctrl-D leaves.",
        graph.documents().len(),
        graph.entity_count(),
        graph.relation_count()
    )
}

/// Settings of the shell.
#[derive(Debug, Clone)]
pub struct ReplOptions {
    /// Where history is kept; `None` keeps none.
    pub history: Option<PathBuf>,
    /// ANSI colours for the prompt, hints and errors.
    pub colour: bool,
    /// The line printed first (what graph is open).
    pub banner: String,
    /// The pager for answers taller than the terminal; `None` (`--no-pager`, or no terminal) pages
    /// nothing.
    pub pager: Option<Pager>,
}

/// Runs the shell until Ctrl-D or `:quit`. Answers go to `out`, errors to `errors`.
pub fn run_repl(
    session: &mut Session,
    options: &ReplOptions,
    out: &mut dyn Write,
    errors: &mut dyn Write,
) -> Result<(), ReplError> {
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_dups(true)?
        .max_history_size(5000)?
        // Several candidates are listed below the line, as bash does, rather than cycled through.
        .completion_type(CompletionType::List)
        .build();
    let mut editor: Editor<ShellHelper, DefaultHistory> = Editor::with_config(config)?;
    editor.set_helper(Some(ShellHelper::new(session.graph(), options.colour)));
    let mut history = options.history.clone();
    if let Some(path) = &options.history {
        // A first session has no history yet; any other problem is worth saying once.
        if let Err(refusal) = history_fit_to_read(path) {
            // Neither read nor written: `KG_HISTORY=/dev/zero` would be read forever.
            writeln!(errors, "warning: history {}: {refusal}", path.display())?;
            history = None;
        } else if path.exists()
            && let Err(error) = editor.load_history(path)
        {
            writeln!(errors, "warning: history {}: {error}", path.display())?;
        }
    }
    let options = ReplOptions {
        history,
        ..options.clone()
    };
    let options = &options;
    let cancel = session.cancel_flag();
    // Ctrl-C while a query runs: the terminal is not in raw mode then, so it arrives as SIGINT. A second
    // shell in the same process (tests) finds the handler already set, which is fine.
    let _ = ctrlc::set_handler(move || cancel.store(true, Ordering::Relaxed));
    writeln!(out, "{}", options.banner)?;
    let prompts = Prompts::new(options.colour);
    let mut entry_number = 0;
    loop {
        match read_entry(&mut editor, &prompts) {
            Ok((entry, lines)) => {
                let first_line = entry_number + 1;
                entry_number += lines;
                if !entry.trim().is_empty() {
                    editor.add_history_entry(one_line(&entry))?;
                    if let Some(path) = &options.history {
                        save_history(&mut editor, path, errors)?;
                    }
                }
                let origin = Origin {
                    name: "<repl>",
                    line: first_line,
                };
                session.set_width(terminal_width());
                let mut answer = Vec::new();
                let executed = session.execute(&entry, origin, &mut answer);
                session.record(&one_line(&entry), executed.is_ok());
                show(&answer, session, options.pager.as_ref(), out)?;
                match executed {
                    Ok(Outcome::Continue) => {}
                    Ok(Outcome::Quit) => break,
                    Err(ExecuteError::Command(diagnostic)) => {
                        let label = if options.colour {
                            "\x1b[1;31merror\x1b[0m"
                        } else {
                            "error"
                        };
                        writeln!(errors, "{label}: {diagnostic}")?;
                    }
                    Err(ExecuteError::Output(error)) => return Err(error.into()),
                }
                if entry.trim_start().starts_with(':')
                    && let Some(helper) = editor.helper_mut()
                {
                    helper.refresh(session.graph());
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

/// The prompt of a new entry and the one of a line that continues it, each as plain text and as
/// shown (coloured or not).
struct Prompts {
    first: (&'static str, &'static str),
    continued: (&'static str, &'static str),
}

impl Prompts {
    fn new(colour: bool) -> Self {
        let (first, continued) = if colour {
            ("\x1b[1;36mkg>\x1b[0m ", "\x1b[1;36m...>\x1b[0m ")
        } else {
            (FIRST_PROMPT, CONTINUATION_PROMPT)
        };
        Prompts {
            first: (FIRST_PROMPT, first),
            continued: (CONTINUATION_PROMPT, continued),
        }
    }
}

/// The prompt of a new entry.
pub const FIRST_PROMPT: &str = "kg> ";
/// The prompt of a line that continues an entry whose quote is still open.
pub const CONTINUATION_PROMPT: &str = "...> ";

/// Reads one entry: a line, and while a quote is open at its end the lines that continue it (under
/// the `...>` prompt), joined by line breaks. Also gives how many lines it took. Ctrl-C on any of its
/// lines drops the whole entry.
fn read_entry(
    editor: &mut Editor<ShellHelper, DefaultHistory>,
    prompts: &Prompts,
) -> Result<(String, usize), ReadlineError> {
    let mut entry = editor.readline(&prompts.first)?;
    let mut lines = 1;
    while quote_is_open(&entry) {
        let more = editor.readline(&prompts.continued)?;
        entry.push('\n');
        entry.push_str(&more);
        lines += 1;
    }
    Ok((entry, lines))
}

/// An entry as history and saved scripts keep it, on one line: a line break and the blanks around it
/// become one space (as the parser reads a line break inside a quote).
pub fn one_line(entry: &str) -> String {
    entry
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes an answer: through the pager when there is one, the session allows it and the answer is
/// taller than the terminal; to `out` otherwise (and when the pager cannot be started).
fn show(
    answer: &[u8],
    session: &Session,
    pager: Option<&Pager>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let paged = pager.filter(|_| {
        session.pager_enabled() && terminal_height().is_some_and(|h| taller_than(answer, h))
    });
    if let Some(pager) = paged
        && pager.show(answer).is_ok()
    {
        // Ctrl-C in the pager reaches kg too: it interrupted nothing of ours.
        session.cancel_flag().store(false, Ordering::Relaxed);
        return Ok(());
    }
    out.write_all(answer)?;
    out.flush()
}

/// Writes the history file, creating its directory; a failure is a warning, not the end of the shell.
/// A history file larger than this is not read: 5000 entries of a few hundred bytes fit well within.
const MAX_HISTORY_BYTES: u64 = 16 * 1024 * 1024;

/// Whether the history file at `path` may be read: missing (a first session), or a regular file of at
/// most [`MAX_HISTORY_BYTES`]; a device or a FIFO would be read without end.
fn history_fit_to_read(path: &std::path::Path) -> Result<(), String> {
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(());
    };
    if !metadata.is_file() {
        return Err("not a regular file; history is not kept this session".into());
    }
    if metadata.len() > MAX_HISTORY_BYTES {
        return Err(format!(
            "larger than {} MB; history is not kept this session",
            MAX_HISTORY_BYTES / (1024 * 1024)
        ));
    }
    Ok(())
}

fn save_history(
    editor: &mut Editor<ShellHelper, DefaultHistory>,
    path: &std::path::Path,
    errors: &mut dyn Write,
) -> Result<(), ReplError> {
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        let _ = std::fs::create_dir_all(parent);
    }
    if let Err(error) = editor.save_history(path) {
        writeln!(errors, "warning: history {}: {error}", path.display())?;
    }
    Ok(())
}
