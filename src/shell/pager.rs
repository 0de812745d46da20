//! The pager, as git has one: an answer taller than the terminal is shown through `$KG_PAGER`,
//! `$PAGER` or `less -FRX` (`-F` leaves at once when the answer fits after all, `-R` keeps colours,
//! `-X` leaves the answer on the screen). The command is run by the shell (`sh -c`), so it may carry
//! arguments and pipes, as git allows.

use std::io::Write;
use std::process::{Command, Stdio};

/// The environment variable naming kg's own pager; it wins over `$PAGER`.
pub const PAGER_VARIABLE: &str = "KG_PAGER";

/// The pager when neither variable names one.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// A pager command, as the user's shell would run it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    command: String,
}

impl Pager {
    /// The pager `$KG_PAGER` or `$PAGER` names, or `less -FRX`; `None` when the one named is empty
    /// (git's way to turn paging off).
    pub fn from_environment() -> Option<Pager> {
        let named = [PAGER_VARIABLE, "PAGER"]
            .iter()
            .find_map(|name| std::env::var(name).ok());
        Pager::named(named.as_deref())
    }

    /// The pager `named` (as a variable held it), `less -FRX` when nothing was named, `None` for an
    /// empty name.
    fn named(named: Option<&str>) -> Option<Pager> {
        let command = named.unwrap_or(DEFAULT_PAGER).trim();
        (!command.is_empty()).then(|| Pager {
            command: command.to_string(),
        })
    }

    /// The command line.
    pub fn command(&self) -> &str {
        &self.command
    }

    /// Shows `text` through the pager and waits for it to end. The pager draws on the terminal itself;
    /// an error means it could not be started (the caller then prints the text as it is).
    pub fn show(&self, text: &[u8]) -> std::io::Result<()> {
        let mut child = self.spawn()?;
        if let Some(mut input) = child.stdin.take() {
            // A pager that is left before reading everything closes the pipe: not an error.
            match input.write_all(text) {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => return Err(error),
                _ => {}
            }
        }
        child.wait()?;
        Ok(())
    }

    #[cfg(unix)]
    fn spawn(&self) -> std::io::Result<std::process::Child> {
        Command::new("sh")
            .args(["-c", &self.command])
            .stdin(Stdio::piped())
            .spawn()
    }

    #[cfg(not(unix))]
    fn spawn(&self) -> std::io::Result<std::process::Child> {
        let mut words = self.command.split_whitespace();
        let program = words.next().unwrap_or("more");
        Command::new(program)
            .args(words)
            .stdin(Stdio::piped())
            .spawn()
    }
}

/// True when `text` would not fit on a screen of `height` lines with the prompt below it.
pub fn taller_than(text: &[u8], height: usize) -> bool {
    text.iter().filter(|&&byte| byte == b'\n').count() >= height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_is_the_one_named_or_less() {
        let cases = [
            (Some("cat -n"), Some("cat -n")),
            (None, Some(DEFAULT_PAGER)),
            (Some("  "), None),
            (Some(""), None),
        ];
        for (named, expected) in cases {
            assert_eq!(
                Pager::named(named).as_ref().map(Pager::command),
                expected,
                "{named:?}"
            );
        }
    }

    #[test]
    fn an_answer_is_taller_than_the_screen_with_its_prompt() {
        let cases = [("a\nb\n", 3, false), ("a\nb\nc\n", 3, true), ("", 1, false)];
        for (text, height, expected) in cases {
            assert_eq!(
                taller_than(text.as_bytes(), height),
                expected,
                "{text:?} {height}"
            );
        }
    }
}
