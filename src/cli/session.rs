//! `kg shell`, `kg run` and `kg query`: a session over a graph, fed from a terminal, a pipe, a script or
//! the command line.

use super::CliError;
use super::config::{GraphConfig, QueryConfig, RunConfig, ShellConfig};
use super::output::{StdoutError, note};
use kgraph::atomic_file::FileStamp;
use kgraph::query::OutputMode;
use kgraph::shell::{self, ExecuteError, ReplOptions, ScriptOptions, ScriptRun, Session};
use std::io::{BufRead, IsTerminal};

/// A session over the configured graph, printing in `mode`; documents are read with the configured
/// lexicon and options, then and on `:load` and `:ingest`.
fn open_session(graph: GraphConfig, mode: OutputMode) -> Result<Session, CliError> {
    let GraphConfig { inputs, mut source } = graph;
    let read = match &inputs {
        shell::graph_source::Inputs::Graph(path) => Some((path.clone(), FileStamp::of(path))),
        shell::graph_source::Inputs::Documents(_) => None,
    };
    let graph = inputs.open(&mut source, &mut super::output::warn)?;
    let mut session = Session::new(graph, source, mode);
    if let Some((path, stamp)) = read {
        session.read_from(&path, stamp);
    }
    session.set_width(shell::terminal_width());
    Ok(session)
}

/// A failed entry as the command line reports it: answers go to standard output, so an output error
/// is one of standard output's (a closed pipe among them, on which `main` exits quietly).
fn execute_error(error: ExecuteError) -> CliError {
    match error {
        ExecuteError::Command(diagnostic) => Box::new(diagnostic),
        ExecuteError::Output(io) => Box::new(StdoutError(io)),
    }
}

/// The summary error of a run that went on past failures.
fn failures(run: &ScriptRun) -> Result<(), CliError> {
    if run.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} of {} commands failed", run.failed, run.commands).into())
    }
}

/// `kg shell`: the line editor on a terminal; commands from standard input otherwise.
pub fn run_shell(config: ShellConfig) -> Result<(), CliError> {
    let mut session = open_session(config.graph, config.mode)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !config.interactive {
        // Commands from a pipe: no prompt, every command runs, failures are reported as they happen.
        let stdin = std::io::stdin();
        let mut lines = stdin.lock().lines();
        let options = ScriptOptions {
            keep_going: true,
            echo: false,
        };
        let run = session
            .run_lines(&mut lines, "<stdin>", options, &mut out, &mut |d| {
                note(format_args!("error: {d}"))
            })
            .map_err(execute_error)?;
        return failures(&run);
    }
    let names: Vec<String> = config
        .names
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    session.set_graph_name(names.join(" "));
    let graph = session.graph();
    let options = ReplOptions {
        history: shell::history_path(),
        colour: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        banner: shell::banner(&names.join(" "), graph),
        pager: if config.pager && std::io::stdout().is_terminal() {
            shell::Pager::from_environment()
        } else {
            None
        },
    };
    let mut errors = std::io::stderr();
    shell::run_repl(&mut session, &options, &mut out, &mut errors)?;
    Ok(())
}

/// `kg run`: a script file, stopping at the first failing command unless told to go on.
pub fn run_script(config: RunConfig) -> Result<(), CliError> {
    let mut session = open_session(config.graph, config.mode)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let run = session
        .run_file(&config.script, config.options, &mut out, &mut |d| {
            note(format_args!("error: {d}"))
        })
        .map_err(execute_error)?;
    failures(&run)
}

/// `kg query`: the commands given with `-e`, in order.
pub fn run_query(config: QueryConfig) -> Result<(), CliError> {
    let mut session = open_session(config.graph, config.mode)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    session
        .run_text(
            &config.commands,
            "<query>",
            ScriptOptions::default(),
            &mut out,
            &mut |_| {},
        )
        .map_err(execute_error)?;
    Ok(())
}
