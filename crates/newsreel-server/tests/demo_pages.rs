//! The three demo pages (and the switcher of views, modes and languages) carry the seed page's content in our format, as
//! JSON-LD and as a JSON Feed. Read as the widget reads them (the page's data
//! blocks and its `article` attribute), they must give the same article and
//! the same ticker, and that content must be the seed page's.
#![cfg(not(target_arch = "wasm32"))] // native only: run by `cargo test`, not in the browser

use newsreel_core::model::{Body, NewsDocument};
use newsreel_core::{decode_blocks, resolve_body, DecodeOptions};

/// The text of every `<script type="application/…json">` block of a page.
fn data_blocks(html: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script type=\"application/") {
        let after = &rest[start..];
        let open_end = after.find('>').expect("a closed tag") + 1;
        let close = after.find("</script>").expect("a closing tag");
        if after[..open_end].contains("json") {
            blocks.push(&after[open_end..close]);
        }
        rest = &after[close..];
    }
    blocks
}

/// The value of an attribute on the page's `<news-reel>`.
fn widget_attribute<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let tag_start = html.find("<news-reel ")?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// What a reader sees of a page: the article (headline, date, paragraphs)
/// and the ticker.
type Shown = (String, String, Vec<String>, Vec<(String, String)>);

fn read_page(name: &str) -> Shown {
    let path = format!("{}/../../www/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap();
    let blocks = data_blocks(&html);
    assert!(!blocks.is_empty(), "{name} has data");
    let options = DecodeOptions { main_id: widget_attribute(&html, "article"), ..DecodeOptions::default() };
    let doc = decode_blocks(&blocks, options).unwrap_or_else(|e| panic!("{name}: {e}"));
    shown(&doc, &blocks)
}

/// What a reader sees of a document decoded from `blocks`.
fn shown(doc: &NewsDocument, blocks: &[&str]) -> Shown {
    let main = doc.main.as_ref().unwrap_or_else(|| panic!("no article for the view: {doc:?}"));
    let paragraphs = match resolve_body(&main.body, blocks).into_owned() {
        Body::Paragraphs(p) => p,
        other => panic!("plain paragraphs expected, got {other:?}"),
    };
    let ticker = doc
        .latest
        .iter()
        .map(|a| (a.headline.clone(), a.date_published.map(|d| d.to_iso()).unwrap_or_default()))
        .collect();
    (main.headline.clone(), main.date_published.unwrap().to_iso(), paragraphs, ticker)
}

#[test]
fn all_three_demo_pages_show_the_seed_page() {
    let ours = read_page("index.html");
    assert_eq!(read_page("jsonld.html"), ours, "JSON-LD page");
    assert_eq!(read_page("jsonfeed.html"), ours, "JSON Feed page");
    assert_eq!(read_page("layouts.html"), ours, "the views, modes and languages page");

    // And that content is the seed page's.
    let seed =
        std::fs::read_to_string(format!("{}/../../tests/fixtures/seed.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(shown(&decode_blocks(&[&seed], DecodeOptions::default()).unwrap(), &[&seed]), ours);
    let (headline, date, paragraphs, ticker) = ours;
    assert!(headline.starts_with("Maria Zakharova to Vestnik Kavkaza"));
    assert_eq!(date, "2026-01-15");
    assert_eq!(paragraphs.len(), 4);
    assert_eq!(ticker.len(), 10);
    assert_eq!(ticker[0].1, "2026-01-12");
    assert_eq!(ticker[9].1, "2026-01-04");
}

#[test]
fn the_article_attribute_moves_an_article_from_the_ticker_to_the_view() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","items":[
        {"id":"a","title":"A","date_published":"2026-01-03T00:00:00Z"},
        {"id":"b","title":"B","date_published":"2026-01-02T00:00:00Z"},
        {"id":"c","title":"C","date_published":"2026-01-01T00:00:00Z"}]}"#;
    let doc = decode_blocks(&[feed], DecodeOptions { main_id: Some("b"), ..DecodeOptions::default() }).unwrap();
    assert_eq!(doc.main.as_ref().map(|a| a.id.as_str()), Some("b"));
    assert_eq!(doc.latest.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
    // A main article the source chose gives way, and joins the ticker.
    let ours = r#"{"article":{"id":"m","headline":"M","datePublished":"2026-01-05"},
        "latest":[{"id":"x","headline":"X","datePublished":"2026-01-04"}]}"#;
    let doc = decode_blocks(&[ours], DecodeOptions { main_id: Some("x"), ..DecodeOptions::default() }).unwrap();
    assert_eq!(doc.main.as_ref().map(|a| a.id.as_str()), Some("x"));
    assert_eq!(doc.latest.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["m"]);
    // An unknown id changes nothing.
    let doc = decode_blocks(&[ours], DecodeOptions { main_id: Some("nope"), ..DecodeOptions::default() }).unwrap();
    assert_eq!(doc.main.as_ref().map(|a| a.id.as_str()), Some("m"));
}
