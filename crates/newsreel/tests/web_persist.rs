//! Browser tests of `persist` (`wasm-pack test --headless --firefox` /
//! `--chrome`): each browser's CacheStorage keeps a feed's copy as the
//! widget stores it (its bytes, in any charset, and a header of ours), and a
//! widget made later renders that copy, `stale`, before the network answers,
//! asking with the kept validators. The runner serves its page on
//! 127.0.0.1, a secure context, where `caches` exists.
#![cfg(target_arch = "wasm32")]

mod support;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Serves `/kept/feed.rss` from the page's own `fetch`: RSS in ISO-8859-1
/// with an ETag, or, once `globalThis.keptHang` is set, no answer at all.
/// The `If-None-Match` of each request is kept in `globalThis.keptRequests`.
const KEPT_FETCH: &str = r#"
    const original = globalThis.fetch;
    globalThis.keptRequests = [];
    globalThis.keptHang = false;
    globalThis.fetch = (url, init = {}) => {
        if (!String(url).endsWith("/kept/feed.rss")) return original(url, init);
        globalThis.keptRequests.push(new Headers(init.headers).get("If-None-Match"));
        if (globalThis.keptHang) return new Promise(() => {});
        const text = '<rss version="2.0"><channel><title>T</title><item><title>Kept \u00e9t\u00e9</title>'
            + '<guid>k</guid></item></channel></rss>';
        const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
        return Promise.resolve(new Response(bytes, {
            headers: { "Content-Type": "application/rss+xml; charset=ISO-8859-1", "ETag": '"k1"' },
        }));
    };
    return original;
"#;

/// Runs an async JS body and waits for its result.
async fn eval(body: &str) -> JsValue {
    let promise: js_sys::Promise = js_sys::Function::new_no_args(body).call0(&js_sys::global()).unwrap().into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap_or(JsValue::NULL)
}

async fn ready(el: &web_sys::HtmlElement) {
    for _ in 0..200 {
        if el.get_attribute("state").as_deref() != Some("loading") {
            return;
        }
        sleep(50).await;
    }
}

#[wasm_bindgen_test]
async fn a_kept_copy_is_stored_in_this_browser_and_shown_before_the_network_answers() {
    let global = js_sys::global();
    eval("return caches.delete('newsreel-feeds-v1')").await;
    let original = js_sys::Function::new_no_args(KEPT_FETCH).call0(&global).expect("the fetch stub installs");

    let first = mount("", &[("src", "/kept/feed.rss"), ("persist", "")]);
    ready(&first).await;
    assert!(text(&part(&first, "item")).contains("Kept \u{e9}t\u{e9}"));
    let mut kept = JsValue::NULL;
    for _ in 0..100 {
        kept = eval(
            "return caches.open('newsreel-feeds-v1').then((c) => c.keys()).then((k) => k.map((r) => r.url).join(' '))",
        )
        .await;
        if kept.as_string().is_some_and(|k| !k.is_empty()) {
            break;
        }
        sleep(50).await;
    }
    let kept = kept.as_string().unwrap_or_default();
    assert!(kept.ends_with("/kept/feed.rss"), "kept under its absolute URL: {kept}");
    first.remove();

    // The next widget: the network never answers; the kept copy shows.
    js_sys::Reflect::set(&global, &"keptHang".into(), &JsValue::TRUE).unwrap();
    let second = mount("", &[("src", "/kept/feed.rss"), ("persist", "")]);
    ready(&second).await;
    assert_eq!(second.get_attribute("state").as_deref(), Some("ready"));
    assert!(text(&part(&second, "item")).contains("Kept \u{e9}t\u{e9}"), "read by the charset it came in");
    assert!(second.has_attribute("stale"), "not confirmed yet");
    let requests = js_sys::Array::from(&js_sys::Reflect::get(&global, &"keptRequests".into()).unwrap());
    assert_eq!(requests.get(requests.length() - 1).as_string().as_deref(), Some("\"k1\""), "asked with its ETag");
    second.remove();

    js_sys::Reflect::set(&global, &"fetch".into(), &original).expect("the page's fetch is put back");
    eval("return caches.delete('newsreel-feeds-v1')").await;
}
