//! End-to-end tests of `evaluate` on small hand-made graphs and gold, with the exact figures expected.

use super::*;
use crate::graph::{Entity, EntityId, Evidence, KnowledgeGraph, Mention, Relation};
use crate::model::{EntityKind, RelationClass, Span};

/// A gold file: entities as (name, aliases), relations as (subject, class, object, evidence).
fn gold(entities: &[(&str, &[&str])], relations: &[(&str, &str, &str, &str)]) -> Gold {
    let json = serde_json::json!({
        "document": "test.txt",
        "entities": entities.iter().map(|(name, aliases)| serde_json::json!({
            "name": name, "kind": "Country", "aliases": aliases,
        })).collect::<Vec<_>>(),
        "relations": relations.iter().map(|(subject, class, object, evidence)| serde_json::json!({
            "subject": subject, "predicate": "p", "class": class, "object": object, "evidence": evidence,
        })).collect::<Vec<_>>(),
    });
    match Gold::from_json_strs(&[("test.gold.json", &json.to_string())]) {
        Ok(gold) => gold,
        Err(error) => panic!("test gold does not load: {error}"),
    }
}

/// A graph over one document made of `sentences`, to which entities and edges are added.
struct TestGraph {
    graph: KnowledgeGraph,
    text: String,
}

impl TestGraph {
    fn new(sentences: &[&str]) -> TestGraph {
        let text = sentences.join(" ");
        let mut graph = KnowledgeGraph::new();
        graph.add_document("test.txt".into(), text.clone());
        TestGraph { graph, text }
    }

    fn entity(&mut self, name: &str, aliases: &[&str], mentions: usize) -> EntityId {
        self.graph.add_entity(Entity {
            name: name.into(),
            kind: EntityKind::Country,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: (0..mentions)
                .map(|start| Mention {
                    document: 0,
                    span: Span::new(start, start + 1),
                })
                .collect(),
        })
    }

    /// An edge whose evidence is `sentence` (which must be one of the document's), read by `rule`.
    fn edge(
        &mut self,
        (source, target): (EntityId, EntityId),
        predicate: &str,
        class: RelationClass,
        negated: bool,
        evidence: &[(&str, &str)],
    ) {
        let evidence: Vec<Evidence> = evidence
            .iter()
            .map(|&(sentence, rule)| {
                let start = self.text.find(sentence).unwrap_or(self.text.len());
                Evidence::new(0, Span::new(start, start + sentence.len()), rule, None)
            })
            .collect();
        self.graph.add_relation(
            source,
            target,
            Relation::new(predicate, class, evidence).with_negated(negated),
        );
    }
}

use RelationClass::{CoMention, Conflict, Cooperation};

#[test]
fn entities_with_a_spurious_and_a_missed_one() {
    let gold = gold(
        &[
            ("United States", &["United States", "US", "America"]),
            ("Iraq", &["Iraq"]),
            ("China", &["China"]),
        ],
        &[],
    );
    let mut graph = TestGraph::new(&[]);
    graph.entity("The United States", &["US"], 1);
    graph.entity("IRAQ", &[], 1);
    graph.entity("Atlantis", &["Atlantis"], 1);
    let report = evaluate(&graph.graph, &gold);
    assert_eq!(
        report.entities,
        Score {
            predicted_correct: 2,
            predicted: 3,
            gold_found: 2,
            gold: 3
        }
    );
    assert_eq!(
        (
            report.entities.precision(),
            report.entities.recall(),
            report.entities.f1()
        ),
        (2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0)
    );
    assert_eq!(report.missed_entities(), ["China"]);
    assert_eq!(report.spurious_entities(), ["Atlantis"]);
}

#[test]
fn alias_accuracy_penalises_split_and_merged_entities() {
    let gold = gold(
        &[
            (
                "United States",
                &["United States", "US", "Washington", "America"],
            ),
            ("China", &["China", "Beijing"]),
            ("Iran", &["Iran", "Tehran"]),
        ],
        &[],
    );
    let mut graph = TestGraph::new(&[]);
    // The United States split in two: "Washington" lives on its own entity.
    graph.entity("United States", &["United States", "US"], 5);
    graph.entity("Washington", &["Washington"], 1);
    // China wrongly merged with Iran's capital. Iran's own entity has more mentions, so it is Iran's best.
    graph.entity("China", &["China", "Beijing", "Tehran"], 2);
    graph.entity("Iran", &["Iran"], 3);
    let report = evaluate(&graph.graph, &gold);
    // Carried: United States, US, Washington, China, Beijing, Iran, Tehran (America is not).
    // Wrong: Washington (not on the United States' best entity), Tehran (not on Iran's best entity).
    assert_eq!(report.alias_accuracy, Share { hits: 5, total: 7 });
    assert_eq!(report.gold_aliases, 8);
}

#[test]
fn alias_carried_by_two_entities_is_wrong_and_ties_go_to_mentions() {
    let gold = gold(&[("Iran", &["Iran", "Tehran"])], &[]);
    let mut graph = TestGraph::new(&[]);
    // Both share one name with Iran; the second has more mentions, so it is Iran's best entity.
    graph.entity("Tehran", &["Tehran"], 1);
    graph.entity("Iran", &["Iran"], 2);
    graph.entity("Islamic Republic", &["Iran"], 1);
    let report = evaluate(&graph.graph, &gold);
    // "Iran" is carried by two entities: wrong. "Tehran" is carried only by an entity that is not best.
    assert_eq!(report.alias_accuracy, Share { hits: 0, total: 2 });
}

fn five_countries() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("United States", &["United States", "US", "America"]),
        ("Iraq", &["Iraq"]),
        ("China", &["China"]),
        ("Iran", &["Iran"]),
        ("Russia", &["Russia"]),
    ]
}

#[test]
fn pairs_ignore_comentions_and_negations_and_count_either_direction() {
    let gold = gold(
        &five_countries(),
        &[
            ("Iraq", "Cooperation", "United States", "s"),
            ("China", "Conflict", "United States", "s"),
            ("Iran", "Cooperation", "Iraq", "s"),
            ("Russia", "Cooperation", "Iran", "s"),
            // Left out: not a gold entity, and a relation of an entity with itself.
            ("Atlantis", "Conflict", "Iraq", "s"),
            ("Iraq", "Other", "Iraq", "s"),
        ],
    );
    let mut graph = TestGraph::new(&[]);
    let us = graph.entity("United States", &["US"], 3);
    let america = graph.entity("America", &[], 1);
    let iraq = graph.entity("Iraq", &[], 1);
    let china = graph.entity("China", &[], 1);
    let iran = graph.entity("Iran", &[], 1);
    let russia = graph.entity("Russia", &[], 1);
    let atlantis = graph.entity("Atlantis", &[], 1);
    // Reversed direction: still the gold pair {Iraq, United States}.
    graph.edge((us, iraq), "back", Cooperation, false, &[]);
    // A co-mention and a negated edge link gold pairs but do not count.
    graph.edge((china, us), "", CoMention, false, &[]);
    graph.edge((iran, iraq), "back", Cooperation, true, &[]);
    // Spurious pair.
    graph.edge((russia, china), "attack", Conflict, false, &[]);
    // Dropped: an end matching no gold entity, and both ends mapping to the same gold entity.
    graph.edge((russia, atlantis), "attack", Conflict, false, &[]);
    graph.edge((us, america), "ally", Cooperation, false, &[]);
    let report = evaluate(&graph.graph, &gold);
    assert_eq!(
        report.pairs,
        Score {
            predicted_correct: 1,
            predicted: 2,
            gold_found: 1,
            gold: 4
        }
    );
    assert_eq!(
        (
            report.pairs.precision(),
            report.pairs.recall(),
            report.pairs.f1()
        ),
        (0.5, 0.25, 1.0 / 3.0)
    );
    let pairs = |pairs: &[NamePair]| -> Vec<String> {
        pairs.iter().map(|(a, b)| format!("{a}/{b}")).collect()
    };
    assert_eq!(
        pairs(report.missed_pairs()),
        ["China/United States", "Iran/Iraq", "Iran/Russia"]
    );
    assert_eq!(pairs(report.spurious_pairs()), ["China/Russia"]);
    assert_eq!(
        report.details().to_string(),
        "missed gold entities (0)\n\
         spurious graph entities (1)\n  Atlantis\n\
         missed gold pairs (3)\n  China -- United States\n  Iran -- Iraq\n  Iran -- Russia\n\
         spurious graph pairs (1)\n  China -- Russia\n"
    );
}

const CONTAINED_GOLD: &str = "Iraq signed a security agreement with the United States in 2008.";
const CONTAINED: &str = "Iraq signed a security agreement with the United States";
// 6 shared words of 9: Jaccard 0.667, just above 0.6.
const ABOVE_GOLD: &str = "Iraq and the United States discussed energy.";
const ABOVE: &str = "Iraq and the United States discussed oil exports.";
// 7 shared words of 12: Jaccard 0.583, just below 0.6.
const BELOW_GOLD: &str = "Washington pressed Baghdad to curb the armed factions this spring.";
const BELOW: &str = "Washington pressed Baghdad to curb the armed groups quickly.";
const OTHER_PAIR: &str = "China built power plants in Iraq.";

fn sentence_case() -> (TestGraph, Gold) {
    let gold = gold(
        &five_countries(),
        &[
            ("Iraq", "Cooperation", "United States", CONTAINED_GOLD),
            ("United States", "Cooperation", "Iraq", ABOVE_GOLD),
            ("United States", "Conflict", "Iraq", BELOW_GOLD),
            // The same item twice counts once.
            ("Iraq", "Cooperation", "United States", CONTAINED_GOLD),
        ],
    );
    let mut graph = TestGraph::new(&[CONTAINED, ABOVE, BELOW, OTHER_PAIR]);
    let us = graph.entity("United States", &["US", "Washington"], 3);
    let iraq = graph.entity("Iraq", &["Baghdad"], 2);
    let china = graph.entity("China", &[], 1);
    let atlantis = graph.entity("Atlantis", &[], 1);
    graph.edge(
        (iraq, us),
        "sign",
        Cooperation,
        false,
        &[(CONTAINED, "verb_between")],
    );
    // Another edge of the same pair with the same sentence: the same sentence item.
    graph.edge(
        (us, iraq),
        "agree with",
        Cooperation,
        false,
        &[(CONTAINED, "agreement_noun")],
    );
    graph.edge(
        (iraq, us),
        "discuss",
        Cooperation,
        false,
        &[(ABOVE, "verb_between"), (BELOW, "verb_between")],
    );
    // A pair of gold entities the gold does not link.
    graph.edge(
        (china, iraq),
        "build",
        Cooperation,
        false,
        &[(OTHER_PAIR, "verb_between")],
    );
    // Not counted anywhere: a co-mention, a negated edge; counted only by rule: an end that is not gold.
    graph.edge(
        (china, iraq),
        "",
        CoMention,
        false,
        &[(OTHER_PAIR, "co_mention")],
    );
    graph.edge(
        (iraq, us),
        "pressed",
        Conflict,
        true,
        &[(BELOW, "negation")],
    );
    graph.edge(
        (iraq, atlantis),
        "is",
        RelationClass::Other,
        false,
        &[(OTHER_PAIR, "apposition")],
    );
    (graph, gold)
}

#[test]
fn sentences_match_by_containment_or_jaccard() {
    let (graph, gold) = sentence_case();
    let report = evaluate(&graph.graph, &gold);
    // Graph items: CONTAINED, ABOVE, BELOW on {Iraq, US}, OTHER_PAIR on {China, Iraq}; the first two match.
    // Gold items: CONTAINED_GOLD, ABOVE_GOLD, BELOW_GOLD; the first two are found.
    assert_eq!(
        report.sentences,
        Score {
            predicted_correct: 2,
            predicted: 4,
            gold_found: 2,
            gold: 3
        }
    );
}

#[test]
fn by_rule_counts_asserted_evidence() {
    let (graph, gold) = sentence_case();
    let report = evaluate(&graph.graph, &gold);
    let rule = |rule: &str, items, mapped, pair_correct, sentence_correct| RuleScore {
        rule: rule.into(),
        items,
        mapped,
        pair_correct,
        sentence_correct,
    };
    assert_eq!(
        report.by_rule(),
        [
            rule("agreement_noun", 1, 1, 1, 1),
            rule("apposition", 1, 0, 0, 0),
            rule("verb_between", 4, 4, 3, 2),
        ]
    );
    let verb_between = rule("verb_between", 4, 4, 3, 2);
    assert_eq!(
        (
            verb_between.pair_precision(),
            verb_between.sentence_precision()
        ),
        (0.75, 0.5)
    );
    assert_eq!(
        report.rule_table().to_string(),
        "rule            items  mapped  gold pair  precision  gold sentence  precision\n\
         agreement_noun      1       1          1      1.000              1      1.000\n\
         apposition          1       0          0      0.000              0      0.000\n\
         verb_between        4       4          3      0.750              2      0.500\n"
    );
}

#[test]
fn class_agreement_counts_matched_pairs_sharing_a_class() {
    let gold = gold(
        &five_countries(),
        &[
            ("Iraq", "Cooperation", "United States", "s"),
            ("China", "Conflict", "United States", "s"),
            ("China", "Cooperation", "United States", "s"),
            ("Iran", "Cooperation", "Iraq", "s"),
            ("Russia", "Cooperation", "Iran", "s"),
        ],
    );
    let mut graph = TestGraph::new(&[]);
    let us = graph.entity("United States", &[], 1);
    let iraq = graph.entity("Iraq", &[], 1);
    let china = graph.entity("China", &[], 1);
    let iran = graph.entity("Iran", &[], 1);
    // Disagrees: the only asserted edge says Conflict; the negated Cooperation edge does not count.
    graph.edge((iraq, us), "oppose", Conflict, false, &[]);
    graph.edge((iraq, us), "ally", Cooperation, true, &[]);
    // Agrees: the gold gives the pair both classes.
    graph.edge((us, china), "trade", Cooperation, false, &[]);
    // Agrees: one of the two edges has the gold class.
    graph.edge((iran, iraq), "attack", Conflict, false, &[]);
    graph.edge((iran, iraq), "back", Cooperation, false, &[]);
    let report = evaluate(&graph.graph, &gold);
    assert_eq!(report.class_agreement, Share { hits: 2, total: 3 });
    assert_eq!(report.pairs.predicted_correct, 3);
}

#[test]
fn report_table() {
    let (graph, gold) = sentence_case();
    let report = evaluate(&graph.graph, &gold);
    assert_eq!(
        report.to_string(),
        "                     precision  recall     F1\n\
         entities                 0.750   0.600  0.667   (matched 3 of 4 graph entities; found 3 of 5 gold)\n\
         pairs                    0.500   1.000  0.667   (matched 1 of 2 graph pairs; found 1 of 1 gold)\n\
         sentences                0.500   0.667  0.571   (matched 2 of 4 graph sentences; found 2 of 3 gold)\n\
         alias accuracy           1.000   (4 of 4 carried gold aliases on the right entity only; 7 gold aliases)\n\
         class agreement          1.000   (1 of 1 matched pairs)\n"
    );
}

#[test]
fn empty_graph_and_gold_score_zero() {
    let report = evaluate(&KnowledgeGraph::new(), &gold(&[], &[]));
    assert_eq!(report, Report::default());
    assert_eq!(
        report.to_string(),
        "                     precision  recall     F1\n\
         entities                 0.000   0.000  0.000   (matched 0 of 0 graph entities; found 0 of 0 gold)\n\
         pairs                    0.000   0.000  0.000   (matched 0 of 0 graph pairs; found 0 of 0 gold)\n\
         sentences                0.000   0.000  0.000   (matched 0 of 0 graph sentences; found 0 of 0 gold)\n\
         alias accuracy           0.000   (0 of 0 carried gold aliases on the right entity only; 0 gold aliases)\n\
         class agreement          0.000   (0 of 0 matched pairs)\n"
    );
}
