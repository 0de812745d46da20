//! What the syntactic layer's tests share: sentences written as `word/TAG/lemma`, and the chunks
//! and clauses drawn as text.

use super::chunk::{Chunk, ChunkKind};
use super::sentence_structure::SentenceStructure;
use super::tagged_sentence::TaggedSentence;
use super::{Tag, WordClass};
use crate::model::Span;
use crate::text::tokenize;

/// The words and classes of a sentence written as `word/TAG` or `word/TAG/lemma` (the lemma is the
/// word in lower case when not given), separated by spaces.
pub(crate) fn classes_of(tagged: &str) -> (Vec<String>, Vec<WordClass>) {
    let (words, lemmas, classes) = read_tagged(tagged);
    drop(lemmas);
    (words, classes)
}

/// The words, lemmas and classes of a sentence written as in [`classes_of`].
fn read_tagged(tagged: &str) -> (Vec<String>, Vec<String>, Vec<WordClass>) {
    let mut words = Vec::new();
    let mut lemmas = Vec::new();
    let mut classes = Vec::new();
    for item in tagged.split_whitespace() {
        // A word may itself be "/" or contain one: the tag is the first field after the word that
        // reads as a tag.
        let fields: Vec<&str> = item.split('/').collect();
        let at = (1..fields.len())
            .find(|&i| Tag::from_name(fields[i]).is_some())
            .unwrap_or_else(|| panic!("{item} has a tag"));
        let word = fields[..at].join("/");
        let tag = Tag::from_name(fields[at]).unwrap_or_else(|| panic!("{item}"));
        let lemma = fields
            .get(at + 1)
            .map_or_else(|| word.to_lowercase(), |l| (*l).to_string());
        classes.push(WordClass::of(tag, &lemma));
        words.push(word);
        lemmas.push(lemma);
    }
    (words, lemmas, classes)
}

/// The words and structure of a sentence written as in [`classes_of`].
pub(crate) fn structure_of(tagged: &str) -> (Vec<String>, SentenceStructure) {
    let (words, lemmas, classes) = read_tagged(tagged);
    (words, SentenceStructure::from_classes(classes, &lemmas))
}

/// The words and structure of a sentence as the shipped tagger tags it.
pub(crate) fn tagged_structure(sentence: &str) -> (Vec<String>, SentenceStructure) {
    let tokens = tokenize(sentence, Span::new(0, sentence.len()));
    let mut tagged = TaggedSentence::default();
    assert!(
        tagged.tag_with_shipped(sentence, &tokens, &[]),
        "the model loads"
    );
    let mut structure = SentenceStructure::default();
    structure.read(&tagged);
    let words = tokens
        .iter()
        .map(|t| t.text(sentence).to_string())
        .collect();
    (words, structure)
}

/// The words of tokens `start..end`, joined by spaces.
fn words_of(words: &[String], start: usize, end: usize) -> String {
    words.get(start..end).unwrap_or_default().join(" ")
}

/// The chunk's label: `NP`, `PP`, or `VG` with what the group says (`VG-neg-modal-passive-bare-to`).
fn label(chunk: &Chunk) -> String {
    match &chunk.kind {
        ChunkKind::NounPhrase => "NP".into(),
        ChunkKind::Prepositional { .. } => "PP".into(),
        ChunkKind::VerbGroup(group) => {
            let mut label = String::from("VG");
            for (on, flag) in [
                (group.negated, "-neg"),
                (group.modal, "-modal"),
                (group.passive, "-passive"),
                (group.bare_participle, "-bare"),
                (group.infinitive, "-to"),
            ] {
                if on {
                    label.push_str(flag);
                }
            }
            label
        }
    }
}

/// The sentence with each chunk in brackets: `[NP The ministers] [VG met] [PP in Geneva] .`
pub(crate) fn render_chunks(words: &[String], chunks: &[Chunk]) -> String {
    let mut out = Vec::new();
    let mut index = 0;
    let mut chunks = chunks.iter().peekable();
    while index < words.len() {
        match chunks.peek() {
            Some(chunk) if chunk.start == index => {
                out.push(format!(
                    "[{} {}]",
                    label(chunk),
                    words_of(words, chunk.start, chunk.end)
                ));
                index = chunk.end.max(index + 1);
                chunks.next();
            }
            _ => {
                out.push(words[index].clone());
                index += 1;
            }
        }
    }
    out.join(" ")
}

/// Each clause as `kind: subject | verb | object`, `¬` before a negated verb, `by …` after a
/// passive's agent, `-` for an empty slot; clauses joined by ` ; `.
pub(crate) fn render_clauses(words: &[String], structure: &SentenceStructure) -> String {
    let chunk = |index: Option<usize>| {
        index
            .and_then(|i| structure.chunks().get(i))
            .map_or_else(|| "-".to_string(), |c| words_of(words, c.start, c.end))
    };
    structure
        .clauses()
        .iter()
        .map(|clause| {
            let negated = if clause.negated { "¬" } else { "" };
            let mut line = format!(
                "{}: {} | {negated}{} | {}",
                clause.kind.as_str(),
                chunk(clause.subject),
                chunk(clause.verb),
                chunk(clause.object)
            );
            if clause.agent.is_some() {
                line.push_str(&format!(" | {}", chunk(clause.agent)));
            }
            line
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}
