//! Browser tests of feed XML (`wasm-pack test --headless --chrome` /
//! `--firefox`): each browser's `DOMParser` builds the tree the core reads,
//! and each browser reports broken XML in its own words, which must still
//! give a line and a column. The test runner's own server stands in for a
//! feed server: what it answers to `src` must come back as a clear error.
#![cfg(target_arch = "wasm32")]

mod support;

use newsreel::bindings::{decode_feed, feed_charset, parse_xml};
use newsreel_core::input::xml::XmlError;
use newsreel_core::{formats::feeds, DecodeOptions};
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
    assert!(
        text(&part(&el, "error")).contains("could not load /: it is an HTML page, not a feed"),
        "{}",
        text(&part(&el, "error"))
    );
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
    let doc = feeds::decode(&root, DecodeOptions::default()).expect("a feed");
    let headlines: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(
        headlines,
        ["Caf\u{e9} prices & rents", "Ferry timetable changes"],
        "CDATA markup as text, newest first"
    );
    let cafe = &doc.latest[0];
    assert_eq!(cafe.url.as_deref(), Some("https://gazette.test/news/cafe"), "read against the channel link");
    assert_eq!(cafe.authors, ["Ana Lima"]);
    assert_eq!(cafe.date_published.map(|d| d.to_iso()).as_deref(), Some("2026-11-03T06:30:00Z"));
    assert_eq!(cafe.image.as_ref().map(|i| i.url.as_str()), Some("https://gazette.test/img/cafe.jpg"));
    assert_eq!(doc.latest[1].url.as_deref(), Some("https://gazette.test/news/ferry"), "a permalink guid");
    assert_eq!(doc.title.as_deref(), Some("Gazette & Co"));
}

#[wasm_bindgen_test]
fn the_charset_rule_reads_labels_as_this_browsers_text_decoder_does() {
    let declared = |encoding: &str, title: &[u8]| {
        [format!("<?xml version=\"1.0\" encoding=\"{encoding}\"?><rss><title>").as_bytes(), title].concat()
    };
    let latin1 = [0x43, 0x61, 0x66, 0xe9];
    // `latin1` and `ISO-8859-1` name windows-1252, which is not UTF-8: the bytes decide.
    assert_eq!(feed_charset(&declared("UTF-8", &latin1), "text/xml; charset=latin1"), "latin1");
    assert_eq!(feed_charset(&declared("UTF-8", "Caf\u{e9}".as_bytes()), "text/xml; charset=ISO-8859-1"), "utf-8");
    // A charset TextDecoder does not know: the declaration is next.
    assert_eq!(feed_charset(&declared("KOI8-R", &[0xee, 0xcf]), "text/xml; charset=x-no-such-charset"), "KOI8-R");
    assert_eq!(feed_charset(&latin1, ""), "windows-1252", "unlabelled bytes that are not UTF-8");
}

#[wasm_bindgen_test]
fn a_feeds_bytes_are_read_as_text_decoder_reads_them() {
    let text = |bytes: &[u8], content_type| decode_feed(bytes.to_vec(), content_type);
    assert_eq!(text("\u{feff}Caf\u{e9}".as_bytes(), "application/json"), "Caf\u{e9}", "no byte order mark");
    assert_eq!(text(b"Caf\xc3", "application/json; charset=utf-8"), "Caf\u{fffd}", "a broken byte");
    assert_eq!(text(&[0x43, 0x61, 0x66, 0xe9], ""), "Caf\u{e9}", "unlabelled windows-1252, by the browser");
    assert_eq!(text(&[0xee, 0xcf], "text/xml; charset=koi8-r"), "\u{41d}\u{43e}", "KOI8-R (\"Но\"), by the browser");
    assert_eq!(text(&[0xff, 0xfe, 0x41, 0x00], ""), "A", "UTF-16 by its mark");
}

#[wasm_bindgen_test]
fn broken_xml_is_reported_with_its_line_and_column_in_every_browser() {
    let broken = "<?xml version=\"1.0\"?>\n<rss><channel>\n<title>x</channel></rss>";
    let report = parse_xml(broken).expect_err("not well-formed");
    let error = XmlError::from_report(&report);
    assert_eq!(error.at.map(|at| at.line), Some(3), "{error:?} (from {report:?})");
    let message = error.to_string();
    assert!(message.starts_with("invalid XML at line 3, column "), "{message} (from {report:?})");
}

#[wasm_bindgen_test]
fn control_characters_that_xml_forbids_are_dropped_as_feed_readers_drop_them() {
    // A backspace pasted into a title, and a reference to one: the strict
    // parser refuses both; the repaired text reads.
    let feed = "<rss version=\"2.0\"><channel><item><title>Tide\u{8} tables&#x8; out</title><guid>t</guid></item></channel></rss>";
    assert!(parse_xml(feed).is_err(), "this browser's parser accepts a control character");
    let doc = feeds::decode_text(feed, parse_xml, DecodeOptions::default()).expect("a feed");
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
        if let Ok(doc) = feeds::decode(&root, DecodeOptions::default()) {
            assert!(doc.latest.iter().all(|a| a.headline.chars().count() <= 1_000));
        }
    }
}

/// Serves `/latin1-feed.rss` from the page's own `fetch` for one test: an
/// RSS feed in ISO-8859-1 bytes, labelled so only by the Content-Type (the
/// declaration says nothing), as many older news sites serve theirs. Other
/// URLs go to the browser's fetch. Each request's `Accept` header and
/// credentials mode are kept in `globalThis.latin1FeedRequests`.
const LATIN1_FETCH: &str = r#"
    const original = globalThis.fetch;
    globalThis.latin1FeedRequests = [];
    globalThis.fetch = (url, init = {}) => {
        if (!String(url).endsWith("/latin1-feed.rss")) return original(url, init);
        const headers = new Headers(init.headers);
        globalThis.latin1FeedRequests.push({ accept: headers.get("Accept"), credentials: init.credentials });
        const text = '<?xml version="1.0"?><rss version="2.0"><channel><title>Not\u00edcias</title>'
            + '<item><title>Cora\u00e7\u00e3o de S\u00e3o Paulo</title><guid>sp</guid>'
            + '<pubDate>Tue, 03 Nov 2026 10:00:00 -0300</pubDate></item></channel></rss>';
        const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
        return Promise.resolve(new Response(bytes, {
            headers: { "Content-Type": "application/rss+xml; charset=ISO-8859-1" },
        }));
    };
    return original;
"#;

#[wasm_bindgen_test]
async fn a_latin1_rss_feed_from_src_renders_through_this_browsers_fetch_and_decoder() {
    let global = js_sys::global();
    let original = js_sys::Function::new_no_args(LATIN1_FETCH).call0(&global).expect("the fetch stub installs");
    let el = settled_on("/latin1-feed.rss").await;
    js_sys::Reflect::set(&global, &"fetch".into(), &original).expect("the page's fetch is put back");

    assert_eq!(el.get_attribute("state").as_deref(), Some("ready"), "{}", text(&part(&el, "error")));
    let titles: Vec<String> = parts(&el, "item").iter().map(text).collect();
    assert!(titles.iter().any(|t| t.contains("Cora\u{e7}\u{e3}o de S\u{e3}o Paulo")), "{titles:?}");
    assert_eq!(text(&part(&el, "headline")), "Cora\u{e7}\u{e3}o de S\u{e3}o Paulo");

    let requests = js_sys::Reflect::get(&global, &"latin1FeedRequests".into()).expect("the requests");
    let first = js_sys::Array::from(&requests).get(0);
    let accept = get(&first, "accept").as_string().unwrap_or_default();
    assert!(accept.contains("application/rss+xml") && accept.contains("application/atom+xml"), "Accept: {accept}");
    assert_eq!(get(&first, "credentials").as_string().as_deref(), Some("same-origin"));
    el.remove();
}

/// Serves two feeds from the page's own `fetch` for one test: RSS in
/// ISO-8859-1 bytes (labelled by the Content-Type only) and a JSON Feed.
/// Other URLs go to the browser's fetch. (A made-up `Response` has no URL,
/// so relative links are the e2e tests' to check.)
const TWO_FEEDS_FETCH: &str = r#"
    const original = globalThis.fetch;
    globalThis.fetch = (url, init = {}) => {
        if (String(url).endsWith("/two/latin1.rss")) {
            const text = '<rss version="2.0"><channel><title>T</title><item><title>Cora\u00e7\u00e3o</title>'
                + '<guid>c</guid><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>';
            const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
            return Promise.resolve(new Response(bytes, { headers: { "Content-Type": "application/rss+xml; charset=ISO-8859-1" } }));
        }
        if (String(url).endsWith("/two/feed.json")) {
            const feed = { version: "https://jsonfeed.org/version/1.1", items: [{ id: "j", title: "Newer", date_published: "2026-11-04T10:00:00Z" }] };
            return Promise.resolve(new Response(JSON.stringify(feed), { headers: { "Content-Type": "application/feed+json" } }));
        }
        return original(url, init);
    };
    return original;
"#;

#[wasm_bindgen_test]
async fn several_feeds_merge_through_this_browsers_fetch_each_read_by_its_own_charset() {
    let global = js_sys::global();
    let original = js_sys::Function::new_no_args(TWO_FEEDS_FETCH).call0(&global).expect("the fetch stub installs");
    let readies = record(&document(), "newsreel:ready");
    let el = settled_on("/two/latin1.rss /no-such-feed.xml /two/feed.json").await;
    js_sys::Reflect::set(&global, &"fetch".into(), &original).expect("the page's fetch is put back");

    assert_eq!(el.get_attribute("state").as_deref(), Some("ready"), "{}", text(&part(&el, "error")));
    let titles: Vec<String> = parts(&el, "item").iter().map(text).collect();
    assert!(titles[0].contains("Newer") && titles[1].contains("Cora\u{e7}\u{e3}o"), "{titles:?}");
    let ready = readies.borrow().last().cloned().expect("newsreel:ready");
    let warnings: Vec<String> =
        js_sys::Array::from(&get(&ready, "warnings")).iter().filter_map(|w| w.as_string()).collect();
    assert_eq!(warnings, ["src: could not load /no-such-feed.xml: HTTP 404"]);
    el.remove();
}
