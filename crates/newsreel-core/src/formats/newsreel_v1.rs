//! newsreel's own format, version 1: one `article` for the article view and a
//! `latest` list for the ticker, each an object with schema.org property names.
//! docs/input.md documents it with a complete example.
//!
//! The document's shape is derived; each article is read with the schema.org
//! readers, except its body, which stays unparsed in the source text
//! (`Body::Deferred`) until the article opens.

use serde::de::MapAccess;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::formats::normalize::Order;
use crate::formats::schema::{self, text, Nodes};
use crate::formats::FormatError;
use crate::input::json::{self, Envelope, Members, Source, Top};
use crate::model::{warn, Article, Body, BodyKind, Format, NewsDocument, Warning};

/// The value of the optional `format` member that names this version.
pub const FORMAT_V1: &str = "newsreel/1";

/// True when a document is meant as our format: it has `article` or `latest`,
/// or names itself with `format`.
pub fn detect(envelope: &Envelope) -> bool {
    envelope.article.is_some() || envelope.latest.is_some() || envelope.format.is_some()
}

/// The members of an article that hold its body, in order of preference:
/// read apart from the rest, so that the body stays in the source text.
#[derive(Default)]
struct Bodies<'a> {
    article_body: Option<&'a RawValue>,
    text: Option<&'a RawValue>,
}

/// The names of the members `Bodies` reads.
const BODY_KEYS: [&str; 2] = ["articleBody", "text"];

impl<'de> Members<'de> for Bodies<'de> {
    fn member<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "articleBody" => self.article_body = map.next_value()?,
            "text" => self.text = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Deserialize<'de> for Bodies<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::members(deserializer)
    }
}

/// Returns the document and its ticker's order, which is newest first: our
/// format gives no order of its own.
pub fn decode<'a>(top: &Top<'a>, source: Source) -> Result<(NewsDocument, Order), FormatError> {
    let document = match top {
        Top::Object(envelope) => envelope,
        Top::Other(value) => return Err(FormatError::NotAnObject { found: json::kind(value) }),
    };
    // `null` too is refused: a document that names a format must name this one.
    if let Some(format) = document.format {
        let format: Value = serde_json::from_str(format.get()).unwrap_or(Value::Null);
        if format.as_str() != Some(FORMAT_V1) {
            return Err(FormatError::UnsupportedFormat { named: short(&format) });
        }
    }
    let given = |raw: Option<&'a RawValue>| raw.filter(|r| r.get() != "null");
    let nodes = Nodes::default();
    let mut warnings = Vec::new();
    let main = given(document.article).and_then(|raw| match article(raw, source, &nodes, "article", &mut warnings) {
        Ok(a) => Some(a),
        Err(why) => {
            warn(&mut warnings, "article", why);
            None
        }
    });
    let mut latest = Vec::new();
    if let Some(list) = given(document.latest) {
        match serde_json::from_str::<Vec<&RawValue>>(list.get()) {
            Ok(items) => {
                for (i, raw) in items.into_iter().enumerate() {
                    let location = format!("latest[{i}]");
                    match article(raw, source, &nodes, &location, &mut warnings) {
                        Ok(a) => latest.push(a),
                        Err(why) => warn(&mut warnings, &location, why),
                    }
                }
            }
            Err(_) => warn(&mut warnings, "latest", format!("expected an array, found {}", json::raw_kind(list))),
        }
    }
    let doc = NewsDocument {
        format: Format::Newsreel,
        main,
        latest,
        title: text(&parsed(document.title), &nodes),
        language: text(&parsed(document.in_language), &nodes),
        found: 0,
        unbuilt: 0,
        warnings,
    };
    Ok((doc, Order::NewestFirst))
}

/// Reads one article object: its body kept as it is in the source (see
/// `body`), every other member parsed for the schema.org readers.
fn article(
    raw: &RawValue,
    source: Source,
    nodes: &Nodes,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Article, String> {
    if !json::is_object(raw) {
        return Err(format!("expected an object, found {}", json::raw_kind(raw)));
    }
    let error = |e: serde_json::Error| source.error(raw, &e).to_string();
    // The rest as one tree (where the last of a repeated member wins), for
    // the schema.org readers; its body members are dropped unread.
    let mut node: Value = serde_json::from_str(raw.get()).map_err(error)?;
    if let Value::Object(members) = &mut node {
        for key in BODY_KEYS {
            members.remove(key);
        }
    }
    let bodies: Bodies = serde_json::from_str(raw.get()).map_err(error)?;
    let body_raw = [bodies.article_body, bodies.text].into_iter().flatten().find(|b| b.get() != "null");
    let mut a = schema::article(&node, nodes, location, warnings)?;
    a.body = body_raw.map_or(Body::None, |raw| body(raw, source, nodes));
    Ok(a)
}

/// A member left unparsed, parsed now (`null` when absent or unreadable).
fn parsed(raw: Option<&RawValue>) -> Value {
    raw.and_then(|r| serde_json::from_str(r.get()).ok()).unwrap_or(Value::Null)
}

/// An article body: a string left in the source text to be read when the
/// article opens, anything else (a list of paragraphs, `{"@value": …}`)
/// read now as schema.org bodies are.
fn body(raw: &RawValue, source: Source, nodes: &Nodes) -> Body {
    if json::is_string(raw) {
        if json::is_blank_string(raw) {
            // As decoding it would: text without a paragraph.
            return Body::Paragraphs(Vec::new());
        }
        if let Some(span) = source.span(raw) {
            return Body::Deferred { block: source.block, span, kind: BodyKind::Detect };
        }
    }
    serde_json::from_str(raw.get()).map_or(Body::None, |value| schema::body(&value, nodes))
}

/// How a message shows the value of `format`: text in quotes, cut short,
/// or what kind of value it is.
fn short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", crate::html::text::excerpt(s, 30)),
        other => json::kind(other).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::bodies::resolve_body;

    fn read(src: &str) -> Result<NewsDocument, String> {
        decode(&json::parse(src).unwrap(), Source { block: 0, text: src })
            .map(|(doc, _)| doc)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn bodies_wait_in_the_source_until_resolved() {
        let src = r#"{"article":{"headline":"H","articleBody":"<p>One</p>","text":"ignored"},
            "latest":[{"headline":"A","text":"One.\n\nTwo."},{"headline":"B","articleBody":null,"text":["x","y"]},
            {"headline":"C","articleBody":"  "}]}"#;
        let doc = read(src).unwrap();
        let main = doc.main.as_ref().unwrap();
        assert!(matches!(main.body, Body::Deferred { block: 0, kind: BodyKind::Detect, .. }));
        assert_eq!(*resolve_body(&main.body, &[src]), Body::Html("<p>One</p>".into()));
        assert_eq!(*resolve_body(&doc.latest[0].body, &[src]), Body::Paragraphs(vec!["One.".into(), "Two.".into()]));
        assert_eq!(doc.latest[1].body, Body::Paragraphs(vec!["x".into(), "y".into()]), "a list is read now");
        assert_eq!(doc.latest[2].body, Body::Paragraphs(vec![]));
    }

    #[test]
    fn problems_say_what_and_where() {
        assert_eq!(
            read(r#"{"format":"newsreel/2"}"#).unwrap_err(),
            "format \"newsreel/2\" is not supported; this version reads \"newsreel/1\""
        );
        assert_eq!(
            read(r#"{"format":null}"#).unwrap_err(),
            "format null is not supported; this version reads \"newsreel/1\""
        );
        let doc = read(r#"{"article":[1],"latest":{"headline":"x"}}"#).unwrap();
        let warnings: Vec<String> = doc.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings,
            ["article: expected an object, found an array", "latest: expected an array, found an object"]
        );
        let doc =
            read(r#"{"latest":[{"headline":"A","headline":"B"}],"latest":[{"headline":"C","url":"u","url":"v"}]}"#)
                .unwrap();
        assert_eq!(
            (doc.latest[0].headline.as_str(), doc.latest[0].url.as_deref()),
            ("C", Some("v")),
            "the last of a repeated member wins"
        );
    }
}
