//! The thin DOM shell: the only code that touches web-sys. `bindings` holds the
//! browser calls, `render` builds the shadow DOM, `sanitize` rebuilds article
//! HTML from an allowlist, `widget` is one element's state and behaviour, and
//! `details` are the values handed to JS.

pub mod bindings;
pub mod details;
pub mod render;
pub mod sanitize;
pub mod styles;
pub mod widget;
