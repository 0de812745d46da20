//! What many integration tests share: running the real `kg` binary and reading what it printed.
#![allow(clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `kg` with `args` in `dir`.
pub fn kg(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("kg runs")
}

/// What `output` printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What `output` printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A graph of `relations` relations among `entities` entities (Organizations "Entity 0", …), each with
/// one piece of evidence and one of `predicates` predicates, saved at `path` in the format its name says.
pub fn saved_graph(path: &Path, entities: usize, relations: usize, predicates: usize) {
    use kgraph::graph::{Entity, Evidence, KnowledgeGraph, Relation, save_graph};
    use kgraph::model::{EntityKind, RelationClass, Span};
    let mut graph = KnowledgeGraph::new();
    let document = graph.add_document("a.txt".into(), "Somewhere met elsewhere.".into());
    let ids: Vec<_> = (0..entities)
        .map(|i| {
            graph.add_entity(Entity {
                name: format!("Entity {i}"),
                kind: EntityKind::Organization,
                kind_votes: Vec::new(),
                aliases: Vec::new(),
                mentions: Vec::new(),
            })
        })
        .collect();
    for i in 0..relations {
        let relation = Relation::new(
            &format!("meet {}", i % predicates),
            RelationClass::Cooperation,
            [Evidence::new(document, Span::new(0, 9), "verb", None)],
        );
        graph.add_relation(ids[i % entities], ids[(i * 7 + 1) % entities], relation);
    }
    save_graph(&graph, path).expect("the graph saves");
}
