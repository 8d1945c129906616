//! newsreel's own format, version 1: one `article` for the article view and a
//! `latest` list for the ticker, each an object with schema.org property names.
//! The README documents it with a complete example.

use crate::prelude::*;
use crate::core::cat::cat;

use super::json::Json;
use super::model::{warn, Format, NewsDocument};
use super::schema::{article, text, Nodes};

/// The value of the optional `format` member that names this version.
pub const FORMAT_V1: &str = "newsreel/1";

/// True when a document is meant as our format: it has `article` or `latest`,
/// or names itself with `format`.
pub fn detect(root: &Json) -> bool {
    root.get("article").is_some() || root.get("latest").is_some() || root.get("format").is_some()
}

/// Returns the document and whether its ticker order is explicit (it is not:
/// the ticker is sorted newest first).
pub fn decode(root: &Json) -> Result<(NewsDocument, bool), String> {
    if !root.is_object() {
        return Err(cat!("expected an object, found ", root.kind()));
    }
    if let Some(format) = root.get("format") {
        if format.as_str() != Some(FORMAT_V1) {
            return Err(cat!("format ", short(format), " is not supported; this version reads \"", FORMAT_V1, '"'));
        }
    }
    let nodes = Nodes::default();
    let mut warnings = Vec::new();
    let main = match root.get("article") {
        None | Some(Json::Null) => None,
        Some(node) => match article(node, &nodes, "article", &mut warnings) {
            Ok(a) => Some(a),
            Err(why) => {
                warn(&mut warnings, "article", why);
                None
            }
        },
    };
    let mut latest = Vec::new();
    match root.get("latest") {
        None | Some(Json::Null) => {}
        Some(Json::Array(items)) => {
            for (i, node) in items.iter().enumerate() {
                let location = cat!("latest[", i, ']');
                match article(node, &nodes, &location, &mut warnings) {
                    Ok(a) => latest.push(a),
                    Err(why) => warn(&mut warnings, &location, why),
                }
            }
        }
        Some(other) => warn(&mut warnings, "latest", cat!("expected an array, found ", other.kind())),
    }
    let doc = NewsDocument {
        format: Format::Newsreel,
        main,
        latest,
        title: root.get("title").and_then(|t| text(t, &nodes)),
        language: root.get("inLanguage").and_then(|t| text(t, &nodes)),
        found: 0,
        warnings,
    };
    Ok((doc, false))
}

fn short(v: &Json) -> String {
    match v {
        Json::String(s) => cat!('"', super::text::excerpt(s, 30), '"'),
        other => other.kind().into(),
    }
}
