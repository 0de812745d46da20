//! The lexicon: general world knowledge in RON files under `data/lexicon/`.
//!
//! It holds countries (names, short forms, capitals, demonyms, combining prefixes such as "Sino"), major
//! international organisations, titles, relation verbs and a few closed word lists (function words, month
//! names, head nouns that give a name its kind). It never holds the names that happen to appear in a corpus:
//! every other entity is found from the text itself.
//!
//! The files are compiled into the binary, so `kg` runs anywhere; `--lexicon DIR` reads another copy.

use crate::model::{EntityKind, RelationClass};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A known entity: a country or an international organisation.
#[derive(Debug, Clone, Deserialize)]
pub struct LexiconEntity {
    /// Canonical name, the fullest common English form: "United States".
    pub name: String,
    pub kind: EntityKind,
    /// Other names and short forms: "US", "U.S.", "America".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Capitals, which often stand for the government: "Washington".
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Demonyms and adjectives: "American", "Americans".
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Combining forms used in compounds: "Sino" in "Sino-Iraqi".
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Phrases that show a document uses the demonyms for another people ("Indian tribes": Native
    /// Americans, not India): in such a document the demonyms do not name this entity.
    #[serde(default)]
    pub demonyms_used_otherwise: Vec<String>,
    /// The names of addresses only this state's leader gives ("State of the Union"): a document
    /// headed by one is spoken for this entity, whose "we", "us" and "our" it is.
    #[serde(default)]
    pub speeches: Vec<String>,
}

/// A title that precedes a name: "Prime Minister", "Dr.".
#[derive(Debug, Clone, Deserialize)]
pub struct Title {
    pub phrase: String,
    /// True when the holder leads what the title is attached to ("Iraqi Prime Minister X": X leads Iraq).
    #[serde(default)]
    pub leads: bool,
}

/// A relation verb, by lemma, with its class.
#[derive(Debug, Clone, Deserialize)]
pub struct Verb {
    pub lemma: String,
    pub class: RelationClass,
    /// Irregular inflections ("went", "gone" for "go"); regular ones are generated.
    #[serde(default)]
    pub forms: Vec<String>,
    /// A light verb ("take", "hold") says nothing of its own: it relates only through the
    /// relation noun it governs ("took control of Y", "held talks with Y").
    #[serde(default)]
    pub light: bool,
}

/// A noun with a class: relation nouns ("ties": Cooperation) and role nouns ("leader": Leads).
#[derive(Debug, Clone, Deserialize)]
pub struct ClassedNoun {
    pub word: String,
    pub class: RelationClass,
}

/// A head noun that ends a name and gives its kind: "Corporation": Organization.
#[derive(Debug, Clone, Deserialize)]
pub struct HeadNoun {
    pub word: String,
    pub kind: EntityKind,
}

/// The closed word lists of `words.ron`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WordLists {
    /// Determiners, pronouns, prepositions, conjunctions, sentence adverbs: never a name on their own.
    #[serde(default)]
    pub function_words: Vec<String>,
    /// Month and day names.
    #[serde(default)]
    pub calendar_words: Vec<String>,
    /// Capitalised words that name no actor: ethnic and religious adjectives ("Sunni"), "God", ...
    #[serde(default)]
    pub non_actor_words: Vec<String>,
    /// Capitalised head nouns that end a name and give its kind.
    #[serde(default)]
    pub head_nouns: Vec<HeadNoun>,
    /// Lower-case nouns that end a place name after a capitalised word: "oil field", "pipeline", "border".
    #[serde(default)]
    pub place_nouns: Vec<String>,
    /// Lower-case nouns that make an event of a capitalised word or year: "war", "invasion".
    #[serde(default)]
    pub event_nouns: Vec<String>,
    /// Lower-case nouns that make a political group of a capitalised word: "dynasty", "bloc".
    #[serde(default)]
    pub group_nouns: Vec<String>,
    /// Adjectives of peoples and continents that name no state ("Arab", "Asian"): a capitalised
    /// phrase they end describes the noun after it ("the Gulf Arab states", "an East Asian power").
    #[serde(default)]
    pub people_adjectives: Vec<String>,
    /// Nouns that name a relation: "relations", "ties", "rivalry".
    #[serde(default)]
    pub relation_nouns: Vec<ClassedNoun>,
    /// Nouns for a role in an apposition ("X, leader of Y"): "leader", "head", "member", "faction".
    #[serde(default)]
    pub role_nouns: Vec<ClassedNoun>,
    /// Words that negate a statement: "not", "never", "declined", "refused".
    #[serde(default)]
    pub negations: Vec<String>,
    /// Words that hedge a statement: "reportedly", "allegedly".
    #[serde(default)]
    pub hedges: Vec<String>,
}

/// How a surface form names a lexicon entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurfaceRole {
    Name,
    Alias,
    Capital,
    Demonym,
    Prefix,
}

/// What a run of words (a normalised surface form, or the first words of one) is in the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurfaceRun {
    /// The entity the run names, and how.
    pub names: Option<(usize, SurfaceRole)>,
    /// Some longer surface form starts with the run and a space.
    pub continues: bool,
}

/// What the closed word lists say of one word: [`Lexicon::word_facts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordFacts {
    pub function: bool,
    pub calendar: bool,
    pub non_actor: bool,
    pub head_noun: Option<EntityKind>,
}

/// A lexicon file could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// The entity asked to speak for the documents (`--speaker`) is not in the lexicon.
    #[error(
        "no country or organisation called \"{name}\" in the lexicon to speak for the documents; \
         give its name or a short form as the lexicon writes it (e.g. \"United States\", \"UK\")"
    )]
    UnknownSpeaker { name: String },
}

/// The loaded lexicon with its lookup indexes.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entities: Vec<LexiconEntity>,
    titles: Vec<Title>,
    surfaces: WordMap<(usize, SurfaceRole)>,
    /// Every first word, first two words, ... of a surface form, short of the whole form: a longest-match
    /// lookup can stop as soon as what it has read is not among them.
    surface_prefixes: WordSet,
    /// `surfaces` and `surface_prefixes` in one map, for a longest match that asks both of each run of
    /// words: what the run names, and whether some longer surface starts with it.
    surface_runs: WordMap<SurfaceRun>,
    /// The first bytes of the surface forms (as normalised): a word starting with another byte starts
    /// none.
    surface_first_bytes: [bool; 256],
    max_surface_words: usize,
    /// Title phrases ASCII-lower-cased, to the first title with that phrase.
    title_index: WordMap<usize>,
    /// The first words of the title phrases (up to the first space, ASCII-lower-cased, without
    /// trailing full stops): a phrase starting with another word is no title.
    title_first_words: WordSet,
    verb_forms: WordMap<usize>,
    verbs: Vec<Verb>,
    function_words: WordSet,
    calendar_words: WordSet,
    non_actor_words: WordSet,
    head_nouns: WordMap<EntityKind>,
    /// The four lists above in one map, for [`Lexicon::word_facts`].
    word_facts: WordMap<WordFacts>,
    relation_nouns: WordMap<RelationClass>,
    role_nouns: WordMap<RelationClass>,
    /// The first words (up to the first space) of every role noun and title key: a phrase whose first
    /// word is not among them is neither.
    role_first_words: WordSet,
    // The lists below are matched ignoring ASCII case, so they are keyed ASCII-lower-cased.
    place_nouns: WordSet,
    event_nouns: WordSet,
    group_nouns: WordSet,
    people_adjectives: WordSet,
    negations: WordSet,
    hedges: WordSet,
    /// Filters in front of the maps above, to turn most words away before lower-casing and hashing
    /// them: the closed lists of [`Lexicon::word_facts`], the surface runs (and so the surface forms),
    /// title phrases and their first words, verb forms, relation and role nouns, and the lists matched
    /// ignoring ASCII case.
    closed_word_filter: WordFilter,
    surface_filter: WordFilter,
    title_filter: WordFilter,
    title_first_filter: WordFilter,
    verb_filter: WordFilter,
    noun_filter: WordFilter,
    ascii_list_filter: WordFilter,
}

/// The lexicon files, by name, as compiled into the binary.
const EMBEDDED: [(&str, &str); 5] = [
    (
        "countries.ron",
        include_str!("../../data/lexicon/countries.ron"),
    ),
    (
        "organisations.ron",
        include_str!("../../data/lexicon/organisations.ron"),
    ),
    ("titles.ron", include_str!("../../data/lexicon/titles.ron")),
    ("verbs.ron", include_str!("../../data/lexicon/verbs.ron")),
    ("words.ron", include_str!("../../data/lexicon/words.ron")),
];

impl Lexicon {
    /// The lexicon compiled into the binary from `data/lexicon/`.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        Lexicon::from_sources(
            |name| Ok(lookup_embedded(name).to_owned()),
            Path::new("data/lexicon"),
        )
    }

    /// Reads the lexicon from the RON files in `directory`.
    pub fn load(directory: &Path) -> Result<Lexicon, LexiconError> {
        Lexicon::from_sources(
            |name| {
                let path = directory.join(name);
                std::fs::read_to_string(&path).map_err(|source| LexiconError::Io { path, source })
            },
            directory,
        )
    }

    fn from_sources(
        read: impl Fn(&str) -> Result<String, LexiconError>,
        directory: &Path,
    ) -> Result<Lexicon, LexiconError> {
        fn parse<T: serde::de::DeserializeOwned>(
            directory: &Path,
            name: &str,
            source: &str,
        ) -> Result<T, LexiconError> {
            ron::from_str(source).map_err(|error| LexiconError::Parse {
                path: directory.join(name),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            })
        }
        let mut entities: Vec<LexiconEntity> =
            parse(directory, "countries.ron", &read("countries.ron")?)?;
        entities.extend(parse::<Vec<LexiconEntity>>(
            directory,
            "organisations.ron",
            &read("organisations.ron")?,
        )?);
        let titles = parse(directory, "titles.ron", &read("titles.ron")?)?;
        let verbs = parse(directory, "verbs.ron", &read("verbs.ron")?)?;
        let words = parse(directory, "words.ron", &read("words.ron")?)?;
        Ok(Lexicon::new(entities, titles, verbs, words))
    }

    /// Builds the indexes over the given lists.
    pub fn new(
        entities: Vec<LexiconEntity>,
        titles: Vec<Title>,
        verbs: Vec<Verb>,
        words: WordLists,
    ) -> Lexicon {
        let surfaces = index_surfaces(&entities);
        let max_surface_words = most_words(surfaces.keys());
        let surface_prefixes = multi_word_prefixes(&surfaces);
        let surface_runs = index_surface_runs(&surfaces, &surface_prefixes);
        let surface_first_bytes = first_bytes(surface_runs.keys());
        let title_index = index_titles(&titles);
        let title_first_words = title_index
            .keys()
            .map(|key| first_title_word(key).to_string())
            .collect();
        let verb_forms = index_verb_forms(&verbs);
        let role_nouns = classed_nouns(&words.role_nouns);
        let function_words: WordSet = lower_set(&words.function_words);
        let calendar_words: WordSet = lower_set(&words.calendar_words);
        let non_actor_words: WordSet = lower_set(&words.non_actor_words);
        let head_nouns: WordMap<EntityKind> = words
            .head_nouns
            .iter()
            .map(|h| (h.word.to_lowercase(), h.kind))
            .collect();
        let word_facts = index_word_facts(
            &function_words,
            &calendar_words,
            &non_actor_words,
            &head_nouns,
        );
        let role_first_words = role_nouns
            .keys()
            .chain(title_index.keys())
            .map(|key| key.split(' ').next().unwrap_or("").to_string())
            .collect();
        let relation_nouns = classed_nouns(&words.relation_nouns);
        let place_nouns: WordSet = ascii_lower_set(&words.place_nouns);
        let event_nouns: WordSet = ascii_lower_set(&words.event_nouns);
        let group_nouns: WordSet = ascii_lower_set(&words.group_nouns);
        let people_adjectives: WordSet = ascii_lower_set(&words.people_adjectives);
        let negations: WordSet = ascii_lower_set(&words.negations);
        let hedges: WordSet = ascii_lower_set(&words.hedges);
        let mut lexicon = Lexicon {
            closed_word_filter: WordFilter::default(),
            surface_filter: WordFilter::default(),
            title_filter: WordFilter::default(),
            title_first_filter: WordFilter::default(),
            verb_filter: WordFilter::default(),
            noun_filter: WordFilter::default(),
            ascii_list_filter: WordFilter::default(),
            function_words,
            calendar_words,
            non_actor_words,
            head_nouns,
            word_facts,
            relation_nouns,
            role_nouns,
            role_first_words,
            place_nouns,
            event_nouns,
            group_nouns,
            people_adjectives,
            negations,
            hedges,
            entities,
            titles,
            surfaces,
            surface_prefixes,
            surface_runs,
            surface_first_bytes,
            max_surface_words,
            title_index,
            title_first_words,
            verb_forms,
            verbs,
        };
        lexicon.build_filters();
        lexicon
    }

    /// Builds each word filter over the keys of the maps and sets it guards.
    fn build_filters(&mut self) {
        self.closed_word_filter = WordFilter::new(self.word_facts.keys().map(String::as_str));
        self.surface_filter = WordFilter::new(self.surface_runs.keys().map(String::as_str));
        self.title_filter = WordFilter::new(self.title_index.keys().map(String::as_str));
        self.title_first_filter =
            WordFilter::new(self.title_first_words.iter().map(String::as_str));
        self.verb_filter = WordFilter::new(self.verb_forms.keys().map(String::as_str));
        self.noun_filter = WordFilter::new(
            self.relation_nouns
                .keys()
                .chain(self.role_nouns.keys())
                .map(String::as_str),
        );
        self.ascii_list_filter = WordFilter::new(
            [
                &self.place_nouns,
                &self.event_nouns,
                &self.group_nouns,
                &self.people_adjectives,
                &self.negations,
                &self.hedges,
            ]
            .into_iter()
            .flatten()
            .map(String::as_str),
        );
    }

    pub fn entities(&self) -> &[LexiconEntity] {
        &self.entities
    }

    /// The entity (its index) whose address `heading` names, if any: the heading holds the words of
    /// one of its [`speeches`](LexiconEntity::speeches) in a row, ignoring case and punctuation.
    pub fn speaker_of_heading(&self, heading: &str) -> Option<usize> {
        let heading = heading.to_lowercase();
        let words: Vec<&str> = heading
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        self.entities.iter().position(|entity| {
            entity.speeches.iter().any(|speech| {
                let speech = speech.to_lowercase();
                let phrase: Vec<&str> = speech
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                !phrase.is_empty() && words.windows(phrase.len()).any(|run| run == phrase)
            })
        })
    }

    /// The entity (its index) that `name` names: its name or one of its other names, short forms,
    /// capitals or demonyms, as written or in other letter case ("united states").
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.lookup(name).map(|(entity, _)| entity).or_else(|| {
            self.entities.iter().position(|entity| {
                std::iter::once(&entity.name)
                    .chain(&entity.aliases)
                    .chain(&entity.capitals)
                    .chain(&entity.demonyms)
                    .any(|surface| surface.to_lowercase() == name.to_lowercase())
            })
        })
    }

    /// The entity at `index`.
    /// The entities (by index) whose demonyms `text` uses for another people, as one of their
    /// [`LexiconEntity::demonyms_used_otherwise`] phrases shows: "Indian tribes" in a document makes
    /// its "Indians" no one's demonym (gold convention 4: one surface form, one entity per document).
    pub fn demonyms_used_otherwise(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let used_otherwise = |entity: &LexiconEntity| {
            entity.demonyms.iter().any(|demonym| {
                memchr::memmem::find_iter(bytes, demonym.as_bytes()).any(|at| {
                    entity.demonyms_used_otherwise.iter().any(|phrase| {
                        phrase.match_indices(demonym.as_str()).any(|(offset, _)| {
                            at.checked_sub(offset)
                                .is_some_and(|start| bytes[start..].starts_with(phrase.as_bytes()))
                        })
                    })
                })
            })
        };
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, entity)| {
                !entity.demonyms_used_otherwise.is_empty() && used_otherwise(entity)
            })
            .map(|(index, _)| index)
            .collect()
    }

    pub fn entity(&self, index: usize) -> Option<&LexiconEntity> {
        self.entities.get(index)
    }

    /// Whether the entity at `index` is a country.
    pub fn is_country(&self, index: usize) -> bool {
        self.entity(index)
            .is_some_and(|e| e.kind == EntityKind::Country)
    }

    /// The entity a surface form names, matched exactly (curly apostrophes count as straight ones).
    pub fn lookup(&self, surface: &str) -> Option<(usize, SurfaceRole)> {
        let key = normalized_surface(surface);
        // Every surface form is a surface run.
        if !self.surface_filter.may_contain(&key) {
            return None;
        }
        self.surfaces.get(key.as_ref()).copied()
    }

    /// True when some surface form is longer than `surface` and starts with it and a space ("United"
    /// for "United States"): a longest-match lookup that has read `surface` may find more.
    pub fn is_surface_prefix(&self, surface: &str) -> bool {
        self.surface_prefixes
            .contains(normalized_surface(surface).as_ref())
    }

    /// What a run of words is: [`Lexicon::lookup`] and [`Lexicon::is_surface_prefix`] in one lookup, for
    /// a run already normalised (words of printable ASCII joined by single spaces, as
    /// [`normalize_surface`] leaves them). None when the run neither names an entity nor starts a
    /// longer surface form.
    #[inline]
    pub fn surface_run(&self, normalized: &str) -> Option<SurfaceRun> {
        if !self.surface_filter.may_contain(normalized) {
            return None;
        }
        self.surface_runs.get(normalized).copied()
    }

    /// False when `run` is no run of words that [`Lexicon::surface_run`] answers (it may be one when
    /// true), without looking it up.
    #[inline]
    pub fn may_be_surface_run(&self, run: &str) -> bool {
        self.surface_filter.may_contain(run)
    }

    /// False when no surface form starts with the first byte of `word`, a word of printable ASCII (as
    /// [`Lexicon::surface_run`] takes), so no run of words starting with it is in the lexicon.
    #[inline]
    pub fn may_start_surface(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&first) => self.surface_first_bytes[usize::from(first)],
            None => true,
        }
    }

    /// False when no title phrase starts with `word` (ASCII case and trailing full stops ignored), so
    /// [`Lexicon::title`] is None for `word` and for every phrase that starts with it and a space or a
    /// full stop.
    pub fn may_start_title(&self, word: &str) -> bool {
        // The word without its trailing full stops, ASCII-lower-cased in a buffer: what
        // `first_title_word` makes of it lower-cased, when it has no space.
        let bytes = word.as_bytes();
        let mut end = bytes.len();
        while end > 0 && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let mut buffer = [0u8; 32];
        match (bytes.get(..end), buffer.get_mut(..end)) {
            (Some(stem), Some(lowered)) => {
                // A stem with a space is true, as below; the filter turns most words away first.
                if !self.title_first_filter.may_contain_bytes(stem) {
                    return stem.contains(&b' ');
                }
                if stem.contains(&b' ') {
                    return true;
                }
                lowered.copy_from_slice(stem);
                lowered.make_ascii_lowercase();
                // Cut at a full stop or the end, and only ASCII bytes changed: still UTF-8.
                std::str::from_utf8(lowered)
                    .map_or(true, |key| self.title_first_words.contains(key))
            }
            _ => {
                word.contains(' ')
                    || with_ascii_lowercase(word, |lower| {
                        self.title_first_words.contains(first_title_word(lower))
                    })
            }
        }
    }

    /// The most words in any surface form, for longest-match lookups.
    pub fn max_surface_words(&self) -> usize {
        self.max_surface_words
    }

    /// The title with this exact phrase ("Prime Minister"), ignoring case.
    pub fn title(&self, phrase: &str) -> Option<&Title> {
        if !self.title_filter.may_contain(phrase) {
            return None;
        }
        with_ascii_lowercase(phrase, |key| self.title_index.get(key).copied())
            .and_then(|index| self.titles.get(index))
    }

    pub fn titles(&self) -> &[Title] {
        &self.titles
    }

    /// The verb a word is a form of ("signed", "signing": sign), ignoring case.
    pub fn verb(&self, word: &str) -> Option<&Verb> {
        self.verb_filter
            .with_lowercase(word, None, |word| self.verb_forms.get(word).copied())
            .and_then(|i| self.verbs.get(i))
    }

    #[inline]
    pub fn is_function_word(&self, word: &str) -> bool {
        self.closed_word_filter
            .with_lowercase(word, false, |word| self.function_words.contains(word))
    }

    #[inline]
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.closed_word_filter
            .with_lowercase(word, false, |word| self.calendar_words.contains(word))
    }

    #[inline]
    pub fn is_non_actor_word(&self, word: &str) -> bool {
        self.closed_word_filter
            .with_lowercase(word, false, |word| self.non_actor_words.contains(word))
    }

    /// The kind a head noun gives a name ("Corporation": Organization).
    #[inline]
    pub fn head_noun(&self, word: &str) -> Option<EntityKind> {
        self.closed_word_filter
            .with_lowercase(word, None, |word| self.head_nouns.get(word).copied())
    }

    /// [`Lexicon::is_function_word`], [`Lexicon::is_calendar_word`], [`Lexicon::is_non_actor_word`] and
    /// [`Lexicon::head_noun`] at once: for an ASCII word, one lower-casing and one lookup.
    pub fn word_facts(&self, word: &str) -> WordFacts {
        if word.is_ascii() {
            if !self.closed_word_filter.may_contain(word) {
                return WordFacts::default();
            }
            with_ascii_lowercase(word, |key| {
                self.word_facts.get(key).copied().unwrap_or_default()
            })
        } else {
            WordFacts {
                function: self.is_function_word(word),
                calendar: self.is_calendar_word(word),
                non_actor: self.is_non_actor_word(word),
                head_noun: self.head_noun(word),
            }
        }
    }

    /// The keys [`Lexicon::head_noun`] answers: a word is a head noun exactly when it lower-cases to
    /// one of them.
    pub fn head_noun_keys(&self) -> impl Iterator<Item = &str> {
        self.head_nouns.keys().map(String::as_str)
    }

    pub fn relation_noun(&self, word: &str) -> Option<RelationClass> {
        self.noun_filter
            .with_lowercase(word, None, |word| self.relation_nouns.get(word).copied())
    }

    pub fn role_noun(&self, word: &str) -> Option<RelationClass> {
        self.noun_filter
            .with_lowercase(word, None, |word| self.role_nouns.get(word).copied())
    }

    /// False when no role noun and no title starts with `word` as its first word, so no phrase that
    /// starts with it is one ([`Lexicon::role_noun`] and [`Lexicon::title`] would answer None for every
    /// such phrase). Exact for `word` already lower-cased and ASCII without spaces; other words answer
    /// true, to be asked in full.
    #[inline]
    pub fn may_start_role(&self, word: &str) -> bool {
        if !word.is_ascii() || word.bytes().any(|b| b.is_ascii_uppercase() || b == b' ') {
            return true;
        }
        self.role_first_words.contains(word)
    }

    #[inline]
    pub fn is_place_noun(&self, word: &str) -> bool {
        self.ascii_list_filter.may_contain(word)
            && with_ascii_lowercase(word, |word| self.place_nouns.contains(word))
    }

    #[inline]
    pub fn is_event_noun(&self, word: &str) -> bool {
        self.ascii_list_filter.may_contain(word)
            && with_ascii_lowercase(word, |word| self.event_nouns.contains(word))
    }

    /// "dynasty", "bloc": a lower-case noun that makes a political group of the name before it.
    pub fn is_group_noun(&self, word: &str) -> bool {
        self.ascii_list_filter.may_contain(word)
            && with_ascii_lowercase(word, |word| self.group_nouns.contains(word))
    }

    /// "Arab", "Asian": an adjective of a people or a continent that names no state.
    pub fn is_people_adjective(&self, word: &str) -> bool {
        self.ascii_list_filter.may_contain(word)
            && with_ascii_lowercase(word, |word| self.people_adjectives.contains(word))
    }

    pub fn is_negation(&self, word: &str) -> bool {
        self.ascii_list_filter.may_contain(word)
            && with_ascii_lowercase(word, |word| self.negations.contains(word))
    }

    pub fn is_hedge(&self, word: &str) -> bool {
        self.ascii_list_filter.may_contain(word)
            && with_ascii_lowercase(word, |word| self.hedges.contains(word))
    }
}

fn lookup_embedded(name: &str) -> &'static str {
    EMBEDDED
        .iter()
        .find(|(file, _)| *file == name)
        .map_or("", |(_, source)| source)
}

/// The lexicon's maps and sets, keyed by words and phrases.
type WordMap<V> = HashMap<String, V, WordBuildHasher>;
type WordSet = HashSet<String, WordBuildHasher>;

/// The hasher for maps keyed by words or small numbers that are asked often: FxHash (as in rustc),
/// several times faster than the default SipHash, which took a tenth of the build's time. It has no
/// defence against keys crafted to collide, which a fixed word list does not need.
pub type WordBuildHasher = rustc_hash::FxBuildHasher;

/// A filter in front of a map keyed by words: one bit per (first two bytes, last byte, length) of the
/// keys ASCII-lower-cased, hashed. A word whose bit is clear is no key, nor ASCII-lower-cases to one
/// (lower-casing ASCII letters keeps every byte in its place), so it is turned away without being
/// lower-cased, hashed whole and compared.
#[derive(Debug, Clone, Default)]
struct WordFilter {
    bits: Vec<u64>,
}

impl WordFilter {
    const BITS_LOG: u32 = 15;

    fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> WordFilter {
        let mut bits = vec![0u64; (1 << Self::BITS_LOG) / 64];
        for key in keys {
            let bit = Self::bit(key.as_bytes());
            if let Some(word) = bits.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        WordFilter { bits }
    }

    #[inline]
    fn bit(word: &[u8]) -> usize {
        let lower = |index: usize| {
            u32::from(
                word.get(index)
                    .copied()
                    .map_or(0, |byte| byte.to_ascii_lowercase()),
            )
        };
        let len = word.len();
        let key = lower(0) | lower(1) << 8 | lower(len.wrapping_sub(1)) << 16 | (len as u32) << 24;
        (key.wrapping_mul(0x9E37_79B1) >> (32 - Self::BITS_LOG)) as usize
    }

    /// False when `word` is no key and does not ASCII-lower-case to one; true when it may.
    #[inline]
    fn may_contain(&self, word: &str) -> bool {
        self.may_contain_bytes(word.as_bytes())
    }

    #[inline]
    fn may_contain_bytes(&self, word: &[u8]) -> bool {
        let bit = Self::bit(word);
        self.bits
            .get(bit / 64)
            .is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
    }

    /// [`with_lowercase`] for a lookup in the filtered map: `missing` at once for an ASCII word that
    /// lower-cases to no key (an ASCII word lower-cases to its ASCII lower case, which the filter
    /// reads; another word may lower-case to other bytes, so it is always looked up).
    #[inline]
    fn with_lowercase<R>(&self, word: &str, missing: R, f: impl FnOnce(&str) -> R) -> R {
        if word.is_ascii() {
            if !self.may_contain(word) {
                return missing;
            }
            with_ascii_lowercase(word, f)
        } else {
            f(&word.to_lowercase())
        }
    }
}

/// Calls `f` with `word` lower-cased as [`str::to_lowercase`] does, without allocating for short ASCII
/// words: the lexicon is asked about nearly every token, so this is on the hot path.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        with_ascii_lowercase(word, f)
    } else {
        f(&word.to_lowercase())
    }
}

/// `word.to_lowercase() == lower`, for an ASCII lower-case `lower`, without allocating for an ASCII word.
#[inline]
pub fn lowercases_to(word: &str, lower: &str) -> bool {
    // Asked a million times a build, mostly of words of another length, which the first comparison
    // turns away. Of the characters beyond ASCII only the Kelvin sign lower-cases to ASCII ("k"),
    // from three bytes to one, so a word of `lower`'s length matches only if it is ASCII and equal
    // but for case, and a longer one only if it holds such a character.
    if word.len() == lower.len() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.len() > lower.len() && !word.is_ascii() && word.to_lowercase() == lower
    }
}

/// Calls `f` with `word` ASCII-lower-cased (other characters kept), without allocating for short words.
fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    let mut buffer = [0u8; 64];
    if let Some(lowered) = buffer.get_mut(..word.len()) {
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        // Changing the case of ASCII bytes keeps UTF-8 valid, so this always succeeds.
        if let Ok(lowered) = std::str::from_utf8(lowered) {
            return f(lowered);
        }
    }
    f(&word.to_ascii_lowercase())
}

/// `surface` as [`normalize_surface`] makes it, borrowed when it already is (the usual case).
fn normalized_surface(surface: &str) -> Cow<'_, str> {
    // A word of printable ASCII (most are) has no apostrophe or white space to change.
    if !surface.is_empty() && surface.bytes().all(|b| b.is_ascii_graphic()) {
        return Cow::Borrowed(surface);
    }
    let mut after_space = true;
    for c in surface.chars() {
        if c == '’' {
            return Cow::Owned(normalize_surface(surface));
        }
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return Cow::Owned(normalize_surface(surface));
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    if after_space && !surface.is_empty() {
        return Cow::Owned(normalize_surface(surface));
    }
    Cow::Borrowed(surface)
}

/// Every surface form of every entity, with the entity it names and the role it plays in it.
fn index_surfaces(entities: &[LexiconEntity]) -> WordMap<(usize, SurfaceRole)> {
    let mut surfaces = WordMap::default();
    for (index, entity) in entities.iter().enumerate() {
        let roles = [
            (std::slice::from_ref(&entity.name), SurfaceRole::Name),
            (&entity.aliases[..], SurfaceRole::Alias),
            (&entity.capitals[..], SurfaceRole::Capital),
            (&entity.demonyms[..], SurfaceRole::Demonym),
            (&entity.prefixes[..], SurfaceRole::Prefix),
        ];
        for (forms, role) in roles {
            for form in forms {
                // The first entity to claim a form keeps it: files list the most common sense first.
                surfaces
                    .entry(normalize_surface(form))
                    .or_insert((index, role));
            }
        }
    }
    surfaces
}

/// Every run of whole words that starts a longer surface form ("united" of "united states").
fn multi_word_prefixes(surfaces: &WordMap<(usize, SurfaceRole)>) -> WordSet {
    let mut prefixes = WordSet::default();
    for key in surfaces.keys() {
        let mut prefix_end = 0;
        while let Some(space) = key[prefix_end..].find(' ') {
            prefix_end += space;
            prefixes.insert(key[..prefix_end].to_string());
            prefix_end += 1;
        }
    }
    prefixes
}

/// Each surface form and prefix of one: what it names, and whether a longer form continues it.
fn index_surface_runs(
    surfaces: &WordMap<(usize, SurfaceRole)>,
    prefixes: &WordSet,
) -> WordMap<SurfaceRun> {
    let mut runs: WordMap<SurfaceRun> = WordMap::default();
    for (key, &names) in surfaces {
        runs.entry(key.clone())
            .or_insert(SurfaceRun {
                names: None,
                continues: false,
            })
            .names = Some(names);
    }
    for key in prefixes {
        runs.entry(key.clone())
            .or_insert(SurfaceRun {
                names: None,
                continues: false,
            })
            .continues = true;
    }
    runs
}

/// The most words any of `keys` has, or 1 when there is none.
fn most_words<'a>(keys: impl Iterator<Item = &'a String>) -> usize {
    keys.map(|s| s.split(' ').count()).max().unwrap_or(1)
}

/// Which bytes begin one of `keys`, to reject most words with one look-up.
fn first_bytes<'a>(keys: impl Iterator<Item = &'a String>) -> [bool; 256] {
    let mut first_bytes = [false; 256];
    for key in keys {
        if let Some(&first) = key.as_bytes().first() {
            first_bytes[usize::from(first)] = true;
        }
    }
    first_bytes
}

/// Each title's phrase in lower case, with the index of the first title that has it.
fn index_titles(titles: &[Title]) -> WordMap<usize> {
    let mut title_index = WordMap::default();
    for (index, title) in titles.iter().enumerate() {
        title_index
            .entry(title.phrase.to_ascii_lowercase())
            .or_insert(index);
    }
    title_index
}

/// Each inflected or listed form of each verb, with the index of the first verb that has it.
fn index_verb_forms(verbs: &[Verb]) -> WordMap<usize> {
    let mut verb_forms = WordMap::default();
    for (index, verb) in verbs.iter().enumerate() {
        for form in inflections(&verb.lemma)
            .into_iter()
            .chain(verb.forms.iter().cloned())
        {
            verb_forms.entry(form).or_insert(index);
        }
    }
    verb_forms
}

/// What the closed word lists say about each word on any of them, for one look-up per word.
fn index_word_facts(
    function_words: &WordSet,
    calendar_words: &WordSet,
    non_actor_words: &WordSet,
    head_nouns: &WordMap<EntityKind>,
) -> WordMap<WordFacts> {
    let mut word_facts: WordMap<WordFacts> = WordMap::default();
    for key in function_words
        .iter()
        .chain(calendar_words)
        .chain(non_actor_words)
        .chain(head_nouns.keys())
    {
        word_facts.entry(key.clone()).or_insert_with(|| WordFacts {
            function: function_words.contains(key),
            calendar: calendar_words.contains(key),
            non_actor: non_actor_words.contains(key),
            head_noun: head_nouns.get(key).copied(),
        });
    }
    word_facts
}

/// Nouns in lower case, with the relation class each names.
fn classed_nouns(nouns: &[ClassedNoun]) -> WordMap<RelationClass> {
    nouns
        .iter()
        .map(|n| (n.word.to_lowercase(), n.class))
        .collect()
}

/// A word list in lower case.
fn lower_set(list: &[String]) -> WordSet {
    list.iter().map(|w| w.to_lowercase()).collect()
}

/// A word list in ASCII lower case.
fn ascii_lower_set(list: &[String]) -> WordSet {
    list.iter().map(|w| w.to_ascii_lowercase()).collect()
}

/// The first word of an (ASCII-lower-cased) title phrase, up to its first space, without trailing full
/// stops: "dr" for "dr.", "prime" for "prime minister".
fn first_title_word(phrase: &str) -> &str {
    phrase.split(' ').next().unwrap_or("").trim_end_matches('.')
}

/// The key surface forms are indexed under: curly apostrophes straightened, whitespace collapsed.
pub fn normalize_surface(surface: &str) -> String {
    surface
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The regular inflections of a verb lemma, the lemma included: sign, signs, signed, signing.
pub fn inflections(lemma: &str) -> Vec<String> {
    let lemma = lemma.to_lowercase();
    let mut forms = vec![lemma.clone()];
    let ends_consonant_y = lemma.ends_with('y')
        && !lemma
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| "aeiou".contains(c));
    let stem_without_e = lemma.strip_suffix('e');
    // third person
    if ends_consonant_y {
        forms.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        forms.push(format!("{lemma}es"));
    } else {
        forms.push(format!("{lemma}s"));
    }
    // past and participles
    if ends_consonant_y {
        forms.push(format!("{}ied", &lemma[..lemma.len() - 1]));
    } else if lemma.ends_with('e') {
        forms.push(format!("{lemma}d"));
    } else {
        forms.push(format!("{lemma}ed"));
        if let Some(last) = doubled_final_consonant(&lemma) {
            forms.push(format!("{lemma}{last}ed"));
            forms.push(format!("{lemma}{last}ing"));
        }
    }
    match stem_without_e {
        Some(stem) if !lemma.ends_with("ee") => forms.push(format!("{stem}ing")),
        _ => forms.push(format!("{lemma}ing")),
    }
    forms
}

/// For short consonant-vowel-consonant endings ("ban", "stop"), the consonant doubled before -ed/-ing.
fn doubled_final_consonant(lemma: &str) -> Option<char> {
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    if n < 3 {
        return None;
    }
    let vowel = |c: char| "aeiou".contains(c);
    let (a, b, c) = (chars[n - 3], chars[n - 2], chars[n - 1]);
    (!vowel(a) && vowel(b) && !vowel(c) && !"wxy".contains(c) && n <= 4).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_names_the_speaker_by_the_words_of_an_address() {
        let lexicon = crate::extract::test_lexicon::test_lexicon();
        let united_states = lexicon
            .entities()
            .iter()
            .position(|e| e.name == "United States");
        let cases: &[(&str, Option<usize>)] = &[
            ("State of the Union Address, January 5, 2031", united_states),
            ("STATE OF THE UNION", united_states),
            ("The president's state-of-the-union address", united_states),
            ("Address on the State of the Unions", None),
            ("State of the Nation", None),
            ("Union of States", None),
            ("", None),
        ];
        for &(heading, expected) in cases {
            assert_eq!(lexicon.speaker_of_heading(heading), expected, "{heading}");
        }
    }

    #[test]
    fn an_entity_is_named_by_any_of_its_names_in_any_case() {
        let lexicon = crate::extract::test_lexicon::test_lexicon();
        let entity = |name: &str| lexicon.entities().iter().position(|e| e.name == name);
        let cases: &[(&str, Option<usize>)] = &[
            ("United States", entity("United States")),
            ("united states", entity("United States")),
            ("  United States ", entity("United States")),
            ("Qatar", entity("Qatar")),
            ("QATAR", entity("Qatar")),
            ("Atlantis", None),
            ("", None),
        ];
        for &(name, expected) in cases {
            assert_eq!(lexicon.entity_named(name), expected, "{name}");
        }
    }

    #[test]
    fn inflects_regular_verbs() {
        let cases: &[(&str, &[&str])] = &[
            ("sign", &["sign", "signs", "signed", "signing"]),
            ("impose", &["impose", "imposes", "imposed", "imposing"]),
            ("ally", &["ally", "allies", "allied", "allying"]),
            ("ban", &["ban", "bans", "banned", "banning"]),
            ("attack", &["attack", "attacks", "attacked", "attacking"]),
            ("finance", &["finance", "finances", "financed", "financing"]),
        ];
        for (lemma, expected) in cases {
            let forms = inflections(lemma);
            for form in *expected {
                assert!(
                    forms.contains(&form.to_string()),
                    "{lemma}: {form} not in {forms:?}"
                );
            }
        }
    }

    #[test]
    fn embedded_lexicon_loads_and_answers() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon parses");
        let name_of = |surface: &str| {
            lexicon
                .lookup(surface)
                .and_then(|(i, _)| lexicon.entity(i))
                .map(|e| e.name.as_str())
        };
        let cases = [
            ("US", Some("United States")),
            ("U.S.", Some("United States")),
            ("America", Some("United States")),
            ("Washington", Some("United States")),
            ("Iraqi", Some("Iraq")),
            ("Sino", Some("China")),
            ("Moscow", Some("Russia")),
            ("UN", Some("United Nations")),
            ("Xyzzy", None),
        ];
        for (surface, expected) in cases {
            assert_eq!(name_of(surface), expected, "{surface}");
        }
        assert_eq!(
            lexicon.verb("signed").map(|v| v.lemma.as_str()),
            Some("sign")
        );
        assert!(lexicon.title("Prime Minister").is_some());
        assert!(lexicon.is_function_word("However"));
    }

    #[test]
    fn embedded_lexicon_knows_general_forms() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon parses");
        let cases = [
            ("UAE", "United Arab Emirates", SurfaceRole::Alias),
            ("U.A.E.", "United Arab Emirates", SurfaceRole::Alias),
            ("Riyadh", "Saudi Arabia", SurfaceRole::Capital),
            ("Emirati", "United Arab Emirates", SurfaceRole::Demonym),
            ("Anglo", "United Kingdom", SurfaceRole::Prefix),
            ("Britain", "United Kingdom", SurfaceRole::Alias),
            ("Soviet", "Soviet Union", SurfaceRole::Demonym),
            ("USSR", "Soviet Union", SurfaceRole::Alias),
            ("DPRK", "North Korea", SurfaceRole::Alias),
            ("Tel Aviv", "Israel", SurfaceRole::Capital),
            ("Turks", "Turkey", SurfaceRole::Demonym),
            ("Islamic Republic of Iran", "Iran", SurfaceRole::Alias),
            (
                "Democratic Republic of the Congo",
                "Democratic Republic of the Congo",
                SurfaceRole::Name,
            ),
            ("Holy See", "Vatican City", SurfaceRole::Alias),
            (
                "NATO",
                "North Atlantic Treaty Organization",
                SurfaceRole::Alias,
            ),
            (
                "UNSC",
                "United Nations Security Council",
                SurfaceRole::Alias,
            ),
            ("Arab League", "League of Arab States", SurfaceRole::Alias),
            ("G7", "Group of Seven", SurfaceRole::Alias),
        ];
        for (surface, name, role) in cases {
            let (index, found_role) = lexicon
                .lookup(surface)
                .unwrap_or_else(|| panic!("{surface} not in lexicon"));
            assert_eq!(
                lexicon.entity(index).map(|e| e.name.as_str()),
                Some(name),
                "{surface}"
            );
            assert_eq!(found_role, role, "{surface}");
        }
        for ambiguous in ["Arab", "Kurdish", "Korean", "Congo", "WHO"] {
            assert!(lexicon.lookup(ambiguous).is_none(), "{ambiguous}");
        }

        let verbs = [
            ("met", "meet", RelationClass::Cooperation),
            ("imposed", "impose", RelationClass::Conflict),
            ("allied", "ally", RelationClass::Cooperation),
            ("joined", "join", RelationClass::PartOf),
            ("led", "lead", RelationClass::Leads),
            ("controlled", "control", RelationClass::Leads),
            ("equipped", "equip", RelationClass::Cooperation),
            ("banned", "ban", RelationClass::Conflict),
            ("said", "say", RelationClass::Other),
            ("found", "find", RelationClass::Other),
            ("founded", "found", RelationClass::Leads),
        ];
        for (form, lemma, class) in verbs {
            let verb = lexicon
                .verb(form)
                .unwrap_or_else(|| panic!("{form} is no verb"));
            assert_eq!((verb.lemma.as_str(), verb.class), (lemma, class), "{form}");
        }

        assert!(lexicon.title("Secretary-General").is_some_and(|t| t.leads));
        assert!(lexicon.title("Dr.").is_some_and(|t| !t.leads));
        assert!(lexicon.is_calendar_word("Sept"));
        assert!(lexicon.is_non_actor_word("Sunni"));
        assert_eq!(lexicon.head_noun("Brigades"), Some(EntityKind::ArmedGroup));
        assert_eq!(
            lexicon.relation_noun("rivalry"),
            Some(RelationClass::Conflict)
        );
        assert_eq!(lexicon.role_noun("faction"), Some(RelationClass::PartOf));
        assert!(lexicon.is_negation("refused") && lexicon.is_hedge("reportedly"));
    }

    /// The filters in front of the maps turn away no word that the maps answer: every accessor agrees
    /// with a plain lookup, for every key, its case variants and near misses, and odd words.
    #[test]
    fn filtered_lookups_agree_with_the_maps() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon parses");
        for word in &probe_words(&lexicon) {
            assert_word_lookups_agree(&lexicon, word);
            assert_name_lookups_agree(&lexicon, word);
        }
    }

    /// Awkward words, and each key of each map in a few spellings near it.
    fn probe_words(lexicon: &Lexicon) -> Vec<String> {
        let mut words: Vec<String> = [
            "",
            ".",
            "x",
            "X",
            "the",
            "The",
            "THE",
            "Über",
            "ÜBER",
            "İstanbul",
            "\u{212a}",
            "Dr.",
            "Asa’ib",
            "a b",
            "  ",
            "oil  field",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let keys: Vec<&String> = lexicon
            .word_facts
            .keys()
            .chain(lexicon.surface_runs.keys())
            .chain(lexicon.title_index.keys())
            .chain(&lexicon.title_first_words)
            .chain(lexicon.verb_forms.keys())
            .chain(lexicon.relation_nouns.keys())
            .chain(lexicon.role_nouns.keys())
            .chain(&lexicon.place_nouns)
            .chain(&lexicon.event_nouns)
            .chain(&lexicon.negations)
            .chain(&lexicon.hedges)
            .collect();
        for key in keys {
            let mut capitalised = key.clone();
            if let Some(first) = capitalised.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            words.extend([
                key.clone(),
                key.to_uppercase(),
                key.to_lowercase(),
                capitalised,
                format!("{key}s"),
                format!("{key}."),
                key.chars().skip(1).collect(),
                key.replace('\'', "’"),
            ]);
        }
        words
    }

    /// The filtered look-ups of single words give what the maps behind them hold.
    fn assert_word_lookups_agree(lexicon: &Lexicon, word: &str) {
        let verb_index = |verb: Option<&Verb>| verb.map(|v| std::ptr::from_ref(v) as usize);
        let lower = word.to_lowercase();
        let ascii = word.to_ascii_lowercase();
        assert_eq!(
            verb_index(lexicon.verb(word)),
            verb_index(
                lexicon
                    .verb_forms
                    .get(&lower)
                    .and_then(|&i| lexicon.verbs.get(i))
            ),
            "{word:?}"
        );
        let facts = WordFacts {
            function: lexicon.function_words.contains(&lower),
            calendar: lexicon.calendar_words.contains(&lower),
            non_actor: lexicon.non_actor_words.contains(&lower),
            head_noun: lexicon.head_nouns.get(&lower).copied(),
        };
        assert_eq!(lexicon.word_facts(word), facts, "{word:?}");
        assert_eq!(lexicon.is_function_word(word), facts.function, "{word:?}");
        assert_eq!(lexicon.is_calendar_word(word), facts.calendar, "{word:?}");
        assert_eq!(lexicon.is_non_actor_word(word), facts.non_actor, "{word:?}");
        assert_eq!(lexicon.head_noun(word), facts.head_noun, "{word:?}");
        assert_eq!(
            lexicon.relation_noun(word),
            lexicon.relation_nouns.get(&lower).copied(),
            "{word:?}"
        );
        assert_eq!(
            lexicon.role_noun(word),
            lexicon.role_nouns.get(&lower).copied(),
            "{word:?}"
        );
        assert_eq!(
            lexicon.is_place_noun(word),
            lexicon.place_nouns.contains(&ascii)
        );
        assert_eq!(
            lexicon.is_event_noun(word),
            lexicon.event_nouns.contains(&ascii)
        );
        assert_eq!(
            lexicon.is_negation(word),
            lexicon.negations.contains(&ascii)
        );
        assert_eq!(lexicon.is_hedge(word), lexicon.hedges.contains(&ascii));
    }

    /// The filtered look-ups of names and titles give what the maps behind them hold.
    fn assert_name_lookups_agree(lexicon: &Lexicon, word: &str) {
        let title_index = |title: Option<&Title>| title.map(|t| std::ptr::from_ref(t) as usize);
        let ascii = word.to_ascii_lowercase();
        assert_eq!(
            lexicon.surface_run(word),
            lexicon.surface_runs.get(word).copied(),
            "{word:?}"
        );
        assert_eq!(
            lexicon.lookup(word),
            lexicon.surfaces.get(&normalize_surface(word)).copied(),
            "{word:?}"
        );
        assert_eq!(
            title_index(lexicon.title(word)),
            title_index(
                lexicon
                    .title_index
                    .get(&ascii)
                    .and_then(|&i| lexicon.titles.get(i))
            ),
            "{word:?}"
        );
        let may_start_title = word.contains(' ')
            || with_ascii_lowercase(word, |lower| {
                lexicon.title_first_words.contains(first_title_word(lower))
            });
        assert_eq!(lexicon.may_start_title(word), may_start_title, "{word:?}");
        for lower in ["the", "country", "army", "a"] {
            assert_eq!(
                lowercases_to(word, lower),
                word.to_lowercase() == lower,
                "{word:?} {lower:?}"
            );
        }
    }

    #[test]
    fn fast_lookups_agree_with_the_plain_definitions() {
        let surfaces = [
            "",
            " ",
            "US",
            "United States",
            "United  States",
            " US",
            "US ",
            "Asa’ib",
            "a\tb",
            "a\u{a0}b",
        ];
        for surface in surfaces {
            assert_eq!(
                normalized_surface(surface),
                normalize_surface(surface),
                "{surface:?}"
            );
        }
        let words = [
            "",
            "of",
            "OF",
            "Of",
            "Über",
            "ÜBER",
            "\u{212a}",
            "İstanbul",
            &"X".repeat(100),
        ];
        for word in words {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
            assert_eq!(
                with_ascii_lowercase(word, str::to_string),
                word.to_ascii_lowercase()
            );
        }
        // The Kelvin sign lower-cases to "k" from three bytes; "İ" to "i" and a combining dot.
        for word in [
            "key",
            "KEY",
            "\u{212a}ey",
            "\u{212a}EY",
            "k",
            "\u{212a}",
            "İs",
            "is",
            "keys",
        ] {
            for lower in ["key", "k", "is", "i"] {
                assert_eq!(
                    lowercases_to(word, lower),
                    word.to_lowercase() == lower,
                    "{word:?} {lower:?}"
                );
            }
        }
        let lexicon = Lexicon::embedded().expect("embedded lexicon parses");
        assert!(lexicon.is_surface_prefix("United"));
        assert!(lexicon.is_surface_prefix("United  Arab"));
        assert!(!lexicon.is_surface_prefix("United Arab Emirates"));
        assert!(!lexicon.is_surface_prefix("Xyzzy"));
        assert!(lexicon.title("PRIME MINISTER").is_some());
        for word in [
            "",
            ".",
            "..",
            "Dr",
            "Dr.",
            "DR..",
            "Prime",
            "prime",
            "Minister",
            "Congress",
            "X",
            "Prime Minister",
            "Über",
            "Dr.x",
            &"P".repeat(40),
            &format!("{}.", "p".repeat(31)),
        ] {
            let plain = word.contains(' ')
                || with_ascii_lowercase(word, |lower| {
                    lexicon.title_first_words.contains(first_title_word(lower))
                });
            assert_eq!(lexicon.may_start_title(word), plain, "{word:?}");
        }
        assert!(lexicon.is_place_noun("Oil Field") && lexicon.is_hedge("Reportedly"));
    }

    #[test]
    fn word_facts_agree_with_the_lists() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon parses");
        let mut words: Vec<String> = lexicon
            .word_facts
            .keys()
            .flat_map(|key| [key.clone(), key.to_uppercase(), key.to_ascii_uppercase()])
            .collect();
        words.extend(
            [
                "",
                "The",
                "However",
                "Army",
                "Sunni",
                "March",
                "Iraq",
                "ÜBER",
                "İstanbul",
                "\u{212a}",
            ]
            .map(String::from),
        );
        for word in &words {
            assert_eq!(
                lexicon.word_facts(word),
                WordFacts {
                    function: lexicon.is_function_word(word),
                    calendar: lexicon.is_calendar_word(word),
                    non_actor: lexicon.is_non_actor_word(word),
                    head_noun: lexicon.head_noun(word),
                },
                "{word}"
            );
        }
    }

    #[test]
    fn no_surface_form_is_claimed_twice() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon parses");
        let mut owners: HashMap<String, Vec<&str>> = HashMap::new();
        for entity in lexicon.entities() {
            let forms = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .chain(&entity.capitals)
                .chain(&entity.demonyms)
                .chain(&entity.prefixes);
            for form in forms {
                owners
                    .entry(normalize_surface(form))
                    .or_default()
                    .push(&entity.name);
            }
        }
        let mut duplicates: Vec<_> = owners
            .iter()
            .filter(|(_, names)| names.len() > 1)
            .map(|(form, names)| format!("{form}: {names:?}"))
            .collect();
        duplicates.sort();
        assert!(duplicates.is_empty(), "claimed twice: {duplicates:#?}");
    }

    #[test]
    fn no_surface_form_is_a_closed_class_word() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon parses");
        let mut clashes: Vec<String> = lexicon
            .surfaces
            .keys()
            .filter(|form| {
                lexicon.is_function_word(form)
                    || lexicon.is_calendar_word(form)
                    || lexicon.is_non_actor_word(form)
            })
            .cloned()
            .collect();
        clashes.sort();
        assert!(
            clashes.is_empty(),
            "lexicon forms in closed word lists: {clashes:?}"
        );
    }
}
