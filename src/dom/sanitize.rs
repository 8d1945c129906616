//! The HTML sanitiser for article bodies.
//!
//! The browser's inert `DOMParser` builds a document in which no script runs
//! and nothing loads; we walk it and rebuild only allowlisted elements and
//! attributes in the live shadow DOM with `createElement` / `createTextNode` /
//! `setAttribute`. Parsed markup is never inserted itself, so parser tricks
//! (mutation XSS through `<noscript>`, `<template>`, namespace confusion) have
//! nothing to mutate: what we create is exactly what we checked.

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
/// foreign (SVG, MathML), interactive, or document-level content.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg",
    "math", "noscript", "noembed", "noframes", "xmp", "plaintext", "form", "input", "button", "select", "option",
    "optgroup", "textarea", "datalist", "output", "base", "meta", "link", "title", "head", "audio", "video",
    "source", "track", "canvas", "map", "area", "portal", "dialog", "slot", "picture", "fencedframe",
];

/// Attributes allowed on every allowed element.
const GLOBAL_ATTRIBUTES: &[&str] = &["lang", "dir", "title"];

/// Attributes allowed on one element; URL-valued ones are checked separately.
fn element_attributes(tag: &str) -> &'static [&'static str] {
    match tag {
        "img" => &["alt", "width", "height"],
        "td" | "th" => &["colspan", "rowspan", "scope", "headers"],
        "ol" => &["start", "reversed", "type"],
        "li" => &["value"],
        "time" | "del" | "ins" => &["datetime"],
        "abbr" => &[],
        _ => &[],
    }
}

/// Deeper markup than this is flattened to its text.
const MAX_DEPTH: usize = 48;

/// Parses `html` inertly and appends the sanitised result to `into`.
pub fn append_html(doc: &Document, into: &Element, html: &str, images: bool, target: Option<&str>) -> DomResult<()> {
    let Some(inert) = b::parse_inert_html(html) else {
        // The parser was refused (a very old browser, or a Trusted Types policy
        // we may not create): show the text, never the markup.
        return b::append(into, &b::text_el(doc, "p", &[], &strip_to_text(html))?);
    };
    let Some(source) = inert.body() else { return Ok(()) };
    let policy = Policy { images, target };
    copy_children(doc, &source, into, 0, &policy)
}

struct Policy<'a> {
    images: bool,
    target: Option<&'a str>,
}

/// A crude tag stripper for the no-parser fallback only; its output is text.
fn strip_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::core::text::clean_line(&out)
}

fn copy_children(doc: &Document, from: &Node, to: &Element, depth: usize, policy: &Policy) -> DomResult<()> {
    let mut next = from.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                if let Some(text) = node.node_value() {
                    b::append_text(doc, to, &text)?;
                }
            }
            Node::ELEMENT_NODE => {
                if let Some(element) = node.dyn_ref::<Element>() {
                    copy_element(doc, element, to, depth, policy)?;
                }
            }
            // Comments, processing instructions, doctypes: dropped.
            _ => {}
        }
    }
    Ok(())
}

fn copy_element(doc: &Document, source: &Element, to: &Element, depth: usize, policy: &Policy) -> DomResult<()> {
    let tag = source.local_name().to_ascii_lowercase();
    let is_html = source.namespace_uri().as_deref() == Some(HTML_NAMESPACE);
    if !is_html || DROPPED_WITH_CONTENT.contains(&tag.as_str()) {
        return Ok(());
    }
    if depth >= MAX_DEPTH || !ALLOWED_ELEMENTS.contains(&tag.as_str()) || (tag == "img" && !policy.images) {
        // Unknown but harmless (`<font>`, `<section>`, `<center>`…): keep the text.
        return copy_children(doc, source, to, depth + 1, policy);
    }
    let copy = doc.create_element(&tag)?;
    if !copy_attributes(source, &copy, &tag, policy)? {
        // An `<img>` without an allowed `src` is dropped entirely.
        return Ok(());
    }
    if tag != "img" && tag != "br" && tag != "hr" && tag != "wbr" {
        copy_children(doc, source, &copy, depth + 1, policy)?;
    }
    b::append(to, &copy)
}

/// Copies allowed attributes; returns false when the element must be dropped.
fn copy_attributes(source: &Element, copy: &Element, tag: &str, policy: &Policy) -> DomResult<bool> {
    let allowed_here = element_attributes(tag);
    for name in GLOBAL_ATTRIBUTES.iter().chain(allowed_here) {
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
            if let Some(href) = source.get_attribute("href").and_then(|h| allowed_parsed(&h, UrlUse::Link)) {
                copy.set_attribute("href", &href)?;
                copy.set_attribute("rel", "noopener noreferrer nofollow ugc")?;
                if let Some(target) = policy.target {
                    copy.set_attribute("target", target)?;
                }
            }
        }
        "img" => {
            let Some(src) = source.get_attribute("src").and_then(|s| allowed_parsed(&s, UrlUse::Image)) else {
                return Ok(false);
            };
            copy.set_attribute("src", &src)?;
            copy.set_attribute("loading", "lazy")?;
            copy.set_attribute("decoding", "async")?;
            copy.set_attribute("referrerpolicy", "no-referrer")?;
            if copy.get_attribute("alt").is_none() {
                copy.set_attribute("alt", "")?;
            }
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
