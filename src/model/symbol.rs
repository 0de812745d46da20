//! `Symbol`: a string kept once for the whole process and named by four bytes, for the texts a graph
//! repeats on every relation: predicates and the names of extraction rules.
//!
//! A graph of a million relations holds a few hundred distinct predicates and a few dozen rule names, so
//! a copy of each on every relation and every sentence of evidence (a heap allocation of 32 bytes or
//! more apiece) was most of what a relation cost. [`Symbol::intern`] looks a text up in a process-wide
//! table, adding it the first time; [`Symbol::as_str`] reads it back without taking a lock. The table is
//! shared by every graph, so symbols compare equal across graphs exactly when their texts do.
//!
//! Texts are never removed: the table holds every distinct text interned since the process started. For
//! the small, closed-ish sets it is meant for that is a few kilobytes; a hand-made file with a million
//! distinct predicates would keep them until the process exits.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{LazyLock, OnceLock, PoisonError, RwLock};

/// An interned string. Equal symbols have equal texts and equal texts have equal symbols; symbols
/// serialise as their text. They are not ordered: compare `as_str()` for the order of the texts.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Symbol(NonZeroU32);

/// The slots of the first bucket; bucket `b` has `FIRST_BUCKET << b` slots.
const FIRST_BUCKET: usize = 64;

/// Enough buckets for every `u32` symbol: the last starts at `64 * (2^26 - 1)`, past `u32::MAX`.
const BUCKETS: usize = 27;

/// From text to symbol. Writers hold its write lock while they add a text, so two threads interning the
/// same new text get the same symbol.
static INDEX: LazyLock<RwLock<HashMap<&'static str, Symbol>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

/// The texts, by symbol number minus one, in buckets that are allocated once and never move: a reader
/// needs no lock, and each slot is filled before its symbol is handed out.
static TEXTS: [OnceLock<Box<[OnceLock<&'static str>]>>; BUCKETS] =
    [const { OnceLock::new() }; BUCKETS];

/// The bucket and the slot within it of the text at `position`.
fn locate(position: usize) -> (usize, usize) {
    let bucket = (position / FIRST_BUCKET + 1).ilog2() as usize;
    let start = FIRST_BUCKET * ((1 << bucket) - 1);
    (bucket, position - start)
}

impl Symbol {
    /// The symbol of `text`, adding it to the table the first time it is seen.
    pub fn intern(text: &str) -> Symbol {
        if let Some(&symbol) = INDEX
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(text)
        {
            return symbol;
        }
        let mut index = INDEX.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(&symbol) = index.get(text) {
            return symbol;
        }
        let position = index.len();
        let Some(number) = u32::try_from(position + 1).ok().and_then(NonZeroU32::new) else {
            panic!(
                "more than {} distinct predicates and rule names",
                u32::MAX - 1
            );
        };
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let (bucket, slot) = locate(position);
        let slots = TEXTS[bucket].get_or_init(|| {
            (0..FIRST_BUCKET << bucket)
                .map(|_| OnceLock::new())
                .collect()
        });
        // The write lock is held and `position` is new, so the slot is empty.
        let _ = slots[slot].set(text);
        let symbol = Symbol(number);
        index.insert(text, symbol);
        symbol
    }

    /// The text of the symbol.
    pub fn as_str(self) -> &'static str {
        let (bucket, slot) = locate(self.0.get() as usize - 1);
        // Every symbol comes from `intern`, which fills its slot first: the fallback never happens.
        TEXTS
            .get(bucket)
            .and_then(OnceLock::get)
            .and_then(|slots| slots.get(slot))
            .and_then(OnceLock::get)
            .copied()
            .unwrap_or("")
    }
}

impl std::fmt::Debug for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Reads a string straight into the table: no `String` is made for it, borrowed or not.
struct SymbolVisitor;

impl serde::de::Visitor<'_> for SymbolVisitor {
    type Value = Symbol;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Symbol, E> {
        Ok(Symbol::intern(text))
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Symbol, D::Error> {
        // A string, not a `&str`: nothing need borrow from the input, which a snapshot read through a
        // window of its file does not keep.
        deserializer.deserialize_string(SymbolVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_a_symbol_and_read_back() {
        let sign = Symbol::intern("sign with (symbol test)");
        assert_eq!(Symbol::intern("sign with (symbol test)"), sign);
        assert_ne!(Symbol::intern("sign (symbol test)"), sign);
        assert_eq!(sign.as_str(), "sign with (symbol test)");
        assert_eq!(Symbol::intern("").as_str(), "");
        assert_eq!(
            format!("{sign:?} {sign}"),
            "\"sign with (symbol test)\" sign with (symbol test)"
        );
    }

    #[test]
    fn buckets_cover_every_position() {
        assert_eq!(locate(0), (0, 0));
        assert_eq!(locate(63), (0, 63));
        assert_eq!(locate(64), (1, 0));
        assert_eq!(locate(191), (1, 127));
        assert_eq!(locate(192), (2, 0));
        let last = locate(u32::MAX as usize - 1);
        assert!(
            last.0 < BUCKETS && last.1 < FIRST_BUCKET << last.0,
            "{last:?}"
        );
        // Texts past the first buckets read back.
        let symbols: Vec<Symbol> = (0..300)
            .map(|n| Symbol::intern(&format!("bucket test {n}")))
            .collect();
        for (n, symbol) in symbols.iter().enumerate() {
            assert_eq!(symbol.as_str(), format!("bucket test {n}"));
        }
    }

    #[test]
    fn threads_interning_the_same_texts_agree() {
        let texts: Vec<String> = (0..200).map(|n| format!("thread test {n}")).collect();
        let runs: Vec<Vec<Symbol>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| texts.iter().map(|t| Symbol::intern(t)).collect()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for run in &runs {
            assert_eq!(run, &runs[0]);
        }
        for (text, symbol) in texts.iter().zip(&runs[0]) {
            assert_eq!(symbol.as_str(), text);
        }
    }

    #[test]
    fn symbols_serialise_as_their_text() {
        let symbol = Symbol::intern("co-mention");
        assert_eq!(ron::to_string(&symbol).unwrap(), "\"co-mention\"");
        let read: Symbol = ron::from_str("\"co-\\u{6d}ention\"").unwrap();
        assert_eq!(read, symbol);
        let bytes = postcard::to_allocvec(&symbol).unwrap();
        assert_eq!(postcard::from_bytes::<Symbol>(&bytes).unwrap(), symbol);
    }
}
