//! Titles before names: `[modifier] [country or demonym] TITLE Name…` ("Iraqi Prime Minister Haider
//! al-Abadi", "Presidents Gorbachev, Mitterrand, and Mubarak").

use super::finder::Finder;
use super::found_mention::{FoundMention, MentionSource, TitleInfo};
use super::words::{is_capitalised, is_name_particle};
use crate::extract::lexicon::{Title, lowercases_to};
use crate::model::EntityKind;
use crate::text::TokenKind;

/// Words that may precede a title without being part of a name: "Acting U.S. Ambassador".
pub(super) const TITLE_MODIFIERS: &[&str] = &[
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

/// One of [`TITLE_MODIFIERS`], ignoring case (`word.to_lowercase()` is one); without allocating, as
/// this is asked of every word.
#[inline(always)]
pub(super) fn is_title_modifier(word: &str) -> bool {
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
        && is_one_of_ignoring_ascii_case(word, TITLE_MODIFIERS)
}

/// Whether `word` is one of `words`, ignoring ASCII case. A loop rather than `iter().any`, which the
/// compiler may leave as a call: asked of many capitalised words of a title modifier's shape.
#[inline(always)]
fn is_one_of_ignoring_ascii_case(word: &str, words: &[&str]) -> bool {
    for candidate in words {
        if candidate.eq_ignore_ascii_case(word) {
            return true;
        }
    }
    false
}

impl Finder<'_> {
    /// `[modifier]* [country or demonym] TITLE Name…`. Pushes the country mention (if any) and the
    /// person, and returns the token after the name. Also handles a title with no name after it when a
    /// country precedes it ("the Acting U.S. Ambassador to Iraq"): then only the country is pushed.
    pub(super) fn title_construct(
        &self,
        start: usize,
        mentions: &mut Vec<FoundMention>,
    ) -> Option<usize> {
        let mut i = start;
        // A modifier that starts a title of its own ("Vice President", "Deputy Prime Minister") is
        // part of that title, not a word before it: "Vice President X" is no president.
        while is_title_modifier(self.word(i))
            && self.is_word(i)
            && self
                .title_at(i, self.lexicon.may_start_title(self.word(i)))
                .is_none()
        {
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
        if country.is_none() && !plural && self.word(title_end) == "of" {
            // "the President of France", "Crown Prince of Saudi Arabia Mohammed bin Salman": a role,
            // not a name; its holder, if named, leads what it is attached to.
            return Some(self.title_of(title_end + 1, title, mentions));
        }
        let name_end = self.person_name_end(title_end);
        if country.is_none() && name_end == title_end {
            // "The Minister of Defence said": a bare title is a role, not a name, unless it starts
            // a name with a head noun of its own ("Justice and Development Party"). A title that
            // ends in a head noun is still a role ("the Acting Secretary of State").
            let phrase_end = self.phrase_end(title_start);
            let role =
                phrase_end <= title_end || self.phrase_kind(title_start, phrase_end).is_none();
            return (!plural && role).then_some(title_end.max(phrase_end));
        }
        if name_end > title_end
            && (title_start..name_end).all(|t| !self.word(t).chars().any(char::is_lowercase))
        {
            // "FROM REPRESENTATIVE STATES": a line in capitals, no title and name.
            return None;
        }
        if country.is_none()
            && title_end == title_start + 1
            && name_end == title_end + 1
            && self.is_adjective(title_start)
            && self.vocabulary.is_often_lower(self.word(title_end))
        {
            // "the General Treasury", "the General and State Governments": a title that is also an
            // adjective ("General") before a common word describes a thing; it names no person.
            return None;
        }
        if country.is_none()
            && name_end > title_end
            && self
                .phrase_kind(title_end, name_end)
                .is_some_and(|kind| kind != EntityKind::Person)
        {
            // "the General Government", "the General Land Office": a title before a body's name
            // is part of that name, not a person's title; the phrase finder reads it.
            return None;
        }
        let country_index = country.map(|(end, entity, role)| {
            mentions.push(self.lexicon_entity_mention((i, end), None, entity, role));
            mentions.len() - 1
        });
        if name_end > title_end {
            mentions.push(self.title_holder(title_end, name_end, title, country_index));
        }
        if !plural || name_end == title_end {
            return Some(name_end);
        }
        Some(self.title_holders_listed(name_end, title, country_index, mentions))
    }

    /// `TITLE of [the] Y [Name…]` from `start`, just after "of": pushes Y when the lexicon knows it
    /// (a country, a demonym, an organisation) and the person named after it if any, and returns the
    /// token to go on from. A role of something unknown ("Minister of Planning") is passed over whole
    /// unless what follows "of" is a name with a kind of its own ("Speaker of the Council of
    /// Representatives"), which is then read as usual.
    fn title_of(&self, start: usize, title: &Title, mentions: &mut Vec<FoundMention>) -> usize {
        let of_start = if lowercases_to(self.word(start), "the") {
            start + 1
        } else {
            start
        };
        let known = self.lexicon_match(of_start).filter(|(_, entity, _)| {
            self.lexicon.entity(*entity).is_some_and(|e| {
                e.kind == EntityKind::Country || e.kind == EntityKind::Organization
            })
        });
        let Some((end, entity, role)) = known else {
            if !is_capitalised(self.word(of_start)) {
                return of_start;
            }
            let phrase_end = self.phrase_end(of_start);
            return match self.phrase_kind(of_start, phrase_end) {
                Some(_) => of_start,
                None => phrase_end,
            };
        };
        mentions.push(self.lexicon_entity_mention((of_start, end), None, entity, role));
        let country_index = mentions.len() - 1;
        let name_end = self.person_name_end(end);
        // "the President of the United States Congress": a body, not a person, follows.
        if name_end == end || self.phrase_kind(end, name_end).is_some() {
            return end;
        }
        mentions.push(self.title_holder(end, name_end, title, Some(country_index)));
        name_end
    }

    /// The person named by tokens `start..end` after `title`, attached to the country mention
    /// `country_index` if any.
    fn title_holder(
        &self,
        start: usize,
        end: usize,
        title: &Title,
        country_index: Option<usize>,
    ) -> FoundMention {
        FoundMention {
            span: self.span(start, end),
            tokens: (start, end),
            source: MentionSource::Phrase,
            kind: Some(EntityKind::Person),
            title: Some(Box::new(TitleInfo {
                title: title.phrase.to_lowercase(),
                leads: title.leads,
                of_mention: country_index,
            })),
            sentence_initial: false,
            contains: Vec::new(),
        }
    }

    /// "Presidents Gorbachev, Mitterrand, and Mubarak": after a plural title's first name (which ends
    /// at `end`), every name of the list holds the title. Pushes them and returns the token after the
    /// last.
    fn title_holders_listed(
        &self,
        mut end: usize,
        title: &Title,
        country_index: Option<usize>,
        mentions: &mut Vec<FoundMention>,
    ) -> usize {
        loop {
            let mut next = end;
            while matches!(self.word(next), "," | "and") {
                next += 1;
            }
            let next_end = self.person_name_end(next);
            if next == end || next_end == next {
                return end;
            }
            mentions.push(self.title_holder(next, next_end, title, country_index));
            end = next_end;
        }
    }

    /// A plural title ("Presidents", "Prime Ministers") before a list of names: the singular's title.
    /// `first_may_start` is [`Lexicon::may_start_title`] of the first word: when false, only a one-word
    /// phrase (its singular) can be a title.
    pub(super) fn plural_title_at(
        &self,
        start: usize,
        first_may_start: bool,
    ) -> Option<(usize, &Title)> {
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
    pub(super) fn title_at(&self, start: usize, may_start: bool) -> Option<(usize, &Title)> {
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
    pub(super) fn person_name_end(&self, start: usize) -> usize {
        let mut end = start;
        while self.is_word(end) {
            let word = self.word(end);
            let particle = matches!(word, "bin" | "ibn" | "bint" | "de" | "van" | "von");
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn title_modifiers_are_found_ignoring_case() {
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

    /// What `is_title_modifier`'s length test rests on.
    #[test]
    pub(super) fn title_modifiers_are_short_ascii_words_without_k() {
        for modifier in TITLE_MODIFIERS {
            assert!((4..=8).contains(&modifier.len()), "{modifier}");
            assert!(
                modifier
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() && b != b'k')
            );
        }
    }
}
