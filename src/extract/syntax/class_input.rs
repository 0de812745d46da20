//! `ClassInput`: a sentence's word classes as a nom input, so the chunker's grammar is written with
//! nom's combinators over classes rather than over text. It remembers where it starts in the
//! sentence, so a parser can say which tokens it read.

use super::WordClass;
use nom::{Input, Needed};

/// A stretch of a sentence's word classes, starting at token `offset` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassInput<'a> {
    classes: &'a [WordClass],
    offset: usize,
}

impl<'a> ClassInput<'a> {
    /// The whole sentence's classes.
    pub fn new(classes: &'a [WordClass]) -> ClassInput<'a> {
        ClassInput { classes, offset: 0 }
    }

    /// The sentence index of this stretch's first token.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The class of this stretch's first token.
    pub fn first(&self) -> Option<WordClass> {
        self.classes.first().copied()
    }

    /// The classes of this stretch.
    pub fn as_slice(&self) -> &'a [WordClass] {
        self.classes
    }

    /// The class of this stretch's token `index`.
    pub fn get(&self, index: usize) -> Option<WordClass> {
        self.classes.get(index).copied()
    }

    /// Whether the stretch is empty.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

impl<'a> Input for ClassInput<'a> {
    type Item = WordClass;
    type Iter = std::iter::Copied<std::slice::Iter<'a, WordClass>>;
    type IterIndices = std::iter::Enumerate<Self::Iter>;

    fn input_len(&self) -> usize {
        self.classes.len()
    }

    fn take(&self, index: usize) -> Self {
        ClassInput {
            classes: &self.classes[..index],
            offset: self.offset,
        }
    }

    fn take_from(&self, index: usize) -> Self {
        ClassInput {
            classes: &self.classes[index..],
            offset: self.offset + index,
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.classes.iter().position(|&class| predicate(class))
    }

    fn iter_elements(&self) -> Self::Iter {
        self.classes.iter().copied()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.iter_elements().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.classes.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.classes.len()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_keep_the_sentence_offsets() {
        let classes = [
            WordClass::Determiner,
            WordClass::Noun,
            WordClass::VerbFinite,
        ];
        let input = ClassInput::new(&classes);
        let (rest, taken) = input.take_split(1);
        assert_eq!((taken.offset(), taken.input_len()), (0, 1));
        assert_eq!((rest.offset(), rest.input_len()), (1, 2));
        assert_eq!(rest.first(), Some(WordClass::Noun));
        assert_eq!(rest.take_from(2).offset(), 3);
        assert!(rest.take_from(2).is_empty());
        assert_eq!(input.position(WordClass::is_verbal), Some(2));
        assert_eq!(input.slice_index(4), Err(Needed::new(1)));
    }
}
