//! The widget's stylesheet, kept as a real CSS file for editing and review.

pub const STYLES: &str = include_str!("styles.css");
