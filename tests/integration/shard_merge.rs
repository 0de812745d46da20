//! A sharded build (`kg build --shard I/N` on each part, then `kg merge`) against the single build of
//! the same corpus, through the real binary.
//!
//! Where every document settles its own names (each defines its acronyms and writes its people's full
//! names, and writes in lower case the common words it capitalises at a sentence start), the merged graph
//! is the single build's file byte for byte, for any number of shards and any order of the parts. (An entity's
//! kind is the vote of all its mentions in a single build; each graph keeps its entities' votes, so the
//! merge adds them up.) On real
//! texts the two corpus-wide decisions of a single build (alias resolution, and the vocabulary that tells
//! a capitalised common word from a name) see only a shard's documents; the second test checks that the
//! merge then differs from the single build in those entities only, and agrees on everything else.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn kg(args: &[&str], dir: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("kg runs");
    assert!(
        output.status.success(),
        "kg {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Builds `corpus` whole into `dir/single.EXT` and in `count` shards merged into `dir/merged-COUNT.EXT`;
/// the parts are given to `kg merge` in reverse order, which must not matter.
fn build_both(corpus: &Path, dir: &Path, count: usize, extension: &str) -> (PathBuf, PathBuf) {
    let corpus = corpus.display().to_string();
    let single = format!("single.{extension}");
    kg(&["build", &corpus, "-o", &single, "-q"], dir);
    let mut parts = Vec::new();
    for index in 1..=count {
        let part = format!("part-{count}-{index}.{extension}");
        let shard = format!("{index}/{count}");
        kg(
            &["build", &corpus, "--shard", &shard, "-o", &part, "-q"],
            dir,
        );
        parts.push(part);
    }
    parts.reverse();
    let merged = format!("merged-{count}.{extension}");
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(String::as_str));
    args.extend(["-o", &merged, "-q"]);
    kg(&args, dir);
    (dir.join(single), dir.join(merged))
}

// Names whose every mention says "organisation", the kind an acronym is read as: see the module docs
// for why an entity whose mentions disagree on its kind can be typed otherwise by a merge.
const ORGANISATIONS: [&str; 8] = [
    "Northern Valley Council",
    "Amber Coast Commission",
    "Silver Lake Institute",
    "Eastern Ridge Agency",
    "Copper Field Authority",
    "Granite Harbour Union",
    "Western Delta Bank",
    "Cedar Plain Assembly",
];
const PEOPLE: [&str; 6] = [
    "Marek Hollis",
    "Ines Valcour",
    "Tomas Brandt",
    "Aylin Korev",
    "Petra Solms",
    "Yusuf Darrow",
];
const COUNTRIES: [&str; 6] = ["France", "Brazil", "Kenya", "Japan", "Norway", "Chile"];

fn acronym(name: &str) -> String {
    name.split(' ').filter_map(|w| w.chars().next()).collect()
}

/// Document `i` of a corpus whose documents settle their own names: organisations and people are
/// shared between documents, but each document gives them in full.
fn standalone_document(i: usize) -> String {
    let org = ORGANISATIONS[i % ORGANISATIONS.len()];
    let other = ORGANISATIONS[(i * 3 + 1) % ORGANISATIONS.len()];
    let person = PEOPLE[i % PEOPLE.len()];
    let country = COUNTRIES[i % COUNTRIES.len()];
    let second = COUNTRIES[(i + 2) % COUNTRIES.len()];
    let (org_acronym, other_acronym) = (acronym(org), acronym(other));
    format!(
        "The {org} ({org_acronym}) was formed in {country} in {year}.\n\
         In March, {person}, the leader of the {org_acronym}, met officials of {second}.\n\
         The {org_acronym} signed an agreement with {second} on border security.\n\
         The {other} ({other_acronym}) attacked the {org_acronym} near the border of {country}.\n\
         In the report, the {other_acronym} is said to receive weapons from {second}.\n",
        year = 2000 + i,
    )
}

#[test]
fn merge_of_shards_is_the_single_build_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("nested")).unwrap();
    for i in 0..14 {
        // Some documents one folder down: shards are chosen by the name relative to the argument.
        let folder = if i % 4 == 0 {
            corpus.join("nested")
        } else {
            corpus.clone()
        };
        std::fs::write(
            folder.join(format!("doc-{i:02}.txt")),
            standalone_document(i),
        )
        .unwrap();
    }
    for extension in ["ron", "kgb"] {
        for count in [1, 2, 3, 5, 8] {
            let (single, merged) = build_both(&corpus, dir.path(), count, extension);
            let (single, merged) = (
                std::fs::read(single).unwrap(),
                std::fs::read(merged).unwrap(),
            );
            assert!(
                single == merged,
                "{count} shards ({extension}): the merged graph differs from the single build"
            );
        }
    }
    // The corpus is not trivial: entities shared by documents in different shards were united.
    let json = export_json(dir.path(), "single.ron");
    let relations = json["links"].as_array().unwrap();
    assert!(relations.len() > 40, "{} relations", relations.len());
    let shared = relations
        .iter()
        .filter(|r| {
            let documents: BTreeSet<&str> = r["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["document"].as_str().unwrap())
                .collect();
            documents.len() > 1
        })
        .count();
    assert!(
        shared > 5,
        "only {shared} relations with evidence from several documents"
    );
}

fn export_json(dir: &Path, graph: &str) -> Value {
    let out = format!("{graph}.json");
    kg(
        &["export", graph, "--format", "json", "--output", &out],
        dir,
    );
    serde_json::from_str(&std::fs::read_to_string(dir.join(out)).unwrap()).unwrap()
}

/// A relation as a comparable line: endpoints by name, predicate, class, flags, and each evidence
/// sentence's document and span.
type Statement = (
    String,
    String,
    String,
    String,
    bool,
    bool,
    Vec<(String, u64, u64)>,
);

/// The graph's entities (name → aliases) and relations, with `rename` applied to endpoint names.
fn statements(json: &Value, rename: &BTreeMap<String, String>) -> BTreeSet<Statement> {
    let names: BTreeMap<u64, String> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let name = n["name"].as_str().unwrap().to_string();
            (
                n["id"].as_u64().unwrap(),
                rename.get(&name).cloned().unwrap_or(name),
            )
        })
        .collect();
    let mut merged: BTreeMap<_, Vec<(String, u64, u64)>> = BTreeMap::new();
    for link in json["links"].as_array().unwrap() {
        let key = (
            names[&link["source"].as_u64().unwrap()].clone(),
            names[&link["target"].as_u64().unwrap()].clone(),
            link["predicate"].as_str().unwrap().to_string(),
            link["class"].as_str().unwrap().to_string(),
            link["negated"].as_bool().unwrap(),
            link["hedged"].as_bool().unwrap(),
        );
        let evidence = merged.entry(key).or_default();
        for e in link["evidence"].as_array().unwrap() {
            evidence.push((
                e["document"].as_str().unwrap().to_string(),
                e["start"].as_u64().unwrap(),
                e["end"].as_u64().unwrap(),
            ));
        }
    }
    merged
        .into_iter()
        .map(|((s, o, p, c, n, h), mut evidence)| {
            evidence.sort();
            evidence.dedup();
            (s, o, p, c, n, h, evidence)
        })
        .collect()
}

/// Name → (kind, aliases).
fn entities(json: &Value) -> BTreeMap<String, (String, BTreeSet<String>)> {
    json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let aliases = n["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            let kind = n["kind"].as_str().unwrap().to_string();
            (n["name"].as_str().unwrap().to_string(), (kind, aliases))
        })
        .collect()
}

#[test]
fn on_real_texts_the_merge_differs_only_where_a_corpus_wide_decision_did() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpora = [root.join("tests/fixtures/sotu"), root.join("data")];
    let dir = tempfile::tempdir().unwrap();
    for corpus in &corpora {
        for count in 2..=4 {
            let (single, merged) = build_both(corpus, dir.path(), count, "ron");
            let single = export_json(dir.path(), single.to_str().unwrap());
            let merged = export_json(dir.path(), merged.to_str().unwrap());
            let (whole, parts) = (entities(&single), entities(&merged));
            // An entity only the merge has is one the single build either folded into another entity
            // (alias resolution saw both names) or did not take for a name (the vocabulary saw the
            // word in lower case in another shard's documents): rename the first kind to the entity
            // that took it in, and leave the second out.
            let mut rename = BTreeMap::new();
            let mut dropped = BTreeSet::new();
            for (name, (kind, aliases)) in &parts {
                if let Some((whole_kind, whole_aliases)) = whole.get(name) {
                    assert!(
                        aliases.is_subset(whole_aliases) && kind == whole_kind,
                        "{}, {count} shards: {name} is {kind} {aliases:?}, in the single build \
                         {whole_kind} {whole_aliases:?}",
                        corpus.display(),
                    );
                    continue;
                }
                let owners: Vec<&String> = whole
                    .iter()
                    .filter(|(_, (_, whole_aliases))| aliases.is_subset(whole_aliases))
                    .map(|(owner, _)| owner)
                    .collect();
                match owners.as_slice() {
                    [owner] => {
                        rename.insert(name.clone(), (*owner).clone());
                    }
                    [] => {
                        assert!(
                            !name.contains(' '),
                            "{}, {count} shards: the merge has {name}, which the single build neither \
                             has nor folds into another entity",
                            corpus.display()
                        );
                        dropped.insert(name.clone());
                    }
                    _ => panic!("{name}: several owners {owners:?}"),
                }
            }
            assert!(
                parts.len() - rename.len() - dropped.len() == whole.len(),
                "{}, {count} shards: entities missing from the merge",
                corpus.display()
            );
            let expected = statements(&single, &BTreeMap::new());
            let got: BTreeSet<Statement> = statements(&merged, &rename)
                .into_iter()
                .filter(|s| !dropped.contains(&s.0) && !dropped.contains(&s.1))
                .collect();
            // Renaming can put two relations on one edge: compare evidence per statement key.
            let flatten = |set: &BTreeSet<Statement>| -> BTreeSet<_> {
                set.iter()
                    .flat_map(|(s, o, p, c, n, h, evidence)| {
                        evidence.iter().map(move |e| {
                            (
                                s.clone(),
                                o.clone(),
                                p.clone(),
                                c.clone(),
                                *n,
                                *h,
                                e.clone(),
                            )
                        })
                    })
                    .collect()
            };
            let (expected, got) = (flatten(&expected), flatten(&got));
            let missing: Vec<_> = expected.difference(&got).collect();
            let extra: Vec<_> = got.difference(&expected).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}, {count} shards:\nmissing {missing:#?}\nextra {extra:#?}",
                corpus.display()
            );
        }
    }
}

/// Each entity's mentions as `(document, start)`, by entity id.
fn mentions_by_entity(json: &Value) -> BTreeMap<u64, Vec<(String, u64)>> {
    json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let mentions = n["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["document"].as_str().unwrap().to_string(),
                        m["start"].as_u64().unwrap(),
                    )
                })
                .collect();
            (n["id"].as_u64().unwrap(), mentions)
        })
        .collect()
}

/// A sentence of evidence: source, target, predicate, class, document, start.
type EvidenceRow = (Option<u64>, Option<u64>, String, String, String, u64);

/// Every sentence of evidence, with entity ids mapped by `entity`.
fn evidence_rows(json: &Value, entity: impl Fn(u64) -> Option<u64>) -> BTreeSet<EvidenceRow> {
    let mut rows = BTreeSet::new();
    for link in json["links"].as_array().unwrap() {
        for e in link["evidence"].as_array().unwrap() {
            rows.insert((
                entity(link["source"].as_u64().unwrap()),
                entity(link["target"].as_u64().unwrap()),
                link["predicate"].as_str().unwrap().to_string(),
                link["class"].as_str().unwrap().to_string(),
                e["document"].as_str().unwrap().to_string(),
                e["start"].as_u64().unwrap(),
            ));
        }
    }
    rows
}

/// How close a sharded build comes to the single build on a corpus of your own:
/// `KG_SHARD_CORPUS=../shared/corpus-large/sotu KG_SHARDS=4 cargo test --release --test integration
/// shard_merge:: -- --ignored --nocapture`. Each merged entity stands for the single build's entity that holds most of its
/// mentions, so a difference in an entity's name alone does not count, a difference in who is who does.
#[test]
#[ignore = "a measurement: needs KG_SHARD_CORPUS"]
fn measure_agreement_with_the_single_build() {
    let corpus = PathBuf::from(std::env::var("KG_SHARD_CORPUS").expect("KG_SHARD_CORPUS"));
    let count: usize = std::env::var("KG_SHARDS").map_or(4, |n| n.parse().expect("KG_SHARDS"));
    let dir = tempfile::tempdir().unwrap();
    let (single, merged) = build_both(&corpus, dir.path(), count, "kgb");
    let single = export_json(dir.path(), single.to_str().unwrap());
    let merged = export_json(dir.path(), merged.to_str().unwrap());
    let (whole, parts) = (mentions_by_entity(&single), mentions_by_entity(&merged));
    let owner: BTreeMap<&(String, u64), u64> = whole
        .iter()
        .flat_map(|(&id, mentions)| mentions.iter().map(move |m| (m, id)))
        .collect();
    let standing_for: BTreeMap<u64, u64> = parts
        .iter()
        .filter_map(|(&id, mentions)| {
            let mut votes: BTreeMap<u64, usize> = BTreeMap::new();
            for m in mentions {
                if let Some(&o) = owner.get(m) {
                    *votes.entry(o).or_default() += 1;
                }
            }
            let best = votes
                .into_iter()
                .max_by_key(|&(o, n)| (n, std::cmp::Reverse(o)))?;
            Some((id, best.0))
        })
        .collect();
    let whole_mentions: BTreeSet<_> = whole.values().flatten().collect();
    let part_mentions: BTreeSet<_> = parts.values().flatten().collect();
    let same_entities = parts
        .iter()
        .filter(|(id, mentions)| {
            standing_for
                .get(id)
                .is_some_and(|o| whole.get(o) == Some(mentions))
        })
        .count();
    let expected = evidence_rows(&single, Some);
    let got = evidence_rows(&merged, |id| standing_for.get(&id).copied());
    let found = expected.intersection(&got).count();
    let percent = |part: usize, all: usize| 100.0 * part as f64 / all.max(1) as f64;
    println!(
        "{} in {count} shards against the single build:\n\
         mentions: {} of {} ({:.1}%), {} only in the merge\n\
         entities with exactly the same mentions: {} of {} ({:.1}%); the merge has {}\n\
         evidence (endpoints, predicate, class, sentence): {} of {} ({:.1}%); the merge has {}",
        corpus.display(),
        whole_mentions.intersection(&part_mentions).count(),
        whole_mentions.len(),
        percent(
            whole_mentions.intersection(&part_mentions).count(),
            whole_mentions.len()
        ),
        part_mentions.difference(&whole_mentions).count(),
        same_entities,
        whole.len(),
        percent(same_entities, whole.len()),
        parts.len(),
        found,
        expected.len(),
        percent(found, expected.len()),
        got.len(),
    );
}
