//! End-to-end tests of `evaluate` on small hand-made graphs and gold, with the exact figures expected.

use super::*;
use crate::graph::{Entity, EntityId, Evidence, KnowledgeGraph, Mention, Relation};
use crate::model::{EntityKind, RelationClass, Span};

/// The JSON of a gold file of `document`: entities as (name, kind, aliases), relations as
/// (subject, class, object, evidence).
fn gold_json(
    document: &str,
    entities: &[(&str, &str, &[&str])],
    relations: &[(&str, &str, &str, &str)],
) -> String {
    serde_json::json!({
        "document": document,
        "entities": entities.iter().map(|(name, kind, aliases)| serde_json::json!({
            "name": name, "kind": kind, "aliases": aliases,
        })).collect::<Vec<_>>(),
        "relations": relations.iter().map(|(subject, class, object, evidence)| serde_json::json!({
            "subject": subject, "predicate": "p", "class": class, "object": object, "evidence": evidence,
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

/// Gold files given as (file name, JSON).
fn gold_files(files: &[(&str, String)]) -> Gold {
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, json)| (*name, json.as_str()))
        .collect();
    match Gold::from_json_strs(&files) {
        Ok(gold) => gold,
        Err(error) => panic!("test gold does not load: {error}"),
    }
}

/// One gold file of `test.txt`: entities as (name, aliases), all countries, relations as (subject,
/// class, object, evidence).
fn gold(entities: &[(&str, &[&str])], relations: &[(&str, &str, &str, &str)]) -> Gold {
    let entities: Vec<(&str, &str, &[&str])> = entities
        .iter()
        .map(|&(name, aliases)| (name, "Country", aliases))
        .collect();
    gold_files(&[(
        "test.gold.json",
        gold_json("test.txt", &entities, relations),
    )])
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
        self.entity_of_kind(name, EntityKind::Country, aliases, mentions)
    }

    fn entity_of_kind(
        &mut self,
        name: &str,
        kind: EntityKind,
        aliases: &[&str],
        mentions: usize,
    ) -> EntityId {
        self.graph.add_entity(Entity {
            name: name.into(),
            kind,
            kind_votes: Vec::new(),
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
    // Spurious pairs: two gold entities the gold does not link, and an end matching no gold entity.
    graph.edge((russia, china), "attack", Conflict, false, &[]);
    graph.edge((russia, atlantis), "attack", Conflict, false, &[]);
    // Dropped: both ends map to the same gold entity.
    graph.edge((us, america), "ally", Cooperation, false, &[]);
    let report = evaluate(&graph.graph, &gold);
    assert_eq!(
        report.pairs,
        Score {
            predicted_correct: 1,
            predicted: 3,
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
        (
            1.0 / 3.0,
            0.25,
            2.0 * (1.0 / 3.0) * 0.25 / (1.0 / 3.0 + 0.25)
        )
    );
    let pairs = |pairs: &[NamePair]| -> Vec<String> {
        pairs.iter().map(|(a, b)| format!("{a}/{b}")).collect()
    };
    assert_eq!(
        pairs(report.missed_pairs()),
        ["China/United States", "Iran/Iraq", "Iran/Russia"]
    );
    assert_eq!(
        pairs(report.spurious_pairs()),
        ["China/Russia", "Russia/Atlantis (no gold entity)"]
    );
    assert_eq!(
        report.details().to_string(),
        "missed gold entities (0)\n\
         spurious graph entities (1)\n  Atlantis\n\
         found with another kind (0)\n\
         missed gold pairs (3)\n  China -- United States\n  Iran -- Iraq\n  Iran -- Russia\n\
         spurious graph pairs (2)\n  China -- Russia\n  Russia -- Atlantis (no gold entity)\n"
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
    // Not counted anywhere: a co-mention, a negated edge. An end that is not gold: a wrong pair, its
    // sentence a wrong item, and by rule an item that is not mapped.
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
    // Graph items: CONTAINED, ABOVE, BELOW on {Iraq, US}, OTHER_PAIR on {China, Iraq} and on
    // {Iraq, Atlantis}; the first two match.
    // Gold items: CONTAINED_GOLD, ABOVE_GOLD, BELOW_GOLD; the first two are found.
    assert_eq!(
        report.sentences,
        Score {
            predicted_correct: 2,
            predicted: 5,
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
         pairs                    0.333   1.000  0.500   (matched 1 of 3 graph pairs; found 1 of 1 gold)\n\
         sentences                0.400   0.667  0.500   (matched 2 of 5 graph sentences; found 2 of 3 gold)\n\
         kind accuracy            1.000   (3 of 3 found gold entities with the gold kind)\n\
         alias accuracy           1.000   (4 of 4 carried gold aliases on the right entity only; 7 gold aliases)\n\
         class agreement          1.000   (1 of 1 matched pairs)\n\
         gold files scored       1 of 1\n"
    );
}

#[test]
fn empty_graph_and_gold_score_zero() {
    // A graph of no documents: the one gold file is left out.
    let report = evaluate(&KnowledgeGraph::new(), &gold(&[], &[]));
    assert_eq!(
        report,
        Report {
            gold_files: Share { hits: 0, total: 1 },
            left_out_gold_files: vec!["test.gold.json".into()],
            ..Report::default()
        }
    );
    assert_eq!(
        report.to_string(),
        "                     precision  recall     F1\n\
         entities                 0.000   0.000  0.000   (matched 0 of 0 graph entities; found 0 of 0 gold)\n\
         pairs                    0.000   0.000  0.000   (matched 0 of 0 graph pairs; found 0 of 0 gold)\n\
         sentences                0.000   0.000  0.000   (matched 0 of 0 graph sentences; found 0 of 0 gold)\n\
         kind accuracy            0.000   (0 of 0 found gold entities with the gold kind)\n\
         alias accuracy           0.000   (0 of 0 carried gold aliases on the right entity only; 0 gold aliases)\n\
         class agreement          0.000   (0 of 0 matched pairs)\n\
         gold files scored       0 of 1   (left out, their documents not built: test.gold.json)\n"
    );
}

/// Documents built, gold files scored, gold files left out, and the gold entities, aliases and pairs
/// scored.
type CoverageCase = (
    &'static [&'static str],
    Share,
    &'static [&'static str],
    usize,
    usize,
    usize,
);

/// A case, a gold entity as (name, kind, aliases), graph entities as (name, kind, aliases,
/// mentions), and the kind accuracy.
type KindCase = (
    &'static str,
    (&'static str, &'static str, &'static [&'static str]),
    &'static [GraphEntitySpec],
    Share,
);
type GraphEntitySpec = (&'static str, EntityKind, &'static [&'static str], usize);

/// A case, edges as (source, target, class), the pair score as (correct, predicted), and the
/// spurious pairs.
type WrongPairCase = (
    &'static str,
    &'static [(usize, usize, RelationClass)],
    (usize, usize),
    &'static [&'static str],
);

#[test]
fn only_the_gold_of_documents_built_is_scored() {
    let gold = gold_files(&[
        (
            "a.gold.json",
            gold_json(
                "a.txt",
                &[
                    ("Iraq", "Country", &["Iraq"]),
                    ("United States", "Country", &["US"]),
                ],
                &[("Iraq", "Cooperation", "United States", "s")],
            ),
        ),
        (
            "b.gold.json",
            gold_json(
                "b.txt",
                &[
                    ("China", "Country", &["China"]),
                    ("United States", "Country", &["America"]),
                ],
                &[("China", "Conflict", "United States", "s")],
            ),
        ),
        (
            "c.gold.json",
            gold_json("c.txt", &[("Russia", "Country", &["Russia"])], &[]),
        ),
    ]);
    let cases: [CoverageCase; 4] = [
        (
            &[],
            Share { hits: 0, total: 3 },
            &["a.gold.json", "b.gold.json", "c.gold.json"],
            0,
            0,
            0,
        ),
        (
            &["a.txt"],
            Share { hits: 1, total: 3 },
            &["b.gold.json", "c.gold.json"],
            2,
            2,
            1,
        ),
        // A document in a folder is known by its file name; a document without gold changes nothing.
        (
            &["corpus/b.txt", "a.txt", "d.txt"],
            Share { hits: 2, total: 3 },
            &["c.gold.json"],
            3,
            4,
            2,
        ),
        (
            &["a.txt", "b.txt", "c.txt"],
            Share { hits: 3, total: 3 },
            &[],
            4,
            5,
            2,
        ),
    ];
    for (documents, gold_files, left_out, entities, aliases, pairs) in cases {
        let mut graph = KnowledgeGraph::new();
        for document in documents {
            graph.add_document(document.to_string(), String::new());
        }
        let report = evaluate(&graph, &gold);
        assert_eq!(report.gold_files, gold_files, "{documents:?}");
        assert_eq!(report.left_out_gold_files, left_out, "{documents:?}");
        assert_eq!(
            (report.entities.gold, report.gold_aliases, report.pairs.gold),
            (entities, aliases, pairs),
            "{documents:?}"
        );
        assert_eq!(
            report.missed_entities().len(),
            entities,
            "gold of documents not built is not missed: {documents:?}"
        );
    }
}

#[test]
fn kind_accuracy_compares_each_found_gold_entity_with_its_best_graph_entity() {
    use EntityKind::{ArmedGroup, Organization, Person, Place};
    let cases: [KindCase; 5] = [
        (
            "same kind",
            ("Iraq", "Country", &["Iraq"]),
            &[("Iraq", EntityKind::Country, &[], 1)],
            Share { hits: 1, total: 1 },
        ),
        (
            "another kind",
            ("Hezbollah", "ArmedGroup", &["Hezbollah"]),
            &[("Hezbollah", Organization, &[], 1)],
            Share { hits: 0, total: 1 },
        ),
        (
            "not found: not counted",
            ("Hezbollah", "ArmedGroup", &["Hezbollah"]),
            &[("Hamas", ArmedGroup, &[], 1)],
            Share { hits: 0, total: 0 },
        ),
        (
            "the best match shares the most names",
            ("Nouri al-Maliki", "Person", &["Maliki"]),
            &[
                ("Maliki", Place, &[], 5),
                ("Nouri al-Maliki", Person, &["Maliki"], 1),
            ],
            Share { hits: 1, total: 1 },
        ),
        (
            "then has the most mentions",
            ("Maliki", "Person", &["Maliki"]),
            &[("Maliki", Place, &[], 1), ("Maliki", Person, &[], 3)],
            Share { hits: 1, total: 1 },
        ),
    ];
    for (case, (name, kind, aliases), graph_entities, expected) in cases {
        let gold = gold_files(&[(
            "test.gold.json",
            gold_json("test.txt", &[(name, kind, aliases)], &[]),
        )]);
        let mut graph = TestGraph::new(&[]);
        for &(name, kind, aliases, mentions) in graph_entities {
            graph.entity_of_kind(name, kind, aliases, mentions);
        }
        let report = evaluate(&graph.graph, &gold);
        assert_eq!(report.kind_accuracy, expected, "{case}");
        // Each found gold entity of another kind is listed, as --verbose prints it.
        let wrong: Vec<String> = (expected.hits < expected.total)
            .then(|| {
                format!(
                    "{name}: {} in the graph, {kind} in gold",
                    graph_entities[0].1
                )
            })
            .into_iter()
            .collect();
        assert_eq!(report.wrong_kinds(), wrong, "{case}");
    }
}

#[test]
fn a_pair_with_an_end_that_matches_no_gold_entity_is_a_wrong_pair() {
    let gold = gold(
        &[
            ("Kurdistan Region", &["Kurdistan Region", "KRI"]),
            ("Iraq", &["Iraq"]),
        ],
        &[("Kurdistan Region", "PartOf", "Iraq", "s")],
    );
    // Graph entities: 0 Kurdistan Region, 1 Iraq, 2 KRI, 3 Western, 4 Eastern.
    let cases: [WrongPairCase; 7] = [
        (
            "two gold entities",
            &[(0, 1, RelationClass::PartOf)],
            (1, 1),
            &[],
        ),
        (
            "one end no gold entity",
            &[(3, 0, Cooperation)],
            (0, 1),
            &["Kurdistan Region/Western (no gold entity)"],
        ),
        (
            "neither end a gold entity",
            &[(3, 4, Conflict)],
            (0, 1),
            &["Western (no gold entity)/Eastern (no gold entity)"],
        ),
        (
            "two edges, one pair",
            &[(3, 0, Cooperation), (0, 3, Conflict), (3, 2, Conflict)],
            (0, 1),
            &["Kurdistan Region/Western (no gold entity)"],
        ),
        (
            "two entities matching no gold entity are two ends",
            &[(3, 1, Conflict), (4, 1, Conflict)],
            (0, 2),
            &[
                "Iraq/Western (no gold entity)",
                "Iraq/Eastern (no gold entity)",
            ],
        ),
        (
            "both ends the same gold entity: no pair",
            &[(0, 2, Cooperation)],
            (0, 0),
            &[],
        ),
        (
            "co-mentions are no pairs",
            &[(3, 0, CoMention)],
            (0, 0),
            &[],
        ),
    ];
    for (case, edges, (correct, predicted), spurious) in cases {
        let mut graph = TestGraph::new(&[]);
        let ids = [
            graph.entity("Kurdistan Region", &[], 2),
            graph.entity("Iraq", &[], 1),
            graph.entity("KRI", &[], 1),
            graph.entity("Western", &[], 1),
            graph.entity("Eastern", &[], 1),
        ];
        for &(source, target, class) in edges {
            graph.edge((ids[source], ids[target]), "p", class, false, &[]);
        }
        let report = evaluate(&graph.graph, &gold);
        assert_eq!(
            (report.pairs.predicted_correct, report.pairs.predicted),
            (correct, predicted),
            "{case}"
        );
        let names: Vec<String> = report
            .spurious_pairs()
            .iter()
            .map(|(a, b)| format!("{a}/{b}"))
            .collect();
        assert_eq!(names, spurious, "{case}");
    }
}
