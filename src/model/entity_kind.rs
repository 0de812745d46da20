//! The kinds of entity.

use serde::{Deserialize, Serialize};

/// What sort of real-world thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Country,
    Place,
    Organization,
    ArmedGroup,
    PoliticalGroup,
    Agreement,
    Event,
}

impl EntityKind {
    pub const ALL: [EntityKind; 8] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::ArmedGroup,
        EntityKind::PoliticalGroup,
        EntityKind::Agreement,
        EntityKind::Event,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Country => "Country",
            EntityKind::Place => "Place",
            EntityKind::Organization => "Organization",
            EntityKind::ArmedGroup => "ArmedGroup",
            EntityKind::PoliticalGroup => "PoliticalGroup",
            EntityKind::Agreement => "Agreement",
            EntityKind::Event => "Event",
        }
    }

    /// Parses a kind name, ignoring case.
    pub fn parse(name: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| kind.name().eq_ignore_ascii_case(name))
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
