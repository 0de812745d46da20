//! Capitalised phrases: where a name's words end ("Council of Representatives", "Belt and Road
//! Initiative"), the kind its head noun gives it, the place or event noun that may follow it, and the
//! countries named inside it.

use super::finder::Finder;
use super::found_mention::{FoundMention, MentionSource};
use super::headline::is_title_only_word;
use super::words::{is_capitalised, is_name_abbreviation, is_name_particle};
use crate::extract::lexicon::{SurfaceRole, lowercases_to};
use crate::model::EntityKind;
use crate::text::TokenKind;
use crate::text::token::compound_parts;

/// Lower-case words that may sit inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "the", "and", "de", "del", "da", "di", "du", "van", "von", "der", "bin",
    "ibn", "bint",
];

/// The most tokens a capitalised phrase reads. The longest names in the corpora read 17 (connectors
/// included); a run of capitalised words longer than this (a line of 100,000 country names, a title
/// written in capitals) is cut into phrases of this length. Without a cap every word of such a run
/// would scan the rest of it, quadratic in its length.
pub(super) const MAX_PHRASE_TOKENS: usize = 32;

/// The kinds whose head noun may lead a name ("Operation Desert Storm", "Lake Chad"); an
/// organisation's may not ("Bank Street" is a street).
pub(super) const LEADING_HEAD_KINDS: &[EntityKind] = &[EntityKind::Event, EntityKind::Place];

/// Prepositions of place: a capital after one is the city ("in Baghdad"); elsewhere it stands for the
/// government ("Baghdad agreed").
const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "via", "through", "around", "outside", "inside",
    "across", "within", "toward", "towards",
];

impl Finder<'_> {
    /// Where a capitalised phrase starting at `start` ends (exclusive), at most [`MAX_PHRASE_TOKENS`]
    /// tokens on (one more after an initial's full stop).
    pub(super) fn phrase_end(&self, start: usize) -> usize {
        let mut end = start + 1;
        // "St. Croix": an abbreviation and its full stop start the name.
        if is_name_abbreviation(self.word(start))
            && self.word(end) == "."
            && self.is_word(end + 1)
            && is_capitalised(self.word(end + 1))
        {
            end += 1;
        }
        // "and" inside a name is kept only if the phrase then ends in a head noun.
        let mut last_good = end;
        let mut pending_and = false;
        while end - start < MAX_PHRASE_TOKENS {
            let word = self.word(end);
            // "Joe D. Hagan", "Sault Ste. Marie": an initial or an abbreviation and its full stop.
            if (word.chars().count() == 1 || is_name_abbreviation(word))
                && is_capitalised(word)
                && self.word(end + 1) == "."
                && self.is_word(end + 2)
                && is_capitalised(self.word(end + 2))
            {
                end += 2;
                continue;
            }
            if self.is_word(end) && (is_capitalised(word) || is_name_particle(word)) {
                if self.is_pronoun_i(end) {
                    // "this Message I estimate", "RADIO COMMISSION I recommend": the pronoun starts
                    // a clause; it is no numeral of the name.
                    break;
                }
                if self.lexicon.title(word).is_some() && is_capitalised(self.word(end + 1)) {
                    // "… Prime Minister Haider al-Abadi": the title starts a new name.
                    break;
                }
                if self.lexicon.is_calendar_word(word) {
                    break;
                }
                // "Sovereign Debt Through Defaults": a word only a title capitalises ends a name.
                if is_title_only_word(word, self.word(end - 1), self.lexicon) {
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
                // "Paris Club 39 139": a table row's cells, not a numbered name.
                && self.kind(end + 1) != Some(TokenKind::Number)
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
            // "Maria Lopez of Spain": a person's name and where the person is from, two names.
            let connector_allowed = || match word {
                "the" => ["of", "for", "on"].contains(&previous),
                "and" => self.lexicon.head_noun(previous).is_none() && self.word(end + 1) != "the",
                "of" => !is_name_particle(previous) && !self.person_of_known(start, end),
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

    /// Tokens `start..of` look like a person's name (two to four capitalised words, none a head noun
    /// or a lexicon name) and "of" at `of` is followed by a country or organisation the lexicon knows,
    /// or by "the" and a name with a head noun ("John Okafor of the World Bank"): the "of" joins two
    /// names, not one name's words.
    fn person_of_known(&self, start: usize, of: usize) -> bool {
        let words = of - start;
        if !(2..=4).contains(&words)
            || (start..of).any(|t| {
                let word = self.word(t);
                !is_capitalised(word)
                    || self.lexicon.head_noun(word).is_some()
                    || self.lexicon.lookup(word).is_some()
            })
        {
            return false;
        }
        let mut next = of + 1;
        let determined = self.word(next) == "the";
        if determined {
            next += 1;
        }
        let known = self.lexicon_match(next).is_some_and(|(_, entity, _)| {
            self.lexicon.entity(entity).is_some_and(|e| {
                e.kind == EntityKind::Country || e.kind == EntityKind::Organization
            })
        });
        // A few capitalised words after "the" with a head noun among them, read without
        // `phrase_end`, which asks this: no nesting, whatever the text.
        known
            || (determined
                && (next..next + 6)
                    .take_while(|&t| self.is_word(t) && is_capitalised(self.word(t)))
                    .any(|t| self.lexicon.head_noun(self.word(t)).is_some()))
    }

    /// "I" at `index` is the pronoun, not a numeral closing a name ("World War I"): a lower-case
    /// word follows it ("I recommend"), and the word before it is no event's head noun written in
    /// title case ("War I ended"; "the Government I lead" is the pronoun).
    pub(super) fn is_pronoun_i(&self, index: usize) -> bool {
        if self.word(index) != "I" {
            return false;
        }
        let next = self.word(index + 1);
        let before = index.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        self.is_word(index + 1)
            && next.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && !(self.lexicon.head_noun(before) == Some(EntityKind::Event)
                && before.chars().any(char::is_lowercase))
    }

    /// A connector continues a phrase when a capitalised word follows (after "the" if any).
    pub(super) fn connector_continues(&self, index: usize) -> bool {
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
    /// or "for" ("Federal Reserve Bank of New York", "Development Fund for Iraq"); events and places
    /// may put it first ("Operation Desert Storm", "Lake Chad", "Camp Ashraf").
    pub(super) fn phrase_kind(&self, start: usize, end: usize) -> Option<EntityKind> {
        let mut last = end.checked_sub(1).filter(|&l| l >= start)?;
        // "Resolution 986": the head is before the number.
        if self.kind(last) == Some(TokenKind::Number) && last > start {
            last -= 1;
        }
        self.lexicon
            .head_noun(self.word(last))
            .or_else(|| {
                let connector = (start + 1..end).find(|&i| matches!(self.word(i), "of" | "for"))?;
                self.lexicon.head_noun(self.word(connector - 1))
            })
            .or_else(|| {
                self.lexicon
                    .head_noun(self.word(start))
                    .filter(|kind| end > start + 1 && LEADING_HEAD_KINDS.contains(kind))
            })
    }

    /// "army", "navy", "air force" in lower case after a demonym: where the national force's name ends.
    pub(super) fn national_force_end(&self, end: usize) -> Option<usize> {
        match self.word(end) {
            "army" | "navy" => Some(end + 1),
            "air" if self.word(end + 1) == "force" => Some(end + 2),
            _ => None,
        }
    }

    /// "Ahdab oil field", "Kirkuk-Ceyhan pipeline": a place noun right after a phrase.
    pub(super) fn place_noun_end(&self, end: usize) -> Option<usize> {
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

    /// The countries named inside tokens `start..end` of a multi-word name, as lexicon indices.
    pub(super) fn countries_inside(&self, start: usize, end: usize) -> Vec<usize> {
        if end <= start + 1 {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut t = start;
        while t < end {
            if let Some((match_end, entity, _)) = self.lexicon_match(t).filter(|m| m.0 <= end) {
                if self.lexicon.is_country(entity) {
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
                        && self.lexicon.is_country(entity)
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
    pub(super) fn after_locative_preposition(&self, index: usize) -> bool {
        let mut before = index;
        while before > 0 && self.word(before - 1) == "the" {
            before -= 1;
        }
        before > 0 && LOCATIVE_PREPOSITIONS.contains(&self.word(before - 1).to_lowercase().as_str())
    }

    /// A lower-case event noun right after `end` ("Kuwait crisis", "Ukraine war"): the end of the event.
    pub(super) fn event_noun_end(&self, end: usize) -> Option<usize> {
        let word = self.word(end);
        (self.is_word(end)
            && word.starts_with(|c: char| c.is_lowercase())
            && self.lexicon.is_event_noun(word))
        .then_some(end + 1)
    }

    /// "the Pahlavi dynasty", "the Sadrist bloc": a group noun right after a phrase.
    pub(super) fn group_noun_end(&self, end: usize) -> Option<usize> {
        let word = self.word(end);
        (self.is_word(end)
            && word.starts_with(|c: char| c.is_lowercase())
            && self.lexicon.is_group_noun(word))
        .then_some(end + 1)
    }

    /// "the Cuban missile crisis", "the Syrian civil war": after a demonym, one lower-case word that
    /// is no function word, then an event noun; the token after the event noun.
    pub(super) fn modified_event_noun_end(&self, end: usize) -> Option<usize> {
        let word = self.word(end);
        (self.is_word(end)
            && word.chars().all(|c| c.is_lowercase())
            && !self.lexicon.is_function_word(word)
            && !self.lexicon.is_event_noun(word))
        .then(|| self.event_noun_end(end + 1))
        .flatten()
    }

    /// "the Russian invasion of Ukraine": an event noun's "of" and the lexicon name after it; the token
    /// after that name and its entity.
    pub(super) fn event_object(&self, event_end: usize) -> Option<(usize, usize)> {
        if self.word(event_end) != "of" || !is_capitalised(self.word(event_end + 1)) {
            return None;
        }
        self.lexicon_match(event_end + 1)
            .map(|(end, entity, _)| (end, entity))
    }

    /// "the war in Gaza", "the invasion of Kuwait": a definite event noun with the place it happened in.
    pub(super) fn event_phrase(
        &self,
        start: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
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
            // "the election of Iranian hardliner X": a demonym is an adjective, the event is not of it.
            Some((_, _, SurfaceRole::Demonym)) => return None,
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
}
