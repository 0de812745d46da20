//! `SentenceStructure`: a tagged sentence's word classes, chunks and clauses, read in one go
//! ([`SentenceStructure::read`]) and kept from one sentence to the next so reading allocates only
//! while its buffers grow.

use super::chunk::Chunk;
use super::chunker::chunk_sentence;
use super::clause::Clause;
use super::clause_splitter::ClauseSplitter;
use super::tagged_sentence::TaggedSentence;
use super::word_class::WordClass;

/// The structure of one sentence: each token's class, the chunks, the clauses.
#[derive(Debug, Default)]
pub struct SentenceStructure {
    classes: Vec<WordClass>,
    chunks: Vec<Chunk>,
    clauses: Vec<Clause>,
    /// Each token's innermost clause.
    innermost: Vec<usize>,
    /// Each token's chunk, if it is in one (`usize::MAX` for none).
    chunk_of: Vec<usize>,
}

/// No chunk holds this token.
const NO_CHUNK: usize = usize::MAX;

impl SentenceStructure {
    /// Reads the structure of `tagged`, in place of the sentence before.
    pub fn read(&mut self, tagged: &TaggedSentence) {
        self.classes.clear();
        self.classes.extend(
            tagged
                .tags()
                .iter()
                .enumerate()
                .map(|(index, &tag)| WordClass::of(tag, tagged.lemma(index))),
        );
        self.read_classes(|index| tagged.lemma(index));
    }

    /// Reads the structure from the classes already in place and each token's lemma.
    fn read_classes<'a>(&mut self, lemma: impl Fn(usize) -> &'a str) {
        chunk_sentence(&self.classes, &mut self.chunks);
        ClauseSplitter::new(&self.classes, lemma, &self.chunks)
            .split(&mut self.clauses, &mut self.innermost);
        self.chunk_of.clear();
        self.chunk_of.resize(self.classes.len(), NO_CHUNK);
        for (index, chunk) in self.chunks.iter().enumerate() {
            for slot in &mut self.chunk_of[chunk.start..chunk.end] {
                *slot = index;
            }
        }
    }

    /// The structure of a sentence whose words have `classes` and `lemmas` (for tests of the
    /// layer without the tagger).
    #[cfg(test)]
    pub(crate) fn from_classes(classes: Vec<WordClass>, lemmas: &[String]) -> SentenceStructure {
        let mut structure = SentenceStructure {
            classes,
            ..SentenceStructure::default()
        };
        structure.read_classes(|index| lemmas.get(index).map_or("", String::as_str));
        structure
    }

    /// No structure: a sentence not read.
    pub fn clear(&mut self) {
        self.classes.clear();
        self.chunks.clear();
        self.clauses.clear();
        self.innermost.clear();
        self.chunk_of.clear();
    }

    /// Whether no sentence has been read (or it had no tokens).
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Each token's class.
    pub fn classes(&self) -> &[WordClass] {
        &self.classes
    }

    /// The chunks, in order.
    pub fn chunks(&self) -> &[Chunk] {
        &self.chunks
    }

    /// The clauses, in the order they start.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// The chunk token `index` is in.
    pub fn chunk_of(&self, index: usize) -> Option<usize> {
        self.chunk_of.get(index).copied().filter(|&c| c != NO_CHUNK)
    }

    /// The innermost clause token `index` is in.
    pub fn clause_of(&self, index: usize) -> Option<usize> {
        self.innermost.get(index).copied()
    }
}
