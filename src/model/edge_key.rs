//! `EdgeKey`: what makes two relations one edge of the graph.
//!
//! Two relations between the same two entities, in the same direction, with the same predicate, class
//! and flags (negated, hedged) are one edge whose evidence is both their sentences. A build groups its
//! relations by this key, loading a file finds repeated records by it, and a merge of shards joins
//! their edges by it: one definition for all three.

use super::relation_class::RelationClass;
use crate::model::Symbol;

/// What a relation says, apart from who it links and which sentences say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Statement {
    /// The normalised verb phrase, interned: "impose sanctions on".
    pub predicate: Symbol,
    pub class: RelationClass,
    /// The text denies the relation.
    pub negated: bool,
    /// The text hedges the relation.
    pub hedged: bool,
}

/// The key two relations are one edge under: their ends (indices into whatever numbers the entities
/// at hand: an extraction, a file, a merge) and their [`Statement`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdgeKey {
    pub source: usize,
    pub target: usize,
    pub statement: Statement,
}

impl EdgeKey {
    /// The key of a relation from `source` to `target` saying `statement`.
    pub fn new(source: usize, target: usize, statement: Statement) -> EdgeKey {
        EdgeKey {
            source,
            target,
            statement,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_the_key_tells_edges_apart() {
        let statement = Statement {
            predicate: Symbol::intern("back"),
            class: RelationClass::Cooperation,
            negated: false,
            hedged: false,
        };
        let key = EdgeKey::new(1, 2, statement);
        let others = [
            EdgeKey::new(2, 1, statement),
            EdgeKey::new(1, 3, statement),
            EdgeKey::new(
                1,
                2,
                Statement {
                    predicate: Symbol::intern("fund"),
                    ..statement
                },
            ),
            EdgeKey::new(
                1,
                2,
                Statement {
                    class: RelationClass::Other,
                    ..statement
                },
            ),
            EdgeKey::new(
                1,
                2,
                Statement {
                    negated: true,
                    ..statement
                },
            ),
            EdgeKey::new(
                1,
                2,
                Statement {
                    hedged: true,
                    ..statement
                },
            ),
        ];
        for other in others {
            assert_ne!(key, other);
        }
        assert_eq!(
            key,
            EdgeKey::new(
                1,
                2,
                Statement {
                    predicate: Symbol::intern("back"),
                    ..statement
                }
            )
        );
    }
}
