//! Fuzzes the query parser: any line parses or fails with an error whose span lies inside the line on
//! char boundaries, and the caret renderer draws it.
#![no_main]

use kgraph::query::diagnostic::{Source, render};
use kgraph::query::parse_line;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    if let Err(error) = parse_line(line) {
        let span = error.span;
        assert!(span.start <= span.end && span.end <= line.len());
        assert!(line.is_char_boundary(span.start) && line.is_char_boundary(span.end));
        let drawn = render(&Source::new("fuzz.kgq", 1, line), span, &error.to_string());
        assert!(drawn.contains("--> fuzz.kgq:"));
    }
});
