//! Page furniture: lines that are part of the web page or print layout, not of the text. (Placeholder.)

/// True when a line is page furniture and yields no sentences.
pub fn is_furniture_line(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let latin = line.chars().filter(|c| c.is_ascii_alphabetic()).count();
    letters > 0 && latin * 2 < letters
}
