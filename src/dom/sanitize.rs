//! Article bodies in HTML: the browser parses them inertly, `bindings` walks
//! the parsed body into the core's neutral tree, and `core::sanitize` copies
//! what its allowlist keeps into the build program (the module there
//! explains the approach).

use web_sys::Element;

use super::bindings::{self as b, DomResult};
use crate::core::build::Build;
use crate::core::sanitize::{copy_allowed, quiet_for_csp};
use crate::core::text::strip_tags;

/// Writes the sanitised body into `out`. Images are left out when `images`
/// is false; links get `target` when it is given.
pub fn body_html(out: &mut Build, html: &str, images: bool, target: Option<&str>) {
    // The doctype puts the parser in no-quirks mode, as on a modern page (in
    // quirks mode a `<table>` could sit inside a `<p>`).
    match b::parse_inert_html(&format!("<!DOCTYPE html>{}", quiet_for_csp(html))) {
        Some(body) => copy_allowed(&body, out, images, target),
        // The parser was refused (a very old browser, or a Trusted Types policy
        // we may not create): show the text, never the markup.
        None => {
            out.leaf("p", &[], &strip_tags(html));
        }
    }
}

/// Sanitises `html` and appends the result to `into`.
pub fn append_html(into: &Element, html: &str, images: bool, target: Option<&str>) -> DomResult<()> {
    let mut out = Build::new();
    body_html(&mut out, html, images, target);
    b::build(into, &out).map(drop)
}
