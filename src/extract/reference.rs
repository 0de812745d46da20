//! References: "it", "he", "the country", "the group" read as the entity named just before; "the two
//! countries", "both nations" as the two.
//!
//! The rule is deliberately simple. A reference word stands for the most recent mention of a fitting
//! kind: earlier in the same sentence, or else in the two sentences before it in the same document.
//! Further back "it" and "she" are more often a thing named without a name ("it conferred powers" for a
//! constitution, "she had stopped to renew her supplies" for a ship): measured on 25 State of the Union
//! addresses, the reach of two sentences removed 12 readings, all wrong, and changed nothing on the gold
//! texts.
//!
//! | words | stand for |
//! |---|---|
//! | "he", "she" before a verb | the last person |
//! | "it" before a verb | the last country, organisation or group |
//! | "the country" | the last country |
//! | "the group", "the militia", "the movement", "the organization", "the party" | the last group or organisation |
//! | "the two countries", "both nations", with "governments", "powers", "sides", "states" | the two countries named in the sentence and the two before, or the speaker and one country |
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
//!
//! A pair ("the two countries", "both governments"; not "both sides of the border") gives two
//! reference mentions over its words, marked as a pair, which the rules read as a list, "A and B":
//! "tension between the two countries" as "between A and B", "the two countries signed" as a joint
//! subject, "X attacked both countries" as X attacking each. Its two are the only two countries
//! named before it in the sentence and the two sentences before, counting the speaker of a speech
//! ("the two countries" in an address is most often its own and one other). Three leave it unread,
//! unless the sentence's own names made them three, which are then left out ("Sudan and Chad met.
//! Libya attacked both countries."). Measured on the gold texts and 25 State of the Union
//! addresses: the last two of however many countries were named paired the wrong two ("tension
//! between the two countries" after "Iran … Israel … 'occupied Palestine'"), and reaching a third
//! sentence back found older pairs.

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

/// Nouns that after "the two" or "both" stand for two entities named before: "the two countries",
/// "both governments".
const PAIR_NOUNS: &[&str] = &[
    "countries",
    "governments",
    "nations",
    "powers",
    "sides",
    "states",
];

/// What "the two" or "both" and `noun` stand for: "the two nations", "both sides".
fn referent_of_pair_noun(noun: &str) -> Option<Referent> {
    lowercases_to_any(noun, PAIR_NOUNS).then_some(Referent::Country)
}

/// How many entities a reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    One,
    /// "the two countries", "both governments".
    Two,
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
    /// "both", before a pair noun: "both countries".
    Both,
}

/// Which reference word the bytes `word` are, ignoring ASCII case. ("Both" stands for anything only
/// before a pair noun, "the" only before a noun, "it" and "he" only before a verb: see
/// [`SentenceWords::referent_at`].)
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
        [a, b, c, d] => match [a | 0x20, b | 0x20, c | 0x20, d | 0x20] {
            [b'b', b'o', b't', b'h'] => Some(ReferenceWord::Both),
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

/// How far back, in sentences, a reference looks for what it stands for: the sentence before and
/// the one before that. A pair said in a speech is the one just discussed, the entities of older
/// sentences more often another pair; further back "it" and "she" are more often a thing named
/// without a name.
const REACH: usize = 2;

/// An entity a document has named, as the tracker remembers it.
#[derive(Debug, Clone, Copy)]
struct Named {
    entity: usize,
    kind: EntityKind,
    /// The sentence (counted in the document) that named it last.
    sentence: usize,
}

/// Follows the entities a document has named, sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct ReferenceTracker {
    /// The entities named so far in this document, most recent last.
    recent: Vec<Named>,
    /// How many sentences the tracker has seen.
    sentences: usize,
}

impl ReferenceTracker {
    /// Forgets everything: a new document starts.
    pub fn reset(&mut self) {
        self.recent.clear();
        self.sentences = 0;
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
            if matches!(word, ReferenceWord::I | ReferenceWord::We) {
                if let Some(referred) = speaker_referred(word, token.text(text), mentions, speaker)
                {
                    push_reference(&mut references, tokens, (index, index + 1), referred, false);
                }
                continue;
            }
            let Some((referent, count, end)) = words.referent_at(index, word) else {
                continue;
            };
            match count {
                Count::One => {
                    if let Some(referred) = self.referred_to(mentions, index, referent) {
                        push_reference(&mut references, tokens, (index, end), referred, false);
                    }
                }
                // Two mentions over the same words, the one named first first: the rules read them
                // as a list, "A and B" (`rules/coordination.rs`).
                Count::Two => {
                    for referred in self
                        .referred_pair(mentions, index, referent, speaker)
                        .into_iter()
                        .flatten()
                    {
                        push_reference(&mut references, tokens, (index, end), referred, true);
                    }
                }
            }
        }
        references
    }

    /// The entity a reference at token `index` stands for: the last fitting mention before it in the
    /// sentence, or else the last fitting entity of the [`REACH`] sentences before.
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
            self.within_reach()
                .find(|named| referent.accepts(named.kind))
                .map(|named| (named.entity, named.kind))
        })
    }

    /// The entities named in the [`REACH`] sentences before, most recent first.
    fn within_reach(&self) -> impl Iterator<Item = &Named> + Clone {
        self.recent
            .iter()
            .rev()
            .take_while(|named| self.sentences - named.sentence <= REACH)
    }

    /// The two entities a pair reference at token `index` stands for ("the two countries"), the one
    /// named earlier first: the two fitting entities named before it in the sentence and in the
    /// [`REACH`] sentences before, with the speaker, a party to whatever its speech discusses
    /// ("the two countries" in an address is most often its own and one other). When the sentence
    /// makes them three, its own are left out: "Sudan and Chad met. Libya attacked both countries."
    fn referred_pair(
        &self,
        mentions: &[SentenceMention],
        index: usize,
        referent: Referent,
        speaker: Option<(usize, EntityKind)>,
    ) -> Option<[(usize, EntityKind); 2]> {
        let in_sentence = mentions
            .iter()
            .rev()
            .filter(|m| m.tokens.1 <= index)
            .map(|m| (m.entity, m.kind));
        let before = self.within_reach().map(|named| (named.entity, named.kind));
        let fits = |&(_, kind): &(usize, EntityKind)| referent.accepts(kind);
        let with_sentence = in_sentence
            .chain(before.clone())
            .chain(speaker)
            .filter(fits);
        exactly_two(with_sentence).or_else(|| exactly_two(before.chain(speaker).filter(fits)))
    }

    /// Remembers the entities a sentence named.
    pub fn observe(&mut self, mentions: &[SentenceMention]) {
        for mention in mentions {
            self.recent.retain(|named| named.entity != mention.entity);
            self.recent.push(Named {
                entity: mention.entity,
                kind: mention.kind,
                sentence: self.sentences,
            });
        }
        self.sentences += 1;
        // Only the recent past matters.
        if self.recent.len() > 64 {
            self.recent.drain(..self.recent.len() - 64);
        }
    }
}

/// Whom the speaker's word `word` ("I", "we", as written: `written`) stands for: the speaker, when
/// there is one and the word is the speaker's here.
fn speaker_referred(
    word: ReferenceWord,
    written: &str,
    mentions: &[SentenceMention],
    speaker: Option<(usize, EntityKind)>,
) -> Option<(usize, EntityKind)> {
    match word {
        ReferenceWord::I => {
            speaker.filter(|&(speaker, _)| names_foreign_countries_only(mentions, speaker))
        }
        // "US" in capitals is a name, not the pronoun.
        ReferenceWord::We => speaker.filter(|_| written != "US"),
        _ => None,
    }
}

/// A reference to `entity` of `kind` over tokens `[first, end)`, one of a pair's two when `pair`,
/// into `references`.
fn push_reference(
    references: &mut Vec<SentenceMention>,
    tokens: &[Token],
    (first, end): (usize, usize),
    (entity, kind): (usize, EntityKind),
    pair: bool,
) {
    let (Some(first_token), Some(last_token)) = (
        tokens.get(first),
        end.checked_sub(1).and_then(|last| tokens.get(last)),
    ) else {
        return;
    };
    references.push(SentenceMention {
        entity,
        span: crate::model::Span::new(first_token.span.start, last_token.span.end),
        tokens: (first, end),
        title: None,
        kind,
        contains: Vec::new(),
        places_inside: Vec::new(),
        adjective: false,
        metonymy: false,
        pair,
    });
}

/// The two distinct entities of `candidates` (the most recent first), the earlier named first; none
/// when there are fewer or more: of three countries named, which two are meant is a guess.
fn exactly_two(
    candidates: impl Iterator<Item = (usize, EntityKind)>,
) -> Option<[(usize, EntityKind); 2]> {
    let (mut last, mut earlier): (Option<(usize, EntityKind)>, _) = (None, None);
    for candidate in candidates {
        let is = |found: Option<(usize, EntityKind)>| found.is_some_and(|f| f.0 == candidate.0);
        if is(last) || is(earlier) {
            continue;
        }
        if last.is_none() {
            last = Some(candidate);
        } else if earlier.is_none() {
            earlier = Some(candidate);
        } else {
            return None;
        }
    }
    Some([earlier?, last?])
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

    /// What the reference word `word` at token `index` may stand for, how many, and the token after
    /// the reference ("the country" is two tokens); None when it is no reference here ("it is
    /// clear", "both sides of the border").
    fn referent_at(&self, index: usize, word: ReferenceWord) -> Option<(Referent, Count, usize)> {
        let next = |offset: usize| {
            self.tokens
                .get(index + offset)
                .map_or("", |t| t.text(self.text))
        };
        match word {
            ReferenceWord::HeOrShe if self.verb_follows(index) => {
                Some((Referent::Person, Count::One, index + 1))
            }
            ReferenceWord::It if self.verb_follows(index) => {
                Some((Referent::CountryOrGroup, Count::One, index + 1))
            }
            ReferenceWord::The if next(1).eq_ignore_ascii_case("two") => {
                referent_of_pair_noun(next(2)).map(|referent| (referent, Count::Two, index + 3))
            }
            ReferenceWord::The => {
                referent_of_noun(next(1)).map(|referent| (referent, Count::One, index + 2))
            }
            // "both sides of the border" are places, not parties.
            ReferenceWord::Both if !next(2).eq_ignore_ascii_case("of") => {
                referent_of_pair_noun(next(1)).map(|referent| (referent, Count::Two, index + 2))
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
        for noun in GROUP_NOUNS.iter().chain(PAIR_NOUNS).chain(&["country"]) {
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
        // The one word of four bytes.
        for word in [&b"both"[..], b"Both", b"BOTH", b"bOtH"] {
            assert_eq!(reference_word(word), Some(ReferenceWord::Both), "{word:?}");
        }
        for word in [
            &b"bot"[..],
            b"bothe",
            b"moth",
            b"b0th",
            b"\xe2oth",
            b"bot\xe8",
        ] {
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
    fn nouns_after_the_two_stand_for_a_pair_of_countries() {
        let cases = [
            ("countries", Some(Referent::Country)),
            ("Governments", Some(Referent::Country)),
            ("NATIONS", Some(Referent::Country)),
            ("powers", Some(Referent::Country)),
            ("sides", Some(Referent::Country)),
            ("States", Some(Referent::Country)),
            ("country", None),
            ("peoples", None),
            ("", None),
        ];
        for (noun, expected) in cases {
            assert_eq!(referent_of_pair_noun(noun), expected, "{noun}");
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
