//! How an extraction runs: the choices that change what it reads, and who hears how far it has got.

/// How to run [`super::extract_corpus`] (and [`crate::pipeline::build_graph`], which runs it).
///
/// ```
/// use kgraph::extract::{ExtractOptions, ExtractProgress};
/// let observe = |progress: ExtractProgress| eprintln!("{progress:?}");
/// let options = ExtractOptions {
///     resolve_references: false,
///     ..ExtractOptions::default()
/// }
/// .observed_by(&observe);
/// assert!(!options.resolve_references);
/// ```
#[derive(Clone, Copy)]
pub struct ExtractOptions<'o> {
    /// Read "it", "he", "the country", "the group" as the entity named just before (see
    /// [`super::reference`]).
    pub resolve_references: bool,
    /// Told how far extraction has got while it runs (for a progress bar); by default no one is.
    /// Called from every thread of the pool.
    pub observer: &'o (dyn Fn(ExtractProgress) + Sync),
}

impl Default for ExtractOptions<'_> {
    fn default() -> Self {
        ExtractOptions {
            resolve_references: true,
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
