//! How an extraction runs: the choices that change what it reads, and who hears how far it has got.

/// How to run [`super::extract_corpus`] (and [`crate::pipeline::build_graph`], which runs it).
///
/// ```
/// use kgraph::extract::{ExtractOptions, ExtractProgress, Lexicon, extract_corpus};
/// use kgraph::text::Document;
/// use std::sync::atomic::{AtomicUsize, Ordering};
///
/// let documents = [Document {
///     name: "a.txt".into(),
///     text: "Qatar hosted talks. It signed a deal with Turkey.".into(),
/// }];
/// let done = AtomicUsize::new(0);
/// let observe = |progress| {
///     if progress == ExtractProgress::DocumentDone {
///         done.fetch_add(1, Ordering::Relaxed);
///     }
/// };
/// let options = ExtractOptions {
///     resolve_references: false,
///     ..ExtractOptions::default()
/// }
/// .observed_by(&observe);
/// let extraction = extract_corpus(&documents, &Lexicon::embedded().unwrap(), options);
/// assert_eq!(extraction.sentence_count, 2);
/// // Each of the three passes over the documents (sentences, mentions, relations) says when the one
/// // document is through.
/// assert_eq!(done.load(Ordering::Relaxed), 3);
/// ```
#[derive(Clone, Copy)]
pub struct ExtractOptions<'o> {
    /// Read "it", "he", "the country", "the group" as the entity named just before (see
    /// [`super::reference`]).
    pub resolve_references: bool,
    /// The lexicon entity (its index, see [`Lexicon::entities`](super::Lexicon::entities)) that speaks
    /// in every document: its "we", "us" and "our" (`kg build --speaker`). None: a document speaks for
    /// whom its heading says, if it says (see [`super::speaker`]).
    pub speaker: Option<usize>,
    /// Told how far extraction has got while it runs (for a progress bar); by default no one is.
    /// Called from every thread of the pool.
    pub observer: &'o (dyn Fn(ExtractProgress) + Sync),
}

impl Default for ExtractOptions<'_> {
    fn default() -> Self {
        ExtractOptions {
            resolve_references: true,
            speaker: None,
            observer: &|_| {},
        }
    }
}

impl<'o> ExtractOptions<'o> {
    /// The same choices, with `observer` told how far extraction has got.
    pub fn observed_by<'p>(
        self,
        observer: &'p (dyn Fn(ExtractProgress) + Sync),
    ) -> ExtractOptions<'p> {
        ExtractOptions {
            resolve_references: self.resolve_references,
            speaker: self.speaker,
            observer,
        }
    }

    pub(crate) fn observe(&self, progress: ExtractProgress) {
        (self.observer)(progress);
    }
}

impl std::fmt::Debug for ExtractOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExtractOptions")
            .field("resolve_references", &self.resolve_references)
            .field("speaker", &self.speaker)
            .finish_non_exhaustive()
    }
}

/// How far extraction has got, reported while it runs (for a progress bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractProgress {
    /// A pass over every document starts: "sentences", "mentions" or "relations".
    Pass {
        name: &'static str,
        documents: usize,
    },
    /// One more document is through the current pass.
    DocumentDone,
    /// A step over the whole corpus at once starts, with no per-document progress: "aliases", or
    /// "graph" (sent by [`crate::pipeline`]).
    Step { name: &'static str },
}
