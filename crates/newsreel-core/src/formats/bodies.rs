//! Article bodies as the decoders make them: what a body's text is by its
//! kind, and a deferred body (`Body::Deferred`) decoded from its source text
//! when its article opens.

use std::borrow::Cow;

use crate::html::text::{looks_like_html, paragraphs};
use crate::input::json::repair_lone_surrogates;
use crate::model::{Body, BodyKind};

/// The body a decoded text of this kind makes.
pub fn from_text(kind: BodyKind, text: String) -> Body {
    match kind {
        BodyKind::Html => Body::Html(text),
        BodyKind::Detect if looks_like_html(&text) => Body::Html(text),
        BodyKind::Plain | BodyKind::Detect => Body::Paragraphs(paragraphs(&text)),
    }
}

/// A body ready to render: a deferred one decoded from `sources` (the texts
/// the document was decoded from, in the same order), as `Body::Html` or
/// `Body::Paragraphs` exactly as decoding it at once would have made it; any
/// other body as it is. A deferred body that cannot be read (other sources)
/// gives `Body::None`.
pub fn resolve_body<'a, S: AsRef<str>>(body: &'a Body, sources: &[S]) -> Cow<'a, Body> {
    let Body::Deferred { block, span, kind } = body else { return Cow::Borrowed(body) };
    let decoded = sources.get(*block).and_then(|source| source.as_ref().get(span.clone())).and_then(|literal| {
        // The decoder read a repaired copy of the text (see
        // `repair_lone_surrogates`); the literal is repaired the same way.
        serde_json::from_str::<String>(&repair_lone_surrogates(literal)).ok()
    });
    Cow::Owned(decoded.map_or(Body::None, |text| from_text(*kind, text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deferred_bodies_resolve_against_their_sources() {
        let sources = ["x", r#"{"b": "<p>Hi</p>", "c": "One\n\nTwo", "d": "\ud800!"}"#];
        let at = |needle: &str| {
            let start = sources[1].find(needle).unwrap();
            start..start + needle.len()
        };
        let body = |span, kind| Body::Deferred { block: 1, span, kind };
        let html = body(at(r#""<p>Hi</p>""#), BodyKind::Html);
        assert_eq!(*resolve_body(&html, &sources), Body::Html("<p>Hi</p>".into()));
        let detect = body(at(r#""<p>Hi</p>""#), BodyKind::Detect);
        assert_eq!(*resolve_body(&detect, &sources), Body::Html("<p>Hi</p>".into()));
        let plain = body(at(r#""One\n\nTwo""#), BodyKind::Plain);
        assert_eq!(*resolve_body(&plain, &sources), Body::Paragraphs(vec!["One".into(), "Two".into()]));
        let lone = body(at(r#""\ud800!""#), BodyKind::Detect);
        assert_eq!(*resolve_body(&lone, &sources), Body::Paragraphs(vec!["\u{fffd}!".into()]));
        // Other texts, or none: nothing to show, and no panic.
        for (sources, span) in
            [(&["", ""][..], 0..5), (&sources[..], 1..3), (&sources[..1], 0..1), (&["\"é\""][..], 0..2)]
        {
            let deferred = Body::Deferred { block: 1.min(sources.len().saturating_sub(1)), span, kind: BodyKind::Html };
            assert_eq!(*resolve_body(&deferred, sources), Body::None);
        }
        let eager = Body::Html("x".into());
        assert!(matches!(resolve_body(&eager, &sources), Cow::Borrowed(_)));
    }
}
