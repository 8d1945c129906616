//! Building the shadow DOM from the model. Untrusted text only ever becomes a
//! text node or an attribute value; URLs pass the URL policy first.

use crate::prelude::*;
use crate::core::cat::cat;

use super::bindings::{self as b, DomResult};
use super::sanitize;
use crate::core::dates::DateValue;
use crate::core::model::{Article, Body};
use crate::core::url_policy::{allowed, UrlUse};
use web_sys::{Document, Element, ShadowRoot};

/// The persistent nodes of one widget's shadow root.
pub struct Skeleton {
    pub root: Element,
    pub ticker: Element,
    pub label: Element,
    pub pause: Element,
    pub prev: Element,
    pub next: Element,
    pub lane: Element,
    pub items: Element,
    pub copy: Element,
    pub article: Element,
    pub error: Element,
    pub fallback: Element,
}

/// How the host configured rendering (attributes), read once per render.
pub struct RenderOptions {
    pub locale: String,
    pub heading_level: u8,
    pub images: bool,
    pub relative_dates: bool,
    pub link_target: Option<String>,
}

/// Creates the skeleton: ticker (label, controls, lane), article view, error
/// box, and a `<slot>` that keeps the host's fallback HTML visible until the
/// widget has rendered.
pub fn skeleton(doc: &Document, shadow: &ShadowRoot) -> DomResult<Skeleton> {
    let root = b::el(doc, "div", &[("class", "nr"), ("part", "root")])?;
    let ticker = b::el(doc, "section", &[("class", "ticker"), ("part", "ticker"), ("aria-labelledby", "nr-label")])?;
    let label = b::text_el(doc, "div", &[("class", "label"), ("id", "nr-label")], "Latest news")?;
    let controls = b::el(doc, "div", &[("class", "controls")])?;
    let pause = b::text_el(doc, "button", &[("type", "button"), ("class", "pause"), ("part", "pause")], "Pause")?;
    let prev = b::text_el(doc, "button", &[("type", "button"), ("class", "step"), ("part", "prev"), ("aria-label", "Previous headline")], "‹")?;
    let next = b::text_el(doc, "button", &[("type", "button"), ("class", "step"), ("part", "next"), ("aria-label", "Next headline")], "›")?;
    let viewport = b::el(doc, "div", &[("class", "viewport")])?;
    let lane = b::el(doc, "div", &[("class", "lane")])?;
    let items = b::el(doc, "ul", &[("class", "items"), ("part", "list"), ("aria-live", "off")])?;
    // The seamless-loop copy: invisible to assistive tech and to Tab.
    let copy = b::el(doc, "ul", &[("class", "items copy"), ("aria-hidden", "true"), ("inert", "")])?;
    let article = b::el(doc, "article", &[("class", "article"), ("part", "article")])?;
    let error = b::el(doc, "p", &[("class", "error"), ("part", "error"), ("role", "alert"), ("hidden", "")])?;
    let fallback = b::el(doc, "slot", &[])?;

    // The pause control comes first in the widget's tab order.
    for n in [&pause, &prev, &next] {
        b::append(&controls, n)?;
    }
    b::append(&lane, &items)?;
    b::append(&lane, &copy)?;
    b::append(&viewport, &lane)?;
    // Order matters for Tab: the pause control comes before the headlines.
    b::append(&ticker, &label)?;
    b::append(&ticker, &controls)?;
    b::append(&ticker, &viewport)?;
    b::set_flag(&ticker, "hidden", true)?;
    b::set_flag(&article, "hidden", true)?;
    b::append(&root, &ticker)?;
    b::append(&root, &article)?;
    b::append(&root, &error)?;
    b::append(&root, &fallback)?;
    shadow.set_text_content(None);
    b::append(shadow, &root)?;
    Ok(Skeleton { root, ticker, label, pause, prev, next, lane, items, copy, article, error, fallback })
}

/// The `<time>` element for a date, formatted in the page's language.
fn time_el(doc: &Document, date: &DateValue, options: &RenderOptions, part: Option<&str>) -> DomResult<Element> {
    let text = if options.relative_dates {
        b::format_relative(date.epoch_ms as f64, b::now_ms(), &options.locale)
    } else {
        b::format_date(date.epoch_ms as f64, date.has_time, &options.locale)
    };
    let iso = date.to_iso();
    let mut attrs = vec![("datetime", iso.as_str())];
    if let Some(p) = part {
        attrs.push(("part", p));
    }
    b::text_el(doc, "time", &attrs, &text)
}

/// One ticker entry: a link to the article's page when it has a safe URL
/// (the click opens it in the article view; a modified click opens the page),
/// else a button.
fn ticker_item(doc: &Document, article: &Article, options: &RenderOptions, selected: bool) -> DomResult<Element> {
    let li = b::el(doc, "li", &[("class", "item"), ("part", "item")])?;
    let href = article.url.as_deref().and_then(|u| allowed(u, UrlUse::Link));
    let pick = match &href {
        Some(h) => b::el(doc, "a", &[("href", h), ("rel", "noopener noreferrer")])?,
        None => b::el(doc, "button", &[("type", "button")])?,
    };
    b::set_attr(&pick, "class", "pick")?;
    b::set_attr(&pick, "data-id", &article.id)?;
    if selected {
        b::set_attr(&pick, "aria-current", "true")?;
    }
    if let Some(lang) = &article.language {
        b::set_attr(&pick, "lang", lang)?;
    }
    b::append(&pick, &b::text_el(doc, "span", &[("class", "title"), ("dir", "auto")], &article.headline)?)?;
    if let Some(date) = &article.date_published {
        b::append(&pick, &time_el(doc, date, options, None)?)?;
    }
    b::append(&li, &pick)?;
    Ok(li)
}

/// Replaces the ticker's entries (and the loop copy's).
pub fn ticker_items(
    doc: &Document,
    sk: &Skeleton,
    articles: &[Article],
    selected: Option<&str>,
    options: &RenderOptions,
) -> DomResult<()> {
    let list = doc.create_document_fragment();
    for a in articles {
        let is_selected = selected == Some(a.id.as_str());
        b::append(&list, &ticker_item(doc, a, options, is_selected)?)?;
    }
    // The loop copy is one deep clone, not a second build: a fraction of the
    // calls into the DOM. Its entries get a part of their own, so that
    // `[part=item]` counts each headline once, and no current marker.
    let copy = b::deep_clone(&list)?;
    for entry in b::query_all(&copy, "[part=item]") {
        b::set_attr(&entry, "part", "item-copy")?;
    }
    for current in b::query_all(&copy, "[aria-current]") {
        b::remove_attr(&current, "aria-current")?;
    }
    b::clear(&sk.items);
    b::clear(&sk.copy);
    b::append(&sk.items, &list)?;
    b::append(&sk.copy, &copy)?;
    b::set_flag(&sk.ticker, "hidden", articles.is_empty())
}

/// Marks which ticker entry is open in the article view.
pub fn mark_selected(sk: &Skeleton, id: &str) -> DomResult<()> {
    for pick in b::query_all(&sk.items, ".pick") {
        if b::attr(&pick, "data-id").as_deref() == Some(id) {
            b::set_attr(&pick, "aria-current", "true")?;
        } else {
            b::remove_attr(&pick, "aria-current")?;
        }
    }
    Ok(())
}

/// Fills the article view with one article.
pub fn article_view(doc: &Document, sk: &Skeleton, article: &Article, options: &RenderOptions) -> DomResult<()> {
    let view = &sk.article;
    b::clear(view);
    match &article.language {
        Some(lang) => b::set_attr(view, "lang", lang)?,
        None => b::remove_attr(view, "lang")?,
    }
    let heading = cat!('h', options.heading_level.clamp(1, 6));
    let headline = b::text_el(
        doc,
        &heading,
        &[("class", "headline"), ("part", "headline"), ("tabindex", "-1"), ("dir", "auto"), ("id", "nr-headline")],
        &article.headline,
    )?;
    b::append(view, &headline)?;
    b::set_attr(view, "aria-labelledby", "nr-headline")?;

    let meta = b::el(doc, "p", &[("class", "meta")])?;
    if let Some(date) = &article.date_published {
        b::append(&meta, &time_el(doc, date, options, Some("date"))?)?;
    }
    if !article.authors.is_empty() {
        b::append(&meta, &b::text_el(doc, "span", &[("part", "byline"), ("dir", "auto")], &article.authors.join(", "))?)?;
    }
    if let Some(publisher) = &article.publisher {
        b::append(&meta, &b::text_el(doc, "span", &[("part", "publisher"), ("dir", "auto")], publisher)?)?;
    }
    if meta.has_child_nodes() {
        b::append(view, &meta)?;
    }

    if options.images {
        if let Some(image) = &article.image {
            if let Some(src) = allowed(&image.url, UrlUse::Image) {
                let figure = b::el(doc, "figure", &[("class", "figure")])?;
                let img = b::el(
                    doc,
                    "img",
                    &[
                        ("part", "image"),
                        ("src", &src),
                        ("alt", image.alt.as_deref().unwrap_or("")),
                        ("loading", "lazy"),
                        ("decoding", "async"),
                        ("referrerpolicy", "no-referrer"),
                    ],
                )?;
                if let (Some(w), Some(h)) = (image.width, image.height) {
                    b::set_attr(&img, "width", &cat!(w))?;
                    b::set_attr(&img, "height", &cat!(h))?;
                }
                b::append(&figure, &img)?;
                b::append(view, &figure)?;
            }
        }
    }

    let body = b::el(doc, "div", &[("class", "body"), ("part", "body"), ("dir", "auto")])?;
    match &article.body {
        Body::Paragraphs(paragraphs) => {
            for p in paragraphs {
                b::append(&body, &b::text_el(doc, "p", &[], p)?)?;
            }
        }
        Body::Html(html) => sanitize::append_html(doc, &body, html, options.images, options.link_target.as_deref())?,
        Body::None => {}
    }
    if article.body.is_empty() {
        if let Some(summary) = &article.summary {
            b::append(&body, &b::text_el(doc, "p", &[("class", "summary")], summary)?)?;
        }
    }
    if body.has_child_nodes() {
        b::append(view, &body)?;
    }

    if let Some(href) = article.url.as_deref().and_then(|u| allowed(u, UrlUse::Link)) {
        let more = b::el(doc, "p", &[("class", "more")])?;
        let link = b::text_el(doc, "a", &[("part", "link"), ("href", &href), ("rel", "noopener noreferrer")], "Read the full article")?;
        if let Some(target) = &options.link_target {
            b::set_attr(&link, "target", target)?;
        }
        b::append(&more, &link)?;
        b::append(view, &more)?;
    }
    b::set_flag(view, "hidden", false)
}
