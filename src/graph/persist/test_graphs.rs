//! Small graphs the persistence tests save and load.

use crate::graph::{Entity, Evidence, KnowledgeGraph, Mention, Relation};
use crate::model::{EntityKind, Period, RelationClass, Span};

/// Two countries and a meeting, stated by one sentence.
pub(super) fn sample() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let document = graph.add_document("a.txt".into(), "Qatar met Iran.".into());
    let qatar = graph.add_entity(Entity {
        name: "Qatar".into(),
        kind: EntityKind::Country,
        aliases: vec!["Qatar".into()],
        mentions: vec![Mention {
            document,
            span: Span::new(0, 5),
        }],
        kind_votes: Vec::new(),
    });
    let iran = graph.add_entity(Entity {
        name: "Iran".into(),
        kind: EntityKind::Country,
        aliases: vec!["Iran".into()],
        mentions: vec![Mention {
            document,
            span: Span::new(10, 14),
        }],
        kind_votes: Vec::new(),
    });
    graph.add_relation(
        qatar,
        iran,
        Relation::new(
            "meet",
            RelationClass::Cooperation,
            [Evidence::new(document, Span::new(0, 15), "verb", None)],
        ),
    );
    graph
}

/// The sample with a relation whose evidence has periods, full, partial and none: fields the RON
/// file leaves out when empty.
pub(super) fn timed_sample() -> KnowledgeGraph {
    let mut graph = sample();
    let ids: Vec<_> = graph.entities().map(|(id, _)| id).collect();
    let evidence =
        |start: usize, time: Option<Period>| Evidence::new(0, Span::new(start, 15), "verb", time);
    graph.add_relation(
        ids[1],
        ids[0],
        Relation::new(
            "meet",
            RelationClass::Cooperation,
            [
                evidence(0, None),
                evidence(
                    1,
                    Some(Period {
                        from: Some(2019),
                        to: None,
                    }),
                ),
                evidence(
                    2,
                    Some(Period {
                        from: Some(2003),
                        to: Some(2011),
                    }),
                ),
                evidence(
                    3,
                    Some(Period {
                        from: None,
                        to: Some(1991),
                    }),
                ),
            ],
        )
        .with_negated(true)
        .with_hedged(true),
    );
    graph
}
