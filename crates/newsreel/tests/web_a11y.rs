//! Browser tests of the ticker's motion, controls and accessibility, and of the
//! element API (issue 4). Reduced motion, axe-core and keyboard-only use are
//! checked end to end in tests/e2e/a11y.test.mjs, where the browser can emulate them.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn root(el: &HtmlElement) -> Element {
    part(el, "root")
}

fn has_class(e: &Element, class: &str) -> bool {
    e.class_list().contains(class)
}

/// Play states of every animation running in the widget's shadow root.
fn animation_states(el: &HtmlElement) -> Vec<String> {
    let get_animations: js_sys::Function = get(&shadow(el), "getAnimations").dyn_into().unwrap();
    let list = js_sys::Array::from(&get_animations.call0(&shadow(el)).unwrap());
    list.iter().map(|a| get(&a, "playState").as_string().unwrap()).collect()
}

fn computed(e: &Element, property: &str) -> String {
    let style = web_sys::window().unwrap().get_computed_style(e).unwrap().unwrap();
    style.get_property_value(property).unwrap()
}

#[wasm_bindgen_test]
fn the_pause_control_comes_first_and_says_what_it_does() {
    let el = mount_json(SEED);
    let focusable = shadow(&el).query_selector("button:not([hidden]), a[href], [tabindex='0']").unwrap().unwrap();
    assert_eq!(focusable.get_attribute("part").as_deref(), Some("pause"), "pause is first in tab order");
    let pause = part(&el, "pause");
    assert_eq!(text(&pause), "Pause");
    assert!(!get(&el, "paused").as_bool().unwrap());
    pause.unchecked_ref::<HtmlElement>().click();
    assert_eq!(text(&pause), "Play");
    assert!(get(&el, "paused").as_bool().unwrap());
    assert!(has_class(&root(&el), "paused"));
    assert_eq!(part(&el, "list").get_attribute("aria-live").as_deref(), Some("polite"), "announced when still");
    pause.unchecked_ref::<HtmlElement>().click();
    assert_eq!(text(&pause), "Pause");
    assert_eq!(part(&el, "list").get_attribute("aria-live").as_deref(), Some("off"), "silent while moving");
    el.remove();
}

#[wasm_bindgen_test]
async fn a_pause_survives_hover_and_focus_cycles() {
    let el = mount_json(SEED);
    call(&el, "pause", &[]);
    let ticker = part(&el, "ticker");
    for kind in ["pointerenter", "pointerleave", "focusin", "focusout"] {
        ticker.dispatch_event(&web_sys::Event::new(kind).unwrap()).unwrap();
    }
    let first = parts(&el, "item")[0].query_selector(".pick").unwrap().unwrap();
    first.unchecked_ref::<HtmlElement>().focus().unwrap();
    first.unchecked_ref::<HtmlElement>().blur().unwrap();
    sleep(50).await;
    assert!(get(&el, "paused").as_bool().unwrap(), "still paused after hover and focus left");
    assert!(animation_states(&el).iter().all(|s| s != "running"));
    call(&el, "play", &[]);
    sleep(50).await;
    assert!(!get(&el, "paused").as_bool().unwrap());
    el.remove();
}

#[wasm_bindgen_test]
async fn focus_inside_the_ticker_stops_the_motion() {
    let el = mount_json(SEED);
    sleep(50).await;
    assert!(animation_states(&el).iter().any(|s| s == "running"), "the marquee moves");
    let pick = parts(&el, "item")[2].query_selector(".pick").unwrap().unwrap();
    pick.unchecked_ref::<HtmlElement>().focus().unwrap();
    sleep(50).await;
    let states = animation_states(&el);
    assert!(!states.is_empty() && states.iter().all(|s| s == "paused"), "{states:?}");
    pick.unchecked_ref::<HtmlElement>().blur().unwrap();
    sleep(50).await;
    assert!(animation_states(&el).iter().any(|s| s == "running"), "resumes when focus leaves");
    el.remove();
}

#[wasm_bindgen_test]
fn loop_copies_are_hidden_from_assistive_tech_and_tab() {
    let el = mount_json(SEED);
    let copy = shadow(&el).query_selector(".copy").unwrap().unwrap();
    assert_eq!(copy.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(copy.has_attribute("inert"));
    assert_eq!(parts(&el, "item").len(), 10);
    assert_eq!(parts(&el, "item-copy").len(), 10);
    // Each headline is reachable once: the copies sit inside the inert list.
    let reachable = shadow(&el).query_selector_all(".items:not([inert]) .pick").unwrap();
    assert_eq!(reachable.length(), 10);
    el.remove();
}

#[wasm_bindgen_test]
fn rtl_reverses_the_scroll_and_headlines_pick_their_own_direction() {
    let el = mount_json_with(SEED, &[("dir", "rtl")]);
    assert!(has_class(&root(&el), "rtl"));
    let lane = shadow(&el).query_selector(".lane").unwrap().unwrap();
    assert_eq!(computed(&lane, "animation-name"), "nr-marquee-rtl");
    assert_eq!(computed(&part(&el, "ticker"), "direction"), "rtl");
    let title = shadow(&el).query_selector(".title").unwrap().unwrap();
    assert_eq!(title.get_attribute("dir").as_deref(), Some("auto"));
    el.remove();
}

#[wasm_bindgen_test]
async fn choosing_updates_the_hash_and_back_returns() {
    let el = mount_json(SEED);
    let location = web_sys::window().unwrap().location();
    click_item(&el, 2);
    let third = text(&part(&el, "headline"));
    let hash = location.hash().unwrap();
    assert!(hash.starts_with("#news-reel/"), "{hash}");
    click_item(&el, 4);
    assert_ne!(text(&part(&el, "headline")), third);
    web_sys::window().unwrap().history().unwrap().back().unwrap();
    sleep(150).await;
    assert_eq!(text(&part(&el, "headline")), third, "Back opens the previous article");
    el.remove();
    // A page opened with our fragment opens that article.
    let el = mount_json(SEED);
    assert_eq!(text(&part(&el, "headline")), third);
    el.remove();
    web_sys::window().unwrap().history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some("#")).unwrap();
}

#[wasm_bindgen_test]
async fn history_off_leaves_the_url_alone() {
    web_sys::window().unwrap().history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some("#")).unwrap();
    let el = mount_json_with(SEED, &[("history", "off")]);
    click_item(&el, 1);
    assert!(!web_sys::window().unwrap().location().hash().unwrap().contains("news-reel"));
    el.remove();
}

#[wasm_bindgen_test]
async fn a_history_that_refuses_entries_still_opens_the_article() {
    // As in a sandboxed frame, where pushState throws a SecurityError.
    let history = web_sys::window().unwrap().history().unwrap();
    let original = js_sys::Reflect::get(&history, &"pushState".into()).unwrap();
    let refuse = Closure::<dyn Fn() -> Result<(), JsValue>>::new(|| Err(JsValue::from_str("SecurityError: refused")));
    js_sys::Reflect::set(&history, &"pushState".into(), refuse.as_ref()).unwrap();
    let el = mount_json(SEED);
    let events = record(&el, "newsreel:select");
    click_item(&el, 3);
    js_sys::Reflect::set(&history, &"pushState".into(), &original).unwrap();
    assert_eq!(events.borrow().len(), 1, "the article opened");
    assert_eq!(text(&part(&el, "headline")), text(&parts(&el, "item")[3].query_selector(".title").unwrap().unwrap()));
    assert_eq!(el.get_attribute("state").as_deref(), Some("ready"), "no error state");
    el.remove();
}

#[wasm_bindgen_test]
async fn slide_mode_steps_and_hides_the_others() {
    let el = mount_json_with(SEED, &[("mode", "slide"), ("interval", "1000")]);
    assert!(has_class(&root(&el), "mode-slide"));
    let items = parts(&el, "item");
    assert!(!items[0].has_attribute("inert"));
    assert!(items[1].has_attribute("inert") && items[1].get_attribute("aria-hidden").as_deref() == Some("true"));
    call(&el, "next", &[]);
    assert!(!parts(&el, "item")[1].has_attribute("inert"));
    call(&el, "prev", &[]);
    call(&el, "prev", &[]);
    assert!(!parts(&el, "item")[9].has_attribute("inert"), "prev wraps to the last");
    assert!(!text(&part(&el, "prev")).is_empty() && part(&el, "prev").get_attribute("aria-label").is_some());
    // The timer steps on its own.
    sleep(1300).await;
    assert!(!parts(&el, "item")[0].has_attribute("inert"), "stepped from the last to the first");
    el.remove();
}

#[wasm_bindgen_test]
async fn removing_the_element_stops_its_timer_and_reinserting_restarts_it() {
    let el = mount_json_with(SEED, &[("mode", "slide"), ("interval", "1000")]);
    el.remove();
    sleep(1300).await;
    assert!(!parts(&el, "item")[0].has_attribute("inert"), "no step while detached");
    document().body().unwrap().append_child(&el).unwrap();
    sleep(1300).await;
    assert!(parts(&el, "item")[0].has_attribute("inert"), "steps again once re-inserted");
    el.remove();
}

#[wasm_bindgen_test]
fn list_mode_is_still_and_has_no_pause_control() {
    let el = mount_json_with(SEED, &[("mode", "list")]);
    assert!(has_class(&root(&el), "mode-list"));
    assert!(part(&el, "pause").has_attribute("hidden"));
    assert!(animation_states(&el).is_empty());
    assert!(get(&el, "paused").as_bool().unwrap());
    el.remove();
}

#[wasm_bindgen_test]
async fn an_off_screen_ticker_stops_moving() {
    let el = mount_json(SEED);
    el.style().set_property("position", "absolute").unwrap();
    el.style().set_property("top", "20000px").unwrap();
    sleep(200).await;
    assert!(has_class(&root(&el), "offscreen"));
    assert!(animation_states(&el).iter().all(|s| s != "running"));
    el.style().set_property("top", "0").unwrap();
    sleep(200).await;
    assert!(!has_class(&root(&el), "offscreen"));
    el.remove();
}

#[wasm_bindgen_test]
async fn changing_the_source_script_updates_in_place() {
    let doc = document();
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_attribute("id", "live-source").unwrap();
    script.set_text_content(Some(SEED));
    doc.body().unwrap().append_child(&script).unwrap();
    let el = mount("", &[("source", "#live-source")]);
    let lane = shadow(&el).query_selector(".lane").unwrap().unwrap();
    script.set_text_content(Some(r#"{"latest":[{"id":"u1","headline":"Updated headline"}]}"#));
    sleep(50).await;
    assert_eq!(parts(&el, "item").len(), 1);
    assert_eq!(text(&parts(&el, "item")[0]).trim(), "Updated headline");
    let lane_after = shadow(&el).query_selector(".lane").unwrap().unwrap();
    assert!(lane == lane_after, "the moving lane is kept: no jump back to the start");
    el.remove();
    script.remove();
}

#[wasm_bindgen_test]
fn article_view_follows_the_attributes() {
    let json = r#"{"article":{"headline":"H","author":["Ann","Bob"],"publisher":{"name":"Pub"},
        "image":{"url":"https://img.example/a.jpg","width":800,"height":450,"caption":"A caption"},
        "url":"https://news.example/a","articleBody":"Body."}}"#;
    let el = mount_json_with(json, &[("heading-level", "3"), ("label", "Top stories"), ("target", "_blank")]);
    assert_eq!(part(&el, "headline").local_name(), "h3");
    assert_eq!(text(&part(&el, "byline")), "Ann, Bob");
    assert_eq!(text(&part(&el, "publisher")), "Pub");
    let img = part(&el, "image");
    for (k, v) in [("loading", "lazy"), ("width", "800"), ("height", "450"), ("alt", "A caption")] {
        assert_eq!(img.get_attribute(k).as_deref(), Some(v), "{k}");
    }
    assert_eq!(part(&el, "link").get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(text(&shadow(&el).get_element_by_id("nr-label").unwrap()), "Top stories");
    el.set_attribute("images", "none").unwrap();
    assert!(parts(&el, "image").is_empty(), "images=none removes the image");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_marquee_moves_at_the_speed_asked_for() {
    let el = mount_json_with(SEED, &[("speed", "30")]);
    // Measured once laid out (a ResizeObserver): the render reads no layout.
    sleep(100).await;
    let lane = shadow(&el).query_selector(".lane").unwrap().unwrap();
    let duration_ms =
        |lane: &Element| computed(lane, "animation-duration").trim_end_matches('s').parse::<f64>().unwrap() * 1000.0;
    let slow = duration_ms(&lane);
    el.set_attribute("speed", "120").unwrap();
    let fast = duration_ms(&lane);
    assert!(slow > 2000.0, "{slow}");
    assert!((slow / fast - 4.0).abs() < 0.05, "four times the speed, a quarter of the time: {slow} / {fast}");
    // One copy of the list scrolls by in width / speed seconds.
    let width = f64::from(part(&el, "list").scroll_width());
    assert!((fast - width * 1000.0 / 120.0).abs() < 2.0, "{fast} for {width}px");
    el.remove();
}

/// `count` headlines long enough that a marquee of them moves.
fn headlines_json(count: usize) -> String {
    let items: Vec<String> = (0..count)
        .map(|i| {
            format!(r#"{{"id":"v{i}","headline":"A vertical headline, number {i}, long enough to need the room"}}"#)
        })
        .collect();
    format!(r#"{{"latest":[{}]}}"#, items.join(","))
}

/// The lane's vertical and horizontal translation now.
fn lane_offset(el: &HtmlElement) -> (f64, f64) {
    let lane = shadow(el).query_selector(".lane").unwrap().unwrap();
    // `matrix(a, b, c, d, tx, ty)` for a 2D translation, or `none`.
    let transform = computed(&lane, "transform");
    let numbers: Vec<f64> = transform
        .trim_start_matches("matrix(")
        .trim_end_matches(')')
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    match numbers[..] {
        [_, _, _, _, tx, ty] => (tx, ty),
        _ => (0.0, 0.0),
    }
}

#[wasm_bindgen_test]
async fn vertical_mode_steps_up_a_headline_at_a_time_in_a_box_of_rows_and_stills_when_they_fit() {
    let el = mount_json_with(&headlines_json(6), &[("mode", "vertical"), ("rows", "2"), ("interval", "1000")]);
    assert!(has_class(&root(&el), "mode-vertical"));
    let viewport = shadow(&el).query_selector(".viewport").unwrap().unwrap();
    let item = &parts(&el, "item")[0];
    let rows = f64::from(viewport.client_height()) / f64::from(item.client_height());
    assert!((rows - 2.0).abs() < 0.1, "two rows tall: {rows}");
    assert_eq!(parts(&el, "item-copy").len(), 6, "the loop's copy");
    let (x0, y0) = lane_offset(&el);
    sleep(700).await;
    assert_eq!(lane_offset(&el), (x0, y0), "at rest for the interval");
    // The rest (1000 ms), the step's move (450 ms), and a margin.
    sleep(1300).await;
    let (x1, y1) = lane_offset(&el);
    assert_eq!((x0, x1), (0.0, 0.0), "no sideways motion");
    let row = f64::from(item.client_height());
    assert!((y0 - y1 - row).abs() < 1.0, "up one whole headline ({row} px): {y0} → {y1}");
    // Six rows hold six headlines: nothing to move, copy or pause.
    el.set_attribute("rows", "6").unwrap();
    assert!(has_class(&root(&el), "fits"));
    assert!(parts(&el, "item-copy").is_empty());
    assert!(part(&el, "pause").has_attribute("hidden"));
    assert!(animation_states(&el).is_empty());
    el.remove();
}

#[wasm_bindgen_test]
fn the_widgets_words_follow_the_nearest_lang_and_overrides_win() {
    let wrapper = document().create_element("div").unwrap();
    wrapper.set_attribute("lang", "pl").unwrap();
    document().body().unwrap().append_child(&wrapper).unwrap();
    let el = mount_json(&headlines_json(20));
    wrapper.append_child(&el).unwrap();
    el.set_attribute("lang", "pl").unwrap(); // a change on the element re-renders
    el.remove_attribute("lang").unwrap(); // and the ancestor's is still Polish
    assert_eq!(text(&part(&el, "pause")), "Wstrzymaj");
    assert_eq!(part(&el, "prev").get_attribute("aria-label").as_deref(), Some("Poprzedni nagłówek"));
    assert_eq!(text(&shadow(&el).get_element_by_id("nr-label").unwrap()), "Najnowsze wiadomości");
    el.set_attribute("lang", "he").unwrap();
    assert_eq!(root(&el).get_attribute("dir").as_deref(), Some("rtl"), "Hebrew reads right to left");
    assert_eq!(computed(&root(&el), "direction"), "rtl");
    el.set_attribute("pause-label", "עצור").unwrap();
    assert_eq!(text(&part(&el, "pause")), "עצור");
    let strings = get(&el, "strings");
    assert_eq!(get(&strings, "pause").as_string().as_deref(), Some("עצור"), "strings lists what is in use");
    assert_eq!(get(&get(&strings, "newHeadlines"), "two").as_string().as_deref(), Some("שתי כותרות חדשות"));
    el.remove();
    wrapper.remove();
}

/// A box's width and top, in CSS px.
fn width_and_top(e: &Element) -> (f64, f64) {
    let r = e.get_bounding_client_rect();
    (r.width(), r.top())
}

#[wasm_bindgen_test]
fn a_narrow_widget_gives_its_headlines_the_width_in_every_moving_mode_and_language() {
    // 344 px: a 360 px phone's page with its 8 px margins. The layout follows
    // the widget's own width (a container query), so a page of any width will do.
    for lang in ["en", "ru"] {
        for mode in ["marquee", "slide", "vertical"] {
            let el = mount_json_with(SEED, &[("mode", mode), ("lang", lang), ("style", "width: 344px")]);
            let (whole, _) = width_and_top(&root(&el));
            let (headlines, headlines_top) = width_and_top(&part(&el, "viewport"));
            let share = headlines / whole;
            assert!(share >= 0.65, "{mode} in {lang}: the headlines get {headlines} of {whole} px");
            let (_, label_top) = width_and_top(&part(&el, "label"));
            assert!(label_top < headlines_top, "{mode} in {lang}: the label sits above the headlines");
            el.set_attribute("style", "width: 1000px").unwrap();
            let (_, wide_top) = width_and_top(&part(&el, "viewport"));
            let (_, wide_label_top) = width_and_top(&part(&el, "label"));
            assert!(wide_label_top >= wide_top - 1.0, "{mode} in {lang}: wide, the label sits beside the headlines");
            el.remove();
        }
    }
}
