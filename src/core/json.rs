//! A small, strict JSON parser for untrusted input.
//!
//! Why not serde_json: we need hard limits that fail cleanly (input size, nesting
//! depth, string length), error positions as line and column, and a small wasm
//! binary. The parser recurses at most `MAX_DEPTH` levels, so hostile nesting
//! can never overflow the stack.
//!
//! Recoveries (documented in the README): a leading byte-order mark is skipped,
//! a lone UTF-16 surrogate in a `\u` escape becomes U+FFFD, and a duplicate key
//! keeps its last value, as `JSON.parse` does.

use crate::prelude::*;
use crate::core::cat::{cat, Piece};

use core::fmt;

/// Largest input accepted, in bytes (UTF-8).
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;
/// Longest single string accepted, in bytes (UTF-8).
pub const MAX_STRING_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in document order; lookups take the last of duplicate keys.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` if this is an object holding it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// A short name of the value's type, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Why a text is not acceptable JSON, and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl Piece for ParseError {
    fn add_to(&self, out: &mut String) {
        if self.line != 0 {
            out.push_str(&cat!("invalid JSON at line ", self.line, ", column ", self.column, ": "));
        }
        out.push_str(&self.message);
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&cat!(self))
    }
}

/// Parses one JSON text under the limits above.
pub fn parse(text: &str) -> Result<Json, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError {
            message: cat!("input is ", text.len(), " bytes; the limit is ", MAX_INPUT_BYTES, " bytes (5 MB)"),
            line: 0,
            column: 0,
        });
    }
    let text = text.strip_prefix("\u{feff}").unwrap_or(text);
    let mut parser = Parser { src: text.as_bytes(), text, pos: 0 };
    parser.skip_space();
    if parser.pos == parser.src.len() {
        return Err(parser.error_at(Stop { pos: 0, message: "the JSON text is empty" }));
    }
    let value = parser.value(0).map_err(|stop| parser.error_at(stop))?;
    parser.skip_space();
    if parser.pos != parser.src.len() {
        return Err(parser.error_at(parser.stop("unexpected text after the end of the JSON value")));
    }
    Ok(value)
}

/// `value × 10^exponent`, saturating to 0 or infinity far out of range.
fn scale(value: f64, exponent: i32) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    let exponent = exponent.clamp(-400, 400);
    // Dividing by an exact power of ten is more accurate than multiplying by its inverse.
    let apply = |v: f64, power: f64| if exponent < 0 { v / power } else { v * power };
    let mut v = value;
    let mut e = exponent.unsigned_abs();
    while e > 22 {
        v = apply(v, 1e22);
        e -= 22;
    }
    apply(v, exact_power_of_ten(e))
}

/// 10^e for 0 ≤ e ≤ 22, where every power of ten is exact in an f64.
fn exact_power_of_ten(e: u32) -> f64 {
    let mut power = 1.0;
    for _ in 0..e {
        power *= 10.0;
    }
    power
}

/// Reads a number written as text (`"1200"`, `" 3 "`, `"2.5e2"`) with the same
/// grammar and code as JSON numbers; `None` unless the whole text is one number.
pub fn number_from_text(text: &str) -> Option<f64> {
    let text = text.trim();
    let mut parser = Parser { src: text.as_bytes(), text, pos: 0 };
    match parser.number() {
        Ok(Json::Number(n)) if parser.pos == text.len() => Some(n),
        _ => None,
    }
}

/// Where parsing stopped (a byte offset) and why.
struct Stop {
    pos: usize,
    message: &'static str,
}

// The two messages that name a limit, written out so that they are constants
// (a test checks them against the limits).
const TOO_DEEP: &str = "nesting is deeper than 64 levels";
const TOO_LONG: &str = "a string is longer than 1048576 bytes (1 MB)";

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn stop(&self, message: &'static str) -> Stop {
        Stop { pos: self.pos, message }
    }

    /// The error a stop reports: its message with its line and column. Worked
    /// out once, where parsing ends; inside the parser a stop is only a
    /// position and a constant message, which keeps every `?` cheap.
    fn error_at(&self, Stop { pos, message }: Stop) -> ParseError {
        let pos = pos.min(self.src.len());
        // Back up to a character boundary so the prefix slices cleanly.
        let mut end = pos;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.text[..end];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = super::text::rfind_any(before, b"\n").map_or(0, |i| i + 1);
        let column = super::text::char_count(&before[line_start..]) + 1;
        ParseError { message: message.into(), line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, word: &str, value: Json) -> Result<Json, Stop> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.stop("unexpected character; expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Stop> {
        match self.peek() {
            None => Err(self.stop("the JSON text ends where a value was expected")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect_literal("true", Json::Bool(true)),
            Some(b'f') => self.expect_literal("false", Json::Bool(false)),
            Some(b'n') => self.expect_literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'N' | b'I') => Err(self.stop("NaN and Infinity are not JSON numbers")),
            Some(b'\'') => Err(self.stop("strings must use double quotes")),
            Some(_) => Err(self.stop("unexpected character; expected a value")),
        }
    }

    fn check_depth(&self, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            Err(self.stop(TOO_DEEP))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, Stop> {
        self.check_depth(depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.stop("the JSON text ends inside an array")),
                Some(_) => return Err(self.stop("expected ',' or ']' in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, Stop> {
        self.check_depth(depth)?;
        self.pos += 1; // '{'
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.stop("the JSON text ends inside an object")),
                Some(_) => return Err(self.stop("expected a double-quoted key in an object")),
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.stop("expected ':' after an object key"));
            }
            self.pos += 1;
            self.skip_space();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.stop("the JSON text ends inside an object")),
                Some(_) => return Err(self.stop("expected ',' or '}' in an object")),
            }
        }
    }

    /// Reads a number. The value is built from its digits directly rather than
    /// with `str::parse::<f64>`, whose exact algorithm costs ~10 KB of wasm:
    /// integers up to 2^53 are exact, other values are within a few units in
    /// the last place, which is plenty for positions, sizes and ids.
    fn number(&mut self) -> Result<Json, Stop> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let mut mantissa: u64 = 0;
        // Decimal exponent adjustment: digits past 19 are dropped, fractions shift down.
        let mut exponent: i32 = 0;
        let push_digit = |mantissa: &mut u64, exponent: &mut i32, d: u8, fractional: bool| {
            if *mantissa < 1_000_000_000_000_000_000 {
                *mantissa = *mantissa * 10 + u64::from(d - b'0');
                if fractional {
                    *exponent -= 1;
                }
            } else if !fractional {
                *exponent += 1;
            }
        };
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    push_digit(&mut mantissa, &mut exponent, d, false);
                    self.pos += 1;
                }
            }
            _ => return Err(self.stop("a number needs digits")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.stop("a number needs digits after '.'"));
            }
            while let Some(d @ b'0'..=b'9') = self.peek() {
                push_digit(&mut mantissa, &mut exponent, d, true);
                self.pos += 1;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.stop("a number needs digits in its exponent"));
            }
            let mut written: i32 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                written = written.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.pos += 1;
            }
            exponent = exponent.saturating_add(sign * written);
        }
        let magnitude = scale(mantissa as f64, exponent);
        Ok(Json::Number(if negative { -magnitude } else { magnitude }))
    }

    fn string(&mut self) -> Result<String, Stop> {
        let start = self.pos;
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            // Copy the longest run without quotes, escapes or control characters at once.
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            if out.len() > MAX_STRING_BYTES {
                return Err(Stop { pos: start, message: TOO_LONG });
            }
            match self.peek() {
                None => return Err(Stop { pos: start, message: "a string is not closed" }),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.stop("control characters must be escaped in strings")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Stop> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                out.push(self.utf16_char(unit));
                return Ok(());
            }
            _ => return Err(self.stop("invalid escape in a string")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    /// Joins a surrogate pair; a lone surrogate becomes U+FFFD.
    fn utf16_char(&mut self, unit: u16) -> char {
        if (0xD800..0xDC00).contains(&unit) && self.src[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            if let Ok(low) = self.hex4() {
                if (0xDC00..0xE000).contains(&low) {
                    let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    return char::from_u32(code).unwrap_or('\u{fffd}');
                }
            }
            self.pos = save;
        }
        char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}')
    }

    fn hex4(&mut self) -> Result<u16, Stop> {
        let mut unit: u16 = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.stop("a \\u escape needs four hex digits")),
            };
            unit = unit * 16 + u16::from(digit);
            self.pos += 1;
        }
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_messages_name_the_limits() {
        assert_eq!(TOO_DEEP, cat!("nesting is deeper than ", MAX_DEPTH, " levels"));
        assert_eq!(TOO_LONG, cat!("a string is longer than ", MAX_STRING_BYTES, " bytes (1 MB)"));
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00"} "#).unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Array(vec![
                Json::Number(1.0),
                Json::Number(-2500.0),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(v.get("b").and_then(Json::as_str), Some("x\"é😀"));
    }

    #[test]
    fn reads_numbers_closely_enough() {
        let v = parse("[0, -0, 12345678901234567, 9007199254740993, 1.5, 0.1, 2.5e3, 1E-2, -7.25e+1, 1e400, 1e-400, 123456789012345678901234]").unwrap();
        let n: Vec<f64> = v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
        assert_eq!(&n[..2], &[0.0, 0.0]);
        assert_eq!(n[2], 12345678901234567.0);
        let close = |a: f64, b: f64| ((a - b) / b).abs() < 1e-15;
        assert!(close(n[3], 9007199254740993.0));
        assert_eq!((n[4], n[6], n[8]), (1.5, 2500.0, -72.5));
        assert!(close(n[5], 0.1) && close(n[7], 0.01));
        assert!(n[9].is_infinite() && n[10] == 0.0);
        assert!(close(n[11], 1.2345678901234568e23));
    }

    #[test]
    fn reads_numbers_in_text() {
        assert_eq!(number_from_text(" 1200 "), Some(1200.0));
        assert_eq!(number_from_text("2.5e2"), Some(250.0));
        assert_eq!(number_from_text("-3"), Some(-3.0));
        for bad in ["", "12px", "1.", "abc", "1 2", "+1"] {
            assert_eq!(number_from_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn reports_line_and_column() {
        let err = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 7));
        assert_eq!(err.to_string(), "invalid JSON at line 3, column 7: expected ':' after an object key");
    }

    #[test]
    fn truncated_input_says_so() {
        let err = parse(r#"{"a": [1, 2"#).unwrap_err();
        assert!(err.message.contains("ends inside an array"), "{err}");
        let err = parse(r#"{"a": "abc"#).unwrap_err();
        assert!(err.message.contains("not closed"), "{err}");
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let err = parse(&deep).unwrap_err();
        assert!(err.message.contains("deeper than 64"), "{err}");
        let ok = "[".repeat(64) + &"]".repeat(64);
        assert!(parse(&ok).is_ok());
        let too_deep = "[".repeat(65) + &"]".repeat(65);
        assert!(parse(&too_deep).is_err());
    }

    #[test]
    fn refuses_oversized_input_and_strings() {
        let big = format!("\"{}\"", "a".repeat(MAX_INPUT_BYTES));
        assert!(parse(&big).unwrap_err().to_string().contains("5 MB"));
        let long = format!("[\"{}\"]", "a".repeat(MAX_STRING_BYTES + 1));
        assert!(parse(&long).unwrap_err().message.contains("1 MB"));
    }

    #[test]
    fn recovers_bom_lone_surrogates_and_duplicates() {
        let v = parse("\u{feff}{\"k\": \"\\ud800x\", \"k\": \"last\"}").unwrap();
        assert_eq!(v.get("k").and_then(Json::as_str), Some("last"));
        let v = parse(r#"["\ud800x", "\udc00"]"#).unwrap();
        assert_eq!(v, Json::Array(vec![Json::String("\u{fffd}x".into()), Json::String("\u{fffd}".into())]));
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in ["NaN", "[Infinity]", "{'a':1}", "[1,]", "{\"a\":1,}", "01", "1.", "\"\t\"", "", "  ", "[1] 2", "tru"] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let err = parse("[\"ééé\" x]").unwrap_err();
        assert_eq!((err.line, err.column), (1, 8));
    }
}
