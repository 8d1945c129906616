//! JSON input for the decoders: the limits, error messages with line and
//! column, and the few helpers the formats share. Parsing is serde_json's.
//!
//! Recoveries (documented in docs/input.md): a leading byte-order mark is
//! skipped, a lone UTF-16 surrogate in a `\u` escape becomes U+FFFD (see
//! `repair_lone_surrogates`), and a repeated member name keeps its last value,
//! as `JSON.parse` does (see `Members`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// Largest input accepted, in bytes (UTF-8). Checked before parsing, so an
/// oversized text costs nothing.
///
/// Nesting is limited by serde_json's recursion limit of 128: at most
/// [`MAX_DEPTH`] (127) levels of arrays and objects parse, and a deeper
/// document fails with "recursion limit exceeded" at its line and column
/// instead of overflowing the stack. Values a decoder keeps unparsed
/// (`RawValue`s) are skipped without recursion, and meet the same limit when
/// they are parsed on their own.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// The deepest nesting of arrays and objects that parses: serde_json counts
/// down from its recursion limit of 128 and stops at zero, so the 128th level
/// is refused (see [`MAX_INPUT_BYTES`]).
pub const MAX_DEPTH: usize = 127;

/// Why a text is not acceptable JSON, and where (1-based line and column, the
/// column in characters). `line` is 0 when the error has no place (the input
/// is too large).
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line != 0 {
            write!(f, "invalid JSON at line {}, column {}: ", self.line, self.column)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// The members of a top-level object that some format reads, each left
/// unparsed and kept even when it is `null` (our format refuses
/// `"format": null`). Every JSON Feed and every document in our format is
/// an object, and this is all that is read of it in the one pass over the
/// text: what a format does not read (or reads later, such as the items'
/// bodies) is skipped, never copied.
#[derive(Default, Debug)]
pub struct Envelope<'a> {
    // JSON Feed
    pub version: Option<&'a RawValue>,
    pub items: Option<&'a RawValue>,
    pub home_page_url: Option<&'a RawValue>,
    pub language: Option<&'a RawValue>,
    pub authors: Option<&'a RawValue>,
    pub author: Option<&'a RawValue>,
    // Both
    pub title: Option<&'a RawValue>,
    // Our format
    pub format: Option<&'a RawValue>,
    pub article: Option<&'a RawValue>,
    pub latest: Option<&'a RawValue>,
    pub in_language: Option<&'a RawValue>,
}

impl<'de> Members<'de> for Envelope<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        let field = match key {
            "version" => &mut self.version,
            "items" => &mut self.items,
            "home_page_url" => &mut self.home_page_url,
            "language" => &mut self.language,
            "authors" => &mut self.authors,
            "author" => &mut self.author,
            "title" => &mut self.title,
            "format" => &mut self.format,
            "article" => &mut self.article,
            "latest" => &mut self.latest,
            "inLanguage" => &mut self.in_language,
            _ => return Ok(false),
        };
        // `Some` even for `null`: the member is there.
        *field = Some(map.next_value()?);
        Ok(true)
    }
}

impl<'de> Deserialize<'de> for Envelope<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        members(deserializer)
    }
}

/// A block's top level: an object's `Envelope`, or any other value whole.
#[derive(Debug)]
pub enum Top<'a> {
    Object(Envelope<'a>),
    Other(Value),
}

/// Checks the size limit and parses one block's top level.
pub fn parse(text: &str) -> Result<Top<'_>, ParseError> {
    check_size(text)?;
    let body = without_bom(text);
    if body.trim_start().starts_with('{') {
        serde_json::from_str(body).map(Top::Object)
    } else {
        serde_json::from_str(body).map(Top::Other)
    }
    .map_err(|e| error_in(body, &e))
}

/// Checks the size limit and parses one block into a generic tree (JSON-LD).
pub fn parse_value(text: &str) -> Result<Value, ParseError> {
    check_size(text)?;
    let body = without_bom(text);
    serde_json::from_str(body).map_err(|e| error_in(body, &e))
}

fn check_size(text: &str) -> Result<(), ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError {
            message: format!("input is {} bytes; the limit is {MAX_INPUT_BYTES} bytes (5 MB)", text.len()),
            line: 0,
            column: 0,
        });
    }
    Ok(())
}

fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The error for a failed parse of `text`, its position in characters. An
/// empty text is named as such rather than as an early end.
fn error_in(text: &str, e: &serde_json::Error) -> ParseError {
    if text.trim().is_empty() {
        return ParseError { message: "the JSON text is empty".into(), line: 1, column: 1 };
    }
    let (line, column) = position(text, offset_of(text, e.line(), e.column()));
    ParseError { message: message_of(e), line, column }
}

/// What went wrong, without the position serde_json appends to its message
/// (we give our own, with the column in characters).
pub fn message_of(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// The byte offset of serde_json's (line, column) in `text`: the byte where
/// it stopped. Its column counts bytes, the stopping byte included.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        n => text.match_indices('\n').nth(n - 2).map_or(text.len(), |(i, _)| i + 1),
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// The 1-based line and column, in characters, of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = text[line_start..].char_indices().take_while(|(i, _)| line_start + i < offset).count() + 1;
    (line, column)
}

/// One source text as the decoders see it: its number among the texts
/// decoded together, and the text, to say where a value is.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub block: usize,
    pub text: &'a str,
}

impl Source<'_> {
    /// Where `raw` is in this text, as a byte range.
    ///
    /// serde_json hands out borrowed `RawValue`s as slices of the very text it
    /// parsed, so a value's address minus the text's address is its offset.
    /// Checked rather than assumed: a value that does not lie inside this
    /// text (whose addresses no other value can share) gives `None`, and the
    /// caller decodes it at once instead.
    pub fn span(&self, raw: &RawValue) -> Option<Range<usize>> {
        let start = (raw.get().as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        let span = start..start.checked_add(raw.get().len())?;
        self.text.get(span.clone()).map(|_| span)
    }

    /// An error from parsing `raw` (a value inside this text) on its own,
    /// placed in the whole text.
    pub fn error(&self, raw: &RawValue, e: &serde_json::Error) -> ParseError {
        let inner = offset_of(raw.get(), e.line(), e.column());
        let offset = self.span(raw).map_or(0, |span| span.start + inner);
        let (line, column) = position(self.text, offset);
        ParseError { message: message_of(e), line, column }
    }
}

/// A short name of a value's type, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The same for a value not parsed yet, from its first character (serde_json
/// has checked the syntax, and a raw value starts without white space).
pub fn raw_kind(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

pub fn is_object(raw: &RawValue) -> bool {
    raw.get().starts_with('{')
}

pub fn is_string(raw: &RawValue) -> bool {
    raw.get().starts_with('"')
}

/// The text of a raw string literal, decoded; `None` for anything else.
pub fn string(raw: &RawValue) -> Option<String> {
    serde_json::from_str(raw.get()).ok()
}

/// Whether a raw string literal decodes to blank text (empty or white space
/// only). Decodes only when an escape comes before the first other character.
pub fn is_blank_string(raw: &RawValue) -> bool {
    let inner = raw.get().get(1..raw.get().len().saturating_sub(1)).unwrap_or_default();
    match inner.trim_start().chars().next() {
        None => true,
        Some('\\') => string(raw).is_none_or(|s| s.trim().is_empty()),
        Some(_) => false,
    }
}

/// A struct of the members a decoder reads of an object, read member by
/// member: a repeated member's last value wins, as with `JSON.parse`, where
/// a derived struct refuses the object ("duplicate field"). It is read
/// straight from the text in one pass, so the values it borrows
/// (`RawValue`s) lie in the source text, where `Source::span` finds them.
///
/// Its `Deserialize` is [`members`].
pub trait Members<'de>: Default {
    /// Reads the value of the member named `key` into its field; `false`,
    /// with the value left unread, when the struct has no field of that name.
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// `Deserialize::deserialize` for a [`Members`] struct: an object, any other
/// value refused; the members it has no field for are skipped unparsed.
pub fn members<'de, T: Members<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(MembersVisitor(PhantomData))
}

struct MembersVisitor<T>(PhantomData<T>);

impl<'de, T: Members<'de>> Visitor<'de> for MembersVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut read = T::default();
        while let Some(MemberName(key)) = map.next_key()? {
            if !read.member(&key, &mut map)? {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(read)
    }
}

/// A member's name: borrowed from the text, copied only when it holds an
/// escape (which serde_json has to decode somewhere).
struct MemberName<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for MemberName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(MemberNameVisitor)
    }
}

struct MemberNameVisitor;

impl<'de> Visitor<'de> for MemberNameVisitor {
    type Value = MemberName<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(MemberName(Cow::Borrowed(name)))
    }

    fn visit_str<E>(self, name: &str) -> Result<Self::Value, E> {
        Ok(MemberName(Cow::Owned(name.to_owned())))
    }
}

/// A text as the decoders read it: with lone surrogates repaired (see
/// `repair_lone_surrogates`), unless it is too large to be read at all, which
/// `parse` then says without any work spent on it.
pub fn prepare(text: &str) -> Cow<'_, str> {
    if text.len() > MAX_INPUT_BYTES {
        Cow::Borrowed(text)
    } else {
        repair_lone_surrogates(text)
    }
}

/// The text with every lone UTF-16 surrogate escape (a `\ud800` not followed
/// by a low-surrogate escape, or a `\udc00` on its own) replaced by `\ufffd`,
/// and borrowed when there is none.
///
/// serde_json refuses lone surrogates in strings, where browsers'
/// `JSON.parse` keeps them; such text (cut mid-emoji by a CMS) is readable
/// otherwise, so the character becomes U+FFFD. The replacement is as long as
/// what it replaces, so every offset into the repaired text holds for the
/// original: bodies deferred in one are found in the other.
pub fn repair_lone_surrogates(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let unit_at = |i: usize| -> Option<u16> {
        let escape = bytes.get(i..i + 6)?;
        if escape[0] != b'\\' || escape[1] != b'u' {
            return None;
        }
        let hex = std::str::from_utf8(&escape[2..]).ok()?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u16::from_str_radix(hex, 16).ok()
    };
    let is_high = |u: u16| (0xD800..0xDC00).contains(&u);
    let is_low = |u: u16| (0xDC00..0xE000).contains(&u);
    let mut lone = Vec::new();
    // Where the next escape can start. The backslashes are found by
    // `match_indices` with a char, which scans with memchr: this runs over
    // every text before it is parsed, megabytes for a big feed.
    let mut next = 0;
    for (at, _) in text.match_indices('\\') {
        if at < next {
            continue;
        }
        next = match unit_at(at) {
            Some(high) if is_high(high) => match unit_at(at + 6) {
                Some(low) if is_low(low) => at + 12,
                _ => {
                    lone.push(at);
                    at + 6
                }
            },
            Some(low) if is_low(low) => {
                lone.push(at);
                at + 6
            }
            Some(_) => at + 6,
            // Any other escape is two bytes: skipping both keeps `\\u` from
            // reading as the start of an escape.
            None => at + 2,
        };
    }
    if lone.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in lone {
        // Escapes are ASCII, so these are character boundaries.
        out.push_str(&text[copied..at]);
        out.push_str("\\ufffd");
        copied = at + 6;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// A copy of a block that is not strict JSON but is what pages write in
/// their `application/ld+json` scripts, which search engines read anyway;
/// `None` when it has none of these:
/// - `//`, `/* */` and HTML's `<!-- -->` comments, with what they wrap
///   (`/* <![CDATA[ */`);
/// - a bare CDATA wrapper, `<![CDATA[ … ]]>`, as a template written for
///   XHTML leaves it when the page is served as HTML (the HTML parser keeps
///   it in the script's text; an XML parser would have taken it off);
/// - a string in single quotes with no `"`, `\` or line break inside;
/// - a comma before a closing `}` or `]`;
/// - control characters, such as a line break, inside a string.
///
/// Each is replaced by as many spaces, so every offset into the copy holds
/// for the text and a comment's line breaks are kept. Read only when the
/// text as written does not parse, and only for JSON-LD.
pub fn lenient_copy(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut [u8], range: std::ops::Range<usize>| {
        for b in &mut out[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut in_string = false;
    // Whether a `<![CDATA[` was met, whose `]]>` is then a wrapper's end too.
    let mut in_cdata = false;
    let mut comma: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                // The escaped byte is skipped with it: `\"` does not end the string.
                b'\\' => i += 1,
                b'"' => in_string = false,
                0..=0x1f => out[i] = b' ',
                _ => {}
            }
            i += 1;
            continue;
        }
        // A string in single quotes, as JavaScript allows (`"description":
        // '…'`, as a news agency's pages had it): its quotes become double
        // ones when nothing inside would need escaping then, so the copy
        // stays as long as the text.
        if b == b'\'' {
            let inner = &bytes[i + 1..];
            let close = inner.iter().position(|&c| matches!(c, b'\'' | b'"' | b'\\' | b'\n'));
            if let Some(n) = close.filter(|&n| inner[n] == b'\'') {
                out[i] = b'"';
                out[i + 1 + n] = b'"';
                comma = None;
                i += n + 2;
                continue;
            }
        }
        let end = match (b, bytes.get(i + 1)) {
            (b'/', Some(b'/')) => bytes[i..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |n| i + n),
            (b'/', Some(b'*')) => text[i + 2..].find("*/").map_or(bytes.len(), |n| i + 2 + n + 2),
            (b'<', Some(b'!')) if text[i..].starts_with("<!--") => {
                text[i + 4..].find("-->").map_or(bytes.len(), |n| i + 4 + n + 3)
            }
            (b'<', Some(b'!')) if text[i..].starts_with("<![CDATA[") => {
                in_cdata = true;
                i + "<![CDATA[".len()
            }
            (b']', Some(b']')) if in_cdata && text[i..].starts_with("]]>") => {
                in_cdata = false;
                i + "]]>".len()
            }
            _ => {
                match b {
                    b'"' => in_string = true,
                    b',' => comma = Some(i),
                    b'}' | b']' => {
                        if let Some(at) = comma {
                            out[at] = b' ';
                        }
                    }
                    _ => {}
                }
                if !b.is_ascii_whitespace() && b != b',' {
                    comma = None;
                }
                i += 1;
                continue;
            }
        };
        blank(&mut out, i..end);
        i = end;
    }
    // Only ASCII bytes were replaced, each by a space, and comments whole:
    // the copy is UTF-8 as the text was.
    let copy = String::from_utf8(out).ok()?;
    (copy != text).then_some(copy)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Result<Value, ParseError> {
        parse_value(&repair_lone_surrogates(text))
    }

    #[test]
    fn reports_line_and_column() {
        let err = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 7));
        assert_eq!(err.to_string(), "invalid JSON at line 3, column 7: expected `:`");
        let err = tree("[1,\n 2,\n x]").unwrap_err();
        assert_eq!((err.line, err.column), (3, 2), "{err}");
    }

    #[test]
    fn truncated_input_says_so() {
        let err = parse(r#"{"a": [1, 2"#).unwrap_err();
        assert!(err.message.contains("EOF while parsing a list"), "{err}");
        let err = parse(r#"{"a": "abc"#).unwrap_err();
        assert!(err.message.contains("EOF while parsing a string"), "{err}");
        assert_eq!(parse(" \n ").unwrap_err().to_string(), "invalid JSON at line 1, column 1: the JSON text is empty");
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let err = tree(&deep).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("invalid JSON at line 1, column {}: recursion limit exceeded", MAX_DEPTH + 1)
        );
        for levels in [MAX_DEPTH + 1, 129] {
            let too_deep = "[".repeat(levels) + &"]".repeat(levels);
            assert_eq!(
                tree(&too_deep).unwrap_err().to_string(),
                "invalid JSON at line 1, column 128: recursion limit exceeded"
            );
        }
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(tree(&ok).is_ok());
        let too_deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(tree(&too_deep).unwrap_err().message.contains("recursion limit"));
        // Objects count as levels too, and the top-level split meets the same limit.
        let objects = r#"{"a":"#.repeat(MAX_DEPTH + 1) + "1" + &"}".repeat(MAX_DEPTH + 1);
        assert!(parse_value(&objects).unwrap_err().message.contains("recursion limit"));
    }

    #[test]
    fn refuses_oversized_input() {
        let big = format!("\"{}\"", "a".repeat(MAX_INPUT_BYTES));
        let err = parse(&big).unwrap_err();
        assert_eq!(err.to_string(), format!("input is {} bytes; the limit is 5242880 bytes (5 MB)", big.len()));
    }

    #[test]
    fn recovers_bom_lone_surrogates_and_duplicates() {
        let v = tree("\u{feff}{\"k\": \"\\ud800x\", \"k\": \"last\"}").unwrap();
        assert_eq!(v.get("k").and_then(Value::as_str), Some("last"));
        let v = tree(r#"["\ud800x", "\udc00", "\ud83d\ude00", "\\ud800", "\ud800\ud800\udc00"]"#).unwrap();
        assert_eq!(v, serde_json::json!(["\u{fffd}x", "\u{fffd}", "😀", "\\ud800", "\u{fffd}𐀀"]));
        let Ok(Top::Object(envelope)) = parse("\u{feff}{\"title\": 1, \"title\": [2]}") else { panic!() };
        assert_eq!(envelope.title.map(RawValue::get), Some("[2]"), "the last of a repeated member wins");
        // The repair keeps every offset.
        let text = r#"{"a":"\udc00","b":"x"}"#;
        let repaired = repair_lone_surrogates(text);
        assert_eq!(repaired.len(), text.len());
        assert_eq!(repaired.find("\"b\""), text.find("\"b\""));
        assert!(matches!(repair_lone_surrogates("\\u12"), Cow::Borrowed(_)));
        assert!(matches!(repair_lone_surrogates("\\"), Cow::Borrowed(_)));
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in [
            "NaN",
            "[Infinity]",
            "{'a':1}",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "\"\t\"",
            "",
            "  ",
            "[1] 2",
            "tru",
            "{\"a\":1} x",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let err = parse("[\"ééé\" x]").unwrap_err();
        assert_eq!((err.line, err.column), (1, 8));
        let err = parse("\u{feff}[\"ééé\" x]").unwrap_err();
        assert_eq!((err.line, err.column), (1, 8), "the mark is not counted");
    }

    #[test]
    fn raw_values_know_where_they_are() {
        let text = "{\"items\": [1,\n \"b\"], \"article\": {\"d\": true}, \"format\": null}";
        let source = Source { block: 0, text };
        let Ok(Top::Object(envelope)) = parse(text) else { panic!() };
        let (items, article) = (envelope.items.unwrap(), envelope.article.unwrap());
        let span = source.span(items).unwrap();
        assert_eq!(&text[span], "[1,\n \"b\"]");
        assert_eq!((raw_kind(items), raw_kind(article)), ("an array", "an object"));
        assert_eq!(envelope.format.map(RawValue::get), Some("null"), "a member given as null is present");
        assert!(envelope.title.is_none());
        // An error inside a value parsed on its own is placed in the whole text.
        let e = serde_json::from_str::<Vec<u8>>(items.get()).unwrap_err();
        let err = source.error(items, &e);
        assert_eq!((err.line, err.column), (2, 4), "{err}: a wrong type is found at its end");
        let elsewhere = serde_json::from_str::<&RawValue>("[1]").unwrap();
        assert_eq!(source.span(elsewhere), None);
    }

    #[test]
    fn blank_strings() {
        for (literal, blank) in [
            (r#""""#, true),
            (r#"" \n ""#, true),
            (r#""\n\t""#, true),
            (r#""\u00a0""#, true),
            (r#"" x""#, false),
            (r#""\nx""#, false),
        ] {
            let raw = serde_json::from_str::<&RawValue>(literal).unwrap();
            assert_eq!(is_blank_string(raw), blank, "{literal}");
        }
    }

    #[derive(Default, Debug)]
    struct Pair<'a> {
        a: Value,
        b: Option<&'a RawValue>,
    }

    impl<'de> Members<'de> for Pair<'de> {
        fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
            match key {
                "a" => self.a = map.next_value()?,
                "b" => self.b = map.next_value()?,
                _ => return Ok(false),
            }
            Ok(true)
        }
    }

    impl<'de> Deserialize<'de> for Pair<'de> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            members(deserializer)
        }
    }

    #[test]
    fn members_take_the_last_of_a_repeated_member() {
        let text = r#"{"a":1,"b":"x","\u0061":2,"z":{"a":3},"b":"y"}"#;
        let pair: Pair = serde_json::from_str(text).unwrap();
        assert_eq!(pair.a, Value::from(2), "the last one wins, its name escaped or not");
        let b = pair.b.unwrap();
        assert_eq!(b.get(), r#""y""#);
        let source = Source { block: 0, text };
        assert_eq!(source.span(b), Some(text.rfind(r#""y""#).unwrap()..text.len() - 1), "read from the text itself");
        let pair: Pair = serde_json::from_str(r#"{"a":1,"b":null}"#).unwrap();
        assert_eq!(
            (pair.a, pair.b.map(RawValue::get)),
            (Value::from(1), None),
            "an object without repeats is read as it is"
        );
        // Broken text is reported as such, whatever came before.
        let err = serde_json::from_str::<Pair>(r#"{"b":"x","b":[1,}"#).unwrap_err();
        assert!(err.is_syntax() && err.column() == 17, "{err}");
        let err = serde_json::from_str::<Pair>("[1]").unwrap_err();
        assert!(err.is_data(), "a struct is not read from a list: {err}");
    }
}
