//! `kg`: the command-line entry point. The only place that prints fatal errors and picks exit codes.

mod cli;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    if let Err(error) = cli::run(cli) {
        // A closed pipe (`kg export ... | head`) is not a failure.
        if let Some(io) = error.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::BrokenPipe
        {
            std::process::exit(0);
        }
        eprintln!("kg: error: {error}");
        std::process::exit(2);
    }
}
