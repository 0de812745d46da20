//! The size of the terminal standard output writes to, which tables are fitted to and the pager is
//! called for. Measured afresh each time, since a window can be resized.

use terminal_size::{Height, Width, terminal_size_of};

/// The columns of the terminal on standard output; `None` when standard output is not a terminal.
pub fn terminal_width() -> Option<usize> {
    terminal_size_of(std::io::stdout()).map(|(Width(width), _)| usize::from(width))
}

/// The lines of the terminal on standard output; `None` when standard output is not a terminal.
pub fn terminal_height() -> Option<usize> {
    terminal_size_of(std::io::stdout()).map(|(_, Height(height))| usize::from(height))
}
