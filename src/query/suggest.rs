//! "Did you mean …?": the known words closest to a mistyped one.

/// At most this many suggestions are offered.
const MAX_SUGGESTIONS: usize = 3;

/// The candidates closest to `typed`, ignoring case: those within an edit distance of a third of its
/// length (at least 1), nearest first; when none is that close, those that contain it. Each candidate is
/// offered once, in its own spelling.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let typed = typed.to_lowercase();
    let typed_length = typed.chars().count();
    let allowed = (typed_length / 3).max(1);
    let mut near: Vec<(usize, String)> = Vec::new();
    let mut containing: Vec<String> = Vec::new();
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        // The distance is at least the difference in length: a candidate too short or too long is
        // not compared, so a 100 KB name typed by mistake costs a pass over the names, not 100 KB ×
        // name length for each of them.
        let too_far = lower.chars().count().abs_diff(typed_length) > allowed;
        let distance = if too_far {
            None
        } else {
            Some(strsim::damerau_levenshtein(&typed, &lower)).filter(|&d| d <= allowed)
        };
        if let Some(distance) = distance {
            near.push((distance, candidate.to_string()));
        } else if typed_length >= 3 && lower.contains(&typed) {
            containing.push(candidate.to_string());
        }
    }
    near.sort();
    let mut suggestions: Vec<String> = near.into_iter().map(|(_, c)| c).collect();
    if suggestions.is_empty() {
        containing.sort_by_key(|c| (c.len(), c.clone()));
        suggestions = containing;
    }
    let mut seen = std::collections::HashSet::new();
    suggestions.retain(|s| seen.insert(s.to_lowercase()));
    suggestions.truncate(MAX_SUGGESTIONS);
    suggestions
}

/// An error message repeats at most this many characters of a word it quotes.
pub const ECHOED_CHARACTERS: usize = 80;

/// `text` as an error message quotes it: its control characters shown (`\u{1b}`), not sent to the
/// terminal, and cut to [`ECHOED_CHARACTERS`] characters with `…` after, so a 10 MB line typed by
/// mistake is not sent back whole.
pub fn echoed(text: &str) -> String {
    let mut characters = text.chars();
    let kept: String = characters.by_ref().take(ECHOED_CHARACTERS).collect();
    let safe = crate::model::terminal_safe(&kept).into_owned();
    if characters.next().is_some() {
        safe + "…"
    } else {
        safe
    }
}

/// `"a"`, `"a" or "b"`, `"a", "b" or "c"`: quoted words joined for a sentence (each [`echoed`]).
pub fn one_of(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{}\"", echoed(w))).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `; did you mean "a" or "b"?`, or nothing when there is no suggestion.
pub fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", one_of(suggestions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_words_then_containing_ones() {
        let names = [
            "Iraq",
            "Iran",
            "Israel",
            "Kurdistan Region of Iraq",
            "China",
        ];
        let cases: &[(&str, &[&str])] = &[
            ("irak", &["Iran", "Iraq"]),
            ("CHNIA", &["China"]),
            ("Kurdistan", &["Kurdistan Region of Iraq"]),
            ("zzzzzz", &[]),
            ("ab", &[]),
        ];
        for (typed, expected) in cases {
            assert_eq!(closest(typed, names), *expected, "{typed}");
        }
    }

    #[test]
    fn joins_suggestions_for_a_sentence() {
        let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(did_you_mean(&[]), "");
        assert_eq!(did_you_mean(&words(&["a"])), "; did you mean \"a\"?");
        assert_eq!(one_of(&words(&["a", "b", "c"])), "\"a\", \"b\" or \"c\"");
    }
}
