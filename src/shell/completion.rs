//! What Tab offers at the cursor: verbs and meta-commands first, then what the command expects next
//! (entity names and aliases, quoted when they need it; options; classes, kinds, measures, formats;
//! file paths after `:load`, `:run`, `:save`, `:ingest` and `:export`). Pure functions over the line, so
//! they are tested without a terminal; the rustyline helper only forwards to them.

use crate::model::{EntityKind, RelationClass};
use crate::query::ast::{ExportTarget, Measure, OutputMode};
use crate::query::commands::{META_COMMANDS, VERBS};

/// One thing Tab can put in the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// What the list of candidates shows.
    pub display: String,
    /// What replaces the word being typed.
    pub replacement: String,
}

/// What the word under the cursor should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A verb or meta-command.
    Command,
    /// An entity name or alias.
    Name,
    /// One of a fixed set of words (options, classes, kinds, …).
    Words(Vec<String>),
    /// A file or directory.
    Path,
    /// Nothing that can be completed (free text).
    Nothing,
}

/// The byte offset where the word under the cursor starts (an open quote belongs to it), and whether
/// a quote is open there.
pub fn word_start(line: &str, pos: usize) -> (usize, bool) {
    let before = &line[..pos.min(line.len())];
    let mut start = 0;
    let mut in_quote = false;
    let mut escaped = false;
    for (index, character) in before.char_indices() {
        match character {
            _ if escaped => escaped = false,
            '\\' if in_quote => escaped = true,
            '"' => {
                if !in_quote {
                    start = index;
                }
                in_quote = !in_quote;
            }
            c if c.is_whitespace() && !in_quote => start = index + c.len_utf8(),
            _ => {}
        }
    }
    (start, in_quote)
}

/// True while a double quote is open at the end of `text`: the shell then waits for more lines.
pub fn quote_is_open(text: &str) -> bool {
    word_start(text, text.len()).1
}

/// The complete words before `end`, quotes stripped.
fn words_before(line: &str, end: usize) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_quote = false;
    let mut has_word = false;
    for character in line[..end].chars() {
        match character {
            '"' => {
                in_quote = !in_quote;
                has_word = true;
            }
            c if c.is_whitespace() && !in_quote => {
                if has_word {
                    words.push(std::mem::take(&mut current));
                    has_word = false;
                }
            }
            c => {
                current.push(c);
                has_word = true;
            }
        }
    }
    if has_word {
        words.push(current);
    }
    words
}

fn words(list: &[&str]) -> Expected {
    Expected::Words(list.iter().map(|w| w.to_string()).collect())
}

/// The options of a verb, for completion after its names.
fn verb_options(verb: &str) -> &'static [&'static str] {
    match verb {
        "neighbours" | "neighbors" => &["depth", "class", "kind", "in", "out", "both", "evidence"],
        "path" => &["class", "undirected"],
        "paths" => &["max", "limit", "class", "undirected"],
        "common" | "why" => &["class"],
        "top" => &["by", "kind", "class"],
        _ => &[],
    }
}

/// How many entity names a verb takes before its options.
fn verb_names(verb: &str) -> usize {
    match verb {
        "entity" => usize::MAX,
        "neighbours" | "neighbors" => 1,
        "path" | "paths" | "common" | "why" => 2,
        _ => 0,
    }
}

/// What belongs at the word that starts at `start`.
pub fn expected_at(line: &str, start: usize) -> Expected {
    let before = words_before(line, start);
    let Some(first) = before.first() else {
        return Expected::Command;
    };
    let command = first.to_lowercase();
    let previous = before.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let position = before.len();
    let classes = || {
        let mut names: Vec<String> = RelationClass::ALL.map(|c| c.name().to_string()).to_vec();
        names.push("asserted".into());
        Expected::Words(names)
    };
    let kinds = || Expected::Words(EntityKind::ALL.map(|k| k.name().to_string()).to_vec());
    match command.as_str() {
        ":load" | ":ingest" | ":run" | ":save" => Expected::Path,
        ":save-script" if position == 1 => Expected::Path,
        ":save-script" => Expected::Nothing,
        ":export" => match position {
            1 => Expected::Words(ExportTarget::ALL.map(|t| t.name().to_string()).to_vec()),
            2 => Expected::Path,
            3 => words(&["last"]),
            _ => Expected::Nothing,
        },
        ":mode" if position == 1 => {
            Expected::Words(OutputMode::ALL.map(|m| m.name().to_string()).to_vec())
        }
        ":timer" | ":pager" if position == 1 => words(&["on", "off"]),
        "help" if position == 1 => Expected::Words(
            VERBS
                .iter()
                .chain(META_COMMANDS)
                .map(|c| c.name.to_string())
                .collect(),
        ),
        "find" => Expected::Nothing,
        verb => {
            if previous == "class"
                || (previous.ends_with(',')
                    && before.iter().any(|w| w.eq_ignore_ascii_case("class")))
            {
                return classes();
            }
            match previous.as_str() {
                "kind" => kinds(),
                "by" if verb == "top" => {
                    Expected::Words(Measure::ALL.map(|m| m.name().to_string()).to_vec())
                }
                "depth" | "max" | "limit" => Expected::Nothing,
                _ if position <= verb_names(verb) => Expected::Name,
                _ if verb == "top" && position == 1 => words(verb_options(verb)),
                _ => words(verb_options(verb)),
            }
        }
    }
}

/// `name` as it must be typed: quoted (inner quotes and backslashes escaped) when it holds whitespace or a
/// quote or starts with `#`, or when the user already opened a quote.
pub fn typed_name(name: &str, force_quotes: bool) -> String {
    if force_quotes
        || name.contains(|c: char| c.is_whitespace() || c == '"')
        || name.starts_with('#')
    {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        name.to_string()
    }
}

/// The names Tab offers, in the order it lists them: every entity's canonical name first, then the
/// aliases that are no entity's name, each group sorted ignoring case, each spelling once (ignoring
/// case). A user typing `Kurd` sees the entities before the other ways texts named them.
pub fn ordered_names<'a>(
    canonical: impl IntoIterator<Item = &'a str>,
    aliases: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let sorted = |names: &mut Vec<String>| {
        names.sort_by_key(|n| (n.to_lowercase(), n.clone()));
        names.dedup_by_key(|n| n.to_lowercase());
    };
    let mut names: Vec<String> = canonical.into_iter().map(str::to_string).collect();
    sorted(&mut names);
    let taken: std::collections::HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let mut others: Vec<String> = aliases
        .into_iter()
        .filter(|alias| !taken.contains(&alias.to_lowercase()))
        .map(str::to_string)
        .collect();
    sorted(&mut others);
    names.extend(others);
    names
}

/// Candidates for the word that starts at `start` and runs to `pos`: `names` are the graph's entity
/// names and aliases. File paths are not listed here (the helper asks rustyline's file completer).
pub fn complete(line: &str, pos: usize, names: &[String]) -> (usize, Vec<Suggestion>) {
    let (start, in_quote) = word_start(line, pos);
    let typed = &line[start..pos];
    let bare = typed.strip_prefix('"').unwrap_or(typed).to_lowercase();
    let matching = |candidate: &str| candidate.to_lowercase().starts_with(&bare);
    let suggestions = match expected_at(line, start) {
        Expected::Command => VERBS
            .iter()
            .chain(META_COMMANDS)
            .map(|c| c.name)
            .filter(|name| matching(name))
            .map(|name| Suggestion {
                display: name.to_string(),
                replacement: format!("{name} "),
            })
            .collect(),
        Expected::Words(list) => list
            .iter()
            .filter(|word| matching(word))
            .map(|word| Suggestion {
                display: word.clone(),
                replacement: format!("{word} "),
            })
            .collect(),
        Expected::Name => {
            let mut seen = std::collections::HashSet::new();
            names
                .iter()
                .filter(|name| matching(name) && seen.insert(name.to_lowercase()))
                .map(|name| Suggestion {
                    display: name.clone(),
                    replacement: format!("{} ", typed_name(name, in_quote)),
                })
                .collect()
        }
        Expected::Path | Expected::Nothing => Vec::new(),
    };
    (start, suggestions)
}

/// The greyed-out rest of the first entity name the word at the end of the line could become, once at
/// least two characters are typed.
pub fn hint(line: &str, pos: usize, names: &[String]) -> Option<String> {
    if pos != line.len() {
        return None;
    }
    let (start, _) = word_start(line, pos);
    let typed = &line[start..pos];
    if typed.trim_start_matches('"').chars().count() < 2 {
        return None;
    }
    let (_, suggestions) = complete(line, pos, names);
    let first = suggestions.first()?;
    let replacement = first.replacement.trim_end();
    let prefix = replacement.get(..typed.len())?;
    if prefix.eq_ignore_ascii_case(typed) && replacement.len() > typed.len() {
        Some(replacement[typed.len()..].to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        [
            "Iraq",
            "Iran",
            "Popular Mobilization Forces",
            "PMF",
            "Kurdistan Region of Iraq",
            "Kurdistan",
        ]
        .iter()
        .map(|n| n.to_string())
        .collect()
    }

    fn replacements(line: &str) -> (usize, Vec<String>) {
        let (start, suggestions) = complete(line, line.len(), &names());
        (
            start,
            suggestions.into_iter().map(|s| s.replacement).collect(),
        )
    }

    #[test]
    fn completes_what_each_position_expects() {
        let cases: &[(&str, usize, &[&str])] = &[
            ("ne", 0, &["neighbours "]),
            (":ex", 0, &[":export "]),
            ("p", 0, &["path ", "paths "]),
            ("entity ir", 7, &["Iraq ", "Iran "]),
            (
                "path pmf \"Popular M",
                9,
                &["\"Popular Mobilization Forces\" "],
            ),
            (
                "why Kurd",
                4,
                &["\"Kurdistan Region of Iraq\" ", "Kurdistan "],
            ),
            (
                "neighbours Iraq ",
                16,
                &[
                    "depth ",
                    "class ",
                    "kind ",
                    "in ",
                    "out ",
                    "both ",
                    "evidence ",
                ],
            ),
            (
                "neighbours Iraq class Co",
                22,
                &["Cooperation ", "Conflict ", "CoMention "],
            ),
            ("neighbours Iraq kind arm", 21, &["ArmedGroup "]),
            ("top 5 by p", 9, &["pagerank "]),
            (":export d", 8, &["dot "]),
            (":export dot out.dot l", 20, &["last "]),
            (":mode j", 6, &["json "]),
            ("help :ti", 5, &[":timer "]),
            ("find Ir", 5, &[]),
            ("paths Iraq Iran m", 16, &["max "]),
        ];
        for &(line, start, expected) in cases {
            assert_eq!(
                replacements(line),
                (start, expected.iter().map(|s| s.to_string()).collect()),
                "{line:?}"
            );
        }
    }

    #[test]
    fn entities_come_before_aliases() {
        let canonical = [
            "Kurdistan Region of Iraq",
            "iraq",
            "Kurdistan Democratic Party",
        ];
        let aliases = [
            "KRI",
            "Kurdistan",
            "Iraq",
            "kurdistan",
            "Kurdistan Region of Iraq",
            "Iraqi",
        ];
        assert_eq!(
            ordered_names(canonical, aliases),
            [
                "iraq",
                "Kurdistan Democratic Party",
                "Kurdistan Region of Iraq",
                "Iraqi",
                "KRI",
                "Kurdistan",
            ]
        );
        let names = ordered_names(canonical, aliases);
        let (_, suggestions) = complete("entity kurd", 11, &names);
        let listed: Vec<&str> = suggestions.iter().map(|s| s.display.as_str()).collect();
        assert_eq!(
            listed,
            [
                "Kurdistan Democratic Party",
                "Kurdistan Region of Iraq",
                "Kurdistan"
            ]
        );
    }

    #[test]
    fn file_arguments_are_left_to_the_file_completer() {
        for line in [":load da", ":run queries/", ":export svg out", ":save g"] {
            let (start, _) = word_start(line, line.len());
            assert_eq!(expected_at(line, start), Expected::Path, "{line}");
        }
    }

    #[test]
    fn hints_the_rest_of_a_name() {
        let cases: &[(&str, Option<&str>)] = &[
            ("entity Kurdistan R", None),
            ("path \"Popular Mob", Some("ilization Forces\"")),
            ("why iraq ir", Some("aq")),
            ("why iraq i", None),
            ("neighbours Iraq de", Some("pth")),
        ];
        for &(line, expected) in cases {
            assert_eq!(
                hint(line, line.len(), &names()).as_deref(),
                expected,
                "{line:?}"
            );
        }
    }

    #[test]
    fn knows_when_a_quote_is_open() {
        let cases = [
            ("entity \"Popular", true),
            ("entity \"Popular Mobilization Forces\"", false),
            ("entity \"a \\\" b", true),
            ("entity Iraq", false),
        ];
        for (text, open) in cases {
            assert_eq!(quote_is_open(text), open, "{text}");
        }
    }
}
