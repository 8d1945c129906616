//! Reading schema.org-named properties, whatever shape they arrive in.
//!
//! Our own format uses schema.org names, so the same readers serve it and
//! JSON-LD. Real data gives a property as a string, an object, an array of
//! either, `{"@value": …}`, `{"@list": […]}`, or an `{"@id": …}` reference to
//! another node of the graph; every reader here accepts all of these.

use std::cell::Cell;
use std::collections::BTreeMap;

use serde_json::Value;

use crate::dates::{parse_date, DateValue};
use crate::formats::bodies;
use crate::html::text::{clean_line, looks_like_html, paragraphs};
use crate::input::json::{kind, MAX_INPUT_BYTES};
use crate::model::{warn, Article, Body, BodyKind, Image, Warning};

/// Arrays and `@list`s longer than this are read only this far: a headline
/// needs one name, not a million.
const MAX_VALUES: usize = 64;

/// How much text, in bytes, all references together may lead to. Following a
/// reference re-reads the node it names, so a hostile graph that points
/// thousands of references at one huge node would make a small page cost
/// minutes; real graphs follow a tiny fraction of this.
const MAX_FOLLOWED_BYTES: usize = 2 * MAX_INPUT_BYTES;

/// The nodes of a JSON-LD graph by `@id`, for resolving references.
/// Empty for formats without references.
#[derive(Default)]
pub struct Nodes<'a> {
    // A B-tree map: a hostile page may hold many thousands of ids, every
    // reference is looked up, and the page chooses the ids, so lookups must
    // stay O(log n) whatever they are (no unkeyed hashing).
    by_id: BTreeMap<&'a str, &'a Value>,
    /// Bytes of the nodes followed so far (see `MAX_FOLLOWED_BYTES`).
    followed: Cell<usize>,
}

impl<'a> Nodes<'a> {
    pub fn insert(&mut self, id: &'a str, node: &'a Value) {
        // The first full node with an id wins; later bare references do not replace it.
        self.by_id.entry(id).or_insert(node);
    }

    pub fn get(&self, id: &str) -> Option<&'a Value> {
        self.by_id.get(id).copied()
    }

    /// Follows `{"@id": "…"}` to the node it names, when the graph holds it
    /// and the budget of followed bytes allows.
    pub fn resolve(&self, value: &'a Value) -> &'a Value {
        if is_reference(value) {
            if let Some(node) = value.get("@id").and_then(Value::as_str).and_then(|id| self.get(id)) {
                let left = MAX_FOLLOWED_BYTES - self.followed.get();
                let mut size = 0;
                weigh(node, &mut size, left);
                if size <= left {
                    self.followed.set(self.followed.get() + size);
                    return node;
                }
                // Spent: later references stay unresolved, and weighing stops at once.
                self.followed.set(MAX_FOLLOWED_BYTES);
            }
        }
        value
    }
}

/// `{"@id": …}` with nothing else but a type: a pointer to a node elsewhere.
pub fn is_reference(node: &Value) -> bool {
    node.as_object()
        .is_some_and(|members| members.contains_key("@id") && members.keys().all(|k| k == "@id" || k == "@type"))
}

/// Adds a value's size in bytes (its text, plus a little per value) to
/// `total`, stopping once it passes `limit`, so weighing costs no more than
/// the budget it checks.
fn weigh(value: &Value, total: &mut usize, limit: usize) {
    *total += 8;
    match value {
        Value::String(s) => *total += s.len(),
        Value::Array(items) => {
            for item in items {
                if *total > limit {
                    return;
                }
                weigh(item, total, limit);
            }
        }
        Value::Object(members) => {
            for (key, item) in members {
                if *total > limit {
                    return;
                }
                *total += key.len();
                weigh(item, total, limit);
            }
        }
        _ => {}
    }
}

/// Unwraps `{"@value": x}` and `{"@list": [...]}` one level.
fn unwrap_value(value: &Value) -> &Value {
    value.get("@value").or_else(|| value.get("@list")).unwrap_or(value)
}

/// The values of a property that may hold one value or many, flattened.
fn each<'a>(value: &'a Value, nodes: &Nodes<'a>) -> Vec<&'a Value> {
    let value = unwrap_value(nodes.resolve(value));
    let Value::Array(items) = value else { return vec![value] };
    let mut out = Vec::new();
    for item in items.iter().take(MAX_VALUES) {
        match unwrap_value(nodes.resolve(item)) {
            // One more level: `[{"@list": [...]}]` and `[[...]]` are found in the wild.
            Value::Array(inner) => out.extend(inner.iter().take(MAX_VALUES).map(|i| nodes.resolve(i))),
            other => out.push(other),
        }
    }
    out
}

/// The first non-empty text of a property, cleaned for display.
pub fn text(value: &Value, nodes: &Nodes) -> Option<String> {
    each(value, nodes).into_iter().find_map(|v| match v {
        Value::String(s) => Some(clean_line(s)).filter(|s| !s.is_empty()),
        Value::Number(n) => n.as_f64().and_then(number_text),
        _ => None,
    })
}

/// A number used as text (`"identifier": 12345`): whole numbers below 10^15
/// only, which is what ids and such are; a fraction or a huge number is more
/// likely a wrong field than a name.
fn number_text(n: f64) -> Option<String> {
    (n.abs() < 1e15 && n.fract() == 0.0).then(|| (n as i64).to_string())
}

/// A number written as text (`"1200"`, `" 3 "`, `"2.5e2"`), with JSON's
/// grammar for numbers; `None` unless the whole text is one finite number.
pub fn number_from_text(text: &str) -> Option<f64> {
    serde_json::from_str::<f64>(text.trim()).ok().filter(|n| n.is_finite())
}

/// A name from a string, a Person/Organization (`name`, or `givenName` +
/// `familyName`), or a `{"@value"}`.
fn name_of(value: &Value, nodes: &Nodes) -> Option<String> {
    match value {
        Value::String(s) => Some(clean_line(s)).filter(|s| !s.is_empty()),
        Value::Object(_) => {
            if let Some(name) = value.get("name").and_then(|n| text(n, nodes)) {
                return Some(name);
            }
            let given = value.get("givenName").and_then(|n| text(n, nodes));
            let family = value.get("familyName").and_then(|n| text(n, nodes));
            match (given, family) {
                (Some(g), Some(f)) => Some(format!("{g} {f}")),
                (g, f) => g.or(f),
            }
        }
        _ => None,
    }
}

/// Every name a property gives (authors, in order, each once).
pub fn names(value: &Value, nodes: &Nodes) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in each(value, nodes).into_iter().filter_map(|v| name_of(v, nodes)) {
        // At most `MAX_VALUES` names, so a list scan is cheap.
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A URL from a string, or an object's `url`, or its `@id`.
pub fn url(value: &Value, nodes: &Nodes) -> Option<String> {
    each(value, nodes).into_iter().find_map(|v| match v {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()).map(String::from),
        Value::Object(_) => v
            .get("url")
            .and_then(|u| url(u, nodes))
            .or_else(|| v.get("@id").and_then(Value::as_str).map(|s| s.trim().into())),
        _ => None,
    })
}

/// A pixel size from `1200`, `"1200"`, `"1200px"`, or `{"value": 1200}` (QuantitativeValue).
fn pixels(value: &Value) -> Option<u32> {
    let value = unwrap_value(value);
    let n = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => number_from_text(s.strip_suffix("px").unwrap_or(s))?,
        Value::Object(_) => return value.get("value").and_then(pixels),
        _ => return None,
    };
    (1.0..=100_000.0).contains(&n).then_some(n as u32)
}

/// An image from a URL string, an `ImageObject` (`url`/`contentUrl`, `width`,
/// `height`, `caption`), or the first usable one of an array.
pub fn image(value: &Value, nodes: &Nodes) -> Option<Image> {
    for v in each(value, nodes) {
        let src = match v {
            Value::String(s) => Some(String::from(s.trim())),
            Value::Object(_) => v.get("url").or_else(|| v.get("contentUrl")).and_then(|u| url(u, nodes)),
            _ => None,
        };
        let Some(src) = src.filter(|u| !u.is_empty()) else { continue };
        let alt = ["alt", "caption", "name"].iter().find_map(|k| v.get(k).and_then(|t| text(t, nodes)));
        return Some(Image {
            url: src,
            alt,
            width: v.get("width").and_then(pixels),
            height: v.get("height").and_then(pixels),
        });
    }
    None
}

/// A body from text (paragraphs at blank lines), HTML, or a list of paragraphs.
pub fn body(value: &Value, nodes: &Nodes) -> Body {
    match unwrap_value(value) {
        Value::String(s) => bodies::from_text(BodyKind::Detect, s.clone()),
        Value::Array(items) => {
            let texts: Vec<&str> = items.iter().filter_map(|item| unwrap_value(item).as_str()).collect();
            if texts.iter().any(|t| looks_like_html(t)) {
                Body::Html(texts.iter().map(|t| format!("<p>{t}</p>")).collect())
            } else {
                Body::Paragraphs(texts.iter().flat_map(|t| paragraphs(t)).collect())
            }
        }
        other => text(other, nodes).map_or(Body::None, |t| Body::Paragraphs(vec![t])),
    }
}

/// A date property: parsed, or a warning that says what was there.
pub fn date(
    value: &Value,
    nodes: &Nodes,
    field: &str,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Option<DateValue> {
    let raw = match text(value, nodes) {
        Some(raw) => raw,
        None => {
            warn(warnings, location, format!("{field} is {}, not a date", kind(unwrap_value(value))));
            return None;
        }
    };
    let parsed = parse_date(&raw);
    if parsed.is_none() {
        warn(warnings, location, format!("{field} \"{}\" is not a date", crate::html::text::excerpt(&raw, 40)));
    }
    parsed
}

/// Keywords as a list: `"a, b"` or `["a", "b"]`.
pub fn keywords(value: &Value, nodes: &Nodes) -> Vec<String> {
    let mut out = Vec::new();
    for v in each(value, nodes) {
        let item = match v {
            Value::String(s) => std::borrow::Cow::Borrowed(s.as_str()),
            Value::Object(_) => match name_of(v, nodes) {
                Some(n) => std::borrow::Cow::Owned(n),
                None => continue,
            },
            _ => continue,
        };
        for word in item.split(',') {
            let word = clean_line(word);
            if word.is_empty() {
                continue;
            }
            // Capped like every list here: one long "a,b,c,…" string would
            // otherwise make the duplicate check quadratic.
            if out.len() == MAX_VALUES {
                return out;
            }
            if !out.contains(&word) {
                out.push(word);
            }
        }
    }
    out
}

/// One object of an article read in layers (see `article_in_layers`).
#[derive(Clone, Copy)]
pub struct Layer<'a> {
    pub node: &'a Value,
    /// A JSON-LD `ListItem`: its own `@id`, `@type`, `item` and `position`
    /// name the list entry, not the article, and are not read.
    pub list_item: bool,
}

impl<'a> Layer<'a> {
    pub fn of(node: &'a Value) -> Self {
        Layer { node, list_item: false }
    }
}

/// A member of layered objects: from the last layer that has it.
pub fn layered<'a>(layers: &[Layer<'a>], key: &str) -> Option<&'a Value> {
    let names_the_entry = matches!(key, "@id" | "@type" | "item" | "position");
    layers.iter().rev().filter(|layer| !(layer.list_item && names_the_entry)).find_map(|layer| layer.node.get(key))
}

/// The first property of `keys` that the layers have, not null, with its name.
fn layered_first<'a>(layers: &[Layer<'a>], keys: &[&'static str]) -> Option<(&'static str, &'a Value)> {
    keys.iter().find_map(|k| layered(layers, k).filter(|v| !v.is_null()).map(|v| (*k, v)))
}

/// Reads an article from a schema.org-named object. `Err` says why it has no
/// usable headline; field problems become warnings and the field is left out.
pub fn article(node: &Value, nodes: &Nodes, location: &str, warnings: &mut Vec<Warning>) -> Result<Article, String> {
    if !node.is_object() {
        return Err(format!("expected an object, found {}", kind(node)));
    }
    article_in_layers(&[Layer::of(node)], nodes, location, warnings)
}

/// `article` of several objects read as one, later ones winning (a JSON-LD
/// list entry: its `ListItem`, the inline item, the node it refers to).
pub fn article_in_layers(
    layers: &[Layer],
    nodes: &Nodes,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Article, String> {
    let first_of = |keys: &[&'static str]| layered_first(layers, keys).map(|(_, v)| v);
    let headline = first_of(&["headline", "name", "alternativeHeadline", "title"])
        .and_then(|v| text(v, nodes))
        .ok_or_else(|| String::from("has no headline"))?;
    let url = first_of(&["url", "mainEntityOfPage"]).and_then(|v| url(v, nodes));
    let id =
        first_of(&["@id", "identifier", "id"]).and_then(|v| text(v, nodes)).or_else(|| url.clone()).unwrap_or_default();
    let date_of = |keys: &[&'static str], warnings: &mut Vec<Warning>| {
        layered_first(layers, keys).and_then(|(k, v)| date(v, nodes, k, location, warnings))
    };
    let date_published = date_of(&["datePublished", "dateCreated"], warnings);
    let date_modified = date_of(&["dateModified"], warnings);
    let summary = first_of(&["description", "abstract"]).and_then(|v| text(v, nodes));
    let body = first_of(&["articleBody", "text"]).map_or(Body::None, |v| body(v, nodes));
    let language = first_of(&["inLanguage", "language"]).and_then(|v| {
        let v = nodes.resolve(v);
        // A Language node: its name.
        text(v, nodes)
            .or_else(|| layered_first(&[Layer::of(v)], &["alternateName", "name"]).and_then(|(_, n)| text(n, nodes)))
    });
    Ok(Article {
        id,
        headline,
        url,
        date_published,
        date_modified,
        authors: first_of(&["author", "creator"]).map_or_else(Vec::new, |v| names(v, nodes)),
        publisher: layered(layers, "publisher").and_then(|v| names(v, nodes).into_iter().next()),
        image: first_of(&["image", "thumbnailUrl"]).and_then(|v| image(v, nodes)),
        summary,
        body,
        language,
        tags: layered(layers, "keywords").map_or_else(Vec::new, |v| keywords(v, nodes)),
        // Data on the page: its relative URLs are the page's.
        body_base: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> serde_json::Result<Value> {
        serde_json::from_str(src)
    }

    fn read(src: &str) -> (Result<Article, String>, Vec<Warning>) {
        let json = parse(src).unwrap();
        let mut warnings = Vec::new();
        let a = article(&json, &Nodes::default(), "article", &mut warnings);
        (a, warnings)
    }

    #[test]
    fn reads_every_field_in_its_plain_form() {
        let (a, w) = read(
            r#"{"id":"a1","headline":"Tom &amp; Jerry","url":"https://x.test/a","datePublished":"2026-01-15",
                "author":"Ann Lee","publisher":"Daily","image":"https://x.test/i.jpg","description":"Sum",
                "articleBody":"P1.\n\nP2.","inLanguage":"en","keywords":"a, b"}"#,
        );
        let a = a.unwrap();
        assert!(w.is_empty());
        assert_eq!(a.id, "a1");
        assert_eq!(a.headline, "Tom & Jerry");
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.date_published.unwrap().to_iso(), "2026-01-15");
        assert_eq!(a.authors, vec!["Ann Lee"]);
        assert_eq!(a.publisher.as_deref(), Some("Daily"));
        assert_eq!(a.image.unwrap().url, "https://x.test/i.jpg");
        assert_eq!(a.body, Body::Paragraphs(vec!["P1.".into(), "P2.".into()]));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.tags, vec!["a", "b"]);
    }

    #[test]
    fn reads_object_and_array_shapes() {
        let (a, _) = read(
            r#"{"name":{"@value":"Named"},"author":[{"@type":"Person","name":"A"},"B",{"givenName":"C","familyName":"D"},"A"],
                "image":[{"@type":"ImageObject","contentUrl":"https://x.test/c.jpg","width":"800","height":{"@type":"QuantitativeValue","value":600},"caption":"Cap"}],
                "publisher":{"@type":"Organization","name":"Org"},"articleBody":["One","Two"],
                "mainEntityOfPage":{"@id":"https://x.test/page"}}"#,
        );
        let a = a.unwrap();
        assert_eq!(a.headline, "Named");
        assert_eq!(a.authors, vec!["A", "B", "C D"]);
        let img = a.image.unwrap();
        assert_eq!(
            (img.url.as_str(), img.width, img.height, img.alt.as_deref()),
            ("https://x.test/c.jpg", Some(800), Some(600), Some("Cap"))
        );
        assert_eq!(a.publisher.as_deref(), Some("Org"));
        assert_eq!(a.body, Body::Paragraphs(vec!["One".into(), "Two".into()]));
        assert_eq!(a.url.as_deref(), Some("https://x.test/page"));
        assert_eq!(a.id, "https://x.test/page", "the URL stands in for a missing id");
    }

    #[test]
    fn html_body_is_kept_as_html() {
        let (a, _) = read(r#"{"headline":"H","articleBody":"<p>One</p><p>Two</p>"}"#);
        assert_eq!(a.unwrap().body, Body::Html("<p>One</p><p>Two</p>".into()));
    }

    #[test]
    fn bad_fields_warn_and_are_left_out() {
        let (a, w) =
            read(r#"{"headline":"H","datePublished":"yesterday","dateModified":42,"image":17,"author":{"x":1}}"#);
        let a = a.unwrap();
        assert_eq!(a.date_published, None);
        assert_eq!(a.image, None);
        assert!(a.authors.is_empty());
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].to_string(), "article: datePublished \"yesterday\" is not a date");
        assert_eq!(w[1].to_string(), "article: dateModified \"42\" is not a date");
    }

    #[test]
    fn missing_headline_is_a_reason() {
        assert_eq!(read(r#"{"url":"x"}"#).0.unwrap_err(), "has no headline");
        assert_eq!(read(r#"{"headline":"   "}"#).0.unwrap_err(), "has no headline");
        assert_eq!(read(r#"["x"]"#).0.unwrap_err(), "expected an object, found an array");
    }

    #[test]
    fn references_stop_resolving_when_the_budget_is_spent() {
        let big = "word ".repeat(100_000);
        let refs = vec![r##"{"@id":"#big"}"##; 1000].join(",");
        let graph =
            parse(&format!(r##"[{{"@id":"#big","name":"{big}"}},{{"@id":"#small","name":"Small"}}]"##)).unwrap();
        let refs = parse(&format!("[{refs}]")).unwrap();
        let small = parse(r##"{"@id":"#small"}"##).unwrap();
        let mut nodes = Nodes::default();
        for node in graph.as_array().unwrap() {
            nodes.insert(node.get("@id").and_then(Value::as_str).unwrap(), node);
        }
        let followed = refs.as_array().unwrap().iter().filter(|r| !std::ptr::eq(nodes.resolve(r), *r)).count();
        assert!(followed > 10 && followed < 1000, "followed {followed} of 1000");
        assert!(std::ptr::eq(nodes.resolve(&small), &small), "once spent, nothing more is followed");
        assert!(std::ptr::eq(Nodes::default().resolve(&small), &small));
    }

    #[test]
    fn reads_numbers_in_text() {
        assert_eq!(number_from_text(" 1200 "), Some(1200.0));
        assert_eq!(number_from_text("2.5e2"), Some(250.0));
        assert_eq!(number_from_text("-3"), Some(-3.0));
        for bad in ["", "12px", "1.", "abc", "1 2", "+1", "1e400", "NaN", "\"1\"", "null"] {
            assert_eq!(number_from_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn keywords_are_capped() {
        let many: Vec<String> = (0..1000).map(|i| format!("k{i}")).collect();
        let (a, _) = read(&format!(r#"{{"headline":"H","keywords":"{}"}}"#, many.join(",")));
        assert_eq!(a.unwrap().tags.len(), MAX_VALUES);
    }

    #[test]
    fn resolves_references() {
        let graph =
            parse(r##"[{"@id":"#p","@type":"Person","name":"Resolved"},{"headline":"H","author":{"@id":"#p"}}]"##)
                .unwrap();
        let items = graph.as_array().unwrap();
        let mut nodes = Nodes::default();
        nodes.insert("#p", &items[0]);
        let a = article(&items[1], &nodes, "x", &mut Vec::new()).unwrap();
        assert_eq!(a.authors, vec!["Resolved"]);
    }
}
