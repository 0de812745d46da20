//! `Gold`: the hand-made annotations of a corpus, read from `*.gold.json` files and merged.
//!
//! Files are merged by entity name (compared after [`normalize`]): the first file to name an entity gives
//! its canonical name and kind, and every file adds its aliases. Relations are concatenated in file
//! order. The files are kept too, each with the document it annotates, so that [`Gold::restricted_to`]
//! can merge again only those of the documents a graph was built from. The file format is described in
//! `shared/gold/README.md`.

use super::gold_error::GoldError;
use super::normalize::normalize;
use crate::model::{EntityKind, RelationClass};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The last part of a document name: `corpus/a.txt` and `a.txt` name the same text.
fn file_name(document: &str) -> &str {
    document.rsplit('/').next().unwrap_or(document)
}

/// The gold annotations of a corpus, merged by entity name.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// The files merged, in the order they were merged.
    files: Vec<GoldFile>,
    /// Sorted by normalised name.
    entities: Vec<GoldEntity>,
    relations: Vec<GoldRelation>,
}

/// An entity a careful reader finds in the text, with every surface form that refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Every surface form in the text, exactly as written; after merging, each normalised form once.
    pub aliases: Vec<String>,
}

/// A relation one sentence of the text states.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldRelation {
    /// The canonical name of the subject entity.
    pub subject: String,
    pub predicate: String,
    pub class: RelationClass,
    /// The canonical name of the object entity.
    pub object: String,
    /// The sentence that states it, verbatim.
    pub evidence: String,
}

/// One `*.gold.json` file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    /// The file's name (without its folder), given after reading.
    #[serde(skip)]
    name: String,
    /// The name of the text file it annotates (`battle-of-bakhmut.txt`).
    document: String,
    entities: Vec<GoldEntity>,
    relations: Vec<GoldRelation>,
}

const GOLD_SUFFIX: &str = ".gold.json";

impl Gold {
    /// Reads every `*.gold.json` file in `directory` (not recursively), in name order, and merges them.
    pub fn load_dir(directory: &Path) -> Result<Gold, GoldError> {
        let io_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| GoldError::Io { path, source }
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in std::fs::read_dir(directory).map_err(io_error(directory))? {
            let path = entry.map_err(io_error(directory))?.path();
            let is_gold = path
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.ends_with(GOLD_SUFFIX));
            if is_gold && path.is_file() {
                paths.push(path);
            }
        }
        if paths.is_empty() {
            return Err(GoldError::NoGoldFiles {
                directory: directory.to_path_buf(),
            });
        }
        paths.sort();
        let mut files = Vec::with_capacity(paths.len());
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(io_error(&path))?;
            files.push((path, text));
        }
        Self::from_files(
            files
                .iter()
                .map(|(path, text)| (path.clone(), text.as_str())),
        )
    }

    /// Parses and merges gold files given as `(file name, JSON text)`, in the order given. The names
    /// are only used in error messages.
    pub fn from_json_strs(files: &[(&str, &str)]) -> Result<Gold, GoldError> {
        Self::from_files(
            files
                .iter()
                .map(|&(name, text)| (PathBuf::from(name), text)),
        )
    }

    fn from_files<'a>(
        files: impl IntoIterator<Item = (PathBuf, &'a str)>,
    ) -> Result<Gold, GoldError> {
        let mut parsed = Vec::new();
        for (path, text) in files {
            let mut file: GoldFile = serde_json::from_str(text)
                .map_err(|error| GoldError::json(path.clone(), &error))?;
            if let Some((index, relation)) = file
                .relations
                .iter()
                .enumerate()
                .find(|(_, r)| r.class == RelationClass::CoMention)
            {
                return Err(GoldError::CoMentionRelation {
                    path,
                    index,
                    subject: relation.subject.clone(),
                    object: relation.object.clone(),
                });
            }
            file.name = path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            parsed.push(file);
        }
        Ok(Self::merge(parsed))
    }

    /// Merges `files` in order: entities by normalised name, relations one after the other.
    fn merge(files: Vec<GoldFile>) -> Gold {
        let mut entities: BTreeMap<String, GoldEntity> = BTreeMap::new();
        let mut relations = Vec::new();
        for file in &files {
            for entity in &file.entities {
                let merged =
                    entities
                        .entry(normalize(&entity.name))
                        .or_insert_with(|| GoldEntity {
                            aliases: Vec::new(),
                            ..entity.clone()
                        });
                for alias in &entity.aliases {
                    let key = normalize(alias);
                    if !merged.aliases.iter().any(|known| normalize(known) == key) {
                        merged.aliases.push(alias.clone());
                    }
                }
            }
            relations.extend(file.relations.iter().cloned());
        }
        Gold {
            files,
            entities: entities.into_values().collect(),
            relations,
        }
    }

    /// The gold of the files whose document is among `documents` (compared by file name, without
    /// folders), merged again, and the names of the files left out, in order.
    pub fn restricted_to<'a>(
        &self,
        documents: impl IntoIterator<Item = &'a str>,
    ) -> (Gold, Vec<String>) {
        let built: BTreeSet<&str> = documents.into_iter().map(file_name).collect();
        let (kept, left_out): (Vec<&GoldFile>, Vec<&GoldFile>) = self
            .files
            .iter()
            .partition(|file| built.contains(file_name(&file.document)));
        let left_out = left_out.into_iter().map(|file| file.name.clone()).collect();
        (Self::merge(kept.into_iter().cloned().collect()), left_out)
    }

    /// The names of the gold files, in the order they were merged.
    pub fn file_names(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|file| file.name.as_str())
    }

    /// Every entity, sorted by normalised name.
    pub fn entities(&self) -> &[GoldEntity] {
        &self.entities
    }

    /// Every relation, in file order.
    pub fn relations(&self) -> &[GoldRelation] {
        &self.relations
    }

    /// The position in [`Gold::entities`] of the entity with this canonical name (normalised).
    pub fn entity_index(&self, name: &str) -> Option<usize> {
        let key = normalize(name);
        self.entities
            .binary_search_by(|entity| normalize(&entity.name).cmp(&key))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IRAQ_FILE: &str = r#"{
 "document": "a.txt",
 "entities": [
  {"name": "United States", "kind": "Country", "aliases": ["United States", "US"]},
  {"name": "Iraq", "kind": "Country", "aliases": ["Iraq"]}
 ],
 "relations": [
  {"subject": "Iraq", "predicate": "moves toward", "class": "Cooperation", "object": "United States",
   "evidence": "Iraq moves toward the US."}
 ]
}"#;

    const CHINA_FILE: &str = r#"{
 "document": "b.txt",
 "entities": [
  {"name": "the United States", "kind": "Country", "aliases": ["U.S.", "us", "Washington"]},
  {"name": "China", "kind": "Country", "aliases": ["China", "Beijing"]}
 ],
 "relations": [
  {"subject": "China", "predicate": "rivals", "class": "Conflict", "object": "United States",
   "evidence": "China rivals the US."}
 ]
}"#;

    #[test]
    fn merges_files_by_normalised_name() -> Result<(), GoldError> {
        let gold =
            Gold::from_json_strs(&[("a.gold.json", IRAQ_FILE), ("b.gold.json", CHINA_FILE)])?;
        let summary: Vec<(&str, Vec<&str>)> = gold
            .entities()
            .iter()
            .map(|e| {
                (
                    e.name.as_str(),
                    e.aliases.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("China", vec!["China", "Beijing"]),
                ("Iraq", vec!["Iraq"]),
                (
                    "United States",
                    vec!["United States", "US", "U.S.", "Washington"]
                ),
            ]
        );
        let predicates: Vec<&str> = gold
            .relations()
            .iter()
            .map(|r| r.predicate.as_str())
            .collect();
        assert_eq!(predicates, ["moves toward", "rivals"]);
        assert_eq!(gold.entity_index("The united states"), Some(2));
        assert_eq!(gold.entity_index("Iran"), None);
        Ok(())
    }

    #[test]
    fn errors_name_the_file_and_position() {
        let cases = [
            (
                "{\n \"document\": \"a.txt\",\n \"entities\": [,]\n}",
                "broken.gold.json:3:15: not a gold file: expected value",
            ),
            (
                "{\"document\": \"a.txt\", \"entities\": [{\"name\": \"X\", \"kind\": \"Planet\", \"aliases\": []}], \"relations\": []}",
                "broken.gold.json:1:65: not a gold file: unknown variant `Planet`, expected one of `Person`, `Country`, `Place`, `Organization`, `ArmedGroup`, `PoliticalGroup`, `Agreement`, `Event`",
            ),
            (
                "{\"document\": \"a.txt\", \"entities\": []}",
                "broken.gold.json:1:37: not a gold file: missing field `relations`",
            ),
            (
                "{\"document\": \"a.txt\", \"entities\": [], \"relations\": [{\"subject\": \"A\", \"predicate\": \"p\", \"class\": \"CoMention\", \"object\": \"B\", \"evidence\": \"e\"}]}",
                "broken.gold.json: relation 0 (A / B) has class CoMention; gold relations are Cooperation, Conflict, PartOf, Leads or Other",
            ),
        ];
        for (json, expected) in cases {
            let message = Gold::from_json_strs(&[("broken.gold.json", json)])
                .map(|_| String::from("parsed"))
                .unwrap_or_else(|error| error.to_string());
            assert_eq!(message, expected, "for {json}");
        }
    }

    #[test]
    fn load_dir_reads_gold_files_in_name_order() -> Result<(), Box<dyn std::error::Error>> {
        let directory = tempfile::tempdir()?;
        // b before a on disk; a must still be merged first, so "United States" is the canonical name.
        std::fs::write(directory.path().join("b.gold.json"), CHINA_FILE)?;
        std::fs::write(directory.path().join("a.gold.json"), IRAQ_FILE)?;
        std::fs::write(directory.path().join("notes.json"), "not gold")?;
        let gold = Gold::load_dir(directory.path())?;
        let names: Vec<&str> = gold.entities().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["China", "Iraq", "United States"]);
        let predicates: Vec<&str> = gold
            .relations()
            .iter()
            .map(|r| r.predicate.as_str())
            .collect();
        assert_eq!(predicates, ["moves toward", "rivals"]);
        Ok(())
    }

    #[test]
    fn load_dir_errors_name_the_path() -> Result<(), Box<dyn std::error::Error>> {
        let directory = tempfile::tempdir()?;
        let message = Gold::load_dir(directory.path())
            .map(|_| String::from("loaded"))
            .unwrap_or_else(|error| error.to_string());
        assert_eq!(
            message,
            format!("{}: no *.gold.json files", directory.path().display())
        );
        let path = directory.path().join("bad.gold.json");
        std::fs::write(&path, "{\n  \"document\": 3\n}")?;
        let message = Gold::load_dir(directory.path())
            .map(|_| String::from("loaded"))
            .unwrap_or_else(|error| error.to_string());
        assert_eq!(
            message,
            format!(
                "{}:2:15: not a gold file: invalid type: integer `3`, expected a string",
                path.display()
            )
        );
        Ok(())
    }
}
