//! The widget's stylesheet, kept as a real CSS file for editing and review.

// Minified from styles.css by build.rs.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));
