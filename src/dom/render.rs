//! Building the shadow DOM from the model. Untrusted text only ever becomes a
//! text node or an attribute value; URLs pass the URL policy first. Each
//! render writes a `Build` program (core) and `bindings::build` creates it.

use web_sys::{Document, Element, ShadowRoot};

use super::bindings::{self as b, DomResult};
use super::sanitize;
use crate::core::build::Build;
use crate::core::dates::DateValue;
use crate::core::model::{Article, Body};
use crate::core::url_policy::{allowed, UrlUse};

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
    /// Shown while a feed loaded by `src` could not be refreshed.
    pub stale: Element,
    /// A polite live region: "3 new headlines" after a refresh.
    pub announce: Element,
    pub fallback: Element,
}

/// How the host configured rendering (attributes), read once per render.
pub struct RenderOptions {
    /// `view="ticker"`: headlines are links to the articles' pages (a plain
    /// click follows them), and one without a URL is plain text.
    pub ticker_only: bool,
    pub locale: String,
    pub heading_level: u8,
    pub images: bool,
    pub relative_dates: bool,
    pub link_target: Option<String>,
    /// The words of the link to the article's page, in the widget's language.
    pub read_more: String,
}

/// The shadow DOM of a widget before any data: the ticker (label, controls,
/// lane with the list and its loop copy), the article view, the error box,
/// and a `<slot>` that keeps the host's fallback HTML visible until the
/// widget has rendered. `keep` marks the elements of `Skeleton`, in order.
fn skeleton_program() -> Build {
    let mut p = Build::new();
    p.open_with("div", &[("class", "nr"), ("part", "root")]).keep();
    p.open_with("section", &[("class", "ticker"), ("part", "ticker"), ("aria-labelledby", "nr-label"), ("hidden", "")]).keep();
    p.open_with("div", &[("class", "label"), ("id", "nr-label")]).keep().text("Latest news").close();
    // Order matters for Tab: the pause control comes before the headlines.
    p.open_with("div", &[("class", "controls")]);
    p.open_with("button", &[("type", "button"), ("class", "pause"), ("part", "pause")]).keep().text("Pause").close();
    p.open_with("button", &[("type", "button"), ("class", "step"), ("part", "prev"), ("aria-label", "Previous headline")])
        .keep()
        .text("‹")
        .close();
    p.open_with("button", &[("type", "button"), ("class", "step"), ("part", "next"), ("aria-label", "Next headline")])
        .keep()
        .text("›")
        .close();
    p.close();
    p.open_with("div", &[("class", "viewport")]);
    p.open_with("div", &[("class", "lane")]).keep();
    p.open_with("ul", &[("class", "items"), ("part", "list"), ("aria-live", "off")]).keep().close();
    // The seamless-loop copy: invisible to assistive tech and to Tab.
    p.open_with("ul", &[("class", "items copy"), ("aria-hidden", "true"), ("inert", "")]).keep().close();
    p.close().close();
    p.close(); // section
    p.open_with("article", &[("class", "article"), ("part", "article"), ("hidden", "")]).keep().close();
    p.open_with("p", &[("class", "error"), ("part", "error"), ("role", "alert"), ("hidden", "")]).keep().close();
    p.open_with("p", &[("class", "stale"), ("part", "stale"), ("hidden", "")]).keep().close();
    p.open_with("div", &[("class", "visually-hidden"), ("role", "status"), ("aria-live", "polite")]).keep().close();
    p.open("slot").keep().close();
    p.close();
    p
}

/// Creates the skeleton in a (cleared) shadow root.
pub fn skeleton(shadow: &ShadowRoot) -> DomResult<Skeleton> {
    b::set_text(shadow, "");
    let kept = b::build(shadow, &skeleton_program())?;
    let [root, ticker, label, pause, prev, next, lane, items, copy, article, error, stale, announce, fallback]: [Element; 14] =
        kept.try_into().map_err(|_| wasm_bindgen::JsValue::from_str("the skeleton was not built"))?;
    Ok(Skeleton { root, ticker, label, pause, prev, next, lane, items, copy, article, error, stale, announce, fallback })
}

/// The `<time>` element for a date, formatted in the page's language.
fn time_el(p: &mut Build, date: &DateValue, options: &RenderOptions, part: Option<&str>) {
    let text = if options.relative_dates {
        b::format_relative(date.epoch_ms as f64, &options.locale)
    } else {
        b::format_date(date.epoch_ms as f64, date.has_time, &options.locale)
    };
    p.open_with("time", &[("datetime", &date.to_iso())]);
    if let Some(part) = part {
        p.attr("part", part);
    }
    p.text(&text).close();
}

/// One ticker entry: a link to the article's page when it has a safe URL
/// (the click opens it in the article view; a modified click opens the page),
/// else a button.
fn ticker_item(p: &mut Build, article: &Article, options: &RenderOptions, selected: bool, fresh: bool) {
    // `item new`: a headline a refresh brought, for a short highlight.
    p.open_with("li", &[("class", "item"), ("part", if fresh { "item new" } else { "item" })]);
    match article.url.as_deref().and_then(|u| allowed(u, UrlUse::Link)) {
        Some(href) => {
            p.open_with("a", &[("href", &href), ("rel", "noopener noreferrer")]);
            if let (true, Some(target)) = (options.ticker_only, &options.link_target) {
                p.attr("target", target);
            }
        }
        // Without an article view there is nothing to open: no dead control.
        None if options.ticker_only => {
            p.open_with("span", &[]);
        }
        None => {
            p.open_with("button", &[("type", "button")]);
        }
    }
    p.attrs(&[("class", "pick"), ("data-id", &article.id)]);
    if selected {
        p.attr("aria-current", "true");
    }
    if let Some(lang) = &article.language {
        p.attr("lang", lang);
    }
    p.leaf("span", &[("class", "title"), ("dir", "auto")], &article.headline);
    if let Some(date) = &article.date_published {
        time_el(p, date, options, None);
    }
    p.close().close();
}

/// Replaces the ticker's entries (and the loop copy's). `fresh` names the
/// headlines a refresh brought.
pub fn ticker_items(
    doc: &Document,
    sk: &Skeleton,
    articles: &[Article],
    selected: Option<&str>,
    fresh: &[String],
    options: &RenderOptions,
) -> DomResult<()> {
    let mut p = Build::new();
    for a in articles {
        ticker_item(&mut p, a, options, selected == Some(a.id.as_str()), fresh.contains(&a.id));
    }
    let list = b::fragment(doc);
    b::build(&list, &p)?;
    b::set_text(&sk.items, "");
    b::append(&sk.items, &list)?;
    fill_copy(sk)?;
    b::set_flag(&sk.ticker, "hidden", articles.is_empty())
}

/// Makes the marquee's loop copy from the list: one deep clone, not a second
/// build, a fraction of the work in the DOM. Its entries get a part of their
/// own, so that `[part=item]` counts each headline once, and no current marker.
pub fn fill_copy(sk: &Skeleton) -> DomResult<()> {
    let copy = b::deep_clone_children(&sk.items)?;
    for entry in b::query_all(&copy, "[part~=item]") {
        b::set_attr(&entry, "part", "item-copy")?;
    }
    for current in b::query_all(&copy, "[aria-current]") {
        b::remove_attr(&current, "aria-current")?;
    }
    b::set_text(&sk.copy, "");
    b::append(&sk.copy, &copy)
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

/// Fills the article view with one article, whose body is given resolved
/// (bodies stay undecoded in the model until an article is opened).
pub fn article_view(sk: &Skeleton, article: &Article, body: &Body, options: &RenderOptions) -> DomResult<()> {
    let view = &sk.article;
    b::set_text(view, "");
    match &article.language {
        Some(lang) => b::set_attr(view, "lang", lang)?,
        None => b::remove_attr(view, "lang")?,
    }
    b::set_attr(view, "aria-labelledby", "nr-headline")?;
    let mut p = Build::new();
    p.leaf(
        &format!("h{}", options.heading_level.clamp(1, 6)),
        &[("class", "headline"), ("part", "headline"), ("tabindex", "-1"), ("dir", "auto"), ("id", "nr-headline")],
        &article.headline,
    );

    // Parts that would be empty are left out.
    let meta = p.open_optional("p", &[("class", "meta")]);
    if let Some(date) = &article.date_published {
        time_el(&mut p, date, options, Some("date"));
    }
    if !article.authors.is_empty() {
        p.leaf("span", &[("part", "byline"), ("dir", "auto")], &article.authors.join(", "));
    }
    if let Some(publisher) = &article.publisher {
        p.leaf("span", &[("part", "publisher"), ("dir", "auto")], publisher);
    }
    p.close_optional(meta);

    if let Some(image) = article.image.as_ref().filter(|_| options.images) {
        if let Some(src) = allowed(&image.url, UrlUse::Image) {
            p.open_with("figure", &[("class", "figure")]);
            p.open_with(
                "img",
                &[
                    ("part", "image"),
                    ("src", &src),
                    ("alt", image.alt.as_deref().unwrap_or("")),
                    ("loading", "lazy"),
                    ("decoding", "async"),
                    ("referrerpolicy", "no-referrer"),
                ],
            );
            if let (Some(w), Some(h)) = (image.width, image.height) {
                p.attrs(&[("width", &w.to_string()), ("height", &h.to_string())]);
            }
            p.close().close();
        }
    }

    let body_el = p.open_optional("div", &[("class", "body"), ("part", "body"), ("dir", "auto")]);
    match body {
        Body::Paragraphs(paragraphs) => {
            for text in paragraphs {
                p.leaf("p", &[], text);
            }
        }
        Body::Html(html) => sanitize::body_html(&mut p, html, options.images, options.link_target.as_deref()),
        _ => {}
    }
    if body.is_empty() {
        if let Some(summary) = &article.summary {
            p.leaf("p", &[("class", "summary")], summary);
        }
    }
    p.close_optional(body_el);

    if let Some(href) = article.url.as_deref().and_then(|u| allowed(u, UrlUse::Link)) {
        p.open_with("p", &[("class", "more")]);
        p.open_with("a", &[("part", "link"), ("href", &href), ("rel", "noopener noreferrer")]);
        if let Some(target) = &options.link_target {
            p.attr("target", target);
        }
        p.text(&options.read_more).close().close();
    }
    b::build(view, &p)?;
    b::set_flag(view, "hidden", false)
}
