//! Feeds by URL: `src` fetched (now, or with `loading="lazy"` once near the
//! viewport), polled by `refresh` with conditional requests, paused while
//! nobody can see the ticker, and backed off after failures, which keep the
//! last good news on screen, marked `stale`.

use std::rc::Rc;

use wasm_bindgen::JsValue;

use super::{SourceKind, Widget};
use crate::bindings::{self as b, DomResult, Group, Signal};
use crate::details;
use newsreel_core::input::fetch::{self, FetchOutcome, LoadFailure};
use newsreel_core::input::json::MAX_INPUT_BYTES;
use newsreel_core::input::sniff::{self, Content};

/// A feed loaded by `src`, and where its polling stands.
#[derive(Default)]
pub(super) struct Feed {
    /// The URL as the attribute gives it (checked), for requests and messages.
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    /// Failures in a row, for the back-off.
    failures: u32,
    /// A poll fell due while the tab was hidden or the widget off screen.
    due: bool,
    /// `loading="lazy"`: waiting for the widget to come near the viewport.
    waiting_for_view: bool,
    /// The response being shown is a refresh of data already on screen.
    pub(super) refreshing: bool,
    /// Where the last response came from (after redirects): what relative
    /// links in the feed are read against.
    pub(super) document_url: Option<String>,
}

impl Widget {
    /// Aborts the request for `src` in flight and drops the poll timer.
    pub(super) fn stop_feed_requests(&self) {
        b::unsubscribe(&self.host, Group::Feed);
        b::unsubscribe(&self.host, Group::Poll);
    }

    pub(super) fn feed_url(&self) -> Option<String> {
        self.feed.borrow().as_ref().map(|f| f.url.clone())
    }

    /// `src` was set (or the element connected with it): checks the URL and
    /// fetches it, now or, with `loading="lazy"`, once the widget is near
    /// the viewport. Validators of another URL are not sent.
    pub(super) fn start_feed(&self, src: &str) -> DomResult<()> {
        self.stop_feed_requests();
        let url = match fetch::check_src(src) {
            Ok(url) => url,
            Err(message) => {
                *self.feed.borrow_mut() = None;
                return self.fail(&message);
            }
        };
        let lazy = self.config().lazy;
        let waiting_for_view = lazy && self.data.borrow().is_none();
        {
            let mut feed = self.feed.borrow_mut();
            let same = feed.as_ref().is_some_and(|f| f.url == url);
            if !same {
                *feed = Some(Feed { url, ..Feed::default() });
            }
            if let Some(f) = feed.as_mut() {
                f.waiting_for_view = waiting_for_view;
            }
        }
        if lazy {
            // As `<img loading=lazy>`: when the element comes near the viewport.
            b::watch_near(&self.host, Group::Page, &self.host, Signal::NearView);
            return Ok(());
        }
        self.fetch_now();
        Ok(())
    }

    /// A lazy widget came near the viewport: its first load starts.
    pub(super) fn near_view(&self) -> DomResult<()> {
        let go = self.feed.borrow_mut().as_mut().is_some_and(|f| std::mem::replace(&mut f.waiting_for_view, false));
        if go {
            self.fetch_now();
        }
        Ok(())
    }

    fn fetch_now(&self) {
        let feed = self.feed.borrow();
        let Some(f) = feed.as_ref() else { return };
        // A new request supersedes the one in flight and the poll timer.
        self.stop_feed_requests();
        b::fetch_feed(
            &self.host,
            Group::Feed,
            &f.url,
            f.etag.as_deref(),
            f.last_modified.as_deref(),
            MAX_INPUT_BYTES as u32,
            fetch::TIMEOUT_MS,
            Signal::Fetched,
        );
    }

    /// A request finished: a 304 costs nothing, new data is shown (in place
    /// when there was some), a failure keeps what is on screen.
    pub(super) fn on_fetched(&self, outcome: &JsValue) -> DomResult<()> {
        if self.feed.borrow().is_none() {
            return Ok(());
        }
        let url = self.feed_url().unwrap_or_default();
        let Some(outcome) = b::fetch_outcome(outcome) else {
            // element.js and the core disagree: a bug, told as it is.
            return self.feed_failed(&LoadFailure::new(&url, "unreadable fetch outcome"), None);
        };
        let FetchOutcome { status, failure, text, content_type, etag, last_modified, url: document_url } = outcome;
        if let Some(failure) = failure {
            return self.feed_failed(&fetch::load_error(&url, failure), Some(status));
        }
        {
            let mut feed = self.feed.borrow_mut();
            let Some(f) = feed.as_mut() else { return Ok(()) };
            // A server that sent validators once may stop; keep the last ones.
            if etag.is_some() {
                f.etag = etag;
            }
            if last_modified.is_some() {
                f.last_modified = last_modified;
            }
        }
        let Some(text) = text else {
            // 304 Not Modified: nothing to read, nothing to render.
            return self.refreshed();
        };
        let has_data = self.data.borrow().is_some();
        if has_data && self.sources.borrow().first() == Some(&text) {
            return self.refreshed();
        }
        let xml = match sniff::classify(&text, content_type.as_deref().unwrap_or_default()) {
            Content::Json => false,
            Content::Xml => true,
            other => return self.feed_failed(&fetch::content_error(&url, other), Some(status)),
        };
        if let Some(f) = self.feed.borrow_mut().as_mut() {
            f.refreshing = has_data;
            f.document_url = document_url;
        }
        *self.sources.borrow_mut() = Rc::new(vec![text]);
        *self.source_kind.borrow_mut() = if xml { SourceKind::Xml(None) } else { SourceKind::Json };
        self.decode_and_show()
    }

    /// A load succeeded (or had nothing new): `stale` goes, the next poll is set.
    pub(super) fn refreshed(&self) -> DomResult<()> {
        if let Some(f) = self.feed.borrow_mut().as_mut() {
            f.failures = 0;
        }
        if let Some(sk) = self.skeleton() {
            b::set_flag(&sk.stale, "hidden", true)?;
        }
        b::set_flag(&self.host, "stale", false)?;
        self.schedule_poll()
    }

    /// A load failed. Earlier data stays on screen, marked `stale`, and the
    /// next try backs off; without earlier data it is the error state.
    pub(super) fn feed_failed(&self, failure: &LoadFailure, status: Option<u16>) -> DomResult<()> {
        let url = self.feed_url();
        let message = &failure.to_string();
        let words = self.words(&self.config());
        let words = &words.strings;
        let shown = format!("{}: {}", words.not_loaded(&failure.url), failure.reason);
        if let Some(f) = self.feed.borrow_mut().as_mut() {
            f.failures = f.failures.saturating_add(1);
            f.refreshing = false;
        }
        self.schedule_poll()?;
        if self.data.borrow().is_none() {
            return self.fail_with(message, &shown, status, url.as_deref());
        }
        b::log_once(message);
        if let Some(sk) = self.skeleton() {
            b::set_text(&sk.stale, &format!("{}: {shown}", words.not_updated));
            b::set_flag(&sk.stale, "hidden", false)?;
        }
        b::set_flag(&self.host, "stale", true)?;
        b::dispatch(&self.host, "newsreel:error", &b::to_js(&details::Error { message, status, url: url.as_deref() }))
    }

    /// Sets the timer of the next poll, if `refresh` asks for polling:
    /// the interval, or the back-off after failures. Replaces the timer
    /// there was (`refresh` changed or went away); a request in flight goes on.
    pub(super) fn schedule_poll(&self) -> DomResult<()> {
        b::unsubscribe(&self.host, Group::Poll);
        let feed = self.feed.borrow();
        let Some(f) = feed.as_ref() else { return Ok(()) };
        let Some(interval) = self.config().refresh_ms else {
            return Ok(());
        };
        if f.waiting_for_view {
            return Ok(());
        }
        b::after(&self.host, Group::Poll, fetch::retry_delay_ms(interval, f.failures), Signal::RefreshDue);
        Ok(())
    }

    /// The poll timer fired: fetch, unless nobody can see the ticker; then
    /// the poll waits until they can (`catch_up_poll`).
    pub(super) fn poll_due(&self) -> DomResult<()> {
        if self.tab_hidden.get() || self.offscreen.get() {
            if let Some(f) = self.feed.borrow_mut().as_mut() {
                f.due = true;
            }
            return Ok(());
        }
        self.fetch_now();
        Ok(())
    }

    /// The tab or the widget came back into view: a poll that fell due
    /// meanwhile happens now.
    pub(super) fn catch_up_poll(&self) -> DomResult<()> {
        if self.tab_hidden.get() || self.offscreen.get() {
            return Ok(());
        }
        let go = self.feed.borrow_mut().as_mut().is_some_and(|f| std::mem::take(&mut f.due));
        if go {
            self.fetch_now();
        }
        Ok(())
    }
}
