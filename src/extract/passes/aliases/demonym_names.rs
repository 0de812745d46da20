//! Rule 5: a demonym before a one-word name the corpus also writes alone is that name ("Lebanese
//! Hezbollah" and "Hezbollah", "Afghan Mujahideen" and "Mujahideen"): the demonym says whose it is,
//! it does not make a new entity.

use super::groups::Group;
use crate::extract::lexicon::{Lexicon, SurfaceRole, WordBuildHasher};
use crate::extract::mention::EnglishVocabulary;
use crate::model::{EntityKind, surface_key};
use crate::union_find::UnionFind;
use std::collections::HashMap;

/// Rule 5: joins each name written as a demonym and a name of another group to that group, when the
/// name is no common English words alone ("Iraqi Army" and "Army" stay apart: "the Army" may be any
/// state's).
pub(super) fn join_demonym_names(groups: &[Group<'_>], lexicon: &Lexicon, union: &mut UnionFind) {
    let index_of_key: HashMap<&str, usize, WordBuildHasher> = groups
        .iter()
        .enumerate()
        .filter(|(_, group)| group.lexicon_entity.is_none() && !group.key.is_empty())
        .map(|(index, group)| (group.key, index))
        .collect();
    for (index, group) in groups.iter().enumerate() {
        if group.lexicon_entity.is_some() || group.acronym {
            continue;
        }
        let bare = group
            .surfaces
            .keys()
            .find_map(|surface| bare_name(surface, lexicon))
            .and_then(|bare| index_of_key.get(surface_key(bare).as_str()).copied());
        if let Some(bare) = bare
            && bare != index
            && !groups[bare].acronym
        {
            union.union(index, bare);
        }
    }
}

/// "Lebanese Hezbollah": the one-word name after a leading demonym (longer names with the same
/// words are joined by rule 4), when it is no common English word, and no head noun of an institution or a place that any state has
/// ("American Senate", "Iranian Parliament": the Senate alone may be another state's). The
/// lexicon's armed-group head nouns that are no English words are group names ("Mujahideen").
fn bare_name<'s>(surface: &'s str, lexicon: &Lexicon) -> Option<&'s str> {
    let (first, rest) = surface.split_once(' ')?;
    let rest = rest.trim_start();
    let demonym = matches!(lexicon.lookup(first), Some((_, SurfaceRole::Demonym)));
    let vocabulary = EnglishVocabulary::embedded();
    let proper = rest
        .split_whitespace()
        .any(|word| !vocabulary.is_often_lower(word) && !vocabulary.is_common_inside(word));
    let institution = lexicon
        .head_noun(rest)
        .is_some_and(|kind| kind != EntityKind::ArmedGroup);
    (demonym && proper && !institution && !rest.is_empty() && !rest.contains(char::is_whitespace))
        .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_after_a_demonym_is_read_off() {
        let lexicon = Lexicon::embedded().expect("the embedded lexicon loads");
        let cases = [
            ("Somali Okonkwo", Some("Okonkwo")),
            // Longer names are rule 4's.
            ("Somali Okonkwo Front", None),
            ("Kenyan Lerma", Some("Lerma")),
            // A common word alone names whatever the text's state has.
            ("Kenyan Army", None),
            ("Kenyan Armed Forces", None),
            ("Kenyan Senate", None),
            ("Kenyan Parliament", None),
            ("Afghan Mujahideen", Some("Mujahideen")),
            // No demonym first.
            ("Lerma Front", None),
            ("Kenya Lerma", None),
            ("Kenyan", None),
        ];
        for (surface, expected) in cases {
            assert_eq!(bare_name(surface, &lexicon), expected, "{surface:?}");
        }
    }
}
