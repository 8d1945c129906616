//! Which encoding a feed's bytes are read in: one rule for the widget,
//! which decodes a fetched feed with `TextDecoder`, and for the `newsreel`
//! command, which decodes a file with encoding_rs.
//!
//! The rule names a label; the caller decodes. Which encoding a label names
//! is the Encoding Standard's table, and both decoders already hold it, so
//! the caller lends its own (`encoding_of`) rather than the wasm carrying a
//! second copy of two hundred labels.

/// How far into the bytes the XML declaration is looked for (a server's
/// warning may stand before it).
const HEAD_BYTES: usize = 512;

/// The label of the encoding to decode a feed's `bytes` with, given the
/// response's `Content-Type` (none for a file):
///
/// 1. a byte-order mark, which wins as the Encoding Standard says; UTF-16
///    without one is told by its first two characters (XML 1.0, appendix F);
/// 2. when the `Content-Type` charset and the XML declaration's `encoding`
///    (without one, UTF-8: XML 1.0 4.3.3, RFC 8259 for JSON) name different
///    encodings and one of them is UTF-8, the bytes decide. A server that
///    labels every file with its one default (Apache's `AddDefaultCharset
///    ISO-8859-1`) sends UTF-8 feeds labelled Latin-1, and one whose
///    default is UTF-8 sends windows-1251 feeds labelled UTF-8. Text in
///    another encoding is all but never valid UTF-8 once it has a byte
///    outside ASCII, so valid UTF-8 with such a byte is UTF-8, and bytes
///    that are not valid UTF-8 are read by the other label;
/// 3. else the `Content-Type` charset, then the declaration's `encoding`:
///    the first that `encoding_of` knows. A declaration that says UTF-16 in
///    bytes without UTF-16's first characters is wrong about itself: it
///    names no encoding (though its bytes still count as labelled);
/// 4. bytes that nothing labels (no mark, charset or declaration) and that
///    are not UTF-8 are windows-1252, as feed readers and browsers read
///    unlabelled text from before UTF-8; anything else is UTF-8.
///
/// `encoding_of` names the encoding a label stands for (`latin1` →
/// windows-1252), or `None` for a label the decoder does not know; what it
/// returns is only compared. It must know `utf-8`, `utf-16be`, `utf-16le`
/// and `windows-1252`.
pub fn feed_charset<'a, E: PartialEq>(
    bytes: &'a [u8],
    content_type: Option<&'a str>,
    encoding_of: impl Fn(&str) -> Option<E>,
) -> &'a str {
    if let Some(mark) = byte_order_mark(bytes) {
        return mark;
    }
    let type_label = content_type.and_then(charset_parameter);
    let declared = declared_encoding(&bytes[..bytes.len().min(HEAD_BYTES)]);
    let declared_label = declared.filter(|label| !is_utf16_label(label));
    let labelled = |label: &'a str| Some((label, encoding_of(label)?));
    let by_type = type_label.and_then(labelled);
    let by_declaration = labelled(declared_label.unwrap_or("utf-8"));
    if let (Some((type_label, by_type)), Some((declared_label, by_declaration))) = (&by_type, &by_declaration) {
        let utf8 = encoding_of("utf-8");
        let (type_is_utf8, declared_is_utf8) = (Some(by_type) == utf8.as_ref(), Some(by_declaration) == utf8.as_ref());
        if by_type != by_declaration && (type_is_utf8 || declared_is_utf8) {
            match std::str::from_utf8(bytes) {
                // Not UTF-8: the label that is not UTF-8 is right.
                Err(_) => return if type_is_utf8 { declared_label } else { type_label },
                Ok(text) if !text.is_ascii() => return "utf-8",
                // Only ASCII: the bytes cannot tell; the labels decide below.
                Ok(_) => {}
            }
        }
    }
    if let Some((label, _)) = by_type {
        return label;
    }
    if let (Some(label), Some(_)) = (declared_label, &by_declaration) {
        return label;
    }
    if type_label.is_none() && declared.is_none() && std::str::from_utf8(bytes).is_err() {
        return "windows-1252";
    }
    "utf-8"
}

/// The encoding a byte-order mark names, or the first two characters of
/// UTF-16 XML without one (`<?`).
fn byte_order_mark(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xfe, 0xff, ..] | [0x00, 0x3c, 0x00, 0x3f, ..] => Some("utf-16be"),
        [0xff, 0xfe, ..] | [0x3c, 0x00, 0x3f, 0x00, ..] => Some("utf-16le"),
        [0xef, 0xbb, 0xbf, ..] => Some("utf-8"),
        _ => None,
    }
}

/// The `charset` parameter of a `Content-Type`: the first `;` followed by
/// `charset=`, its value unquoted.
fn charset_parameter(content_type: &str) -> Option<&str> {
    content_type.match_indices(';').find_map(|(at, _)| {
        let rest = content_type[at + 1..].trim_start_matches(is_js_space);
        let name = rest.get(..7).filter(|name| name.eq_ignore_ascii_case("charset"))?;
        let rest = rest[name.len()..].trim_start_matches(is_js_space).strip_prefix('=')?;
        let rest = rest.trim_start_matches(is_js_space);
        let rest = rest.strip_prefix(['"', '\'']).unwrap_or(rest);
        let end = rest.find(|c: char| matches!(c, '"' | '\'' | ';') || is_js_space(c)).unwrap_or(rest.len());
        (end > 0).then(|| &rest[..end])
    })
}

/// The `encoding` of the first XML declaration in `head` that has one, not
/// only at the start: a server's warning may stand before it (see
/// `xml_repair`). Of two in one declaration, the last.
fn declared_encoding(head: &[u8]) -> Option<&str> {
    let mut from = 0;
    while let Some(at) = find(&head[from..], b"<?xml").map(|i| from + i) {
        if let Some(label) = encoding_in_declaration(head, at) {
            return Some(label);
        }
        from = at + 1;
    }
    None
}

/// The declaration at `at` (`<?xml`, a space, and up to its `>`): its
/// `encoding="…"`, the last one.
fn encoding_in_declaration(head: &[u8], at: usize) -> Option<&str> {
    let start = at + "<?xml".len();
    if !head.get(start).is_some_and(|&b| is_js_space_byte(b)) {
        return None;
    }
    let end = head[start..].iter().position(|&b| b == b'>').map_or(head.len(), |i| start + i);
    (start + 1..end).rev().find_map(|name_at| {
        // The name starts a word.
        if is_word_byte(head[name_at - 1]) {
            return None;
        }
        let rest = head[name_at..].strip_prefix(b"encoding")?;
        let rest = trim_js_space(trim_js_space(rest).strip_prefix(b"=")?);
        let (quote, rest) = rest.split_first()?;
        if !matches!(quote, b'"' | b'\'') {
            return None;
        }
        let length = rest.iter().position(|&b| !is_label_byte(b)).unwrap_or(rest.len());
        if length == 0 || !matches!(rest.get(length), Some(b'"' | b'\'')) {
            return None;
        }
        std::str::from_utf8(&rest[..length]).ok()
    })
}

/// `UTF-16`, `utf16le` and the like.
fn is_utf16_label(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    lower.starts_with("utf16") || lower.starts_with("utf-16")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

fn trim_js_space(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| !is_js_space_byte(b)).unwrap_or(bytes.len());
    &bytes[start..]
}

/// A character of an encoding's name as declarations write it.
fn is_label_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-')
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// White space as JavaScript's `\s` has it, which the rule was first
/// written with: what a header or a feed's head holds of it reads the same.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The same for a byte read as Latin-1 (a declaration before its encoding
/// is known).
fn is_js_space_byte(b: u8) -> bool {
    is_js_space(char::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Encoding Standard's names of a few of its labels, as
    /// `TextDecoder`'s `encoding` and encoding_rs give them.
    fn encoding_of(label: &str) -> Option<&'static str> {
        let name = match label.trim_matches(|c: char| c.is_ascii_whitespace()).to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => "utf-8",
            "utf-16" | "utf-16le" => "utf-16le",
            "utf-16be" => "utf-16be",
            "iso-8859-1" | "latin1" | "windows-1252" | "us-ascii" | "ascii" => "windows-1252",
            "windows-1251" | "cp1251" => "windows-1251",
            "koi8-r" => "koi8-r",
            "shift_jis" | "sjis" => "shift_jis",
            "gb2312" | "gbk" => "gbk",
            _ => return None,
        };
        Some(name)
    }

    fn charset(bytes: &[u8], content_type: &str) -> &'static str {
        let label = feed_charset(bytes, Some(content_type), encoding_of);
        encoding_of(label).expect("a label the decoder knows")
    }

    fn latin1(text: &str) -> Vec<u8> {
        text.chars().map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character")).collect()
    }

    const SAO_PAULO: &str = "Cora\u{e7}\u{e3}o de S\u{e3}o Paulo";

    #[test]
    fn a_byte_order_mark_wins_and_utf16_is_told_by_its_first_characters() {
        let utf16le: Vec<u8> =
            [0xff, 0xfe].into_iter().chain("<?xml encoding=\"UTF-16\"?><rss/>".bytes().flat_map(|b| [b, 0])).collect();
        assert_eq!(charset(&utf16le, "application/xml; charset=iso-8859-1"), "utf-16le");
        let utf16be: Vec<u8> = "<?xml version=\"1.0\"?><rss/>".bytes().flat_map(|b| [0, b]).collect();
        assert_eq!(charset(&utf16be, "application/xml"), "utf-16be");
        assert_eq!(charset(&[0xfe, 0xff, 0, b'<'], "text/xml; charset=utf-8"), "utf-16be");
        let utf16le_unmarked: Vec<u8> = "<?xml version=\"1.0\"?>".bytes().flat_map(|b| [b, 0]).collect();
        assert_eq!(charset(&utf16le_unmarked, ""), "utf-16le");
        let marked =
            [&[0xef, 0xbb, 0xbf][..], &latin1("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\u{e9}</rss>")]
                .concat();
        assert_eq!(charset(&marked, "text/xml; charset=windows-1251"), "utf-8", "the mark over both labels");
    }

    #[test]
    fn the_content_type_charset_then_the_declaration_name_the_encoding() {
        let latin = latin1(&format!("<?xml version=\"1.0\"?><rss><title>{SAO_PAULO}</title></rss>"));
        assert_eq!(charset(&latin, "application/rss+xml; charset=ISO-8859-1"), "windows-1252");
        let cp1252 =
            [&latin1("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><title>")[..], &[0x93, 0x80, 0x94]]
                .concat();
        assert_eq!(charset(&cp1252, "application/xml"), "windows-1252", "by the declaration only");
        let sjis = [&b"<rss><title>"[..], &[0x83, 0x6a, 0x83, 0x85]].concat();
        assert_eq!(charset(&sjis, "text/xml; charset=Shift_JIS"), "shift_jis");
        // A charset the decoder does not know: the declaration is next.
        let koi8 = [&b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><title>"[..], &[0xee, 0xcf, 0xd7]].concat();
        assert_eq!(charset(&koi8, "application/rss+xml; charset=x-no-such-charset"), "koi8-r");
        // Both known and neither UTF-8: the charset.
        let both = [&b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><title>"[..], &[0xee, 0xcf]].concat();
        assert_eq!(charset(&both, "text/xml; charset=windows-1251"), "windows-1251");
        // The declaration behind a server's warning, within the first 512 bytes.
        let warned = [
            &b"<br />\n<b>Notice</b>: Undefined index<br />\n"[..],
            &latin1("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Cora\u{e7}\u{e3}o</title></rss>"),
        ]
        .concat();
        assert_eq!(charset(&warned, "text/html"), "windows-1252");
        let far =
            [&[b' '; 600][..], &latin1("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\u{e9}</rss>")].concat();
        assert_eq!(charset(&far, ""), "windows-1252", "a declaration past 512 bytes is not read");
    }

    #[test]
    fn when_charset_and_declaration_disagree_and_one_is_utf8_the_bytes_decide() {
        let utf8_declared = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><title>{SAO_PAULO}</title></rss>");
        let latin1_type = "application/rss+xml; charset=ISO-8859-1";
        assert_eq!(charset(utf8_declared.as_bytes(), latin1_type), "utf-8", "UTF-8 labelled Latin-1");
        let utf8_undeclared = format!("<?xml version=\"1.0\"?><rss><title>{SAO_PAULO}</title></rss>");
        assert_eq!(charset(utf8_undeclared.as_bytes(), latin1_type), "utf-8", "no declaration: UTF-8 by default");
        assert_eq!(charset(&latin1(&utf8_declared), latin1_type), "windows-1252", "Latin-1 declared UTF-8");
        // "Новости" in windows-1251, served as UTF-8.
        let cp1251 = [
            &b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>"[..],
            &[0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8],
            b"</title></rss>",
        ]
        .concat();
        assert_eq!(charset(&cp1251, "application/rss+xml; charset=utf-8"), "windows-1251");
        // Only ASCII: either reads it alike, and the charset comes first.
        let ascii = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><title>News</title></rss>";
        assert_eq!(charset(ascii, latin1_type), "windows-1252");
        // A label the decoder does not know takes no part.
        assert_eq!(charset(&latin1(&utf8_declared), "text/xml; charset=x-unknown"), "utf-8");
    }

    #[test]
    fn unlabelled_bytes_are_utf8_when_they_are_else_windows_1252() {
        let title = format!("\u{da}ltimas not\u{ed}cias: {SAO_PAULO}");
        let feed = format!("<rss><channel><item><title>{title}</title></item></channel></rss>");
        assert_eq!(charset(&latin1(&feed), "text/xml"), "windows-1252");
        assert_eq!(charset(feed.as_bytes(), "text/xml"), "utf-8");
        assert_eq!(feed_charset(&latin1(&feed), None, encoding_of), "windows-1252", "a file: no Content-Type");
        assert_eq!(feed_charset(feed.as_bytes(), None, encoding_of), "utf-8");
        assert_eq!(charset(b"", ""), "utf-8");
        // A charset or a declaration that the decoder does not know still
        // labels the bytes: they are read as UTF-8, as before the fallback.
        assert_eq!(charset(&latin1(&feed), "text/xml; charset=x-unknown"), "utf-8");
        let declared = latin1(&format!("<?xml version=\"1.0\" encoding=\"x-unknown\"?>{feed}"));
        assert_eq!(charset(&declared, ""), "utf-8");
        // JSON, whose default is UTF-8 too.
        assert_eq!(charset(format!("{{\"title\":\"{title}\"}}").as_bytes(), "application/json"), "utf-8");
        assert_eq!(charset(&latin1(&format!("{{\"title\":\"{title}\"}}")), "application/json"), "windows-1252");
    }

    #[test]
    fn a_declaration_that_says_utf16_in_ascii_bytes_is_none() {
        let mislabelled = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><title>Caf\u{e9} au lait</title></rss>";
        assert_eq!(charset(mislabelled.as_bytes(), "application/xml"), "utf-8");
        // Yet it is a declaration: the bytes are labelled, so not windows-1252.
        assert_eq!(charset(&latin1(mislabelled), "application/xml"), "utf-8");
        // With a charset against it, the charset is all there is.
        assert_eq!(charset(mislabelled.as_bytes(), "text/xml; charset=koi8-r"), "utf-8", "the bytes decide");
        assert_eq!(charset(&latin1(mislabelled), "text/xml; charset=koi8-r"), "koi8-r");
    }

    #[test]
    fn the_charset_parameter_is_read_as_headers_write_it() {
        assert_eq!(charset_parameter("text/xml; charset=UTF-8"), Some("UTF-8"));
        assert_eq!(charset_parameter("text/xml;CHARSET = \"iso-8859-1\"; format=flowed"), Some("iso-8859-1"));
        assert_eq!(charset_parameter("text/xml; charset='koi8-r'"), Some("koi8-r"));
        assert_eq!(
            charset_parameter("text/xml; charset=\"\"; charset=utf-8"),
            Some("utf-8"),
            "the first that has a value"
        );
        assert_eq!(charset_parameter("text/xml; format=flowed; charset=gbk"), Some("gbk"));
        assert_eq!(charset_parameter("text/xml; xcharset=gbk"), None);
        assert_eq!(charset_parameter("text/xml charset=gbk"), None, "no `;`");
        assert_eq!(charset_parameter("text/xml;\u{a0}charset=gbk"), Some("gbk"), "JavaScript's white space");
        assert_eq!(charset_parameter("text/xml; charset=gbk\u{85}"), Some("gbk\u{85}"), "which NEL is not part of");
        assert_eq!(charset_parameter(""), None);
    }

    #[test]
    fn the_declaration_is_read_as_parsers_write_it() {
        fn read(head: &str) -> Option<&str> {
            declared_encoding(head.as_bytes())
        }
        assert_eq!(read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), Some("ISO-8859-1"));
        assert_eq!(read("<?xml version='1.0' encoding = 'gb2312' ?>"), Some("gb2312"));
        assert_eq!(read("<?xml\nencoding=\"koi8-r\"?>"), Some("koi8-r"));
        assert_eq!(read("<?xml version=\"1.0\"?><rss encoding=\"koi8-r\">"), None, "past the declaration's end");
        assert_eq!(read("<?xml version=\"1.0\" myencoding=\"koi8-r\"?>"), None, "a word of its own");
        assert_eq!(read("<?xml version=\"1.0\" encoding=\"\"?>"), None);
        assert_eq!(read("<?xml version=\"1.0\" encoding=\"utf 8\"?>"), None);
        assert_eq!(read("<?xmlencoding=\"gbk\"?>"), None, "a space after the name");
        assert_eq!(read("<?xml encoding=\"gbk\" encoding=\"koi8-r\"?>"), Some("koi8-r"), "the last of two");
        assert_eq!(
            read("<?xml version=\"1.0\"?> <?xml encoding=\"gbk\"?>"),
            Some("gbk"),
            "the first declaration with one"
        );
        assert_eq!(read("<?XML encoding=\"gbk\"?>"), None);
        assert!(
            declared_encoding(&latin1("<?xml\u{a0}encoding=\"gbk\"?>")).is_some(),
            "a no-break space is JavaScript's space"
        );
    }
}
