//! Markers: the words the such-as and between rules start at ("such as", "like", "including",
//! "between"), found in one look at each token of a sentence before those rules run.

use super::sentence_reader::SentenceReader;

/// A word a rule starts reading at (see [`SentenceReader::find_markers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// "such" (in any case), of "such as".
    Such,
    /// "like", as written.
    Like,
    /// "including" (in any case).
    Including,
    /// "between" (in any case).
    Between,
}

/// Whether the token `word` lower-cases ([`str::to_lowercase`]) to `lower`, an ASCII lower-case
/// word without a "k".
///
/// Outside ASCII, only the Kelvin sign lower-cases to an ASCII letter ("k"; "İ" lower-cases to "i"
/// and a combining dot), so a word lower-cases to such a word exactly when it is that word but for
/// ASCII case: the bytes are compared, ignoring ASCII case.
#[inline]
fn lower_is(word: &[u8], lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower.as_bytes())
}

impl SentenceReader<'_> {
    /// The words the such-as and between rules start at, in token order, into `markers` (cleared
    /// first): one look at each token for both rules.
    pub(super) fn find_markers(&self, markers: &mut Vec<(usize, Marker)>) {
        markers.clear();
        for (i, token) in self.tokens.iter().enumerate() {
            // The markers are ASCII words of four, seven or nine letters without a "k", and no
            // other word lower-cases to one (see `lower_is`): look no further at other tokens.
            let marker = match self.token_bytes(token) {
                word @ [_, _, _, _] if lower_is(word, "such") => Marker::Such,
                b"like" => Marker::Like,
                word @ [_, _, _, _, _, _, _] if lower_is(word, "between") => Marker::Between,
                word @ [_, _, _, _, _, _, _, _, _] if lower_is(word, "including") => {
                    Marker::Including
                }
                _ => continue,
            };
            markers.push((i, marker));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_lexicon::test_lexicon;
    use crate::model::Span;
    use crate::text::tokenize;

    #[test]
    fn markers_are_the_words_the_rules_start_at() {
        let lexicon = test_lexicon();
        let texts = [
            "Firms like Rosneft, SUCH as Total, Including BP, stood Between them and like-minded Such.",
            "Such as it is, between us, including them, like it or not.",
            "Likes such-as betweens includings LIKE \u{212a}ike betwe\u{212a}n \u{e9}tait.",
            "",
        ];
        for text in texts {
            let tokens = tokenize(text, Span::new(0, text.len()));
            let reader = SentenceReader::for_words(text, &tokens, &lexicon);
            // The plain definition: the lower-cased word, or the word as written for "like".
            let expected: Vec<(usize, Marker)> = (0..tokens.len())
                .filter_map(|i| {
                    let marker = match (reader.lower(i), reader.word(i)) {
                        ("such", _) => Marker::Such,
                        (_, "like") => Marker::Like,
                        ("including", _) => Marker::Including,
                        ("between", _) => Marker::Between,
                        _ => return None,
                    };
                    Some((i, marker))
                })
                .collect();
            let mut markers = vec![(99, Marker::Such)];
            reader.find_markers(&mut markers);
            assert_eq!(markers, expected, "{text}");
        }
    }

    #[test]
    fn markers_match_as_lower_cased() {
        let words = [
            "such",
            "Such",
            "SUCH",
            "suchs",
            "such\u{301}",
            "s\u{130}ch",
            "\u{212a}uch",
            "including",
            "INCLUDING",
            "Includin\u{130}",
            "between",
            "BeTwEeN",
            "betwe\u{212a}n",
            "",
            "as",
        ];
        for word in words {
            for marker in ["such", "including", "between"] {
                assert_eq!(
                    lower_is(word.as_bytes(), marker),
                    word.to_lowercase() == marker,
                    "{word} {marker}"
                );
            }
        }
    }
}
