//! The widget's stylesheet and skeleton markup, kept as real CSS and HTML
//! files for editing and review.

// Minified from styles.css by build.rs.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));

/// The skeleton of every widget's shadow DOM (skeleton.html), as a build
/// program written by build.rs: `OPS` and `TEXT` of a `core::build::Build`.
pub mod skeleton {
    include!(concat!(env!("OUT_DIR"), "/skeleton.rs"));
}
