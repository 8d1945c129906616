//! Feeds kept across visits (`persist`): what the shell finds stored for a
//! feed, and what to do with it. A copy young enough is shown at once,
//! marked `stale`, and confirmed or replaced by a conditional request with
//! its validators; an older one is neither shown nor validated against; a
//! storage that fails is a warning, and the feed loads as without
//! `persist`. The storing itself is the shell's (element.js, the Cache API);
//! the rules are here, tested natively.

use serde::Deserialize;

/// A stored copy older than this is not shown (24 hours, in ms): news a day
/// old is no longer "latest", and a reader should not take it for today's.
pub const MAX_AGE_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// How often a page that keeps polling rewrites its kept copy's time when
/// the server answers "not modified" (an hour, in ms): often enough that the
/// copy counts as fresh on the next visit, seldom enough that a 304 every few
/// seconds costs no write each.
pub const CONFIRM_EVERY_MS: f64 = 60.0 * 60.0 * 1000.0;

/// Whether a copy last stored or confirmed at `kept_at` (`None`: not by
/// this page, or it is a copy not yet confirmed) is confirmed again at
/// `now_ms`, after the server said it is unchanged.
pub fn confirm_again(kept_at: Option<f64>, now_ms: f64) -> bool {
    kept_at.is_none_or(|kept_at| !(0.0..CONFIRM_EVERY_MS).contains(&(now_ms - kept_at)))
}

/// What was stored beside a feed's bytes: when, and the response's
/// `Content-Type` (for its charset), validators and URL (after redirects).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Stored {
    /// When it was stored (or last confirmed by a 304), in ms since 1970.
    pub stored_at: f64,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub url: Option<String>,
}

/// What the shell's look-up (`readStored` in element.js) reports, as JSON:
/// `{ "stored": {…} }` beside the bytes, `{}` when nothing is stored, or
/// `{ "error": "…" }` when the storage failed (no `caches` outside a
/// secure context, a private window, a quota, a page's own override).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Lookup {
    pub stored: Option<Stored>,
    pub error: Option<String>,
}

impl Lookup {
    pub fn from_report(report: &str) -> Result<Lookup, serde_json::Error> {
        serde_json::from_str(report)
    }
}

/// What to do with a look-up's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Show the copy now, marked stale, and ask the server whether it
    /// changed with these validators.
    Show { etag: Option<String>, last_modified: Option<String> },
    /// Nothing to show (none stored, or too old): fetch as without
    /// `persist`, unconditionally. A good answer replaces the copy.
    Fetch,
    /// The storage failed: this warning, then fetch as without `persist`.
    Warn(String),
}

/// What a look-up means at `now_ms`: a copy stored between `MAX_AGE_MS`
/// ago and now is shown; one from later than now (a clock put back) is as
/// old as can be.
pub fn decide(lookup: &Lookup, now_ms: f64) -> Decision {
    if let Some(error) = &lookup.error {
        return Decision::Warn(storage_warning(error));
    }
    match &lookup.stored {
        Some(stored) if fresh(stored.stored_at, now_ms) => {
            Decision::Show { etag: stored.etag.clone(), last_modified: stored.last_modified.clone() }
        }
        _ => Decision::Fetch,
    }
}

/// Whether a copy stored at `stored_at` may be shown at `now_ms`.
pub fn fresh(stored_at: f64, now_ms: f64) -> bool {
    let age = now_ms - stored_at;
    age.is_finite() && (0.0..=MAX_AGE_MS).contains(&age)
}

/// The warning for a storage that failed, for `newsreel:ready`'s warnings.
pub fn storage_warning(reason: &str) -> String {
    let reason: String = reason.chars().take(200).collect();
    format!("feeds are not kept across visits: the browser's storage failed ({reason})")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_800_000_000_000.0;
    const HOUR: f64 = 3_600_000.0;

    fn stored(age_hours: f64) -> Lookup {
        Lookup {
            stored: Some(Stored {
                stored_at: NOW - age_hours * HOUR,
                etag: Some("\"v1\"".into()),
                last_modified: Some("Mon, 02 Nov 2026 09:00:00 GMT".into()),
                ..Stored::default()
            }),
            error: None,
        }
    }

    #[test]
    fn a_copy_up_to_a_day_old_is_shown_and_validated_with_its_validators() {
        for age in [0.0, 1.0, 23.9, 24.0] {
            assert_eq!(
                decide(&stored(age), NOW),
                Decision::Show {
                    etag: Some("\"v1\"".into()),
                    last_modified: Some("Mon, 02 Nov 2026 09:00:00 GMT".into())
                },
                "{age} h"
            );
        }
    }

    #[test]
    fn an_older_copy_one_from_the_future_and_none_are_fetched_afresh() {
        for age in [24.01, 1_000.0, -0.5, f64::INFINITY, f64::NAN] {
            assert_eq!(decide(&stored(age), NOW), Decision::Fetch, "{age} h");
        }
        assert_eq!(decide(&Lookup::default(), NOW), Decision::Fetch);
    }

    #[test]
    fn a_storage_that_fails_is_a_warning() {
        let lookup = Lookup { error: Some("caches is undefined".into()), ..stored(1.0) };
        assert_eq!(
            decide(&lookup, NOW),
            Decision::Warn(
                "feeds are not kept across visits: the browser's storage failed (caches is undefined)".into()
            )
        );
        assert!(storage_warning(&"x".repeat(1_000)).len() < 300);
    }

    #[test]
    fn an_unchanged_copy_is_confirmed_at_first_then_once_an_hour() {
        assert!(confirm_again(None, NOW), "a copy shown from the store, or never kept by this page");
        assert!(!confirm_again(Some(NOW - 0.5 * HOUR), NOW));
        assert!(confirm_again(Some(NOW - HOUR), NOW));
        assert!(confirm_again(Some(NOW + HOUR), NOW), "a clock put back");
        assert!(confirm_again(Some(f64::NAN), NOW));
    }

    #[test]
    fn the_lookup_is_read_from_its_report() {
        let read = |json: &str| Lookup::from_report(json).expect(json);
        assert_eq!(read("{}"), Lookup::default());
        assert_eq!(read(r#"{"error":"QuotaExceededError"}"#).error.as_deref(), Some("QuotaExceededError"));
        let found = read(
            r#"{"stored":{"storedAt":1800000000000,"contentType":"application/rss+xml","etag":"\"v1\"","lastModified":null,"url":"https://x.test/f.xml"}}"#,
        );
        let stored = found.stored.unwrap();
        assert_eq!(stored.stored_at, NOW);
        assert_eq!(stored.content_type.as_deref(), Some("application/rss+xml"));
        assert_eq!((stored.etag.as_deref(), stored.last_modified), (Some("\"v1\""), None));
        assert_eq!(stored.url.as_deref(), Some("https://x.test/f.xml"));
        assert!(Lookup::from_report(r#"{"stored":{"storedAt":"yesterday"}}"#).is_err());
        assert!(Lookup::from_report("not json").is_err());
    }
}
