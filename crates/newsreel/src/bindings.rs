//! Every call into the browser goes through this file, so the rest of the
//! shell reads as plain logic and the list of what we touch stays in one place.
//!
//! Two kinds of call:
//! - web-sys, for the DOM. Every method a host page could make throw (a
//!   page may wrap `setAttribute` or `appendChild`, or hand us a bad
//!   selector) is one web-sys declares `catch`, and its error comes back as
//!   a `DomResult` that the widget turns into its error state. A throw that
//!   skips Rust's error path would leave the wasm instance with its stack
//!   pointer moved and its cells borrowed.
//! - `element.js`, for what only JS can do or what JS does with a
//!   `try`/`catch` of its own: the subscriptions (listeners, observers and
//!   timers that call the widget back), `Intl` formatting (which throws on an
//!   odd locale), the inert HTML parser under Trusted Types, and the console.

use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, DocumentFragment, Element, Event, EventTarget, FocusEvent,
    HtmlAnchorElement, HtmlElement, MediaQueryList, MouseEvent, Node, NodeList, ShadowRoot, ShadowRootInit,
    ShadowRootMode, VisibilityState, Window,
};

use newsreel_core::html::build::{Build, Step};
use newsreel_core::input::fetch::FetchOutcome;
use newsreel_core::input::persist::Lookup;
use newsreel_core::view::clicks::Click;
use newsreel_core::{html::markup, input::charset, input::xml};

/// The outcome of a browser call that can throw: the thrown value on failure.
pub type DomResult<T> = Result<T, JsValue>;

/// What a subscription reports back to `Widget::on`. Rust hands one of these
/// to `element.js` with each subscription, and JS passes it back unchanged:
/// the numbers are defined here only.
#[wasm_bindgen]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Signal {
    /// A click anywhere in the shadow root (the value is the event).
    Click,
    /// A click of another button than the main one (the value is the event):
    /// the middle button's opens a link in a new tab.
    AuxClick,
    /// Pointer over the ticker.
    Hold,
    /// Focus into an element of the ticker (the value is the event).
    FocusIn,
    PointerLeave,
    /// Focus left an element of the ticker (the value is the event).
    FocusOut,
    /// The reduced-motion preference changed.
    MotionPreference,
    TabVisibility,
    /// Back, Forward or a new fragment.
    History,
    DomReady,
    /// The task that created the element is over: is there data yet?
    TaskOver,
    /// The text of the source script changed.
    SourceChanged,
    InView,
    OutOfView,
    SlideTick,
    /// A request for `src` finished (the value is `fetchFeed`'s outcome).
    Fetched,
    /// The next poll of `src` is due (the value is the feed's slot).
    RefreshDue,
    /// The look-up of a feed's kept copy (`persist`) finished (the value is
    /// `readStored`'s report).
    StoreRead,
    /// Keeping a feed's copy failed (the value is the reason).
    StoreFailed,
    /// The element came near the viewport (`loading="lazy"`).
    NearView,
    /// The ticker's box changed size: do the headlines still fit?
    Resized,
    /// A pointer went down on, or up from, the headlines' box (the value is the event).
    PointerDown,
    PointerUp,
    PointerCancel,
    /// The task of a swipe's pointer-up is over, and the click it may bring with it.
    SwipeOver,
}

/// Subscriptions are kept in groups and dropped a group at a time.
#[wasm_bindgen]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Group {
    /// On our own shadow root: they live as long as the widget.
    Own,
    /// On the page (document, window, media query, viewport): dropped on disconnect.
    Page,
    /// The source script's text: replaced when the source changes.
    Source,
    /// The slide ticker's timer.
    Slide,
    /// A request for `src` in flight.
    Feed,
    /// The timer of the next poll of `src`.
    Poll,
}

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    pub fn define_element(tag_name: &str, runtime: &JsValue) -> bool;
    /// The same, for the script-tag entries, which define the element before
    /// the module has started (given `runtime.start`, element.js starts it
    /// when the first element needs it). Declared, like `showStartFailure`,
    /// for the generated bindings to re-export; never called from Rust.
    #[wasm_bindgen(js_name = defineElement, reexport, skip_typescript)]
    pub fn define_element_before_start(tag_name: &str, runtime: &JsValue) -> bool;
    /// Logs `newsreel: <message>` as an error, once per distinct message.
    #[wasm_bindgen(js_name = logOnce)]
    pub fn log_once(message: &str);
    /// Hands the message of a panic to the element, which shows it in the
    /// failed widget's error state before the instance is replaced.
    #[wasm_bindgen(js_name = notePanic)]
    pub fn note_panic(message: &str);
    /// The first words of the element's error text in its language, for a
    /// failure the widget cannot show itself (a trap).
    #[wasm_bindgen(js_name = setFailureLead)]
    pub fn set_failure_lead(host: &HtmlElement, lead: &str);
    /// The element's error state, written in element.js only (which also
    /// shows a widget that stopped and a module that could not start with
    /// it): `lead: shown` in the error part, the host's fallback HTML too
    /// when `fallback`, `state="error"`, and `newsreel:error` with `detail`.
    /// Never throws: what the page refuses of it is left out.
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(host: &HtmlElement, lead: &str, shown: &str, detail: &JsValue, fallback: bool);
    /// The stand-in element of a module that could not start. Never called
    /// from Rust: declared for the generated bindings to re-export it to the
    /// JS entries (index.js, script-tag*.js), which cannot name element.js
    /// (wasm-bindgen copies it to a path with a hash in it).
    #[wasm_bindgen(js_name = showStartFailure, reexport, skip_typescript)]
    pub fn show_start_failure(tag_name: &str, error: &JsValue);
    /// Loads the browser's date data before the first render, in the worker
    /// at the URL given (the script-tag build's newsreel-intl.js) or else in
    /// a task of its own. Declared, like `showStartFailure`, for the entries.
    #[wasm_bindgen(js_name = warmDates, reexport, skip_typescript)]
    pub fn warm_dates(worker_url: &JsValue);

    /// The CLDR plural category of `n` in the language ("one", "few", "other"…).
    #[wasm_bindgen(js_name = pluralCategory)]
    pub fn plural_category(locale: &str, n: u32) -> String;
    /// A date in the page's language, or an empty string if `Intl` failed.
    #[wasm_bindgen(js_name = formatDate)]
    pub fn format_date(epoch_ms: f64, has_time: bool, locale: &str) -> String;
    /// The date relative to now ("3 hours ago"), in the page's language.
    #[wasm_bindgen(js_name = formatRelative)]
    pub fn format_relative(epoch_ms: f64, locale: &str) -> String;
    /// Parses HTML into an inert document (no script runs, nothing loads) and
    /// returns its body, or null if the browser refused.
    #[wasm_bindgen(js_name = parseInertHtml)]
    fn parse_inert_html_body(html: &str) -> Option<Element>;

    // Subscriptions. Each calls the element's widget back as
    // `on(signal, value)` through the element's one guarded entry point,
    // until its group is dropped with `unsubscribe`.

    /// `addEventListener(kind, …)`; the value is the event.
    pub fn listen(host: &HtmlElement, group: Group, target: &EventTarget, kind: &str, signal: Signal);
    /// An `IntersectionObserver`: `InView` when the element comes into view,
    /// `OutOfView` when it leaves.
    #[wasm_bindgen(js_name = watchVisible)]
    pub fn watch_visible(host: &HtmlElement, group: Group, target: &Element, in_signal: Signal, out_signal: Signal);
    /// Once, when the element comes within a screenful of the viewport.
    #[wasm_bindgen(js_name = watchNear)]
    pub fn watch_near(host: &HtmlElement, group: Group, target: &Element, signal: Signal);
    /// A `ResizeObserver` of two elements: `signal` once they are laid out,
    /// and whenever one's size changes.
    #[wasm_bindgen(js_name = watchSize)]
    pub fn watch_size(host: &HtmlElement, group: Group, first: &Element, second: &Element, signal: Signal);
    /// A `MutationObserver` of the text under a node.
    #[wasm_bindgen(js_name = watchText)]
    pub fn watch_text(host: &HtmlElement, group: Group, target: &Node, signal: Signal);
    /// `setInterval`.
    pub fn every(host: &HtmlElement, group: Group, ms: u32, signal: Signal);
    /// A zero-delay timeout: once, after the current task.
    #[wasm_bindgen(js_name = afterThisTask)]
    pub fn after_this_task(host: &HtmlElement, signal: Signal);
    /// Sets the marquee lane's `animation-duration` (in ms) without moving
    /// the lane: the time within the current loop is kept. Throws only if a
    /// host page broke the CSSOM, so it catches.
    #[wasm_bindgen(js_name = setScrollDuration, catch)]
    pub fn set_scroll_duration(lane: &Element, ms: u32) -> DomResult<()>;
    /// Where the lane's scroll stands in its loop, 0 to 1; below 0 when
    /// it has no scroll (it fits, or the mode steps).
    #[wasm_bindgen(js_name = laneProgress)]
    pub fn lane_progress(lane: &Element) -> f64;
    /// Moves the lane's scroll to that place in its loop (it stays paused or
    /// running). Throws only if a host page broke the animation API, so it catches.
    #[wasm_bindgen(js_name = setLaneProgress, catch)]
    pub fn set_lane_progress(lane: &Element, progress: f64) -> DomResult<()>;
    /// A timeout: once, after `ms`, unless the group is dropped first.
    pub fn after(host: &HtmlElement, group: Group, ms: u32, signal: Signal);
    /// The same, one of several in the group, numbered `slot` (one feed's
    /// poll of several): reported with the slot as its value, and dropped
    /// alone by `unsubscribe_slot`.
    #[wasm_bindgen(js_name = afterSlot)]
    pub fn after_slot(host: &HtmlElement, group: Group, slot: u32, ms: u32, signal: Signal);
    /// Removes every subscription of the group.
    pub fn unsubscribe(host: &HtmlElement, group: Group);
    /// Removes the subscriptions of the group made for one slot.
    #[wasm_bindgen(js_name = unsubscribeSlot)]
    pub fn unsubscribe_slot(host: &HtmlElement, group: Group, slot: u32);

    /// `fetch()`es a feed (conditionally, after an `ETag` or a
    /// `Last-Modified`), reading at most `max_bytes` and waiting at most
    /// `timeout_ms`, and reports `signal` with the outcome (`fetch_outcome`)
    /// and `slot`, the feed's place among `src`'s (`slot_of`). Dropping the
    /// group, or the slot, aborts it.
    #[wasm_bindgen(js_name = fetchFeed)]
    pub fn fetch_feed(
        host: &HtmlElement,
        group: Group,
        slot: u32,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        max_bytes: u32,
        timeout_ms: u32,
        signal: Signal,
    );
    /// Looks up the copy of a feed kept by `persist` (the Cache API, under
    /// its absolute URL) and reports `signal` with the look-up
    /// (`stored_lookup`) and `slot`. Never throws: a storage that fails is
    /// reported as such.
    #[wasm_bindgen(js_name = readStored)]
    pub fn read_stored(host: &HtmlElement, group: Group, slot: u32, url: &str, signal: Signal);
    /// Keeps a feed's good copy (its bytes as they came, and what is needed
    /// to read and validate them again), replacing the one kept before. A
    /// storage that fails reports `signal` with its reason.
    #[wasm_bindgen(js_name = storeFeed)]
    pub fn store_feed(
        host: &HtmlElement,
        group: Group,
        slot: u32,
        url: &str,
        bytes: &JsValue,
        content_type: Option<&str>,
        etag: Option<&str>,
        last_modified: Option<&str>,
        response_url: Option<&str>,
        stored_at: f64,
        signal: Signal,
    );
    /// A 304 confirmed the kept copy of a feed: it is stored as of
    /// `stored_at`, with the validators the 304 sent, if any.
    #[wasm_bindgen(js_name = confirmStored)]
    pub fn confirm_stored(
        host: &HtmlElement,
        group: Group,
        slot: u32,
        url: &str,
        stored_at: f64,
        etag: Option<&str>,
        last_modified: Option<&str>,
        signal: Signal,
    );
    /// Parses XML inertly: the root element, or the parser's error report as text.
    #[wasm_bindgen(js_name = parseXml)]
    fn parse_xml_root(text: &str) -> JsValue;
    /// The Encoding Standard's name of the encoding a label stands for, as
    /// `TextDecoder` reads labels; `None` for one it does not know.
    #[wasm_bindgen(js_name = encodingOf)]
    fn encoding_of(label: &str) -> Option<String>;
    /// Bytes decoded by `TextDecoder` in the encoding a label names.
    #[wasm_bindgen(js_name = decodeBytes)]
    fn decode_bytes(bytes: &[u8], label: &str) -> String;
}

/// The label of the encoding a fetched feed's bytes are in, by the core's
/// rule (`newsreel_core::input::charset::feed_charset`), with the browser's
/// knowledge of labels.
pub fn feed_charset(bytes: &[u8], content_type: &str) -> String {
    charset::feed_charset(bytes, Some(content_type), encoding_of).to_string()
}

/// A fetched feed's text. Valid UTF-8, nearly every feed, is taken as it
/// is, from the bytes' one copy into the wasm; `TextDecoder` reads the rest
/// (other encodings, and broken UTF-8, whose bad bytes it makes U+FFFD),
/// for which the wasm carries no code.
pub fn decode_feed(bytes: Vec<u8>, content_type: &str) -> String {
    let label = feed_charset(&bytes, content_type);
    if encoding_of(&label).as_deref() != Some("utf-8") {
        return decode_bytes(&bytes, &label);
    }
    match String::from_utf8(bytes) {
        // As `TextDecoder` does, the byte order mark is no text.
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            text
        }
        Err(broken) => decode_bytes(broken.as_bytes(), &label),
    }
}

// ---------------------------------------------------------------- values between Rust and JS

/// A field of a report element.js made (`undefined` when it has none).
fn report_field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The text of the bytes beside a report (`fetchFeed`'s or `readStored`'s),
/// by the feed charset rule; `None` when none came.
fn report_text(value: &JsValue, content_type: Option<&str>) -> Option<String> {
    let bytes = report_field(value, "bytes").dyn_into::<js_sys::Uint8Array>().ok()?;
    Some(decode_feed(bytes.to_vec(), content_type.unwrap_or_default()))
}

/// What `fetchFeed` reported: `{ report, bytes }`, the report in JSON, read
/// as the core reads every JSON (`FetchOutcome::from_report`), and the
/// feed's bytes, decoded here; `None` when element.js and the core disagree.
pub fn fetch_outcome(value: &JsValue) -> Option<FetchOutcome> {
    let mut outcome = FetchOutcome::from_report(&report_field(value, "report").as_string()?).ok()?;
    outcome.text = report_text(value, outcome.content_type.as_deref());
    Some(outcome)
}

/// The bytes beside a report of `fetchFeed` (a `Uint8Array`, or null), to
/// keep as they came.
pub fn report_bytes(value: &JsValue) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str("bytes")).unwrap_or(JsValue::NULL)
}

/// What `readStored` reported: the look-up, and the kept copy's text, read
/// by the same charset rule as when it was fetched. `None` when element.js
/// and the core disagree.
pub fn stored_lookup(value: &JsValue) -> Option<(Lookup, Option<String>)> {
    let lookup = Lookup::from_report(&report_field(value, "report").as_string()?).ok()?;
    let text = report_text(value, lookup.stored.as_ref().and_then(|s| s.content_type.as_deref()));
    Some((lookup, text))
}

/// The time now, in ms since 1970 (the page's clock).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The slot a report is about: the value of `after_slot`'s timer, or the
/// `slot` of `fetchFeed`'s outcome. `None` for anything else.
pub fn slot_of(value: &JsValue) -> Option<usize> {
    let slot = match value.as_f64() {
        Some(n) => n,
        None => report_field(value, "slot").as_f64()?,
    };
    (slot >= 0.0 && slot.fract() == 0.0 && slot < 1e6).then_some(slot as usize)
}

/// A value for JS, from a `Serialize` type: plain objects and arrays, with
/// `None` as `null` (the documented shape of our event details).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    // Maps (the plural forms of `strings`) as plain objects, not `Map`s.
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    // Our detail types are plain structs of strings, numbers, lists and maps:
    // serialising them cannot fail, and undefined would do if it did.
    value.serialize(&serializer).unwrap_or(JsValue::UNDEFINED)
}

/// Fires a bubbling, composed `CustomEvent` with `detail` on the target.
pub fn dispatch(target: &EventTarget, name: &str, detail: &JsValue) -> DomResult<()> {
    dispatch_cancelable(target, name, detail, false).map(drop)
}

/// The same, cancelable or not; true unless a listener cancelled it. A
/// listener that throws is reported by the browser, not thrown here.
pub fn dispatch_cancelable(target: &EventTarget, name: &str, detail: &JsValue, cancelable: bool) -> DomResult<bool> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict(name, &init)?;
    target.dispatch_event(&event)
}

// ---------------------------------------------------------------- page

pub fn window() -> Option<Window> {
    web_sys::window()
}

/// The document an element belongs to.
pub fn owner_document(element: &Element) -> Document {
    // Only a document itself has no owner document; an element always has one.
    element.owner_document().expect("an element has an owner document")
}

/// `matchMedia("(prefers-reduced-motion: reduce)")`, where there is one.
pub fn motion_query() -> Option<MediaQueryList> {
    window()?.match_media("(prefers-reduced-motion: reduce)").ok().flatten()
}

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    motion_query().is_some_and(|q| q.matches())
}

pub fn document_hidden(doc: &Document) -> bool {
    doc.visibility_state() == VisibilityState::Hidden
}

/// Whether the page is still being parsed.
pub fn document_loading(doc: &Document) -> bool {
    doc.ready_state() == "loading"
}

/// The page's URL fragment, without the '#', percent-decoded.
pub fn location_hash() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let fragment = hash.strip_prefix('#')?;
    js_sys::decode_uri_component(fragment).ok().map(String::from)
}

/// Adds a history entry with a new fragment, so Back returns to the previous
/// one. Fails when the page's history refuses it (a sandboxed frame).
pub fn push_hash(fragment: &str) -> DomResult<()> {
    // '/' reads better in a URL bar and is valid in a fragment.
    let encoded = String::from(js_sys::encode_uri_component(fragment)).replace("%2F", "/");
    let history = window().ok_or(JsValue::NULL)?.history()?;
    history.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{encoded}")))
}

// ---------------------------------------------------------------- elements

pub fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

pub fn set_attr(element: &Element, name: &str, value: &str) -> DomResult<()> {
    element.set_attribute(name, value)
}

pub fn remove_attr(element: &Element, name: &str) -> DomResult<()> {
    element.remove_attribute(name)
}

/// Sets or removes a boolean attribute.
pub fn set_flag(element: &Element, name: &str, on: bool) -> DomResult<()> {
    element.toggle_attribute_with_force(name, on).map(drop)
}

/// The attribute `name` of the element or of its nearest ancestor that has it.
pub fn inherited_attr(element: &Element, name: &str) -> Option<String> {
    element.closest(&format!("[{name}]")).ok().flatten()?.get_attribute(name)
}

/// Replaces everything inside a node with one text (none for "").
pub fn set_text(node: &Node, text: &str) {
    node.set_text_content(Some(text));
}

pub fn text_content(node: &Node) -> String {
    node.text_content().unwrap_or_default()
}

pub fn focus(element: &Element) -> DomResult<()> {
    match element.dyn_ref::<HtmlElement>() {
        Some(html) => html.focus(),
        None => Ok(()),
    }
}

/// The element or its nearest ancestor that matches one of our selectors.
pub fn closest(element: &Element, selector: &str) -> Option<Element> {
    element.closest(selector).ok().flatten()
}

/// What `querySelector` and `querySelectorAll` are called on: elements,
/// documents and fragments (web-sys gives each its own methods).
pub trait Queryable {
    fn select_one(&self, selector: &str) -> DomResult<Option<Element>>;
    fn select_all(&self, selector: &str) -> DomResult<NodeList>;
}

macro_rules! queryable {
    ($($kind:ty),*) => {$(
        impl Queryable for $kind {
            fn select_one(&self, selector: &str) -> DomResult<Option<Element>> {
                self.query_selector(selector)
            }
            fn select_all(&self, selector: &str) -> DomResult<NodeList> {
                self.query_selector_all(selector)
            }
        }
    )*};
}

queryable!(Element, Document, DocumentFragment);

/// The first match of a selector under a node; `Err` for an invalid selector.
pub fn query(root: &impl Queryable, selector: &str) -> DomResult<Option<Element>> {
    root.select_one(selector)
}

/// Every match of a selector under a node, in document order (none for an
/// invalid selector).
pub fn query_all(root: &impl Queryable, selector: &str) -> Vec<Element> {
    let Ok(list) = root.select_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// Sets a style property (or a custom property) through the CSSOM, which a
/// CSP without `'unsafe-inline'` still allows (a `style` attribute would not be).
pub fn set_style(element: &Element, name: &str, value: &str) -> DomResult<()> {
    match element.dyn_ref::<HtmlElement>() {
        Some(html) => html.style().set_property(name, value),
        None => Ok(()),
    }
}

pub fn append(parent: &Node, child: &Node) -> DomResult<()> {
    parent.append_child(child).map(drop)
}

/// A fragment holding a deep copy of every child of `element`.
pub fn deep_clone_children(element: &Element) -> DomResult<DocumentFragment> {
    let doc = owner_document(element);
    let copy = doc.create_document_fragment();
    let mut child = element.first_child();
    while let Some(node) = child {
        copy.append_child(&node.clone_node_with_deep(true)?)?;
        child = node.next_sibling();
    }
    Ok(copy)
}

pub fn client_width(element: &Element) -> i32 {
    element.client_width()
}

/// An element's box on screen: left, top, right, bottom, in CSS px.
pub fn rect(element: &Element) -> [f64; 4] {
    let r = element.get_bounding_client_rect();
    [r.left(), r.top(), r.right(), r.bottom()]
}

/// Scrolls a box back to its start (a box that clips may still have been
/// scrolled, by the browser bringing focus into view).
pub fn scroll_to_start(element: &Element) {
    element.set_scroll_left(0);
    element.set_scroll_top(0);
}

/// Brings style and layout up to date, so that a change made before it
/// is not one with the change made after (a jump, then a transition).
pub fn flush_layout(element: &Element) {
    element.client_height();
}

pub fn fragment(doc: &Document) -> DocumentFragment {
    doc.create_document_fragment()
}

pub fn child_element_count(element: &Element) -> u32 {
    element.child_element_count()
}

pub fn scroll_width(element: &Element) -> i32 {
    element.scroll_width()
}

pub fn scroll_height(element: &Element) -> i32 {
    element.scroll_height()
}

/// Lower-cased as the browser lower-cases (`String.prototype.toLowerCase`),
/// for every script, without Unicode's case tables in the wasm.
pub fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

/// The id of the ticker entry that has focus, if one has (seen from inside
/// our shadow root, where the focused element is the shadow root's).
pub fn focused_pick(items: &Element) -> Option<String> {
    let root = items.get_root_node().dyn_into::<ShadowRoot>().ok()?;
    let active = root.active_element()?;
    if !items.contains(Some(&active)) {
        return None;
    }
    closest(&active, ".pick")?.get_attribute("data-id")
}

/// Focuses the ticker entry with this id, if there is one.
pub fn focus_pick(items: &Element, id: &str) -> DomResult<()> {
    for pick in query_all(items, ".pick") {
        if pick.get_attribute("data-id").as_deref() == Some(id) {
            return focus(&pick);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- shadow root

thread_local! {
    /// The widget's styles as one constructable stylesheet, shared by every
    /// instance (no inline `<style>`, so `style-src 'self'` is enough).
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The element's open shadow root (attached on first use) with our styles.
pub fn open_shadow(host: &HtmlElement, css: &str) -> DomResult<ShadowRoot> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheet = SHEET.with(|cell| -> DomResult<CssStyleSheet> {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(css)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(root)
}

// ---------------------------------------------------------------- events

/// The element an event started on (seen from inside our shadow root).
pub fn event_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// Whether the element matches a selector (false for one the browser does not know).
pub fn matches(element: &Element, selector: &str) -> bool {
    element.matches(selector).unwrap_or(false)
}

/// Where a pointer event happened, in the viewport's CSS px.
pub fn pointer_position(event: &Event) -> Option<(f64, f64)> {
    event.dyn_ref::<MouseEvent>().map(|e| (f64::from(e.client_x()), f64::from(e.client_y())))
}

/// A click's button and modifier keys, for the core to read
/// (`newsreel_core::view::clicks`); `None` for an event that is no mouse
/// event (a page's own `new Event("click")`).
pub fn click_of(event: &Event) -> Option<Click> {
    let e = event.dyn_ref::<MouseEvent>()?;
    Some(Click { button: e.button(), ctrl: e.ctrl_key(), meta: e.meta_key(), shift: e.shift_key(), alt: e.alt_key() })
}

/// The absolute URL a link goes to, as the browser resolves its `href`;
/// `None` for an element that is no link with one.
pub fn link_url(element: &Element) -> Option<String> {
    let link = element.dyn_ref::<HtmlAnchorElement>().filter(|a| a.has_attribute("href"))?;
    Some(link.href())
}

/// Whether a `focusout` moves focus to a node inside `element`.
pub fn focus_moves_within(event: &Event, element: &Element) -> bool {
    let related = event.dyn_ref::<FocusEvent>().and_then(FocusEvent::related_target);
    related.and_then(|t| t.dyn_into::<Node>().ok()).is_some_and(|node| element.contains(Some(&node)))
}

pub fn prevent_default(event: &Event) {
    event.prevent_default();
}

// ---------------------------------------------------------------- building

/// Creates what a build program describes at the end of `parent`, with
/// `createElement`, `createTextNode` and `setAttribute` only: names and
/// values never pass through an HTML parser. Returns the elements the
/// program marked with `keep`, in order.
pub fn build(parent: &Node, program: &Build) -> DomResult<Vec<Element>> {
    let doc = match parent.dyn_ref::<Document>() {
        Some(doc) => doc.clone(),
        None => parent.owner_document().ok_or(JsValue::NULL)?,
    };
    let mut open: Vec<Element> = Vec::new();
    let mut kept = Vec::new();
    for step in program.steps() {
        let top: &Node = open.last().map_or(parent, |e| e.as_ref());
        match step {
            Step::Open(tag) => {
                let element = doc.create_element(tag)?;
                top.append_child(&element)?;
                open.push(element);
            }
            Step::Attr(name, value) => {
                if let Some(element) = open.last() {
                    element.set_attribute(name, value)?;
                }
            }
            Step::Text(text) => {
                top.append_child(&doc.create_text_node(text))?;
            }
            Step::Close => {
                open.pop();
            }
            Step::Keep => kept.extend(open.last().cloned()),
        }
    }
    Ok(kept)
}

// ---------------------------------------------------------------- inert HTML

/// Parses `html` inertly and returns the body as the core's neutral tree, or
/// `None` if the browser refused to parse.
pub fn parse_inert_html(html: &str) -> Option<Vec<markup::Node>> {
    let body = parse_inert_html_body(html)?;
    Some(children_of(&body, 0))
}

fn children_of(parent: &Node, depth: usize) -> Vec<markup::Node> {
    let mut out = Vec::new();
    let mut child = parent.first_child();
    while let Some(node) = child {
        match node.node_type() {
            Node::TEXT_NODE => out.push(markup::Node::Text(text_content(&node))),
            Node::ELEMENT_NODE => {
                if let Some(element) = node.dyn_ref::<Element>() {
                    out.push(element_of(element, depth));
                }
            }
            // Comments, processing instructions: not content.
            _ => {}
        }
        child = node.next_sibling();
    }
    out
}

fn element_of(element: &Element, depth: usize) -> markup::Node {
    const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";
    let attributes = element.attributes();
    let attributes =
        (0..attributes.length()).filter_map(|i| attributes.item(i)).map(|a| (a.name(), a.value())).collect();
    let children = if depth < markup::MAX_WALK_DEPTH {
        children_of(element, depth + 1)
    } else {
        vec![markup::Node::Text(text_content(element))]
    };
    markup::Node::Element(markup::Element {
        name: element.local_name(),
        html: element.namespace_uri().as_deref() == Some(HTML_NAMESPACE),
        attributes,
        children,
    })
}

// ---------------------------------------------------------------- feed XML

/// Parses a feed's XML with the browser's parser and walks it into the
/// core's neutral tree; `Err` holds the parser's report.
pub fn parse_xml(text: &str) -> Result<xml::Element, String> {
    let root = parse_xml_root(text);
    if let Some(report) = root.as_string() {
        return Err(report);
    }
    let root: Element = root.dyn_into().map_err(|_| String::from("the XML could not be parsed"))?;
    Ok(xml_element(&root, 1))
}

fn xml_element(element: &Element, depth: usize) -> xml::Element {
    let attributes = element.attributes();
    let attributes = (0..attributes.length())
        .filter_map(|i| attributes.item(i))
        .map(|a| xml::Attribute { name: a.local_name(), namespace: a.namespace_uri(), value: a.value() })
        .collect();
    let mut children = Vec::new();
    let mut child = element.first_child();
    while let Some(node) = child {
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                children.push(xml::Node::Text(node.node_value().unwrap_or_default()))
            }
            Node::ELEMENT_NODE => {
                if let Some(inner) = node.dyn_ref::<Element>() {
                    children.push(if depth < xml::MAX_DEPTH {
                        xml::Node::Element(xml_element(inner, depth + 1))
                    } else {
                        // Deeper than the tree holds: its text only (see `xml`).
                        xml::Node::Text(text_content(inner))
                    });
                }
            }
            _ => {}
        }
        child = node.next_sibling();
    }
    xml::Element { name: element.local_name(), namespace: element.namespace_uri(), attributes, children }
}
