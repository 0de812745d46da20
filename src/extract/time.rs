//! Time expressions: the period a sentence speaks of, as years.
//!
//! A relation takes the period of the sentence that states it. The first time expression of the sentence
//! wins, read by these patterns (years 1000–2199):
//!
//! | text | period |
//! |---|---|
//! | "since July 2019", "from 2014", "after 2003", "following 2003" | 2019 onwards |
//! | "until 2008", "before 1990", "by 2030" | up to 2008 |
//! | "between 2006 and 2008", "from 2006 to 2008", "2006–2008", "1990–91" | 2006 to 2008 |
//! | "the 1980s" | 1980 to 1989 |
//! | "In 2019", "December 31, 2011", "in November 2022" | 2019 |

use crate::model::Period;
use crate::text::{Token, TokenKind};

fn parse_year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1000..2200).contains(y))
}

/// "1990–91", "2006-2008": a range in one token.
fn parse_range(word: &str) -> Option<Period> {
    let (start, end) = word.split_once(['–', '-'])?;
    let from = parse_year(start)?;
    let to = match end.len() {
        4 => parse_year(end)?,
        2 if end.bytes().all(|b| b.is_ascii_digit()) => {
            from - from % 100 + end.parse::<i32>().ok()?
        }
        _ => return None,
    };
    (to >= from).then_some(Period {
        from: Some(from),
        to: Some(to),
    })
}

/// "1980s"
fn parse_decade(word: &str) -> Option<Period> {
    let year = parse_year(word.strip_suffix('s')?)?;
    (year % 10 == 0).then_some(Period {
        from: Some(year),
        to: Some(year + 9),
    })
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "early",
    "late",
    "mid",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "the",
];

/// The period of a sentence, from its first time expression.
pub fn sentence_period(text: &str, tokens: &[Token]) -> Option<Period> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let lower = |i: usize| word(i).to_lowercase();
    for (index, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Number {
            continue;
        }
        let current = word(index);
        if let Some(period) = parse_range(current).or_else(|| parse_decade(current)) {
            return Some(period);
        }
        let Some(year) = parse_year(current) else {
            continue;
        };
        // The word that governs the year, past a month, a day and a comma: "since July 2019",
        // "until December 31, 2011".
        let mut before = index;
        while before > 0
            && (MONTHS.contains(&lower(before - 1).as_str())
                || word(before - 1) == ","
                || word(before - 1).bytes().all(|b| b.is_ascii_digit())
                    && word(before - 1).len() <= 2)
        {
            before -= 1;
        }
        let governor = before.checked_sub(1).map(lower).unwrap_or_default();
        let closing = |after: usize| {
            matches!(lower(after).as_str(), "and" | "to" | "until")
                .then(|| parse_year(word(after + 1)))
                .flatten()
        };
        let period = match governor.as_str() {
            "since" | "after" | "following" => Period {
                from: Some(year),
                to: None,
            },
            "until" | "till" | "before" | "by" => Period {
                from: None,
                to: Some(year),
            },
            "between" | "from" => match closing(index + 1) {
                Some(end) if end >= year => Period {
                    from: Some(year),
                    to: Some(end),
                },
                _ if governor == "from" => Period {
                    from: Some(year),
                    to: None,
                },
                _ => Period::year(year),
            },
            _ => Period::year(year),
        };
        return Some(period);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokenize;

    fn period(text: &str) -> Option<Period> {
        sentence_period(text, &tokenize(text, Span::new(0, text.len())))
    }

    fn range(from: Option<i32>, to: Option<i32>) -> Option<Period> {
        Some(Period { from, to })
    }

    #[test]
    fn reads_time_expressions() {
        let cases = [
            (
                "In 2019, Iraq and China signed a deal.",
                range(Some(2019), Some(2019)),
            ),
            (
                "Since July 2019, Israel has attacked PMF factions.",
                range(Some(2019), None),
            ),
            (
                "The SOFA, signed December 31, 2011, recognized Iraq.",
                range(Some(2011), Some(2011)),
            ),
            (
                "Strife between 2006 and 2008 disrupted talks.",
                range(Some(2006), Some(2008)),
            ),
            (
                "Maliki during his tenure (2006–2014) kept ties.",
                range(Some(2006), Some(2014)),
            ),
            (
                "The war of 1990–91 hurt Iraq.",
                range(Some(1990), Some(1991)),
            ),
            (
                "The Iran-Iraq War of the 1980s ended.",
                range(Some(1980), Some(1989)),
            ),
            (
                "Sanctions lasted until 2003 at least.",
                range(None, Some(2003)),
            ),
            ("Iraq exports 100,000 barrels a day.", None),
            ("About 2,500 soldiers stayed.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(period(text), expected, "{text}");
        }
    }

    #[test]
    fn periods_overlap_windows() {
        let since_2014 = Period {
            from: Some(2014),
            to: None,
        };
        let cases = [
            (Period::year(2019), Some(2014), None, true),
            (Period::year(2003), Some(2014), None, false),
            (since_2014, None, Some(2010), false),
            (since_2014, None, Some(2014), true),
            (Period::year(2010), Some(2005), Some(2012), true),
        ];
        for (period, from, to, expected) in cases {
            assert_eq!(
                period.overlaps(from, to),
                expected,
                "{period} vs {from:?}..{to:?}"
            );
        }
    }
}
