//! What a fetched or given text is, from its content first (servers label
//! feeds loosely) and its `Content-Type` only to tell an HTML page: JSON,
//! feed XML, a web page, or something else. Also where a feed's markup
//! starts when a server printed something ahead of it, which the XML repair
//! needs too.

/// What a response's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Json,
    Xml,
    /// A web page (a login wall, an error page), not a feed.
    Html,
    Other,
}

/// What `text` is: by its first characters, and by `content_type` only
/// when it says HTML and the text starts with no XML declaration.
pub fn classify(text: &str, content_type: &str) -> Content {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let lower_start: String = start.chars().take(15).collect::<String>().to_ascii_lowercase();
    match start.as_bytes().first() {
        Some(b'{' | b'[') => Content::Json,
        Some(b'<') if lower_start.starts_with("<!doctype html") || lower_start.starts_with("<html") => Content::Html,
        // Served as HTML, a feed is still a feed when its first element
        // says so (servers that send every file as text/html exist).
        Some(b'<')
            if content_type.trim_start().to_ascii_lowercase().starts_with("text/html")
                && !lower_start.starts_with("<?xml") =>
        {
            if has_feed_root(start) || behind_a_warning(start).is_some_and(has_feed_root) {
                Content::Xml
            } else {
                Content::Html
            }
        }
        Some(b'<') => Content::Xml,
        Some(_) if behind_a_warning(start).is_some_and(has_feed_root) => Content::Xml,
        _ => Content::Other,
    }
}

/// The root elements of the feed formats.
const FEED_ROOTS: [&str; 3] = ["rss", "feed", "rdf:RDF"];

fn has_feed_root(markup: &str) -> bool {
    first_element_name(markup).is_some_and(|name| FEED_ROOTS.contains(&name))
}

/// The text from its XML declaration on, when something stands before it
/// (a warning that a server printed ahead of the feed, PHP's, which also
/// makes it text/html) and that something holds no feed element: a
/// declaration quoted in a body is no declaration.
pub(crate) fn behind_a_warning(text: &str) -> Option<&str> {
    let at = text.find("<?xml").filter(|&at| at > 0)?;
    let before = &text[..at];
    (!FEED_ROOTS.iter().any(|root| before.contains(&format!("<{root}")))).then(|| &text[at..])
}

/// The name of the first element of markup, past comments, processing
/// instructions and a doctype; `None` when there is none to read.
pub(crate) fn first_element_name(markup: &str) -> Option<&str> {
    let mut rest = markup.trim_start();
    loop {
        let after = rest.strip_prefix('<')?;
        let end = if after.starts_with("!--") {
            after.find("-->")? + 3
        } else if after.starts_with(['?', '!']) {
            after.find('>')? + 1
        } else {
            let name_end = after.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(after.len());
            return Some(&after[..name_end]);
        };
        rest = after[end..].trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_are_told_apart_by_their_content() {
        assert_eq!(classify("\u{feff} {\"items\":[]}", "text/plain"), Content::Json);
        assert_eq!(classify("[{}]", ""), Content::Json);
        assert_eq!(classify("<?xml version=\"1.0\"?><rss/>", "text/html"), Content::Xml);
        assert_eq!(classify("\n<rss version=\"2.0\">", "application/octet-stream"), Content::Xml);
        assert_eq!(classify("<!DOCTYPE html><title>Sign in</title>", "text/html"), Content::Html);
        assert_eq!(classify("<HTML><body>404</body>", "application/xml"), Content::Html);
        assert_eq!(classify("<div>oops</div>", "text/html; charset=utf-8"), Content::Html);
        // A feed served as text/html, as some servers serve every file.
        assert_eq!(classify("<!-- generator --><rss version=\"2.0\"><channel/></rss>", "text/html"), Content::Xml);
        assert_eq!(classify("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "text/html; charset=utf-8"), Content::Xml);
        assert_eq!(classify("<rdf:RDF xmlns:rdf=\"x\">", "text/html"), Content::Xml);
        assert_eq!(classify("<!-- a page --><body>", "text/html"), Content::Html);
        assert_eq!(classify("Not found", "text/plain"), Content::Other);
        let warned = "<br />\n<b>Warning</b>: Cannot modify header information<br />\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\">";
        assert_eq!(classify(warned, "text/html; charset=UTF-8"), Content::Xml, "a feed after a PHP warning");
        assert_eq!(
            classify("Warning: x in /a.php on line 3\n<?xml version=\"1.0\"?><feed>", "text/html"),
            Content::Xml
        );
        assert_eq!(
            classify("<p>See <?xml version=\"1.0\"?><svg/></p>", "text/html"),
            Content::Html,
            "a page that only quotes XML"
        );
        assert_eq!(classify("", ""), Content::Other);
    }
}
