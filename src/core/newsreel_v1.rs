//! newsreel's own format, version 1: one `article` for the article view and a
//! `latest` list for the ticker, each an object with schema.org property names.
//! The README documents it with a complete example.
//!
//! The document's shape is derived; each article is read with the schema.org
//! readers, except its body, which stays unparsed in the source text
//! (`Body::Deferred`) until the article opens.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::json::{self, from_members, Members, Source, Top};
use super::model::{warn, Article, Body, BodyKind, Format, NewsDocument, Warning};
use super::schema::{self, text, Nodes};

/// The value of the optional `format` member that names this version.
pub const FORMAT_V1: &str = "newsreel/1";

/// The members that hold an article's body, in order of preference.
const BODY_KEYS: [&str; 2] = ["articleBody", "text"];

/// True when a document is meant as our format: it has `article` or `latest`,
/// or names itself with `format`.
pub fn detect(members: &Members) -> bool {
    ["article", "latest", "format"].iter().any(|key| members.contains_key(*key))
}

/// The members of the document object that are read.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Document<'a> {
    /// `null` too must be refused, so its presence is kept.
    #[serde(deserialize_with = "json::present")]
    format: Option<Value>,
    #[serde(borrow)]
    article: Option<&'a RawValue>,
    #[serde(borrow)]
    latest: Option<&'a RawValue>,
    title: Value,
    #[serde(rename = "inLanguage")]
    language: Value,
}

/// Returns the document and whether its ticker order is explicit (it is not:
/// the ticker is sorted newest first).
pub fn decode(top: &Top, source: Source) -> Result<(NewsDocument, bool), String> {
    let members = match top {
        Top::Object(members) => members,
        Top::Other(value) => return Err(format!("expected an object, found {}", json::kind(value))),
    };
    let document: Document = from_members(members).map_err(|e| json::message_of(&e))?;
    if let Some(format) = &document.format {
        if format.as_str() != Some(FORMAT_V1) {
            return Err(format!("format {} is not supported; this version reads \"{FORMAT_V1}\"", short(format)));
        }
    }
    let nodes = Nodes::default();
    let mut warnings = Vec::new();
    let main = document.article.and_then(|raw| match article(raw, source, &nodes, "article", &mut warnings) {
        Ok(a) => Some(a),
        Err(why) => {
            warn(&mut warnings, "article", why);
            None
        }
    });
    let mut latest = Vec::new();
    if let Some(list) = document.latest {
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
        title: text(&document.title, &nodes),
        language: text(&document.language, &nodes),
        found: 0,
        unbuilt: 0,
        warnings,
    };
    Ok((doc, false))
}

/// Reads one article object: its body kept as it is in the source (see
/// `body`), every other member parsed for the schema.org readers.
fn article(raw: &RawValue, source: Source, nodes: &Nodes, location: &str, warnings: &mut Vec<Warning>) -> Result<Article, String> {
    if !json::is_object(raw) {
        return Err(format!("expected an object, found {}", json::raw_kind(raw)));
    }
    let error = |e: serde_json::Error| source.error(raw, &e).to_string();
    let mut members: Members = serde_json::from_str(raw.get()).map_err(error)?;
    let body_raw = BODY_KEYS.iter().filter_map(|key| members.get(*key)).copied().find(|b| b.get() != "null");
    members.retain(|key, _| !BODY_KEYS.contains(&key.as_str()));
    let mut fields = Map::new();
    for (key, value) in members {
        // Each member parsed on its own: its errors (only nesting past the
        // limit, as the syntax was checked) are placed in the whole text.
        let parsed = serde_json::from_str(value.get()).map_err(|e| source.error(value, &e).to_string())?;
        fields.insert(key, parsed);
    }
    let mut a = schema::article(&Value::Object(fields), nodes, location, warnings)?;
    a.body = body_raw.map_or(Body::None, |raw| body(raw, source, nodes));
    Ok(a)
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

fn short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", super::text::excerpt(s, 30)),
        other => json::kind(other).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &str) -> Result<NewsDocument, String> {
        decode(&json::parse(src).unwrap(), Source { block: 0, text: src }).map(|(doc, _)| doc)
    }

    #[test]
    fn bodies_wait_in_the_source_until_resolved() {
        let src = r#"{"article":{"headline":"H","articleBody":"<p>One</p>","text":"ignored"},
            "latest":[{"headline":"A","text":"One.\n\nTwo."},{"headline":"B","articleBody":null,"text":["x","y"]},
            {"headline":"C","articleBody":"  "}]}"#;
        let doc = read(src).unwrap();
        let main = doc.main.as_ref().unwrap();
        assert!(matches!(main.body, Body::Deferred { block: 0, kind: BodyKind::Detect, .. }));
        assert_eq!(*main.body.resolve(&[src]), Body::Html("<p>One</p>".into()));
        assert_eq!(*doc.latest[0].body.resolve(&[src]), Body::Paragraphs(vec!["One.".into(), "Two.".into()]));
        assert_eq!(doc.latest[1].body, Body::Paragraphs(vec!["x".into(), "y".into()]), "a list is read now");
        assert_eq!(doc.latest[2].body, Body::Paragraphs(vec![]));
    }

    #[test]
    fn problems_say_what_and_where() {
        assert_eq!(read(r#"{"format":"newsreel/2"}"#).unwrap_err(), "format \"newsreel/2\" is not supported; this version reads \"newsreel/1\"");
        assert_eq!(read(r#"{"format":null}"#).unwrap_err(), "format null is not supported; this version reads \"newsreel/1\"");
        let doc = read(r#"{"article":[1],"latest":{"headline":"x"}}"#).unwrap();
        let warnings: Vec<String> = doc.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings, ["article: expected an object, found an array", "latest: expected an array, found an object"]);
        let doc = read(r#"{"latest":[{"headline":"A","headline":"B"}],"latest":[{"headline":"C","url":"u","url":"v"}]}"#).unwrap();
        assert_eq!((doc.latest[0].headline.as_str(), doc.latest[0].url.as_deref()), ("C", Some("v")), "the last of a repeated member wins");
    }
}
