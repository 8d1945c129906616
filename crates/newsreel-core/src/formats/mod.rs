//! One decoder per dialect, each from a parsed input to the model: our own
//! format (`newsreel_v1`), JSON Feed (`jsonfeed`), schema.org JSON-LD
//! (`jsonld`, with the node readers it shares with the others in `schema`),
//! and RSS and Atom (`feeds`). `normalize` finishes every document alike:
//! dedupe, order, tag filter and cap; `merge` makes one document of several
//! feeds'; `bodies` makes article bodies, and decodes the deferred ones when
//! their article opens.

use std::fmt;

use crate::model::Format;

pub mod bodies;
pub mod feeds;
pub mod jsonfeed;
pub mod jsonld;
pub mod merge;
pub mod newsreel_v1;
pub mod normalize;
pub mod schema;

/// Why a JSON document could not be read in the format it was taken for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatError {
    /// Our format and JSON Feed are objects; this is what was found instead
    /// (`"an array"`, from `input::json::kind`).
    NotAnObject { found: &'static str },
    /// Our format's `format` member names something else than this version.
    /// `named` is how the message shows it: the text in quotes, cut short,
    /// or what kind of value it is.
    UnsupportedFormat { named: String },
    /// A format read from XML, not JSON (RSS, Atom): `formats::feeds`
    /// decodes those, and detecting a JSON format never gives one.
    NotJson(Format),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::NotAnObject { found } => write!(f, "expected an object, found {found}"),
            FormatError::UnsupportedFormat { named } => {
                write!(f, "format {named} is not supported; this version reads \"{}\"", newsreel_v1::FORMAT_V1)
            }
            FormatError::NotJson(format) => write!(f, "{format} is XML, not JSON"),
        }
    }
}

impl std::error::Error for FormatError {}
