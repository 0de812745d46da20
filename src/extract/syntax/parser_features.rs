//! What the parser reads of a configuration ([`action_keys`]) and of an arc it labels
//! ([`label_keys`]), shared by parsing and training so a model's keys always match the parser's.
//!
//! Words are their lower-case forms hashed (numbers folded as the tagger folds them), and only words
//! of the model's vocabulary count as themselves; tags are Penn tag numbers. A feature is a 64-bit
//! key mixing a template number with the values it reads; the action model keeps its weights in a
//! table indexed by the key's top bits (the hashing trick), the labeller in a map.
//!
//! The templates follow Zhang and Nivre (2011), cut down to what arc-hybrid reads: the stack's top
//! three words, the buffer's first three, the leftmost and rightmost children of the stack's top two
//! and of the buffer's first word, distances and valencies.

use super::Tag;
use super::transition_system::{Configuration, NONE};
use xxhash_rust::xxh3::xxh3_64;

/// The word standing for the root.
pub(crate) const ROOT_WORD: u64 = 1;
/// The word standing for "no word here".
pub(crate) const NO_WORD: u64 = 2;
/// A word outside the model's vocabulary.
pub(crate) const UNKNOWN_WORD: u64 = 3;
/// The tag number of the root.
pub(crate) const ROOT_TAG: u64 = 200;
/// The tag number of "no word here".
pub(crate) const NO_TAG: u64 = 201;

/// How many keys [`action_keys`] gives.
pub(crate) const ACTION_FEATURES: usize = 66;
/// How many keys [`label_keys`] gives.
pub(crate) const LABEL_FEATURES: usize = 18;

/// A tag's number in features.
#[inline]
pub(crate) fn tag_number(tag: Tag) -> u64 {
    tag as u64
}

/// The hash of a word as features read it: lower case, curly apostrophes straight, a four-digit
/// number `!YEAR` and any other number `!DIGITS`. `lower` is a buffer to reuse.
pub(crate) fn word_hash(word: &str, lower: &mut String) -> u64 {
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        return if bytes.len() == 4 && bytes.iter().all(u8::is_ascii_digit) {
            xxh3_64(b"!YEAR")
        } else {
            xxh3_64(b"!DIGITS")
        };
    }
    lower.clear();
    for c in word.chars() {
        if c == '’' {
            lower.push('\'');
        } else if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
    xxh3_64(lower.as_bytes())
}

/// Mixes a value into a key.
#[inline(always)]
fn mix(key: u64, value: u64) -> u64 {
    (key ^ value ^ (key >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline(always)]
fn k1(template: u64, a: u64) -> u64 {
    mix(mix(template.wrapping_mul(0xD6E8_FEB8_6659_FD93), a), 0)
}

#[inline(always)]
fn k2(template: u64, a: u64, b: u64) -> u64 {
    mix(k1(template, a), b)
}

#[inline(always)]
fn k3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(k2(template, a, b), c)
}

#[inline(always)]
fn k4(template: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    mix(k3(template, a, b, c), d)
}

/// The index into a sentence's word and tag arrays of a position (`NONE` is the last slot).
#[inline(always)]
fn slot(position: u32, n: u32) -> usize {
    if position == NONE {
        n as usize + 1
    } else {
        position as usize
    }
}

/// The keys of a configuration. `words` and `tags` hold each word's value, then the root's, then
/// "no word"'s (so `n + 2` each).
#[inline]
pub(crate) fn action_keys(
    configuration: &Configuration,
    words: &[u64],
    tags: &[u64],
    out: &mut [u64; ACTION_FEATURES],
) {
    let n = configuration.n;
    let (s0, s1, s2) = (
        configuration.stack_at(0),
        configuration.stack_at(1),
        configuration.stack_at(2),
    );
    let (b0, b1, b2) = (
        configuration.buffer_at(0),
        configuration.buffer_at(1),
        configuration.buffer_at(2),
    );
    let child = |position: u32, side: &[[u32; 2]], which: usize| {
        if position == NONE {
            NONE
        } else {
            side[position as usize][which]
        }
    };
    let valency = |position: u32, side: usize| {
        if position == NONE {
            0
        } else {
            u64::from(configuration.valency[position as usize][side])
        }
    };
    let (left, right) = (&configuration.left, &configuration.right);
    let (s0l1, s0l2, s0r1, s0r2) = (
        child(s0, left, 0),
        child(s0, left, 1),
        child(s0, right, 0),
        child(s0, right, 1),
    );
    let (s1l1, s1r1, s1r2) = (child(s1, left, 0), child(s1, right, 0), child(s1, right, 1));
    let (b0l1, b0l2) = (child(b0, left, 0), child(b0, left, 1));
    let w = |position: u32| words[slot(position, n)];
    let t = |position: u32| tags[slot(position, n)];
    let (s0w, s0t, s1w, s1t, s2t) = (w(s0), t(s0), w(s1), t(s1), t(s2));
    let (b0w, b0t, b1w, b1t, b2t) = (w(b0), t(b0), w(b1), t(b1), t(b2));
    let distance = |from: u32, to: u32| {
        if from == NONE || to == NONE {
            0
        } else {
            u64::from(to.abs_diff(from).min(6))
        }
    };
    let d = distance(s0, b0);
    let d2 = distance(s1, s0);
    let (s0vl, s0vr, s1vr, b0vl) = (
        valency(s0, 0),
        valency(s0, 1),
        valency(s1, 1),
        valency(b0, 0),
    );
    *out = [
        k2(1, s0w, s0t),
        k1(2, s0w),
        k1(3, s0t),
        k2(4, b0w, b0t),
        k1(5, b0w),
        k1(6, b0t),
        k2(7, b1w, b1t),
        k1(8, b1w),
        k1(9, b1t),
        k1(10, b2t),
        k2(11, s1w, s1t),
        k1(12, s1w),
        k1(13, s1t),
        k1(14, s2t),
        k4(15, s0w, s0t, b0w, b0t),
        k3(16, s0w, s0t, b0w),
        k3(17, s0w, b0w, b0t),
        k3(18, s0w, s0t, b0t),
        k3(19, s0t, b0w, b0t),
        k2(20, s0w, b0w),
        k2(21, s0t, b0t),
        k2(22, b0t, b1t),
        k2(23, s1w, s0w),
        k2(24, s1t, s0t),
        k3(25, s1w, s1t, s0t),
        k3(26, s1t, s0w, s0t),
        k2(27, s1t, b0t),
        k3(28, b0t, b1t, b2t),
        k3(29, s0t, b0t, b1t),
        k3(30, s1t, s0t, b0t),
        k3(31, s2t, s1t, s0t),
        k2(32, s0w, d),
        k2(33, s0t, d),
        k2(34, b0w, d),
        k2(35, b0t, d),
        k3(36, s0t, b0t, d),
        k3(37, s0w, b0w, d),
        k3(38, s1t, s0t, d2),
        k2(39, s0w, s0vr),
        k2(40, s0t, s0vr),
        k2(41, s0w, s0vl),
        k2(42, s0t, s0vl),
        k2(43, s1t, s1vr),
        k2(44, b0w, b0vl),
        k2(45, b0t, b0vl),
        k1(46, w(s0l1)),
        k1(47, t(s0l1)),
        k1(48, w(s0r1)),
        k1(49, t(s0r1)),
        k1(50, w(b0l1)),
        k1(51, t(b0l1)),
        k1(52, t(s1r1)),
        k1(53, w(s1r1)),
        k1(54, t(s1l1)),
        k3(55, s0t, t(s0l1), t(s0l2)),
        k3(56, s0t, t(s0r1), t(s0r2)),
        k3(57, b0t, t(b0l1), t(b0l2)),
        k3(58, s1t, t(s1r1), t(s1r2)),
        k3(59, s0t, t(s0l1), b0t),
        k3(60, s0t, t(s0r1), b0t),
        k3(61, s1t, s0t, t(s0l1)),
        k3(62, s1t, t(s1r1), s0t),
        k3(63, s0t, b0t, t(b0l1)),
        // The word opening the clause below ("after", "when", "that") says whether a comma ends it.
        k2(64, w(s1l1), b0t),
        k3(65, w(s1l1), s0t, b0t),
        k3(66, w(s0l1), s0t, b0t),
    ];
}

/// What the labeller reads of a tree besides words and tags: for each word, its leftmost and
/// rightmost child, and the nearest verb (auxiliary) among its children to its left.
#[derive(Debug, Default, Clone)]
pub(crate) struct TreeContext {
    leftmost: Vec<u32>,
    rightmost: Vec<u32>,
    auxiliary: Vec<u32>,
}

impl TreeContext {
    /// Reads the tree of `heads` (each word's head, `NONE` or `n` for the root) with tags `tags`.
    pub(crate) fn read(&mut self, heads: &[u32], tags: &[Tag]) {
        let n = heads.len();
        for list in [&mut self.leftmost, &mut self.rightmost, &mut self.auxiliary] {
            list.clear();
            list.resize(n, NONE);
        }
        for (dependent, &head) in heads.iter().enumerate() {
            let (head, dependent_u32) = (head as usize, dependent as u32);
            if head >= n {
                continue;
            }
            if self.leftmost[head] == NONE || dependent_u32 < self.leftmost[head] {
                self.leftmost[head] = dependent_u32;
            }
            if self.rightmost[head] == NONE || dependent_u32 > self.rightmost[head] {
                self.rightmost[head] = dependent_u32;
            }
            if dependent < head
                && (tags[dependent].is_verb() || tags[dependent] == Tag::Modal)
                && (self.auxiliary[head] == NONE || dependent_u32 > self.auxiliary[head])
            {
                self.auxiliary[head] = dependent_u32;
            }
        }
    }
}

/// The keys of the arc into `dependent` of a tree (`heads` as for [`TreeContext::read`], which
/// `context` has read). `words` and `tags` as for [`action_keys`]; `penn` the words' tags.
#[inline]
pub(crate) fn label_keys(
    dependent: usize,
    heads: &[u32],
    context: &TreeContext,
    words: &[u64],
    tags: &[u64],
    penn: &[Tag],
    out: &mut [u64; LABEL_FEATURES],
) {
    let n = heads.len() as u32;
    let head = heads[dependent];
    let head = if head >= n { n } else { head };
    let w = |position: u32| words[slot(position, n)];
    let t = |position: u32| tags[slot(position, n)];
    let d = dependent as u32;
    let (dw, dt, hw, ht) = (w(d), t(d), w(head), t(head));
    let grand = if head < n { heads[head as usize] } else { NONE };
    let grand = if grand >= n && grand != NONE {
        n
    } else {
        grand
    };
    let direction = u64::from(head > d);
    let distance = u64::from(head.abs_diff(d).min(6));
    let (low, high) = if head > d { (d, head) } else { (head, d) };
    let between = &penn[(low as usize + 1).min(penn.len())..(high as usize).min(penn.len())];
    let comma = u64::from(between.contains(&Tag::Comma));
    let conjunction = u64::from(between.contains(&Tag::CoordinatingConjunction));
    let auxiliary = if head < n {
        context.auxiliary[head as usize]
    } else {
        NONE
    };
    let (leftmost, rightmost) = (context.leftmost[dependent], context.rightmost[dependent]);
    let before = if d > 0 { d - 1 } else { NONE };
    *out = [
        k2(101, dw, dt),
        k1(102, dt),
        k2(103, hw, ht),
        k1(104, ht),
        k3(105, dt, ht, direction),
        k3(106, dw, ht, direction),
        k3(107, dt, hw, direction),
        k2(108, dw, hw),
        k3(109, dt, ht, distance),
        k3(110, dt, ht, t(grand)),
        k2(111, dt, w(leftmost)),
        k2(112, dt, t(leftmost)),
        k2(113, dt, t(rightmost)),
        k4(114, dt, ht, w(auxiliary), direction),
        k4(115, dt, ht, comma, direction),
        k4(116, dt, ht, conjunction, direction),
        k3(117, dt, w(before), t(before)),
        k3(118, dt, ht, w(grand)),
    ];
}
