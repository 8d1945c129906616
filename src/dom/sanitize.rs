//! The HTML sanitiser for article bodies.
//!
//! The browser's inert `DOMParser` builds a document in which no script runs
//! and nothing loads; we walk it and rebuild only allowlisted elements and
//! attributes in the live shadow DOM with `createElement` / `createTextNode` /
//! `setAttribute`. Parsed markup is never inserted itself, so parser tricks
//! (mutation XSS through `<noscript>`, `<template>`, namespace confusion) have
//! nothing to mutate: what we create is exactly what we checked.
//!
//! The output is also idempotent: serialised and sanitised again, it comes out
//! the same. Unwrapping an unknown element can put its children where the HTML
//! parser would never leave them (`<p><marquee><p>` becomes `<p><p>`, which a
//! parser splits into siblings), so each element is only created where a parser
//! would keep it, and unwrapped otherwise (see `Copier::stays_nested`).

use crate::prelude::*;
use crate::core::cat::cat;

use super::bindings::{self as b, DomResult};
use crate::core::url_policy::{allowed_parsed, UrlUse};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements rebuilt as they are (with their allowed attributes).
const ALLOWED_ELEMENTS: &[&str] = &[
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "strong", "b", "em",
    "i", "u", "s", "small", "sub", "sup", "mark", "abbr", "cite", "q", "blockquote", "code", "pre", "kbd", "samp",
    "var", "a", "figure", "figcaption", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "span", "div", "time", "del", "ins", "wbr",
];

/// Elements dropped together with everything inside them: script-like,
/// foreign (SVG, MathML), interactive, embedded, or document-level content.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg",
    "math", "noscript", "noembed", "noframes", "xmp", "plaintext", "form", "input", "button", "select", "option",
    "optgroup", "textarea", "datalist", "output", "base", "meta", "link", "title", "head", "audio", "video",
    "source", "track", "canvas", "map", "area", "portal", "dialog", "slot", "picture", "fencedframe",
    "selectedcontent", "geolocation", "permission",
];

/// Elements without content.
const VOID_ELEMENTS: &[&str] = &["br", "hr", "img", "wbr"];

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

/// Parses `html` inertly and appends the sanitised result to `into`. Images
/// are left out when `images` is false; links get `target` when it is given.
pub fn append_html(doc: &Document, into: &Element, html: &str, images: bool, target: Option<&str>) -> DomResult<()> {
    // The doctype puts the parser in no-quirks mode, as on a modern page (in
    // quirks mode a `<table>` could sit inside a `<p>`).
    let Some(inert) = b::parse_inert_html(&cat!("<!DOCTYPE html>", quiet_for_csp(html))) else {
        // The parser was refused (a very old browser, or a Trusted Types policy
        // we may not create): show the text, never the markup.
        return b::append(into, &b::text_el(doc, "p", &[], &crate::core::text::strip_tags(html))?);
    };
    let Some(source) = inert.body() else { return Ok(()) };
    let mut copier = Copier { doc, images, target, open: Vec::new() };
    copier.children(&source, into, 0)
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
fn quiet_for_csp(html: &str) -> alloc::borrow::Cow<'_, str> {
    if !html.contains('<') {
        return alloc::borrow::Cow::Borrowed(html);
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
        let closing = cat!("</", name);
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
                    dashes.into_iter().chain(bang).min().unwrap_or(bytes.len())
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
    alloc::borrow::Cow::Owned(out)
}

/// One walk over a parsed document, rebuilding allowed nodes.
struct Copier<'a> {
    doc: &'a Document,
    images: bool,
    target: Option<&'a str>,
    /// Tags of the output elements the walk is inside, outermost first.
    open: Vec<&'static str>,
}

/// Elements skipped with everything inside: the list above, and anything
/// outside the HTML namespace (SVG, MathML).
fn is_dropped(element: &Element) -> bool {
    element.namespace_uri().as_deref() != Some(HTML_NAMESPACE)
        || DROPPED_WITH_CONTENT.contains(&element.local_name().to_ascii_lowercase().as_str())
}

/// The node after `node` in document order once its subtree is done, staying
/// within `root`.
fn after(mut node: Node, root: &Node) -> Option<Node> {
    loop {
        if let Some(sibling) = node.next_sibling() {
            return Some(sibling);
        }
        let parent = node.parent_node()?;
        if parent.is_same_node(Some(root)) {
            return None;
        }
        node = parent;
    }
}

/// Parents whose only children a parser keeps are table parts and white space.
fn is_table_structure(tag: &str) -> bool {
    matches!(tag, "table" | "thead" | "tbody" | "tfoot" | "tr")
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements of the parser's "special" category, among those we create.
fn is_special(tag: &str) -> bool {
    !matches!(
        tag,
        "strong" | "b" | "em" | "i" | "u" | "s" | "small" | "sub" | "sup" | "mark" | "abbr" | "cite" | "q" | "code"
            | "kbd" | "samp" | "var" | "a" | "span" | "time" | "del" | "ins"
    )
}

/// Start tags that close an open `<p>` (in no-quirks mode).
fn closes_p(tag: &str) -> bool {
    is_heading(tag)
        || matches!(
            tag,
            "p" | "blockquote" | "div" | "dl" | "dd" | "dt" | "figcaption" | "figure" | "ol" | "ul" | "li" | "pre"
                | "hr" | "table"
        )
}

impl Copier<'_> {
    fn children(&mut self, from: &Node, to: &Element, depth: usize) -> DomResult<()> {
        let mut next = from.first_child();
        while let Some(node) = next {
            next = node.next_sibling();
            match node.node_type() {
                Node::TEXT_NODE => {
                    if let Some(text) = node.node_value() {
                        self.text(to, &text)?;
                    }
                }
                Node::ELEMENT_NODE => {
                    if let Some(element) = node.dyn_ref::<Element>() {
                        self.element(element, to, depth)?;
                    }
                }
                // Comments, processing instructions, doctypes: dropped.
                _ => {}
            }
        }
        Ok(())
    }

    fn text(&self, to: &Element, text: &str) -> DomResult<()> {
        let mut text = text;
        match self.open.last().copied() {
            // A parser moves text out of a table (white space may stay).
            Some(parent) if is_table_structure(parent) && !text.chars().all(|c| c.is_ascii_whitespace()) => return Ok(()),
            // A parser drops the newline right after `<pre>`: a first text that
            // starts with one would lose it on every round trip.
            Some("pre") if !to.has_child_nodes() => text = text.strip_prefix('\n').unwrap_or(text),
            _ => {}
        }
        if text.is_empty() {
            return Ok(());
        }
        b::append_text(self.doc, to, text)
    }

    fn element(&mut self, source: &Element, to: &Element, depth: usize) -> DomResult<()> {
        if is_dropped(source) {
            return Ok(());
        }
        if depth >= MAX_DEPTH {
            return self.deep_text(source, to);
        }
        let tag = source.local_name().to_ascii_lowercase();
        let allowed = ALLOWED_ELEMENTS.iter().copied().find(|t| *t == tag);
        let keep = allowed.filter(|t| (*t != "img" || self.images) && self.stays_nested(t));
        let Some(tag) = keep else {
            // Unknown but harmless (`<font>`, `<section>`, `<center>`…) or
            // misplaced: keep the content without the element.
            return self.children(source, to, depth + 1);
        };
        let copy = self.doc.create_element(tag)?;
        if !self.copy_attributes(source, &copy, tag)? {
            // An `<img>` without an allowed `src` is dropped entirely.
            return Ok(());
        }
        if !VOID_ELEMENTS.contains(&tag) {
            self.open.push(tag);
            let filled = self.children(source, &copy, depth + 1);
            self.open.pop();
            filled?;
        }
        b::append(to, &copy)
    }

    /// The text inside an element nested too deep to rebuild, minus dropped
    /// subtrees. The walk is a loop, not recursion: parsers allow hundreds of
    /// levels (Chromium 512), and the wasm stack should not depend on the data.
    fn deep_text(&self, root: &Element, to: &Element) -> DomResult<()> {
        let root: &Node = root.as_ref();
        let mut next = root.first_child();
        while let Some(node) = next {
            let mut inside = None;
            match node.node_type() {
                Node::TEXT_NODE => {
                    if let Some(text) = node.node_value() {
                        self.text(to, &text)?;
                    }
                }
                Node::ELEMENT_NODE if !node.dyn_ref::<Element>().is_some_and(is_dropped) => inside = node.first_child(),
                _ => {}
            }
            next = inside.or_else(|| after(node, root));
        }
        Ok(())
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
        let cells = |t: &str| matches!(t, "td" | "th" | "caption");
        let conflict = match tag {
            // `<li>` closes an open `<li>` unless a list or other block is in between.
            "li" => self.open_within(&["li"], |t| is_special(t) && !matches!(t, "div" | "p")),
            "dd" | "dt" => self.open_within(&["dd", "dt"], |t| is_special(t) && !matches!(t, "div" | "p")),
            // Links do not nest, except across a table cell.
            "a" => self.open_within(&["a"], cells),
            _ => false,
        };
        // Block start tags close an open `<p>` (a cell or table bounds the search).
        let closes_open_p = closes_p(tag) && self.open_within(&["p"], |t| cells(t) || t == "table");
        !conflict && !closes_open_p
    }

    /// True when one of `wanted` is open, looking outwards and stopping at the
    /// first element for which `stop` holds.
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

    /// Copies allowed attributes; returns false when the element must be dropped.
    fn copy_attributes(&self, source: &Element, copy: &Element, tag: &str) -> DomResult<bool> {
        for name in GLOBAL_ATTRIBUTES.iter().chain(element_attributes(tag)) {
            if let Some(value) = source.get_attribute(name) {
                let keep = match *name {
                    "dir" => matches!(value.to_ascii_lowercase().as_str(), "ltr" | "rtl" | "auto"),
                    "width" | "height" | "colspan" | "rowspan" | "start" | "value" => {
                        !value.is_empty() && value.len() <= 6 && value.bytes().all(|c| c.is_ascii_digit())
                    }
                    _ => true,
                };
                if keep {
                    copy.set_attribute(name, &value)?;
                }
            }
        }
        match tag {
            "a" => {
                // A link to a refused URL keeps its text but stops being a link.
                if let Some(href) = source.get_attribute("href").and_then(|h| allowed_parsed(&h, UrlUse::Link)) {
                    copy.set_attribute("href", &href)?;
                    copy.set_attribute("rel", "noopener noreferrer")?;
                    if let Some(target) = self.target {
                        copy.set_attribute("target", target)?;
                    }
                }
            }
            "img" => {
                let Some(src) = source.get_attribute("src").and_then(|s| allowed_parsed(&s, UrlUse::Image)) else {
                    return Ok(false);
                };
                copy.set_attribute("src", &src)?;
                // Always set, always here: a missing alt reads as decorative, and a
                // fixed attribute order keeps the output idempotent.
                copy.set_attribute("alt", &source.get_attribute("alt").unwrap_or_default())?;
                copy.set_attribute("loading", "lazy")?;
                copy.set_attribute("decoding", "async")?;
                copy.set_attribute("referrerpolicy", "no-referrer")?;
            }
            "q" | "blockquote" => {
                if let Some(cite) = source.get_attribute("cite").and_then(|c| allowed_parsed(&c, UrlUse::Link)) {
                    copy.set_attribute("cite", &cite)?;
                }
            }
            _ => {}
        }
        Ok(true)
    }
}
