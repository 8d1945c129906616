//! JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
//!
//! A feed is a list with no main article: every item goes to the ticker,
//! newest first, and the widget opens on the first.

use crate::prelude::*;
use crate::core::cat::cat;

use super::json::Json;
use super::model::{warn, Article, Body, Format, NewsDocument, Warning};
use super::schema::{date, image, names, text, url, Nodes};
use super::text::{clean_line, excerpt, find_any, find_text, paragraphs, rfind_any, strip_tags};

/// Longest headline made from an item's summary or text, in characters.
const MADE_HEADLINE_CHARS: usize = 100;

/// A JSON Feed names its version with a URL under jsonfeed.org.
pub fn detect(root: &Json) -> bool {
    root.get("version").and_then(Json::as_str).is_some_and(|v| v.starts_with("https://jsonfeed.org/version/"))
}

/// What the feed says for all its items.
struct Feed<'a> {
    /// The feed itself, whose authors stand in for an item's missing ones.
    root: &'a Json,
    /// `home_page_url`: relative item links are read against it, since the
    /// feed may come from another site than the page showing it.
    home: Option<&'a str>,
}

/// Decodes a feed. The flag is false: items are sorted newest first.
pub fn decode(root: &Json) -> Result<(NewsDocument, bool), String> {
    if !root.is_object() {
        return Err(cat!("expected an object, found ", root.kind()));
    }
    let nodes = Nodes::default();
    let mut warnings = Vec::new();
    let feed = Feed {
        root,
        home: root.get("home_page_url").and_then(Json::as_str).filter(|h| h.starts_with("http://") || h.starts_with("https://")),
    };
    let mut latest = Vec::new();
    match root.get("items") {
        Some(Json::Array(items)) => {
            for (i, node) in items.iter().enumerate() {
                let location = cat!("item ", i + 1, " (items[", i, "])");
                match item(node, &feed, &location, &mut warnings) {
                    Ok(a) => latest.push(a),
                    Err(why) => warn(&mut warnings, &location, why),
                }
            }
        }
        None | Some(Json::Null) => warn(&mut warnings, "items", "is missing".into()),
        Some(other) => warn(&mut warnings, "items", cat!("expected an array, found ", other.kind())),
    }
    let doc = NewsDocument {
        format: Format::JsonFeed,
        main: None,
        latest,
        title: root.get("title").and_then(|t| text(t, &nodes)),
        language: root.get("language").and_then(|l| text(l, &nodes)),
        found: 0,
        warnings,
    };
    Ok((doc, false))
}

/// `authors` (1.1), else `author` (1.0).
fn authors(node: &Json, nodes: &Nodes) -> Vec<String> {
    let from = |key| node.get(key).map_or_else(Vec::new, |v| names(v, nodes));
    let list = from("authors");
    if list.is_empty() {
        from("author")
    } else {
        list
    }
}

/// A text member, or a warning when it holds something else.
fn string_field<'a>(node: &'a Json, key: &str, location: &str, warnings: &mut Vec<Warning>) -> Option<&'a str> {
    match node.get(key)? {
        Json::String(s) => Some(s.as_str()).filter(|s| !s.trim().is_empty()),
        Json::Null => None,
        other => {
            let message = cat!(key, " is ", other.kind(), ", not text");
            warn(warnings, location, message);
            None
        }
    }
}

fn item(node: &Json, feed: &Feed, location: &str, warnings: &mut Vec<Warning>) -> Result<Article, String> {
    if !node.is_object() {
        return Err(cat!("expected an object, found ", node.kind()));
    }
    let nodes = Nodes::default();
    let field = |key| node.get(key).filter(|v| !matches!(v, Json::Null));
    let html = string_field(node, "content_html", location, warnings);
    let plain = string_field(node, "content_text", location, warnings);
    let summary = field("summary").and_then(|v| text(v, &nodes));
    let headline = match field("title").and_then(|v| text(v, &nodes)) {
        Some(title) => title,
        None => summary
            .clone()
            .or_else(|| plain.map(clean_line))
            .or_else(|| html.map(strip_tags))
            .map(|t| excerpt(&t, MADE_HEADLINE_CHARS))
            .filter(|t| !t.is_empty())
            .ok_or("has no title, summary or text")?,
    };
    let link = |key| field(key).and_then(|v| url(v, &nodes)).map(|u| against(feed.home, u));
    let item_url = link("url").or_else(|| link("external_url"));
    let mut picture = field("image").or_else(|| field("banner_image")).and_then(|v| image(v, &nodes));
    if let Some(p) = picture.as_mut() {
        p.url = against(feed.home, core::mem::take(&mut p.url));
    }
    let body = match (html, plain) {
        (Some(h), _) => Body::Html(h.into()),
        (None, Some(t)) => Body::Paragraphs(paragraphs(t)),
        (None, None) => Body::None,
    };
    let mut item_authors = authors(node, &nodes);
    if item_authors.is_empty() {
        // Read again for each item rather than copied from one list.
        item_authors = authors(feed.root, &nodes);
    }
    Ok(Article {
        id: field("id").and_then(|v| text(v, &nodes)).or_else(|| item_url.clone()).unwrap_or_default(),
        headline,
        url: item_url,
        date_published: field("date_published").and_then(|v| date(v, &nodes, "date_published", location, warnings)),
        date_modified: field("date_modified").and_then(|v| date(v, &nodes, "date_modified", location, warnings)),
        authors: item_authors,
        publisher: None,
        image: picture,
        summary,
        body,
        language: field("language").and_then(|v| text(v, &nodes)),
        tags: field("tags").map_or_else(Vec::new, |v| names(v, &nodes)),
    })
}

/// A link read against the feed's home page: `/a` and `a` become absolute;
/// a link with a scheme, or no usable home page, is kept as written.
fn against(home: Option<&str>, link: String) -> String {
    let Some(home) = home else { return link };
    let Some(authority) = find_text(home, "://").map(|i| i + 3) else { return link };
    let before_path = find_any(&home[authority..], b"/?#").map_or(home.len(), |i| authority + i);
    if super::url_policy::scheme(&link).is_some() || link.is_empty() {
        link
    } else if link.starts_with("//") {
        cat!(&home[..authority - 2], link)
    } else if link.starts_with("/") {
        cat!(&home[..before_path], link)
    } else {
        // Relative to the home page's directory (its path up to the last '/').
        let path_end = find_any(&home[before_path..], b"?#").map_or(home.len(), |i| before_path + i);
        let dir_end = rfind_any(&home[before_path..path_end], b"/").map_or(before_path, |i| before_path + i + 1);
        let slash = if dir_end == before_path { "/" } else { "" };
        cat!(&home[..dir_end], slash, link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    fn read(src: &str) -> NewsDocument {
        decode(&parse(src).unwrap()).unwrap().0
    }

    fn warnings(doc: &NewsDocument) -> Vec<String> {
        doc.warnings.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn detects_both_versions() {
        for v in ["https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1"] {
            assert!(detect(&parse(&format!(r#"{{"version":"{v}","items":[]}}"#)).unwrap()));
        }
        assert!(!detect(&parse(r#"{"version":"1.1","items":[]}"#).unwrap()));
    }

    #[test]
    fn version_1_1_items_in_every_shape() {
        let doc = read(include_str!("../../tests/fixtures/jsonfeed/feed-1.1.json"));
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
        assert_eq!(library.body, Body::Html("<p>The main branch opens its doors on <strong>Monday</strong>.</p><p>Late fees are waived this month.</p>".into()));
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
        match &snow.body {
            Body::Paragraphs(p) => assert_eq!(p.len(), 2),
            other => panic!("{other:?}"),
        }

        let warning = &doc.latest[2];
        assert_eq!(warning.url.as_deref(), Some("https://weather.test/warnings/valley"), "external_url when there is no url");
        assert_eq!(warning.image.as_ref().unwrap().url, "https://valleycourier.test/news/banners/freezing-rain.png");
        assert_eq!(warning.date_published, None);
    }

    #[test]
    fn version_1_0_author_objects() {
        let doc = read(include_str!("../../tests/fixtures/jsonfeed/feed-1.0.json"));
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        let storm = &doc.latest[0];
        assert_eq!(storm.id, "101", "a numeric 1.0 id");
        assert_eq!(storm.headline, "The storm that wasn't");
        assert_eq!(storm.authors, vec!["Elin Berg"]);
        assert_eq!(storm.body, Body::Paragraphs(vec!["We braced for the worst.".into(), "The wind turned north at dusk.".into(), "By morning the sea was glass.".into()]));
        assert_eq!(doc.latest[1].authors, vec!["Guest: Ola Dahl"]);
    }

    #[test]
    fn sorted_newest_first_by_the_pipeline() {
        use crate::core::{decode, DecodeOptions};
        let doc = decode(include_str!("../../tests/fixtures/jsonfeed/feed-1.0.json"), DecodeOptions::default()).unwrap();
        assert_eq!(doc.format, Format::JsonFeed);
        assert_eq!(doc.latest[0].headline, "Visitors");
        assert_eq!(doc.initial().unwrap().headline, "Visitors", "the widget opens on the first item");
    }

    #[test]
    fn content_fields_that_are_not_text_warn() {
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_html":{"x":1},"content_text":"Plain <b>not markup</b>"}]}"#);
        assert_eq!(warnings(&doc), vec!["item 1 (items[0]): content_html is an object, not text"]);
        assert_eq!(doc.latest[0].body, Body::Paragraphs(vec!["Plain <b>not markup</b>".into()]), "content_text stays text");
    }

    #[test]
    fn broken_feeds_say_what_is_wrong() {
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","title":"T"}"#);
        assert_eq!(warnings(&doc), vec!["items: is missing"]);
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","items":{"id":"1"}}"#);
        assert_eq!(warnings(&doc), vec!["items: expected an array, found an object"]);
        let doc = read(r#"{"version":"https://jsonfeed.org/version/1.1","items":["x",{"title":"  "}]}"#);
        assert_eq!(warnings(&doc), vec!["item 1 (items[0]): expected an object, found a string", "item 2 (items[1]): has no title, summary or text"]);
        assert_eq!(decode(&parse("[1]").unwrap()).unwrap_err(), "expected an object, found an array");
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
    }
}
