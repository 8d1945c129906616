//! One `<news-reel>` element's state and behaviour.
//!
//! `element.js` defines the element class; each element makes a `Widget`
//! for itself and hands it every callback. The `#[wasm_bindgen] impl` below
//! holds only what JS calls; the logic is in the plain `impl`, here for the
//! lifecycle, the data and the article view, and in `feed` (feeds by URL and
//! their polling) and `motion` (modes, stillness and slides) for the rest.
//!
//! Every method takes `&self` (state lives in cells that are never borrowed
//! across a call out to JS), so a host listener that calls back into the
//! element while we dispatch an event is no "recursive use of an object".
//! A browser call that fails (a host page's hook that throws, a closed
//! shadow root) comes back as an error, and the widget shows its error state:
//! nothing is thrown into the page.

mod feed;
mod motion;

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Event, HtmlElement};

use super::bindings::{self as b, DomResult, Group, Signal};
use super::details;
use super::render::{self, RenderOptions, Skeleton};
use feed::Feeds;
use newsreel_core::contract::{Attribute, Change};
use newsreel_core::i18n::strings::{Language, Overrides};
use newsreel_core::model::{Article, NewsDocument};
use newsreel_core::view::changes::changes;
use newsreel_core::view::clicks::{click_action, ClickAction, Clicked};
use newsreel_core::view::config::Config;
use newsreel_core::view::programs::{SkeletonWords, View};
use newsreel_core::view::state::{self, ViewState};
use newsreel_core::view::STYLESHEET;
use newsreel_core::{decode_blocks, resolve_body};

/// Who asked to open an article: decides focus, history and events.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OpenedBy {
    /// A click or Enter in the ticker: focus moves to the headline, a history entry is added.
    Reader,
    /// `element.select(id)` from the host page.
    Host,
    /// Back/Forward or a link with our fragment.
    History,
    /// A widget made again for a re-inserted element, reopening what was open.
    Resume,
}

/// A link of ours that a click landed on.
enum LinkClicked {
    /// A ticker entry (`.pick`: a link, a button or a plain text).
    Headline(web_sys::Element),
    /// The article view's link to the article's page (part `link`).
    ArticleLink(web_sys::Element),
}

impl LinkClicked {
    fn element(&self) -> &web_sys::Element {
        match self {
            LinkClicked::Headline(element) | LinkClicked::ArticleLink(element) => element,
        }
    }
}

/// Fragments we write and read: `#news-reel/<article id>`.
const HASH_PREFIX: &str = "news-reel/";

/// One element's widget.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    doc: Document,
    /// Set once, never replaced: a reference to it may be held across calls out to JS.
    skeleton: OnceCell<Skeleton>,
    /// The texts last read, kept so `max-items` can be applied again and
    /// article bodies decoded when opened: the page's JSON texts, or the
    /// text of each feed of `src`, in its order (empty until it loads).
    sources: RefCell<Rc<Vec<String>>>,
    /// Set while the data comes from `src`.
    feeds: RefCell<Option<Feeds>>,
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
    /// The ticker is scrolled out of view.
    offscreen: Cell<bool>,
    tab_hidden: Cell<bool>,
    /// We added a history entry, so a fragment that is not ours means "back to the start".
    pushed_history: Cell<bool>,
    slide_index: Cell<usize>,
    /// Headlines carry slide-mode marks (`inert`, `aria-hidden`) to clear.
    slide_marked: Cell<bool>,
    slide_timer_on: Cell<bool>,
    /// Where a pointer went down on the headlines' box, until it goes up.
    swipe_start: Cell<Option<(f64, f64)>>,
    /// A swipe just ended: the click that may follow it opens nothing.
    swiped: Cell<bool>,
    /// The page-level subscriptions (group `Page`) are in place.
    listening: Cell<bool>,
    /// One copy of the marquee's list fit in its box when last measured.
    marquee_fits: Cell<bool>,
    /// The width of one copy of the marquee's list when last measured, in px.
    marquee_length: Cell<u32>,
    /// The shadow root came from the server (`crate::server`): the first
    /// render keeps what already shows the same news.
    adopted: Cell<bool>,
    /// What the host set with the `strings` property.
    overrides: RefCell<Overrides>,
    /// The widget's words for a language, with the overrides applied, and
    /// its direction: made again when the language or an override changes.
    strings: RefCell<Option<(String, Rc<Language>)>>,
}

/// What JS calls: the element's lifecycle, its public methods, and the
/// subscriptions' callbacks.
#[wasm_bindgen]
impl Widget {
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Widget {
        let doc = b::owner_document(&host);
        Widget {
            host,
            doc,
            skeleton: OnceCell::new(),
            sources: RefCell::default(),
            feeds: RefCell::new(None),
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
            swipe_start: Cell::new(None),
            swiped: Cell::new(false),
            listening: Cell::new(false),
            marquee_fits: Cell::new(false),
            marquee_length: Cell::new(0),
            adopted: Cell::new(false),
            overrides: RefCell::default(),
            strings: RefCell::new(None),
        }
    }

    pub fn connected(&self) {
        let result = self.connect();
        self.settle(result);
    }

    pub fn disconnected(&self) {
        // Page-level listeners, observers and timers go; our own shadow
        // listeners stay with the element and work again when it is re-inserted.
        b::unsubscribe(&self.host, Group::Page);
        b::unsubscribe(&self.host, Group::Source);
        // A request in flight is aborted and polling stops; reconnecting resumes it.
        self.stop_feed_requests();
        self.listening.set(false);
        self.stop_slide_timer();
    }

    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        if self.skeleton.get().is_none() {
            return;
        }
        // What each attribute's change asks for is the contract's.
        let result = match Attribute::from_name(name).and_then(|a| a.spec().change) {
            Some(Change::ReadPage) => self.read_page(),
            Some(Change::Poll) => self.schedule_polls(),
            Some(Change::Decode) => self.decode_and_show(),
            Some(Change::Motion) => self.update_motion(),
            Some(Change::Words) => {
                self.strings.take();
                self.rerender()
            }
            Some(Change::Render) | None => self.rerender(),
        };
        self.settle(result);
    }

    /// `element.load(json)`: the JSON text, or `None` when the object given
    /// could not be serialised.
    pub fn load(&self, text: Option<String>) {
        let result = self.ensure_skeleton().and_then(|()| {
            self.loaded_by_call.set(true);
            match text {
                Some(text) => self.show_sources(vec![text]),
                None => self.fail("load() needs a JSON string or an object that JSON.stringify can serialise"),
            }
        });
        self.settle(result);
    }

    /// `element.select(id)`: whether an article with that id was opened.
    pub fn select(&self, id: &str) -> bool {
        let result = self.open(id, OpenedBy::Host);
        self.settle_with(result, false)
    }

    /// Reopens an article without focus, history or event: the state a
    /// re-inserted element had before its widget was freed.
    pub fn reopen(&self, id: &str) {
        let result = self.open(id, OpenedBy::Resume);
        self.settle(result.map(drop));
    }

    /// The open article's id, kept by the element across a re-insertion.
    #[wasm_bindgen(getter, js_name = selectedId)]
    pub fn selected_id(&self) -> Option<String> {
        self.selected.borrow().clone()
    }

    pub fn play(&self) {
        let result = self.set_playing(true);
        self.settle(result);
    }

    pub fn pause(&self) {
        let result = self.set_playing(false);
        self.settle(result);
    }

    pub fn next(&self) {
        let result = self.step_slide(1);
        self.settle(result);
    }

    pub fn prev(&self) {
        let result = self.step_slide(-1);
        self.settle(result);
    }

    /// `element.strings = {...}`: the JSON of the texts to override (all of
    /// them again, not a change), or `None` for the built-in ones.
    #[wasm_bindgen(js_name = setStrings)]
    pub fn set_strings(&self, json: Option<String>) {
        let overrides = json.as_deref().map_or_else(|| Ok(Overrides::default()), Overrides::from_json);
        let result = match overrides {
            Ok(overrides) => {
                *self.overrides.borrow_mut() = overrides;
                self.strings.take();
                self.rerender()
            }
            // What was set before stays.
            Err(message) => {
                b::log_once(&message);
                Ok(())
            }
        };
        self.settle(result);
    }

    /// `element.strings`: the texts in use, in the widget's language.
    #[wasm_bindgen(getter)]
    pub fn strings(&self) -> JsValue {
        b::to_js(&self.words(&self.config()).strings)
    }

    #[wasm_bindgen(getter)]
    pub fn paused(&self) -> bool {
        self.user_paused.get() || !self.is_moving_mode()
    }

    /// `element.articles`: id, headline, URL and date of each article.
    #[wasm_bindgen(getter)]
    pub fn articles(&self) -> JsValue {
        let data = self.data.borrow();
        let list: Vec<details::ArticleSummary> =
            data.as_deref().map(|doc| doc.articles().into_iter().map(Into::into).collect()).unwrap_or_default();
        b::to_js(&list)
    }

    /// A subscription fired (see `bindings::Signal`); `value` is its event, if any.
    pub fn on(&self, signal: Signal, value: JsValue) {
        let result = match signal {
            Signal::Click => self.on_click(value.unchecked_ref()),
            Signal::AuxClick => self.on_aux_click(value.unchecked_ref()),
            Signal::Hold => {
                self.held.set(true);
                Ok(())
            }
            Signal::FocusIn => {
                self.held.set(true);
                self.keep_in_view(value.unchecked_ref())
            }
            Signal::PointerLeave => {
                self.held.set(false);
                Ok(())
            }
            Signal::FocusOut => {
                // Focus moving to another element inside the ticker is not leaving.
                if !self.focus_stays_in_ticker(value.unchecked_ref()) {
                    self.held.set(false);
                }
                Ok(())
            }
            Signal::MotionPreference => self.update_motion(),
            Signal::TabVisibility => {
                self.tab_hidden.set(b::document_hidden(&self.doc));
                self.update_motion().and_then(|()| self.catch_up_poll())
            }
            Signal::History => self.follow_hash(),
            Signal::DomReady => self.read_page(),
            Signal::TaskOver => self.report_missing_data(),
            Signal::SourceChanged if !self.loaded_by_call.get() => self.reload_sources(),
            Signal::SourceChanged => Ok(()),
            Signal::InView | Signal::OutOfView => {
                self.offscreen.set(signal == Signal::OutOfView);
                self.update_motion().and_then(|()| self.catch_up_poll())
            }
            Signal::SlideTick => self.slide_tick(),
            Signal::Fetched => self.on_fetched(&value),
            Signal::RefreshDue => self.poll_due(&value),
            Signal::NearView => self.near_view(),
            Signal::StoreRead => self.on_store_read(&value),
            Signal::StoreFailed => self.on_store_failed(&value),
            Signal::Resized => self.measure_marquee(),
            Signal::PointerDown => {
                self.pointer_down(value.unchecked_ref());
                Ok(())
            }
            Signal::PointerUp => self.pointer_up(value.unchecked_ref()),
            Signal::PointerCancel => {
                self.swipe_start.set(None);
                Ok(())
            }
            Signal::SwipeOver => {
                self.swiped.set(false);
                Ok(())
            }
        };
        self.settle(result);
    }
}

impl Widget {
    /// A browser call failed (a host page's DOM hook threw, say): the error
    /// state says so. What was valid stays on screen.
    fn settle(&self, result: DomResult<()>) {
        self.settle_with(result, ())
    }

    fn settle_with<T>(&self, result: DomResult<T>, otherwise: T) -> T {
        result.unwrap_or_else(|error| {
            let what = error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| error.as_string())
                .unwrap_or_else(|| "unknown error".into());
            let message = format!("the page refused a change to the widget ({what})");
            // The error state itself may be what the page refuses: then the
            // log (in `fail`) is all there is.
            let _ = self.fail(&message);
            otherwise
        })
    }

    fn connect(&self) -> DomResult<()> {
        self.ensure_skeleton()?;
        // Test builds only (make hooks): a bug, as far as the element can tell.
        #[cfg(feature = "test-hooks")]
        if self.host.has_attribute("test-panic") {
            panic!("a panic forced by the test hook");
        }
        self.listen_to_page();
        let has_data = self.data.borrow().is_some();
        if !has_data && !self.loaded_by_call.get() {
            self.read_page()
        } else {
            // Polling stopped with the disconnect; a first answer still
            // awaited is asked for again.
            self.resume_feeds()?;
            self.update_motion()
        }
    }

    fn skeleton(&self) -> Option<&Skeleton> {
        self.skeleton.get()
    }

    fn ensure_skeleton(&self) -> DomResult<()> {
        if self.skeleton().is_some() {
            return Ok(());
        }
        let shadow = b::open_shadow(&self.host, STYLESHEET)?;
        // Empty until now (checked above), so the set cannot be refused.
        let words = self.words(&self.config());
        let w = &words.strings;
        let first_words = SkeletonWords { label: &w.label, pause: &w.pause, prev: &w.prev, next: &w.next };
        // Server-rendered: its nodes are taken over as they are.
        let server_rendered = if self.host.has_attribute("server-rendered") { render::adopt(&shadow) } else { None };
        self.adopted.set(server_rendered.is_some());
        let skeleton = match server_rendered {
            Some(skeleton) => skeleton,
            None => render::skeleton(&shadow, &first_words)?,
        };
        let _ = self.skeleton.set(skeleton);
        let Some(sk) = self.skeleton() else { return Ok(()) };
        if self.adopted.get() {
            // Taken over: the styles for the time before the script ran no longer apply.
            b::remove_attr(&self.host, "server-rendered")?;
        } else {
            self.set_state("loading")?;
        }

        // One delegated listener for every click inside the widget.
        let host = &self.host;
        b::listen(host, Group::Own, &shadow, "click", Signal::Click);
        // The middle button's click on a link (a new tab) is an `auxclick`.
        b::listen(host, Group::Own, &shadow, "auxclick", Signal::AuxClick);
        // Pointer over or focus inside the ticker holds the steps' timer (CSS
        // holds the marquee by itself); a focused headline is brought into view.
        for (kind, signal) in [
            ("pointerenter", Signal::Hold),
            ("pointerleave", Signal::PointerLeave),
            ("focusin", Signal::FocusIn),
            ("focusout", Signal::FocusOut),
        ] {
            b::listen(host, Group::Own, &sk.ticker, kind, signal);
        }
        // A swipe over the headlines steps a slide.
        if let Some(viewport) = sk.lane.parent_element() {
            for (kind, signal) in [
                ("pointerdown", Signal::PointerDown),
                ("pointerup", Signal::PointerUp),
                ("pointercancel", Signal::PointerCancel),
            ] {
                b::listen(host, Group::Own, &viewport, kind, signal);
            }
        }
        Ok(())
    }

    /// Whether a `focusout` only moved focus to another element inside the ticker.
    fn focus_stays_in_ticker(&self, event: &Event) -> bool {
        self.skeleton().is_some_and(|sk| b::focus_moves_within(event, &sk.ticker))
    }

    fn listen_to_page(&self) {
        if self.listening.replace(true) {
            return;
        }
        let host = &self.host;
        // A reader who switches reduced motion on mid-visit gets the static list at once.
        if let Some(query) = b::motion_query() {
            b::listen(host, Group::Page, &query, "change", Signal::MotionPreference);
        }
        b::listen(host, Group::Page, &self.doc, "visibilitychange", Signal::TabVisibility);
        // Back and Forward move between articles the reader opened.
        if let Some(window) = b::window() {
            b::listen(host, Group::Page, &window, "popstate", Signal::History);
            b::listen(host, Group::Page, &window, "hashchange", Signal::History);
        }
        self.tab_hidden.set(b::document_hidden(&self.doc));
        if let Some(sk) = self.skeleton() {
            b::watch_visible(host, Group::Page, &sk.ticker, Signal::InView, Signal::OutOfView);
            // The marquee's length and whether it fits, measured after layout:
            // new headlines change the list's size, a narrower page the box's.
            if let Some(viewport) = sk.lane.parent_element() {
                b::watch_size(host, Group::Page, &sk.items, &viewport, Signal::Resized);
            }
        }
    }

    /// The article id named by the page's fragment (`#news-reel/<id>`), if any.
    fn hash_article(&self) -> Option<String> {
        b::location_hash().and_then(|h| h.strip_prefix(HASH_PREFIX).map(str::to_string))
    }

    /// Opens the article the fragment names (Back/Forward, or a shared link).
    fn follow_hash(&self) -> DomResult<()> {
        let Some(doc) = self.data.borrow().clone() else { return Ok(()) };
        let wanted = match self.hash_article().filter(|id| doc.find(id).is_some()) {
            Some(id) => id,
            // Back past the first article the reader opened: the initial one.
            None if self.pushed_history.get() => match doc.initial() {
                Some(a) => a.id.clone(),
                None => return Ok(()),
            },
            None => return Ok(()),
        };
        if self.selected.borrow().as_deref() != Some(wanted.as_str()) {
            self.open(&wanted, OpenedBy::History)?;
        }
        Ok(())
    }

    fn set_state(&self, state: &str) -> DomResult<()> {
        b::set_attr(&self.host, "state", state)
    }

    /// Reads the JSON the host pointed us to, or embedded in us, or every
    /// JSON-LD block of the page.
    fn read_page(&self) -> DomResult<()> {
        if let Some(src) = b::attr(&self.host, "src") {
            b::unsubscribe(&self.host, Group::Source);
            return self.start_feeds(&src);
        }
        self.stop_feed_requests();
        *self.feeds.borrow_mut() = None;
        self.watch_source();
        match self.find_sources() {
            Ok(texts) => self.show_sources(texts),
            // The data may be further down a page still being parsed.
            Err(_) if b::document_loading(&self.doc) => {
                b::listen(&self.host, Group::Page, &self.doc, "DOMContentLoaded", Signal::DomReady);
                Ok(())
            }
            // A script that creates the element, appends it and then calls
            // load() does so in one task: report missing data only if none
            // has arrived once that task is over.
            Err(_) => {
                b::after_this_task(&self.host, Signal::TaskOver);
                Ok(())
            }
        }
    }

    fn report_missing_data(&self) -> DomResult<()> {
        if self.loaded_by_call.get() || self.data.borrow().is_some() {
            return Ok(());
        }
        match self.find_sources() {
            Ok(texts) => self.show_sources(texts),
            Err(message) => self.fail(&message),
        }
    }

    /// Keeps the texts read (for `max-items` and `article` changes, and the
    /// bodies opened later) and shows them.
    fn show_sources(&self, texts: Vec<String>) -> DomResult<()> {
        *self.sources.borrow_mut() = Rc::new(texts);
        self.decode_and_show()
    }

    /// Re-reads the data when the host rewrites the source script (or the
    /// scripts inside the element), so a page can update the ticker in place.
    fn watch_source(&self) {
        let host = &self.host;
        b::unsubscribe(host, Group::Source);
        match b::attr(host, "source") {
            Some(selector) => {
                if let Ok(Some(source)) = b::query(&self.doc, &selector) {
                    b::watch_text(host, Group::Source, &source, Signal::SourceChanged);
                }
            }
            None => b::watch_text(host, Group::Source, host, Signal::SourceChanged),
        }
    }

    /// Reads the sources again and renders only if their text changed.
    fn reload_sources(&self) -> DomResult<()> {
        match self.find_sources() {
            Ok(texts) if **self.sources.borrow() != texts => self.show_sources(texts),
            Ok(_) => Ok(()),
            Err(message) => self.fail(&message),
        }
    }

    fn find_sources(&self) -> Result<Vec<String>, String> {
        const JSON_TYPES: &str = "script[type='application/json' i], script[type='application/ld+json' i], script[type='application/feed+json' i]";
        if let Some(selector) = b::attr(&self.host, "source") {
            return match b::query(&self.doc, &selector) {
                Err(_) => Err(format!("source \"{selector}\" is not a valid selector")),
                Ok(None) => Err(format!("source \"{selector}\" matches no element on the page")),
                Ok(Some(element)) => Ok(vec![b::text_content(&element)]),
            };
        }
        let host: &web_sys::Element = &self.host;
        let inline: Vec<String> = b::query_all(host, JSON_TYPES)
            .iter()
            .filter(|script| script.parent_element().as_ref() == Some(host))
            .map(|script| b::text_content(script))
            .collect();
        if !inline.is_empty() {
            return Ok(inline);
        }
        let page: Vec<String> = b::query_all(&self.doc, "script[type='application/ld+json' i]")
            .iter()
            .map(|s| b::text_content(s))
            .collect();
        if !page.is_empty() {
            return Ok(page);
        }
        Err("no JSON data found: give the element source=\"#id\" or put a <script type=\"application/json\"> inside it"
            .into())
    }

    /// The page's attributes, read by the contract's rules. Read afresh
    /// each time: `lang` and `dir` may change on an ancestor, unobserved.
    pub(super) fn config(&self) -> Config {
        Config::read(|attribute| {
            let name = attribute.name();
            if attribute.spec().inherited {
                b::inherited_attr(&self.host, name)
            } else {
                b::attr(&self.host, name)
            }
        })
    }

    fn decode_and_show(&self) -> DomResult<()> {
        if self.feeds.borrow().is_some() {
            return self.decode_feeds();
        }
        let result = {
            let config = self.config();
            let tags = config.tag_lists(b::lowercase);
            let options = config.decode_options(&tags, b::lowercase, None);
            // As `&str`s, as a feed's text is decoded: one copy of the decoder in the wasm.
            let sources = self.sources.borrow();
            let texts: Vec<&str> = sources.iter().map(String::as_str).collect();
            decode_blocks(&texts, options)
        };
        match result {
            Ok(doc) => self.show(doc),
            Err(e) => self.fail(&e.to_string()),
        }
    }

    /// The data's language, which the widget's follows when no `lang` says
    /// otherwise (`Config::locale`).
    fn data_language(&self) -> Option<String> {
        self.data.borrow().as_ref().and_then(|d| d.language.clone())
    }

    /// Our words in the widget's language, the host's overrides applied
    /// (`view::state::words`), kept until the language or an override changes.
    pub(super) fn words(&self, config: &Config) -> Rc<Language> {
        let data_language = self.data_language();
        let locale = config.locale(data_language.as_deref());
        if let Some((cached, words)) = &*self.strings.borrow() {
            if *cached == locale {
                return Rc::clone(words);
            }
        }
        let words = Rc::new(state::words(config, data_language.as_deref(), &self.overrides.borrow()));
        b::set_failure_lead(&self.host, &words.strings.not_shown);
        *self.strings.borrow_mut() = Some((locale, Rc::clone(&words)));
        words
    }

    /// The view state for the data and the attributes (`view::state`).
    fn view_state<'d>(&self, doc: &'d NewsDocument, config: &Config) -> ViewState<'d> {
        let selected = self.selected.borrow();
        let words = self.words(config);
        ViewState::new(doc, selected.as_deref(), config, &words, &self.overrides.borrow(), &self.environment())
    }

    fn show(&self, doc: NewsDocument) -> DomResult<()> {
        let Some(sk) = self.skeleton() else { return Ok(()) };
        // Each warning is logged once and listed in the `newsreel:ready` event.
        let warnings: Vec<String> = doc.warnings.iter().map(ToString::to_string).collect();
        for w in &warnings {
            b::log_once(w);
        }
        // Keep the open article if the new data still has it; on first render,
        // a fragment naming one of our articles (a shared link) opens it.
        let selected = state::selection(&doc, self.selected.borrow().as_deref(), self.hash_article().as_deref());
        let main_only = doc.main.as_ref().is_some_and(|m| !doc.latest.iter().any(|a| a.id == m.id));
        let count = doc.found + usize::from(main_only);
        let shown_count = doc.latest.len();
        let refreshing = self.feeds.borrow_mut().as_mut().is_some_and(|f| std::mem::take(&mut f.refreshing));
        // What the ticker showed, to tell what a refresh changed.
        let shown = |d: &NewsDocument| -> Vec<(String, String)> {
            d.latest.iter().map(|a| (a.id.clone(), a.headline.clone())).collect()
        };
        let before = self.data.borrow().as_deref().map(shown).unwrap_or_default();
        let after = shown(&doc);
        let ids = |list: &[(String, String)]| -> Vec<String> { list.iter().map(|(id, _)| id.clone()).collect() };
        let (before_ids, after_ids) = (ids(&before), ids(&after));
        let (added, removed) = changes(&before_ids, &after_ids);
        let changed = before != after;
        // Focus on a headline survives the ticker being rebuilt.
        let focused = if refreshing { b::focused_pick(&sk.items) } else { None };
        *self.data.borrow_mut() = Some(Rc::new(doc));
        *self.selected.borrow_mut() = selected;
        self.render(if refreshing { &added } else { &[] })?;
        if let Some(id) = focused {
            b::focus_pick(&sk.items, &id)?;
        }
        b::set_flag(&sk.error, "hidden", true)?;
        b::set_flag(&sk.fallback, "hidden", true)?;
        self.set_state("ready")?;
        if self.feeds.borrow().is_some() {
            // Loaded by `src`: stale while a feed on screen could not be refreshed.
            self.show_staleness()?;
        }
        if refreshing {
            if !changed {
                return Ok(());
            }
            // A moving ticker shows its new headlines; a still one says so once.
            if !added.is_empty() && !self.is_moving() {
                let n = added.len();
                let config = self.config();
                let category = b::plural_category(&config.locale(self.data_language().as_deref()), n as u32);
                b::set_text(&sk.announce, &self.words(&config).strings.new_headlines(n, &category));
            }
            return b::dispatch(&self.host, "newsreel:update", &b::to_js(&details::Update { count, added, removed }));
        }
        b::dispatch(&self.host, "newsreel:ready", &b::to_js(&details::Ready { count, shown: shown_count, warnings }))
    }
    /// Renders the current data with the current attributes.
    fn rerender(&self) -> DomResult<()> {
        self.render(&[])
    }

    /// The same, marking the `fresh` headlines (those a refresh brought) new.
    fn render(&self, fresh: &[String]) -> DomResult<()> {
        let (Some(sk), Some(doc)) = (self.skeleton(), self.data.borrow().clone()) else { return Ok(()) };
        let config = self.config();
        let view = self.view_state(&doc, &config);
        b::set_text(&sk.label, &view.label);
        b::set_attr(&sk.prev, "aria-label", &view.prev_label)?;
        b::set_attr(&sk.next, "aria-label", &view.next_label)?;
        // Taking over the server's nodes: those that show the same news stay.
        let adopting = self.adopted.replace(false);
        if !(adopting && render::ticker_matches(sk, &doc.latest, &view.options)?) {
            render::ticker_items(&self.doc, sk, &doc.latest, view.current, fresh, &view.options)?;
        }
        b::set_flag(&sk.ticker, "hidden", view.ticker_hidden)?;
        match view.article {
            Some(article) if adopting && render::article_matches(sk, article, &view.options)? => {}
            Some(article) => self.show_article(sk, article, &view.options)?,
            None => b::set_flag(&sk.article, "hidden", true)?,
        }
        self.update_motion()
    }

    /// Fills the article view, decoding the article's body from the sources.
    fn show_article(&self, sk: &Skeleton, article: &Article, options: &RenderOptions) -> DomResult<()> {
        let sources = Rc::clone(&self.sources.borrow());
        let body = resolve_body(&article.body, &sources);
        render::article_view(sk, article, &body, options)
    }

    /// Shows an error; what was valid before stays on screen. Without a
    /// skeleton (the shadow root could not be set up) the element's `state`
    /// and the event still say so.
    fn fail(&self, message: &str) -> DomResult<()> {
        self.fail_with(message, message, None, None)
    }

    /// The same, with the HTTP status and URL of a feed from `src` for the
    /// event. `message` is for the console and the event; `shown`, the same
    /// with its first words in the reader's language, for the error state.
    fn fail_with(&self, message: &str, shown: &str, status: Option<u16>, url: Option<&str>) -> DomResult<()> {
        b::log_once(message);
        let words = self.words(&self.config());
        let detail = b::to_js(&details::Error { message, status, url });
        // With nothing rendered, the host's fallback HTML stays visible.
        let fallback = self.data.borrow().is_none();
        b::show_error(&self.host, &words.strings.not_shown, shown, &detail, fallback);
        Ok(())
    }

    fn on_click(&self, event: &Event) -> DomResult<()> {
        let Some(target) = b::event_element(event) else { return Ok(()) };
        if self.swiped.get() {
            // The click a mouse's swipe ends with: the swipe was the gesture.
            b::prevent_default(event);
            return Ok(());
        }
        if let Some(link) = self.link_clicked(&target) {
            self.on_link_click(event, &link)
        } else if b::closest(&target, ".pause").is_some() {
            self.set_playing(!self.is_moving())
        } else if b::closest(&target, "[part=prev]").is_some() {
            self.step_slide(-1)
        } else if b::closest(&target, "[part=next]").is_some() {
            self.step_slide(1)
        } else {
            Ok(())
        }
    }

    /// A click of another button: only a link cares (the middle button's new tab).
    fn on_aux_click(&self, event: &Event) -> DomResult<()> {
        match b::event_element(event).and_then(|target| self.link_clicked(&target)) {
            Some(link) => self.on_link_click(event, &link),
            None => Ok(()),
        }
    }

    /// The ticker entry or the article view's link that a click landed on.
    fn link_clicked(&self, target: &web_sys::Element) -> Option<LinkClicked> {
        if let Some(pick) = b::closest(target, ".pick") {
            return Some(LinkClicked::Headline(pick));
        }
        let sk = self.skeleton()?;
        b::closest(target, "a[part~=link]").filter(|link| sk.article.contains(Some(link))).map(LinkClicked::ArticleLink)
    }

    /// A click on a ticker entry or the article's link: what it does is the
    /// core's (`view::clicks`): open the article in the view, follow the
    /// link out after `newsreel:navigate`, or leave it to the browser.
    fn on_link_click(&self, event: &Event, link: &LinkClicked) -> DomResult<()> {
        // A click a page makes of `new Event("click")` is no mouse's: a plain one.
        let click = b::click_of(event).unwrap_or_default();
        let Some(doc) = self.data.borrow().clone() else { return Ok(()) };
        let id = match link {
            LinkClicked::Headline(pick) => b::attr(pick, "data-id"),
            LinkClicked::ArticleLink(_) => self.selected.borrow().clone(),
        };
        let Some(article) = id.as_deref().and_then(|id| doc.find(id)) else { return Ok(()) };
        let clicked = match link {
            LinkClicked::Headline(_) => Clicked::Headline(article),
            LinkClicked::ArticleLink(_) => Clicked::ArticleLink(article),
        };
        let config = self.config();
        let options = state::render_options(&config, &self.words(&config), doc.language.as_deref());
        match click_action(clicked, click, &options) {
            ClickAction::Ignore => Ok(()),
            ClickAction::OpenInView => {
                b::prevent_default(event);
                self.open(&article.id, OpenedBy::Reader).map(drop)
            }
            ClickAction::Navigate { id, cancelable } => {
                // The link as written: no URL, nothing followed, nothing said.
                let Some(url) = b::link_url(link.element()) else { return Ok(()) };
                let detail = b::to_js(&details::Navigate { id, url: &url });
                // Fired before the browser follows the link; a host that
                // cancels it keeps the page where it is.
                if !b::dispatch_cancelable(&self.host, "newsreel:navigate", &detail, cancelable)? {
                    b::prevent_default(event);
                }
                Ok(())
            }
        }
    }

    /// Shows an article. A reader's choice moves focus to its headline and adds
    /// a history entry (unless the host set `history="off"`).
    fn open(&self, id: &str, by: OpenedBy) -> DomResult<bool> {
        let Some(sk) = self.skeleton() else { return Ok(false) };
        // `view="ticker"` has no article view to open anything in.
        let config = self.config();
        if config.view == View::Ticker {
            return Ok(false);
        }
        let Some(doc) = self.data.borrow().clone() else { return Ok(false) };
        let Some(article) = doc.find(id) else { return Ok(false) };
        *self.selected.borrow_mut() = Some(article.id.clone());
        let words = self.words(&config);
        self.show_article(sk, article, &state::render_options(&config, &words, doc.language.as_deref()))?;
        render::mark_selected(sk, &article.id)?;
        if by == OpenedBy::Resume {
            return Ok(true);
        }
        if by == OpenedBy::Reader {
            if let Some(headline) = b::query(&sk.article, "[part=headline]")? {
                b::focus(&headline)?;
            }
            let wanted = format!("{HASH_PREFIX}{}", article.id);
            if config.history && b::location_hash().as_deref() != Some(wanted.as_str()) {
                // A page whose history refuses entries (a sandboxed frame)
                // still gets the article, without the entry.
                if b::push_hash(&wanted).is_ok() {
                    self.pushed_history.set(true);
                }
            }
        }
        let detail = details::Select { id: &article.id, url: article.url.as_deref() };
        b::dispatch(&self.host, "newsreel:select", &b::to_js(&detail))?;
        Ok(true)
    }
}

/// Defines the custom element under `tag_name`; false when the name is taken.
///
/// `runtime` is what the element needs of the generated bindings, which its
/// own module cannot import: `create(host)` makes a widget, and `reset()`
/// (absent in the browser tests) replaces a wasm instance that trapped.
#[wasm_bindgen(js_name = defineNewsReel)]
pub fn define_news_reel(tag_name: &str, runtime: &JsValue) -> bool {
    b::define_element(tag_name, runtime)
}

/// Runs when the module starts, and again in each fresh instance after a
/// reset: a panic's message goes to the element that was running, which
/// shows it in that widget's error state.
#[wasm_bindgen(start, private)]
fn start() {
    std::panic::set_hook(Box::new(|info| b::note_panic(&format!("internal error: {info}"))));
}
