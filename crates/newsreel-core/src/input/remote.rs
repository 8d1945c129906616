//! Feeds loaded by URL (`src`): which URLs may be fetched, what a response
//! holds, how often to ask again, and what to tell the site owner when it
//! fails. The DOM shell does the fetching and the XML parsing; the rules are
//! here, tested natively.

use std::collections::BTreeSet;

use crate::html::text::{html_integer, named_entity};
use crate::input::json::MAX_INPUT_BYTES;
use crate::url::policy;

/// How long a request may take before it is aborted.
pub const TIMEOUT_MS: u32 = 15_000;

/// The shortest polling interval (`refresh` below this counts as this).
pub const MIN_REFRESH_S: i64 = 5;

/// Backing off after failures stops at this many intervals.
const MAX_BACKOFF_INTERVALS: u32 = 10;

/// A `src` the widget will fetch: `http:`, `https:` or relative (no scheme).
/// Anything else (`javascript:`, `data:`, `file:`) is refused before any
/// request is made.
/// The URL is read as the browser's URL parser reads it (tabs and newlines
/// dropped), so `java\tscript:` is seen for what it is.
pub fn check_src(src: &str) -> Result<String, String> {
    let src = policy::as_url_parser_reads(src);
    if src.is_empty() {
        return Err("src is empty".into());
    }
    match policy::scheme(&src).as_deref() {
        None | Some("http") | Some("https") => Ok(src),
        Some(other) => Err(format!("src \"{}\" is not an http:, https: or relative URL (it is {other}:)", short(&src))),
    }
}

/// The polling interval of `refresh="SECONDS"` in milliseconds: at least
/// [`MIN_REFRESH_S`]; `None` (no polling) without the attribute or a number.
pub fn refresh_interval_ms(attribute: Option<&str>) -> Option<u32> {
    let seconds = html_integer(attribute?, MIN_REFRESH_S, 86_400)?;
    u32::try_from(seconds * 1000).ok()
}

/// When to try again after `failures` failures in a row: the interval
/// doubled for each, up to ten intervals.
pub fn retry_delay_ms(interval_ms: u32, failures: u32) -> u32 {
    let factor = 1u32.checked_shl(failures.min(31)).unwrap_or(u32::MAX).min(MAX_BACKOFF_INTERVALS);
    interval_ms.saturating_mul(factor)
}

/// What a response's text is, from its content first (servers label feeds
/// loosely) and its `Content-Type` only to tell an HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Json,
    Xml,
    /// A web page (a login wall, an error page), not a feed.
    Html,
    Other,
}

pub fn classify(text: &str, content_type: &str) -> Content {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let lower_start: String = start.chars().take(15).collect::<String>().to_ascii_lowercase();
    match start.as_bytes().first() {
        Some(b'{' | b'[') => Content::Json,
        Some(b'<') if lower_start.starts_with("<!doctype html") || lower_start.starts_with("<html") => Content::Html,
        // Served as HTML, a feed is still a feed when its first element
        // says so (servers that send every file as text/html exist).
        Some(b'<')
            if content_type.trim_start().to_ascii_lowercase().starts_with("text/html")
                && !lower_start.starts_with("<?xml") =>
        {
            if has_feed_root(start) || behind_a_warning(start).is_some_and(has_feed_root) {
                Content::Xml
            } else {
                Content::Html
            }
        }
        Some(b'<') => Content::Xml,
        Some(_) if behind_a_warning(start).is_some_and(has_feed_root) => Content::Xml,
        _ => Content::Other,
    }
}

/// The root elements of the feed formats.
const FEED_ROOTS: [&str; 3] = ["rss", "feed", "rdf:RDF"];

fn has_feed_root(markup: &str) -> bool {
    first_element_name(markup).is_some_and(|name| FEED_ROOTS.contains(&name))
}

/// The text from its XML declaration on, when something stands before it
/// (a warning that a server printed ahead of the feed, PHP's, which also
/// makes it text/html) and that something holds no feed element: a
/// declaration quoted in a body is no declaration.
fn behind_a_warning(text: &str) -> Option<&str> {
    let at = text.find("<?xml").filter(|&at| at > 0)?;
    let before = &text[..at];
    (!FEED_ROOTS.iter().any(|root| before.contains(&format!("<{root}")))).then(|| &text[at..])
}

/// The name of the first element of markup, past comments, processing
/// instructions and a doctype; `None` when there is none to read.
fn first_element_name(markup: &str) -> Option<&str> {
    let mut rest = markup.trim_start();
    loop {
        let after = rest.strip_prefix('<')?;
        let end = if after.starts_with("!--") {
            after.find("-->")? + 3
        } else if after.starts_with(['?', '!']) {
            after.find('>')? + 1
        } else {
            let name_end = after.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(after.len());
            return Some(&after[..name_end]);
        };
        rest = after[end..].trim_start();
    }
}

/// A feed that did not arrive, or arrived as something that is no feed:
/// where from and why. It reads "could not load <url>: <reason>" for the
/// console and the `newsreel:error` event; the widget puts the words before
/// the reason in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadFailure {
    /// The URL as given, shortened for messages.
    pub url: String,
    pub reason: String,
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not load {}: {}", self.url, self.reason)
    }
}

impl LoadFailure {
    pub fn new(url: &str, reason: impl Into<String>) -> LoadFailure {
        LoadFailure { url: short(url), reason: reason.into() }
    }
}

/// Why a load failed. `kind` is what the shell's fetch reported.
pub fn load_error(url: &str, kind: &str, status: u16) -> LoadFailure {
    let reason = match kind {
        "http" => format!("HTTP {status}"),
        "timeout" => format!("no answer within {} s", TIMEOUT_MS / 1000),
        "too-large" => format!("the feed is larger than {MAX_INPUT_BYTES} bytes (5 MB)"),
        _ => "the request failed (the network, or a feed on another origin whose server does not send Access-Control-Allow-Origin)"
            .into(),
    };
    LoadFailure::new(url, reason)
}

/// The error for a response that is no feed.
pub fn content_error(url: &str, content: Content) -> LoadFailure {
    let reason = match content {
        Content::Html => "it is an HTML page, not a feed (a login or error page?)",
        _ => "it is neither JSON nor XML",
    };
    LoadFailure::new(url, reason)
}

/// The browser XML parser's report, read into `invalid XML at line L,
/// column C: what`. Chromium writes "error on line 3 at column 5: Opening
/// and ending tag mismatch", Firefox "XML Parsing Error: mismatched tag …
/// Line Number 3, Column 5:", roxmltree (natively) "what at 3:5"; anything
/// else is passed on as it is.
pub fn xml_error(report: &str) -> String {
    let place = |line: usize, column: usize, what: &str| {
        format!("invalid XML at line {line}, column {column}: {}", what.trim())
    };
    if let Some(at) = report.find("error on line ") {
        let rest = &report[at + "error on line ".len()..];
        let line = leading_number(rest);
        let column = rest.find("at column ").map(|i| leading_number(&rest[i + "at column ".len()..]));
        let what = rest.split_once(": ").map_or("", |(_, w)| w.lines().next().unwrap_or(""));
        if let (Some(line), Some(Some(column))) = (line, column) {
            return place(line, column, what);
        }
    }
    if let Some(at) = report.find("Line Number ") {
        let line = leading_number(&report[at + "Line Number ".len()..]);
        let column = report[at..].find("Column ").and_then(|i| leading_number(&report[at + i + "Column ".len()..]));
        let what = report.strip_prefix("XML Parsing Error:").unwrap_or(report).lines().next().unwrap_or("");
        if let (Some(line), Some(column)) = (line, column) {
            return place(line, column, what);
        }
    }
    // roxmltree, natively (the server and the tests): "what at 3:12".
    if let Some((what, place_text)) = report.trim().rsplit_once(" at ") {
        if let Some((line, column)) = place_text.split_once(':') {
            if let (Ok(line), Ok(column)) = (line.parse(), column.parse()) {
                return place(line, column, what);
            }
        }
    }
    format!("invalid XML: {}", report.trim().lines().next().unwrap_or("the parser gave no reason"))
}

fn leading_number(s: &str) -> Option<usize> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// URLs and parser reports are the page's or the server's: keep messages short.
fn short(s: &str) -> String {
    const MAX: usize = 200;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).chain(['…']).collect()
    }
}

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

/// The ticker's ids that a refresh added and removed, in their order.
pub fn changes<S: AsRef<str>>(before: &[S], after: &[S]) -> (Vec<String>, Vec<String>) {
    // Filled by insertion, not `collect()`: collecting into a B-tree sorts
    // first, which would put a second sort's code in the wasm for nothing.
    fn set_of<S: AsRef<str>>(ids: &[S]) -> BTreeSet<&str> {
        let mut set = BTreeSet::new();
        for id in ids {
            set.insert(id.as_ref());
        }
        set
    }
    let (old, new) = (set_of(before), set_of(after));
    let added = after.iter().map(AsRef::as_ref).filter(|id| !old.contains(id)).map(str::to_string).collect();
    let removed = before.iter().map(AsRef::as_ref).filter(|id| !new.contains(id)).map(str::to_string).collect();
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_are_fetched() {
        for good in
            ["/news.xml", "feed.json", "https://news.test/rss", "HTTP://news.test/a", "//cdn.test/f.xml", "?page=2"]
        {
            assert!(check_src(good).is_ok(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            " data:text/xml,<rss/>",
            "da\tta:text/xml,<rss/>",
            "file:///etc/passwd",
            "ftp://x.test/f",
        ] {
            let err = check_src(bad).unwrap_err();
            assert!(err.contains("is not an http:, https: or relative URL"), "{err}");
        }
        assert_eq!(check_src("  ").unwrap_err(), "src is empty");
    }

    #[test]
    fn refresh_is_at_least_five_seconds_and_backs_off_to_ten_intervals() {
        assert_eq!(refresh_interval_ms(None), None);
        assert_eq!(refresh_interval_ms(Some("soon")), None);
        assert_eq!(refresh_interval_ms(Some("60")), Some(60_000));
        assert_eq!(refresh_interval_ms(Some("1")), Some(5_000));
        assert_eq!(refresh_interval_ms(Some("0")), Some(5_000));
        let delays: Vec<u32> = (0..6).map(|f| retry_delay_ms(5_000, f)).collect();
        assert_eq!(delays, [5_000, 10_000, 20_000, 40_000, 50_000, 50_000]);
        assert_eq!(retry_delay_ms(5_000, 1_000), 50_000);
    }

    #[test]
    fn responses_are_told_apart_by_their_content() {
        assert_eq!(classify("\u{feff} {\"items\":[]}", "text/plain"), Content::Json);
        assert_eq!(classify("[{}]", ""), Content::Json);
        assert_eq!(classify("<?xml version=\"1.0\"?><rss/>", "text/html"), Content::Xml);
        assert_eq!(classify("\n<rss version=\"2.0\">", "application/octet-stream"), Content::Xml);
        assert_eq!(classify("<!DOCTYPE html><title>Sign in</title>", "text/html"), Content::Html);
        assert_eq!(classify("<HTML><body>404</body>", "application/xml"), Content::Html);
        assert_eq!(classify("<div>oops</div>", "text/html; charset=utf-8"), Content::Html);
        // A feed served as text/html, as some servers serve every file.
        assert_eq!(classify("<!-- generator --><rss version=\"2.0\"><channel/></rss>", "text/html"), Content::Xml);
        assert_eq!(classify("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "text/html; charset=utf-8"), Content::Xml);
        assert_eq!(classify("<rdf:RDF xmlns:rdf=\"x\">", "text/html"), Content::Xml);
        assert_eq!(classify("<!-- a page --><body>", "text/html"), Content::Html);
        assert_eq!(classify("Not found", "text/plain"), Content::Other);
        let warned = "<br />\n<b>Warning</b>: Cannot modify header information<br />\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\">";
        assert_eq!(classify(warned, "text/html; charset=UTF-8"), Content::Xml, "a feed after a PHP warning");
        assert_eq!(
            classify("Warning: x in /a.php on line 3\n<?xml version=\"1.0\"?><feed>", "text/html"),
            Content::Xml
        );
        assert_eq!(
            classify("<p>See <?xml version=\"1.0\"?><svg/></p>", "text/html"),
            Content::Html,
            "a page that only quotes XML"
        );
        assert_eq!(classify("", ""), Content::Other);
    }

    #[test]
    fn failures_say_what_and_where() {
        let text = |f: LoadFailure| f.to_string();
        assert_eq!(text(load_error("/news.xml", "http", 404)), "could not load /news.xml: HTTP 404");
        assert_eq!(load_error("/news.xml", "http", 404).reason, "HTTP 404");
        assert!(text(load_error("https://x.test/f", "network", 0)).contains("Access-Control-Allow-Origin"));
        assert_eq!(text(load_error("/f", "timeout", 0)), "could not load /f: no answer within 15 s");
        assert!(text(load_error("/f", "too-large", 200)).contains("larger than 5242880 bytes"));
        assert!(text(content_error("/f", Content::Html)).contains("an HTML page, not a feed"));
        let long = format!("/{}", "a".repeat(500));
        assert!(text(load_error(&long, "http", 500)).chars().count() < 260);
    }

    #[test]
    fn xml_errors_give_the_parsers_line_and_column() {
        let chromium = "This page contains the following errors:error on line 3 at column 12: Opening and ending tag mismatch: title line 0 and item\nBelow is a rendering of the page up to the first error.";
        assert_eq!(
            xml_error(chromium),
            "invalid XML at line 3, column 12: Opening and ending tag mismatch: title line 0 and item"
        );
        let firefox = "XML Parsing Error: mismatched tag. Expected: </title>.\nLocation: http://127.0.0.1/feed.xml\nLine Number 3, Column 12:<item><title>x</item>\n-----------^";
        assert_eq!(xml_error(firefox), "invalid XML at line 3, column 12: mismatched tag. Expected: </title>.");
        let roxmltree = "expected 'title' tag, not 'titl' at 2:15";
        assert_eq!(xml_error(roxmltree), "invalid XML at line 2, column 15: expected 'title' tag, not 'titl'");
        assert_eq!(xml_error("something odd\nmore"), "invalid XML: something odd");
        assert_eq!(xml_error(""), "invalid XML: the parser gave no reason");
    }

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

    #[test]
    fn changes_list_added_and_removed_ids_in_order() {
        let (added, removed) = changes(&["a", "b", "c"], &["d", "a", "c", "e"]);
        assert_eq!((added, removed), (vec!["d".to_string(), "e".to_string()], vec!["b".to_string()]));
        let (added, removed) = changes(&["a"], &["a"]);
        assert!(added.is_empty() && removed.is_empty());
    }
}
