//! Pretty RON for a graph file, written directly: the bytes `ron` writes for [`GraphFileRef`] with three
//! levels of indentation of two spaces (`ron_config` in the tests), several times faster than `ron`, which
//! escapes a string a character at a time (for the SOTU graph, 23 MB of RON, 55 ms on two threads
//! against the crate's 390 ms). The tests compare the two on graphs with every kind of field and
//! string; a change to the model's fields must be made here too.

use super::format::{GraphFileRef, RelationRecordRef};
use crate::graph::{Entity, Evidence, StoredDocument};
use crate::model::{Period, Span};
use std::io::Write;

/// Where the run of bytes from `start` that [`char::escape_debug`] leaves as they are ends: printable
/// ASCII other than `"`, `'` and `\`. Eight bytes at a time while none of them needs a look (SWAR:
/// a byte of `x ^ c` is zero where `x` has the byte `c`; `x - 0x20` borrows where a byte is below
/// 0x20; the top bit is set from 0x80; 0x7F is compared as a byte).
fn plain_run_end(bytes: &[u8], start: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let has_byte_below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0;
    let mut at = start;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x & HIGHS != 0
            || has_byte_below(x, 0x20)
            || has_zero_byte(x ^ (ONES * 0x7F))
            || has_zero_byte(x ^ (ONES * u64::from(b'"')))
            || has_zero_byte(x ^ (ONES * u64::from(b'\'')))
            || has_zero_byte(x ^ (ONES * u64::from(b'\\')))
        {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| !matches!(b, b' '..=b'~') || matches!(b, b'"' | b'\'' | b'\\'))
        .map_or(bytes.len(), |p| at + p)
}

/// Documents, entities and relations are rendered in parallel, this many to a buffer (fewer for
/// documents, which are long), and a few buffers per thread at a time, so memory stays bounded
/// however large the graph.
const RECORDS_PER_BUFFER: usize = 256;
const BUFFERS_PER_THREAD: usize = 4;

/// A buffer of RON text being written.
#[derive(Default)]
struct Out {
    buffer: Vec<u8>,
}

impl Out {
    fn raw(&mut self, text: &str) {
        self.buffer.extend_from_slice(text.as_bytes());
    }

    fn number(&mut self, value: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = value;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.buffer.extend_from_slice(&digits[at..]);
    }

    fn signed(&mut self, value: i32) {
        if value < 0 {
            self.buffer.push(b'-');
        }
        self.number(u64::from(value.unsigned_abs()));
    }

    fn boolean(&mut self, value: bool) {
        self.raw(if value { "true" } else { "false" });
    }

    /// A string as `ron` escapes it: every character through [`char::escape_debug`], which leaves
    /// printable ASCII other than `"`, `'` and `\` as it is; runs of those are copied whole.
    fn string(&mut self, value: &str) {
        self.buffer.push(b'"');
        let bytes = value.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let run = plain_run_end(bytes, start);
            self.buffer.extend_from_slice(&bytes[start..run]);
            start = run;
            let Some(c) = value.get(start..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let mut scalar = [0u8; 4];
            for escaped in c.escape_debug() {
                self.buffer
                    .extend_from_slice(escaped.encode_utf8(&mut scalar).as_bytes());
            }
            start += c.len_utf8();
        }
        self.buffer.push(b'"');
    }

    fn span(&mut self, span: Span) {
        self.raw("(start: ");
        self.number(span.start as u64);
        self.raw(", end: ");
        self.number(span.end as u64);
        self.raw(")");
    }

    fn document(&mut self, document: &StoredDocument) {
        // The text is most of the record: room for it at once rather than by doubling, which
        // copied each document's text twice over (with an eighth more for escapes: a line break
        // is written as two bytes).
        let fields = document.name.len() + document.hash.len() + document.text.len();
        self.buffer.reserve(fields + fields / 8 + 64);
        self.raw("    (\n      name: ");
        self.string(&document.name);
        self.raw(",\n      hash: ");
        self.string(&document.hash);
        self.raw(",\n      text: ");
        self.string(&document.text);
        self.raw(",\n    ),\n");
    }

    fn entity(&mut self, entity: &Entity) {
        self.raw("    (\n      name: ");
        self.string(&entity.name);
        self.raw(",\n      kind: ");
        self.raw(entity.kind.name());
        self.raw(",\n      kind_votes: [");
        for (index, (kind, count)) in entity.kind_votes.iter().enumerate() {
            if index > 0 {
                self.raw(", ");
            }
            self.raw("(");
            self.raw(kind.name());
            self.raw(", ");
            self.number(u64::from(*count));
            self.raw(")");
        }
        self.raw("],\n      aliases: [");
        for (index, alias) in entity.aliases.iter().enumerate() {
            if index > 0 {
                self.raw(", ");
            }
            self.string(alias);
        }
        self.raw("],\n      mentions: [");
        for (index, mention) in entity.mentions.iter().enumerate() {
            if index > 0 {
                self.raw(", ");
            }
            self.raw("(document: ");
            self.number(u64::from(mention.document));
            self.raw(", span: ");
            self.span(mention.span);
            self.raw(")");
        }
        self.raw("],\n    ),\n");
    }

    fn period(&mut self, period: Period) {
        self.raw("(");
        if let Some(from) = period.from {
            self.raw("from: Some(");
            self.signed(from);
            self.raw(")");
        }
        if let Some(to) = period.to {
            if period.from.is_some() {
                self.raw(", ");
            }
            self.raw("to: Some(");
            self.signed(to);
            self.raw(")");
        }
        self.raw(")");
    }

    fn evidence(&mut self, evidence: &Evidence) {
        self.raw("(document: ");
        self.number(u64::from(evidence.document()));
        self.raw(", span: ");
        self.span(evidence.span());
        self.raw(", rule: ");
        self.string(evidence.rule());
        if let Some(period) = evidence.time() {
            self.raw(", time: Some(");
            self.period(period);
            self.raw(")");
        }
        self.raw(")");
    }

    fn relation(&mut self, record: &RelationRecordRef<'_>) {
        let relation = record.relation;
        self.raw("    (\n      source: ");
        self.number(record.source as u64);
        self.raw(",\n      target: ");
        self.number(record.target as u64);
        self.raw(",\n      relation: (predicate: ");
        self.string(relation.predicate());
        self.raw(", class: ");
        self.raw(relation.class.name());
        self.raw(", negated: ");
        self.boolean(relation.negated);
        self.raw(", hedged: ");
        self.boolean(relation.hedged);
        self.raw(", evidence: [");
        for (index, evidence) in relation.evidence().iter().enumerate() {
            if index > 0 {
                self.raw(", ");
            }
            self.evidence(evidence);
        }
        self.raw("]),\n    ),\n");
    }
}

/// Renders `records` a buffer of `per_buffer` at a time, the buffers of a window in parallel, and
/// writes them in order after `out` (which is written first). A window is written while the next
/// one is rendered, so the writing is not a step of its own.
fn write_records<T: Sync>(
    writer: &mut dyn Write,
    out: &mut Out,
    records: &[T],
    per_buffer: usize,
    render: fn(&mut Out, &T),
) -> std::io::Result<()> {
    use rayon::prelude::*;
    writer.write_all(&out.buffer)?;
    out.buffer.clear();
    let per_buffer = per_buffer.max(1);
    let render_window = move |window: &[T]| -> Vec<Out> {
        window
            .par_chunks(per_buffer)
            .map(|chunk| {
                let mut buffer = Out::default();
                for record in chunk {
                    render(&mut buffer, record);
                }
                buffer
            })
            .collect()
    };
    let window = per_buffer * BUFFERS_PER_THREAD * rayon::current_num_threads().max(1);
    let mut windows = records.chunks(window);
    let mut rendered = windows.next().map(render_window);
    while let Some(buffers) = rendered.take() {
        let next = windows.next();
        rayon::in_place_scope(|scope| {
            if let Some(next) = next {
                let slot = &mut rendered;
                scope.spawn(move |_| *slot = Some(render_window(next)));
            }
            buffers
                .iter()
                .try_for_each(|buffer| writer.write_all(&buffer.buffer))
        })?;
    }
    Ok(())
}

/// Writes `file` as pretty RON to `writer`.
pub(super) fn write(file: &GraphFileRef<'_>, writer: &mut dyn Write) -> std::io::Result<()> {
    let mut out = Out::default();
    out.raw("(\n  format_version: ");
    out.number(u64::from(file.format_version));
    if let Some(corpus) = file.part_of_corpus {
        out.raw(",\n  part_of_corpus: Some(");
        out.string(corpus);
        out.raw(")");
    }
    out.raw(",\n  documents: [");
    if !file.documents.is_empty() {
        out.raw("\n");
    }
    write_records(writer, &mut out, file.documents, 1, Out::document)?;
    out.raw(if file.documents.is_empty() {
        "],\n  entities: ["
    } else {
        "  ],\n  entities: ["
    });
    if !file.entities.is_empty() {
        out.raw("\n");
    }
    write_records(
        writer,
        &mut out,
        &file.entities,
        RECORDS_PER_BUFFER,
        |out, entity| out.entity(entity),
    )?;
    out.raw(if file.entities.is_empty() {
        "],\n  relations: ["
    } else {
        "  ],\n  relations: ["
    });
    if !file.relations.is_empty() {
        out.raw("\n");
    }
    write_records(
        writer,
        &mut out,
        &file.relations,
        RECORDS_PER_BUFFER,
        Out::relation,
    )?;
    out.raw(if file.relations.is_empty() {
        "],\n)"
    } else {
        "  ],\n)"
    });
    writer.write_all(&out.buffer)
}

#[cfg(test)]
mod tests {
    use super::super::format::to_file;
    use super::super::test_graphs::{sample, timed_sample};
    use super::*;
    use crate::graph::{Entity, KnowledgeGraph, Mention, Relation};
    use crate::model::EntityKind;

    /// How `ron` would pretty-print a graph file: what [`write`] writes by hand.
    fn ron_config() -> ron::ser::PrettyConfig {
        ron::ser::PrettyConfig::new()
            .depth_limit(3)
            .indentor("  ".to_string())
    }

    /// The bytes `ron` itself writes for a graph: what the hand-written RON must equal.
    fn ron_crate_text(graph: &KnowledgeGraph) -> Vec<u8> {
        let mut bytes = Vec::new();
        ron::Options::default()
            .to_io_writer_pretty(&mut bytes, &to_file(graph), ron_config())
            .unwrap();
        bytes
    }

    fn hand_written_text(graph: &KnowledgeGraph) -> Vec<u8> {
        let mut bytes = Vec::new();
        write(&to_file(graph), &mut bytes).unwrap();
        bytes
    }

    /// Every kind of field: all kinds and classes, empty lists, periods open at either end or both,
    /// negative years, and strings that need escaping.
    fn varied_graph(strings: &[String]) -> KnowledgeGraph {
        use crate::model::{EntityKind, RelationClass};
        let string = |i: usize| {
            strings
                .get(i % strings.len().max(1))
                .cloned()
                .unwrap_or_default()
        };
        let mut graph = KnowledgeGraph::new();
        graph.set_part_of_corpus(Some(format!("{}/3", string(0))));
        for i in 0..3 {
            graph.add_document(string(i), string(i + 1));
        }
        let ids: Vec<_> = EntityKind::ALL
            .iter()
            .enumerate()
            .map(|(i, &kind)| {
                graph.add_entity(Entity {
                    name: string(i + 2),
                    kind,
                    kind_votes: (0..i % 3)
                        .map(|j| (EntityKind::ALL[j], j as u32 * 1000 + 1))
                        .collect(),
                    aliases: (0..i % 3).map(|j| string(i + j)).collect(),
                    mentions: (0..i % 3)
                        .map(|j| Mention {
                            document: j as u32,
                            span: Span::new(i * 7 + j, usize::MAX - j),
                        })
                        .collect(),
                })
            })
            .collect();
        let classes = RelationClass::ALL;
        let periods = [
            None,
            Some(Period {
                from: None,
                to: None,
            }),
            Some(Period {
                from: Some(-44),
                to: None,
            }),
            Some(Period {
                from: None,
                to: Some(2024),
            }),
            Some(Period {
                from: Some(i32::MIN),
                to: Some(i32::MAX),
            }),
        ];
        for (i, &class) in classes.iter().enumerate() {
            let evidence = (0..i % 4)
                .map(|j| {
                    Evidence::new(
                        u32::MAX - j as u32,
                        Span::new(j, i + j),
                        &string(i + j + 5),
                        periods[(i + j) % periods.len()],
                    )
                })
                .collect::<Vec<_>>();
            graph.push_relation(
                ids[i % ids.len()],
                ids[(i * 3 + 1) % ids.len()],
                Relation::new(&string(i + 4), class, evidence)
                    .with_negated(i % 2 == 0)
                    .with_hedged(i % 3 == 0),
            );
        }
        graph
    }

    #[test]
    fn hand_written_ron_is_what_ron_writes() {
        let tricky: Vec<String> = [
            "",
            "plain words",
            "quotes \" and ' and \\ and r#\"raw\"#",
            "tab\tnew line\ncarriage\rnul\0bell\u{7}del\u{7f}",
            "Iraq’s “quoted” \u{a0}non-breaking\u{2028}line\u{200b}zero\u{200f}rtl",
            "\u{301}combining first, e\u{301} then, \u{1F600} emoji, \u{FEFF} bom, \u{E000} private",
            "中文 العربية Ελληνικά \u{10FFFF}\u{D7FF}",
            "##\"#",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let graphs = [
            KnowledgeGraph::new(),
            sample(),
            timed_sample(),
            varied_graph(&tricky),
            varied_graph(&tricky[3..]),
        ];
        for graph in &graphs {
            let expected = ron_crate_text(graph);
            assert_eq!(
                String::from_utf8_lossy(&hand_written_text(graph)),
                String::from_utf8_lossy(&expected)
            );
        }
        // Only documents, only entities.
        let mut documents_only = KnowledgeGraph::new();
        documents_only.add_document("a".into(), "b".into());
        let mut entities_only = KnowledgeGraph::new();
        entities_only.add_entity(Entity {
            name: "X".into(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            mentions: Vec::new(),
            kind_votes: Vec::new(),
        });
        for graph in [documents_only, entities_only] {
            assert_eq!(hand_written_text(&graph), ron_crate_text(&graph));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn hand_written_ron_escapes_any_string_as_ron_does(
            strings in proptest::collection::vec(proptest::prelude::any::<String>(), 1..6),
            mostly_plain in proptest::collection::vec("[ -~\t\n\u{7f}\u{80}é\"'\\\\]{0,40}", 1..6),
        ) {
            for strings in [&strings, &mostly_plain] {
                let graph = varied_graph(strings);
                proptest::prop_assert_eq!(hand_written_text(&graph), ron_crate_text(&graph));
            }
        }
    }
}
