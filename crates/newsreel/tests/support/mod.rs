//! Helpers shared by the browser test files: mount a `<news-reel>`, read its
//! shadow DOM, record its events, call its methods.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, Document, Element, HtmlElement, ShadowRoot};

use newsreel::widget::{define_news_reel as define_element, Widget};

pub const SEED: &str = include_str!("../../../../tests/fixtures/seed.json");

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Defines `<news-reel>` as the entry modules do, with a runtime whose
/// `create(host)` makes the element's widget. Safe to call again.
pub fn define_news_reel() {
    let create = Closure::<dyn Fn(HtmlElement) -> JsValue>::new(|host| JsValue::from(Widget::new(host)));
    let runtime = js_sys::Object::new();
    js_sys::Reflect::set(&runtime, &JsValue::from_str("create"), create.as_ref()).unwrap();
    if define_element("news-reel", &runtime) {
        create.forget();
    }
}

/// A `<news-reel>` with the given inner HTML, attached to the page.
pub fn mount(inner_html: &str, attrs: &[(&str, &str)]) -> HtmlElement {
    define_news_reel();
    let doc = document();
    let el: HtmlElement = doc.create_element("news-reel").unwrap().dyn_into().unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    el.set_inner_html(inner_html);
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// The same, fed by an inline `<script type="application/json">`.
pub fn mount_json(json: &str) -> HtmlElement {
    mount_json_with(json, &[])
}

/// The same, with attributes set before it connects.
pub fn mount_json_with(json: &str, attrs: &[(&str, &str)]) -> HtmlElement {
    let script = format!("<script type=\"application/json\">{}</script>", json.replace("</", "<\\/"));
    mount(&script, attrs)
}

pub fn shadow(el: &HtmlElement) -> ShadowRoot {
    el.shadow_root().expect("an open shadow root")
}

pub fn parts(el: &HtmlElement, part: &str) -> Vec<Element> {
    let list = shadow(el).query_selector_all(&format!("[part~=\"{part}\"]")).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

pub fn part(el: &HtmlElement, name: &str) -> Element {
    parts(el, name).into_iter().next().unwrap_or_else(|| panic!("no part {name}"))
}

pub fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// Records the `detail` of every event of one type fired on a target.
pub fn record(target: &web_sys::EventTarget, kind: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        sink.borrow_mut().push(e.unchecked_into::<CustomEvent>().detail());
    });
    target.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref()).unwrap();
    cb.forget();
    seen
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

pub fn call(el: &HtmlElement, method: &str, args: &[JsValue]) -> JsValue {
    let f: js_sys::Function = get(el, method).dyn_into().unwrap();
    f.apply(el, &args.iter().collect::<js_sys::Array>()).unwrap()
}

/// Waits `ms` milliseconds (lets observers, timers and history events run).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Clicks the ticker entry at `index`.
pub fn click_item(el: &HtmlElement, index: usize) {
    let pick = parts(el, "item")[index].query_selector(".pick").unwrap().unwrap();
    pick.unchecked_ref::<HtmlElement>().click();
}

/// Removes any `#news-reel/…` fragment an earlier test left, which would
/// otherwise open that article in every new widget.
pub fn clear_hash() {
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&JsValue::NULL, "", Some("#")).unwrap();
}
