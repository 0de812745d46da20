//! Who speaks in a document: whose "we", "us" and "our" its sentences say.
//!
//! A speech or statement says "we imposed sanctions", "our forces", "they attacked us" for the country
//! that speaks. Who that is, in order:
//!
//! 1. the entity the command line names for every document (`kg build --speaker "United States"`);
//! 2. the entity whose own address the document's heading names ("State of the Union Address": the
//!    lexicon's [`speeches`](super::lexicon::LexiconEntity::speeches));
//! 3. when the heading names a speech of any kind ("Address by the President of Kenya", "Statement of
//!    the Government of Japan on Fisheries", "Remarks by the Brazilian Foreign Minister"), the one
//!    country it names before the speech's topic ("on", "about": "Remarks on Russia" is about Russia,
//!    not by it).
//!
//! Otherwise nobody speaks, and "we" is left unread, as in an article, where it is the writer or a
//! quoted speaker nobody can tell. The document's home country (the one it mentions most, which the
//! `title-home` rule takes) is no speaker: a speech names the country it speaks of more often than
//! its own ("Soviet" 30 times against "United States", "America" and "American" 17 in a 1980 address,
//! measured in the notes of [`heading_speaker`]).

use super::lexicon::{Lexicon, SurfaceRole};
use crate::model::EntityKind;

/// A longer first line is prose, not a heading.
pub const MAX_HEADING_CHARS: usize = 200;

/// The words that make a heading a speech's: "Address to the Nation", "Remarks by the President".
const SPEECH_WORDS: &[&str] = &["address", "speech", "remarks", "statement", "message"];

/// The words after which a heading names its speech's topic: "Statement on Ukraine".
const TOPIC_WORDS: &[&str] = &["on", "about", "regarding", "concerning", "over"];

/// The heading of `text`: its first line that is not blank, if it is short enough to be one.
pub fn heading_of(text: &str) -> Option<&str> {
    let heading = text.lines().find(|line| !line.trim().is_empty())?;
    (heading.chars().count() <= MAX_HEADING_CHARS).then_some(heading)
}

/// The lexicon entity (its index) that `heading` says speaks, if it says.
///
/// Measured on the 1980 State of the Union excerpt of `../shared/corpus` with its heading changed to
/// "Address to the Congress": taking the home country as the speaker of such a heading made the
/// Soviet Union say "we" (pair F1 0.548 to 0.262, precision 0.773 to 0.381), so a heading that names no
/// country gives no speaker.
pub fn heading_speaker(heading: &str, lexicon: &Lexicon) -> Option<usize> {
    lexicon
        .speaker_of_heading(heading)
        .or_else(|| speech_heading_country(heading, lexicon))
}

/// The one country a speech's heading names before its topic ("Address by the President of Kenya"),
/// if `heading` is a speech's: it holds one of [`SPEECH_WORDS`], is no "joint" statement (whose "we"
/// is several speakers), and has no finite verb of the lexicon's outside the names it holds ("Kenya
/// rejects statement", "Speech angered Kenya" are headlines about a speech, not the speech; "united"
/// in "the United States" is a name's).
fn speech_heading_country(heading: &str, lexicon: &Lexicon) -> Option<usize> {
    let words: Vec<&str> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
    let is_speech_word = |word: &str| SPEECH_WORDS.contains(&word);
    if !lower.iter().any(|word| is_speech_word(word)) || lower.iter().any(|word| word == "joint") {
        return None;
    }
    let names = names_in(&words, lexicon);
    let finite_verb = lower.iter().zip(&names).any(|(word, name)| {
        name.is_none()
            && !is_speech_word(word)
            && (word.ends_with('s') || word.ends_with("ed"))
            && lexicon.verb(word).is_some()
    });
    if finite_verb {
        return None;
    }
    let topic = lower
        .iter()
        .position(|word| TOPIC_WORDS.contains(&word.as_str()))
        .unwrap_or(lower.len());
    let mut countries = names[..topic].iter().flatten().copied().filter(|&entity| {
        lexicon
            .entity(entity)
            .is_some_and(|entity| entity.kind == EntityKind::Country)
    });
    let country = countries.next()?;
    countries.all(|other| other == country).then_some(country)
}

/// For each of `words`, the lexicon entity a run of them it is part of names ("United States"), by
/// its name, another name or its demonym; the longest run wins.
fn names_in(words: &[&str], lexicon: &Lexicon) -> Vec<Option<usize>> {
    let mut names = vec![None; words.len()];
    let mut start = 0;
    while start < words.len() {
        let longest = (start + 1..=words.len().min(start + lexicon.max_surface_words()))
            .rev()
            .find_map(|end| match lexicon.lookup(&words[start..end].join(" ")) {
                Some((entity, SurfaceRole::Name | SurfaceRole::Alias | SurfaceRole::Demonym)) => {
                    Some((end, entity))
                }
                _ => None,
            });
        match longest {
            Some((end, entity)) => {
                names[start..end].fill(Some(entity));
                start = end;
            }
            None => start += 1,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_says_who_speaks() {
        let lexicon = crate::extract::test_lexicon::test_lexicon();
        let entity = |name: &str| lexicon.entities().iter().position(|e| e.name == name);
        let (united_states, qatar, turkey) =
            (entity("United States"), entity("Qatar"), entity("Turkey"));
        let cases: &[(&str, Option<usize>)] = &[
            // An address only one state's leader gives names its speaker.
            (
                "State of the Union Address, February 3, 2033",
                united_states,
            ),
            ("STATE OF THE UNION", united_states),
            // A speech of anyone's speaks for the country its heading names.
            ("Address by the Emir of Qatar to the Shura Council", qatar),
            ("Statement of the Government of Qatar on Fisheries", qatar),
            ("Remarks by the Turkish Foreign Minister, 4 May", turkey),
            ("Qatar: Message to the Gulf Summit", qatar),
            (
                "Speech of the Prime Minister of Turkey at the Opening of Parliament",
                turkey,
            ),
            // The country after "on" is the topic.
            ("Remarks on Qatar", None),
            ("Statement by the Prime Minister of Turkey on Qatar", turkey),
            // A speech naming no country, or two, says no speaker.
            ("Address to the Nation on the Floods", None),
            ("Remarks by the Presidents of Turkey and Qatar", None),
            // A joint statement has several speakers.
            ("Joint Statement of Qatar and Turkey", None),
            ("Qatar and Turkey Joint Statement", None),
            // A headline about a speech is not the speech.
            ("Qatar accepts statement on talks", None),
            ("Turkish speech attacked farmers", None),
            // No speech at all.
            ("Floods in Qatar", None),
            ("", None),
        ];
        for &(heading, expected) in cases {
            assert_eq!(heading_speaker(heading, &lexicon), expected, "{heading}");
        }
    }

    #[test]
    fn a_verb_inside_a_name_is_the_names() {
        // "unite" is a relation verb of the built-in lexicon.
        let lexicon = Lexicon::embedded().unwrap();
        let entity = |name: &str| lexicon.entities().iter().position(|e| e.name == name);
        let cases: &[(&str, Option<usize>)] = &[
            (
                "Address by the President of the United States",
                entity("United States"),
            ),
            (
                "Remarks by the Minister of State of the United Arab Emirates",
                entity("United Arab Emirates"),
            ),
            ("Kenyan farmers united behind the statement", None),
        ];
        for &(heading, expected) in cases {
            assert_eq!(heading_speaker(heading, &lexicon), expected, "{heading}");
        }
    }

    #[test]
    fn the_heading_is_the_first_line_that_is_not_blank() {
        let long = "word ".repeat(50);
        let cases: &[(&str, Option<&str>)] = &[
            (
                "\n  \nAddress to the Nation\nWe met.",
                Some("Address to the Nation"),
            ),
            ("One line only", Some("One line only")),
            (long.as_str(), None),
            ("", None),
            ("\n\n", None),
        ];
        for &(text, expected) in cases {
            assert_eq!(heading_of(text), expected, "{text:?}");
        }
    }
}
