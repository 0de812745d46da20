//! The allocator `kg` itself uses (see `src/main.rs`), so that a bench measures time and memory as the
//! tool spends them.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
