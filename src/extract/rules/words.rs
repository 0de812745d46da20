//! The word lists the rules read by: determiners, prepositions, clause breaks, control verbs.
//!
//! Each list is compared against lower-cased words ([`SentenceReader::lower`]).
//!
//! [`SentenceReader::lower`]: super::sentence_reader::SentenceReader::lower

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
];
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "to", "with", "on", "against", "from", "in", "into", "for", "by", "over", "toward",
    "towards", "at", "between", "among", "within", "across", "through", "about",
];
/// Prepositions after an action noun that introduce its target: "assassinations of", "support for".
pub(super) const NOMINAL_PREPOSITIONS: &[&str] = &[
    "of", "on", "against", "with", "for", "to", "toward", "towards",
];
/// Nouns for a country's armed men: "Russian forces against Ukraine" reads as a conflict.
pub(super) const FORCE_NOUNS: &[&str] = &[
    "forces", "troops", "army", "soldiers", "militias", "fighters", "units",
];
/// Prepositions whose object is never the subject of the verb that follows.
pub(super) const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "after",
    "before",
    "since",
    "during",
    "following",
    "despite",
    "amid",
    "until",
    "unlike",
    "to",
    "in",
    "at",
    "into",
    "toward",
    "towards",
    "against",
    "over",
    "through",
];
/// Verb forms that are markers of other rules here, not relations: "including" starts a list.
pub(super) const NOT_VERBS: &[&str] = &["including", "like", "given", "based", "according"];
/// Words that end a clause: a verb's subject does not reach past them.
pub(super) const CLAUSE_BREAKS: &[&str] = &[
    ";", "which", "who", "whose", "while", "but", "although", "whereas", "because", ":",
];
/// Modals that make a verb's statement a possibility, a wish or a condition rather than a fact:
/// "X would attack Y", "X should help Y".
pub(super) const HYPOTHETICAL_MODALS: &[&str] = &["would", "should", "could", "might", "may"];
/// Words that open a condition: "if X attacks Y, …" states no attack.
pub(super) const CONDITIONALS: &[&str] = &["if", "unless", "whether", "lest"];
/// Words of asking, proposing and wishing: what a clause after them says ("I ask the Congress to
/// approve the treaty with Y", "I recommend that X provide aid to Y") is wanted, not done.
pub(super) const REQUEST_WORDS: &[&str] = &[
    "ask",
    "asks",
    "asked",
    "asking",
    "urge",
    "urges",
    "urged",
    "urging",
    "recommend",
    "recommends",
    "recommended",
    "recommending",
    "recommendation",
    "recommendations",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "proposal",
    "proposals",
    "request",
    "requests",
    "requested",
    "requesting",
    "hope",
    "hopes",
    "hoped",
    "wish",
    "wishes",
    "want",
    "wants",
];
/// Nouns that, before "of", make what follows a possibility: "in the event of war between X and
/// Y", "the risk of conflict with Y".
pub(super) const POSSIBILITY_NOUNS: &[&str] = &[
    "event",
    "case",
    "risk",
    "danger",
    "possibility",
    "prospect",
    "threat",
    "fear",
    "likelihood",
];
/// Adverbs after which "not" limits a phrase rather than denying a clause: "not only", "not solely".
pub(super) const FOCUS_ADVERBS: &[&str] =
    &["only", "solely", "merely", "just", "simply", "exclusively"];
pub(super) const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
/// Relative pronouns: ", which VERB Y" has the mention before the comma as its subject.
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["which", "who"];
/// Words that may sit between a clause's object and a second verb of the same subject: "X met Y,
/// and then signed …", "X attacked Y and later withdrew …".
pub(super) const VERB_COORDINATION: &[&str] = &[
    ",",
    "and",
    "then",
    "also",
    "later",
    "subsequently",
    "eventually",
];
/// Stems of verbs that take an infinitive whose subject is their own ("declined to support",
/// "agreed to buy"): before such a verb the mention is the subject, not an object the infinitive
/// hangs from.
pub(super) const CONTROL_VERB_STEMS: &[&str] = &[
    "declin",
    "refus",
    "fail",
    "agree",
    "want",
    "seek",
    "sought",
    "tried",
    "tries",
    "try",
    "plan",
    "promis",
    "threat",
    "vow",
    "pledg",
    "continu",
    "began",
    "begin",
    "hope",
    "aim",
    "attempt",
    "decid",
    "offer",
    "need",
    "intend",
    "prepar",
    "wish",
    "expect",
    "vote",
    "voting",
    "manag",
    "hesitat",
    "chose",
    "choose",
    "moved",
    "moves",
    "rushed",
    "went",
    "goes",
    "used",
    "unable",
    "able",
    "ready",
    "willing",
    "reluctant",
    "eager",
    "seem",
    "appear",
];
/// Words that may sit between the members of a list: "Iran, Syria, and Russia".
pub(super) const COORDINATION: &[&str] = &[",", "and", "or", "the", "both", "as", "well", "(", ")"];
/// The compass points, lower case: "south of X" names a place, and alone ("the West") one names a
/// region. Mention kinds (`passes/aliases`) and the located-in rule read them.
pub(crate) const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Whether `word` is a compass point, hyphenated or not ("south-west").
pub(crate) fn is_compass_point(word: &str) -> bool {
    COMPASS_POINTS.contains(&word)
        || word
            .split_once('-')
            .is_some_and(|(a, b)| matches!(a, "north" | "south") && matches!(b, "east" | "west"))
}
