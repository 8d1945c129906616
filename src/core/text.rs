//! Plain-text clean-up for fields that are shown as text: HTML entities decoded,
//! white space folded, paragraphs split.

use crate::prelude::*;
use crate::core::cat::cat;

/// Named entities seen in news data, each written as its name followed by
/// the character, space-separated; anything else is left as written.
/// (`colon`, `Tab` and `NewLine` are used to disguise URL schemes:
/// `javascript&colon;`, `java&Tab;script:`.) One string costs a byte per
/// entry where a table of pairs costs twelve.
const NAMED: &str = concat!(
    "amp& colon: Tab\t NewLine\n lt< gt> quot\" apos\' nbsp\u{a0} ndash– ",
    "mdash— hellip… lsquo‘ rsquo’ sbquo‚ ldquo“ rdquo” bdquo„ laquo« ",
    "raquo» middot· bull• copy© reg® trade™ euro€ pound£ yen¥ cent¢ deg° ",
    "times× shy\u{ad} eacuteé egraveè aacuteá agraveà iacuteí oacuteó ",
    "uacuteú ntildeñ ccedilç aumlä oumlö uumlü szligß",
);

/// The word of a space-separated list that equals `word`, as a slice of the
/// list. Tables of names are kept as one string: a byte per entry where a
/// slice of `&str` costs eight (a pointer and a length) in the wasm.
pub fn word_in(list: &'static str, word: &str) -> Option<&'static str> {
    split_any(list, b" ").find(|w| *w == word)
}

/// Decodes `&amp;`, `&#039;`, `&#x27;` and the named entities above.
/// Unknown or malformed references stay as they are, as browsers leave them.
pub fn decode_entities(s: &str) -> String {
    if find_any(s, b"&").is_none() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = find_any(rest, b"&") {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads one reference at the start of `s` (which begins with '&').
fn decode_one(s: &str) -> Option<(char, usize)> {
    // Bytes, not a str slice: the 12th byte may fall inside a multi-byte character.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..semi];
    let c = if let Some(num) = name.strip_prefix("#") {
        let code = match num.strip_prefix("x").or_else(|| num.strip_prefix("X")) {
            Some(hex) => digits_value(hex, 16)?,
            None => digits_value(num, 10)?,
        };
        match code {
            0 => '\u{fffd}',
            _ => char::from_u32(code).unwrap_or('\u{fffd}'),
        }
    } else {
        // Each entry is an ASCII name followed by its character.
        split_any(NAMED, b" ").find_map(|entry| {
            let name_len = entry.bytes().take_while(u8::is_ascii_alphabetic).count();
            (&entry[..name_len] == name).then(|| entry[name_len..].chars().next()).flatten()
        })?
    };
    Some((c, semi + 1))
}

/// The parts with `separator` between them. (`[String]::join` is generic
/// code compiled once per element type; one plain loop serves every caller.)
pub fn join(parts: &[String], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// The number that ASCII digits in `radix` write; `None` for an empty text,
/// any other character (a sign too, as browsers read character references)
/// or a value past `u32`. (`str::parse` brings more code for the same.)
fn digits_value(s: &str, radix: u32) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        n = n.checked_mul(radix)?.checked_add(c.to_digit(radix)?)?;
    }
    Some(n)
}

/// Folds runs of white space to one space and trims the ends.
pub fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A single-line text field for display: entities decoded, white space folded.
pub fn clean_line(s: &str) -> String {
    collapse_space(&decode_entities(s))
}

/// Splits plain text into paragraphs at blank lines. A text with no blank line
/// but several lines (as many CMSs export) is split at each line break.
pub fn paragraphs(s: &str) -> Vec<String> {
    // CR LF and a lone CR become LF.
    let mut normalised = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => normalised.push('\n'),
            c => normalised.push(c),
        }
    }
    let mut lines = Vec::new();
    for line in split_any(normalised.trim(), b"\n") {
        lines.push(line);
    }
    // A blank line (empty once trimmed) separates paragraphs; without any, each line is one.
    let has_blank_line = lines.iter().any(|l| l.trim().is_empty());
    let mut out: Vec<String> = Vec::new();
    let mut finish = |text: &str| {
        let paragraph = clean_line(text);
        if !paragraph.is_empty() {
            out.push(paragraph);
        }
    };
    let mut current = String::new();
    for line in lines {
        if has_blank_line && !line.trim().is_empty() {
            current.push(' ');
            current.push_str(line);
        } else if has_blank_line {
            finish(&core::mem::take(&mut current));
        } else {
            finish(line);
        }
    }
    finish(&current);
    out
}

/// True when a text field carries markup (`<p>`, `<br/>`, `</a>`…) rather than
/// prose that merely contains a '<'.
pub fn looks_like_html(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.windows(2).enumerate().any(|(i, w)| {
        w[0] == b'<'
            && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!')
            && find_any(&s[i..], b">").is_some()
    })
}

/// Tags that sit inside a word or sentence; any other tag separates words.
const INLINE_TAGS: &str = "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var";

/// The text of an HTML fragment, for places that show text only (a headline
/// made from the start of a post): tags removed, entities decoded, white space
/// folded. A '<' that does not open a tag stays as text.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = find_any(rest, b"<") {
        out.push_str(&rest[..lt]);
        let tag = &rest[lt..];
        let opens_tag = tag.as_bytes().get(1).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!');
        match find_any(tag, b">").filter(|_| opens_tag) {
            Some(gt) => {
                let inner = &tag[1..gt];
                let slashes = inner.bytes().take_while(|&b| b == b'/').count();
                let name = &inner[slashes..];
                let name = name[..name.bytes().take_while(u8::is_ascii_alphanumeric).count()].to_ascii_lowercase();
                if word_in(INLINE_TAGS, &name).is_none() {
                    out.push(' ');
                }
                rest = &tag[gt + 1..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    clean_line(&out)
}

/// How many characters a text has: one per byte that does not continue a
/// UTF-8 sequence. (`chars().count()` compiles to 1 KB of wasm for the same.)
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// Where `needle` first occurs in `haystack`. A plain byte scan: `str::find`
/// with a string pattern brings the two-way searcher (about 2 KB of wasm),
/// and our needles are a few bytes long.
pub fn find_text(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..(h.len() + 1).saturating_sub(n.len())).find(|&i| h[i..].starts_with(n))
}

// Byte searches for ASCII characters. `str::find`, `split`, `rsplit` and
// `contains` with a char or char-set pattern bring the char searchers and
// memchr (about 1 KB of wasm); an ASCII byte never occurs inside a multi-byte
// UTF-8 sequence, so a byte scan finds the same places, and every position it
// gives is a char boundary.

// Not `set.contains`: for bytes that calls memchr.
#[allow(clippy::manual_contains)]
fn is_any(byte: u8, set: &[u8]) -> bool {
    set.iter().any(|&b| b == byte)
}

/// Where the first byte of `set` (ASCII characters) is.
pub fn find_any(s: &str, set: &[u8]) -> Option<usize> {
    s.bytes().position(|b| is_any(b, set))
}

/// Where the last byte of `set` (ASCII characters) is.
pub fn rfind_any(s: &str, set: &[u8]) -> Option<usize> {
    s.bytes().rposition(|b| is_any(b, set))
}

/// The pieces of `s` between the bytes of `set` (ASCII characters), as
/// `str::split` with a char set gives them.
pub fn split_any<'a>(s: &'a str, set: &'static [u8]) -> SplitAny<'a> {
    SplitAny { rest: Some(s), set }
}

pub struct SplitAny<'a> {
    rest: Option<&'a str>,
    set: &'static [u8],
}

impl<'a> SplitAny<'a> {
    /// What is left to split, to look ahead without taking.
    pub fn rest(&self) -> Option<&'a str> {
        self.rest
    }
}

impl<'a> Iterator for SplitAny<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        Some(match find_any(rest, self.set) {
            Some(i) => {
                self.rest = Some(&rest[i + 1..]);
                &rest[..i]
            }
            None => {
                self.rest = None;
                rest
            }
        })
    }
}

/// The first `max` characters of a text, cut at a word boundary, with an ellipsis.
pub fn excerpt(s: &str, max: usize) -> String {
    let s = collapse_space(s);
    // Where character `max` starts: at the byte that does not continue a
    // UTF-8 sequence for the max-th time. A text without one is short enough.
    let mut starts = 0;
    let mut cut_at = None;
    for (i, b) in s.bytes().enumerate() {
        if b & 0xC0 != 0x80 {
            if starts == max {
                cut_at = Some(i);
                break;
            }
            starts += 1;
        }
    }
    let Some(cut_at) = cut_at else { return s };
    let cut = &s[..cut_at];
    let trimmed = match rfind_any(cut, b" ") {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut,
    };
    // Trailing punctuation and spaces go: the ellipsis stands for them.
    let end = trimmed.bytes().rposition(|b| !is_any(b, b",;:. ")).map_or(0, |i| i + 1);
    cat!(&trimmed[..end], '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_and_finding_work_on_characters() {
        assert_eq!(char_count(""), 0);
        assert_eq!(char_count("Zaharova • Київ 😀"), "Zaharova • Київ 😀".chars().count());
        assert_eq!(find_text("https://a.example/x", "://"), Some(5));
        assert_eq!(find_text("a%2Fb%2F", "%2F"), Some(1));
        assert_eq!(find_text("ab", "abc"), None);
        assert_eq!(find_text("", ""), Some(0));
        assert_eq!(find_text("no", "x"), None);
        assert_eq!(rfind_any("a/b/c", b"/"), Some(3));
        assert_eq!(rfind_any("é/", b"/"), Some(2));
        assert_eq!(rfind_any("abc", b"/"), None);
        assert_eq!(rfind_any("a:b/c#d", b"/:"), Some(3));
        assert_eq!(find_any("é:x?y", b"?:"), Some(2));
        assert_eq!(find_any("abc", b""), None);
    }

    #[test]
    fn joins_like_the_standard_join() {
        for parts in [vec![], vec!["a"], vec!["a", "", "Київ"]] {
            let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
            assert_eq!(join(&owned, ", "), parts.join(", "));
        }
    }

    #[test]
    fn byte_splits_agree_with_str_split() {
        let sets: [&[u8]; 3] = [b",", b" ,./\t-", b"\0"];
        for s in ["", ",", "a", "a,b", ",a,,b,", "é,ü — x", "15. Jan/2026\t10-00", "a\0b\0"] {
            for set in sets {
                let expected: Vec<&str> = s.split(|c: char| c.is_ascii() && set.contains(&(c as u8))).collect();
                assert_eq!(split_any(s, set).collect::<Vec<_>>(), expected, "{s:?} by {set:?}");
            }
        }
    }

    #[test]
    fn decodes_entities_found_in_feeds() {
        assert_eq!(decode_entities("Tom &amp; Jerry&#039;s &quot;show&quot;"), "Tom & Jerry's \"show\"");
        assert_eq!(decode_entities("&#x27;hex&#X27; &hellip; &mdash;"), "'hex' … —");
        assert_eq!(decode_entities("AT&T &unknown; & &#xZZ; &#0;"), "AT&T &unknown; & &#xZZ; \u{fffd}");
        assert_eq!(decode_entities("&#1114112;"), "\u{fffd}");
        assert_eq!(decode_entities("&#+65; &#x+41; &#-1; &#x; &#9999999999;"), "&#+65; &#x+41; &#-1; &#x; &#9999999999;");
        assert_eq!(decode_entities("&#65;&#x6a;&#X6A;&#0065;"), "AjjA");
        assert_eq!(decode_entities("&amp;lt;"), "&lt;", "decodes once, not twice");
        // The first, last and multi-byte entries of the table; names are exact.
        assert_eq!(decode_entities("&amp;&szlig;&nbsp;&Tab;&colon;&trade;&quot;&apos;"), "&ß\u{a0}\t:™\"'");
        assert_eq!(decode_entities("&am;&szli;&ampx;&;"), "&am;&szli;&ampx;&;");
        assert_eq!(decode_entities("&0𝒥᥀𞸹;"), "&0𝒥᥀𞸹;", "a multi-byte character near the limit is not cut");
    }

    #[test]
    fn splits_paragraphs() {
        assert_eq!(paragraphs("One.\n\nTwo\nlines.\r\n\r\n\n\nThree."), vec!["One.", "Two lines.", "Three."]);
        assert_eq!(paragraphs("a\nb\n"), vec!["a", "b"]);
        assert!(paragraphs("  \n ").is_empty());
        // Every line ending splits: CR LF, a lone CR, LF.
        assert_eq!(paragraphs("one\r\ntwo\rthree\nfour"), ["one", "two", "three", "four"]);
        assert_eq!(paragraphs("a\r\n\r\nb"), ["a", "b"]);
    }

    #[test]
    fn tells_markup_from_prose() {
        assert!(looks_like_html("<p>Hello</p>"));
        assert!(looks_like_html("Line<br/>break"));
        assert!(!looks_like_html("if a < b and c > d"));
        assert!(!looks_like_html("3 <4"));
    }

    #[test]
    fn strips_tags_to_text() {
        assert_eq!(strip_tags("<p>One <em>big</em>&amp;bold</p><p>Two</p>"), "One big&bold Two");
        assert_eq!(strip_tags("Line<br/>break <!-- note --> end"), "Line break end");
        assert_eq!(strip_tags("if a < b and <c"), "if a < b and <c");
        assert_eq!(strip_tags("<"), "<");
        assert_eq!(strip_tags("<A HREF='x'>Link</A>!"), "Link!");
        assert_eq!(strip_tags("a<//em>b<//p>c"), "ab c", "extra slashes before a name");
    }

    #[test]
    fn excerpts_at_word_boundaries() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt("The quick brown fox jumps over", 16), "The quick brown…");
        assert_eq!(excerpt("Hello, world, again and again", 13), "Hello, world…", "trailing punctuation goes");
        assert_eq!(excerpt("Київ, Львів, Одеса", 12), "Київ…");
        assert_eq!(excerpt("ü.;: ü.;: ü.;: ü.;:", 9), "ü…");
    }
}
