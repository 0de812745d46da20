//! References: "it", "he", "the country", "the group" read as the entity named just before.
//!
//! The rule is deliberately simple. A reference word stands for the most recent mention of a fitting
//! kind: earlier in the same sentence, or else in the sentences before it in the same document.
//!
//! | words | stand for |
//! |---|---|
//! | "he", "she" before a verb | the last person |
//! | "it" before a verb | the last country, organisation or group |
//! | "the country" | the last country |
//! | "the group", "the militia", "the movement", "the organization", "the party" | the last group or organisation |
//! | "we", "us", "our", "we've" | who speaks, in a document that says who does (a "State of the Union Address", `--speaker`; see [`super::speaker`]) |
//! | "I", "I've" | who speaks, when the sentence names foreign countries and nothing else ("I've cut Soviet access") |
//!
//! "Our" stands for the speaker alone, not "our forces" whole: the rules read "our forces in the
//! region of X" as the speaker's presence in X (measured: reading "our Nation", "our forces" as one
//! mention lost that pair of the 1980 address). The speaker's "I" is the state acting abroad as the
//! gold conventions have it; "I'm asking the Congress" is the state's own affairs and no relation.
//! "It" and "he" count only before a verb ("it accepted Resolution 986", "he renewed the agreement"), so
//! "it is important" and "it was clear" are left alone. A reference never becomes a mention of its entity
//! (no alias, no span); it only lets the relation rules see who the sentence is about.
//! `kg eval --no-references` measures what this adds.

use super::lexicon::Lexicon;
use super::rules::SentenceMention;
use crate::model::EntityKind;
use crate::text::{Token, TokenKind};
use std::borrow::Cow;

/// What a reference word can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referent {
    Person,
    Country,
    Group,
    CountryOrGroup,
}

impl Referent {
    fn accepts(self, kind: EntityKind) -> bool {
        let group = matches!(
            kind,
            EntityKind::Organization | EntityKind::ArmedGroup | EntityKind::PoliticalGroup
        );
        match self {
            Referent::Person => kind == EntityKind::Person,
            Referent::Country => kind == EntityKind::Country,
            Referent::Group => group,
            Referent::CountryOrGroup => group || kind == EntityKind::Country,
        }
    }
}

const GROUP_NOUNS: &[&str] = &[
    "group",
    "militia",
    "movement",
    "organization",
    "organisation",
    "party",
];

/// What "the" and `noun` stand for: "the country", "the group".
fn referent_of_noun(noun: &str) -> Option<Referent> {
    if lowercases_to_any(noun, &["country"]) {
        Some(Referent::Country)
    } else if lowercases_to_any(noun, GROUP_NOUNS) {
        Some(Referent::Group)
    } else {
        None
    }
}

/// Whether `word` lower-cases to one of `nouns` (ASCII lower-case words without a "k").
///
/// Outside ASCII, only the Kelvin sign lower-cases to an ASCII letter ("k"; "İ" lower-cases to "i"
/// and a combining dot), so a word lower-cases to such a noun exactly when it is the noun but for
/// ASCII case: the bytes are compared, ignoring ASCII case.
#[inline]
fn lowercases_to_any(word: &str, nouns: &[&str]) -> bool {
    nouns.iter().any(|noun| word.eq_ignore_ascii_case(noun))
}

/// A word that may stand for an entity named before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReferenceWord {
    HeOrShe,
    It,
    The,
    /// "we", "us", "our": the speaker.
    We,
    /// "I": the speaker, when a verb follows ("I signed", "I've cut").
    I,
}

/// Which reference word the bytes `word` are, ignoring ASCII case.
#[inline]
fn reference_word(word: &[u8]) -> Option<ReferenceWord> {
    // A byte with bit 5 set is one of these letters exactly when it is that letter in either case.
    match *word {
        [b'I'] => Some(ReferenceWord::I),
        [a, b] => match [a | 0x20, b | 0x20] {
            [b'h', b'e'] => Some(ReferenceWord::HeOrShe),
            [b'i', b't'] => Some(ReferenceWord::It),
            [b'w', b'e'] | [b'u', b's'] => Some(ReferenceWord::We),
            _ => None,
        },
        [a, b, c] => match [a | 0x20, b | 0x20, c | 0x20] {
            [b's', b'h', b'e'] => Some(ReferenceWord::HeOrShe),
            [b't', b'h', b'e'] => Some(ReferenceWord::The),
            [b'o', b'u', b'r'] => Some(ReferenceWord::We),
            _ => None,
        },
        _ => None,
    }
}

/// The speaker's word in a contraction: "we've", "we're", "we'll", "we'd" (straight or curly
/// apostrophe, either case), one token as the tokenizer leaves it.
fn speaker_contraction(word: &[u8]) -> Option<ReferenceWord> {
    let (pronoun, ending) = split_contraction(word)?;
    let ending = ending.to_ascii_lowercase();
    if pronoun.eq_ignore_ascii_case(b"we") {
        [&b"ve"[..], b"re", b"ll", b"d"]
            .contains(&ending.as_slice())
            .then_some(ReferenceWord::We)
    } else if pronoun == b"I" {
        [&b"ve"[..], b"m", b"ll", b"d"]
            .contains(&ending.as_slice())
            .then_some(ReferenceWord::I)
    } else {
        None
    }
}

/// `word` split at its first apostrophe (straight, or the curly U+2019), without the apostrophe.
fn split_contraction(word: &[u8]) -> Option<(&[u8], &[u8])> {
    const CURLY: &[u8] = "\u{2019}".as_bytes();
    let at = word.iter().position(|&b| b == b'\'' || b == CURLY[0])?;
    let rest = &word[at..];
    let ending = if rest.starts_with(b"'") {
        &rest[1..]
    } else {
        rest.strip_prefix(CURLY)?
    };
    Some((&word[..at], ending))
}

/// Follows the entities a document has named, sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct ReferenceTracker {
    /// The entities named so far in this document, most recent last, with their kinds.
    recent: Vec<(usize, EntityKind)>,
}

impl ReferenceTracker {
    /// Forgets everything: a new document starts.
    pub fn reset(&mut self) {
        self.recent.clear();
    }

    /// The reference mentions of a sentence: one per reference word that resolves. `speaker` is the
    /// entity (and its kind) that speaks in the document, if the document says.
    pub fn references(
        &self,
        text: &str,
        tokens: &[Token],
        mentions: &[SentenceMention],
        lexicon: &Lexicon,
        speaker: Option<(usize, EntityKind)>,
    ) -> Vec<SentenceMention> {
        let words = SentenceWords {
            text,
            tokens,
            lexicon,
        };
        let mut references = Vec::new();
        for (index, token) in tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            // The reference words are ASCII words of two or three letters, and no other word lower-cases
            // to one (no character outside ASCII lower-cases to an ASCII letter but "k"): their bytes
            // are compared, ignoring ASCII case. Bytes, not the token's text: an ASCII byte always
            // starts and ends a character, so a slice equal to a reference word is one whether or not
            // the span falls on characters.
            let Some(word) = text
                .as_bytes()
                .get(token.span.start..token.span.end)
                .and_then(|bytes| {
                    reference_word(bytes)
                        .or_else(|| speaker.and_then(|_| speaker_contraction(bytes)))
                })
            else {
                continue;
            };
            if inside_a_mention(mentions, index) {
                continue;
            }
            let (entity, kind, end) = if word == ReferenceWord::I {
                let Some((entity, kind)) =
                    speaker.filter(|&(speaker, _)| names_foreign_countries_only(mentions, speaker))
                else {
                    continue;
                };
                (entity, kind, index + 1)
            } else if word == ReferenceWord::We {
                // "US" in capitals is a name, not the pronoun.
                let Some((entity, kind)) = speaker.filter(|_| token.text(text) != "US") else {
                    continue;
                };
                (entity, kind, index + 1)
            } else {
                let Some((referent, end)) = words.referent_at(index, word) else {
                    continue;
                };
                let Some((entity, kind)) = self.referred_to(mentions, index, referent) else {
                    continue;
                };
                (entity, kind, end)
            };
            let (Some(first), Some(last)) = (tokens.get(index), tokens.get(end - 1)) else {
                continue;
            };
            references.push(SentenceMention {
                entity,
                span: crate::model::Span::new(first.span.start, last.span.end),
                tokens: (index, end),
                title: None,
                kind,
                contains: Vec::new(),
                places_inside: Vec::new(),
                adjective: false,
                metonymy: false,
            });
        }
        references
    }

    /// The entity a reference at token `index` stands for: the last fitting mention before it in the
    /// sentence, or else the last fitting entity of the sentences before.
    fn referred_to(
        &self,
        mentions: &[SentenceMention],
        index: usize,
        referent: Referent,
    ) -> Option<(usize, EntityKind)> {
        let in_sentence = mentions
            .iter()
            .rev()
            .find(|m| m.tokens.1 <= index && referent.accepts(m.kind))
            .map(|m| (m.entity, m.kind));
        in_sentence.or_else(|| {
            self.recent
                .iter()
                .rev()
                .find(|(_, kind)| referent.accepts(*kind))
                .copied()
        })
    }

    /// Remembers the entities a sentence named.
    pub fn observe(&mut self, mentions: &[SentenceMention]) {
        for mention in mentions {
            self.recent.retain(|(entity, _)| *entity != mention.entity);
            self.recent.push((mention.entity, mention.kind));
        }
        // Only the recent past matters.
        if self.recent.len() > 64 {
            self.recent.drain(..self.recent.len() - 64);
        }
    }
}

/// Whether `mentions` name foreign countries and nothing else: at least one country other than
/// `speaker`, each by its name (not a capital, which may be the city: "negotiations over Berlin"), and
/// no entity of another kind. The speaker's "I" is then the state dealing with states ("I've cut
/// Soviet access", "I will travel to Brazil and Chile"), not the speaker in the state's own affairs
/// ("I urge Democrats and Republicans", "I'm asking the Congress", "the Guard Divisions will, I hope,
/// ...").
fn names_foreign_countries_only(mentions: &[SentenceMention], speaker: usize) -> bool {
    let others = || mentions.iter().filter(|mention| mention.entity != speaker);
    others().next().is_some()
        && others().all(|mention| mention.kind == EntityKind::Country && !mention.metonymy)
}

/// Whether token `index` is part of one of `mentions`. A loop rather than `iter().any`, which the
/// compiler may leave as a call: asked of every reference word ("the" among them).
#[inline(always)]
fn inside_a_mention(mentions: &[SentenceMention], index: usize) -> bool {
    for mention in mentions {
        if mention.tokens.0 <= index && index < mention.tokens.1 {
            return true;
        }
    }
    false
}

/// A sentence's words, as the reference reader looks at them.
struct SentenceWords<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lexicon: &'a Lexicon,
}

impl SentenceWords<'_> {
    /// The lower-case form of token `i` ("" past the end). A word already in lower-case ASCII (most
    /// words) is its own lower-case form: no allocation.
    fn lower(&self, i: usize) -> Cow<'_, str> {
        let word = self.tokens.get(i).map_or("", |t| t.text(self.text));
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(word.to_lowercase())
        }
    }

    fn is_verb(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.lexicon.verb(&self.lower(i)).is_some()
    }

    /// A verb follows token `i`: "it accepted", "he also renewed", "it has signed".
    fn verb_follows(&self, i: usize) -> bool {
        self.is_verb(i + 1)
            || ((self.lower(i + 1).ends_with("ly")
                || ["also", "has", "had", "have", "then"].contains(&self.lower(i + 1).as_ref()))
                && self.is_verb(i + 2))
    }

    /// What the reference word `word` at token `index` may stand for, and the token after the
    /// reference ("the country" is two tokens); None when it is no reference here ("it is clear").
    fn referent_at(&self, index: usize, word: ReferenceWord) -> Option<(Referent, usize)> {
        match word {
            ReferenceWord::HeOrShe if self.verb_follows(index) => {
                Some((Referent::Person, index + 1))
            }
            ReferenceWord::It if self.verb_follows(index) => {
                Some((Referent::CountryOrGroup, index + 1))
            }
            ReferenceWord::The => {
                let next = self.tokens.get(index + 1).map_or("", |t| t.text(self.text));
                referent_of_noun(next).map(|referent| (referent, index + 2))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_match_as_lower_cased() {
        let cases: &[(&str, &[&str], bool)] = &[
            ("country", &["country"], true),
            ("Country", &["country"], true),
            ("COUNTRY", &["country"], true),
            ("countries", &["country"], false),
            ("count", &["country"], false),
            ("", &["country"], false),
            ("Militia", GROUP_NOUNS, true),
            ("ORGANISATION", GROUP_NOUNS, true),
            ("parties", GROUP_NOUNS, false),
            ("groupe", GROUP_NOUNS, false),
            ("Grüppe", GROUP_NOUNS, false),
            ("Organization", GROUP_NOUNS, true),
            ("COUNTRY\u{301}", &["country"], false),
            ("M\u{130}LITIA", GROUP_NOUNS, false),
            ("m\u{130}litia", GROUP_NOUNS, false),
            ("Par\u{212a}y", GROUP_NOUNS, false),
        ];
        // The comparison by bytes holds for nouns without a "k" only.
        for noun in GROUP_NOUNS.iter().chain(&["country"]) {
            assert!(!noun.contains('k') && noun.is_ascii(), "{noun}");
        }
        for &(word, nouns, expected) in cases {
            assert_eq!(lowercases_to_any(word, nouns), expected, "{word}");
            assert_eq!(
                nouns.iter().any(|noun| word.to_lowercase() == *noun),
                expected,
                "{word} by to_lowercase"
            );
        }
    }

    #[test]
    fn reference_words_are_their_bytes_ignoring_ascii_case() {
        // The plain definition, over every word of two bytes and every word of three bytes from a set
        // that holds each letter of the words in both cases, its neighbours by bit 5, and bytes past
        // ASCII.
        let plain = |word: &[u8]| {
            let is = |w: &[u8]| word.eq_ignore_ascii_case(w);
            if is(b"he") || is(b"she") {
                Some(ReferenceWord::HeOrShe)
            } else if is(b"it") {
                Some(ReferenceWord::It)
            } else if is(b"the") {
                Some(ReferenceWord::The)
            } else if is(b"we") || is(b"us") || is(b"our") {
                Some(ReferenceWord::We)
            } else {
                None
            }
        };
        for a in 0..=u8::MAX {
            // "I" is the speaker's in capitals only: "i" is no pronoun in edited text.
            let one = (a == b'I').then_some(ReferenceWord::I);
            assert_eq!(reference_word(&[a]), one, "{a}");
            for b in 0..=u8::MAX {
                assert_eq!(reference_word(&[a, b]), plain(&[a, b]), "{a} {b}");
            }
        }
        let mut bytes: Vec<u8> = b"sheitourwSHEITOURW"
            .iter()
            .flat_map(|&b| [b, b ^ 0x20, b ^ 0x80])
            .collect();
        bytes.extend([0, b' ', b'-', 0x7f, 0xff]);
        for &a in &bytes {
            for &b in &bytes {
                for &c in &bytes {
                    assert_eq!(reference_word(&[a, b, c]), plain(&[a, b, c]), "{a} {b} {c}");
                }
            }
        }
        for word in [&b""[..], b"h", b"thee", b"them", b"it's", b"ours", b"use"] {
            assert_eq!(reference_word(word), None, "{word:?}");
        }
    }

    #[test]
    fn we_and_i_in_a_contraction_are_the_speaker() {
        let cases: &[(&str, Option<ReferenceWord>)] = &[
            ("we've", Some(ReferenceWord::We)),
            ("We've", Some(ReferenceWord::We)),
            ("WE'RE", Some(ReferenceWord::We)),
            ("we\u{2019}ll", Some(ReferenceWord::We)),
            ("We'd", Some(ReferenceWord::We)),
            ("I've", Some(ReferenceWord::I)),
            ("I\u{2019}m", Some(ReferenceWord::I)),
            ("I'll", Some(ReferenceWord::I)),
            ("I'd", Some(ReferenceWord::I)),
            ("i've", None),
            ("I're", None),
            // "us" and "our" take no contraction; "we's" is none.
            ("us've", None),
            ("our're", None),
            ("we's", None),
            ("weve", None),
            ("we'", None),
            ("it's", None),
            ("'ve", None),
        ];
        for &(word, expected) in cases {
            assert_eq!(speaker_contraction(word.as_bytes()), expected, "{word}");
        }
    }

    #[test]
    fn nouns_after_the_stand_for_their_referents() {
        let cases = [
            ("country", Some(Referent::Country)),
            ("COUNTRY", Some(Referent::Country)),
            ("Party", Some(Referent::Group)),
            ("movement", Some(Referent::Group)),
            ("Organisation", Some(Referent::Group)),
            ("countries", None),
            ("government", None),
            ("", None),
        ];
        for (noun, expected) in cases {
            assert_eq!(referent_of_noun(noun), expected, "{noun}");
        }
    }
}
