//! Which URLs from the data may become an `href` or a `src`.
//!
//! The check mirrors what the browser's URL parser will do with the string, so
//! that what we inspect is what the browser would load: entities decoded (the
//! data may have been HTML-escaped), C0 controls and spaces trimmed from the
//! ends, tabs and newlines removed everywhere, the scheme compared without case.
//! Relative URLs are allowed; the browser resolves them against the page's base.

use super::text::decode_entities;

/// What a URL is for; each use has its own scheme allowlist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// `<a href>`: http, https, mailto.
    Link,
    /// `<img src>`: http, https.
    Image,
}

impl UrlUse {
    fn allows(self, scheme: &str) -> bool {
        match self {
            UrlUse::Link => matches!(scheme, "http" | "https" | "mailto"),
            UrlUse::Image => matches!(scheme, "http" | "https"),
        }
    }
}

/// The URL as the browser's parser would see it: entities decoded, leading and
/// trailing C0 controls and spaces removed, ASCII tab and newlines removed.
pub fn normalise(raw: &str) -> String {
    let decoded = decode_entities(raw);
    let trimmed = decoded.trim_matches(|c: char| c <= ' ');
    trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// The scheme of a URL, lower-cased, or `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    // A '/', '?' or '#' before the colon makes it a path, not a scheme.
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some(candidate.to_ascii_lowercase())
}

/// The URL to put in the DOM, or `None` when it must be dropped. For URLs from
/// JSON data, which may arrive HTML-escaped (`&amp;`), so entities are decoded.
pub fn allowed(raw: &str, usage: UrlUse) -> Option<String> {
    check(normalise(raw), usage)
}

/// The same policy for an attribute value that an HTML parser has already
/// entity-decoded: decoding it again would change a legitimate `&amp;`, so the
/// value is kept as it is, but it must also pass once decoded (no double-encoded
/// scheme slips through).
pub fn allowed_parsed(value: &str, usage: UrlUse) -> Option<String> {
    allowed(value, usage)?;
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    check(trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect(), usage)
}

fn check(url: String, usage: UrlUse) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    // Any other control character left inside is not something a real link has.
    if url.chars().any(|c| c.is_control()) {
        return None;
    }
    // A colon with something unusual before it (`java\u{0}script:`, `jav&#x09;ascript:`
    // after decoding) might still be read as a scheme by some parser: refuse
    // anything that has a colon before its first '/', '?' or '#' unless it is an
    // allowed scheme.
    let head_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    let has_colon_in_head = url[..head_end].contains(':');
    match scheme(&url) {
        Some(s) if usage.allows(&s) => Some(url),
        Some(_) => None,
        None if has_colon_in_head => None,
        None => Some(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_links_relative_urls_and_mail() {
        for ok in ["https://example.test/a?b#c", "HTTP://EXAMPLE.TEST", "/news/1", "news/1", "?page=2", "#top", "//cdn.test/x", "mailto:desk@example.test"] {
            assert!(allowed(ok, UrlUse::Link).is_some(), "{ok}");
        }
        assert_eq!(allowed("  https://x.test/\n", UrlUse::Link).as_deref(), Some("https://x.test/"));
        assert_eq!(allowed("https://x.test/a?x=1&amp;y=2", UrlUse::Link).as_deref(), Some("https://x.test/a?x=1&y=2"));
    }

    #[test]
    fn refuses_script_and_local_schemes_in_every_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "&#106;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java\u{0}script:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "blob:https://x.test/uuid",
            "file:///etc/passwd",
            "ftp://x.test/",
            "",
            "   ",
        ] {
            assert_eq!(allowed(bad, UrlUse::Link), None, "{bad:?}");
        }
    }

    #[test]
    fn parsed_values_keep_their_text_but_pass_both_ways() {
        assert_eq!(allowed_parsed("/a?x=1&amp;y=2", UrlUse::Link).as_deref(), Some("/a?x=1&amp;y=2"));
        assert_eq!(allowed_parsed("javascript&colon;alert(1)", UrlUse::Link), None);
        assert_eq!(allowed_parsed(" java\tscript:x", UrlUse::Link), None);
    }

    #[test]
    fn images_are_web_only() {
        assert!(allowed("https://x.test/i.jpg", UrlUse::Image).is_some());
        assert!(allowed("/i.jpg", UrlUse::Image).is_some());
        assert_eq!(allowed("mailto:a@b.test", UrlUse::Image), None);
        assert_eq!(allowed("data:image/png;base64,AAAA", UrlUse::Image), None);
    }
}
