//! [`Cancelled`]: what a long-running algorithm returns when the user interrupts it.

use std::sync::atomic::{AtomicBool, Ordering};

/// The user asked a running algorithm to stop (Ctrl-C) before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("interrupted")]
pub struct Cancelled;

/// `Err(Cancelled)` once `flag` is set. Algorithms call it inside their loops.
pub(crate) fn check(flag: &AtomicBool) -> Result<(), Cancelled> {
    if flag.load(Ordering::Relaxed) {
        Err(Cancelled)
    } else {
        Ok(())
    }
}
