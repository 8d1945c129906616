//! DOM nodes to create, written down as a flat program that the DOM shell
//! runs with one call into JS (`bindings::build`), instead of one call per
//! element, attribute and text node. Each call from wasm into the DOM costs
//! code at its call site and time at run time; a program costs neither, and
//! it keeps what gets built a plain value that native tests can read.
//!
//! The program is a list of numbers and one text. Every string is appended to
//! the text and its length (in UTF-16 code units, as JS counts) goes in the
//! list, so the JS side decodes the text once and slices it in order.
//! The JS side creates nodes with `createElement`, `createTextNode` and
//! `setAttribute` only: names and values never pass through an HTML parser.

use crate::prelude::*;

/// Creates an element, appends it to the current one, and enters it.
pub const OPEN: u32 = 0;
/// Sets an attribute on the current element.
pub const ATTR: u32 = 1;
/// Appends a text node to the current element.
pub const TEXT: u32 = 2;
/// Leaves the current element for its parent.
pub const CLOSE: u32 = 3;
/// Hands the current element back to the caller (in order of `keep`s).
pub const KEEP: u32 = 4;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Build {
    pub ops: Vec<u32>,
    pub text: String,
}

/// A point in a program to go back to (see `Build::added_since`).
#[derive(Clone, Copy)]
pub struct Checkpoint {
    ops: usize,
    text: usize,
}

/// Length in UTF-16 code units: one per UTF-8 sequence, two for the 4-byte ones.
fn utf16_len(s: &str) -> u32 {
    s.bytes().map(|b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0)).sum()
}

impl Build {
    pub fn new() -> Self {
        Build::default()
    }

    fn string(&mut self, s: &str) {
        self.ops.push(utf16_len(s));
        self.text.push_str(s);
    }

    pub fn open(&mut self, tag: &str) -> &mut Self {
        self.ops.push(OPEN);
        self.string(tag);
        self
    }

    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.ops.push(ATTR);
        self.string(name);
        self.string(value);
        self
    }

    pub fn attrs(&mut self, attrs: &[(&str, &str)]) -> &mut Self {
        for (name, value) in attrs {
            self.attr(name, value);
        }
        self
    }

    /// An element with attributes, entered.
    pub fn open_with(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.open(tag).attrs(attrs)
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.ops.push(TEXT);
        self.string(text);
        self
    }

    pub fn close(&mut self) -> &mut Self {
        self.ops.push(CLOSE);
        self
    }

    pub fn keep(&mut self) -> &mut Self {
        self.ops.push(KEEP);
        self
    }

    /// `<tag attrs…>text</tag>`.
    pub fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open_with(tag, attrs).text(text).close()
    }

    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint { ops: self.ops.len(), text: self.text.len() }
    }

    /// Whether anything was written since the checkpoint.
    pub fn added_since(&self, at: Checkpoint) -> bool {
        self.ops.len() > at.ops
    }

    /// Forgets everything written since the checkpoint.
    pub fn rewind(&mut self, at: Checkpoint) {
        self.ops.truncate(at.ops);
        self.text.truncate(at.text);
    }

    /// The program as HTML, for tests and debugging: what the DOM shell would
    /// build, serialised the way a browser serialises it.
    pub fn to_html(&self) -> String {
        let utf16: Vec<u16> = self.text.encode_utf16().collect();
        let mut at = 0usize;
        let mut next = |n: u32| {
            let s = String::from_utf16_lossy(&utf16[at..at + n as usize]);
            at += n as usize;
            s
        };
        let escape = |s: &str, attribute: bool| {
            let mut out = String::new();
            for c in s.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '\u{a0}' => out.push_str("&nbsp;"),
                    '"' if attribute => out.push_str("&quot;"),
                    '<' if !attribute => out.push_str("&lt;"),
                    '>' if !attribute => out.push_str("&gt;"),
                    c => out.push(c),
                }
            }
            out
        };
        let mut html = String::new();
        let mut open: Vec<String> = Vec::new();
        let mut in_start_tag = false;
        let mut i = 0;
        while i < self.ops.len() {
            let op = self.ops[i];
            i += 1;
            if in_start_tag && op != ATTR && op != KEEP {
                html.push('>');
                in_start_tag = false;
            }
            match op {
                OPEN => {
                    let tag = next(self.ops[i]);
                    i += 1;
                    html.push('<');
                    html.push_str(&tag);
                    open.push(tag);
                    in_start_tag = true;
                }
                ATTR => {
                    let name = next(self.ops[i]);
                    let value = next(self.ops[i + 1]);
                    i += 2;
                    html.push_str(&crate::core::cat::cat!(' ', name, "=\"", escape(&value, true), '"'));
                }
                TEXT => {
                    let text = next(self.ops[i]);
                    i += 1;
                    html.push_str(&escape(&text, false));
                }
                CLOSE => {
                    let tag = open.pop().unwrap_or_default();
                    if !matches!(tag.as_str(), "br" | "hr" | "img" | "wbr") {
                        html.push_str(&crate::core::cat::cat!("</", tag, '>'));
                    }
                }
                _ => {}
            }
        }
        if in_start_tag {
            html.push('>');
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_utf16_units() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("é—"), 2);
        assert_eq!(utf16_len("😀a"), 3);
        assert_eq!(utf16_len(""), 0);
    }

    #[test]
    fn a_program_reads_back_as_the_html_it_builds() {
        let mut b = Build::new();
        b.open_with("p", &[("class", "meta"), ("title", "a \"q\" & b")])
            .keep()
            .text("1 < 2 😀")
            .leaf("span", &[("dir", "auto")], "x")
            .open("br")
            .close()
            .close();
        assert_eq!(b.to_html(), r#"<p class="meta" title="a &quot;q&quot; &amp; b">1 &lt; 2 😀<span dir="auto">x</span><br></p>"#);
    }

    #[test]
    fn rewinding_forgets_what_came_after_the_checkpoint() {
        let mut b = Build::new();
        b.leaf("p", &[], "kept");
        let at = b.checkpoint();
        assert!(!b.added_since(at));
        b.open("div").text("gone");
        assert!(b.added_since(at));
        b.rewind(at);
        assert_eq!(b.to_html(), "<p>kept</p>");
    }
}
