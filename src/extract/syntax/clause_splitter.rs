//! The clause splitter: a sentence's chunks read into clauses ([`Clause`]) with their subject,
//! verb group and object, in one pass left to right over the chunks and the words between them.
//!
//! Where a clause starts:
//! - a subordinating word ("because", "that", "when"), or a preposition of time ("after", "before",
//!   "since", "until") whose noun phrase a verb group follows: a subordinate clause, or a reported
//!   one after a reporting verb ("Peru said that …");
//! - a reporting verb's noun phrase followed by a verb group: "Peru said Chile attacked Bolivia";
//! - a quotation: what it quotes is reported by the clause around it;
//! - a relative word ("which", "who", relative "that"), or a bare participle right after a noun
//!   phrase ("the coalition led by Kenya"): a relative clause whose antecedent is that phrase;
//! - a gerund or bare participle at the start of the sentence or after a comma: a participial
//!   clause ("Armed by Peru, …", "…, killing three soldiers");
//! - "and", "but", "or" followed by a verb group, or by a noun phrase and a verb group: a
//!   coordinate clause (sharing its subject when the verb group comes first);
//! - a semicolon, colon or dash: a coordinate clause.
//!
//! Where a clause ends: where its parent ends; a relative clause opened after a comma, or a
//! subordinate or participial clause that opened its sentence, at the first comma after its verb;
//! a relative clause without commas, at the next verb group (which is its parent's); a quotation
//! at its closing mark.
//!
//! Slots: the verb is the clause's first verb group; the subject the last noun phrase of the clause
//! before its verb, or failing that the antecedent (relative), the shared subject (coordinate) or
//! the parent's (participial); the object the noun phrase right after the verb, or failing that the
//! first prepositional phrase after it that is not a passive's "by" agent.

use super::chunk::{Chunk, ChunkKind};
use super::clause::{Clause, ClauseKind};
use super::word_class::WordClass;

/// Lemmas of verbs that report speech or thought: the clause after them is what they report.
const REPORTING_VERBS: &[&str] = &[
    "say",
    "tell",
    "state",
    "announce",
    "claim",
    "report",
    "warn",
    "insist",
    "deny",
    "add",
    "argue",
    "note",
    "declare",
    "believe",
    "think",
    "allege",
    "confirm",
    "suggest",
    "acknowledge",
    "write",
    "explain",
    "assert",
    "stress",
    "reply",
];

/// Prepositions that introduce a clause when a verb group follows their noun phrase ("after Chile
/// withdrew").
const TIME_PREPOSITIONS: &[&str] = &["after", "before", "since", "until", "as"];

/// One step of the pass: a chunk, or a word outside every chunk.
#[derive(Debug, Clone, Copy)]
enum Item {
    Chunk(usize),
    Word(usize),
}

/// A clause being read: its [`Clause`] and how it may end.
#[derive(Debug, Clone, Copy)]
struct Open {
    index: usize,
    /// It ends at the first comma after its verb.
    ends_at_comma: bool,
    /// It ends at the next verb group (a relative clause without commas).
    ends_at_verb: bool,
    /// A quotation: it ends at its closing mark.
    quoted: bool,
}

/// Splits a sentence into clauses, given each token's class, each token's lemma and the chunks.
pub struct ClauseSplitter<'s, 'l, L: Fn(usize) -> &'l str> {
    classes: &'s [WordClass],
    lemma: L,
    chunks: &'s [Chunk],
}

impl<'s, 'l, L: Fn(usize) -> &'l str> ClauseSplitter<'s, 'l, L> {
    /// A splitter of the sentence with these classes, lemmas (by token index) and chunks.
    pub fn new(classes: &'s [WordClass], lemma: L, chunks: &'s [Chunk]) -> Self {
        ClauseSplitter {
            classes,
            lemma,
            chunks,
        }
    }

    /// The clauses, into `clauses` (cleared first), in the order they start; `innermost` gets each
    /// token's innermost clause.
    pub fn split(&self, clauses: &mut Vec<Clause>, innermost: &mut Vec<usize>) {
        clauses.clear();
        innermost.clear();
        let length = self.classes.len();
        if length == 0 {
            return;
        }
        let items = self.items();
        clauses.push(Clause::new(ClauseKind::Main, 0, length, None));
        let mut open = vec![Open {
            index: 0,
            ends_at_comma: false,
            ends_at_verb: false,
            quoted: false,
        }];
        for (position, &item) in items.iter().enumerate() {
            match item {
                Item::Word(index) => self.read_word(index, position, &items, clauses, &mut open),
                Item::Chunk(chunk) => self.read_chunk(chunk, position, &items, clauses, &mut open),
            }
        }
        for still in open.drain(..) {
            clauses[still.index].end = clauses[still.index].end.min(length);
        }
        innermost.resize(length, 0);
        for (index, clause) in clauses.iter().enumerate() {
            for slot in &mut innermost[clause.start..clause.end.min(length)] {
                *slot = index;
            }
        }
        self.fill_slots(clauses, innermost);
    }

    /// The chunks and the words outside them, in order.
    fn items(&self) -> Vec<Item> {
        let mut items = Vec::with_capacity(self.classes.len());
        let mut next_chunk = 0;
        let mut index = 0;
        while index < self.classes.len() {
            match self.chunks.get(next_chunk) {
                Some(chunk) if chunk.start == index => {
                    items.push(Item::Chunk(next_chunk));
                    index = chunk.end.max(index + 1);
                    next_chunk += 1;
                }
                _ => {
                    items.push(Item::Word(index));
                    index += 1;
                }
            }
        }
        items
    }

    /// The first token of `item`.
    fn start_of(&self, item: Item) -> usize {
        match item {
            Item::Chunk(chunk) => self.chunks[chunk].start,
            Item::Word(index) => index,
        }
    }

    /// The chunk `item` is, if it is one of a kind `wanted` accepts.
    fn chunk_where(&self, item: Option<&Item>, wanted: impl Fn(&Chunk) -> bool) -> Option<usize> {
        match item {
            Some(&Item::Chunk(chunk)) if wanted(&self.chunks[chunk]) => Some(chunk),
            _ => None,
        }
    }

    /// Whether chunk `chunk` is a verb group whose head is a reporting verb.
    fn is_reporting(&self, chunk: Option<usize>) -> bool {
        chunk.is_some_and(|chunk| {
            let head = self.chunks[chunk].head;
            self.chunks[chunk].verb_group().is_some()
                && REPORTING_VERBS.contains(&(self.lemma)(head))
        })
    }

    /// Opens a clause of `kind` at token `start` inside the innermost open clause.
    fn open_clause(
        &self,
        kind: ClauseKind,
        start: usize,
        clauses: &mut Vec<Clause>,
        open: &mut Vec<Open>,
    ) -> usize {
        let parent = open.last().map(|o| o.index);
        let end = parent.map_or(self.classes.len(), |p| clauses[p].end);
        clauses.push(Clause::new(kind, start, end, parent));
        let index = clauses.len() - 1;
        open.push(Open {
            index,
            ends_at_comma: false,
            ends_at_verb: false,
            quoted: false,
        });
        index
    }

    /// Closes the innermost open clause at token `end` (the main clause stays open).
    fn close_clause(&self, end: usize, clauses: &mut [Clause], open: &mut Vec<Open>) {
        if open.len() > 1
            && let Some(closed) = open.pop()
        {
            clauses[closed.index].end = end.max(clauses[closed.index].start);
        }
    }

    /// A word outside every chunk: a clause may start or end at it.
    fn read_word(
        &self,
        index: usize,
        position: usize,
        items: &[Item],
        clauses: &mut Vec<Clause>,
        open: &mut Vec<Open>,
    ) {
        let Some(&current) = open.last() else {
            return;
        };
        let next = items.get(position + 1);
        match self.classes[index] {
            WordClass::Subordinator => {
                let lemma = (self.lemma)(index);
                let reports = matches!(lemma, "that" | "whether" | "if")
                    && self.is_reporting(clauses[current.index].verb);
                let kind = if reports {
                    ClauseKind::Reported
                } else {
                    ClauseKind::Subordinate
                };
                let opened_first = clauses[current.index].verb.is_none();
                self.open_clause(kind, index, clauses, open);
                if let Some(top) = open.last_mut() {
                    top.ends_at_comma = opened_first;
                }
            }
            WordClass::Relative => {
                let after_comma = position.checked_sub(1).is_some_and(
                    |p| matches!(items[p], Item::Word(w) if self.classes[w] == WordClass::Comma),
                );
                let before = position.checked_sub(if after_comma { 2 } else { 1 });
                let antecedent = before.and_then(|p| {
                    self.chunk_where(items.get(p), |c| !matches!(c.kind, ChunkKind::VerbGroup(_)))
                });
                let clause = self.open_clause(ClauseKind::Relative, index, clauses, open);
                clauses[clause].subject = antecedent;
                clauses[clause].subject_outside = antecedent.is_some();
                if let Some(top) = open.last_mut() {
                    top.ends_at_comma = after_comma;
                    top.ends_at_verb = !after_comma;
                }
            }
            WordClass::Conjunction => {
                // "and signed", "and Chile signed": a clause; "and Chile" alone is a list.
                let mut ahead = position + 1;
                while let Some(Item::Word(w)) = items.get(ahead)
                    && matches!(self.classes[*w], WordClass::Comma | WordClass::Adverb)
                {
                    ahead += 1;
                }
                let is_verb =
                    |item: Option<&Item>| self.chunk_where(item, |c| c.verb_group().is_some());
                let is_phrase = |item: Option<&Item>| self.chunk_where(item, Chunk::is_noun_phrase);
                // Before the clause has its verb, "Peru and Chile signed" is a list as subject; an
                // infinitive is not yet the clause's verb ("Peru's bid to mediate between Chile
                // and Bolivia is rare").
                let has_verb = clauses[current.index]
                    .verb
                    .and_then(|v| self.chunks[v].verb_group())
                    .is_some_and(|g| !g.infinitive);
                let shares_subject = has_verb && is_verb(items.get(ahead)).is_some();
                // "and Russia to fight": an infinitive takes no subject of its own.
                let is_finite = |item: Option<&Item>| {
                    self.chunk_where(item, |c| c.verb_group().is_some_and(|g| !g.infinitive))
                };
                let own_subject = has_verb
                    && is_phrase(items.get(ahead)).is_some()
                    && is_finite(items.get(ahead + 1)).is_some();
                if shares_subject || own_subject {
                    // The clause it joins ends here: close what ends before a new clause.
                    let sibling = current.index;
                    self.close_clause(index, clauses, open);
                    let clause = self.open_clause(ClauseKind::Coordinate, index, clauses, open);
                    clauses[clause].parent = Some(sibling);
                    if shares_subject {
                        clauses[clause].subject = clauses[sibling].subject;
                        clauses[clause].subject_outside = true;
                    }
                }
            }
            WordClass::Comma => {
                if (current.ends_at_comma) && clauses[current.index].verb.is_some() {
                    self.close_clause(index, clauses, open);
                }
                let participle = self.chunk_where(next, |c| {
                    c.verb_group().is_some_and(|g| g.bare_participle)
                        || self.classes[c.start] == WordClass::VerbGerund
                });
                if participle.is_some() {
                    self.open_clause(ClauseKind::Participial, index + 1, clauses, open);
                }
            }
            WordClass::Quote => {
                if current.quoted {
                    self.close_clause(index + 1, clauses, open);
                } else if next.is_some() {
                    self.open_clause(ClauseKind::Reported, index, clauses, open);
                    if let Some(top) = open.last_mut() {
                        top.quoted = true;
                    }
                }
            }
            WordClass::ClauseBreak => {
                while open.len() > 1 {
                    self.close_clause(index, clauses, open);
                }
                if next.is_some() {
                    let sibling = open.last().map(|o| o.index);
                    let clause = self.open_clause(ClauseKind::Coordinate, index + 1, clauses, open);
                    clauses[clause].parent = sibling;
                }
            }
            _ => {}
        }
    }

    /// A chunk: a verb group fills its clause's verb, or starts or ends a clause.
    fn read_chunk(
        &self,
        chunk: usize,
        position: usize,
        items: &[Item],
        clauses: &mut Vec<Clause>,
        open: &mut Vec<Open>,
    ) {
        let this = self.chunks[chunk];
        let previous = position.checked_sub(1).and_then(|p| items.get(p));
        let next = items.get(position + 1);
        if let Some(preposition) = this.preposition() {
            // "after Chile withdrew": the preposition opens a clause, its noun phrase the subject.
            let follows_verb = self
                .chunk_where(next, |c| c.verb_group().is_some_and(|g| !g.infinitive))
                .is_some();
            if follows_verb && TIME_PREPOSITIONS.contains(&(self.lemma)(preposition)) {
                let opened_first = open.last().is_some_and(|o| clauses[o.index].verb.is_none());
                let clause = self.open_clause(ClauseKind::Subordinate, this.start, clauses, open);
                clauses[clause].subject = Some(chunk);
                if let Some(top) = open.last_mut() {
                    top.ends_at_comma = opened_first;
                }
            }
            return;
        }
        let Some(group) = this.verb_group() else {
            return;
        };
        let after_phrase =
            self.chunk_where(previous, |c| !matches!(c.kind, ChunkKind::VerbGroup(_)));
        if group.bare_participle
            && let Some(antecedent) = after_phrase
            && self.chunks[antecedent].is_noun_phrase()
        {
            // "the coalition led by Kenya": a relative clause without its relative word.
            let clause = self.open_clause(ClauseKind::Relative, this.start, clauses, open);
            clauses[clause].subject = Some(antecedent);
            clauses[clause].subject_outside = true;
            clauses[clause].verb = Some(chunk);
            if let Some(top) = open.last_mut() {
                top.ends_at_verb = true;
            }
            return;
        }
        if position == 0
            && (group.bare_participle || self.classes[this.start] == WordClass::VerbGerund)
        {
            // "Armed by Peru, Chile …": a participial clause opens the sentence.
            let clause = self.open_clause(ClauseKind::Participial, this.start, clauses, open);
            clauses[clause].verb = Some(chunk);
            if let Some(top) = open.last_mut() {
                top.ends_at_comma = true;
            }
            return;
        }
        // A relative clause without commas ends at the next verb group, which is its parent's.
        while let Some(&top) = open.last()
            && top.ends_at_verb
            && clauses[top.index].verb.is_some()
        {
            self.close_clause(this.start, clauses, open);
        }
        let Some(&current) = open.last() else {
            return;
        };
        if clauses[current.index].verb.is_none() {
            clauses[current.index].verb = Some(chunk);
            return;
        }
        // "Peru said Chile attacked Bolivia": the reporting verb's noun phrase starts what it reports.
        let reporting = self.is_reporting(clauses[current.index].verb);
        if reporting
            && let Some(phrase) = after_phrase
            && self.chunks[phrase].is_noun_phrase()
            && position >= 2
            && self.chunk_where(items.get(position - 2), |c| c.verb_group().is_some())
                == clauses[current.index].verb
        {
            let start = self.start_of(items[position - 1]);
            let clause = self.open_clause(ClauseKind::Reported, start, clauses, open);
            clauses[clause].verb = Some(chunk);
        }
    }

    /// Fills each clause's subject, object, agent and negation from the chunks in it.
    fn fill_slots(&self, clauses: &mut [Clause], innermost: &[usize]) {
        for index in 0..clauses.len() {
            self.fill_clause(index, clauses, innermost);
        }
        // A clause without a subject of its own shares its parent's ("…, killing three soldiers";
        // "Armed by Peru, Chile attacked": the main clause's, which comes after).
        for index in 0..clauses.len() {
            if clauses[index].subject.is_none()
                && (matches!(
                    clauses[index].kind,
                    ClauseKind::Participial | ClauseKind::Coordinate
                ) || clauses[index]
                    .verb
                    .and_then(|v| self.chunks[v].verb_group())
                    .is_some_and(|g| g.infinitive))
                && clauses[index].verb.is_some()
            {
                let parent = clauses[index].parent.unwrap_or(0);
                clauses[index].subject = clauses.get(parent).and_then(|p| p.subject);
                clauses[index].subject_outside = clauses[index].subject.is_some();
            }
        }
    }

    /// Fills clause `index`'s slots from the chunks whose innermost clause it is.
    fn fill_clause(&self, index: usize, clauses: &mut [Clause], innermost: &[usize]) {
        let clause = clauses[index];
        let own = |chunk: &Chunk| innermost.get(chunk.start) == Some(&index);
        let Some(verb) = clause.verb else {
            return;
        };
        let verb_chunk = self.chunks[verb];
        let group = verb_chunk.verb_group().copied().unwrap_or_default();
        clauses[index].negated = group.negated;
        // The clause's own noun phrase before its verb; an infinitive has none ("since 2003 to
        // maintain": 2003 maintains nothing), and shares the subject of the clause around it.
        let own_subject = self.chunks[..verb]
            .iter()
            .rposition(|c| own(c) && c.is_noun_phrase() && c.end <= verb_chunk.start)
            .filter(|_| !group.infinitive);
        if clause.subject.is_none() {
            clauses[index].subject = own_subject;
        }
        let after = || {
            self.chunks
                .iter()
                .enumerate()
                .skip(verb + 1)
                .filter(|(_, c)| own(c) && c.verb_group().is_none())
        };
        let is_agent = |c: &Chunk| {
            (group.passive || group.bare_participle)
                && c.preposition().is_some_and(|p| (self.lemma)(p) == "by")
        };
        clauses[index].agent = after().find(|(_, c)| is_agent(c)).map(|(i, _)| i);
        let direct = after()
            .next()
            .filter(|(_, c)| c.is_noun_phrase() && c.start == verb_chunk.end)
            .map(|(i, _)| i);
        let object = direct.or_else(|| after().find(|(_, c)| !is_agent(c)).map(|(i, _)| i));
        clauses[index].object = object.or(clauses[index].object);
        // "the deal that Peru signed": the antecedent is the object, the phrase before the verb the
        // subject.
        if clause.kind == ClauseKind::Relative
            && clause.subject_outside
            && let Some(own_subject) = own_subject
        {
            clauses[index].object = clauses[index].subject;
            clauses[index].subject = Some(own_subject);
            clauses[index].subject_outside = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        render_chunks, render_clauses, structure_of, tagged_structure,
    };

    /// (sentence as `word/TAG` or `word/TAG/lemma`, its clauses)
    const CASES: &[(&str, &str)] = &[
        (
            "Peru/NNP attacked/VBD Chile/NNP ./.",
            "main: Peru | attacked | Chile",
        ),
        // Negation marks its own clause only.
        (
            "Peru/NNP did/VBD/do not/RB attack/VB Chile/NNP because/IN Chile/NNP had/VBD/have armed/VBN Bolivia/NNP",
            "main: Peru | ¬did not attack | Chile ; subordinate: Chile | had armed | Bolivia",
        ),
        (
            "Peru/NNP severed/VBD ties/NNS with/IN Chile/NNP after/IN Bolivia/NNP executed/VBD two/CD envoys/NNS",
            "main: Peru | severed | ties ; subordinate: after Bolivia | executed | two envoys",
        ),
        // A subordinate clause before the main clause ends at its comma.
        (
            "When/WRB/when Chile/NNP withdrew/VBD ,/, Peru/NNP signed/VBD the/DT accord/NN",
            "main: Peru | signed | the accord ; subordinate: Chile | withdrew | -",
        ),
        // Relative clauses take the phrase before them as subject, or as object.
        (
            "Chile/NNP struck/VBD the/DT militia/NN ,/, which/WDT had/VBD/have attacked/VBN Peru/NNP ,/, in/IN May/NNP",
            "main: Chile | struck | the militia ; relative: the militia | had attacked | Peru",
        ),
        (
            "The/DT accord/NN that/WDT Peru/NNP signed/VBD angered/VBD Chile/NNP",
            "main: The accord | angered | Chile ; relative: Peru | signed | The accord",
        ),
        (
            "The/DT coalition/NN led/VBN by/IN Peru/NNP bombed/VBD the/DT port/NN",
            "main: The coalition | bombed | the port ; relative: The coalition | led | - | by Peru",
        ),
        // Coordinated clauses: with a subject of their own, or sharing the first one's.
        (
            "Peru/NNP attacked/VBD Chile/NNP and/CC Bolivia/NNP condemned/VBD the/DT raid/NN",
            "main: Peru | attacked | Chile ; coordinate: Bolivia | condemned | the raid",
        ),
        (
            "Peru/NNP met/VBD Chile/NNP and/CC signed/VBD a/DT truce/NN with/IN Bolivia/NNP",
            "main: Peru | met | Chile ; coordinate: Peru | signed | a truce",
        ),
        // A list as subject is no coordination of clauses.
        (
            "Peru/NNP and/CC Chile/NNP signed/VBD a/DT truce/NN",
            "main: Chile | signed | a truce",
        ),
        // Reported speech, with and without "that".
        (
            "Peru/NNP said/VBD/say that/IN Chile/NNP had/VBD/have not/RB armed/VBN Bolivia/NNP",
            "main: Peru | said | - ; reported: Chile | ¬had not armed | Bolivia",
        ),
        (
            "Peru/NNP said/VBD/say Chile/NNP attacked/VBD Bolivia/NNP",
            "main: Peru | said | - ; reported: Chile | attacked | Bolivia",
        ),
        // Participial clauses share the subject of the clause around them.
        (
            "Armed/VBN/arm by/IN Peru/NNP ,/, the/DT rebels/NNS attacked/VBD Chile/NNP",
            "main: the rebels | attacked | Chile ; participial: the rebels | Armed | - | by Peru",
        ),
        (
            "Chile/NNP shelled/VBD the/DT town/NN ,/, killing/VBG three/CD soldiers/NNS",
            "main: Chile | shelled | the town ; participial: Chile | killing | three soldiers",
        ),
        // A passive's "by" phrase is its agent, not its object.
        (
            "Chile/NNP was/VBD/be invaded/VBN by/IN Peru/NNP in/IN 1880/CD",
            "main: Chile | was invaded | in 1880 | by Peru",
        ),
        // An infinitive takes the subject of the clause around it, not a phrase before it.
        (
            "Peru/NNP sought/VBD/seek since/IN 1990/CD to/TO arm/VB Chile/NNP",
            "main: Peru | sought | - ; subordinate: Peru | to arm | Chile",
        ),
        (
            "Peru/NNP armed/VBD Chile/NNP and/CC Bolivia/NNP to/TO fight/VB the/DT rebels/NNS",
            "main: Peru | armed | Chile",
        ),
        // A semicolon starts a new clause.
        (
            "Peru/NNP won/VBD ;/: Chile/NNP lost/VBD",
            "main: Peru | won | - ; coordinate: Chile | lost | -",
        ),
        ("", ""),
    ];

    #[test]
    fn splits_sentences_of_our_own() {
        for &(tagged, expected) in CASES {
            let (words, structure) = structure_of(tagged);
            let chunks = render_chunks(&words, structure.chunks());
            assert_eq!(render_clauses(&words, &structure), expected, "{chunks}");
        }
    }

    #[test]
    fn splits_what_the_tagger_tags() {
        let cases = [
            (
                "Rebels attacked the convoy that carried the aid.",
                "main: Rebels | attacked | the convoy ; relative: the convoy | carried | the aid",
            ),
            (
                "The government said it would not send troops to Somalia.",
                "main: The government | said | - ; reported: it | ¬would not send | troops",
            ),
        ];
        for (sentence, expected) in cases {
            let (words, structure) = tagged_structure(sentence);
            let chunks = render_chunks(&words, structure.chunks());
            assert_eq!(
                render_clauses(&words, &structure),
                expected,
                "{chunks} {:?}",
                structure.classes()
            );
        }
    }
}
