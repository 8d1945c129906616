//! The values Rust hands to JS: event details and `element.articles`. Each is
//! a `Serialize` type, converted with serde-wasm-bindgen (`bindings::to_js`);
//! `None` becomes `null`.

use serde::Serialize;

use newsreel_core::model::Article;

/// `newsreel:ready`.
#[derive(Serialize)]
pub struct Ready {
    /// How many articles the data held (before the ticker was capped or filtered by `tags`).
    pub count: usize,
    /// How many headlines the ticker shows.
    pub shown: usize,
    /// Problems with single fields or items that did not stop rendering.
    pub warnings: Vec<String>,
}

/// `newsreel:select`.
#[derive(Serialize)]
pub struct Select<'a> {
    pub id: &'a str,
    pub url: Option<&'a str>,
}

/// `newsreel:navigate`: the article's id, and the absolute URL followed.
#[derive(Serialize)]
pub struct Navigate<'a> {
    pub id: &'a str,
    pub url: &'a str,
}

/// `newsreel:error`. `status` and `url` are those of a feed loaded by
/// `src`: the HTTP status (0 when no response came), and the URL as given.
#[derive(Serialize)]
pub struct Error<'a> {
    pub message: &'a str,
    pub status: Option<u16>,
    pub url: Option<&'a str>,
}

/// `newsreel:update`: a refresh of `src` changed the ticker.
#[derive(Serialize)]
pub struct Update {
    /// How many articles the new data holds.
    pub count: usize,
    /// Ids of the headlines that are new, and of those that left.
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// One entry of `element.articles`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary<'a> {
    pub id: &'a str,
    pub headline: &'a str,
    pub url: Option<&'a str>,
    /// ISO date or date-time.
    pub date_published: Option<String>,
}

impl<'a> From<&'a Article> for ArticleSummary<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleSummary {
            id: &a.id,
            headline: &a.headline,
            url: a.url.as_deref(),
            date_published: a.date_published.map(|d| d.to_iso()),
        }
    }
}
