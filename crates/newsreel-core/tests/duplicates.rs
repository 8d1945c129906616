//! Of two items with the same id or the same URL, every format keeps the
//! later-dated one, which is the edited version, wherever it is in the
//! file; of equal dates, or none, the first.
#![cfg(not(target_arch = "wasm32"))] // native only: run by `cargo test`, not in the browser

use newsreel_core::formats::feeds;
use newsreel_core::input::xml::from_text;
use newsreel_core::model::{Format, NewsDocument};
use newsreel_core::{decode, DecodeOptions};

const FORMATS: [Format; 5] = [Format::Newsreel, Format::JsonLd, Format::JsonFeed, Format::Rss, Format::Atom];

struct Item {
    id: String,
    url: String,
    headline: String,
    /// Month and day in 2026, at 10:00 UTC.
    date: Option<(u32, u32)>,
}

fn item(id: &str, url: &str, headline: &str, date: Option<(u32, u32)>) -> Item {
    Item { id: id.into(), url: format!("https://n.test/{url}"), headline: headline.into(), date }
}

/// `S0` to `S29`, ids `s0` to `s29`, one a day from January 1st.
fn thirty() -> Vec<Item> {
    (0..30).map(|i| item(&format!("s{i}"), &i.to_string(), &format!("S{i}"), Some((1, i + 1)))).collect()
}

fn iso((month, day): (u32, u32)) -> String {
    format!("2026-{month:02}-{day:02}T10:00:00Z")
}

/// The items written as `format` writes them; RSS dates in RFC 822.
fn text(format: Format, items: &[Item]) -> String {
    let json = |members: &dyn Fn(&Item) -> serde_json::Value| {
        serde_json::Value::Array(items.iter().map(members).collect::<Vec<_>>())
    };
    let xml = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    match format {
        Format::Newsreel => serde_json::json!({
            "format": "newsreel/1",
            "latest": json(&|i| serde_json::json!({
                "id": i.id, "headline": i.headline, "url": i.url, "datePublished": i.date.map(iso),
            })),
        })
        .to_string(),
        Format::JsonLd => serde_json::json!({
            "@context": "https://schema.org",
            "@type": "ItemList",
            "itemListElement": json(&|i| serde_json::json!({
                "@type": "NewsArticle", "@id": i.id, "headline": i.headline, "url": i.url,
                "datePublished": i.date.map(iso),
            })),
        })
        .to_string(),
        Format::JsonFeed => serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "News",
            "items": json(&|i| serde_json::json!({
                "id": i.id, "title": i.headline, "url": i.url, "date_published": i.date.map(iso),
            })),
        })
        .to_string(),
        Format::Rss => {
            let months = ["Jan", "Feb", "Mar"];
            let entries: String = items
                .iter()
                .map(|i| {
                    let date = i.date.map_or(String::new(), |(m, d)| {
                        format!("<pubDate>{d:02} {} 2026 10:00:00 GMT</pubDate>", months[m as usize - 1])
                    });
                    format!(
                        r#"<item><guid isPermaLink="false">{}</guid><title>{}</title><link>{}</link>{date}</item>"#,
                        xml(&i.id),
                        xml(&i.headline),
                        xml(&i.url)
                    )
                })
                .collect();
            format!("<rss version=\"2.0\"><channel><title>News</title>{entries}</channel></rss>")
        }
        Format::Atom => {
            let entries: String = items
                .iter()
                .map(|i| {
                    let date = i.date.map_or(String::new(), |d| format!("<updated>{}</updated>", iso(d)));
                    format!(
                        r#"<entry><id>{}</id><title>{}</title><link href="{}"/>{date}</entry>"#,
                        xml(&i.id),
                        xml(&i.headline),
                        xml(&i.url)
                    )
                })
                .collect();
            format!(r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>{entries}</feed>"#)
        }
    }
}

fn read(format: Format, items: &[Item], max_items: usize, main_id: Option<&str>) -> NewsDocument {
    let options = DecodeOptions { max_items, main_id, ..DecodeOptions::default() };
    let text = text(format, items);
    let doc = match format {
        Format::Rss | Format::Atom => feeds::decode_text(&text, from_text, options),
        _ => decode(&text, options),
    }
    .unwrap_or_else(|e| panic!("{format}: {e}"));
    assert_eq!(doc.format, format);
    assert!(doc.warnings.is_empty(), "{format}: {:?}", doc.warnings);
    doc
}

/// The main article's headline and the ticker's.
fn seen(format: Format, items: &[Item], max_items: usize, main_id: Option<&str>) -> (Option<String>, Vec<String>) {
    let doc = read(format, items, max_items, main_id);
    (doc.main.map(|a| a.headline), doc.latest.into_iter().map(|a| a.headline).collect())
}

fn headlines(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_later_dated_duplicate_is_kept_wherever_it_is() {
    for format in FORMATS {
        for place in [0, 15, 30] {
            let mut items = thirty();
            items.insert(place, item("s3", "3", "S3 edited", Some((2, 1))));
            let top = seen(format, &items, 5, None);
            assert_eq!(top, (None, headlines(&["S3 edited", "S29", "S28", "S27", "S26"])), "{format}, at {place}");
            let (_, all) = seen(format, &items, 50, None);
            assert_eq!(all.len(), 30, "{format}, at {place}");
            assert!(!all.iter().any(|h| h == "S3"), "{format}, at {place}: the older one is left out");
        }
    }
}

#[test]
fn a_duplicate_is_not_counted_among_the_articles_found_whatever_the_cap() {
    for format in FORMATS {
        let mut items = thirty();
        items.insert(15, item("s3", "3", "S3 edited", Some((2, 1))));
        for max_items in [5, 50] {
            let doc = read(format, &items, max_items, None);
            assert_eq!(doc.found, 30, "{format}, max-items {max_items}: 31 items, one a duplicate");
        }
    }
}

#[test]
fn an_edit_takes_its_original_s_place_by_its_own_date() {
    for format in FORMATS {
        let mut items = thirty();
        items.push(item("s27", "27", "S27 edited", Some((1, 29))));
        let (_, top) = seen(format, &items, 3, None);
        assert_eq!(top, headlines(&["S29", "S28", "S27 edited"]), "{format}: dated as S28, after it in the file");
        items.push(item("s0", "0", "S0 edited", Some((1, 2))));
        let (_, all) = seen(format, &items, 50, None);
        assert_eq!(all.last().map(String::as_str), Some("S0 edited"), "{format}");
        assert_eq!(all[all.len() - 2], "S1", "{format}: a tie in date keeps the file's order");
    }
}

#[test]
fn the_main_article_chosen_by_id_is_the_later_dated_duplicate() {
    for format in FORMATS {
        for place in [0, 30] {
            let mut items = thirty();
            items.insert(place, item("s3", "3", "S3 edited", Some((1, 5))));
            let (main, top) = seen(format, &items, 5, Some("s3"));
            assert_eq!(main.as_deref(), Some("S3 edited"), "{format}, at {place}");
            assert_eq!(top, headlines(&["S29", "S28", "S27", "S26", "S25"]), "{format}, at {place}");
        }
    }
}

#[test]
fn a_later_dated_item_with_the_same_url_is_kept() {
    for format in FORMATS {
        let items = [
            item("old", "same", "Old", Some((1, 1))),
            item("other", "other", "Other", Some((1, 3))),
            item("new", "same", "New", Some((1, 2))),
        ];
        assert_eq!(seen(format, &items, 50, None).1, headlines(&["Other", "New"]), "{format}");
        assert_eq!(seen(format, &items, 50, Some("new")).0.as_deref(), Some("New"), "{format}");
    }
}

#[test]
fn ties_and_undated_duplicates_keep_the_first_and_a_date_beats_none() {
    for format in FORMATS {
        let items = [
            item("tie", "tie", "Tie first", Some((1, 5))),
            item("none", "none", "Undated first", None),
            item("dated", "dated", "Undated", None),
            item("x", "x", "X", Some((1, 4))),
            item("tie", "tie", "Tie second", Some((1, 5))),
            item("none", "none", "Undated second", None),
            item("dated", "dated", "Dated", Some((1, 1))),
        ];
        let (_, all) = seen(format, &items, 50, None);
        assert_eq!(all, headlines(&["Tie first", "X", "Dated", "Undated first"]), "{format}");
    }
}

/// (`identifier`, not `@id`: list items with one `@id` are one JSON-LD node,
/// read once, which the graph's first full node with that `@id` describes.)
#[test]
fn json_ld_positions_keep_the_later_dated_duplicate_in_its_place() {
    let entry = |position: u32, id: &str, headline: &str, day: u32| {
        serde_json::json!({
            "@type": "ListItem",
            "position": position,
            "item": {"@type": "NewsArticle", "identifier": id, "headline": headline, "datePublished": iso((1, day))},
        })
    };
    let list = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [entry(1, "a", "A", 1), entry(2, "b", "B", 9), entry(3, "a", "A edited", 5), entry(4, "c", "C", 2)],
    });
    let doc = decode(&list.to_string(), DecodeOptions::default()).unwrap();
    let ticker: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(ticker, ["B", "A edited", "C"], "positions decide the order, dates which duplicate stays");
}
