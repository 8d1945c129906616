//! schema.org JSON-LD (placeholder until the JSON-LD decoder lands).

use super::json::Json;
use super::model::NewsDocument;

pub fn decode(_docs: &[&Json]) -> Result<(NewsDocument, bool), String> {
    Err("JSON-LD input is not read yet".into())
}
