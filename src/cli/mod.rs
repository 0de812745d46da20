//! The command line: clap's plain record of what was typed ([`args`]), the one configuration validated
//! from it ([`config`]), and a module for each command, which runs from that configuration.
//!
//! Library code returns errors; this module turns them into messages, and `main` picks the exit code.

mod args;
mod build;
mod build_phase;
mod config;
mod eval;
mod export;
mod merge;
mod names;
mod output;
mod session;
mod stats;

pub use args::Cli;
pub use config::Config;
pub use output::{is_broken_pipe, note};

/// The error type of every command: a message for the user.
pub type CliError = Box<dyn std::error::Error + Send + Sync>;

/// Runs the command the configuration describes.
pub fn run(config: Config) -> Result<(), CliError> {
    match config {
        Config::Shell(config) => session::run_shell(config),
        Config::Run(config) => session::run_script(config),
        Config::Query(config) => session::run_query(config),
        Config::Build(config) => build::run(config),
        Config::Merge(config) => merge::run(config),
        Config::NamesMerge(config) => names::run_merge(config),
        Config::Stats(config) => stats::run(config),
        Config::Export(config) => export::run(config),
        Config::Eval(config) => eval::run(config),
    }
}
