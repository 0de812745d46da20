//! N-Triples: the graph as RDF, one triple per line, for triple stores (Apache Jena, Oxigraph,
//! GraphDB, Blazegraph), `rapper`/`riot`, and rdflib.
//!
//! Every IRI is minted under one base (`--base-iri`, by default [`DEFAULT_BASE_IRI`]) from stable
//! keys, so the same entity has the same IRI in every export:
//!
//! ```text
//! <BASE entity/KEY>        an entity; KEY is its crate::graph::entity_key
//! <BASE kind/Person>       the class of every entity of a kind
//! <BASE relation/SLUG>     a predicate: its text, lower case, runs of other characters as "-"
//! <BASE statement/KEY>     one relation, reified; KEY is the relation's key
//! <BASE class/Cooperation> a relation class
//! <BASE vocab/NAME>        kgraph's own properties: alias, mentionCount, class, negated,
//!                          hedged, evidenceCount, sentence, rule
//! ```
//!
//! An entity is written as `rdf:type` its kind, `rdfs:label` its name, one `vocab:alias` per alias
//! and its `vocab:mentionCount`. A relation is written as a reified `rdf:Statement` (subject,
//! predicate, object) carrying its class, its negated and hedged flags, its evidence count, its
//! first evidence sentence and the rules behind it. When the text states it plainly (neither
//! negated nor hedged), the direct triple `<subject> <relation/SLUG> <object>` is written too, so a
//! simple query finds what the texts assert, and a denied relation is never asserted. Each
//! predicate IRI gets its text as `rdfs:label`. Co-mentions follow the options like any relation.
//!
//! Literals are escaped as the canonical N-Triples of RDF 1.2 has it: `\\`, `\"`, `\n`, `\r`,
//! `\t`, `\b` and `\f`, the other control characters as `\uXXXX`, everything else as itself in
//! UTF-8. The output depends only on the graph and the base.

use super::ExportOptions;
use super::keyed_graph::{KeyedEntity, KeyedGraph, KeyedRelation, rule_names};
use crate::graph::KnowledgeGraph;
use std::collections::BTreeSet;
use std::io::Write;
use std::str::FromStr;

/// The base IRI when none is given.
pub const DEFAULT_BASE_IRI: &str = "https://kgraph.example/";

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_STATEMENT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
const RDF_SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
const RDF_PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
const RDF_OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";

/// The IRI every other IRI is minted under: absolute, and ending in `/` or `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseIri(String);

/// Why a base IRI was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidBaseIri {
    #[error("the base IRI {iri:?} has no scheme: it must be absolute, like {DEFAULT_BASE_IRI:?}")]
    NotAbsolute { iri: String },
    #[error(
        "the base IRI {iri:?} holds {character:?} at character {column}, which an IRI cannot hold"
    )]
    ForbiddenCharacter {
        iri: String,
        character: char,
        /// Counted in characters from 1.
        column: usize,
    },
}

impl BaseIri {
    /// Checks `text` and returns it as a base, with `/` added when it ends in neither `/` nor `#`.
    ///
    /// # Errors
    /// When `text` does not start with a scheme (`https:`, `urn:`, ...), or holds a space, a
    /// control character or one of `<>"{}|^`\`, which N-Triples does not allow in an IRI.
    pub fn parse(text: &str) -> Result<BaseIri, InvalidBaseIri> {
        if let Some((index, character)) = text
            .chars()
            .enumerate()
            .find(|&(_, c)| c <= ' ' || "<>\"{}|^`\\".contains(c))
        {
            return Err(InvalidBaseIri::ForbiddenCharacter {
                iri: text.to_string(),
                character,
                column: index + 1,
            });
        }
        let has_scheme = text.split_once(':').is_some_and(|(scheme, _)| {
            let mut characters = scheme.chars();
            characters.next().is_some_and(|c| c.is_ascii_alphabetic())
                && characters.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        if !has_scheme {
            return Err(InvalidBaseIri::NotAbsolute {
                iri: text.to_string(),
            });
        }
        let mut base = text.to_string();
        if !base.ends_with(['/', '#']) {
            base.push('/');
        }
        Ok(BaseIri(base))
    }

    /// The base, ending in `/` or `#`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The IRI of `name` in the folder `space` under this base: `BASE` + `space/name`.
    fn mint(&self, space: &str, name: &str) -> String {
        format!("<{}{space}/{name}>", self.0)
    }
}

impl Default for BaseIri {
    fn default() -> Self {
        BaseIri(DEFAULT_BASE_IRI.to_string())
    }
}

impl FromStr for BaseIri {
    type Err = InvalidBaseIri;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        BaseIri::parse(text)
    }
}

impl std::fmt::Display for BaseIri {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Escapes `text` for the inside of an N-Triples `"..."` literal (canonical form of RDF 1.2).
pub fn escape_literal(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            '\u{8}' => escaped.push_str("\\b"),
            '\u{c}' => escaped.push_str("\\f"),
            '\u{0}'..='\u{1f}' | '\u{7f}' => {
                escaped.push_str(&format!("\\u{:04X}", u32::from(character)));
            }
            other => escaped.push(other),
        }
    }
    escaped
}

/// The last segment of a predicate's IRI: lower case, letters and digits kept (in any script),
/// every run of anything else one `-`, none at either end; `unnamed` when nothing is left.
pub fn predicate_slug(predicate: &str) -> String {
    let mut slug = String::with_capacity(predicate.len());
    let mut pending_dash = false;
    for character in predicate.chars().flat_map(char::to_lowercase) {
        if character.is_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(character);
        } else {
            pending_dash = true;
        }
    }
    if slug.is_empty() {
        slug.push_str("unnamed");
    }
    slug
}

/// A plain literal.
fn literal(text: &str) -> String {
    format!("\"{}\"", escape_literal(text))
}

/// A literal of an XML Schema datatype; `text` must need no escaping.
fn typed(text: &str, datatype: &str) -> String {
    format!("\"{text}\"^^<{datatype}>")
}

fn write_triple(
    out: &mut dyn Write,
    subject: &str,
    predicate: &str,
    object: &str,
) -> std::io::Result<()> {
    writeln!(out, "{subject} {predicate} {object} .")
}

/// The IRIs every export uses, in angle brackets: RDF's own and kgraph's vocabulary under the base.
struct Terms {
    rdf_type: String,
    rdfs_label: String,
    rdf_statement: String,
    rdf_subject: String,
    rdf_predicate: String,
    rdf_object: String,
    alias: String,
    mention_count: String,
    class: String,
    negated: String,
    hedged: String,
    evidence_count: String,
    sentence: String,
    rule: String,
}

impl Terms {
    /// The terms, with kgraph's vocabulary minted under `base`.
    fn new(base: &BaseIri) -> Terms {
        let vocabulary = |name: &str| base.mint("vocab", name);
        Terms {
            rdf_type: format!("<{RDF_TYPE}>"),
            rdfs_label: format!("<{RDFS_LABEL}>"),
            rdf_statement: format!("<{RDF_STATEMENT}>"),
            rdf_subject: format!("<{RDF_SUBJECT}>"),
            rdf_predicate: format!("<{RDF_PREDICATE}>"),
            rdf_object: format!("<{RDF_OBJECT}>"),
            alias: vocabulary("alias"),
            mention_count: vocabulary("mentionCount"),
            class: vocabulary("class"),
            negated: vocabulary("negated"),
            hedged: vocabulary("hedged"),
            evidence_count: vocabulary("evidenceCount"),
            sentence: vocabulary("sentence"),
            rule: vocabulary("rule"),
        }
    }
}

/// Writes the graph as N-Triples with IRIs minted under `base`.
///
/// Co-mention relations are written only when `options.include_comentions` is set. The same graph
/// and base always give the same bytes.
pub fn write_ntriples(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    base: &BaseIri,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let keyed = KeyedGraph::new(graph, options)?;
    // One write per triple: buffer them rather than hit an unbuffered file for each.
    let mut out = std::io::BufWriter::new(out);
    let terms = Terms::new(base);
    for node in &keyed.entities {
        write_entity(&mut out, base, &terms, node)?;
    }
    let mut predicates: BTreeSet<(String, &str)> = BTreeSet::new();
    for edge in &keyed.relations {
        let slug = write_relation(&mut out, base, &terms, edge)?;
        predicates.insert((slug, edge.relation.predicate()));
    }
    for (slug, text) in &predicates {
        write_triple(
            &mut out,
            &base.mint("relation", slug),
            &terms.rdfs_label,
            &literal(text),
        )?;
    }
    out.flush()
}

/// Writes an entity: its kind, its name, its aliases and its mention count.
fn write_entity(
    out: &mut dyn Write,
    base: &BaseIri,
    terms: &Terms,
    node: &KeyedEntity<'_>,
) -> std::io::Result<()> {
    let entity = node.entity;
    let subject = base.mint("entity", &node.key);
    write_triple(
        out,
        &subject,
        &terms.rdf_type,
        &base.mint("kind", entity.kind.name()),
    )?;
    write_triple(out, &subject, &terms.rdfs_label, &literal(&entity.name))?;
    for name in &entity.aliases {
        write_triple(out, &subject, &terms.alias, &literal(name))?;
    }
    write_triple(
        out,
        &subject,
        &terms.mention_count,
        &typed(&entity.mentions.len().to_string(), XSD_INTEGER),
    )
}

/// Writes a relation: the direct triple when the text states it plainly, then the reified
/// statement with its class, flags, evidence count, first sentence and rules. Returns the
/// predicate's slug.
fn write_relation(
    out: &mut dyn Write,
    base: &BaseIri,
    terms: &Terms,
    edge: &KeyedRelation<'_>,
) -> std::io::Result<String> {
    let relation = edge.relation;
    let slug = predicate_slug(relation.predicate());
    let subject = base.mint("entity", &edge.source);
    let object = base.mint("entity", &edge.target);
    let predicate = base.mint("relation", &slug);
    if !relation.negated && !relation.hedged {
        write_triple(out, &subject, &predicate, &object)?;
    }
    let boolean = |value: bool| typed(if value { "true" } else { "false" }, XSD_BOOLEAN);
    let statement = base.mint("statement", &edge.key);
    write_triple(out, &statement, &terms.rdf_type, &terms.rdf_statement)?;
    write_triple(out, &statement, &terms.rdf_subject, &subject)?;
    write_triple(out, &statement, &terms.rdf_predicate, &predicate)?;
    write_triple(out, &statement, &terms.rdf_object, &object)?;
    write_triple(
        out,
        &statement,
        &terms.class,
        &base.mint("class", relation.class.name()),
    )?;
    write_triple(out, &statement, &terms.negated, &boolean(relation.negated))?;
    write_triple(out, &statement, &terms.hedged, &boolean(relation.hedged))?;
    write_triple(
        out,
        &statement,
        &terms.evidence_count,
        &typed(&relation.evidence().len().to_string(), XSD_INTEGER),
    )?;
    if !edge.sentence.is_empty() {
        write_triple(out, &statement, &terms.sentence, &literal(edge.sentence))?;
    }
    for name in rule_names(relation) {
        write_triple(out, &statement, &terms.rule, &literal(name))?;
    }
    Ok(slug)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::graph::{Entity, Evidence, Relation};
    use crate::model::{EntityKind, RelationClass, Span, entity_key};

    #[test]
    fn escape_literal_table() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            (r#"say "hi""#, r#"say \"hi\""#),
            (r"back\slash", r"back\\slash"),
            ("two\nlines", r"two\nlines"),
            ("windows\r\n", r"windows\r\n"),
            ("tab\t", r"tab\t"),
            ("\u{8}\u{c}", r"\b\f"),
            ("nul\u{0}", r"nul\u0000"),
            ("esc\u{1b}del\u{7f}", r"esc\u001Bdel\u007F"),
            ("Ḥizb al-Daʿwa 𝔘 <>", "Ḥizb al-Daʿwa 𝔘 <>"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_literal(input), expected, "escaping {input:?}");
        }
    }

    #[test]
    fn predicate_slug_table() {
        let cases = [
            ("back", "back"),
            ("impose sanctions on", "impose-sanctions-on"),
            ("co-mention", "co-mention"),
            ("  Receive  funds -- from ", "receive-funds-from"),
            ("meet (with) <x>", "meet-with-x"),
            ("يدعم", "يدعم"),
            ("ÉLIRE", "élire"),
            ("", "unnamed"),
            ("--", "unnamed"),
        ];
        for (input, expected) in cases {
            assert_eq!(predicate_slug(input), expected, "slug of {input:?}");
        }
    }

    #[test]
    fn base_iri_table() {
        let accepted = [
            ("https://kgraph.example/", "https://kgraph.example/"),
            ("https://example.org/kg", "https://example.org/kg/"),
            ("http://example.org/kg#", "http://example.org/kg#"),
            ("urn:kgraph:", "urn:kgraph:/"),
            ("tag:x.org,2026:", "tag:x.org,2026:/"),
        ];
        for (input, expected) in accepted {
            assert_eq!(BaseIri::parse(input).unwrap().as_str(), expected);
        }
        let refused = [
            (
                "kgraph.example/",
                "the base IRI \"kgraph.example/\" has no scheme: it must be absolute, like \
                 \"https://kgraph.example/\"",
            ),
            (
                "",
                "the base IRI \"\" has no scheme: it must be absolute, like \
                 \"https://kgraph.example/\"",
            ),
            (
                "1http://x/",
                "the base IRI \"1http://x/\" has no scheme: it must be absolute, like \
                 \"https://kgraph.example/\"",
            ),
            (
                "https://x.org/a b/",
                "the base IRI \"https://x.org/a b/\" holds ' ' at character 16, which an IRI \
                 cannot hold",
            ),
            (
                "https://x.org/<a>",
                "the base IRI \"https://x.org/<a>\" holds '<' at character 15, which an IRI \
                 cannot hold",
            ),
        ];
        for (input, message) in refused {
            assert_eq!(BaseIri::parse(input).unwrap_err().to_string(), message);
        }
    }

    fn sample_graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        graph.add_document("d.txt".into(), "He said \"no\".\nReally.".into());
        let a = graph.add_entity(Entity {
            name: "A \"Q\"".into(),
            kind: EntityKind::Person,
            aliases: vec!["A \"Q\"".into(), "Q".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        let b = graph.add_entity(Entity {
            name: "B".into(),
            kind: EntityKind::Country,
            aliases: vec!["B".into()],
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        for (predicate, class, negated) in [
            ("attack", RelationClass::Conflict, true),
            ("visit", RelationClass::Other, false),
            ("co-mention", RelationClass::CoMention, false),
        ] {
            graph.add_relation(
                a,
                b,
                Relation::new(
                    predicate,
                    class,
                    [Evidence::new(0, Span::new(0, 21), "r", None)],
                )
                .with_negated(negated),
            );
        }
        graph
    }

    fn export(include_comentions: bool, base: &str) -> String {
        let mut out = Vec::new();
        write_ntriples(
            &sample_graph(),
            &ExportOptions { include_comentions },
            &BaseIri::parse(base).unwrap(),
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_entities_statements_and_plain_assertions() {
        let nt = export(false, "http://x.org/kg");
        let a = entity_key("A \"Q\"", EntityKind::Person);
        let b = entity_key("B", EntityKind::Country);
        for line in [
            format!("<http://x.org/kg/entity/{a}> <{RDF_TYPE}> <http://x.org/kg/kind/Person> ."),
            format!("<http://x.org/kg/entity/{a}> <{RDFS_LABEL}> \"A \\\"Q\\\"\" ."),
            format!("<http://x.org/kg/entity/{a}> <http://x.org/kg/vocab/alias> \"Q\" ."),
            format!(
                "<http://x.org/kg/entity/{b}> <http://x.org/kg/vocab/mentionCount> \
                 \"0\"^^<{XSD_INTEGER}> ."
            ),
            format!(
                "<http://x.org/kg/entity/{a}> <http://x.org/kg/relation/visit> \
                 <http://x.org/kg/entity/{b}> ."
            ),
            format!("<http://x.org/kg/relation/attack> <{RDFS_LABEL}> \"attack\" ."),
        ] {
            assert!(nt.lines().any(|l| l == line), "missing {line:?} in\n{nt}");
        }
        assert!(
            !nt.contains(&format!(
                "<http://x.org/kg/entity/{a}> <http://x.org/kg/relation/attack>"
            )),
            "a denied relation is not asserted:\n{nt}"
        );
        assert!(nt.contains("\"He said \\\"no\\\".\\nReally.\" ."), "{nt}");
        assert_eq!(nt.matches(&format!("<{RDF_STATEMENT}>")).count(), 2);
        assert!(!nt.contains("co-mention"));
        assert!(nt.lines().all(|l| l.ends_with(" .")));
    }

    #[test]
    fn comentions_follow_the_options() {
        let nt = export(true, DEFAULT_BASE_IRI);
        assert_eq!(nt.matches(&format!("<{RDF_STATEMENT}>")).count(), 3);
        assert!(nt.contains("<https://kgraph.example/class/CoMention> ."));
    }
}
