//! JSON Feed 1.0 / 1.1 (placeholder until the JSON Feed decoder lands).

use super::json::Json;
use super::model::NewsDocument;

/// A JSON Feed names its version with a URL under jsonfeed.org.
pub fn detect(root: &Json) -> bool {
    root.get("version").and_then(Json::as_str).is_some_and(|v| v.starts_with("https://jsonfeed.org/version/"))
}

pub fn decode(_root: &Json) -> Result<(NewsDocument, bool), String> {
    Err("JSON Feed input is not read yet".into())
}
