//! The classes of relation.

use serde::{Deserialize, Serialize};

/// What sort of link a relation is. `CoMention` is not an asserted relation: two entities shared a
/// sentence and no rule said how they are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RelationClass {
    Cooperation,
    Conflict,
    PartOf,
    Leads,
    Other,
    CoMention,
}

impl RelationClass {
    pub const ALL: [RelationClass; 6] = [
        RelationClass::Cooperation,
        RelationClass::Conflict,
        RelationClass::PartOf,
        RelationClass::Leads,
        RelationClass::Other,
        RelationClass::CoMention,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RelationClass::Cooperation => "Cooperation",
            RelationClass::Conflict => "Conflict",
            RelationClass::PartOf => "PartOf",
            RelationClass::Leads => "Leads",
            RelationClass::Other => "Other",
            RelationClass::CoMention => "CoMention",
        }
    }

    /// Parses a class name, ignoring case.
    pub fn parse(name: &str) -> Option<RelationClass> {
        RelationClass::ALL
            .into_iter()
            .find(|class| class.name().eq_ignore_ascii_case(name))
    }

    /// True for every class but `CoMention`.
    pub fn is_asserted(self) -> bool {
        self != RelationClass::CoMention
    }
}

impl std::fmt::Display for RelationClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
