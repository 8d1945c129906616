//! Feed text that a browser's strict XML parser refuses, repaired as feed
//! readers forgive it (`repair_xml`): what stands before the declaration or
//! after the root dropped, HTML's entities and empty tags made XML, bare
//! ampersands escaped, forbidden control characters dropped.

use crate::html::text::named_entity;
use crate::input::sniff::{behind_a_warning, first_element_name};

/// Feed text as a browser's strict XML parser can read it, or `None` when
/// nothing needed repair. Feeds in the wild are often not well-formed where
/// feed readers forgive them, and `DOMParser` forgives nothing:
/// - white space or a byte-order mark before `<?xml` (a common CMS plugin
///   bug), or text before it (a PHP warning printed ahead of the feed):
///   dropped, since the declaration must come first;
/// - markup after the root element's end (a script or banner a free host
///   appends to everything it serves): dropped, since a document has one
///   root;
/// - HTML's named entities (`&nbsp;`, `&mdash;`), which XML does not define
///   (old RSS 0.91 feeds declared them through Netscape's DTD): written as
///   numeric references for the names `text::decode_entities` knows;
/// - a bare `&` (`AT&T`) or an unknown name: escaped as `&amp;`, so it
///   shows as written;
/// - control characters that XML 1.0 forbids (a stray backspace or form
///   feed pasted into a title), as characters or as numeric references:
///   dropped, as feed readers drop them.
///
/// CDATA sections and comments are copied as they are. The shell tries the
/// text as served first and this only when that fails.
pub fn repair_xml(text: &str) -> Option<String> {
    const XML_NAMES: [&str; 5] = ["amp", "lt", "gt", "quot", "apos"];
    let start = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_ascii_whitespace());
    let start = behind_a_warning(start).unwrap_or(start);
    let start = without_trailing_markup(start);
    let mut out = String::with_capacity(start.len() + 64);
    let mut rest = start;
    let mut changed = start.len() != text.len();
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Copied through unchanged: markup that holds `&` as plain text.
        for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
            if rest.starts_with(open) {
                let end = rest.find(close).map_or(rest.len(), |i| i + close.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
        }
        if rest.starts_with('<') {
            match unclosed_html_tag(rest) {
                Some((end, is_end_tag)) => {
                    // `<br>` made `<br/>`; its end tag, which HTML ignores, dropped.
                    if !is_end_tag {
                        out.push_str(rest[..end - 1].trim_end());
                        out.push_str("/>");
                    }
                    rest = &rest[end..];
                    changed = true;
                }
                None => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        if !rest.starts_with('&') {
            continue;
        }
        let name_end = rest[1..].find(|c: char| !c.is_ascii_alphanumeric() && c != '#').map(|i| i + 1);
        let reference = name_end.filter(|&end| rest[end..].starts_with(';')).map(|end| &rest[1..end]);
        match reference {
            Some(name) if XML_NAMES.contains(&name) => {
                out.push_str(&rest[..name.len() + 2]);
                rest = &rest[name.len() + 2..];
            }
            Some(name) if is_character_reference(name) => {
                if character_reference(name).is_some_and(is_xml_char) {
                    out.push_str(&rest[..name.len() + 2]);
                } else {
                    changed = true;
                }
                rest = &rest[name.len() + 2..];
            }
            Some(name) if named_entity(name).is_some() => {
                let c = named_entity(name).map_or(0, u32::from);
                out.push_str(&format!("&#{c};"));
                rest = &rest[name.len() + 2..];
                changed = true;
            }
            _ => {
                out.push_str("&amp;");
                rest = &rest[1..];
                changed = true;
            }
        }
    }
    out.push_str(rest);
    let length = out.len();
    out.retain(is_xml_char);
    changed |= out.len() != length;
    changed.then_some(out)
}

/// HTML's empty elements that RSS descriptions hold unescaped and feed
/// readers forgive: only these, since others of HTML's void names are RSS
/// elements with content (`<link>`, `<source>`).
const HTML_EMPTY_TAGS: [&str; 4] = ["br", "hr", "img", "wbr"];

/// At `<br>`, `<img src=…>` (not closed as XML needs) or `</br>`: the length
/// of the tag and whether it is an end tag.
fn unclosed_html_tag(markup: &str) -> Option<(usize, bool)> {
    let (after, is_end_tag) = match markup.strip_prefix("</") {
        Some(after) => (after, true),
        None => (markup.strip_prefix('<')?, false),
    };
    let name_end = after.find(|c: char| !c.is_ascii_alphanumeric())?;
    if !HTML_EMPTY_TAGS.iter().any(|tag| after[..name_end].eq_ignore_ascii_case(tag)) {
        return None;
    }
    if !matches!(after.as_bytes()[name_end], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r') {
        return None;
    }
    let end = markup.find('>')? + 1;
    (is_end_tag || !markup[..end - 1].ends_with('/')).then_some((end, is_end_tag))
}

/// The text up to the end tag of its root element, when more than XML
/// allows there (white space, comments, processing instructions) follows
/// that tag; else the text as it is.
fn without_trailing_markup(text: &str) -> &str {
    let Some(root) = first_element_name(text).filter(|name| !name.is_empty()) else { return text };
    let end = text.rfind(&format!("</{root}")).and_then(|at| text[at..].find('>').map(|gt| at + gt + 1));
    match end {
        Some(end) if !is_misc(&text[end..]) => &text[..end],
        _ => text,
    }
}

/// Whether markup holds only what may follow a root element.
fn is_misc(markup: &str) -> bool {
    let mut rest = markup.trim_start();
    while !rest.is_empty() {
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<?") {
            rest.find("?>").map(|i| i + 2)
        } else {
            None
        };
        let Some(end) = end else { return false };
        rest = rest[end..].trim_start();
    }
    true
}

/// A character XML 1.0 allows in a document (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The character a numeric reference's name (`#123`, `#x1F`) stands for.
fn character_reference(name: &str) -> Option<char> {
    let number = name.strip_prefix('#')?;
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(value)
}

/// `#123` or `#x1F`: a numeric character reference's name.
fn is_character_reference(name: &str) -> bool {
    match name.strip_prefix('#') {
        Some(hex) if hex.starts_with(['x', 'X']) => hex.len() > 1 && hex[1..].bytes().all(|b| b.is_ascii_hexdigit()),
        Some(digits) => !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sloppy_feed_text_is_repaired_for_a_strict_parser() {
        assert_eq!(
            repair_xml("<rss><title>Fine &amp; &#233; &#xE9;</title></rss>"),
            None,
            "well-formed text is left alone"
        );
        assert_eq!(
            repair_xml("\u{feff}\n  <?xml version=\"1.0\"?><rss/>").as_deref(),
            Some("<?xml version=\"1.0\"?><rss/>")
        );
        assert_eq!(
            repair_xml("<t>AT&T &nbsp;&mdash; &hearts; & &#; &#x;</t>").as_deref(),
            Some("<t>AT&amp;T &#160;&#8212; &amp;hearts; &amp; &amp;#; &amp;#x;</t>")
        );
        let cdata = "<t><![CDATA[a & b &nbsp;]]> &c;</t><!-- x & y -->";
        assert_eq!(repair_xml(cdata).as_deref(), Some("<t><![CDATA[a & b &nbsp;]]> &amp;c;</t><!-- x & y -->"));
        assert_eq!(repair_xml("<t><![CDATA[never closed & ").as_deref(), None, "an open CDATA runs to the end");
        assert_eq!(repair_xml("a &").as_deref(), Some("a &amp;"));
        // Control characters XML forbids, as characters or as references.
        assert_eq!(
            repair_xml("<t>ab\u{8}cd\u{c} &#8;&#x1F;&#x0; &#9;&#x1F600;</t>").as_deref(),
            Some("<t>abcd  &#9;&#x1F600;</t>")
        );
        assert_eq!(repair_xml("<t>tab\tand\r\nlines</t>"), None, "tab, CR and LF are allowed");
        let warned = "<br />\n<b>Warning</b>: Cannot modify header information in /var/www/wp.php<br />\n<?xml version=\"1.0\"?><rss/>";
        assert_eq!(repair_xml(warned).as_deref(), Some("<?xml version=\"1.0\"?><rss/>"), "text before the declaration");
        let quoted = "<rss><item><description><![CDATA[<?xml version=\"1.0\"?>]]></description></item></rss>";
        assert_eq!(repair_xml(quoted), None, "a declaration quoted in a body is no declaration");
        let hosted = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss >\n<script src=\"//host.test/a.js\"></script>\n";
        assert_eq!(
            repair_xml(hosted).as_deref(),
            Some("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss >"),
            "what follows the root"
        );
        assert_eq!(repair_xml("<rss><channel/></rss>\n\n"), None, "white space after the root is fine");
        assert_eq!(
            repair_xml("<d>a<br>b<BR >c<img src=\"x.png\" alt=\"\">d<br/>e<br></br>f<link>u</link><hr/></d>")
                .as_deref(),
            Some("<d>a<br/>b<BR/>c<img src=\"x.png\" alt=\"\"/>d<br/>e<br/>f<link>u</link><hr/></d>"),
            "HTML's empty tags closed as XML needs, and nothing else"
        );
        assert_eq!(
            repair_xml("<d><![CDATA[a<br>b]]><brand>x</brand></d>"),
            None,
            "CDATA and other names are left alone"
        );
    }
}
