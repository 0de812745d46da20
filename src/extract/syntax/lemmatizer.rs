//! The lemmatiser: a word and its tag to the word's dictionary form ("signed" VBD → "sign",
//! "treaties" NNS → "treaty", "was" VBD → "be").
//!
//! Both halves are learned from tagged, lemmatised text ([`Lemmatizer::learn`]): suffix rules per tag
//! (the longest ending of the word that has a rule decides how many characters to strip and what to
//! append), and exceptions for the word forms the rules get wrong (irregular verbs and plurals).

use super::Tag;
use super::model_file::{LemmaExceptionRecord, LemmaRuleRecord};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The longest ending a rule looks at, in characters.
const LONGEST_SUFFIX: usize = 4;
/// How many word types must share an ending's rule for it to be kept.
const RULE_MIN_TYPES: usize = 2;
/// How many times a (form, tag) must be seen for an exception to be kept.
const EXCEPTION_MIN_COUNT: usize = 2;

/// How a rule turns a word into its lemma.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Change {
    strip: u8,
    append: String,
    keep_case: bool,
}

impl Change {
    /// The lemma of `word` (as written) whose lower case is `lower`, pushed onto `out`.
    #[cfg(test)]
    fn apply_into(&self, word: &str, lower: &str, out: &mut String) {
        apply_change(self.strip, &self.append, self.keep_case, word, lower, out);
    }

    /// The change that takes `lower` to `lemma` (both lower case).
    fn between(lower: &str, lemma: &str) -> (u8, String) {
        let common = lower
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let strip = lower.chars().count() - common;
        let append: String = lemma.chars().skip(common).collect();
        (u8::try_from(strip).unwrap_or(u8::MAX), append)
    }
}

/// The lemma of `word` (as written) whose lower case is `lower`, pushed onto `out`: `strip`
/// characters stripped and `append` appended, from the word as written if `keep_case`.
fn apply_change(
    strip: u8,
    append: &str,
    keep_case: bool,
    word: &str,
    lower: &str,
    out: &mut String,
) {
    // Keep the capitals by stripping the written word, when lower-casing kept its length.
    let base = if keep_case && word.chars().count() == lower.chars().count() {
        word
    } else {
        lower
    };
    let count = base.chars().count();
    let keep = count.saturating_sub(usize::from(strip));
    if usize::from(strip) >= count {
        out.push_str(base);
        return;
    }
    let cut = base
        .char_indices()
        .nth(keep)
        .map_or(base.len(), |(at, _)| at);
    out.push_str(&base[..cut]);
    out.push_str(append);
}

/// A word and its tag to the word's lemma, by learned suffix rules and exceptions.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// (tag, ending) hashed → the rule.
    rules: FxHashMap<u64, StoredRule>,
    /// (tag, form) hashed → (form, lemma).
    exceptions: FxHashMap<u64, (Piece, Piece)>,
    /// The rules' endings and appended text and the exceptions' forms and lemmas, one after
    /// another: a few kilobytes that stay in cache, where a string of their own each lay scattered
    /// over the heap and reading one cost a cache miss per word.
    strings: String,
}

/// A stretch of [`Lemmatizer::strings`].
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: u32,
    end: u32,
}

/// A suffix rule as the lemmatiser keeps it: its ending and a [`Change`] with the appended text in
/// [`Lemmatizer::strings`].
#[derive(Debug, Clone, Copy)]
struct StoredRule {
    ending: Piece,
    strip: u8,
    append: Piece,
    keep_case: bool,
}

/// The key of a tag number and a string.
fn tagged_key(tag: u8, text: &str) -> u64 {
    xxh3_64_with_seed(text.as_bytes(), u64::from(tag))
}

/// `word` in lower case with curly apostrophes straight (borrowed when it already is).
pub(crate) fn lower_form(word: &str) -> Cow<'_, str> {
    if word.chars().all(|c| !c.is_uppercase() && c != '’') {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.replace('’', "'").to_lowercase())
    }
}

impl Lemmatizer {
    /// The lemma of `word` with tag number `tag` (an index into the model's tags).
    pub(crate) fn lemma(&self, word: &str, tag: u8) -> String {
        let mut lemma = String::new();
        self.push_lemma(word, tag, &mut lemma);
        lemma
    }

    /// The lemma of `word` with tag number `tag`, pushed onto `out` (no allocation of its own for
    /// a word already in lower case).
    pub(crate) fn push_lemma(&self, word: &str, tag: u8, out: &mut String) {
        let lower = lower_form(word);
        if let Some(&(form, lemma)) = self.exceptions.get(&tagged_key(tag, &lower))
            && self.piece(form) == lower
        {
            out.push_str(self.piece(lemma));
            return;
        }
        match self.rule(tag, &lower) {
            Some(rule) => apply_change(
                rule.strip,
                self.piece(rule.append),
                rule.keep_case,
                word,
                &lower,
                out,
            ),
            None => out.push_str(&lower),
        }
    }

    /// The text of `piece`.
    fn piece(&self, piece: Piece) -> &str {
        self.strings
            .get(piece.start as usize..piece.end as usize)
            .unwrap_or_default()
    }

    /// The rule of the longest ending of `lower` that has one.
    fn rule(&self, tag: u8, lower: &str) -> Option<&StoredRule> {
        // Where the last 0, 1, … LONGEST_SUFFIX characters start, without a buffer of its own.
        let mut starts = [lower.len(); LONGEST_SUFFIX + 1];
        let mut count = 0;
        for (at, _) in lower.char_indices().rev().take(LONGEST_SUFFIX) {
            count += 1;
            starts[count] = at;
        }
        starts[..=count].iter().rev().find_map(|&start| {
            let suffix = &lower[start..];
            self.rules
                .get(&tagged_key(tag, suffix))
                .filter(|rule| self.piece(rule.ending) == suffix)
        })
    }

    /// The lemmatiser of a model's records.
    pub(crate) fn from_records(
        rules: &[LemmaRuleRecord],
        exceptions: &[LemmaExceptionRecord],
    ) -> Self {
        let mut lemmatizer = Lemmatizer::default();
        for rule in rules {
            let stored = StoredRule {
                ending: lemmatizer.store(&rule.suffix),
                strip: rule.strip,
                append: lemmatizer.store(&rule.append),
                keep_case: rule.keep_case,
            };
            lemmatizer
                .rules
                .insert(tagged_key(rule.tag, &rule.suffix), stored);
        }
        for exception in exceptions {
            let form = lemmatizer.store(&exception.form);
            let lemma = lemmatizer.store(&exception.lemma);
            lemmatizer
                .exceptions
                .insert(tagged_key(exception.tag, &exception.form), (form, lemma));
        }
        lemmatizer
    }

    /// Appends `text` to [`Lemmatizer::strings`] and gives its place there (an empty piece if the
    /// strings would pass 4 GiB, which no model comes near).
    fn store(&mut self, text: &str) -> Piece {
        let start = self.strings.len();
        self.strings.push_str(text);
        match (u32::try_from(start), u32::try_from(self.strings.len())) {
            (Ok(start), Ok(end)) => Piece { start, end },
            _ => Piece { start: 0, end: 0 },
        }
    }

    /// Learns rules and exceptions from `(form, tag, lemma)` triples of running text, and gives them
    /// as a model's records (sorted, so the same text gives the same file), numbering tags by their
    /// place in [`Tag::ALL`], as the trainer numbers a model's tags.
    pub fn learn<'a>(
        examples: impl IntoIterator<Item = (&'a str, Tag, &'a str)>,
    ) -> (Vec<LemmaRuleRecord>, Vec<LemmaExceptionRecord>) {
        // How often each (lower-case form, tag) takes each lemma, and whether the lemma kept the
        // capitals of a form that had some.
        let mut seen: BTreeMap<(String, u8), LemmaCounts> = BTreeMap::new();
        for (form, tag, lemma) in examples {
            let Some(tag) = tag.index_in(Tag::ALL) else {
                continue;
            };
            let lower = lower_form(form).into_owned();
            let capitals = lower != form.replace('’', "'");
            let lemma_lower = lower_form(lemma).into_owned();
            let kept = capitals && lemma != lemma_lower;
            let counts = seen.entry((lower, tag)).or_default();
            let entry = counts.entry(lemma_lower).or_default();
            entry.0 += 1;
            entry.1 += usize::from(capitals);
            entry.2 += usize::from(kept);
        }
        // Each (form, tag)'s usual lemma.
        let usual: Vec<Usual> = seen
            .into_iter()
            .filter_map(|(key, lemmas)| {
                let total = lemmas.values().map(|c| c.0).sum();
                let (lemma, (_, capitals, kept)) = lemmas
                    .into_iter()
                    .max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(&a.0)))?;
                Some(Usual {
                    key,
                    lemma,
                    count: total,
                    capitals: capitals > 0,
                    kept: capitals > 0 && kept * 2 > capitals,
                })
            })
            .collect();
        let rules = learn_rules(&usual);
        let lemmatizer = Lemmatizer::from_records(&rules, &[]);
        let exceptions = usual
            .iter()
            .filter(|usual| {
                usual.count >= EXCEPTION_MIN_COUNT
                    && lemmatizer.lemma(&usual.key.0, usual.key.1) != usual.lemma
            })
            .map(|usual| LemmaExceptionRecord {
                form: usual.key.0.clone(),
                tag: usual.key.1,
                lemma: usual.lemma.clone(),
            })
            .collect();
        (rules, exceptions)
    }
}

/// Each lemma a (form, tag) took: (times, times written with capitals, times the lemma kept them).
type LemmaCounts = BTreeMap<String, (usize, usize, usize)>;

/// A (lower-case form, tag number) of the learning text with its usual lemma (lower case).
struct Usual {
    key: (String, u8),
    lemma: String,
    /// How often the form was seen with the tag.
    count: usize,
    /// Whether it was ever written with capitals.
    capitals: bool,
    /// Whether its lemma mostly kept those capitals.
    kept: bool,
}

/// The suffix rules of each tag: for each ending of up to [`LONGEST_SUFFIX`] characters, the change
/// most word types with it take, kept only where it differs from the change of the ending one
/// character shorter (so the longest stored ending of a word gives its change).
fn learn_rules(usual: &[Usual]) -> Vec<LemmaRuleRecord> {
    // (tag, ending) → change → (types, types with capitals, types that kept them).
    type Votes = BTreeMap<(u8, String), BTreeMap<(u8, String), (usize, usize, usize)>>;
    let mut votes: Votes = BTreeMap::new();
    for Usual {
        key: (form, tag),
        lemma,
        capitals,
        kept,
        ..
    } in usual
    {
        let change = Change::between(form, lemma);
        let chars: Vec<usize> = form.char_indices().map(|(at, _)| at).collect();
        for length in 0..=LONGEST_SUFFIX.min(chars.len()) {
            let suffix = if length == 0 {
                String::new()
            } else {
                form[chars[chars.len() - length]..].to_string()
            };
            let entry = votes
                .entry((*tag, suffix))
                .or_default()
                .entry(change.clone())
                .or_default();
            entry.0 += 1;
            entry.1 += usize::from(*capitals);
            entry.2 += usize::from(*kept);
        }
    }
    let best: BTreeMap<(u8, String), Change> = votes
        .into_iter()
        .filter_map(|(key, changes)| {
            let ((strip, append), (types, capitals, kept)) = changes
                .into_iter()
                .max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(&a.0)))?;
            let enough = key.1.is_empty() || types >= RULE_MIN_TYPES;
            enough.then(|| {
                let keep_case = capitals > 0 && kept * 2 > capitals;
                (
                    key,
                    Change {
                        strip,
                        append,
                        keep_case,
                    },
                )
            })
        })
        .collect();
    // The change an ending gives: its own, or its shorter ending's.
    let effective = |tag: u8, suffix: &str| -> Option<&Change> {
        let mut suffix = suffix;
        loop {
            if let Some(change) = best.get(&(tag, suffix.to_string())) {
                return Some(change);
            }
            let mut chars = suffix.chars();
            chars.next()?;
            suffix = chars.as_str();
        }
    };
    best.iter()
        .filter(|((tag, suffix), change)| {
            let mut shorter = suffix.chars();
            if shorter.next().is_none() {
                return true;
            }
            effective(*tag, shorter.as_str()) != Some(change)
        })
        .map(|((tag, suffix), change)| LemmaRuleRecord {
            tag: *tag,
            suffix: suffix.clone(),
            strip: change.strip,
            append: change.append.clone(),
            keep_case: change.keep_case,
        })
        .collect()
}

impl Tag {
    /// This tag's number in a list of tags (the model's), if it is there.
    pub(crate) fn index_in(self, tags: &[Tag]) -> Option<u8> {
        tags.iter()
            .position(|&tag| tag == self)
            .and_then(|index| u8::try_from(index).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tag numbers in these tests: Tag::ALL's order.
    fn number(tag: Tag) -> u8 {
        tag.index_in(Tag::ALL).unwrap_or(u8::MAX)
    }

    /// A lemmatiser learned from a few lemmatised words of our own.
    fn learned() -> Lemmatizer {
        use Tag::*;
        let words: &[(&str, Tag, &str)] = &[
            ("treaties", PluralNoun, "treaty"),
            ("parties", PluralNoun, "party"),
            ("cities", PluralNoun, "city"),
            ("ministers", PluralNoun, "minister"),
            ("talks", PluralNoun, "talk"),
            ("envoys", PluralNoun, "envoy"),
            ("boxes", PluralNoun, "box"),
            ("taxes", PluralNoun, "tax"),
            ("men", PluralNoun, "man"),
            ("men", PluralNoun, "man"),
            ("signed", PastVerb, "sign"),
            ("met", PastVerb, "meet"),
            ("met", PastVerb, "meet"),
            ("attacked", PastVerb, "attack"),
            ("backed", PastVerb, "back"),
            ("was", PastVerb, "be"),
            ("was", PastVerb, "be"),
            ("Was", PastVerb, "be"),
            ("Geneva", ProperNoun, "Geneva"),
            ("Monday", ProperNoun, "Monday"),
            ("The", Determiner, "the"),
            ("the", Determiner, "the"),
            ("the", Determiner, "the"),
        ];
        let (rules, exceptions) = Lemmatizer::learn(words.iter().copied());
        Lemmatizer::from_records(&rules, &exceptions)
    }

    #[test]
    fn lemmatises_by_rules_and_exceptions() {
        use Tag::*;
        let lemmatizer = learned();
        let cases = [
            ("embassies", PluralNoun, "embassy"),
            ("sanctions", PluralNoun, "sanction"),
            ("Taxes", PluralNoun, "tax"),
            ("men", PluralNoun, "man"),
            ("marched", PastVerb, "march"),
            ("met", PastVerb, "meet"),
            ("Was", PastVerb, "be"),
            ("Baghdad", ProperNoun, "Baghdad"),
            ("The", Determiner, "the"),
            ("A", Determiner, "a"),
            ("quickly", Adverb, "quickly"),
        ];
        for (word, tag, lemma) in cases {
            assert_eq!(lemmatizer.lemma(word, number(tag)), lemma, "{word} {tag}");
        }
    }

    #[test]
    fn applies_changes() {
        let cases = [
            (
                Change {
                    strip: 3,
                    append: "y".into(),
                    keep_case: false,
                },
                "Treaties",
                "treaties",
                "treaty",
            ),
            (
                Change {
                    strip: 0,
                    append: String::new(),
                    keep_case: true,
                },
                "Geneva",
                "geneva",
                "Geneva",
            ),
            (
                Change {
                    strip: 9,
                    append: "x".into(),
                    keep_case: false,
                },
                "ab",
                "ab",
                "ab",
            ),
            (
                Change {
                    strip: 1,
                    append: String::new(),
                    keep_case: false,
                },
                "cafés",
                "cafés",
                "café",
            ),
        ];
        for (change, word, lower, lemma) in cases {
            let mut out = String::new();
            change.apply_into(word, lower, &mut out);
            assert_eq!(out, lemma);
        }
        assert_eq!(Change::between("treaties", "treaty"), (3, "y".to_string()));
        assert_eq!(Change::between("met", "meet"), (1, "et".to_string()));
    }
}
