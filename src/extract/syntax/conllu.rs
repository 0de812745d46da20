//! Reading CoNLL-U with byte spans, the format of the silver syntax in `../shared/silver/`
//! (`# span = START-END` before each sentence, `Span=START-END` in each token's MISC column).
//!
//! Only what the tagger and the parser learn from is kept: each token's form, lemma, tags, span,
//! head and dependency label.

use super::{DependencyLabel, Tag};
use crate::model::Span;
use thiserror::Error;

/// A CoNLL-U token.
#[derive(Debug, Clone, PartialEq)]
pub struct SilverToken {
    /// Its byte span in the text.
    pub span: Span,
    /// The form as written.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Its Universal tag, as written (`NOUN`).
    pub universal: String,
    /// Its Penn Treebank tag.
    pub tag: Tag,
    /// Its head: the head's place in the sentence counted from 1, or 0 for the root.
    pub head: usize,
    /// The label of the arc from its head.
    pub relation: DependencyLabel,
}

/// A CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct SilverSentence {
    /// Its byte span in the text.
    pub span: Span,
    /// Its tokens, in order.
    pub tokens: Vec<SilverToken>,
}

/// A line of CoNLL-U that could not be read: the line (from 1) and why.
#[derive(Debug, Error, PartialEq)]
#[error("line {line}: {reason}")]
pub struct ConlluError {
    /// The line, counted from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// Reads `START-END` as a span.
fn read_span(text: &str) -> Option<Span> {
    let (start, end) = text.split_once('-')?;
    let (start, end) = (start.trim().parse().ok()?, end.trim().parse().ok()?);
    (start <= end).then(|| Span::new(start, end))
}

/// The sentences of a CoNLL-U text with byte spans.
pub fn read_conllu(text: &str) -> Result<Vec<SilverSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current: Option<SilverSentence> = None;
    for (index, line) in text.lines().enumerate() {
        let error = |reason: String| ConlluError {
            line: index + 1,
            reason,
        };
        if line.trim().is_empty() {
            sentences.extend(current.take());
        } else if let Some(comment) = line.strip_prefix('#') {
            if let Some(span) = comment.trim().strip_prefix("span =") {
                let span =
                    read_span(span).ok_or_else(|| error(format!("bad sentence span {span:?}")))?;
                sentences.extend(current.replace(SilverSentence {
                    span,
                    tokens: Vec::new(),
                }));
            }
        } else {
            let columns: Vec<&str> = line.split('\t').collect();
            let [_, form, lemma, universal, tag, _, head, relation, _, misc] = columns[..] else {
                return Err(error(format!("{} columns, not 10", columns.len())));
            };
            let tag = Tag::from_name(tag).ok_or_else(|| error(format!("unknown tag {tag:?}")))?;
            let head = head
                .parse()
                .map_err(|_| error(format!("bad head {head:?}")))?;
            let relation = DependencyLabel::from_name(relation)
                .ok_or_else(|| error(format!("unknown dependency label {relation:?}")))?;
            let span = misc
                .split('|')
                .find_map(|field| field.strip_prefix("Span="))
                .and_then(read_span)
                .ok_or_else(|| error(format!("no Span=START-END in {misc:?}")))?;
            let sentence = current
                .as_mut()
                .ok_or_else(|| error("a token before any `# span =` line".into()))?;
            sentence.tokens.push(SilverToken {
                span,
                form: form.to_string(),
                lemma: lemma.to_string(),
                universal: universal.to_string(),
                tag,
                head,
                relation,
            });
        }
    }
    sentences.extend(current);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_with_spans() {
        let text = "# span = 0-9\n1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\tSpan=0-2\n\
                    2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\tSpan=3-9\n\n";
        let sentences = read_conllu(text).expect("reads");
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].span, Span::new(0, 9));
        let tokens: Vec<_> = sentences[0]
            .tokens
            .iter()
            .map(|t| {
                (
                    t.form.as_str(),
                    t.lemma.as_str(),
                    t.tag,
                    t.span,
                    t.head,
                    t.relation,
                )
            })
            .collect();
        assert_eq!(
            tokens,
            [
                (
                    "We",
                    "we",
                    Tag::PersonalPronoun,
                    Span::new(0, 2),
                    2,
                    DependencyLabel::NominalSubject
                ),
                (
                    "signed",
                    "sign",
                    Tag::PastVerb,
                    Span::new(3, 9),
                    0,
                    DependencyLabel::Root
                ),
            ]
        );
    }

    #[test]
    fn says_which_line_is_wrong() {
        let cases = [
            (
                "# span = 0-2\n1\tWe\twe\tPRON\n",
                "line 2: 4 columns, not 10",
            ),
            (
                "# span = 0-2\n1\tWe\twe\tPRON\tPRONOUN\t_\t0\troot\t_\tSpan=0-2\n",
                "line 2: unknown tag \"PRONOUN\"",
            ),
            (
                "# span = 0-2\n1\tWe\twe\tPRON\tPRP\t_\t0\troot\t_\t_\n",
                "line 2: no Span=START-END in \"_\"",
            ),
            (
                "# span = 0-2\n1\tWe\twe\tPRON\tPRP\t_\tx\troot\t_\tSpan=0-2\n",
                "line 2: bad head \"x\"",
            ),
            (
                "# span = 0-2\n1\tWe\twe\tPRON\tPRP\t_\t0\tsubject\t_\tSpan=0-2\n",
                "line 2: unknown dependency label \"subject\"",
            ),
            ("# span = 9-2\n", "line 1: bad sentence span \" 9-2\""),
            (
                "1\tWe\twe\tPRON\tPRP\t_\t0\troot\t_\tSpan=0-2\n",
                "line 1: a token before any `# span =` line",
            ),
        ];
        for (text, message) in cases {
            let error = read_conllu(text).expect_err(text);
            assert_eq!(error.to_string(), message);
        }
    }
}
