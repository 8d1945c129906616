//! Relative references resolved against a base, as RFC 3986 (section 5.2)
//! has it: feeds give links relative to `xml:base` or to the channel's
//! link, and the page showing the widget is on another site, so the
//! browser's own resolution (against the page) would be wrong.
//!
//! A base without a scheme (`xml:base="/blog/"`) still gives a useful
//! result (`/blog/a`), relative again, which the browser resolves against
//! the page. Dot segments are removed only from paths that start with '/':
//! a leading `../` of a relative result is left for the browser.

/// The five components of a URI reference (RFC 3986, appendix B).
#[derive(Debug, PartialEq)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

/// Splits a reference into its components. Never fails: anything is a
/// reference, at worst a relative path.
fn split(s: &str) -> Parts<'_> {
    let (rest, fragment) = match s.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (s, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, Some(query)),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.split_once(':') {
        Some((scheme, after)) if is_scheme(scheme) => (Some(scheme), after),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts { scheme, authority, path, query, fragment }
}

/// A scheme: a letter, then letters, digits, '+', '-' or '.'.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// What the URL parser reads of a value before anything else: C0 controls
/// and spaces trimmed from the ends, tabs and newlines removed. Done before
/// resolving so that `java\nscript:` is seen as the scheme the browser sees.
fn prepared(s: &str) -> String {
    let trimmed = s.trim_matches(|c: char| c <= ' ');
    // Almost every link has nothing inside to remove: copied whole, not a
    // character at a time (every item of a feed is resolved).
    if !trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        return trimmed.to_string();
    }
    trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// `reference` resolved against `base`. A reference with a scheme is kept
/// as written (so that the URL policy judges exactly what the feed gave).
pub fn resolve(base: &str, reference: &str) -> String {
    let reference = prepared(reference);
    let r = split(&reference);
    if r.scheme.is_some() {
        return reference;
    }
    let base = prepared(base);
    let b = split(&base);
    let (authority, path, query) = if r.authority.is_some() {
        (r.authority, tidy(r.path), r.query)
    } else if r.path.is_empty() {
        (b.authority, b.path.to_string(), r.query.or(b.query))
    } else if r.path.starts_with('/') {
        (b.authority, tidy(r.path), r.query)
    } else {
        (b.authority, tidy(&merge(&b, r.path)), r.query)
    };
    compose(&Parts { scheme: b.scheme, authority, path: &path, query, fragment: r.fragment })
}

/// Whether a URL has a scheme (is absolute, or at least not relative).
pub fn has_scheme(url: &str) -> bool {
    split(&prepared(url)).scheme.is_some()
}

/// A relative path put after the base's directory (RFC 3986, 5.2.3).
fn merge(base: &Parts, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{path}");
    }
    match base.path.rfind('/') {
        Some(slash) => format!("{}{path}", &base.path[..=slash]),
        None => path.to_string(),
    }
}

/// Dot segments removed from a path that starts with '/'; others kept.
fn tidy(path: &str) -> String {
    if path.starts_with('/') {
        remove_dot_segments(path)
    } else {
        path.to_string()
    }
}

/// RFC 3986, 5.2.4: `.` and `..` segments removed, `..` taking the segment
/// before it with it.
fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut out = String::with_capacity(path.len());
    let pop = |out: &mut String| out.truncate(out.rfind('/').unwrap_or(0));
    while !input.is_empty() {
        if let Some(rest) = input.strip_prefix("../").or_else(|| input.strip_prefix("./")) {
            input = rest;
        } else if input.starts_with("/./") {
            input = &input[2..];
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") {
            input = &input[3..];
            pop(&mut out);
        } else if input == "/.." {
            input = "/";
            pop(&mut out);
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| start + i);
            out.push_str(&input[..end]);
            input = &input[end..];
        }
    }
    out
}

/// The components written back as one reference (RFC 3986, 5.3).
fn compose(p: &Parts) -> String {
    let mut out = String::new();
    if let Some(scheme) = p.scheme {
        out.push_str(scheme);
        out.push(':');
    }
    if let Some(authority) = p.authority {
        out.push_str("//");
        out.push_str(authority);
    }
    out.push_str(p.path);
    if let Some(query) = p.query {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = p.fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_examples_of_rfc_3986() {
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            // Abnormal examples (5.4.2).
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
        ] {
            assert_eq!(resolve(base, reference), expected, "{reference:?}");
        }
    }

    #[test]
    fn feed_shaped_bases() {
        assert_eq!(resolve("https://news.test", "a"), "https://news.test/a", "a base without a path");
        assert_eq!(resolve("https://news.test/blog/", "2026/post"), "https://news.test/blog/2026/post");
        assert_eq!(resolve("/blog/", "post"), "/blog/post", "a relative base gives a relative result");
        assert_eq!(resolve("blog/", "../post"), "blog/../post", "left for the browser");
        assert_eq!(resolve("", "post"), "post");
        assert_eq!(resolve("https://news.test/", "  /a\n "), "https://news.test/a");
    }

    #[test]
    fn references_with_a_scheme_are_kept_for_the_policy_to_judge() {
        let base = "https://news.test/dir/";
        assert_eq!(resolve(base, "javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(resolve(base, "java\nscript:alert(1)"), "javascript:alert(1)", "read as the URL parser reads it");
        assert_eq!(resolve(base, "2026:review"), "https://news.test/dir/2026:review", "a digit cannot start a scheme");
        assert!(has_scheme("mailto:a@b.test") && !has_scheme("/a:b") && !has_scheme("a/b:c"));
    }
}
