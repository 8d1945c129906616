//! The HTML sanitiser for article bodies: which parsed nodes are rebuilt.
//!
//! The DOM shell has the browser's inert `DOMParser` parse the body (no
//! script runs, nothing loads) and hands over the parsed tree as a neutral
//! `markup::Node` tree. This module walks that tree and writes only
//! allowlisted elements and attributes into a `Build`, which the shell then
//! creates with `createElement` / `createTextNode` / `setAttribute`. Parsed
//! markup is never inserted itself, so parser tricks (mutation XSS through
//! `<noscript>`, `<template>`, namespace confusion) have nothing to mutate:
//! what gets created is exactly what was checked.
//!
//! The output is also idempotent: serialised and sanitised again, it comes out
//! the same. Unwrapping an unknown element can put its children where the HTML
//! parser would never leave them (`<p><marquee><p>` becomes `<p><p>`, which a
//! parser splits into siblings), so each element is only created where a parser
//! would keep it, and unwrapped otherwise (see `Copier::stays_nested`).

use std::borrow::Cow;

use crate::html::build::{Build, VOID_ELEMENTS};
use crate::html::markup::{Element, Node};
use crate::url::policy::{allowed_parsed, UrlUse};
use crate::url::resolve::{has_scheme, resolve};

/// Elements rebuilt as they are (with their allowed attributes).
const ALLOWED_ELEMENTS: &[&str] = &[
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "small",
    "sub",
    "sup",
    "mark",
    "abbr",
    "cite",
    "q",
    "blockquote",
    "code",
    "pre",
    "kbd",
    "samp",
    "var",
    "a",
    "figure",
    "figcaption",
    "img",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "span",
    "div",
    "time",
    "del",
    "ins",
    "wbr",
];

/// Elements dropped together with everything inside them: script-like,
/// foreign (SVG, MathML), interactive, embedded, or document-level content.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "svg",
    "math",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "datalist",
    "output",
    "base",
    "meta",
    "link",
    "title",
    "head",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "map",
    "area",
    "portal",
    "dialog",
    "slot",
    "picture",
    "fencedframe",
    "selectedcontent",
    "geolocation",
    "permission",
];

/// Attributes allowed on every allowed element. Never `id` or `name` (DOM
/// clobbering), `class` or `part` (our own styles and queries), `style`, event
/// handlers, or `srcset`.
const GLOBAL_ATTRIBUTES: &[&str] = &["lang", "dir", "title"];

/// Attributes allowed on one element; URL-valued ones are checked separately.
fn element_attributes(tag: &str) -> &'static [&'static str] {
    match tag {
        "img" => &["width", "height"],
        "td" | "th" => &["colspan", "rowspan", "scope", "headers"],
        "ol" => &["start", "reversed", "type"],
        "li" => &["value"],
        "time" | "del" | "ins" => &["datetime"],
        _ => &[],
    }
}

/// Deeper markup than this is flattened to its text.
const MAX_DEPTH: usize = 48;

/// Elements skipped with everything inside: the list above, and anything
/// outside the HTML namespace (SVG, MathML).
fn is_dropped(element: &Element) -> bool {
    !element.html || element.name.is_empty() || DROPPED_WITH_CONTENT.contains(&element.name.as_str())
}

/// HTML whitespace, between attributes.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Elements whose content the tokenizer reads as text up to their end tag
/// (in HTML content; the parser of an inert document runs without scripting,
/// so `<noscript>` is not one of them).
const RAW_TEXT: &[&str] = &["script", "xmp", "iframe", "noembed", "noframes", "textarea", "title"];

/// The markup with what would make Chromium report a CSP violation while it
/// merely parses it: even in an inert document, an event-handler attribute is
/// checked against `script-src-attr`, a `style` attribute against
/// `style-src-attr` and a `<style>` element against `style-src-elem`, and a
/// strict host policy reports each one (nothing runs). Such attributes are
/// renamed (`x-onclick`, `x-style`: the allowlist drops them either way) and
/// `<style>` elements cut out (the sanitiser drops them with their content).
///
/// This follows the HTML tokenizer closely enough for real content; where
/// crafted markup fools it (foreign-content tricks), the cost is a CSP report,
/// not safety: the sanitiser still judges whatever the browser parses.
pub fn quiet_for_csp(html: &str) -> Cow<'_, str> {
    if !html.contains('<') {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 32);
    let mut copied = 0; // html[..copied] is in `out` already
    let mut foreign = 0usize; // open <svg> and <math>, where raw text does not apply
    let mut i = 0;
    let find_from = |from: usize, needle: &[u8]| -> Option<usize> {
        bytes.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
    };
    // The end of an element read as raw text: after `</name` and its end tag.
    let raw_text_end = |from: usize, name: &str| -> usize {
        let closing = format!("</{name}");
        let mut at = from;
        while let Some(start) = find_from(at, closing.as_bytes()) {
            let after = start + closing.len();
            match bytes.get(after) {
                Some(&b) if is_space(b) || b == b'/' || b == b'>' => {
                    return find_from(after, b">").map_or(bytes.len(), |gt| gt + 1);
                }
                None => return bytes.len(),
                _ => at = after,
            }
        }
        bytes.len()
    };
    while let Some(lt) = find_from(i, b"<") {
        i = lt + 1;
        let Some(&next) = bytes.get(i) else { break };
        if next == b'!' {
            // Comment (with the tokenizer's abrupt `<!-->` and `<!--->`), doctype or CDATA.
            i = if bytes[i..].starts_with(b"!--") {
                let body = i + 3;
                if bytes[body..].starts_with(b">") {
                    body + 1
                } else if bytes[body..].starts_with(b"->") {
                    body + 2
                } else {
                    let dashes = find_from(body, b"-->").map(|p| p + 3);
                    let bang = find_from(body, b"--!>").map(|p| p + 4);
                    match (dashes, bang) {
                        (Some(d), Some(b)) => d.min(b),
                        (Some(end), None) | (None, Some(end)) => end,
                        (None, None) => bytes.len(),
                    }
                }
            } else {
                find_from(i, b">").map_or(bytes.len(), |gt| gt + 1)
            };
            continue;
        }
        let end_tag = next == b'/';
        let name_start = if end_tag { i + 1 } else { i };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            if next == b'?' || end_tag {
                // Bogus comment (or `</>`), up to the next '>'.
                i = find_from(i, b">").map_or(bytes.len(), |gt| gt + 1);
            }
            continue;
        }
        let mut at = name_start;
        while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        let rename = !end_tag && name != "style";
        // Attributes, up to the '>' that ends the tag.
        let mut self_closing = false;
        loop {
            while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
                self_closing = bytes[at] == b'/';
                at += 1;
            }
            if at >= bytes.len() || bytes[at] == b'>' {
                break;
            }
            self_closing = false;
            let attribute = at;
            at += 1; // the first character may be anything, even '='
            while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
                at += 1;
            }
            let attribute_name = html[attribute..at].to_ascii_lowercase();
            if rename && (attribute_name.starts_with("on") || attribute_name == "style") {
                out.push_str(&html[copied..attribute]);
                out.push_str("x-");
                copied = attribute;
            }
            while at < bytes.len() && is_space(bytes[at]) {
                at += 1;
            }
            if bytes.get(at) != Some(&b'=') {
                continue;
            }
            at += 1;
            while at < bytes.len() && is_space(bytes[at]) {
                at += 1;
            }
            match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    at = find_from(at + 1, &[quote]).map_or(bytes.len(), |q| q + 1);
                }
                _ => {
                    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'>' {
                        at += 1;
                    }
                }
            }
        }
        i = (at + 1).min(bytes.len());
        if end_tag {
            if matches!(name.as_str(), "svg" | "math") {
                foreign = foreign.saturating_sub(1);
            }
        } else if name == "style" {
            // Cut out, start tag to end tag.
            out.push_str(&html[copied..lt]);
            i = raw_text_end(i, "style");
            copied = i;
        } else if matches!(name.as_str(), "svg" | "math") && !self_closing {
            foreign += 1;
        } else if foreign == 0 && name == "plaintext" {
            break; // the rest is text
        } else if foreign == 0 && RAW_TEXT.contains(&name.as_str()) {
            i = raw_text_end(i, &name);
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

// The tag sets of the parser's tree-construction rules.

/// Parents whose only children a parser keeps are table parts and white space.
fn is_table_structure(tag: &str) -> bool {
    matches!(tag, "table" | "thead" | "tbody" | "tfoot" | "tr")
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements of the parser's "special" category, among those we create: all
/// but these phrasing ones.
fn is_special(tag: &str) -> bool {
    !matches!(
        tag,
        "strong"
            | "b"
            | "em"
            | "i"
            | "u"
            | "s"
            | "small"
            | "sub"
            | "sup"
            | "mark"
            | "abbr"
            | "cite"
            | "q"
            | "code"
            | "kbd"
            | "samp"
            | "var"
            | "a"
            | "span"
            | "time"
            | "del"
            | "ins"
    )
}

/// Table cells and captions: a scope boundary for links and paragraphs.
fn is_cell(tag: &str) -> bool {
    matches!(tag, "td" | "th" | "caption")
}

/// Where the search for an open `<li>`, `<dd>` or `<dt>` stops: at a special
/// element other than `<div>` and `<p>` (a list, a block quote…).
fn list_scope(tag: &str) -> bool {
    is_special(tag) && !matches!(tag, "div" | "p")
}

/// Start tags that close an open `<p>` (in no-quirks mode).
fn closes_p(tag: &str) -> bool {
    is_heading(tag)
        || matches!(
            tag,
            "p" | "blockquote"
                | "div"
                | "dl"
                | "dd"
                | "dt"
                | "figcaption"
                | "figure"
                | "ol"
                | "ul"
                | "li"
                | "pre"
                | "hr"
                | "table"
        )
}

/// How a body is copied, besides the allowlist itself.
#[derive(Debug, Clone, Copy)]
pub struct BodyOptions<'a> {
    /// Whether `<img>` elements are kept (attribute `images` is not `none`).
    pub images: bool,
    /// The `target` every link gets, when there is one.
    pub target: Option<&'a str>,
    /// What relative links and images are read against: where a feed said
    /// its item lives (`xml:base`, the channel's link, the feed's own URL).
    /// `None` leaves them relative, to the page, which is right for data the
    /// page itself holds.
    pub base: Option<&'a str>,
}

/// Writes the sanitised body `html` into `out`, whoever parses it: `parse`
/// is handed the whole document to parse (the body after a doctype, made
/// quiet for CSP) and returns the parsed body's children, or `None` when it
/// could not parse, and then the text is shown, never the markup. The DOM
/// shell parses with the browser's `DOMParser` (`dom::sanitize`), a server
/// with html5ever (`server::html`); both go through here, so they cannot
/// drift apart.
pub fn body_html(out: &mut Build, html: &str, options: &BodyOptions, parse: impl FnOnce(&str) -> Option<Vec<Node>>) {
    // The doctype puts the parser in no-quirks mode, as on a modern page (in
    // quirks mode a `<table>` could sit inside a `<p>`).
    match parse(&format!("<!DOCTYPE html>{}", quiet_for_csp(html))) {
        Some(body) => copy_allowed(&body, out, options),
        None => {
            out.leaf("p", &[], &crate::html::text::strip_tags(html));
        }
    }
}

/// Writes the allowed part of a parsed body into `out`.
pub fn copy_allowed(nodes: &[Node], out: &mut Build, options: &BodyOptions) {
    let mut copier = Copier { out, options: *options, open: Vec::new(), just_opened: false };
    copier.walk(nodes);
}

/// What the walk did with a source element, so its end knows what to close.
enum Frame {
    /// Rebuilt: its end closes the copy.
    Kept,
    /// Left out, its content kept.
    Unwrapped,
}

/// One walk over a parsed body, rebuilding allowed nodes.
struct Copier<'a, 'o> {
    out: &'o mut Build,
    options: BodyOptions<'a>,
    /// Tags of the output elements the walk is inside, outermost first.
    open: Vec<&'static str>,
    /// Nothing was written into the innermost output element yet.
    just_opened: bool,
}

impl Copier<'_, '_> {
    /// A loop with a stack of the elements entered, not recursion: parsers
    /// allow hundreds of levels (Chromium 512), and the wasm stack should not
    /// depend on the data.
    fn walk(&mut self, nodes: &[Node]) {
        // The children left to walk at each level, with what was done with the
        // element they belong to; the bottom level is the body itself.
        let mut stack = vec![(nodes.iter(), Frame::Unwrapped)];
        while let Some((children, _)) = stack.last_mut() {
            let Some(node) = children.next() else {
                if let Some((_, Frame::Kept)) = stack.pop() {
                    self.out.close();
                    self.open.pop();
                    self.just_opened = false;
                }
                continue;
            };
            let element = match node {
                Node::Text(text) => {
                    self.text(text);
                    continue;
                }
                Node::Element(element) if is_dropped(element) => continue,
                Node::Element(element) => element,
            };
            // Source elements entered, below the body.
            let depth = stack.len() - 1;
            let frame = if depth >= MAX_DEPTH {
                // Deeper markup is flattened to its text.
                Some(Frame::Unwrapped)
            } else {
                self.element(element)
            };
            // `None`: nothing inside to keep (a void element, or an `<img>`
            // without an allowed `src`).
            if let Some(frame) = frame {
                stack.push((element.children.iter(), frame));
            }
        }
    }

    fn text(&mut self, text: &str) {
        let mut text = text;
        match self.open.last().copied() {
            // A parser moves text out of a table (white space may stay).
            Some(parent) if is_table_structure(parent) && !text.bytes().all(|c| c.is_ascii_whitespace()) => return,
            // A parser drops the newline right after `<pre>`: a first text that
            // starts with one would lose it on every round trip.
            Some("pre") if self.just_opened => text = text.strip_prefix('\n').unwrap_or(text),
            _ => {}
        }
        if !text.is_empty() {
            self.out.text(text);
            self.just_opened = false;
        }
    }

    /// Starts the copy of an allowed element, or unwraps it. `None` when
    /// nothing inside it is to be walked.
    fn element(&mut self, element: &Element) -> Option<Frame> {
        let allowed = ALLOWED_ELEMENTS.iter().copied().find(|&t| t == element.name);
        let keep = allowed.filter(|t| (*t != "img" || self.options.images) && self.stays_nested(t));
        let Some(tag) = keep else {
            // Unknown but harmless (`<font>`, `<section>`, `<center>`…) or
            // misplaced: keep the content without the element.
            return Some(Frame::Unwrapped);
        };
        let get = |wanted: &str| element.attribute(wanted);
        let base = self.options.base;
        let url = |wanted: &str, usage: UrlUse| {
            let value = get(wanted)?;
            match base.filter(|_| !has_scheme(value)) {
                Some(base) => allowed_parsed(&resolve(base, value), usage),
                None => allowed_parsed(value, usage),
            }
        };
        // An `<img>` without an allowed `src` is dropped entirely.
        let image_src = match tag {
            "img" => Some(url("src", UrlUse::Image)?),
            _ => None,
        };
        self.out.open(tag);
        self.just_opened = false;
        for name in GLOBAL_ATTRIBUTES.iter().chain(element_attributes(tag)) {
            self.copy_attribute(name, get(name));
        }
        match tag {
            "a" => {
                // A link to a refused URL keeps its text but stops being a link.
                if let Some(href) = url("href", UrlUse::Link) {
                    self.out.attr("href", &href).attr("rel", "noopener noreferrer");
                    if let Some(target) = self.options.target {
                        self.out.attr("target", target);
                    }
                }
            }
            "img" => {
                // Always set, always here: a missing alt reads as decorative, and a
                // fixed attribute order keeps the output idempotent.
                self.out.attr("src", image_src.as_deref().unwrap_or_default()).attrs(&[
                    ("alt", get("alt").unwrap_or_default()),
                    ("loading", "lazy"),
                    ("decoding", "async"),
                    ("referrerpolicy", "no-referrer"),
                ]);
            }
            "q" | "blockquote" => {
                if let Some(cite) = url("cite", UrlUse::Link) {
                    self.out.attr("cite", &cite);
                }
            }
            _ => {}
        }
        if VOID_ELEMENTS.contains(&tag) {
            self.out.close();
            return None;
        }
        self.open.push(tag);
        self.just_opened = true;
        Some(Frame::Kept)
    }

    /// Copies an allowed attribute whose value is well-formed.
    fn copy_attribute(&mut self, name: &str, value: Option<&str>) {
        let Some(value) = value else { return };
        let keep = match name {
            "dir" => ["ltr", "rtl", "auto"].iter().any(|d| value.eq_ignore_ascii_case(d)),
            "width" | "height" | "colspan" | "rowspan" | "start" | "value" => {
                !value.is_empty() && value.len() <= 6 && value.bytes().all(|c| c.is_ascii_digit())
            }
            _ => true,
        };
        if keep {
            self.out.attr(name, value);
        }
    }

    /// Whether an element `tag` created here would stay here when our output
    /// is serialised and parsed again; the HTML parser's tree-construction
    /// rules close or move elements in these places.
    fn stays_nested(&self, tag: &str) -> bool {
        let parent = self.open.last().copied();
        match tag {
            "caption" | "thead" | "tbody" | "tfoot" => return parent == Some("table"),
            "tr" => return matches!(parent, Some("thead" | "tbody" | "tfoot")),
            "td" | "th" => return parent == Some("tr"),
            _ => {}
        }
        if parent.is_some_and(is_table_structure) {
            return false; // foster-parented out of the table
        }
        if is_heading(tag) && parent.is_some_and(is_heading) {
            return false; // a heading start tag closes a heading
        }
        let conflict = match tag {
            // `<li>` closes an open `<li>` unless a list or other block is in between.
            "li" => self.open_within(&["li"], list_scope),
            "dd" | "dt" => self.open_within(&["dd", "dt"], list_scope),
            // Links do not nest, except across a table cell.
            "a" => self.open_within(&["a"], is_cell),
            _ => false,
        };
        // Block start tags close an open `<p>` (a cell or table bounds the search).
        let closes_open_p = closes_p(tag) && self.open_within(&["p"], |t| is_cell(t) || t == "table");
        !conflict && !closes_open_p
    }

    /// True when one of `wanted` is open, looking outwards and stopping at
    /// the first element for which `stop` holds.
    fn open_within(&self, wanted: &[&str], stop: impl Fn(&str) -> bool) -> bool {
        for &t in self.open.iter().rev() {
            if wanted.contains(&t) {
                return true;
            }
            if stop(t) {
                return false;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::html::markup::from_tokens;

    /// The sanitised HTML of a parsed body given as its tokens (see
    /// `markup::from_tokens`).
    fn clean(tokens: &[&str], images: bool, target: Option<&str>) -> String {
        let mut out = Build::new();
        copy_allowed(&from_tokens(&tokens.join("\0")), &mut out, &BodyOptions { images, target, base: None });
        out.to_html()
    }

    #[test]
    fn name_lists_hold_distinct_lower_case_names() {
        for list in [ALLOWED_ELEMENTS, DROPPED_WITH_CONTENT, RAW_TEXT, VOID_ELEMENTS] {
            assert!(
                list.iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{list:?}"
            );
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "{list:?}");
        }
        assert!(ALLOWED_ELEMENTS.iter().all(|e| !DROPPED_WITH_CONTENT.contains(e)));
    }

    #[test]
    fn elements_outside_the_html_namespace_are_dropped_whatever_their_name() {
        let foreign = |name: &str| {
            Node::Element(Element {
                name: name.into(),
                html: false,
                attributes: vec![],
                children: vec![Node::Text("inside".into())],
            })
        };
        let nodes = [Node::Text("a".into()), foreign("p"), foreign("a"), foreign(""), Node::Text("b".into())];
        let mut out = Build::new();
        copy_allowed(&nodes, &mut out, &BodyOptions { images: true, target: None, base: None });
        assert_eq!(out.to_html(), "ab");
    }

    #[test]
    fn allowed_elements_and_attributes_are_rebuilt_and_nothing_else() {
        let tokens = [
            "<p", "=title", "t", "=onclick", "alert(1)", "=class", "x", "=id", "y", "#One ", "<strong", "#bold", "/",
            "/", "<ol", "=start", "3", "=type", "i", "<li", "=value", "7x", "#c", "/", "/",
        ];
        assert_eq!(
            clean(&tokens, true, None),
            r#"<p title="t">One <strong>bold</strong></p><ol start="3" type="i"><li>c</li></ol>"#
        );
    }

    #[test]
    fn dangerous_and_foreign_elements_go_with_their_content() {
        let tokens = [
            "#a",
            "<script",
            "#alert(1)",
            "/",
            "<",
            "<p",
            "#inside svg",
            "/",
            "/",
            "<iframe",
            "=src",
            "/x",
            "#i",
            "/",
            "#b",
        ];
        assert_eq!(clean(&tokens, true, None), "ab");
    }

    #[test]
    fn unknown_elements_are_unwrapped_and_misplaced_ones_too() {
        assert_eq!(clean(&["<font", "=color", "red", "#red", "/"], true, None), "red");
        // <p><marquee><p> would be split by a parser: the inner p is unwrapped.
        assert_eq!(clean(&["<p", "#a", "<marquee", "<p", "#b", "/", "/", "/"], true, None), "<p>ab</p>");
    }

    #[test]
    fn links_and_images_pass_the_url_policy() {
        let link = ["<a", "=href", "javascript:alert(1)", "#x", "/", "<a", "=href", "https://x.test/", "#y", "/"];
        assert_eq!(
            clean(&link, true, Some("_blank")),
            r#"<a>x</a><a href="https://x.test/" rel="noopener noreferrer" target="_blank">y</a>"#
        );
        let images =
            ["<img", "=src", "data:image/svg+xml,x", "/", "<img", "=src", "https://x.test/i.jpg", "=width", "9", "/"];
        assert_eq!(
            clean(&images, true, None),
            r#"<img width="9" src="https://x.test/i.jpg" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer">"#
        );
        assert_eq!(clean(&images, false, None), "");
    }

    #[test]
    fn relative_links_and_images_are_read_against_the_feeds_base_and_then_pass_the_policy() {
        let tokens = [
            "<a",
            "=href",
            "/2026/plan.html",
            "#plan",
            "/",
            "<a",
            "=href",
            "javascript:alert(1)",
            "#js",
            "/",
            "<a",
            "=href",
            "https://other.test/",
            "#other",
            "/",
            "<img",
            "=src",
            "img/ferry.jpg",
            "/",
            "<blockquote",
            "=cite",
            "//cdn.test/q",
            "#q",
            "/",
        ];
        let mut out = Build::new();
        let options = BodyOptions { images: true, target: None, base: Some("https://gazette.test/news/item.html") };
        copy_allowed(&from_tokens(&tokens.join("\0")), &mut out, &options);
        assert_eq!(
            out.to_html(),
            concat!(
                r#"<a href="https://gazette.test/2026/plan.html" rel="noopener noreferrer">plan</a><a>js</a>"#,
                r#"<a href="https://other.test/" rel="noopener noreferrer">other</a>"#,
                r#"<img src="https://gazette.test/news/img/ferry.jpg" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer">"#,
                r#"<blockquote cite="https://cdn.test/q">q</blockquote>"#,
            )
        );
        // Without a base (data on the page) they stay relative, to the page.
        assert!(clean(&tokens, true, None).starts_with(r#"<a href="/2026/plan.html""#));
    }

    #[test]
    fn deep_markup_becomes_text_and_pre_keeps_its_first_newline_rule() {
        let mut tokens = Vec::new();
        for _ in 0..60 {
            tokens.extend(["<div", "#x"]);
        }
        tokens.extend(["<script", "#no", "/"]);
        tokens.extend(std::iter::repeat_n("/", 60));
        let html = clean(&tokens, true, None);
        assert_eq!(html.matches("<div>").count(), MAX_DEPTH);
        assert!(html.contains(&"x".repeat(60 - MAX_DEPTH)) && !html.contains("no"), "{html}");
        assert_eq!(clean(&["<pre", "#\nline", "/"], true, None), "<pre>line</pre>");
        assert_eq!(clean(&["<pre", "<b", "#b", "/", "#\nline", "/"], true, None), "<pre><b>b</b>\nline</pre>");
    }

    #[test]
    fn text_a_parser_would_move_out_of_a_table_is_dropped() {
        let tokens = ["<table", "#stray", "<tbody", "#  ", "<tr", "<td", "#cell", "/", "/", "/", "/"];
        assert_eq!(clean(&tokens, true, None), "<table><tbody>  <tr><td>cell</td></tr></tbody></table>");
    }
}
