//! Any bytes a page could embed, decoded with the element's default options.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreel::core::{decode, DecodeOptions};

fuzz_target!(|data: &[u8]| {
    // The browser hands us text, so bytes that are not UTF-8 never reach the core.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = decode(text, DecodeOptions::default());
    }
});
