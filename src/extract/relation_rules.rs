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
//! | `between` | "tensions between X and Y" | the noun's class |
//! | `verb` | "X … VERB … Y" between neighbouring mentions (lists count as one) | the verb's class |
//! | `relation-noun` | "X's relations with Y" (no verb between) | the noun's class |
//! | `co-mention` | any other pair in the sentence | CoMention (not an asserted relation) |
//!
//! Negation words between the two mentions ("did not", "declined") set the negated flag; hedges anywhere
//! in the sentence ("reportedly") set the hedged flag. A passive verb with "by" before the second mention
//! ("was invaded by") reverses the direction.
//!
//! Pairs are capped: co-mention pairs are made among the first [`MAX_COMENTION_ENTITIES`] entities of a
//! sentence, and a list takes part in a joint-subject or verb relation through its first
//! [`MAX_COMENTION_ENTITIES`] members only, so a sentence listing hundreds of names costs a bounded number
//! of pairs instead of their square. [`read_sentence_relations`] says when a cap left pairs out, so the
//! build can tell the user.

use super::class::RelationClass;
use super::kind::EntityKind;
use super::lexicon::Lexicon;
use super::mention::TitleInfo;
use crate::text::{Span, Token, TokenKind};
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
    pub predicate: String,
    pub class: RelationClass,
    pub negated: bool,
    pub hedged: bool,
    pub rule: &'static str,
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
    // The first mention starting at each token: rules ask "is there a mention here?" for many tokens,
    // and a linear scan each time would make a sentence of many mentions quadratic.
    let mut mention_starts = std::collections::HashMap::new();
    for (index, mention) in mentions.iter().enumerate() {
        mention_starts.entry(mention.tokens.0).or_insert(index);
    }
    let reader = Reader {
        text,
        tokens,
        mentions,
        lexicon,
        context,
        hedged: tokens.iter().any(|t| lexicon.is_hedge(t.text(text))),
        lowered: tokens.iter().map(|t| t.text(text).to_lowercase()).collect(),
        mention_starts,
        capped: std::cell::Cell::new(false),
    };
    let mut relations = Vec::new();
    reader.title(&mut relations);
    reader.apposition(&mut relations);
    reader.such_as(&mut relations);
    reader.compound_pair(&mut relations);
    reader.compound_modifier(&mut relations);
    reader.possessive(&mut relations);
    reader.between(&mut relations);
    reader.name_part(&mut relations);
    reader.nominal(&mut relations);
    reader.located_in(&mut relations);
    reader.joint_subject(&mut relations);
    reader.verb(&mut relations);
    relations.retain(|r| r.subject != r.object);
    dedup_relations(&mut relations);
    reader.co_mentions(&mut relations);
    SentenceRelations {
        relations,
        capped: reader.capped.get(),
    }
}

fn dedup_relations(relations: &mut Vec<RuleRelation>) {
    let mut seen = HashSet::new();
    relations.retain(|r| seen.insert((r.subject, r.object, r.predicate.clone(), r.class)));
}

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [SentenceMention],
    lexicon: &'a Lexicon,
    context: DocumentContext,
    hedged: bool,
    /// Every token lower-cased, once per sentence: the rules ask for them many times over.
    lowered: Vec<String>,
    /// The first mention starting at each token index.
    mention_starts: std::collections::HashMap<usize, usize>,
    /// Set when a pair cap left pairs out.
    capped: std::cell::Cell<bool>,
}

impl Reader<'_> {
    fn word(&self, index: usize) -> &str {
        self.tokens.get(index).map_or("", |t| t.text(self.text))
    }

    fn lower(&self, index: usize) -> &String {
        static NO_WORD: String = String::new();
        self.lowered.get(index).unwrap_or(&NO_WORD)
    }

    fn is_possessive(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
    }

    /// The mention whose tokens start at `index`.
    fn mention_at(&self, index: usize) -> Option<usize> {
        self.mention_starts.get(&index).copied()
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
        predicate: impl Into<String>,
        class: RelationClass,
        rule: &'static str,
    ) -> Option<RuleRelation> {
        Some(RuleRelation {
            subject: self.mentions.get(subject)?.entity,
            object: self.mentions.get(object)?.entity,
            predicate: predicate.into(),
            class,
            negated: false,
            hedged: self.hedged,
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
                    "title",
                ));
            } else if let (Some(home), Some(person)) =
                (self.context.home_country, self.mentions.get(index))
            {
                out.push(RuleRelation {
                    subject: person.entity,
                    object: home,
                    predicate: format!("{} of", title.title),
                    class: RelationClass::Leads,
                    negated: false,
                    hedged: self.hedged,
                    rule: "title-home",
                });
            }
        }
    }

    /// The class and words of a role starting at token `index`: a role noun ("leader") or a title
    /// ("Ambassador"), possibly of several words ("prime minister").
    fn role_at(&self, index: usize) -> Option<(usize, String, RelationClass)> {
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
            && !PREPOSITIONS.contains(&self.lower(index).as_str())
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
                        out.extend(self.relation(x, c, format!("{role} of"), class, "apposition"));
                    }
                    let preposition = self.lower(role_end);
                    if ["of", "for", "to", "in", "at"].contains(&preposition.as_str())
                        && let Some(y) = self.mention_after(role_end + 1, 6)
                    {
                        let y = self.through_possessives(y);
                        let (predicate, class) = if preposition == "to" {
                            (format!("{role} to"), RelationClass::Other)
                        } else {
                            (format!("{role} of"), class)
                        };
                        out.extend(self.relation(x, y, predicate, class, "apposition"));
                    }
                }
            }
            // the ROLE (of|for) Y, X
            let start = mention.tokens.0;
            if let Some(role_start) =
                (start.saturating_sub(4)..start).find(|&i| self.role_at(i).is_some())
                && let Some((role_end, role, class)) = self.role_at(role_start)
                && ["of", "for"].contains(&self.lower(role_end).as_str())
                && role_end < start
                && (role_end + 1..start).all(|i| DETERMINERS.contains(&self.lower(i).as_str()))
            {
                let y = self.through_possessives(x);
                let y_end = self.mentions[y].tokens.1;
                if self.word(y_end) == ","
                    && let Some(person) = self.mention_at(y_end + 1)
                {
                    out.extend(self.relation(person, y, format!("{role} of"), class, "apposition"));
                }
            }
            // Y ROLE X: "PMF deputy Abu Mahdi al-Muhandis"
            if let Some((role_end, role, class)) = self.role_at(after)
                && let Some(person) = self.mention_at(role_end)
            {
                out.extend(self.relation(person, x, format!("{role} of"), class, "apposition"));
            }
            // X of Y, for a person X: "Abu Baqir al-Saadi of Kataib Hezbollah"
            if (mention.title.is_some() || self.looks_like_person(x))
                && self.lower(after) == "of"
                && let Some(y) = self.mention_at(after + 1)
            {
                out.extend(self.relation(x, y, "member of", RelationClass::PartOf, "apposition"));
            }
        }
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

    /// `such-as`: "Y …, such as A, B and C" / "Y …, including A": each member PartOf Y.
    fn such_as(&self, out: &mut Vec<RuleRelation>) {
        for i in 0..self.tokens.len() {
            // "such as", "including", and "like" after a plural noun ("energy firms like Rosneft").
            let after_noun = i > 0
                && self.word(i - 1).ends_with('s')
                && self.word(i - 1).starts_with(|c: char| c.is_lowercase());
            let marker_end = if self.lower(i) == "such" && self.lower(i + 1) == "as" {
                i + 2
            } else if self.lower(i) == "including" || (self.word(i) == "like" && after_noun) {
                i + 1
            } else {
                continue;
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
                    "such-as",
                ));
            }
        }
    }

    /// The mentions of a list starting at token `index`: "A, B, and the C".
    fn list_from(&self, mut index: usize) -> Vec<usize> {
        let mut members = Vec::new();
        loop {
            while DETERMINERS.contains(&self.lower(index).as_str()) {
                index += 1;
            }
            let Some(member) = self.mention_at(index) else {
                break;
            };
            members.push(member);
            index = self.mentions[member].tokens.1;
            let mut next = index;
            while matches!(self.lower(next).as_str(), "," | "and" | "or") {
                next += 1;
            }
            if next == index {
                break;
            }
            index = next;
        }
        members
    }

    /// Mentions that are parts of one compound token, in order.
    fn compound_groups(&self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (index, mention) in self.mentions.iter().enumerate() {
            let is_part = self
                .tokens
                .get(mention.tokens.0)
                .is_some_and(|t| t.span != mention.span);
            if !is_part {
                continue;
            }
            match groups.last_mut() {
                Some(group)
                    if group
                        .last()
                        .is_some_and(|&g| self.mentions[g].tokens == mention.tokens) =>
                {
                    group.push(index)
                }
                _ => groups.push(vec![index]),
            }
        }
        groups
    }

    /// `compound-pair`: "US-China tensions": a relation between the two parts, the noun's class.
    fn compound_pair(&self, out: &mut Vec<RuleRelation>) {
        for group in self.compound_groups() {
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
                out.extend(self.relation(a, b, noun, class, "compound-pair"));
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
                    .find(|&i| matches!(self.lower(i).as_str(), "within" | "inside" | "of"))
                    .and_then(|i| self.mention_after(i + 1, 2))
            });
            if let Some(y) = target {
                out.extend(self.relation(x, y, *predicate, *class, "compound-modifier"));
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
                out.extend(self.relation(x, y, "part of", RelationClass::PartOf, "possessive"));
            }
        }
    }

    /// `between`: "relations between X and Y".
    fn between(&self, out: &mut Vec<RuleRelation>) {
        for i in 1..self.tokens.len() {
            if self.lower(i) != "between" {
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
                out.extend(self.relation(a, b, format!("{noun} with"), class, "between"));
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
        for (x, mention) in self.mentions.iter().enumerate() {
            let noun_at = mention.tokens.1;
            let noun = self.lower(noun_at);
            let Some(class) = self.classed_noun(noun) else {
                continue;
            };
            let preposition = self.lower(noun_at + 1);
            if !NOMINAL_PREPOSITIONS.contains(&preposition.as_str()) {
                continue;
            }
            let mut start = noun_at + 2;
            while DETERMINERS.contains(&self.lower(start).as_str()) {
                start += 1;
            }
            for y in self.list_from(start) {
                out.extend(self.relation(x, y, format!("{noun} {preposition}"), class, "nominal"));
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
                        rule: "name-part",
                    },
                    EntityKind::Person | EntityKind::Country => continue,
                    _ => RuleRelation {
                        subject: mention.entity,
                        object: country,
                        predicate: "part of".into(),
                        class: RelationClass::PartOf,
                        negated: false,
                        hedged: false,
                        rule: "name-part",
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
                out.extend(self.relation(x, y, "located in", RelationClass::PartOf, "located-in"));
            }
        }
    }

    /// `joint-subject`: "Baghdad and Beijing signed a deal": members of a subject list joined by a
    /// cooperation verb cooperate with each other.
    fn joint_subject(&self, out: &mut Vec<RuleRelation>) {
        for group in self.coordinated_groups() {
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
            let group = self.capped(&group);
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    out.extend(self.relation(
                        a,
                        b,
                        format!("{} with", verb.lemma),
                        verb.class,
                        "joint-subject",
                    ));
                }
            }
        }
    }

    /// Neighbouring mentions joined by commas and "and" form one group: "Iran, Syria, and Russia".
    fn coordinated_groups(&self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (index, mention) in self.mentions.iter().enumerate() {
            if let Some(group) = groups.last_mut()
                && let Some(&last) = group.last()
            {
                let gap = self.mentions[last].tokens.1..mention.tokens.0;
                let same_token = self.mentions[last].tokens == mention.tokens;
                // A list ("Iran, Syria, and Russia"), or a name and its acronym ("… Corporation (CNOOC)").
                let coordinated = !gap.is_empty()
                    && gap
                        .clone()
                        .all(|i| COORDINATION.contains(&self.lower(i).as_str()))
                    && (gap
                        .clone()
                        .any(|i| matches!(self.lower(i).as_str(), "," | "and" | "or"))
                        || self.mentions[last].entity == mention.entity);
                if !same_token && (coordinated || gap.is_empty()) {
                    group.push(index);
                    continue;
                }
            }
            groups.push(vec![index]);
        }
        groups
    }

    /// `verb` and `relation-noun`: neighbouring groups with a relation verb (or noun) between them.
    fn verb(&self, out: &mut Vec<RuleRelation>) {
        let groups = self.coordinated_groups();
        let mut previous_verb: Option<(Vec<usize>, String, RelationClass)> = None;
        for pair in groups.windows(2) {
            let (left, right) = (&pair[0], &pair[1]);
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
                let left_in_phrase = reading.rule == "verb"
                    && !reading.passive
                    && (reading.non_finite
                        || left
                            .first()
                            .is_some_and(|&m| self.after_non_subject_preposition(m)));
                let subjects_of_clause;
                let left: &Vec<usize> = if left_in_phrase {
                    match &previous_verb {
                        Some((subjects, _, _)) => {
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
                previous_verb = (reading.rule == "verb" && !reading.passive)
                    .then(|| (left.clone(), reading.lemma.clone(), reading.class));
            } else if let Some((subjects, lemma, class)) = &previous_verb {
                // "Qasim withdrew Iraq from the Baghdad Pact", "Iraq created an alliance with Iran to
                // fight …": the verb's subject reaches the later objects of its clause.
                let gap: Vec<String> = (gap_start..gap_end)
                    .map(|i| self.lower(i).clone())
                    .collect();
                if gap.iter().any(|w| CLAUSE_BREAKS.contains(&w.as_str())) {
                    previous_verb = None;
                    continue;
                }
                let predicate = match gap.iter().find(|w| PREPOSITIONS.contains(&w.as_str())) {
                    Some(preposition) => format!("{lemma} {preposition}"),
                    None => lemma.clone(),
                };
                for &s in self.capped(subjects) {
                    for &o in self.capped(right) {
                        out.extend(self.relation(s, o, predicate.clone(), *class, "verb"));
                    }
                }
            }
        }
    }

    /// Reads the words between two mentions: the first relation verb (or, failing that, relation noun),
    /// the predicate, negation and voice.
    fn read_gap(&self, start: usize, end: usize) -> Option<GapReading> {
        let words: Vec<String> = (start..end).map(|i| self.lower(i).clone()).collect();
        if words
            .iter()
            .any(|w| CLAUSE_BREAKS.contains(&w.as_str()) || w == "that")
        {
            return None;
        }
        let negated = words
            .iter()
            .any(|w| self.lexicon.is_negation(w) || w.ends_with("n't"));
        let verb_position = (0..words.len()).find(|&i| self.is_verb_at(start + i));
        if let Some(position) = verb_position {
            let verb = self.lexicon.verb(&words[position])?;
            // ", and …" after the verb starts another clause.
            let next_clause = words[position + 1..].windows(2).any(|pair| {
                pair[0] == "," && matches!(pair[1].as_str(), "and" | "but" | "or" | "yet")
            });
            if next_clause {
                return None;
            }
            let passive = position > 0
                && BE_FORMS.contains(&words[position - 1].as_str())
                && words.last().is_some_and(|w| w == "by")
                && words[position].ends_with("ed");
            let predicate = if passive {
                format!("{} by", verb.lemma)
            } else {
                verb_predicate(&verb.lemma, &words[position + 1..])
            };
            // "by abstaining from", "to fight": the verb's subject is the clause's subject.
            let before = position
                .checked_sub(1)
                .map(|p| words[p].as_str())
                .unwrap_or("");
            let non_finite = before == "to"
                || (words[position].ends_with("ing")
                    && (PREPOSITIONS.contains(&before) || before == ","));
            return Some(GapReading {
                lemma: verb.lemma.clone(),
                predicate,
                class: verb.class,
                negated,
                passive,
                non_finite,
                rule: "verb",
            });
        }
        // "X's relations with Y", "X has deep ties to Y": a relation noun right before a preposition.
        if words.iter().any(|w| w == ",") {
            return None;
        }
        let noun = (0..words.len().saturating_sub(1)).find(|&i| {
            self.classed_noun(&words[i]).is_some() && PREPOSITIONS.contains(&words[i + 1].as_str())
        })?;
        let class = self.classed_noun(&words[noun])?;
        Some(GapReading {
            lemma: words[noun].clone(),
            predicate: format!("{} {}", words[noun], words[noun + 1]),
            class,
            negated,
            passive: false,
            non_finite: false,
            rule: "relation-noun",
        })
    }

    /// True when mention `mention` follows a preposition that heads an adjunct or an object
    /// ("after the invasion of Kuwait", "traveled to Donetsk"), so it is not a subject.
    fn after_non_subject_preposition(&self, mention: usize) -> bool {
        let Some(m) = self.mentions.get(mention) else {
            return false;
        };
        let mut before = m.tokens.0;
        while before > 0 && DETERMINERS.contains(&self.lower(before - 1).as_str()) {
            before -= 1;
        }
        before > 0 && ADJUNCT_PREPOSITIONS.contains(&self.lower(before - 1).as_str())
    }

    /// True when the token at `index` is a relation verb used as a verb: not after a determiner or a
    /// preposition ("the fall of", "with the help of") and not before "of" ("weakening of").
    fn is_verb_at(&self, index: usize) -> bool {
        let word = self.lower(index);
        if self.lexicon.verb(word).is_none()
            || DETERMINERS.contains(&word.as_str())
            || NOT_VERBS.contains(&word.as_str())
        {
            return false;
        }
        let before = index
            .checked_sub(1)
            .map(|i| self.lower(i).clone())
            .unwrap_or_default();
        let after_adjective = self
            .mentions
            .iter()
            .any(|m| m.adjective && m.tokens.1 == index);
        let nominal = after_adjective
            || DETERMINERS.contains(&before.as_str())
            || PREPOSITIONS.contains(&before.as_str())
            || self.is_possessive(index.wrapping_sub(1))
            || self.lower(index + 1) == "of";
        !nominal
    }

    /// `co-mention`: every other pair of distinct entities in the sentence.
    fn co_mentions(&self, out: &mut Vec<RuleRelation>) {
        let related: HashSet<(usize, usize)> = out
            .iter()
            .flat_map(|r| [(r.subject, r.object), (r.object, r.subject)])
            .collect();
        let mut entities: Vec<usize> = Vec::new();
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
        for (i, &a) in entities.iter().enumerate() {
            for &b in &entities[i + 1..] {
                if !related.contains(&(a, b)) {
                    out.push(RuleRelation {
                        subject: a,
                        object: b,
                        predicate: "co-mentioned with".into(),
                        class: RelationClass::CoMention,
                        negated: false,
                        hedged: false,
                        rule: "co-mention",
                    });
                }
            }
        }
    }
}

struct GapReading {
    lemma: String,
    predicate: String,
    class: RelationClass,
    negated: bool,
    passive: bool,
    /// An infinitive or a gerund after a preposition: its subject is the clause's.
    non_finite: bool,
    rule: &'static str,
}

/// The predicate for a verb and the words after it: the lemma, up to two words, and the preposition
/// that ends the phrase ("impose sanctions on", "seek help from", "sign").
fn verb_predicate(lemma: &str, after: &[String]) -> String {
    let mut parts = vec![lemma.to_string()];
    for word in after {
        if DETERMINERS.contains(&word.as_str()) || !word.chars().any(char::is_alphabetic) {
            continue;
        }
        if PREPOSITIONS.contains(&word.as_str()) {
            parts.push(word.clone());
            break;
        }
        if parts.len() >= 3 {
            break;
        }
        parts.push(word.clone());
    }
    // Without a closing preposition, trailing words are usually not part of the relation.
    if parts
        .last()
        .is_some_and(|w| !PREPOSITIONS.contains(&w.as_str()))
    {
        parts.truncate(1);
    }
    parts.join(" ")
}
