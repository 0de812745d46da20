//! Where a graph comes from: a saved graph file, or documents built into a graph in memory; and
//! `:ingest` and `kg build --update`, which add documents to a graph.
//!
//! What a path given as input is gets judged here, once, for the command line and the shell alike: a
//! `.ron`, `.kgb` or `.bin` file is a saved graph, and so is any file that starts as one does (the
//! snapshot's header, or RON opening with `format_version`) whatever its name; a file of data
//! (`.json`, `.csv`, `.graphml`, …) is refused, and anything else is documents. Read as text, a graph or a JSON export gives a graph of
//! field names and punctuation, so neither is ever read as a document.
//!
//! This is also the one place that calls the pipeline to turn documents into a graph, with the lexicon
//! and the extraction options the user chose.

use crate::extract::{ExtractOptions, ExtractProgress, Lexicon, LexiconError};
use crate::graph::{GraphFormat, KnowledgeGraph, MergeError, PersistError, load_graph_cancellable};
use crate::pipeline::{BuildSummary, UpdateMode, UpdateSummary, build_graph, update_graph};
use crate::text::{Document, DocumentError, DocumentWarning, list_documents, read_documents};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// Why a graph could not be opened or documents added.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// An input is not something kg reads that way (a data file, or a graph where documents belong).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The graph file could not be read.
    #[error(transparent)]
    Persist(#[from] PersistError),
    /// The documents could not be read.
    #[error(transparent)]
    Documents(#[from] DocumentError),
    /// The lexicon needed to read documents could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The graph's own records disagree, so new documents cannot be merged into it.
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// An input path that cannot be used where it was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// A file of data, such as a JSON export, given as a text to read.
    #[error(
        "{path}: a .{extension} file holds data, not text to read: give documents (.txt, .md) or a graph \
         file (.ron, .kgb, .bin)"
    )]
    Data { path: PathBuf, extension: String },
    /// A saved graph given together with other inputs: it is loaded only on its own.
    #[error("{path}: a graph file is opened on its own, not together with other inputs")]
    GraphWithOthers { path: PathBuf },
    /// A saved graph given where only documents are read.
    #[error("{path}: a graph file, not a document to read")]
    GraphAsDocument { path: PathBuf },
}

/// The extensions of data files: the formats `kg export` writes and their kin. None of them is prose.
const DATA_EXTENSIONS: &[&str] = &[
    "json", "jsonl", "ndjson", "csv", "tsv", "graphml", "gexf", "gml", "nt", "nq", "ttl", "rdf",
    "owl", "dot", "gv", "xml", "yaml", "yml", "toml",
];

/// What a path given as input holds, judged by its name and its first bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    /// An existing `.ron` file or binary snapshot (`.kgb`, `.bin`), or a file of any name that starts
    /// as a graph file does.
    Graph,
    /// A file of data (`.json`, `.csv`, …), with its extension as written.
    Data { extension: String },
    /// A directory, or a file to read as a text. A path that cannot be looked at is counted here too,
    /// so that reading it reports what is wrong with it.
    Documents,
}

impl InputKind {
    /// Judges `path` by its extension, and by its first bytes when its extension names no graph;
    /// only an existing regular file can be a graph or data.
    pub fn of_path(path: &Path) -> InputKind {
        if !path.is_file() {
            return InputKind::Documents;
        }
        let by_extension = InputKind::of_extension(path);
        // A graph renamed `g.txt` read as a text gives a graph of field names and punctuation.
        if by_extension != InputKind::Graph && GraphFormat::of_contents(path).is_some() {
            return InputKind::Graph;
        }
        by_extension
    }

    /// Judges an existing regular file by its extension alone.
    fn of_extension(path: &Path) -> InputKind {
        let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
            return InputKind::Documents;
        };
        let lower = extension.to_ascii_lowercase();
        if lower == "ron" || GraphFormat::of_path(path) == GraphFormat::Binary {
            InputKind::Graph
        } else if DATA_EXTENSIONS.contains(&lower.as_str()) {
            InputKind::Data {
                extension: extension.to_string(),
            }
        } else {
            InputKind::Documents
        }
    }
}

/// True for a path that names a saved graph: an existing `.ron` file or binary snapshot (`.kgb`, `.bin`),
/// or a file that starts as a graph file does.
pub fn is_graph_file(path: &Path) -> bool {
    InputKind::of_path(path) == InputKind::Graph
}

/// The inputs of a command, classified: a saved graph to load, or documents to build a graph from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inputs {
    /// One saved graph file.
    Graph(PathBuf),
    /// Files and directories of documents.
    Documents(Vec<PathBuf>),
}

impl Inputs {
    /// Classifies `paths`: a single graph file is loaded; otherwise every path must be documents.
    ///
    /// # Errors
    /// A data file anywhere, or a graph file together with other inputs.
    pub fn classify(paths: &[PathBuf]) -> Result<Inputs, InputError> {
        if let [single] = paths
            && is_graph_file(single)
        {
            return Ok(Inputs::Graph(single.clone()));
        }
        for path in paths {
            if is_graph_file(path) {
                return Err(InputError::GraphWithOthers { path: path.clone() });
            }
        }
        Ok(Inputs::Documents(documents_only(paths)?))
    }

    /// The graph: loaded from its file, or built from the documents with `source`. What was passed
    /// over while listing the documents (a symbolic link loop) goes to `warn`, for the caller to tell.
    pub fn open(
        &self,
        source: &mut LexiconSource,
        warn: &mut dyn FnMut(&DocumentWarning),
    ) -> Result<KnowledgeGraph, OpenError> {
        self.open_cancellable(source, warn, &AtomicBool::new(false))
    }

    /// [`Inputs::open`], where a graph file's load stops with [`PersistError::Interrupted`] once
    /// `cancel` is set (the shell's Ctrl-C). Documents are built whole: the caller checks the flag after.
    pub fn open_cancellable(
        &self,
        source: &mut LexiconSource,
        warn: &mut dyn FnMut(&DocumentWarning),
        cancel: &AtomicBool,
    ) -> Result<KnowledgeGraph, OpenError> {
        match self {
            Inputs::Graph(path) => Ok(load_graph_cancellable(path, cancel)?),
            Inputs::Documents(paths) => {
                let documents = listed_documents(paths, warn)?;
                Ok(build_documents(documents, source, &|_| {})?.0)
            }
        }
    }
}

/// The documents under `paths`, read; what the listing passed over goes to `warn`.
fn listed_documents(
    paths: &[PathBuf],
    warn: &mut dyn FnMut(&DocumentWarning),
) -> Result<Vec<Document>, DocumentError> {
    let listing = list_documents(paths)?;
    listing.warnings.iter().for_each(&mut *warn);
    read_documents(&listing.sources)
}

/// `paths`, checked to be documents: no graph file, no data file.
///
/// # Errors
/// The first path that is a graph or a data file.
pub fn documents_only(paths: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    for path in paths {
        match InputKind::of_path(path) {
            InputKind::Documents => {}
            InputKind::Graph => return Err(InputError::GraphAsDocument { path: path.clone() }),
            InputKind::Data { extension } => {
                return Err(InputError::Data {
                    path: path.clone(),
                    extension,
                });
            }
        }
    }
    Ok(paths.to_vec())
}

/// How documents are read into a graph: the lexicon, built into kg or read from a directory of RON
/// files and loaded only when documents have to be read (then kept), and the extraction options.
#[derive(Debug, Default)]
pub struct LexiconSource {
    directory: Option<PathBuf>,
    options: ExtractOptions<'static>,
    /// The name of the entity that speaks in every document, found in the lexicon when it is loaded.
    speaker: Option<String>,
    loaded: Option<Lexicon>,
}

impl LexiconSource {
    /// The built-in lexicon, or the one in `directory`, read with `options`.
    pub fn new(directory: Option<PathBuf>, options: ExtractOptions<'static>) -> Self {
        LexiconSource {
            directory,
            options,
            speaker: None,
            loaded: None,
        }
    }

    /// The same source, reading every document as spoken by the entity the lexicon calls `name`
    /// (its "we", "us" and "our"; see [`crate::extract::speaker`]). The name is looked up when the
    /// lexicon is loaded: a name the lexicon does not know fails [`LexiconSource::get`].
    pub fn with_speaker(self, name: Option<String>) -> Self {
        LexiconSource {
            speaker: name,
            ..self
        }
    }

    /// The extraction options documents are read with, but for the speaker, which is known once the
    /// lexicon is loaded (see [`LexiconSource::lexicon_and_options`]).
    pub fn options(&self) -> ExtractOptions<'static> {
        self.options
    }

    /// The lexicon, loaded the first time it is needed.
    pub fn get(&mut self) -> Result<&Lexicon, LexiconError> {
        Ok(self.lexicon_and_options()?.0)
    }

    /// The lexicon, loaded the first time it is needed, and the extraction options documents are read
    /// with, the speaker found in it.
    pub fn lexicon_and_options(
        &mut self,
    ) -> Result<(&Lexicon, ExtractOptions<'static>), LexiconError> {
        let lexicon = match self.loaded.take() {
            Some(lexicon) => lexicon,
            None => match &self.directory {
                Some(directory) => Lexicon::load(directory)?,
                None => Lexicon::embedded()?,
            },
        };
        if let Some(name) = &self.speaker {
            let speaker = lexicon
                .entity_named(name)
                .ok_or_else(|| LexiconError::UnknownSpeaker { name: name.clone() })?;
            self.options.speaker = Some(speaker);
        }
        let options = self.options;
        Ok((self.loaded.insert(lexicon), options))
    }
}

/// Opens `inputs`: a single graph file is loaded; anything else is read as documents (directories
/// recursively) and built into a graph in memory. What the listing passed over goes to `warn`.
pub fn open_graph(
    inputs: &[PathBuf],
    lexicon: &mut LexiconSource,
    warn: &mut dyn FnMut(&DocumentWarning),
) -> Result<KnowledgeGraph, OpenError> {
    Inputs::classify(inputs)?.open(lexicon, warn)
}

/// Builds `documents` into a graph with the source's lexicon and options, telling `observe` how far
/// extraction has got.
pub fn build_documents(
    documents: Vec<Document>,
    source: &mut LexiconSource,
    observe: &(dyn Fn(ExtractProgress) + Sync),
) -> Result<(KnowledgeGraph, BuildSummary), LexiconError> {
    let (lexicon, options) = source.lexicon_and_options()?;
    Ok(build_graph(
        documents,
        lexicon,
        options.observed_by(observe),
    ))
}

/// `graph` with `documents` added as `mode` says, with the source's lexicon and options (see
/// [`update_graph`]).
pub fn add_documents(
    graph: KnowledgeGraph,
    documents: Vec<Document>,
    source: &mut LexiconSource,
    mode: UpdateMode,
    observe: &(dyn Fn(ExtractProgress) + Sync),
) -> Result<(KnowledgeGraph, UpdateSummary), OpenError> {
    let (lexicon, options) = source.lexicon_and_options()?;
    Ok(update_graph(
        graph,
        documents,
        lexicon,
        options.observed_by(observe),
        mode,
    )?)
}

/// What `:ingest` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestSummary {
    /// Documents added.
    pub added: usize,
    /// Documents skipped because the graph (or an earlier file of the same call) already held their text.
    pub skipped: usize,
    /// Documents that replaced the graph's document of the same name, edited since it was read.
    pub replaced: usize,
    /// What listing the documents passed over (a symbolic link loop), in the order it was met.
    pub warnings: Vec<DocumentWarning>,
}

/// The graph with the documents under `paths` added. Documents whose text the graph already holds
/// (same content hash) are skipped; when nothing is new the graph is returned as it was.
///
/// Only the new documents are read, and their graph is merged into this one, as `kg build --update`
/// does: the cost is in proportion to the new text (see [`update_graph`] for what that leaves out).
pub fn ingest(
    graph: &KnowledgeGraph,
    paths: &[PathBuf],
    lexicon: &mut LexiconSource,
) -> Result<(KnowledgeGraph, IngestSummary), OpenError> {
    let mut warnings = Vec::new();
    let documents = listed_documents(&documents_only(paths)?, &mut |warning| {
        warnings.push(warning.clone())
    })?;
    let (graph, update) = add_documents(
        graph.clone(),
        documents,
        lexicon,
        UpdateMode::Incremental,
        &|_| {},
    )?;
    let summary = IngestSummary {
        added: update.added.len(),
        skipped: update.skipped.len(),
        replaced: update.replaced.len(),
        warnings,
    };
    Ok((graph, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_graph;

    /// Files of each kind in a temporary directory, with the kind each is judged to be.
    #[test]
    fn paths_are_judged_by_their_extension() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = |extension: &str| InputKind::Data {
            extension: extension.to_string(),
        };
        let cases = [
            ("g.ron", InputKind::Graph),
            ("g.RON", InputKind::Graph),
            ("g.kgb", InputKind::Graph),
            ("g.bin", InputKind::Graph),
            ("notes.txt", InputKind::Documents),
            ("notes.md", InputKind::Documents),
            ("notes", InputKind::Documents),
            ("notes.text", InputKind::Documents),
            ("g.json", data("json")),
            ("g.JSON", data("JSON")),
            ("nodes.csv", data("csv")),
            ("g.graphml", data("graphml")),
            ("g.nt", data("nt")),
            ("g.dot", data("dot")),
        ];
        for (name, expected) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, "text").unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(InputKind::of_path(&path), expected, "{name}");
        }
        // Only an existing file can be a graph or data: a directory is documents, and a missing path
        // is left to the document reader, which says it is missing.
        let folder = dir.path().join("folder.ron");
        std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(InputKind::of_path(&folder), InputKind::Documents);
        let missing = dir.path().join("missing.json");
        assert_eq!(InputKind::of_path(&missing), InputKind::Documents);
    }

    /// A graph is known by its first bytes whatever its name, and loads from any name.
    #[test]
    fn graph_files_are_known_by_their_content_whatever_their_name() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut graph = KnowledgeGraph::new();
        graph.add_document("a.txt".into(), "Iran met Iraq.".into());
        let saved = |name: &str| {
            let path = dir.path().join(name);
            crate::graph::save_graph(&graph, &path).unwrap_or_else(|e| panic!("{e}"));
            std::fs::read(path).unwrap_or_else(|e| panic!("{e}"))
        };
        let (ron, binary) = (saved("g.ron"), saved("g.kgb"));
        let cases: [(&str, &[u8], InputKind); 7] = [
            ("ron.txt", &ron, InputKind::Graph),
            ("kgb.txt", &binary, InputKind::Graph),
            ("kgb", &binary, InputKind::Graph),
            ("ron.md", &ron, InputKind::Graph),
            ("ron.json", &ron, InputKind::Graph),
            (
                "notes.txt",
                b"(format_version is a field of graph files.)",
                InputKind::Documents,
            ),
            ("notes", b"Iran met Iraq.", InputKind::Documents),
        ];
        for (name, bytes, expected) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(InputKind::of_path(&path), expected, "{name}");
            if expected == InputKind::Graph {
                let inputs = Inputs::classify(std::slice::from_ref(&path));
                assert_eq!(inputs, Ok(Inputs::Graph(path.clone())), "{name}");
                let loaded = load_graph(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(loaded.documents(), graph.documents(), "{name}");
            }
        }
    }

    #[test]
    fn inputs_are_one_graph_or_only_documents() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for name in ["g.ron", "notes.txt", "g.json"] {
            std::fs::write(dir.path().join(name), "text").unwrap_or_else(|e| panic!("{e}"));
        }
        let path = |name: &str| dir.path().join(name);
        let cases: [(&[&str], Result<Inputs, InputError>); 4] = [
            (&["g.ron"], Ok(Inputs::Graph(path("g.ron")))),
            (
                &["notes.txt", "."],
                Ok(Inputs::Documents(vec![path("notes.txt"), path(".")])),
            ),
            (
                &["notes.txt", "g.ron"],
                Err(InputError::GraphWithOthers {
                    path: path("g.ron"),
                }),
            ),
            (
                &["notes.txt", "g.json"],
                Err(InputError::Data {
                    path: path("g.json"),
                    extension: "json".into(),
                }),
            ),
        ];
        for (names, expected) in cases {
            let paths: Vec<PathBuf> = names.iter().map(|name| path(name)).collect();
            assert_eq!(Inputs::classify(&paths), expected, "{names:?}");
        }
    }

    #[test]
    fn input_errors_name_the_file() {
        let cases = [
            (
                InputError::Data {
                    path: "x.json".into(),
                    extension: "json".into(),
                },
                "x.json: a .json file holds data, not text to read: give documents (.txt, .md) or a \
                 graph file (.ron, .kgb, .bin)",
            ),
            (
                InputError::GraphWithOthers {
                    path: "g.ron".into(),
                },
                "g.ron: a graph file is opened on its own, not together with other inputs",
            ),
            (
                InputError::GraphAsDocument {
                    path: "g.kgb".into(),
                },
                "g.kgb: a graph file, not a document to read",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(error.to_string(), expected);
        }
    }
}
