//! Neo4j bulk-import CSV: a folder that `neo4j-admin database import full` loads into a new
//! database.
//!
//! The folder holds two files, each with its header row, so the import needs no header files and
//! no labels or types on the command line:
//!
//! ```text
//! nodes.csv      entityId:ID(Entity),name,kind,aliases:string[],mention_count:int,:LABEL
//! relations.csv  :START_ID(Entity),:END_ID(Entity),:TYPE,predicate,class,negated:boolean,hedged:boolean,evidence_count:int,sentence
//! ```
//!
//! ```sh
//! kg export graph.ron --format neo4j --output out
//! neo4j-admin database import full --nodes=out/nodes.csv --relationships=out/relations.csv neo4j
//! ```
//!
//! - `entityId` is the entity's [`crate::model::entity_key()`], in the ID space `Entity`; it is also
//!   kept as a property, so a later import or a query can find the node by it.
//! - Every node has the labels `Entity` and its kind (`Entity;Person`), every relationship a type
//!   from its class in upper snake case ([`relationship_type`]: `COOPERATION`, `PART_OF`,
//!   `CO_MENTION`, ...). The predicate itself is a property: predicates are open-ended phrases,
//!   and a type per phrase would scatter the graph over hundreds of types.
//! - `sentence` is the first evidence sentence; `aliases` is a string array.
//!
//! Fields are written by the `csv` crate as RFC 4180 says: a field holding a comma, a double
//! quote or a line break is put in double quotes with its quotes doubled. Lines end in `\n`. Two things the importer
//! cannot be told are handled before that: line breaks inside text become spaces, because the
//! importer reads fields spanning lines only with `--multiline-fields=true`, which its manual
//! warns slows it severely; and a `;` inside an alias becomes `,`, because `;` separates array
//! elements and the importer has no escape for it. Any other control character but the tab becomes
//! U+FFFD, as in GraphML. Co-mention relationships are written only
//! when the options say so.

use super::ExportOptions;
use super::keyed_graph::KeyedGraph;
use crate::atomic_file::write_folder_atomically;
use crate::graph::KnowledgeGraph;
use crate::model::RelationClass;
use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

/// The name of the node file inside the folder.
pub const NODES_FILE: &str = "nodes.csv";

/// The name of the relationship file inside the folder.
pub const RELATIONS_FILE: &str = "relations.csv";

/// The header row of `nodes.csv`, in `neo4j-admin database import` syntax.
pub const NODES_HEADER: [&str; 6] = [
    "entityId:ID(Entity)",
    "name",
    "kind",
    "aliases:string[]",
    "mention_count:int",
    ":LABEL",
];

/// The header row of `relations.csv`, in `neo4j-admin database import` syntax.
pub const RELATIONS_HEADER: [&str; 9] = [
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    "predicate",
    "class",
    "negated:boolean",
    "hedged:boolean",
    "evidence_count:int",
    "sentence",
];

/// The label every node has, besides its kind.
const ENTITY_LABEL: &str = "Entity";

/// The importer's default array delimiter, which also separates labels.
const ARRAY_DELIMITER: char = ';';

/// The relationship type of a class: its name in upper snake case, as Cypher style has types.
pub fn relationship_type(class: RelationClass) -> &'static str {
    match class {
        RelationClass::Cooperation => "COOPERATION",
        RelationClass::Conflict => "CONFLICT",
        RelationClass::PartOf => "PART_OF",
        RelationClass::Leads => "LEADS",
        RelationClass::Other => "OTHER",
        RelationClass::CoMention => "CO_MENTION",
    }
}

/// `text` on one line: each line break (`\r\n`, `\r` or `\n`) becomes a space; any other control
/// character but the tab (a NUL, an ESC, DEL, C1) becomes U+FFFD, the replacement character, as in
/// GraphML: a database value should not hold what would drive the terminal that shows it.
fn single_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return Cow::Borrowed(text);
    }
    let lines = text.replace("\r\n", " ").replace(['\r', '\n'], " ");
    Cow::Owned(
        lines
            .chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    char::REPLACEMENT_CHARACTER
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// A `string[]` property: the elements on one line, `;` inside one turned into `,`, empty ones
/// left out (the importer would read them as empty strings), joined by `;`.
fn array_field(elements: &[String]) -> String {
    elements
        .iter()
        .map(|element| single_line(element).replace(ARRAY_DELIMITER, ","))
        .filter(|element| !element.is_empty())
        .collect::<Vec<_>>()
        .join(&ARRAY_DELIMITER.to_string())
}

/// A CSV writer as the importer reads it: RFC 4180 quoting where a field needs it, `\n` after
/// each row, and every row as long as the header.
fn csv_writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// Writes `nodes.csv`: the header row, then one row per entity in entity order.
pub fn write_nodes_csv(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write_nodes(&KeyedGraph::new(graph, options)?, out)
}

/// Writes `relations.csv`: the header row, then one row per relation the options keep, in
/// relation order.
pub fn write_relations_csv(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write_relations(&KeyedGraph::new(graph, options)?, out)
}

/// Writes the import folder: a new folder holding [`NODES_FILE`] and [`RELATIONS_FILE`] is written
/// beside `directory` and swapped in (its parents are created when missing), so an export that fails
/// half-way leaves the old folder whole, never new nodes beside old relations. Other files in the
/// old folder are kept.
///
/// # Errors
/// When the folder cannot be created or a file cannot be written; the error names neither, so the
/// caller should add the path.
pub fn write_neo4j_import(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    directory: &Path,
) -> std::io::Result<()> {
    let keyed = KeyedGraph::new(graph, options)?;
    write_folder_atomically(directory, |folder| {
        folder.write_file(NODES_FILE, |out| write_nodes(&keyed, out))?;
        folder.write_file(RELATIONS_FILE, |out| write_relations(&keyed, out))
    })
}

fn write_nodes(keyed: &KeyedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    // The csv writer buffers its rows, so an unbuffered file is not hit once per field.
    let mut rows = csv_writer(out);
    rows.write_record(NODES_HEADER)?;
    for node in &keyed.entities {
        let entity = node.entity;
        let labels = format!("{ENTITY_LABEL}{ARRAY_DELIMITER}{}", entity.kind.name());
        rows.write_record([
            node.key.as_str(),
            &single_line(&entity.name),
            entity.kind.name(),
            &array_field(&entity.aliases),
            &entity.mentions.len().to_string(),
            &labels,
        ])?;
    }
    rows.flush()
}

fn write_relations(keyed: &KeyedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    let mut rows = csv_writer(out);
    rows.write_record(RELATIONS_HEADER)?;
    for edge in &keyed.relations {
        let relation = edge.relation;
        rows.write_record([
            edge.source.as_str(),
            &edge.target,
            relationship_type(relation.class),
            &single_line(relation.predicate()),
            relation.class.name(),
            if relation.negated { "true" } else { "false" },
            if relation.hedged { "true" } else { "false" },
            &relation.evidence().len().to_string(),
            &single_line(edge.sentence),
        ])?;
    }
    rows.flush()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::graph::{Entity, Evidence, Relation};
    use crate::model::{EntityKind, Span, entity_key};

    /// One row of `fields` as the csv writer writes it.
    fn csv_row(fields: &[&str]) -> String {
        let mut out = Vec::new();
        let mut rows = csv_writer(&mut out);
        rows.write_record(fields).unwrap();
        rows.flush().unwrap();
        drop(rows);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_quoted_only_where_rfc_4180_needs_it() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("with space", "with space"),
            ("Smith, John", "\"Smith, John\""),
            (r#"say "hi""#, r#""say ""hi""""#),
            ("\"", "\"\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("semi;colon", "semi;colon"),
            ("Ḥizb al-Daʿwa", "Ḥizb al-Daʿwa"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                csv_row(&[input, "next"]),
                format!("{expected},next\n"),
                "quoting {input:?}"
            );
        }
    }

    #[test]
    fn single_line_table() {
        let cases = [
            ("one line", "one line"),
            ("a\nb", "a b"),
            ("a\r\nb", "a b"),
            ("a\rb", "a b"),
            ("a\n\nb", "a  b"),
            ("tab\tkept", "tab\tkept"),
            (
                "Isr\u{0}ael\u{1b}[31m\u{7f}\u{85}",
                "Isr\u{fffd}ael\u{fffd}[31m\u{fffd}\u{fffd}",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(single_line(input), expected, "{input:?}");
        }
    }

    #[test]
    fn array_field_table() {
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases = [
            (strings(&["KH", "Kataib Hezbollah"]), "KH;Kataib Hezbollah"),
            (strings(&["a;b", "c"]), "a,b;c"),
            (strings(&["Smith, John", "J"]), "Smith, John;J"),
            (strings(&["", "x"]), "x"),
            (strings(&[]), ""),
            (strings(&["say \"x\"\nnow"]), "say \"x\" now"),
        ];
        for (input, expected) in cases {
            assert_eq!(array_field(&input), expected, "{input:?}");
        }
    }

    #[test]
    fn every_class_has_an_upper_snake_type() {
        let types: Vec<&str> = RelationClass::ALL
            .into_iter()
            .map(relationship_type)
            .collect();
        assert_eq!(
            types,
            [
                "COOPERATION",
                "CONFLICT",
                "PART_OF",
                "LEADS",
                "OTHER",
                "CO_MENTION"
            ]
        );
    }

    fn sample_graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_document("d.txt".into(), "Line one\nline two.".into());
        let a = graph.add_entity(Entity {
            name: "Smith, \"Jo\"".into(),
            kind: EntityKind::Person,
            aliases: vec!["Jo".into(), "Smith, \"Jo\"".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        let b = graph.add_entity(Entity {
            name: "Acme".into(),
            kind: EntityKind::Organization,
            aliases: vec!["Acme".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        for (predicate, class) in [
            ("lead", RelationClass::Leads),
            ("co-mention", RelationClass::CoMention),
        ] {
            graph.add_relation(
                a,
                b,
                Relation::new(
                    predicate,
                    class,
                    [Evidence::new(0, Span::new(0, 18), "r", None)],
                )
                .with_hedged(true),
            );
        }
        graph
    }

    #[test]
    fn writes_header_rows_and_quoted_rows() {
        let graph = sample_graph();
        let options = ExportOptions {
            include_comentions: false,
        };
        let mut nodes = Vec::new();
        write_nodes_csv(&graph, &options, &mut nodes).unwrap();
        let a = entity_key("Smith, \"Jo\"", EntityKind::Person);
        let b = entity_key("Acme", EntityKind::Organization);
        assert_eq!(
            String::from_utf8(nodes).unwrap(),
            format!(
                "entityId:ID(Entity),name,kind,aliases:string[],mention_count:int,:LABEL\n\
                 {a},\"Smith, \"\"Jo\"\"\",Person,\"Jo;Smith, \"\"Jo\"\"\",0,Entity;Person\n\
                 {b},Acme,Organization,Acme,0,Entity;Organization\n"
            )
        );
        let mut relations = Vec::new();
        write_relations_csv(&graph, &options, &mut relations).unwrap();
        assert_eq!(
            String::from_utf8(relations).unwrap(),
            format!(
                ":START_ID(Entity),:END_ID(Entity),:TYPE,predicate,class,negated:boolean,\
                 hedged:boolean,evidence_count:int,sentence\n\
                 {a},{b},LEADS,lead,Leads,false,true,1,Line one line two.\n"
            )
        );
    }

    #[test]
    fn writes_the_folder_with_both_files() {
        let directory = tempfile::tempdir().unwrap();
        let folder = directory.path().join("new").join("out");
        write_neo4j_import(&sample_graph(), &ExportOptions::default(), &folder).unwrap();
        let nodes = std::fs::read_to_string(folder.join(NODES_FILE)).unwrap();
        let relations = std::fs::read_to_string(folder.join(RELATIONS_FILE)).unwrap();
        assert_eq!(nodes.lines().count(), 3);
        assert_eq!(relations.lines().count(), 3);
        assert!(relations.contains(",CO_MENTION,co-mention,CoMention,"));
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [NODES_FILE, RELATIONS_FILE],
            "no temporary files left"
        );
    }
}
