//! Parser tables: what each valid line parses to (as an s-expression with the spans of names), and for
//! each invalid line the exact span and message of its error.

use super::ast::{Meta, NameRef, PathArg, Query, Statement};
use super::diagnostic::{Source, render};
use super::parser::parse_line;
use crate::model::Period;

fn name(name: &NameRef) -> String {
    format!("{:?}@{}..{}", name.text, name.span.start, name.span.end)
}

fn path(path: &PathArg) -> String {
    format!("{:?}@{}..{}", path.text, path.span.start, path.span.end)
}

/// ` window=2014..` (an open end left empty), or nothing without a window.
fn window(window: &Option<Period>) -> String {
    let year = |year: Option<i32>| year.map_or_else(String::new, |y| y.to_string());
    window.map_or_else(String::new, |w| {
        format!(" window={}..{}", year(w.from), year(w.to))
    })
}

fn list<T: std::fmt::Debug>(items: &[T]) -> String {
    format!("{items:?}").replace(' ', "")
}

/// The statement as an s-expression, in the manner of just's parser tests.
fn tree(statement: &Statement) -> String {
    match statement {
        Statement::Empty => "(empty)".into(),
        Statement::Query(query) => match query {
            Query::Entity { name: n } => format!("(entity {})", name(n)),
            Query::Neighbours {
                name: n,
                depth,
                classes,
                kinds,
                direction,
                evidence,
                window: w,
            } => format!(
                "(neighbours {} depth={depth} class={} kind={} {}{}{})",
                name(n),
                list(classes),
                list(kinds),
                direction.name(),
                if *evidence { " evidence" } else { "" },
                window(w)
            ),
            Query::Path {
                from,
                to,
                classes,
                undirected,
                window: w,
            } => format!(
                "(path {} {} class={} undirected={undirected}{})",
                name(from),
                name(to),
                list(classes),
                window(w)
            ),
            Query::Paths {
                from,
                to,
                max_hops,
                limit,
                classes,
                undirected,
                window: w,
            } => format!(
                "(paths {} {} max={max_hops:?} limit={limit} class={} undirected={undirected}{})",
                name(from),
                name(to),
                list(classes),
                window(w)
            ),
            Query::Common {
                first,
                second,
                classes,
                window: w,
            } => format!(
                "(common {} {} class={}{})",
                name(first),
                name(second),
                list(classes),
                window(w)
            ),
            Query::Why {
                first,
                second,
                classes,
                window: w,
            } => format!(
                "(why {} {} class={}{})",
                name(first),
                name(second),
                list(classes),
                window(w)
            ),
            Query::Find { text } => format!("(find {text:?})"),
            Query::Top {
                count,
                measure,
                kinds,
                classes,
                window: w,
            } => format!(
                "(top {count} by={} kind={} class={}{})",
                measure.name(),
                list(kinds),
                list(classes),
                window(w)
            ),
            Query::Stats => "(stats)".into(),
            Query::Docs => "(docs)".into(),
            Query::Help { topic } => format!("(help {topic:?})"),
        },
        Statement::Meta(meta) => match meta {
            Meta::Load { paths } => format!(
                "(:load {})",
                paths.iter().map(path).collect::<Vec<_>>().join(" ")
            ),
            Meta::Ingest { paths } => format!(
                "(:ingest {})",
                paths.iter().map(path).collect::<Vec<_>>().join(" ")
            ),
            Meta::Save { path: p, force } => {
                format!("(:save {}{})", path(p), if *force { " force" } else { "" })
            }
            Meta::Run { path: p } => format!("(:run {})", path(p)),
            Meta::Export {
                target,
                path: p,
                last,
            } => format!("(:export {} {} last={last})", target.name(), path(p)),
            Meta::Mode(mode) => format!("(:mode {})", mode.name()),
            Meta::Timer(on) => format!("(:timer {on})"),
            Meta::Pager(on) => format!("(:pager {on})"),
            Meta::Quit => "(:quit)".into(),
            Meta::History => "(:history)".into(),
            Meta::SaveScript { path: p, range } => match range {
                Some(r) => format!(
                    "(:save-script {} {}-{}@{}..{})",
                    path(p),
                    r.first,
                    r.last,
                    r.span.start,
                    r.span.end
                ),
                None => format!("(:save-script {})", path(p)),
            },
        },
    }
}

macro_rules! valid {
    ($($test:ident: $text:expr => $tree:expr,)*) => {
        $(
            #[test]
            fn $test() {
                match parse_line($text) {
                    Ok(statement) => assert_eq!(tree(&statement), $tree, "{:?}", $text),
                    Err(error) => panic!("{:?} failed: {error} at {:?}", $text, error.span),
                }
            }
        )*
    };
}

valid! {
    blank_line: "   " => "(empty)",
    comment_line: "  # who links Iraq and China?" => "(empty)",
    entity_bare: "entity PMF" => r#"(entity "PMF"@7..10)"#,
    entity_rest_of_line: "entity  Kurdistan Region   of Iraq  # the KRG" =>
        r#"(entity "Kurdistan Region of Iraq"@8..34)"#,
    entity_quoted: r#"ENTITY "Popular Mobilization Forces""# =>
        r#"(entity "Popular Mobilization Forces"@7..36)"#,
    entity_escaped_quote: r#"entity "the \"Framework\"""# => r#"(entity "the \"Framework\""@7..26)"#,
    entity_quote_broken_after_a_blank: "why \"Kurdistan \n  Region\" \"\n Iraq\n\"" =>
        r#"(why "Kurdistan Region"@4..25 "Iraq"@26..35 class=[])"#,
    neighbours_defaults: "neighbours Iraq" => r#"(neighbours "Iraq"@11..15 depth=1 class=[] kind=[] both)"#,
    neighbours_all_options: "neighbors Iraq depth 2 class conflict, Cooperation kind COUNTRY out" =>
        r#"(neighbours "Iraq"@10..14 depth=2 class=[Conflict,Cooperation] kind=[Country] out)"#,
    neighbours_in_and_duplicate_class: "neighbours Iraq in class Leads,leads" =>
        r#"(neighbours "Iraq"@11..15 depth=1 class=[Leads] kind=[] in)"#,
    path_asserted: "path PMF Russia class asserted,CoMention,Leads" =>
        r#"(path "PMF"@5..8 "Russia"@9..15 class=[Cooperation,Conflict,PartOf,Leads,Other,CoMention] undirected=false)"#,
    path_bare: "path PMF Russia" => r#"(path "PMF"@5..8 "Russia"@9..15 class=[] undirected=false)"#,
    path_options: r#"path "Popular Mobilization Forces" Russia undirected class Other"# =>
        r#"(path "Popular Mobilization Forces"@5..34 "Russia"@35..41 class=[Other] undirected=true)"#,
    paths_defaults: "paths Iraq China" =>
        r#"(paths "Iraq"@6..10 "China"@11..16 max=None limit=20 class=[] undirected=false)"#,
    paths_options: "paths Iraq China max 3 limit 5 undirected" =>
        r#"(paths "Iraq"@6..10 "China"@11..16 max=Some(3) limit=5 class=[] undirected=true)"#,
    common_with_class: "common Iraq China class PartOf" =>
        r#"(common "Iraq"@7..11 "China"@12..17 class=[PartOf])"#,
    why_quoted: r#"why Iraq "United States""# => r#"(why "Iraq"@4..8 "United States"@9..24 class=[])"#,
    find_rest: "find al-  Sadr" => r#"(find "al- Sadr")"#,
    top_defaults: "top" => "(top 10 by=degree kind=[] class=[])",
    top_everything: "top 5 by PageRank kind person,country class cooperation" =>
        "(top 5 by=pagerank kind=[Person,Country] class=[Cooperation])",
    top_measure_only: "top by betweenness" => "(top 10 by=betweenness kind=[] class=[])",
    stats_with_comment: "stats # everything" => "(stats)",
    docs: "docs" => "(docs)",
    help_all: "help" => "(help None)",
    help_topic: "help Neighbors" => r#"(help Some("Neighbors"))"#,
    help_meta: "help :export" => r#"(help Some(":export"))"#,
    load_several: ":load data/ \"my notes.txt\"" => r#"(:load "data/"@6..11 "my notes.txt"@12..26)"#,
    save: ":save graph.ron" => r#"(:save "graph.ron"@6..15)"#,
    save_force: ":save graph.ron force" => r#"(:save "graph.ron"@6..15 force)"#,
    ingest: ":INGEST a.txt" => r#"(:ingest "a.txt"@8..13)"#,
    run: ":run queries/x.kgq" => r#"(:run "queries/x.kgq"@5..18)"#,
    export_last: ":export DOT kurdistan.dot last" => r#"(:export dot "kurdistan.dot"@12..25 last=true)"#,
    export_whole: ":export svg graph.svg" => r#"(:export svg "graph.svg"@12..21 last=false)"#,
    mode: ":mode CSV" => "(:mode csv)",
    timer: ":timer off" => "(:timer false)",
    pager: ":pager off" => "(:pager false)",
    quit: ":quit" => "(:quit)",
    history: ":History" => "(:history)",
    save_script_all: ":save-script mine.kgq" => r#"(:save-script "mine.kgq"@13..21)"#,
    save_script_range: ":save-script \"my script.kgq\" 2-5" =>
        r#"(:save-script "my script.kgq"@13..28 2-5@29..32)"#,
    save_script_one: ":save-script s.kgq 4" => r#"(:save-script "s.kgq"@13..18 4-4@19..20)"#,
    neighbours_since: "neighbours Iraq since 2014" =>
        r#"(neighbours "Iraq"@11..15 depth=1 class=[] kind=[] both window=2014..)"#,
    neighbours_in_year_and_in_direction: "neighbours Iraq in 2019 depth 2 in" =>
        r#"(neighbours "Iraq"@11..15 depth=2 class=[] kind=[] in window=2019..2019)"#,
    neighbours_direction_then_year: "neighbours Iraq IN Since 2014" =>
        r#"(neighbours "Iraq"@11..15 depth=1 class=[] kind=[] in window=2014..)"#,
    neighbours_evidence: "neighbours Iraq Evidence since 2014" =>
        r#"(neighbours "Iraq"@11..15 depth=1 class=[] kind=[] both evidence window=2014..)"#,
    path_until_and_since_any_order: "path PMF Russia until 2020 undirected since 2014" =>
        r#"(path "PMF"@5..8 "Russia"@9..15 class=[] undirected=true window=2014..2020)"#,
    paths_between: "paths Iraq China between 2006 AND 2008 max 3" =>
        r#"(paths "Iraq"@6..10 "China"@11..16 max=Some(3) limit=20 class=[] undirected=false window=2006..2008)"#,
    common_until: "common Iraq China until 2010 class Cooperation" =>
        r#"(common "Iraq"@7..11 "China"@12..17 class=[Cooperation] window=..2010)"#,
    why_in_year: "why Iraq China in 2019 # the deal" =>
        r#"(why "Iraq"@4..8 "China"@9..14 class=[] window=2019..2019)"#,
    why_window_of_one_year_by_both_ends: "why Iraq China since 2019 until 2019" =>
        r#"(why "Iraq"@4..8 "China"@9..14 class=[] window=2019..2019)"#,
    top_since: "top 3 since 2014 by pagerank" =>
        "(top 3 by=pagerank kind=[] class=[] window=2014..)",
    multi_line_quote: "entity \"Popular\n  Mobilization Forces\"" =>
        "(entity \"Popular Mobilization Forces\"@7..38)",
}

/// Each invalid line, the span its error points at, and the message.
#[test]
fn invalid_lines_report_exact_spans_and_messages() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        (
            "nieghbours Iraq",
            (0, 10),
            r#"unknown command "nieghbours"; did you mean "neighbours"? (type help for the list)"#,
        ),
        (
            "frobnicate",
            (0, 10),
            r#"unknown command "frobnicate" (type help for the list)"#,
        ),
        (
            ":lod graph.ron",
            (0, 4),
            r#"unknown command ":lod"; did you mean ":load"? (type help for the list)"#,
        ),
        (
            "neighbours",
            (10, 10),
            r#"expected an entity name after "neighbours""#,
        ),
        (
            "path PMF",
            (8, 8),
            r#"expected a second entity name after "PMF""#,
        ),
        (
            r#"path "Popular Mobilization Forces Russia"#,
            (5, 6),
            "this quote is never closed",
        ),
        (
            "neighbours Kurdistan Region depth 2",
            (21, 27),
            r#"unexpected "Region" after "neighbours"; expected "depth", "class", "kind", "in", "out", "both", "evidence", "since", "until" or "between" (quote a name that has spaces)"#,
        ),
        (
            "neighbours Iraq depth two",
            (22, 25),
            r#"expected a whole number after "depth", found "two""#,
        ),
        (
            "neighbours Iraq depth",
            (21, 21),
            r#"expected a number after "depth""#,
        ),
        (
            ":save-script s.kgq 5-2",
            (19, 22),
            r#"expected entries of :history such as 3 or 3-7 after ":save-script FILE", found "5-2""#,
        ),
        (
            ":save-script s.kgq 0-x",
            (19, 22),
            r#"expected entries of :history such as 3 or 3-7 after ":save-script FILE", found "0-x""#,
        ),
        (
            ":save-script",
            (12, 12),
            r#"expected a file to write after ":save-script""#,
        ),
        (
            ":history 3",
            (9, 10),
            r#"unexpected "3": ":history" takes nothing"#,
        ),
        (
            "neighbours Iraq depth 99",
            (22, 24),
            r#"the number after "depth" must be between 0 and 20"#,
        ),
        (
            "paths Iraq China max 0",
            (21, 22),
            r#"the number after "max" must be between 1 and 10"#,
        ),
        (
            "neighbours Iraq class Cooperation,Confict",
            (34, 41),
            r#"unknown relation class "Confict"; did you mean "Conflict"? (the classes are Cooperation, Conflict, PartOf, Leads, Other, CoMention; asserted means all but CoMention)"#,
        ),
        (
            "neighbours Iraq class Cooperation,",
            (34, 34),
            r#"expected a relation class after ",""#,
        ),
        (
            "neighbours Iraq kind militia",
            (21, 28),
            r#"unknown entity kind "militia" (the kinds are Person, Country, Place, Organization, ArmedGroup, PoliticalGroup, Agreement, Event)"#,
        ),
        (
            "neighbours Iraq depth 1 depth 2",
            (24, 29),
            r#""depth" is given twice"#,
        ),
        (
            "neighbours Iraq in out",
            (19, 22),
            "the direction is given twice",
        ),
        (
            "neighbours Iraq since",
            (21, 21),
            r#"expected a year after "since""#,
        ),
        (
            "why Iraq China until   # no year",
            (32, 32),
            r#"expected a year after "until""#,
        ),
        (
            "path PMF Russia since 14 undirected",
            (22, 24),
            r#"expected a year of four digits after "since", found "14""#,
        ),
        (
            "neighbours Iraq in 20145",
            (19, 24),
            r#"expected a year of four digits after "in", found "20145""#,
        ),
        (
            "paths Iraq China until two",
            (23, 26),
            r#"expected a year of four digits after "until", found "two""#,
        ),
        (
            "common Iraq China between 2006",
            (30, 30),
            r#"expected "and" and a second year after "2006""#,
        ),
        (
            "common Iraq China between 2006 to 2008",
            (31, 33),
            r#"expected "and" and a second year after "2006""#,
        ),
        (
            "why Iraq China between 2006 and",
            (31, 31),
            r#"expected a year after "and""#,
        ),
        (
            "why Iraq China between 2006 and 8",
            (32, 33),
            r#"expected a year of four digits after "and", found "8""#,
        ),
        (
            "path PMF Russia since 2014 since 2015",
            (27, 32),
            r#""since" is given twice"#,
        ),
        (
            "neighbours Iraq in 2014 in 2015",
            (24, 26),
            r#""in" is given twice"#,
        ),
        (
            "paths Iraq China since 2014 in 2019",
            (28, 30),
            r#""in" cannot be combined with "since": each end of the time window is given once (use "between YEAR and YEAR", or "since" and "until")"#,
        ),
        (
            "top between 2006 and 2008 UNTIL 2010",
            (26, 31),
            r#""until" cannot be combined with "between": each end of the time window is given once (use "between YEAR and YEAR", or "since" and "until")"#,
        ),
        (
            "neighbours Iraq since 2020 until 2010",
            (33, 37),
            "the time window ends in 2010, before it starts in 2020",
        ),
        (
            "why Iraq China until 2010 since 2020",
            (32, 36),
            "the time window ends in 2010, before it starts in 2020",
        ),
        (
            "common Iraq China between 2008 and 2006",
            (35, 39),
            "the time window ends in 2006, before it starts in 2008",
        ),
        (
            "path PMF Russia in",
            (18, 18),
            r#"expected a year after "in""#,
        ),
        (
            "top 5 by importance",
            (9, 19),
            r#"unknown measure "importance" (the measures are degree, pagerank, betweenness)"#,
        ),
        (
            "top by pagernak",
            (7, 15),
            r#"unknown measure "pagernak"; did you mean "pagerank"? (the measures are degree, pagerank, betweenness)"#,
        ),
        (
            "why Iraq China Iran",
            (15, 19),
            r#"unexpected "Iran" after "why"; expected "class", "since", "until", "in" or "between" (quote a name that has spaces)"#,
        ),
        (
            "stats now",
            (6, 9),
            r#"unexpected "now": "stats" takes nothing"#,
        ),
        (
            "help nieghbours",
            (5, 15),
            r#"unknown command "nieghbours"; did you mean "neighbours"? (type help for the list)"#,
        ),
        (
            ":export jpg out.jpg",
            (8, 11),
            r#"unknown export format "jpg"; expected "json", "dot", "svg", "png" or "pdf""#,
        ),
        (
            ":export dot",
            (11, 11),
            r#"expected a file to write after "dot""#,
        ),
        (
            ":export dot out.dot first",
            (20, 25),
            r#"unexpected "first" after ":export"; expected "last""#,
        ),
        (
            ":mode fancy",
            (6, 11),
            r#"unknown output mode "fancy"; expected "table", "plain", "json" or "csv""#,
        ),
        (
            ":mode",
            (5, 5),
            r#"expected an output mode (table, plain, json or csv) after ":mode""#,
        ),
        (
            ":timer maybe",
            (7, 12),
            r#"unknown timer setting "maybe"; expected "on" or "off""#,
        ),
        (
            ":load",
            (5, 5),
            r#"expected a graph file or documents after ":load""#,
        ),
        (
            "entity \"Iraq\" extra",
            (14, 19),
            r#"unexpected "extra": "entity" takes one quoted name"#,
        ),
        (
            "path \"Bağdad\" Irak\u{e9}s class Nope",
            (29, 33),
            r#"unknown relation class "Nope" (the classes are Cooperation, Conflict, PartOf, Leads, Other, CoMention; asserted means all but CoMention)"#,
        ),
    ];
    for &(text, (start, end), message) in cases {
        match parse_line(text) {
            Ok(statement) => panic!("{text:?} parsed as {}", tree(&statement)),
            Err(error) => {
                assert_eq!(error.to_string(), message, "{text:?}");
                assert_eq!((error.span.start, error.span.end), (start, end), "{text:?}");
            }
        }
    }
}

#[test]
fn rendered_errors_point_at_the_mistake() {
    let lines = [
        "neighbours Kurdistan Region depth 2",
        "path \"Popular Mobilization Forces Russia",
        "neighbours Iraq class Cooperation,Confict",
        "top 5 by importance",
    ];
    let rendered: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let error = parse_line(line).expect_err("an error");
            render(
                &Source::new("queries/example.kgq", index + 1, line),
                error.span,
                &error.to_string(),
            )
        })
        .collect();
    insta::assert_snapshot!(rendered.join("\n\n"));
}

#[test]
fn arbitrary_input_never_panics() {
    for text in [
        "\"",
        "\\",
        "entity \"\\",
        ":",
        "neighbours \"é",
        "top 99999999999999999999999",
        "paths a b limit 18446744073709551616",
        "# only a comment\n",
        "neighbours Iraq class ,",
        "ü",
    ] {
        let _ = parse_line(text);
    }
}

proptest::proptest! {
    /// Any line parses or fails without panicking, and an error's span lies inside the line on
    /// character boundaries, so the caret renderer can always draw it.
    #[test]
    fn any_line_parses_or_fails_with_a_drawable_span(line in "\\PC{0,40}") {
        if let Err(error) = parse_line(&line) {
            proptest::prop_assert!(error.span.start <= error.span.end);
            proptest::prop_assert!(error.span.end <= line.len());
            proptest::prop_assert!(line.is_char_boundary(error.span.start));
            proptest::prop_assert!(line.is_char_boundary(error.span.end));
            let drawn = render(&Source::new("p.kgq", 1, &line), error.span, &error.to_string());
            proptest::prop_assert!(drawn.contains("--> p.kgq:1:"));
        }
    }

    /// Lines made of the language's own words and names, in any order, never panic either.
    #[test]
    fn shuffled_keywords_never_panic(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "neighbours", "path", "paths", "top", "why", "common", "entity", "find", "help",
            "depth", "class", "kind", "max", "limit", "by", "in", "out", "undirected", "2", "0",
            "since", "until", "between", "and", "2014", "1990",
            "Iraq", "\"Popular Mobilization Forces\"", "\"open", ",", "Conflict,", "asserted",
            ":export", ":load", "dot", "last", "#", "é",
        ]),
        0..8,
    )) {
        let line = words.join(" ");
        let _ = parse_line(&line);
    }
}
