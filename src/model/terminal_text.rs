//! Text made safe to print on a terminal.
//!
//! Names and document names come from files and file names a user does not control: an ESC in one
//! would drive the terminal (colours, cursor moves, a changed title), a carriage return would
//! overwrite the line, a newline would break a table's rows. Every control character (C0, DEL and
//! C1) is shown instead as Rust's escape for it, `\u{1b}`, which a reader can recognise and which
//! no terminal acts on. Other text, including every printable non-ASCII character, is unchanged.

use std::borrow::Cow;

/// `text` with each control character (U+0000–U+001F, U+007F–U+009F) written as `\u{..}` in
/// lower-case hex; borrowed unchanged when it holds none.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if character.is_control() {
            safe.push_str(&format!("\\u{{{:x}}}", u32::from(character)));
        } else {
            safe.push(character);
        }
    }
    Cow::Owned(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_table() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("Ḥizb al-Daʿwa", "Ḥizb al-Daʿwa"),
            ("bad\u{1b}[31mname", r"bad\u{1b}[31mname"),
            ("two\nlines", r"two\u{a}lines"),
            ("nul\0", r"nul\u{0}"),
            ("tab\there", r"tab\u{9}here"),
            ("cr\r", r"cr\u{d}"),
            ("del\u{7f}", r"del\u{7f}"),
            ("csi\u{9b}", r"csi\u{9b}"),
            (r"back\slash", r"back\slash"),
        ];
        for (input, expected) in cases {
            assert_eq!(terminal_safe(input), expected, "for {input:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(terminal_safe("Iran"), Cow::Borrowed("Iran")));
    }
}
