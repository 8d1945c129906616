//! What a reader's click on one of the widget's links does: open the
//! article in the view, or follow the link out of the widget, announced by
//! `newsreel:navigate` before the browser follows it. The shell reads the
//! click (`Click`) and what it landed on (`Clicked`), and does what
//! `ClickAction` says; every rule is here.
//!
//! A link out of the widget is a ticker entry whose plain click follows its
//! URL (`RenderOptions::follows_link`: `view="ticker"`, `open="link"`, or
//! `open="auto"` for a bare headline), any entry with a link under a
//! modified click (the browser's new tab or window), and the article view's
//! link to the article's page (part `link`).

use super::programs::RenderOptions;
use crate::model::Article;
use crate::url::policy::{allowed, UrlUse};

/// A click as the browser reports it (`MouseEvent`): which button, which
/// modifier keys. Enter on a focused link or button is a click of the main
/// button; the middle button's is an `auxclick`, not a `click`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Click {
    /// `MouseEvent.button`: 0 the main button, 1 the middle one, 2 the
    /// secondary one (a context menu), 3 and 4 Back and Forward.
    pub button: i16,
    pub ctrl: bool,
    pub meta: bool,
    pub shift: bool,
    pub alt: bool,
}

impl Click {
    /// The main button with no modifier key: the page itself follows a link.
    pub fn is_plain(self) -> bool {
        self.button == 0 && !(self.ctrl || self.meta || self.shift || self.alt)
    }

    /// A click the browser turns into a new tab or window, or a download:
    /// the main button with Ctrl, ⌘, Shift or Alt, or the middle button.
    pub fn is_modified(self) -> bool {
        self.button == 1 || (self.button == 0 && !self.is_plain())
    }
}

/// What a click landed on.
#[derive(Clone, Copy, Debug)]
pub enum Clicked<'a> {
    /// A ticker entry, with its article.
    Headline(&'a Article),
    /// The article view's link to the page of the article it shows (part `link`).
    ArticleLink(&'a Article),
}

/// What the widget does with a click.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ClickAction<'a> {
    /// Nothing: the browser does what it does (a context menu, a middle
    /// click on a button), and no event is dispatched.
    Ignore,
    /// Opens the article in the view, `newsreel:select` after it; the
    /// click's default is prevented.
    OpenInView,
    /// The link is followed out of the widget: `newsreel:navigate` first,
    /// with `{ id, url }` (the URL the link's, as the browser resolves it).
    /// A plain click's event is cancelable, and cancelling it prevents the
    /// click's default (the page stays, for a router to take over); a
    /// modified click's is not, and its new tab or window always opens.
    Navigate { id: &'a str, cancelable: bool },
}

/// What the widget does with this click on that.
pub fn click_action<'a>(clicked: Clicked<'a>, click: Click, options: &RenderOptions) -> ClickAction<'a> {
    let (article, follows) = match clicked {
        Clicked::Headline(article) => (article, options.follows_link(article)),
        Clicked::ArticleLink(article) => (article, true),
    };
    // The same rule as the link was written by (`programs`): an entry without
    // a safe URL is a button (a plain text under `view="ticker"`).
    let link = article.url.as_deref().and_then(|u| allowed(u, UrlUse::Link)).is_some();
    let navigate = |cancelable| ClickAction::Navigate { id: &article.id, cancelable };
    if link && click.is_modified() {
        navigate(false)
    } else if link && click.is_plain() && follows {
        navigate(true)
    } else if matches!(clicked, Clicked::Headline(_)) && click.button == 0 && !options.ticker_only {
        // A headline the view opens: with a plain click or a modified one
        // that has no link to open instead.
        ClickAction::OpenInView
    } else {
        ClickAction::Ignore
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::view::programs::Open;

    fn options(open: Open, ticker_only: bool) -> RenderOptions {
        RenderOptions::for_tests(open, ticker_only)
    }

    fn article(id: &str, url: Option<&str>, body: bool) -> Article {
        Article {
            id: id.into(),
            headline: "A".into(),
            url: url.map(Into::into),
            body: if body { Body::Paragraphs(vec!["Text".into()]) } else { Body::None },
            ..Default::default()
        }
    }

    const PLAIN: Click = Click { button: 0, ctrl: false, meta: false, shift: false, alt: false };
    const CTRL: Click = Click { ctrl: true, ..PLAIN };
    const META: Click = Click { meta: true, ..PLAIN };
    const SHIFT: Click = Click { shift: true, ..PLAIN };
    const MIDDLE: Click = Click { button: 1, ..PLAIN };
    const RIGHT: Click = Click { button: 2, ..PLAIN };

    #[test]
    fn a_click_is_plain_modified_or_neither() {
        assert!(PLAIN.is_plain() && !PLAIN.is_modified());
        for click in [CTRL, META, SHIFT, Click { alt: true, ..PLAIN }, MIDDLE, Click { ctrl: true, ..MIDDLE }] {
            assert!(click.is_modified() && !click.is_plain(), "{click:?}");
        }
        for click in [RIGHT, Click { button: 3, ..PLAIN }, Click { ctrl: true, ..RIGHT }] {
            assert!(!click.is_modified() && !click.is_plain(), "{click:?}: no link is followed");
        }
    }

    #[test]
    fn a_plain_click_on_a_headline_follows_it_or_opens_it_by_open_and_view() {
        let bare = article("bare", Some("https://e.test/bare"), false);
        let rich = article("rich", Some("https://e.test/rich"), true);
        let navigate = |id| ClickAction::Navigate { id, cancelable: true };
        let on = |a, open, ticker_only| click_action(Clicked::Headline(a), PLAIN, &options(open, ticker_only));
        assert_eq!(on(&bare, Open::Auto, false), navigate("bare"), "auto: nothing more to read");
        assert_eq!(on(&rich, Open::Auto, false), ClickAction::OpenInView, "auto: more to read");
        assert_eq!(on(&rich, Open::Link, false), navigate("rich"));
        assert_eq!(on(&bare, Open::View, false), ClickAction::OpenInView);
        for open in [Open::Auto, Open::View, Open::Link] {
            assert_eq!(on(&rich, open, true), navigate("rich"), "view=ticker: every link is followed");
        }
    }

    #[test]
    fn a_modified_click_on_a_link_navigates_uncancelably_whatever_open_says() {
        let rich = article("rich", Some("/rich"), true);
        for click in [CTRL, META, SHIFT, MIDDLE] {
            for open in [Open::Auto, Open::View, Open::Link] {
                for ticker_only in [false, true] {
                    assert_eq!(
                        click_action(Clicked::Headline(&rich), click, &options(open, ticker_only)),
                        ClickAction::Navigate { id: "rich", cancelable: false },
                        "{click:?} {open:?} {ticker_only}"
                    );
                }
            }
            assert_eq!(
                click_action(Clicked::ArticleLink(&rich), click, &options(Open::View, false)),
                ClickAction::Navigate { id: "rich", cancelable: false }
            );
        }
    }

    #[test]
    fn the_article_link_navigates_cancelably_on_a_plain_click() {
        for open in [Open::Auto, Open::View, Open::Link] {
            let rich = article("rich", Some("https://e.test/rich"), true);
            assert_eq!(
                click_action(Clicked::ArticleLink(&rich), PLAIN, &options(open, false)),
                ClickAction::Navigate { id: "rich", cancelable: true }
            );
        }
    }

    #[test]
    fn without_a_safe_url_there_is_nothing_to_follow() {
        for url in [None, Some("javascript:alert(1)")] {
            let a = article("a", url, false);
            for open in [Open::Auto, Open::Link] {
                let o = options(open, false);
                assert_eq!(click_action(Clicked::Headline(&a), PLAIN, &o), ClickAction::OpenInView, "{url:?}");
                assert_eq!(click_action(Clicked::Headline(&a), CTRL, &o), ClickAction::OpenInView, "{url:?}");
                assert_eq!(click_action(Clicked::Headline(&a), MIDDLE, &o), ClickAction::Ignore, "{url:?}");
            }
            let ticker = options(Open::Auto, true);
            assert_eq!(click_action(Clicked::Headline(&a), PLAIN, &ticker), ClickAction::Ignore, "plain text");
        }
    }

    #[test]
    fn other_buttons_do_nothing() {
        let bare = article("bare", Some("https://e.test/bare"), false);
        let rich = article("rich", Some("https://e.test/rich"), true);
        for clicked in [Clicked::Headline(&bare), Clicked::Headline(&rich), Clicked::ArticleLink(&rich)] {
            for button in [2, 3, 4] {
                let click = Click { button, ..PLAIN };
                assert_eq!(click_action(clicked, click, &options(Open::Auto, false)), ClickAction::Ignore);
            }
        }
    }
}
