//! The shell: a session over a graph, and the ways to talk to it. The interactive REPL (rustyline, with
//! history, completion, hints and Ctrl-C), scripts (`kg run`, `:run`), standard input and `kg query -e`
//! all hand their lines to [`Session::execute`], so they behave alike and report errors alike.

pub mod completion;
pub mod graph_source;
mod graphviz;
pub mod helper;
pub mod pager;
pub mod repl;
pub mod session;
pub mod session_error;
pub mod terminal;
mod utc_date;

pub use graph_source::{LexiconSource, OpenError, open_graph};
pub use pager::Pager;
pub use repl::{ReplOptions, banner, history_path, run_repl};
pub use session::{ExecuteError, JournalEntry, Origin, Outcome, ScriptOptions, ScriptRun, Session};
pub use session_error::{SessionError, SessionErrorKind};
pub use terminal::{terminal_height, terminal_width};
