//! Which URLs from the data may become an `href` or a `src`.
//!
//! The check mirrors what the browser's URL parser will do with the string, so
//! that what we inspect is what the browser would load: entities decoded (the
//! data may have been HTML-escaped), C0 controls and spaces trimmed from the
//! ends, tabs and newlines removed everywhere, the scheme compared without case.
//! Relative URLs are allowed; the browser resolves them against the page's base.

use crate::html::text::decode_entities;

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
    as_url_parser_reads(&decode_entities(raw))
}

/// Leading and trailing C0 controls and spaces removed, ASCII tab and
/// newlines removed anywhere, as the URL parser does before reading a URL.
pub fn as_url_parser_reads(value: &str) -> String {
    value.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// The scheme of a URL, lower-cased, or `None` for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let (candidate, _) = url.split_once(':')?;
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
    check(as_url_parser_reads(value), usage)
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
        for ok in [
            "https://example.test/a?b#c",
            "HTTP://EXAMPLE.TEST",
            "/news/1",
            "news/1",
            "?page=2",
            "#top",
            "//cdn.test/x",
            "mailto:desk@example.test",
        ] {
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
    fn every_leading_control_or_space_is_stripped_before_the_scheme_check() {
        for c in (0u8..=0x20).map(char::from) {
            let bad = format!("{c}{c}javascript:alert(1)");
            assert_eq!(allowed(&bad, UrlUse::Link), None, "{bad:?}");
            let good = format!("{c}https://x.test/{c}");
            assert_eq!(allowed(&good, UrlUse::Link).as_deref(), Some("https://x.test/"), "{good:?}");
        }
    }

    #[test]
    fn tabs_and_newlines_inside_are_removed_as_the_browser_removes_them() {
        assert_eq!(allowed("ht\ttps://x.test/a\nb", UrlUse::Link).as_deref(), Some("https://x.test/ab"));
        assert_eq!(allowed("java\r\nscript:alert(1)", UrlUse::Link), None);
        assert_eq!(allowed("j\ta\nv\ra\tscript:alert(1)", UrlUse::Image), None);
        assert_eq!(allowed("javascript\t:alert(1)", UrlUse::Link), None);
    }

    #[test]
    fn entity_encoded_schemes_are_refused() {
        for bad in [
            "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#0000106;avascript:alert(1)",
            "&#x0006A;avascript:alert(1)",
            "javascript&#58;alert(1)",
            "javascript&#x3a;alert(1)",
            "java&Tab;script:alert(1)",
            "java&NewLine;script:alert(1)",
            "&#1;javascript:alert(1)",
            "&#32;javascript:alert(1)",
            "&#x0;javascript:alert(1)",
        ] {
            assert_eq!(allowed(bad, UrlUse::Link), None, "{bad:?}");
            assert_eq!(allowed_parsed(bad, UrlUse::Link), None, "parsed {bad:?}");
        }
        // A reference without its ';' is not decoded: `setAttribute` never
        // decodes either, so the browser reads these as relative URLs whose
        // '#' starts a fragment, which is harmless.
        // Entities are decoded once, so a double-encoded one reads the same way.
        for inert in ["&#106avascript:alert(1)", "javascript&#0000058alert(1)", "&amp;#106;avascript:alert(1)"] {
            let kept = allowed(inert, UrlUse::Link).expect(inert);
            assert_eq!(scheme_the_browser_reads(&kept), None, "{inert:?}");
        }
    }

    #[test]
    fn look_alike_and_unusual_schemes_are_refused() {
        for bad in [
            "ｊａｖａｓｃｒｉｐｔ:alert(1)",
            "javaſcript:alert(1)",
            "\u{a0}javascript:alert(1)",
            "\u{200b}javascript:alert(1)",
            "java\u{0}script:alert(1)",
            "javascript\u{85}:alert(1)",
            "%6Aavascript:alert(1)",
            "\\\\javascript:alert(1)",
            "-javascript:alert(1)",
            "1javascript:alert(1)",
            "livescript:alert(1)",
            "VBScript:msgbox(1)",
            "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "Blob:https://x.test/uuid",
            "FILE:///c:/windows",
            "jar:https://x.test/a.jar!/",
            "view-source:https://x.test/",
            "intent://x#Intent;end",
            "chrome://settings",
            "ms-its:mhtml:file://c:/x",
            "x-javascript:alert(1)",
            "javascript:",
        ] {
            assert_eq!(allowed(bad, UrlUse::Link), None, "{bad:?}");
            assert_eq!(allowed(bad, UrlUse::Image), None, "image {bad:?}");
        }
    }

    #[test]
    fn relative_urls_with_a_colon_after_the_path_starts_are_kept() {
        for ok in ["/wiki/Talk:Page", "./javascript:alert(1)", "?q=a:b", "#x:y", "a/b:c", "//x.test:8080/p"] {
            assert_eq!(allowed(ok, UrlUse::Link).as_deref(), Some(ok), "{ok:?}");
        }
        // A colon before any '/', '?' or '#' makes a scheme, so an unknown one is refused.
        assert_eq!(allowed("news:comp.lang.rust", UrlUse::Link), None);
        assert_eq!(allowed("tel:+15550100", UrlUse::Link), None);
    }

    #[test]
    fn scheme_case_does_not_matter_for_allowed_schemes() {
        assert_eq!(allowed("MAILTO:Desk@Example.test", UrlUse::Link).as_deref(), Some("MAILTO:Desk@Example.test"));
        assert!(allowed("HtTpS://x.test/i.png", UrlUse::Image).is_some());
        assert_eq!(allowed("MailTo:a@b.test", UrlUse::Image), None);
    }

    #[test]
    fn strips_ends_and_tabs_as_the_url_parser_does() {
        for (raw, read) in [
            ("", ""),
            (" ", ""),
            ("\u{1}\u{0} java\tscript:x \n", "javascript:x"),
            ("\u{a0}https://é.test/\r\na b\u{1f}", "\u{a0}https://é.test/a b"),
            ("\t\t", ""),
            ("a", "a"),
        ] {
            assert_eq!(as_url_parser_reads(raw), read, "{raw:?}");
        }
    }

    /// The scheme a browser would read from what we put in the DOM, given that
    /// it strips ends and removes tabs and newlines (our `normalise` minus the
    /// entity decoding, which `setAttribute` never does).
    fn scheme_the_browser_reads(url: &str) -> Option<String> {
        let stripped: String =
            url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        scheme(&stripped)
    }

    #[test]
    fn no_combination_of_disguises_yields_a_refused_scheme() {
        // Every string of up to four pieces: a crude exhaustive search over the
        // ways schemes are disguised. What passes must read as an allowed scheme
        // or as relative, and hold no control character.
        const PIECES: &[&str] = &[
            "java", "script", ":", "&colon;", "&#58;", "&#x3A;", "&amp;", "\t", "\n", " ", "\u{0}", "\u{1}", "/", "#",
            "?", "https", "data", "JaVa", "&#106;", "&Tab;", "\\", "%3A",
        ];
        let n = PIECES.len();
        let mut checked = 0;
        for len in 1..=4u32 {
            for mut index in 0..n.pow(len) {
                let mut raw = String::new();
                for _ in 0..len {
                    raw.push_str(PIECES[index % n]);
                    index /= n;
                }
                for usage in [UrlUse::Link, UrlUse::Image] {
                    for result in [allowed(&raw, usage), allowed_parsed(&raw, usage)] {
                        let Some(url) = result else { continue };
                        assert!(!url.chars().any(char::is_control), "{raw:?} gave {url:?}");
                        if let Some(s) = scheme_the_browser_reads(&url) {
                            assert!(usage.allows(&s), "{raw:?} gave {url:?} with scheme {s}");
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000, "the search should find many allowed strings, found {checked}");
    }

    #[test]
    fn images_are_web_only() {
        assert!(allowed("https://x.test/i.jpg", UrlUse::Image).is_some());
        assert!(allowed("/i.jpg", UrlUse::Image).is_some());
        assert_eq!(allowed("mailto:a@b.test", UrlUse::Image), None);
        assert_eq!(allowed("data:image/png;base64,AAAA", UrlUse::Image), None);
        assert_eq!(allowed("javascript:alert(1)//.jpg", UrlUse::Image), None);
        assert_eq!(allowed("blob:https://x.test/uuid", UrlUse::Image), None);
        assert_eq!(allowed("//cdn.x.test/i.jpg", UrlUse::Image).as_deref(), Some("//cdn.x.test/i.jpg"));
    }
}
