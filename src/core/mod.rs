//! The pure core: data model, JSON parsing, format decoders, dates, text and
//! URL policy. Plain Rust with no web-sys, tested natively with `cargo test`.

use crate::prelude::*;

pub mod build;
pub mod cat;
pub mod dates;
pub mod json;
pub mod lookup;
pub mod jsonfeed;
pub mod jsonld;
pub mod model;
pub mod newsreel_v1;
pub mod normalize;
pub mod sanitize;
pub mod schema;
pub mod text;
pub mod url_policy;

use json::Json;
use model::{Format, NewsDocument};
use cat::cat;

/// Why nothing could be rendered. The message says what and where.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    pub message: String,
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message)
    }
}

impl DecodeError {
    fn new(message: impl Into<String>) -> Self {
        DecodeError { message: message.into() }
    }
}

/// Options the host sets on the element.
#[derive(Debug, Clone, Copy)]
pub struct DecodeOptions<'a> {
    /// Longest ticker (attribute `max-items`).
    pub max_items: usize,
    /// The article for the article view, by id (attribute `article`).
    pub main_id: Option<&'a str>,
}

impl Default for DecodeOptions<'_> {
    fn default() -> Self {
        DecodeOptions { max_items: normalize::DEFAULT_MAX_ITEMS, main_id: None }
    }
}

/// Which format a parsed document is, from its content alone.
pub fn detect(root: &Json) -> Format {
    if jsonfeed::detect(root) {
        Format::JsonFeed
    } else if newsreel_v1::detect(root) {
        Format::Newsreel
    } else {
        Format::JsonLd
    }
}

/// Decodes one JSON text in any supported format.
pub fn decode(text: &str, options: DecodeOptions) -> Result<NewsDocument, DecodeError> {
    decode_blocks(&[text], options)
}

/// Decodes several JSON texts from one page (e.g. every `application/ld+json`
/// block) into one document. A block that fails is reported and skipped; the
/// whole fails only when nothing renderable is left.
///
/// Generic over the text type so that the widget can pass the `String`s it
/// keeps without collecting a list of `&str` first (the wasm holds only that
/// one copy).
pub fn decode_blocks<T: AsRef<str>>(texts: &[T], options: DecodeOptions) -> Result<NewsDocument, DecodeError> {
    let many = texts.len() > 1;
    let place = |i: usize| if many { cat!("block ", i + 1, ": ") } else { String::new() };
    // Each parsed block with its number and format.
    let mut roots = Vec::new();
    let mut failures = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        match json::parse(t.as_ref()) {
            Ok(root) => roots.push((i, detect(&root), root)),
            Err(e) => failures.push(cat!(place(i), e)),
        }
    }
    if roots.is_empty() {
        return Err(DecodeError::new(match failures.len() {
            0 => "no JSON data found".into(),
            _ => text::join(&failures, "; "),
        }));
    }
    let (first, format, first_root) = &roots[0];
    let format = *format;
    let result = match format {
        Format::JsonLd => {
            let mut docs = Vec::new();
            for (_, kind, root) in &roots {
                if *kind == Format::JsonLd {
                    docs.push(root);
                }
            }
            jsonld::decode(&docs)
        }
        Format::JsonFeed => jsonfeed::decode(first_root),
        Format::Newsreel => newsreel_v1::decode(first_root),
    };
    let (mut doc, ordered) = result.map_err(|e| DecodeError::new(cat!(place(*first), e)))?;
    // Blocks the chosen format does not read (JSON-LD reads every JSON-LD
    // block; the other formats read the first block only) are reported.
    for &(i, kind, _) in roots.iter().skip(1) {
        if format != Format::JsonLd || kind != Format::JsonLd {
            failures.push(cat!(place(i), "ignored: a ", kind.name(), " block after the ", format.name(), " block that was read"));
        }
    }
    for f in failures {
        model::warn(&mut doc.warnings, "page", f);
    }
    normalize::finish(&mut doc, ordered, options.max_items, options.main_id);
    if doc.main.is_none() && doc.latest.is_empty() {
        let dropped = doc.warnings.len();
        let where_ = if many { cat!(" in ", texts.len(), ' ', format.name(), " blocks") } else { String::new() };
        let mut message = cat!("no article with a headline found", where_);
        if let Some(first) = doc.warnings.first() {
            message.push_str(&cat!(" (", dropped, " problem", if dropped == 1 { "" } else { "s" }, ": ", first, ')'));
        }
        return Err(DecodeError::new(message));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_the_format_does_not_read_are_reported() {
        let ld = r#"{"@type":"NewsArticle","headline":"A"}"#;
        let feed = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"f","title":"F"}]}"#;
        let doc = decode_blocks(&[ld, feed, ld], DecodeOptions::default()).unwrap();
        let warnings: Vec<String> = doc.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings, ["page: block 2: ignored: a JSON Feed block after the JSON-LD block that was read"]);
        let doc = decode_blocks(&[feed, ld], DecodeOptions::default()).unwrap();
        assert_eq!(doc.latest.len(), 1);
        assert!(doc.warnings[0].message.contains("block 2: ignored: a JSON-LD block after the JSON Feed block"));
    }

    #[test]
    fn broken_blocks_are_skipped_and_reported() {
        let doc = decode_blocks(&["{oops", r#"{"@type":"Article","headline":"Fine"}"#], DecodeOptions::default()).unwrap();
        assert_eq!(doc.main.map(|a| a.headline).as_deref(), Some("Fine"));
        assert!(doc.warnings[0].to_string().starts_with("page: block 1: invalid JSON at line 1, column 2"));
        let err = decode_blocks(&["{oops", "[1,"], DecodeOptions::default()).unwrap_err();
        assert!(err.message.contains("block 1:") && err.message.contains("block 2:"), "{err}");
    }
}
