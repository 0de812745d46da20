//! Finding entity mentions in one sentence.
//!
//! Four sources, tried left to right at each token:
//!
//! 1. **Titles before names**: `[modifier] [country] TITLE Name…` ("Iraqi Prime Minister Haider al-Abadi",
//!    "Dr. Rasheed"). The name is a person; the title travels with the mention so a relation rule can
//!    read "leads" from it.
//! 2. **Capitalised phrases**: runs of capitalised words with the connectors that occur inside names
//!    ("Council of Representatives", "Asa'ib Ahl al-Haq", "Federal Reserve Bank of New York"); "and" joins
//!    only when the phrase then ends in a head noun ("Belt and Road Initiative"). A phrase followed by a
//!    place noun takes it ("Ahdab oil field").
//! 3. **Lexicon matches**: the longest run of tokens that names a lexicon entity. A capitalised phrase
//!    that starts at the same token wins when it is longer and ends in a head noun ("Iraqi Communist
//!    Party", "US Congress").
//! 4. **Acronym definitions**: "Popular Mobilization Forces (PMF)": the acronym becomes an alias of the
//!    phrase before it when its letters match the phrase's initials.
//!
//! A demonym before a lower-case "army", "navy" or "air force" names that national force ("the Iraqi
//! army"). Hyphenated compounds of known names ("US-China", "Iran-backed", "Sino-Iraqi") give a mention for each
//! known part. Sentence-initial function words never start a name, and a sentence-initial word that the
//! corpus also uses in lower case is a common word.

use super::lexicon::{Lexicon, SurfaceRole, WordBuildHasher, lowercases_to, with_lowercase};
use crate::model::{EntityKind, Span};
use crate::text::token::compound_parts;
use crate::text::{Token, TokenKind};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

/// Where a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionSource {
    /// A lexicon entity (index into the lexicon's entities), and how the surface names it.
    Lexicon { entity: usize, role: SurfaceRole },
    /// A capitalised phrase.
    Phrase,
    /// An acronym defined in parentheses after the phrase of mention `defines` (an index into the same
    /// sentence's mentions).
    AcronymDefinition { defines: usize },
}

/// A mention found in a sentence, before alias resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundMention {
    /// Byte span of the surface form in the document.
    pub span: Span,
    /// Token range `[first, last)` in the sentence's tokens (a compound part has its compound's token).
    pub tokens: (usize, usize),
    pub source: MentionSource,
    /// The kind the mention's own words suggest, if any.
    pub kind: Option<EntityKind>,
    /// The title before a person's name ("Prime Minister"), and the token range of the country or
    /// demonym attached to it ("Iraqi"), if any. Boxed: few mentions have one, and a mention is kept
    /// for every name in the corpus until aliases are resolved.
    pub title: Option<Box<TitleInfo>>,
    /// A single word at the very start of the sentence: weak evidence of a name.
    pub sentence_initial: bool,
    /// Countries named inside a phrase, as lexicon entity indices: "China" in "China National Petroleum
    /// Corporation", "Iraq" in "Central Bank of Iraq".
    pub contains: Vec<usize>,
}

/// The title in front of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleInfo {
    /// The title as written, lower-cased: "prime minister".
    pub title: String,
    /// The holder leads what the title is attached to.
    pub leads: bool,
    /// The index (in the sentence's mentions) of the country the title is attached to ("Iraqi").
    pub of_mention: Option<usize>,
}

/// Lower-case words that may sit inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "the", "and", "de", "del", "da", "di", "du", "van", "von", "der", "bin",
    "ibn", "bint",
];

/// Prepositions of place: a capital after one is the city ("in Baghdad"); elsewhere it stands for the
/// government ("Baghdad agreed").
const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "via", "through", "around", "outside", "inside",
    "across", "within", "toward", "towards",
];

/// Words that may precede a title without being part of a name: "Acting U.S. Ambassador".
const TITLE_MODIFIERS: &[&str] = &[
    "acting", "former", "deputy", "interim", "then", "late", "current", "incoming", "outgoing",
    "vice", "senior",
];

/// By length in bytes (up to the longest modifier): one bit per letter `a`..`z` that starts a title
/// modifier of that length.
const MODIFIER_FIRST_LETTERS: [u32; 9] = {
    let mut letters = [0u32; 9];
    let mut index = 0;
    while index < TITLE_MODIFIERS.len() {
        let modifier = TITLE_MODIFIERS[index].as_bytes();
        letters[modifier.len()] |= 1 << (modifier[0] - b'a');
        index += 1;
    }
    letters
};

/// Whether `text` has a hyphen or dash that [`compound_parts`] splits at anywhere: a sentence without
/// one has no hyphenated word.
fn has_dash(text: &str) -> bool {
    // '–' is E2 80 93 in UTF-8.
    // One pass over the text for either byte: asked of every sentence.
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'-', 0xE2, bytes)
        .any(|at| bytes.get(at) == Some(&b'-') || bytes.get(at + 1..at + 3) == Some(&[0x80, 0x93]))
}

/// Has a hyphen or dash that [`compound_parts`] splits at; without one a word has one part.
fn is_hyphenated(word: &str) -> bool {
    // '–' is E2 80 93 in UTF-8: look for it only in a word with such a lead byte.
    word.bytes().any(|b| b == b'-' || b == 0xE2) && word.contains(['-', '–'])
}

/// One of [`TITLE_MODIFIERS`], ignoring case (`word.to_lowercase()` is one); without allocating, as
/// this is asked of every word.
#[inline(always)]
fn is_title_modifier(word: &str) -> bool {
    // Only ASCII letters and the Kelvin sign lower-case to ASCII letters (the sign to "k", in no
    // modifier), so a word with any other character lower-cases to no modifier: a modifier is a word
    // of the same bytes but for ASCII case. That turns away every word of another length (four to
    // eight letters) or first letter without comparing it.
    let bytes = word.as_bytes();
    let Some(first) = bytes.first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    (4..=8).contains(&bytes.len())
        && first.is_ascii_lowercase()
        && MODIFIER_FIRST_LETTERS[bytes.len()] & (1 << (first - b'a')) != 0
        && TITLE_MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(word))
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
    /// the sentence (past opening punctuation), lower-cased as it is asked, when it is a capitalised
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
        if let Some(token) = tokens.get(first)
            && token.kind == TokenKind::Word
        {
            let word = token.text(text);
            if !is_capitalised(word) || lexicon.is_function_word(word) || is_acronym(word) {
                return;
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
    fn is_common_word(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.lowercase_words.contains(lower))
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

/// A word the corpus writes in lower case: its first letter is lower case (checked on the byte when ASCII).
fn starts_lower_case(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(byte) if byte.is_ascii() => byte.is_ascii_lowercase(),
        _ => word.starts_with(|c: char| c.is_lowercase()),
    }
}

fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

/// An acronym: at least two letters, starting upper case, with at least as many upper-case letters as
/// lower-case ones ("PMF", "CoR", "U.S.").
fn is_acronym(word: &str) -> bool {
    if word.is_ascii() {
        // Asked of most capitalised words: one pass over the bytes.
        let bytes = word.as_bytes();
        if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        let (mut upper, mut lower) = (0usize, 0usize);
        for byte in bytes {
            upper += usize::from(byte.is_ascii_uppercase());
            lower += usize::from(byte.is_ascii_lowercase());
        }
        return upper >= 2 && upper >= lower;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    is_capitalised(word) && upper >= 2 && upper >= lower
}

/// "al-Haq", "el-Sisi": a lower-case Arabic article glued to a capitalised name.
fn is_name_particle(word: &str) -> bool {
    // Every article has two or three letters: asked of many words, most without that hyphen.
    let bytes = word.as_bytes();
    if bytes.get(2) != Some(&b'-') && bytes.get(3) != Some(&b'-') {
        return false;
    }
    let Some((prefix, rest)) = word.split_once('-') else {
        return false;
    };
    ["al", "el", "ad", "as", "ash", "at", "az", "ar", "an"].contains(&prefix)
        && is_capitalised(rest)
}

/// Finds the mentions in one sentence.
///
/// # Arguments
/// * `text`: the document; `tokens`: the sentence's tokens (spans into `text`), in text order.
/// * `vocabulary`: the corpus's lower-case words, to tell a sentence-initial common word from a name.
pub fn find_mentions(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    vocabulary: &CorpusVocabulary<'_>,
) -> Vec<FoundMention> {
    let mut mentions = Vec::new();
    find_mentions_into(
        text,
        tokens,
        lexicon,
        vocabulary,
        &mut MentionBuffers::default(),
        &mut mentions,
    );
    mentions
}

/// What finding a sentence's mentions needs room for, kept from one sentence of a document to the next
/// so that a sentence costs no allocation of its own.
#[derive(Debug, Default)]
pub struct MentionBuffers<'t> {
    /// The text of each token of the sentence.
    words: Vec<&'t str>,
    /// See [`Finder::scratch`].
    scratch: String,
}

/// [`find_mentions`], into `mentions` (cleared first: a mention refers to others by their index in
/// it), with room kept in `buffers`.
pub fn find_mentions_into<'t>(
    text: &'t str,
    tokens: &[Token],
    lexicon: &Lexicon,
    vocabulary: &CorpusVocabulary<'_>,
    buffers: &mut MentionBuffers<'t>,
    mentions: &mut Vec<FoundMention>,
) {
    mentions.clear();
    let MentionBuffers { words, scratch } = buffers;
    words.clear();
    words.extend(tokens.iter().map(|t| t.text(text)));
    // The text the tokens cover (they are in text order), for a look for dashes in one go (taken to
    // have some when the tokens cover no text).
    let covered = match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => text.get(first.span.start..last.span.end),
        _ => None,
    };
    let finder = Finder {
        text,
        tokens,
        lexicon,
        vocabulary,
        dashes: covered.is_none_or(has_dash),
        words,
        scratch: RefCell::new(std::mem::take(scratch)),
        last_match: Cell::new(None),
    };
    finder.run(mentions);
    *scratch = finder.scratch.into_inner();
}

struct Finder<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lexicon: &'a Lexicon,
    vocabulary: &'a CorpusVocabulary<'a>,
    /// Some token may be hyphenated: the text of the tokens has a hyphen or dash.
    dashes: bool,
    /// The text of each token, sliced once: the finder asks for each many times.
    words: &'a [&'a str],
    /// A buffer for the runs of words a longest match looks up, kept for the sentence so each lookup
    /// does not allocate.
    scratch: RefCell<String>,
    /// The last longest match asked for, by its start: the title, name and country steps ask for the
    /// match at the same word one after another.
    last_match: Cell<Option<(usize, Option<LexiconMatch>)>>,
}

/// A longest lexicon match: (end, entity, role).
type LexiconMatch = (usize, usize, SurfaceRole);

impl<'a> Finder<'a> {
    /// [`is_hyphenated`], at once for a sentence without dashes.
    fn is_hyphenated(&self, word: &str) -> bool {
        self.dashes && is_hyphenated(word)
    }

    fn word(&self, index: usize) -> &'a str {
        self.words.get(index).copied().unwrap_or("")
    }

    fn kind(&self, index: usize) -> Option<TokenKind> {
        self.tokens.get(index).map(|t| t.kind)
    }

    fn is_word(&self, index: usize) -> bool {
        self.kind(index) == Some(TokenKind::Word)
    }

    fn span(&self, first: usize, last: usize) -> Span {
        match (
            self.tokens.get(first),
            last.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        }
    }

    /// The first token of the sentence proper, past opening quotes and brackets.
    fn first_word_index(&self) -> usize {
        self.tokens
            .iter()
            .position(|t| t.kind != TokenKind::Punct)
            .unwrap_or(0)
    }

    fn run(&self, mentions: &mut Vec<FoundMention>) {
        let first_word = self.first_word_index();
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.is_word(i) {
                i += 1;
                continue;
            }
            let word = self.word(i);
            // Most words are plain lower-case words that every step below passes over: a word that
            // starts in lower case is not capitalised; if it is no title modifier and starts no
            // surface form, `title_construct` finds nothing; if no "of", "in" or "on" follows, neither
            // does `event_phrase`; and without a hyphen nothing else reads it.
            if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                && !is_title_modifier(word)
                && !self.lexicon.may_start_surface(word)
                && !matches!(self.word(i + 1), "of" | "in" | "on")
                && !self.is_hyphenated(word)
            {
                i += 1;
                continue;
            }
            let at_start = i == first_word;
            if let Some(next) = self.title_construct(i, mentions) {
                i = next;
                continue;
            }
            if let Some(next) = self.event_phrase(i, mentions) {
                i = next;
                continue;
            }
            if !is_capitalised(word) {
                // Both read hyphenated words only; most words are not.
                if self.is_hyphenated(word) {
                    if let Some(next) = self.prefixed_name(i, mentions) {
                        i = next;
                        continue;
                    }
                    if let Some(next) = self.compound_parts_mentions(i, mentions) {
                        i = next;
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            // The closed lists' word on this word, looked up once.
            let facts = self.lexicon.word_facts(word);
            // "The", "However", or, at a sentence start, "Efforts of Iraq": the word starts no name.
            let common = facts.function || (at_start && self.starts_with_common_word(i));
            if common && self.lexicon.lookup(word).is_none() {
                i += 1;
                continue;
            }
            // "Arab" alone names no actor, but "the Arab League" does: a phrase it starts that ends in
            // a head noun.
            let non_actor_heads_phrase = facts.non_actor && {
                let end = self.phrase_end(i);
                end > i + 1 && self.lexicon.head_noun(self.word(end - 1)).is_some()
            };
            if facts.calendar || (facts.non_actor && !non_actor_heads_phrase) {
                i += 1;
                continue;
            }
            if let Some(next) = self.modifier_compound(i, mentions) {
                // "Western-led", "Russian-made": a name used as the first part of a modifier.
                i = next;
                continue;
            }
            let lexicon_match = self.lexicon_match(i);
            let phrase_end = self.phrase_end(i);
            let phrase_wins = match lexicon_match {
                None => true,
                Some((end, _, _)) => {
                    phrase_end > end
                        && (end..phrase_end).any(|t| self.lexicon.head_noun(self.word(t)).is_some())
                }
            };
            if !phrase_wins && let Some((end, entity, role)) = lexicon_match {
                if let Some(event_end) = self.event_noun_end(end) {
                    // "Kuwait crisis", "US invasion": the event, not the country.
                    mentions.push(FoundMention {
                        span: self.span(i, event_end),
                        tokens: (i, event_end),
                        source: MentionSource::Phrase,
                        kind: Some(EntityKind::Event),
                        title: None,
                        sentence_initial: false,
                        contains: vec![entity],
                    });
                    i = event_end;
                    continue;
                }
                if let Some(army_end) = self
                    .national_force_end(end)
                    .filter(|_| role == SurfaceRole::Demonym)
                {
                    // "the Iraqi army", "the Turkish navy": the national force, an institution of
                    // its own rather than the state.
                    mentions.push(FoundMention {
                        span: self.span(i, army_end),
                        tokens: (i, army_end),
                        source: MentionSource::Phrase,
                        kind: Some(EntityKind::ArmedGroup),
                        title: None,
                        sentence_initial: false,
                        contains: Vec::new(),
                    });
                    i = army_end;
                    continue;
                }
                if role == SurfaceRole::Capital && self.after_locative_preposition(i) {
                    // "the Central Bank of Iraq in Baghdad": the city, a place in its country.
                    mentions.push(FoundMention {
                        span: self.span(i, end),
                        tokens: (i, end),
                        source: MentionSource::Phrase,
                        kind: Some(EntityKind::Place),
                        title: None,
                        sentence_initial: false,
                        contains: vec![entity],
                    });
                    i = end;
                    continue;
                }
                mentions.push(FoundMention {
                    span: self.span(i, end),
                    tokens: (i, end),
                    source: MentionSource::Lexicon { entity, role },
                    kind: self.lexicon.entity(entity).map(|e| e.kind),
                    title: None,
                    sentence_initial: false,
                    contains: Vec::new(),
                });
                i = end;
                continue;
            }
            if phrase_end == i + 1
                && self.word(i).contains('-')
                && let Some(next) = self.compound_parts_mentions(i, mentions)
            {
                i = next;
                continue;
            }
            let mut end = phrase_end;
            let mut kind = self.phrase_kind(i, end);
            if let Some(with_place) = self.place_noun_end(end) {
                end = with_place;
                kind = Some(EntityKind::Place);
            } else if let Some(with_event) = self.event_noun_end(end) {
                end = with_event;
                kind = Some(EntityKind::Event);
            }
            let single = end == i + 1;
            // "this Chamber", "the new Government": a head noun alone that the corpus also writes in
            // lower case is the common noun, not a name.
            let generic_head = facts.head_noun.is_some()
                && !is_acronym(word)
                && self.vocabulary.is_common_word(word);
            if single
                && (generic_head
                    || facts.function
                    || word.chars().count() < 2
                    || word.chars().any(|c| c.is_ascii_digit()))
            {
                i += 1;
                continue;
            }
            let index = mentions.len();
            mentions.push(FoundMention {
                span: self.span(i, end),
                tokens: (i, end),
                source: MentionSource::Phrase,
                kind: kind.or_else(|| is_acronym(word).then_some(EntityKind::Organization)),
                title: None,
                sentence_initial: at_start && single,
                contains: self.countries_inside(i, end),
            });
            i = end;
            if let Some(next) = self.acronym_definition(index, mentions) {
                i = next;
            }
        }
    }

    /// At a sentence start, a capitalised word the corpus also writes in lower case is a common word
    /// ("Efforts of Iraq"), unless it is an acronym.
    fn starts_with_common_word(&self, index: usize) -> bool {
        let word = self.word(index);
        !is_acronym(word) && self.vocabulary.is_common_word(word)
    }

    /// The longest lexicon match starting at `start`: (end, entity, role).
    ///
    /// Asked at nearly every word, so it builds the run of words in a buffer kept for the sentence and
    /// asks the lexicon once per run. A run of printable ASCII words joined by spaces is already in the
    /// lexicon's normal form; any other word (a curly apostrophe, an accent) takes the general way.
    #[inline(always)]
    fn lexicon_match(&self, start: usize) -> Option<(usize, usize, SurfaceRole)> {
        // Asked of nearly every word, and most start no surface form: say so at once. A run starting
        // with a printable ASCII byte starts with that byte normalised too.
        let first = self.word(start);
        if let Some(&byte) = first.as_bytes().first()
            && byte.is_ascii_graphic()
            && !self.lexicon.may_start_surface(first)
        {
            return None;
        }
        if let Some((asked, found)) = self.last_match.get()
            && asked == start
        {
            return found;
        }
        let found = self.lexicon_match_runs(start);
        self.last_match.set(Some((start, found)));
        found
    }

    /// [`Finder::lexicon_match`] past its first test.
    fn lexicon_match_runs(&self, start: usize) -> Option<(usize, usize, SurfaceRole)> {
        // The first run looked up is the first word alone, and the first word of every surface form
        // is a run: a word of printable ASCII that the lexicon says is none starts no match.
        let first = self.word(start);
        if matches!(self.kind(start), Some(TokenKind::Word | TokenKind::Number))
            && !first.is_empty()
            && first.bytes().all(|b| b.is_ascii_graphic())
            && !self.lexicon.may_be_surface_run(first)
        {
            return None;
        }
        let longest = self.lexicon.max_surface_words();
        let mut best = None;
        let Ok(mut surface) = self.scratch.try_borrow_mut() else {
            return self.lexicon_match_normalizing(start);
        };
        surface.clear();
        surface.reserve(64);
        for end in start + 1..=(start + longest).min(self.tokens.len()) {
            if !matches!(
                self.kind(end - 1),
                Some(TokenKind::Word | TokenKind::Number)
            ) {
                break;
            }
            let word = self.word(end - 1);
            if word.is_empty() || !word.bytes().all(|b| b.is_ascii_graphic()) {
                drop(surface);
                return self.lexicon_match_normalizing(start);
            }
            if end > start + 1 {
                surface.push(' ');
            }
            surface.push_str(word);
            let Some(run) = self.lexicon.surface_run(&surface) else {
                break;
            };
            if let Some((entity, role)) = run.names {
                best = Some((end, entity, role));
            }
            if !run.continues {
                break;
            }
        }
        best
    }

    /// [`Finder::lexicon_match`] for any words: each run normalised as the lexicon's keys are.
    fn lexicon_match_normalizing(&self, start: usize) -> Option<(usize, usize, SurfaceRole)> {
        let longest = self.lexicon.max_surface_words();
        let mut best = None;
        let mut surface = String::new();
        for end in start + 1..=(start + longest).min(self.tokens.len()) {
            if !matches!(
                self.kind(end - 1),
                Some(TokenKind::Word | TokenKind::Number)
            ) {
                break;
            }
            if end > start + 1 {
                surface.push(' ');
            }
            surface.push_str(self.word(end - 1));
            if let Some((entity, role)) = self.lexicon.lookup(&surface) {
                best = Some((end, entity, role));
            }
            if !self.lexicon.is_surface_prefix(&surface) {
                break;
            }
        }
        best
    }

    /// Where a capitalised phrase starting at `start` ends (exclusive).
    fn phrase_end(&self, start: usize) -> usize {
        let mut end = start + 1;
        // "and" inside a name is kept only if the phrase then ends in a head noun.
        let mut last_good = end;
        let mut pending_and = false;
        loop {
            let word = self.word(end);
            // "Joe D. Hagan": an initial and its full stop.
            if word.chars().count() == 1
                && is_capitalised(word)
                && self.word(end + 1) == "."
                && self.is_word(end + 2)
                && is_capitalised(self.word(end + 2))
            {
                end += 2;
                continue;
            }
            if self.is_word(end) && (is_capitalised(word) || is_name_particle(word)) {
                if self.lexicon.title(word).is_some() && is_capitalised(self.word(end + 1)) {
                    // "… Prime Minister Haider al-Abadi": the title starts a new name.
                    break;
                }
                if self.lexicon.is_calendar_word(word) {
                    break;
                }
                end += 1;
                if !pending_and || self.lexicon.head_noun(self.word(end - 1)).is_some() {
                    last_good = end;
                    pending_and = false;
                }
                continue;
            }
            if self.kind(end) == Some(TokenKind::Number)
                && self.lexicon.head_noun(self.word(end - 1)).is_some()
                && !pending_and
            {
                // "Resolution 986"
                end += 1;
                last_good = end;
                break;
            }
            // Connectors are lower-case words, so a word is one only as written ("word ==
            // word.to_lowercase()"): no need to lower-case it.
            let previous = self.word(end - 1);
            // "the" only after another connector ("Organization of the ..."); nothing after a person's
            // name particle ("Abu Baqir al-Saadi of Kataib Hezbollah" is two names).
            // "and" never follows a complete name ("the Army and the Navy").
            let connector_allowed = || match word {
                "the" => ["of", "for", "on"].contains(&previous),
                "and" => self.lexicon.head_noun(previous).is_none() && self.word(end + 1) != "the",
                _ => !is_name_particle(previous),
            };
            if self.is_word(end)
                && CONNECTORS.contains(&word)
                && connector_allowed()
                && self.connector_continues(end)
            {
                if word == "and" {
                    if pending_and {
                        break;
                    }
                    pending_and = true;
                }
                end += 1;
                continue;
            }
            break;
        }
        last_good
    }

    /// A connector continues a phrase when a capitalised word follows (after "the" if any).
    fn connector_continues(&self, index: usize) -> bool {
        let mut next = index + 1;
        if self.word(next) == "the" {
            next += 1;
        }
        let word = self.word(next);
        self.is_word(next)
            && is_capitalised(word)
            && !self.lexicon.is_function_word(word)
            && self.lexicon.title(word).is_none()
    }

    /// The kind the head noun of a phrase gives it ("Corporation": Organization), if any.
    ///
    /// English names put the head last ("Coalition Provisional Authority") or before their first "of"
    /// or "for" ("Federal Reserve Bank of New York", "Development Fund for Iraq").
    fn phrase_kind(&self, start: usize, end: usize) -> Option<EntityKind> {
        let mut last = end.checked_sub(1).filter(|&l| l >= start)?;
        // "Resolution 986": the head is before the number.
        if self.kind(last) == Some(TokenKind::Number) && last > start {
            last -= 1;
        }
        self.lexicon.head_noun(self.word(last)).or_else(|| {
            let connector = (start + 1..end).find(|&i| matches!(self.word(i), "of" | "for"))?;
            self.lexicon.head_noun(self.word(connector - 1))
        })
    }

    /// "army", "navy", "air force" in lower case after a demonym: where the national force's name ends.
    fn national_force_end(&self, end: usize) -> Option<usize> {
        match self.word(end) {
            "army" | "navy" => Some(end + 1),
            "air" if self.word(end + 1) == "force" => Some(end + 2),
            _ => None,
        }
    }

    /// "Ahdab oil field", "Kirkuk-Ceyhan pipeline": a place noun right after a phrase.
    fn place_noun_end(&self, end: usize) -> Option<usize> {
        let one = self.word(end);
        if self.is_word(end + 1) {
            let mut owned = String::new();
            let mut scratch = self.scratch.try_borrow_mut();
            let two = match &mut scratch {
                Ok(scratch) => {
                    scratch.clear();
                    &mut **scratch
                }
                Err(_) => &mut owned,
            };
            two.push_str(one);
            two.push(' ');
            two.push_str(self.word(end + 1));
            if self.lexicon.is_place_noun(two) {
                return Some(end + 2);
            }
        }
        (self.is_word(end)
            && one.chars().all(|c| !c.is_uppercase())
            && self.lexicon.is_place_noun(one))
        .then_some(end + 1)
    }

    /// `[modifier]* [country or demonym] TITLE Name…`. Pushes the country mention (if any) and the
    /// person, and returns the token after the name. Also handles a title with no name after it when a
    /// country precedes it ("the Acting U.S. Ambassador to Iraq"): then only the country is pushed.
    fn title_construct(&self, start: usize, mentions: &mut Vec<FoundMention>) -> Option<usize> {
        let mut i = start;
        while is_title_modifier(self.word(i)) && self.is_word(i) {
            i += 1;
        }
        let country = self.lexicon_match(i).filter(|(_, entity, _)| {
            self.lexicon.entity(*entity).is_some_and(|e| {
                e.kind == EntityKind::Country || e.kind == EntityKind::Organization
            })
        });
        let title_start = country.map_or(i, |(end, _, _)| end);
        if !is_capitalised(self.word(title_start)) {
            return None;
        }
        let may_start_title = self.lexicon.may_start_title(self.word(title_start));
        let (title_end, title, plural) = match self.title_at(title_start, may_start_title) {
            Some((end, title)) => (end, title, false),
            None => {
                let (end, title) = self.plural_title_at(title_start, may_start_title)?;
                (end, title, true)
            }
        };
        let name_end = self.person_name_end(title_end);
        if country.is_none() && name_end == title_end {
            return None;
        }
        let country_index = country.map(|(end, entity, role)| {
            mentions.push(FoundMention {
                span: self.span(i, end),
                tokens: (i, end),
                source: MentionSource::Lexicon { entity, role },
                kind: self.lexicon.entity(entity).map(|e| e.kind),
                title: None,
                sentence_initial: false,
                contains: Vec::new(),
            });
            mentions.len() - 1
        });
        if name_end > title_end {
            mentions.push(FoundMention {
                span: self.span(title_end, name_end),
                tokens: (title_end, name_end),
                source: MentionSource::Phrase,
                kind: Some(EntityKind::Person),
                title: Some(Box::new(TitleInfo {
                    title: title.phrase.to_lowercase(),
                    leads: title.leads,
                    of_mention: country_index,
                })),
                sentence_initial: false,
                contains: Vec::new(),
            });
        }
        if !plural || name_end == title_end {
            return Some(name_end);
        }
        // "Presidents Gorbachev, Mitterrand, and Mubarak": every name of the list holds the title.
        let mut end = name_end;
        loop {
            let mut next = end;
            while matches!(self.word(next), "," | "and") {
                next += 1;
            }
            let next_end = self.person_name_end(next);
            if next == end || next_end == next {
                break;
            }
            mentions.push(FoundMention {
                span: self.span(next, next_end),
                tokens: (next, next_end),
                source: MentionSource::Phrase,
                kind: Some(EntityKind::Person),
                title: Some(Box::new(TitleInfo {
                    title: title.phrase.to_lowercase(),
                    leads: title.leads,
                    of_mention: country_index,
                })),
                sentence_initial: false,
                contains: Vec::new(),
            });
            end = next_end;
        }
        Some(end)
    }

    /// A plural title ("Presidents", "Prime Ministers") before a list of names: the singular's title.
    /// `first_may_start` is [`Lexicon::may_start_title`] of the first word: when false, only a one-word
    /// phrase (its singular) can be a title.
    fn plural_title_at(
        &self,
        start: usize,
        first_may_start: bool,
    ) -> Option<(usize, &super::lexicon::Title)> {
        // Without `first_may_start`, only a one-word plural can be one: asked of most capitalised
        // words, which do not end in "s".
        if !first_may_start && !self.word(start).ends_with('s') {
            return None;
        }
        for end in start + 1..=(start + 3).min(self.tokens.len()) {
            let word = self.word(end - 1);
            if !self.is_word(end - 1) {
                return None;
            }
            // The words before the last, then the last one's singular.
            if let Some(singular) = word.strip_suffix('s')
                && (if end == start + 1 {
                    self.lexicon.may_start_title(singular)
                } else {
                    first_may_start
                })
            {
                let mut phrase = String::new();
                for before in start..end - 1 {
                    phrase.push_str(self.word(before));
                    phrase.push(' ');
                }
                phrase.push_str(singular);
                if let Some(title) = self.lexicon.title(&phrase)
                    && is_capitalised(self.word(end))
                {
                    return Some((end, title));
                }
            }
        }
        None
    }

    /// The longest title starting at `start` (titles have up to four words).
    /// `may_start` is [`Lexicon::may_start_title`] of the first word.
    fn title_at(&self, start: usize, may_start: bool) -> Option<(usize, &super::lexicon::Title)> {
        if !may_start {
            return None;
        }
        let mut best = None;
        let mut owned = String::new();
        let mut scratch = self.scratch.try_borrow_mut();
        let phrase = match &mut scratch {
            Ok(scratch) => {
                scratch.clear();
                scratch.reserve(64);
                &mut **scratch
            }
            Err(_) => &mut owned,
        };
        for end in start + 1..=(start + 4).min(self.tokens.len()) {
            let word = self.word(end - 1);
            if self.kind(end - 1) == Some(TokenKind::Punct) && word == "." {
                phrase.push('.');
            } else {
                if end > start + 1 {
                    phrase.push(' ');
                }
                phrase.push_str(word);
            }
            if let Some(title) = self.lexicon.title(phrase) {
                best = Some((end, title));
            }
        }
        best
    }

    /// The end of a person's name starting at `start`: capitalised words and name particles.
    fn person_name_end(&self, start: usize) -> usize {
        let mut end = start;
        while self.is_word(end) {
            let word = self.word(end);
            let particle = ["bin", "ibn", "bint", "de", "van", "von"].contains(&word);
            let name_word = (is_capitalised(word) && !self.lexicon.is_function_word(word))
                || is_name_particle(word);
            if name_word || (particle && is_capitalised(self.word(end + 1))) {
                end += 1;
            } else {
                break;
            }
        }
        end
    }

    /// Mentions for the known parts of a hyphenated compound: "US-China", "Iran-backed", "pro-US". A
    /// compound of unknown capitalised parts ("Kirkuk-Ceyhan") is left to the phrase finder.
    fn compound_parts_mentions(
        &self,
        index: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
        if !self.is_hyphenated(self.word(index)) {
            // One part only: no compound (and no allocation, for nearly every lower-case word).
            return None;
        }
        let token = self.tokens.get(index)?;
        let parts = compound_parts(self.text, token.span);
        if parts.len() < 2 {
            return None;
        }
        let known: Vec<(Span, usize, SurfaceRole)> = parts
            .iter()
            .filter_map(|part| {
                let (entity, role) = self.lexicon.lookup(part.slice(self.text))?;
                Some((*part, entity, role))
            })
            .collect();
        if known.is_empty() {
            return None;
        }
        for (span, entity, role) in known {
            mentions.push(FoundMention {
                span,
                tokens: (index, index + 1),
                source: MentionSource::Lexicon { entity, role },
                kind: self.lexicon.entity(entity).map(|e| e.kind),
                title: None,
                sentence_initial: false,
                contains: Vec::new(),
            });
        }
        Some(index + 1)
    }

    /// A capitalised compound whose last part is lower case ("Iran-backed", "Western-led"): mentions for
    /// its known parts, or one phrase for the capitalised part before the modifier.
    fn modifier_compound(&self, index: usize, mentions: &mut Vec<FoundMention>) -> Option<usize> {
        if !self.is_hyphenated(self.word(index)) {
            // One part only: no compound.
            return None;
        }
        let token = self.tokens.get(index)?;
        let parts = compound_parts(self.text, token.span);
        let last = parts.last()?;
        let modifier = last.slice(self.text);
        if parts.len() < 2 || !modifier.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        if let Some(next) = self.compound_parts_mentions(index, mentions) {
            return Some(next);
        }
        let name = Span::new(token.span.start, parts[parts.len() - 2].end);
        let all_capitalised = parts[..parts.len() - 1]
            .iter()
            .all(|p| is_capitalised(p.slice(self.text)));
        let word = name.slice(self.text);
        if all_capitalised
            && !self.lexicon.is_non_actor_word(word)
            && !self.lexicon.is_function_word(word)
        {
            mentions.push(FoundMention {
                span: name,
                tokens: (index, index + 1),
                source: MentionSource::Phrase,
                kind: None,
                title: None,
                sentence_initial: index == self.first_word_index(),
                contains: Vec::new(),
            });
        }
        Some(index + 1)
    }

    /// The countries named inside tokens `start..end` of a multi-word name, as lexicon indices.
    fn countries_inside(&self, start: usize, end: usize) -> Vec<usize> {
        if end <= start + 1 {
            return Vec::new();
        }
        let is_country = |entity: usize| {
            self.lexicon
                .entity(entity)
                .is_some_and(|e| e.kind == EntityKind::Country)
        };
        let mut found = Vec::new();
        let mut t = start;
        while t < end {
            if let Some((match_end, entity, _)) = self.lexicon_match(t).filter(|m| m.0 <= end) {
                if is_country(entity) {
                    found.push(entity);
                }
                t = match_end;
                continue;
            }
            // A word without a dash is its one part, which is the token: no country inside it.
            if let Some(token) = self.tokens.get(t)
                && self.is_hyphenated(self.word(t))
            {
                for part in compound_parts(self.text, token.span) {
                    if let Some((entity, _)) = self.lexicon.lookup(part.slice(self.text))
                        && is_country(entity)
                        && token.span != part
                    {
                        found.push(entity);
                    }
                }
            }
            t += 1;
        }
        found.dedup();
        found
    }

    /// True after a preposition of place ("in Baghdad", "to Moscow"): a capital there is the city, not
    /// its government.
    fn after_locative_preposition(&self, index: usize) -> bool {
        let mut before = index;
        while before > 0 && self.word(before - 1) == "the" {
            before -= 1;
        }
        before > 0 && LOCATIVE_PREPOSITIONS.contains(&self.word(before - 1).to_lowercase().as_str())
    }

    /// A lower-case event noun right after `end` ("Kuwait crisis", "Ukraine war"): the end of the event.
    fn event_noun_end(&self, end: usize) -> Option<usize> {
        let word = self.word(end);
        (self.is_word(end)
            && word.starts_with(|c: char| c.is_lowercase())
            && self.lexicon.is_event_noun(word))
        .then_some(end + 1)
    }

    /// "the war in Gaza", "the invasion of Kuwait": a definite event noun with the place it happened in.
    fn event_phrase(&self, start: usize, mentions: &mut Vec<FoundMention>) -> Option<usize> {
        let word = self.word(start);
        // Asked at every word: the cheap, selective tests first.
        if start == 0
            || !matches!(self.word(start + 1), "of" | "in" | "on")
            || !word.starts_with(|c: char| c.is_lowercase())
            || !self.lexicon.is_event_noun(word)
            || !lowercases_to(self.word(start - 1), "the")
            || !self.is_word(start + 2)
            || !is_capitalised(self.word(start + 2))
        {
            return None;
        }
        let end = match self.lexicon_match(start + 2) {
            Some((end, _, _)) => end,
            None => self.phrase_end(start + 2),
        };
        mentions.push(FoundMention {
            span: self.span(start, end),
            tokens: (start, end),
            source: MentionSource::Phrase,
            kind: Some(EntityKind::Event),
            title: None,
            sentence_initial: false,
            contains: Vec::new(),
        });
        Some(end)
    }

    /// "post-Iran-Iraq War": a name behind a lower-case prefix, when it goes on into a head noun.
    fn prefixed_name(&self, index: usize, mentions: &mut Vec<FoundMention>) -> Option<usize> {
        if !self.is_hyphenated(self.word(index)) {
            return None;
        }
        let token = self.tokens.get(index)?;
        let parts = compound_parts(self.text, token.span);
        let (first, rest) = parts.split_first()?;
        if rest.is_empty()
            || is_capitalised(first.slice(self.text))
            || !rest.iter().all(|p| is_capitalised(p.slice(self.text)))
        {
            return None;
        }
        let end = self.phrase_end(index);
        let head = (index + 1..end).any(|t| self.lexicon.head_noun(self.word(t)).is_some());
        if end == index + 1 || !head {
            return None;
        }
        let start = rest.first()?.start;
        mentions.push(FoundMention {
            span: Span::new(start, self.span(index, end).end),
            tokens: (index, end),
            source: MentionSource::Phrase,
            kind: self.phrase_kind(index, end),
            title: None,
            sentence_initial: false,
            contains: Vec::new(),
        });
        Some(end)
    }

    /// "(PMF)" right after mention `defined`: pushes the acronym and returns the token after ")".
    fn acronym_definition(
        &self,
        defined: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
        let (_, end) = mentions.get(defined)?.tokens;
        if self.word(end) != "(" || self.word(end + 2) != ")" || !self.is_word(end + 1) {
            return None;
        }
        let acronym = self.word(end + 1);
        if !is_acronym(acronym) {
            return None;
        }
        let (start, _) = mentions.get(defined)?.tokens;
        let words: Vec<&str> = (start..end).map(|i| self.word(i)).collect();
        if !acronym_matches(acronym, &words) {
            return None;
        }
        let kind = mentions.get(defined)?.kind;
        mentions.push(FoundMention {
            span: self.span(end + 1, end + 2),
            tokens: (end + 1, end + 2),
            source: MentionSource::AcronymDefinition { defines: defined },
            kind,
            title: None,
            sentence_initial: false,
            contains: Vec::new(),
        });
        Some(end + 3)
    }
}

/// True when the upper-case letters of `acronym` can be read off the ends of `words`: each word gives
/// its initial (an all-capitals word may give all its letters) and short connectors may give theirs or
/// nothing. "PMF": Popular Mobilization Forces; "SOFA": Status of Forces Agreement; "UNSC": UN Security
/// Council; "CoR": Council of Representatives.
pub fn acronym_matches(acronym: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic() && c.is_uppercase())
        .collect();
    // Try every suffix of the phrase: the acronym may define only its last words.
    (0..words.len()).any(|from| {
        let pieces: Vec<Vec<char>> = words[from..]
            .iter()
            .flat_map(|w| w.split(['-', '–']))
            .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect())
            .filter(|w: &Vec<char>| !w.is_empty())
            .collect();
        matches_from(&letters, &pieces)
    })
}

fn matches_from(letters: &[char], pieces: &[Vec<char>]) -> bool {
    if letters.is_empty() {
        // Trailing words may give nothing: "AUMF" for "Authorization for Use of Military Force Against Iraq".
        return true;
    }
    let Some((piece, rest)) = pieces.split_first() else {
        return false;
    };
    let Some(&first) = piece.first() else {
        return matches_from(letters, rest);
    };
    let connector = first.is_lowercase();
    // A connector may give nothing.
    if connector && matches_from(letters, rest) {
        return true;
    }
    let Some((&letter, remaining)) = letters.split_first() else {
        return false;
    };
    if first.to_uppercase().next() != Some(letter) {
        return false;
    }
    if matches_from(remaining, rest) {
        return true;
    }
    // An all-capitals word ("UN") may give more of its letters.
    let all_caps = piece.iter().all(|c| c.is_uppercase() || c.is_numeric());
    if all_caps {
        let mut consumed = 1;
        while consumed < piece.len() && letters.get(consumed) == piece.get(consumed) {
            consumed += 1;
            if matches_from(&letters[consumed..], rest) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for (d, tokens) in &sentences {
            let text = &documents[*d];
            assert_eq!(
                find_mentions(text, tokens, &lexicon, &kept),
                find_mentions(text, tokens, &lexicon, &whole)
            );
        }
    }

    #[test]
    fn title_modifiers_are_found_ignoring_case() {
        let mut words: Vec<String> = [
            "",
            "a",
            "Acting",
            "ACTING",
            "acting",
            "actin",
            "actingg",
            "Former",
            "formér",
            "fOrMeR",
            "vice",
            "Vice-",
            "lat\u{212a}",
            "\u{212a}ate",
            "İnterim",
            "interim",
            "then",
            "Then",
            "them",
            "senior",
            "señor",
            "incoming",
            "outgoing",
            "Outgoing",
            "deputy",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        words.extend(TITLE_MODIFIERS.iter().map(|m| m.to_uppercase()));
        for word in &words {
            assert_eq!(
                is_title_modifier(word),
                TITLE_MODIFIERS.contains(&word.to_lowercase().as_str()),
                "{word:?}"
            );
        }
    }

    #[test]
    fn dashes_are_found_where_a_char_search_finds_them() {
        for text in [
            "",
            "-",
            "US-China",
            "1990–91",
            "a — b",
            "’s",
            "“x”",
            "\u{e2}",
            "é",
            "a\u{2013}",
        ] {
            assert_eq!(has_dash(text), text.contains(['-', '–']), "{text:?}");
        }
    }

    /// `is_name_particle` looks for the hyphen where an article's would be before splitting.
    #[test]
    fn name_particles_agree_with_the_plain_definition() {
        let plain = |word: &str| {
            word.split_once('-').is_some_and(|(prefix, rest)| {
                ["al", "el", "ad", "as", "ash", "at", "az", "ar", "an"].contains(&prefix)
                    && is_capitalised(rest)
            })
        };
        for word in [
            "",
            "-",
            "al",
            "al-",
            "al-Haq",
            "al-haq",
            "el-Sisi",
            "ash-Sham",
            "ash-",
            "an-Nusra",
            "a-Haq",
            "-al-Haq",
            "xal-Haq",
            "al-Ḥaq",
            "al–Haq",
            "al-Haq-Haq",
            "as-",
            "at-Tanf",
            "Al-Haq",
            "alx-Haq",
            "al-É",
        ] {
            assert_eq!(is_name_particle(word), plain(word), "{word:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn modifiers_and_dashes_agree_with_the_plain_definitions(
            word in "[a-zA-Z.\u{212a}\u{130}é–—’-]{0,9}",
            any in proptest::prelude::any::<String>(),
        ) {
            for text in [&word, &any] {
                proptest::prop_assert_eq!(
                    is_title_modifier(text),
                    TITLE_MODIFIERS.contains(&text.to_lowercase().as_str())
                );
                proptest::prop_assert_eq!(has_dash(text), text.contains(['-', '–']));
                let upper = text.chars().filter(|c| c.is_uppercase()).count();
                let lower = text.chars().filter(|c| c.is_lowercase()).count();
                proptest::prop_assert_eq!(
                    is_acronym(text),
                    is_capitalised(text) && upper >= 2 && upper >= lower
                );
            }
        }
    }

    /// What `is_title_modifier`'s length test rests on.
    #[test]
    fn title_modifiers_are_short_ascii_words_without_k() {
        for modifier in TITLE_MODIFIERS {
            assert!((4..=8).contains(&modifier.len()), "{modifier}");
            assert!(
                modifier
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() && b != b'k')
            );
        }
    }

    #[test]
    fn acronyms_match_their_definitions() {
        let cases: &[(&str, &str, bool)] = &[
            ("PMF", "Popular Mobilization Forces", true),
            ("SOFA", "US-Iraq Status of Forces Agreement", true),
            ("UNSC", "UN Security Council", true),
            ("CoR", "Council of Representatives", true),
            ("DFI", "Development Fund for Iraq", true),
            ("BRI", "Belt and Road Initiative", true),
            ("KDP", "Kurdistan Democratic Party", true),
            ("IS", "Islamic State", true),
            ("CNPC", "China National Petroleum Corporation", true),
            ("WTO", "World Trade Organization", true),
            (
                "AUMF",
                "Authorization for Use of Military Force Against Iraq",
                true,
            ),
            ("PMF", "Kurdistan Democratic Party", false),
            ("UK", "Durham University", false),
        ];
        for (acronym, phrase, expected) in cases {
            let words: Vec<&str> = phrase.split(' ').collect();
            assert_eq!(
                acronym_matches(acronym, &words),
                *expected,
                "{acronym} / {phrase}"
            );
        }
    }
}
