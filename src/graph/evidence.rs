//! `Evidence`: why a relation is in the graph, the sentence that states it and the rule that read it, in
//! 24 bytes.
//!
//! A graph holds one or more of these per relation, so their size is much of a relation's. The document
//! index, the sentence's span and the period are held as 32-bit numbers, the rule name as a [`Symbol`];
//! the accessors give them back as the model's types (`Span`, `&str`, `Option<Period>`). Files hold the
//! same fields as ever: `(document: 0, span: (start: 0, end: 15), rule: "verb", time: Some(...))`.

use crate::model::{Period, RuleName, Span, Symbol};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Why a relation is in the graph: the sentence that states it and the rule that read it.
///
/// Ordered by document, span, rule name and period, in that order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "EvidenceRecord", try_from = "EvidenceRecord")]
pub struct Evidence {
    document: u32,
    /// The byte span of the sentence in its document.
    start: u32,
    end: u32,
    /// The name of the extraction rule that fired.
    rule: Symbol,
    /// The period the sentence speaks of, packed into two years (see [`PackedPeriod`]).
    time: PackedPeriod,
}

/// Why evidence cannot be held: a number past what its 32 bits hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    #[error("the sentence span {start}..{end} lies past 4 GiB into its document")]
    SpanTooLong { start: usize, end: usize },
    #[error("the year {0} is out of range")]
    YearOutOfRange(i32),
}

impl Evidence {
    /// Evidence from `document`, the sentence at `span`, read by the rule named `rule`, speaking of
    /// `time`. A span end past `u32::MAX` is held as `u32::MAX` (kgraph's documents are smaller), and a
    /// year below `i32::MIN + 2` as `i32::MIN + 2` (kgraph reads years 1000–2199).
    pub fn new(document: u32, span: Span, rule: &str, time: Option<Period>) -> Evidence {
        Evidence::with_rule(document, span, Symbol::intern(rule), time)
    }

    /// [`Evidence::new`] with the rule name already interned, for a caller making many.
    pub fn with_rule(document: u32, span: Span, rule: Symbol, time: Option<Period>) -> Evidence {
        let clamp = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        let clamp_year = |year: Option<i32>| year.map(|y| y.max(PackedPeriod::LOWEST_YEAR));
        let time = time.map(|p| Period {
            from: clamp_year(p.from),
            to: clamp_year(p.to),
        });
        Evidence {
            document,
            start: clamp(span.start),
            end: clamp(span.end),
            rule,
            time: PackedPeriod::pack(time),
        }
    }

    /// The rule that read it, when this version knows the rule by that name.
    pub fn rule_name(&self) -> Option<RuleName> {
        RuleName::parse(self.rule.as_str())
    }

    /// Evidence as a file holds it, refused when a number does not fit rather than changed.
    pub(crate) fn try_new(
        document: u32,
        span: Span,
        rule: Symbol,
        time: Option<Period>,
    ) -> Result<Evidence, EvidenceError> {
        let too_long = || EvidenceError::SpanTooLong {
            start: span.start,
            end: span.end,
        };
        let start = u32::try_from(span.start).map_err(|_| too_long())?;
        let end = u32::try_from(span.end).map_err(|_| too_long())?;
        let years = time.iter().flat_map(|p| p.from.into_iter().chain(p.to));
        for year in years {
            if year < PackedPeriod::LOWEST_YEAR {
                return Err(EvidenceError::YearOutOfRange(year));
            }
        }
        Ok(Evidence {
            document,
            start,
            end,
            rule,
            time: PackedPeriod::pack(time),
        })
    }

    /// The index of the document, in its graph's documents.
    pub fn document(&self) -> u32 {
        self.document
    }

    /// The byte span of the sentence in its document.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The name of the extraction rule that fired.
    pub fn rule(&self) -> &'static str {
        self.rule.as_str()
    }

    /// The name of the extraction rule, interned.
    pub fn rule_symbol(&self) -> Symbol {
        self.rule
    }

    /// The period the sentence speaks of ("In 2019", "since 2014"), if it names one.
    pub fn time(&self) -> Option<Period> {
        self.time.unpack()
    }

    /// The same evidence in the document at another index (when documents are renumbered).
    pub fn with_document(self, document: u32) -> Evidence {
        Evidence { document, ..self }
    }
}

impl Ord for Evidence {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.document, self.start, self.end)
            .cmp(&(other.document, other.start, other.end))
            .then_with(|| {
                if self.rule == other.rule {
                    Ordering::Equal
                } else {
                    self.rule().cmp(other.rule())
                }
            })
            .then_with(|| self.time().cmp(&other.time()))
    }
}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Debug for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evidence")
            .field("document", &self.document)
            .field("span", &self.span())
            .field("rule", &self.rule())
            .field("time", &self.time())
            .finish()
    }
}

/// An optional period in eight bytes: its two years, with two values no year takes standing for an open
/// end and for no period at all. `Option<Period>` takes sixteen.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct PackedPeriod {
    from: i32,
    to: i32,
}

impl PackedPeriod {
    /// Both ends `NONE`: the sentence names no period.
    const NONE: i32 = i32::MIN;
    /// An open end of a period ("since 2014" has an open `to`).
    const OPEN: i32 = i32::MIN + 1;
    /// The lowest year held.
    const LOWEST_YEAR: i32 = i32::MIN + 2;

    fn pack(time: Option<Period>) -> PackedPeriod {
        let end = |year: Option<i32>| year.unwrap_or(Self::OPEN);
        match time {
            None => PackedPeriod {
                from: Self::NONE,
                to: Self::NONE,
            },
            Some(period) => PackedPeriod {
                from: end(period.from),
                to: end(period.to),
            },
        }
    }

    fn unpack(self) -> Option<Period> {
        let end = |year: i32| (year != Self::OPEN).then_some(year);
        (self.from != Self::NONE).then(|| Period {
            from: end(self.from),
            to: end(self.to),
        })
    }
}

/// Evidence as files write it: the model's types, the period left out when there is none.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename = "Evidence")]
struct EvidenceRecord {
    document: u32,
    span: Span,
    rule: Symbol,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time: Option<Period>,
}

impl From<Evidence> for EvidenceRecord {
    fn from(evidence: Evidence) -> EvidenceRecord {
        EvidenceRecord {
            document: evidence.document,
            span: evidence.span(),
            rule: evidence.rule,
            time: evidence.time(),
        }
    }
}

impl TryFrom<EvidenceRecord> for Evidence {
    type Error = EvidenceError;

    fn try_from(record: EvidenceRecord) -> Result<Evidence, EvidenceError> {
        Evidence::try_new(record.document, record.span, record.rule, record.time)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(from: Option<i32>, to: Option<i32>) -> Option<Period> {
        Some(Period { from, to })
    }

    #[test]
    fn every_period_packs_and_unpacks() {
        let cases = [
            None,
            period(None, None),
            period(Some(2019), Some(2019)),
            period(Some(2014), None),
            period(None, Some(1991)),
            period(Some(2003), Some(2011)),
            period(Some(i32::MIN + 2), Some(i32::MAX)),
            period(Some(0), Some(-1)),
        ];
        for time in cases {
            let evidence = Evidence::new(3, Span::new(5, 9), "verb", time);
            assert_eq!(evidence.time(), time, "{time:?}");
            assert_eq!(
                (evidence.document(), evidence.span(), evidence.rule()),
                (3, Span::new(5, 9), "verb")
            );
        }
        // Clamped, never taken for a marker.
        let low = Evidence::new(0, Span::new(0, 1), "r", period(Some(i32::MIN), None));
        assert_eq!(low.time(), period(Some(i32::MIN + 2), None));
    }

    #[test]
    fn ordered_as_the_fields_were() {
        let e = |document, start, rule: &str, time| {
            Evidence::new(document, Span::new(start, start + 10), rule, time)
        };
        // Sorted by the old derived order: document, span, rule text, period (none first).
        let sorted = [
            e(0, 0, "verb", None),
            e(0, 0, "verb", period(None, None)),
            e(0, 0, "verb", period(None, Some(2000))),
            e(0, 0, "verb", period(Some(1999), None)),
            e(0, 0, "verb", period(Some(1999), Some(2001))),
            e(0, 5, "apposition", None),
            e(0, 5, "title", None),
            e(1, 0, "apposition", None),
        ];
        let mut shuffled = sorted.to_vec();
        shuffled.reverse();
        shuffled.sort();
        assert_eq!(shuffled, sorted);
    }

    #[test]
    fn files_hold_the_same_fields() {
        let cases = [
            (
                Evidence::new(0, Span::new(0, 15), "verb", None),
                "(document:0,span:(start:0,end:15),rule:\"verb\")",
            ),
            (
                Evidence::new(2, Span::new(1, 5), "title", period(Some(2014), None)),
                "(document:2,span:(start:1,end:5),rule:\"title\",time:Some((from:Some(2014))))",
            ),
            (
                Evidence::new(2, Span::new(1, 5), "title", period(None, None)),
                "(document:2,span:(start:1,end:5),rule:\"title\",time:Some(()))",
            ),
        ];
        for (evidence, text) in cases {
            assert_eq!(ron::to_string(&evidence).unwrap(), text);
            assert_eq!(ron::from_str::<Evidence>(text).unwrap(), evidence);
        }
        let errors = [
            (
                "(document:0,span:(start:0,end:4294967296),rule:\"r\")",
                "the sentence span 0..4294967296 lies past 4 GiB into its document",
            ),
            (
                "(document:0,span:(start:0,end:1),rule:\"r\",time:Some((to:Some(-2147483648))))",
                "the year -2147483648 is out of range",
            ),
        ];
        for (text, expected) in errors {
            let error = ron::from_str::<Evidence>(text).unwrap_err();
            assert!(error.to_string().contains(expected), "{error}");
        }
    }

    #[test]
    fn debug_reads_as_the_fields() {
        let evidence = Evidence::new(1, Span::new(2, 3), "verb", period(Some(2019), None));
        assert_eq!(
            format!("{evidence:?}"),
            "Evidence { document: 1, span: Span { start: 2, end: 3 }, rule: \"verb\", time: Some(Period { from: Some(2019), to: None }) }"
        );
    }
}
