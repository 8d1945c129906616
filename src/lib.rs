//! newsreel: a "Latest news" ticker and article view, fed by the news a page
//! already has, rendered into a Shadow DOM.
//!
//! `core` is plain Rust (no web-sys) and is tested natively; `dom` is the thin
//! shell that touches the browser, compiled only for wasm32; `server` is what
//! a server needs to make the same HTML, compiled only natively.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod dom;

#[cfg(not(target_arch = "wasm32"))]
pub mod server;
