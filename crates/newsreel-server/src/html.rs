//! Article bodies in HTML on a server: html5ever parses a body as the
//! browser's `DOMParser.parseFromString(text, "text/html")` does (the HTML
//! standard's tokenizer and tree construction, scripting off, no declarative
//! shadow roots), the parsed `<body>` is walked into the core's neutral tree
//! exactly as the DOM shell walks the browser's (`dom::bindings`), and
//! `core::sanitize` copies what its allowlist keeps. Same parse, same walk,
//! same allowlist: the same HTML as the widget makes in the browser.
//!
//! The parser builds into a small arena of its own (`Arena`): nodes by
//! index, linked to parent and siblings, which is all the tree builder asks
//! for (appends, inserts before a sibling for foster parenting, moves for the
//! adoption agency), with template contents kept apart as the DOM keeps them.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, ns, parse_document, Attribute, ParseOpts, QualName};

use newsreel_core::html::build::{Build, VOID_ELEMENTS};
use newsreel_core::html::markup::{self, MAX_WALK_DEPTH};
use newsreel_core::html::sanitize::{self, BodyOptions};

/// The children of `<body>` once `html` is parsed as a whole document, as the
/// browser's inert parse gives them to the sanitiser: elements with their
/// local name (lower-case for HTML), whether they are in the HTML namespace,
/// attributes by qualified name with values decoded, and text (adjacent text
/// merged as the parser merges it). Comments and processing instructions are
/// left out, and so is what a `<template>` holds: in the DOM it is in the
/// template's contents, not among its children. Elements nested deeper than
/// the walk goes come as their text only.
///
/// Where the document has a `<frameset>` instead of a body, its children, as
/// `document.body` is then the frameset.
pub fn parse_body(html: &str) -> Vec<markup::Node> {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            // A DOMParser document has no browsing context: scripting is off,
            // so `<noscript>` holds markup, not text.
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    let html = within_depth(html, MAX_PARSE_DEPTH);
    let nodes = parse_document(Arena::new(), opts).one(StrTendril::from_slice(&html)).nodes.into_inner();
    match nodes.body() {
        Some(body) => nodes.children_of(body, 0),
        None => Vec::new(),
    }
}

/// Nesting deeper than this reaches html5ever as text. Its tree builder
/// looks through the stack of open elements at each tag, so depth costs it
/// quadratic time (80,000 nested `<div>`s, 400 KB, took 111 s). Chromium
/// stops building deeper than 512 levels too, and the neutral tree keeps
/// only `markup::MAX_WALK_DEPTH` (64), so nothing that is shown changes.
const MAX_PARSE_DEPTH: usize = 512;

/// The HTML with every tag nested deeper than `limit` left out (the text
/// around them stays). A scan of tags, not a parser: it only has to bound
/// the depth html5ever sees; what it lets through is still parsed and
/// sanitised. Void elements, self-closing tags, comments and doctypes do
/// not nest.
fn within_depth(html: &str, limit: usize) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let rest = &html[start + 1..];
        let Some(end) = rest.find('>').map(|i| start + 1 + i + 1) else { break };
        at = end;
        if rest.starts_with("!--") {
            at = rest.find("-->").map_or(html.len(), |i| start + 1 + i + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest[usize::from(closing)..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || (!closing && (VOID_ELEMENTS.contains(&name.as_str()) || html[..end].ends_with("/>"))) {
            continue;
        }
        let too_deep = if closing {
            let deep = depth > limit;
            depth = depth.saturating_sub(1);
            deep
        } else {
            depth += 1;
            depth > limit
        };
        if too_deep {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Writes the sanitised body into `out`, as the widget does in the browser
/// (`dom::sanitize::body_html`).
pub fn sanitize_body(out: &mut Build, html: &str, options: &BodyOptions) {
    sanitize::body_html(out, html, options, |document| Some(parse_body(document)));
}

/// The sanitised body as HTML, serialised as the browser serialises the
/// widget's `[part=body]` (its `innerHTML`).
pub fn sanitize_body_html(html: &str, images: bool, target: Option<&str>) -> String {
    let mut out = Build::new();
    sanitize_body(&mut out, html, &BodyOptions { images, target, base: None });
    out.to_html()
}

// ---------------------------------------------------------------- the tree

/// What a node of the arena is.
enum Kind {
    Document,
    /// A template's contents: outside the tree, as in the DOM.
    Fragment,
    Element,
    Text(StrTendril),
    /// A comment, processing instruction or doctype: not content.
    Other,
}

/// A node, linked to its parent, siblings and children by index.
struct Slot {
    kind: Kind,
    /// An element's name; empty for every other node.
    name: QualName,
    attributes: Vec<Attribute>,
    /// A MathML `annotation-xml` that holds HTML (see `ElementFlags`).
    integration_point: bool,
    /// A template's contents (a `Fragment`).
    contents: Option<usize>,
    parent: Option<usize>,
    previous: Option<usize>,
    next: Option<usize>,
    first_child: Option<usize>,
    last_child: Option<usize>,
}

/// The nodes the parser made; the document is the first.
struct Nodes(Vec<Slot>);

impl Nodes {
    fn add(&mut self, kind: Kind, name: QualName, attributes: Vec<Attribute>) -> usize {
        self.0.push(Slot {
            kind,
            name,
            attributes,
            integration_point: false,
            contents: None,
            parent: None,
            previous: None,
            next: None,
            first_child: None,
            last_child: None,
        });
        self.0.len() - 1
    }

    fn other(&mut self) -> usize {
        self.add(Kind::Other, empty_name(), Vec::new())
    }

    fn text(&mut self, text: StrTendril) -> usize {
        self.add(Kind::Text(text), empty_name(), Vec::new())
    }

    /// Takes `node` out of its parent's children, if it has a parent.
    fn detach(&mut self, node: usize) {
        let Slot { parent, previous, next, .. } = self.0[node];
        let Some(parent) = parent else { return };
        match previous {
            Some(p) => self.0[p].next = next,
            None => self.0[parent].first_child = next,
        }
        match next {
            Some(n) => self.0[n].previous = previous,
            None => self.0[parent].last_child = previous,
        }
        let slot = &mut self.0[node];
        slot.parent = None;
        slot.previous = None;
        slot.next = None;
    }

    /// Makes `node` the last child of `parent` (moving it if it was elsewhere).
    fn append(&mut self, parent: usize, node: usize) {
        self.detach(node);
        let last = self.0[parent].last_child;
        match last {
            Some(l) => self.0[l].next = Some(node),
            None => self.0[parent].first_child = Some(node),
        }
        self.0[parent].last_child = Some(node);
        let slot = &mut self.0[node];
        slot.parent = Some(parent);
        slot.previous = last;
    }

    /// Puts `node` right before `sibling`, under the same parent; nowhere if
    /// `sibling` has no parent.
    fn insert_before(&mut self, sibling: usize, node: usize) {
        self.detach(node);
        let Some(parent) = self.0[sibling].parent else { return };
        let previous = self.0[sibling].previous;
        match previous {
            Some(p) => self.0[p].next = Some(node),
            None => self.0[parent].first_child = Some(node),
        }
        self.0[sibling].previous = Some(node);
        let slot = &mut self.0[node];
        slot.parent = Some(parent);
        slot.previous = previous;
        slot.next = Some(sibling);
    }

    /// Adds `text` to the text node `node`, if it is one; false otherwise.
    fn extend_text(&mut self, node: Option<usize>, text: &StrTendril) -> bool {
        match node.map(|n| &mut self.0[n].kind) {
            Some(Kind::Text(existing)) => {
                existing.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// The name every node but an element has.
fn empty_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

/// The tree html5ever builds into: its `TreeSink`.
struct Arena {
    nodes: RefCell<Nodes>,
}

impl Arena {
    fn new() -> Self {
        let mut nodes = Nodes(Vec::new());
        nodes.add(Kind::Document, empty_name(), Vec::new());
        Arena { nodes: RefCell::new(nodes) }
    }
}

// ---------------------------------------------------------------- the walk

impl Nodes {
    /// The children of a node, in order.
    fn children(&self, parent: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.0[parent].first_child, |&n| self.0[n].next)
    }

    fn is_html_element(&self, node: usize, name: &str) -> bool {
        let slot = &self.0[node];
        matches!(slot.kind, Kind::Element) && slot.name.ns == ns!(html) && &*slot.name.local == name
    }

    /// `document.body`: the `<body>` or `<frameset>` child of the root
    /// `<html>` element.
    fn body(&self) -> Option<usize> {
        let root = self.children(0).find(|&n| matches!(self.0[n].kind, Kind::Element))?;
        if !self.is_html_element(root, "html") {
            return None;
        }
        self.children(root).find(|&n| self.is_html_element(n, "body") || self.is_html_element(n, "frameset"))
    }

    /// As `dom::bindings::children_of`: text and elements, nothing else.
    fn children_of(&self, parent: usize, depth: usize) -> Vec<markup::Node> {
        let mut out = Vec::new();
        for child in self.children(parent) {
            match &self.0[child].kind {
                Kind::Text(text) => out.push(markup::Node::Text(text.to_string())),
                Kind::Element => out.push(self.element_of(child, depth)),
                Kind::Document | Kind::Fragment | Kind::Other => {}
            }
        }
        out
    }

    /// As `dom::bindings::element_of`: deeper than the walk goes, an
    /// element's children are its `textContent`.
    fn element_of(&self, element: usize, depth: usize) -> markup::Node {
        let slot = &self.0[element];
        let children = if depth < MAX_WALK_DEPTH {
            self.children_of(element, depth + 1)
        } else {
            vec![markup::Node::Text(self.text_content(element))]
        };
        let attributes = slot
            .attributes
            .iter()
            .map(|a| {
                // `Attr.name`: the qualified name (`xlink:href` on SVG).
                let name = match &a.name.prefix {
                    Some(prefix) => format!("{}:{}", prefix, a.name.local),
                    None => a.name.local.to_string(),
                };
                (name, a.value.to_string())
            })
            .collect();
        markup::Node::Element(markup::Element {
            name: slot.name.local.to_string(),
            html: slot.name.ns == ns!(html),
            attributes,
            children,
        })
    }

    /// The DOM's `textContent` of an element: its descendant text in
    /// document order (not a template's contents, which are no descendants).
    /// A loop, not recursion: the parser nests without limit.
    fn text_content(&self, element: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![self.0[element].first_child];
        while let Some(top) = stack.last_mut() {
            let Some(node) = *top else {
                stack.pop();
                continue;
            };
            *top = self.0[node].next;
            match &self.0[node].kind {
                Kind::Text(text) => out.push_str(text),
                Kind::Element => stack.push(self.0[node].first_child),
                Kind::Document | Kind::Fragment | Kind::Other => {}
            }
        }
        out
    }
}

// ---------------------------------------------------------------- the sink

impl TreeSink for Arena {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| &nodes.0[*target].name)
    }

    fn create_element(&self, name: QualName, attributes: Vec<Attribute>, flags: ElementFlags) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        let element = nodes.add(Kind::Element, name, attributes);
        nodes.0[element].integration_point = flags.mathml_annotation_xml_integration_point;
        if flags.template {
            let contents = nodes.add(Kind::Fragment, empty_name(), Vec::new());
            nodes.0[element].contents = Some(contents);
        }
        element
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.nodes.borrow_mut().other()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.nodes.borrow_mut().other()
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => nodes.append(*parent, node),
            NodeOrText::AppendText(text) => {
                // Text next to text joins it, as the parser's "insert a character".
                let last = nodes.0[*parent].last_child;
                if !nodes.extend_text(last, &text) {
                    let node = nodes.text(text);
                    nodes.append(*parent, node);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        let has_parent = self.nodes.borrow().0[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        let doctype = nodes.other();
        nodes.append(0, doctype);
    }

    fn get_template_contents(&self, target: &usize) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        match nodes.0[*target].contents {
            Some(contents) => contents,
            // The tree builder asks only of templates, which have contents
            // from the start; should it ever ask otherwise, a fragment of
            // its own keeps the content out of the tree all the same.
            None => {
                let contents = nodes.add(Kind::Fragment, empty_name(), Vec::new());
                nodes.0[*target].contents = Some(contents);
                contents
            }
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => nodes.insert_before(*sibling, node),
            NodeOrText::AppendText(text) => {
                let previous = nodes.0[*sibling].previous;
                if !nodes.extend_text(previous, &text) {
                    let node = nodes.text(text);
                    nodes.insert_before(*sibling, node);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attributes: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        let existing = &mut nodes.0[*target].attributes;
        for attribute in attributes {
            if !existing.iter().any(|a| a.name == attribute.name) {
                existing.push(attribute);
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        self.nodes.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        // Moved as the DOM moves nodes: text is not joined to text.
        while let Some(child) = nodes.0[*node].first_child {
            nodes.append(*new_parent, child);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &usize) -> bool {
        self.nodes.borrow().0[*handle].integration_point
    }

    /// `DOMParser` documents never attach declarative shadow roots: a
    /// `<template shadowrootmode>` stays a template.
    fn allow_declarative_shadow_roots(&self, _intended_parent: &usize) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use markup::{Element, Node};

    fn text(t: &str) -> Node {
        Node::Text(t.into())
    }

    fn html(name: &str, attributes: &[(&str, &str)], children: Vec<Node>) -> Node {
        Node::Element(Element {
            name: name.into(),
            html: true,
            attributes: attributes.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
            children,
        })
    }

    fn element(node: &Node) -> &Element {
        match node {
            Node::Element(e) => e,
            Node::Text(t) => panic!("text {t:?}, not an element"),
        }
    }

    #[test]
    fn a_body_parses_into_the_neutral_tree() {
        assert_eq!(
            parse_body("<p>a<b>b</b></p>"),
            vec![html("p", &[], vec![text("a"), html("b", &[], vec![text("b")])])]
        );
        assert_eq!(parse_body(""), vec![]);
        assert_eq!(parse_body("just text"), vec![text("just text")]);
        // Names are lower-cased, attributes kept in order, by their names.
        assert_eq!(
            parse_body("<DIV Title=t LANG=fr><A HREF='/x'>x</A></DIV>"),
            vec![html("div", &[("title", "t"), ("lang", "fr")], vec![html("a", &[("href", "/x")], vec![text("x")])])]
        );
        // The head's content is not the body's.
        assert_eq!(parse_body("<title>T</title><meta charset=utf-8>body"), vec![text("body")]);
    }

    #[test]
    fn entities_are_decoded_in_text_and_attributes() {
        let body =
            parse_body("<p title=\"a&amp;b &quot;q&quot; &lt;\">&lt;x&gt; &nbsp;&copy;&#x41;&#66;&notit; &amp</p>");
        assert_eq!(body, vec![html("p", &[("title", "a&b \"q\" <")], vec![text("<x> \u{a0}©AB¬it; &")])]);
    }

    #[test]
    fn text_is_merged_as_the_dom_has_it_and_comments_are_dropped() {
        assert_eq!(parse_body("a&amp;b<?pi x?>c"), vec![text("a&b"), text("c")], "a bogus comment parts the text");
        assert_eq!(parse_body("a<!-- c -->b"), vec![text("a"), text("b")]);
        // Text foster-parented out of a table joins the text before it.
        assert_eq!(parse_body("x<table>y</table>")[0], text("xy"));
    }

    #[test]
    fn implied_tags_and_misnested_markup_are_mended_as_a_browser_mends_them() {
        let body = parse_body("<!DOCTYPE html><table><tr><td>1</td>stray<td>2</table>");
        assert_eq!(body[0], text("stray"), "foster parented before the table");
        let cells = vec![html("td", &[], vec![text("1")]), html("td", &[], vec![text("2")])];
        assert_eq!(body[1], html("table", &[], vec![html("tbody", &[], vec![html("tr", &[], cells)])]));
        assert_eq!(
            parse_body("<p>a<p>b<ul><li>c<li>d</ul>"),
            vec![
                html("p", &[], vec![text("a")]),
                html("p", &[], vec![text("b")]),
                html("ul", &[], vec![html("li", &[], vec![text("c")]), html("li", &[], vec![text("d")])]),
            ]
        );
        // The adoption agency: a <b> split around a block.
        assert_eq!(
            parse_body("<b>1<p>2</b>3</p>"),
            vec![html("b", &[], vec![text("1")]), html("p", &[], vec![html("b", &[], vec![text("2")]), text("3")])]
        );
        // No-quirks mode (the sanitiser's doctype): a table closes a <p>.
        assert_eq!(parse_body("<!DOCTYPE html><p>a<table></table>").len(), 2);
        assert_eq!(parse_body("<p>a<table></table>").len(), 1, "in quirks mode it does not");
    }

    #[test]
    fn foreign_elements_are_flagged_with_their_names_adjusted() {
        let body = parse_body("<svg viewBox='0 0 1 1'><foreignObject><p>x</p></foreignObject><a xlink:href=j>y</a></svg><math><mi>m</mi></math>");
        let svg = element(&body[0]);
        assert_eq!((svg.name.as_str(), svg.html), ("svg", false));
        assert_eq!(svg.attributes, [("viewBox".to_string(), "0 0 1 1".to_string())]);
        let foreign = element(&svg.children[0]);
        assert_eq!((foreign.name.as_str(), foreign.html), ("foreignObject", false));
        assert_eq!(foreign.children, vec![html("p", &[], vec![text("x")])], "back in HTML inside foreignObject");
        assert_eq!(element(&svg.children[1]).attributes, [("xlink:href".to_string(), "j".to_string())]);
        let math = element(&body[1]);
        assert_eq!((math.name.as_str(), math.html, element(&math.children[0]).html), ("math", false, false));
    }

    #[test]
    fn templates_are_empty_and_noscript_holds_markup_as_in_an_inert_document() {
        assert_eq!(parse_body("<template>t</template>"), vec![], "before the body, a template is the head's");
        assert_eq!(parse_body("y<template><p>x</p></template>"), vec![text("y"), html("template", &[], vec![])]);
        assert_eq!(
            parse_body("<b><template shadowrootmode=open><p>x</p></template></b>"),
            vec![html("b", &[], vec![html("template", &[("shadowrootmode", "open")], vec![])])],
            "no declarative shadow root"
        );
        let noscript = parse_body("<b><noscript><p>x</p></noscript></b>");
        assert_eq!(noscript, vec![html("b", &[], vec![html("noscript", &[], vec![html("p", &[], vec![text("x")])])])]);
        // As document.body: a frameset where there is one.
        let frames = parse_body("<frameset><frame src=x></frameset>");
        assert_eq!(frames, vec![html("frame", &[("src", "x")], vec![])]);
    }

    #[test]
    fn elements_past_the_walk_depth_are_their_text() {
        let depth = MAX_WALK_DEPTH + 5;
        let markup = "<span>x".repeat(depth) + "<template>hidden</template><b>deep</b>" + &"</span>y".repeat(depth);
        let body = parse_body(&markup);
        let mut level = 0;
        let mut e = element(&body[0]);
        while let Some(Node::Element(next)) = e.children.get(1) {
            e = next;
            level += 1;
        }
        assert_eq!(level, MAX_WALK_DEPTH, "elements 0 to 64 below the body are elements");
        // The deepest element kept holds its own text and that of the rest.
        let rest = "x".repeat(depth - MAX_WALK_DEPTH) + "deep" + &"y".repeat(depth - MAX_WALK_DEPTH - 1);
        assert_eq!(e.children, vec![text(&rest)]);
        // Far deeper than that, parsing and walking need no deep stack.
        let far = "<div>".repeat(3_000) + "end";
        assert_eq!(sanitize_body_html(&far, true, None).matches("<div>").count(), 48);
    }

    #[test]
    fn nesting_past_a_browsers_depth_reaches_the_parser_as_text() {
        let nested = |n: usize| "<div><br><img src=x><i/><!-- <b> -->".repeat(n) + "end" + &"</div>".repeat(n);
        let six_hundred = nested(600);
        let cut = within_depth(&six_hundred, MAX_PARSE_DEPTH);
        assert_eq!((cut.matches("<div>").count(), cut.matches("</div>").count()), (MAX_PARSE_DEPTH, MAX_PARSE_DEPTH));
        assert_eq!(cut.matches("<br>").count(), 600, "void elements, self-closing tags and comments do not nest");
        assert_eq!(cut.matches("<!-- <b> -->").count(), 600);
        let shallow = nested(MAX_PARSE_DEPTH);
        assert!(matches!(within_depth(&shallow, MAX_PARSE_DEPTH), Cow::Borrowed(_)), "nothing to cut");
        // 80,000 levels (400 KB) sanitise as 600 do: what is shown stops at 48.
        let deep = "<div>".repeat(80_000) + "end";
        assert_eq!(
            sanitize_body_html(&deep, true, None),
            sanitize_body_html(&("<div>".repeat(600) + "end"), true, None)
        );
    }

    #[test]
    fn the_sanitiser_keeps_what_its_allowlist_keeps() {
        let clean = |html: &str| sanitize_body_html(html, true, None);
        assert_eq!(clean("<p>a<script>alert(1)</script>b</p><script src=x></script>"), "<p>ab</p>");
        assert_eq!(clean("<p onclick=alert(1) style=color:red class=c title=t>x</p>"), r#"<p title="t">x</p>"#);
        assert_eq!(clean("<svg onload=alert(1)><a>x</a></svg><math>m</math><template>t</template>z"), "z");
        assert_eq!(clean("<a href=javascript:alert(1)>j</a>"), "<a>j</a>");
        assert_eq!(
            sanitize_body_html(
                "<a href=https://x.test/ target=_top>l</a><img src=https://x.test/i.png alt=i>",
                false,
                Some("_blank")
            ),
            r#"<a href="https://x.test/" rel="noopener noreferrer" target="_blank">l</a>"#
        );
        assert_eq!(clean("<table><tr><td>1</td>x</table>"), "x<table><tbody><tr><td>1</td></tr></tbody></table>");
        assert_eq!(clean("&lt;b&gt; &amp; &nbsp;"), "&lt;b&gt; &amp; &nbsp;");
        // Mutation XSS: what the sanitiser sees is what it writes.
        assert_eq!(
            clean("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"),
            r#"<p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;"></p>"#
        );
        // The same program as the DOM shell's: what the core copies from the tree.
        let body = "<h2>H</h2><ul><li><em>a</em></li></ul><blockquote cite=https://x.test/>q</blockquote>";
        let mut direct = Build::new();
        let options = BodyOptions { images: true, target: None, base: None };
        sanitize::copy_allowed(&parse_body(&format!("<!DOCTYPE html>{body}")), &mut direct, &options);
        let mut through = Build::new();
        sanitize_body(&mut through, body, &options);
        assert_eq!(through, direct);
        assert_eq!(
            through.to_html(),
            r#"<h2>H</h2><ul><li><em>a</em></li></ul><blockquote cite="https://x.test/">q</blockquote>"#
        );
    }
}
