//! A sentence's dependency parse ([`Parse`]): each token's head and the label of the arc from it,
//! with the look-ups relation rules ask of a tree (a verb's subject, object, passive agent,
//! prepositional objects).

use super::DependencyLabel;

/// The dependency tree of one sentence: for each token (by its place in the sentence), its head
/// (`None` for the root) and the label of the arc from its head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parse {
    heads: Vec<Option<usize>>,
    labels: Vec<DependencyLabel>,
}

impl Parse {
    /// A parse of the given heads and labels (one each per token).
    ///
    /// # Panics
    /// Never; extra heads or labels beyond the shorter list are dropped.
    pub fn new(heads: Vec<Option<usize>>, labels: Vec<DependencyLabel>) -> Parse {
        let count = heads.len().min(labels.len());
        let (mut heads, mut labels) = (heads, labels);
        heads.truncate(count);
        labels.truncate(count);
        Parse { heads, labels }
    }

    /// Empties the parse, keeping its buffers.
    pub fn clear(&mut self) {
        self.heads.clear();
        self.labels.clear();
    }

    /// Adds a token with its head and label (for the parser, which builds the tree in place).
    pub(crate) fn push(&mut self, head: Option<usize>, label: DependencyLabel) {
        self.heads.push(head);
        self.labels.push(label);
    }

    /// How many tokens the parse covers.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// Whether the parse covers no token.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The heads of the tokens, in order (`None` for the root).
    pub fn heads(&self) -> &[Option<usize>] {
        &self.heads
    }

    /// The labels of the tokens, in order.
    pub fn labels(&self) -> &[DependencyLabel] {
        &self.labels
    }

    /// The head of token `token` (`None` for the root or a token past the end).
    pub fn head(&self, token: usize) -> Option<usize> {
        self.heads.get(token).copied().flatten()
    }

    /// The label of the arc into token `token` (`None` past the end).
    pub fn label(&self, token: usize) -> Option<DependencyLabel> {
        self.labels.get(token).copied()
    }

    /// The root of the sentence: the token without a head.
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(Option::is_none)
    }

    /// The tokens whose head is `token`, in order.
    pub fn children(&self, token: usize) -> impl Iterator<Item = usize> + '_ {
        self.heads
            .iter()
            .enumerate()
            .filter(move |&(_, &head)| head == Some(token))
            .map(|(child, _)| child)
    }

    /// The first child of `token` with label `label`.
    pub fn child_with(&self, token: usize, label: DependencyLabel) -> Option<usize> {
        self.children(token)
            .find(|&child| self.labels[child] == label)
    }

    /// The subject of a verb: its child labelled as a subject (`nsubj`, `nsubjpass`, `csubj`,
    /// `csubjpass`).
    pub fn subject_of(&self, verb: usize) -> Option<usize> {
        self.children(verb)
            .find(|&child| self.labels[child].is_subject())
    }

    /// The direct object of a verb (`dobj`).
    pub fn object_of(&self, verb: usize) -> Option<usize> {
        self.child_with(verb, DependencyLabel::DirectObject)
    }

    /// Whether a verb is passive: it has a passive subject or a passive auxiliary.
    pub fn is_passive(&self, verb: usize) -> bool {
        self.children(verb).any(|child| {
            matches!(
                self.labels[child],
                DependencyLabel::PassiveNominalSubject
                    | DependencyLabel::ClausalPassiveSubject
                    | DependencyLabel::PassiveAuxiliary
            )
        })
    }

    /// The agent of a passive verb: the object of its `by` (`agent` → `pobj`).
    pub fn agent_of(&self, verb: usize) -> Option<usize> {
        let by = self.child_with(verb, DependencyLabel::Agent)?;
        self.child_with(by, DependencyLabel::PrepositionalObject)
    }

    /// The prepositions attached to `token` with each one's object: (preposition, object). A
    /// preposition labelled `dative` counts too: spaCy's scheme labels the `to` of "sent troops *to*
    /// Argentina" so.
    pub fn prepositional_objects(&self, token: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.children(token)
            .filter(|&child| {
                matches!(
                    self.labels[child],
                    DependencyLabel::Preposition | DependencyLabel::Dative
                )
            })
            .filter_map(|preposition| {
                let object = self.child_with(preposition, DependencyLabel::PrepositionalObject)?;
                Some((preposition, object))
            })
    }

    /// The conjuncts coordinated with `token` after it ("Peru, Chile and *Bolivia*"), following
    /// `conj` arcs down the chain.
    pub fn conjuncts(&self, token: usize) -> Vec<usize> {
        let mut found = Vec::new();
        let mut frontier = vec![token];
        while let Some(at) = frontier.pop() {
            for child in self.children(at) {
                if self.labels[child] == DependencyLabel::Conjunct && !found.contains(&child) {
                    found.push(child);
                    frontier.push(child);
                }
            }
        }
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DependencyLabel::*;

    /// "The treaty was signed by Chile in Lima ."
    fn signed() -> Parse {
        Parse::new(
            vec![
                Some(1),
                Some(3),
                Some(3),
                None,
                Some(3),
                Some(4),
                Some(3),
                Some(6),
                Some(3),
            ],
            vec![
                Determiner,
                PassiveNominalSubject,
                PassiveAuxiliary,
                Root,
                Agent,
                PrepositionalObject,
                Preposition,
                PrepositionalObject,
                Punctuation,
            ],
        )
    }

    #[test]
    fn answers_what_relation_rules_ask() {
        let parse = signed();
        assert_eq!(parse.root(), Some(3));
        assert_eq!(parse.children(3).collect::<Vec<_>>(), [1, 2, 4, 6, 8]);
        assert_eq!(parse.subject_of(3), Some(1));
        assert_eq!(parse.object_of(3), None);
        assert!(parse.is_passive(3));
        assert_eq!(parse.agent_of(3), Some(5));
        assert_eq!(parse.prepositional_objects(3).collect::<Vec<_>>(), [(6, 7)]);
        assert_eq!(parse.head(0), Some(1));
        assert_eq!(parse.head(3), None);
        assert_eq!(parse.head(99), None);
        assert_eq!(parse.label(99), None);
    }

    #[test]
    fn follows_chains_of_conjuncts() {
        // "Peru , Chile and Bolivia"
        let parse = Parse::new(
            vec![None, Some(0), Some(0), Some(2), Some(2)],
            vec![
                Root,
                Punctuation,
                Conjunct,
                CoordinatingConjunction,
                Conjunct,
            ],
        );
        assert_eq!(parse.conjuncts(0), [2, 4]);
        assert_eq!(parse.conjuncts(4), Vec::<usize>::new());
    }
}
