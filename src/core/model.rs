//! The data model every decoder produces and the DOM shell renders.

use crate::prelude::*;
use crate::core::cat::{cat, Piece};

use super::dates::DateValue;

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
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    pub url: String,
    pub alt: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// An article body: plain paragraphs, or HTML that the DOM shell sanitises.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Body {
    #[default]
    None,
    Paragraphs(Vec<String>),
    Html(String),
}

impl Body {
    pub fn is_empty(&self) -> bool {
        match self {
            Body::None => true,
            Body::Paragraphs(p) => p.is_empty(),
            Body::Html(h) => h.trim().is_empty(),
        }
    }
}

/// Which format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// newsreel's own format, version 1 (see README).
    Newsreel,
    JsonLd,
    JsonFeed,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Newsreel => "newsreel",
            Format::JsonLd => "JSON-LD",
            Format::JsonFeed => "JSON Feed",
        }
    }
}

/// A problem with one field or item that did not stop the rest from rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// Where: `"latest[2]"`, `"item 3 (items[2])"`, `"block 2"`.
    pub location: String,
    pub message: String,
}

/// Adds a warning. One function for every place that warns: a struct literal
/// at each place repeats the allocation and push code.
pub fn warn(warnings: &mut Vec<Warning>, location: &str, message: String) {
    warnings.push(Warning { location: location.into(), message });
}

impl Piece for Warning {
    fn add_to(&self, out: &mut String) {
        out.push_str(&self.location);
        out.push_str(": ");
        out.push_str(&self.message);
    }
}

impl core::fmt::Display for Warning {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&cat!(self))
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
    pub warnings: Vec<Warning>,
}

impl NewsDocument {
    /// Every article the widget can show, main first, each id once.
    pub fn articles(&self) -> Vec<&Article> {
        let mut all = Vec::new();
        if let Some(main) = &self.main {
            all.push(main);
        }
        for a in &self.latest {
            if self.main.as_ref().is_none_or(|m| m.id != a.id) {
                all.push(a);
            }
        }
        all
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
