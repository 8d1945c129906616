//! Feeds by URL: the feeds `src` names (one, or several merged into one
//! ticker), each fetched (now, or with `loading="lazy"` once near the
//! viewport), polled by `refresh` with conditional requests and backed off
//! after failures on its own, paused while nobody can see the ticker. A
//! failure keeps the last good news on screen, marked `stale`; a feed that
//! fails beside others that load is a warning.
//!
//! Each feed's text is `sources[i]`, its place among `src`'s URLs (where its
//! deferred bodies are read from); its document is decoded alone, with its
//! own URL for its relative links, and the documents are merged by the core
//! (`formats::merge`).
//!
//! With `persist`, each feed's last good copy is kept in the browser
//! (element.js, the Cache API); on the next visit a copy young enough shows
//! at once, `stale` until the server confirms or replaces it. What a copy
//! found means is the core's (`input::persist`).

use std::rc::Rc;

use wasm_bindgen::JsValue;

use super::Widget;
use crate::bindings::{self as b, DomResult, Group, Signal};
use crate::details;
use newsreel_core::formats::feeds;
use newsreel_core::formats::merge::{merge, Part};
use newsreel_core::i18n::strings::Strings;
use newsreel_core::input::fetch::{self, FetchOutcome, LoadFailure};
use newsreel_core::input::json::MAX_INPUT_BYTES;
use newsreel_core::input::persist::{self, Decision, Lookup, Stored};
use newsreel_core::input::sniff::{self, Content};
use newsreel_core::input::xml;
use newsreel_core::model::{warn, NewsDocument};
use newsreel_core::{decode_blocks, DecodeError, DecodeOptions};

/// Why a feed shows nothing new.
enum Failed {
    /// A request that brought no feed, or a response that is none: with the
    /// HTTP status when one came.
    Load(LoadFailure, Option<u16>),
    /// A URL that is never fetched (`fetch::check_src`'s message).
    Refused(String),
}

impl Failed {
    /// For the console and the events, in English.
    fn message(&self) -> String {
        match self {
            Failed::Load(failure, _) => failure.to_string(),
            Failed::Refused(message) => message.clone(),
        }
    }

    /// For the reader: the same, its first words in the widget's language.
    fn shown(&self, words: &Strings) -> String {
        match self {
            Failed::Load(failure, _) => format!("{}: {}", words.not_loaded(&failure.url), failure.reason),
            Failed::Refused(message) => message.clone(),
        }
    }

    fn status(&self) -> Option<u16> {
        match self {
            Failed::Load(_, status) => *status,
            Failed::Refused(_) => None,
        }
    }
}

/// One feed of `src`, and where its polling stands.
#[derive(Default)]
struct Feed {
    /// The URL as the attribute gives it (checked), for requests and messages.
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    /// Failures in a row, for the back-off.
    failures: u32,
    /// A poll fell due while the tab was hidden or the widget off screen.
    due: bool,
    /// Its first answer since `src` was read is awaited: the widget shows
    /// the feeds once each has answered or failed.
    pending: bool,
    /// Where the last good response came from (after redirects): what
    /// relative links in the feed are read against.
    document_url: Option<String>,
    /// Its text (`sources[i]`) is XML, and its tree once parsed.
    xml: bool,
    tree: Option<Rc<xml::Element>>,
    /// Its document, from the last good text.
    doc: Option<Rc<NewsDocument>>,
    /// Why the last try failed, until one succeeds.
    failed: Option<Failed>,
    /// `persist`: its kept copy was looked up.
    store_checked: bool,
    /// When this page last stored its copy, or confirmed it (after a 304).
    kept_at: Option<f64>,
    /// Its document is the kept copy, not confirmed by the server yet.
    unconfirmed: bool,
}

impl Feed {
    fn fetched(&self) -> bool {
        !matches!(self.failed, Some(Failed::Refused(_)))
    }
}

/// The feeds loaded by `src`.
pub(super) struct Feeds {
    list: Vec<Feed>,
    /// The warning about the URLs past `fetch::MAX_FEEDS`.
    ignored: Option<String>,
    /// `loading="lazy"`: waiting for the widget to come near the viewport.
    waiting_for_view: bool,
    /// The response being shown is a refresh of data already on screen.
    pub(super) refreshing: bool,
    /// `persist`: the storage failed, and this warning says so.
    storage_warning: Option<String>,
}

impl Widget {
    /// Aborts every request for `src` in flight and drops the poll timers.
    pub(super) fn stop_feed_requests(&self) {
        b::unsubscribe(&self.host, Group::Feed);
        b::unsubscribe(&self.host, Group::Poll);
    }

    /// `src` was set (or the element connected with it): reads its URLs and
    /// fetches them, now or, with `loading="lazy"`, once the widget is near
    /// the viewport. A URL still named keeps its validators and its data;
    /// validators of another URL are not sent.
    pub(super) fn start_feeds(&self, src: &str) -> DomResult<()> {
        self.stop_feed_requests();
        let named = match fetch::split_src(src) {
            // One URL that is refused is the error, as it always was.
            Ok(named) if !matches!(named.feeds.as_slice(), [Err(_)]) => named,
            Ok(named) => {
                *self.feeds.borrow_mut() = None;
                let message = named.feeds.into_iter().find_map(Result::err).unwrap_or_default();
                return self.fail(&message);
            }
            Err(message) => {
                *self.feeds.borrow_mut() = None;
                return self.fail(&message);
            }
        };
        let lazy = self.config().lazy;
        let has_data = self.data.borrow().is_some();
        let ignored = named.ignored_warning();
        {
            let mut old = self.feeds.borrow_mut().take().map(|f| f.list).unwrap_or_default();
            let mut old_texts = std::mem::take(&mut *self.sources.borrow_mut());
            let old_texts = Rc::make_mut(&mut old_texts);
            let mut texts = Vec::with_capacity(named.feeds.len());
            let mut list = Vec::with_capacity(named.feeds.len());
            for checked in named.feeds {
                let (feed, text) = match checked {
                    Ok(url) => match old.iter().position(|f| f.fetched() && f.url == url) {
                        Some(k) => {
                            let mut feed = std::mem::take(&mut old[k]);
                            feed.url = url;
                            (feed, old_texts.get_mut(k).map(std::mem::take).unwrap_or_default())
                        }
                        None => (Feed { url, ..Feed::default() }, String::new()),
                    },
                    Err(message) => (Feed { failed: Some(Failed::Refused(message)), ..Feed::default() }, String::new()),
                };
                texts.push(text);
                list.push(Feed { pending: feed.fetched(), due: false, ..feed });
            }
            *self.sources.borrow_mut() = Rc::new(texts);
            *self.feeds.borrow_mut() = Some(Feeds {
                list,
                ignored,
                waiting_for_view: lazy && !has_data,
                refreshing: false,
                storage_warning: None,
            });
        }
        if lazy && !has_data {
            // As `<img loading=lazy>`: when the element comes near the viewport.
            b::watch_near(&self.host, Group::Page, &self.host, Signal::NearView);
        } else {
            self.fetch_pending();
        }
        // Every URL refused: nothing to wait for.
        self.settle_feeds()
    }

    /// A lazy widget came near the viewport: its first load starts.
    pub(super) fn near_view(&self) -> DomResult<()> {
        let go = self.feeds.borrow_mut().as_mut().is_some_and(|f| std::mem::replace(&mut f.waiting_for_view, false));
        if go {
            self.fetch_pending();
        }
        Ok(())
    }

    /// The element connected again with its data: the feeds whose first
    /// answer was aborted are asked again, the others polled.
    pub(super) fn resume_feeds(&self) -> DomResult<()> {
        let pending: Vec<bool> = match &*self.feeds.borrow() {
            Some(feeds) if !feeds.waiting_for_view => feeds.list.iter().map(|f| f.pending).collect(),
            _ => return Ok(()),
        };
        for (i, pending) in pending.into_iter().enumerate() {
            if pending {
                self.request(i);
            } else {
                self.schedule_poll(i)?;
            }
        }
        Ok(())
    }

    fn fetch_pending(&self) {
        let pending: Vec<usize> = match &*self.feeds.borrow() {
            Some(feeds) => feeds.list.iter().enumerate().filter(|(_, f)| f.pending).map(|(i, _)| i).collect(),
            None => return,
        };
        for i in pending {
            self.request(i);
        }
    }

    /// Starts feed `i`'s first load: with `persist`, from its kept copy
    /// (looked up once), else from the network.
    fn request(&self, i: usize) {
        let from_store = self.config().persist
            && self
                .feeds
                .borrow()
                .as_ref()
                .and_then(|f| f.list.get(i))
                .is_some_and(|f| f.fetched() && !f.store_checked);
        if !from_store {
            return self.fetch(i);
        }
        let Some(url) = self.feed_url(i) else { return };
        if let Some(f) = self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
            f.store_checked = true;
        }
        b::unsubscribe_slot(&self.host, Group::Feed, i as u32);
        b::read_stored(&self.host, Group::Feed, i as u32, &url, Signal::StoreRead);
    }

    /// The look-up of feed `i`'s kept copy finished: a copy young enough
    /// shows (once every feed has answered), marked stale; then the server
    /// is asked, with the copy's validators when it shows.
    pub(super) fn on_store_read(&self, value: &JsValue) -> DomResult<()> {
        let Some(i) = b::slot_of(value) else { return Ok(()) };
        if self.feed_url(i).is_none() {
            return Ok(());
        }
        let (lookup, text) = b::stored_lookup(value)
            .unwrap_or_else(|| (Lookup { error: Some("unreadable look-up".into()), stored: None }, None));
        match persist::decide(&lookup, b::now_ms()) {
            Decision::Warn(warning) => self.storage_failed(warning),
            Decision::Fetch => {}
            Decision::Show { etag, last_modified } => {
                if let (Some(text), Some(stored)) = (text, lookup.stored) {
                    self.show_kept(i, text, stored, etag, last_modified);
                }
            }
        }
        self.fetch(i);
        self.settle_feeds()
    }

    /// Takes feed `i`'s kept copy as its news, unconfirmed; a copy that no
    /// longer decodes is passed over.
    fn show_kept(&self, i: usize, text: String, stored: Stored, etag: Option<String>, last_modified: Option<String>) {
        let xml = match sniff::classify(&text, stored.content_type.as_deref().unwrap_or_default()) {
            Content::Json => false,
            Content::Xml => true,
            _ => return,
        };
        let config = self.config();
        let tags = config.tag_lists(b::lowercase);
        let options = config.decode_options(&tags, b::lowercase, stored.url.as_deref());
        let (decoded, tree) = decode_text(&text, xml, None, options);
        let Ok(doc) = decoded else { return };
        if let Some(f) = self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
            f.etag = etag;
            f.last_modified = last_modified;
            f.document_url = stored.url;
            f.xml = xml;
            f.tree = tree;
            f.doc = Some(Rc::new(doc));
            f.unconfirmed = true;
            f.pending = false;
        }
        if let Some(slot) = Rc::make_mut(&mut self.sources.borrow_mut()).get_mut(i) {
            *slot = text;
        }
    }

    /// Keeping a copy failed: a warning, once; the feeds go on as without `persist`.
    pub(super) fn on_store_failed(&self, value: &JsValue) -> DomResult<()> {
        let reason = value.as_string().unwrap_or_else(|| "unknown error".into());
        self.storage_failed(persist::storage_warning(&reason));
        Ok(())
    }

    fn storage_failed(&self, warning: String) {
        b::log_once(&warning);
        if let Some(feeds) = self.feeds.borrow_mut().as_mut() {
            feeds.storage_warning.get_or_insert(warning);
        }
    }

    /// Fetches feed `i`, conditionally when it has validators. A new
    /// request supersedes its request in flight and its poll timer.
    fn fetch(&self, i: usize) {
        let request = match &*self.feeds.borrow() {
            Some(feeds) => match feeds.list.get(i) {
                Some(f) if f.fetched() => (f.url.clone(), f.etag.clone(), f.last_modified.clone()),
                _ => return,
            },
            None => return,
        };
        let (url, etag, last_modified) = request;
        let slot = i as u32;
        b::unsubscribe_slot(&self.host, Group::Feed, slot);
        b::unsubscribe_slot(&self.host, Group::Poll, slot);
        b::fetch_feed(
            &self.host,
            Group::Feed,
            slot,
            &url,
            etag.as_deref(),
            last_modified.as_deref(),
            MAX_INPUT_BYTES as u32,
            fetch::TIMEOUT_MS,
            Signal::Fetched,
        );
    }

    /// The URL of feed `i`, while it is one of `src`'s.
    fn feed_url(&self, i: usize) -> Option<String> {
        self.feeds.borrow().as_ref()?.list.get(i).map(|f| f.url.clone())
    }

    /// A request finished: a 304 costs nothing, new data is decoded alone
    /// and shown merged with the others (in place when there was some), a
    /// failure keeps what is on screen.
    pub(super) fn on_fetched(&self, value: &JsValue) -> DomResult<()> {
        let Some(i) = b::slot_of(value) else { return Ok(()) };
        let Some(url) = self.feed_url(i) else { return Ok(()) };
        let Some(outcome) = b::fetch_outcome(value) else {
            // element.js and the core disagree: a bug, told as it is.
            return self.feed_failed(i, Failed::Load(LoadFailure::new(&url, "unreadable fetch outcome"), None));
        };
        let FetchOutcome { status, failure, text, content_type, etag, last_modified, url: document_url } = outcome;
        if let Some(failure) = failure {
            return self.feed_failed(i, Failed::Load(fetch::load_error(&url, failure), Some(status)));
        }
        let config = self.config();
        let slot = i as u32;
        let same = match &text {
            // 304 Not Modified: nothing to read, nothing to render.
            None => true,
            Some(text) => self.feed_doc(i).is_some() && self.sources.borrow().get(i) == Some(text),
        };
        if same {
            let now = b::now_ms();
            if config.persist && persist::confirm_again(self.kept_at(i), now) {
                // The kept copy is as good as new.
                self.set_kept_at(i, Some(now));
                let (etag, last_modified) = (etag.as_deref(), last_modified.as_deref());
                b::confirm_stored(&self.host, Group::Feed, slot, &url, now, etag, last_modified, Signal::StoreFailed);
            }
            self.keep_validators(i, etag, last_modified);
            return self.feed_unchanged(i);
        }
        let Some(text) = text else { return Ok(()) };
        let xml = match sniff::classify(&text, content_type.as_deref().unwrap_or_default()) {
            Content::Json => false,
            Content::Xml => true,
            other => return self.feed_failed(i, Failed::Load(fetch::content_error(&url, other), Some(status))),
        };
        let tags = config.tag_lists(b::lowercase);
        let options = config.decode_options(&tags, b::lowercase, document_url.as_deref());
        let (decoded, tree) = decode_text(&text, xml, None, options);
        let doc = match decoded {
            Ok(doc) => doc,
            Err(e) => return self.feed_failed(i, Failed::Load(LoadFailure::new(&url, e.to_string()), None)),
        };
        if config.persist {
            let now = b::now_ms();
            self.set_kept_at(i, Some(now));
            b::store_feed(
                &self.host,
                Group::Feed,
                slot,
                &url,
                &b::report_bytes(value),
                content_type.as_deref(),
                etag.as_deref(),
                last_modified.as_deref(),
                document_url.as_deref(),
                now,
                Signal::StoreFailed,
            );
        }
        // Validators are kept with the text they validate: a response that
        // is no feed must not make the next answer a 304.
        self.keep_validators(i, etag, last_modified);
        let has_data = self.data.borrow().is_some();
        if let Some(f) = self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
            f.document_url = document_url;
            f.xml = xml;
            f.tree = tree;
            f.doc = Some(Rc::new(doc));
            f.failed = None;
            f.failures = 0;
            f.pending = false;
            f.unconfirmed = false;
        }
        if let Some(slot) = Rc::make_mut(&mut self.sources.borrow_mut()).get_mut(i) {
            *slot = text;
        }
        self.schedule_poll(i)?;
        if self.feeds_pending() {
            return Ok(());
        }
        self.show_feeds(has_data)
    }

    fn kept_at(&self, i: usize) -> Option<f64> {
        self.feeds.borrow().as_ref()?.list.get(i)?.kept_at
    }

    fn set_kept_at(&self, i: usize, at: Option<f64>) {
        if let Some(f) = self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
            f.kept_at = at;
        }
    }

    /// The document of feed `i`, if it has one.
    fn feed_doc(&self, i: usize) -> Option<Rc<NewsDocument>> {
        self.feeds.borrow().as_ref()?.list.get(i)?.doc.clone()
    }

    /// A server that sent validators once may stop; the last ones are kept.
    fn keep_validators(&self, i: usize, etag: Option<String>, last_modified: Option<String>) {
        if let Some(f) = self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
            if etag.is_some() {
                f.etag = etag;
            }
            if last_modified.is_some() {
                f.last_modified = last_modified;
            }
        }
    }

    /// Feed `i` answered with nothing new: it is no longer stale, and its
    /// next poll is set.
    fn feed_unchanged(&self, i: usize) -> DomResult<()> {
        let first = match self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
            Some(f) => {
                f.failures = 0;
                f.failed = None;
                f.unconfirmed = false;
                std::mem::replace(&mut f.pending, false)
            }
            None => return Ok(()),
        };
        self.schedule_poll(i)?;
        if first || self.data.borrow().is_none() {
            // The first answers: shown once every feed has answered.
            return self.settle_feeds();
        }
        self.show_staleness()
    }

    /// Feed `i` failed: its next try backs off. Before the first render it
    /// waits for the others; after, what is on screen stays, marked `stale`
    /// when this feed's news is among it. Without any news it is the error
    /// state, naming every feed.
    fn feed_failed(&self, i: usize, failed: Failed) -> DomResult<()> {
        let message = failed.message();
        let status = failed.status();
        let url = self.feed_url(i);
        let first = match self.feeds.borrow_mut().as_mut() {
            Some(feeds) => match feeds.list.get_mut(i) {
                Some(f) => {
                    f.failures = f.failures.saturating_add(1);
                    f.failed = Some(failed);
                    std::mem::replace(&mut f.pending, false)
                }
                None => return Ok(()),
            },
            None => return Ok(()),
        };
        self.schedule_poll(i)?;
        if first || self.data.borrow().is_none() {
            return self.settle_feeds();
        }
        b::log_once(&message);
        self.show_staleness()?;
        let detail = details::Error { message: &message, status, url: url.as_deref() };
        b::dispatch(&self.host, "newsreel:error", &b::to_js(&detail))
    }

    /// Whether a feed's first answer is still awaited.
    fn feeds_pending(&self) -> bool {
        self.feeds.borrow().as_ref().is_some_and(|f| f.list.iter().any(|f| f.pending))
    }

    /// Once every feed has answered: the news of those that loaded, or,
    /// when none did, the error state.
    fn settle_feeds(&self) -> DomResult<()> {
        if self.feeds_pending() {
            return Ok(());
        }
        let any = self.feeds.borrow().as_ref().is_some_and(|f| f.list.iter().any(|f| f.doc.is_some()));
        if any {
            let refreshing = self.data.borrow().is_some();
            return self.show_feeds(refreshing);
        }
        self.all_feeds_failed()
    }

    /// The error state: every feed failed. One feed's error is its own (its
    /// status and URL in the event); several are named one after another.
    fn all_feeds_failed(&self) -> DomResult<()> {
        let words = self.words(&self.config());
        let words = &words.strings;
        let failures: Vec<(String, String, Option<u16>, String)> = match &*self.feeds.borrow() {
            Some(feeds) => feeds
                .list
                .iter()
                .filter_map(|f| f.failed.as_ref().map(|e| (e.message(), e.shown(words), e.status(), f.url.clone())))
                .collect(),
            None => return Ok(()),
        };
        match failures.as_slice() {
            [] => Ok(()),
            [(message, shown, status, url)] => self.fail_with(message, shown, *status, Some(url.as_str())),
            several => {
                let message: Vec<&str> = several.iter().map(|(m, ..)| m.as_str()).collect();
                let shown: Vec<&str> = several.iter().map(|(_, s, ..)| s.as_str()).collect();
                self.fail_with(&message.join("; "), &shown.join("; "), None, None)
            }
        }
    }

    /// Shows the feeds' documents: one feed's as it is, several merged
    /// (`formats::merge`), with the feeds that failed and the URLs left
    /// out among the warnings.
    fn show_feeds(&self, refreshing: bool) -> DomResult<()> {
        let config = self.config();
        let tags = config.tag_lists(b::lowercase);
        let options = config.decode_options(&tags, b::lowercase, None);
        let mut storage_warning = None;
        let mut doc = {
            let mut feeds = self.feeds.borrow_mut();
            let Some(feeds) = feeds.as_mut() else { return Ok(()) };
            feeds.refreshing = refreshing;
            storage_warning.clone_from(&feeds.storage_warning);
            match (feeds.list.as_slice(), &feeds.ignored) {
                ([only], None) => match &only.doc {
                    Some(doc) => (**doc).clone(),
                    None => return Ok(()),
                },
                (list, ignored) => {
                    let parts: Vec<Part> = list
                        .iter()
                        .enumerate()
                        .filter_map(|(index, f)| Some(Part { index, url: &f.url, doc: f.doc.as_deref()? }))
                        .collect();
                    let notes: Vec<String> = ignored
                        .iter()
                        .cloned()
                        .chain(list.iter().filter_map(|f| Some(f.failed.as_ref()?.message())))
                        .collect();
                    merge(&parts, &notes, options)
                }
            }
        };
        if let Some(warning) = storage_warning {
            warn(&mut doc.warnings, "persist", warning);
        }
        self.show(doc)
    }

    /// The feeds' texts decoded again (`max-items`, `tags` or `article`
    /// changed; an XML feed's tree is parsed once per text), then shown.
    pub(super) fn decode_feeds(&self) -> DomResult<()> {
        let config = self.config();
        let tags = config.tag_lists(b::lowercase);
        let count = self.feeds.borrow().as_ref().map_or(0, |f| f.list.len());
        for i in 0..count {
            let input = match self.feeds.borrow().as_ref().and_then(|f| f.list.get(i)) {
                Some(f) if f.doc.is_some() => (f.xml, f.tree.clone(), f.document_url.clone(), f.url.clone()),
                _ => continue,
            };
            let (xml, tree, document_url, url) = input;
            let options = config.decode_options(&tags, b::lowercase, document_url.as_deref());
            let sources = Rc::clone(&self.sources.borrow());
            let text = sources.get(i).map_or("", String::as_str);
            let (decoded, tree) = decode_text(text, xml, tree, options);
            if let Some(f) = self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
                f.tree = tree;
                match decoded {
                    Ok(doc) => f.doc = Some(Rc::new(doc)),
                    Err(e) => {
                        f.doc = None;
                        f.failed = Some(Failed::Load(LoadFailure::new(&url, e.to_string()), None));
                    }
                }
            }
        }
        if self.feeds_pending() {
            // The first answers will show, decoded by the new options.
            return Ok(());
        }
        match self.feed_docs() {
            // Nothing loaded: the error state says so already.
            0 if self.data.borrow().is_none() => Ok(()),
            0 => self.all_feeds_failed(),
            _ => self.show_feeds(false),
        }
    }

    fn feed_docs(&self) -> usize {
        self.feeds.borrow().as_ref().map_or(0, |f| f.list.iter().filter(|f| f.doc.is_some()).count())
    }

    /// `stale` and its part: set while a feed whose news is on screen could
    /// not be refreshed, saying which and why, or is a kept copy the server
    /// has not confirmed yet (nothing failed: the part stays hidden).
    pub(super) fn show_staleness(&self) -> DomResult<()> {
        let words = self.words(&self.config());
        let words = &words.strings;
        let (failing, unconfirmed): (Vec<String>, bool) = match &*self.feeds.borrow() {
            Some(feeds) => {
                let shown = || feeds.list.iter().filter(|f| f.doc.is_some());
                (
                    shown().filter_map(|f| Some(f.failed.as_ref()?.shown(words))).collect(),
                    shown().any(|f| f.unconfirmed),
                )
            }
            None => (Vec::new(), false),
        };
        if let Some(sk) = self.skeleton() {
            if !failing.is_empty() {
                b::set_text(&sk.stale, &format!("{}: {}", words.not_updated, failing.join("; ")));
            }
            b::set_flag(&sk.stale, "hidden", failing.is_empty())?;
        }
        b::set_flag(&self.host, "stale", unconfirmed || !failing.is_empty())
    }

    /// Sets every feed's next poll (`refresh` changed, or the element
    /// connected again).
    pub(super) fn schedule_polls(&self) -> DomResult<()> {
        b::unsubscribe(&self.host, Group::Poll);
        let count = self.feeds.borrow().as_ref().map_or(0, |f| f.list.len());
        for i in 0..count {
            self.schedule_poll(i)?;
        }
        Ok(())
    }

    /// Sets the timer of feed `i`'s next poll, if `refresh` asks for
    /// polling: the interval, or the back-off after its failures. Replaces
    /// the timer it had; a request in flight goes on.
    fn schedule_poll(&self, i: usize) -> DomResult<()> {
        let slot = i as u32;
        b::unsubscribe_slot(&self.host, Group::Poll, slot);
        let failures = match &*self.feeds.borrow() {
            Some(feeds) if !feeds.waiting_for_view => match feeds.list.get(i) {
                Some(f) if f.fetched() => f.failures,
                _ => return Ok(()),
            },
            _ => return Ok(()),
        };
        let Some(interval) = self.config().refresh_ms else {
            return Ok(());
        };
        b::after_slot(&self.host, Group::Poll, slot, fetch::retry_delay_ms(interval, failures), Signal::RefreshDue);
        Ok(())
    }

    /// A poll timer fired: fetch, unless nobody can see the ticker; then
    /// the poll waits until they can (`catch_up_poll`).
    pub(super) fn poll_due(&self, value: &JsValue) -> DomResult<()> {
        let Some(i) = b::slot_of(value) else { return Ok(()) };
        if self.tab_hidden.get() || self.offscreen.get() {
            if let Some(f) = self.feeds.borrow_mut().as_mut().and_then(|f| f.list.get_mut(i)) {
                f.due = true;
            }
            return Ok(());
        }
        self.fetch(i);
        Ok(())
    }

    /// The tab or the widget came back into view: the polls that fell due
    /// meanwhile happen now.
    pub(super) fn catch_up_poll(&self) -> DomResult<()> {
        if self.tab_hidden.get() || self.offscreen.get() {
            return Ok(());
        }
        let due: Vec<usize> = match self.feeds.borrow_mut().as_mut() {
            Some(feeds) => {
                feeds.list.iter_mut().enumerate().filter_map(|(i, f)| std::mem::take(&mut f.due).then_some(i)).collect()
            }
            None => return Ok(()),
        };
        for i in due {
            self.fetch(i);
        }
        Ok(())
    }
}

/// One feed's text decoded alone: XML from its tree (`tree`, parsed once
/// per text, or parsed now and handed back to keep), JSON as one block.
fn decode_text(
    text: &str,
    xml: bool,
    tree: Option<Rc<xml::Element>>,
    options: DecodeOptions,
) -> (Result<NewsDocument, DecodeError>, Option<Rc<xml::Element>>) {
    if !xml {
        return (decode_blocks(&[text], options), None);
    }
    let root = match tree {
        Some(root) => root,
        None => match feeds::parse_text(text, b::parse_xml) {
            Ok(root) => Rc::new(root),
            Err(e) => return (Err(e.into()), None),
        },
    };
    (feeds::decode(&root, options), Some(root))
}
