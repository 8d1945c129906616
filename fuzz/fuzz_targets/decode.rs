//! Any bytes a page could embed, decoded with the element's default options,
//! and every body resolved as the widget resolves it when an article opens.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreel_core::{decode, resolve_body, DecodeOptions};

fuzz_target!(|data: &[u8]| {
    // The browser hands us text, so bytes that are not UTF-8 never reach the core.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = decode(text, DecodeOptions::default()) {
            for article in doc.articles() {
                let _ = resolve_body(&article.body, &[text]);
            }
        }
    }
});
