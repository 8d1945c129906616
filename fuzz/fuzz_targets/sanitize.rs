//! Any parsed body (a tree read from the bytes as NUL-separated tokens, see
//! `markup::from_tokens`) and any raw HTML for the CSP pre-pass. The walk must
//! not panic, must close every element it opens, and must never write an
//! element or attribute outside its lists.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreel_core::html::build::{Build, Step};
use newsreel_core::html::markup::from_tokens;
use newsreel_core::html::sanitize::{copy_allowed, quiet_for_csp, BodyOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let _ = quiet_for_csp(input);
    let mut out = Build::new();
    // With a feed's base, so that resolving relative URLs is fuzzed too.
    let options = BodyOptions { images: true, target: Some("_blank"), base: Some("https://feed.test/news/item") };
    copy_allowed(&from_tokens(input), &mut out, &options);
    let mut depth = 0i64;
    for step in out.steps() {
        match step {
            Step::Open(tag) => {
                assert!(!matches!(tag.as_str(), "script" | "style" | "iframe" | "svg" | "math" | "template" | "object"), "{tag}");
                depth += 1;
            }
            Step::Attr(name, value) => {
                assert!(!name.starts_with("on") && name != "style" && name != "srcset", "{name}");
                if name == "href" || name == "src" || name == "cite" {
                    assert!(!value.to_ascii_lowercase().trim_start().starts_with("javascript:"), "{value}");
                }
            }
            Step::Close => {
                depth -= 1;
                assert!(depth >= 0);
            }
            Step::Text(_) | Step::Keep => {}
        }
    }
    assert_eq!(depth, 0);
});
