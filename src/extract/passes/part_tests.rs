//! The corpus-wide evidence gathered in parts: combined in any order it is one value, and parts read
//! with it find what the whole corpus finds.

use super::*;
use crate::extract::test_lexicon::test_lexicon;

/// Documents whose names are settled only across documents: an acronym defined in one and used bare
/// in another, a surname given in full in one, a word written in lower case in one only.
fn corpus() -> Vec<Document> {
    [
        (
            "a.txt",
            "The Southern Relief Front (SRF) met Amira Talbot, who chairs the council, in the capital.",
        ),
        (
            "b.txt",
            "Talbot said the SRF would hold the river crossing.",
        ),
        (
            "c.txt",
            "Reforms were promised. The reforms of the council failed.",
        ),
        ("d.txt", "Reforms came later, and Talbot welcomed them."),
    ]
    .into_iter()
    .map(|(name, text)| Document {
        name: name.into(),
        text: text.into(),
    })
    .collect()
}

/// The documents of `corpus` at `indices`, as a part.
fn part(corpus: &[Document], indices: &[u32]) -> Vec<Document> {
    indices
        .iter()
        .map(|&i| corpus[i as usize].clone())
        .collect()
}

#[test]
fn parts_read_with_the_combined_evidence_find_what_the_whole_corpus_finds() {
    let lexicon = test_lexicon();
    let options = ExtractOptions::default();
    let corpus = corpus();
    let names: Vec<&str> = corpus.iter().map(|d| d.name.as_str()).collect();
    let splits: [&[u32]; 2] = [&[0, 2], &[1, 3]];
    let parts: Vec<Vec<Document>> = splits.iter().map(|s| part(&corpus, s)).collect();
    let as_part = |index: usize| CorpusPart {
        documents: &parts[index],
        corpus_index: splits[index],
        corpus_names: &names,
    };
    let vocabularies = [0, 1].map(|i| gather_vocabulary(as_part(i), &lexicon, options));
    let vocabulary = vocabularies[0]
        .clone()
        .combine(vocabularies[1].clone())
        .unwrap();
    assert_eq!(
        vocabularies[1]
            .clone()
            .combine(vocabularies[0].clone())
            .unwrap(),
        vocabulary
    );
    let gathered =
        [0, 1].map(|i| gather_names(as_part(i), &vocabulary, &lexicon, options).unwrap());
    let combined = gathered[1].clone().combine(gathered[0].clone()).unwrap();
    assert_eq!(
        gathered[0].clone().combine(gathered[1].clone()).unwrap(),
        combined
    );
    assert_eq!(
        CorpusEvidence::from_ron(&combined.to_ron()).unwrap(),
        combined
    );
    // A part is refused the vocabulary of half the corpus, and the names of the wrong step.
    assert!(matches!(
        gather_names(as_part(0), &vocabularies[0], &lexicon, options),
        Err(EvidenceError::Incomplete { .. })
    ));
    assert!(matches!(
        extract_part(as_part(0), &vocabulary, &lexicon, options),
        Err(EvidenceError::WrongStep { .. })
    ));
    assert!(matches!(
        gathered[0].clone().combine(gathered[0].clone()),
        Err(EvidenceError::DuplicateDocument { .. })
    ));
    // Each part's entities, named and typed as the whole corpus names and types them, with the
    // mentions the part has of them.
    let whole = extract_corpus(&corpus, &lexicon, options);
    let mut mentions_seen = 0;
    for (index, split) in splits.iter().enumerate() {
        let extraction = extract_part(as_part(index), &combined, &lexicon, options).unwrap();
        for entity in &extraction.entities {
            let same = whole
                .entities
                .iter()
                .find(|e| e.name == entity.name)
                .unwrap_or_else(|| panic!("{} is no entity of the whole corpus", entity.name));
            assert_eq!(same.kind, entity.kind, "{}", entity.name);
            let in_part: Vec<(usize, crate::model::Span)> = same
                .mentions
                .iter()
                .filter_map(|&(document, span)| {
                    let local = split.iter().position(|&d| d as usize == document)?;
                    Some((local, span))
                })
                .collect();
            assert_eq!(in_part, entity.mentions, "{}", entity.name);
            mentions_seen += entity.mentions.len();
        }
    }
    let whole_mentions: usize = whole.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(mentions_seen, whole_mentions);
    // "SRF" in b.txt is the front defined in a.txt, and "Talbot" in d.txt is Amira Talbot.
    let front = whole
        .entities
        .iter()
        .find(|e| e.name == "Southern Relief Front")
        .unwrap();
    assert!(front.mentions.iter().any(|&(document, _)| document == 1));
    let talbot = whole
        .entities
        .iter()
        .find(|e| e.name == "Amira Talbot")
        .unwrap();
    assert!(talbot.mentions.iter().any(|&(document, _)| document == 3));
}
