//! Graph files written by earlier kgraph builds must keep loading, unchanged.
//!
//! `tests/fixtures/graph-v1-*` were written by the kgraph of format version 1 and are never regenerated:
//!
//! - `graph-v1-sotu.{ron,kgb}`: `kg build tests/fixtures/sotu -o ...` (a real build);
//! - `graph-v1-edge-cases.{ron,kgb}`: a graph put together by hand through the library, with what a build
//!   rarely shows: several sentences of evidence (one list not sorted), negated and hedged relations,
//!   periods closed, open at one end and open at both ends, quotes and non-ASCII text in predicates and
//!   names, two edges between the same pair, and a relation with no evidence.
//!
//! Loading each and saving it again must give the same graph in the current version (the RON file's
//! own bytes, with version 2 and the kind votes version 1 did not keep), and the RON and the binary file
//! must describe the same graph.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::graph::{KnowledgeGraph, load_graph, save_graph};
use kgraph::model::{EntityKind, Period, RelationClass, Span};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The bytes `graph` is saved as under `name` (whose extension picks the format).
fn saved(graph: &KnowledgeGraph, name: &str) -> Vec<u8> {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join(name);
    save_graph(graph, &path).unwrap();
    std::fs::read(path).unwrap()
}

/// The RON text a version 1 file is saved as now: version 2, each entity with its kind votes, which
/// version 1 did not keep (none).
fn as_version_2(version_1: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(version_1.to_vec()).unwrap();
    let text = text.replacen("  format_version: 1,", "  format_version: 2,", 1);
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        if line.starts_with("      kind: ") {
            out.push_str("      kind_votes: [],\n");
        }
    }
    out.into_bytes()
}

/// Loads `stem.ron` and `stem.kgb` (format version 1), checks that each saves back as the same graph
/// in version 2 (the RON file's own text, with the version and empty kind votes) and that both hold
/// the same graph, and returns the graph.
fn load_both(stem: &str) -> KnowledgeGraph {
    let ron_path = fixture(&format!("{stem}.ron"));
    let binary_path = fixture(&format!("{stem}.kgb"));
    let from_ron = load_graph(&ron_path).unwrap();
    let from_binary = load_graph(&binary_path).unwrap();
    let ron = std::fs::read(&ron_path).unwrap();
    assert!(
        ron.starts_with(b"(\n  format_version: 1,"),
        "{stem}.ron is a version 1 file"
    );
    let ron = as_version_2(&ron);
    assert!(
        saved(&from_ron, "g.ron") == ron,
        "{stem}.ron saves back to other bytes"
    );
    assert!(
        saved(&from_binary, "g.ron") == ron,
        "{stem}.kgb holds another graph than {stem}.ron"
    );
    assert!(
        saved(&from_ron, "g.kgb") == saved(&from_binary, "g.kgb"),
        "{stem}.ron holds another graph than {stem}.kgb"
    );
    for (_, entity) in from_binary.entities() {
        assert!(entity.kind_votes.is_empty(), "{}", entity.name);
    }
    from_binary
}

/// A sentence of evidence as the tests read it: document, span, rule, period and sentence text.
type EvidenceSeen = (u32, Span, String, Option<Period>, String);

/// The one relation from the entity named `source` to the one named `target` with `predicate`, as
/// (class, negated, hedged, evidence).
fn relation(
    graph: &KnowledgeGraph,
    source: &str,
    target: &str,
    predicate: &str,
) -> (RelationClass, bool, bool, Vec<EvidenceSeen>) {
    let named = |name: &str| {
        let ids = graph.find(name);
        assert_eq!(ids.len(), 1, "{name}");
        ids[0]
    };
    let (source, target) = (named(source), named(target));
    let found: Vec<_> = graph
        .relations()
        .filter(|r| r.source == source && r.target == target)
        .filter(|r| r.relation.predicate() == predicate)
        .collect();
    assert_eq!(found.len(), 1, "{predicate}");
    let relation = found[0].relation;
    let evidence = relation
        .evidence()
        .iter()
        .map(|e| {
            (
                e.document(),
                e.span(),
                e.rule().to_string(),
                e.time(),
                graph.evidence_text(e).to_string(),
            )
        })
        .collect();
    (relation.class, relation.negated, relation.hedged, evidence)
}

#[test]
fn the_version_1_sotu_graph_still_loads() {
    let graph = load_both("graph-v1-sotu");
    assert_eq!(graph.documents().len(), 5);
    assert_eq!(graph.documents()[0].name, "1991_bush_persian_gulf.txt");
    assert_eq!(graph.entity_count(), 30);
    assert_eq!(graph.relation_count(), 82);
    assert_eq!(graph.evidence_count(), 82);
    let counts: Vec<usize> = graph.count_by_class().into_iter().map(|(_, n)| n).collect();
    assert_eq!(counts, [2, 1, 3, 2, 1, 73]);
    let perez = graph.find("Perez de Cuellar")[0];
    assert_eq!(graph.entity(perez).unwrap().kind, EntityKind::Person);

    let (class, negated, hedged, evidence) = relation(
        &graph,
        "Perez de Cuellar",
        "United Nations",
        "secretary-general of",
    );
    assert_eq!(
        (class, negated, hedged),
        (RelationClass::Leads, false, false)
    );
    assert_eq!(evidence.len(), 1);
    let (document, span, rule, time, text) = &evidence[0];
    assert_eq!(
        (*document, *span, rule.as_str(), *time),
        (0, Span::new(134, 349), "title", None)
    );
    assert!(
        text.starts_with("U.N. Secretary-General Perez de Cuellar;"),
        "{text}"
    );

    let (class, _, _, evidence) = relation(&graph, "Iraq", "United States", "hostility toward");
    assert_eq!(class, RelationClass::Conflict);
    assert_eq!(evidence[0].2, "relation-noun");
    assert_eq!(
        evidence[0].4,
        "Iraq continues to flaunt its hostility toward America and to support terror."
    );
}

#[test]
fn the_version_1_edge_cases_still_load() {
    let graph = load_both("graph-v1-edge-cases");
    assert_eq!(graph.documents().len(), 2);
    assert_eq!(graph.documents()[1].name, "b \"quoted\".md");
    assert_eq!(graph.entity_count(), 5);
    assert_eq!(graph.relation_count(), 8);
    assert_eq!(graph.evidence_count(), 10);
    assert_eq!(graph.find("islamic republic"), graph.find("Iran"));
    let year = |from, to| Some(Period { from, to });

    let (class, negated, hedged, evidence) = relation(&graph, "Qatar", "Iran", "meet");
    assert_eq!(
        (class, negated, hedged),
        (RelationClass::Cooperation, false, false)
    );
    let summary: Vec<_> = evidence
        .iter()
        .map(|(d, _, rule, time, text)| (*d, rule.as_str(), *time, text.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                0,
                "verb",
                year(Some(2019), Some(2019)),
                "Qatar met Iran in 2019."
            ),
            (
                1,
                "verb",
                None,
                "Between 2003 and 2011 the US fought in Iraq."
            ),
        ]
    );
    let (class, _, _, _) = relation(&graph, "Qatar", "Iran", "co-mentioned with");
    assert_eq!(class, RelationClass::CoMention);

    let (class, negated, hedged, evidence) = relation(&graph, "Iran", "Qatar", "attack");
    assert_eq!(
        (class, negated, hedged),
        (RelationClass::Conflict, true, true)
    );
    assert_eq!(evidence[0].2, "verb+metonymy");
    assert_eq!(evidence[0].4, "Iran reportedly did not attack Qatar.");

    let (_, _, _, evidence) = relation(&graph, "«Hezbollah»", "Iran", "back «\"firmly\"»");
    assert_eq!(evidence[0].3, year(Some(2014), None));
    assert_eq!(evidence[0].4, "«Hezbollah» backs Iran since 2014.");
    let (_, _, _, evidence) = relation(&graph, "Iran", "«Hezbollah»", "praise");
    assert_eq!(evidence[0].3, year(None, None));

    // Three sentences, kept in the file's order (not sorted).
    let (_, negated, hedged, evidence) = relation(&graph, "Iraq", "US", "fight in");
    assert_eq!((negated, hedged), (false, true));
    let summary: Vec<_> = evidence
        .iter()
        .map(|(d, span, rule, time, _)| (*d, *span, rule.as_str(), *time))
        .collect();
    assert_eq!(
        summary,
        [
            (1, Span::new(45, 74), "title", year(None, Some(1991))),
            (
                1,
                Span::new(0, 44),
                "apposition",
                year(Some(2003), Some(2011))
            ),
            (0, Span::new(0, 5), "title", None),
        ]
    );
    let (_, _, hedged, _) = relation(&graph, "US", "Iraq", "fight in");
    assert!(!hedged);

    let (class, _, _, evidence) = relation(&graph, "Iraq", "«Hezbollah»", "fund");
    assert_eq!(class, RelationClass::Other);
    assert!(evidence.is_empty());
}
