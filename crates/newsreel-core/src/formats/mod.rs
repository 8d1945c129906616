//! One decoder per dialect, each from a parsed input to the model: our own
//! format (`newsreel_v1`), JSON Feed (`jsonfeed`), schema.org JSON-LD
//! (`jsonld`, with the node readers it shares with the others in `schema`),
//! and RSS and Atom (`feeds`). `normalize` finishes every document alike:
//! dedupe, order, tag filter and cap.

pub mod feeds;
pub mod jsonfeed;
pub mod jsonld;
pub mod newsreel_v1;
pub mod normalize;
pub mod schema;
