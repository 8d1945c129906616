//! JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
//!
//! A feed is a list with no main article: every item goes to the ticker,
//! newest first, and the widget opens on the first.
//!
//! The shapes are known, so they are read into structs; every member is
//! read as anything (`Value`, or `RawValue` left unparsed) so that a member
//! of the wrong type gives a warning, never a failed item or feed. Item
//! bodies stay unparsed in the source text (`Body::Deferred`) until their
//! article opens.

use serde::de::MapAccess;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::dates::DateValue;
use crate::formats::normalize::{self, Order};
use crate::formats::schema::{date, image, names, text, url, Nodes};
use crate::formats::{bodies, FormatError};
use crate::html::text::{clean_line, excerpt, strip_tags};
use crate::input::json::{self, Envelope, Members, Source, Top};
use crate::model::{warn, Article, Body, BodyKind, Format, NewsDocument, Warning};

/// Longest headline made from an item's summary or text, in characters.
const MADE_HEADLINE_CHARS: usize = 100;

/// A JSON Feed names its version with a URL under jsonfeed.org. Feeds in
/// the wild also write that URL with `http:`, or the version as a bare
/// number ("1.0") beside a list of items; feed readers take those too.
pub fn detect(envelope: &Envelope) -> bool {
    let Some(version) = envelope.version.and_then(json::string) else { return false };
    let version = version.trim();
    let named = version
        .strip_prefix("https://")
        .or_else(|| version.strip_prefix("http://"))
        .is_some_and(|v| v.starts_with("jsonfeed.org/version/"));
    let has_items = envelope.items.is_some_and(|items| items.get().starts_with('['));
    named || (has_items && version.starts_with(|c: char| c.is_ascii_digit()))
}

/// The members of an item that are read.
#[derive(Default)]
struct Item<'a> {
    id: Value,
    url: Value,
    external_url: Value,
    title: Value,
    summary: Value,
    date_published: Value,
    // Read only for the items shown: left unparsed until then.
    image: Option<&'a RawValue>,
    banner_image: Option<&'a RawValue>,
    date_modified: Option<&'a RawValue>,
    authors: Option<&'a RawValue>,
    author: Option<&'a RawValue>,
    tags: Option<&'a RawValue>,
    language: Option<&'a RawValue>,
    content_html: Option<&'a RawValue>,
    content_text: Option<&'a RawValue>,
}

impl<'de> Members<'de> for Item<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "id" => self.id = map.next_value()?,
            "url" => self.url = map.next_value()?,
            "external_url" => self.external_url = map.next_value()?,
            "title" => self.title = map.next_value()?,
            "summary" => self.summary = map.next_value()?,
            "date_published" => self.date_published = map.next_value()?,
            "image" => self.image = map.next_value()?,
            "banner_image" => self.banner_image = map.next_value()?,
            "date_modified" => self.date_modified = map.next_value()?,
            "authors" => self.authors = map.next_value()?,
            "author" => self.author = map.next_value()?,
            "tags" => self.tags = map.next_value()?,
            "language" => self.language = map.next_value()?,
            "content_html" => self.content_html = map.next_value()?,
            "content_text" => self.content_text = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Deserialize<'de> for Item<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::members(deserializer)
    }
}

/// What the feed says for all its items.
struct Context<'a> {
    source: Source<'a>,
    /// `home_page_url` (itself read against where the feed came from), else
    /// where the feed came from: relative item links are read against it,
    /// since the feed may come from another site than the page showing it.
    home: Option<String>,
    /// The feed's authors, which stand in for an item's missing ones.
    authors: Vec<String>,
}

/// A value that is not `null`.
fn given(value: &Value) -> Option<&Value> {
    (!value.is_null()).then_some(value)
}

/// `authors` (1.1), else `author` (1.0).
fn authors(authors: &Value, author: &Value, nodes: &Nodes) -> Vec<String> {
    let list = names(authors, nodes);
    if list.is_empty() {
        names(author, nodes)
    } else {
        list
    }
}

/// Decodes a feed read from `source`, with its ticker's order: newest first
/// (a feed's order says nothing).
///
/// `max_items` and `main_id` are the widget's: of a long feed only the items
/// the ticker can show are built into articles (`normalize::shown`).
pub fn decode(top: &Top, source: Source, options: crate::DecodeOptions) -> Result<(NewsDocument, Order), FormatError> {
    let (max_items, main_id) = (options.max_items, options.main_id);
    let feed = match top {
        Top::Object(envelope) => envelope,
        Top::Other(value) => return Err(FormatError::NotAnObject { found: json::kind(value) }),
    };
    let nodes = Nodes::default();
    let mut warnings = Vec::new();
    let home_page = parsed(feed.home_page_url);
    let context = Context {
        source,
        home: home(home_page.as_str(), options.document_url),
        authors: authors(&parsed(feed.authors), &parsed(feed.author), &nodes),
    };
    // One pass over the items when every one of them is an object that
    // reads (any real feed): the item texts, bodies above all, are scanned
    // once more only when one is not.
    let listed = feed.items.filter(|raw| raw.get() != "null");
    let mut one_pass = None;
    let mut each = Vec::new();
    match listed {
        None => warn(&mut warnings, "items", "is missing"),
        Some(list) => match serde_json::from_str::<Vec<Item>>(list.get()) {
            Ok(items) => one_pass = Some(items),
            Err(_) => match serde_json::from_str::<Vec<&RawValue>>(list.get()) {
                Ok(items) => each = items,
                Err(_) => warn(&mut warnings, "items", format!("expected an array, found {}", json::raw_kind(list))),
            },
        },
    }
    let items: Vec<Result<Item, String>> = match one_pass {
        Some(items) => items.into_iter().map(Ok).collect(),
        None => each.iter().map(|raw| read_item(raw, &context)).collect(),
    };
    let mut heads = Vec::with_capacity(items.len());
    for (i, read) in items.into_iter().enumerate() {
        let location = format!("item {} (items[{i}])", i + 1);
        let headed = read.and_then(|parsed| head(&parsed, &context, &location, &mut warnings).map(|h| (parsed, h)));
        match headed {
            Ok((parsed, h)) => heads.push((parsed, h, location)),
            Err(why) => warn(&mut warnings, &location, why),
        }
    }
    // Ids made for items without one, as `normalize::finish` would make
    // them, so the choice below sees the same ids.
    for (n, (_, h, _)) in heads.iter_mut().filter(|(_, h, _)| h.id.is_empty()).enumerate() {
        h.id = format!("item-{}", n + 1);
    }
    let keys: Vec<_> = heads.iter().map(|(_, h, _)| (h.id.as_str(), h.url.as_deref(), h.date_published)).collect();
    // With a tag filter, each item's tags are read now, to choose among the
    // items that pass it.
    let accepted: Vec<bool> = if options.tags.is_active() {
        heads.iter().map(|(item, _, _)| options.tags.accepts(&names(&parsed(item.tags), &Nodes::default()))).collect()
    } else {
        Vec::new()
    };
    let normalize::Shown { keep, unbuilt } = normalize::shown(&keys, max_items, main_id, &accepted);
    let mut latest = Vec::new();
    for ((parsed, h, location), keep) in heads.into_iter().zip(keep) {
        if keep {
            latest.push(article(parsed, h, &context, &location, &mut warnings));
        }
    }
    let doc = NewsDocument {
        format: Format::JsonFeed,
        main: None,
        latest,
        title: text(&parsed(feed.title), &nodes),
        language: text(&parsed(feed.language), &nodes),
        found: 0,
        unbuilt,
        warnings,
    };
    Ok((doc, Order::NewestFirst))
}

/// A text member not parsed yet: the string literal when it holds non-blank
/// text, or a warning when it holds something else than text or `null`.
fn string_field<'a>(
    raw: Option<&'a RawValue>,
    key: &str,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Option<&'a RawValue> {
    let raw = raw?;
    if json::is_string(raw) {
        return Some(raw).filter(|r| !json::is_blank_string(r));
    }
    if raw.get() != "null" {
        warn(warnings, location, format!("{key} is {}, not text", json::raw_kind(raw)));
    }
    None
}

/// A body left in the source text, or decoded at once if it cannot be
/// placed there.
fn deferred(raw: &RawValue, source: Source, kind: BodyKind) -> Body {
    match source.span(raw) {
        Some(span) => Body::Deferred { block: source.block, span, kind },
        None => json::string(raw).map_or(Body::None, |text| bodies::from_text(kind, text)),
    }
}

/// An item read on its own, when the one pass failed (an item that is not
/// an object, or too deep to read): the error says which item, and where.
fn read_item<'a>(raw: &'a RawValue, context: &Context) -> Result<Item<'a>, String> {
    if !json::is_object(raw) {
        return Err(format!("expected an object, found {}", json::raw_kind(raw)));
    }
    serde_json::from_str(raw.get()).map_err(|e| context.source.error(raw, &e).to_string())
}

/// What choosing the ticker's items needs of an item (headline, id, link,
/// date), read for every item; the rest of its article is read only if it
/// is shown.
struct Head<'a> {
    headline: String,
    id: String,
    url: Option<String>,
    date_published: Option<DateValue>,
    summary: Option<String>,
    html: Option<&'a RawValue>,
    plain: Option<&'a RawValue>,
}

fn head<'a>(
    item: &Item<'a>,
    context: &Context,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Head<'a>, String> {
    let nodes = Nodes::default();
    let html = string_field(item.content_html, "content_html", location, warnings);
    let plain = string_field(item.content_text, "content_text", location, warnings);
    let summary = text(&item.summary, &nodes);
    let headline = match text(&item.title, &nodes) {
        Some(title) => title,
        // Made from the start of the text: the one case where a body is read now.
        None => summary
            .clone()
            .or_else(|| plain.and_then(json::string).map(|t| clean_line(&t)))
            .or_else(|| html.and_then(json::string).map(|h| strip_tags(&h)))
            .map(|t| excerpt(&t, MADE_HEADLINE_CHARS))
            .filter(|t| !t.is_empty())
            .ok_or("has no title, summary or text")?,
    };
    let link = |value: &Value| given(value).and_then(|v| url(v, &nodes)).map(|u| against(context.home.as_deref(), u));
    let item_url = link(&item.url).or_else(|| link(&item.external_url));
    let date_published =
        given(&item.date_published).and_then(|v| date(v, &nodes, "date_published", location, warnings));
    Ok(Head {
        id: given(&item.id).and_then(|v| text(v, &nodes)).or_else(|| item_url.clone()).unwrap_or_default(),
        headline,
        url: item_url,
        date_published,
        summary,
        html,
        plain,
    })
}

/// The article of an item, from its head and the rest of the item.
fn article(item: Item, head: Head, context: &Context, location: &str, warnings: &mut Vec<Warning>) -> Article {
    let nodes = Nodes::default();
    let image_value = parsed(item.image);
    let banner = parsed(item.banner_image);
    let mut picture = given(&image_value).or_else(|| given(&banner)).and_then(|v| image(v, &nodes));
    if let Some(p) = picture.as_mut() {
        p.url = against(context.home.as_deref(), std::mem::take(&mut p.url));
    }
    let body = match (head.html, head.plain) {
        (Some(h), _) => deferred(h, context.source, BodyKind::Html),
        (None, Some(t)) => deferred(t, context.source, BodyKind::Plain),
        (None, None) => Body::None,
    };
    let mut item_authors = authors(&parsed(item.authors), &parsed(item.author), &nodes);
    if item_authors.is_empty() {
        item_authors = context.authors.clone();
    }
    let modified = parsed(item.date_modified);
    // Relative links and images in the HTML mean what they mean on the
    // item's own page (as feed readers read them), else on the home page.
    let body_base = head.url.clone().filter(|u| is_web(u)).or_else(|| context.home.clone());
    Article {
        id: head.id,
        headline: head.headline,
        url: head.url,
        date_published: head.date_published,
        date_modified: given(&modified).and_then(|v| date(v, &nodes, "date_modified", location, warnings)),
        authors: item_authors,
        publisher: None,
        image: picture,
        summary: head.summary,
        body,
        language: given(&parsed(item.language)).and_then(|v| text(v, &nodes)),
        tags: names(&parsed(item.tags), &nodes),
        body_base,
    }
}

/// What the feed's relative links are read against: its `home_page_url`,
/// resolved against where it came from, else where it came from.
fn home(home_page_url: Option<&str>, document_url: Option<&str>) -> Option<String> {
    let document = document_url.filter(|u| is_web(u));
    let home_page = home_page_url.map(|h| against(document, h.to_string())).filter(|h| is_web(h));
    home_page.or(document.map(String::from))
}

/// An absolute http(s) URL, which is all a base for other links can be.
fn is_web(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// A member left unparsed, parsed now (`null` when absent; it was valid
/// JSON when the item was read).
fn parsed(raw: Option<&RawValue>) -> Value {
    raw.and_then(|r| serde_json::from_str(r.get()).ok()).unwrap_or(Value::Null)
}

/// A link read against the feed's home page (RFC 3986's resolution); an
/// empty one stays empty, not the home page itself.
fn against(home: Option<&str>, link: String) -> String {
    match home {
        Some(home) if !link.trim().is_empty() => crate::url::resolve::resolve(home, &link),
        _ => link,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::bodies::resolve_body;

    fn read(src: &str) -> NewsDocument {
        decode(
            &json::parse(src).unwrap(),
            Source { block: 0, text: src },
            crate::DecodeOptions { max_items: usize::MAX, ..Default::default() },
        )
        .unwrap()
        .0
    }

    fn detected(src: &str) -> bool {
        match json::parse(src).unwrap() {
            Top::Object(envelope) => detect(&envelope),
            Top::Other(v) => panic!("{v}"),
        }
    }

    /// An article's body as it renders, from the text it was read from.
    fn shown(a: &Article, src: &str) -> Body {
        resolve_body(&a.body, &[src]).into_owned()
    }

    fn warnings(doc: &NewsDocument) -> Vec<String> {
        doc.warnings.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn detects_both_versions() {
        for v in ["https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1"] {
            assert!(detected(&format!(r#"{{"version":"{v}","items":[]}}"#)));
        }
        // As found in the wild: the URL over http, a bare version beside items.
        assert!(detected(r#"{"version":"http://jsonfeed.org/version/1","items":[]}"#));
        assert!(detected(r#"{"version":"1.0","items":[{"id":"a","title":"A"}]}"#));
        assert!(!detected(r#"{"version":"1.1"}"#), "a bare number names no format without items");
        assert!(!detected(r#"{"version":"2","headline":"A","@type":"NewsArticle"}"#), "schema.org's version property");
        assert!(!detected(r#"{"version":1.1,"items":[]}"#));
        assert!(!detected(r#"{"version":"https://example.test/version/1","items":[]}"#));
    }

    #[test]
    fn version_1_1_items_in_every_shape() {
        let src = include_str!("../../../../tests/fixtures/jsonfeed/feed-1.1.json");
        let doc = read(src);
        assert!(doc.main.is_none(), "a feed has no main article");
        assert_eq!(doc.title.as_deref(), Some("Valley Courier & Post"));
        assert_eq!(doc.language.as_deref(), Some("en-CA"));
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(
            heads,
            vec![
                "Library reopens after flood repairs",
                "Schools in the north district are closed today because of heavy snow. Buses will not run, and the…",
                "Freezing rain warning for the valley tonight",
                "Council votes yes on the new bike lanes & crossings downtown, after a two-hour debate that ran past…",
            ]
        );
        assert_eq!(
            warnings(&doc),
            vec![
                "item 3 (items[2]): date_published \"yesterday\" is not a date",
                "item 4 (items[3]): has no title, summary or text",
            ]
        );

        let library = &doc.latest[0];
        assert_eq!(library.id, "https://valleycourier.test/news/library-reopens");
        assert!(matches!(library.body, Body::Deferred { block: 0, kind: BodyKind::Html, .. }), "{:?}", library.body);
        assert_eq!(shown(library, src), Body::Html("<p>The main branch opens its doors on <strong>Monday</strong>.</p><p>Late fees are waived this month.</p>".into()));
        assert_eq!(library.summary.as_deref(), Some("Repairs finished ahead of schedule."));
        assert_eq!(library.authors, vec!["Priya Nair", "Tom O'Neill"]);
        assert_eq!(library.tags, vec!["Community", "Library"]);
        assert_eq!(library.language.as_deref(), Some("en-CA"));
        assert_eq!(library.image.as_ref().unwrap().url, "https://valleycourier.test/img/library.jpg");
        assert_eq!(library.date_published.unwrap().to_iso(), "2026-01-11T13:00:00Z");
        assert_eq!(library.date_modified.unwrap().to_iso(), "2026-01-11T15:30:00Z");

        let snow = &doc.latest[1];
        assert_eq!(snow.id, "2");
        assert_eq!(snow.url.as_deref(), Some("https://valleycourier.test/news/snow-day"), "read against home_page_url");
        assert_eq!(snow.authors, vec!["Courier Newsroom"], "the feed's authors stand in");
        match shown(snow, src) {
            Body::Paragraphs(p) => assert_eq!(p.len(), 2),
            other => panic!("{other:?}"),
        }

        let warning = &doc.latest[2];
        assert_eq!(
            warning.url.as_deref(),
            Some("https://weather.test/warnings/valley"),
            "external_url when there is no url"
        );
        assert_eq!(warning.image.as_ref().unwrap().url, "https://valleycourier.test/news/banners/freezing-rain.png");
        assert_eq!(warning.date_published, None);
    }

    #[test]
    fn version_1_0_author_objects() {
        let src = include_str!("../../../../tests/fixtures/jsonfeed/feed-1.0.json");
        let doc = read(src);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        let storm = &doc.latest[0];
        assert_eq!(storm.id, "101", "a numeric 1.0 id");
        assert_eq!(storm.headline, "The storm that wasn't");
        assert_eq!(storm.authors, vec!["Elin Berg"]);
        assert_eq!(
            shown(storm, src),
            Body::Paragraphs(vec![
                "We braced for the worst.".into(),
                "The wind turned north at dusk.".into(),
                "By morning the sea was glass.".into()
            ])
        );
        assert_eq!(doc.latest[1].authors, vec!["Guest: Ola Dahl"]);
    }

    #[test]
    fn sorted_newest_first_by_the_pipeline() {
        use crate::{decode, DecodeOptions};
        let doc = decode(include_str!("../../../../tests/fixtures/jsonfeed/feed-1.0.json"), DecodeOptions::default())
            .unwrap();
        assert_eq!(doc.format, Format::JsonFeed);
        assert_eq!(doc.latest[0].headline, "Visitors");
        assert_eq!(doc.initial().unwrap().headline, "Visitors", "the widget opens on the first item");
    }

    #[test]
    fn content_fields_that_are_not_text_warn() {
        let src = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_html":{"x":1},"content_text":"Plain <b>not markup</b>"}]}"#;
        let doc = read(src);
        assert_eq!(warnings(&doc), vec!["item 1 (items[0]): content_html is an object, not text"]);
        assert_eq!(
            shown(&doc.latest[0], src),
            Body::Paragraphs(vec!["Plain <b>not markup</b>".into()]),
            "content_text stays text"
        );
        let doc = read(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"T","content_html":" \n ","content_text":[1]}]}"#,
        );
        assert_eq!(warnings(&doc), vec!["item 1 (items[0]): content_text is an array, not text"]);
        assert_eq!(doc.latest[0].body, Body::None, "blank text is no body");
    }

    #[test]
    fn broken_feeds_say_what_is_wrong() {
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","title":"T"}"#);
        assert_eq!(warnings(&doc), vec!["items: is missing"]);
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","items":{"id":"1"}}"#);
        assert_eq!(warnings(&doc), vec!["items: expected an array, found an object"]);
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","items":["x",{"title":"  "}]}"#);
        assert_eq!(
            warnings(&doc),
            vec![
                "item 1 (items[0]): expected an object, found a string",
                "item 2 (items[1]): has no title, summary or text"
            ]
        );
        // Not even when each of its members is where an item's would be.
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","items":[["1",null,null,"T"]]}"#);
        assert_eq!(warnings(&doc), ["item 1 (items[0]): expected an object, found an array"]);
        assert_eq!(
            decode(&json::parse("[1]").unwrap(), Source { block: 0, text: "[1]" }, Default::default())
                .unwrap_err()
                .to_string(),
            "expected an object, found an array"
        );
    }

    #[test]
    fn a_repeated_member_keeps_its_last_value() {
        let src = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Old","title":"Feed","items":[
            {"id":"1","title":"First","title":"Second","content_html":"<p>a</p>","content_html":"<p>b</p>"},
            {"id":"2","title":"Plain"}]}"#;
        let doc = read(src);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        assert_eq!(doc.title.as_deref(), Some("Feed"));
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["Second", "Plain"]);
        assert_eq!(shown(&doc.latest[0], src), Body::Html("<p>b</p>".into()));
        assert!(matches!(doc.latest[0].body, Body::Deferred { .. }), "read in the text itself, and left there");
    }

    #[test]
    fn headlines_made_from_text_read_the_body_and_leave_it_deferred() {
        let src = r#"{"version":"https://jsonfeed.org/version/1.1","items":[
            {"id":"1","content_html":"<p>Hello &amp; <em>welcome</em></p>"},
            {"id":"2","content_text":"  Just\ntext  "}]}"#;
        let doc = read(src);
        assert_eq!(doc.latest[0].headline, "Hello & welcome");
        assert_eq!(doc.latest[1].headline, "Just text");
        assert!(doc.latest.iter().all(|a| matches!(a.body, Body::Deferred { .. })));
        assert_eq!(shown(&doc.latest[1], src), Body::Paragraphs(vec!["Just".into(), "text".into()]));
    }

    #[test]
    fn items_too_deep_to_read_are_reported_where_they_are() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        let src = format!("{{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[\n{{\"title\":\"A\"}},\n{{\"title\":{deep}}}]}}");
        let doc = read(&src);
        assert_eq!(doc.latest.len(), 1);
        // The item's own braces are a level: its 128th '[' is one too many.
        assert_eq!(
            warnings(&doc),
            vec![format!(
                "item 2 (items[1]): invalid JSON at line 3, column {}: recursion limit exceeded",
                9 + json::MAX_DEPTH
            )]
        );
    }

    #[test]
    fn links_are_read_against_the_home_page() {
        let home = Some("https://site.test/blog/index.html?x=1");
        assert_eq!(against(home, "/a".into()), "https://site.test/a");
        assert_eq!(against(home, "a/b".into()), "https://site.test/blog/a/b");
        assert_eq!(against(home, "//cdn.test/i.png".into()), "https://cdn.test/i.png");
        assert_eq!(against(home, "mailto:a@b.test".into()), "mailto:a@b.test");
        assert_eq!(against(home, "javascript:x".into()), "javascript:x", "kept for the URL policy to refuse");
        assert_eq!(against(Some("https://site.test"), "a".into()), "https://site.test/a");
        assert_eq!(against(None, "/a".into()), "/a");
        // A scheme starts with a letter (as the URL standard has it); before
        // a '/' a colon otherwise belongs to a relative path.
        assert_eq!(against(home, "2026:review".into()), "https://site.test/blog/2026:review");
        assert_eq!(against(home, "a/b:c".into()), "https://site.test/blog/a/b:c");
        assert_eq!(against(home, "../up".into()), "https://site.test/up", "dot segments removed");
        assert_eq!(against(home, " ".into()), " ", "an empty link is no link to the home page");
    }

    #[test]
    fn a_fetched_feeds_relative_links_are_read_against_where_it_came_from() {
        let text = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"T","url":"2026/a.html","image":"/i.png"}]}"#;
        let fetched = |home: &str| {
            let text = text.replace(r#""items""#, &format!(r#"{home}"items""#));
            let options =
                crate::DecodeOptions { document_url: Some("https://feeds.test/news/feed.json"), ..Default::default() };
            let doc = decode(&json::parse(&text).unwrap(), Source { block: 0, text: &text }, options).unwrap().0;
            let a = &doc.latest[0];
            (a.url.clone().unwrap_or_default(), a.image.as_ref().map(|i| i.url.clone()).unwrap_or_default())
        };
        assert_eq!(fetched(""), ("https://feeds.test/news/2026/a.html".into(), "https://feeds.test/i.png".into()));
        assert_eq!(
            fetched(r#""home_page_url":"/site/","#).0,
            "https://feeds.test/site/2026/a.html",
            "a relative home page, read there first"
        );
        assert_eq!(
            fetched(r#""home_page_url":"https://site.test/","#).0,
            "https://site.test/2026/a.html",
            "the home page wins"
        );
    }

    #[test]
    fn relative_links_in_bodies_mean_what_they_mean_on_the_items_page() {
        let doc = read(concat!(
            r#"{"version":"https://jsonfeed.org/version/1.1","home_page_url":"https://site.test/","items":["#,
            r#"{"id":"1","title":"Own page","url":"/2026/one.html","content_html":"<p>x</p>"},"#,
            r#"{"id":"2","title":"No page","content_html":"<p>y</p>"}]}"#
        ));
        let base =
            |headline: &str| doc.latest.iter().find(|a| a.headline == headline).and_then(|a| a.body_base.clone());
        assert_eq!(base("Own page").as_deref(), Some("https://site.test/2026/one.html"));
        assert_eq!(base("No page").as_deref(), Some("https://site.test/"));
        let page_only = read(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"T","url":"/a","content_html":"<p>x</p>"}]}"#,
        );
        assert_eq!(page_only.latest[0].body_base, None, "without an absolute URL, the page's own links rule");
    }
}
