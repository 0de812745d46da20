//! `Clause`: a clause the clause splitter found, as a span of tokens nested in its parent's, with
//! its subject, verb group and object as chunk indices.

/// What kind of clause a [`Clause`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// The sentence's own clause.
    Main,
    /// A clause coordinated with the one before it: "… and Chile signed a truce".
    Coordinate,
    /// A clause a subordinating word introduces: "because Peru attacked Chile", "after Chile
    /// withdrew".
    Subordinate,
    /// A relative clause, its subject or object the noun phrase it follows (the antecedent):
    /// "which attacked Chile", "that Peru signed", "led by Peru".
    Relative,
    /// A participial clause: "Armed by Peru, …", "…, killing three soldiers".
    Participial,
    /// What a reporting verb reports: "Peru said (that) Chile attacked", "“…,” Peru said".
    Reported,
}

impl ClauseKind {
    /// The kind as the tests and debugging output write it.
    pub fn as_str(self) -> &'static str {
        match self {
            ClauseKind::Main => "main",
            ClauseKind::Coordinate => "coordinate",
            ClauseKind::Subordinate => "subordinate",
            ClauseKind::Relative => "relative",
            ClauseKind::Participial => "participial",
            ClauseKind::Reported => "reported",
        }
    }
}

/// A clause: tokens `start..end` (its embedded clauses' tokens included) and its slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub start: usize,
    pub end: usize,
    /// The clause it is embedded in or coordinated with (none for the main clause).
    pub parent: Option<usize>,
    /// The chunk (a noun phrase) that is the clause's subject: its own, or the antecedent of a
    /// relative clause, or the subject it shares with the clause it is coordinated with.
    pub subject: Option<usize>,
    /// The subject is another clause's (shared, or the antecedent), not a phrase of this clause.
    pub subject_outside: bool,
    /// The clause's verb group (a chunk index).
    pub verb: Option<usize>,
    /// The noun phrase right after the verb group, or failing that the first prepositional phrase
    /// after it (a chunk index).
    pub object: Option<usize>,
    /// A passive clause's agent: the "by" phrase after the verb group (a chunk index).
    pub agent: Option<usize>,
    /// The clause's verb group is negated: what the clause says is denied.
    pub negated: bool,
}

impl Clause {
    /// A clause of `kind` over `start..end`, its slots empty.
    pub(crate) fn new(kind: ClauseKind, start: usize, end: usize, parent: Option<usize>) -> Clause {
        Clause {
            kind,
            start,
            end,
            parent,
            subject: None,
            subject_outside: false,
            verb: None,
            object: None,
            agent: None,
            negated: false,
        }
    }

    /// Whether token `index` is in the clause (or one embedded in it).
    pub fn contains(&self, index: usize) -> bool {
        (self.start..self.end).contains(&index)
    }
}
