//! The allocator `kg` itself uses (mimalloc, its v2 line; see `src/main.rs`), so that a bench measures
//! time and memory as the tool spends them.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
