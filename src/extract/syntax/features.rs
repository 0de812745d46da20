//! What the tagger reads of a word in its sentence: each word's forms hashed once ([`WordFeatures`]),
//! and the feature keys of a position, the ones that hold whatever the tags before it
//! ([`context_keys`]) and the ones made of those tags ([`history_keys`]).
//!
//! A feature is a 64-bit key: a template number mixed with the hash of a string or of earlier tags.
//! Training and tagging call the same functions, so a model's keys always match the tagger's.

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// How many keys [`context_keys`] gives.
pub(crate) const CONTEXT_FEATURES: usize = 13;
/// How many keys [`history_keys`] gives.
pub(crate) const HISTORY_FEATURES: usize = 4;

/// The tag number standing for "before the sentence" one and two places back.
pub(crate) const START_TAG: u64 = 1000;
pub(crate) const START_TAG_2: u64 = 1001;

/// One word's forms, hashed: what the features of it and of its neighbours are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordFeatures {
    /// The word as written (curly apostrophes made straight): the tag dictionary's key.
    pub(crate) exact: u64,
    /// The word in lower case, with numbers folded to `!YEAR` and `!DIGITS`.
    pub(crate) normal: u64,
    /// Its last three characters, lower case.
    pub(crate) suffix3: u64,
    /// Its last two characters, lower case.
    pub(crate) suffix2: u64,
    /// Its first character as written.
    pub(crate) prefix1: u64,
    /// Its last part after a hyphen, lower case (all of it when it has none): "UN-backed" reads
    /// as "backed" does.
    pub(crate) head: u64,
    /// Its shape: capitals, digits, hyphen, full stop, first in the sentence.
    pub(crate) shape: u64,
}

impl WordFeatures {
    /// The padding before a sentence (`back` = 1 or 2 places) or after it.
    fn padding(name: &str) -> WordFeatures {
        let hash = xxh3_64(name.as_bytes());
        WordFeatures {
            exact: hash,
            normal: hash,
            suffix3: hash,
            suffix2: hash,
            prefix1: hash,
            head: hash,
            shape: hash,
        }
    }

    /// The features of `word`, the `position`th of its sentence; `lower` is a buffer to reuse.
    pub(crate) fn of(word: &str, position: usize, lower: &mut String) -> WordFeatures {
        lower.clear();
        let mut exact_differs = false;
        for c in word.chars() {
            if c == '’' {
                lower.push('\'');
                exact_differs = true;
            } else if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        let exact = if exact_differs {
            xxh3_64(word.replace('’', "'").as_bytes())
        } else {
            xxh3_64(word.as_bytes())
        };
        let bytes = lower.as_bytes();
        let normal = if bytes.first().is_some_and(u8::is_ascii_digit) {
            if bytes.len() == 4 && bytes.iter().all(u8::is_ascii_digit) {
                xxh3_64(b"!YEAR")
            } else {
                xxh3_64(b"!DIGITS")
            }
        } else {
            xxh3_64(bytes)
        };
        let suffix3 = xxh3_64(last_chars(lower, 3).as_bytes());
        let suffix2 = xxh3_64(last_chars(lower, 2).as_bytes());
        let head = match lower.rfind(['-', '–']) {
            Some(at) => xxh3_64(lower[at..].trim_start_matches(['-', '–']).as_bytes()),
            None => normal,
        };
        let first = word.chars().next().unwrap_or(' ');
        let mut first_bytes = [0u8; 4];
        let prefix1 = xxh3_64(first.encode_utf8(&mut first_bytes).as_bytes());
        WordFeatures {
            exact,
            normal,
            suffix3,
            suffix2,
            prefix1,
            head,
            shape: shape(word, position == 0),
        }
    }
}

/// The last `count` characters of `word` (all of it when shorter).
fn last_chars(word: &str, count: usize) -> &str {
    match word.char_indices().rev().nth(count - 1) {
        Some((at, _)) => &word[at..],
        None => word,
    }
}

/// A word's shape as a number: which letters are capitals (none, the first, all, some), whether it
/// has digits, a hyphen, a full stop, and whether it starts the sentence.
fn shape(word: &str, first_in_sentence: bool) -> u64 {
    let (mut letters, mut upper, mut digit, mut hyphen, mut period) = (0, 0, false, false, false);
    let mut first_upper = false;
    for (index, c) in word.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                first_upper |= index == 0;
            }
        }
        digit |= c.is_ascii_digit();
        hyphen |= c == '-' || c == '–';
        period |= c == '.';
    }
    let capitals: u64 = if letters == 0 || upper == 0 {
        0
    } else if upper == letters && letters > 1 {
        2
    } else if first_upper && upper == 1 {
        1
    } else {
        3
    };
    let no_letters = u64::from(letters == 0);
    capitals
        | no_letters << 2
        | u64::from(digit) << 3
        | u64::from(hyphen) << 4
        | u64::from(period) << 5
        | u64::from(first_in_sentence) << FIRST_IN_SENTENCE
}

/// The most words a [`KnownWords`] remembers (about half a megabyte): the first ones it meets,
/// which are most of a text's frequent words.
const REMEMBERED_WORDS: usize = 7_000;

/// Words' features remembered by the word as written: most words of a text were seen before, and
/// hashing a word once is cheaper than lower-casing it and hashing its six forms.
#[derive(Debug, Default)]
pub(crate) struct KnownWords {
    /// By the hash of the word as written: its features where it does not start the sentence.
    features: FxHashMap<u64, WordFeatures>,
}

impl KnownWords {
    /// [`WordFeatures::of`], remembered.
    pub(crate) fn features(
        &mut self,
        word: &str,
        position: usize,
        lower: &mut String,
    ) -> WordFeatures {
        let key = xxh3_64(word.as_bytes());
        let mut features = match self.features.get(&key) {
            Some(features) => *features,
            None => {
                let features = WordFeatures::of(word, 1, lower);
                if self.features.len() < REMEMBERED_WORDS {
                    self.features.insert(key, features);
                }
                features
            }
        };
        // Where in the sentence a word stands changes only its shape's "first" bit.
        features.shape |= u64::from(position == 0) << FIRST_IN_SENTENCE;
        features
    }
}

/// The bit of a word's shape that says it starts its sentence.
const FIRST_IN_SENTENCE: u32 = 6;

/// The features of every word of a sentence, with two paddings before and after, into `out`.
pub(crate) fn sentence_features<'a>(
    words: impl ExactSizeIterator<Item = &'a str>,
    out: &mut Vec<WordFeatures>,
    lower: &mut String,
) {
    sentence_features_with(words, out, |word, position| {
        WordFeatures::of(word, position, lower)
    });
}

/// [`sentence_features`] with each word's features from `features_of(word, position)`.
pub(crate) fn sentence_features_with<'a>(
    words: impl ExactSizeIterator<Item = &'a str>,
    out: &mut Vec<WordFeatures>,
    mut features_of: impl FnMut(&str, usize) -> WordFeatures,
) {
    static PADDING: std::sync::LazyLock<[WordFeatures; 4]> = std::sync::LazyLock::new(|| {
        [
            WordFeatures::padding("-START2-"),
            WordFeatures::padding("-START-"),
            WordFeatures::padding("-END-"),
            WordFeatures::padding("-END2-"),
        ]
    });
    out.clear();
    out.reserve(words.len() + 4);
    out.extend_from_slice(&PADDING[..2]);
    for (position, word) in words.enumerate() {
        out.push(features_of(word, position));
    }
    out.extend_from_slice(&PADDING[2..]);
}

/// A template's key for a hashed value: the two mixed so that templates never share keys.
#[inline]
fn key(template: u64, value: u64) -> u64 {
    // splitmix64's finaliser over the value offset by the template.
    let mut z = value ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How many keys [`word_keys`] gives.
pub(crate) const WORD_FEATURES: usize = 7;
/// How many keys [`neighbour_keys`] gives.
pub(crate) const NEIGHBOUR_FEATURES: usize = 6;

/// The keys of a word's own forms: they depend on the word alone (and whether it starts the
/// sentence), so a tagger may add up their weights once per word type.
#[inline]
pub(crate) fn word_keys(word: &WordFeatures) -> [u64; WORD_FEATURES] {
    [
        key(1, 0),
        key(2, word.normal),
        key(3, word.suffix3),
        key(4, word.suffix2),
        key(5, word.prefix1),
        key(6, word.shape),
        key(17, word.head),
    ]
}

/// The keys of the words around the word at `index` of a sentence (an index into `words`, which
/// holds two paddings before the first word and after the last).
#[inline]
pub(crate) fn neighbour_keys(words: &[WordFeatures], index: usize) -> [u64; NEIGHBOUR_FEATURES] {
    let (before2, before, after, after2) = (
        &words[index - 2],
        &words[index - 1],
        &words[index + 1],
        &words[index + 2],
    );
    [
        key(7, before.normal),
        key(8, before.suffix3),
        key(9, before2.normal),
        key(10, after.normal),
        key(11, after.suffix3),
        key(12, after2.normal),
    ]
}

/// The keys of the word at `index` that do not depend on the tags before it: [`word_keys`] and
/// [`neighbour_keys`] together.
#[inline]
pub(crate) fn context_keys(words: &[WordFeatures], index: usize) -> [u64; CONTEXT_FEATURES] {
    let mut keys = [0; CONTEXT_FEATURES];
    keys[..WORD_FEATURES].copy_from_slice(&word_keys(&words[index]));
    keys[WORD_FEATURES..].copy_from_slice(&neighbour_keys(words, index));
    keys
}

/// The keys of the word at `index` made with the tags given the two words before it (tag numbers, or
/// [`START_TAG`] and [`START_TAG_2`] before the sentence).
#[inline]
pub(crate) fn history_keys(
    words: &[WordFeatures],
    index: usize,
    previous: u64,
    previous2: u64,
) -> [u64; HISTORY_FEATURES] {
    [
        key(13, previous),
        key(14, previous2),
        key(15, key(previous, previous2)),
        key(16, key(previous, words[index].normal)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_numbers_and_apostrophes() {
        let mut lower = String::new();
        let of = |word: &str, lower: &mut String| WordFeatures::of(word, 3, lower);
        let (upper, plain) = (of("Treaty", &mut lower), of("treaty", &mut lower));
        assert_eq!(upper.normal, plain.normal);
        assert_ne!(upper.exact, plain.exact);
        assert_ne!(upper.shape, plain.shape);
        assert_eq!(of("1846", &mut lower).normal, of("1990", &mut lower).normal);
        assert_ne!(of("1846", &mut lower).normal, of("18", &mut lower).normal);
        assert_eq!(of("don’t", &mut lower).exact, of("don't", &mut lower).exact);
        assert_eq!(
            of("UN-backed", &mut lower).head,
            of("backed", &mut lower).normal
        );
        assert_eq!(
            of("signed", &mut lower).suffix3,
            of("designed", &mut lower).suffix3
        );
    }

    /// Remembered features are the features, at the start of a sentence and after it, whatever
    /// word was asked before.
    #[test]
    fn remembered_features_are_the_features() {
        let mut known = KnownWords::default();
        let (mut lower, mut plain_lower) = (String::new(), String::new());
        for (word, position) in [
            ("The", 0),
            ("The", 2),
            ("treaty", 1),
            ("treaty", 0),
            ("don’t", 3),
            ("’tis", 0),
            ("'tis", 0),
            ("UN-backed", 4),
            ("1990", 0),
        ] {
            assert_eq!(
                known.features(word, position, &mut lower),
                WordFeatures::of(word, position, &mut plain_lower),
                "{word} at {position}"
            );
        }
    }

    #[test]
    fn takes_the_last_characters() {
        let cases = [
            ("treaty", 3, "aty"),
            ("to", 3, "to"),
            ("café", 2, "fé"),
            ("a", 1, "a"),
        ];
        for (word, count, suffix) in cases {
            assert_eq!(last_chars(word, count), suffix);
        }
    }

    #[test]
    fn tells_shapes_apart() {
        let cases = [
            ("Geneva", false, 1),
            ("NATO", false, 2),
            ("iPhone", false, 3),
            ("treaty", false, 0),
            ("1980", false, 4 | 8),
            ("U.S.-led", false, 3 | 16 | 32),
            ("The", true, 1 | 64),
        ];
        for (word, first, expected) in cases {
            assert_eq!(shape(word, first), expected, "{word}");
        }
    }
}
