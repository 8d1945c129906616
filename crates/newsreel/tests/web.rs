//! Browser tests (`wasm-pack test --headless --chrome` / `--firefox`): the
//! element renders real data into a real document, and we assert on its
//! shadow DOM as a reader and a host page would see it.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn renders_the_seed_page() {
    clear_hash();
    let el = mount_json(SEED);
    assert_eq!(el.get_attribute("state").as_deref(), Some("ready"));
    for name in ["ticker", "pause", "article", "headline", "date", "body"] {
        assert!(!parts(&el, name).is_empty(), "part {name} is missing");
    }
    let items = parts(&el, "item");
    assert_eq!(items.len(), 10, "ten latest headlines");
    assert!(text(&items[0])
        .contains("Former Georgian Prime Minister Irakli Garibashvili Sentenced to Five Years in Prison"));
    let first_time = items[0].query_selector("time").unwrap().unwrap();
    assert_eq!(first_time.get_attribute("datetime").as_deref(), Some("2026-01-12"));
    assert!(text(&items[9]).contains("Abkhazia and South Ossetia"));
    assert!(text(&part(&el, "headline")).starts_with("Maria Zakharova to Vestnik Kavkaza"));
    assert_eq!(part(&el, "date").get_attribute("datetime").as_deref(), Some("2026-01-15"));
    assert_eq!(part(&el, "date").local_name(), "time");
    let paragraphs = part(&el, "body").query_selector_all("p").unwrap();
    assert_eq!(paragraphs.length(), 4);
    assert_eq!(part(&el, "ticker").get_attribute("aria-labelledby").as_deref(), Some("nr-label"));
    assert_eq!(text(&shadow(&el).get_element_by_id("nr-label").unwrap()), "Latest news");
    el.remove();
}

#[wasm_bindgen_test]
fn reads_the_source_attribute_and_reports_ready() {
    let doc = document();
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_attribute("id", "source-test").unwrap();
    script.set_text_content(Some(SEED));
    doc.body().unwrap().append_child(&script).unwrap();
    let ready = record(&doc, "newsreel:ready");
    let el = mount("", &[("source", "#source-test")]);
    assert_eq!(parts(&el, "item").len(), 10);
    let details = ready.borrow();
    let last = details.last().expect("newsreel:ready reached the document (bubbles, composed)");
    assert_eq!(get(last, "count").as_f64(), Some(11.0), "the article and ten latest");
    el.remove();
    script.remove();
}

#[wasm_bindgen_test]
fn choosing_a_headline_opens_it_and_fires_select() {
    let el = mount_json(SEED);
    let selected = record(&el, "newsreel:select");
    let third = parts(&el, "item")[2].query_selector(".pick").unwrap().unwrap();
    third.unchecked_ref::<HtmlElement>().click();
    assert_eq!(text(&part(&el, "headline")), "“Muslim NATO”: Turkey’s New Strategic Vector");
    assert_eq!(part(&el, "date").get_attribute("datetime").as_deref(), Some("2026-01-10"));
    assert_eq!(third.get_attribute("aria-current").as_deref(), Some("true"));
    let details = selected.borrow();
    assert_eq!(details.len(), 1);
    assert_eq!(get(&details[0], "id").as_string(), third.get_attribute("data-id"));
    // Keyboard and screen-reader users land on what they chose.
    let focused = shadow(&el).active_element().expect("focus moved into the widget");
    assert_eq!(focused.get_attribute("part").as_deref(), Some("headline"));
    el.remove();
}

#[wasm_bindgen_test]
fn an_item_without_body_shows_headline_date_and_link() {
    let json = r#"{"latest":[{"id":"x","headline":"Only a link","datePublished":"2026-02-01","url":"https://news.example/x"}]}"#;
    let el = mount_json(json);
    assert_eq!(text(&part(&el, "headline")), "Only a link");
    let link = part(&el, "link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://news.example/x"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(parts(&el, "body").is_empty());
    el.remove();
}

#[wasm_bindgen_test]
fn malformed_json_gives_a_readable_error_and_no_exception() {
    let errors = record(&web_sys::window().unwrap(), "error");
    let el = mount_json("{\"latest\": [ {\"headline\": \"a\"} ");
    assert_eq!(el.get_attribute("state").as_deref(), Some("error"));
    let message = text(&part(&el, "error"));
    assert!(message.contains("line 1, column"), "{message}");
    assert!(message.contains("EOF while parsing a list"), "{message}");
    assert!(part(&el, "error").get_attribute("hidden").is_none());
    assert!(errors.borrow().is_empty(), "no exception reached the page");
    el.remove();
}

#[wasm_bindgen_test]
fn one_bad_widget_does_not_break_another() {
    let bad = mount_json("[[[[");
    let good = mount_json(SEED);
    assert_eq!(bad.get_attribute("state").as_deref(), Some("error"));
    assert_eq!(good.get_attribute("state").as_deref(), Some("ready"));
    assert_eq!(parts(&good, "item").len(), 10);
    // Selecting in one changes nothing in the other.
    parts(&good, "item")[1].query_selector(".pick").unwrap().unwrap().unchecked_ref::<HtmlElement>().click();
    assert!(parts(&bad, "headline").iter().all(|h| text(h).is_empty()));
    bad.remove();
    good.remove();
}

#[wasm_bindgen_test]
async fn missing_source_says_what_is_missing() {
    let el = mount("", &[("source", "#does-not-exist")]);
    sleep(20).await;
    assert_eq!(el.get_attribute("state").as_deref(), Some("error"));
    assert!(text(&part(&el, "error")).contains("\"#does-not-exist\" matches no element"));
    el.remove();
    let el = mount("", &[("source", "#[bad")]);
    sleep(20).await;
    assert!(text(&part(&el, "error")).contains("not a valid selector"));
    el.remove();
}

#[wasm_bindgen_test]
async fn an_empty_element_waits_for_load_in_the_same_task() {
    let errors = record(&document(), "newsreel:error");
    let el = mount("", &[]);
    call(&el, "load", &[JsValue::from_str(SEED)]);
    sleep(20).await;
    assert_eq!(el.get_attribute("state").as_deref(), Some("ready"));
    assert!(errors.borrow().is_empty(), "no error for data that came by load()");
    el.remove();
    // With no data at all, the error comes once the task is over.
    let el = mount("", &[]);
    assert_eq!(el.get_attribute("state").as_deref(), Some("loading"));
    sleep(20).await;
    assert_eq!(el.get_attribute("state").as_deref(), Some("error"));
    assert!(text(&part(&el, "error")).contains("no JSON data found"));
    el.remove();
}

#[wasm_bindgen_test]
fn load_replaces_data_and_keeps_what_was_valid_on_failure() {
    let el = mount_json(SEED);
    let object =
        js_sys::JSON::parse(r#"{"latest":[{"id":"n1","headline":"New one"},{"id":"n2","headline":"New two"}]}"#)
            .unwrap();
    call(&el, "load", &[object]);
    assert_eq!(parts(&el, "item").len(), 2);
    assert_eq!(text(&part(&el, "headline")), "New one");
    let articles = get(&el, "articles");
    assert_eq!(js_sys::Array::from(&articles).length(), 2);
    assert_eq!(get(&js_sys::Array::from(&articles).get(1), "headline").as_string().as_deref(), Some("New two"));

    call(&el, "load", &[JsValue::from_str("not json")]);
    assert_eq!(el.get_attribute("state").as_deref(), Some("error"));
    assert_eq!(parts(&el, "item").len(), 2, "the valid data stays on screen");
    assert!(call(&el, "select", &[JsValue::from_str("n2")]).as_bool().unwrap());
    assert_eq!(text(&part(&el, "headline")), "New two");
    assert!(!call(&el, "select", &[JsValue::from_str("nope")]).as_bool().unwrap());
    el.remove();
}

#[wasm_bindgen_test]
fn host_fallback_stays_until_rendered_and_after_failure() {
    let el = mount("<p id=fb>Server-rendered headlines</p><script type=\"application/json\">{oops</script>", &[]);
    let slot = shadow(&el).query_selector("slot").unwrap().unwrap();
    assert!(slot.get_attribute("hidden").is_none(), "fallback visible after a failure");
    el.remove();
    let el = mount(&format!("<p>fallback</p><script type=\"application/json\">{SEED}</script>"), &[]);
    let slot = shadow(&el).query_selector("slot").unwrap().unwrap();
    assert!(slot.get_attribute("hidden").is_some(), "fallback hidden once rendered");
    el.remove();
}

#[wasm_bindgen_test]
fn dates_follow_the_page_language_and_can_be_relative() {
    clear_hash();
    let el = mount_json_with(SEED, &[("lang", "de")]);
    // German medium date style: "15.01.2026".
    assert_eq!(text(&part(&el, "date")), "15.01.2026");
    el.remove();
    let el = mount_json_with(SEED, &[("lang", "en-GB")]);
    assert_eq!(text(&part(&el, "date")), "15 Jan 2026");
    el.remove();
    let el = mount_json_with(SEED, &[("lang", "en"), ("relative-dates", "")]);
    let shown = text(&part(&el, "date"));
    assert!(shown.ends_with(" ago") || shown.starts_with("last "), "{shown}");
    assert_eq!(
        part(&el, "date").get_attribute("datetime").as_deref(),
        Some("2026-01-15"),
        "machine-readable date kept"
    );
    el.remove();
    // A nonsense language tag falls back to the browser's, instead of throwing.
    let el = mount_json_with(SEED, &[("lang", "not a language!!")]);
    assert_eq!(el.get_attribute("state").as_deref(), Some("ready"));
    assert!(!text(&part(&el, "date")).is_empty());
    el.remove();
}

#[wasm_bindgen_test]
fn max_items_caps_the_ticker_and_ready_reports_what_was_found() {
    let ready = record(&document(), "newsreel:ready");
    let el = mount_json_with(SEED, &[("max-items", "3")]);
    assert_eq!(parts(&el, "item").len(), 3);
    assert_eq!(get(ready.borrow().last().unwrap(), "count").as_f64(), Some(11.0));
    el.set_attribute("max-items", "5").unwrap();
    assert_eq!(parts(&el, "item").len(), 5);
    // Read as HTML reads `maxlength`: leading digits count (a fraction or a
    // unit after them is ignored), a number out of range is clamped, and
    // without a digit the attribute is ignored.
    el.set_attribute("max-items", " 4.7 ").unwrap();
    assert_eq!(parts(&el, "item").len(), 4);
    el.set_attribute("max-items", "0").unwrap();
    assert_eq!(parts(&el, "item").len(), 1);
    el.set_attribute("max-items", "2 items").unwrap();
    assert_eq!(parts(&el, "item").len(), 2);
    el.set_attribute("max-items", "many").unwrap();
    assert_eq!(parts(&el, "item").len(), 10, "the default cap keeps all ten");
    el.remove();
}

/// The crate's size-class allocator serves every allocation in this test
/// binary too: blocks of many sizes, alive at once, reused after frees, grown
/// and shrunk by realloc, each keep exactly what was written to them.
#[wasm_bindgen_test]
fn the_allocator_keeps_every_block_intact() {
    let mut seed = 0x9e37_79b9_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let mut blocks: Vec<(u8, Vec<u8>)> = Vec::new();
    for round in 0..3000u32 {
        let size = match next() % 10 {
            0 => (next() % 200_000) as usize,
            1..=3 => (next() % 4096) as usize,
            _ => (next() % 64) as usize,
        };
        let fill = (round % 251) as u8;
        blocks.push((fill, vec![fill; size]));
        // Free some, grow some, shrink some.
        match next() % 4 {
            0 if !blocks.is_empty() => {
                let i = next() as usize % blocks.len();
                blocks.swap_remove(i);
            }
            1 if !blocks.is_empty() => {
                let i = next() as usize % blocks.len();
                let (fill, block) = &mut blocks[i];
                let extra = (next() % 5000) as usize;
                block.resize(block.len() + extra, *fill);
            }
            2 if !blocks.is_empty() => {
                let i = next() as usize % blocks.len();
                let block = &mut blocks[i].1;
                block.truncate(block.len() / 2);
                block.shrink_to_fit();
            }
            _ => {}
        }
    }
    for (fill, block) in &blocks {
        assert!(block.iter().all(|b| b == fill), "a block of {} bytes was overwritten", block.len());
    }
    // Over-aligned blocks are aligned.
    #[repr(align(4096))]
    struct Page([u8; 4096]);
    let pages: Vec<Box<Page>> = (0..4).map(|_| Box::new(Page([7; 4096]))).collect();
    for p in &pages {
        assert_eq!(&**p as *const Page as usize % 4096, 0);
        assert!(p.0.iter().all(|&b| b == 7));
    }
}
