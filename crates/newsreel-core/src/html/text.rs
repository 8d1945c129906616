//! Plain-text clean-up for fields that are shown as text: HTML entities decoded,
//! white space folded, paragraphs split, tags stripped, excerpts cut.

use std::borrow::Cow;

/// The named character references `decode_entities` knows: the ones seen in
/// news data (punctuation, quotes, currency, common Latin accents), plus
/// `colon`, `Tab` and `NewLine`, which are used to disguise URL schemes
/// (`javascript&colon;`, `java&Tab;script:`).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("colon", ':'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("deg", '°'),
    ("times", '×'),
    ("shy", '\u{ad}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("szlig", 'ß'),
];

/// The character a named reference in `NAMED` stands for (`"nbsp"` → U+00A0).
pub fn named_entity(name: &str) -> Option<char> {
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Decodes character references: decimal (`&#039;`) and hexadecimal
/// (`&#x27;`, `&#X27;`) ones, and the named ones in `NAMED` (names are
/// case-sensitive, as in HTML). Only complete references, ending in `;`
/// within 12 bytes of the `&`, are decoded; digits must be plain ASCII digits
/// (no sign), as browsers read them. `&#0;`, a surrogate or a code point past
/// U+10FFFF decodes to U+FFFD. Anything else (unknown names, malformed
/// references) stays as written, as browsers leave it. Decodes once: `&amp;lt;`
/// becomes `&lt;`.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
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
    Cow::Owned(out)
}

/// Reads one reference at the start of `s` (which begins with '&'): the
/// character and how many bytes it took.
fn decode_one(s: &str) -> Option<(char, usize)> {
    // Bytes, not a str slice: the 12th byte may fall inside a multi-byte character.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..semi];
    let c = match name.strip_prefix('#') {
        Some(number) => {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            // `from_str_radix` would accept a sign; references do not.
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            let code = u32::from_str_radix(digits, radix).ok()?;
            char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}')
        }
        None => NAMED.iter().find(|(n, _)| *n == name)?.1,
    };
    Some((c, semi + 1))
}

/// Folds runs of white space to one space and trims the ends.
pub fn collapse_space(s: &str) -> String {
    if is_folded(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `collapse_space` would leave `s` as it is: ASCII, with single
/// spaces between words and no other white space. Most fields are, and a
/// look at the bytes says so without `split_whitespace` decoding each
/// character (measured: a tenth of the decoders' time on a 4,000-item feed).
fn is_folded(s: &str) -> bool {
    // A space at the start, or after another, is one to fold: as if one came before.
    let mut after_space = true;
    for &b in s.as_bytes() {
        // U+0009–U+000D are the ASCII white space besides the space (`char::is_whitespace`).
        if !b.is_ascii() || (0x09..=0x0D).contains(&b) || (b == b' ' && after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    // Nor may it end with one.
    !after_space || s.is_empty()
}

/// A single-line text field for display: entities decoded, white space folded.
pub fn clean_line(s: &str) -> String {
    collapse_space(&decode_entities(s))
}

/// Splits plain text into paragraphs at blank lines. A text with no blank line
/// but several lines (as many CMSs export) is split at each line break.
pub fn paragraphs(s: &str) -> Vec<String> {
    // CR LF and a lone CR become LF.
    let normalised = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.trim().split('\n').collect();
    // A blank line (empty once trimmed) separates paragraphs; without any, each line is one.
    let has_blank_line = lines.iter().any(|l| l.trim().is_empty());
    let mut out: Vec<String> = Vec::new();
    let mut finish = |text: &str| {
        let paragraph = clean_line(text);
        if !paragraph.is_empty() {
            out.push(paragraph);
        }
    };
    if !has_blank_line {
        lines.iter().for_each(|line| finish(line));
        return out;
    }
    let mut current = String::new();
    for line in lines {
        if line.trim().is_empty() {
            finish(&std::mem::take(&mut current));
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    finish(&current);
    out
}

/// Whether the byte after a '<' makes it the start of a tag (`<p`, `</`, `<!`).
fn opens_tag(next: u8) -> bool {
    next.is_ascii_alphabetic() || next == b'/' || next == b'!'
}

/// True when a text field carries markup (`<p>`, `<br/>`, `</a>`…) rather than
/// prose that merely contains a '<'.
pub fn looks_like_html(s: &str) -> bool {
    s.as_bytes().windows(2).enumerate().any(|(i, w)| w[0] == b'<' && opens_tag(w[1]) && s[i..].contains('>'))
}

/// Tags that sit inside a word or sentence; any other tag separates words.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small",
    "span", "strong", "sub", "sup", "time", "u", "var",
];

/// The text of an HTML fragment, for places that show text only (a headline
/// made from the start of a post): tags removed, entities decoded, white space
/// folded. A '<' that does not open a tag stays as text. Not a parser: it
/// only has to find words, never to decide what markup means.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag = &rest[lt..];
        let is_tag = tag.as_bytes().get(1).copied().is_some_and(opens_tag);
        match tag.find('>').filter(|_| is_tag) {
            Some(gt) => {
                let name = tag[1..gt].trim_start_matches('/');
                let name_end = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
                if !INLINE_TAGS.contains(&name[..name_end].to_ascii_lowercase().as_str()) {
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

/// The first `max` characters of a text, cut at a word boundary, with an ellipsis.
pub fn excerpt(s: &str, max: usize) -> String {
    let s = collapse_space(s);
    // Where character number `max` starts; a text without one is short enough.
    let Some((cut_at, _)) = s.char_indices().nth(max) else { return s };
    let cut = &s[..cut_at];
    let trimmed = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut,
    };
    // Trailing punctuation and spaces go: the ellipsis stands for them.
    format!("{}…", trimmed.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// An integer attribute read as HTML reads one ("rules for parsing
/// integers": `<input maxlength>`, `<td colspan>`): leading white space, an
/// optional sign, then digits, and whatever follows the digits is ignored, so
/// `"60.5"` and `"60px"` read as 60. `None` without a digit. The result is
/// clamped to `min..=max` (saturating on absurdly long digit runs).
pub fn html_integer(value: &str, min: i64, max: i64) -> Option<i64> {
    let rest = value.trim_start_matches(['\t', '\n', '\x0c', '\r', ' ']);
    let (negative, rest) = match rest.as_bytes().first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit);
    let mut magnitude: Option<i64> = None;
    for digit in digits {
        let d = i64::from(digit - b'0');
        magnitude = Some(magnitude.unwrap_or(0).saturating_mul(10).saturating_add(d));
    }
    let magnitude = magnitude?;
    Some(if negative { -magnitude } else { magnitude }.clamp(min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_folds_to_single_spaces_with_or_without_the_byte_check() {
        let folded = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [
            "",
            " ",
            "a",
            "a b",
            "Plain headline, as most are",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "line\nbreak",
            "cr\r\nlf",
            "vertical\x0Btab",
            "form\x0Cfeed",
            "no\u{a0}break",
            "ideographic\u{3000}space",
            "caf\u{e9} cr\u{e8}me",
            "\u{1f}unit separator is no space",
            "  many   gaps\t\t here  ",
        ] {
            assert_eq!(collapse_space(text), folded(text), "{text:?}");
        }
        assert!(is_folded("Plain headline, as most are"));
        assert!(!is_folded("caf\u{e9}"), "non-ASCII text takes the full path");
    }

    #[test]
    fn integer_attributes_read_as_html_reads_them() {
        let read = |v| html_integer(v, 1, 1000);
        assert_eq!(read("60"), Some(60));
        assert_eq!(read("  +60.5"), Some(60));
        assert_eq!(read("60px"), Some(60));
        assert_eq!(read("1e3"), Some(1), "the exponent is not a digit");
        assert_eq!(read("-5"), Some(1), "clamped to the minimum");
        assert_eq!(read("99999999999999999999999"), Some(1000), "saturates, then clamps");
        for bad in ["", "  ", "px", "+", "-", ".5", "\u{a0}5"] {
            assert_eq!(read(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decodes_entities_found_in_feeds() {
        assert_eq!(decode_entities("Tom &amp; Jerry&#039;s &quot;show&quot;"), "Tom & Jerry's \"show\"");
        assert_eq!(decode_entities("&#x27;hex&#X27; &hellip; &mdash;"), "'hex' … —");
        assert_eq!(decode_entities("AT&T &unknown; & &#xZZ; &#0;"), "AT&T &unknown; & &#xZZ; \u{fffd}");
        assert_eq!(decode_entities("&#1114112;"), "\u{fffd}");
        assert_eq!(
            decode_entities("&#+65; &#x+41; &#-1; &#x; &#9999999999;"),
            "&#+65; &#x+41; &#-1; &#x; &#9999999999;"
        );
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
