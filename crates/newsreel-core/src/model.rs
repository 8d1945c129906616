//! The data model every decoder produces and the DOM shell renders: plain
//! data, above `dates` only. Decoding it, a deferred body's included, is the
//! work of `formats`.

use std::fmt;
use std::ops::Range;

use crate::dates::DateValue;

/// One news article, as decoded from any supported format.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// Stable identifier: the source's `id`/`@id`, else its URL, else a generated `item-N`.
    pub id: String,
    pub headline: String,
    pub url: Option<String>,
    pub date_published: Option<DateValue>,
    pub date_modified: Option<DateValue>,
    /// Author names, in source order.
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub image: Option<Image>,
    /// A short summary (`description`, JSON Feed `summary`).
    pub summary: Option<String>,
    pub body: Body,
    /// BCP 47 language tag (`inLanguage`, `language`).
    pub language: Option<String>,
    pub tags: Vec<String>,
    /// What relative links and images in the body are read against: the
    /// item's `xml:base`, the channel's link or where the feed was fetched.
    /// `None` for data the page holds, whose relative URLs are the page's.
    pub body_base: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    pub url: String,
    pub alt: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// An article body: plain paragraphs, HTML that the DOM shell sanitises, or
/// a body not decoded yet.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Body {
    #[default]
    None,
    Paragraphs(Vec<String>),
    Html(String),
    /// A body left where it is until its article is opened: most articles of
    /// a long feed are never read, so their bodies are neither unescaped nor
    /// copied. `span` is the byte range of a JSON string literal (quotes
    /// included) in source text number `block`, as given to
    /// `decode_blocks`; `formats::bodies::resolve_body` reads it.
    Deferred {
        block: usize,
        span: Range<usize>,
        kind: BodyKind,
    },
}

/// What a deferred body's text is once decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// HTML (JSON Feed's `content_html`).
    Html,
    /// Plain text, split into paragraphs (JSON Feed's `content_text`).
    Plain,
    /// HTML if it carries markup, else plain text (schema.org's `articleBody`).
    Detect,
}

impl Body {
    /// True when there is nothing to show. A deferred body is never empty:
    /// decoders defer only text that is not blank.
    pub fn is_empty(&self) -> bool {
        match self {
            Body::None => true,
            Body::Paragraphs(p) => p.is_empty(),
            Body::Html(h) => h.trim().is_empty(),
            Body::Deferred { .. } => false,
        }
    }
}

/// Which format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// newsreel's own format, version 1 (see docs/input.md).
    Newsreel,
    JsonLd,
    JsonFeed,
    /// RSS 0.9x, 1.0 (RDF) and 2.0.
    Rss,
    /// Atom 1.0.
    Atom,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Newsreel => "newsreel",
            Format::JsonLd => "JSON-LD",
            Format::JsonFeed => "JSON Feed",
            Format::Rss => "RSS",
            Format::Atom => "Atom",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A problem with one field or item that did not stop the rest from rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// Where: `"latest[2]"`, `"item 3 (items[2])"`, `"block 2"`.
    pub location: String,
    pub message: String,
}

/// Adds a warning.
pub fn warn(warnings: &mut Vec<Warning>, location: &str, message: impl Into<String>) {
    warnings.push(Warning { location: location.into(), message: message.into() });
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Everything decoded from a page's JSON, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct NewsDocument {
    pub format: Format,
    /// The article for the article view (the page's main article).
    pub main: Option<Article>,
    /// The ticker's articles, in display order.
    pub latest: Vec<Article>,
    /// Title of the list or feed, where the source gives one.
    pub title: Option<String>,
    pub language: Option<String>,
    /// How many articles the source held before the ticker was capped.
    pub found: usize,
    /// Articles a decoder left unbuilt because the ticker could never show
    /// them (see `normalize::shown`); they count in `found`.
    pub unbuilt: usize,
    pub warnings: Vec<Warning>,
}

impl NewsDocument {
    /// Every article the widget can show, main first, each id once.
    pub fn articles(&self) -> Vec<&Article> {
        let main = self.main.as_ref();
        main.into_iter().chain(self.latest.iter().filter(|a| main.is_none_or(|m| m.id != a.id))).collect()
    }

    /// The article with this id: the main one, else the first in the ticker.
    pub fn find(&self, id: &str) -> Option<&Article> {
        self.main.iter().chain(&self.latest).find(|a| a.id == id)
    }

    /// The article the view opens with: the main one, else the first of the ticker.
    pub fn initial(&self) -> Option<&Article> {
        self.main.as_ref().or_else(|| self.latest.first())
    }
}
