//! The widget's stylesheet, kept as real CSS for editing and review and
//! minified from `styles.css` by build.rs.

pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));
