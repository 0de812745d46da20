//! Relation rules: read relations between the entities mentioned in one sentence.
//!
//! Each rule has a name that travels with its output (the evidence's `rule`), so a user can see why an
//! edge exists and `kg eval --by-rule` can score each rule. The rules, in the order they run:
//!
//! | rule | reads | gives |
//! |---|---|---|
//! | `title` | "Iraqi Prime Minister Haider al-Abadi" | person Leads country |
//! | `apposition` | "X, leader of Y", "X, the Acting U.S. Ambassador to Iraq", "the head of Y, X", "Y deputy X" | role's class |
//! | `such-as` | "factions within Y, such as A, B and C" (or "including") | each PartOf Y |
//! | `compound-pair` | "US-China tensions", "Sino-Iraqi relations" | the relation noun's class |
//! | `compound-modifier` | "Iran-backed factions within the PMF", "U.S.-led coalition" | backs / leads |
//! | `possessive` | "Iran's Quds Force" | PartOf |
//! | `demonym` | "the Turkish defence firm Baykar" | PartOf |
//! | `between` | "tensions between X and Y" | the noun's class |
//! | `nominal` | "the US assassinations of X", "the Russian invasion of Ukraine", "Turkish troops against Y" | the noun's class |
//! | `verb` | "X … VERB … Y" between neighbouring mentions (lists count as one) | the verb's class |
//! | `relation-noun` | "X's relations with Y" (no verb between) | the noun's class |
//! | `possessive-noun` | "X's perspective on Y" (any noun after a possessor) | the noun's class, or Other |
//! | `co-mention` | any other pair in the sentence | CoMention (not an asserted relation) |
//!
//! Negation words between the two mentions ("did not", "declined") set the negated flag; hedges anywhere
//! in the sentence ("reportedly") set the hedged flag. A passive verb with "by" before the second mention
//! ("was invaded by", "were supported by the") reverses the direction. A second verb of a clause ("X met
//! Y and signed …") and an infinitive after a control verb ("X declined to support Y") take the clause's
//! subject; a relative clause (", which attacked Y") takes the mention before it.
//!
//! Pairs are capped: co-mention pairs are made among the first [`MAX_COMENTION_ENTITIES`] entities of a
//! sentence, and a list takes part in a joint-subject or verb relation through its first
//! [`MAX_COMENTION_ENTITIES`] members only, so a sentence listing hundreds of names costs a bounded number
//! of pairs instead of their square. [`read_sentence_relations`] says when a cap left pairs out, so the
//! build can tell the user.

use super::lexicon::{Lexicon, WordBuildHasher};
use super::mention::TitleInfo;
use crate::model::{EntityKind, RelationClass, Rule, Span};
use crate::text::{Token, TokenKind};
use std::borrow::Cow;
use std::collections::HashSet;

/// Co-mention edges are only made among the first this many distinct entities of a sentence, and a
/// list (a coordinated group of mentions) pairs through this many members at most.
pub const MAX_COMENTION_ENTITIES: usize = 40;

/// The first [`MAX_COMENTION_ENTITIES`] members of a list, and whether that left any out.
fn capped_list(group: &[usize]) -> (&[usize], bool) {
    match group.get(..MAX_COMENTION_ENTITIES) {
        Some(head) if group.len() > MAX_COMENTION_ENTITIES => (head, true),
        _ => (group, false),
    }
}

/// Tokens a verb rule looks across between two mentions.
const MAX_VERB_GAP: usize = 24;

/// A resolved mention in a sentence, as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceMention {
    /// The entity (an index into the extraction's entities).
    pub entity: usize,
    pub span: Span,
    /// Token range `[first, last)` in the sentence's tokens.
    pub tokens: (usize, usize),
    /// A title before a person's name; `of_mention` indexes this sentence's mentions.
    pub title: Option<TitleInfo>,
    /// The kind of the entity.
    pub kind: EntityKind,
    /// Countries named inside the mention's own words (entity indices): "China" in "China National
    /// Petroleum Corporation".
    pub contains: Vec<usize>,
    /// A demonym used as an adjective ("Iraqi forces"): the word after it is a noun, not a verb.
    pub adjective: bool,
    /// A capital standing for its government ("Baghdad agreed").
    pub metonymy: bool,
}

/// What the rules know about the document a sentence is in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentContext {
    /// The country the document mentions most (an entity index): "Prime Minister X" with no country
    /// named is taken to lead it.
    pub home_country: Option<usize>,
}

/// A relation a rule read, between entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRelation {
    pub subject: usize,
    pub object: usize,
    /// Most predicates are fixed words ("co-mentioned with"), kept without a copy.
    pub predicate: Cow<'static, str>,
    pub class: RelationClass,
    pub negated: bool,
    pub hedged: bool,
    pub rule: Rule,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
];
const PREPOSITIONS: &[&str] = &[
    "of", "to", "with", "on", "against", "from", "in", "into", "for", "by", "over", "toward",
    "towards", "at", "between", "among", "within", "across", "through", "about",
];
/// Prepositions after an action noun that introduce its target: "assassinations of", "support for".
const NOMINAL_PREPOSITIONS: &[&str] = &[
    "of", "on", "against", "with", "for", "to", "toward", "towards",
];
/// Nouns for a country's armed men: "Russian forces against Ukraine" reads as a conflict.
const FORCE_NOUNS: &[&str] = &[
    "forces", "troops", "army", "soldiers", "militias", "fighters", "units",
];
/// Prepositions whose object is never the subject of the verb that follows.
const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "after",
    "before",
    "since",
    "during",
    "following",
    "despite",
    "amid",
    "until",
    "unlike",
    "to",
    "in",
    "at",
    "into",
    "toward",
    "towards",
    "against",
    "over",
    "through",
];
/// Verb forms that are markers of other rules here, not relations: "including" starts a list.
const NOT_VERBS: &[&str] = &["including", "like", "given", "based", "according"];
/// Words that end a clause: a verb's subject does not reach past them.
const CLAUSE_BREAKS: &[&str] = &[
    ";", "which", "who", "whose", "while", "but", "although", "whereas", "because", ":",
];
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
/// Relative pronouns: ", which VERB Y" has the mention before the comma as its subject.
const RELATIVE_PRONOUNS: &[&str] = &["which", "who"];
/// Words that may sit between a clause's object and a second verb of the same subject: "X met Y, and
/// then signed …", "X attacked Y and later withdrew …".
const VERB_COORDINATION: &[&str] = &[
    ",",
    "and",
    "then",
    "also",
    "later",
    "subsequently",
    "eventually",
];
/// Stems of verbs that take an infinitive whose subject is their own ("declined to support", "agreed to
/// buy"): before such a verb the mention is the subject, not an object the infinitive hangs from.
const CONTROL_VERB_STEMS: &[&str] = &[
    "declin",
    "refus",
    "fail",
    "agree",
    "want",
    "seek",
    "sought",
    "tried",
    "tries",
    "try",
    "plan",
    "promis",
    "threat",
    "vow",
    "pledg",
    "continu",
    "began",
    "begin",
    "hope",
    "aim",
    "attempt",
    "decid",
    "offer",
    "need",
    "intend",
    "prepar",
    "wish",
    "expect",
    "vote",
    "voting",
    "manag",
    "hesitat",
    "chose",
    "choose",
    "moved",
    "moves",
    "rushed",
    "went",
    "goes",
    "used",
    "unable",
    "able",
    "ready",
    "willing",
    "reluctant",
    "eager",
    "seem",
    "appear",
];
const COORDINATION: &[&str] = &[",", "and", "or", "the", "both", "as", "well", "(", ")"];

/// Reads the relations in one sentence.
pub fn read_relations(
    text: &str,
    tokens: &[Token],
    mentions: &[SentenceMention],
    lexicon: &Lexicon,
    context: DocumentContext,
) -> Vec<RuleRelation> {
    read_sentence_relations(text, tokens, mentions, lexicon, context).relations
}

/// The relations of one sentence, and whether a pair cap left some pairs out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceRelations {
    pub relations: Vec<RuleRelation>,
    /// The sentence names more than [`MAX_COMENTION_ENTITIES`] entities, or lists more than that many
    /// in one list, so not every pair was made.
    pub capped: bool,
}

/// Reads the relations in one sentence, saying whether a pair cap applied.
pub fn read_sentence_relations(
    text: &str,
    tokens: &[Token],
    mentions: &[SentenceMention],
    lexicon: &Lexicon,
    context: DocumentContext,
) -> SentenceRelations {
    let mut relations = Vec::new();
    let capped = read_sentence_relations_into(
        text,
        tokens,
        mentions,
        lexicon,
        context,
        &mut RuleBuffers::default(),
        &mut relations,
    );
    SentenceRelations { relations, capped }
}

/// What the rules need room for while they read a sentence, kept from one sentence to the next by
/// [`read_sentence_relations_into`], so that a sentence costs few allocations of its own.
#[derive(Debug, Default)]
pub struct RuleBuffers {
    mention_starts: Vec<usize>,
    lowered: Lowered,
    groups: Groups,
    compound_groups: Groups,
    markers: Vec<(usize, Marker)>,
    /// Relation indices in key order, to find the repeated ones.
    order: Vec<usize>,
    keep: Vec<bool>,
    /// The pairs a rule related, which need no co-mention.
    related: HashSet<(usize, usize), WordBuildHasher>,
    entities: Vec<usize>,
}

/// Reads the relations in one sentence into `relations` (cleared first), with `buffers` for room;
/// true when a pair cap left some pairs out. The same as [`read_sentence_relations`].
pub fn read_sentence_relations_into(
    text: &str,
    tokens: &[Token],
    mentions: &[SentenceMention],
    lexicon: &Lexicon,
    context: DocumentContext,
    buffers: &mut RuleBuffers,
    relations: &mut Vec<RuleRelation>,
) -> bool {
    relations.clear();
    if mentions.is_empty() {
        // Every rule relates mentions: a sentence without any has no relations.
        return false;
    }
    read_rules(
        text,
        tokens,
        mentions,
        lexicon,
        context,
        Rules::for_mentions(mentions),
        buffers,
        relations,
    )
}

/// Which rules a sentence needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rules {
    All,
    /// Only the rules that relate a mention to an entity it carries (a title's country, a country
    /// inside a name): every other rule relates two mentions, and with one mention that pair is the
    /// mention and itself, a relation dropped before the sentence's relations are returned.
    OfOneMention,
    /// The same for several mentions of one entity, where every pair of mentions is the entity and
    /// itself, and where a mention can also name an event its country took part in ("the Russian
    /// invasion of Ukraine" … "Ukraine"). No list is longer than [`MAX_COMENTION_ENTITIES`], so no cap
    /// applies.
    OfOneEntity,
}

impl Rules {
    fn for_mentions(mentions: &[SentenceMention]) -> Rules {
        match mentions {
            [_] => Rules::OfOneMention,
            [first, rest @ ..]
                if mentions.len() <= MAX_COMENTION_ENTITIES
                    && rest.iter().all(|m| m.entity == first.entity) =>
            {
                Rules::OfOneEntity
            }
            _ => Rules::All,
        }
    }
}

/// Runs `rules` over a sentence into `relations` (empty); true when a pair cap left pairs out.
#[allow(clippy::too_many_arguments)]
fn read_rules(
    text: &str,
    tokens: &[Token],
    mentions: &[SentenceMention],
    lexicon: &Lexicon,
    context: DocumentContext,
    rules: Rules,
    buffers: &mut RuleBuffers,
    relations: &mut Vec<RuleRelation>,
) -> bool {
    // The rules of one mention read no words: the words need no lower-casing and no index.
    let reads_words = rules != Rules::OfOneMention;
    // The first mention starting at each token: rules ask "is there a mention here?" for many tokens,
    // and a linear scan each time would make a sentence of many mentions quadratic.
    let mut mention_starts = std::mem::take(&mut buffers.mention_starts);
    mention_starts.clear();
    let mut lowered = std::mem::take(&mut buffers.lowered);
    if reads_words {
        let starts_len = mentions
            .iter()
            .map(|m| m.tokens.0 + 1)
            .max()
            .unwrap_or(0)
            .max(tokens.len());
        mention_starts.resize(starts_len, NO_MENTION);
        for (index, mention) in mentions.iter().enumerate().rev() {
            mention_starts[mention.tokens.0] = index;
        }
        lowered.fill(text, tokens);
    } else {
        lowered.clear();
    }
    let mut reader = Reader {
        text,
        tokens,
        mentions,
        lexicon,
        context,
        hedged: std::cell::OnceCell::new(),
        lowered,
        mention_starts,
        capped: std::cell::Cell::new(false),
        groups: std::mem::take(&mut buffers.groups),
        markers: std::mem::take(&mut buffers.markers),
    };
    match rules {
        Rules::All => {
            // The joint-subject and verb rules read the lists of the sentence.
            let mut groups = std::mem::take(&mut reader.groups);
            reader.find_coordinated_groups(&mut groups);
            reader.groups = groups;
            let mut markers = std::mem::take(&mut reader.markers);
            reader.find_markers(&mut markers);
            reader.markers = markers;
            reader.title(relations);
            reader.apposition(relations);
            reader.such_as(relations);
            reader.compound_pair(relations, &mut buffers.compound_groups);
            reader.compound_modifier(relations);
            reader.possessive(relations);
            reader.demonym(relations);
            reader.between(relations);
            reader.name_part(relations);
            reader.nominal(relations);
            reader.located_in(relations);
            reader.joint_subject(relations);
            reader.verb(relations);
        }
        Rules::OfOneMention => {
            reader.title(relations);
            reader.name_part(relations);
        }
        Rules::OfOneEntity => {
            reader.title(relations);
            reader.name_part(relations);
            reader.event_nominal(relations);
        }
    }
    relations.retain(|r| r.subject != r.object);
    dedup_relations(relations, &mut buffers.order, &mut buffers.keep);
    // One entity makes no pair to co-mention.
    if rules == Rules::All {
        reader.co_mentions(relations, &mut buffers.related, &mut buffers.entities);
    }
    let capped = reader.capped.get();
    buffers.mention_starts = reader.mention_starts;
    buffers.lowered = reader.lowered;
    buffers.groups = reader.groups;
    buffers.markers = reader.markers;
    capped
}

/// Drops each relation that repeats an earlier one's endpoints, predicate and class, keeping the
/// order; `order` and `keep` are room for the work.
fn dedup_relations(
    relations: &mut Vec<RuleRelation>,
    order: &mut Vec<usize>,
    keep: &mut Vec<bool>,
) {
    if relations.len() < 2 {
        return;
    }
    let key = |index: usize| {
        relations
            .get(index)
            .map(|r| (r.subject, r.object, &*r.predicate, r.class))
    };
    // Equal keys sort together, the first of them first: every other one repeats it.
    order.clear();
    order.extend(0..relations.len());
    order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    keep.clear();
    keep.resize(relations.len(), true);
    for pair in order.windows(2) {
        if key(pair[0]) == key(pair[1]) {
            keep[pair[1]] = false;
        }
    }
    let mut keep = keep.iter();
    relations.retain(|_| keep.next().copied().unwrap_or(true));
}

/// No mention starts at this token.
const NO_MENTION: usize = usize::MAX;

/// Every token of a sentence lower-cased ([`str::to_lowercase`]), in one buffer.
#[derive(Debug, Default)]
struct Lowered {
    buffer: String,
    /// `Some(base)` when the tokens lie in an ASCII stretch of the text starting at `base`: `buffer`
    /// is that stretch lower-cased, so a token's lower-cased form is at the same offsets. `None` when
    /// each token is lower-cased in turn; `ends` then says where each one ends in `buffer` (it starts
    /// where the one before ends).
    ascii_base: Option<usize>,
    ends: Vec<usize>,
}

impl Lowered {
    /// No words, for a reader that reads none.
    fn clear(&mut self) {
        self.buffer.clear();
        self.ascii_base = None;
        self.ends.clear();
    }

    /// The words of `tokens`, lower-cased, in place of the ones before.
    fn fill(&mut self, text: &str, tokens: &[Token]) {
        self.clear();
        let mut base = usize::MAX;
        let mut end = 0;
        let mut valid = true;
        for token in tokens {
            base = base.min(token.span.start);
            end = end.max(token.span.end);
            valid &= token.span.start <= token.span.end;
        }
        if valid
            && let Some(stretch) = text.get(base.min(end)..end)
            && stretch.is_ascii()
        {
            self.buffer.push_str(stretch);
            self.buffer.make_ascii_lowercase();
            self.ascii_base = Some(base.min(end));
            return;
        }
        for token in tokens {
            let word = token.text(text);
            if word.is_ascii() {
                let start = self.buffer.len();
                self.buffer.push_str(word);
                // ASCII stays ASCII, so the buffer stays UTF-8.
                self.buffer[start..].make_ascii_lowercase();
            } else {
                self.buffer.push_str(&word.to_lowercase());
            }
            self.ends.push(self.buffer.len());
        }
    }

    #[inline]
    fn get<'s>(&'s self, tokens: &[Token], index: usize) -> Option<&'s str> {
        match self.ascii_base {
            Some(base) => {
                let span = tokens.get(index)?.span;
                self.buffer
                    .get(span.start.checked_sub(base)?..span.end.checked_sub(base)?)
            }
            None => {
                let end = *self.ends.get(index)?;
                let start = match index.checked_sub(1) {
                    Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
                    None => 0,
                };
                self.buffer.get(start..end)
            }
        }
    }
}

/// A word a rule starts reading at (see [`Reader::find_markers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// "such" (in any case), of "such as".
    Such,
    /// "like", as written.
    Like,
    /// "including" (in any case).
    Including,
    /// "between" (in any case).
    Between,
}

/// Whether the token `word` lower-cases ([`str::to_lowercase`]) to `lower`, an ASCII lower-case word
/// without a "k".
///
/// Outside ASCII, only the Kelvin sign lower-cases to an ASCII letter ("k"; "İ" lower-cases to "i" and
/// a combining dot), so a word lower-cases to such a word exactly when it is that word but for ASCII
/// case: the bytes are compared, ignoring ASCII case.
#[inline]
fn lower_is(word: &[u8], lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower.as_bytes())
}

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [SentenceMention],
    lexicon: &'a Lexicon,
    context: DocumentContext,
    /// A hedge word anywhere in the sentence; asked only of sentences that have a relation.
    hedged: std::cell::OnceCell<bool>,
    /// Every token lower-cased, once per sentence: the rules ask for them many times over.
    lowered: Lowered,
    /// The first mention starting at each token index ([`NO_MENTION`] for none).
    mention_starts: Vec<usize>,
    /// Set when a pair cap left pairs out.
    capped: std::cell::Cell<bool>,
    /// The coordinated groups of mentions, found first for the rules that read them (and only for
    /// those).
    groups: Groups,
    /// The words the such-as and between rules start at, found first for those rules.
    markers: Vec<(usize, Marker)>,
}

/// Groups of mention indices, one after another.
#[derive(Debug, Default)]
struct Groups {
    members: Vec<usize>,
    /// Where each group ends in `members` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl Groups {
    fn clear(&mut self) {
        self.members.clear();
        self.ends.clear();
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The members of group `index` (none past the end).
    fn get(&self, index: usize) -> &[usize] {
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.members.get(start..end).unwrap_or_default()
    }

    fn iter(&self) -> impl Iterator<Item = &[usize]> {
        (0..self.len()).map(|index| self.get(index))
    }

    /// Adds `member` to the last group.
    fn extend_last(&mut self, member: usize) {
        self.members.push(member);
        if let Some(end) = self.ends.last_mut() {
            *end = self.members.len();
        }
    }

    /// Starts a group with `member`.
    fn push(&mut self, member: usize) {
        self.members.push(member);
        self.ends.push(self.members.len());
    }
}

impl Reader<'_> {
    fn word(&self, index: usize) -> &str {
        self.tokens.get(index).map_or("", |t| t.text(self.text))
    }

    /// The bytes of `token` (none when its span is not in the text). Bytes, not its text: an ASCII
    /// byte always starts and ends a character, so a slice equal to an ASCII word is one whether or
    /// not the span falls on characters.
    fn token_bytes(&self, token: &Token) -> &[u8] {
        self.text
            .as_bytes()
            .get(token.span.start..token.span.end)
            .unwrap_or_default()
    }

    #[inline]
    fn lower(&self, index: usize) -> &str {
        self.lowered.get(self.tokens, index).unwrap_or("")
    }

    /// Whether a hedge word ("reportedly") is anywhere in the sentence.
    fn hedged(&self) -> bool {
        *self.hedged.get_or_init(|| {
            self.tokens
                .iter()
                .any(|t| self.lexicon.is_hedge(t.text(self.text)))
        })
    }

    fn is_possessive(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
    }

    /// The mention whose tokens start at `index`.
    fn mention_at(&self, index: usize) -> Option<usize> {
        self.mention_starts
            .get(index)
            .copied()
            .filter(|&m| m != NO_MENTION)
    }

    /// The first members of a list that may pair, noting when the cap leaves some out.
    fn capped<'g>(&self, group: &'g [usize]) -> &'g [usize] {
        let (head, capped) = capped_list(group);
        if capped {
            self.capped.set(true);
        }
        head
    }

    /// A mention followed by "'s" and another mention ("Iran's Quds Force") stands for the last one.
    fn through_possessives(&self, mut mention: usize) -> usize {
        while let Some(m) = self.mentions.get(mention) {
            let after = m.tokens.1;
            match (self.is_possessive(after), self.mention_at(after + 1)) {
                (true, Some(next)) => mention = next,
                _ => break,
            }
        }
        mention
    }

    fn relation(
        &self,
        subject: usize,
        object: usize,
        predicate: impl Into<Cow<'static, str>>,
        class: RelationClass,
        rule: Rule,
    ) -> Option<RuleRelation> {
        Some(RuleRelation {
            subject: self.mentions.get(subject)?.entity,
            object: self.mentions.get(object)?.entity,
            predicate: predicate.into(),
            class,
            negated: false,
            hedged: self.hedged(),
            rule,
        })
    }

    /// `title`: "Iraqi Prime Minister X": X leads Iraq.
    fn title(&self, out: &mut Vec<RuleRelation>) {
        for (index, mention) in self.mentions.iter().enumerate() {
            let Some(title) = mention.title.as_ref().filter(|t| t.leads) else {
                continue;
            };
            if let Some(country) = title.of_mention {
                out.extend(self.relation(
                    index,
                    country,
                    format!("{} of", title.title),
                    RelationClass::Leads,
                    Rule::Title,
                ));
            } else if let (Some(home), Some(person)) =
                (self.home_for_bare_title(index), self.mentions.get(index))
            {
                out.push(RuleRelation {
                    subject: person.entity,
                    object: home,
                    predicate: format!("{} of", title.title).into(),
                    class: RelationClass::Leads,
                    negated: false,
                    hedged: self.hedged(),
                    rule: Rule::TitleHome,
                });
            }
        }
    }

    /// The country a title with no country of its own stands for ("President X"): the document's home
    /// country, unless another title in the sentence already names it ("Iraqi Prime Minister A … to
    /// President B"); then the one other country the sentence mentions, if there is exactly one. None
    /// when the sentence gives the same bare title to several people.
    fn home_for_bare_title(&self, person: usize) -> Option<usize> {
        let home = self.context.home_country?;
        // "Presidents Gorbachev, Mitterrand, and Ozal": holders of one bare title in one sentence
        // cannot all lead the home country, and nothing says which countries they lead.
        let title = self.mentions.get(person)?.title.as_ref()?;
        let holders = self
            .mentions
            .iter()
            .filter_map(|m| m.title.as_ref())
            .filter(|t| t.of_mention.is_none() && t.title == title.title)
            .count();
        if holders > 1 {
            return None;
        }
        let claimed: Vec<usize> = self
            .mentions
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != person)
            .filter_map(|(_, m)| m.title.as_ref()?.of_mention)
            .filter_map(|c| self.mentions.get(c).map(|m| m.entity))
            .collect();
        if !claimed.contains(&home) {
            return Some(home);
        }
        let mut others: Vec<usize> = self
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Country && !claimed.contains(&m.entity))
            .map(|m| m.entity)
            .collect();
        others.sort_unstable();
        others.dedup();
        match others[..] {
            [only] => Some(only),
            _ => None,
        }
    }

    /// The class and words of a role starting at token `index`: a role noun ("leader") or a title
    /// ("Ambassador"), possibly of several words ("prime minister").
    fn role_at(&self, index: usize) -> Option<(usize, String, RelationClass)> {
        // Nearly every word starts no role: say so without building the phrases.
        if !self.lexicon.may_start_role(self.lower(index)) {
            return None;
        }
        // The three-word phrase is built once; the shorter ones are its prefixes.
        let mut three_words = String::new();
        let mut ends = [0; 3];
        for (n, end) in ends.iter_mut().enumerate() {
            if n > 0 {
                three_words.push(' ');
            }
            three_words.push_str(self.lower(index + n));
            *end = three_words.len();
        }
        for length in (1..=3).rev() {
            let phrase = &three_words[..ends[length - 1]];
            if let Some(class) = self.lexicon.role_noun(phrase) {
                return Some((index + length, phrase.to_string(), class));
            }
            if let Some(title) = self.lexicon.title(phrase) {
                let class = if title.leads {
                    RelationClass::Leads
                } else {
                    RelationClass::Other
                };
                return Some((index + length, phrase.to_string(), class));
            }
        }
        None
    }

    /// Skips determiners and lower-case modifiers ("the powerful", "a senior") before a role.
    fn skip_modifiers(&self, mut index: usize, limit: usize) -> usize {
        let start = index;
        while index < start + limit
            && self
                .tokens
                .get(index)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && self.role_at(index).is_none()
            && self.mention_at(index).is_none()
            && self
                .word(index)
                .starts_with(|c: char| c.is_lowercase() || c == 'A')
            && !PREPOSITIONS.contains(&self.lower(index))
        {
            index += 1;
        }
        index
    }

    /// The first mention starting within `limit` tokens after `index`, skipping lower-case words.
    fn mention_after(&self, index: usize, limit: usize) -> Option<usize> {
        (index..index + limit)
            .take_while(|&i| {
                self.tokens.get(i).is_some_and(|t| {
                    t.kind != TokenKind::Punct || matches!(self.word(i), "-" | "–")
                }) || self.mention_at(i).is_some()
            })
            .find_map(|i| self.mention_at(i))
    }

    /// `apposition`: "X, [the] ROLE of Y", "X, the [Country] TITLE to Y", "the ROLE of Y, X", "Y ROLE X",
    /// "X of Y" for a titled or two-word person X.
    fn apposition(&self, out: &mut Vec<RuleRelation>) {
        for (x, mention) in self.mentions.iter().enumerate() {
            let after = mention.tokens.1;
            // X, [the] [Country] ROLE (of|for|to|in) Y
            if self.word(after) == "," {
                let mut i = self.skip_modifiers(after + 1, 3);
                let mut country = None;
                if let Some(c) = self.mention_at(i) {
                    country = Some(c);
                    i = self.mentions[c].tokens.1;
                }
                if let Some((role_end, role, class)) = self.role_at(i) {
                    if let Some(c) = country {
                        out.extend(self.relation(
                            x,
                            c,
                            format!("{role} of"),
                            class,
                            Rule::Apposition,
                        ));
                    }
                    let preposition = self.lower(role_end);
                    if ["of", "for", "to", "in", "at"].contains(&preposition)
                        && let Some(y) = self.mention_after(role_end + 1, 6)
                    {
                        let y = self.through_possessives(y);
                        let (predicate, class) = if preposition == "to" {
                            (format!("{role} to"), RelationClass::Other)
                        } else {
                            (format!("{role} of"), class)
                        };
                        out.extend(self.relation(x, y, predicate, class, Rule::Apposition));
                    }
                }
            }
            // the ROLE (of|for) Y, X
            let start = mention.tokens.0;
            if self.of_before_determiners(start)
                && let Some((role_end, role, class)) =
                    (start.saturating_sub(4)..start).find_map(|i| self.role_at(i))
                && ["of", "for"].contains(&self.lower(role_end))
                && role_end < start
                && (role_end + 1..start).all(|i| DETERMINERS.contains(&self.lower(i)))
            {
                let y = self.through_possessives(x);
                let y_end = self.mentions[y].tokens.1;
                if self.word(y_end) == ","
                    && let Some(person) = self.mention_at(y_end + 1)
                {
                    out.extend(self.relation(
                        person,
                        y,
                        format!("{role} of"),
                        class,
                        Rule::Apposition,
                    ));
                }
            }
            // Y ROLE X: "PMF deputy Abu Mahdi al-Muhandis". A role is one to three words: without a
            // mention starting one to three words on, there is no X to look for a role before.
            if (after + 1..=after + 3).any(|i| self.mention_at(i).is_some())
                && let Some((role_end, role, class)) = self.role_at(after)
                && let Some(person) = self.mention_at(role_end)
            {
                out.extend(self.relation(person, x, format!("{role} of"), class, Rule::Apposition));
            }
            // X of Y, for a person X: "Abu Baqir al-Saadi of Kataib Hezbollah"
            if self.lower(after) == "of"
                && (mention.title.is_some() || self.looks_like_person(x))
                && let Some(y) = self.mention_at(after + 1)
            {
                out.extend(self.relation(
                    x,
                    y,
                    "member of",
                    RelationClass::PartOf,
                    Rule::Apposition,
                ));
            }
        }
    }

    /// Whether the words right before token `end`, past any determiners, end with "of" or "for": "the
    /// head of the": a role there can be completed by the mention at `end`.
    fn of_before_determiners(&self, end: usize) -> bool {
        let mut before = end;
        while before > 0 && DETERMINERS.contains(&self.lower(before - 1)) {
            before -= 1;
        }
        before > 0 && matches!(self.lower(before - 1), "of" | "for")
    }

    /// Two to four capitalised words without a head noun, or with a name particle ("al-Saadi").
    fn looks_like_person(&self, mention: usize) -> bool {
        let Some(m) = self.mentions.get(mention) else {
            return false;
        };
        let words: Vec<&str> = (m.tokens.0..m.tokens.1).map(|i| self.word(i)).collect();
        (2..=4).contains(&words.len())
            && words
                .iter()
                .any(|w| w.starts_with("al-") || w.starts_with("Al-"))
            && words
                .last()
                .is_some_and(|w| self.lexicon.head_noun(w).is_none())
    }

    /// The words the such-as and between rules start at, in token order, into `markers` (cleared
    /// first): one look at each token for both rules.
    fn find_markers(&self, markers: &mut Vec<(usize, Marker)>) {
        markers.clear();
        for (i, token) in self.tokens.iter().enumerate() {
            // The markers are ASCII words of four, seven or nine letters without a "k", and no other
            // word lower-cases to one (see `lower_is`): look no further at other tokens.
            let marker = match self.token_bytes(token) {
                word @ [_, _, _, _] if lower_is(word, "such") => Marker::Such,
                b"like" => Marker::Like,
                word @ [_, _, _, _, _, _, _] if lower_is(word, "between") => Marker::Between,
                word @ [_, _, _, _, _, _, _, _, _] if lower_is(word, "including") => {
                    Marker::Including
                }
                _ => continue,
            };
            markers.push((i, marker));
        }
    }

    /// `such-as`: "Y …, such as A, B and C" / "Y …, including A": each member PartOf Y.
    fn such_as(&self, out: &mut Vec<RuleRelation>) {
        for &(i, marker) in &self.markers {
            // "such as", "including", and "like" after a plural noun ("energy firms like Rosneft").
            let after_noun = || {
                i > 0
                    && self.word(i - 1).ends_with('s')
                    && self.word(i - 1).starts_with(|c: char| c.is_lowercase())
            };
            let marker_end = match marker {
                Marker::Such if self.lower(i + 1) == "as" => i + 2,
                Marker::Like if after_noun() => i + 1,
                Marker::Including => i + 1,
                _ => continue,
            };
            // The head: the nearest mention before the marker, within the same clause.
            let Some(head) = self
                .mentions
                .iter()
                .rposition(|m| m.tokens.1 <= i && i - m.tokens.1 <= 6)
            else {
                continue;
            };
            let head_kind = self.mentions[head].kind;
            // "Chinese oil companies like CNPC": after "like", the head is the members' country.
            let like = self.word(i) == "like";
            if like && head_kind != EntityKind::Country {
                continue;
            }
            let members = self.list_from(marker_end);
            for member in members {
                // A country is part of an alliance or organisation, not of a region or another country.
                if self.mentions[member].kind == EntityKind::Country
                    && head_kind != EntityKind::Organization
                {
                    continue;
                }
                out.extend(self.relation(
                    member,
                    head,
                    "part of",
                    RelationClass::PartOf,
                    Rule::SuchAs,
                ));
            }
        }
    }

    /// The mentions of a list starting at token `index`: "A, B, and the C".
    fn list_from(&self, mut index: usize) -> Vec<usize> {
        let mut members = Vec::new();
        loop {
            while DETERMINERS.contains(&self.lower(index)) {
                index += 1;
            }
            let Some(member) = self.mention_at(index) else {
                break;
            };
            members.push(member);
            index = self.mentions[member].tokens.1;
            // "the United Arab Emirates (UAE), and Bahrain": the acronym repeats the member.
            if self.word(index) == "("
                && let Some(acronym) = self.mention_at(index + 1)
                && self.mentions[acronym].entity == self.mentions[member].entity
                && self.word(self.mentions[acronym].tokens.1) == ")"
            {
                index = self.mentions[acronym].tokens.1 + 1;
            }
            let mut next = index;
            while matches!(self.lower(next), "," | "and" | "or") {
                next += 1;
            }
            if next == index {
                break;
            }
            index = next;
        }
        members
    }

    /// Mentions that are parts of one compound token, in order, into `groups` (cleared first).
    fn compound_groups(&self, groups: &mut Groups) {
        groups.clear();
        for (index, mention) in self.mentions.iter().enumerate() {
            let is_part = self
                .tokens
                .get(mention.tokens.0)
                .is_some_and(|t| t.span != mention.span);
            if !is_part {
                continue;
            }
            match groups.members.last() {
                Some(&last) if self.mentions[last].tokens == mention.tokens => {
                    groups.extend_last(index)
                }
                _ => groups.push(index),
            }
        }
    }

    /// `compound-pair`: "US-China tensions": a relation between the two parts, the noun's class.
    /// `groups` is room for the work.
    fn compound_pair(&self, out: &mut Vec<RuleRelation>, groups: &mut Groups) {
        self.compound_groups(groups);
        for group in groups.iter() {
            let [a, b] = group[..] else {
                continue;
            };
            let after = self.mentions[a].tokens.1;
            // "US-China relations", "Sino-Iraqi economic relations"
            let noun = (after..after + 2).find_map(|i| {
                let word = self.lower(i);
                self.lexicon.relation_noun(word).map(|class| (word, class))
            });
            if let Some((noun, class)) = noun {
                out.extend(self.relation(a, b, noun.to_string(), class, Rule::CompoundPair));
            }
        }
    }

    /// `compound-modifier`: "Iran-backed factions within the PMF" (X backs Y), "U.S.-led coalition".
    fn compound_modifier(&self, out: &mut Vec<RuleRelation>) {
        const MODIFIERS: &[(&str, &str, RelationClass)] = &[
            ("backed", "back", RelationClass::Cooperation),
            ("sponsored", "sponsor", RelationClass::Cooperation),
            ("funded", "fund", RelationClass::Cooperation),
            ("supported", "support", RelationClass::Cooperation),
            ("aligned", "align with", RelationClass::Cooperation),
            ("allied", "ally with", RelationClass::Cooperation),
            ("led", "lead", RelationClass::Leads),
        ];
        for (x, mention) in self.mentions.iter().enumerate() {
            let token_text = self.word(mention.tokens.0);
            let Some(rest) = token_text.get(
                mention
                    .span
                    .end
                    .saturating_sub(self.tokens[mention.tokens.0].span.start)..,
            ) else {
                continue;
            };
            let suffix = rest.trim_start_matches(['-', '–']).to_lowercase();
            let Some((_, predicate, class)) = MODIFIERS.iter().find(|(word, _, _)| suffix == *word)
            else {
                continue;
            };
            // "Iran-backed Hezbollah", "Iran-backed factions within the PMF"; not "US-backed forces in
            // eastern Syria", a location.
            let after = mention.tokens.1;
            let target = self.mention_at(after).or_else(|| {
                (after + 1..after + 3)
                    .find(|&i| matches!(self.lower(i), "within" | "inside" | "of"))
                    .and_then(|i| self.mention_after(i + 1, 2))
            });
            if let Some(y) = target {
                out.extend(self.relation(x, y, *predicate, *class, Rule::CompoundModifier));
            }
        }
    }

    /// `possessive`: "Iran's Quds Force": the second is part of the first.
    fn possessive(&self, out: &mut Vec<RuleRelation>) {
        for (y, mention) in self.mentions.iter().enumerate() {
            let after = mention.tokens.1;
            if self.is_possessive(after)
                && let Some(x) = self.mention_at(after + 1)
            {
                out.extend(self.relation(x, y, "part of", RelationClass::PartOf, Rule::Possessive));
            }
        }
    }

    /// `demonym`: "the Chinese state-owned PowerChina", "the Turkish defence firm Baykar": a demonym,
    /// a few lower-case words, then an organisation: the organisation is part of the country.
    fn demonym(&self, out: &mut Vec<RuleRelation>) {
        for (country, mention) in self.mentions.iter().enumerate() {
            if !mention.adjective || mention.kind != EntityKind::Country {
                continue;
            }
            let start = mention.tokens.1;
            let Some(end) = (start..start + 5).find(|&i| self.mention_at(i).is_some()) else {
                continue;
            };
            let between_ok = end > start
                && (start..end).all(|i| {
                    let word = self.word(i);
                    let lower = self.lower(i);
                    self.tokens
                        .get(i)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                        && word.starts_with(|c: char| c.is_lowercase())
                        && !self.lexicon.is_function_word(word)
                        && self.lexicon.verb(lower).is_none()
                        && self.classed_noun(lower).is_none()
                });
            let Some(org) = self.mention_at(end) else {
                continue;
            };
            let org_kind = self.mentions[org].kind;
            if between_ok
                && matches!(
                    org_kind,
                    EntityKind::Organization | EntityKind::ArmedGroup | EntityKind::PoliticalGroup
                )
            {
                out.extend(self.relation(
                    org,
                    country,
                    "part of",
                    RelationClass::PartOf,
                    Rule::Demonym,
                ));
            }
        }
    }

    /// `between`: "relations between X and Y".
    fn between(&self, out: &mut Vec<RuleRelation>) {
        for &(i, marker) in &self.markers {
            if marker != Marker::Between || i == 0 {
                continue;
            }
            let noun = (i.saturating_sub(2)..i).rev().find_map(|n| {
                let word = self.lower(n);
                self.lexicon.relation_noun(word).map(|class| (word, class))
            });
            let Some((noun, class)) = noun else {
                continue;
            };
            // "between X, leader of Z, and Y": Y is the first mention after an "and" that follows X.
            let Some(a) = self.mention_after(i + 1, 3) else {
                continue;
            };
            let after_a = self.mentions[a].tokens.1;
            let b = (after_a..after_a + 12)
                .take_while(|&t| self.word(t) != ";")
                .find(|&t| self.lower(t) == "and")
                .and_then(|and| self.mention_after(and + 1, 3));
            if let Some(b) = b {
                out.extend(self.relation(a, b, format!("{noun} with"), class, Rule::Between));
            }
        }
    }

    /// A relation noun or a role noun, singular or plural: "assassinations" reads as "assassination".
    fn classed_noun(&self, word: &str) -> Option<RelationClass> {
        let singular = word.strip_suffix('s').unwrap_or(word);
        [word, singular].iter().find_map(|w| {
            self.lexicon
                .relation_noun(w)
                .or_else(|| self.lexicon.role_noun(w))
        })
    }

    /// `nominal`: "the US assassinations of Qasem Soleimani", "Russian support for the PMF": an
    /// action noun right after X, a preposition, then Y (or a list).
    fn nominal(&self, out: &mut Vec<RuleRelation>) {
        self.event_nominal(out);
        for (x, mention) in self.mentions.iter().enumerate() {
            let noun_at = mention.tokens.1;
            let noun = self.lower(noun_at);
            let preposition = self.lower(noun_at + 1);
            // "Russian forces against Ukraine": a country's armed men against Y.
            // The preposition first: it rules out most mentions without a lexicon lookup.
            if !NOMINAL_PREPOSITIONS.contains(&preposition) {
                continue;
            }
            let forces_against =
                mention.adjective && FORCE_NOUNS.contains(&noun) && preposition == "against";
            let Some(class) = self
                .classed_noun(noun)
                .or(forces_against.then_some(RelationClass::Conflict))
            else {
                continue;
            };
            let mut start = noun_at + 2;
            while DETERMINERS.contains(&self.lower(start)) {
                start += 1;
            }
            for y in self.list_from(start) {
                out.extend(self.relation(
                    x,
                    y,
                    format!("{noun} {preposition}"),
                    class,
                    Rule::Nominal,
                ));
            }
        }
    }

    /// `nominal` on an event named by a country: "the Russian invasion of Ukraine", "the US war on
    /// Iraq": the country did to Y what the event noun says.
    fn event_nominal(&self, out: &mut Vec<RuleRelation>) {
        for mention in self.mentions {
            let [country] = mention.contains[..] else {
                continue;
            };
            if mention.kind != EntityKind::Event || mention.tokens.1 < mention.tokens.0 + 2 {
                continue;
            }
            let noun = self.lower(mention.tokens.1 - 1);
            let Some(class) = self.lexicon.relation_noun(noun) else {
                continue;
            };
            let preposition = self.lower(mention.tokens.1);
            if !NOMINAL_PREPOSITIONS.contains(&preposition) {
                continue;
            }
            let mut start = mention.tokens.1 + 1;
            while DETERMINERS.contains(&self.lower(start)) {
                start += 1;
            }
            for y in self.list_from(start) {
                out.push(RuleRelation {
                    subject: country,
                    object: self.mentions[y].entity,
                    predicate: format!("{noun} {preposition}").into(),
                    class,
                    negated: false,
                    hedged: self.hedged(),
                    rule: Rule::Nominal,
                });
            }
        }
    }

    /// `name-part`: a country inside a name: "Central Bank of Iraq" is part of Iraq; Iran and Iraq are
    /// parties to the "Iran-Iraq War". Only the first sentence with the name carries it (see the
    /// extraction).
    fn name_part(&self, out: &mut Vec<RuleRelation>) {
        for mention in self.mentions {
            // "Kuwait crisis" names where, not who took part; "Iran-Iraq War" names the parties.
            if mention.kind == EntityKind::Event && mention.contains.len() < 2 {
                continue;
            }
            for &country in &mention.contains {
                let relation = match mention.kind {
                    // "Iran-Iraq War", "US-Iraq Status of Forces Agreement": the countries took part.
                    EntityKind::Agreement | EntityKind::Event => RuleRelation {
                        subject: country,
                        object: mention.entity,
                        predicate: "party to".into(),
                        class: RelationClass::Other,
                        negated: false,
                        hedged: false,
                        rule: Rule::NamePart,
                    },
                    EntityKind::Person | EntityKind::Country => continue,
                    _ => RuleRelation {
                        subject: mention.entity,
                        object: country,
                        predicate: "part of".into(),
                        class: RelationClass::PartOf,
                        negated: false,
                        hedged: false,
                        rule: Rule::NamePart,
                    },
                };
                out.push(relation);
            }
        }
    }

    /// `located-in`: "Durham University in the UK": an organisation or place, "in", a country or place.
    fn located_in(&self, out: &mut Vec<RuleRelation>) {
        for (x, mention) in self.mentions.iter().enumerate() {
            let located = matches!(
                mention.kind,
                EntityKind::Organization
                    | EntityKind::Place
                    | EntityKind::ArmedGroup
                    | EntityKind::PoliticalGroup
            );
            if !located || self.lower(mention.tokens.1) != "in" {
                continue;
            }
            if let Some(y) = self.mention_after(mention.tokens.1 + 1, 2)
                && matches!(
                    self.mentions[y].kind,
                    EntityKind::Country | EntityKind::Place
                )
            {
                out.extend(self.relation(
                    x,
                    y,
                    "located in",
                    RelationClass::PartOf,
                    Rule::LocatedIn,
                ));
            }
        }
    }

    /// `joint-subject`: "Baghdad and Beijing signed a deal": members of a subject list joined by a
    /// cooperation verb cooperate with each other.
    fn joint_subject(&self, out: &mut Vec<RuleRelation>) {
        for group in self.groups.iter() {
            if group.len() < 2 {
                continue;
            }
            let Some(&last) = group.last() else {
                continue;
            };
            let after = self.mentions[last].tokens.1;
            // Skip a date or an adverb: "Iraq and Total Energy in 2023 signed".
            let verb = (after..after + 4).find(|&i| self.is_verb_at(i));
            let Some(verb) = verb.and_then(|i| self.lexicon.verb(self.lower(i))) else {
                continue;
            };
            if verb.class != RelationClass::Cooperation {
                continue;
            }
            let gap_ok = (after..after + 4)
                .take_while(|&i| self.lexicon.verb(self.lower(i)).is_none())
                .all(|i| self.word(i) != "," && self.mention_at(i).is_none());
            if !gap_ok {
                continue;
            }
            // "Turkey and Qatar did not sign", "… refused to sign": the joint act is denied.
            let negated = (after..after + 4)
                .take_while(|&i| self.lexicon.verb(self.lower(i)).is_none() || !self.is_verb_at(i))
                .any(|i| self.lexicon.is_negation(self.lower(i)) || self.lower(i).ends_with("n't"));
            let group = self.capped(group);
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    if let Some(mut relation) = self.relation(
                        a,
                        b,
                        format!("{} with", verb.lemma),
                        verb.class,
                        Rule::JointSubject,
                    ) {
                        relation.negated = negated;
                        out.push(relation);
                    }
                }
            }
        }
    }

    /// Neighbouring mentions joined by commas and "and" form one group: "Iran, Syria, and Russia".
    /// Into `groups` (cleared first).
    fn find_coordinated_groups(&self, groups: &mut Groups) {
        groups.clear();
        for (index, mention) in self.mentions.iter().enumerate() {
            if let Some(&last) = groups.members.last() {
                let gap = self.mentions[last].tokens.1..mention.tokens.0;
                let same_token = self.mentions[last].tokens == mention.tokens;
                // A list ("Iran, Syria, and Russia"), or a name and its acronym ("… Corporation (CNOOC)").
                let coordinated = !gap.is_empty()
                    && gap.clone().all(|i| COORDINATION.contains(&self.lower(i)))
                    && (gap
                        .clone()
                        .any(|i| matches!(self.lower(i), "," | "and" | "or"))
                        || self.mentions[last].entity == mention.entity);
                // "the head of the PMF, Faleh al-Fayyad, visited": the person is an apposition to the
                // phrase the first mention completes, not a second member.
                let apposition = self.word(gap.start) == ","
                    && mention.kind == EntityKind::Person
                    && self.word(mention.tokens.1) == ","
                    && self.complement_of_noun(last);
                if !same_token && !apposition && (coordinated || gap.is_empty()) {
                    groups.extend_last(index);
                    continue;
                }
            }
            groups.push(index);
        }
    }

    /// `verb` and `relation-noun`: neighbouring groups with a relation verb (or noun) between them.
    fn verb(&self, out: &mut Vec<RuleRelation>) {
        let mut previous_verb: Option<(Vec<usize>, &str, RelationClass, bool)> = None;
        for second in 1..self.groups.len() {
            let (left, right) = (self.groups.get(second - 1), self.groups.get(second));
            let (Some(&last), Some(&first)) = (left.last(), right.first()) else {
                continue;
            };
            let gap_start = self.mentions[last].tokens.1;
            let gap_end = self.mentions[first].tokens.0;
            if gap_end <= gap_start || gap_end - gap_start > MAX_VERB_GAP {
                previous_verb = None;
                continue;
            }
            if let Some(reading) = self.read_gap(gap_start, gap_end) {
                // "volunteers … traveled to Donetsk and Luhansk to join …": a mention inside a
                // prepositional phrase is not the subject of the next verb; the clause's subject is.
                let left_in_phrase = reading.rule == Rule::Verb
                    && !reading.passive
                    && !reading.relative
                    && (reading.non_finite
                        || (reading.coordinated && previous_verb.is_some())
                        || left
                            .first()
                            .is_some_and(|&m| self.after_non_subject_preposition(m)));
                let one_subject;
                let subjects_of_clause;
                let apposition_head =
                    left.first()
                        .and_then(|&m| self.apposition_head(m))
                        .filter(|_| {
                            reading.rule == Rule::Verb && !reading.passive && !reading.relative
                        });
                let left: &[usize] = if let Some(head) = apposition_head {
                    one_subject = [head];
                    &one_subject
                } else if reading.relative {
                    one_subject = [self.antecedent(left)];
                    &one_subject
                } else if left_in_phrase {
                    match &previous_verb {
                        Some((subjects, _, _, _)) => {
                            subjects_of_clause = subjects.clone();
                            &subjects_of_clause
                        }
                        None => {
                            continue;
                        }
                    }
                } else {
                    left
                };
                let (subjects, objects) = if reading.passive {
                    (right, left)
                } else {
                    (left, right)
                };
                for &s in self.capped(subjects) {
                    for &o in self.capped(objects) {
                        if let Some(mut relation) = self.relation(
                            s,
                            o,
                            reading.predicate.clone(),
                            reading.class,
                            reading.rule,
                        ) {
                            relation.negated = reading.negated;
                            out.push(relation);
                        }
                    }
                }
                previous_verb = (reading.rule == Rule::Verb && !reading.passive)
                    .then(|| (left.to_vec(), reading.lemma, reading.class, reading.negated));
            } else if let Some((subjects, lemma, class, negated)) = &previous_verb {
                // "Qasim withdrew Iraq from the Baghdad Pact", "Iraq created an alliance with Iran to
                // fight …": the verb's subject reaches the later objects of its clause.
                let mut gap = (gap_start..gap_end).map(|i| self.lower(i));
                if gap.clone().any(|w| CLAUSE_BREAKS.contains(&w)) {
                    previous_verb = None;
                    continue;
                }
                let predicate = match gap.find(|w| PREPOSITIONS.contains(w)) {
                    Some(preposition) => format!("{lemma} {preposition}"),
                    None => lemma.to_string(),
                };
                for &s in self.capped(subjects) {
                    for &o in self.capped(right) {
                        if let Some(mut relation) =
                            self.relation(s, o, predicate.clone(), *class, Rule::Verb)
                        {
                            // "X declined to support Y in Z": the denial reaches Z too.
                            relation.negated = *negated;
                            out.push(relation);
                        }
                    }
                }
            }
        }
    }

    /// Reads the words between two mentions: the first relation verb (or, failing that, relation noun),
    /// the predicate, negation and voice.
    fn read_gap(&self, start: usize, end: usize) -> Option<GapReading<'_>> {
        // The verb rule reads gaps of at most `MAX_VERB_GAP` words: room for them needs no allocation.
        let mut room = [""; MAX_VERB_GAP];
        let longer: Vec<&str>;
        let all_words: &[&str] = match room.get_mut(..end.saturating_sub(start)) {
            Some(words) => {
                for (word, index) in words.iter_mut().zip(start..end) {
                    *word = self.lower(index);
                }
                words
            }
            None => {
                longer = (start..end).map(|i| self.lower(i)).collect();
                &longer
            }
        };
        // ", which had bombed Y": a relative clause on the mention before it.
        let relative_at = match all_words {
            [comma, pronoun, ..] if *comma == "," && RELATIVE_PRONOUNS.contains(pronoun) => Some(2),
            _ => None,
        };
        let skip = relative_at.unwrap_or(0);
        let start = start + skip;
        let words = &all_words[skip..];
        if words
            .iter()
            .any(|w| CLAUSE_BREAKS.contains(w) || *w == "that")
        {
            return None;
        }
        let verb_position = (0..words.len()).find(|&i| self.is_verb_at(start + i));
        if let Some(mut position) = verb_position {
            // "managed to negotiate with Y", "agreed to buy": the infinitive carries the relation.
            if self.is_control_word(words[position])
                && words.get(position + 1).is_some_and(|w| *w == "to")
                && position + 2 < words.len()
                && self.is_verb_at(start + position + 2)
            {
                position += 2;
            }
            let verb = self.lexicon.verb(words[position])?;
            // ", and …" after the verb starts another clause.
            // Not when the words after the conjunction only continue a list of nouns ("ended
            // censorship, immunity, and supervision of Y").
            let next_clause = words[position + 1..]
                .windows(2)
                .position(|pair| pair[0] == "," && matches!(pair[1], "and" | "but" | "or" | "yet"))
                .is_some_and(|at| {
                    let after = position + 1 + at + 2;
                    let rest = &words[after..];
                    let noun_list = rest
                        .iter()
                        .any(|w| !DETERMINERS.contains(w) && !PREPOSITIONS.contains(w))
                        && (start + after..end).all(|i| {
                            self.tokens
                                .get(i)
                                .is_some_and(|t| t.kind == TokenKind::Word)
                                && self.word(i).starts_with(|c: char| c.is_lowercase())
                                && !self.lexicon.is_function_word(self.word(i))
                                    | DETERMINERS.contains(&self.lower(i))
                                    | PREPOSITIONS.contains(&self.lower(i))
                                && self.lexicon.verb(self.lower(i)).is_none()
                        });
                    !noun_list
                });
            if next_clause {
                return None;
            }
            // "was (reportedly) supported by the", "weapons supplied by": "by" and then only
            // determiners before the second mention.
            let by_agent = words[position + 1..]
                .iter()
                .position(|w| *w == "by")
                .is_some_and(|by| {
                    words[position + 2 + by..]
                        .iter()
                        .all(|w| DETERMINERS.contains(w))
                });
            let be_before = words[..position]
                .iter()
                .rev()
                .find(|w| !w.ends_with("ly"))
                .is_some_and(|w| BE_FORMS.contains(w));
            let participle = words[position].ends_with("ed") || words[position].ends_with("en");
            let passive = participle
                && by_agent
                && (be_before || words.get(position + 1).is_some_and(|w| *w == "by"));
            let predicate = if passive {
                format!("{} by", verb.lemma)
            } else {
                verb_predicate(&verb.lemma, &words[position + 1..])
            };
            // "build deep relations with", "strengthen cooperation with": a verb without a class of
            // its own takes the class of the relation noun it governs.
            let class = if verb.class == RelationClass::Other {
                words[position + 1..]
                    .windows(2)
                    .take(4)
                    .find(|pair| PREPOSITIONS.contains(&pair[1]))
                    .and_then(|pair| self.lexicon.relation_noun(pair[0]))
                    .unwrap_or(verb.class)
            } else {
                verb.class
            };
            // "by abstaining from", "to fight": the verb's subject is the clause's subject.
            let before = position.checked_sub(1).map(|p| words[p]).unwrap_or("");
            // "declined to support Y", "agreed to buy": a control verb before the infinitive keeps
            // the mention before it as the subject.
            // "Iraq's ability to balance Y": the possessor is the infinitive's subject.
            let controlled = before == "to"
                && (self.is_possessive(start)
                    || words[..position].iter().any(|w| self.is_control_word(w)));
            let non_finite = (before == "to" && !controlled)
                || (words[position].ends_with("ing")
                    && (PREPOSITIONS.contains(&before) || before == ","));
            // ", signed a deal with Y", "and attacked Y": another verb of the clause's subject.
            let coordinated = relative_at.is_none()
                && position > 0
                && words[..position]
                    .iter()
                    .all(|w| VERB_COORDINATION.contains(w) || w.ends_with("ly"))
                && words[..position].iter().any(|w| *w == "," || *w == "and");
            return Some(GapReading {
                lemma: &verb.lemma,
                predicate,
                class,
                negated: self.negated(words),
                passive,
                non_finite,
                coordinated,
                relative: relative_at.is_some(),
                rule: Rule::Verb,
            });
        }
        // "X's relations with Y", "X has deep ties to Y": a relation noun right before a preposition.
        if words.contains(&",") {
            return None;
        }
        let noun = (0..words.len().saturating_sub(1)).find(|&i| {
            PREPOSITIONS.contains(&words[i + 1]) && self.classed_noun(words[i]).is_some()
        });
        let Some(noun) = noun else {
            return self.possessive_noun(start, words);
        };
        let class = self.classed_noun(words[noun])?;
        Some(GapReading {
            lemma: words[noun],
            predicate: format!("{} {}", words[noun], words[noun + 1]),
            class,
            negated: self.negated(words),
            passive: false,
            non_finite: false,
            coordinated: false,
            relative: false,
            rule: Rule::RelationNoun,
        })
    }

    /// Whether the words between two mentions deny what they say: "did not", "declined", "won't". Asked
    /// only of a gap that reads as a relation.
    fn negated(&self, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| self.lexicon.is_negation(w) || w.ends_with("n't"))
    }

    /// "Iraq's perspective on Y", "the group's move toward Y": a possessor, a noun with at most two
    /// modifiers, a preposition, then the second mention. Unlisted nouns read as `Other`.
    fn possessive_noun<'r>(&'r self, start: usize, words: &[&'r str]) -> Option<GapReading<'r>> {
        const LINKS: &[&str] = &[
            "on", "with", "toward", "towards", "over", "against", "in", "to", "at", "into", "for",
        ];
        if !self.is_possessive(start) {
            return None;
        }
        let preposition = words.iter().position(|w| LINKS.contains(w))?;
        let phrase = &words[1..preposition];
        let noun = phrase.last()?;
        let plain_words = (start + 1..start + preposition).all(|i| {
            self.tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && self.word(i).starts_with(|c: char| c.is_lowercase())
                && !self.lexicon.is_function_word(self.word(i))
                && !self.is_verb_at(i)
        });
        let rest_ok = words[preposition + 1..]
            .iter()
            .all(|w| DETERMINERS.contains(w));
        if phrase.len() > 3 || !plain_words || !rest_ok {
            return None;
        }
        let class = self.classed_noun(noun).unwrap_or(RelationClass::Other);
        Some(GapReading {
            lemma: noun,
            predicate: format!("{noun} {}", words[preposition]),
            class,
            negated: self.negated(words),
            passive: false,
            non_finite: false,
            coordinated: false,
            relative: false,
            rule: Rule::PossessiveNoun,
        })
    }

    /// A verb that takes an infinitive of its own subject ("agreed to"), or a negation ("refused to").
    fn is_control_word(&self, word: &str) -> bool {
        // The first bytes first: most stems differ from the word there.
        self.lexicon.is_negation(word)
            || CONTROL_VERB_STEMS.iter().any(|stem| {
                stem.as_bytes().first() == word.as_bytes().first() && word.starts_with(stem)
            })
    }

    /// The mention a relative pronoun after `group` refers to: the last one, or, in "X of Y, who",
    /// the person X.
    fn antecedent(&self, group: &[usize]) -> usize {
        let last = group.last().copied().unwrap_or(0);
        let Some(m) = self.mentions.get(last) else {
            return last;
        };
        if m.kind != EntityKind::Person
            && let Some(before) = last.checked_sub(1)
            && let Some(b) = self.mentions.get(before)
            && b.kind == EntityKind::Person
            && (b.tokens.1..m.tokens.0)
                .all(|i| self.lower(i) == "of" || DETERMINERS.contains(&self.lower(i)))
        {
            return before;
        }
        last
    }

    /// The mention an apposition containing `mention` describes: in "Hoshyar Zebari, a member of the
    /// bureau of the KDP, maintained …", the KDP is inside the apposition and Zebari is its head.
    fn apposition_head(&self, mention: usize) -> Option<usize> {
        let m = self.mentions.get(mention)?;
        let mut i = m.tokens.0;
        let mut saw_of = false;
        for _ in 0..10 {
            let previous = i.checked_sub(1)?;
            let word = self.word(previous);
            if word == "," {
                let opens = DETERMINERS.contains(&self.lower(i));
                let head = self.mentions.iter().position(|h| h.tokens.1 == previous)?;
                return (opens && saw_of).then_some(head);
            }
            let plain = self
                .tokens
                .get(previous)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && word.starts_with(|c: char| c.is_lowercase())
                && self.lexicon.verb(self.lower(previous)).is_none();
            if !plain {
                return None;
            }
            saw_of |= word == "of";
            i = previous;
        }
        None
    }

    /// True when mention `mention` completes a noun with "of": "the head of the PMF".
    fn complement_of_noun(&self, mention: usize) -> bool {
        let Some(m) = self.mentions.get(mention) else {
            return false;
        };
        let mut before = m.tokens.0;
        while before > 0 && DETERMINERS.contains(&self.lower(before - 1)) {
            before -= 1;
        }
        before > 1
            && self.lower(before - 1) == "of"
            && self
                .word(before - 2)
                .starts_with(|c: char| c.is_lowercase())
    }

    /// True when mention `mention` follows a preposition that heads an adjunct or an object
    /// ("after the invasion of Kuwait", "traveled to Donetsk"), so it is not a subject.
    fn after_non_subject_preposition(&self, mention: usize) -> bool {
        let Some(m) = self.mentions.get(mention) else {
            return false;
        };
        let mut before = m.tokens.0;
        while before > 0 && DETERMINERS.contains(&self.lower(before - 1)) {
            before -= 1;
        }
        before > 0 && ADJUNCT_PREPOSITIONS.contains(&self.lower(before - 1))
    }

    /// True when the token at `index` is a relation verb used as a verb: not after a determiner or a
    /// preposition ("the fall of", "with the help of") and not before "of" ("weakening of").
    fn is_verb_at(&self, index: usize) -> bool {
        let word = self.lower(index);
        if self.lexicon.verb(word).is_none()
            || DETERMINERS.contains(&word)
            || NOT_VERBS.contains(&word)
        {
            return false;
        }
        let before = index
            .checked_sub(1)
            .map(|i| self.lower(i))
            .unwrap_or_default();
        let after_adjective = self
            .mentions
            .iter()
            .any(|m| m.adjective && m.tokens.1 == index);
        // "declined to support", "agreed to buy": an infinitive after a control verb is a verb; after
        // a noun or a mention ("ability to build", "asked Iraq to implement") it is left to the rules
        // that read the clause around it.
        let infinitive = before == "to"
            && self.lexicon.verb(word).is_some_and(|v| v.lemma == *word)
            && index.checked_sub(2).is_some_and(|i| {
                self.is_control_word(self.lower(i))
                    || self.is_possessive(i.wrapping_sub(1))
                    || self.is_possessive(i.wrapping_sub(2))
            });
        // "a similar ruling": an -ing form two words after a determiner is a noun.
        let ing_noun = word.ends_with("ing")
            && index
                .checked_sub(2)
                .is_some_and(|i| DETERMINERS.contains(&self.lower(i)));
        // "the KRI's independent oil trade": the words after a possessive are its noun phrase.
        let in_possessive_phrase = (1..=3).any(|back| {
            index.checked_sub(back).is_some_and(|p| {
                self.is_possessive(p)
                    && (p + 1..index).all(|i| {
                        self.tokens
                            .get(i)
                            .is_some_and(|t| t.kind == TokenKind::Word)
                            && self.lower(i) != "to"
                    })
            })
        });
        let nominal = after_adjective
            || ing_noun
            || in_possessive_phrase
            || DETERMINERS.contains(&before)
            || (PREPOSITIONS.contains(&before) && !infinitive)
            || self.is_possessive(index.wrapping_sub(1))
            || self.lower(index + 1) == "of";
        !nominal
    }

    /// `co-mention`: every other pair of distinct entities in the sentence.
    /// `related` and `entities` are room for the work.
    fn co_mentions(
        &self,
        out: &mut Vec<RuleRelation>,
        related: &mut HashSet<(usize, usize), WordBuildHasher>,
        entities: &mut Vec<usize>,
    ) {
        related.clear();
        related.extend(
            out.iter()
                .flat_map(|r| [(r.subject, r.object), (r.object, r.subject)]),
        );
        entities.clear();
        for mention in self.mentions {
            if !entities.contains(&mention.entity) {
                entities.push(mention.entity);
            }
            if entities.len() == MAX_COMENTION_ENTITIES {
                if self.mentions.iter().any(|m| !entities.contains(&m.entity)) {
                    self.capped.set(true);
                }
                break;
            }
        }
        out.reserve(entities.len() * entities.len().saturating_sub(1) / 2);
        for (i, &a) in entities.iter().enumerate() {
            for &b in &entities[i + 1..] {
                // Most sentences relate no pair by a rule: then no pair needs looking up.
                if related.is_empty() || !related.contains(&(a, b)) {
                    out.push(RuleRelation {
                        subject: a,
                        object: b,
                        predicate: Cow::Borrowed("co-mentioned with"),
                        class: RelationClass::CoMention,
                        negated: false,
                        hedged: false,
                        rule: Rule::CoMention,
                    });
                }
            }
        }
    }
}

struct GapReading<'r> {
    lemma: &'r str,
    predicate: String,
    class: RelationClass,
    negated: bool,
    passive: bool,
    /// An infinitive or a gerund after a preposition: its subject is the clause's.
    non_finite: bool,
    /// A second verb of the clause's subject: "X met Y and signed …".
    coordinated: bool,
    /// A relative clause on the mention before it: ", which VERB …".
    relative: bool,
    rule: Rule,
}

/// The predicate for a verb and the words after it: the lemma, up to two words, and the preposition
/// that ends the phrase ("impose sanctions on", "seek help from", "sign").
fn verb_predicate(lemma: &str, after: &[&str]) -> String {
    let mut parts = vec![lemma];
    for &word in after {
        if DETERMINERS.contains(&word) || !word.chars().any(char::is_alphabetic) {
            continue;
        }
        if PREPOSITIONS.contains(&word) {
            parts.push(word);
            break;
        }
        if parts.len() >= 3 {
            break;
        }
        parts.push(word);
    }
    // Without a closing preposition, trailing words are usually not part of the relation.
    if parts.last().is_some_and(|w| !PREPOSITIONS.contains(w)) {
        parts.truncate(1);
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_lexicon::test_lexicon;
    use crate::text::tokenize;

    /// A title before a mention: (title, leads, index of the mention of its country).
    type TitleCase<'a> = Option<(&'a str, bool, Option<usize>)>;
    /// A mention of the one entity: (its words, its kind, its title, the countries inside it).
    type MentionCase<'a> = (&'a str, EntityKind, TitleCase<'a>, &'a [usize]);

    /// The mentions of `text`, each the first occurrence of its words (a whole number of tokens) after
    /// the mention before it, all of entity 1.
    fn mentions_of(text: &str, tokens: &[Token], cases: &[MentionCase]) -> Vec<SentenceMention> {
        let mut from = 0;
        let mut mentions = Vec::new();
        for &(surface, kind, title, contains) in cases {
            let Some(start) = text[from..].find(surface).map(|at| at + from) else {
                panic!("{surface} is in {text}");
            };
            let end = start + surface.len();
            from = end;
            let first = tokens.iter().position(|t| t.span.start == start);
            let last = tokens.iter().position(|t| t.span.end == end);
            let (Some(first), Some(last)) = (first, last) else {
                panic!("{surface} is whole tokens of {text}");
            };
            mentions.push(SentenceMention {
                entity: 1,
                span: Span::new(start, end),
                tokens: (first, last + 1),
                title: title.map(|(title, leads, of_mention)| TitleInfo {
                    title: title.to_string(),
                    leads,
                    of_mention,
                }),
                kind,
                contains: contains.to_vec(),
                adjective: kind == EntityKind::Country,
                metonymy: false,
            });
        }
        mentions
    }

    #[test]
    fn one_entity_needs_only_the_rules_of_one_entity() {
        use EntityKind::*;
        let cases: &[(&str, &[MentionCase])] = &[
            (
                "President Smith, leader of the group, attacked it and signed deals with them.",
                &[("Smith", Person, Some(("president", true, None)), &[])],
            ),
            (
                "Prime Minister Jones of the party met, and the forces against them fought.",
                &[(
                    "Jones",
                    Person,
                    Some(("prime minister", true, Some(0))),
                    &[],
                )],
            ),
            (
                "The Central Bank of Iraq, such as it is, signed a deal with its partners.",
                &[("Central Bank of Iraq", Organization, None, &[5])],
            ),
            (
                "The Iran-Iraq War between the two states ended in an invasion of the south.",
                &[("Iran-Iraq War", Event, None, &[6, 7])],
            ),
            (
                "The Iran-Iraq Accord of 1975, including its annex, was signed by both.",
                &[("Iran-Iraq Accord", Agreement, None, &[6, 7])],
            ),
            (
                "Its relations with them, which attacked, and Turkish firms like it grew.",
                &[("Turkish", Country, None, &[])],
            ),
            (
                "Turkey attacked Turkey, and Turkey, Turkey and Turkey signed a deal with Turkey.",
                &[
                    ("Turkey", Country, None, &[]),
                    ("Turkey", Country, None, &[]),
                    ("Turkey", Country, None, &[]),
                    ("Turkey", Country, None, &[]),
                    ("Turkey", Country, None, &[]),
                    ("Turkey", Country, None, &[]),
                ],
            ),
            (
                "The Russian Invasion of Ukraine angered Ukraine's leader, President Zelensky of Ukraine.",
                &[
                    ("Russian Invasion", Event, None, &[8]),
                    ("Ukraine", Country, None, &[]),
                    ("Ukraine", Country, None, &[]),
                    ("Zelensky", Person, Some(("president", true, Some(1))), &[3]),
                    ("Ukraine", Country, None, &[]),
                ],
            ),
        ];
        let lexicon = test_lexicon();
        let mut read_something = false;
        // Left as the sentence before left them, as a document's sentences leave them to the next.
        let mut buffers = RuleBuffers::default();
        for &(text, cases) in cases {
            let tokens = tokenize(text, Span::new(0, text.len()));
            let mentions = mentions_of(text, &tokens, cases);
            let rules = Rules::for_mentions(&mentions);
            let expected_rules = if mentions.len() == 1 {
                Rules::OfOneMention
            } else {
                Rules::OfOneEntity
            };
            assert_eq!(rules, expected_rules, "{text}");
            for home_country in [None, Some(1), Some(9)] {
                let context = DocumentContext { home_country };
                let mut read = |rules| {
                    let mut relations = Vec::new();
                    let capped = read_rules(
                        text,
                        &tokens,
                        &mentions,
                        &lexicon,
                        context,
                        rules,
                        &mut buffers,
                        &mut relations,
                    );
                    SentenceRelations { relations, capped }
                };
                let all = read(Rules::All);
                read_something |= !all.relations.is_empty();
                assert_eq!(read(rules), all, "{text} {home_country:?}");
                assert_eq!(
                    read_sentence_relations(text, &tokens, &mentions, &lexicon, context),
                    all,
                    "{text} {home_country:?}"
                );
            }
        }
        assert!(read_something, "the cases read some relations");
    }

    #[test]
    fn control_words_start_with_a_stem() {
        let lexicon = test_lexicon();
        let text = "";
        let reader = Reader {
            text,
            tokens: &[],
            mentions: &[],
            lexicon: &lexicon,
            context: DocumentContext::default(),
            hedged: std::cell::OnceCell::new(),
            lowered: Lowered::default(),
            mention_starts: Vec::new(),
            capped: std::cell::Cell::new(false),
            groups: Groups::default(),
            markers: Vec::new(),
        };
        let mut words: Vec<String> = CONTROL_VERB_STEMS
            .iter()
            .flat_map(|stem| [stem.to_string(), format!("{stem}ed"), stem[1..].to_string()])
            .collect();
        words.extend(["", "x", "Agreed", "declined", "sign", "\u{e9}tait"].map(String::from));
        for word in &words {
            // The plain definition: a negation, or a word starting with a stem.
            let plain = lexicon.is_negation(word)
                || CONTROL_VERB_STEMS.iter().any(|stem| word.starts_with(stem));
            assert_eq!(reader.is_control_word(word), plain, "{word}");
        }
    }

    #[test]
    fn markers_are_the_words_the_rules_start_at() {
        let lexicon = test_lexicon();
        let texts = [
            "Firms like Rosneft, SUCH as Total, Including BP, stood Between them and like-minded Such.",
            "Such as it is, between us, including them, like it or not.",
            "Likes such-as betweens includings LIKE \u{212a}ike betwe\u{212a}n \u{e9}tait.",
            "",
        ];
        for text in texts {
            let tokens = tokenize(text, Span::new(0, text.len()));
            let mut lowered = Lowered::default();
            lowered.fill(text, &tokens);
            let reader = Reader {
                text,
                tokens: &tokens,
                mentions: &[],
                lexicon: &lexicon,
                context: DocumentContext::default(),
                hedged: std::cell::OnceCell::new(),
                lowered,
                mention_starts: Vec::new(),
                capped: std::cell::Cell::new(false),
                groups: Groups::default(),
                markers: Vec::new(),
            };
            // The plain definition: the lower-cased word, or the word as written for "like".
            let expected: Vec<(usize, Marker)> = (0..tokens.len())
                .filter_map(|i| {
                    let marker = match (reader.lower(i), reader.word(i)) {
                        ("such", _) => Marker::Such,
                        (_, "like") => Marker::Like,
                        ("including", _) => Marker::Including,
                        ("between", _) => Marker::Between,
                        _ => return None,
                    };
                    Some((i, marker))
                })
                .collect();
            let mut markers = vec![(99, Marker::Such)];
            reader.find_markers(&mut markers);
            assert_eq!(markers, expected, "{text}");
        }
    }

    #[test]
    fn markers_match_as_lower_cased() {
        let words = [
            "such",
            "Such",
            "SUCH",
            "suchs",
            "such\u{301}",
            "s\u{130}ch",
            "\u{212a}uch",
            "including",
            "INCLUDING",
            "Includin\u{130}",
            "between",
            "BeTwEeN",
            "betwe\u{212a}n",
            "",
            "as",
        ];
        for word in words {
            for marker in ["such", "including", "between"] {
                assert_eq!(
                    lower_is(word.as_bytes(), marker),
                    word.to_lowercase() == marker,
                    "{word} {marker}"
                );
            }
        }
    }

    #[test]
    fn dedup_keeps_the_first_of_each_relation_in_order() {
        let relation = |subject, object, predicate: &'static str, class| RuleRelation {
            subject,
            object,
            predicate: Cow::Borrowed(predicate),
            class,
            negated: subject == 2,
            hedged: false,
            rule: Rule::Verb,
        };
        use RelationClass::*;
        let all = [
            relation(1, 2, "attack", Conflict),
            relation(1, 2, "attack", Conflict),
            relation(2, 1, "attack", Conflict),
            relation(1, 2, "sign with", Cooperation),
            relation(1, 2, "attack", Other),
            relation(2, 1, "attack", Conflict),
            relation(1, 3, "attack", Conflict),
            relation(1, 2, "sign with", Cooperation),
            relation(1, 2, "attack", Conflict),
        ];
        let mut order = Vec::new();
        let mut keep = Vec::new();
        // Every prefix, so lists of every length up to the whole, with the buffers of the one before.
        for length in 0..=all.len() {
            let mut relations = all[..length].to_vec();
            dedup_relations(&mut relations, &mut order, &mut keep);
            // The plain definition: a relation whose key an earlier one had is dropped.
            let mut seen = std::collections::HashSet::new();
            let expected: Vec<RuleRelation> = all[..length]
                .iter()
                .filter(|r| seen.insert((r.subject, r.object, r.predicate.clone(), r.class)))
                .cloned()
                .collect();
            assert_eq!(relations, expected, "the first {length}");
        }
    }

    #[test]
    fn rules_by_mentions() {
        let mention = |entity| SentenceMention {
            entity,
            span: Span::new(0, 1),
            tokens: (0, 1),
            title: None,
            kind: EntityKind::Country,
            contains: Vec::new(),
            adjective: false,
            metonymy: false,
        };
        let cases: &[(&[usize], Rules)] = &[
            (&[3], Rules::OfOneMention),
            (&[3, 3], Rules::OfOneEntity),
            (&[3, 4], Rules::All),
            (&[3, 3, 4], Rules::All),
            (&[3; MAX_COMENTION_ENTITIES], Rules::OfOneEntity),
            (&[3; MAX_COMENTION_ENTITIES + 1], Rules::All),
        ];
        for &(entities, expected) in cases {
            let mentions: Vec<SentenceMention> = entities.iter().map(|&e| mention(e)).collect();
            assert_eq!(Rules::for_mentions(&mentions), expected, "{entities:?}");
        }
    }
}
