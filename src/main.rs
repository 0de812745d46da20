//! `kg`: the command-line entry point. The only place that prints fatal errors and picks exit codes.

mod cli;

use clap::Parser;

// mimalloc takes its memory from the system in huge pages where the kernel allows (transparent huge
// pages). The system allocator takes the 72 MB a build of the SOTU corpus touches 4 KiB at a time, at
// 21,000 page faults, which with the allocator's own work made the one-thread build 20% slower.
// mimalloc's v2 line rather than v3 (the crate's default): v3 keeps a 4 MiB page for each size class of
// objects between 84 and 512 KiB, and each class in use costs at least one huge page, so the same build
// touched 123 MB instead of 97. On a virtual machine that has been idle, fresh memory is slow to come,
// and the first build ran at 23-30 MB/s with v3 against 31-32.5 with v2; warm runs are as fast.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Parsed by clap, checked into one configuration, then run: every user error surfaces here.
    let result = cli::Config::new(cli::Cli::parse())
        .map_err(cli::CliError::from)
        .and_then(cli::run);
    if let Err(error) = result {
        // A closed pipe (`kg export ... | head`) is not a failure.
        if cli::is_broken_pipe(error.as_ref()) {
            std::process::exit(0);
        }
        cli::note(format_args!("kg: error: {error}"));
        std::process::exit(2);
    }
}
