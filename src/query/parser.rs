//! The parser: one line of text to a [`Statement`], with nom.
//!
//! # Grammar
//!
//! Keywords ignore case; names are matched against entity names and aliases later, also ignoring case.
//! Whitespace separates tokens; a token that starts with `#` starts a comment that runs to the end of the
//! line.
//!
//! ```text
//! line       ::= statement? comment?
//! statement  ::= query | meta
//! query      ::= "entity" name-rest
//!              | ("neighbours" | "neighbors") name neighbours-option*
//!              | "path" name name path-option*
//!              | "paths" name name paths-option*
//!              | "common" name name common-option*
//!              | "why" name name common-option*
//!              | "find" text-rest
//!              | "top" integer? top-option*
//!              | "stats" | "docs" | "help" command-name?
//! neighbours-option ::= "depth" integer | class-option | kind-option | "in" | "out" | "both"
//!                     | "evidence"      (one row per linked pair, its strongest relation and a sentence)
//!                     | time-option     ("in" followed by a digit is a time option, else the direction)
//! path-option       ::= class-option | "undirected" | time-option
//! paths-option      ::= "max" integer | "limit" integer | class-option | "undirected" | time-option
//! common-option     ::= class-option | time-option
//! top-option        ::= "by" ("degree" | "pagerank" | "betweenness") | kind-option | class-option
//!                     | time-option
//! class-option      ::= "class" class ("," class)*
//! kind-option       ::= "kind" kind ("," kind)*
//! time-option       ::= "since" year | "until" year | "in" year | "between" year "and" year
//!                       (inclusive; "in" Y = "since" Y "until" Y; each end of the window once)
//! meta       ::= ":load" path+ | ":save" path "force"? | ":ingest" path+ | ":run" path
//!              | ":export" ("json" | "dot" | "svg" | "png" | "pdf") path "last"?
//!              | ":mode" ("table" | "plain" | "json" | "csv") | ":timer" ("on" | "off")
//!              | ":pager" ("on" | "off") | ":history" | ":save-script" path range? | ":quit"
//! range      ::= integer ("-" integer)?        (entries of :history, from 1; first ≤ last)
//! name       ::= quoted | word
//! name-rest  ::= quoted | word+                 (the rest of the line, one space between words)
//! text-rest  ::= quoted | word+
//! path       ::= quoted | word
//! quoted     ::= '"' ([^"\\] | '\\' any)* '"'   (a backslash escapes the next character)
//! word       ::= [^ whitespace "]+
//! integer    ::= [0-9]+
//! year       ::= [0-9][0-9][0-9][0-9]
//! class      ::= Cooperation | Conflict | PartOf | Leads | Other | CoMention
//!              | asserted                        (any case; asserted = every class but CoMention)
//! kind       ::= Person | Country | Place | Organization | ArmedGroup | PoliticalGroup
//!              | Agreement | Event                                             (any case)
//! comment    ::= "#" any*
//! ```
//!
//! # Errors
//!
//! Once the first word has chosen a command the parser is committed (nom's `cut`): an error from then on
//! is reported where the input went wrong (the unknown option, the bad number, the unclosed quote), not at
//! the start of the line. Every error is a [`QueryError`] whose message a user can read.
//!
//! # Time windows
//!
//! A time option keeps the relations with at least one evidence sentence dated inside the window (see
//! [`crate::graph::RelationFilter`]); undated evidence never passes one. `since` and `until` combine into
//! one window; `in` and `between` set both ends, so they combine with nothing else, and a window that
//! ends before it starts is an error at the year that closed it.

use super::ast::{
    EntryRange, ExportTarget, Measure, Meta, NameRef, OutputMode, PathArg, Query, Statement,
};
use super::commands::{META_COMMANDS, VERBS, command_help};
use super::error::{QueryError, QueryErrorKind};
use super::suggest::closest;
use crate::graph::WalkDirection;
use crate::model::{EntityKind, Period, RelationClass, Span};
use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::char;
use nom::combinator::cut;
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Parser};

/// The deepest `neighbours … depth N`.
pub const MAX_DEPTH: usize = 20;
/// The longest simple paths `paths … max N` looks for.
pub const MAX_HOPS: usize = 10;
/// The most results `paths … limit K` and `top N` list.
pub const MAX_LIMIT: usize = 10_000;
/// How many paths `paths` lists unless told.
pub const DEFAULT_PATH_LIMIT: usize = 20;
/// How many entities `top` lists unless told.
pub const DEFAULT_TOP: usize = 10;

/// A parse error while nom runs: where it happened (the rest of the input), how many bytes it covers
/// (0: the next token), and what it is.
#[derive(Debug)]
struct SyntaxError<'a> {
    at: &'a str,
    width: usize,
    kind: QueryErrorKind,
}

impl<'a> ParseError<&'a str> for SyntaxError<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        let found = match token_len(input) {
            0 => "end of line".to_string(),
            length => format!("\"{}\"", &input[..length]),
        };
        SyntaxError {
            at: input,
            width: 0,
            kind: QueryErrorKind::Unexpected { found },
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

type ParseResult<'a, T> = IResult<&'a str, T, SyntaxError<'a>>;

/// A committed error: `kind` about `width` bytes at `at` (0: the next token).
fn failure<T>(at: &str, width: usize, kind: QueryErrorKind) -> ParseResult<'_, T> {
    Err(nom::Err::Failure(SyntaxError { at, width, kind }))
}

/// The length in bytes of the token `input` starts with: a quoted string up to its closing quote (or the
/// end of the line), or a run of non-whitespace.
fn token_len(input: &str) -> usize {
    if let Some(inside) = input.strip_prefix('"') {
        let mut escaped = false;
        for (index, character) in inside.char_indices() {
            match character {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => return index + 2,
                '\n' => return index + 1,
                _ => {}
            }
        }
        return input.len();
    }
    input.find(char::is_whitespace).unwrap_or(input.len())
}

/// Skips whitespace and comments.
fn blank(mut input: &str) -> &str {
    loop {
        input = input.trim_start();
        if input.starts_with('#') {
            input = input.find('\n').map_or("", |i| &input[i..]);
        } else {
            return input;
        }
    }
}

/// A run of characters that are neither whitespace nor a quote.
fn word(input: &str) -> ParseResult<'_, &str> {
    take_while1(|c: char| !c.is_whitespace() && c != '"').parse(input)
}

/// A double-quoted string; after the opening quote the parser is committed, so a missing closing quote
/// is reported at the opening one.
fn quoted(input: &str) -> ParseResult<'_, String> {
    let (inside, _) = char('"').parse(input)?;
    cut(|rest| closing_quote(input, rest)).parse(inside)
}

/// The text up to the closing quote, escapes resolved; `opening` is where the quote opened. A line
/// break (a quote left open at the end of a line in the shell) is not part of the name: it and the
/// blanks around it read as one space between words, and as nothing at either end.
fn closing_quote<'a>(opening: &'a str, inside: &'a str) -> ParseResult<'a, String> {
    let mut text = String::new();
    let mut line_break = false;
    let mut characters = inside.char_indices().peekable();
    while let Some((index, character)) = characters.next() {
        match character {
            '"' => return Ok((&inside[index + 1..], text)),
            '\n' => {
                text.truncate(text.trim_end().len());
                while characters.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
                line_break = !text.is_empty();
            }
            other => {
                if std::mem::take(&mut line_break) {
                    text.push(' ');
                }
                match other {
                    '\\' => match characters.next() {
                        Some((_, escaped)) => text.push(escaped),
                        None => break,
                    },
                    other => text.push(other),
                }
            }
        }
    }
    failure(opening, 1, QueryErrorKind::UnclosedQuote)
}

/// A name or path: quoted, or a single word.
fn name_token(input: &str) -> ParseResult<'_, String> {
    alt((quoted, word.map(str::to_string))).parse(input)
}

/// The classes, for messages.
fn known_classes() -> String {
    let names = RelationClass::ALL.map(RelationClass::name).join(", ");
    format!("{names}; asserted means all but CoMention")
}

/// A class name, or `asserted` for every class but CoMention.
fn parse_class_group(word: &str) -> Option<Vec<RelationClass>> {
    if word.eq_ignore_ascii_case("asserted") {
        return Some(
            RelationClass::ALL
                .into_iter()
                .filter(|class| class.is_asserted())
                .collect(),
        );
    }
    RelationClass::parse(word).map(|class| vec![class])
}

/// The kinds, for messages.
fn known_kinds() -> String {
    EntityKind::ALL.map(EntityKind::name).join(", ")
}

/// Every option word of a command, and the group it belongs to (options of one group exclude each
/// other: `in`, `out` and `both` are all "the direction"). `after` is the input after the word: `in`
/// before a digit is the time option, not the direction.
fn option_group(option: &str, after: &str) -> String {
    match option {
        "in" if starts_with_digit(after) => "\"in\"".into(),
        "in" | "out" | "both" => "the direction".into(),
        other => format!("\"{other}\""),
    }
}

/// True when the next token starts with a digit: `in 2014` is a time window, `in` alone a direction.
fn starts_with_digit(input: &str) -> bool {
    blank(input).starts_with(|c: char| c.is_ascii_digit())
}

/// The time options, which every command that walks relations accepts.
const WINDOW_OPTIONS: [&str; 4] = ["since", "until", "in", "between"];

/// A command's time window while its options are parsed, and the option that set each end, so that a
/// second option setting the same end is reported against the first.
#[derive(Debug, Default)]
struct WindowClauses {
    window: Option<Period>,
    start_set_by: Option<&'static str>,
    end_set_by: Option<&'static str>,
}

/// Parses one line. Spans in the result and in errors are byte offsets into `source`.
pub fn parse_line(source: &str) -> Result<Statement, QueryError> {
    let parser = LineParser { source };
    match parser.statement(source) {
        Ok((_, statement)) => Ok(statement),
        Err(nom::Err::Error(error) | nom::Err::Failure(error)) => Err(parser.to_error(error)),
        Err(nom::Err::Incomplete(_)) => Err(QueryError::new(
            QueryErrorKind::Unexpected {
                found: "end of line".into(),
            },
            Span::new(source.len(), source.len()),
        )),
    }
}

/// The parser of one line; it knows the whole line so it can turn the rest of the input into spans.
struct LineParser<'a> {
    source: &'a str,
}

impl<'a> LineParser<'a> {
    /// The byte offset of `rest` in the line.
    fn offset(&self, rest: &'a str) -> usize {
        self.source.len() - rest.len()
    }

    /// The span from where `from` starts to where `to` starts.
    fn span(&self, from: &'a str, to: &'a str) -> Span {
        Span::new(self.offset(from), self.offset(to))
    }

    fn to_error(&self, error: SyntaxError<'a>) -> QueryError {
        let start = self.offset(error.at);
        let width = match error.width {
            0 => token_len(error.at),
            width => width,
        };
        QueryError::new(error.kind, Span::new(start, start + width))
    }

    /// statement ::= query | meta
    fn statement(&self, input: &'a str) -> ParseResult<'a, Statement> {
        let input = blank(input);
        if input.is_empty() {
            return Ok((input, Statement::Empty));
        }
        let (after, head) = match word(input) {
            Ok(found) => found,
            Err(_) => {
                let found = quoted(input).map(|(_, text)| text).unwrap_or_default();
                return failure(
                    input,
                    0,
                    QueryErrorKind::UnknownCommand {
                        suggestions: closest(&found, VERBS.iter().map(|v| v.name)),
                        found,
                    },
                );
            }
        };
        let lower = head.to_lowercase();
        if lower.starts_with(':') {
            let (rest, meta) = cut(|i| self.meta(&lower, input, i)).parse(after)?;
            return Ok((rest, Statement::Meta(meta)));
        }
        let (rest, query) = cut(|i| self.query(&lower, input, i)).parse(after)?;
        Ok((rest, Statement::Query(query)))
    }

    /// query ::= the verbs, dispatched on the first word.
    fn query(&self, verb: &str, head: &'a str, input: &'a str) -> ParseResult<'a, Query> {
        match verb {
            "entity" => {
                let (rest, name) = self.name_rest(input, "entity", "an entity name")?;
                Ok((rest, Query::Entity { name }))
            }
            "neighbours" | "neighbors" => self.neighbours(input),
            "path" => self.path(input),
            "paths" => self.paths(input),
            "common" => {
                let (rest, first) = self.name(input, "common", "two entity names")?;
                let (rest, second) = self.name(rest, &first.text, "a second entity name")?;
                let (rest, (classes, window)) = self.common_options(rest, "common")?;
                Ok((
                    rest,
                    Query::Common {
                        first,
                        second,
                        classes,
                        window,
                    },
                ))
            }
            "why" => {
                let (rest, first) = self.name(input, "why", "two entity names")?;
                let (rest, second) = self.name(rest, &first.text, "a second entity name")?;
                let (rest, (classes, window)) = self.common_options(rest, "why")?;
                Ok((
                    rest,
                    Query::Why {
                        first,
                        second,
                        classes,
                        window,
                    },
                ))
            }
            "find" => {
                let (rest, name) = self.name_rest(input, "find", "the text to look for")?;
                Ok((rest, Query::Find { text: name.text }))
            }
            "top" => self.top(input),
            "stats" => {
                let (rest, ()) = self.end(input, "stats", "takes nothing", false)?;
                Ok((rest, Query::Stats))
            }
            "docs" => {
                let (rest, ()) = self.end(input, "docs", "takes nothing", false)?;
                Ok((rest, Query::Docs))
            }
            "help" => self.help(input),
            _ => {
                let found = &head[..token_len(head)];
                failure(
                    head,
                    0,
                    QueryErrorKind::UnknownCommand {
                        found: found.to_string(),
                        suggestions: closest(found, VERBS.iter().map(|v| v.name)),
                    },
                )
            }
        }
    }

    /// `"neighbours" name neighbours-option*`
    fn neighbours(&self, input: &'a str) -> ParseResult<'a, Query> {
        let (rest, name) = self.name(input, "neighbours", "an entity name")?;
        let mut depth = 1;
        let mut classes = Vec::new();
        let mut kinds = Vec::new();
        let mut direction = WalkDirection::Both;
        let mut evidence = false;
        let mut clauses = WindowClauses::default();
        let options = [
            "depth", "class", "kind", "in", "out", "both", "evidence", "since", "until", "between",
        ];
        let (rest, ()) =
            self.options(rest, "neighbours", &options, |option, input| match option {
                "depth" => {
                    let (rest, n) = self.integer(input, "depth", 0, MAX_DEPTH)?;
                    depth = n;
                    Ok((rest, ()))
                }
                "class" => {
                    let (rest, list) = self.classes(input)?;
                    classes = list;
                    Ok((rest, ()))
                }
                "kind" => {
                    let (rest, list) = self.kinds(input)?;
                    kinds = list;
                    Ok((rest, ()))
                }
                "in" if !starts_with_digit(input) => {
                    direction = WalkDirection::Incoming;
                    Ok((input, ()))
                }
                "in" | "since" | "until" | "between" => {
                    self.window_option(option, input, &mut clauses)
                }
                "out" => {
                    direction = WalkDirection::Outgoing;
                    Ok((input, ()))
                }
                "evidence" => {
                    evidence = true;
                    Ok((input, ()))
                }
                _ => {
                    direction = WalkDirection::Both;
                    Ok((input, ()))
                }
            })?;
        Ok((
            rest,
            Query::Neighbours {
                name,
                depth,
                classes,
                kinds,
                direction,
                evidence,
                window: clauses.window,
            },
        ))
    }

    /// `"path" name name path-option*`
    fn path(&self, input: &'a str) -> ParseResult<'a, Query> {
        let (rest, from) = self.name(input, "path", "two entity names")?;
        let (rest, to) = self.name(rest, &from.text, "a second entity name")?;
        let mut classes = Vec::new();
        let mut undirected = false;
        let mut clauses = WindowClauses::default();
        let options = ["class", "undirected", "since", "until", "in", "between"];
        let (rest, ()) = self.options(rest, "path", &options, |option, input| match option {
            "class" => {
                let (rest, list) = self.classes(input)?;
                classes = list;
                Ok((rest, ()))
            }
            "undirected" => {
                undirected = true;
                Ok((input, ()))
            }
            _ => self.window_option(option, input, &mut clauses),
        })?;
        Ok((
            rest,
            Query::Path {
                from,
                to,
                classes,
                undirected,
                window: clauses.window,
            },
        ))
    }

    /// `"paths" name name paths-option*`
    fn paths(&self, input: &'a str) -> ParseResult<'a, Query> {
        let (rest, from) = self.name(input, "paths", "two entity names")?;
        let (rest, to) = self.name(rest, &from.text, "a second entity name")?;
        let mut max_hops = None;
        let mut limit = DEFAULT_PATH_LIMIT;
        let mut classes = Vec::new();
        let mut undirected = false;
        let mut clauses = WindowClauses::default();
        let options = [
            "max",
            "limit",
            "class",
            "undirected",
            "since",
            "until",
            "in",
            "between",
        ];
        let (rest, ()) = self.options(rest, "paths", &options, |option, input| match option {
            "max" => {
                let (rest, n) = self.integer(input, "max", 1, MAX_HOPS)?;
                max_hops = Some(n);
                Ok((rest, ()))
            }
            "limit" => {
                let (rest, n) = self.integer(input, "limit", 1, MAX_LIMIT)?;
                limit = n;
                Ok((rest, ()))
            }
            "class" => {
                let (rest, list) = self.classes(input)?;
                classes = list;
                Ok((rest, ()))
            }
            "undirected" => {
                undirected = true;
                Ok((input, ()))
            }
            _ => self.window_option(option, input, &mut clauses),
        })?;
        Ok((
            rest,
            Query::Paths {
                from,
                to,
                max_hops,
                limit,
                classes,
                undirected,
                window: clauses.window,
            },
        ))
    }

    /// `"top" integer? top-option*`
    fn top(&self, input: &'a str) -> ParseResult<'a, Query> {
        let mut rest = input;
        let mut count = DEFAULT_TOP;
        let next = blank(input);
        if next.starts_with(|c: char| c.is_ascii_digit()) {
            let (after, n) = self.integer(input, "top", 1, MAX_LIMIT)?;
            count = n;
            rest = after;
        }
        let mut measure = Measure::Degree;
        let mut kinds = Vec::new();
        let mut classes = Vec::new();
        let mut clauses = WindowClauses::default();
        let options = ["by", "kind", "class", "since", "until", "in", "between"];
        let (rest, ()) = self.options(rest, "top", &options, |option, input| match option {
            "by" => {
                let (rest, found) = self.measure(input)?;
                measure = found;
                Ok((rest, ()))
            }
            "kind" => {
                let (rest, list) = self.kinds(input)?;
                kinds = list;
                Ok((rest, ()))
            }
            "class" => {
                let (rest, list) = self.classes(input)?;
                classes = list;
                Ok((rest, ()))
            }
            _ => self.window_option(option, input, &mut clauses),
        })?;
        Ok((
            rest,
            Query::Top {
                count,
                measure,
                kinds,
                classes,
                window: clauses.window,
            },
        ))
    }

    /// `"help" command-name?`
    fn help(&self, input: &'a str) -> ParseResult<'a, Query> {
        let start = blank(input);
        if start.is_empty() {
            return Ok((start, Query::Help { topic: None }));
        }
        let (rest, topic) = word(start)?;
        if command_help(topic).is_none() {
            let names = VERBS.iter().chain(META_COMMANDS).map(|c| c.name);
            return failure(
                start,
                topic.len(),
                QueryErrorKind::UnknownCommand {
                    found: topic.to_string(),
                    suggestions: closest(topic, names),
                },
            );
        }
        let (rest, ()) = self.end(rest, "help", "takes one command name", false)?;
        Ok((
            rest,
            Query::Help {
                topic: Some(topic.to_string()),
            },
        ))
    }

    /// `by ("degree" | "pagerank" | "betweenness")`
    fn measure(&self, input: &'a str) -> ParseResult<'a, Measure> {
        let start = blank(input);
        let Ok((rest, found)) = word(start) else {
            return failure(
                start,
                0,
                QueryErrorKind::MissingArgument {
                    after: "by".into(),
                    expected: "degree, pagerank or betweenness",
                },
            );
        };
        match Measure::parse(found) {
            Some(measure) => Ok((rest, measure)),
            None => failure(
                start,
                found.len(),
                QueryErrorKind::UnknownMeasure {
                    found: found.to_string(),
                    suggestions: closest(found, Measure::ALL.map(Measure::name)),
                    known: Measure::ALL.map(Measure::name).join(", "),
                },
            ),
        }
    }

    /// meta ::= the meta-commands, dispatched on the first word.
    fn meta(&self, command: &str, head: &'a str, input: &'a str) -> ParseResult<'a, Meta> {
        match command {
            ":load" => {
                let (rest, paths) =
                    self.paths_arguments(input, ":load", "a graph file or documents")?;
                Ok((rest, Meta::Load { paths }))
            }
            ":ingest" => {
                let (rest, paths) = self.paths_arguments(input, ":ingest", "documents to add")?;
                Ok((rest, Meta::Ingest { paths }))
            }
            ":save" => {
                let (rest, path) = self.path_argument(input, ":save", "a file to save to")?;
                let mut force = false;
                let (rest, ()) = self.options(rest, ":save", &["force"], |_, input| {
                    force = true;
                    Ok((input, ()))
                })?;
                Ok((rest, Meta::Save { path, force }))
            }
            ":run" => {
                let (rest, path) = self.path_argument(input, ":run", "a script")?;
                let (rest, ()) = self.end(rest, ":run", "takes one script", false)?;
                Ok((rest, Meta::Run { path }))
            }
            ":export" => {
                let formats = ExportTarget::ALL.map(ExportTarget::name);
                let (rest, format) = self.choice(input, ":export", "export format", &formats)?;
                let target = ExportTarget::ALL
                    .into_iter()
                    .find(|t| t.name() == format)
                    .unwrap_or(ExportTarget::Dot);
                let (rest, path) = self.path_argument(rest, format, "a file to write")?;
                let mut last = false;
                let (rest, ()) = self.options(rest, ":export", &["last"], |_, input| {
                    last = true;
                    Ok((input, ()))
                })?;
                Ok((rest, Meta::Export { target, path, last }))
            }
            ":mode" => {
                let modes = OutputMode::ALL.map(OutputMode::name);
                let (rest, mode) = self.choice(input, ":mode", "output mode", &modes)?;
                let (rest, ()) = self.end(rest, ":mode", "takes one mode", false)?;
                Ok((
                    rest,
                    Meta::Mode(OutputMode::parse(mode).unwrap_or_default()),
                ))
            }
            ":timer" => {
                let (rest, setting) =
                    self.choice(input, ":timer", "timer setting", &["on", "off"])?;
                let (rest, ()) = self.end(rest, ":timer", "takes on or off", false)?;
                Ok((rest, Meta::Timer(setting == "on")))
            }
            ":pager" => {
                let (rest, setting) =
                    self.choice(input, ":pager", "pager setting", &["on", "off"])?;
                let (rest, ()) = self.end(rest, ":pager", "takes on or off", false)?;
                Ok((rest, Meta::Pager(setting == "on")))
            }
            ":quit" => {
                let (rest, ()) = self.end(input, ":quit", "takes nothing", false)?;
                Ok((rest, Meta::Quit))
            }
            ":history" => {
                let (rest, ()) = self.end(input, ":history", "takes nothing", false)?;
                Ok((rest, Meta::History))
            }
            ":save-script" => {
                let (rest, path) = self.path_argument(input, ":save-script", "a file to write")?;
                let start = blank(rest);
                let (rest, range) = if start.is_empty() {
                    (start, None)
                } else {
                    let (rest, range) = self.entry_range(start)?;
                    (rest, Some(range))
                };
                let (rest, ()) =
                    self.end(rest, ":save-script", "takes a file and a range", false)?;
                Ok((rest, Meta::SaveScript { path, range }))
            }
            _ => {
                let found = &head[..token_len(head)];
                failure(
                    head,
                    0,
                    QueryErrorKind::UnknownCommand {
                        found: found.to_string(),
                        suggestions: closest(found, META_COMMANDS.iter().map(|m| m.name)),
                    },
                )
            }
        }
    }

    /// `common-option*` of `common` and `why`: the classes and the time window.
    fn common_options(
        &self,
        input: &'a str,
        command: &'static str,
    ) -> ParseResult<'a, (Vec<RelationClass>, Option<Period>)> {
        let mut classes = Vec::new();
        let mut clauses = WindowClauses::default();
        let mut options = vec!["class"];
        options.extend(WINDOW_OPTIONS);
        let (rest, ()) = self.options(input, command, &options, |option, input| match option {
            "class" => {
                let (rest, list) = self.classes(input)?;
                classes = list;
                Ok((rest, ()))
            }
            _ => self.window_option(option, input, &mut clauses),
        })?;
        Ok((rest, (classes, clauses.window)))
    }

    /// `time-option ::= "since" year | "until" year | "in" year | "between" year "and" year`, the
    /// option word `option` already read and `input` what follows it; the ends it sets go into `clauses`.
    fn window_option(
        &self,
        option: &'static str,
        input: &'a str,
        clauses: &mut WindowClauses,
    ) -> ParseResult<'a, ()> {
        // The option word is the `option.len()` bytes before `input` (options match ignoring ASCII case,
        // so the typed word has the same length).
        let option_at = &self.source[self.offset(input).saturating_sub(option.len())..];
        let (rest, (first, first_at)) = self.year(input, option)?;
        let (rest, from, to, last_at) = match option {
            "since" => (rest, Some(first), None, first_at),
            "until" => (rest, None, Some(first), first_at),
            "in" => (rest, Some(first), Some(first), first_at),
            _ => {
                let and_at = blank(rest);
                match word(and_at) {
                    Ok((after_and, found)) if found.eq_ignore_ascii_case("and") => {
                        let (rest, (second, second_at)) = self.year(after_and, "and")?;
                        (rest, Some(first), Some(second), second_at)
                    }
                    _ => {
                        return failure(
                            and_at,
                            0,
                            QueryErrorKind::MissingArgument {
                                after: first.to_string(),
                                expected: "\"and\" and a second year",
                            },
                        );
                    }
                }
            }
        };
        for (sets, set_by) in [
            (from.is_some(), &mut clauses.start_set_by),
            (to.is_some(), &mut clauses.end_set_by),
        ] {
            if !sets {
                continue;
            }
            if let Some(earlier) = *set_by {
                return failure(
                    option_at,
                    option.len(),
                    QueryErrorKind::WindowConflict { option, earlier },
                );
            }
            *set_by = Some(option);
        }
        let window = clauses.window.get_or_insert(Period {
            from: None,
            to: None,
        });
        window.from = from.or(window.from);
        window.to = to.or(window.to);
        if let (Some(start), Some(end)) = (window.from, window.to)
            && end < start
        {
            return failure(
                last_at,
                0,
                QueryErrorKind::EmptyWindow {
                    from: start,
                    to: end,
                },
            );
        }
        Ok((rest, ()))
    }

    /// `year ::= [0-9][0-9][0-9][0-9]` after the word `after`: the year, and where it was typed.
    fn year(&self, input: &'a str, after: &'static str) -> ParseResult<'a, (i32, &'a str)> {
        let start = blank(input);
        let Ok((rest, found)) = word(start) else {
            return failure(
                start,
                0,
                QueryErrorKind::MissingArgument {
                    after: after.to_string(),
                    expected: "a year",
                },
            );
        };
        let year = (found.len() == 4 && found.bytes().all(|b| b.is_ascii_digit()))
            .then(|| found.parse::<i32>().ok())
            .flatten();
        match year {
            Some(year) => Ok((rest, (year, start))),
            None => failure(
                start,
                found.len(),
                QueryErrorKind::ExpectedNumber {
                    option: after,
                    expected: "a year of four digits",
                    found: found.to_string(),
                },
            ),
        }
    }

    /// One of a few fixed words, returned as it appears in `choices`.
    fn choice(
        &self,
        input: &'a str,
        after: &str,
        what: &'static str,
        choices: &[&'static str],
    ) -> ParseResult<'a, &'static str> {
        let start = blank(input);
        let Ok((rest, found)) = word(start) else {
            return failure(
                start,
                0,
                QueryErrorKind::MissingArgument {
                    after: after.to_string(),
                    expected: what_with_article(what),
                },
            );
        };
        match choices.iter().find(|c| c.eq_ignore_ascii_case(found)) {
            Some(choice) => Ok((rest, choice)),
            None => failure(
                start,
                found.len(),
                QueryErrorKind::UnknownWord {
                    what,
                    found: found.to_string(),
                    expected: choices.iter().map(|c| c.to_string()).collect(),
                },
            ),
        }
    }

    /// One path argument.
    fn path_argument(
        &self,
        input: &'a str,
        after: &str,
        expected: &'static str,
    ) -> ParseResult<'a, PathArg> {
        let start = blank(input);
        if start.is_empty() {
            return failure(
                start,
                0,
                QueryErrorKind::MissingArgument {
                    after: after.to_string(),
                    expected,
                },
            );
        }
        let (rest, text) = name_token(start)?;
        Ok((
            rest,
            PathArg {
                text,
                span: self.span(start, rest),
            },
        ))
    }

    /// One or more path arguments, up to the end of the line.
    fn paths_arguments(
        &self,
        input: &'a str,
        after: &str,
        expected: &'static str,
    ) -> ParseResult<'a, Vec<PathArg>> {
        let (mut rest, first) = self.path_argument(input, after, expected)?;
        let mut paths = vec![first];
        while !blank(rest).is_empty() {
            let (after_path, path) = self.path_argument(rest, after, expected)?;
            paths.push(path);
            rest = after_path;
        }
        Ok((rest, paths))
    }

    /// An entity name: quoted, or one word.
    fn name(
        &self,
        input: &'a str,
        after: &str,
        expected: &'static str,
    ) -> ParseResult<'a, NameRef> {
        let start = blank(input);
        if start.is_empty() {
            return failure(
                start,
                0,
                QueryErrorKind::MissingArgument {
                    after: after.to_string(),
                    expected,
                },
            );
        }
        let (rest, text) = name_token(start)?;
        Ok((
            rest,
            NameRef {
                text,
                span: self.span(start, rest),
            },
        ))
    }

    /// A quoted name, or every word to the end of the line joined by single spaces.
    fn name_rest(
        &self,
        input: &'a str,
        command: &'static str,
        expected: &'static str,
    ) -> ParseResult<'a, NameRef> {
        let start = blank(input);
        if start.starts_with('"') {
            let (rest, name) = self.name(start, command, expected)?;
            let (rest, ()) = self.end(rest, command, "takes one quoted name", false)?;
            return Ok((rest, name));
        }
        let mut words = Vec::new();
        let mut rest = start;
        let mut end = start;
        while let Ok((after_word, found)) = word(blank(rest)) {
            words.push(found);
            end = after_word;
            rest = after_word;
        }
        if words.is_empty() {
            return failure(
                start,
                0,
                QueryErrorKind::MissingArgument {
                    after: command.to_string(),
                    expected,
                },
            );
        }
        Ok((
            blank(rest),
            NameRef {
                text: words.join(" "),
                span: self.span(start, end),
            },
        ))
    }

    /// A whole number between `min` and `max` after the option word.
    fn integer(
        &self,
        input: &'a str,
        option: &'static str,
        min: usize,
        max: usize,
    ) -> ParseResult<'a, usize> {
        let start = blank(input);
        let Ok((rest, found)) = word(start) else {
            return failure(
                start,
                0,
                QueryErrorKind::MissingArgument {
                    after: option.to_string(),
                    expected: "a number",
                },
            );
        };
        let (digits_rest, digits) =
            take_while::<_, _, SyntaxError<'a>>(|c: char| c.is_ascii_digit()).parse(found)?;
        if digits.is_empty() || !digits_rest.is_empty() {
            return failure(
                start,
                found.len(),
                QueryErrorKind::ExpectedNumber {
                    option,
                    expected: "a whole number",
                    found: found.to_string(),
                },
            );
        }
        match digits.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok((rest, n)),
            _ => failure(
                start,
                found.len(),
                QueryErrorKind::NumberOutOfRange { option, min, max },
            ),
        }
    }

    /// `integer ("-" integer)?`: entries of `:history`, `start` being where it begins.
    fn entry_range(&self, start: &'a str) -> ParseResult<'a, EntryRange> {
        let (rest, found) = word(start)?;
        let number = |text: &str| text.parse::<usize>().ok().filter(|&n| n >= 1);
        let (first, last) = match found.split_once('-') {
            Some((first, last)) => (number(first), number(last)),
            None => (number(found), number(found)),
        };
        match (first, last) {
            (Some(first), Some(last)) if first <= last => Ok((
                rest,
                EntryRange {
                    first,
                    last,
                    span: self.span(start, rest),
                },
            )),
            _ => failure(
                start,
                found.len(),
                QueryErrorKind::ExpectedNumber {
                    option: ":save-script FILE",
                    expected: "entries of :history such as 3 or 3-7",
                    found: found.to_string(),
                },
            ),
        }
    }

    /// `class ("," class)*`; `asserted` stands for every class but CoMention.
    fn classes(&self, input: &'a str) -> ParseResult<'a, Vec<RelationClass>> {
        let (rest, groups) = self.list(
            input,
            "class",
            "a relation class",
            parse_class_group,
            |found| QueryErrorKind::UnknownClass {
                suggestions: closest(
                    found,
                    RelationClass::ALL
                        .map(RelationClass::name)
                        .into_iter()
                        .chain(["asserted"]),
                ),
                found: found.to_string(),
                known: known_classes(),
            },
        )?;
        let mut classes: Vec<RelationClass> = Vec::new();
        for class in groups.into_iter().flatten() {
            if !classes.contains(&class) {
                classes.push(class);
            }
        }
        Ok((rest, classes))
    }

    /// `kind ("," kind)*`
    fn kinds(&self, input: &'a str) -> ParseResult<'a, Vec<EntityKind>> {
        self.list(
            input,
            "kind",
            "an entity kind",
            EntityKind::parse,
            |found| QueryErrorKind::UnknownKind {
                suggestions: closest(found, EntityKind::ALL.map(EntityKind::name)),
                found: found.to_string(),
                known: known_kinds(),
            },
        )
    }

    /// Comma-separated items (spaces allowed around the commas), each parsed by `parse`; duplicates are
    /// dropped.
    fn list<T: PartialEq>(
        &self,
        input: &'a str,
        option: &'static str,
        expected: &'static str,
        parse: impl Fn(&str) -> Option<T>,
        unknown: impl Fn(&str) -> QueryErrorKind,
    ) -> ParseResult<'a, Vec<T>> {
        let item = |input: &'a str| {
            take_while1::<_, _, SyntaxError<'a>>(|c: char| {
                c.is_alphanumeric() || c == '_' || c == '-'
            })
            .parse(input)
        };
        let mut items = Vec::new();
        let mut rest = blank(input);
        loop {
            let Ok((after_item, found)) = item(rest) else {
                let after = if items.is_empty() { option } else { "," };
                return failure(
                    rest,
                    0,
                    QueryErrorKind::MissingArgument {
                        after: after.to_string(),
                        expected,
                    },
                );
            };
            match parse(found) {
                Some(value) if !items.contains(&value) => items.push(value),
                Some(_) => {}
                None => return failure(rest, found.len(), unknown(found)),
            }
            let next = after_item.trim_start();
            match next.strip_prefix(',') {
                Some(after_comma) => rest = after_comma.trim_start(),
                None => return Ok((after_item, items)),
            }
        }
    }

    /// Options up to the end of the line: each is a word of `allowed` (any case), which `apply` parses the
    /// value of. An option given twice, or a word that is not an option, is an error.
    fn options(
        &self,
        mut input: &'a str,
        command: &'static str,
        allowed: &[&'static str],
        mut apply: impl FnMut(&'static str, &'a str) -> ParseResult<'a, ()>,
    ) -> ParseResult<'a, ()> {
        let mut seen: Vec<String> = Vec::new();
        loop {
            let start = blank(input);
            if start.is_empty() {
                return Ok((start, ()));
            }
            let found = &start[..token_len(start)];
            let option = allowed
                .iter()
                .find(|option| option.eq_ignore_ascii_case(found));
            let Some(&option) = option else {
                return failure(
                    start,
                    0,
                    QueryErrorKind::UnexpectedOption {
                        command,
                        found: found.trim_matches('"').to_string(),
                        expected: allowed.iter().map(|a| a.to_string()).collect(),
                        may_be_name: found.starts_with(|c: char| c.is_uppercase() || c == '"'),
                    },
                );
            };
            let group = option_group(option, &start[found.len()..]);
            if seen.contains(&group) {
                return failure(start, 0, QueryErrorKind::DuplicateOption { option: group });
            }
            seen.push(group);
            let (rest, ()) = apply(option, &start[found.len()..])?;
            input = rest;
        }
    }

    /// The end of the line (a comment may follow); anything else is an unexpected argument.
    fn end(
        &self,
        input: &'a str,
        command: &'static str,
        takes: &'static str,
        may_be_name: bool,
    ) -> ParseResult<'a, ()> {
        let rest = blank(input);
        if rest.is_empty() {
            return Ok((rest, ()));
        }
        let found = &rest[..token_len(rest)];
        failure(
            rest,
            0,
            QueryErrorKind::UnexpectedArgument {
                command,
                found: found.trim_matches('"').to_string(),
                takes,
                may_be_name,
            },
        )
    }
}

/// "an output mode" for "output mode".
fn what_with_article(what: &'static str) -> &'static str {
    match what {
        "export format" => "an export format (json, dot or svg)",
        "output mode" => "an output mode (table, plain, json or csv)",
        "timer setting" | "pager setting" => "on or off",
        _ => "an argument",
    }
}
