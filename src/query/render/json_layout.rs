//! [`JsonLayout`]: the serde_json formatter that lays out a report's JSON the way people read it.
//!
//! The outermost object puts each member on its own line, and so does an array of objects (a table's
//! rows); everything else stays on one line, with `", "` between items and `": "` after keys:
//!
//! ```text
//! {
//!   "command": "top",
//!   "ranking": [
//!     {"rank": 1, "entity": "Iraq", "time": {"from": 2014, "to": null}}
//!   ],
//!   "notes": ["a note"]
//! }
//! ```
//!
//! Whether an array's items go on their own lines is known only when its first item begins, so the
//! separator before an array item is held back until the item's first token is written.

use serde_json::ser::{CompactFormatter, Formatter};
use std::io::{self, Write};

/// Spaces per level of indentation.
const INDENT: usize = 2;

/// The state of the layout between tokens.
#[derive(Debug, Default)]
pub(super) struct JsonLayout {
    /// One entry per open object or array: whether its items go one per line.
    open: Vec<bool>,
    /// An array item has begun but its first token is not written yet: whether it is the first item.
    pending_item: Option<bool>,
}

impl JsonLayout {
    /// A line break and the indentation of the items of the innermost open container.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        write!(writer, "\n{:width$}", "", width = INDENT * self.open.len())
    }

    /// Writes the separator held back before an array item, now that its first token is known:
    /// an object as the first item puts the array's items one per line.
    fn begin_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        is_object: bool,
    ) -> io::Result<()> {
        let Some(first) = self.pending_item.take() else {
            return Ok(());
        };
        let one_per_line = match self.open.last_mut() {
            Some(one_per_line) => {
                *one_per_line |= first && is_object;
                *one_per_line
            }
            None => false,
        };
        if !first {
            writer.write_all(b",")?;
        }
        if one_per_line {
            self.new_line(writer)
        } else if first {
            Ok(())
        } else {
            writer.write_all(b" ")
        }
    }

    /// Closes the innermost container with `bracket`, on a line of its own if its items had theirs.
    fn end<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        if self.open.pop() == Some(true) {
            self.new_line(writer)?;
        }
        writer.write_all(bracket)
    }
}

/// A scalar writer that first writes the held-back separator, then the value as compact JSON does.
macro_rules! scalar {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, writer: &mut W, value: $type) -> io::Result<()> {
                self.begin_value(writer, false)?;
                CompactFormatter.$method(writer, value)
            }
        )*
    };
}

impl Formatter for JsonLayout {
    scalar! {
        write_bool(bool), write_i8(i8), write_i16(i16), write_i32(i32), write_i64(i64),
        write_i128(i128), write_u8(u8), write_u16(u16), write_u32(u32), write_u64(u64),
        write_u128(u128), write_f32(f32), write_f64(f64), write_number_str(&str),
        write_byte_array(&[u8]), write_raw_fragment(&str),
    }

    fn write_null<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin_value(writer, false)?;
        writer.write_all(b"null")
    }

    fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin_value(writer, false)?;
        writer.write_all(b"\"")
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin_value(writer, false)?;
        self.open.push(false);
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        _writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pending_item = Some(first);
        Ok(())
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin_value(writer, true)?;
        // The outermost object is the report: one member per line.
        self.open.push(self.open.is_empty());
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        if self.open.last() == Some(&true) {
            self.new_line(writer)
        } else if first {
            Ok(())
        } else {
            writer.write_all(b" ")
        }
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use serde_json::json;

    fn laid_out(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut out, JsonLayout::default());
        serde::Serialize::serialize(value, &mut serializer).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn layout_table() {
        let cases = [
            (json!({}), "{\n}"),
            (json!({"a": 1}), "{\n  \"a\": 1\n}"),
            (json!({"a": [], "b": {}}), "{\n  \"a\": [],\n  \"b\": {}\n}"),
            (
                json!({"lines": ["x", "y"], "n": null}),
                "{\n  \"lines\": [\"x\", \"y\"],\n  \"n\": null\n}",
            ),
            (
                json!({"rows": [{"a": 1, "b": "x"}, {"a": 2.5}]}),
                "{\n  \"rows\": [\n    {\"a\": 1, \"b\": \"x\"},\n    {\"a\": 2.5}\n  ]\n}",
            ),
            (
                json!({"rows": [{"t": {"from": 2014, "to": null}}]}),
                "{\n  \"rows\": [\n    {\"t\": {\"from\": 2014, \"to\": null}}\n  ]\n}",
            ),
            (
                json!({"f": {"k": true, "v": [1, 2]}}),
                "{\n  \"f\": {\"k\": true, \"v\": [1, 2]}\n}",
            ),
            (json!([1, [2, 3]]), "[1, [2, 3]]"),
        ];
        for (value, expected) in cases {
            assert_eq!(laid_out(&value), expected, "{value}");
        }
    }
}
