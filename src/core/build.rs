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
//!
//! This file needs nothing from the crate but `alloc`: build.rs includes it
//! too, to write the skeleton's program at build time.

use alloc::string::String;
use alloc::vec::Vec;

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

/// One step of a program, decoded (see `Build::steps`).
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Open(String),
    Attr(String, String),
    Text(String),
    Close,
    Keep,
}

/// An element opened with `open_optional`: where the program stood before
/// it and right after its start tag.
#[derive(Clone, Copy)]
pub struct Optional {
    ops_before: usize,
    text_before: usize,
    ops_inside: usize,
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

    /// An element, with attributes, that is left out if nothing is written
    /// into it before `close_optional`.
    pub fn open_optional(&mut self, tag: &str, attrs: &[(&str, &str)]) -> Optional {
        let (ops_before, text_before) = (self.ops.len(), self.text.len());
        self.open_with(tag, attrs);
        Optional { ops_before, text_before, ops_inside: self.ops.len() }
    }

    /// Closes an element from `open_optional`, or forgets it when it is empty.
    pub fn close_optional(&mut self, element: Optional) {
        if self.ops.len() > element.ops_inside {
            self.close();
        } else {
            self.ops.truncate(element.ops_before);
            self.text.truncate(element.text_before);
        }
    }

    /// The program decoded step by step, for tests and checks: what the JS
    /// side reads from it.
    pub fn steps(&self) -> Vec<Step> {
        let utf16: Vec<u16> = self.text.encode_utf16().collect();
        let mut at = 0usize;
        let mut next = |n: u32| {
            let s = String::from_utf16_lossy(&utf16[at..at + n as usize]);
            at += n as usize;
            s
        };
        let mut steps = Vec::new();
        let mut i = 0;
        while i < self.ops.len() {
            let (step, width) = match self.ops[i] {
                OPEN => (Step::Open(next(self.ops[i + 1])), 2),
                ATTR => {
                    let name = next(self.ops[i + 1]);
                    (Step::Attr(name, next(self.ops[i + 2])), 3)
                }
                TEXT => (Step::Text(next(self.ops[i + 1])), 2),
                CLOSE => (Step::Close, 1),
                _ => (Step::Keep, 1),
            };
            steps.push(step);
            i += width;
        }
        steps
    }

    /// The program as HTML, for tests and debugging: what the DOM shell would
    /// build, serialised the way a browser serialises it.
    pub fn to_html(&self) -> String {
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
        for step in self.steps() {
            if in_start_tag && !matches!(step, Step::Attr(..) | Step::Keep) {
                html.push('>');
                in_start_tag = false;
            }
            match step {
                Step::Open(tag) => {
                    html.push('<');
                    html.push_str(&tag);
                    open.push(tag);
                    in_start_tag = true;
                }
                Step::Attr(name, value) => {
                    html.push(' ');
                    html.push_str(&name);
                    html.push_str("=\"");
                    html.push_str(&escape(&value, true));
                    html.push('"');
                }
                Step::Text(text) => html.push_str(&escape(&text, false)),
                Step::Close => {
                    let tag = open.pop().unwrap_or_default();
                    if !matches!(tag.as_str(), "br" | "hr" | "img" | "wbr") {
                        html.push_str("</");
                        html.push_str(&tag);
                        html.push('>');
                    }
                }
                Step::Keep => {}
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
        assert_eq!(b.steps().iter().filter(|s| **s == Step::Keep).count(), 1);
        assert_eq!(b.steps()[4], Step::Text("1 < 2 😀".into()));
    }

    #[test]
    fn an_optional_element_left_empty_is_forgotten() {
        let mut b = Build::new();
        b.leaf("p", &[], "kept");
        let empty = b.open_optional("div", &[("class", "meta")]);
        b.close_optional(empty);
        let filled = b.open_optional("div", &[("class", "body")]);
        b.text("inside");
        b.close_optional(filled);
        assert_eq!(b.to_html(), r#"<p>kept</p><div class="body">inside</div>"#);
    }
}
