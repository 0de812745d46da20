//! Where a command's output goes, and writing to the terminal's streams without panicking.
//!
//! `print!` panics when standard output fails (`kg stats G > /dev/full`, or a pipe whose reader has
//! gone); every command writes through [`to_stdout`] instead, whose error `main` reports: a closed pipe
//! as a quiet success, anything else as a [`StdoutError`]. Messages to standard error go through
//! [`note`], which drops what cannot be written: there is nowhere left to say so.

use super::CliError;
use std::fmt;
use std::io::Write;
use std::path::PathBuf;

/// Where `--output` sends a command's file: a path, or standard output for `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// `-`: standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

impl Output {
    /// `-` is standard output; anything else a path.
    pub fn from_path(path: PathBuf) -> Output {
        if path.as_os_str() == "-" {
            Output::Stdout
        } else {
            Output::File(path)
        }
    }

    /// Checks, before the work, that the file can be written where it goes; it says so the way the
    /// write itself would have.
    pub fn check_writable(&self) -> Result<(), CliError> {
        match self {
            Output::Stdout => Ok(()),
            Output::File(path) => kgraph::atomic_file::check_writable(path)
                .map_err(|error| format!("{}: {error}", path.display()).into()),
        }
    }
}

impl fmt::Display for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Output::Stdout => f.write_str("<stdout>"),
            Output::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// Standard output could not be written (a full disk, a closed pipe).
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output: {0}")]
pub struct StdoutError(#[source] pub std::io::Error);

/// Writes what `write` produces to standard output, and flushes it.
///
/// # Errors
/// A [`StdoutError`] when standard output cannot be written.
pub fn to_stdout(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|error| StdoutError(error).into())
}

/// Tells the user, on standard error, what listing the documents passed over; a path's control
/// characters are shown, not sent to the terminal.
pub fn warn(warning: &kgraph::text::DocumentWarning) {
    note(format_args!(
        "kg: warning: {}",
        kgraph::model::terminal_safe(&warning.to_string())
    ));
}

/// Writes a line to standard error; a line that cannot be written is dropped.
pub fn note(message: impl fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

/// Whether `error` (or an error it wraps) is a closed pipe: the reader has what it wanted.
pub fn is_broken_pipe(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(error) = current {
        if error
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        current = error.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_is_standard_output() {
        let cases = [
            ("-", Output::Stdout, "<stdout>"),
            ("g.ron", Output::File("g.ron".into()), "g.ron"),
            ("./-", Output::File("./-".into()), "./-"),
        ];
        for (given, expected, shown) in cases {
            let output = Output::from_path(given.into());
            assert_eq!(output, expected, "{given}");
            assert_eq!(output.to_string(), shown, "{given}");
        }
    }

    #[test]
    fn a_closed_pipe_is_found_inside_the_errors_that_wrap_it() {
        let pipe = || std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        let full = || std::io::Error::from(std::io::ErrorKind::StorageFull);
        let cases: [(CliError, bool); 4] = [
            (Box::new(pipe()), true),
            (Box::new(StdoutError(pipe())), true),
            (Box::new(StdoutError(full())), false),
            ("a message".into(), false),
        ];
        for (error, expected) in cases {
            assert_eq!(is_broken_pipe(error.as_ref()), expected, "{error}");
        }
    }
}
