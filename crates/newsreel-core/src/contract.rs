//! The element's contract: every attribute, event, part, custom property
//! and member of `<news-reel>`, defined once. The widget reads its
//! attributes by this table (`view::config`), the server writes them by it,
//! and `make contract` generates from it what the element promises the page:
//! the observed attributes of `element.js`, `index.d.ts`'s attribute and event
//! types, `custom-elements.json`, and the README's tables.

use crate::formats::normalize::DEFAULT_MAX_ITEMS;
use crate::input::fetch::MIN_REFRESH_S;

/// The element's name, as `defineNewsReel()` defines it unless told another.
pub const TAG_NAME: &str = "news-reel";

/// What the element is, in one line.
pub const SUMMARY: &str = "A \"Latest news\" ticker and article view, rendered by WebAssembly into a shadow root.";

/// What the element is, in full.
pub const DESCRIPTION: &str = "Reads the article data the page embeds as JSON (newsreel's own format, schema.org JSON-LD or JSON Feed), a feed by URL (RSS, Atom or JSON) or data given to `load()`. The class is defined by `defineNewsReel()` (by the script-tag build, when it loads); its TypeScript type is `NewsReelElement`.";

/// Every attribute of the element, in the order of [`ATTRIBUTES`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Attribute {
    Src,
    Refresh,
    Loading,
    Persist,
    Source,
    Article,
    Tags,
    ExcludeTags,
    View,
    Open,
    Mode,
    Rows,
    Speed,
    Interval,
    MaxItems,
    Label,
    PauseLabel,
    PlayLabel,
    PrevLabel,
    NextLabel,
    HeadingLevel,
    RelativeDates,
    Thumbnails,
    Images,
    Target,
    History,
    Lang,
    Dir,
    State,
    Stale,
    ServerRendered,
}

/// What values an attribute takes, and how the widget reads them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Value {
    /// Any text.
    Text,
    /// A whole number as HTML reads one (`html::text::html_integer`),
    /// clamped to `min..=max`; anything else is as if absent.
    Integer { min: i64, max: i64, default: Option<i64> },
    /// Present or absent; its value means nothing.
    Boolean,
    /// One of `values`, read with white space around it trimmed, and in any
    /// case where `ignore_case`; anything else is as if absent.
    Keyword { values: &'static [&'static str], ignore_case: bool, default: Option<&'static str> },
}

/// Who sets an attribute.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SetBy {
    /// The page (or a server rendering for it).
    Page,
    /// The widget, for the page and its styles to read.
    Widget,
    /// The server (`newsreel render`), for the widget taking over.
    Server,
}

/// What the widget does again when a page-set attribute changes. The
/// attributes with one are the element's `observedAttributes`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Change {
    /// Read the data again from where it now comes from (`src`, `source`).
    ReadPage,
    /// Schedule the next poll of `src`.
    Poll,
    /// Decode the same texts again: which articles, and how many.
    Decode,
    /// Apply the motion again: mode, direction, speed, rows.
    Motion,
    /// Render the same data again.
    Render,
    /// Choose the widget's words again (language, labels), then render.
    Words,
}

/// One attribute: its name, its values, and how the widget reads it.
#[derive(Debug)]
pub struct AttributeSpec {
    pub attribute: Attribute,
    pub name: &'static str,
    pub value: Value,
    pub set_by: SetBy,
    /// A global attribute read from the element or its nearest ancestor that has it.
    pub inherited: bool,
    pub change: Option<Change>,
}

pub const ATTRIBUTES: &[AttributeSpec] = &[
    AttributeSpec {
        attribute: Attribute::Src,
        name: "src",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::ReadPage),
    },
    AttributeSpec {
        attribute: Attribute::Refresh,
        name: "refresh",
        value: Value::Integer { min: MIN_REFRESH_S, max: 86_400, default: None },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Poll),
    },
    AttributeSpec {
        attribute: Attribute::Loading,
        name: "loading",
        value: Value::Keyword { values: &["lazy", "eager"], ignore_case: true, default: None },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::Persist,
        name: "persist",
        value: Value::Boolean,
        set_by: SetBy::Page,
        inherited: false,
        change: None,
    },
    AttributeSpec {
        attribute: Attribute::Source,
        name: "source",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::ReadPage),
    },
    AttributeSpec {
        attribute: Attribute::Article,
        name: "article",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Decode),
    },
    AttributeSpec {
        attribute: Attribute::Tags,
        name: "tags",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Decode),
    },
    AttributeSpec {
        attribute: Attribute::ExcludeTags,
        name: "exclude-tags",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Decode),
    },
    AttributeSpec {
        attribute: Attribute::View,
        name: "view",
        value: Value::Keyword { values: &["both", "ticker", "article"], ignore_case: true, default: Some("both") },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::Open,
        name: "open",
        value: Value::Keyword { values: &["auto", "view", "link"], ignore_case: true, default: Some("auto") },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::Mode,
        name: "mode",
        value: Value::Keyword {
            values: &["marquee", "slide", "list", "vertical"],
            ignore_case: false,
            default: Some("marquee"),
        },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Motion),
    },
    AttributeSpec {
        attribute: Attribute::Rows,
        name: "rows",
        value: Value::Integer { min: 1, max: 50, default: Some(3) },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Motion),
    },
    AttributeSpec {
        attribute: Attribute::Speed,
        name: "speed",
        value: Value::Integer { min: 5, max: 1000, default: Some(60) },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Motion),
    },
    AttributeSpec {
        attribute: Attribute::Interval,
        name: "interval",
        value: Value::Integer { min: 1000, max: 600_000, default: Some(5000) },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Motion),
    },
    AttributeSpec {
        attribute: Attribute::MaxItems,
        name: "max-items",
        value: Value::Integer { min: 1, max: 10_000, default: Some(DEFAULT_MAX_ITEMS as i64) },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Decode),
    },
    AttributeSpec {
        attribute: Attribute::Label,
        name: "label",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Words),
    },
    AttributeSpec {
        attribute: Attribute::PauseLabel,
        name: "pause-label",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Words),
    },
    AttributeSpec {
        attribute: Attribute::PlayLabel,
        name: "play-label",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Words),
    },
    AttributeSpec {
        attribute: Attribute::PrevLabel,
        name: "prev-label",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Words),
    },
    AttributeSpec {
        attribute: Attribute::NextLabel,
        name: "next-label",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Words),
    },
    AttributeSpec {
        attribute: Attribute::HeadingLevel,
        name: "heading-level",
        value: Value::Integer { min: 1, max: 6, default: Some(2) },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::RelativeDates,
        name: "relative-dates",
        value: Value::Boolean,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::Thumbnails,
        name: "thumbnails",
        value: Value::Boolean,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::Images,
        name: "images",
        value: Value::Keyword { values: &["none"], ignore_case: true, default: None },
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::Target,
        name: "target",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: false,
        change: Some(Change::Render),
    },
    AttributeSpec {
        attribute: Attribute::History,
        name: "history",
        value: Value::Keyword { values: &["off"], ignore_case: false, default: None },
        set_by: SetBy::Page,
        inherited: false,
        change: None,
    },
    AttributeSpec {
        attribute: Attribute::Lang,
        name: "lang",
        value: Value::Text,
        set_by: SetBy::Page,
        inherited: true,
        change: Some(Change::Words),
    },
    AttributeSpec {
        attribute: Attribute::Dir,
        name: "dir",
        value: Value::Keyword { values: &["ltr", "rtl", "auto"], ignore_case: true, default: None },
        set_by: SetBy::Page,
        inherited: true,
        change: Some(Change::Motion),
    },
    AttributeSpec {
        attribute: Attribute::State,
        name: "state",
        value: Value::Keyword { values: &["loading", "ready", "error"], ignore_case: false, default: None },
        set_by: SetBy::Widget,
        inherited: false,
        change: None,
    },
    AttributeSpec {
        attribute: Attribute::Stale,
        name: "stale",
        value: Value::Boolean,
        set_by: SetBy::Widget,
        inherited: false,
        change: None,
    },
    AttributeSpec {
        attribute: Attribute::ServerRendered,
        name: "server-rendered",
        value: Value::Boolean,
        set_by: SetBy::Server,
        inherited: false,
        change: None,
    },
];

/// An attribute's documentation, apart from [`ATTRIBUTES`] so that what
/// the widget reads at run time carries none of it.
#[derive(Debug)]
pub struct AttributeDocs {
    pub attribute: Attribute,
    /// One line, for the TypeScript declarations; empty where the type says it all.
    pub summary: &'static str,
    /// The full description: the manifest's and the README's.
    pub description: &'static str,
}

/// In the order of [`ATTRIBUTES`].
pub const ATTRIBUTE_DOCS: &[AttributeDocs] = &[
    AttributeDocs {
        attribute: Attribute::Src,
        summary: "URL of a feed (JSON, RSS or Atom), or up to 8 separated by spaces, merged; wins over `source` and inline data.",
        description: "URL of a feed (JSON, RSS or Atom) to load, absolute or relative to the page; wins over `source` and inline data. Only `http:`, `https:` and relative URLs are fetched. Several URLs separated by white space (at most 8; any after them are ignored, with a warning naming them) are each fetched, refreshed and backed off on their own, and merged into one ticker: each article once (of duplicates by id or URL, the later-dated), newest first, then `tags`, `exclude-tags` and `max-items`. A feed that fails while another loads is named in `newsreel:ready`'s warnings (and in `stale` on a refresh); only when every one fails is it the error state.",
    },
    AttributeDocs {
        attribute: Attribute::Refresh,
        summary: "With `src`: poll every this many seconds (at least 5).",
        description: "With `src`: poll the feed every this many seconds (values below 5 count as 5), with conditional requests. Without it there is no polling.",
    },
    AttributeDocs {
        attribute: Attribute::Loading,
        summary: "`lazy` waits until the widget comes near the viewport to fetch `src` (and, in the script-tag build, the module).",
        description: "`lazy` waits until the widget comes near the viewport, as `<img loading=\"lazy\">` does: to fetch `src`, and, in the script-tag build, to fetch and start the WebAssembly module when no other widget on the page needs it sooner. Otherwise both happen at once.",
    },
    AttributeDocs {
        attribute: Attribute::Persist,
        summary: "With `src`: keep the last good copy of each feed in the browser, shown at once on the next visit.",
        description: "With `src`: keeps the last good copy of each feed in the browser (the Cache API, under the feed's absolute URL, with its `ETag`, `Last-Modified` and the time it was stored). On the next visit a copy up to 24 hours old renders at once, with `stale` set, and is asked for again with its validators: a 304 confirms it (removing `stale`), a 200 replaces it. An older copy is not shown. A storage that fails (a private window, a quota, no secure context) is a warning in `newsreel:ready`, and the feed loads as without `persist`. Without it nothing is stored. Read when `src` is.",
    },
    AttributeDocs {
        attribute: Attribute::Source,
        summary: "CSS selector of the element that holds the JSON.",
        description: "CSS selector of the element holding the JSON (usually a `<script type=\"application/json\">`). Without it: a JSON script inside the element, else every JSON-LD script on the page.",
    },
    AttributeDocs {
        attribute: Attribute::Article,
        summary: "Id of the article the view opens with.",
        description: "Id of the article the view opens with; it leaves the ticker (useful with a JSON Feed).",
    },
    AttributeDocs {
        attribute: Attribute::Tags,
        summary: "Comma-separated tags: the ticker shows only the articles with one of them.",
        description: "Comma-separated keywords, tags or categories: the ticker shows only the articles with one of them (case-insensitive). Applied before `max-items`.",
    },
    AttributeDocs {
        attribute: Attribute::ExcludeTags,
        summary: "Comma-separated tags: the ticker leaves out the articles with any of them.",
        description: "Comma-separated keywords, tags or categories: the ticker leaves out every article with any of them (case-insensitive, as `tags` compares). Applied before `max-items`; with `tags`, an article must have one of those and none of these.",
    },
    AttributeDocs {
        attribute: Attribute::View,
        summary: "`both` (default), `ticker` (the headlines alone, as links) or `article` (the view alone).",
        description: "`both`: ticker and article view; `ticker`: the headlines alone, as links a plain click follows (a site-wide header bar); `article`: the article view alone.",
    },
    AttributeDocs {
        attribute: Attribute::Open,
        summary: "What a tap on a headline does: `auto` (default), `view` or `link`.",
        description: "`auto`: a headline whose article has a body, a summary or an image opens in the article view, and one that holds nothing more than its headline and date is a plain link to its page (with `target`); `view`: every headline opens in the article view; `link`: every headline with a URL is a link to its page. A modified click (Ctrl, ⌘, middle button) always opens the page, and a headline without a URL always opens in the view.",
    },
    AttributeDocs {
        attribute: Attribute::Mode,
        summary: "`marquee` (default), `slide`, `list` (static) or `vertical` (rows stepping up).",
        description: "`marquee`: continuous scroll (still while every headline fits in its box); `slide`: one headline at a time, with previous and next buttons and a horizontal swipe; `list`: static; `vertical`: `rows` whole headlines at a time, moving up one headline, then resting for `interval` (still while every headline fits).",
    },
    AttributeDocs {
        attribute: Attribute::Rows,
        summary: "With `mode=\"vertical\"`: how many headlines show at once (default 3).",
        description: "With `mode=\"vertical\"`: how many headlines tall the box is, 1 to 50.",
    },
    AttributeDocs {
        attribute: Attribute::Speed,
        summary: "Marquee speed in px/s (default 60).",
        description: "The marquee's scroll speed in pixels per second.",
    },
    AttributeDocs {
        attribute: Attribute::Interval,
        summary: "Slide interval in ms (default 5000; 3000 for `vertical`).",
        description: "In milliseconds: how long each slide shows (`slide`, 5000 by default), or how long `vertical` rests between steps (3000 by default).",
    },
    AttributeDocs {
        attribute: Attribute::MaxItems,
        summary: "Longest ticker (default 50).",
        description: "Most headlines the ticker shows (1 to 10,000).",
    },
    AttributeDocs {
        attribute: Attribute::Label,
        summary: "The ticker's label (default: the data's title, else \"Latest news\").",
        description: "The ticker's label. Without it: the `strings` property's `label`, else the data's `title`, else \"Latest news\" in the widget's language.",
    },
    AttributeDocs {
        attribute: Attribute::PauseLabel,
        summary: "The pause button's text, in place of the translated \"Pause\".",
        description: "The pause control's text and accessible name while the ticker moves; wins over the built-in (translated) word and the `strings` property.",
    },
    AttributeDocs {
        attribute: Attribute::PlayLabel,
        summary: "The play button's text, in place of the translated \"Play\".",
        description: "The same control's text and accessible name while the ticker is still; wins over the built-in word and `strings`.",
    },
    AttributeDocs {
        attribute: Attribute::PrevLabel,
        summary: "Accessible name of ‹, in place of the translated \"Previous headline\".",
        description: "Accessible name of `slide` mode's previous-headline control; wins over the built-in word and `strings`.",
    },
    AttributeDocs {
        attribute: Attribute::NextLabel,
        summary: "Accessible name of ›, in place of the translated \"Next headline\".",
        description: "Accessible name of `slide` mode's next-headline control; wins over the built-in word and `strings`.",
    },
    AttributeDocs {
        attribute: Attribute::HeadingLevel,
        summary: "Level of the article headline, 1 to 6 (default 2).",
        description: "Level of the article view's headline, 1 to 6 (`<h2>` by default).",
    },
    AttributeDocs {
        attribute: Attribute::RelativeDates,
        summary: "Present: dates read \"3 hours ago\".",
        description: "Present: dates read \"3 hours ago\" rather than as dates.",
    },
    AttributeDocs {
        attribute: Attribute::Thumbnails,
        summary: "Present: each headline shows its article's image, small, before its text.",
        description: "Present: each headline with an image shows it before its text (part `thumbnail`), in a fixed box of `--newsreel-thumbnail-size`, so nothing moves as it loads. A headline without an image gets no box; `images=\"none\"` wins.",
    },
    AttributeDocs {
        attribute: Attribute::Images,
        summary: "`none`: no image is ever loaded.",
        description: "`none`: never load images (neither the lead image nor those in article bodies).",
    },
    AttributeDocs {
        attribute: Attribute::Target,
        summary: "`target` of the links to the original articles, such as `_blank`.",
        description: "The `target` of links to original articles (for example `_blank`).",
    },
    AttributeDocs {
        attribute: Attribute::History,
        summary: "`off`: a reader's choice leaves the page URL alone.",
        description: "`off`: leave the page URL alone. By default a reader's choice of headline adds `#news-reel/<id>` to the history.",
    },
    AttributeDocs {
        attribute: Attribute::Lang,
        summary: "Language of the texts and dates (default: the page's).",
        description: "The global attribute, on the element or an ancestor: the widget's language, for dates and its own words (else the data's `inLanguage`). A change on the element re-renders.",
    },
    AttributeDocs {
        attribute: Attribute::Dir,
        summary: "",
        description: "The global attribute, on the element or an ancestor: `rtl` reverses the ticker's direction and its scroll; without one, a right-to-left `lang` does. A change on the element applies at once.",
    },
    AttributeDocs {
        attribute: Attribute::State,
        summary: "",
        description: "Set by the widget, not by the page: `loading`, then `ready` or `error`.",
    },
    AttributeDocs {
        attribute: Attribute::Stale,
        summary: "",
        description: "Set by the widget, not by the page: present while a feed from `src` whose news is on screen could not be refreshed (the part `stale` says which and why), or is a copy kept by `persist` that the server has not confirmed yet; its next success removes it.",
    },
    AttributeDocs {
        attribute: Attribute::ServerRendered,
        summary: "",
        description: "Set by the server (`newsreel render`), not by the page: the element's declarative shadow root is the widget's, to be taken over with its nodes kept; the widget removes it when it does.",
    },
];

impl Attribute {
    /// The attribute's row of [`ATTRIBUTES`].
    pub fn spec(self) -> &'static AttributeSpec {
        &ATTRIBUTES[self as usize]
    }

    /// The attribute's documentation (`ATTRIBUTE_DOCS`).
    pub fn docs(self) -> &'static AttributeDocs {
        &ATTRIBUTE_DOCS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The attribute of that name (as written in HTML: lower case).
    pub fn from_name(name: &str) -> Option<Attribute> {
        ATTRIBUTES.iter().find(|spec| spec.name == name).map(|spec| spec.attribute)
    }
}

/// One event the element dispatches; each bubbles and is composed, and
/// only `newsreel:navigate` may be cancelable.
#[derive(Debug)]
pub struct EventSpec {
    pub name: &'static str,
    /// The TypeScript type of the event.
    pub ts_type: &'static str,
    pub description: &'static str,
}

pub const EVENTS: &[EventSpec] = &[
    EventSpec { name: "newsreel:ready", ts_type: "CustomEvent<NewsReelReadyDetail>", description: "The data is on screen. `detail`: `{ count, shown, warnings }`: articles found (before `max-items` and `tags`), headlines the ticker shows, and field-level problems. Bubbles and is composed." },
    EventSpec { name: "newsreel:error", ts_type: "CustomEvent<NewsReelErrorDetail>", description: "Something went wrong; what was valid stays on screen. `detail`: `{ message, status, url }` (`status` and `url` for a feed from `src`, else null). Bubbles and is composed." },
    EventSpec { name: "newsreel:update", ts_type: "CustomEvent<NewsReelUpdateDetail>", description: "A refresh of `src` changed the ticker. `detail`: `{ count, added, removed }`: articles in the new data, and the ids of the headlines added and removed. Bubbles and is composed." },
    EventSpec { name: "newsreel:select", ts_type: "CustomEvent<NewsReelSelectDetail>", description: "An article was opened in the view (by the reader, by `select()` or by history). `detail`: `{ id, url }`. Bubbles and is composed." },
    EventSpec { name: "newsreel:navigate", ts_type: "CustomEvent<NewsReelNavigateDetail>", description: "A reader follows a link out of the widget (a headline that is a link, by `view` and `open`, or the article view's `link`), before the browser does. `detail`: `{ id, url }`: the article's id and the absolute URL. A plain click's (Enter's too) is cancelable: `preventDefault()` keeps the page where it is, for a router to take over. A modified click's (Ctrl, ⌘, Shift, the middle button) is not, and its new tab or window opens. Bubbles and is composed." },
];

/// One part of the shadow tree that a page may style (`::part(name)`).
#[derive(Debug)]
pub struct PartSpec {
    pub name: &'static str,
    pub description: &'static str,
}

pub const PARTS: &[PartSpec] = &[
    PartSpec { name: "root", description: "The box around everything the widget shows." },
    PartSpec { name: "ticker", description: "The \"Latest news\" region: label, controls and headlines." },
    PartSpec { name: "label", description: "The ticker's label (\"Latest news\"). In a narrow widget it sits above the headlines." },
    PartSpec { name: "viewport", description: "The box that shows the headlines, between the controls and the ticker's end (below the label and controls in a narrow widget)." },
    PartSpec { name: "pause", description: "The Pause/Play button." },
    PartSpec { name: "prev", description: "The previous-headline button (`mode=\"slide\"`)." },
    PartSpec { name: "next", description: "The next-headline button (`mode=\"slide\"`)." },
    PartSpec { name: "list", description: "The list of headlines." },
    PartSpec { name: "item", description: "One headline of the list." },
    PartSpec { name: "new", description: "With `item`: a headline a refresh of `src` brought, for a highlight." },
    PartSpec { name: "thumbnail", description: "A headline's image (`thumbnails`): `alt=\"\"`, as the headline beside it names it." },
    PartSpec { name: "item-copy", description: "A headline of the hidden duplicate list a seamless marquee scrolls." },
    PartSpec { name: "article", description: "The article view." },
    PartSpec { name: "headline", description: "The article view's headline." },
    PartSpec { name: "date", description: "The article's date, a `<time datetime>`." },
    PartSpec { name: "byline", description: "The article's authors." },
    PartSpec { name: "publisher", description: "The article's publisher." },
    PartSpec { name: "image", description: "The article's lead image." },
    PartSpec { name: "body", description: "The article's text." },
    PartSpec { name: "link", description: "The link to the original article." },
    PartSpec { name: "error", description: "What went wrong, and where." },
    PartSpec { name: "stale", description: "Why a feed from `src` could not be refreshed." },
];

/// One CSS custom property the stylesheet reads.
#[derive(Debug)]
pub struct CssPropertySpec {
    pub name: &'static str,
    /// Its CSS syntax, where it has one narrower than any value.
    pub syntax: Option<&'static str>,
    pub default: &'static str,
    /// The default under `prefers-color-scheme: dark`, where it is another.
    pub dark: Option<&'static str>,
    pub description: &'static str,
}

pub const CSS_PROPERTIES: &[CssPropertySpec] = &[
    CssPropertySpec {
        name: "--newsreel-color",
        syntax: Some("<color>"),
        default: "#1a1a1a",
        dark: Some("#ececec"),
        description: "Text colour.",
    },
    CssPropertySpec {
        name: "--newsreel-background",
        syntax: Some("<color>"),
        default: "#ffffff",
        dark: Some("#161616"),
        description: "Background colour.",
    },
    CssPropertySpec {
        name: "--newsreel-muted",
        syntax: Some("<color>"),
        default: "#595959",
        dark: Some("#b0b0b0"),
        description: "Colour of dates and other meta text.",
    },
    CssPropertySpec {
        name: "--newsreel-accent",
        syntax: Some("<color>"),
        default: "#b3001b",
        dark: Some("#ff6b7d"),
        description:
            "Colour of the label's background, of links, of the error box's border and of the new-headline highlight.",
    },
    CssPropertySpec {
        name: "--newsreel-label-color",
        syntax: Some("<color>"),
        default: "#fff",
        dark: Some("#161616"),
        description: "Text colour of the ticker's label.",
    },
    CssPropertySpec {
        name: "--newsreel-border",
        syntax: Some("<color>"),
        default: "#d6d6d6",
        dark: Some("#3a3a3a"),
        description: "Colour of the ticker bar's borders, the buttons' borders and the rule beside quotations.",
    },
    CssPropertySpec {
        name: "--newsreel-bar-background",
        syntax: Some("<color>"),
        default: "#f3f3f3",
        dark: Some("#222222"),
        description: "Background of the ticker bar.",
    },
    CssPropertySpec {
        name: "--newsreel-focus",
        syntax: Some("<color>"),
        default: "#1a5fb4",
        dark: Some("#8ab4f8"),
        description: "Colour of the focus ring.",
    },
    CssPropertySpec {
        name: "--newsreel-font",
        syntax: None,
        default: "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif",
        dark: None,
        description: "Font family (the system's user-interface font by default).",
    },
    CssPropertySpec {
        name: "--newsreel-font-size",
        syntax: Some("<length-percentage>"),
        default: "1rem",
        dark: None,
        description: "Base font size; the widget's other text sizes are relative to it.",
    },
    CssPropertySpec {
        name: "--newsreel-thumbnail-size",
        syntax: Some("<length>"),
        default: "2em",
        dark: None,
        description: "Width and height of a headline's thumbnail (`thumbnails`); the image is cropped to fill it.",
    },
];

/// A parameter of a method.
#[derive(Debug)]
pub struct Parameter {
    pub name: &'static str,
    pub ts_type: &'static str,
}

/// One method or property of the element.
#[derive(Debug)]
pub enum MemberSpec {
    Method { name: &'static str, parameters: &'static [Parameter], returns: &'static str, description: &'static str },
    Property { name: &'static str, ts_type: &'static str, readonly: bool, description: &'static str },
}

pub const MEMBERS: &[MemberSpec] = &[
    MemberSpec::Method { name: "load", parameters: &[Parameter { name: "data", ts_type: "string | object" }], returns: "void", description: "Replaces the data with a JSON string or a JSON-serialisable object, in any format the element reads. Data given this way is kept when the element is moved or re-inserted." },
    MemberSpec::Method { name: "select", parameters: &[Parameter { name: "id", ts_type: "string" }], returns: "boolean", description: "Opens an article in the article view. Returns false when there is no such id, or no article view (`view=\"ticker\"`)." },
    MemberSpec::Method { name: "play", parameters: &[], returns: "void", description: "Starts the ticker's motion, as the reader's play button does (also over reduced motion's static list)." },
    MemberSpec::Method { name: "pause", parameters: &[], returns: "void", description: "Stops the ticker's motion until `play()` or the reader's play button." },
    MemberSpec::Method { name: "next", parameters: &[], returns: "void", description: "Steps to the next headline (`mode=\"slide\"`)." },
    MemberSpec::Method { name: "prev", parameters: &[], returns: "void", description: "Steps back to the previous headline (`mode=\"slide\"`)." },
    MemberSpec::Property { name: "articles", ts_type: "NewsReelArticle[]", readonly: true, description: "Every article the widget can show, the main one first, as `{ id, headline, url, datePublished }` (`url` and `datePublished` null when unknown); empty before any data." },
    MemberSpec::Property { name: "paused", ts_type: "boolean", readonly: true, description: "True unless the ticker is set to move: after the reader's pause or `pause()`, in `mode=\"list\"` (or reduced motion's list), or without a ticker (`view=\"article\"`)." },
    MemberSpec::Property { name: "strings", ts_type: "NewsReelStrings & { newHeadlines: NewsReelPluralText }", readonly: false, description: "The user-interface strings in use (`label`, `pause`, `play`, `prev`, `next`, `newHeadlines`, `notShown`, `notUpdated`, `notLoaded`, `readMore`): the built-in translations unless replaced. Setting it takes a partial object, whose strings replace those it names, or null." },
];

/// The HTML put inside the element: its default slot.
pub const SLOT_DESCRIPTION: &str = "The HTML put inside the element (a link to the news page, say): shown until the widget renders, and kept if it cannot.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_attribute_is_its_own_row_and_found_by_its_name() {
        for (index, spec) in ATTRIBUTES.iter().enumerate() {
            assert_eq!(spec.attribute as usize, index, "{} is out of order", spec.name);
            assert_eq!(
                spec.attribute.docs().attribute,
                spec.attribute,
                "{}'s documentation is out of order",
                spec.name
            );
            assert_eq!(Attribute::from_name(spec.name), Some(spec.attribute));
        }
        assert_eq!(Attribute::from_name("Mode"), None, "names are lower case, as HTML writes them");
    }

    #[test]
    fn only_what_the_page_sets_is_observed() {
        for spec in ATTRIBUTES {
            if spec.set_by != SetBy::Page {
                assert_eq!(spec.change, None, "{} is the widget's own", spec.name);
            }
        }
    }

    #[test]
    fn defaults_are_values_the_attribute_takes() {
        for spec in ATTRIBUTES {
            match spec.value {
                Value::Integer { min, max, default: Some(d) } => assert!((min..=max).contains(&d), "{}", spec.name),
                Value::Keyword { values, default: Some(d), .. } => assert!(values.contains(&d), "{}", spec.name),
                _ => {}
            }
        }
    }
}
