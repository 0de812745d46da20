//! What many integration tests share: running the real `kg` binary and reading what it printed.
#![allow(clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `kg` with `args` in `dir`.
pub fn kg(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("kg runs")
}

/// What `output` printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What `output` printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
