//! Pair caps: a sentence that names or lists hundreds of entities costs a bounded number of pairs.

use super::sentence_reader::SentenceReader;

/// Co-mention edges are only made among the first this many distinct entities of a sentence, and a
/// list (a coordinated group of mentions) pairs through this many members at most.
pub const MAX_COMENTION_ENTITIES: usize = 40;

/// The first [`MAX_COMENTION_ENTITIES`] members of a list, and whether that left any out.
fn capped_list(group: &[usize]) -> (&[usize], bool) {
    match group.get(..MAX_COMENTION_ENTITIES) {
        Some(head) if group.len() > MAX_COMENTION_ENTITIES => (head, true),
        _ => (group, false),
    }
}

impl SentenceReader<'_> {
    /// The first members of a list that may pair, noting when the cap leaves some out.
    pub(super) fn capped<'g>(&self, group: &'g [usize]) -> &'g [usize] {
        let (head, capped) = capped_list(group);
        if capped {
            self.capped.set(true);
        }
        head
    }
}
