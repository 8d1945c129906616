//! The widget's DOM as `Build` programs: the skeleton of the shadow root,
//! the ticker's entries and the article view. The browser shell builds them
//! with `createElement`; a server serialises them (`crate::server`). Both
//! get the same elements, attributes, text and order from here.
//!
//! What differs between the two is passed in: how a date is written (the
//! browser's `Intl`, or the server's own formatting) and how an article body
//! in HTML is parsed before the allowlist (`DOMParser`, or html5ever).

use crate::dates::DateValue;
use crate::html::build::{Build, Step};
use crate::html::sanitize::BodyOptions;
use crate::model::{Article, Body};
use crate::url::policy::{allowed, UrlUse};

/// How the ticker moves (attribute `mode`, read by `view::config`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Marquee,
    /// `rows` whole headlines in a box, stepping up one at a time.
    Vertical,
    Slide,
    List,
}

impl Mode {
    /// The root's class for the mode, which the stylesheet keys on.
    pub fn class(self) -> &'static str {
        match self {
            Mode::Marquee => "nr mode-marquee",
            Mode::Vertical => "nr mode-vertical",
            Mode::Slide => "nr mode-slide",
            Mode::List => "nr mode-list",
        }
    }

    /// The mode whose lane is a CSS animation over the list and its loop copy.
    pub fn scrolls(self) -> bool {
        self == Mode::Marquee
    }

    /// Whether the ticker moves in this mode and view, unless paused or
    /// still because it fits: a list never does, and without a ticker on
    /// screen there is nothing to move.
    pub fn moves_in(self, view: View) -> bool {
        self != Mode::List && view != View::Article
    }
}

/// Which parts the widget shows (attribute `view`, read by `view::config`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    /// The ticker and the article view (the default).
    Both,
    /// The ticker only, as a site-wide header bar: headlines are links.
    Ticker,
    /// The article view only.
    Article,
}

/// What a reader's tap on a headline does (attribute `open`, read by `view::config`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Open {
    /// A headline with something to read beyond itself opens in the view; one
    /// that holds only its headline and date is a link to its page.
    Auto,
    /// Every headline opens in the article view.
    View,
    /// Every headline with a URL is a link to its page.
    Link,
}

/// The widget's writing direction: the page's `dir` when it gives one (the
/// element's or an ancestor's; an empty one gives none), else its language's,
/// so that `lang="ar"` alone is right to left.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Direction {
    pub rtl: bool,
    /// The root needs `dir="rtl"` of its own: the direction comes from the
    /// language, not from a `dir` the shadow tree inherits.
    pub set_on_root: bool,
}

impl Direction {
    pub fn new(given_dir: Option<&str>, language_rtl: bool) -> Self {
        match given_dir.filter(|d| !d.trim().is_empty()) {
            Some(dir) => Direction { rtl: dir.eq_ignore_ascii_case("rtl"), set_on_root: false },
            None => Direction { rtl: language_rtl, set_on_root: language_rtl },
        }
    }
}

/// The ticker's play state and what follows from it, decided here for the
/// widget (`Widget::update_motion`) and the server alike.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Motion {
    /// The headlines scroll or slide; the control then offers to pause.
    pub moving: bool,
    /// No pause control: a list never moves, and headlines that all fit
    /// have nothing to pause.
    pub pause_hidden: bool,
    /// The list's `aria-live`: updates may be announced only in a still
    /// list, and a polled feed announces its refreshes in a few words
    /// instead ("3 new headlines"), so its list stays silent.
    pub live: &'static str,
}

impl Motion {
    /// `configured` is the `mode` attribute's, `effective` what the reader's
    /// settings leave of it (reduced motion gives the list).
    pub fn new(configured: Mode, effective: Mode, view: View, fits: bool, user_paused: bool, polled: bool) -> Self {
        let moving = effective.moves_in(view) && !fits && !user_paused;
        Motion {
            moving,
            pause_hidden: configured == Mode::List || fits,
            live: if moving || polled { "off" } else { "polite" },
        }
    }
}

/// The root's class: the mode's, then the states the stylesheet reads.
pub fn root_class(mode: Mode, rtl: bool, fits: bool, moving: bool, offscreen: bool) -> String {
    let mut class = String::from(mode.class());
    for (on, name) in [(rtl, " rtl"), (fits, " fits"), (!moving, " paused"), (offscreen, " offscreen")] {
        if on {
            class.push_str(name);
        }
    }
    class
}

/// How the host configured rendering (attributes), read once per render.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// `view="ticker"`: headlines are links to the articles' pages (a plain
    /// click follows them), and one without a URL is plain text.
    pub ticker_only: bool,
    /// `open`: which headlines with a URL a plain click follows.
    pub open: Open,
    pub locale: String,
    pub heading_level: u8,
    pub images: bool,
    /// `thumbnails` (and not `images="none"`): each headline's image before its text.
    pub thumbnails: bool,
    pub relative_dates: bool,
    pub link_target: Option<String>,
    /// The words of the link to the article's page, in the widget's language.
    pub read_more: String,
}

impl RenderOptions {
    /// English, images on, links with `target="_top"`: the options the
    /// view's tests start from.
    #[cfg(test)]
    pub(crate) fn for_tests(open: Open, ticker_only: bool) -> RenderOptions {
        RenderOptions {
            ticker_only,
            open,
            locale: "en".into(),
            heading_level: 2,
            images: true,
            thumbnails: false,
            relative_dates: false,
            link_target: Some("_top".into()),
            read_more: "Read the full article".into(),
        }
    }

    /// Whether a plain click on the article's headline follows its URL (the
    /// browser's job) instead of opening it in the article view: always
    /// without a view; by `open` with one. An article with nothing shown
    /// beyond its headline and date would open a view of one line.
    pub fn follows_link(&self, article: &Article) -> bool {
        article.url.as_deref().and_then(|u| allowed(u, UrlUse::Link)).is_some() && self.follows_url_of(article)
    }

    /// The same for an article whose URL is known to be safe: what `open`
    /// says, and, for `auto`, whether it has more to read.
    fn follows_url_of(&self, article: &Article) -> bool {
        self.ticker_only
            || match self.open {
                Open::Link => true,
                Open::View => false,
                Open::Auto => {
                    article.body.is_empty()
                        && article.summary.is_none()
                        && !(self.images
                            && article.image.as_ref().and_then(|i| allowed(&i.url, UrlUse::Image)).is_some())
                }
            }
    }
}

/// The parts of rendering that belong to the platform. Each build has one
/// (the browser's, or the server's), so the generic functions below have
/// one copy each.
pub trait Platform {
    /// A date's text: `Intl.DateTimeFormat` in the browser.
    fn date_text(&self, date: &DateValue, options: &RenderOptions) -> String;
    /// Writes an article body in HTML, sanitised by the allowlist, into the program.
    fn body_html(&self, out: &mut Build, html: &str, options: &BodyOptions);
}

/// The texts the skeleton starts with; the widget sets them again on every render.
pub struct SkeletonWords<'a> {
    pub label: &'a str,
    pub pause: &'a str,
    pub prev: &'a str,
    pub next: &'a str,
}

/// The shadow DOM of a widget before any data: the ticker (label, controls,
/// lane with the list and its loop copy), the article view, the error box,
/// and a `<slot>` that keeps the host's fallback HTML visible until the
/// widget has rendered. `keep` marks, in order, the elements the shell holds
/// on to (its `Skeleton`).
pub fn skeleton_program(words: &SkeletonWords) -> Build {
    let mut p = Build::new();
    p.open_with("div", &[("class", "nr"), ("part", "root")]).keep();
    p.open_with("section", &[("class", "ticker"), ("part", "ticker"), ("aria-labelledby", "nr-label"), ("hidden", "")])
        .keep();
    p.open_with("div", &[("class", "label"), ("part", "label"), ("id", "nr-label")]).keep().text(words.label).close();
    // Order matters for Tab: the pause control comes before the headlines.
    p.open_with("div", &[("class", "controls")]);
    p.open_with("button", &[("type", "button"), ("class", "pause"), ("part", "pause")])
        .keep()
        .text(words.pause)
        .close();
    p.open_with("button", &[("type", "button"), ("class", "step"), ("part", "prev"), ("aria-label", words.prev)])
        .keep()
        .text("‹")
        .close();
    p.open_with("button", &[("type", "button"), ("class", "step"), ("part", "next"), ("aria-label", words.next)])
        .keep()
        .text("›")
        .close();
    p.close();
    p.open_with("div", &[("class", "viewport"), ("part", "viewport")]);
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

/// The `<time>` element for a date.
fn time_el(p: &mut Build, date: &DateValue, options: &RenderOptions, platform: &impl Platform, part: Option<&str>) {
    p.open_with("time", &[("datetime", &date.to_iso())]);
    if let Some(part) = part {
        p.attr("part", part);
    }
    p.text(&platform.date_text(date, options)).close();
}

/// One ticker entry: a link to the article's page when it has a safe URL
/// (a plain click opens it in the article view, or follows it:
/// `RenderOptions::follows_link`; a modified click opens the page), else a
/// button.
pub fn ticker_item(
    p: &mut Build,
    article: &Article,
    options: &RenderOptions,
    platform: &impl Platform,
    selected: bool,
    fresh: bool,
) {
    // `item new`: a headline a refresh brought, for a short highlight.
    p.open_with("li", &[("class", "item"), ("part", if fresh { "item new" } else { "item" })]);
    match article.url.as_deref().and_then(|u| allowed(u, UrlUse::Link)) {
        Some(href) => {
            p.open_with("a", &[("href", &href), ("rel", "noopener noreferrer")]);
            // The URL is safe (`href`): only `open` is left to ask.
            if let Some(target) = options.link_target.as_ref().filter(|_| options.follows_url_of(article)) {
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
    if let Some(src) =
        article.image.as_ref().filter(|_| options.thumbnails).and_then(|i| allowed(&i.url, UrlUse::Image))
    {
        // Decorative: the headline beside it says what it shows. Its box is
        // the stylesheet's, fixed, so nothing moves when it arrives.
        p.open_with(
            "img",
            &[
                ("class", "thumb"),
                ("part", "thumbnail"),
                ("src", &src),
                ("alt", ""),
                ("loading", "lazy"),
                ("decoding", "async"),
                ("referrerpolicy", "no-referrer"),
            ],
        );
        p.close();
    }
    p.leaf("span", &[("class", "title"), ("dir", "auto")], &article.headline);
    if let Some(date) = &article.date_published {
        time_el(p, date, options, platform, None);
    }
    p.close().close();
}

/// The ticker's entries, in order.
pub fn ticker_program(
    articles: &[Article],
    selected: Option<&str>,
    fresh: &[String],
    options: &RenderOptions,
    platform: &impl Platform,
) -> Build {
    let mut p = Build::new();
    for a in articles {
        ticker_item(&mut p, a, options, platform, selected == Some(a.id.as_str()), fresh.contains(&a.id));
    }
    p
}

/// The part of an entry in the seamless loop's copy of the list, where the
/// list's has `item`: so that `[part~=item]` counts each headline once.
pub const LOOP_COPY_PART: &str = "item-copy";

/// The loop copy of the ticker's entries: the same program, each entry with
/// [`LOOP_COPY_PART`] and no current marker. The server builds it; the
/// browser makes the same from a deep clone of the list it built, a fraction
/// of the work of a second build.
pub fn loop_copy(entries: &Build) -> Build {
    let mut copy = Build::new();
    for step in entries.steps() {
        match step {
            Step::Attr(name, value) if name == "part" && value.split(' ').any(|t| t == "item") => {
                copy.attr("part", LOOP_COPY_PART);
            }
            Step::Attr(name, _) if name == "aria-current" => {}
            step => {
                copy.push(step.clone());
            }
        }
    }
    copy
}

/// The article view's content for one article, whose body is given resolved
/// (bodies stay undecoded in the model until an article is opened). Parts
/// that would be empty are left out.
pub fn article_program(article: &Article, body: &Body, options: &RenderOptions, platform: &impl Platform) -> Build {
    let mut p = Build::new();
    p.leaf(
        &format!("h{}", options.heading_level.clamp(1, 6)),
        &[("class", "headline"), ("part", "headline"), ("tabindex", "-1"), ("dir", "auto"), ("id", "nr-headline")],
        &article.headline,
    );

    let meta = p.open_optional("p", &[("class", "meta")]);
    if let Some(date) = &article.date_published {
        time_el(&mut p, date, options, platform, Some("date"));
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
        Body::Html(html) => {
            let body_options = BodyOptions {
                images: options.images,
                target: options.link_target.as_deref(),
                base: article.body_base.as_deref(),
            };
            platform.body_html(&mut p, html, &body_options);
        }
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
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loop_copy_is_the_list_with_copy_parts_and_no_current_entry() {
        let mut entries = Build::new();
        entries.open_with("li", &[("class", "item"), ("part", "item new")]);
        entries.open_with("a", &[("href", "/a"), ("aria-current", "true")]).text("A").close().close();
        assert_eq!(loop_copy(&entries).to_html(), r#"<li class="item" part="item-copy"><a href="/a">A</a></li>"#);
    }

    fn options(open: Open, ticker_only: bool) -> RenderOptions {
        RenderOptions::for_tests(open, ticker_only)
    }

    #[test]
    fn a_tap_follows_the_link_of_a_headline_with_nothing_more_to_read_unless_told() {
        let bare = Article {
            id: "a".into(),
            headline: "A".into(),
            url: Some("https://e.test/a".into()),
            ..Default::default()
        };
        let summary = Article { summary: Some("More".into()), ..bare.clone() };
        let body = Article { body: Body::Paragraphs(vec!["Text".into()]), ..bare.clone() };
        let pictured = Article {
            image: Some(crate::model::Image { url: "https://e.test/a.jpg".into(), ..Default::default() }),
            ..bare.clone()
        };
        let unsafe_url = Article { url: Some("javascript:alert(1)".into()), ..bare.clone() };
        let auto = options(Open::Auto, false);
        assert!(auto.follows_link(&bare));
        assert!(![&summary, &body, &pictured].iter().any(|a| auto.follows_link(a)), "each has more to read");
        assert!(!auto.follows_link(&unsafe_url), "no link to follow: it opens in the view");
        let no_images = RenderOptions { images: false, ..options(Open::Auto, false) };
        assert!(no_images.follows_link(&pictured), "an image not shown is nothing more to read");
        assert!(!options(Open::View, false).follows_link(&bare));
        assert!(options(Open::Link, false).follows_link(&body));
        assert!(options(Open::View, true).follows_link(&body), "without a view, every link is followed");
    }

    struct NoDates;
    impl Platform for NoDates {
        fn date_text(&self, _: &DateValue, _: &RenderOptions) -> String {
            String::new()
        }
        fn body_html(&self, _: &mut Build, _: &str, _: &BodyOptions) {}
    }

    #[test]
    fn a_thumbnail_is_the_articles_safe_image_before_the_headline_and_nothing_without_one() {
        let image = |url: &str| {
            Some(crate::model::Image { url: url.into(), alt: Some("A ferry".into()), ..Default::default() })
        };
        let article = |image| Article { id: "a".into(), headline: "A".into(), image, ..Default::default() };
        let html = |article: &Article, thumbnails| {
            let mut p = Build::new();
            ticker_item(
                &mut p,
                article,
                &RenderOptions { thumbnails, ..options(Open::View, false) },
                &NoDates,
                false,
                false,
            );
            p.to_html()
        };
        let pictured = article(image("https://e.test/ferry.jpg"));
        assert_eq!(
            html(&pictured, true),
            r#"<li class="item" part="item"><button type="button" class="pick" data-id="a"><img class="thumb" part="thumbnail" src="https://e.test/ferry.jpg" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer"><span class="title" dir="auto">A</span></button></li>"#,
            "decorative (the headline names it), lazy, and before the text"
        );
        assert!(!html(&pictured, false).contains("<img"), "only with thumbnails");
        assert!(!html(&article(None), true).contains("<img"), "no image: no empty box");
        assert!(!html(&article(image("javascript:alert(1)")), true).contains("<img"), "the image URL policy holds");
    }

    #[test]
    fn a_followed_headline_takes_the_target_and_one_opened_in_the_view_does_not() {
        let bare = Article {
            id: "a".into(),
            headline: "A".into(),
            url: Some("https://e.test/a".into()),
            ..Default::default()
        };
        let html = |open| {
            let mut p = Build::new();
            ticker_item(&mut p, &bare, &options(open, false), &NoDates, false, false);
            p.to_html()
        };
        assert!(html(Open::Auto).contains(r#"target="_top""#));
        assert!(!html(Open::View).contains("target="));
    }

    #[test]
    fn a_given_direction_wins_and_an_empty_one_is_none() {
        assert_eq!(Direction::new(Some("ltr"), true), Direction { rtl: false, set_on_root: false });
        assert_eq!(Direction::new(Some("RTL"), false), Direction { rtl: true, set_on_root: false });
        // `dir=""` gives no direction: the language's is set on the root.
        assert_eq!(Direction::new(Some(" "), true), Direction { rtl: true, set_on_root: true });
        assert_eq!(Direction::new(None, false), Direction { rtl: false, set_on_root: false });
    }

    #[test]
    fn the_root_class_names_the_mode_then_its_states() {
        assert_eq!(root_class(Mode::Vertical, true, true, false, false), "nr mode-vertical rtl fits paused");
        assert_eq!(root_class(Mode::Marquee, false, false, true, true), "nr mode-marquee offscreen");
    }

    #[test]
    fn only_a_ticker_on_screen_that_does_not_fit_moves_and_only_a_still_list_announces() {
        let m = |configured, effective, view, fits, paused, polled| {
            Motion::new(configured, effective, view, fits, paused, polled)
        };
        let marquee = m(Mode::Marquee, Mode::Marquee, View::Both, false, false, false);
        assert_eq!(marquee, Motion { moving: true, pause_hidden: false, live: "off" });
        assert_eq!(
            m(Mode::Marquee, Mode::Marquee, View::Both, false, true, false),
            Motion { moving: false, pause_hidden: false, live: "polite" }
        );
        assert_eq!(
            m(Mode::Marquee, Mode::Marquee, View::Both, true, false, false),
            Motion { moving: false, pause_hidden: true, live: "polite" }
        );
        // Reduced motion leaves the list, but the control stays to say so.
        assert_eq!(
            m(Mode::Marquee, Mode::List, View::Both, false, false, false),
            Motion { moving: false, pause_hidden: false, live: "polite" }
        );
        assert!(m(Mode::List, Mode::List, View::Both, false, false, false).pause_hidden);
        assert!(!m(Mode::Vertical, Mode::Vertical, View::Article, false, false, false).moving, "no ticker on screen");
        assert_eq!(
            m(Mode::List, Mode::List, View::Both, false, false, true).live,
            "off",
            "a polled feed says its news in words"
        );
    }
}
