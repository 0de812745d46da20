//! A synthetic graph, generated reproducibly from a seed, for the persistence and memory benches.

use kgraph::graph::{Entity, Evidence, KnowledgeGraph, Mention, Relation};
use kgraph::model::{EntityKind, Period, RelationClass, Span};

/// xorshift64*: a few lines, seeded, the same numbers on every machine.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// The shape of a synthetic graph.
pub struct Shape {
    pub entities: usize,
    pub relations: usize,
    pub documents: usize,
    pub document_bytes: usize,
}

/// One million relations between 100,000 entities (ten per entity, about the ratio of the real sotu
/// graph), each with one sentence of evidence, over 1,000 documents of 1 kB.
pub const MILLION: Shape = Shape {
    entities: 100_000,
    relations: 1_000_000,
    documents: 1_000,
    document_bytes: 1_000,
};

const PREDICATES: [&str; 16] = [
    "meet",
    "attack",
    "support",
    "sign",
    "fund",
    "lead",
    "join",
    "sanction",
    "arm",
    "criticise",
    "host",
    "visit",
    "accuse",
    "ally with",
    "negotiate with",
    "co-mention",
];
const RULES: [&str; 6] = [
    "verb",
    "title",
    "apposition",
    "possessive",
    "between",
    "co-mention",
];

/// A graph of `shape`, the same for the same seed: entities with a name, an alias and three mentions;
/// relations with distinct (source, target, predicate) so none merge, a quarter of them dated.
pub fn synthetic_graph(shape: &Shape, seed: u64) -> KnowledgeGraph {
    let mut random = XorShift::new(seed);
    let mut graph = KnowledgeGraph::new();
    let sentence = "The Council of Example met the Example Front in Example City on Monday. ";
    for document in 0..shape.documents {
        let text = sentence.repeat(shape.document_bytes / sentence.len() + 1);
        graph.add_document(format!("doc-{document:05}.txt"), text);
    }
    let mention = |random: &mut XorShift| {
        let start = random.below(shape.document_bytes);
        Mention {
            document: random.below(shape.documents) as u32,
            span: Span::new(start, start + 12),
        }
    };
    let ids: Vec<_> = (0..shape.entities)
        .map(|index| {
            let name = format!("Entity Number {index}");
            let mut mentions: Vec<Mention> = (0..3).map(|_| mention(&mut random)).collect();
            mentions.sort();
            graph.add_entity(Entity {
                aliases: vec![format!("EN{index}"), name.clone()],
                name,
                kind: EntityKind::ALL[index % EntityKind::ALL.len()],
                mentions,
                kind_votes: Vec::new(),
            })
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    while seen.len() < shape.relations {
        let source = random.below(shape.entities);
        let target = random.below(shape.entities);
        let predicate = random.below(PREDICATES.len());
        if source == target || !seen.insert((source, target, predicate)) {
            continue;
        }
        let start = random.below(shape.document_bytes);
        // The random draws in the order the generator has always made them, so the seed gives the
        // same graph as before.
        let negated = random.below(20) == 0;
        let hedged = random.below(20) == 0;
        let document = random.below(shape.documents) as u32;
        // A quarter of the sentences name a year, as news does.
        let time = (random.below(4) == 0).then(|| {
            let year = 1990 + random.below(35) as i32;
            Period {
                from: Some(year),
                to: Some(year),
            }
        });
        let evidence = Evidence::new(
            document,
            Span::new(start, start + 70),
            RULES[predicate % RULES.len()],
            time,
        );
        let relation = Relation::new(
            PREDICATES[predicate],
            RelationClass::ALL[predicate % RelationClass::ALL.len()],
            [evidence],
        )
        .with_negated(negated)
        .with_hedged(hedged);
        graph.add_relation(ids[source], ids[target], relation);
    }
    graph
}
