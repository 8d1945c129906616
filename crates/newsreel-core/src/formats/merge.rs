//! Several feeds in one ticker (`src` with several URLs). Each feed is
//! decoded on its own, with its own URL for its relative links and its own
//! format; their documents are merged here into the one the widget shows:
//! every article of each, de-duplicated across feeds by the rules of one
//! feed (`normalize`: same id or URL, the later-dated kept, of equal dates
//! the one of the feed named first), newest first, filtered by the tags and
//! capped at `max-items`.
//!
//! A merged ticker has no main article of its own: the one `article` names,
//! in any feed, else the view opens the newest. Its label is the page's
//! (`label`), else "Latest news": no one feed's title names them all.

use crate::formats::normalize::{self, Order};
use crate::model::{warn, Body, Format, NewsDocument, Warning};
use crate::DecodeOptions;

/// One feed that loaded: its place among `src`'s URLs (also its text's
/// place among the texts the shell keeps, which its deferred bodies are
/// read from: see `resolve_body`), its URL as `src` gives it, for its
/// warnings, and its document, decoded alone from that one text.
#[derive(Clone, Copy, Debug)]
pub struct Part<'a> {
    pub index: usize,
    pub url: &'a str,
    pub doc: &'a NewsDocument,
}

/// The document of several feeds. `notes` are the problems of `src` as a
/// whole (the feeds that failed, the URLs past the limit), listed first
/// among the warnings; each feed's own warnings follow, each led by its
/// URL. `options` are those each feed was decoded with.
///
/// Each feed gives at most `max-items` articles (its newest, as it was
/// decoded), so the merge never builds what no ticker can show; `found`
/// still counts every article of every feed, less those one feed repeats
/// of another.
pub fn merge(parts: &[Part], notes: &[String], options: DecodeOptions) -> NewsDocument {
    let mut warnings = Vec::new();
    for note in notes {
        warn(&mut warnings, "src", note.as_str());
    }
    let mut latest = Vec::new();
    let mut unbuilt = 0;
    for part in parts {
        let doc = part.doc;
        for w in &doc.warnings {
            warnings.push(Warning { location: format!("{}: {}", part.url, w.location), message: w.message.clone() });
        }
        // What the feed counted but did not hand over: left out by its tags
        // or its cap, or never built.
        unbuilt += doc.found.saturating_sub(doc.latest.len());
        for article in doc.main.iter().chain(&doc.latest) {
            let mut article = article.clone();
            if let Body::Deferred { block, .. } = &mut article.body {
                *block = part.index;
            }
            // An id a decoder made up (`item-3`, for an item with neither id
            // nor URL) means nothing across feeds: each feed's own.
            if part.index > 0 && article.url.is_none() && made_up(&article.id) {
                article.id = format!("feed{}-{}", part.index + 1, article.id);
            }
            latest.push(article);
        }
    }
    let language = parts.first().and_then(|p| p.doc.language.clone());
    let language = language.filter(|l| parts.iter().all(|p| p.doc.language.as_ref() == Some(l)));
    let mut doc = NewsDocument {
        format: parts.first().map_or(Format::Rss, |p| p.doc.format),
        main: None,
        latest,
        title: None,
        language,
        found: 0,
        unbuilt,
        warnings,
    };
    normalize::finish(&mut doc, Order::NewestFirst, options.max_items, options.main_id, options.tags);
    doc
}

/// Whether an id is one `normalize::finish` makes for an article without
/// one: `item-` and a number.
fn made_up(id: &str) -> bool {
    id.strip_prefix("item-").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::feeds;
    use crate::formats::normalize::{TagFilter, TagLists};
    use crate::input::xml::from_text;
    use crate::{decode, resolve_body, DecodeOptions};

    const RSS: &str = r#"<rss version="2.0"><channel><title>World</title><language>en</language>
        <item><title>Rss one</title><link>world/1</link><guid isPermaLink="false">w1</guid><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><category>world</category></item>
        <item><title>Shared, first version</title><link>https://news.test/shared</link><pubDate>Tue, 03 Nov 2026 09:00:00 GMT</pubDate></item>
        <item><title>Rss undated</title></item>
        </channel></rss>"#;

    const ATOM: &str = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Sport</title>
        <entry><id>tag:s,1</id><title>Atom one</title><link href="s/1"/><updated>2026-11-04T09:00:00Z</updated><category term="sport"/></entry>
        <entry><id>tag:s,2</id><title>Atom old</title><link href="s/2"/><updated>2026-10-01T09:00:00Z</updated></entry>
        </feed>"#;

    const JSON: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Blog","language":"en","items":[
        {"id":"j1","title":"Json one","url":"posts/1","date_published":"2026-11-01T09:00:00Z","content_text":"Body of one"},
        {"id":"shared","title":"Shared, edited","url":"https://news.test/shared","date_published":"2026-11-05T09:00:00Z","content_html":"<p>Edited</p>"},
        {"title":"Json undated"}
    ]}"#;

    fn with_url(url: &'static str) -> DecodeOptions<'static> {
        DecodeOptions { document_url: Some(url), ..DecodeOptions::default() }
    }

    fn three() -> [NewsDocument; 3] {
        [
            feeds::decode_text(RSS, from_text, with_url("https://a.test/feeds/world.xml")).unwrap(),
            feeds::decode_text(ATOM, from_text, with_url("https://b.test/sport/atom.xml")).unwrap(),
            decode(JSON, with_url("https://c.test/blog/feed.json")).unwrap(),
        ]
    }

    fn parts<'a>(docs: &'a [NewsDocument], urls: &[&'a str]) -> Vec<Part<'a>> {
        docs.iter().zip(urls).enumerate().map(|(index, (doc, url))| Part { index, url, doc }).collect()
    }

    const URLS: [&str; 3] = ["/world.xml", "/sport.xml", "/blog.json"];

    fn headlines(doc: &NewsDocument) -> Vec<&str> {
        doc.latest.iter().map(|a| a.headline.as_str()).collect()
    }

    #[test]
    fn feeds_merge_newest_first_each_read_against_its_own_url_with_duplicates_once() {
        let docs = three();
        let merged = merge(&parts(&docs, &URLS), &[], DecodeOptions::default());
        assert_eq!(
            headlines(&merged),
            ["Shared, edited", "Atom one", "Rss one", "Json one", "Atom old", "Rss undated", "Json undated"],
            "the later-dated duplicate is kept, whichever feed it is in; undated last, in the feeds' order"
        );
        let url = |headline: &str| merged.latest.iter().find(|a| a.headline == headline).unwrap().url.clone();
        assert_eq!(url("Rss one").as_deref(), Some("https://a.test/feeds/world/1"));
        assert_eq!(url("Atom one").as_deref(), Some("https://b.test/sport/s/1"));
        assert_eq!(url("Json one").as_deref(), Some("https://c.test/blog/posts/1"));
        assert_eq!(merged.found, 7, "eight items, one of them twice");
        assert_eq!((merged.title.as_deref(), merged.main.is_none()), (None, true));
        assert_eq!(merged.language, None, "the feeds do not all say `en`");
        assert!(merged.warnings.is_empty(), "{:?}", merged.warnings);
        // Made-up ids stay each feed's own: two `item-N`s are two articles.
        let ids: Vec<&str> = merged.latest.iter().map(|a| a.id.as_str()).collect();
        assert!(ids.contains(&"item-1") && ids.contains(&"feed3-item-1"), "{ids:?}");
    }

    #[test]
    fn deferred_bodies_are_read_from_their_own_feeds_text() {
        let docs = three();
        let merged = merge(&parts(&docs, &URLS), &[], DecodeOptions::default());
        let shared = merged.latest.iter().find(|a| a.headline == "Shared, edited").unwrap();
        assert!(matches!(shared.body, Body::Deferred { block: 2, .. }), "{:?}", shared.body);
        let texts = [RSS, ATOM, JSON];
        assert_eq!(*resolve_body(&shared.body, &texts), Body::Html("<p>Edited</p>".into()));
        let one = merged.latest.iter().find(|a| a.headline == "Json one").unwrap();
        assert_eq!(*resolve_body(&one.body, &texts), Body::Paragraphs(vec!["Body of one".into()]));
    }

    #[test]
    fn the_cap_the_tags_and_the_article_apply_to_the_merged_ticker() {
        let lists = TagLists { wanted: vec!["world".into(), "sport".into()], excluded: vec![] };
        let tags = TagFilter { lists: &lists, fold: str::to_lowercase };
        let options = |max_items, main_id| DecodeOptions { max_items, main_id, tags, ..DecodeOptions::default() };
        let decoded = |options: DecodeOptions| {
            [
                feeds::decode_text(RSS, from_text, DecodeOptions { document_url: Some("https://a.test/"), ..options })
                    .unwrap(),
                feeds::decode_text(ATOM, from_text, options).unwrap(),
                decode(JSON, options).unwrap(),
            ]
        };
        let docs = decoded(options(1, None));
        let merged = merge(&parts(&docs, &URLS), &[], options(1, None));
        assert_eq!(headlines(&merged), ["Atom one"], "tagged, newest, capped");
        assert_eq!(merged.found, 8, "every item counts, the duplicate too when the tags left one copy unbuilt");
        let docs = decoded(options(10, Some("w1")));
        let merged = merge(&parts(&docs, &URLS), &[], options(10, Some("w1")));
        assert_eq!(merged.main.as_ref().map(|a| a.headline.as_str()), Some("Rss one"), "`article` names one");
        assert_eq!(headlines(&merged), ["Atom one"]);
    }

    #[test]
    fn warnings_name_their_feed_after_the_notes_about_src() {
        let docs = [decode(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"x"},{"id":"y","title":"Y"}]}"#,
            DecodeOptions::default(),
        )
        .unwrap()];
        assert_eq!(docs[0].warnings.len(), 1);
        let notes = ["could not load /down.xml: HTTP 404".to_string()];
        let merged = merge(&parts(&docs, &["/up.json"]), &notes, DecodeOptions::default());
        let warnings: Vec<String> = merged.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings[0], "src: could not load /down.xml: HTTP 404");
        assert!(warnings[1].starts_with("/up.json: item 1 (items[0]): "), "{warnings:?}");
        assert_eq!(headlines(&merged), ["Y"]);
        assert_eq!(merged.found, 1);
    }

    #[test]
    fn only_numbered_item_ids_are_made_up() {
        assert!(made_up("item-1") && made_up("item-42"));
        assert!(!made_up("item-") && !made_up("item-x") && !made_up("items-1") && !made_up("tag:item-1"));
    }

    #[test]
    fn a_feed_with_a_main_article_hands_it_to_the_ticker() {
        let ours = r#"{"format":"newsreel/1","article":{"id":"m","headline":"Main","datePublished":"2026-11-09"},"latest":[{"id":"l","headline":"Latest","datePublished":"2026-11-08"}]}"#;
        let docs = [decode(ours, DecodeOptions::default()).unwrap(), three()[1].clone()];
        let merged = merge(&parts(&docs, &["/ours.json", "/sport.xml"]), &[], DecodeOptions::default());
        assert_eq!(merged.main, None);
        assert_eq!(headlines(&merged), ["Main", "Latest", "Atom one", "Atom old"]);
        assert_eq!(merged.found, 4);
    }
}
