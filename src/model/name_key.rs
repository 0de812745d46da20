//! Name keys: the normalised forms names are grouped and looked up under.
//!
//! - [`name_key`]: how the graph indexes names (case folded, curly apostrophes straightened, whitespace
//!   collapsed); `entity X` and the shell's completion look names up by it.
//! - [`surface_key`]: how extraction groups surface forms into one name (also apostrophes dropped,
//!   hyphens made spaces, a leading "the" dropped); a merge of shards groups entities by it too.
//!
//! Both are defined once here, below every stage, so the stages that build and merge graphs agree.

/// The key names are indexed under: case folded, curly apostrophes straightened, whitespace collapsed.
pub fn name_key(name: &str) -> String {
    if !name.is_ascii() {
        // Lower-cased whole: a final sigma depends on what follows it.
        return name
            .replace('’', "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
    }
    // The same key in one pass over the bytes and one allocation: every entity's names are keyed as a
    // graph is built or loaded, and decoding and encoding characters was most of the key's cost.
    let mut key = Vec::with_capacity(name.len());
    let mut in_word = false;
    for &byte in name.as_bytes() {
        // `char::is_whitespace` in ASCII: `u8::is_ascii_whitespace` leaves out the vertical tab.
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
            in_word = false;
            continue;
        }
        if !in_word && !key.is_empty() {
            key.push(b' ');
        }
        in_word = true;
        key.push(byte.to_ascii_lowercase());
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(key).unwrap_or_default()
}

/// The key a surface form is grouped under: lower-cased, apostrophes dropped, hyphens and dashes made
/// spaces, words joined by single spaces, and a leading "the" dropped when more words follow.
pub fn surface_key(surface: &str) -> String {
    if surface.is_ascii() {
        return ascii_surface_key(surface);
    }
    // ASCII lower-cases a character at a time; other text is lower-cased whole, as a final sigma
    // depends on what follows it.
    let lowered: std::borrow::Cow<'_, str> = if surface.is_ascii() {
        std::borrow::Cow::Borrowed(surface)
    } else {
        std::borrow::Cow::Owned(surface.to_lowercase())
    };
    // One pass over the lower-cased text: words are runs of characters that are neither white space
    // nor hyphens or dashes; apostrophes are left out of them.
    let mut key = String::with_capacity(lowered.len());
    let mut words = 0;
    let mut in_word = false;
    for c in lowered.chars().map(|c| c.to_ascii_lowercase()) {
        if matches!(c, '\'' | '’' | '‘') {
            continue;
        }
        if matches!(c, '-' | '–' | '—') || c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            if words > 0 {
                key.push(' ');
            }
            words += 1;
            in_word = true;
        }
        key.push(c);
    }
    if words >= 2 && key.starts_with("the ") {
        key.drain(..4);
    }
    key
}

/// [`surface_key`] of an ASCII surface, a byte at a time: nearly every surface is ASCII, and decoding
/// and encoding characters was most of the key's cost.
fn ascii_surface_key(surface: &str) -> String {
    let mut key = Vec::with_capacity(surface.len());
    let mut words = 0;
    let mut in_word = false;
    for &byte in surface.as_bytes() {
        match byte {
            b'\'' => continue,
            // `char::is_whitespace` in ASCII: `u8::is_ascii_whitespace` leaves out the vertical tab.
            b'-' | b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => in_word = false,
            _ => {
                if !in_word {
                    if words > 0 {
                        key.push(b' ');
                    }
                    words += 1;
                    in_word = true;
                }
                key.push(byte.to_ascii_lowercase());
            }
        }
    }
    if words >= 2 && key.starts_with(b"the ") {
        key.drain(..4);
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(key).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The key as first written, step by step.
    fn name_key_by_steps(name: &str) -> String {
        name.replace('’', "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    #[test]
    fn name_keys() {
        let cases = [
            ("Nouri al-Maliki", "nouri al-maliki"),
            (
                "  The\tPopular \x0b Mobilization\r\nForces ",
                "the popular mobilization forces",
            ),
            ("Kata’ib Hezbollah", "kata'ib hezbollah"),
            ("ΟΔΟΣ  Σ", "οδος σ"),
            ("", ""),
        ];
        for (name, key) in cases {
            assert_eq!(name_key(name), key, "{name:?}");
        }
    }

    proptest! {
        #[test]
        fn one_pass_name_key_is_the_stepwise_key(name in "[ -~\t\n\x0b\x0c\r\x1c\x1fΣσ’é]{0,24}") {
            prop_assert_eq!(name_key(&name), name_key_by_steps(&name));
        }
    }

    #[test]
    fn keys_ignore_case_apostrophes_hyphens_and_the() {
        let cases = [
            ("Kata'ib Hezbollah", "kataib hezbollah"),
            ("Kataib Hezbollah", "kataib hezbollah"),
            ("Mohammed Shia' Al Sudani", "mohammed shia al sudani"),
            ("Mohammed Shia al-Sudani", "mohammed shia al sudani"),
            ("the Badr Organization", "badr organization"),
            ("Asa’ib Ahl al-Haq", "asaib ahl al haq"),
            ("The", "the"),
        ];
        for (surface, key) in cases {
            assert_eq!(surface_key(surface), key, "{surface}");
        }
    }

    /// The key as first defined, step by step: what the one-pass [`surface_key`] must give.
    fn surface_key_by_steps(surface: &str) -> String {
        let lowered = surface
            .to_lowercase()
            .replace(['\'', '’', '‘'], "")
            .replace(['-', '–', '—'], " ");
        let words: Vec<&str> = lowered.split_whitespace().collect();
        let words = match words.split_first() {
            Some((&"the", rest)) if !rest.is_empty() => rest,
            _ => &words[..],
        };
        words.join(" ")
    }

    #[test]
    fn one_pass_key_is_the_stepwise_key() {
        let cases = [
            "",
            " ",
            "the",
            "The the",
            "the  Badr",
            "theBadr",
            "THE-Badr",
            "’the Badr",
            "'",
            "a ' b",
            "Kata’ib--Hezbollah",
            "ΣΑΣ Σ",
            "İstanbul",
            "\u{212a}elvin",
            "x\u{a0}y\u{2003}z",
            "—the—",
            "the ’ x",
        ];
        for surface in cases {
            assert_eq!(
                surface_key(surface),
                surface_key_by_steps(surface),
                "{surface:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn one_pass_key_is_the_stepwise_key_for_any_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "the", "The", "THE", "a", "Σ", "ς", "İ", "\u{212a}", " ", "\t", "\u{a0}", "-", "–", "—",
                "'", "’", "‘", "x", "É", ".", "\u{b}", "\u{c}", "\r", "\n", "\u{1c}", "Q",
            ]), 0..12),
            ascii in "[ -~\t\n\x0b\x0c\r\x1c]{0,24}",
            any in proptest::prelude::any::<String>(),
        ) {
            let surface: String = pieces.concat();
            prop_assert_eq!(surface_key(&surface), surface_key_by_steps(&surface));
            prop_assert_eq!(surface_key(&any), surface_key_by_steps(&any));
            prop_assert_eq!(surface_key(&ascii), surface_key_by_steps(&ascii));
        }
    }
}
