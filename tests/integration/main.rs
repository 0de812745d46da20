//! The integration tests: the real `kg` binary and the library's public API, end to end. One test
//! binary with a module per subject, not a binary per file: each binary links the whole crate and its
//! dependencies again (issue 20, "First build time").
//! Run one subject with its module path, e.g. `cargo test --release --test integration bad_inputs::`.

mod bad_inputs;
mod build_determinism;
mod build_update;
mod cli;
mod control_characters;
mod eval_cli;
mod export_contract;
mod generalization;
mod golden_scripts;
mod graph_fixtures;
mod interop_exports;
mod properties;
mod query_formats;
mod readme_output;
mod save_script;
mod shard_merge;
mod sharded_build;
mod shell_cli;
mod shell_pty;
mod speaker_cli;
mod support;
mod table_width;
mod tagger_agreement;
