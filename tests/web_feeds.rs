//! Browser tests of feed XML (`wasm-pack test --headless --chrome` /
//! `--firefox`): each browser's `DOMParser` builds the tree the core reads,
//! and each browser reports broken XML in its own words, which must still
//! give a line and a column. The test runner's own server stands in for a
//! feed server: what it answers to `src` must come back as a clear error.
#![cfg(target_arch = "wasm32")]

mod support;

use newsreel::core::remote::xml_error;
use newsreel::core::{feed_xml, DecodeOptions};
use newsreel::dom::bindings::parse_xml;
use wasm_bindgen_test::*;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a widget on `src` and waits (up to 10 s) for it to settle.
async fn settled_on(src: &str) -> web_sys::HtmlElement {
    let el = mount("", &[("src", src)]);
    for _ in 0..200 {
        if el.get_attribute("state").as_deref() != Some("loading") {
            break;
        }
        sleep(50).await;
    }
    el
}

#[wasm_bindgen_test]
async fn fetch_reports_a_missing_feed_with_its_status() {
    let errors = record(&document(), "newsreel:error");
    let el = settled_on("/no-such-feed.xml").await;
    assert_eq!(el.get_attribute("state").as_deref(), Some("error"));
    let detail = errors.borrow().last().cloned().expect("newsreel:error");
    assert_eq!(get(&detail, "message").as_string().as_deref(), Some("could not load /no-such-feed.xml: HTTP 404"));
    assert_eq!(get(&detail, "status").as_f64(), Some(404.0));
    assert_eq!(get(&detail, "url").as_string().as_deref(), Some("/no-such-feed.xml"));
    el.remove();
}

#[wasm_bindgen_test]
async fn fetch_tells_a_web_page_from_a_feed() {
    // The runner's own page: HTML, as a login wall or an error page would be.
    let el = settled_on("/").await;
    assert_eq!(el.get_attribute("state").as_deref(), Some("error"));
    assert!(text(&part(&el, "error")).contains("could not load /: it is an HTML page, not a feed"), "{}", text(&part(&el, "error")));
    el.remove();
}

const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Gazette &amp; Co</title>
    <link>https://gazette.test/news/</link>
    <item>
      <title><![CDATA[Caf&eacute; <b>prices</b> & rents]]></title>
      <link>/news/cafe</link>
      <dc:creator>Ana Lima</dc:creator>
      <pubDate>Tue, 03 Nov 2026 08:30:00 +0200</pubDate>
      <media:thumbnail url="https://gazette.test/img/cafe.jpg"/>
      <content:encoded><![CDATA[<p>Full <em>story</em></p>]]></content:encoded>
    </item>
    <item>
      <title>Ferry timetable changes</title>
      <guid isPermaLink="true">https://gazette.test/news/ferry</guid>
      <pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate>
      <description>Plain &lt;i&gt;summary&lt;/i&gt;</description>
    </item>
  </channel>
</rss>"#;

#[wasm_bindgen_test]
fn domparser_builds_the_tree_the_core_reads() {
    let root = parse_xml(RSS).expect("well-formed");
    assert_eq!((root.name.as_str(), root.namespace.as_deref()), ("rss", None));
    let doc = feed_xml::decode(&root, DecodeOptions::default()).expect("a feed");
    let headlines: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(headlines, ["Caf\u{e9} prices & rents", "Ferry timetable changes"], "CDATA markup as text, newest first");
    let cafe = &doc.latest[0];
    assert_eq!(cafe.url.as_deref(), Some("https://gazette.test/news/cafe"), "read against the channel link");
    assert_eq!(cafe.authors, ["Ana Lima"]);
    assert_eq!(cafe.date_published.map(|d| d.to_iso()).as_deref(), Some("2026-11-03T06:30:00Z"));
    assert_eq!(cafe.image.as_ref().map(|i| i.url.as_str()), Some("https://gazette.test/img/cafe.jpg"));
    assert_eq!(doc.latest[1].url.as_deref(), Some("https://gazette.test/news/ferry"), "a permalink guid");
    assert_eq!(doc.title.as_deref(), Some("Gazette & Co"));
}

#[wasm_bindgen_test]
fn broken_xml_is_reported_with_its_line_and_column_in_every_browser() {
    let broken = "<?xml version=\"1.0\"?>\n<rss><channel>\n<title>x</channel></rss>";
    let report = parse_xml(broken).expect_err("not well-formed");
    let message = xml_error(&report);
    assert!(message.starts_with("invalid XML at line 3, column "), "{message} (from {report:?})");
}

#[wasm_bindgen_test]
fn control_characters_that_xml_forbids_are_dropped_as_feed_readers_drop_them() {
    // A backspace pasted into a title, and a reference to one: the strict
    // parser refuses both; the repaired text reads.
    let feed = "<rss version=\"2.0\"><channel><item><title>Tide\u{8} tables&#x8; out</title><guid>t</guid></item></channel></rss>";
    assert!(parse_xml(feed).is_err(), "this browser's parser accepts a control character");
    let doc = feed_xml::decode_text(feed, parse_xml, DecodeOptions::default()).expect("a feed");
    assert_eq!(doc.latest[0].headline, "Tide tables out");
}

#[wasm_bindgen_test]
fn entity_expansion_ends_without_a_hang() {
    let mut bomb = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for i in 1..=9 {
        let previous = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        bomb.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&{previous};").repeat(10)));
    }
    bomb.push_str("]><rss version=\"2.0\"><channel><title>T</title><item><title>&lol9;</title><guid>b</guid></item></channel></rss>");
    // Either the browser refuses the expansion, or what it expanded is cut to a ticker line.
    if let Ok(root) = parse_xml(&bomb) {
        if let Ok(doc) = feed_xml::decode(&root, DecodeOptions::default()) {
            assert!(doc.latest.iter().all(|a| a.headline.chars().count() <= 1_000));
        }
    }
}
