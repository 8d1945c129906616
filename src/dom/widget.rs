//! One `<news-reel>` element's state and behaviour. The JS class in
//! `element.js` has a `Widget` made for its element (`createWidget`) and
//! forwards every callback to it (`widgetOn`).
//!
//! Every method takes `&self` (state lives in `RefCell`s that are never held
//! across a call out to JS), so a host listener that calls back into the
//! element while we dispatch an event cannot trigger "recursive use of an
//! object" errors.

use crate::prelude::*;
use crate::core::cat::cat;

use super::bindings::{self as b, DomResult};
use super::render::{self, RenderOptions, Skeleton};
use super::styles::STYLES;
use crate::core::model::NewsDocument;
use crate::core::json::number_from_text;
use crate::core::{decode_blocks, DecodeOptions};
use core::cell::{Cell, OnceCell, RefCell};
use alloc::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Event, HtmlElement};

/// Configured ticker behaviour (attribute `mode`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Marquee,
    Slide,
    List,
}

/// Who asked to open an article: decides focus and history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OpenedBy {
    /// A click or Enter in the ticker: focus moves to the headline, a history entry is added.
    Reader,
    /// `element.select(id)` from the host page.
    Host,
    /// Back/Forward or a link with our fragment.
    History,
}

/// Fragments we write and read: `#news-reel/<article id>`.
const HASH_PREFIX: &str = "news-reel/";

const DEFAULT_SPEED_PX_PER_S: i64 = 60;
const DEFAULT_INTERVAL_MS: i64 = 5000;

/// Groups of subscriptions (listeners, observers, timers), dropped together.
mod group {
    /// On our own shadow root: they live as long as the element.
    pub const OWN: u32 = 0;
    /// On the page (document, window, media query, viewport): dropped on disconnect.
    pub const PAGE: u32 = 1;
    /// The source script's text: replaced when the source changes.
    pub const SOURCE: u32 = 2;
    /// The slide ticker's timer.
    pub const SLIDE: u32 = 3;
}

/// What element.js reports to `Widget::on`, with a value: a subscription
/// firing, a lifecycle callback of the element, or a call from the host page.
/// One export for all of them: each exported method costs a wrapper in the
/// wasm and one in the glue.
mod signal {
    pub const CLICK: u32 = 0;
    /// Pointer over or focus into the ticker.
    pub const HOLD: u32 = 1;
    pub const POINTER_LEAVE: u32 = 2;
    pub const FOCUS_OUT: u32 = 3;
    pub const MOTION_PREFERENCE: u32 = 4;
    pub const TAB_VISIBILITY: u32 = 5;
    /// Back, Forward or a new fragment.
    pub const HISTORY: u32 = 6;
    pub const DOM_READY: u32 = 7;
    /// The task that created the element is over: is there data yet?
    pub const TASK_OVER: u32 = 8;
    pub const SOURCE_CHANGED: u32 = 9;
    /// The ticker entered the viewport.
    pub const IN_VIEW: u32 = 10;
    pub const SLIDE_TICK: u32 = 11;
    pub const CONNECTED: u32 = 12;
    pub const DISCONNECTED: u32 = 13;
    /// An observed attribute changed (value: its name).
    pub const ATTRIBUTE_CHANGED: u32 = 14;
    /// `element.load(json)` (value: the JSON text, or undefined when the
    /// object given could not be serialised).
    pub const LOAD: u32 = 15;
    /// `element.select(id)` (value: the id); answers whether it opened.
    pub const SELECT: u32 = 16;
    pub const PLAY: u32 = 17;
    pub const PAUSE: u32 = 18;
    /// `next()`.
    pub const NEXT: u32 = 19;
    /// `element.paused`; answers a boolean.
    pub const PAUSED: u32 = 20;
    /// `element.articles`; answers an array.
    pub const ARTICLES: u32 = 21;
    /// `prev()`.
    pub const PREV: u32 = 22;
    /// The ticker left the viewport.
    pub const OUT_OF_VIEW: u32 = 23;
}

#[derive(Clone)]
pub struct Widget {
    inner: Rc<Inner>,
}

/// Every element's widget, by the number `createWidget` gave the element.
/// Two exported functions that take that number cost far less code than an
/// exported class (its wrapper, borrow checks and finaliser, in the wasm and
/// in the glue). Widgets are never removed, as with the class before: a
/// widget holds its element, so neither ever becomes garbage.
struct Widgets(RefCell<Vec<Widget>>);

// SAFETY: this module runs on one thread (wasm32 without atomics or shared
// memory), so the cell is never reached from two threads at once.
unsafe impl Sync for Widgets {}

static WIDGETS: Widgets = Widgets(RefCell::new(Vec::new()));

/// Makes the widget of an element (on its first callback) and returns its number.
#[wasm_bindgen(js_name = createWidget)]
pub fn create_widget(host: HtmlElement) -> u32 {
    let widget = Widget::new(host);
    let mut all = WIDGETS.0.borrow_mut();
    all.push(widget);
    all.len() as u32 - 1
}

/// Hands a callback to widget number `widget` (see `Widget::on`).
#[wasm_bindgen(js_name = widgetOn)]
pub fn widget_on(widget: u32, signal: u32, value: JsValue) -> JsValue {
    // Cloned out, so the list is not borrowed while the widget calls out to
    // JS: a host's event listener may create another widget meanwhile.
    let found = WIDGETS.0.borrow().get(widget as usize).cloned();
    match found {
        Some(widget) => widget.on(signal, value),
        None => JsValue::UNDEFINED,
    }
}

struct Inner {
    host: HtmlElement,
    doc: Document,
    /// Set once, never replaced: a reference to it may be held across calls out to JS.
    skeleton: OnceCell<Skeleton>,
    /// The JSON texts last read, kept so `max-items` can be applied again.
    sources: RefCell<Vec<String>>,
    data: RefCell<Option<Rc<NewsDocument>>>,
    selected: RefCell<Option<String>>,
    /// Data came from `load()`: reconnecting must not re-read the page.
    loaded_by_call: Cell<bool>,
    /// The reader pressed pause; motion stays stopped until they press play.
    user_paused: Cell<bool>,
    /// The reader pressed play (overrides reduced-motion's static list).
    user_played: Cell<bool>,
    /// Pointer over or focus inside the ticker.
    held: Cell<bool>,
    /// The ticker is scrolled out of view, or the tab is hidden.
    offscreen: Cell<bool>,
    tab_hidden: Cell<bool>,
    /// We added a history entry, so a fragment that is not ours means "back to the start".
    pushed_history: Cell<bool>,
    slide_index: Cell<usize>,
    /// Headlines carry slide-mode marks (`inert`, `aria-hidden`) to clear.
    slide_marked: Cell<bool>,
    slide_timer_on: Cell<bool>,
    /// The page-level subscriptions (group `PAGE`) are in place.
    listening: Cell<bool>,
}

// `on` returns no `Result`: that would cost a multi-value shim in the wasm
// and an unwrapping wrapper in the glue. A failure goes to `settle`, which
// reports it through the element's JS; the JS then stops calling this
// widget, exactly as for a thrown error or a trap.
// Bad data is no failure: it gives the error state and the widget goes on.
impl Widget {
    fn new(host: HtmlElement) -> Widget {
        let doc = b::owner_document(&host);
        Widget {
            inner: Rc::new(Inner {
                host,
                doc,
                skeleton: OnceCell::new(),
                sources: RefCell::new(Vec::new()),
                data: RefCell::new(None),
                selected: RefCell::new(None),
                loaded_by_call: Cell::new(false),
                user_paused: Cell::new(false),
                user_played: Cell::new(false),
                held: Cell::new(false),
                offscreen: Cell::new(false),
                tab_hidden: Cell::new(false),
                pushed_history: Cell::new(false),
                slide_index: Cell::new(0),
                slide_marked: Cell::new(false),
                slide_timer_on: Cell::new(false),
                listening: Cell::new(false),
            }),
        }
    }

    /// Something happened: `signal` says what, `value` is its event or
    /// argument. Calls that answer (`select`, `paused`, `articles`) return the
    /// answer; the others return undefined.
    pub fn on(&self, signal: u32, value: JsValue) -> JsValue {
        let inner = &self.inner;
        match signal {
            signal::CONNECTED => self.settle(inner.connect()),
            signal::DISCONNECTED => self.disconnected(),
            signal::ATTRIBUTE_CHANGED => self.attribute_changed(&value.as_string().unwrap_or_default()),
            signal::LOAD => self.settle(inner.load(value.as_string())),
            signal::SELECT => return JsValue::from_bool(inner.open(&value.as_string().unwrap_or_default(), OpenedBy::Host)),
            signal::PLAY => inner.set_playing(true),
            signal::PAUSE => inner.set_playing(false),
            signal::NEXT => inner.step_slide(1),
            signal::PREV => inner.step_slide(-1),
            signal::PAUSED => return JsValue::from_bool(inner.user_paused.get() || !inner.is_moving_mode()),
            signal::ARTICLES => return self.articles(),
            signal::CLICK => inner.on_click(value.unchecked_ref()),
            signal::HOLD => inner.held.set(true),
            signal::POINTER_LEAVE => inner.held.set(false),
            // Focus moving to another element inside the ticker is not leaving.
            signal::FOCUS_OUT if !inner.focus_stays_in_ticker(value.unchecked_ref()) => inner.held.set(false),
            signal::MOTION_PREFERENCE => inner.update_motion(),
            signal::TAB_VISIBILITY => {
                inner.tab_hidden.set(b::document_hidden());
                inner.update_motion();
            }
            signal::HISTORY => inner.follow_hash(),
            signal::DOM_READY => inner.read_page(),
            signal::TASK_OVER => inner.report_missing_data(),
            signal::SOURCE_CHANGED if !inner.loaded_by_call.get() => inner.reload_sources(),
            signal::IN_VIEW | signal::OUT_OF_VIEW => {
                inner.offscreen.set(signal == signal::OUT_OF_VIEW);
                inner.update_motion();
            }
            signal::SLIDE_TICK => inner.slide_tick(),
            _ => {}
        }
        JsValue::UNDEFINED
    }
}

impl Widget {
    /// Setting up the shadow root failed (another script attached a closed
    /// one first, say): the element's JS shows the error state and calls this
    /// widget no more.
    fn settle(&self, result: DomResult<()>) {
        if let Err(error) = result {
            b::fail_widget(&self.inner.host, &error);
        }
    }

    fn disconnected(&self) {
        // Page-level listeners, observers and timers go; our own shadow
        // listeners stay with the element and work again when it is re-inserted.
        let inner = &self.inner;
        b::unsubscribe(&inner.host, group::PAGE);
        b::unsubscribe(&inner.host, group::SOURCE);
        inner.listening.set(false);
        inner.stop_slide_timer();
    }

    fn attribute_changed(&self, name: &str) {
        let inner = &self.inner;
        if inner.skeleton().is_none() {
            return;
        }
        match name {
            "source" => inner.read_page(),
            "max-items" | "article" => inner.decode_and_show(),
            "mode" | "speed" | "interval" | "dir" => inner.update_motion(),
            _ => inner.rerender(),
        }
    }

    /// `element.articles`: id, headline, URL and date of each article.
    fn articles(&self) -> JsValue {
        let data = self.inner.data.borrow();
        let Some(doc) = data.as_ref() else { return js_sys::Array::new().into() };
        let list = js_sys::Array::new();
        let text_or_null = |s: Option<&str>| s.map_or(JsValue::NULL, JsValue::from_str);
        for a in doc.articles() {
            let date = a.date_published.map(|d| d.to_iso());
            list.push(&b::object(&[
                ("id", JsValue::from_str(&a.id)),
                ("headline", JsValue::from_str(&a.headline)),
                ("url", text_or_null(a.url.as_deref())),
                ("datePublished", text_or_null(date.as_deref())),
            ]));
        }
        list.into()
    }
}

impl Inner {
    fn connect(self: &Rc<Self>) -> DomResult<()> {
        self.ensure_skeleton()?;
        self.listen_to_page();
        let has_data = self.data.borrow().is_some();
        if !has_data && !self.loaded_by_call.get() {
            self.read_page();
        } else {
            self.update_motion();
        }
        Ok(())
    }

    fn load(self: &Rc<Self>, text: Option<String>) -> DomResult<()> {
        self.ensure_skeleton()?;
        self.loaded_by_call.set(true);
        match text {
            Some(text) => self.show_sources(vec![text]),
            None => self.fail("load() needs a JSON string or an object that JSON.stringify can serialise"),
        }
        Ok(())
    }

    fn skeleton(&self) -> Option<&Skeleton> {
        self.skeleton.get()
    }

    fn ensure_skeleton(self: &Rc<Self>) -> DomResult<()> {
        if self.skeleton().is_some() {
            return Ok(());
        }
        let shadow = b::open_shadow(&self.host, STYLES)?;
        // Empty until now (checked above), so the set cannot be refused.
        let _ = self.skeleton.set(render::skeleton(&shadow)?);
        let Some(sk) = self.skeleton() else { return Ok(()) };
        self.set_state("loading");

        // One delegated listener for every click inside the widget.
        let host = &self.host;
        b::listen(host, group::OWN, &shadow, "click", signal::CLICK);
        // Pointer over or focus inside the ticker holds the slide timer (CSS
        // holds the marquee by itself).
        for (kind, signal) in [
            ("pointerenter", signal::HOLD),
            ("pointerleave", signal::POINTER_LEAVE),
            ("focusin", signal::HOLD),
            ("focusout", signal::FOCUS_OUT),
        ] {
            b::listen(host, group::OWN, &sk.ticker, kind, signal);
        }
        Ok(())
    }

    /// Whether a `focusout` only moved focus to another element inside the ticker.
    fn focus_stays_in_ticker(&self, event: &Event) -> bool {
        self.skeleton().is_some_and(|sk| b::focus_moves_within(event, &sk.ticker))
    }

    fn listen_to_page(self: &Rc<Self>) {
        if self.listening.replace(true) {
            return;
        }
        let (host, page) = (&self.host, group::PAGE);
        // A reader who switches reduced motion on mid-visit gets the static list at once.
        if let Some(query) = b::motion_query() {
            b::listen(host, page, &query, "change", signal::MOTION_PREFERENCE);
        }
        b::listen(host, page, &self.doc, "visibilitychange", signal::TAB_VISIBILITY);
        // Back and Forward move between articles the reader opened.
        let window = b::page_window();
        b::listen(host, page, &window, "popstate", signal::HISTORY);
        b::listen(host, page, &window, "hashchange", signal::HISTORY);
        self.tab_hidden.set(b::document_hidden());
        if let Some(sk) = self.skeleton() {
            b::watch_visible(host, page, &sk.ticker, signal::IN_VIEW, signal::OUT_OF_VIEW);
        }
    }

    /// The article id named by the page's fragment (`#news-reel/<id>`), if any.
    fn hash_article(&self) -> Option<String> {
        b::location_hash().and_then(|h| h.strip_prefix(HASH_PREFIX).map(str::to_string))
    }

    /// Opens the article the fragment names (Back/Forward, or a shared link).
    fn follow_hash(self: &Rc<Self>) {
        let Some(doc) = self.data.borrow().clone() else { return };
        let current = self.selected.borrow().clone();
        let wanted = match self.hash_article().filter(|id| doc.find(id).is_some()) {
            Some(id) => id,
            // Back past the first article the reader opened: the initial one.
            None if self.pushed_history.get() => match doc.initial() {
                Some(a) => a.id.clone(),
                None => return,
            },
            None => return,
        };
        if current.as_deref() != Some(wanted.as_str()) {
            self.open(&wanted, OpenedBy::History);
        }
    }

    fn set_state(&self, state: &str) {
        b::set_attr(&self.host, "state", state)
    }

    /// Reads the JSON the host pointed us to, or embedded in us, or every
    /// JSON-LD block of the page.
    fn read_page(self: &Rc<Self>) {
        self.watch_source();
        match self.find_sources() {
            Ok(texts) => self.show_sources(texts),
            // The data may be further down a page still being parsed.
            Err(_) if b::document_loading() => {
                b::listen(&self.host, group::PAGE, &self.doc, "DOMContentLoaded", signal::DOM_READY);
            }
            // A script that creates the element, appends it and then calls
            // load() does so in one task: report missing data only if none
            // has arrived once that task is over.
            Err(_) => {
                b::after_this_task(&self.host, signal::TASK_OVER);
            }
        }
    }

    fn report_missing_data(self: &Rc<Self>) {
        if self.loaded_by_call.get() || self.data.borrow().is_some() {
            return;
        }
        match self.find_sources() {
            Ok(texts) => self.show_sources(texts),
            Err(message) => self.fail(&message),
        }
    }

    /// Keeps the JSON texts read (for `max-items` and `article` changes) and shows them.
    fn show_sources(self: &Rc<Self>, texts: Vec<String>) {
        *self.sources.borrow_mut() = texts;
        self.decode_and_show();
    }

    /// Re-reads the data when the host rewrites the source script (or the
    /// scripts inside the element), so a page can update the ticker in place.
    fn watch_source(&self) {
        let host = &self.host;
        b::unsubscribe(host, group::SOURCE);
        match b::attr(host, "source") {
            Some(selector) => {
                if let Ok(Some(source)) = b::query_document(&self.doc, &selector) {
                    b::watch_text(host, group::SOURCE, &source, signal::SOURCE_CHANGED);
                }
            }
            None => b::watch_text(host, group::SOURCE, host, signal::SOURCE_CHANGED),
        }
    }

    /// Reads the sources again and renders only if their text changed.
    fn reload_sources(self: &Rc<Self>) {
        match self.find_sources() {
            Ok(texts) if *self.sources.borrow() != texts => self.show_sources(texts),
            Ok(_) => {}
            Err(message) => self.fail(&message),
        }
    }

    fn find_sources(&self) -> Result<Vec<String>, String> {
        const JSON_TYPES: &str = "script[type='application/json' i], script[type='application/ld+json' i], script[type='application/feed+json' i]";
        if let Some(selector) = b::attr(&self.host, "source") {
            return match b::query_document(&self.doc, &selector) {
                Err(()) => Err(cat!("source \"", selector, "\" is not a valid selector")),
                Ok(None) => Err(cat!("source \"", selector, "\" matches no element on the page")),
                Ok(Some(element)) => Ok(vec![b::text_content(&element)]),
            };
        }
        let inline = b::texts(self.host.as_ref(), JSON_TYPES, Some(&self.host));
        if !inline.is_empty() {
            return Ok(inline);
        }
        let page = b::texts(self.doc.as_ref(), "script[type='application/ld+json' i]", None);
        if !page.is_empty() {
            return Ok(page);
        }
        Err("no JSON data found: give the element source=\"#id\" or put a <script type=\"application/json\"> inside it".into())
    }

    fn decode_options<'a>(&self, main_id: Option<&'a str>) -> DecodeOptions<'a> {
        let mut options = DecodeOptions { main_id, ..DecodeOptions::default() };
        if let Some(n) = self.attr_number("max-items", 1, 10_000) {
            options.max_items = n as usize;
        }
        options
    }

    /// A whole-number attribute, clamped to a sane range. A number with a
    /// fraction or exponent is cut to its whole part (`"60.5"` reads as 60);
    /// anything else is ignored. Read with the JSON number grammar, the one
    /// number reader in the wasm.
    fn attr_number(&self, name: &str, min: i64, max: i64) -> Option<i64> {
        let value = number_from_text(&b::attr(&self.host, name)?)?;
        Some((value as i64).clamp(min, max))
    }

    fn decode_and_show(self: &Rc<Self>) {
        let result = {
            let sources = self.sources.borrow();
            let main_id = b::attr(&self.host, "article");
            decode_blocks(&sources, self.decode_options(main_id.as_deref()))
        };
        match result {
            Ok(doc) => self.show(doc),
            Err(e) => self.fail(&e.message),
        }
    }

    fn render_options(&self) -> RenderOptions {
        let locale = b::inherited_attribute(&self.host, "lang")
            .or_else(|| self.data.borrow().as_ref().and_then(|d| d.language.clone()))
            .unwrap_or_default();
        RenderOptions {
            locale,
            heading_level: self.attr_number("heading-level", 1, 6).map_or(2, |n| n as u8),
            images: !b::attr(&self.host, "images").is_some_and(|v| v.trim().eq_ignore_ascii_case("none")),
            relative_dates: self.host.has_attribute("relative-dates"),
            link_target: b::attr(&self.host, "target").filter(|t| !t.is_empty()),
        }
    }

    fn show(self: &Rc<Self>, doc: NewsDocument) {
        let Some(sk) = self.skeleton() else { return };
        // Each warning is logged once and listed in the `newsreel:ready` event.
        let warnings = js_sys::Array::new();
        for w in &doc.warnings {
            let text = cat!(w);
            b::log_once(&text);
            warnings.push(&JsValue::from_str(&text));
        }
        // Keep the open article if the new data still has it; on first render,
        // a fragment naming one of our articles (a shared link) opens it.
        let keep = self.selected.borrow().clone().filter(|id| doc.find(id).is_some());
        let from_hash = || self.hash_article().filter(|id| doc.find(id).is_some());
        let selected = keep.or_else(from_hash).or_else(|| doc.initial().map(|a| a.id.clone()));
        let count = doc.found + usize::from(doc.main.as_ref().is_some_and(|m| !doc.latest.iter().any(|a| a.id == m.id)));
        *self.data.borrow_mut() = Some(Rc::new(doc));
        *self.selected.borrow_mut() = selected;
        self.rerender();
        b::set_flag(&sk.error, "hidden", true);
        b::set_flag(&sk.fallback, "hidden", true);
        self.set_state("ready");
        b::dispatch(
            &self.host,
            "newsreel:ready",
            &b::object(&[("count", JsValue::from(count as u32)), ("warnings", warnings.into())]),
        )
    }

    /// Renders the current data with the current attributes.
    fn rerender(self: &Rc<Self>) {
        let (Some(sk), Some(doc)) = (self.skeleton(), self.data.borrow().clone()) else { return };
        let options = self.render_options();
        let selected = self.selected.borrow().clone();
        let label = b::attr(&self.host, "label").filter(|l| !l.trim().is_empty());
        let label = label.or_else(|| doc.title.clone()).unwrap_or_else(|| "Latest news".into());
        b::set_text(&sk.label, &label);
        render::ticker_items(&self.doc, sk, &doc.latest, selected.as_deref(), &options);
        match selected.as_deref().and_then(|id| doc.find(id)) {
            Some(article) => render::article_view(sk, article, &options),
            None => b::set_flag(&sk.article, "hidden", true),
        }
        self.update_motion()
    }

    /// Shows an error; what was valid before stays on screen.
    fn fail(&self, message: &str) {
        let Some(sk) = self.skeleton() else { return };
        b::log_once(message);
        b::set_text(&sk.error, &cat!("The news could not be shown: ", message));
        b::set_flag(&sk.error, "hidden", false);
        // With nothing rendered, the host's fallback HTML stays visible.
        b::set_flag(&sk.fallback, "hidden", self.data.borrow().is_some());
        self.set_state("error");
        b::dispatch(&self.host, "newsreel:error", &b::object(&[("message", JsValue::from_str(message))]))
    }

    fn on_click(self: &Rc<Self>, event: &Event) {
        let Some(target) = b::event_element(event) else { return };
        if let Some(pick) = b::closest(&target, ".pick") {
            // A link (not a button) with a modified click.
            if pick.has_attribute("href") && b::is_modified_click(event) {
                return; // New tab or window: the browser's job.
            }
            event.prevent_default();
            if let Some(id) = b::attr(&pick, "data-id") {
                self.open(&id, OpenedBy::Reader);
            }
        } else if b::closest(&target, ".pause").is_some() {
            self.set_playing(!self.is_moving());
        } else if b::closest(&target, "[part=prev]").is_some() {
            self.step_slide(-1);
        } else if b::closest(&target, "[part=next]").is_some() {
            self.step_slide(1);
        }
    }

    /// Shows an article. A reader's choice moves focus to its headline and adds
    /// a history entry (unless the host set `history="off"`).
    fn open(self: &Rc<Self>, id: &str, by: OpenedBy) -> bool {
        let Some(sk) = self.skeleton() else { return false };
        let Some(doc) = self.data.borrow().clone() else { return false };
        let Some(article) = doc.find(id) else { return false };
        *self.selected.borrow_mut() = Some(article.id.clone());
        render::article_view(sk, article, &self.render_options());
        render::mark_selected(sk, &article.id);
        if by == OpenedBy::Reader {
            if let Some(headline) = b::query(&sk.article, "[part=headline]") {
                b::focus(&headline);
            }
            let wanted = cat!(HASH_PREFIX, article.id);
            if b::attr(&self.host, "history").as_deref() != Some("off") && b::location_hash().as_deref() != Some(wanted.as_str()) {
                // A page whose history refuses entries (a sandboxed frame)
                // still gets the article, without the entry.
                if b::push_hash(&wanted) {
                    self.pushed_history.set(true);
                }
            }
        }
        let url = article.url.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        b::dispatch(
            &self.host,
            "newsreel:select",
            &b::object(&[("id", JsValue::from_str(&article.id)), ("url", url)]),
        );
        true
    }

    /// The reader's (or the host's) play or pause. Play also overrides
    /// reduced motion's static list.
    fn set_playing(self: &Rc<Self>, play: bool) {
        self.user_paused.set(!play);
        if play {
            self.user_played.set(true);
        }
        self.update_motion();
    }

    fn configured_mode(&self) -> Mode {
        match b::attr(&self.host, "mode").as_deref().map(str::trim) {
            Some("slide") => Mode::Slide,
            Some("list") => Mode::List,
            _ => Mode::Marquee,
        }
    }

    /// The mode on screen: reduced motion shows the static list until the reader presses play.
    fn effective_mode(&self) -> Mode {
        let mode = self.configured_mode();
        if mode != Mode::List && b::prefers_reduced_motion() && !self.user_played.get() {
            Mode::List
        } else {
            mode
        }
    }

    fn is_moving_mode(&self) -> bool {
        self.effective_mode() != Mode::List
    }

    fn is_moving(&self) -> bool {
        self.is_moving_mode() && !self.user_paused.get()
    }

    fn is_rtl(&self) -> bool {
        b::inherited_attribute(&self.host, "dir").is_some_and(|d| d.eq_ignore_ascii_case("rtl"))
    }

    /// Applies mode, direction and play state to the ticker. Motion itself is
    /// CSS: nothing here runs per frame.
    fn update_motion(self: &Rc<Self>) {
        let Some(sk) = self.skeleton() else { return };
        let configured = self.configured_mode();
        let mode = self.effective_mode();
        let root = &sk.root;
        let moving = self.is_moving();
        let rtl = if self.is_rtl() { " rtl" } else { "" };
        let paused = if moving { "" } else { " paused" };
        let offscreen = if self.offscreen.get() || self.tab_hidden.get() { " offscreen" } else { "" };
        let mode_class = match mode {
            Mode::Marquee => "mode-marquee",
            Mode::Slide => "mode-slide",
            Mode::List => "mode-list",
        };
        b::set_attr(root, "class", &cat!("nr ", mode_class, rtl, paused, offscreen));
        // The control says what pressing it will do (WAI-ARIA carousel pattern).
        b::set_text(&sk.pause, if moving { "Pause" } else { "Play" });
        b::set_flag(&sk.pause, "hidden", configured == Mode::List);
        // In the static list live updates may be announced; never while moving.
        b::set_attr(&sk.items, "aria-live", if moving { "off" } else { "polite" });
        if mode == Mode::Marquee {
            let speed = self.attr_number("speed", 5, 1000).unwrap_or(DEFAULT_SPEED_PX_PER_S);
            // One read of layout per render: the width of one copy of the list.
            let width = i64::from(sk.items.scroll_width());
            let ms = if width > 0 { width * 1000 / speed } else { 8000 * i64::from(sk.items.child_element_count()) };
            // On the lane itself, not as an inherited custom property: a
            // variable would restyle every headline inside it a second time.
            b::set_style(&sk.lane, "animation-duration", &cat!(ms.max(2000), "ms"));
        }
        self.apply_slide(sk, mode == Mode::Slide);
        if mode == Mode::Slide && moving {
            self.start_slide_timer()
        } else {
            self.stop_slide_timer();
        }
    }

    /// Shows the current slide and makes the others unreachable. Outside
    /// slide mode it only clears those marks, once, when leaving it: the other
    /// modes need no walk over every headline.
    fn apply_slide(&self, sk: &Skeleton, on: bool) {
        if !on && !self.slide_marked.get() {
            return;
        }
        self.slide_marked.set(on);
        let items = b::query_all(&sk.items, ".item");
        let index = self.slide_index.get() % items.len().max(1);
        self.slide_index.set(index);
        if on {
            b::set_style(&sk.items, "--nr-index", &cat!(index));
        }
        for (i, item) in items.iter().enumerate() {
            let hide = on && i != index;
            b::set_flag(item, "inert", hide);
            b::set_flag(item, "aria-hidden", false);
            if hide {
                b::set_attr(item, "aria-hidden", "true");
            }
        }
    }

    fn step_slide(self: &Rc<Self>, delta: i32) {
        let Some(sk) = self.skeleton() else { return };
        let count = sk.items.child_element_count().max(1) as i64;
        let index = (self.slide_index.get() as i64 + i64::from(delta)).rem_euclid(count);
        self.slide_index.set(index as usize);
        self.apply_slide(sk, self.effective_mode() == Mode::Slide)
    }

    fn start_slide_timer(&self) {
        if self.slide_timer_on.replace(true) {
            return;
        }
        let interval = self.attr_number("interval", 1000, 600_000).unwrap_or(DEFAULT_INTERVAL_MS) as i32;
        b::every(&self.host, group::SLIDE, interval, signal::SLIDE_TICK);
    }

    fn slide_tick(self: &Rc<Self>) {
        let still = self.held.get() || self.offscreen.get() || self.tab_hidden.get();
        if !still && self.is_moving() {
            self.step_slide(1);
        }
    }

    fn stop_slide_timer(&self) {
        if self.slide_timer_on.replace(false) {
            b::unsubscribe(&self.host, group::SLIDE);
        }
    }
}

/// Defines the custom element under `tag_name`. Safe to call twice.
/// The entry module passes `createWidget` and `widgetOn` of the generated
/// bindings, which the element's own module cannot import.
#[wasm_bindgen(js_name = defineNewsReel)]
pub fn define_news_reel(tag_name: &str, create_widget: &js_sys::Function, widget_on: &js_sys::Function) -> bool {
    install_panic_hook();
    b::define_element(tag_name, create_widget, widget_on)
}

/// With std's runtime (the browser tests) a panic's message is logged before
/// the trap; the shipped build (`small-runtime`) has no message to log.
#[cfg(not(feature = "small-runtime"))]
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(std::boxed::Box::new(|info| b::log_once(&std::format!("internal error: {info}"))));
    });
}

#[cfg(feature = "small-runtime")]
fn install_panic_hook() {}
