//! Every call into the browser goes through this file, so the rest of the
//! shell reads as plain logic and the list of what we touch stays in one place.
//!
//! DOM calls on nodes we created ourselves, with constant tag and attribute
//! names, cannot fail in practice, so they are declared without `catch` and
//! return no `Result`. If one ever threw, the exception would unwind out of
//! the wasm to the element's JS, which catches every call into the widget,
//! shows the error state and stops that widget: the same path as any other
//! failure, without error-handling code at every call site. Calls that can
//! fail on input (a host's selector, the history API, attaching the shadow
//! root) keep `catch` and return `DomResult`.

use crate::prelude::*;

use crate::core::build::Build;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, EventTarget, HtmlElement, Node, ShadowRoot,
};

#[wasm_bindgen(module = "/src/dom/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    pub fn define_element(tag_name: &str, create_widget: &js_sys::Function, widget_on: &js_sys::Function) -> bool;
    /// Shows the error state for a failure the widget could not handle and
    /// stops further calls into it (the same path as a thrown error or trap).
    #[wasm_bindgen(js_name = failWidget)]
    pub fn fail_widget(host: &HtmlElement, error: &JsValue);
    #[wasm_bindgen(js_name = logOnce)]
    pub fn log_once(message: &str);
    // Calls that give text back return it as a `JsValue` (a string, or null)
    // and `text_of` reads it: an `Option<String>` or `String` return costs a
    // conversion wrapper per import in the glue, one `as_string` serves all.
    #[wasm_bindgen(js_name = formatDate)]
    fn format_date_value(epoch_ms: f64, has_time: bool, locale: &str) -> JsValue;
    #[wasm_bindgen(js_name = formatRelative)]
    fn format_relative_value(epoch_ms: f64, locale: &str) -> JsValue;
    /// Parses HTML into an inert document (no script runs, nothing loads) and
    /// returns its body flattened as `core::sanitize` reads it, or null if
    /// the browser refused.
    #[wasm_bindgen(js_name = parseInertHtml)]
    fn parse_inert_html_value(html: &str) -> JsValue;
    // Browser calls whose shape costs more code in wasm than in JS.

    /// `querySelectorAll` on an element, document or fragment, as an array
    /// (empty for an invalid selector).
    #[wasm_bindgen(js_name = queryAll)]
    fn query_all_array(root: &Node, selector: &str) -> js_sys::Array;
    /// True for a click the browser should handle itself (new tab, new window, download).
    #[wasm_bindgen(js_name = isModifiedClick)]
    pub fn is_modified_click(event: &Event) -> bool;
    /// The page's URL fragment, without the '#', percent-decoded (or null).
    #[wasm_bindgen(js_name = locationHash)]
    fn location_hash_value() -> JsValue;
    /// Adds a history entry with a new fragment, so Back returns to the
    /// previous one; false when the page's history refused it.
    #[wasm_bindgen(js_name = pushHash)]
    pub fn push_hash(fragment: &str) -> bool;
    /// The text of each element matching `selector` under `root` (only the
    /// children of `parent`, when given).
    #[wasm_bindgen(js_name = textsOf)]
    fn texts_array(root: &Node, selector: &str, parent: Option<&Element>) -> js_sys::Array;
    /// The element an event started on (seen from inside our shadow root), if it is one.
    #[wasm_bindgen(js_name = eventElement)]
    pub fn event_element(event: &Event) -> Option<Element>;
    /// Whether a `focusout` event moves focus to a node inside `element`.
    #[wasm_bindgen(js_name = focusMovesWithin)]
    pub fn focus_moves_within(event: &Event, element: &Element) -> bool;
    /// Whether the page is still being parsed.
    #[wasm_bindgen(js_name = documentLoading)]
    pub fn document_loading() -> bool;
    /// The attribute `name` of the element or its nearest ancestor that has it (or null).
    #[wasm_bindgen(js_name = inheritedAttribute)]
    fn inherited_attribute_value(element: &Element, name: &str) -> JsValue;

    /// The element's open shadow root (attached on first use), with the
    /// widget's styles adopted as one constructable stylesheet shared by
    /// every instance (no inline `<style>`, so `style-src 'self'` is enough).
    #[wasm_bindgen(js_name = openShadow, catch)]
    pub fn open_shadow(host: &HtmlElement, css: &str) -> DomResult<ShadowRoot>;
    /// Fires a bubbling, composed `CustomEvent` with `detail` on the target.
    pub fn dispatch(target: &EventTarget, name: &str, detail: &JsValue);
    /// `matchMedia("(prefers-reduced-motion: reduce)")`, where there is one.
    #[wasm_bindgen(js_name = motionQuery)]
    pub fn motion_query() -> Option<web_sys::MediaQueryList>;
    /// Whether the page's tab is hidden.
    #[wasm_bindgen(js_name = documentHidden)]
    pub fn document_hidden() -> bool;
    /// The page's window, for its `popstate` and `hashchange` events.
    #[wasm_bindgen(js_name = pageWindow)]
    pub fn page_window() -> EventTarget;

    #[wasm_bindgen(js_name = build)]
    fn run_build(parent: &Node, ops: &[u32], text: &str) -> js_sys::Array;
    /// Sets a style property (or a custom property) through the CSSOM, which a
    /// CSP without `'unsafe-inline'` still allows (a `style` attribute would not be).
    #[wasm_bindgen(js_name = setStyle)]
    pub fn set_style(element: &Element, name: &str, value: &str);

    // Subscriptions. Each one calls the widget back as `on(code, value)`
    // through the element (so a throw or trap in a handler is caught there
    // like any other call), until its group is dropped with `unsubscribe`.
    // They live in JS because a Rust closure per callback costs far more
    // code than one exported entry point.

    /// `addEventListener(kind, …)`; the value is the event.
    pub fn listen(host: &HtmlElement, group: u32, target: &EventTarget, kind: &str, code: u32);
    /// An `IntersectionObserver`: `in_code` when the element comes into view,
    /// `out_code` when it leaves.
    #[wasm_bindgen(js_name = watchVisible)]
    pub fn watch_visible(host: &HtmlElement, group: u32, target: &Element, in_code: u32, out_code: u32);
    /// A `MutationObserver` of the text under a node.
    #[wasm_bindgen(js_name = watchText)]
    pub fn watch_text(host: &HtmlElement, group: u32, target: &Node, code: u32);
    /// `setInterval`.
    pub fn every(host: &HtmlElement, group: u32, ms: i32, code: u32);
    /// A zero-delay timeout: once, after the current task.
    #[wasm_bindgen(js_name = afterThisTask)]
    pub fn after_this_task(host: &HtmlElement, code: u32);
    /// Removes every subscription of the group.
    pub fn unsubscribe(host: &HtmlElement, group: u32);
}

pub type DomResult<T> = Result<T, JsValue>;

// The DOM methods used on our own nodes, without `catch` (see the top).
#[wasm_bindgen]
extern "C" {
    /// A DOM node seen only through the methods below.
    type OwnNode;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &OwnNode, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn remove_attribute(this: &OwnNode, name: &str);
    #[wasm_bindgen(method, js_name = toggleAttribute)]
    fn toggle_attribute(this: &OwnNode, name: &str, on: bool);
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &OwnNode, child: &Node);
    #[wasm_bindgen(method, js_name = cloneNode)]
    fn clone_node(this: &OwnNode, deep: bool) -> Node;
    #[wasm_bindgen(method)]
    fn focus(this: &OwnNode);
    #[wasm_bindgen(method, js_name = closest)]
    fn closest_to(this: &OwnNode, selector: &str) -> Option<Element>;
    #[wasm_bindgen(method, js_name = getAttribute)]
    fn get_attribute_value(this: &OwnNode, name: &str) -> JsValue;
    #[wasm_bindgen(method, getter = textContent)]
    fn text_content_value(this: &OwnNode) -> JsValue;
    /// Never null for an element.
    #[wasm_bindgen(method, getter = ownerDocument)]
    fn owner_document_of(this: &OwnNode) -> Document;
    #[wasm_bindgen(method, setter = textContent)]
    fn set_text_content_to(this: &OwnNode, text: &str);
    /// `object[key] = value`, on a plain object of our own.
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_key(this: &OwnNode, key: &str, value: &JsValue);
    /// On an element or a document alike: one import for both. Throws for
    /// an invalid selector.
    #[wasm_bindgen(method, catch, js_name = querySelector)]
    fn query_selector_in(this: &OwnNode, selector: &str) -> DomResult<Option<Element>>;
}

/// The text a browser call gave back, `None` for null or anything else.
fn text_of(value: JsValue) -> Option<String> {
    value.as_string()
}

pub fn format_date(epoch_ms: f64, has_time: bool, locale: &str) -> String {
    text_of(format_date_value(epoch_ms, has_time, locale)).unwrap_or_default()
}

/// The date relative to now ("3 hours ago"), in the page's language.
pub fn format_relative(epoch_ms: f64, locale: &str) -> String {
    text_of(format_relative_value(epoch_ms, locale)).unwrap_or_default()
}

pub fn parse_inert_html(html: &str) -> Option<String> {
    text_of(parse_inert_html_value(html))
}

pub fn location_hash() -> Option<String> {
    text_of(location_hash_value())
}

pub fn inherited_attribute(element: &Element, name: &str) -> Option<String> {
    text_of(inherited_attribute_value(element, name))
}

/// The document an element belongs to.
pub fn owner_document(element: &HtmlElement) -> Document {
    own(element).owner_document_of()
}

/// A node's text (`textContent`), empty when it has none.
pub fn text_content(node: &impl AsRef<Node>) -> String {
    text_of(own(node.as_ref()).text_content_value()).unwrap_or_default()
}

fn own(node: &impl AsRef<JsValue>) -> &OwnNode {
    node.as_ref().unchecked_ref()
}

/// Creates what a build program describes at the end of `parent`; returns
/// the elements it marked with `keep`, in order.
pub fn build(parent: &impl AsRef<Node>, program: &Build) -> Vec<Element> {
    build_from(parent, &program.ops, &program.text)
}

/// `build` of a program held as its two parts (a constant one, say).
pub fn build_from(parent: &impl AsRef<Node>, ops: &[u32], text: &str) -> Vec<Element> {
    elements(run_build(parent.as_ref(), ops, text))
}

fn elements(array: js_sys::Array) -> Vec<Element> {
    let mut out = Vec::new();
    for i in 0..array.length() {
        out.push(array.get(i).unchecked_into());
    }
    out
}

pub fn append(parent: &impl AsRef<Node>, child: &impl AsRef<Node>) {
    own(parent.as_ref()).append_child(child.as_ref());
}

/// A deep copy of a node and everything in it.
pub fn deep_clone(node: &impl AsRef<Node>) -> Node {
    own(node.as_ref()).clone_node(true)
}

pub fn clear(node: &impl AsRef<Node>) {
    set_text(node, "");
}

/// Replaces everything inside a node with one text.
pub fn set_text(node: &impl AsRef<Node>, text: &str) {
    own(node.as_ref()).set_text_content_to(text);
}

pub fn set_attr(e: &Element, name: &str, value: &str) {
    own(e).set_attribute(name, value);
}

pub fn remove_attr(e: &Element, name: &str) {
    own(e).remove_attribute(name);
}

pub fn attr(e: &Element, name: &str) -> Option<String> {
    text_of(own(e).get_attribute_value(name))
}

pub fn set_flag(e: &Element, name: &str, on: bool) {
    own(e).toggle_attribute(name, on);
}

pub fn focus(e: &Element) {
    own(e).focus();
}

/// The element or its nearest ancestor that matches one of our selectors.
pub fn closest(e: &Element, selector: &str) -> Option<Element> {
    own(e).closest_to(selector)
}

/// The first match of a selector, or `None` (also for an invalid selector).
pub fn query(root: &Element, selector: &str) -> Option<Element> {
    own(root).query_selector_in(selector).ok().flatten()
}

/// Every match of a selector in document order (none for an invalid selector).
pub fn query_all(root: &impl AsRef<Node>, selector: &str) -> Vec<Element> {
    elements(query_all_array(root.as_ref(), selector))
}

/// The text of each element matching `selector` under `root` (only the
/// children of `parent`, when given), in document order.
pub fn texts(root: &Node, selector: &str, parent: Option<&Element>) -> Vec<String> {
    let found = texts_array(root, selector, parent);
    let mut out = Vec::new();
    for i in 0..found.length() {
        out.push(text_of(found.get(i)).unwrap_or_default());
    }
    out
}

/// Looks up `source="…"`: an id (`#news`) or any selector. `Err` for an invalid selector.
pub fn query_document(doc: &Document, selector: &str) -> Result<Option<Element>, ()> {
    own(doc).query_selector_in(selector).map_err(|_| ())
}

/// A plain object `{key: value, …}` for event details.
pub fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in entries {
        own(&obj).set_key(k, v);
    }
    obj.into()
}


/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    motion_query().is_some_and(|q| q.matches())
}

