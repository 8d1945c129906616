//! The widget's HTML made on a server, and the `newsreel` command: the core's
//! programs serialised, with html5ever and roxmltree as the parsers the
//! browser would have; and the files written from the element's contract
//! (`contract_files`, `make contract`). Native only; nothing here reaches
//! the wasm.

pub mod cli;
pub mod contract_files;
pub mod html;
pub mod render;
pub mod tree;

pub use newsreel_core::contract::Attribute;
pub use render::{render_html, RenderOptions};

/// The widget's stylesheet, as the wasm build carries it, for a
/// server-rendered widget to link: `newsreel css` writes it.
pub use newsreel_core::view::STYLESHEET;
