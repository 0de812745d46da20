//! The vocabularies that tell a common word from a name.
//!
//! - The corpus's lower-case vocabulary, which tells a sentence-initial common word ("Efforts of Iraq")
//!   and a generic head noun ("this Chamber") from a name: kept to the few thousand words the finder may
//!   ask about, and found with a filter that turns most words away on their bytes.
//! - The general English vocabulary ([`EnglishVocabulary`], `data/english-vocabulary.tsv`), the same for
//!   every corpus: how often the State of the Union addresses write a word in lower case and how often
//!   capitalised inside a sentence. It decides the words a short text writes only capitalised
//!   ("Attacking" at a sentence start, "our Nation", "nations on Earth").

use super::acronyms::is_acronym;
use super::words::{is_capitalised, opens_quotation, starts_lower_case};
use crate::extract::lexicon::{Lexicon, WordBuildHasher, with_lowercase};
use crate::model::Span;
use crate::text::{Token, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How often the vocabulary's source writes a word in lower case, and capitalised inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordCasing {
    pub lower: u32,
    pub capitalised: u32,
}

/// A general English vocabulary: each word (lower-cased, with straight apostrophes) and how its source
/// cases it. A plain table, the same for every corpus and every shard of one: it is read from
/// `data/english-vocabulary.tsv` (made by `examples/make_vocabulary.rs`; provenance in
/// `data/english-vocabulary.about.markdown`).
#[derive(Debug, Clone, Default)]
pub struct EnglishVocabulary {
    words: HashMap<String, WordCasing, WordBuildHasher>,
}

/// The embedded vocabulary's text.
const ENGLISH_VOCABULARY: &str = include_str!("../../../data/english-vocabulary.tsv");

static EMBEDDED: LazyLock<EnglishVocabulary> = LazyLock::new(|| {
    // The embedded file is checked by `the_embedded_english_vocabulary_reads_whole`; should it ever
    // not read, the finder works as it did before the vocabulary rather than fail.
    EnglishVocabulary::parse(ENGLISH_VOCABULARY).unwrap_or_default()
});

impl EnglishVocabulary {
    /// A word that is written in lower case at least this often is a common word at a sentence start
    /// (when it is not mostly capitalised).
    const MIN_LOWER: u32 = 3;
    /// A word capitalised inside a sentence is a common word only when its source writes it in lower
    /// case at least this often, and at least as often as capitalised ("nation", "earth").
    const MIN_LOWER_INSIDE: u32 = 10;

    /// The vocabulary in `data/english-vocabulary.tsv`.
    pub fn embedded() -> &'static EnglishVocabulary {
        &EMBEDDED
    }

    /// Reads `word<TAB>lower<TAB>capitalised` lines; `#` lines are comments. On a bad line, its
    /// number (from 1) and what is wrong with it.
    pub fn parse(text: &str) -> Result<EnglishVocabulary, String> {
        let mut words = HashMap::default();
        for (number, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(word), Some(lower), Some(capitalised), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(format!(
                    "line {}: expected three tab-separated fields",
                    number + 1
                ));
            };
            let count = |field: &str| {
                field
                    .parse::<u32>()
                    .map_err(|_| format!("line {}: {field:?} is not a count", number + 1))
            };
            let casing = WordCasing {
                lower: count(lower)?,
                capitalised: count(capitalised)?,
            };
            words.insert(word.to_string(), casing);
        }
        Ok(EnglishVocabulary { words })
    }

    /// How many words it has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How the source cases `word` (any case; curly apostrophes count as straight), if it has it.
    pub fn casing(&self, word: &str) -> Option<WordCasing> {
        if word.contains('’') {
            return self
                .words
                .get(&word.to_lowercase().replace('’', "'"))
                .copied();
        }
        with_lowercase(word, |key| self.words.get(key).copied())
    }

    /// A word that, capitalised at a sentence start, is a common word ("Attacking", "Let"): written in
    /// lower case often enough, and not mostly capitalised ("Congress" is).
    pub fn is_common_at_start(&self, word: &str) -> bool {
        self.casing(word).is_some_and(|c| {
            c.lower >= Self::MIN_LOWER && c.lower.saturating_mul(4) >= c.capitalised
        })
    }

    /// A word its source writes in lower case often ("federal", "executive"), however often it
    /// capitalises it: a common word, though not always written as one.
    pub fn is_often_lower(&self, word: &str) -> bool {
        self.casing(word)
            .is_some_and(|c| c.lower >= Self::MIN_LOWER_INSIDE)
    }

    /// A word that, capitalised inside a sentence, is still a common word ("our Nation", "on Earth"),
    /// or the plural of a common word ("three Presidents", "Ambassadors will be exchanged").
    pub fn is_common_inside(&self, word: &str) -> bool {
        let common = |casing: WordCasing| {
            casing.lower >= Self::MIN_LOWER_INSIDE && casing.lower >= casing.capitalised
        };
        if self.casing(word).is_some_and(common) {
            return true;
        }
        // Names are seldom plural: a plural whose singular is a common word is one too.
        word.strip_suffix('s')
            .filter(|stem| !stem.ends_with(['s', 'u', 'i', 'S']) && stem.chars().count() >= 3)
            .and_then(|stem| self.casing(stem))
            .is_some_and(|c| c.lower >= Self::MIN_LOWER)
    }
}

/// Corpus facts the mention finder needs: the words the corpus writes in lower case, borrowed from the
/// documents' texts.
#[derive(Debug, Clone, Default)]
pub struct CorpusVocabulary<'a> {
    pub lowercase_words: HashSet<&'a str, WordBuildHasher>,
}

impl<'a> CorpusVocabulary<'a> {
    /// Records the lower-case words of a token list.
    pub fn add_tokens(&mut self, text: &'a str, tokens: &[Token]) {
        for token in tokens {
            if token.kind != TokenKind::Word {
                continue;
            }
            let word = token.text(text);
            let lower_case = starts_lower_case(word);
            if lower_case {
                self.lowercase_words.insert(word);
            }
        }
    }

    /// The keys the mention finder may ask about for one sentence, added to `asked`: the first word of
    /// the sentence (past opening punctuation) and of each quotation in it, lower-cased as it is asked, when it is a capitalised
    /// word that is neither a function word nor an acronym (only then is it asked about). With
    /// [`Lexicon::head_noun_keys`] these are all it asks about: whether a sentence-initial word is a
    /// common word, and whether a head noun alone is.
    pub fn asked_keys(
        text: &str,
        tokens: &[Token],
        lexicon: &Lexicon,
        asked: &mut HashSet<String, WordBuildHasher>,
    ) {
        let first = tokens
            .iter()
            .position(|t| t.kind != TokenKind::Punct)
            .unwrap_or(0);
        // Only a word after a punctuation token can open a quotation: the others are passed over
        // without a call.
        let quoted = (1..tokens.len()).filter(|&index| {
            tokens[index - 1].kind == TokenKind::Punct && opens_quotation(text, tokens, index)
        });
        for index in std::iter::once(first).chain(quoted) {
            let Some(token) = tokens.get(index).filter(|t| t.kind == TokenKind::Word) else {
                continue;
            };
            let word = token.text(text);
            if !is_capitalised(word) || lexicon.is_function_word(word) || is_acronym(word) {
                continue;
            }
            with_lowercase(word, |key| {
                if !asked.contains(key) {
                    asked.insert(key.to_string());
                }
            });
        }
    }

    /// Adds the words of another vocabulary.
    pub fn merge(&mut self, other: CorpusVocabulary<'a>) {
        if self.lowercase_words.len() < other.lowercase_words.len() {
            let mine = std::mem::replace(self, other);
            self.lowercase_words.extend(mine.lowercase_words);
        } else {
            self.lowercase_words.extend(other.lowercase_words);
        }
    }

    /// Whether the corpus writes `word` in lower case. Asked only of a sentence's first word and of
    /// head nouns: the extraction keeps only the words those can be ([`CorpusVocabulary::asked_keys`]),
    /// so asking about another word needs that widened.
    pub(super) fn is_common_word(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.lowercase_words.contains(lower))
    }

    /// Whether `word`, capitalised where a sentence (or a quotation) starts, is a common word: the
    /// corpus writes it in lower case, or English does ([`EnglishVocabulary::is_common_at_start`]).
    pub(super) fn is_common_at_start(&self, word: &str) -> bool {
        self.is_common_word(word) || EnglishVocabulary::embedded().is_common_at_start(word)
    }

    /// Whether `word`, capitalised inside a sentence, is still a common word
    /// ([`EnglishVocabulary::is_common_inside`]): alone it is then no evidence of a name.
    pub(super) fn is_common_inside(&self, word: &str) -> bool {
        EnglishVocabulary::embedded().is_common_inside(word)
    }

    /// Whether English writes `word` in lower case often ([`EnglishVocabulary::is_often_lower`]).
    pub(super) fn is_often_lower(&self, word: &str) -> bool {
        EnglishVocabulary::embedded().is_often_lower(word)
    }
}

/// The words the mention finder may ask the vocabulary about ([`CorpusVocabulary::asked_keys`] and
/// [`Lexicon::head_noun_keys`]), numbered, for finding which of them the corpus writes in lower case:
/// a vocabulary of those words answers every question the finder asks as the whole vocabulary does,
/// and costs a lookup per lower-case word instead of a set of every distinct one.
#[derive(Debug, Clone)]
pub struct AskedWords {
    words: Vec<String>,
    index: std::collections::HashMap<String, usize, WordBuildHasher>,
    /// One bit per (first eight bytes, last byte, length) of the words, hashed: most words that are not
    /// asked about are turned away without a lookup. An array, so that a bit's word needs no bounds
    /// check.
    filter: Box<[u64; AskedWords::FILTER_WORDS]>,
    /// Per filter bit: the word that alone has it (its number plus one), [`AskedWords::SHARED`] when
    /// several have it, 0 when none. A word alone in its bit is compared without a lookup, and once
    /// found its bit can be cleared so that its later occurrences are turned away at once.
    owner: Vec<u32>,
}

impl AskedWords {
    const FILTER_BITS_LOG: u32 = 16;
    const FILTER_BITS: usize = 1 << Self::FILTER_BITS_LOG;
    const FILTER_WORDS: usize = Self::FILTER_BITS / 64;
    const SHARED: u32 = u32::MAX;

    pub fn new(keys: impl IntoIterator<Item = String>) -> AskedWords {
        let mut asked = AskedWords {
            words: Vec::new(),
            index: Default::default(),
            filter: Box::new([0; Self::FILTER_WORDS]),
            owner: vec![0; Self::FILTER_BITS],
        };
        for key in keys {
            if asked.index.contains_key(&key) {
                continue;
            }
            let bit = Self::filter_bit(key.as_bytes(), 0, key.len());
            asked.filter[bit / 64] |= 1 << (bit % 64);
            if let Some(owner) = asked.owner.get_mut(bit) {
                *owner = match (*owner, u32::try_from(asked.words.len() + 1)) {
                    (0, Ok(number)) => number,
                    _ => Self::SHARED,
                };
            }
            asked.index.insert(key.clone(), asked.words.len());
            asked.words.push(key);
        }
        asked
    }

    /// The filter bit of the word `bytes[start..end]`, read off its bytes: its first eight (all of a
    /// short word, so that short words share a bit only by chance), its last, and its length.
    #[inline]
    fn filter_bit(bytes: &[u8], start: usize, end: usize) -> usize {
        let word = bytes.get(start..end).unwrap_or_default();
        // The eight bytes from the word's start when the text has them, else the word's bytes; either
        // way, shifting out the bytes past the word leaves the word's alone.
        let head = match bytes.get(start..).and_then(|rest| rest.first_chunk::<8>()) {
            Some(&eight) => u64::from_le_bytes(eight),
            None => {
                let mut eight = [0u8; 8];
                for (to, &from) in eight.iter_mut().zip(word) {
                    *to = from;
                }
                u64::from_le_bytes(eight)
            }
        };
        let past_word = 8usize.saturating_sub(word.len()) as u32;
        let head = head.wrapping_shl(8 * past_word);
        let tail = u64::from(word.last().copied().unwrap_or(0)) << 32 | word.len() as u64;
        const MIX: u64 = 0x9E37_79B9_7F4A_7C15;
        let key = (head.wrapping_mul(MIX) ^ tail).wrapping_mul(MIX);
        (key >> (64 - Self::FILTER_BITS_LOG)) as usize
    }

    /// How many words are asked about.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Marks with none of the asked words found yet.
    pub fn marks(&self) -> LowercaseMarks {
        LowercaseMarks {
            found: vec![false; self.words.len()],
            filter: self.filter.clone(),
        }
    }

    /// Marks in `marks` the asked words that `tokens` write in lower case: words starting with a
    /// lower-case letter, as [`CorpusVocabulary::add_tokens`] records them.
    ///
    /// Asked of every token of the corpus: a word is turned away on its bytes (an ASCII first byte
    /// that is no lower-case letter, then the filter) before it is sliced and looked up.
    pub fn mark_lowercase_words(
        &self,
        text: &str,
        tokens: impl IntoIterator<Item = Token>,
        marks: &mut LowercaseMarks,
    ) {
        let bytes = text.as_bytes();
        let LowercaseMarks { found, filter } = marks;
        for token in tokens {
            if token.kind != TokenKind::Word {
                continue;
            }
            let Span { start, end } = token.span;
            let Some(&[first, ..]) = bytes.get(start..end) else {
                continue;
            };
            if first.is_ascii() && !first.is_ascii_lowercase() {
                continue;
            }
            let bit = Self::filter_bit(bytes, start, end);
            if filter[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let word = token.text(text);
            if !starts_lower_case(word) {
                continue;
            }
            let owner = self.owner.get(bit).copied().unwrap_or(Self::SHARED);
            let position = match owner {
                Self::SHARED => self.index.get(word).copied(),
                alone => (alone as usize)
                    .checked_sub(1)
                    .filter(|&number| self.words.get(number).is_some_and(|w| w == word)),
            };
            if let Some(position) = position
                && let Some(flag) = found.get_mut(position)
            {
                *flag = true;
                if owner != Self::SHARED {
                    filter[bit / 64] &= !(1 << (bit % 64));
                }
            }
        }
    }

    /// The vocabulary of the asked words marked in `marks`.
    pub fn vocabulary(&self, marks: &LowercaseMarks) -> CorpusVocabulary<'_> {
        CorpusVocabulary {
            lowercase_words: self
                .words
                .iter()
                .zip(&marks.found)
                .filter(|(_, found)| **found)
                .map(|(word, _)| word.as_str())
                .collect(),
        }
    }
}

/// Which of the [`AskedWords`] some tokens write in lower case, as [`AskedWords::mark_lowercase_words`]
/// marks them: kept from one call to the next, so a word found once is turned away on its filter bit
/// (when it is alone in it) from then on.
#[derive(Debug, Clone)]
pub struct LowercaseMarks {
    /// One flag per asked word.
    found: Vec<bool>,
    /// The asked words' filter less the bits of the words found alone in theirs.
    filter: Box<[u64; AskedWords::FILTER_WORDS]>,
}

impl LowercaseMarks {
    /// The marks of both: a word either found is found.
    pub fn merge(mut self, other: LowercaseMarks) -> LowercaseMarks {
        for (mine, theirs) in self.found.iter_mut().zip(&other.found) {
            *mine |= theirs;
        }
        for (mine, theirs) in self.filter.iter_mut().zip(other.filter.iter()) {
            *mine &= theirs;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention::MentionFinder;

    /// The embedded list reads whole: as many words as its header says, in the source's casing.
    #[test]
    fn the_embedded_english_vocabulary_reads_whole() {
        let vocabulary = EnglishVocabulary::parse(ENGLISH_VOCABULARY).expect("the list reads");
        assert_eq!(vocabulary.len(), 13_057);
        assert_eq!(EnglishVocabulary::embedded().len(), 13_057);
    }

    #[test]
    fn english_vocabulary_tells_common_words() {
        let vocabulary = EnglishVocabulary::parse(
            "# a comment\nnation\t50\t40\nlet\t30\t0\ncongress\t5\t400\nwestern\t20\t30\n\
             president\t4\t90\nrare\t2\t0\ni'd\t3\t0\n",
        )
        .expect("reads");
        // (word, common at a sentence start, common inside a sentence)
        let cases = [
            ("Nation", true, true),
            ("NATION", true, true),
            ("Let", true, true),
            ("Congress", false, false),
            ("Western", true, false),
            ("President", false, false),
            ("Presidents", false, true),
            ("Nations", false, true),
            ("Rare", false, false),
            ("I’d", true, false),
            ("Zanzibar", false, false),
        ];
        // (word, written in lower case often)
        for (word, often) in [
            ("Nation", true),
            ("Congress", false),
            ("Western", true),
            ("Rare", false),
        ] {
            assert_eq!(vocabulary.is_often_lower(word), often, "{word}");
        }
        for (word, at_start, inside) in cases {
            assert_eq!(
                vocabulary.is_common_at_start(word),
                at_start,
                "{word} at start"
            );
            assert_eq!(vocabulary.is_common_inside(word), inside, "{word} inside");
        }
        for bad in ["word\t1\n", "word\tone\t2\n", "word\t1\t2\t3\n"] {
            assert!(EnglishVocabulary::parse(bad).is_err(), "{bad:?}");
        }
    }

    /// The vocabulary kept to the asked words finds the same mentions as the whole vocabulary.
    #[test]
    fn the_asked_vocabulary_finds_what_the_whole_one_does() {
        use crate::text::{segment_sentences, tokenize};
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let mut documents: Vec<String> =
            crate::text::load_documents(&[std::path::PathBuf::from("data")])
                .expect("data/ loads")
                .into_iter()
                .map(|d| d.text)
                .collect();
        documents.push(
            "Forces of the army met. The Army and the Council of Representatives met. forces \
             army council. Efforts of Iraq failed. efforts were made. This Chamber agreed. chamber"
                .to_string(),
        );
        let sentences: Vec<(usize, Vec<Token>)> = documents
            .iter()
            .enumerate()
            .flat_map(|(d, text)| {
                segment_sentences(text)
                    .into_iter()
                    .map(move |s| (d, tokenize(text, s.span)))
            })
            .collect();
        let mut whole = CorpusVocabulary::default();
        let mut asked = HashSet::default();
        for (d, tokens) in &sentences {
            whole.add_tokens(&documents[*d], tokens);
            CorpusVocabulary::asked_keys(&documents[*d], tokens, &lexicon, &mut asked);
        }
        let asked = AskedWords::new(
            asked
                .into_iter()
                .chain(lexicon.head_noun_keys().map(str::to_string)),
        );
        let mut marks = asked.marks();
        for (d, tokens) in &sentences {
            asked.mark_lowercase_words(&documents[*d], tokens.iter().copied(), &mut marks);
        }
        let kept = asked.vocabulary(&marks);
        assert!(kept.lowercase_words.len() < whole.lowercase_words.len());
        // Marked in pieces (as on several threads) and merged, in either order: the same words.
        for split in [1, sentences.len() / 3, sentences.len() - 1] {
            let (first, second) = sentences.split_at(split);
            let mark = |part: &[(usize, Vec<Token>)]| {
                let mut marks = asked.marks();
                for (d, tokens) in part {
                    asked.mark_lowercase_words(&documents[*d], tokens.iter().copied(), &mut marks);
                }
                marks
            };
            for merged in [
                mark(first).merge(mark(second)),
                mark(second).merge(mark(first)),
            ] {
                assert_eq!(
                    asked.vocabulary(&merged).lowercase_words,
                    kept.lowercase_words
                );
            }
        }
        let (mut with_kept, mut with_whole) = (
            MentionFinder::new(&lexicon, &kept),
            MentionFinder::new(&lexicon, &whole),
        );
        let (mut found_kept, mut found_whole) = (Vec::new(), Vec::new());
        for (d, tokens) in &sentences {
            let text = &documents[*d];
            with_kept.find(text, tokens, &mut found_kept);
            with_whole.find(text, tokens, &mut found_whole);
            assert_eq!(found_kept, found_whole);
        }
    }
}
