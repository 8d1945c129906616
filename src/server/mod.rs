//! What a server needs to render the widget's HTML: native builds only;
//! nothing here reaches the wasm.

pub mod cli;
pub mod html;
pub mod render;
pub mod tree;

pub use render::{render_html, RenderOptions};

/// The widget's stylesheet, as the wasm build carries it (minified from
/// `src/dom/styles.css` by build.rs), for a server-rendered widget to link:
/// `newsreel css` writes it.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));
