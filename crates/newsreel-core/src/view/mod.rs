//! What the shadow root shows: the programs for the skeleton, the ticker and
//! the article view (`programs`), built alike by the browser shell and the
//! server.

pub mod programs;

/// The widget's stylesheet, kept as real CSS in `styles.css` for editing and
/// review, and minified by build.rs: the browser shell adopts it into each
/// shadow root, and a server-rendered widget links it (`newsreel css`).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));
