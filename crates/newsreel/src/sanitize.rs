//! Article bodies in HTML: the browser parses them inertly, `bindings` walks
//! the parsed body into the core's neutral tree, and `core::sanitize` copies
//! what its allowlist keeps into the build program (the module there
//! explains the approach).

use web_sys::Element;

use super::bindings::{self as b, DomResult};
use newsreel_core::html::build::Build;
use newsreel_core::html::sanitize::{self, BodyOptions};

/// Writes the sanitised body into `out`. The browser's parser may be
/// refused (a very old browser, or a Trusted Types policy we may not
/// create): then the text is shown, never the markup.
pub fn body_html(out: &mut Build, html: &str, options: &BodyOptions) {
    sanitize::body_html(out, html, options, b::parse_inert_html);
}

/// Sanitises `html` and appends the result to `into`. Images are left out
/// when `images` is false; links get `target` when it is given.
pub fn append_html(into: &Element, html: &str, images: bool, target: Option<&str>) -> DomResult<()> {
    let mut out = Build::new();
    body_html(&mut out, html, &BodyOptions { images, target, base: None });
    b::build(into, &out).map(drop)
}
