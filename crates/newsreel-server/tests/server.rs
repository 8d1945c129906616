//! `newsreel_server::render_html` natively: every demo input and fixture
//! renders to one element with a declarative shadow root, the attributes
//! and words asked for, nothing from the content outside text and safe
//! attributes, and a clear error for bad input.
#![cfg(not(target_arch = "wasm32"))]

use newsreel_core::contract::Attribute;
use newsreel_server::{render_html, RenderOptions};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The shadow root's content: between `<template shadowrootmode="open">`
/// and `</template>`, after the stylesheet's `<link>`.
fn shadow(html: &str) -> &str {
    let link =
        html.find("<template shadowrootmode=\"open\"><link ").expect("a declarative shadow root with its stylesheet")
            + 32;
    let start = link + html[link..].find("\">").expect("the link ends") + 2;
    let end = html.rfind("</template>").expect("the template closes");
    &html[start..end]
}

#[test]
fn every_fixture_renders_its_headlines_and_article() {
    let inputs = [
        ("seed.json", "Irakli Garibashvili"),
        ("seed.jsonld.json", "Irakli Garibashvili"),
        ("seed.feed.json", "Irakli Garibashvili"),
        ("jsonld/item-list.json", "<span class=\"title\""),
        ("jsonld/news-article.json", "class=\"headline\""),
        ("jsonld/yoast-graph.json", "class=\"headline\""),
        ("jsonfeed/feed-1.0.json", "<span class=\"title\""),
        ("jsonfeed/feed-1.1.json", "<span class=\"title\""),
        ("feeds/rss-2.0.xml", "Ferry timetable changes &amp; new routes"),
        ("feeds/rss-0.92.xml", "<span class=\"title\""),
        ("feeds/rss-1.0.rdf", "<span class=\"title\""),
        ("feeds/atom-1.0.xml", "<span class=\"title\""),
    ];
    for (name, expected) in inputs {
        let html = render_html(&fixture(name), &RenderOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            html.starts_with("<news-reel state=\"ready\" server-rendered><template shadowrootmode=\"open\">"),
            "{name}"
        );
        assert!(html.ends_with("</news-reel>"), "{name}");
        let root = shadow(&html);
        assert!(root.contains(expected), "{name}: {expected} in {root}");
        assert!(!root.contains("<script"), "{name}: no script in the shadow root");
    }
}

#[test]
fn attributes_and_language_are_the_elements() {
    let mut options = RenderOptions::default()
        .with(Attribute::Mode, "vertical")
        .with(Attribute::Rows, "2")
        .with(Attribute::Lang, "ru")
        .with(Attribute::View, "ticker");
    options.css_url = Some("/static/newsreel.css".into());
    let html = render_html(&fixture("seed.json"), &options).unwrap();
    assert!(
        html.starts_with(
            r#"<news-reel view="ticker" mode="vertical" rows="2" lang="ru" state="ready" server-rendered>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<link rel="stylesheet" href="/static/newsreel.css">"#));
    let root = shadow(&html);
    assert!(root.contains(r#"class="nr mode-vertical""#));
    assert!(root.contains(r#"style="--nr-rows: 2;""#));
    assert!(root.contains(">Пауза</button>"), "the pause control in Russian");
    assert!(root.contains(r#"<article class="article" part="article" hidden="">"#), "view=ticker: no article view");
    // The seed's data goes with the element, for the widget that takes over.
    assert!(html.contains(r#"<script type="application/json">"#));
}

#[test]
fn arabic_reads_right_to_left_and_a_given_dir_wins() {
    let data = r#"{"latest":[{"id":"a","headline":"عنوان"}]}"#;
    let rtl = render_html(data, &RenderOptions::default().with(Attribute::Lang, "ar")).unwrap();
    assert!(shadow(&rtl).starts_with(r#"<div class="nr mode-marquee rtl" part="root" dir="rtl">"#), "{rtl}");
    let ltr =
        render_html(data, &RenderOptions::default().with(Attribute::Lang, "ar").with(Attribute::Dir, "ltr")).unwrap();
    assert!(shadow(&ltr).starts_with(r#"<div class="nr mode-marquee" part="root">"#));
    // `dir=""` gives no direction, as in the browser: the language's is set.
    let empty =
        render_html(data, &RenderOptions::default().with(Attribute::Lang, "ar").with(Attribute::Dir, "")).unwrap();
    assert_eq!(shadow(&empty), shadow(&rtl));
}

#[test]
fn hostile_content_stays_text_and_cannot_end_the_data_script() {
    let data = r#"{"article":{"headline":"<img src=x onerror=alert(1)>","articleBody":"<p>ok</p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"},
        "latest":[{"id":"a","headline":"</script><script>alert(1)</script>","url":"javascript:alert(1)"}]}"#;
    let html = render_html(data, &RenderOptions::default()).unwrap();
    let root = shadow(&html);
    assert!(root.contains("&lt;img src=x onerror=alert(1)&gt;"), "a headline is text");
    assert!(!root.contains("<script") && !root.contains("javascript:"), "{root}");
    assert!(root.contains("<p>ok</p>"));
    // In the data script, every `<` is escaped: nothing in it can close the script.
    let data_script = &html[html.find("<script type=\"application/json\">").unwrap()..];
    assert_eq!(data_script.matches("</script>").count(), 1, "{data_script}");
}

#[test]
fn bad_input_is_a_clear_error() {
    let e = render_html("{\"latest\": [}", &RenderOptions::default()).unwrap_err();
    assert!(e.to_string().contains("line 1, column 13"), "{e}");
    let e = render_html("<rss><channel><item><title>x</channel></rss>", &RenderOptions::default()).unwrap_err();
    assert!(e.to_string().starts_with("invalid XML at line 1, column "), "{e}");
}

#[test]
fn a_feeds_relative_links_and_images_point_at_the_feeds_site() {
    let feed = r#"<rss version="2.0"><channel><title>Gazette</title><link>https://gazette.test/news/</link>
        <item><title>Ferries</title><guid>f</guid><description><![CDATA[<p><a href="/timetable">Times</a> <img src="img/ferry.jpg" alt="Ferry"></p>]]></description></item>
        </channel></rss>"#;
    let html = render_html(feed, &RenderOptions::default().with(Attribute::Article, "f")).unwrap();
    assert!(html.contains(r#"<a href="https://gazette.test/timetable" rel="noopener noreferrer">Times</a>"#), "{html}");
    assert!(html.contains(r#"<img src="https://gazette.test/news/img/ferry.jpg" alt="Ferry""#), "{html}");
}
