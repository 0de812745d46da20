//! "Did you mean …?": the known words closest to a mistyped one.

/// At most this many suggestions are offered.
const MAX_SUGGESTIONS: usize = 3;

/// The candidates closest to `typed`, ignoring case: those within an edit distance of a third of its
/// length (at least 1), nearest first; when none is that close, those that contain it. Each candidate is
/// offered once, in its own spelling.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let typed = typed.to_lowercase();
    let allowed = (typed.chars().count() / 3).max(1);
    let mut near: Vec<(usize, String)> = Vec::new();
    let mut containing: Vec<String> = Vec::new();
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        let distance = strsim::damerau_levenshtein(&typed, &lower);
        if distance <= allowed {
            near.push((distance, candidate.to_string()));
        } else if typed.chars().count() >= 3 && lower.contains(&typed) {
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

/// `"a"`, `"a" or "b"`, `"a", "b" or "c"`: quoted words joined for a sentence.
pub fn one_of(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
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
