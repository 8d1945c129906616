//! The widget's HTML made on a server, and the `newsreel` command: the core's
//! programs serialised, with html5ever and roxmltree as the parsers the
//! browser would have. Native only; nothing here reaches the wasm.

pub mod cli;
pub mod html;
pub mod render;
pub mod tree;

pub use render::{render_html, RenderOptions};

/// The widget's stylesheet, as the wasm build carries it, for a
/// server-rendered widget to link: `newsreel css` writes it.
pub use newsreel_core::view::STYLESHEET;
