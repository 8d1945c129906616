//! DOM nodes to create, written down as a plain list of typed steps that the
//! DOM shell walks (creating nodes with `createElement`, `createTextNode` and
//! `setAttribute` only: names and values never pass through an HTML parser).
//! Renders and the sanitiser write into a `Build`; what gets built stays a
//! plain value that native tests can read.

/// One step of a program.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Creates an element, appends it to the current one, and enters it.
    Open(String),
    /// Sets an attribute on the current element.
    Attr(String, String),
    /// Appends a text node to the current element.
    Text(String),
    /// Leaves the current element for its parent.
    Close,
    /// Hands the current element back to the caller (in order of `keep`s).
    Keep,
}

/// A program: steps in order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Build {
    steps: Vec<Step>,
}

/// An element opened with `open_optional`: where the program stood before
/// it and right after its start tag.
#[derive(Debug, Clone, Copy)]
pub struct Optional {
    before: usize,
    inside: usize,
}

impl Build {
    pub fn new() -> Self {
        Build::default()
    }

    /// The program, step by step.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The program's steps, taken.
    pub fn into_steps(self) -> Vec<Step> {
        self.steps
    }

    /// Appends a step as it is (a program made from another).
    pub fn push(&mut self, step: Step) -> &mut Self {
        self.steps.push(step);
        self
    }

    pub fn open(&mut self, tag: &str) -> &mut Self {
        self.steps.push(Step::Open(tag.into()));
        self
    }

    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.steps.push(Step::Attr(name.into(), value.into()));
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
        self.steps.push(Step::Text(text.into()));
        self
    }

    pub fn close(&mut self) -> &mut Self {
        self.steps.push(Step::Close);
        self
    }

    pub fn keep(&mut self) -> &mut Self {
        self.steps.push(Step::Keep);
        self
    }

    /// `<tag attrs…>text</tag>`.
    pub fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open_with(tag, attrs).text(text).close()
    }

    /// An element, with attributes, that is left out if nothing is written
    /// into it before `close_optional`.
    pub fn open_optional(&mut self, tag: &str, attrs: &[(&str, &str)]) -> Optional {
        let before = self.steps.len();
        self.open_with(tag, attrs);
        Optional { before, inside: self.steps.len() }
    }

    /// Closes an element from `open_optional`, or forgets it when it is empty.
    pub fn close_optional(&mut self, element: Optional) {
        if self.steps.len() > element.inside {
            self.close();
        } else {
            self.steps.truncate(element.before);
        }
    }

    /// The program as HTML: what the DOM shell would build, serialised the
    /// way a browser serialises it (`innerHTML`), for tests, debugging and
    /// a server's HTML. Text escapes `&`, no-break spaces, `<` and `>`;
    /// attribute values the same and `"`, where `<` and `>` are escaped too
    /// as in the HTML standard since May 2025 (Chromium 138 on).
    pub fn to_html(&self) -> String {
        let mut html = String::new();
        let mut open: Vec<&str> = Vec::new();
        let mut in_start_tag = false;
        for step in &self.steps {
            if in_start_tag && !matches!(step, Step::Attr(..) | Step::Keep) {
                html.push('>');
                in_start_tag = false;
            }
            match step {
                Step::Open(tag) => {
                    html.push('<');
                    html.push_str(tag);
                    open.push(tag);
                    in_start_tag = true;
                }
                Step::Attr(name, value) => {
                    html.push_str(&format!(" {name}=\""));
                    escape_html(&mut html, value, true);
                    html.push('"');
                }
                Step::Text(text) => escape_html(&mut html, text, false),
                Step::Close => {
                    let tag = open.pop().unwrap_or_default();
                    if !VOID_ELEMENTS.contains(&tag) {
                        html.push_str(&format!("</{tag}>"));
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

/// Elements with no end tag and no content (the HTML standard's void
/// elements): written without `</…>`, and never nesting.
pub const VOID_ELEMENTS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Appends `text` to `out` as HTML's serialisation writes it: `&`, no-break
/// spaces, `<` and `>` escaped, and in an attribute value (`attribute`) `"`
/// too. `<` and `>` in attribute values as in the HTML standard since May
/// 2025 (Chromium 138 on).
pub fn escape_html(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attribute => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            b.to_html(),
            r#"<p class="meta" title="a &quot;q&quot; &amp; b">1 &lt; 2 😀<span dir="auto">x</span><br></p>"#
        );
        assert_eq!(b.steps().iter().filter(|s| **s == Step::Keep).count(), 1);
        assert_eq!(b.steps()[4], Step::Text("1 < 2 😀".into()));
    }

    #[test]
    fn html_is_escaped_as_a_browser_serialises_it() {
        let mut b = Build::new();
        b.leaf("p", &[("title", "<b> & \u{a0}\"q\" 'x'")], "<b> & \u{a0}\"q\" 'x'")
            .open("img")
            .attr("alt", ">")
            .close();
        assert_eq!(
            b.to_html(),
            r#"<p title="&lt;b&gt; &amp; &nbsp;&quot;q&quot; 'x'">&lt;b&gt; &amp; &nbsp;"q" 'x'</p><img alt="&gt;">"#
        );
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
