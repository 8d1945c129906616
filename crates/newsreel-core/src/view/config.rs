//! The element's configuration: every attribute the page sets, read once by
//! the rules of `contract::ATTRIBUTES` (HTML's integers, clamps, defaults,
//! keywords and their case, blank values), into typed fields. The browser
//! shell reads it from the element, the server from its options; neither
//! reads an attribute itself.

use crate::contract::{Attribute, Value};
use crate::formats::normalize::{tag_list, TagFilter, TagLists};
use crate::html::text::html_integer;
use crate::i18n::strings::Overrides;
use crate::view::programs::{Mode, Open, View};
use crate::DecodeOptions;

/// How long `vertical` rests between steps when `interval` is not given:
/// long enough to read the new headline and glance at the others, shorter
/// than a slide's (the table's default), which shows one headline alone.
const VERTICAL_REST_MS: u32 = 3000;

/// The page's attributes, typed. `None` is "not given" (or given a value
/// the attribute does not take).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `src`, as written.
    pub src: Option<String>,
    /// `refresh`: the polling interval, at least the table's minimum.
    pub refresh_ms: Option<u32>,
    /// `loading="lazy"`.
    pub lazy: bool,
    /// `persist`: keep each feed's last good copy in the browser.
    pub persist: bool,
    /// `source`: a CSS selector.
    pub source: Option<String>,
    /// `article`: the id of the article the view opens with.
    pub article: Option<String>,
    /// `tags`, as written (folded to lower case by the platform's rules when used).
    pub tags: Option<String>,
    /// `exclude-tags`, as written (folded as `tags` is when used).
    pub exclude_tags: Option<String>,
    pub view: View,
    /// `open`: what a tap on a headline does.
    pub open: Open,
    /// The mode the page asked for (reduced motion may show less: `view::state`).
    pub mode: Mode,
    pub rows: u32,
    /// `speed`: px per second, when given (else the default: `speed_px_per_s`).
    pub speed: Option<u32>,
    /// `interval`, when given (its default depends on the mode: `interval_ms`).
    pub interval: Option<u32>,
    pub max_items: usize,
    /// `label`, when not blank.
    pub label: Option<String>,
    /// `pause-label`, `play-label`, `prev-label`, `next-label`: the words they replace.
    pub word_labels: Overrides,
    pub heading_level: u8,
    pub relative_dates: bool,
    /// `thumbnails`: each headline's image before its text.
    pub thumbnails: bool,
    /// False with `images="none"`.
    pub images: bool,
    /// `target`, when not empty.
    pub target: Option<String>,
    /// False with `history="off"`: a reader's choice leaves the page URL alone.
    pub history: bool,
    /// `lang` of the element or its nearest ancestor that has one.
    pub lang: Option<String>,
    /// `dir` of the element or its nearest ancestor, when not blank.
    pub dir: Option<String>,
}

/// The words each control label attribute replaces, by `Strings` key.
const WORD_LABELS: [(Attribute, &str); 4] = [
    (Attribute::PauseLabel, "pause"),
    (Attribute::PlayLabel, "play"),
    (Attribute::PrevLabel, "prev"),
    (Attribute::NextLabel, "next"),
];

impl Config {
    /// Reads every attribute through `value_of`, which gives an attribute's
    /// value as written on the element (or, for an inherited one, on its
    /// nearest ancestor that has it), or `None` when it is absent.
    pub fn read(value_of: impl Fn(Attribute) -> Option<String>) -> Config {
        let reader = Reader(&value_of);
        let mut word_labels = Overrides::default();
        for (attribute, key) in WORD_LABELS {
            word_labels.set(key, value_of(attribute));
        }
        Config {
            src: value_of(Attribute::Src),
            refresh_ms: reader.integer(Attribute::Refresh).and_then(|s| u32::try_from(s * 1000).ok()),
            lazy: reader.keyword(Attribute::Loading) == Some("lazy"),
            persist: value_of(Attribute::Persist).is_some(),
            source: value_of(Attribute::Source),
            article: value_of(Attribute::Article),
            tags: value_of(Attribute::Tags),
            exclude_tags: value_of(Attribute::ExcludeTags),
            view: match reader.keyword(Attribute::View) {
                Some("ticker") => View::Ticker,
                Some("article") => View::Article,
                _ => View::Both,
            },
            open: match reader.keyword(Attribute::Open) {
                Some("view") => Open::View,
                Some("link") => Open::Link,
                _ => Open::Auto,
            },
            mode: match reader.keyword(Attribute::Mode) {
                Some("vertical") => Mode::Vertical,
                Some("slide") => Mode::Slide,
                Some("list") => Mode::List,
                _ => Mode::Marquee,
            },
            rows: reader.count(Attribute::Rows),
            speed: reader.integer(Attribute::Speed).map(|n| n as u32),
            interval: reader.integer(Attribute::Interval).map(|n| n as u32),
            max_items: reader.count(Attribute::MaxItems) as usize,
            label: value_of(Attribute::Label).filter(|l| !l.trim().is_empty()),
            word_labels,
            heading_level: reader.count(Attribute::HeadingLevel) as u8,
            relative_dates: value_of(Attribute::RelativeDates).is_some(),
            thumbnails: value_of(Attribute::Thumbnails).is_some(),
            images: reader.keyword(Attribute::Images) != Some("none"),
            target: value_of(Attribute::Target).filter(|t| !t.is_empty()),
            history: reader.keyword(Attribute::History) != Some("off"),
            lang: value_of(Attribute::Lang),
            dir: value_of(Attribute::Dir).filter(|d| !d.trim().is_empty()),
        }
    }

    /// The marquee's speed: the page's, else the table's default.
    pub fn speed_px_per_s(&self) -> u32 {
        self.speed.unwrap_or_else(|| integer_default(Attribute::Speed) as u32)
    }

    /// A slide's time on screen, or `vertical`'s rest between steps: the
    /// page's `interval`, else the mode's default.
    pub fn interval_ms(&self, mode: Mode) -> u32 {
        match (self.interval, mode) {
            (Some(interval), _) => interval,
            (None, Mode::Vertical) => VERTICAL_REST_MS,
            (None, _) => integer_default(Attribute::Interval) as u32,
        }
    }

    /// The widget's language: the page's `lang`, else the data's.
    pub fn locale(&self, data_language: Option<&str>) -> String {
        self.lang.as_deref().or(data_language).unwrap_or_default().to_string()
    }

    /// How to decode for this configuration. `tags` holds the lists of
    /// `tags` and `exclude-tags`, folded by `fold` (the platform's lower
    /// case: `tag_lists`), and `document_url` is where a fetched feed came from.
    pub fn decode_options<'a>(
        &'a self,
        tags: &'a TagLists,
        fold: fn(&str) -> String,
        document_url: Option<&'a str>,
    ) -> DecodeOptions<'a> {
        DecodeOptions {
            max_items: self.max_items,
            main_id: self.article.as_deref(),
            tags: TagFilter { lists: tags, fold },
            document_url,
        }
    }

    /// The tags the ticker keeps (`tags`; empty for all) and those it leaves
    /// out (`exclude-tags`), folded by `fold`.
    pub fn tag_lists(&self, fold: fn(&str) -> String) -> TagLists {
        let list = |attribute: &Option<String>| attribute.as_deref().map(|t| tag_list(t, fold)).unwrap_or_default();
        TagLists { wanted: list(&self.tags), excluded: list(&self.exclude_tags) }
    }
}

/// Whether `value` is one the attribute takes (a number for a number, one
/// of its keywords): what a command line may refuse, where the element
/// ignores it.
pub fn accepts(attribute: Attribute, value: &str) -> bool {
    match attribute.spec().value {
        Value::Text | Value::Boolean => true,
        Value::Integer { .. } => integer(attribute, value).is_some(),
        Value::Keyword { .. } => keyword(attribute, value).is_some(),
    }
}

/// A whole number in the attribute's range, as HTML reads one.
fn integer(attribute: Attribute, value: &str) -> Option<i64> {
    let Value::Integer { min, max, .. } = attribute.spec().value else { return None };
    html_integer(value, min, max)
}

/// One of the attribute's keywords, as the table spells it.
fn keyword(attribute: Attribute, value: &str) -> Option<&'static str> {
    let Value::Keyword { values, ignore_case, .. } = attribute.spec().value else { return None };
    let value = value.trim();
    values.iter().copied().find(|v| if ignore_case { v.eq_ignore_ascii_case(value) } else { *v == value })
}

/// Reads attributes by the kind of value the table gives them.
struct Reader<'a, F: Fn(Attribute) -> Option<String>>(&'a F);

impl<F: Fn(Attribute) -> Option<String>> Reader<'_, F> {
    /// `None` when absent or not a number.
    fn integer(&self, attribute: Attribute) -> Option<i64> {
        integer(attribute, &(self.0)(attribute)?)
    }

    /// The same, else the attribute's default.
    fn count(&self, attribute: Attribute) -> u32 {
        self.integer(attribute).unwrap_or_else(|| integer_default(attribute)) as u32
    }

    fn keyword(&self, attribute: Attribute) -> Option<&'static str> {
        keyword(attribute, &(self.0)(attribute)?)
    }
}

/// An integer attribute's default from the table.
fn integer_default(attribute: Attribute) -> i64 {
    match attribute.spec().value {
        Value::Integer { default: Some(default), .. } => default,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(attributes: &[(&str, &str)]) -> Config {
        Config::read(|a| attributes.iter().find(|(name, _)| *name == a.name()).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn without_attributes_every_default_is_the_tables() {
        let c = config(&[]);
        assert_eq!(
            (c.view, c.open, c.mode, c.rows, c.interval_ms(Mode::Slide), c.max_items, c.heading_level),
            (View::Both, Open::Auto, Mode::Marquee, 3, 5000, 50, 2)
        );
        assert_eq!(c.interval_ms(Mode::Vertical), 3000, "vertical rests shorter than a slide shows");
        assert_eq!(config(&[("interval", "8000")]).interval_ms(Mode::Vertical), 8000);
        assert_eq!(c.speed_px_per_s(), 60);
        assert!(c.images && c.history && !c.lazy && !c.relative_dates);
        assert_eq!((c.refresh_ms, c.label, c.target, c.dir), (None, None, None, None));
    }

    #[test]
    fn numbers_are_read_as_html_reads_them_and_clamped() {
        let c = config(&[
            ("rows", " 7px"),
            ("max-items", "99999"),
            ("heading-level", "0"),
            ("speed", "x"),
            ("refresh", "1"),
        ]);
        assert_eq!(c.rows, 7);
        assert_eq!(c.max_items, 10_000);
        assert_eq!(c.heading_level, 1);
        assert_eq!(c.speed, None, "not a number: the default");
        assert_eq!(c.refresh_ms, Some(5_000), "below the minimum counts as the minimum");
        assert_eq!(config(&[("refresh", "0")]).refresh_ms, Some(5_000));
        assert_eq!(config(&[("refresh", "60")]).refresh_ms, Some(60_000));
        assert_eq!(config(&[("refresh", "soon")]).refresh_ms, None, "no polling without a number");
    }

    #[test]
    fn keywords_follow_each_attributes_case_rule() {
        assert_eq!(config(&[("mode", " vertical ")]).mode, Mode::Vertical);
        assert_eq!(config(&[("mode", "Vertical")]).mode, Mode::Marquee, "mode values are lower case");
        assert_eq!(config(&[("view", "TICKER")]).view, View::Ticker);
        assert_eq!(config(&[("view", "sideways")]).view, View::Both);
        assert_eq!(config(&[("open", " Link")]).open, Open::Link);
        assert_eq!(config(&[("open", "tab")]).open, Open::Auto);
        assert!(!config(&[("images", "None")]).images);
        assert!(config(&[("history", "OFF")]).history, "history's value is exact");
        assert!(config(&[("loading", "Lazy")]).lazy);
    }

    #[test]
    fn a_value_the_attribute_does_not_take_is_told_apart() {
        assert!(accepts(Attribute::Rows, " 7") && accepts(Attribute::Rows, "999"), "read and clamped");
        assert!(!accepts(Attribute::Rows, "many"));
        assert!(accepts(Attribute::View, "Ticker") && !accepts(Attribute::Mode, "Slide"));
        assert!(accepts(Attribute::Label, "anything"));
    }

    #[test]
    fn blank_values_are_not_given() {
        let c = config(&[("dir", " "), ("label", "  "), ("target", ""), ("relative-dates", "")]);
        assert_eq!((c.dir, c.label, c.target), (None, None, None));
        assert!(c.relative_dates, "a boolean attribute is on whatever its value");
    }

    #[test]
    fn control_labels_replace_their_words() {
        let c = config(&[("pause-label", "Stop"), ("next-label", "Onward")]);
        assert_eq!(c.word_labels.text("pause"), Some("Stop"));
        assert_eq!(c.word_labels.text("next"), Some("Onward"));
        assert_eq!(c.word_labels.text("play"), None);
    }
}
