//! `WalkDirection`: which way relations are followed, the graph's own word for what petgraph calls a
//! `Direction`, so that no petgraph type leaves the graph stage.

/// Which way relations may be followed. A relation points from its subject to its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum WalkDirection {
    /// From subject to object only (`Iraq -[sign]-> agreement`).
    Outgoing,
    /// From object to subject only.
    Incoming,
    /// Either way: the graph is read as undirected.
    #[default]
    Both,
}

impl WalkDirection {
    /// The direction that walks the same relations backwards.
    pub fn reversed(self) -> WalkDirection {
        match self {
            WalkDirection::Outgoing => WalkDirection::Incoming,
            WalkDirection::Incoming => WalkDirection::Outgoing,
            WalkDirection::Both => WalkDirection::Both,
        }
    }

    /// The lower-case word the query language uses for it.
    pub fn name(self) -> &'static str {
        match self {
            WalkDirection::Outgoing => "out",
            WalkDirection::Incoming => "in",
            WalkDirection::Both => "both",
        }
    }
}
