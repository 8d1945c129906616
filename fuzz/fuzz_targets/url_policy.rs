//! Any URL text, for both uses. What passes must have an allowed scheme or none.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreel_core::url::policy::{allowed, UrlUse};

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else { return };
    for usage in [UrlUse::Link, UrlUse::Image] {
        if let Some(url) = allowed(raw, usage) {
            let lower = url.to_ascii_lowercase();
            for banned in ["javascript:", "vbscript:", "data:", "file:", "blob:"] {
                assert!(!lower.starts_with(banned), "{raw:?} passed as {url:?}");
            }
            assert!(!url.chars().any(char::is_control), "{raw:?} passed with a control character");
        }
    }
});
