//! Building the shadow DOM from the model: the programs come from
//! `core::render`, and `bindings::build` creates them. Untrusted text only
//! ever becomes a text node or an attribute value; URLs pass the URL policy
//! first.

use web_sys::{Document, Element, ShadowRoot};

use super::bindings::{self as b, DomResult};
use super::sanitize;
use newsreel_core::dates::DateValue;
use newsreel_core::html::build::Build;
use newsreel_core::html::sanitize::BodyOptions;
use newsreel_core::model::{Article, Body};
pub use newsreel_core::view::programs::RenderOptions;
use newsreel_core::view::programs::{
    article_program, skeleton_program, ticker_program, Platform, SkeletonWords, LOOP_COPY_PART,
};

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

impl Skeleton {
    /// The skeleton from its fourteen nodes in the order of the fields (the
    /// order `skeleton_program` builds them and `adopt` finds them in);
    /// `None` for any other count.
    fn from_nodes(nodes: Vec<Element>) -> Option<Skeleton> {
        let nodes: [Element; 14] = nodes.try_into().ok()?;
        let [root, ticker, label, pause, prev, next, lane, items, copy, article, error, stale, announce, fallback] =
            nodes;
        Some(Skeleton {
            root,
            ticker,
            label,
            pause,
            prev,
            next,
            lane,
            items,
            copy,
            article,
            error,
            stale,
            announce,
            fallback,
        })
    }
}

/// Creates the skeleton in a (cleared) shadow root.
pub fn skeleton(shadow: &ShadowRoot, words: &SkeletonWords) -> DomResult<Skeleton> {
    b::set_text(shadow, "");
    let kept = b::build(shadow, &skeleton_program(words))?;
    Skeleton::from_nodes(kept).ok_or_else(|| wasm_bindgen::JsValue::from_str("the skeleton was not built"))
}

/// The skeleton of a shadow root the server rendered (`crate::server`),
/// found in place, for the widget to take over without re-creating it;
/// `None` when something is missing, and the skeleton is built anew.
pub fn adopt(shadow: &ShadowRoot) -> Option<Skeleton> {
    const SELECTORS: [&str; 14] = [
        ".nr[part=root]",
        "section[part=ticker]",
        "#nr-label",
        "[part=pause]",
        "[part=prev]",
        "[part=next]",
        ".lane",
        "ul.items[part=list]",
        "ul.items.copy",
        "article[part=article]",
        "[part=error]",
        "[part=stale]",
        "[role=status]",
        "slot",
    ];
    let fragment: &web_sys::DocumentFragment = shadow;
    let mut found = Vec::with_capacity(SELECTORS.len());
    for selector in SELECTORS {
        found.push(b::query(fragment, selector).ok()??);
    }
    Skeleton::from_nodes(found)
}

/// Whether the ticker already shows these headlines, in this order, as the
/// server wrote them (ids, headlines and dates): then a widget taking over
/// keeps those nodes and only writes the dates again, in the browser's words
/// (and makes the loop copy again if a date's words changed).
pub fn ticker_matches(sk: &Skeleton, articles: &[Article], options: &RenderOptions) -> DomResult<bool> {
    let picks = b::query_all(&sk.items, ".pick");
    if picks.len() != articles.len() {
        return Ok(false);
    }
    let mut rewritten = false;
    for (pick, article) in picks.iter().zip(articles) {
        let title = b::query(pick, ".title")?.map(|t| b::text_content(&t));
        let time = b::query(pick, "time")?;
        let datetime = time.as_ref().and_then(|t| b::attr(t, "datetime"));
        if b::attr(pick, "data-id").as_deref() != Some(article.id.as_str())
            || title.as_deref() != Some(article.headline.as_str())
            || datetime != article.date_published.as_ref().map(DateValue::to_iso)
        {
            return Ok(false);
        }
    }
    for (pick, article) in picks.iter().zip(articles) {
        if let (Some(time), Some(date)) = (b::query(pick, "time")?, &article.date_published) {
            let text = Browser.date_text(date, options);
            if b::text_content(&time) != text {
                b::set_text(&time, &text);
                rewritten = true;
            }
        }
    }
    if rewritten && b::child_element_count(&sk.copy) > 0 {
        fill_copy(sk)?;
    }
    Ok(true)
}

/// The same for the article view: the server's view of this article is
/// kept, its date written again by `Intl`.
pub fn article_matches(sk: &Skeleton, article: &Article, options: &RenderOptions) -> DomResult<bool> {
    let headline = b::query(&sk.article, "[part=headline]")?;
    if sk.article.has_attribute("hidden")
        || headline.map(|h| b::text_content(&h)).as_deref() != Some(article.headline.as_str())
    {
        return Ok(false);
    }
    if let (Some(time), Some(date)) = (b::query(&sk.article, "[part=date]")?, &article.date_published) {
        let text = Browser.date_text(date, options);
        if b::text_content(&time) != text {
            b::set_text(&time, &text);
        }
    }
    Ok(true)
}

/// The browser's parts of rendering: dates by `Intl`, bodies by `DOMParser`.
struct Browser;

impl Platform for Browser {
    fn date_text(&self, date: &DateValue, options: &RenderOptions) -> String {
        if options.relative_dates {
            b::format_relative(date.epoch_ms as f64, &options.locale)
        } else {
            b::format_date(date.epoch_ms as f64, date.has_time, &options.locale)
        }
    }

    fn body_html(&self, out: &mut Build, html: &str, options: &BodyOptions) {
        sanitize::body_html(out, html, options);
    }
}

/// Replaces the ticker's entries (and the loop copy's). `fresh` names the
/// headlines a refresh brought; `current`, the entry marked open.
pub fn ticker_items(
    doc: &Document,
    sk: &Skeleton,
    articles: &[Article],
    current: Option<&str>,
    fresh: &[String],
    options: &RenderOptions,
) -> DomResult<()> {
    let p = ticker_program(articles, current, fresh, options, &Browser);
    let list = b::fragment(doc);
    b::build(&list, &p)?;
    b::set_text(&sk.items, "");
    b::append(&sk.items, &list)?;
    fill_copy(sk)
}

/// Makes the marquee's loop copy from the list, as `programs::loop_copy`
/// makes it from the entries' program: one deep clone, not a second build, a
/// fraction of the work in the DOM (and no program kept for it).
pub fn fill_copy(sk: &Skeleton) -> DomResult<()> {
    let copy = b::deep_clone_children(&sk.items)?;
    for entry in b::query_all(&copy, "[part~=item]") {
        b::set_attr(&entry, "part", LOOP_COPY_PART)?;
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
    let p = article_program(article, body, options, &Browser);
    b::build(view, &p)?;
    b::set_flag(view, "hidden", false)
}
