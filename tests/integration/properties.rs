//! Properties of the whole pipeline over generated input: every span lies on char boundaries inside its
//! document, saving then loading gives the same graph, a build does not depend on the thread count, and
//! no query line panics the evaluator or the renderers.
//!
//! The segmenter and the parser have their own properties beside them (`src/text/sentence.rs`,
//! `src/query/parser_tests.rs`); these go through the public API end to end.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::extract::ExtractOptions;
use kgraph::extract::Lexicon;
use kgraph::graph::{KnowledgeGraph, load_graph, save_graph};
use kgraph::model::Span;
use kgraph::pipeline::build_graph;
use kgraph::query::{OutputMode, Statement, evaluate, parse_line, render};
use kgraph::text::Document;
use proptest::prelude::*;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::embedded().unwrap())
}

/// Words that make the extraction do something: names known and unknown, titles, relation verbs,
/// list words, punctuation, other scripts and multi-byte characters next to names.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "Iraq", "Iran", "China", "the", "United", "States", "Baghdad", "Prime", "Minister", "Ahmed",
    "Karimi", "al-Haq", "Council", "of", "Kurdistan", "Region", "signed", "an", "agreement", "with",
    "met", "attacked", "and", "or", ",", ".", "?", "!", "\n", "\n\n", "\r\n", "(", ")", "“", "”", "'s",
    "’s", "U.S.", "Dr.", "PMF", "in", "2014", "since", "not", "reportedly", "é", "العراق", "中国",
    "Ирак", "\u{301}", "\u{a0}", "…", "—", "-", "Turkey's", "said", "he", "she", "it", "they",
];

/// A text of up to `max` words from [`WORDS`], joined by spaces or glued together.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            proptest::sample::select(WORDS),
            proptest::bool::weighted(0.8),
        ),
        0..max,
    )
    .prop_map(|words| {
        words
            .into_iter()
            .map(|(word, spaced)| {
                if spaced {
                    format!("{word} ")
                } else {
                    word.to_string()
                }
            })
            .collect()
    })
}

fn documents(texts: Vec<String>) -> Vec<Document> {
    texts
        .into_iter()
        .enumerate()
        .map(|(index, text)| Document {
            name: format!("doc{index}.txt"),
            text,
        })
        .collect()
}

fn assert_span_in(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} cuts a character in {text:?}"
    );
}

/// Every mention and every piece of evidence lies inside its document on char boundaries.
fn assert_spans_valid(graph: &KnowledgeGraph) {
    let documents = graph.documents();
    for (_, entity) in graph.entities() {
        for mention in &entity.mentions {
            let document = documents.get(mention.document as usize).unwrap();
            assert_span_in(&document.text, mention.span, "mention");
        }
    }
    for relation in graph.relations() {
        for evidence in relation.relation.evidence() {
            let document = documents.get(evidence.document() as usize).unwrap();
            assert_span_in(&document.text, evidence.span(), "evidence");
        }
    }
}

/// The graph file's bytes for `graph` in the format its extension names.
fn saved(graph: &KnowledgeGraph, file: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    save_graph(graph, &path).unwrap();
    std::fs::read(path).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn spans_lie_on_char_boundaries_inside_their_document(texts in proptest::collection::vec(text(60), 1..4)) {
        let (graph, _) = build_graph(documents(texts), lexicon(), ExtractOptions::default());
        assert_spans_valid(&graph);
    }

    #[test]
    fn any_string_builds_with_valid_spans(texts in proptest::collection::vec(any::<String>(), 1..3)) {
        let (graph, _) = build_graph(documents(texts), lexicon(), ExtractOptions::default());
        assert_spans_valid(&graph);
    }

    /// Save then load is the identity, in both formats: the reloaded graph saves to the same bytes and
    /// has the same entities, relations and documents.
    #[test]
    fn save_then_load_is_the_identity(texts in proptest::collection::vec(text(60), 1..4)) {
        let (graph, _) = build_graph(documents(texts), lexicon(), ExtractOptions::default());
        for file in ["graph.ron", "graph.kgb"] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(file);
            save_graph(&graph, &path).unwrap();
            let loaded = load_graph(&path).unwrap();
            prop_assert_eq!(saved(&loaded, file), std::fs::read(&path).unwrap());
            prop_assert_eq!(loaded.documents(), graph.documents());
            let entities = |g: &KnowledgeGraph| g.entities().map(|(_, e)| e.clone()).collect::<Vec<_>>();
            prop_assert_eq!(entities(&loaded), entities(&graph));
            let relations = |g: &KnowledgeGraph| {
                g.relations().map(|r| r.relation.clone()).collect::<Vec<_>>()
            };
            prop_assert_eq!(relations(&loaded), relations(&graph));
        }
    }

    /// The same documents give the same graph file, whatever the number of threads.
    #[test]
    fn a_build_is_deterministic(texts in proptest::collection::vec(text(40), 1..6)) {
        let build = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let (graph, summary) = pool.install(|| build_graph(documents(texts.clone()), lexicon(), ExtractOptions::default()));
            (saved(&graph, "graph.ron"), summary)
        };
        let one = build(1);
        prop_assert!(one == build(1));
        prop_assert!(one == build(3));
    }
}

/// The graph of data/, for the query property.
fn data_graph() -> &'static KnowledgeGraph {
    static GRAPH: OnceLock<KnowledgeGraph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let documents = kgraph::text::load_documents(&[data]).unwrap();
        build_graph(documents, lexicon(), ExtractOptions::default()).0
    })
}

#[rustfmt::skip]
const QUERY_WORDS: &[&str] = &[
    "neighbours", "path", "paths", "top", "why", "common", "entity", "find", "help", "stats", "docs",
    "depth", "class", "kind", "max", "limit", "by", "in", "out", "undirected", "0", "1", "2", "3",
    "10", "99999999999999999999", "since", "until", "between", "and", "2014", "1990", "betweenness",
    "pagerank", "degree", "Iraq", "Iran", "China", "PMF", "\"United States\"", "\"Popular Mobilization Forces\"",
    "\"", "Conflict,Cooperation", "asserted", "CoMention", "Country", "ArmedGroup", "Irak", "é", "ir",
    "u", ",", "#",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any line of the language's words, or any string at all, parses or fails cleanly, and a query
    /// evaluates to an answer or an error that every output mode renders, without a panic.
    #[test]
    fn a_query_never_panics(
        words in proptest::collection::vec(proptest::sample::select(QUERY_WORDS), 0..9),
        noise in "\\PC{0,12}",
    ) {
        let never = AtomicBool::new(false);
        for line in [words.join(" "), format!("{} {noise}", words.join(" "))] {
            if let Ok(Statement::Query(query)) = parse_line(&line) {
                match evaluate(data_graph(), &query, &never) {
                    Ok(report) => {
                        for mode in [OutputMode::Table, OutputMode::Plain, OutputMode::Json, OutputMode::Csv] {
                            let _ = render(&report, mode);
                        }
                    }
                    Err(error) => {
                        prop_assert!(error.span.end <= line.len());
                        prop_assert!(line.is_char_boundary(error.span.start));
                        prop_assert!(line.is_char_boundary(error.span.end));
                    }
                }
            }
        }
    }
}
