//! `entity_key`: a stable, machine-independent name for an entity.
//!
//! A graph's `EntityId` is an index into one graph in memory: two graphs built from
//! different documents, or the same graph reloaded after an edit, number their entities
//! differently. The key does not depend on any graph. It is a hash of what makes an entity the
//! entity it is, its kind and its normalised canonical name, so two machines that read different
//! shards of a corpus give the same entity the same key without talking to each other, and an
//! export written today names a node the same way as one written from tomorrow's bigger corpus.
//!
//! The name is normalised the way the graph's name index normalises it (Unicode NFC, curly
//! apostrophes straightened, whitespace collapsed, case folded), so "Kataib  Hezbollah" and
//! "kataib hezbollah" share a key, and "Iran" the country and "Iran" a person do not.

use crate::model::{EntityKind, name_key};
use unicode_normalization::UnicodeNormalization;

/// The stable key of the entity of `kind` whose canonical name is `name`: 16 lower-case hex
/// digits, the xxh3-64 of `kind + "\0" + normalised name`.
///
/// # Arguments
/// * `name`: the canonical name, as written; it is normalised here.
/// * `kind`: the entity's kind; its [`EntityKind::name`] is hashed.
///
/// # Returns
/// The key, always 16 characters from `0-9a-f`. The same name and kind give the same key on
/// every machine and in every version that keeps this function's contract.
///
/// # Example
/// ```
/// use kgraph::model::EntityKind;
/// use kgraph::model::entity_key;
///
/// let key = entity_key("Kataib Hezbollah", EntityKind::ArmedGroup);
/// assert_eq!(key.len(), 16);
/// assert_eq!(key, entity_key("kataib  hezbollah", EntityKind::ArmedGroup));
/// assert_ne!(key, entity_key("Kataib Hezbollah", EntityKind::Organization));
/// ```
pub fn entity_key(name: &str, kind: EntityKind) -> String {
    let normalised = name_key(&name.nfc().collect::<String>());
    let mut hashed = String::with_capacity(kind.name().len() + 1 + normalised.len());
    hashed.push_str(kind.name());
    // The separator cannot occur in a kind's name, so no kind and name can run into another pair.
    hashed.push('\0');
    hashed.push_str(&normalised);
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(hashed.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_entity_same_key_table() {
        let cases = [
            ("Iran", "iran"),
            ("Kataib Hezbollah", "KATAIB HEZBOLLAH"),
            ("Kataib Hezbollah", " Kataib \n Hezbollah "),
            ("Asa’ib Ahl al-Haq", "Asa'ib Ahl al-Haq"),
            // "é" precomposed and as "e" plus a combining acute accent.
            ("Caf\u{e9} Society", "Cafe\u{301} Society"),
        ];
        for (a, b) in cases {
            assert_eq!(
                entity_key(a, EntityKind::Organization),
                entity_key(b, EntityKind::Organization),
                "{a:?} and {b:?}"
            );
        }
    }

    #[test]
    fn different_entities_different_keys_table() {
        let cases = [
            ("Iran", EntityKind::Country, "Iraq", EntityKind::Country),
            ("Iran", EntityKind::Country, "Iran", EntityKind::Person),
            (
                "al-Haq",
                EntityKind::ArmedGroup,
                "alHaq",
                EntityKind::ArmedGroup,
            ),
        ];
        for (a, a_kind, b, b_kind) in cases {
            assert_ne!(
                entity_key(a, a_kind),
                entity_key(b, b_kind),
                "{a:?} and {b:?}"
            );
        }
    }

    #[test]
    fn key_is_sixteen_hex_digits_and_pinned() {
        let key = entity_key("Iran", EntityKind::Country);
        assert_eq!(key.len(), 16);
        assert!(
            key.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        // Pinned: a change here changes every exported id, and shards built by an older kg would
        // no longer agree with newer ones.
        assert_eq!(key, "8cba160c52c4a218", "xxh3-64 of \"Country\\0iran\"");
    }
}
