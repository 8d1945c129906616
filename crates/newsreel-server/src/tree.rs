//! A small element tree that `Build` programs are built into on the server,
//! as the browser builds them into its DOM, so that the widget's later
//! changes (attributes, text, a list filled in) can be made the same way
//! before the whole is written out as HTML.

use newsreel_core::html::build::{escape_html, Build, Step, VOID_ELEMENTS};

/// An element of the tree, by its index.
pub type Id = usize;

#[derive(Debug, Clone)]
enum Child {
    Element(Id),
    Text(String),
}

#[derive(Debug, Clone)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Child>,
}

/// Elements in an arena; index 0 is the root, which is written out as its
/// children only (a shadow root, a fragment).
#[derive(Debug, Clone)]
pub struct Tree {
    elements: Vec<Element>,
}

impl Tree {
    pub fn new() -> Tree {
        Tree { elements: vec![Element { name: String::new(), attributes: Vec::new(), children: Vec::new() }] }
    }

    pub const ROOT: Id = 0;

    /// Builds `program` into `parent`, as `bindings::build` does in the
    /// browser; returns the elements the program `keep`s, in order.
    pub fn build(&mut self, parent: Id, program: &Build) -> Vec<Id> {
        let mut open = vec![parent];
        let mut kept = Vec::new();
        for step in program.steps() {
            let top = *open.last().unwrap_or(&parent);
            match step {
                Step::Open(name) => {
                    let id = self.elements.len();
                    self.elements.push(Element { name: name.clone(), attributes: Vec::new(), children: Vec::new() });
                    self.elements[top].children.push(Child::Element(id));
                    open.push(id);
                }
                Step::Attr(name, value) => self.set_attr(top, name, value),
                Step::Text(text) => self.elements[top].children.push(Child::Text(text.clone())),
                Step::Close => {
                    if open.len() > 1 {
                        open.pop();
                    }
                }
                Step::Keep => kept.push(top),
            }
        }
        kept
    }

    /// `setAttribute`: replaces the value in place, or adds it last.
    pub fn set_attr(&mut self, id: Id, name: &str, value: &str) {
        let attributes = &mut self.elements[id].attributes;
        match attributes.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value.to_string(),
            None => attributes.push((name.to_string(), value.to_string())),
        }
    }

    pub fn remove_attr(&mut self, id: Id, name: &str) {
        self.elements[id].attributes.retain(|(n, _)| n != name);
    }

    /// `toggleAttribute(name, on)` for a boolean attribute.
    pub fn set_flag(&mut self, id: Id, name: &str, on: bool) {
        if on {
            if self.attr(id, name).is_none() {
                self.set_attr(id, name, "");
            }
        } else {
            self.remove_attr(id, name);
        }
    }

    pub fn attr(&self, id: Id, name: &str) -> Option<&str> {
        self.elements[id].attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// `textContent = text`.
    pub fn set_text(&mut self, id: Id, text: &str) {
        self.elements[id].children = if text.is_empty() { Vec::new() } else { vec![Child::Text(text.to_string())] };
    }

    /// Every element under `id`, in document order.
    pub fn descendants(&self, id: Id) -> Vec<Id> {
        let mut out = Vec::new();
        let mut stack: Vec<Id> = self.child_elements(id).into_iter().rev().collect();
        while let Some(next) = stack.pop() {
            out.push(next);
            stack.extend(self.child_elements(next).into_iter().rev());
        }
        out
    }

    /// Appends deep copies of `from`'s children to `to` (`cloneNode(true)`).
    pub fn copy_children(&mut self, from: Id, to: Id) {
        for child in self.elements[from].children.clone() {
            let copied = match child {
                Child::Element(e) => Child::Element(self.copy_element(e)),
                text => text,
            };
            self.elements[to].children.push(copied);
        }
    }

    fn copy_element(&mut self, id: Id) -> Id {
        let Element { name, attributes, .. } = self.elements[id].clone();
        let copy = self.elements.len();
        self.elements.push(Element { name, attributes, children: Vec::new() });
        self.copy_children(id, copy);
        copy
    }

    /// The element whose child `id` is.
    pub fn parent(&self, id: Id) -> Option<Id> {
        (0..self.elements.len())
            .find(|&p| self.elements[p].children.iter().any(|c| matches!(c, Child::Element(e) if *e == id)))
    }

    pub fn child_elements(&self, id: Id) -> Vec<Id> {
        self.elements[id]
            .children
            .iter()
            .filter_map(|c| if let Child::Element(e) = c { Some(*e) } else { None })
            .collect()
    }

    /// The element written out as HTML, the way a browser serialises it
    /// (`getHTML()`); the root gives its children only.
    pub fn to_html(&self, id: Id) -> String {
        let mut out = String::new();
        self.write(id, &mut out);
        out
    }

    fn write(&self, id: Id, out: &mut String) {
        let element = &self.elements[id];
        let is_root = id == Tree::ROOT;
        if !is_root {
            out.push('<');
            out.push_str(&element.name);
            for (name, value) in &element.attributes {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape_html(out, value, true);
                out.push('"');
            }
            out.push('>');
            if VOID_ELEMENTS.contains(&element.name.as_str()) {
                return;
            }
        }
        for child in &element.children {
            match child {
                Child::Element(e) => self.write(*e, out),
                Child::Text(text) => escape_html(out, text, false),
            }
        }
        if !is_root {
            out.push_str("</");
            out.push_str(&element.name);
            out.push('>');
        }
    }
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_built_and_changed_serialises_as_the_browser_would() {
        let mut tree = Tree::new();
        let mut p = Build::new();
        p.open_with("div", &[("class", "nr")])
            .keep()
            .open_with("ul", &[("hidden", "")])
            .keep()
            .close()
            .open("img")
            .close()
            .close();
        let kept = tree.build(Tree::ROOT, &p);
        let [div, ul] = kept[..] else { panic!("two kept") };
        tree.set_attr(div, "class", "nr mode-list");
        tree.set_flag(ul, "hidden", false);
        let mut items = Build::new();
        items.leaf("li", &[("title", "a \"b\"")], "1 < 2 & 3\u{a0}");
        tree.build(ul, &items);
        assert_eq!(
            tree.to_html(Tree::ROOT),
            r#"<div class="nr mode-list"><ul><li title="a &quot;b&quot;">1 &lt; 2 &amp; 3&nbsp;</li></ul><img></div>"#
        );
        assert_eq!(
            tree.descendants(Tree::ROOT),
            vec![div, ul, 4, 3],
            "document order: the li (built last) inside the ul, before the img"
        );
        tree.set_text(ul, "");
        assert_eq!(tree.to_html(div), r#"<div class="nr mode-list"><ul></ul><img></div>"#);
    }
}
