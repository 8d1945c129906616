//! The view state: what the shadow root shows for a document and a
//! configuration, given what only the environment knows (whether the
//! marquee's headlines fit in its box, the reader's motion preference, their
//! pauses, whether the widget is in view). One pure function for the browser
//! shell, which applies it to its nodes, and for the server, which
//! serialises it; the widget taking over a server's HTML so finds what it
//! would have made itself.

use crate::i18n::strings::{Language, Overrides};
use crate::model::{Article, NewsDocument};
use crate::view::config::Config;
use crate::view::programs::{root_class, Direction, Mode, Motion, RenderOptions, View};

/// What only the environment knows. A server knows none of it: `Default`
/// is a reader who has asked for nothing, before any measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Environment {
    /// The reader prefers reduced motion (`prefers-reduced-motion`).
    pub reduced_motion: bool,
    /// The reader (or the host) pressed pause.
    pub user_paused: bool,
    /// The reader (or the host) pressed play, which overrides reduced motion.
    pub user_played: bool,
    /// One copy of the marquee's list is no wider than its box: measured in
    /// the marquee's own layout by the browser; unknown (false) to a server.
    pub marquee_fits: bool,
    /// The ticker is scrolled out of view, or its tab is hidden.
    pub hidden: bool,
    /// The slide in view, counted from the first.
    pub slide_index: usize,
    /// Scripts run: the widget holds the page. Without them (a server's
    /// HTML before the script runs, or never) every slide stays reachable.
    pub scripting: bool,
}

/// The widget's words for a configuration and its data: the language's
/// built-in words, then the host's `strings` overrides, then the control
/// label attributes.
pub fn words(config: &Config, data_language: Option<&str>, overrides: &Overrides) -> Language {
    let mut language = Language::for_tag(&config.locale(data_language));
    language.strings.apply(overrides);
    language.strings.apply(&config.word_labels);
    language
}

/// The article the view shows first: the one open before, while the data
/// still has it; else the one the page's fragment names; else the data's own.
pub fn selection(doc: &NewsDocument, open_before: Option<&str>, from_fragment: Option<&str>) -> Option<String> {
    [open_before, from_fragment]
        .into_iter()
        .flatten()
        .find(|id| doc.find(id).is_some())
        .map(str::to_string)
        .or_else(|| doc.initial().map(|a| a.id.clone()))
}

/// How the ticker moves, and what follows from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotionState {
    /// The mode on screen: reduced motion gives the still list until the reader presses play.
    pub mode: Mode,
    /// Every headline is in view without moving.
    pub fits: bool,
    pub moving: bool,
    /// The root's class: the mode's, then its states.
    pub root_class: String,
    /// The headlines run right to left.
    pub rtl: bool,
    /// The root carries `dir="rtl"` of its own (the direction comes from the language).
    pub root_rtl: bool,
    /// The pause control's words: what pressing it will do.
    pub pause_text: String,
    pub pause_hidden: bool,
    /// The list's `aria-live`.
    pub live: &'static str,
    /// The seamless loop's copy of the list is wanted (emptied when everything fits).
    pub loop_copy: bool,
    /// The box's height in headlines, in vertical mode.
    pub rows: Option<u32>,
    /// Pixels per second, in the marquee.
    pub speed_px_per_s: Option<u32>,
    /// The stepping modes (slide, vertical): the headline at the top of the
    /// box, counted from the first.
    pub step: Option<usize>,
    /// Slide mode: the headlines not shown are made unreachable.
    pub hide_other_slides: bool,
    /// The time between steps, while the ticker moves.
    pub step_interval_ms: Option<u32>,
}

impl MotionState {
    /// `headlines` is how many the ticker shows; `polled`, whether its
    /// data is a feed from `src` that is refreshed.
    pub fn new(config: &Config, language: &Language, headlines: usize, env: &Environment) -> MotionState {
        let mode = effective_mode(config.mode, env);
        let fits = match mode {
            Mode::Marquee => headlines > 0 && env.marquee_fits,
            Mode::Vertical => headlines <= config.rows as usize,
            Mode::Slide | Mode::List => false,
        };
        let polled = config.src.is_some();
        let motion = Motion::new(config.mode, mode, config.view, fits, env.user_paused, polled);
        let direction = Direction::new(config.dir.as_deref(), language.rtl);
        let words = &language.strings;
        let step = match mode {
            Mode::Slide => Some(env.slide_index % headlines.max(1)),
            // One past the last is the loop copy's first: the same rows.
            Mode::Vertical => Some(env.slide_index % (headlines + 1)),
            Mode::Marquee | Mode::List => None,
        };
        MotionState {
            mode,
            fits,
            moving: motion.moving,
            root_class: root_class(mode, direction.rtl, fits, motion.moving, env.hidden),
            rtl: direction.rtl,
            root_rtl: direction.set_on_root,
            pause_text: if motion.moving { words.pause.clone() } else { words.play.clone() },
            pause_hidden: motion.pause_hidden,
            live: motion.live,
            loop_copy: !fits,
            rows: (mode == Mode::Vertical).then_some(config.rows),
            speed_px_per_s: mode.scrolls().then(|| config.speed_px_per_s()),
            step,
            hide_other_slides: mode == Mode::Slide && env.scripting,
            step_interval_ms: (step.is_some() && motion.moving).then(|| match mode {
                // A step's move, then the rest that `interval` gives.
                Mode::Vertical => config.interval_ms(mode) + STEP_MOVE_MS,
                _ => config.interval_ms(mode),
            }),
        }
    }
}

/// How long a step of the slide and vertical modes takes to move (the
/// stylesheet's transition on the lane).
pub const STEP_MOVE_MS: u32 = 450;

/// Where a stepping ticker goes next from `index`, `delta` headlines on,
/// with `count` headlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Set first without a transition: the same rows, seen in the list
    /// instead of its loop copy, so that the move that follows is seamless.
    pub jump_from: Option<usize>,
    pub index: usize,
}

impl Step {
    pub fn next(mode: Mode, index: usize, delta: i64, count: usize) -> Step {
        let count = count.max(1);
        match mode {
            // Vertical moves on through the loop copy (indexes up to `count`,
            // which shows what 0 does), then starts again from the list.
            Mode::Vertical if delta > 0 && index >= count => {
                Step { jump_from: Some(0), index: (delta as usize).min(count) }
            }
            Mode::Vertical => Step { jump_from: None, index: (index as i64 + delta).clamp(0, count as i64) as usize },
            _ => Step { jump_from: None, index: (index as i64 + delta).rem_euclid(count as i64) as usize },
        }
    }
}

/// The mode on screen for the mode asked for.
pub fn effective_mode(mode: Mode, env: &Environment) -> Mode {
    if mode != Mode::List && env.reduced_motion && !env.user_played {
        Mode::List
    } else {
        mode
    }
}

/// How long one pass of a scrolling list takes: its length at the speed,
/// or, before layout gives a length, a long time per headline; never
/// shorter than two seconds.
pub fn scroll_duration_ms(length_px: u32, speed_px_per_s: u32, headlines: usize) -> u32 {
    let ms = match length_px {
        0 => 8000u64.saturating_mul(headlines as u64),
        length => u64::from(length) * 1000 / u64::from(speed_px_per_s.max(1)),
    };
    u32::try_from(ms.max(2000)).unwrap_or(u32::MAX)
}

/// Everything the shadow root shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState<'d> {
    /// The ticker's label: the page's, else the host's `strings`, else the
    /// data's title, else the built-in words.
    pub label: String,
    pub prev_label: String,
    pub next_label: String,
    pub ticker_hidden: bool,
    /// The ticker entry marked current: the open article, when there is an article view.
    pub current: Option<&'d str>,
    /// The article in the view; `None` hides the view.
    pub article: Option<&'d Article>,
    /// How the programs write entries and the article.
    pub options: RenderOptions,
    pub motion: MotionState,
}

impl<'d> ViewState<'d> {
    /// `selected` is the open article (see `selection`); `strings` the
    /// host's overrides, whose label comes before the data's title.
    pub fn new(
        doc: &'d NewsDocument,
        selected: Option<&str>,
        config: &Config,
        language: &Language,
        strings: &Overrides,
        env: &Environment,
    ) -> ViewState<'d> {
        let with_article_view = config.view != View::Ticker;
        let article = selected.and_then(|id| doc.find(id)).filter(|_| with_article_view);
        let words = &language.strings;
        let label = config
            .label
            .clone()
            .or_else(|| strings.text("label").map(str::to_string))
            .or_else(|| doc.title.clone())
            .unwrap_or_else(|| words.label.clone());
        ViewState {
            label,
            prev_label: words.prev.clone(),
            next_label: words.next.clone(),
            ticker_hidden: doc.latest.is_empty() || config.view == View::Article,
            current: article.map(|a| a.id.as_str()),
            article,
            options: render_options(config, language, doc.language.as_deref()),
            motion: MotionState::new(config, language, doc.latest.len(), env),
        }
    }
}

/// How the programs write the ticker's entries and the article view.
pub fn render_options(config: &Config, language: &Language, data_language: Option<&str>) -> RenderOptions {
    RenderOptions {
        ticker_only: config.view == View::Ticker,
        open: config.open,
        locale: config.locale(data_language),
        heading_level: config.heading_level,
        images: config.images,
        thumbnails: config.thumbnails && config.images,
        relative_dates: config.relative_dates,
        link_target: config.target.clone(),
        read_more: language.strings.read_more.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{decode, DecodeOptions};

    fn config(attributes: &[(&str, &str)]) -> Config {
        Config::read(|a| attributes.iter().find(|(name, _)| *name == a.name()).map(|(_, v)| v.to_string()))
    }

    fn english() -> Language {
        Language::for_tag("en")
    }

    #[test]
    fn thumbnails_show_only_where_images_may_load() {
        let thumbnails = |attributes: &[(&str, &str)]| render_options(&config(attributes), &english(), None).thumbnails;
        assert!(!thumbnails(&[]));
        assert!(thumbnails(&[("thumbnails", "")]));
        assert!(!thumbnails(&[("thumbnails", ""), ("images", "none")]), "images=\"none\" wins");
    }

    const NEWS: &str = r#"{"format":"newsreel/1","title":"City desk","article":{"id":"m","headline":"Main"},
        "latest":[{"id":"a","headline":"A"},{"id":"b","headline":"B"},{"id":"c","headline":"C"},{"id":"d","headline":"D"}]}"#;

    #[test]
    fn reduced_motion_shows_the_list_until_the_reader_presses_play() {
        let c = config(&[]);
        let reduced = Environment { reduced_motion: true, ..Environment::default() };
        let state = MotionState::new(&c, &english(), 10, &reduced);
        assert_eq!((state.mode, state.moving, state.pause_text.as_str()), (Mode::List, false, "Play"));
        assert!(!state.pause_hidden, "the control stays, to offer motion");
        let played = Environment { user_played: true, ..reduced };
        assert!(MotionState::new(&c, &english(), 10, &played).moving);
    }

    #[test]
    fn a_vertical_ticker_with_no_more_headlines_than_rows_stays_still_without_its_copy() {
        let c = config(&[("mode", "vertical"), ("rows", "4")]);
        let state = MotionState::new(&c, &english(), 4, &Environment::default());
        assert!(state.fits && !state.moving && !state.loop_copy && state.pause_hidden);
        assert_eq!(state.rows, Some(4));
        assert_eq!(state.root_class, "nr mode-vertical fits paused");
        let more = MotionState::new(&c, &english(), 5, &Environment::default());
        assert!(more.moving && more.loop_copy);
        assert_eq!((more.speed_px_per_s, more.step, more.step_interval_ms), (None, Some(0), Some(3000 + STEP_MOVE_MS)));
        assert!(!more.hide_other_slides, "every row shown is reachable");
    }

    #[test]
    fn a_marquee_fits_only_as_measured_and_a_hidden_one_rests() {
        let c = config(&[]);
        let measured = Environment { marquee_fits: true, ..Environment::default() };
        assert!(MotionState::new(&c, &english(), 3, &measured).fits);
        assert!(!MotionState::new(&c, &english(), 0, &measured).fits, "nothing to fit");
        let hidden = Environment { hidden: true, ..Environment::default() };
        assert_eq!(MotionState::new(&c, &english(), 3, &hidden).root_class, "nr mode-marquee offscreen");
    }

    #[test]
    fn slides_wrap_and_stay_reachable_without_scripts() {
        let c = config(&[("mode", "slide"), ("interval", "3000")]);
        let env = Environment { slide_index: 5, scripting: true, ..Environment::default() };
        let state = MotionState::new(&c, &english(), 4, &env);
        assert_eq!((state.step, state.hide_other_slides, state.step_interval_ms), (Some(1), true, Some(3000)));
        let server = MotionState::new(&c, &english(), 4, &Environment::default());
        assert_eq!((server.step, server.hide_other_slides), (Some(0), false));
    }

    #[test]
    fn slides_wrap_both_ways_and_vertical_runs_on_through_its_loop_copy() {
        let slide = |index, delta| Step::next(Mode::Slide, index, delta, 4);
        assert_eq!(slide(3, 1), Step { jump_from: None, index: 0 });
        assert_eq!(slide(0, -1), Step { jump_from: None, index: 3 });
        let vertical = |index, delta| Step::next(Mode::Vertical, index, delta, 4);
        assert_eq!(vertical(3, 1), Step { jump_from: None, index: 4 }, "on to the copy's first row");
        assert_eq!(vertical(4, 1), Step { jump_from: Some(0), index: 1 }, "back to the list, unseen, then on");
        assert_eq!(vertical(0, -1), Step { jump_from: None, index: 0 });
    }

    #[test]
    fn the_direction_comes_from_dir_else_from_the_language() {
        let arabic = Language::for_tag("ar");
        assert!(MotionState::new(&config(&[]), &arabic, 3, &Environment::default()).root_rtl);
        let given = MotionState::new(&config(&[("dir", "ltr")]), &arabic, 3, &Environment::default());
        assert!(!given.root_rtl && !given.root_class.contains("rtl"));
        let blank = MotionState::new(&config(&[("dir", "")]), &arabic, 3, &Environment::default());
        assert!(blank.root_rtl, "an empty dir gives none");
    }

    #[test]
    fn the_label_is_the_pages_then_the_hosts_then_the_datas_then_ours() {
        let doc = decode(NEWS, DecodeOptions::default()).unwrap();
        let mut strings = Overrides::default();
        let state = |c: &Config, s: &Overrides| {
            ViewState::new(&doc, None, c, &english(), s, &Environment::default()).label.to_string()
        };
        assert_eq!(state(&config(&[]), &strings), "City desk");
        strings.set("label", Some("Host".into()));
        assert_eq!(state(&config(&[]), &strings), "Host");
        assert_eq!(state(&config(&[("label", "Page")]), &strings), "Page");
    }

    #[test]
    fn a_ticker_alone_opens_no_article_and_marks_none_current() {
        let doc = decode(NEWS, DecodeOptions::default()).unwrap();
        let both =
            ViewState::new(&doc, Some("b"), &config(&[]), &english(), &Overrides::default(), &Environment::default());
        assert_eq!((both.current, both.article.map(|a| a.headline.as_str())), (Some("b"), Some("B")));
        let ticker = config(&[("view", "ticker")]);
        let alone =
            ViewState::new(&doc, Some("b"), &ticker, &english(), &Overrides::default(), &Environment::default());
        assert_eq!((alone.current, alone.article.is_none()), (None, true));
        assert!(alone.options.ticker_only);
        let article = config(&[("view", "article")]);
        assert!(
            ViewState::new(&doc, None, &article, &english(), &Overrides::default(), &Environment::default())
                .ticker_hidden
        );
    }

    #[test]
    fn the_open_article_survives_new_data_that_still_has_it() {
        let doc = decode(NEWS, DecodeOptions::default()).unwrap();
        assert_eq!(selection(&doc, Some("c"), Some("b")).as_deref(), Some("c"));
        assert_eq!(selection(&doc, Some("gone"), Some("b")).as_deref(), Some("b"));
        assert_eq!(selection(&doc, None, Some("nope")).as_deref(), Some("m"));
    }

    #[test]
    fn a_scroll_takes_its_length_at_the_speed_and_never_less_than_two_seconds() {
        assert_eq!(scroll_duration_ms(1200, 60, 5), 20_000);
        assert_eq!(scroll_duration_ms(60, 60, 5), 2_000);
        assert_eq!(scroll_duration_ms(0, 60, 3), 24_000, "before layout");
    }
}
