//! `kg`: the command-line entry point. The only place that prints fatal errors and picks exit codes.

mod cli;

use clap::Parser;

// mimalloc takes its memory from the system in huge pages where the kernel allows (transparent huge
// pages). A build touches about 100 MB of fresh memory, which the system allocator takes 4 KiB at a
// time, at a page fault each: 25,000 faults, which with the allocator's own work made the one-thread
// build of the SOTU corpus 20% slower. The price: freed pages go back to the system a second after they
// are freed rather than at once (benches/memory.rs measures both).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
