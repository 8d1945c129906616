//! The seed page in our own format, as JSON-LD, and as a JSON Feed must read
//! the same: same headlines, dates, article text, and ticker order.
#![cfg(not(target_arch = "wasm32"))] // native only: run by `cargo test`, not in the browser

use newsreel_core::model::{Article, Body, Format, NewsDocument};
use newsreel_core::{decode, resolve_body, DecodeOptions};

const OWN: &str = include_str!("../../../tests/fixtures/seed.json");
const JSONLD: &str = include_str!("../../../tests/fixtures/seed.jsonld.json");
const FEED: &str = include_str!("../../../tests/fixtures/seed.feed.json");

/// What a reader sees of an article: headline, date, paragraphs. `source`
/// is the text the article was decoded from (its body may be deferred).
fn seen(a: &Article, source: &str) -> (String, Option<String>, Vec<String>) {
    let paragraphs = match resolve_body(&a.body, &[source]).into_owned() {
        Body::None => Vec::new(),
        Body::Paragraphs(p) => p,
        other => panic!("{}: expected plain paragraphs, found {other:?}", a.headline),
    };
    (a.headline.clone(), a.date_published.map(|d| d.to_iso()), paragraphs)
}

fn read(text: &str, format: Format) -> NewsDocument {
    let doc = decode(text, DecodeOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", format.name()));
    assert_eq!(doc.format, format);
    assert!(doc.warnings.is_empty(), "{}: {:?}", format.name(), doc.warnings);
    doc
}

/// The main article, then the ticker.
fn sequence(doc: &NewsDocument, source: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    doc.main.iter().chain(doc.latest.iter()).map(|a| seen(a, source)).collect()
}

#[test]
fn three_formats_read_the_same() {
    let own = read(OWN, Format::Newsreel);
    let jsonld = read(JSONLD, Format::JsonLd);
    let feed = read(FEED, Format::JsonFeed);

    let expected = sequence(&own, OWN);
    assert_eq!(expected.len(), 11);
    assert_eq!(expected[0].2.len(), 4, "the main article has four paragraphs");
    assert_eq!(expected[1].1.as_deref(), Some("2026-01-12"));

    assert_eq!(sequence(&jsonld, JSONLD), expected, "JSON-LD");
    assert!(feed.main.is_none(), "a feed has no main article");
    assert_eq!(sequence(&feed, FEED), expected, "JSON Feed: its items are the article and the ticker");

    assert_eq!(jsonld.main.as_ref().map(|a| a.id.as_str()), Some("zakharova-peace-initiatives"));
    for doc in [&own, &jsonld, &feed] {
        assert_eq!(doc.title.as_deref(), Some("Latest news"));
        assert_eq!(doc.language.as_deref(), Some("en"));
    }
}
