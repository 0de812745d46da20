//! The interchange exports are contracts with other tools: Gephi and yEd read the GraphML,
//! `neo4j-admin database import full` the CSV folder, triple stores the N-Triples, Cytoscape the
//! JSON. Each test reads an export back the way those tools would (an XML parser, an RFC 4180 CSV
//! parser, a strict N-Triples line grammar, a JSON parser) and checks the ids, the counts and the
//! values, on a hand-built graph with awkward names and on the corpus in `data/` through the real
//! binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kgraph::export::cytoscape::write_cytoscape;
use kgraph::export::graphml::write_graphml;
use kgraph::export::neo4j::{NODES_FILE, RELATIONS_FILE};
use kgraph::export::ntriples::DEFAULT_BASE_IRI;
use kgraph::export::{
    BaseIri, ExportFormat, ExportOptions, write_export, write_neo4j_import, write_ntriples,
};
use kgraph::graph::{Entity, Evidence, KnowledgeGraph, Mention, Relation, load_graph, save_graph};
use kgraph::model::{EntityKind, RelationClass, Span, entity_key};
use quick_xml::events::Event;
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::process::Command;

/// A name with everything CSV, XML and JSON quote: a comma, double quotes, `&` and angle brackets.
const AWKWARD: &str = "Al-Haq, \"the Truth\" & <Sons>";
/// A name with a line break, a backslash, a tab and a control character.
const CONTROL: &str = "Line\nbreak \\ tab\tbell\u{7}";
const TEXT: &str = "Iran backs Al-Haq.\nAl-Haq reportedly denied attacking Iran.";

fn entity(name: &str, kind: EntityKind, aliases: &[&str], mentions: usize) -> Entity {
    Entity {
        name: name.into(),
        kind,
        kind_votes: Vec::new(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: (0..mentions)
            .map(|i| Mention {
                document: 0,
                span: Span::new(i, i + 1),
            })
            .collect(),
    }
}

/// The two sentences of `TEXT`, as byte spans.
const FIRST: (usize, usize) = (0, 18);
const SECOND: (usize, usize) = (19, 59);

fn relation(
    predicate: &str,
    class: RelationClass,
    (negated, hedged): (bool, bool),
    evidence: &[((usize, usize), &str)],
) -> Relation {
    let mut evidence: Vec<Evidence> = evidence
        .iter()
        .map(|&((start, end), rule)| Evidence::new(0, Span::new(start, end), rule, None))
        .collect();
    evidence.sort();
    Relation::new(predicate, class, evidence)
        .with_negated(negated)
        .with_hedged(hedged)
}

/// Four entities (one awkward name, one with control characters), five relations: plain,
/// negated and hedged, a parallel pair, and two co-mentions.
fn sample_graph() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    graph.add_document("statement.txt".into(), TEXT.into());
    assert_eq!(&TEXT[FIRST.0..FIRST.1], "Iran backs Al-Haq.");
    assert_eq!(
        &TEXT[SECOND.0..SECOND.1],
        "Al-Haq reportedly denied attacking Iran."
    );
    let iran = graph.add_entity(entity("Iran", EntityKind::Country, &["Iran", "Tehran"], 2));
    let haq = graph.add_entity(entity(
        AWKWARD,
        EntityKind::ArmedGroup,
        &["Al-Haq", AWKWARD, "a;b"],
        2,
    ));
    let control = graph.add_entity(entity(CONTROL, EntityKind::Person, &[CONTROL], 0));
    // An entity with no relations is still a node.
    graph.add_entity(entity("Nobody", EntityKind::Event, &["Nobody"], 0));
    graph.add_relation(
        iran,
        haq,
        relation(
            "back",
            RelationClass::Cooperation,
            (false, false),
            &[(FIRST, "svo"), (FIRST, "appositive")],
        ),
    );
    graph.add_relation(
        haq,
        iran,
        relation(
            "attack",
            RelationClass::Conflict,
            (true, true),
            &[(SECOND, "svo")],
        ),
    );
    graph.add_relation(
        iran,
        haq,
        relation(
            "fund",
            RelationClass::Cooperation,
            (false, true),
            &[(SECOND, "svo")],
        ),
    );
    graph.add_relation(
        control,
        haq,
        relation("lead", RelationClass::Leads, (false, false), &[]),
    );
    graph.add_relation(
        iran,
        haq,
        relation(
            "co-mentioned with",
            RelationClass::CoMention,
            (false, false),
            &[(FIRST, "same_sentence")],
        ),
    );
    graph.add_relation(
        control,
        iran,
        relation(
            "co-mentioned with",
            RelationClass::CoMention,
            (false, false),
            &[(SECOND, "same_sentence")],
        ),
    );
    graph
}

/// Entities, relations kept with co-mentions, and without.
const ENTITIES: usize = 4;
const RELATIONS: usize = 6;
const ASSERTED: usize = 4;

fn options(include_comentions: bool) -> ExportOptions {
    ExportOptions { include_comentions }
}

fn to_string(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

// ---------------------------------------------------------------------------------------------
// GraphML, read with quick-xml.

#[derive(Debug, Default)]
struct GraphMl {
    /// Key id → (for, attr.name, attr.type).
    keys: BTreeMap<String, (String, String, String)>,
    edgedefault: String,
    /// Node id → data by key id.
    nodes: BTreeMap<String, HashMap<String, String>>,
    /// (edge id, source, target, data by key id), in document order.
    edges: Vec<(String, String, String, HashMap<String, String>)>,
}

fn attributes(element: &quick_xml::events::BytesStart<'_>) -> HashMap<String, String> {
    element
        .attributes()
        .map(|attribute| {
            let attribute = attribute.unwrap();
            (
                attribute.key.as_ref().to_string(),
                attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned(),
            )
        })
        .collect()
}

/// Parses GraphML as a GraphML reader sees it; panics on anything not well-formed.
fn parse_graphml(xml: &str) -> GraphMl {
    // Characters XML 1.0 cannot hold at all: quick-xml does not check them, so check here.
    assert!(
        !xml.chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{fffe}'),
        "an illegal character in\n{xml}"
    );
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut graphml = GraphMl::default();
    let mut current_data: Option<(String, String)> = None;
    let mut current_node: Option<String> = None;
    let mut open_elements = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(element) => {
                let name = element.name().as_ref().to_string();
                let attrs = attributes(&element);
                match name.as_str() {
                    "graph" => graphml.edgedefault = attrs["edgedefault"].clone(),
                    "node" => {
                        current_node = Some(attrs["id"].clone());
                        graphml.nodes.insert(attrs["id"].clone(), HashMap::new());
                    }
                    "edge" => graphml.edges.push((
                        attrs["id"].clone(),
                        attrs["source"].clone(),
                        attrs["target"].clone(),
                        HashMap::new(),
                    )),
                    "data" => current_data = Some((attrs["key"].clone(), String::new())),
                    _ => {}
                }
                open_elements.push(name);
            }
            Event::Empty(element) => {
                let name = element.name().as_ref().to_string();
                let attrs = attributes(&element);
                match name.as_str() {
                    "key" => {
                        graphml.keys.insert(
                            attrs["id"].clone(),
                            (
                                attrs["for"].clone(),
                                attrs["attr.name"].clone(),
                                attrs["attr.type"].clone(),
                            ),
                        );
                    }
                    "data" => {
                        let (key, value) = (attrs["key"].clone(), String::new());
                        store_data(&mut graphml, &open_elements, &current_node, key, value);
                    }
                    _ => {}
                }
            }
            Event::Text(text) => {
                if let Some((_, value)) = &mut current_data {
                    value.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let (_, value) = current_data.as_mut().expect("a reference outside <data>");
                match reference.resolve_char_ref().unwrap() {
                    Some(character) => value.push(character),
                    None => value.push_str(
                        quick_xml::escape::resolve_predefined_entity(&reference)
                            .expect("a predefined entity"),
                    ),
                }
            }
            Event::End(element) => {
                let name = element.name().as_ref().to_string();
                assert_eq!(open_elements.pop().as_deref(), Some(name.as_str()));
                if name == "data" {
                    let (key, value) = current_data.take().unwrap();
                    store_data(&mut graphml, &open_elements, &current_node, key, value);
                }
                if name == "node" {
                    current_node = None;
                }
            }
            _ => {}
        }
    }
    assert!(open_elements.is_empty());
    graphml
}

fn store_data(
    graphml: &mut GraphMl,
    open_elements: &[String],
    current_node: &Option<String>,
    key: String,
    value: String,
) {
    let previous = match open_elements.last().map(String::as_str) {
        Some("node") => graphml
            .nodes
            .get_mut(current_node.as_ref().unwrap())
            .unwrap()
            .insert(key, value),
        Some("edge") => graphml.edges.last_mut().unwrap().3.insert(key, value),
        other => panic!("<data> inside {other:?}"),
    };
    assert!(previous.is_none(), "a key given twice");
}

#[test]
fn graphml_parses_with_typed_keys_counts_and_values() {
    let graph = sample_graph();
    let xml = to_string(|out| write_graphml(&graph, &options(true), out));
    let graphml = parse_graphml(&xml);

    let keys: Vec<(&str, &str, &str, &str)> = graphml
        .keys
        .iter()
        .map(|(id, (domain, name, kind))| {
            (id.as_str(), domain.as_str(), name.as_str(), kind.as_str())
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("aliases", "node", "aliases", "string"),
            ("class", "edge", "class", "string"),
            ("edge_label", "edge", "label", "string"),
            ("evidence_count", "edge", "evidence_count", "int"),
            ("hedged", "edge", "hedged", "boolean"),
            ("kind", "node", "kind", "string"),
            ("mention_count", "node", "mention_count", "int"),
            ("name", "node", "name", "string"),
            ("negated", "edge", "negated", "boolean"),
            ("node_label", "node", "label", "string"),
            ("predicate", "edge", "predicate", "string"),
            ("rules", "edge", "rules", "string"),
            ("sentence", "edge", "sentence", "string"),
        ]
    );
    assert_eq!(graphml.edgedefault, "directed");
    assert_eq!(graphml.nodes.len(), ENTITIES);
    assert_eq!(graphml.edges.len(), RELATIONS);

    // Every data element uses a declared key of its own domain.
    for (id, data) in &graphml.nodes {
        assert_eq!(data.len(), 5, "node {id}");
        assert!(data.keys().all(|key| graphml.keys[key].0 == "node"));
    }
    for (id, source, target, data) in &graphml.edges {
        assert_eq!(data.len(), 8, "edge {id}");
        assert!(data.keys().all(|key| graphml.keys[key].0 == "edge"));
        assert!(graphml.nodes.contains_key(source) && graphml.nodes.contains_key(target));
        assert!(!graphml.nodes.contains_key(id), "edge ids are not node ids");
    }

    let awkward = &graphml.nodes[&entity_key(AWKWARD, EntityKind::ArmedGroup)];
    assert_eq!(awkward["name"], AWKWARD);
    assert_eq!(awkward["node_label"], AWKWARD);
    assert_eq!(awkward["kind"], "ArmedGroup");
    assert_eq!(awkward["aliases"], format!("Al-Haq; {AWKWARD}; a;b"));
    assert_eq!(awkward["mention_count"], "2");
    let control = &graphml.nodes[&entity_key(CONTROL, EntityKind::Person)];
    assert_eq!(
        control["name"], "Line\nbreak \\ tab\tbell\u{fffd}",
        "the bell, which XML cannot carry, is replaced"
    );

    let (_, source, target, back) = &graphml.edges[0];
    assert_eq!(source, &entity_key("Iran", EntityKind::Country));
    assert_eq!(target, &entity_key(AWKWARD, EntityKind::ArmedGroup));
    assert_eq!(back["predicate"], "back");
    assert_eq!(back["edge_label"], "back");
    assert_eq!(back["class"], "Cooperation");
    assert_eq!(back["negated"], "false");
    assert_eq!(back["hedged"], "false");
    assert_eq!(back["evidence_count"], "2");
    assert_eq!(back["sentence"], "Iran backs Al-Haq.");
    assert_eq!(back["rules"], "appositive; svo");
    let attack = &graphml.edges[1].3;
    assert_eq!(
        (attack["negated"].as_str(), attack["hedged"].as_str()),
        ("true", "true")
    );
    assert_eq!(
        attack["sentence"],
        "Al-Haq reportedly denied attacking Iran."
    );
    let lead = &graphml.edges[3].3;
    assert_eq!(
        (lead["sentence"].as_str(), lead["rules"].as_str()),
        ("", "")
    );
    assert_eq!(lead["evidence_count"], "0");

    let without = parse_graphml(&to_string(|out| {
        write_graphml(&graph, &options(false), out)
    }));
    assert_eq!(without.nodes.len(), ENTITIES);
    assert_eq!(without.edges.len(), ASSERTED);
    assert!(
        without
            .edges
            .iter()
            .all(|edge| edge.3["class"] != "CoMention")
    );
}

// ---------------------------------------------------------------------------------------------
// Neo4j import CSV, read with the csv crate.

const NODES_HEADER: &str =
    "entityId:ID(Entity),name,kind,aliases:string[],mention_count:int,:LABEL";
const RELATIONS_HEADER: &str = ":START_ID(Entity),:END_ID(Entity),:TYPE,predicate,class,\
    negated:boolean,hedged:boolean,evidence_count:int,sentence";

/// The header and the records of a CSV file, read as RFC 4180 says.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let records = reader
        .records()
        .map(|record| record.unwrap().iter().map(String::from).collect())
        .collect();
    (header, records)
}

fn check_neo4j_folder(folder: &Path, entities: usize, relations: usize) -> Vec<Vec<String>> {
    assert!(
        std::fs::read_to_string(folder.join(NODES_FILE))
            .unwrap()
            .starts_with(&format!("{NODES_HEADER}\n"))
    );
    assert!(
        std::fs::read_to_string(folder.join(RELATIONS_FILE))
            .unwrap()
            .starts_with(&format!("{RELATIONS_HEADER}\n"))
    );
    let (header, nodes) = read_csv(&folder.join(NODES_FILE));
    assert_eq!(header.join(","), NODES_HEADER);
    assert_eq!(nodes.len(), entities);
    let ids: HashSet<&str> = nodes.iter().map(|node| node[0].as_str()).collect();
    assert_eq!(ids.len(), entities, "node ids are unique");
    for node in &nodes {
        assert_eq!(node.len(), 6);
        assert_eq!(node[5], format!("Entity;{}", node[2]));
        assert!(EntityKind::parse(&node[2]).is_some());
        node[4].parse::<u32>().unwrap();
        assert!(!node[1].contains('\n') && !node[3].contains('\n'));
    }
    let (header, rows) = read_csv(&folder.join(RELATIONS_FILE));
    assert_eq!(header.join(","), RELATIONS_HEADER);
    assert_eq!(rows.len(), relations);
    let types = [
        "COOPERATION",
        "CONFLICT",
        "PART_OF",
        "LEADS",
        "OTHER",
        "CO_MENTION",
    ];
    for row in &rows {
        assert_eq!(row.len(), 9);
        assert!(ids.contains(row[0].as_str()) && ids.contains(row[1].as_str()));
        assert!(types.contains(&row[2].as_str()), "{row:?}");
        assert!(["true", "false"].contains(&row[5].as_str()));
        assert!(["true", "false"].contains(&row[6].as_str()));
        row[7].parse::<u32>().unwrap();
        assert!(!row[8].contains('\n'), "{row:?}");
    }
    nodes
}

#[test]
fn neo4j_folder_has_exact_headers_and_round_trips_awkward_names() {
    let graph = sample_graph();
    let directory = tempfile::tempdir().unwrap();
    let folder = directory.path().join("neo4j");
    write_neo4j_import(&graph, &options(true), &folder).unwrap();
    let nodes = check_neo4j_folder(&folder, ENTITIES, RELATIONS);

    let awkward = nodes
        .iter()
        .find(|node| node[0] == entity_key(AWKWARD, EntityKind::ArmedGroup))
        .unwrap();
    assert_eq!(awkward[1], AWKWARD, "a comma and quotes round-trip");
    let aliases: Vec<&str> = awkward[3].split(';').collect();
    assert_eq!(
        aliases,
        ["Al-Haq", AWKWARD, "a,b"],
        "`;` in an alias becomes `,`"
    );
    assert_eq!(awkward[4], "2");
    let control = nodes.iter().find(|node| node[2] == "Person").unwrap();
    assert_eq!(
        control[1], "Line break \\ tab\tbell\u{fffd}",
        "line breaks become spaces, other control characters but the tab U+FFFD (issue 21)"
    );

    let (_, rows) = read_csv(&folder.join(RELATIONS_FILE));
    let attack = &rows[1];
    assert_eq!(attack[0], entity_key(AWKWARD, EntityKind::ArmedGroup));
    assert_eq!(attack[1], entity_key("Iran", EntityKind::Country));
    assert_eq!(
        attack[2..],
        [
            "CONFLICT",
            "attack",
            "Conflict",
            "true",
            "true",
            "1",
            "Al-Haq reportedly denied attacking Iran."
        ]
    );
    assert_eq!(rows[4][2], "CO_MENTION");

    write_neo4j_import(&graph, &options(false), &folder).unwrap();
    check_neo4j_folder(&folder, ENTITIES, ASSERTED);
}

// ---------------------------------------------------------------------------------------------
// N-Triples, read with a strict line grammar.

#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    Iri(String),
    Literal {
        value: String,
        datatype: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Triple {
    subject: String,
    predicate: String,
    object: Term,
}

/// One N-Triples line as RDF 1.1 defines it, less blank nodes and language tags (kgraph writes
/// neither) and with single spaces between terms (what kgraph writes).
fn ntriples_line() -> Regex {
    let iri = r#"<((?:[^\x00-\x20<>"{}|^`\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>"#;
    let literal = r#""((?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)""#;
    Regex::new(&format!(
        r"^{iri} {iri} (?:{iri}|{literal}(?:\^\^{iri})?) \.$"
    ))
    .unwrap()
}

fn unescape_literal(text: &str) -> String {
    let mut value = String::new();
    let mut characters = text.chars();
    while let Some(character) = characters.next() {
        if character != '\\' {
            value.push(character);
            continue;
        }
        match characters.next().unwrap() {
            't' => value.push('\t'),
            'b' => value.push('\u{8}'),
            'n' => value.push('\n'),
            'r' => value.push('\r'),
            'f' => value.push('\u{c}'),
            'u' => {
                let hex: String = characters.by_ref().take(4).collect();
                value.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            'U' => {
                let hex: String = characters.by_ref().take(8).collect();
                value.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => value.push(other),
        }
    }
    value
}

/// Parses every line, or panics naming the first that does not parse.
fn parse_ntriples(text: &str) -> Vec<Triple> {
    let line_grammar = ntriples_line();
    let absolute = Regex::new(r"^[A-Za-z][A-Za-z0-9+.-]*:").unwrap();
    assert!(text.is_empty() || text.ends_with('\n'));
    text.lines()
        .enumerate()
        .map(|(number, line)| {
            let captures = line_grammar
                .captures(line)
                .unwrap_or_else(|| panic!("line {} is not N-Triples: {line:?}", number + 1));
            let iris: Vec<&str> = [1, 2, 3, 5]
                .into_iter()
                .filter_map(|group| captures.get(group))
                .map(|m| m.as_str())
                .collect();
            assert!(iris.iter().all(|iri| absolute.is_match(iri)), "{line}");
            let object = match (captures.get(3), captures.get(4)) {
                (Some(iri), _) => Term::Iri(iri.as_str().into()),
                (None, Some(literal)) => Term::Literal {
                    value: unescape_literal(literal.as_str()),
                    datatype: captures.get(5).map(|m| m.as_str().into()),
                },
                (None, None) => unreachable!(),
            };
            Triple {
                subject: captures[1].into(),
                predicate: captures[2].into(),
                object,
            }
        })
        .collect()
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const RDF_STATEMENT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";

fn count(triples: &[Triple], predicate: &str) -> usize {
    triples.iter().filter(|t| t.predicate == predicate).count()
}

/// Checks the shape every N-Triples export has; returns the number of plain assertions.
fn check_ntriples(triples: &[Triple], base: &str, entities: usize, relations: usize) -> usize {
    let entity_types = triples
        .iter()
        .filter(|t| {
            t.predicate == RDF_TYPE
                && matches!(&t.object, Term::Iri(iri) if iri.starts_with(&format!("{base}kind/")))
        })
        .count();
    assert_eq!(entity_types, entities);
    let statements: Vec<&Triple> = triples
        .iter()
        .filter(|t| t.predicate == RDF_TYPE && t.object == Term::Iri(RDF_STATEMENT.into()))
        .collect();
    assert_eq!(statements.len(), relations);
    for property in ["subject", "predicate", "object"] {
        let iri = format!("http://www.w3.org/1999/02/22-rdf-syntax-ns#{property}");
        assert_eq!(count(triples, &iri), relations);
    }
    for property in ["class", "negated", "hedged", "evidenceCount"] {
        assert_eq!(
            count(triples, &format!("{base}vocab/{property}")),
            relations
        );
    }
    // Every IRI under the base is one of the documented kinds.
    let spaces = [
        "entity/",
        "kind/",
        "relation/",
        "statement/",
        "class/",
        "vocab/",
    ];
    for triple in triples {
        for iri in [&triple.subject, &triple.predicate]
            .into_iter()
            .chain(match &triple.object {
                Term::Iri(iri) => Some(iri),
                Term::Literal { .. } => None,
            })
        {
            if let Some(rest) = iri.strip_prefix(base) {
                assert!(spaces.iter().any(|s| rest.starts_with(s)), "{iri}");
            }
        }
    }
    triples
        .iter()
        .filter(|t| t.predicate.starts_with(&format!("{base}relation/")))
        .count()
}

#[test]
fn ntriples_every_line_parses_with_stable_iris() {
    let graph = sample_graph();
    let base = "http://example.org/kg/";
    let text = to_string(|out| {
        write_ntriples(
            &graph,
            &options(true),
            &BaseIri::parse("http://example.org/kg").unwrap(),
            out,
        )
    });
    let triples = parse_ntriples(&text);
    let plain = check_ntriples(&triples, base, ENTITIES, RELATIONS);
    assert_eq!(
        plain, 4,
        "back, lead and two co-mentions; not the negated or hedged ones"
    );

    let label_of = |key: &str| {
        triples
            .iter()
            .find(|t| t.subject == format!("{base}entity/{key}") && t.predicate == RDFS_LABEL)
            .map(|t| t.object.clone())
    };
    for (name, kind) in [
        (AWKWARD, EntityKind::ArmedGroup),
        (CONTROL, EntityKind::Person),
    ] {
        assert_eq!(
            label_of(&entity_key(name, kind)),
            Some(Term::Literal {
                value: name.into(),
                datatype: None
            }),
            "{name:?} round-trips exactly"
        );
    }
    assert_eq!(
        count(&triples, &format!("{base}vocab/alias")),
        2 + 3 + 1 + 1
    );
    assert_eq!(
        count(&triples, &format!("{base}vocab/mentionCount")),
        ENTITIES
    );
    assert!(triples.contains(&Triple {
        subject: format!("{base}entity/{}", entity_key("Iran", EntityKind::Country)),
        predicate: format!("{base}relation/back"),
        object: Term::Iri(format!(
            "{base}entity/{}",
            entity_key(AWKWARD, EntityKind::ArmedGroup)
        )),
    }));
    assert!(
        triples
            .iter()
            .any(|t| t.predicate == format!("{base}vocab/negated")
                && t.object
                    == Term::Literal {
                        value: "true".into(),
                        datatype: Some("http://www.w3.org/2001/XMLSchema#boolean".into())
                    })
    );

    let without = parse_ntriples(&to_string(|out| {
        write_export(&graph, ExportFormat::NTriples, &options(false), out)
    }));
    assert_eq!(
        check_ntriples(&without, DEFAULT_BASE_IRI, ENTITIES, ASSERTED),
        2
    );
}

#[test]
fn ntriples_line_grammar_refuses_what_it_should() {
    let grammar = ntriples_line();
    for line in [
        "<http://x/s> <http://x/p> <http://x/o> .",
        r#"<http://x/s> <http://x/p> "a \"b\" \\ \n \u00E9" ."#,
        r#"<http://x/s> <http://x/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> ."#,
    ] {
        assert!(grammar.is_match(line), "{line}");
    }
    for line in [
        "<http://x/s> <http://x/p> <http://x/o>",
        "<http://x/s> <http://x/p> <http://x/a b> .",
        r#"<http://x/s> <http://x/p> "unescaped " quote" ."#,
        r#"<http://x/s> <http://x/p> "bad \x escape" ."#,
        "<http://x/s> <http://x/p> \"raw\nline\" .",
        r#""literal" <http://x/p> <http://x/o> ."#,
    ] {
        assert!(!grammar.is_match(line), "{line}");
    }
}

// ---------------------------------------------------------------------------------------------
// Cytoscape.js JSON.

fn check_cytoscape(json: &str, entities: usize, relations: usize) -> serde_json::Value {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let object = value.as_object().unwrap();
    assert_eq!(object.keys().collect::<Vec<_>>(), ["elements"]);
    let elements = value["elements"].as_object().unwrap();
    assert_eq!(elements.keys().collect::<Vec<_>>(), ["edges", "nodes"]);
    let nodes = value["elements"]["nodes"].as_array().unwrap();
    let edges = value["elements"]["edges"].as_array().unwrap();
    assert_eq!(nodes.len(), entities);
    assert_eq!(edges.len(), relations);
    let mut ids = HashSet::new();
    for node in nodes {
        let data = node["data"].as_object().unwrap();
        for field in ["id", "label", "kind"] {
            assert!(data[field].is_string(), "{node}");
        }
        assert!(ids.insert(data["id"].as_str().unwrap().to_string()));
    }
    let node_ids = ids.clone();
    for edge in edges {
        let data = edge["data"].as_object().unwrap();
        for field in ["id", "source", "target", "predicate", "class"] {
            assert!(data[field].is_string(), "{edge}");
        }
        assert!(
            node_ids.contains(data["source"].as_str().unwrap()),
            "{edge}"
        );
        assert!(
            node_ids.contains(data["target"].as_str().unwrap()),
            "{edge}"
        );
        assert!(
            ids.insert(data["id"].as_str().unwrap().to_string()),
            "ids unique across elements"
        );
    }
    value
}

#[test]
fn cytoscape_json_has_elements_and_edges_between_nodes() {
    let graph = sample_graph();
    let json = to_string(|out| write_cytoscape(&graph, &options(true), out));
    let value = check_cytoscape(&json, ENTITIES, RELATIONS);
    let awkward = &value["elements"]["nodes"][1]["data"];
    assert_eq!(awkward["id"], entity_key(AWKWARD, EntityKind::ArmedGroup));
    assert_eq!(awkward["label"], AWKWARD);
    assert_eq!(awkward["kind"], "ArmedGroup");
    assert_eq!(value["elements"]["nodes"][2]["data"]["label"], CONTROL);
    let attack = &value["elements"]["edges"][1]["data"];
    assert_eq!(attack["predicate"], "attack");
    assert_eq!(attack["class"], "Conflict");
    assert_eq!(attack["negated"], true);

    let without =
        to_string(|out| write_export(&graph, ExportFormat::Cytoscape, &options(false), out));
    check_cytoscape(&without, ENTITIES, ASSERTED);
}

// ---------------------------------------------------------------------------------------------
// Across formats.

#[test]
fn every_format_names_an_entity_the_same_way() {
    let graph = sample_graph();
    let keys: Vec<String> = graph
        .entities()
        .map(|(_, entity)| entity_key(&entity.name, entity.kind))
        .collect();
    let graphml = parse_graphml(&to_string(|out| {
        write_export(&graph, ExportFormat::GraphMl, &options(true), out)
    }));
    assert_eq!(
        graphml.nodes.keys().cloned().collect::<HashSet<_>>(),
        keys.iter().cloned().collect()
    );
    let cytoscape: serde_json::Value = serde_json::from_str(&to_string(|out| {
        write_export(&graph, ExportFormat::Cytoscape, &options(true), out)
    }))
    .unwrap();
    let cytoscape_ids: Vec<String> = cytoscape["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["data"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(cytoscape_ids, keys);
    // Edge ids agree between GraphML and Cytoscape too.
    let cytoscape_edges: Vec<&str> = cytoscape["elements"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| edge["data"]["id"].as_str().unwrap())
        .collect();
    let graphml_edges: Vec<&str> = graphml.edges.iter().map(|edge| edge.0.as_str()).collect();
    assert_eq!(cytoscape_edges, graphml_edges);
}

#[test]
fn write_export_matches_each_writer() {
    let graph = sample_graph();
    let options = options(true);
    assert_eq!(
        to_string(|out| write_export(&graph, ExportFormat::GraphMl, &options, out)),
        to_string(|out| write_graphml(&graph, &options, out))
    );
    assert_eq!(
        to_string(|out| write_export(&graph, ExportFormat::NTriples, &options, out)),
        to_string(|out| write_ntriples(&graph, &options, &BaseIri::default(), out))
    );
    assert_eq!(
        to_string(|out| write_export(&graph, ExportFormat::Cytoscape, &options, out)),
        to_string(|out| write_cytoscape(&graph, &options, out))
    );
}

// ---------------------------------------------------------------------------------------------
// The real binary, on the corpus in data/.

fn kg(args: &[&str], directory: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(directory)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "kg {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn kg_export_writes_every_interop_format_for_the_corpus() {
    let directory = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    kg(
        &[
            "build",
            data.to_str().unwrap(),
            "-o",
            "graph.ron",
            "--quiet",
        ],
        directory.path(),
    );
    let graph = load_graph(&directory.path().join("graph.ron")).unwrap();
    let entities = graph.entity_count();
    let relations = graph.relation_count();
    let asserted = graph
        .relations()
        .filter(|r| r.relation.class.is_asserted())
        .count();
    assert!(entities > 10 && asserted > 10 && relations > asserted);

    kg(
        &[
            "export",
            "graph.ron",
            "--format",
            "graphml",
            "--output",
            "graph.graphml",
        ],
        directory.path(),
    );
    let graphml =
        parse_graphml(&std::fs::read_to_string(directory.path().join("graph.graphml")).unwrap());
    assert_eq!(
        (graphml.nodes.len(), graphml.edges.len()),
        (entities, relations)
    );

    kg(
        &[
            "export",
            "graph.ron",
            "--format",
            "neo4j",
            "--output",
            "out",
            "--no-comentions",
        ],
        directory.path(),
    );
    check_neo4j_folder(&directory.path().join("out"), entities, asserted);

    let text = kg(
        &[
            "export",
            "graph.ron",
            "--format",
            "ntriples",
            "--base-iri",
            "urn:kg:",
        ],
        directory.path(),
    );
    check_ntriples(&parse_ntriples(&text), "urn:kg:/", entities, relations);

    let json = kg(
        &["export", "graph.ron", "-f", "cytoscape", "-o", "-"],
        directory.path(),
    );
    check_cytoscape(&json, entities, relations);
}

#[test]
fn kg_export_explains_what_it_needs() {
    let directory = tempfile::tempdir().unwrap();
    save_graph(&sample_graph(), &directory.path().join("graph.ron")).unwrap();
    for (args, message) in [
        (
            &["export", "graph.ron", "--format", "neo4j"][..],
            "kg: error: --format neo4j writes a folder: give it with --output\n",
        ),
        (
            &[
                "export",
                "graph.ron",
                "--format",
                "ntriples",
                "--base-iri",
                "kgraph.example",
            ][..],
            "error: invalid value 'kgraph.example' for '--base-iri <IRI>': the base IRI \
             \"kgraph.example\" has no scheme: it must be absolute, like \"https://kgraph.example/\"\n\n\
             For more information, try '--help'.\n",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_kg"))
            .args(args)
            .current_dir(directory.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8(output.stderr).unwrap(), message);
    }
}

#[test]
fn graphml_loads_in_networkx_with_typed_attributes() {
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .output();
    if !probe.is_ok_and(|output| output.status.success()) {
        eprintln!("skipping: no python3 with networkx");
        return;
    }
    let graph = sample_graph();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        file.path(),
        to_string(|out| write_graphml(&graph, &options(true), out)),
    )
    .unwrap();
    let output = Command::new("python3")
        .args([
            "-c",
            "import networkx,sys\n\
             g=networkx.read_graphml(sys.argv[1])\n\
             print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph())\n\
             n=g.nodes[sys.argv[2]]\n\
             print(repr(n['name']), n['mention_count'] + 1)\n\
             print(sorted((d['predicate'], d['negated'], d['evidence_count']) for _, _, d in g.edges(data=True)))",
        ])
        .arg(file.path())
        .arg(entity_key(AWKWARD, EntityKind::ArmedGroup))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "networkx failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "4 6 True True\n\
         'Al-Haq, \"the Truth\" & <Sons>' 3\n\
         [('attack', True, 1), ('back', False, 2), ('co-mentioned with', False, 1), \
         ('co-mentioned with', False, 1), ('fund', False, 1), ('lead', False, 0)]\n"
    );
}
