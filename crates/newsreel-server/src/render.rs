//! The widget's HTML, rendered on the server: one `<news-reel>` element
//! whose declarative shadow root (`<template shadowrootmode="open">`) holds
//! the DOM the browser build creates for the same input and attributes. The
//! element takes it over when its script runs (see docs/server-rendering.md).
//!
//! Nothing is decided here: the configuration, the view state and the
//! programs are the core's (`view::config`, `view::state`, `view::programs`),
//! the same the browser shell applies, so the two agree node for node. This
//! serialises them. What needs a browser is left to it: how wide the
//! headlines are (whether a marquee fits, its speed), the reader's motion
//! preference, and dates other than in English, written as ISO dates until
//! the widget rewrites them with `Intl`.

use std::collections::BTreeMap;

use newsreel_core::contract::Attribute;
use newsreel_core::dates::DateValue;
use newsreel_core::formats::feeds;
use newsreel_core::html::build::{escape_html, Build};
use newsreel_core::html::sanitize::BodyOptions;
use newsreel_core::i18n::strings::Overrides;
use newsreel_core::input::{sniff, xml};
use newsreel_core::model::NewsDocument;
use newsreel_core::view::config::Config;
use newsreel_core::view::programs::{self as programs, Platform, SkeletonWords};
use newsreel_core::view::state::{self, Environment, ViewState};
use newsreel_core::{decode_blocks, resolve_body, DecodeError};

use crate::html;
use crate::tree::Tree;

/// The element's attributes, as a server sets them, each as its HTML value;
/// they are written onto the element too, so the widget that takes over
/// reads the same ones. Read by the widget's rules (`view::config`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderOptions {
    attributes: BTreeMap<Attribute, String>,
    /// Where `newsreel.css` is served, linked from inside the shadow root
    /// (`style-src 'self'` allows it, where an inline style would need
    /// `'unsafe-inline'`). Default `newsreel.css`, beside the page.
    pub css_url: Option<String>,
}

impl RenderOptions {
    /// The same options with `attribute` set to `value`.
    pub fn with(mut self, attribute: Attribute, value: impl Into<String>) -> Self {
        self.set(attribute, value);
        self
    }

    pub fn set(&mut self, attribute: Attribute, value: impl Into<String>) {
        self.attributes.insert(attribute, value.into());
    }

    /// The configuration these attributes give, as the widget reads it.
    pub fn config(&self) -> Config {
        Config::read(|attribute| self.attributes.get(&attribute).cloned())
    }
}

/// Renders the widget for `input`: any text the widget reads (our JSON,
/// JSON-LD, a JSON array of JSON-LD nodes, JSON Feed, RSS, Atom).
///
/// ```no_run
/// use newsreel_core::contract::Attribute;
/// use newsreel_server::{render_html, RenderOptions};
///
/// let feed = std::fs::read_to_string("news.xml").unwrap();
/// let options = RenderOptions::default().with(Attribute::Mode, "vertical").with(Attribute::Lang, "ru");
/// match render_html(&feed, &options) {
///     Ok(element) => println!("<!doctype html><script type=module src=newsreel.js></script>{element}"),
///     Err(e) => eprintln!("the news could not be shown: {e}"),
/// }
/// ```
pub fn render_html(input: &str, options: &RenderOptions) -> Result<String, DecodeError> {
    let config = options.config();
    // Classified once: how it is decoded, and whether it goes into the
    // element for the widget that takes over (JSON), or is left for it to
    // fetch from `src` (a feed).
    let content = sniff::classify(input, "");
    let doc = decode(input, content, &config)?;
    let embedded = content == sniff::Content::Json && config.src.is_none();
    let shadow = shadow_html(&doc, &[input], &config);
    Ok(element_html(&shadow, embedded.then_some(input), options))
}

/// Decodes as the browser build does: JSON by serde_json, XML by a parser
/// into the same neutral tree `DOMParser` gives (a feed that only a lenient
/// reader accepts is repaired first, as in the browser).
fn decode(input: &str, content: sniff::Content, config: &Config) -> Result<NewsDocument, DecodeError> {
    let tags = config.tag_lists(str::to_lowercase);
    let options = config.decode_options(&tags, str::to_lowercase, None);
    match content {
        sniff::Content::Xml => feeds::decode_text(input, xml::from_text, options),
        _ => decode_blocks(&[input], options),
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

/// The shadow root's HTML for a decoded document, from the view state a
/// reader who has asked for nothing would get; `sources` are the texts it
/// came from, for article bodies left undecoded.
fn shadow_html(doc: &NewsDocument, sources: &[&str], config: &Config) -> String {
    let language = state::words(config, doc.language.as_deref(), &Overrides::default());
    let selected = state::selection(doc, None, None);
    let view =
        ViewState::new(doc, selected.as_deref(), config, &language, &Overrides::default(), &Environment::default());
    let words = &language.strings;

    let mut tree = Tree::new();
    let skeleton_words =
        SkeletonWords { label: &words.label, pause: &words.pause, prev: &words.prev, next: &words.next };
    let kept = tree.build(Tree::ROOT, &programs::skeleton_program(&skeleton_words));
    let [root, ticker, label, pause, prev, next, lane, items, copy, article, _error, _stale, _announce, fallback] =
        kept[..]
    else {
        return String::new();
    };

    tree.set_text(label, &view.label);
    tree.set_attr(prev, "aria-label", &view.prev_label);
    tree.set_attr(next, "aria-label", &view.next_label);
    let entries = programs::ticker_program(&doc.latest, view.current, &[], &view.options, &Server);
    tree.build(items, &entries);
    tree.set_flag(ticker, "hidden", view.ticker_hidden);

    let motion = &view.motion;
    if motion.loop_copy {
        tree.build(copy, &programs::loop_copy(&entries));
    }
    tree.set_attr(root, "class", &motion.root_class);
    if motion.root_rtl {
        tree.set_attr(root, "dir", "rtl");
    }
    tree.set_text(pause, &motion.pause_text);
    tree.set_flag(pause, "hidden", motion.pause_hidden);
    tree.set_attr(items, "aria-live", motion.live);
    if let (Some(rows), Some(viewport)) = (motion.rows, tree.parent(lane)) {
        tree.set_attr(viewport, "style", &format!("--nr-rows: {rows};"));
    }
    if let Some(index) = motion.step {
        tree.set_attr(lane, "style", &format!("--nr-index: {index};"));
    }

    if let Some(open) = view.article {
        if let Some(lang) = &open.language {
            tree.set_attr(article, "lang", lang);
        }
        tree.set_attr(article, "aria-labelledby", "nr-headline");
        let body = resolve_body(&open.body, sources);
        tree.build(article, &programs::article_program(open, &body, &view.options, &Server));
        tree.set_flag(article, "hidden", false);
    }
    tree.set_flag(fallback, "hidden", true);
    tree.to_html(Tree::ROOT)
}

/// `<news-reel …><template shadowrootmode="open">…</template></news-reel>`.
///
/// `embedded` (JSON input, when the widget is not to fetch `src`) goes
/// inside the element too, in a `<script type="application/json">`,
/// which is where the widget that takes over reads it; every `<` in it is
/// written `\u003c` (JSON allows that in strings, the only place it can be)
/// so nothing in it can end the script. An XML feed is for the widget to
/// fetch itself: give its URL as `src`.
fn element_html(shadow: &str, embedded: Option<&str>, options: &RenderOptions) -> String {
    let mut out = String::from("<news-reel");
    let written = options.attributes.iter().map(|(attribute, value)| (attribute.name(), value.as_str()));
    for (name, value) in written.chain([("state", "ready")]) {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_html(&mut out, value, true);
        out.push('"');
    }
    out.push_str(" server-rendered><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"");
    escape_html(&mut out, options.css_url.as_deref().unwrap_or("newsreel.css"), true);
    out.push_str("\">");
    out.push_str(shadow);
    out.push_str("</template>");
    if let Some(source) = embedded {
        out.push_str("<script type=\"application/json\">");
        out.push_str(&source.replace('<', "\\u003c"));
        out.push_str("</script>");
    }
    out.push_str("</news-reel>");
    out
}
