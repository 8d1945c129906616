//! Every call into the browser goes through this file, so the rest of the
//! shell reads as plain logic and the list of what we touch stays in one place.
//!
//! DOM calls on nodes we created ourselves, with constant tag and attribute
//! names, cannot fail in practice; they still return `Result` and the callers
//! pass the error up, so nothing here can panic.

use crate::prelude::*;

use crate::core::build::Build;
use crate::core::text::find_text;
use core::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, Event, EventTarget,
    HtmlElement, Node, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

#[wasm_bindgen(module = "/src/dom/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    pub fn define_element(tag_name: &str, create_widget: &js_sys::Function) -> bool;
    /// Shows the error state for a failure the widget could not handle and
    /// stops further calls into it (the same path as a thrown error or trap).
    #[wasm_bindgen(js_name = failWidget)]
    pub fn fail_widget(host: &HtmlElement, error: &JsValue);
    #[wasm_bindgen(js_name = logOnce)]
    pub fn log_once(message: &str);
    #[wasm_bindgen(js_name = formatDate)]
    pub fn format_date(epoch_ms: f64, has_time: bool, locale: &str) -> String;
    #[wasm_bindgen(js_name = formatRelative)]
    pub fn format_relative(epoch_ms: f64, now_ms: f64, locale: &str) -> String;
    /// Parses HTML into an inert document (no script runs, nothing loads) and
    /// returns its body flattened as `core::sanitize` reads it, or `None` if
    /// the browser refused.
    #[wasm_bindgen(js_name = parseInertHtml)]
    pub fn parse_inert_html(html: &str) -> Option<String>;
    #[wasm_bindgen(js_name = build, catch)]
    fn run_build(parent: &Node, ops: &[u32], text: &str) -> Result<js_sys::Array, JsValue>;

    // Subscriptions. Each one calls the widget back as `on(code, value)`
    // through the element (so a throw or trap in a handler is caught there
    // like any other call), until its group is dropped with `unsubscribe`.
    // They live in JS because a Rust closure per callback costs far more
    // code than one exported entry point.

    /// `addEventListener(kind, …)`; the value is the event.
    pub fn listen(host: &HtmlElement, group: u32, target: &EventTarget, kind: &str, code: u32);
    /// An `IntersectionObserver`; the value is whether the element is in view.
    #[wasm_bindgen(js_name = watchVisible)]
    pub fn watch_visible(host: &HtmlElement, group: u32, target: &Element, code: u32);
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

pub fn window() -> DomResult<web_sys::Window> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))
}

pub fn document() -> DomResult<Document> {
    window()?.document().ok_or_else(|| JsValue::from_str("no document"))
}

/// Creates what a build program describes at the end of `parent`; returns
/// the elements it marked with `keep`, in order.
pub fn build(parent: &impl AsRef<Node>, program: &Build) -> DomResult<Vec<Element>> {
    build_from(parent, &program.ops, &program.text)
}

/// `build` of a program held as its two parts (a constant one, say).
pub fn build_from(parent: &impl AsRef<Node>, ops: &[u32], text: &str) -> DomResult<Vec<Element>> {
    let kept = run_build(parent.as_ref(), ops, text)?;
    Ok((0..kept.length()).map(|i| kept.get(i).unchecked_into()).collect())
}

pub fn append(parent: &impl AsRef<Node>, child: &impl AsRef<Node>) -> DomResult<()> {
    parent.as_ref().append_child(child.as_ref()).map(|_| ())
}

/// A deep copy of a node and everything in it.
pub fn deep_clone(node: &impl AsRef<Node>) -> DomResult<Node> {
    node.as_ref().clone_node_with_deep(true)
}

pub fn clear(node: &impl AsRef<Node>) {
    node.as_ref().set_text_content(None);
}

pub fn set_attr(e: &Element, name: &str, value: &str) -> DomResult<()> {
    e.set_attribute(name, value)
}

pub fn remove_attr(e: &Element, name: &str) -> DomResult<()> {
    e.remove_attribute(name)
}

pub fn attr(e: &Element, name: &str) -> Option<String> {
    e.get_attribute(name)
}

pub fn set_flag(e: &Element, name: &str, on: bool) -> DomResult<()> {
    e.toggle_attribute_with_force(name, on).map(|_| ())
}

pub fn set_class(e: &Element, class: &str, on: bool) -> DomResult<()> {
    e.class_list().toggle_with_force(class, on).map(|_| ())
}

/// Sets a style property (or a custom property) through the CSSOM, which a
/// CSP without `'unsafe-inline'` still allows (a `style` attribute would not be).
pub fn set_style(e: &Element, name: &str, value: &str) -> DomResult<()> {
    match e.dyn_ref::<HtmlElement>() {
        Some(h) => h.style().set_property(name, value),
        None => Ok(()),
    }
}

pub fn focus(e: &Element) -> DomResult<()> {
    match e.dyn_ref::<HtmlElement>() {
        Some(h) => h.focus(),
        None => Ok(()),
    }
}

/// The first match of a selector, or `None` (also for an invalid selector).
pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every match of a selector in document order (none for an invalid selector).
pub fn query_all(root: &impl AsRef<Node>, selector: &str) -> Vec<Element> {
    let root = root.as_ref();
    let list = if let Some(e) = root.dyn_ref::<Element>() {
        e.query_selector_all(selector)
    } else if let Some(d) = root.dyn_ref::<Document>() {
        d.query_selector_all(selector)
    } else if let Some(f) = root.dyn_ref::<web_sys::DocumentFragment>() {
        // Shadow roots are document fragments too.
        f.query_selector_all(selector)
    } else {
        return Vec::new();
    };
    let Ok(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

/// Looks up `source="…"`: an id (`#news`) or any selector. `Err` for an invalid selector.
pub fn query_document(doc: &Document, selector: &str) -> Result<Option<Element>, ()> {
    doc.query_selector(selector).map_err(|_| ())
}

/// The element's open shadow root, attached on first use.
pub fn shadow_root(host: &HtmlElement) -> DomResult<ShadowRoot> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// The stylesheet every widget adopts, made on first use.
struct SharedSheet(RefCell<Option<CssStyleSheet>>);
// wasm32 without the atomics feature has one thread; nothing is shared.
unsafe impl Sync for SharedSheet {}
static SHEET: SharedSheet = SharedSheet(RefCell::new(None));

/// Installs the widget's styles as one constructable stylesheet shared by
/// every instance (no inline `<style>`, so `style-src 'self'` is enough).
pub fn adopt_styles(root: &ShadowRoot, css: &str) -> DomResult<()> {
    let cached = SHEET.0.borrow().clone();
    let sheet = match cached {
        Some(sheet) => sheet,
        None => {
            let sheet = CssStyleSheet::new()?;
            sheet.replace_sync(css)?;
            *SHEET.0.borrow_mut() = Some(sheet.clone());
            sheet
        }
    };
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(())
}

/// Fires a bubbling, composed `CustomEvent` on the host.
pub fn dispatch(target: &EventTarget, name: &str, detail: &JsValue) -> DomResult<()> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict(name, &init)?;
    target.dispatch_event(&event).map(|_| ())
}

/// A plain object `{key: value, …}` for event details.
pub fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// The element an event started on, seen from inside our shadow root.
pub fn event_element(event: &Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// True for a click the browser should handle itself (new tab, new window, download).
pub fn is_modified_click(event: &Event) -> bool {
    match event.dyn_ref::<web_sys::MouseEvent>() {
        Some(m) => m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key() || m.button() != 0,
        None => false,
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .ok()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The page's URL fragment, without the '#', percent-decoded.
pub fn location_hash() -> Option<String> {
    let hash = window().ok()?.location().hash().ok()?;
    let raw = hash.strip_prefix('#')?;
    js_sys::decode_uri_component(raw).ok().and_then(|s| s.as_string())
}

/// Adds a history entry with a new fragment, so Back returns to the previous one.
pub fn push_hash(fragment: &str) -> DomResult<()> {
    let encoded: String = js_sys::encode_uri_component(fragment).into();
    // '/' reads better in a URL bar and is valid in a fragment.
    let mut url = String::from("#");
    let mut rest = encoded.as_str();
    while let Some(at) = find_text(rest, "%2F") {
        url.push_str(&rest[..at]);
        url.push('/');
        rest = &rest[at + 3..];
    }
    url.push_str(rest);
    window()?.history()?.push_state_with_url(&JsValue::NULL, "", Some(&url))
}

pub fn document_hidden(doc: &Document) -> bool {
    doc.visibility_state() == web_sys::VisibilityState::Hidden
}
