//! The widget's own words in each language it knows (`strings.json`), with
//! the host's overrides.

pub mod strings;
