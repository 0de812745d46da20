//! The finder: one sentence's tokens read left to right, each word tried by the steps of the module
//! docs in turn.

use super::acronyms::is_acronym;
use super::found_mention::{FoundMention, MentionSource};
use super::title::is_title_modifier;
use super::vocabulary::CorpusVocabulary;
use super::words::{
    compass_point, has_adjective_suffix, is_adjective_shaped, is_capitalised, is_contraction_of_i,
    is_hyphenated, is_number_word, opens_quotation,
};
use crate::extract::lexicon::{Lexicon, SurfaceRole, WordFacts};
use crate::model::{EntityKind, Span};
use crate::text::{Token, TokenKind};
use std::cell::{Cell, RefCell};

pub(super) struct Finder<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) lexicon: &'a Lexicon,
    pub(super) vocabulary: &'a CorpusVocabulary<'a>,
    /// Some token may be hyphenated: the text of the tokens has a hyphen or dash.
    pub(super) dashes: bool,
    /// The text of each token, sliced once: the finder asks for each many times.
    pub(super) words: &'a [&'a str],
    /// A buffer for the runs of words a longest match looks up, kept for the sentence so each lookup
    /// does not allocate.
    pub(super) scratch: RefCell<String>,
    /// The last longest match asked for, by its start: the title, name and country steps ask for the
    /// match at the same word one after another.
    pub(super) last_match: Cell<Option<(usize, Option<LexiconMatch>)>>,
    /// The sentence's title-case headlines, as token ranges: a name inside one needs evidence.
    pub(super) headlines: &'a [(usize, usize)],
    /// The lexicon entities whose demonyms the document uses for another people: no mentions.
    pub(super) demonyms_used_otherwise: &'a [usize],
    /// How many times a token's word or kind was read, and how many reads the test allows before it
    /// fails: the work of finding, counted where every step reads the tokens.
    #[cfg(test)]
    pub(super) reads: &'a super::ReadCount,
}

/// Numbers and quantifiers before a plural demonym that count people ("million Americans").
const COUNTING_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "many",
    "few",
    "most",
    "several",
    "some",
    "fellow",
    "more",
    "fewer",
    "all",
    "other",
];

/// A longest lexicon match: (end, entity, role).
pub(super) type LexiconMatch = (usize, usize, SurfaceRole);

impl<'a> Finder<'a> {
    /// [`is_hyphenated`], at once for a sentence without dashes.
    pub(super) fn is_hyphenated(&self, word: &str) -> bool {
        self.dashes && is_hyphenated(word)
    }

    pub(super) fn word(&self, index: usize) -> &'a str {
        #[cfg(test)]
        self.reads.count();
        self.words.get(index).copied().unwrap_or("")
    }

    pub(super) fn kind(&self, index: usize) -> Option<TokenKind> {
        #[cfg(test)]
        self.reads.count();
        self.tokens.get(index).map(|t| t.kind)
    }

    pub(super) fn is_word(&self, index: usize) -> bool {
        self.kind(index) == Some(TokenKind::Word)
    }

    /// A mention of the lexicon's `entity` by its surface in `role`, over tokens `first..last` (or at
    /// `span`, a part of one token, when given).
    pub(super) fn lexicon_entity_mention(
        &self,
        tokens: (usize, usize),
        span: Option<Span>,
        entity: usize,
        role: SurfaceRole,
    ) -> FoundMention {
        FoundMention {
            span: span.unwrap_or_else(|| self.span(tokens.0, tokens.1)),
            tokens,
            source: MentionSource::Lexicon { entity, role },
            kind: self.lexicon.entity(entity).map(|e| e.kind),
            title: None,
            sentence_initial: false,
            contains: Vec::new(),
        }
    }

    pub(super) fn span(&self, first: usize, last: usize) -> Span {
        match (
            self.tokens.get(first),
            last.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        }
    }

    /// The first token of the sentence proper, past opening quotes and brackets.
    pub(super) fn first_word_index(&self) -> usize {
        self.tokens
            .iter()
            .position(|t| t.kind != TokenKind::Punct)
            .unwrap_or(0)
    }

    pub(super) fn run(&self, mentions: &mut Vec<FoundMention>) {
        let first_word = self.first_word_index();
        let mut i = 0;
        while i < self.tokens.len() {
            // Tested here rather than in `mentions_at`: most tokens are passed over, without a call.
            if !self.is_word(i) || self.is_plain_word(i) {
                i += 1;
                continue;
            }
            i = self.mentions_at(
                i,
                i == first_word || opens_quotation(self.text, self.tokens, i),
                mentions,
            );
        }
    }

    /// Pushes the mentions that start at word `i` (`at_start`: the sentence's first word), which is
    /// no plain word, and returns the token to go on from.
    fn mentions_at(&self, i: usize, at_start: bool, mentions: &mut Vec<FoundMention>) -> usize {
        if let Some(next) = self.title_construct(i, mentions) {
            return next;
        }
        if let Some(next) = self.event_phrase(i, mentions) {
            return next;
        }
        let word = self.word(i);
        if let Some(next) = self.lower_case_region(i, mentions) {
            return next;
        }
        if !is_capitalised(word) {
            // Both read hyphenated words only; most words are not.
            if self.is_hyphenated(word) {
                if let Some(next) = self.prefixed_name(i, mentions) {
                    return next;
                }
                if let Some(next) = self.compound_parts_mentions(i, mentions) {
                    return next;
                }
            }
            return i + 1;
        }
        self.capitalised_mentions_at(i, at_start, mentions)
    }

    /// Most words are plain lower-case words that every step passes over: a word that starts in lower
    /// case is not capitalised; if it is no title modifier and starts no surface form,
    /// `title_construct` finds nothing; if no "of", "in" or "on" follows, neither does
    /// `event_phrase`; and without a hyphen nothing else reads it.
    #[inline(always)]
    fn is_plain_word(&self, i: usize) -> bool {
        let word = self.word(i);
        word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && !is_title_modifier(word)
            && !self.lexicon.may_start_surface(word)
            && !matches!(self.word(i + 1), "of" | "in" | "on")
            && !self.is_hyphenated(word)
            && compass_point(word).is_none()
    }

    /// "northeast Africa": a compass point in lower case and the capitalised name after it, when the
    /// two name a lexicon region ("Northeast Africa").
    fn lower_case_region(&self, i: usize, mentions: &mut Vec<FoundMention>) -> Option<usize> {
        let point = compass_point(self.word(i))?;
        let next = self.word(i + 1);
        if !self.is_word(i + 1) || !is_capitalised(next) {
            return None;
        }
        let (entity, role) = self.lexicon.lookup(&format!("{point} {next}"))?;
        mentions.push(self.lexicon_entity_mention((i, i + 2), None, entity, role));
        Some(i + 2)
    }

    /// [`Finder::mentions_at`] for a capitalised word: a lexicon match or a capitalised phrase,
    /// whichever reads more of a name.
    fn capitalised_mentions_at(
        &self,
        i: usize,
        at_start: bool,
        mentions: &mut Vec<FoundMention>,
    ) -> usize {
        let word = self.word(i);
        // The closed lists' word on this word, looked up once.
        let facts = self.lexicon.word_facts(word);
        if self.starts_no_name(i, at_start, facts) {
            return i + 1;
        }
        if let Some(next) = self.glued_heading(i, mentions) {
            return next;
        }
        if let Some(next) = self.modifier_compound(i, mentions) {
            // "Western-led", "Russian-made": a name used as the first part of a modifier.
            return next;
        }
        let lexicon_match = self.lexicon_match(i);
        let phrase_end = self.phrase_end(i);
        let phrase_end = self.and_before_acronym(i, phrase_end).unwrap_or(phrase_end);
        let phrase_wins = match lexicon_match {
            None => true,
            Some((end, _, _)) => {
                phrase_end > end
                    && ((end..phrase_end).any(|t| self.lexicon.head_noun(self.word(t)).is_some())
                        || self.acronym_spells_from(i, end, phrase_end))
            }
        };
        if !phrase_wins && let Some(found) = lexicon_match {
            return self.lexicon_mention(i, found, mentions);
        }
        if phrase_end == i + 1
            && self.is_hyphenated(word)
            && let Some(next) = self.compound_parts_mentions(i, mentions)
        {
            return next;
        }
        self.phrase_mention(i, phrase_end, at_start, facts, mentions)
    }

    /// "The", "However", "March", "Arab" alone, or, at a sentence start, "Efforts of Iraq": a
    /// capitalised word that starts no name.
    fn starts_no_name(&self, i: usize, at_start: bool, facts: WordFacts) -> bool {
        let word = self.word(i);
        if is_contraction_of_i(word) {
            return true;
        }
        if facts.function
            && self.lexicon.lookup(word).is_none()
            && !self.number_leads_a_name(i, at_start)
        {
            return true;
        }
        // "Attacking Iran …", "Let us …": a common word where a sentence starts, unless a lexicon name
        // starts with it ("People's Republic of China") or it is the head noun that leads an event's or
        // a place's name ("Operation Desert Storm began", "Lake Chad shrank").
        if at_start
            && self.starts_with_common_word(i)
            && self.lexicon_match(i).is_none()
            && !self.leads_a_name(i)
            && !self.head_before_of(i)
        {
            return true;
        }
        // "the Governments of Spain and Portugal", "Envoys of the Arab League": a plural common noun
        // before "of" and a name says which of the name's members or parts; it is no part of the name.
        if self.is_plural_common_noun_strict(i)
            && self.word(i + 1) == "of"
            && self.connector_continues(i + 1)
        {
            return true;
        }
        // "Arab" alone names no actor, but "the Arab League" does: a phrase it starts that ends in
        // a head noun.
        let non_actor_heads_phrase = facts.non_actor && {
            let end = self.phrase_end(i);
            end > i + 1 && self.lexicon.head_noun(self.word(end - 1)).is_some()
        };
        // "the Muslim world" is a region the lexicon names, though "Muslim" alone names no actor.
        facts.calendar
            || (facts.non_actor && !non_actor_heads_phrase && self.lexicon_match(i).is_none())
    }

    /// "the Third World", "the Second World War", "the Five Year Plan": a capitalised number word inside
    /// a sentence that a lexicon name starts with, or that a capitalised word follows, is part of a name.
    fn number_leads_a_name(&self, i: usize, at_start: bool) -> bool {
        let word = self.word(i);
        is_number_word(word)
            && is_capitalised(word)
            && (self.lexicon_match(i).is_some()
                || (!at_start
                    && !self.in_headline(i)
                    && self.is_word(i + 1)
                    && is_capitalised(self.word(i + 1))
                    && !self.lexicon.word_facts(self.word(i + 1)).function))
    }

    /// Whether the word at `i` is a head noun that may lead a name ("Operation", "Lake") and a
    /// capitalised phrase goes on after it.
    fn leads_a_name(&self, i: usize) -> bool {
        self.lexicon
            .head_noun(self.word(i))
            .is_some_and(|kind| super::phrase::LEADING_HEAD_KINDS.contains(&kind))
            && self.phrase_end(i) > i + 1
    }

    /// "Ministry of Defence", "Council of Europe" where a sentence starts: a head noun of any kind
    /// before "of" or "for" and a capitalised name leads that name, though English also writes the
    /// head noun in lower case.
    fn head_before_of(&self, i: usize) -> bool {
        self.lexicon.head_noun(self.word(i)).is_some()
            && matches!(self.word(i + 1), "of" | "for")
            && self.connector_continues(i + 1)
    }

    /// "Governments", "Commissioners", "States": [`Finder::is_plural_common_noun`] whose singular
    /// ("government", "state") English also writes in lower case, so that a singular ending in "s"
    /// ("Status") is not taken for a plural.
    fn is_plural_common_noun_strict(&self, index: usize) -> bool {
        let word = self.word(index);
        let Some(stem) = word.strip_suffix('s') else {
            return false;
        };
        let singular_common =
            |stem: &str| stem.chars().count() >= 3 && self.vocabulary.is_often_lower(stem);
        !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
            && self.is_plural_common_noun(index)
            && (singular_common(stem)
                || stem.strip_suffix('e').is_some_and(singular_common)
                || stem
                    .strip_suffix("ie")
                    .is_some_and(|s| singular_common(&format!("{s}y"))))
    }

    /// Pushes the mention of the lexicon match `found` at `i`, or of the event, national force or city
    /// it is part of, and returns the token after it.
    fn lexicon_mention(
        &self,
        i: usize,
        (end, entity, role): LexiconMatch,
        mentions: &mut Vec<FoundMention>,
    ) -> usize {
        let phrase = |end: usize, kind: EntityKind, contains: Vec<usize>| FoundMention {
            span: self.span(i, end),
            tokens: (i, end),
            source: MentionSource::Phrase,
            kind: Some(kind),
            title: None,
            sentence_initial: false,
            contains,
        };
        if role == SurfaceRole::Demonym && self.demonyms_used_otherwise.contains(&entity) {
            // "the Indians" in a document that speaks of "Indian tribes": another people.
            return end;
        }
        let event_end = self.event_noun_end(end).or_else(|| {
            (role == SurfaceRole::Demonym)
                .then(|| self.modified_event_noun_end(end))
                .flatten()
        });
        if let Some(event_end) = event_end {
            // "Kuwait crisis", "US invasion", "the Soviet invasion of Afghanistan": the event, not
            // the country; the country it was done to, named inside it, is the event's object.
            let (event_end, contains) = match self.event_object(event_end) {
                Some((end, object)) if object != entity => (end, vec![entity, object]),
                _ => (event_end, vec![entity]),
            };
            mentions.push(phrase(event_end, EntityKind::Event, contains));
            return event_end;
        }
        if let Some(army_end) = self
            .national_force_end(end)
            .filter(|_| role == SurfaceRole::Demonym)
        {
            // "the Iraqi army", "the Turkish navy": the national force, an institution of its own
            // rather than the state.
            mentions.push(phrase(army_end, EntityKind::ArmedGroup, Vec::new()));
            return army_end;
        }
        if role == SurfaceRole::Demonym && self.counted_people(i, end) {
            // "45 million Americans", "many Iraqis": people counted, not their state.
            return end;
        }
        if role == SurfaceRole::Capital && self.after_locative_preposition(i) {
            // "the Central Bank of Iraq in Baghdad": the city, a place in its country.
            mentions.push(phrase(end, EntityKind::Place, vec![entity]));
            return end;
        }
        mentions.push(self.lexicon_entity_mention((i, end), None, entity, role));
        end
    }

    /// Whether the demonym from `i` to `end` is a plural noun after a number or a quantifier ("45
    /// million Americans", "few Iraqis", "my fellow Americans"): people counted, which the gold
    /// conventions keep apart from the state the demonym names elsewhere.
    fn counted_people(&self, i: usize, end: usize) -> bool {
        let plural = end
            .checked_sub(1)
            .is_some_and(|last| self.word(last).ends_with('s') && !self.word(last).ends_with("ss"));
        let before = i.checked_sub(1).map_or("", |b| self.word(b));
        plural
            && (before.starts_with(|c: char| c.is_ascii_digit())
                || COUNTING_WORDS
                    .iter()
                    .any(|w| before.eq_ignore_ascii_case(w)))
    }

    /// Pushes the capitalised phrase from `i` to `phrase_end` (with a place or event noun after it),
    /// and the acronym defined after it if any, unless it is a single word that is no name; returns the
    /// token to go on from.
    fn phrase_mention(
        &self,
        i: usize,
        phrase_end: usize,
        at_start: bool,
        facts: WordFacts,
        mentions: &mut Vec<FoundMention>,
    ) -> usize {
        let word = self.word(i);
        if let Some(next) = self.adjective_alone(i, phrase_end) {
            return next;
        }
        let mut end = self.acronym_spans_and(i, phrase_end).unwrap_or(phrase_end);
        let mut kind = self.phrase_kind(i, end);
        if let Some(with_place) = self.place_noun_end(end) {
            end = with_place;
            kind = Some(EntityKind::Place);
        } else if let Some(with_event) = self.event_noun_end(end) {
            end = with_event;
            kind = Some(EntityKind::Event);
        } else if let Some(with_group) = self.group_noun_end(end) {
            end = with_group;
            kind = Some(EntityKind::PoliticalGroup);
        }
        let single = end == i + 1;
        // "this Chamber", "the new Government": a head noun alone that the corpus also writes in
        // lower case is the common noun, not a name.
        let generic_head =
            facts.head_noun.is_some() && !is_acronym(word) && self.vocabulary.is_common_word(word);
        if single
            && (generic_head
                || facts.function
                || word.chars().count() < 2
                || word.chars().any(|c| c.is_ascii_digit()))
        {
            return i + 1;
        }
        let index = mentions.len();
        mentions.push(FoundMention {
            span: self.span(i, end),
            tokens: (i, end),
            source: MentionSource::Phrase,
            kind: kind.or_else(|| is_acronym(word).then_some(EntityKind::Organization)),
            title: None,
            // Alone, a word where a sentence starts or a common word ("our Nation") is no evidence of
            // a name: the entity is kept only if the name is found elsewhere.
            sentence_initial: (single && (at_start || self.vocabulary.is_common_inside(word)))
                || self.in_headline(i),
            contains: self.countries_inside(i, end),
        });
        self.acronym_definition(index, mentions).unwrap_or(end)
    }

    /// "Kurdish politicians", "the Islamic world", "an East Asian power", "Kurdish Iraqi ministers": a
    /// phrase (no lexicon name) that ends in an adjective ([`Finder::is_adjective`]) names nothing, and
    /// an adjective before a lexicon name is no part of it. The token to go on from, if so. "the
    /// Pacific" alone, a noun, stays.
    fn adjective_alone(&self, i: usize, phrase_end: usize) -> Option<usize> {
        if self.is_adjective(i)
            && phrase_end > i + 1
            && self
                .lexicon_match(i + 1)
                .is_some_and(|(end, _, _)| end == phrase_end)
        {
            return Some(i + 1);
        }
        let last = phrase_end.checked_sub(1)?;
        if phrase_end == i + 2 && self.is_adjective(i) && self.is_plural_common_noun(last) {
            // "European Governments", "Federal Courts": an adjective and a plural common noun
            // describe some things; they name none.
            return Some(phrase_end);
        }
        if !self.is_adjective(last) {
            return None;
        }
        let noun = i
            .checked_sub(1)
            .is_some_and(|b| self.word(b).eq_ignore_ascii_case("the"))
            && (!self.is_word(phrase_end) || is_capitalised(self.word(phrase_end)));
        (!noun).then_some(phrase_end)
    }

    /// Whether the word at `index` is an adjective: shaped as one of a people, a faith or a direction
    /// ("Kurdish"), one the lexicon lists as a people's or a continent's ("Arab", "Asian"), or with
    /// an adjective's suffix and written in lower case often by English ("Federal", "Executive"),
    /// unless a head noun ("Tribunal").
    pub(super) fn is_adjective(&self, index: usize) -> bool {
        let word = self.word(index);
        is_adjective_shaped(word)
            || self.lexicon.is_people_adjective(word)
            || (has_adjective_suffix(word)
                && self.lexicon.head_noun(word).is_none()
                && self.vocabulary.is_often_lower(word))
    }

    /// "Governments", "Courts": a plural that English writes in lower case, and no head noun of a
    /// name ("Forces").
    fn is_plural_common_noun(&self, index: usize) -> bool {
        let word = self.word(index);
        word.ends_with('s')
            && self.lexicon.head_noun(word).is_none()
            && self.vocabulary.is_common_inside(word)
    }

    /// "AFRICA The United States …", "ECONOMIC DEVELOPMENT One …": a heading in capitals run into the
    /// sentence after it. A run of words in capitals that a capitalised word in lower case follows is
    /// such a heading when it has two words or more, or its word is a common English word, or a
    /// function word follows it ("The"). It is no part of a name: the lexicon name it is, if any, is
    /// pushed, and the finder goes on after it.
    fn glued_heading(&self, i: usize, mentions: &mut Vec<FoundMention>) -> Option<usize> {
        let is_caps = |index: usize| {
            let word = self.word(index);
            self.is_word(index)
                && word.chars().any(char::is_alphabetic)
                && !word.chars().any(char::is_lowercase)
                && !self.is_pronoun_i(index)
        };
        if !is_caps(i) {
            return None;
        }
        let mut end = i + 1;
        while end < self.tokens.len() {
            if is_caps(end) {
                end += 1;
            } else if self.is_word(end)
                && self.lexicon.is_function_word(self.word(end))
                && !matches!(self.word(end), "The" | "A" | "An")
                && is_caps(end + 1)
            {
                // "IMPACT Of THE WAR": a heading's function word in title case inside it.
                end += 2;
            } else {
                break;
            }
        }
        let next = self.word(end);
        // The heading's sentence may open with a name ("Government programs …") or with the
        // pronoun ("I recommend …").
        let mixed = self.is_word(end)
            && is_capitalised(next)
            && (next.chars().any(char::is_lowercase) || self.is_pronoun_i(end));
        let long = (i..end).any(|t| self.word(t).chars().count() >= 4);
        let heading = end > i + 1
            || self.vocabulary.is_common_at_start(self.word(i))
            || self.lexicon.is_function_word(next);
        if !(mixed && long && heading) {
            return None;
        }
        if let Some(found @ (match_end, _, _)) = self.lexicon_match(i)
            && match_end == end
        {
            self.lexicon_mention(i, found, mentions);
        }
        // The word after the heading starts its sentence ("Towns in …"): read as a sentence's first
        // word is. It is no word in capitals, so this reads no second heading.
        Some(self.mentions_at(end, true, mentions))
    }

    /// Whether token `index` is inside a title-case headline.
    fn in_headline(&self, index: usize) -> bool {
        self.headlines
            .iter()
            .any(|&(start, end)| (start..end).contains(&index))
    }

    /// At a sentence start, a capitalised word the corpus or English also writes in lower case is a
    /// common word ("Efforts of Iraq"), unless it is an acronym.
    pub(super) fn starts_with_common_word(&self, index: usize) -> bool {
        let word = self.word(index);
        !is_acronym(word) && self.vocabulary.is_common_at_start(word)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Lexicon;
    use crate::extract::mention::{CorpusVocabulary, MentionFinder};
    use crate::model::Span;
    use crate::text::tokenize;

    /// The mentions of `sentence` as (surface, whether alone it is no evidence of a name).
    fn mentions(sentence: &str) -> Vec<(String, bool)> {
        let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
        let vocabulary = CorpusVocabulary::default();
        let mut finder = MentionFinder::new(&lexicon, &vocabulary);
        let tokens = tokenize(sentence, Span::new(0, sentence.len()));
        let mut found = Vec::new();
        finder.find(sentence, &tokens, &mut found);
        found
            .iter()
            .map(|m| (m.span.slice(sentence).to_string(), m.sentence_initial))
            .collect()
    }

    /// Issue 18: common words capitalised where a sentence or quotation starts are no names, and
    /// common words capitalised inside a sentence are names only with evidence found elsewhere.
    #[test]
    fn common_words_are_not_names() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("Attacking the convoy was a blunder.", &[]),
            (
                "Let the record show that Brazil agreed.",
                &[("Brazil", false)],
            ),
            ("Oil prices rose in Norway last week.", &[("Norway", false)]),
            (
                "She said “Patience wins wars” to the envoy from Ghana.",
                &[("Ghana", false)],
            ),
            (
                "He said \"Mistakes were made\" in Peru.",
                &[("Peru", false)],
            ),
            (
                "I've met Kenya's envoy, and I'd go again.",
                &[("Kenya", false)],
            ),
            ("I’m sure I’ll see Chile.", &[("Chile", false)]),
            (
                "Voters praised our Nation before the Ambassadors arrived on Earth.",
                &[("Nation", true), ("Ambassadors", true), ("Earth", true)],
            ),
            ("Four Presidents signed it.", &[("Presidents", true)]),
            // A lexicon name that starts with a common word is still read.
            (
                "People's Republic of China officials met Vietnam.",
                &[("People's Republic of China", false), ("Vietnam", false)],
            ),
            (
                "Peru's envoy met Iraq's minister.",
                &[("Peru", false), ("Iraq", false)],
            ),
            // A name that is no common word stays, weak where the sentence starts.
            (
                "Okonkwo spoke to Congress.",
                &[("Okonkwo", true), ("Congress", false)],
            ),
        ];
        check(cases);
    }

    /// Issue 18: a heading in capitals run into its sentence is split off it.
    #[test]
    fn headings_glued_to_sentences_are_split() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "TRADE POLICY The Government of Chile agreed.",
                &[("Government of Chile", false)],
            ),
            // The lexicon matches names as written: "CHILE" is not read (capitals are not cased back).
            ("CHILE The envoy of Peru spoke.", &[("Peru", false)]),
            ("RECOVERY Brazil grew.", &[("Brazil", false)]),
            // An acronym before a name stays the acronym it is.
            (
                "The NATO Summit met in Riga.",
                &[("NATO Summit", false), ("Riga", false)],
            ),
            ("He met the ZANU Politburo.", &[("ZANU Politburo", false)]),
        ];
        check(cases);
    }

    /// Issue 18: adjectives alone are no entities; a demonym standing for its state still is.
    #[test]
    fn adjectives_alone_are_not_names() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("Officials spoke of Kurdish politicians in the town.", &[]),
            ("It joined Nordic and Slavic powers.", &[]),
            // The lexicon knows these: a region and its adjective.
            (
                "It joined the Islamic world and Western powers.",
                &[("Islamic world", false), ("Western", false)],
            ),
            ("They fear an Eastern Slavic alliance.", &[]),
            ("They met Kurdish Iraqi ministers.", &[("Iraqi", false)]),
            // A people's or a continent's adjective closing a phrase describes the noun after it.
            ("Oman and the Gulf Arab states met.", &[("Oman", false)]),
            (
                "Chad fears the rise of an East Asian power.",
                &[("Chad", false)],
            ),
            (
                "Iranian officials met Kurdish envoys.",
                &[("Iranian", false)],
            ),
            ("Ships sailed the Pacific.", &[("Pacific", false)]),
            ("He won Olympic gold in Kenya.", &[("Kenya", false)]),
            // A name with a head noun after the adjective is a name.
            (
                "The Islamic Development Bank lent money.",
                &[("Islamic Development Bank", false)],
            ),
            (
                "They met the Olympic Committee yesterday.",
                &[("Olympic Committee", false)],
            ),
        ];
        check(cases);
    }

    /// Issue 18: a capitalised number word inside a sentence joins the name after it; where a
    /// sentence starts, or alone, it names nothing.
    #[test]
    fn number_words_join_the_name_after_them() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "Norway fought in the Second World War.",
                &[("Norway", false), ("Second World War", false)],
            ),
            (
                "Ghana joined the Third World bloc.",
                &[("Ghana", false), ("Third World", false)],
            ),
            (
                "Vietnam drafted a Five Year Plan.",
                &[("Vietnam", false), ("Five Year Plan", false)],
            ),
            ("Third, Ghana voted.", &[("Ghana", false)]),
            ("Ghana voted, and Second came later.", &[("Ghana", false)]),
        ];
        check(cases);
    }

    /// Issue 18: a plural demonym after a number or a quantifier counts people; it names no state
    /// (the gold conventions' "Iraqi youth"). Alone or after "the" it still may.
    #[test]
    fn people_counted_are_no_state() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("Today 45 million Brazilians receive pensions.", &[]),
            ("Many Peruvians voted for Chile.", &[("Chile", false)]),
            (
                "My fellow Kenyans, Ghana is our friend.",
                &[("Ghana", false)],
            ),
            ("Ten Chileans died in 2007.", &[]),
            (
                "The Peruvians attacked Chile.",
                &[("Peruvians", false), ("Chile", false)],
            ),
            (
                "Peruvians attacked Chile.",
                &[("Peruvians", false), ("Chile", false)],
            ),
        ];
        check(cases);
    }

    /// Issue 18: lower-case nouns after a name make an event or a group of it; a demonym leading a
    /// name its acronym spells whole is part of it.
    #[test]
    fn nouns_after_a_name_and_acronyms_before_it() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "Kenya watched the Ethiopian invasion of Somalia.",
                &[("Kenya", false), ("Ethiopian invasion of Somalia", false)],
            ),
            (
                "Kenya watched the Ethiopian invasion closely.",
                &[("Kenya", false), ("Ethiopian invasion", false)],
            ),
            (
                "Ghana recalled the Cuban missile crisis.",
                &[("Ghana", false), ("Cuban missile crisis", false)],
            ),
            // A function word between them makes no event: "Cuba" alone.
            (
                "Ghana asked the Cuban to war.",
                &[("Ghana", false), ("Cuban", false)],
            ),
            (
                "Ghana recalled the battle of Kumasi.",
                &[("Ghana", false), ("battle of Kumasi", false)],
            ),
            // An event noun's "of" before a demonym: the demonym describes what follows.
            (
                "Chad voted after the election of Sudanese general Ali Musa.",
                &[("Chad", false), ("Sudanese", false), ("Ali Musa", false)],
            ),
            // Two countries joined by an en dash, as by a hyphen: the two countries.
            (
                "The Chad–Sudan proxy conflict went on.",
                &[("Chad", false), ("Sudan", false)],
            ),
            (
                "Ghana fell under the Ashanti dynasty.",
                &[("Ghana", false), ("Ashanti dynasty", false)],
            ),
            (
                "Kenya fought the Somali Islamic Jihad (SIJ) in May.",
                &[
                    ("Kenya", false),
                    ("Somali Islamic Jihad", false),
                    ("SIJ", false),
                ],
            ),
            // The acronym spells the name without the demonym: the demonym is the state's.
            (
                "Kenya fought the Somali Islamic Jihad (IJ) in May.",
                &[
                    ("Kenya", false),
                    ("Somali", false),
                    ("Islamic Jihad", false),
                    ("IJ", false),
                ],
            ),
        ];
        check(cases);
    }

    /// Issue 18: a region the lexicon names may be written with its compass point in lower case.
    #[test]
    fn compass_points_in_lower_case_lead_regions() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "Ships patrol the coasts of northeast Africa.",
                &[("northeast Africa", false)],
            ),
            (
                "Trade with southeast Asia grew.",
                &[("southeast Asia", false)],
            ),
            // No region by that name: the compass point stays a word.
            ("Troops moved north Kenya way.", &[("Kenya", false)]),
            ("They went west to Peru.", &[("Peru", false)]),
        ];
        check(cases);
    }

    /// Issue 18: a name cut at "and" is read whole when the acronym defined after it spells the whole.
    #[test]
    fn an_acronym_spelling_the_whole_carries_a_name_past_and() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "Fighters of the Islamic State of Iraq and Syria (ISIS) took Mosul.",
                &[
                    ("Islamic State of Iraq and Syria", false),
                    ("ISIS", false),
                    ("Mosul", false),
                ],
            ),
            (
                "The Islamic State of Iraq and the Levant (ISIL) grew.",
                &[
                    ("Islamic State of Iraq and the Levant", false),
                    ("ISIL", false),
                ],
            ),
            // The acronym spells the first name only: the two stay apart.
            (
                "The Bank of Ghana and Togo (BG) met.",
                &[("Bank of Ghana", false), ("Togo", false), ("BG", false)],
            ),
        ];
        check(cases);
    }

    /// Issue 18, on older prose that capitalises common words: offices, forms of address, adjectives
    /// and common words before a dash are no names; abbreviations join the name after them.
    #[test]
    fn offices_adjectives_and_common_words_are_not_names() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            // A common word glued to a dash is as weak as alone.
            (
                "The delegates of several Provinces-as the law requires-met in Peru.",
                &[("Provinces", true), ("Peru", false)],
            ),
            // Adjectives alone, by their suffix and by English's lower-case use of them.
            ("The Federal budget and the Executive branch grew.", &[]),
            ("The Federal agency wrote to Kenya.", &[("Kenya", false)]),
            ("He warned European envoys.", &[]),
            // An adjective and a plural common noun describe; they name nothing.
            (
                "The envoy warned European Governments about Peru.",
                &[("Peru", false)],
            ),
            ("Funds went to Federal Courts.", &[]),
            // Offices and forms of address are roles.
            (
                "A letter from the Postmaster General reached Kenya.",
                &[("Kenya", false)],
            ),
            ("The Acting Secretary of State met the envoy.", &[]),
            ("His Majesty received the envoy.", &[]),
            ("The Comptroller of the Currency wrote a report.", &[]),
            ("Madam Speaker, I thank Chile.", &[("Chile", false)]),
            // A title-like adjective before a common word or a body's name is part of a name.
            (
                "Funds from the General Treasury paid for it.",
                &[("General Treasury", false)],
            ),
            (
                "The General Land Office sold the plots.",
                &[("General Land Office", false)],
            ),
            ("The General and Provincial Governments agreed.", &[]),
            // A title and a name written in capitals are a heading's words, not a titled person.
            (
                "Rates in REPRESENTATIVE PROVINCES rose.",
                &[("REPRESENTATIVE PROVINCES", false)],
            ),
            // "St." and the name after it are one name.
            (
                "They sailed up the river to St. Albans.",
                &[("St. Albans", false)],
            ),
            (
                "Officials at Sault Ste. Marie agreed.",
                &[("Sault Ste. Marie", false)],
            ),
            // The states of the United States are places the lexicon knows.
            (
                "Floods hit Mississippi and New York.",
                &[("Mississippi", false), ("New York", false)],
            ),
        ];
        check(cases);
    }

    /// Issue 18: a word only titles capitalise ends a name, and the names of its run need evidence
    /// from elsewhere; an acronym that spells only the name after "and" splits the two names.
    #[test]
    fn titles_are_no_names_and_acronyms_split_lists() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "The essay Grain Debt Through Famines and Floods won praise in Peru.",
                &[
                    ("Grain Debt", true),
                    ("Famines", true),
                    ("Floods", true),
                    ("Peru", false),
                ],
            ),
            (
                "Voters backed the Movement Toward Socialism in Peru.",
                &[("Movement Toward Socialism", false), ("Peru", false)],
            ),
            (
                "Aid came from Doctors Without Borders in Chad.",
                &[("Doctors Without Borders", false), ("Chad", false)],
            ),
            (
                "Kenya armed Tarnak and Somali Islamic Jihad (SIJ) in May.",
                &[
                    ("Kenya", false),
                    ("Tarnak", false),
                    ("Somali Islamic Jihad", false),
                    ("SIJ", false),
                ],
            ),
            (
                "Kenya joined the Belt and Road Initiative (BRI) in May.",
                &[
                    ("Kenya", false),
                    ("Belt and Road Initiative", false),
                    ("BRI", false),
                ],
            ),
        ];
        check(cases);
    }

    /// Issue 18: a plural common noun before "of" and a name is no part of the name; a head noun
    /// before "of" where a sentence starts still leads one.
    #[test]
    fn plural_common_nouns_before_of_are_not_names() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "Trade with the Governments of Norway and Chile grew.",
                &[("Norway", false), ("Chile", false)],
            ),
            ("Citizens of Kenya welcomed the envoy.", &[("Kenya", false)]),
            (
                "He wrote to the Commissioners of the Bank of Ghana.",
                &[("Bank of Ghana", false)],
            ),
            // A singular that ends in "s" is no plural.
            (
                "They signed a Status of Forces Agreement with Peru.",
                &[("Status of Forces Agreement", false), ("Peru", false)],
            ),
            // A head noun's plural names a place or a body.
            (
                "Troops left the Territories of the Ruvuma Basin.",
                &[("Territories of the Ruvuma Basin", false)],
            ),
            // Where a sentence starts, a head noun before "of" and a name leads that name.
            (
                "Ministry of Defence officials met Peru.",
                &[("Ministry of Defence", false), ("Peru", false)],
            ),
            (
                "Council of Europe envoys met Chile.",
                &[("Council of Europe", false), ("Chile", false)],
            ),
        ];
        check(cases);
    }

    /// Issue 18: "Emperor" is a title, not a name; "Republic" after a demonym is the state's form, no
    /// name of its own.
    #[test]
    fn state_forms_and_emperors_are_not_names() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "The Emperor received the envoy from Peru.",
                &[("Peru", false)],
            ),
            (
                "The President of the Chilean Republic met Kenya.",
                &[("Chilean", false), ("Kenya", false)],
            ),
        ];
        check(cases);
    }

    /// Issue 18: the pronoun "I" after a heading or a common word is no numeral of a name.
    #[test]
    fn the_pronoun_i_ends_a_name() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "THE MARITIME COMMISSION I recommend that Peru sign.",
                &[("Peru", false)],
            ),
            (
                "THE COST Of THE COAL MINES Towns in Ghana shrank.",
                &[("Ghana", false)],
            ),
            (
                "In this Message I ask that Chile agree.",
                &[("Message", true), ("Chile", false)],
            ),
            // (A lone head noun is dropped only when the corpus writes it in lower case.)
            (
                "The Government I lead will help Chile.",
                &[("Government", false), ("Chile", false)],
            ),
            // An article in title case after a heading starts the sentence.
            ("TRADE The ships of Chile sailed.", &[("Chile", false)]),
            // A numeral closing a name stays in it.
            (
                "Kenya fought in World War I and Ghana did too.",
                &[("Kenya", false), ("World War I", false), ("Ghana", false)],
            ),
        ];
        check(cases);
    }

    fn check(cases: &[(&str, &[(&str, bool)])]) {
        for (sentence, expected) in cases {
            let expected: Vec<(String, bool)> =
                expected.iter().map(|(s, f)| (s.to_string(), *f)).collect();
            assert_eq!(mentions(sentence), expected, "{sentence:?}");
        }
    }
}
