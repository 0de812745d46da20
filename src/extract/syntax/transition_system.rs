//! The parser's transition system: arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the
//! root at the end of the buffer (Ballesteros and Nivre 2013), and its dynamic oracle (Goldberg and
//! Nivre 2013), which says what each transition costs against a gold tree.
//!
//! A [`Configuration`] is a stack, a buffer (the words not yet read, then the root) and the arcs made
//! so far. Three transitions ([`Transition`]):
//! - `Shift` moves the buffer's first word onto the stack;
//! - `Left` makes the buffer's first word the head of the stack's top, and pops it;
//! - `Right` makes the stack's second word the head of its top, and pops it.
//!
//! `Left` onto the root only when the stack holds one word, so a parse has exactly one root (as the
//! silver data does). Once the buffer holds only the root, every transition is forced.

/// A transition of the arc-hybrid system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Push the buffer's first word.
    Shift = 0,
    /// The buffer's first word becomes the head of the stack's top, which is popped.
    Left = 1,
    /// The stack's second word becomes the head of its top, which is popped.
    Right = 2,
}

impl Transition {
    /// The three transitions, in the order of their numbers.
    pub const ALL: [Transition; 3] = [Transition::Shift, Transition::Left, Transition::Right];
}

/// No word: a position past the stack's bottom or the buffer's end, a missing child, no head.
pub(crate) const NONE: u32 = u32::MAX;

/// A parser's state over one sentence of `n` words; position `n` is the root.
#[derive(Debug, Default, Clone)]
pub struct Configuration {
    /// Words in the sentence.
    pub(crate) n: u32,
    /// The stack, bottom first.
    pub(crate) stack: Vec<u32>,
    /// The buffer's first position (`n` when only the root is left).
    pub(crate) front: u32,
    /// Each position's head so far (`NONE` while it has none; `n` for the root).
    pub(crate) heads: Vec<u32>,
    /// Each position's leftmost and second leftmost child so far (`NONE` when it has none).
    pub(crate) left: Vec<[u32; 2]>,
    /// Each position's rightmost and second rightmost child so far.
    pub(crate) right: Vec<[u32; 2]>,
    /// How many children each position has to its left and to its right so far.
    pub(crate) valency: Vec<[u8; 2]>,
}

impl Configuration {
    /// Starts over on a sentence of `n` words (buffers kept).
    pub fn reset(&mut self, n: usize) {
        let n = u32::try_from(n).unwrap_or(u32::MAX - 1);
        self.n = n;
        self.stack.clear();
        self.front = 0;
        let positions = n as usize + 1;
        self.heads.clear();
        self.heads.resize(positions, NONE);
        self.left.clear();
        self.left.resize(positions, [NONE; 2]);
        self.right.clear();
        self.right.resize(positions, [NONE; 2]);
        self.valency.clear();
        self.valency.resize(positions, [0; 2]);
    }

    /// Whether the parse is complete: nothing on the stack and only the root in the buffer.
    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.front >= self.n
    }

    /// The stack's `depth`th word from the top (0 is the top), or `NONE`.
    #[inline]
    pub(crate) fn stack_at(&self, depth: usize) -> u32 {
        let len = self.stack.len();
        if depth < len {
            self.stack[len - 1 - depth]
        } else {
            NONE
        }
    }

    /// The buffer's `offset`th position (0 is the first; the root is the last), or `NONE`.
    #[inline]
    pub(crate) fn buffer_at(&self, offset: u32) -> u32 {
        let at = self.front + offset;
        if at <= self.n { at } else { NONE }
    }

    /// The one transition allowed, when there is only one: `Shift` on an empty stack, and
    /// `Right` (then `Left` onto the root) once the buffer holds only the root.
    #[inline]
    pub fn forced(&self) -> Option<Transition> {
        if self.front >= self.n {
            match self.stack.len() {
                0 => None,
                1 => Some(Transition::Left),
                _ => Some(Transition::Right),
            }
        } else if self.stack.is_empty() {
            Some(Transition::Shift)
        } else {
            None
        }
    }

    /// Whether `transition` is allowed now.
    #[inline]
    pub fn is_allowed(&self, transition: Transition) -> bool {
        match self.forced() {
            Some(forced) => forced == transition,
            None => match transition {
                Transition::Shift | Transition::Left => !self.is_terminal(),
                Transition::Right => self.stack.len() >= 2,
            },
        }
    }

    /// Applies an allowed transition (one not allowed leaves the configuration as it is).
    #[inline]
    pub fn apply(&mut self, transition: Transition) {
        if !self.is_allowed(transition) {
            return;
        }
        match transition {
            Transition::Shift => {
                self.stack.push(self.front);
                self.front += 1;
            }
            Transition::Left => {
                if let Some(dependent) = self.stack.pop() {
                    self.add_arc(self.front, dependent);
                }
            }
            Transition::Right => {
                if let Some(dependent) = self.stack.pop()
                    && let Some(&head) = self.stack.last()
                {
                    self.add_arc(head, dependent);
                }
            }
        }
    }

    /// Records `head` → `dependent` with the children and valencies features read.
    fn add_arc(&mut self, head: u32, dependent: u32) {
        self.heads[dependent as usize] = head;
        let h = head as usize;
        if dependent < head {
            let [first, second] = &mut self.left[h];
            if *first == NONE || dependent < *first {
                *second = *first;
                *first = dependent;
            } else if *second == NONE || dependent < *second {
                *second = dependent;
            }
            self.valency[h][0] = self.valency[h][0].saturating_add(1);
        } else {
            let [first, second] = &mut self.right[h];
            if *first == NONE || dependent > *first {
                *second = *first;
                *first = dependent;
            } else if *second == NONE || dependent > *second {
                *second = dependent;
            }
            self.valency[h][1] = self.valency[h][1].saturating_add(1);
        }
    }

    /// The heads found, `None` for the root, one per word.
    pub fn heads(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        let n = self.n;
        self.heads[..n as usize]
            .iter()
            .map(move |&head| (head != NONE && head != n).then_some(head as usize))
    }

    /// What `transition` costs against the gold tree `gold` (each word's head, `n` for the root):
    /// how many gold arcs it makes unreachable (Goldberg and Nivre's dynamic oracle for
    /// arc-hybrid). `None` when the transition is not allowed.
    pub fn cost(&self, transition: Transition, gold: &[u32]) -> Option<u32> {
        if !self.is_allowed(transition) {
            return None;
        }
        let front = self.front;
        // Gold dependents of `word` still in the buffer: they can no longer reach it once it is popped.
        let dependents_in_buffer = |word: u32| {
            gold[front as usize..self.n as usize]
                .iter()
                .filter(|&&head| head == word)
                .count() as u32
        };
        let top = self.stack_at(0);
        let second = self.stack_at(1);
        Some(match transition {
            Transition::Shift => {
                // The buffer's first word loses a head below the top, and its dependents in the stack.
                let below_top = &self.stack[..self.stack.len().saturating_sub(1)];
                let head = gold[front as usize];
                u32::from(below_top.contains(&head))
                    + self
                        .stack
                        .iter()
                        .filter(|&&w| gold[w as usize] == front)
                        .count() as u32
            }
            Transition::Left => {
                let head = gold[top as usize];
                let lost_head = (second != NONE && head == second) || head > front;
                u32::from(lost_head) + dependents_in_buffer(top)
            }
            Transition::Right => {
                let head = gold[top as usize];
                u32::from(head >= front) + dependents_in_buffer(top)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the zero-cost transitions from the start and gives the heads found.
    fn oracle_parse(gold: &[u32]) -> Vec<Option<usize>> {
        let mut configuration = Configuration::default();
        configuration.reset(gold.len());
        while !configuration.is_terminal() {
            let best = Transition::ALL
                .into_iter()
                .filter_map(|t| configuration.cost(t, gold).map(|cost| (cost, t)))
                .min_by_key(|&(cost, _)| cost);
            let Some((_, transition)) = best else {
                panic!("no transition allowed before the end");
            };
            configuration.apply(transition);
        }
        configuration.heads().collect()
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // Heads by position; the sentence length is the root.
        let cases: &[&[u32]] = &[
            // The council approved the plan .
            &[1, 2, 6, 4, 2, 2],
            // The treaty was signed by Chile .
            &[1, 3, 3, 7, 3, 4, 3],
            // After Peru attacked Bolivia , Chile sent troops to Argentina .
            &[2, 2, 6, 2, 6, 6, 11, 6, 6, 8, 6],
            // A single word.
            &[1],
        ];
        for &gold in cases {
            let n = gold.len();
            let expected: Vec<Option<usize>> = gold
                .iter()
                .map(|&h| (h as usize != n).then_some(h as usize))
                .collect();
            assert_eq!(oracle_parse(gold), expected, "{gold:?}");
        }
    }

    #[test]
    fn forces_transitions_when_there_is_no_choice() {
        let mut configuration = Configuration::default();
        configuration.reset(2);
        assert_eq!(configuration.forced(), Some(Transition::Shift));
        configuration.apply(Transition::Shift);
        assert_eq!(configuration.forced(), None);
        configuration.apply(Transition::Shift);
        assert_eq!(configuration.forced(), Some(Transition::Right));
        assert!(!configuration.is_allowed(Transition::Left));
        configuration.apply(Transition::Right);
        assert_eq!(configuration.forced(), Some(Transition::Left));
        configuration.apply(Transition::Left);
        assert!(configuration.is_terminal());
        assert_eq!(configuration.heads().collect::<Vec<_>>(), [None, Some(0)]);
    }
}
