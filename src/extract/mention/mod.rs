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
//!
//! Where each part lives:
//! - `finder`: the walk over a sentence's tokens, and which step reads each word.
//! - `title`: titles before names (source 1); `phrase`: capitalised phrases, their kinds, the place
//!   and event nouns after them, and the countries inside them (source 2); `lexicon_match`: the
//!   longest lexicon match (source 3); `acronyms`: acronym definitions (source 4); `compounds`:
//!   hyphenated compounds.
//! - `vocabulary`: the corpus's lower-case words, which the finder asks about.
//! - `words`: tests on single words (capitalised, hyphenated, a name particle).
//! - `headline`: title-case headlines and quoted titles, whose names need evidence from elsewhere.

mod acronyms;
mod compounds;
mod finder;
mod found_mention;
mod headline;
mod lexicon_match;
mod phrase;
mod title;
mod vocabulary;
mod words;

pub use acronyms::acronym_matches;
pub use found_mention::{FoundMention, MentionSource, TitleInfo};
pub use vocabulary::{AskedWords, CorpusVocabulary, EnglishVocabulary, LowercaseMarks, WordCasing};

use crate::extract::lexicon::Lexicon;
use crate::model::Span;
use crate::text::Token;
use finder::Finder;
use std::cell::{Cell, RefCell};
use words::has_dash;

/// Finds the mentions in the sentences of a corpus, one sentence at a time, keeping room from one
/// sentence to the next so that a sentence costs no allocation of its own.
///
/// ```
/// use kgraph::extract::Lexicon;
/// use kgraph::extract::mention::{CorpusVocabulary, MentionFinder};
/// use kgraph::text::{segment_sentences, tokenize};
/// let lexicon = Lexicon::embedded().unwrap();
/// let text = "Iraqi Prime Minister Haider al-Abadi met the Popular Mobilization Forces (PMF).";
/// let vocabulary = CorpusVocabulary::default();
/// let mut finder = MentionFinder::new(&lexicon, &vocabulary);
/// let mut mentions = Vec::new();
/// for sentence in segment_sentences(text) {
///     finder.find(text, &tokenize(text, sentence.span), &mut mentions);
/// }
/// let surfaces: Vec<&str> = mentions.iter().map(|m| m.span.slice(text)).collect();
/// assert_eq!(surfaces, ["Iraqi", "Haider al-Abadi", "Popular Mobilization Forces", "PMF"]);
/// ```
pub struct MentionFinder<'a> {
    lexicon: &'a Lexicon,
    /// The corpus's lower-case words, to tell a sentence-initial common word from a name.
    vocabulary: &'a CorpusVocabulary<'a>,
    /// The text of each token of the sentence.
    words: Vec<&'a str>,
    /// Room for the runs of words a longest match looks up (see `Finder::scratch`).
    scratch: String,
    /// The sentence's title-case headlines, as token ranges (see `headline`).
    headlines: Vec<(usize, usize)>,
    /// The document's headlines that were written in capitals (see `crate::extract::recase`).
    cased_headlines: &'a [Span],
    /// The lexicon entities whose demonyms the document uses for another people.
    demonyms_used_otherwise: Vec<usize>,
    #[cfg(test)]
    reads: ReadCount,
}

/// The token reads of a finder, counted in tests: the finder's work, which must stay linear in the
/// tokens whatever the text (see `tests::a_long_run_of_names_costs_reads_linear_in_its_length`).
#[cfg(test)]
#[derive(Default)]
pub(super) struct ReadCount {
    reads: Cell<usize>,
    /// A test's limit: past it the finder panics at once rather than run on for minutes.
    budget: Cell<Option<usize>>,
}

#[cfg(test)]
impl ReadCount {
    pub(super) fn count(&self) {
        let reads = self.reads.get() + 1;
        self.reads.set(reads);
        if let Some(budget) = self.budget.get() {
            assert!(reads <= budget, "the finder read more than {budget} tokens");
        }
    }
}

impl<'a> MentionFinder<'a> {
    pub fn new(lexicon: &'a Lexicon, vocabulary: &'a CorpusVocabulary<'a>) -> MentionFinder<'a> {
        MentionFinder {
            lexicon,
            vocabulary,
            words: Vec::new(),
            scratch: String::new(),
            headlines: Vec::new(),
            cased_headlines: &[],
            demonyms_used_otherwise: Vec::new(),
            #[cfg(test)]
            reads: ReadCount::default(),
        }
    }

    /// Tells the finder the headlines of the document it reads next that were written in capitals
    /// and cased back: their names, like a title-case headline's, need evidence from elsewhere.
    pub fn set_cased_headlines(&mut self, headlines: &'a [Span]) {
        self.cased_headlines = headlines;
    }

    /// Tells the finder the document it reads next (`text`), whose demonyms of an entity may stand
    /// for another people there ([`Lexicon::demonyms_used_otherwise`]): such demonyms are no
    /// mentions.
    pub fn set_document(&mut self, text: &str) {
        self.demonyms_used_otherwise = self.lexicon.demonyms_used_otherwise(text);
    }

    /// The mentions of one sentence, into `mentions` (cleared first: a mention refers to others by
    /// their index in it). `text` is the document; `tokens` are the sentence's tokens (spans into
    /// `text`), in text order.
    pub fn find(&mut self, text: &'a str, tokens: &[Token], mentions: &mut Vec<FoundMention>) {
        mentions.clear();
        self.words.clear();
        self.words.extend(tokens.iter().map(|t| t.text(text)));
        // The text the tokens cover (they are in text order), for a look for dashes in one go (taken
        // to have some when the tokens cover no text).
        let covered = match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => text.get(first.span.start..last.span.end),
            _ => None,
        };
        headline::find_headlines(text, tokens, self.lexicon, &mut self.headlines);
        headline::add_cased_headlines(tokens, self.cased_headlines, &mut self.headlines);
        let finder = Finder {
            text,
            tokens,
            lexicon: self.lexicon,
            vocabulary: self.vocabulary,
            dashes: covered.is_none_or(has_dash),
            words: &self.words,
            scratch: RefCell::new(std::mem::take(&mut self.scratch)),
            last_match: Cell::new(None),
            headlines: &self.headlines,
            demonyms_used_otherwise: &self.demonyms_used_otherwise,
            #[cfg(test)]
            reads: &self.reads,
        };
        finder.run(mentions);
        self.scratch = finder.scratch.into_inner();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize;

    /// Issue 21: a line of 100,000 country names took 222 s, every word scanning the rest of the run.
    /// Each line here has 200,000 words without punctuation; the finder may read each token a bounded
    /// number of times (at most about 115 today, for the countries), and fails at once past that instead of running for hours.
    #[test]
    fn a_long_run_of_names_costs_reads_linear_in_its_length() {
        const WORDS: usize = 200_000;
        const READS_PER_TOKEN: usize = 200;
        let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
        let vocabulary = CorpusVocabulary::default();
        let cases: &[(&str, &[&str])] = &[
            (
                "countries",
                &["Iraq", "China", "Turkey", "Iran", "Syria", "Russia"],
            ),
            ("unknown names", &["Alpha", "Bravo", "Charlie", "Delta"]),
            (
                "names with connectors",
                &["Bank", "of", "the", "Alpha", "and", "Bravo"],
            ),
            ("initials", &["Joe", "D", ".", "Hagan"]),
        ];
        for (what, words) in cases {
            let text = words
                .iter()
                .cycle()
                .take(WORDS)
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let tokens = tokenize(&text, Span::new(0, text.len()));
            let mut finder = MentionFinder::new(&lexicon, &vocabulary);
            finder
                .reads
                .budget
                .set(Some(READS_PER_TOKEN * tokens.len()));
            let mut mentions = Vec::new();
            finder.find(&text, &tokens, &mut mentions);
            let per_token = finder.reads.reads.get() as f64 / tokens.len() as f64;
            eprintln!(
                "{what}: {per_token:.1} reads per token, {} mentions",
                mentions.len()
            );
            assert!(!mentions.is_empty(), "{what}");
        }
    }

    /// Issue 21: a zero-width character inside a name split it ("Hez\u{200b}bollah" gave "Hez"). The
    /// name is one mention whose span covers the character, and a lexicon name is still matched.
    #[test]
    fn a_name_with_a_zero_width_character_inside_is_one_name() {
        let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
        let vocabulary = CorpusVocabulary::default();
        /// A mention's surface, and the lexicon entity it names if any.
        type Named<'a> = (&'a str, Option<&'a str>);
        let cases: &[(&str, &[Named])] = &[
            (
                "Hez\u{200b}bollah fighters attacked Ira\u{200c}q.",
                &[("Hez\u{200b}bollah", None), ("Ira\u{200c}q", Some("Iraq"))],
            ),
            (
                "The Uni\u{200d}ted Nations met Ir\u{2060}an\u{feff}.",
                &[
                    ("Uni\u{200d}ted Nations", Some("United Nations")),
                    ("Ir\u{2060}an", Some("Iran")),
                ],
            ),
        ];
        for (text, expected) in cases {
            let tokens = tokenize(text, Span::new(0, text.len()));
            let mut finder = MentionFinder::new(&lexicon, &vocabulary);
            let mut mentions = Vec::new();
            finder.find(text, &tokens, &mut mentions);
            let found: Vec<(&str, Option<&str>)> = mentions
                .iter()
                .map(|m| {
                    let entity = match m.source {
                        MentionSource::Lexicon { entity, .. } => {
                            lexicon.entity(entity).map(|e| e.name.as_str())
                        }
                        _ => None,
                    };
                    (m.span.slice(text), entity)
                })
                .collect();
            assert_eq!(found, *expected, "{text:?}");
        }
    }

    use super::acronyms::is_acronym;
    use super::title::TITLE_MODIFIERS;
    use super::title::is_title_modifier;
    use super::words::{has_dash, is_capitalised};

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
}
