//! The run order: which rules a sentence needs, the order they run in (the table in the module docs
//! of [`rules`](super)), and what happens to their relations after (self-pairs and repeats dropped,
//! then the co-mentions of every pair left unrelated).

use super::buffers::RuleBuffers;
use super::coordination::Groups;
use super::document_context::DocumentContext;
use super::pair_cap::MAX_COMENTION_ENTITIES;
use super::rule_relation::RuleRelation;
use super::sentence_mention::SentenceMention;
use super::sentence_reader::SentenceReader;
use crate::extract::lexicon::Lexicon;
use crate::text::Token;

/// Which rules a sentence needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rules {
    All,
    /// Only the rules that relate a mention to an entity it carries (a title's country, a country
    /// inside a name): every other rule relates two mentions, and with one mention that pair is the
    /// mention and itself, a relation dropped before the sentence's relations are returned.
    OfOneMention,
    /// The same for several mentions of one entity, where every pair of mentions is the entity and
    /// itself, and where a mention can also name an event its country took part in ("the Russian
    /// invasion of Ukraine" … "Ukraine"). No list is longer than [`MAX_COMENTION_ENTITIES`], so no
    /// cap applies.
    OfOneEntity,
}

impl Rules {
    /// The rules a sentence with `mentions` needs.
    pub(super) fn for_mentions(mentions: &[SentenceMention]) -> Rules {
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

    /// Runs these rules, in order, over the sentence `reader` reads, into `out`; `compound_groups`
    /// is room for the compound-pair rule.
    fn run(
        self,
        reader: &mut SentenceReader,
        out: &mut Vec<RuleRelation>,
        compound_groups: &mut Groups,
    ) {
        match self {
            Rules::All => {
                // Two entities or more: the sentence's structure is worth reading, when a rule asks.
                reader.want_structure();
                // The joint-subject and verb rules read the lists of the sentence.
                let mut groups = std::mem::take(&mut reader.groups);
                reader.find_coordinated_groups(&mut groups);
                reader.groups = groups;
                let mut markers = std::mem::take(&mut reader.markers);
                reader.find_markers(&mut markers);
                reader.markers = markers;
                reader.title(out);
                reader.apposition(out);
                reader.such_as(out);
                reader.compound_pair(out, compound_groups);
                reader.compound_modifier(out);
                reader.possessive(out);
                reader.demonym(out);
                reader.between(out);
                reader.name_part(out);
                reader.nominal(out);
                reader.located_in(out);
                reader.joint_subject(out);
                reader.verb(out);
            }
            Rules::OfOneMention => {
                reader.title(out);
                reader.name_part(out);
            }
            Rules::OfOneEntity => {
                reader.title(out);
                reader.name_part(out);
                reader.event_nominal(out);
            }
        }
    }
}

/// Runs `rules` over a sentence into `relations` (empty); true when a pair cap left pairs out.
#[allow(clippy::too_many_arguments)]
pub(super) fn read_rules(
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
    let mut reader = SentenceReader::new(
        text,
        tokens,
        mentions,
        lexicon,
        context,
        reads_words,
        buffers,
    );
    rules.run(&mut reader, relations, &mut buffers.compound_groups);
    relations.retain(|r| r.subject != r.object);
    dedup_relations(relations, &mut buffers.order, &mut buffers.keep);
    // One entity makes no pair to co-mention.
    if rules == Rules::All {
        reader.co_mentions(relations, &mut buffers.related, &mut buffers.entities);
    }
    reader.finish(buffers)
}

/// Keeps one relation per (subject, object, class) of the sentence, in order: the sentence says that
/// link once, however many rules or verb patterns read it ("attack", "attack against"). The one kept
/// comes from the earliest rule that read the link (the run order puts the surer rules first) and,
/// among that rule's, has the predicate of most words, the first of those on a tie. `order` and
/// `keep` are room for the work.
fn dedup_relations(
    relations: &mut Vec<RuleRelation>,
    order: &mut Vec<usize>,
    keep: &mut Vec<bool>,
) {
    if relations.len() < 2 {
        return;
    }
    let key = |index: usize| relations.get(index).map(|r| (r.subject, r.object, r.class));
    // Equal keys sort together, in the order the rules gave them.
    order.clear();
    order.extend(0..relations.len());
    order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    keep.clear();
    keep.resize(relations.len(), false);
    for group in order.chunk_by(|&a, &b| key(a) == key(b)) {
        let first_rule = relations[group[0]].rule;
        let words = |index: usize| relations[index].predicate.split_whitespace().count();
        let best = group
            .iter()
            .copied()
            .take_while(|&index| relations[index].rule == first_rule)
            .fold(group[0], |best, index| {
                if words(index) > words(best) {
                    index
                } else {
                    best
                }
            });
        keep[best] = true;
    }
    let mut keep = keep.iter();
    relations.retain(|_| keep.next().copied().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::super::{SentenceRelations, read_sentence_relations};
    use super::*;
    use crate::extract::mention::TitleInfo;
    use crate::extract::test_lexicon::test_lexicon;
    use crate::model::{EntityKind, RelationClass, Rule, Span};
    use crate::text::tokenize;
    use std::borrow::Cow;

    /// A title before a mention: (title, leads, index of the mention of its country).
    type TitleCase<'a> = Option<(&'a str, bool, Option<usize>)>;
    /// A mention of the one entity: (its words, its kind, its title, the countries inside it).
    type MentionCase<'a> = (&'a str, EntityKind, TitleCase<'a>, &'a [usize]);

    /// The mentions of `text`, each the first occurrence of its words (a whole number of tokens)
    /// after the mention before it, all of entity 1.
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
                places_inside: Vec::new(),
                adjective: kind == EntityKind::Country,
                metonymy: false,
                pair: false,
            });
        }
        mentions
    }

    /// Sentences whose mentions are all of one entity, each with every rule at hand.
    const ONE_ENTITY: &[(&str, &[MentionCase])] = {
        use EntityKind::*;
        &[
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
        ]
    };

    #[test]
    fn one_entity_needs_only_the_rules_of_one_entity() {
        let lexicon = test_lexicon();
        let mut read_something = false;
        // Left as the sentence before left them, as a document's sentences leave them to the next.
        let mut buffers = RuleBuffers::default();
        for &(text, cases) in ONE_ENTITY {
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
    fn dedup_keeps_one_relation_per_link_with_the_best_predicate() {
        let relation = |subject, object, predicate: &'static str, class, rule| RuleRelation {
            subject,
            object,
            predicate: Cow::Borrowed(predicate),
            class,
            negated: subject == 2,
            hedged: false,
            rule,
        };
        use RelationClass::*;
        use Rule::{Nominal, Title, Verb};
        // (the sentence's relations in rule order, the indices of those kept)
        let cases: &[(&[RuleRelation], &[usize])] = &[
            (&[], &[]),
            (&[relation(1, 2, "attack", Conflict, Verb)], &[0]),
            (
                &[
                    relation(1, 2, "attack", Conflict, Verb),
                    relation(1, 2, "attack against", Conflict, Verb),
                    relation(1, 2, "attacks", Conflict, Verb),
                ],
                &[1],
            ),
            (
                &[
                    relation(1, 2, "president of", Leads, Title),
                    relation(1, 2, "lead the government of", Leads, Verb),
                ],
                &[0],
            ),
            (
                &[
                    relation(1, 2, "attack", Conflict, Verb),
                    relation(2, 1, "attack", Conflict, Verb),
                    relation(1, 2, "sign with", Cooperation, Verb),
                    relation(1, 2, "attack", Other, Verb),
                    relation(1, 3, "attack", Conflict, Verb),
                    relation(1, 2, "sign a deal with", Cooperation, Verb),
                    relation(1, 2, "attack", Conflict, Verb),
                ],
                &[0, 1, 3, 4, 5],
            ),
            (
                &[
                    relation(1, 2, "invasion of", Conflict, Nominal),
                    relation(1, 2, "invade", Conflict, Verb),
                    relation(1, 2, "launch an invasion of", Conflict, Verb),
                ],
                &[0],
            ),
        ];
        let mut order = Vec::new();
        let mut keep = Vec::new();
        // The buffers carry over from case to case, as they do from sentence to sentence.
        for &(all, kept) in cases {
            let mut relations = all.to_vec();
            dedup_relations(&mut relations, &mut order, &mut keep);
            let expected: Vec<RuleRelation> = kept.iter().map(|&i| all[i].clone()).collect();
            assert_eq!(relations, expected, "{all:?}");
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
            places_inside: Vec::new(),
            adjective: false,
            metonymy: false,
            pair: false,
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
