//! Parsed markup as the sanitiser reads it: a neutral tree of elements and
//! text that the DOM shell fills from the browser's inert parse of a body
//! (and a server from html5ever's parse, `server::html`).
//! Comments, processing instructions and other node kinds are simply not in
//! it. Keeping the tree free of web-sys types lets the sanitiser's rules be
//! tested natively.

/// How deep the walk of a parsed body goes, in elements below the body:
/// deeper ones reach the sanitiser as their text only (their `textContent`),
/// whichever parser made the tree. The sanitiser flattens far shallower
/// markup anyway; the walk stays shallow.
pub const MAX_WALK_DEPTH: usize = 64;

/// A node of parsed markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An element as the parser left it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// The local name; lower-case for HTML elements.
    pub name: String,
    /// In the HTML namespace (false for SVG, MathML and anything else).
    pub html: bool,
    /// Attributes by name, with their values as parsed (entities decoded).
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    /// The value of attribute `name`, if the element has it.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// A tree written compactly, for tests and fuzzing: tokens separated by NUL.
/// `<name` starts an element (`<` alone: an SVG element, outside the HTML
/// namespace), each of its attributes follows as `=name` then the value,
/// its children follow, and `/` ends it. `#text` is a text node. Anything
/// else is skipped, and elements left open are closed at the end.
pub fn from_tokens(tokens: &str) -> Vec<Node> {
    fn add(open: &mut [Element], root: &mut Vec<Node>, node: Node) {
        match open.last_mut() {
            Some(parent) => parent.children.push(node),
            None => root.push(node),
        }
    }
    let mut parts = tokens.split('\0').peekable();
    let mut root = Vec::new();
    // The elements entered, innermost last, each with its children so far.
    let mut open: Vec<Element> = Vec::new();
    while let Some(part) = parts.next() {
        if let Some(name) = part.strip_prefix('<') {
            let html = !name.is_empty();
            let mut element = Element { name: if html { name } else { "svg" }.into(), html, ..Element::default() };
            while let Some(attribute) = parts.next_if(|p| p.starts_with('=')) {
                let value = parts.next().unwrap_or_default();
                element.attributes.push((attribute[1..].into(), value.into()));
            }
            open.push(element);
        } else if let Some(text) = part.strip_prefix('#') {
            add(&mut open, &mut root, Node::Text(text.into()));
        } else if part == "/" {
            if let Some(element) = open.pop() {
                add(&mut open, &mut root, Node::Element(element));
            }
        }
    }
    while let Some(element) = open.pop() {
        add(&mut open, &mut root, Node::Element(element));
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_make_a_tree() {
        let tree = from_tokens("#a\0<p\0=title\0t\0#b\0<\0/\0/\0/\0<em");
        let p = Element {
            name: "p".into(),
            html: true,
            attributes: vec![("title".into(), "t".into())],
            children: vec![Node::Text("b".into()), Node::Element(Element { name: "svg".into(), ..Element::default() })],
        };
        let em = Element { name: "em".into(), html: true, ..Element::default() };
        assert_eq!(tree, vec![Node::Text("a".into()), Node::Element(p), Node::Element(em)]);
        assert_eq!(from_tokens(""), vec![]);
        assert_eq!(
            from_tokens("<a\0=href"),
            vec![Node::Element(Element {
                name: "a".into(),
                html: true,
                attributes: vec![("href".into(), String::new())],
                children: vec![]
            })]
        );
    }
}
