//! Feeds loaded by URL (`src`): which URLs may be fetched, how often to ask
//! again, what a finished request reports (`FetchOutcome`, read from the
//! shell's `fetchFeed`), and what to tell the site owner when a
//! load fails. The DOM shell does the fetching; the rules are here, tested
//! natively.

use std::fmt;

use serde::Deserialize;

use crate::input::json::MAX_INPUT_BYTES;
use crate::input::sniff::Content;
use crate::url::policy;

/// How long a request may take before it is aborted.
pub const TIMEOUT_MS: u32 = 15_000;

/// The shortest polling interval (`refresh` below this counts as this: the
/// contract's range for it).
pub const MIN_REFRESH_S: i64 = 5;

/// Backing off after failures stops at this many intervals.
const MAX_BACKOFF_INTERVALS: u32 = 10;

/// A `src` the widget will fetch: `http:`, `https:` or relative (no scheme).
/// Anything else (`javascript:`, `data:`, `file:`) is refused before any
/// request is made.
/// The URL is read as the browser's URL parser reads it (tabs and newlines
/// dropped), so `java\tscript:` is seen for what it is.
pub fn check_src(src: &str) -> Result<String, String> {
    let src = policy::as_url_parser_reads(src);
    if src.is_empty() {
        return Err("src is empty".into());
    }
    match policy::scheme(&src).as_deref() {
        None | Some("http") | Some("https") => Ok(src),
        Some(other) => Err(format!("src \"{}\" is not an http:, https: or relative URL (it is {other}:)", short(&src))),
    }
}

/// The most feeds one `src` names; URLs after these are ignored, with a
/// warning that names them. Eight is more than a ticker shows well, and few
/// enough that the requests of one widget never queue behind each other in
/// a browser's six connections per host for long.
pub const MAX_FEEDS: usize = 8;

/// The feeds a `src` names: its URLs separated by ASCII white space, each
/// checked by [`check_src`] (a refused one is its error, in its place),
/// repeats left out, at most [`MAX_FEEDS`]; `ignored` holds those past the
/// limit. One URL reads exactly as `check_src` reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedList {
    pub feeds: Vec<Result<String, String>>,
    pub ignored: Vec<String>,
}

/// Reads `src` into its feeds; `Err` when it names none.
pub fn split_src(src: &str) -> Result<FeedList, String> {
    let mut seen: Vec<&str> = Vec::new();
    for url in src.split(|c: char| c.is_ascii_whitespace()).filter(|u| !u.is_empty()) {
        if !seen.contains(&url) {
            seen.push(url);
        }
    }
    if seen.is_empty() {
        return Err("src is empty".into());
    }
    let ignored = seen.split_off(seen.len().min(MAX_FEEDS)).into_iter().map(short).collect();
    let feeds = seen.into_iter().map(check_src).collect();
    Ok(FeedList { feeds, ignored })
}

impl FeedList {
    /// The warning about the URLs past [`MAX_FEEDS`], if any.
    pub fn ignored_warning(&self) -> Option<String> {
        if self.ignored.is_empty() {
            return None;
        }
        Some(format!("ignored (a src takes at most {MAX_FEEDS} URLs): {}", self.ignored.join(" ")))
    }
}

/// When to try again after `failures` failures in a row: the interval
/// doubled for each, up to ten intervals.
pub fn retry_delay_ms(interval_ms: u32, failures: u32) -> u32 {
    let factor = 1u32.checked_shl(failures.min(31)).unwrap_or(u32::MAX).min(MAX_BACKOFF_INTERVALS);
    interval_ms.saturating_mul(factor)
}

/// Why a request brought no feed, as the shell's fetch reports it: in JS,
/// `{ http: 404 }`, `"timeout"`, `"too-large"` or `"network"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FetchFailure {
    /// An answer that is neither a success nor 304 Not Modified: its status.
    Http(u16),
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
    /// A body longer than [`MAX_INPUT_BYTES`], by its `Content-Length` or
    /// as it was read.
    TooLarge,
    /// `fetch()` itself failed: the network, or CORS, which a page cannot
    /// tell apart.
    Network,
}

/// The reason a site owner reads after "could not load <url>: ".
impl fmt::Display for FetchFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchFailure::Http(status) => write!(f, "HTTP {status}"),
            FetchFailure::Timeout => write!(f, "no answer within {} s", TIMEOUT_MS / 1000),
            FetchFailure::TooLarge => write!(f, "the feed is larger than {MAX_INPUT_BYTES} bytes (5 MB)"),
            FetchFailure::Network => f.write_str(
                "the request failed (the network, or a feed on another origin whose server does not send Access-Control-Allow-Origin)",
            ),
        }
    }
}

/// What a finished request reports (`fetchFeed` in the shell's element.js):
/// a response's text and validators, or why no feed came. Fields JS leaves
/// out or sets to `null` are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FetchOutcome {
    /// The HTTP status; 0 when no response came.
    pub status: u16,
    /// Why no feed came; `None` when one did (or a 304 said it is unchanged).
    pub failure: Option<FetchFailure>,
    /// The body as text, decoded by the core's charset rule; `None` for a
    /// 304 Not Modified. Not in the report: the shell decodes it from the
    /// bytes that come beside it.
    #[serde(skip)]
    pub text: Option<String>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Where the response came from, after redirects.
    pub url: Option<String>,
}

impl FetchOutcome {
    /// The outcome from its report, the small fields in JSON; the feed
    /// itself (up to 5 MB) comes beside it, never escaped into the JSON.
    pub fn from_report(report: &str) -> Result<FetchOutcome, serde_json::Error> {
        serde_json::from_str(report)
    }
}

/// A feed that did not arrive, or arrived as something that is no feed:
/// where from and why. It reads "could not load <url>: <reason>" for the
/// console and the `newsreel:error` event; the widget puts the words before
/// the reason in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadFailure {
    /// The URL as given, shortened for messages.
    pub url: String,
    pub reason: String,
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not load {}: {}", self.url, self.reason)
    }
}

impl LoadFailure {
    pub fn new(url: &str, reason: impl Into<String>) -> LoadFailure {
        LoadFailure { url: short(url), reason: reason.into() }
    }
}

/// The error for a request that brought no feed.
pub fn load_error(url: &str, failure: FetchFailure) -> LoadFailure {
    LoadFailure::new(url, failure.to_string())
}

/// The error for a response that is no feed.
pub fn content_error(url: &str, content: Content) -> LoadFailure {
    let reason = match content {
        Content::Html => "it is an HTML page, not a feed (a login or error page?)",
        _ => "it is neither JSON nor XML",
    };
    LoadFailure::new(url, reason)
}

/// URLs are the page's: keep messages short.
fn short(s: &str) -> String {
    const MAX: usize = 200;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_are_fetched() {
        for good in
            ["/news.xml", "feed.json", "https://news.test/rss", "HTTP://news.test/a", "//cdn.test/f.xml", "?page=2"]
        {
            assert!(check_src(good).is_ok(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            " data:text/xml,<rss/>",
            "da\tta:text/xml,<rss/>",
            "file:///etc/passwd",
            "ftp://x.test/f",
        ] {
            let err = check_src(bad).unwrap_err();
            assert!(err.contains("is not an http:, https: or relative URL"), "{err}");
        }
        assert_eq!(check_src("  ").unwrap_err(), "src is empty");
    }

    #[test]
    fn src_names_up_to_eight_feeds_separated_by_white_space() {
        let one = split_src("  /news.xml\n").unwrap();
        assert_eq!(one, FeedList { feeds: vec![Ok("/news.xml".into())], ignored: vec![] });
        assert_eq!(one.ignored_warning(), None);
        let several = split_src("/world.xml\t/sport.json\n\r\x0c https://x.test/a.xml /world.xml").unwrap();
        assert_eq!(
            several.feeds,
            [Ok("/world.xml".to_string()), Ok("/sport.json".to_string()), Ok("https://x.test/a.xml".to_string())],
            "repeats are left out"
        );
        let refused = split_src("/a.xml javascript:alert(1)").unwrap();
        assert_eq!(refused.feeds[0], Ok("/a.xml".to_string()));
        assert!(refused.feeds[1].as_ref().unwrap_err().contains("is not an http:, https: or relative URL"));
        let many: Vec<String> = (1..=10).map(|i| format!("/f{i}.xml")).collect();
        let capped = split_src(&many.join(" ")).unwrap();
        assert_eq!(capped.feeds.len(), MAX_FEEDS);
        assert_eq!(capped.ignored, ["/f9.xml", "/f10.xml"]);
        assert_eq!(capped.ignored_warning().as_deref(), Some("ignored (a src takes at most 8 URLs): /f9.xml /f10.xml"));
        assert_eq!(split_src(" \n\t").unwrap_err(), "src is empty");
        // A non-breaking space is no separator: it is part of the URL.
        assert_eq!(split_src("/a\u{a0}b.xml").unwrap().feeds.len(), 1);
    }

    #[test]
    fn polling_backs_off_to_ten_intervals() {
        let delays: Vec<u32> = (0..6).map(|f| retry_delay_ms(5_000, f)).collect();
        assert_eq!(delays, [5_000, 10_000, 20_000, 40_000, 50_000, 50_000]);
        assert_eq!(retry_delay_ms(5_000, 1_000), 50_000);
    }

    #[test]
    fn failures_say_what_and_where() {
        let text = |f: LoadFailure| f.to_string();
        assert_eq!(text(load_error("/news.xml", FetchFailure::Http(404))), "could not load /news.xml: HTTP 404");
        assert_eq!(load_error("/news.xml", FetchFailure::Http(404)).reason, "HTTP 404");
        assert!(text(load_error("https://x.test/f", FetchFailure::Network)).contains("Access-Control-Allow-Origin"));
        assert_eq!(text(load_error("/f", FetchFailure::Timeout)), "could not load /f: no answer within 15 s");
        assert!(text(load_error("/f", FetchFailure::TooLarge)).contains("larger than 5242880 bytes"));
        assert!(text(content_error("/f", Content::Html)).contains("an HTML page, not a feed"));
        let long = format!("/{}", "a".repeat(500));
        assert!(text(load_error(&long, FetchFailure::Http(500))).chars().count() < 260);
    }

    #[test]
    fn the_outcome_of_a_fetch_is_its_report_and_its_text() {
        // The reports element.js's fetchFeed writes.
        let read = |js: &str| FetchOutcome::from_report(js).expect(js);
        assert_eq!(
            read(
                r#"{"status":200,"contentType":"application/rss+xml","etag":"\"v1\"","lastModified":null,"url":"https://x.test/f"}"#
            ),
            FetchOutcome {
                status: 200,
                content_type: Some("application/rss+xml".into()),
                etag: Some("\"v1\"".into()),
                url: Some("https://x.test/f".into()),
                ..FetchOutcome::default()
            }
        );
        let not_modified = read(r#"{"status":304,"etag":"\"v1\"","lastModified":"Mon, 02 Nov 2026 09:00:00 GMT"}"#);
        assert_eq!((not_modified.failure, not_modified.text), (None, None));
        assert_eq!(not_modified.last_modified.as_deref(), Some("Mon, 02 Nov 2026 09:00:00 GMT"));
        for (js, failure, status) in [
            (r#"{"status":404,"failure":{"http":404}}"#, FetchFailure::Http(404), 404),
            (r#"{"status":0,"failure":"timeout"}"#, FetchFailure::Timeout, 0),
            (r#"{"status":200,"failure":"too-large"}"#, FetchFailure::TooLarge, 200),
            (r#"{"status":0,"failure":"network"}"#, FetchFailure::Network, 0),
        ] {
            let outcome = read(js);
            assert_eq!((outcome.failure, outcome.status, outcome.text), (Some(failure), status, None), "{js}");
        }
        assert!(FetchOutcome::from_report(r#"{"failure":"gone"}"#).is_err(), "an unknown failure");
        let ignored = read(r#"{"status":200,"text":"in the report"}"#);
        assert_eq!(ignored.text, None, "the text comes beside the report only");
    }
}
