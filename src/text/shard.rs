//! `Shard`: one of N deterministic parts of a corpus, as `kg build --shard I/N` names it.
//!
//! A document belongs to shard `I` of `N` (1-based: `1/3`, `2/3`, `3/3`) when the xxh3-64 hash of its
//! name, taken modulo `N`, is `I - 1`. The name is the path relative to the argument it was found under
//! (see [`super::document`]), so the assignment depends neither on the machine, nor on where the corpus
//! is mounted, nor on the order the paths are listed in.
//!
//! Why the name and not the text: a shard can then be chosen from a directory listing, and each machine
//! reads only its own files, which is the point of sharding a large corpus; and adding or editing a
//! document moves no other document to another shard (a content hash would move an edited document).
//! Two files with the same text under different names are two documents, as in a single build.

use std::fmt;
use std::str::FromStr;

/// Shard `index` of `count`, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: usize,
    count: usize,
}

/// Why a shard could not be read from `I/N`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardError {
    #[error("{text:?} is not a shard: write I/N, the I-th of N shards, as in 1/4")]
    Syntax { text: String },
    #[error("{text:?}: the number of shards must be at least 1")]
    NoShards { text: String },
    #[error("{text:?}: shards are numbered from 1 to {count}")]
    OutOfRange { text: String, count: usize },
}

impl Shard {
    /// Shard `index` of `count`, when `1 <= index <= count`.
    pub fn new(index: usize, count: usize) -> Option<Shard> {
        (1..=count)
            .contains(&index)
            .then_some(Shard { index, count })
    }

    /// The shard's number, from 1.
    pub fn index(self) -> usize {
        self.index
    }

    /// The number of shards.
    pub fn count(self) -> usize {
        self.count
    }

    /// Whether the document named `name` belongs to this shard.
    pub fn holds(self, name: &str) -> bool {
        let hash = xxhash_rust::xxh3::xxh3_64(name.as_bytes());
        // `count` fits in a u64 on every platform Rust supports, and the remainder is below it.
        hash % self.count as u64 == (self.index - 1) as u64
    }
}

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(text: &str) -> Result<Shard, ShardError> {
        let syntax = || ShardError::Syntax {
            text: text.to_string(),
        };
        let (index, count) = text.split_once('/').ok_or_else(syntax)?;
        let number = |part: &str| -> Result<usize, ShardError> {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(syntax());
            }
            part.parse().map_err(|_| syntax())
        };
        let (index, count) = (number(index.trim())?, number(count.trim())?);
        if count == 0 {
            return Err(ShardError::NoShards {
                text: text.to_string(),
            });
        }
        Shard::new(index, count).ok_or(ShardError::OutOfRange {
            text: text.to_string(),
            count,
        })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (index, count), or the error's text.
    type Parsed<'a> = Result<(usize, usize), &'a str>;

    #[test]
    fn parses_shards_table() {
        let cases: &[(&str, Parsed)] = &[
            ("1/1", Ok((1, 1))),
            ("2/3", Ok((2, 3))),
            (" 3 / 3 ", Ok((3, 3))),
            ("10/12", Ok((10, 12))),
            ("0/3", Err("\"0/3\": shards are numbered from 1 to 3")),
            ("4/3", Err("\"4/3\": shards are numbered from 1 to 3")),
            (
                "1/0",
                Err("\"1/0\": the number of shards must be at least 1"),
            ),
            (
                "1",
                Err("\"1\" is not a shard: write I/N, the I-th of N shards, as in 1/4"),
            ),
            (
                "a/b",
                Err("\"a/b\" is not a shard: write I/N, the I-th of N shards, as in 1/4"),
            ),
            (
                "-1/3",
                Err("\"-1/3\" is not a shard: write I/N, the I-th of N shards, as in 1/4"),
            ),
            (
                "1/2/3",
                Err("\"1/2/3\" is not a shard: write I/N, the I-th of N shards, as in 1/4"),
            ),
            (
                "99999999999999999999/3",
                Err(
                    "\"99999999999999999999/3\" is not a shard: write I/N, the I-th of N shards, as in 1/4",
                ),
            ),
        ];
        for (text, expected) in cases {
            let parsed = text
                .parse::<Shard>()
                .map(|s| (s.index(), s.count()))
                .map_err(|e| e.to_string());
            assert_eq!(parsed, expected.map_err(str::to_string), "{text}");
        }
    }

    #[test]
    fn every_document_is_in_exactly_one_shard() {
        let names: Vec<String> = (0..200).map(|i| format!("dir/doc-{i}.txt")).collect();
        for count in 1..=5 {
            let mut sizes = vec![0; count];
            for name in &names {
                let owners: Vec<usize> = (1..=count)
                    .filter(|&i| Shard::new(i, count).unwrap().holds(name))
                    .collect();
                assert_eq!(owners.len(), 1, "{name} in {count} shards: {owners:?}");
                sizes[owners[0] - 1] += 1;
            }
            // A hash spreads names: no shard of a few is empty out of 200 names.
            assert!(sizes.iter().all(|&s| s > 0), "{count}: {sizes:?}");
        }
    }

    #[test]
    fn displays_as_written() {
        assert_eq!(Shard::new(2, 5).unwrap().to_string(), "2/5");
        assert_eq!(Shard::new(0, 5), None);
    }
}
