//! Fitting a table into a terminal of a given width: how wide each column may be, and how a cell's
//! text wraps inside it. Widths count terminal columns (display width), not bytes or characters.
//!
//! The widest column (the evidence sentence, the help text) keeps at least [`WIDE_SHARE`] of the line;
//! the other columns share the rest, the narrow ones first at their full width, the longer ones cut to
//! an equal share. When that share would leave a column narrower than [`NARROWEST_COLUMN`], the table
//! cannot be read as columns, and the caller lays each row out as a record instead.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The part of the line the widest column keeps, in fifths.
const WIDE_SHARE: usize = 2;

/// A column is never cut below this many terminal columns (or its own width, if narrower).
pub const NARROWEST_COLUMN: usize = 12;

/// The spaces between two columns.
pub const GAP: usize = 2;

/// The width of each column so that a row of `natural` widths fits in `width` columns, or `None` when
/// the table can only be fitted as records. Columns that fit stay as they are.
pub fn column_widths(natural: &[usize], width: usize) -> Option<Vec<usize>> {
    let gaps = GAP * natural.len().saturating_sub(1);
    if natural.iter().sum::<usize>() + gaps <= width {
        return Some(natural.to_vec());
    }
    let widest = (0..natural.len()).max_by_key(|&c| (natural[c], std::cmp::Reverse(c)))?;
    let kept = (width * WIDE_SHARE / 5).min(natural[widest]);
    let others: Vec<usize> = (0..natural.len()).filter(|&c| c != widest).collect();
    let budget = width.checked_sub(gaps + kept)?;
    let mut widths = natural.to_vec();
    let shares = water_fill(
        &others.iter().map(|&c| natural[c]).collect::<Vec<_>>(),
        budget,
    );
    for (&column, share) in others.iter().zip(shares) {
        if share < natural[column].min(NARROWEST_COLUMN) {
            return None;
        }
        widths[column] = share;
    }
    let used: usize = others.iter().map(|&c| widths[c]).sum();
    widths[widest] = (width - gaps - used).min(natural[widest]);
    Some(widths)
}

/// `budget` shared among columns of `natural` widths: each narrow column gets its width, the others an
/// equal share of what is left (the first ones one more when it does not divide).
fn water_fill(natural: &[usize], budget: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(|&c| (natural[c], c));
    let mut shares = vec![0; natural.len()];
    let mut left = budget;
    for (done, &column) in order.iter().enumerate() {
        let count = order.len() - done;
        let share = left / count;
        if natural[column] <= share {
            shares[column] = natural[column];
            left -= natural[column];
        } else {
            let rest = &order[done..];
            let mut extra = left % count;
            let mut by_position = rest.to_vec();
            by_position.sort_unstable();
            for &c in &by_position {
                shares[c] = share + usize::from(extra > 0);
                extra = extra.saturating_sub(1);
            }
            break;
        }
    }
    shares
}

/// `text` broken into lines no wider than `width`: between words where it can, inside a word longer
/// than a line (after a `-`, `_`, `.` or `/` when there is one in the second half) where it must.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest = word;
            while rest.width() > width {
                let (head, tail) = split_word(rest, width);
                lines.push(head.to_string());
                rest = tail;
            }
            line.push_str(rest);
        }
        lines.push(line);
    }
    lines
}

/// The longest head of `word` that fits in `width` columns (at least one character), cut after a
/// separator when one falls in its second half, and the rest.
fn split_word(word: &str, width: usize) -> (&str, &str) {
    let mut fits = 0;
    let mut used = 0;
    for (at, c) in word.char_indices() {
        let next = used + c.width().unwrap_or(0);
        if next > width && at > 0 {
            break;
        }
        used = next;
        fits = at + c.len_utf8();
    }
    let head = &word[..fits];
    let cut = head
        .char_indices()
        .rev()
        .filter(|&(at, c)| matches!(c, '-' | '_' | '.' | '/') && at + 1 < head.len())
        .map(|(at, c)| at + c.len_utf8())
        .find(|&end| head[..end].width() * 2 >= width)
        .unwrap_or(fits);
    word.split_at(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Natural widths, the terminal's width, and the widths expected (`None`: records).
    type Sharing = (&'static [usize], usize, Option<&'static [usize]>);

    #[test]
    fn columns_share_the_width() {
        let cases: &[Sharing] = &[
            // Fits: unchanged.
            (&[4, 10, 30], 80, Some(&[4, 10, 30])),
            // The widest keeps two fifths; the rest share what is left.
            (&[4, 30, 30, 200], 80, Some(&[4, 19, 19, 32])),
            // Too many wide columns for 80: records.
            (&[24, 27, 6, 11, 34, 13, 4, 170], 80, None),
            // Nothing fits at all.
            (&[30, 30], 3, None),
        ];
        for &(natural, width, expected) in cases {
            assert_eq!(
                column_widths(natural, width).as_deref(),
                expected,
                "{natural:?} in {width}"
            );
        }
    }

    #[test]
    fn text_wraps_between_words_and_inside_long_ones() {
        let cases: &[(&str, usize, &[&str])] = &[
            (
                "the KRI maintains a position",
                12,
                &["the KRI", "maintains a", "position"],
            ),
            (
                "mepc-2024-iraq-sino-us-rivalry.txt",
                12,
                &["mepc-2024-", "iraq-sino-", "us-rivalry.", "txt"],
            ),
            ("abcdefghij", 4, &["abcd", "efgh", "ij"]),
            ("Bağdat’s ally", 8, &["Bağdat’s", "ally"]),
            ("", 5, &[""]),
        ];
        for &(text, width, expected) in cases {
            assert_eq!(wrap(text, width), expected, "{text:?} in {width}");
        }
    }
}
