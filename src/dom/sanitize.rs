//! Article bodies in HTML: the browser parses them inertly, `element.js`
//! flattens the parsed body, and `core::sanitize` copies what its allowlist
//! keeps into the build program (the module there explains the approach).

use crate::core::cat::cat;

use super::bindings as b;
use crate::core::build::Build;
use crate::core::sanitize::{copy_allowed, quiet_for_csp};
use crate::core::text::strip_tags;
use web_sys::Element;

/// Writes the sanitised body into `out`. Images are left out when `images`
/// is false; links get `target` when it is given.
pub fn body_html(out: &mut Build, html: &str, images: bool, target: Option<&str>) {
    // The doctype puts the parser in no-quirks mode, as on a modern page (in
    // quirks mode a `<table>` could sit inside a `<p>`).
    match b::parse_inert_html(&cat!("<!DOCTYPE html>", quiet_for_csp(html))) {
        Some(flat) => copy_allowed(&flat, out, images, target),
        // The parser was refused (a very old browser, or a Trusted Types policy
        // we may not create): show the text, never the markup.
        None => {
            out.leaf("p", &[], &strip_tags(html));
        }
    }
}

/// Sanitises `html` and appends the result to `into`.
pub fn append_html(into: &Element, html: &str, images: bool, target: Option<&str>) {
    let mut out = Build::new();
    body_html(&mut out, html, images, target);
    b::build(into, &out);
}
