//! A neutral XML tree for the feed decoders (`feed_xml`).
//!
//! In the browser the shell parses feed XML with `DOMParser`
//! (`application/xml`) and walks the result into this tree; natively, a
//! server and the tests build the same tree with roxmltree (`from_text`).
//! The wasm never parses XML itself, so it carries no XML parser. Either
//! parser's report of broken XML is read into one value (`XmlError`): the
//! line, the column and the parser's words.
//!
//! What the tree holds, whoever builds it:
//! - elements and attributes by local name and namespace URI (a prefix means
//!   nothing once namespaces are resolved);
//! - text and CDATA both as `Node::Text`, with entities and character
//!   references already decoded by the parser; comments and processing
//!   instructions dropped;
//! - at most [`MAX_DEPTH`] levels of elements, the root being level 1:
//!   an element deeper than that arrives as its text content only
//!   (`Node::Text`), so a hostile feed cannot make a walk deep.

/// How many levels of elements the tree holds; deeper content is text.
pub const MAX_DEPTH: usize = 64;

/// Atom 1.0 (RFC 4287).
pub const ATOM: &str = "http://www.w3.org/2005/Atom";
/// Atom 0.3, the pre-standard draft that old blogs (Blogger's early feeds
/// among them) still serve.
pub const ATOM03: &str = "http://purl.org/atom/ns#";
/// RSS 1.0's own elements.
pub const RSS1: &str = "http://purl.org/rss/1.0/";
/// RSS 0.90, the first RDF flavour, still found on old sites.
pub const RSS090: &str = "http://my.netscape.com/rdf/simple/0.9/";
/// RDF, whose `<rdf:RDF>` is the root of RSS 0.90 and 1.0.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// `content:encoded`, the full HTML body of an RSS item.
pub const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
/// Dublin Core: `dc:creator`, `dc:date`, `dc:language`.
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
/// Media RSS: `media:content`, `media:thumbnail`, `media:group`.
pub const MEDIA: &str = "http://search.yahoo.com/mrss/";
/// Apple's podcast elements: `itunes:image`, an episode's picture.
pub const ITUNES: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
/// FeedBurner's extension, whose `origLink` is an item's own address where
/// `<link>` is FeedBurner's redirect.
pub const FEEDBURNER: &str = "http://rssnamespace.org/feedburner/ext/1.0";
/// XHTML, inside Atom `type="xhtml"` text.
pub const XHTML: &str = "http://www.w3.org/1999/xhtml";
/// The `xml:` prefix: `xml:base`, `xml:lang`.
pub const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// A child of an element.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    /// Text or CDATA, entities decoded. Adjacent pieces may stay apart (a
    /// DOM keeps a CDATA section apart from the text around it).
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Element {
    /// The local name, without a prefix.
    pub name: String,
    /// The namespace URI; `None` for RSS 0.91, 0.92 and 2.0 elements.
    pub namespace: Option<String>,
    pub attributes: Vec<Attribute>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attribute {
    /// The local name, without a prefix.
    pub name: String,
    /// The namespace URI; `None` for an attribute without a prefix.
    pub namespace: Option<String>,
    pub value: String,
}

impl Element {
    /// Whether this is the element `name` in `namespace` (`None`: in no namespace).
    pub fn is(&self, namespace: Option<&str>, name: &str) -> bool {
        self.name == name && self.namespace.as_deref() == namespace
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements with this name in this namespace.
    pub fn children_named<'a>(
        &'a self,
        namespace: Option<&'a str>,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| e.is(namespace, name))
    }

    /// The first child element with this name in this namespace.
    pub fn child(&self, namespace: Option<&str>, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(namespace, name))
    }

    /// All the text inside, as the DOM's `textContent` gives it: every text
    /// node of every descendant, in document order. A loop with a stack, not
    /// recursion, so a tree built by other means than the shell's walk is
    /// read without any risk to the stack.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<std::slice::Iter<Node>> = vec![self.children.iter()];
        while let Some(top) = stack.last_mut() {
            match top.next() {
                Some(Node::Text(t)) => out.push_str(t),
                Some(Node::Element(e)) => stack.push(e.children.iter()),
                None => {
                    stack.pop();
                }
            }
        }
        out
    }

    /// The value of the attribute `name` without a namespace (`href`, `type`).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.name == name && a.namespace.is_none()).map(|a| a.value.as_str())
    }

    /// The value of the attribute `name` in `namespace` (`xml:base` is
    /// `attribute_in(XML, "base")`).
    pub fn attribute_in(&self, namespace: &str, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name == name && a.namespace.as_deref() == Some(namespace))
            .map(|a| a.value.as_str())
    }
}

/// Builds the tree from XML text, as the shell builds it from `DOMParser`'s
/// document: for a server (native builds only) and for tests. A DTD with an
/// internal subset (where entities are declared) is refused, so nothing
/// depends on expanding entities (no entity bomb either); a bare
/// `<!DOCTYPE … PUBLIC …>`, which RSS 0.91 feeds carry and `DOMParser`
/// reads without fetching, is accepted. `Err` holds roxmltree's report.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_text(text: &str) -> Result<Element, String> {
    let doc = match roxmltree::Document::parse(text) {
        Err(roxmltree::Error::DtdDetected) if !has_internal_subset(text) => roxmltree::Document::parse_with_options(
            text,
            roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
        ),
        parsed => parsed,
    };
    let doc = doc.map_err(|e| e.to_string())?;
    Ok(convert(doc.root_element(), 1))
}

/// Whether the document type declaration has a `[…]` part.
#[cfg(not(target_arch = "wasm32"))]
fn has_internal_subset(text: &str) -> bool {
    let Some(start) = text.find("<!DOCTYPE") else { return false };
    let declaration = &text[start..];
    let end = declaration.find('>').unwrap_or(declaration.len());
    declaration[..end].contains('[')
}

#[cfg(not(target_arch = "wasm32"))]
fn convert(node: roxmltree::Node, depth: usize) -> Element {
    let text_of =
        |n: roxmltree::Node| n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>();
    let children = node
        .children()
        .filter_map(|child| {
            if child.is_element() {
                Some(if depth < MAX_DEPTH {
                    Node::Element(convert(child, depth + 1))
                } else {
                    Node::Text(text_of(child))
                })
            } else {
                child.text().filter(|_| child.is_text()).map(|t| Node::Text(t.to_string()))
            }
        })
        .collect();
    Element {
        name: node.tag_name().name().to_string(),
        namespace: node.tag_name().namespace().map(String::from),
        attributes: node
            .attributes()
            .map(|a| Attribute {
                name: a.name().to_string(),
                namespace: a.namespace().map(String::from),
                value: a.value().to_string(),
            })
            .collect(),
        children,
    }
}

/// Where and why a parser refused a feed's XML: read out of the parser's
/// report, whichever parser wrote it, and shown as `invalid XML at line L,
/// column C: what` (or `invalid XML: what` without a place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// The line and column (from 1) the parser stopped at, when its report
    /// gives them.
    pub at: Option<TextPosition>,
    /// What went wrong, in the parser's words (the first line of them).
    pub message: String,
}

/// A place in a text: line and column, from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPosition {
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some(TextPosition { line, column }) => {
                write!(f, "invalid XML at line {line}, column {column}: {}", self.message)
            }
            None => write!(f, "invalid XML: {}", self.message),
        }
    }
}

impl XmlError {
    /// Reads a parser's report. Chromium writes "error on line 3 at column
    /// 5: Opening and ending tag mismatch", Firefox "XML Parsing Error:
    /// mismatched tag … Line Number 3, Column 5:", roxmltree (natively)
    /// "what at 3:5"; of anything else the first line is the message.
    pub fn from_report(report: &str) -> XmlError {
        let placed = |line: usize, column: usize, what: &str| XmlError {
            at: Some(TextPosition { line, column }),
            message: what.trim().to_string(),
        };
        if let Some(at) = report.find("error on line ") {
            let rest = &report[at + "error on line ".len()..];
            let line = leading_number(rest);
            let column = rest.find("at column ").map(|i| leading_number(&rest[i + "at column ".len()..]));
            let what = rest.split_once(": ").map_or("", |(_, w)| w.lines().next().unwrap_or(""));
            if let (Some(line), Some(Some(column))) = (line, column) {
                return placed(line, column, what);
            }
        }
        if let Some(at) = report.find("Line Number ") {
            let line = leading_number(&report[at + "Line Number ".len()..]);
            let column = report[at..].find("Column ").and_then(|i| leading_number(&report[at + i + "Column ".len()..]));
            let what = report.strip_prefix("XML Parsing Error:").unwrap_or(report).lines().next().unwrap_or("");
            if let (Some(line), Some(column)) = (line, column) {
                return placed(line, column, what);
            }
        }
        // roxmltree, natively (the server and the tests): "what at 3:12".
        if let Some((what, place)) = report.trim().rsplit_once(" at ") {
            if let Some((line, column)) = place.split_once(':') {
                if let (Ok(line), Ok(column)) = (line.parse(), column.parse()) {
                    return placed(line, column, what);
                }
            }
        }
        let first_line = report.trim().lines().next().unwrap_or("the parser gave no reason");
        XmlError { at: None, message: first_line.to_string() }
    }
}

fn leading_number(s: &str) -> Option<usize> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_namespaces_text_and_attributes() {
        let root = from_text(concat!(
            r#"<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xml:base="https://x.test/"><channel>"#,
            r#"<title>A &amp; <![CDATA[<b>B</b>]]> C</title><dc:creator>Jo</dc:creator><creator>not dc</creator>"#,
            r#"<link href="/a" dc:type="t"/><!-- gone --><?pi gone?></channel></rss>"#
        ))
        .unwrap();
        assert!(root.is(None, "rss"));
        assert_eq!(root.attribute_in(XML, "base"), Some("https://x.test/"));
        let channel = root.child(None, "channel").unwrap();
        assert_eq!(channel.child(None, "title").unwrap().text(), "A & <b>B</b> C", "CDATA is text, entities decoded");
        assert_eq!(channel.child(Some(DC), "creator").unwrap().text(), "Jo");
        assert_eq!(channel.children_named(None, "creator").count(), 1, "by namespace, not by local name alone");
        let link = channel.child(None, "link").unwrap();
        assert_eq!(
            (link.attribute("href"), link.attribute("type"), link.attribute_in(DC, "type")),
            (Some("/a"), None, Some("t"))
        );
        assert_eq!(channel.elements().count(), 4, "comments and processing instructions are dropped");
    }

    #[test]
    fn entity_declarations_are_refused() {
        let bomb =
            r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss>&b;</rss>"#;
        assert!(from_text(bomb).is_err());
        let declared = r#"<!DOCTYPE rss SYSTEM "x.dtd" [<!ENTITY a "x">]><rss>&a;</rss>"#;
        assert!(from_text(declared).is_err(), "an internal subset even beside an external id");
    }

    #[test]
    fn content_past_the_depth_limit_is_text_only() {
        let depth = MAX_DEPTH + 6;
        let xml = "<a>".repeat(depth) + "deep" + &"</a>".repeat(depth);
        let root = from_text(&xml).unwrap();
        let mut level = 1;
        let mut e = &root;
        while let Some(next) = e.elements().next() {
            e = next;
            level += 1;
        }
        assert_eq!(level, MAX_DEPTH);
        assert_eq!(e.children, vec![Node::Text("deep".into())]);
        assert_eq!(root.text(), "deep");
    }

    #[test]
    fn text_of_a_very_deep_hand_built_tree_does_not_recurse() {
        let mut e = Element { name: "x".into(), children: vec![Node::Text("end".into())], ..Element::default() };
        for _ in 0..100_000 {
            e = Element { name: "x".into(), children: vec![Node::Element(e)], ..Element::default() };
        }
        assert_eq!(e.text(), "end");
        // Dropping it would recurse; it is taken apart by hand.
        let mut next = Some(e);
        while let Some(mut el) = next.take() {
            next = match el.children.pop() {
                Some(Node::Element(child)) => Some(child),
                _ => None,
            };
        }
    }

    #[test]
    fn xml_errors_give_the_parsers_line_and_column() {
        let read = |report: &str| XmlError::from_report(report).to_string();
        let chromium = "This page contains the following errors:error on line 3 at column 12: Opening and ending tag mismatch: title line 0 and item\nBelow is a rendering of the page up to the first error.";
        assert_eq!(
            read(chromium),
            "invalid XML at line 3, column 12: Opening and ending tag mismatch: title line 0 and item"
        );
        assert_eq!(
            XmlError::from_report(chromium),
            XmlError {
                at: Some(TextPosition { line: 3, column: 12 }),
                message: "Opening and ending tag mismatch: title line 0 and item".into()
            }
        );
        let firefox = "XML Parsing Error: mismatched tag. Expected: </title>.\nLocation: http://127.0.0.1/feed.xml\nLine Number 3, Column 12:<item><title>x</item>\n-----------^";
        assert_eq!(read(firefox), "invalid XML at line 3, column 12: mismatched tag. Expected: </title>.");
        let roxmltree = "expected 'title' tag, not 'titl' at 2:15";
        assert_eq!(read(roxmltree), "invalid XML at line 2, column 15: expected 'title' tag, not 'titl'");
        assert_eq!(read("something odd\nmore"), "invalid XML: something odd");
        assert_eq!(XmlError::from_report("something odd\nmore").at, None);
        assert_eq!(read(""), "invalid XML: the parser gave no reason");
    }
}
