//! The shipped tagger against the silver tags of two addresses held out of its training
//! (`examples/train_tagger.rs` holds out every tenth file by sorted name, from the first): it must
//! agree with them on at least 96% of tokens, on spaCy's tokens and on the project's tokens that
//! line up with them.

use flate2::read::GzDecoder;
use kgraph::extract::syntax::alignment::align_sentence;
use kgraph::extract::syntax::conllu::read_conllu;
use kgraph::extract::syntax::{Tagger, TaggerScratch};
use std::io::Read;
use std::path::Path;

/// Two held-out addresses: the 190th and 230th files by name.
const HELD_OUT: [&str; 2] = ["1930_herbert_hoover_r", "2019_donald_j_trump_r"];

/// (silver tokens, silver tokens agreeing, aligned project tokens, aligned agreeing, project tokens)
fn agreement(tagger: &Tagger, name: &str) -> (usize, usize, usize, usize, usize) {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let silver_path = shared.join(format!("silver/sotu/{name}.conllu.gz"));
    let mut conllu = String::new();
    let read = std::fs::File::open(&silver_path)
        .and_then(|file| GzDecoder::new(file).read_to_string(&mut conllu));
    if let Err(error) = read {
        panic!("{}: {error}", silver_path.display());
    }
    let text_path = shared.join(format!("corpus-large/sotu/{name}.txt"));
    let text = match std::fs::read_to_string(&text_path) {
        Ok(text) => text,
        Err(error) => panic!("{}: {error}", text_path.display()),
    };
    let sentences = match read_conllu(&conllu) {
        Ok(sentences) => sentences,
        Err(error) => panic!("{}: {error}", silver_path.display()),
    };
    let (mut scratch, mut tags) = (TaggerScratch::default(), Vec::new());
    let mut counts = (0, 0, 0, 0, 0);
    for sentence in &sentences {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.form.as_str()).collect();
        tagger.tag_words(&words, &mut scratch, &mut tags);
        counts.0 += words.len();
        counts.1 += sentence
            .tokens
            .iter()
            .zip(&tags)
            .filter(|(t, tag)| t.tag == **tag)
            .count();
        let aligned = align_sentence(&text, sentence);
        let words: Vec<&str> = aligned.iter().map(|a| a.span.slice(&text)).collect();
        tagger.tag_words(&words, &mut scratch, &mut tags);
        counts.4 += aligned.len();
        for (token, tag) in aligned.iter().zip(&tags) {
            if token.exact {
                counts.2 += 1;
                counts.3 += usize::from(token.tag == *tag);
            }
        }
    }
    counts
}

#[test]
fn agrees_with_the_silver_tags_of_held_out_addresses() {
    let tagger = match Tagger::shipped() {
        Ok(tagger) => tagger,
        Err(error) => panic!("the shipped tagger model does not load: {error}"),
    };
    for name in HELD_OUT {
        let (silver, silver_agree, aligned, aligned_agree, project) = agreement(tagger, name);
        assert!(silver > 5000, "{name}: only {silver} silver tokens");
        let on_silver = silver_agree as f64 / silver as f64;
        let on_aligned = aligned_agree as f64 / aligned as f64;
        let aligned_share = aligned as f64 / project as f64;
        assert!(on_silver >= 0.96, "{name}: {on_silver:.4} on silver tokens");
        assert!(
            on_aligned >= 0.96,
            "{name}: {on_aligned:.4} on aligned project tokens"
        );
        assert!(
            aligned_share >= 0.95,
            "{name}: only {aligned_share:.4} of project tokens align"
        );
    }
}
