//! `Period`: the years a sentence speaks of, either end open.

use serde::{Deserialize, Serialize};

/// A period in whole years; either end may be open. Both ends are inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
}

impl Period {
    /// One year.
    pub fn year(year: i32) -> Period {
        Period {
            from: Some(year),
            to: Some(year),
        }
    }

    /// True when the period and `[from, to]` (each end open when `None`) share a year.
    pub fn overlaps(&self, from: Option<i32>, to: Option<i32>) -> bool {
        let starts_before_window_ends = match (self.from, to) {
            (Some(start), Some(end)) => start <= end,
            _ => true,
        };
        let ends_after_window_starts = match (self.to, from) {
            (Some(end), Some(start)) => end >= start,
            _ => true,
        };
        starts_before_window_ends && ends_after_window_starts
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (Some(a), Some(b)) => write!(f, "{a}–{b}"),
            (Some(a), None) => write!(f, "since {a}"),
            (None, Some(b)) => write!(f, "until {b}"),
            (None, None) => f.write_str("any time"),
        }
    }
}
