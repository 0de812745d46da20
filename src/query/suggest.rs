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
        let candidate_length = lower.chars().count();
        let too_far = candidate_length.abs_diff(typed_length) > allowed;
        let distance = if too_far {
            None
        } else {
            #[cfg(test)]
            work::count(typed_length * candidate_length);
            Some(strsim::damerau_levenshtein(&typed, &lower)).filter(|&d| d <= allowed)
        };
        if let Some(distance) = distance {
            near.push((distance, candidate.to_string()));
        } else if typed_length >= 3 && typed.len() <= lower.len() && {
            // Searching for a word needs a pass over it first: not for each of a graph's names when
            // it is longer than they are.
            #[cfg(test)]
            work::count(typed.len() + lower.len());
            lower.contains(&typed)
        } {
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

/// The characters the search for suggestions compares, counted in tests: its work, which a long word
/// typed by mistake must not multiply (see `tests::a_long_unknown_word_is_compared_with_no_name`).
#[cfg(test)]
mod work {
    use std::cell::Cell;

    thread_local! {
        static COMPARED: Cell<usize> = const { Cell::new(0) };
        /// A test's limit: past it the search panics at once rather than run on for minutes.
        static BUDGET: Cell<usize> = const { Cell::new(usize::MAX) };
    }

    pub(super) fn count(characters: usize) {
        let compared = COMPARED.get() + characters;
        COMPARED.set(compared);
        let budget = BUDGET.get();
        assert!(
            compared <= budget,
            "the search compared more than {budget} characters"
        );
    }

    /// What `search` compares, failing once it is past `budget`.
    pub(super) fn within<T>(budget: usize, search: impl FnOnce() -> T) -> (T, usize) {
        COMPARED.set(0);
        BUDGET.set(budget);
        let found = search();
        BUDGET.set(usize::MAX);
        (found, COMPARED.get())
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

    /// Issue 21: a 100 KB name typed by mistake took 49 s on a large graph, every name compared
    /// with it in full. A name can be near it only when their lengths are near, and can contain it
    /// only when it is longer: the work is a pass over the names, whatever was typed.
    #[test]
    fn a_long_unknown_word_is_compared_with_no_name() {
        let names: Vec<String> = (0..1_000)
            .map(|n| format!("Organisation Number {n} of the Region"))
            .collect();
        let names = || names.iter().map(String::as_str);
        let cases = [
            ("a".repeat(100_000), 0),
            ("Organisation Number 7 of the Region".repeat(3), 0),
        ];
        for (typed, expected_work) in cases {
            let (suggestions, work) = work::within(1_000_000, || closest(&typed, names()));
            assert_eq!(suggestions, Vec::<String>::new(), "{}", typed.len());
            assert_eq!(work, expected_work, "{}", typed.len());
        }
        // A near word is still compared, and found.
        let (suggestions, work) = work::within(usize::MAX, || {
            closest("organisation number 7 of the regoin", names())
        });
        assert_eq!(suggestions[0], "Organisation Number 7 of the Region");
        assert!(work > 0);
    }
}
