//! The widget's HTML, rendered on the server: one `<news-reel>` element
//! whose declarative shadow root (`<template shadowrootmode="open">`) holds
//! the DOM the browser build creates for the same input and attributes. The
//! element takes it over when its script runs (see the README, "Server
//! rendering").
//!
//! The programs are the browser's (`core::render`); what the widget then
//! changes on them (classes, hidden parts, the loop copy, the words of its
//! language) is done here the same way, so the two agree node for node.
//! What needs a browser is left to it: how wide the headlines are (whether a
//! marquee fits, its speed), the reader's motion preference, and dates
//! other than in English, written as ISO dates until the widget rewrites them
//! with `Intl`.

use newsreel_core::dates::DateValue;
use newsreel_core::formats::normalize::{wanted_tags, TagFilter};
use newsreel_core::html::build::Build;
use newsreel_core::html::sanitize::BodyOptions;
use newsreel_core::i18n::strings::Language;
use newsreel_core::model::{resolve_body, NewsDocument};
use newsreel_core::view::programs::{
    self as programs, root_class, Direction, Mode, Motion, Platform, SkeletonWords, View,
};
use newsreel_core::{decode_blocks, formats::feeds, input::remote, input::xml, DecodeError, DecodeOptions};

use crate::html;
use crate::tree::{Id, Tree};
use newsreel_core::html::build::escape_html;

/// The element's attributes, as a server sets them. Each is written onto
/// the element too, so the widget that takes over reads the same ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderOptions {
    /// `both` (default), `ticker` or `article`.
    pub view: Option<String>,
    /// `marquee` (default), `vertical`, `slide` or `list`.
    pub mode: Option<String>,
    pub rows: Option<u32>,
    /// The widget's language (`lang`): its own words, and its dates.
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub max_items: Option<usize>,
    pub label: Option<String>,
    pub heading_level: Option<u8>,
    /// False: `images="none"`.
    pub no_images: bool,
    pub target: Option<String>,
    pub tags: Option<String>,
    /// The `article` attribute: the article the view opens with.
    pub article: Option<String>,
    /// The feed's URL, for an XML feed (or any feed) the widget should load
    /// and refresh itself once it takes over.
    pub src: Option<String>,
    /// Where `newsreel.css` is served, linked from inside the shadow root
    /// (`style-src 'self'` allows it, where an inline style would need
    /// `'unsafe-inline'`). Default `newsreel.css`, beside the page.
    pub css_url: Option<String>,
}

/// Renders the widget for `input`: any text the widget reads (our JSON,
/// JSON-LD, a JSON array of JSON-LD nodes, JSON Feed, RSS, Atom).
///
/// ```no_run
/// use newsreel_server::{render_html, RenderOptions};
///
/// let feed = std::fs::read_to_string("news.xml").unwrap();
/// let options = RenderOptions { mode: Some("vertical".into()), lang: Some("ru".into()), ..RenderOptions::default() };
/// match render_html(&feed, &options) {
///     Ok(element) => println!("<!doctype html><script type=module src=newsreel.js></script>{element}"),
///     Err(e) => eprintln!("the news could not be shown: {e}"),
/// }
/// ```
pub fn render_html(input: &str, options: &RenderOptions) -> Result<String, DecodeError> {
    // Classified once: how it is decoded, and whether it goes into the
    // element for the widget that takes over (JSON), or is left for it to
    // fetch from `src` (a feed).
    let content = remote::classify(input, "");
    let doc = decode(input, content, options)?;
    let embedded = content == remote::Content::Json && options.src.is_none();
    Ok(render_document(&doc, &[input], embedded, options))
}

/// Decodes as the browser build does: JSON by serde_json, XML by a parser
/// into the same neutral tree `DOMParser` gives (a feed that only a lenient
/// reader accepts is repaired first, as in the browser).
fn decode(input: &str, content: remote::Content, options: &RenderOptions) -> Result<NewsDocument, DecodeError> {
    let wanted = options.tags.as_deref().map(|t| wanted_tags(t, str::to_lowercase)).unwrap_or_default();
    let mut decode_options = DecodeOptions {
        main_id: options.article.as_deref(),
        tags: TagFilter { wanted: &wanted, fold: str::to_lowercase },
        ..DecodeOptions::default()
    };
    if let Some(n) = options.max_items {
        decode_options.max_items = n.clamp(1, 10_000);
    }
    match content {
        remote::Content::Xml => feeds::decode_text(input, xml::from_text, decode_options),
        _ => decode_blocks(&[input], decode_options),
    }
}

/// The server's parts of rendering.
struct Server;

impl Platform for Server {
    /// English dates as `Intl.DateTimeFormat("en", { dateStyle: "medium" })`
    /// writes them; other languages, and times (which the browser writes in
    /// the reader's time zone), as ISO text until the widget rewrites them.
    fn date_text(&self, date: &DateValue, options: &programs::RenderOptions) -> String {
        let english = options.locale.is_empty() || options.locale.to_ascii_lowercase().starts_with("en");
        match (english, date.has_time) {
            (true, false) => english_date(date),
            _ => date.to_iso(),
        }
    }

    fn body_html(&self, out: &mut Build, body: &str, options: &BodyOptions) {
        html::sanitize_body(out, body, options);
    }
}

/// `Jan 15, 2026`.
fn english_date(date: &DateValue) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (y, m, d) = date.civil_date();
    let month = MONTHS.get((m as usize).wrapping_sub(1)).copied().unwrap_or_default();
    format!("{month} {d}, {y}")
}

/// The element for a decoded document; `sources` are the texts it came
/// from, for article bodies left undecoded.
fn render_document(doc: &NewsDocument, sources: &[&str], embedded: bool, options: &RenderOptions) -> String {
    let locale = options.lang.clone().or_else(|| doc.language.clone()).unwrap_or_default();
    let language = Language::for_tag(&locale);
    let words = &language.strings;
    let view = View::from_attribute(options.view.as_deref());
    let mode = Mode::from_attribute(options.mode.as_deref());
    let rows = options.rows.map_or(3, |r| r.clamp(1, 50));
    let render_options = programs::RenderOptions {
        ticker_only: view == View::Ticker,
        locale: locale.clone(),
        heading_level: options.heading_level.unwrap_or(2).clamp(1, 6),
        images: !options.no_images,
        relative_dates: false,
        link_target: options.target.clone().filter(|t| !t.is_empty()),
        read_more: words.read_more.clone(),
    };

    let mut tree = Tree::new();
    let skeleton_words =
        SkeletonWords { label: &words.label, pause: &words.pause, prev: &words.prev, next: &words.next };
    let kept = tree.build(Tree::ROOT, &programs::skeleton_program(&skeleton_words));
    let [root, ticker, label, pause, _prev, _next, lane, items, copy, article, _error, _stale, _announce, fallback] =
        kept[..]
    else {
        return String::new();
    };

    // The ticker, as `Widget::render` fills it.
    let label_text = options
        .label
        .clone()
        .filter(|l| !l.trim().is_empty())
        .or_else(|| doc.title.clone())
        .unwrap_or_else(|| words.label.clone());
    tree.set_text(label, &label_text);
    let selected = doc.initial().map(|a| a.id.clone());
    let selected_in_view = selected.as_deref().filter(|_| view != View::Ticker);
    tree.build(items, &programs::ticker_program(&doc.latest, selected_in_view, &[], &render_options, &Server));
    tree.set_flag(ticker, "hidden", doc.latest.is_empty() || view == View::Article);

    // Motion, as `Widget::update_motion` sets it for a reader who has not
    // asked for less: a vertical ticker with no more headlines than rows
    // stays still; whether a marquee fits is for the browser to measure.
    // The copy is made with the list, as in the browser (where CSS hides it
    // outside the scrolling modes), and emptied when the headlines fit.
    let fits = mode == Mode::Vertical && doc.latest.len() <= rows as usize;
    if !fits {
        fill_copy(&mut tree, items, copy);
    }
    let direction = Direction::new(options.dir.as_deref(), language.rtl);
    let motion = Motion::new(mode, mode, view, fits, false, options.src.is_some());
    tree.set_attr(root, "class", &root_class(mode, direction.rtl, fits, motion.moving, false));
    if direction.set_on_root {
        tree.set_attr(root, "dir", "rtl");
    }
    tree.set_text(pause, if motion.moving { &words.pause } else { &words.play });
    tree.set_flag(pause, "hidden", motion.pause_hidden);
    tree.set_attr(items, "aria-live", motion.live);
    if mode == Mode::Vertical {
        if let Some(viewport) = tree.parent(lane) {
            tree.set_attr(viewport, "style", &format!("--nr-rows: {rows};"));
        }
    }
    // The first slide is the one in view. The others are not made `inert`
    // and `aria-hidden` here, as the widget makes them: a reader without
    // scripts gets the whole list (the stylesheet's `scripting: none`), and
    // every headline in it must be reachable.
    if mode == Mode::Slide {
        tree.set_attr(items, "style", "--nr-index: 0;");
    }

    // The article view.
    if let Some(open) = selected.as_deref().and_then(|id| doc.find(id)).filter(|_| view != View::Ticker) {
        if let Some(lang) = &open.language {
            tree.set_attr(article, "lang", lang);
        }
        tree.set_attr(article, "aria-labelledby", "nr-headline");
        let body = resolve_body(&open.body, sources);
        tree.build(article, &programs::article_program(open, &body, &render_options, &Server));
        tree.set_flag(article, "hidden", false);
    }
    tree.set_flag(fallback, "hidden", true);

    element_html(&tree, if embedded { sources } else { &[] }, options)
}

/// The loop copy, as `render::fill_copy` makes it: the list again, its
/// entries with a part of their own and no current marker.
fn fill_copy(tree: &mut Tree, items: Id, copy: Id) {
    tree.copy_children(items, copy);
    for id in tree.descendants(copy) {
        if tree.attr(id, "part").is_some_and(|p| p.split(' ').any(|t| t == "item")) {
            tree.set_attr(id, "part", "item-copy");
        }
        tree.remove_attr(id, "aria-current");
    }
}

/// `<news-reel …><template shadowrootmode="open">…</template></news-reel>`.
///
/// `embedded` (JSON input, when the widget is not to fetch `src`) goes
/// inside the element too, in a `<script type="application/json">`,
/// which is where the widget that takes over reads it; every `<` in it is
/// written `\u003c` (JSON allows that in strings, the only place it can be)
/// so nothing in it can end the script. An XML feed is for the widget to
/// fetch itself: give its URL as `src`.
fn element_html(tree: &Tree, embedded: &[&str], options: &RenderOptions) -> String {
    let mut attributes: Vec<(&str, String)> = Vec::new();
    let mut add = |name: &'static str, value: Option<String>| {
        if let Some(v) = value {
            attributes.push((name, v));
        }
    };
    add("view", options.view.clone());
    add("mode", options.mode.clone());
    add("rows", options.rows.map(|r| r.to_string()));
    add("lang", options.lang.clone());
    add("dir", options.dir.clone());
    add("max-items", options.max_items.map(|n| n.to_string()));
    add("label", options.label.clone());
    add("heading-level", options.heading_level.map(|n| n.to_string()));
    add("images", options.no_images.then(|| "none".to_string()));
    add("target", options.target.clone());
    add("tags", options.tags.clone());
    add("article", options.article.clone());
    add("src", options.src.clone());
    add("state", Some("ready".into()));
    let mut out = String::from("<news-reel");
    for (name, value) in attributes {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_html(&mut out, &value, true);
        out.push('"');
    }
    out.push_str(" server-rendered><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"");
    escape_html(&mut out, options.css_url.as_deref().unwrap_or("newsreel.css"), true);
    out.push_str("\">");
    out.push_str(&tree.to_html(Tree::ROOT));
    out.push_str("</template>");
    for source in embedded {
        out.push_str("<script type=\"application/json\">");
        out.push_str(&source.replace('<', "\\u003c"));
        out.push_str("</script>");
    }
    out.push_str("</news-reel>");
    out
}
