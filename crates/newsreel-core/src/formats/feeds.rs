//! RSS (0.90, 0.91, 0.92, 1.0 and 2.0) and Atom 1.0 feeds, read from the
//! neutral XML tree (`xml`) the shell builds with `DOMParser`.
//!
//! Like a JSON Feed, a feed is a list with no main article: every item goes
//! to the ticker, newest first. Fields are mapped as feed readers map them,
//! quirks included (RSS titles that carry markup or double-encoded
//! entities, `guid` as the link, the first `<img>` of a post as its
//! picture). Links and images are resolved against `xml:base` or the
//! channel's link, since the feed is on another site than the page that
//! shows it, and pass the URL policy here.

use std::fmt;

use crate::dates::{parse_date, DateValue};
use crate::formats::bodies;
use crate::formats::normalize::{self, Order};
use crate::html::build::VOID_ELEMENTS;
use crate::html::text::{
    clean_line, collapse_space, decode_entities, excerpt, looks_like_html, paragraphs, strip_tags,
};
use crate::input::xml::{
    Element, Node, XmlError, ATOM, ATOM03, CONTENT, DC, FEEDBURNER, ITUNES, MEDIA, RDF, RSS090, RSS1, XHTML, XML,
};
use crate::input::xml_repair::repair_xml;
use crate::model::{warn, Article, Body, BodyKind, Format, Image, NewsDocument, Warning};
use crate::url::policy::{allowed_parsed, UrlUse};
use crate::url::resolve::{has_scheme, resolve};
use crate::{DecodeError, DecodeOptions};

/// Items read of a feed; any after them are reported and left.
pub const MAX_ITEMS_READ: usize = 10_000;
/// Longest headline made from an item's summary or text, in characters
/// (as JSON Feed's).
const MADE_HEADLINE_CHARS: usize = 100;
/// Longest one-line field (a title, a name, a tag), in characters: a
/// ticker line, not a text.
const MAX_LINE_CHARS: usize = 300;
/// Longest summary, in characters.
const MAX_SUMMARY_CHARS: usize = 1_000;
/// Most authors and tags kept of an item.
const MAX_LIST: usize = 64;

/// Why a text or a tree is not a feed this module reads.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedError {
    /// The text is not XML the parser reads, even repaired: where and why,
    /// from the parser's report on the text as served.
    InvalidXml(XmlError),
    /// An HTML page: the name of its root element, as written.
    HtmlPage { root: String },
    /// The tree is Firefox's answer to XML that is not well-formed: the
    /// start of its report.
    NotWellFormed { report: String },
    /// Another kind of XML document: its root element's name and namespace,
    /// and whether it is an RDF document with no RSS 1.0 (or 0.90) channel
    /// or item in it.
    NotAFeed { root: String, namespace: Option<String>, rdf_without_rss: bool },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::InvalidXml(error) => write!(f, "{error}"),
            FeedError::HtmlPage { root } => write!(f, "an HTML page, not a feed (the root element is <{root}>)"),
            FeedError::NotWellFormed { report } => write!(f, "not well-formed XML: {report}"),
            FeedError::NotAFeed { root, namespace, rdf_without_rss } => {
                write!(f, "not a feed: the root element is <{root}>")?;
                if let Some(namespace) = namespace {
                    write!(f, " in the namespace {namespace}")?;
                }
                if *rdf_without_rss {
                    f.write_str(", with no RSS 1.0 channel or item")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FeedError {}

/// Decodes a feed's text, which `parse` reads into the neutral tree (the
/// browser's `DOMParser`, or roxmltree natively; `Err` is the parser's
/// report). Text the strict parser refuses is tried once more as feed
/// readers would read it (`xml_repair::repair_xml`); if that fails too, the
/// first report is the one given, since it is about the text as served.
pub fn decode_text(
    text: &str,
    parse: impl Fn(&str) -> Result<Element, String>,
    options: DecodeOptions,
) -> Result<NewsDocument, DecodeError> {
    decode(&parse_text(text, parse)?, options)
}

/// The tree of a feed's text, as `decode_text` reads it: for a shell that
/// keeps it, to decode again when only the options change.
pub fn parse_text(text: &str, parse: impl Fn(&str) -> Result<Element, String>) -> Result<Element, FeedError> {
    let root = parse(text).or_else(|report| {
        let repaired = repair_xml(text).ok_or_else(|| report.clone())?;
        parse(&repaired).map_err(|_| report)
    });
    root.map_err(|report| FeedError::InvalidXml(XmlError::from_report(&report)))
}

/// Decodes a feed from its root element, then finishes it as the JSON
/// formats are finished (ids, duplicates, newest first, `max_items`).
/// Only the items the ticker can show are built into articles
/// (`normalize::shown`); the others count in `found`.
///
/// For a feed fetched from `options.document_url` (the response's URL,
/// after redirects), relative links with no `xml:base` or channel link to
/// read them against are read against where the feed came from, as a feed
/// reader does, not against the page showing it.
pub fn decode(root: &Element, options: DecodeOptions) -> Result<NewsDocument, DecodeError> {
    let format = detect(root)?;
    let mut warnings = Vec::new();
    let document_url = options.document_url.filter(|u| is_web(u));
    let feed = Feed::read(root, format, document_url, &mut warnings);
    let mut heads = Vec::with_capacity(feed.items.len());
    for (i, item) in feed.items.iter().enumerate() {
        let location = format!("item {}", i + 1);
        match head(item, &feed, &location, &mut warnings) {
            Ok(h) => heads.push(h),
            Err(why) => warn(&mut warnings, &location, why),
        }
    }
    // Ids made for items without one, as `normalize::finish` would make
    // them, so the choice below sees the same ids.
    for (n, h) in heads.iter_mut().filter(|h| h.id.is_empty()).enumerate() {
        h.id = format!("item-{}", n + 1);
    }
    let keys: Vec<_> = heads.iter().map(|h| (h.id.as_str(), h.url.as_deref(), h.date_published)).collect();
    let accepted: Vec<bool> = if options.tags.is_active() {
        heads.iter().map(|h| options.tags.accepts(&tags(h.item, &feed))).collect()
    } else {
        Vec::new()
    };
    let normalize::Shown { keep, unbuilt } = normalize::shown(&keys, options.max_items, options.main_id, &accepted);
    let latest =
        heads.into_iter().zip(keep).filter(|(_, k)| *k).map(|(h, _)| article(h, &feed, &mut warnings)).collect();
    let mut doc = NewsDocument {
        format,
        main: None,
        latest,
        title: feed.title,
        language: feed.language,
        found: 0,
        unbuilt,
        warnings,
    };
    normalize::finish(&mut doc, Order::NewestFirst, options.max_items, options.main_id, options.tags);
    // One text: the feed.
    crate::renderable(doc, 1)
}

/// Which format a root element is, or why it is not a feed.
fn detect(root: &Element) -> Result<Format, FeedError> {
    // `<rss>` in any namespace: a few RSS 2.0 feeds put theirs in a default
    // one (`xmlns="http://backend.userland.com/rss2"`), which readers forgive.
    if root.name == "rss" || (root.is(Some(RDF), "RDF") && rdf_namespace(root).is_some()) {
        return Ok(Format::Rss);
    }
    // Atom 1.0, the 0.3 draft, or Atom with its namespace left out, which
    // hand-made feeds do and readers forgive.
    if root.name == "feed" && matches!(root.namespace.as_deref(), None | Some(ATOM | ATOM03)) {
        return Ok(Format::Atom);
    }
    let name = &root.name;
    if name.eq_ignore_ascii_case("html") {
        return Err(FeedError::HtmlPage { root: name.clone() });
    }
    // Firefox's DOMParser answers XML that is not well-formed with this root.
    if name == "parsererror" {
        return Err(FeedError::NotWellFormed { report: excerpt(&root.text(), 200) });
    }
    Err(FeedError::NotAFeed {
        root: name.clone(),
        namespace: root.namespace.clone(),
        rdf_without_rss: root.is(Some(RDF), "RDF"),
    })
}

/// The namespace of an `<rdf:RDF>` root's RSS elements: RSS 1.0, or 0.90.
fn rdf_namespace(root: &Element) -> Option<&'static str> {
    [RSS1, RSS090].into_iter().find(|ns| {
        root.elements().any(|e| e.namespace.as_deref() == Some(ns) && (e.name == "channel" || e.name == "item"))
    })
}

/// What the feed says for all its items.
struct Feed<'a> {
    format: Format,
    /// The namespace of the format's own elements: none for RSS 0.91 to
    /// 2.0 (or the default namespace a few RSS 2.0 feeds declare), RSS
    /// 1.0's or 0.90's for the RDF flavours, Atom 1.0's or 0.3's (none for
    /// Atom written without its namespace).
    ns: Option<&'a str>,
    items: Vec<&'a Element>,
    /// What the items' links are resolved against.
    base: Option<String>,
    /// The feed's authors, which stand in for an item's missing ones.
    authors: Vec<String>,
    title: Option<String>,
    language: Option<String>,
}

impl<'a> Feed<'a> {
    fn read(root: &'a Element, format: Format, document_url: Option<&str>, warnings: &mut Vec<Warning>) -> Feed<'a> {
        let root_base = xml_base(root, document_url);
        let root_lang = root.attribute_in(XML, "lang");
        if format == Format::Atom {
            let ns = match root.namespace.as_deref() {
                None => None,
                Some(ATOM03) => Some(ATOM03),
                Some(_) => Some(ATOM),
            };
            let all: Vec<&Element> = root.children_named(ns, "entry").collect();
            return Feed {
                format,
                ns,
                items: capped(all, warnings),
                authors: atom_authors(root, ns),
                title: root.child(ns, "title").and_then(atom_line),
                language: line_of(root_lang),
                base: root_base,
            };
        }
        let ns = if root.name == "rss" { root.namespace.as_deref() } else { rdf_namespace(root) };
        let channel = root.child(ns, "channel");
        if channel.is_none() {
            warn(warnings, "channel", "is missing");
        }
        // RSS 0.91 to 2.0 items are in the channel; RDF ones beside it.
        let all: Vec<&Element> = match (root.name == "rss", channel) {
            (true, Some(c)) => c.children_named(ns, "item").collect(),
            (true, None) => Vec::new(),
            (false, _) => root.children_named(ns, "item").collect(),
        };
        let channel_base = channel.map_or(root_base.clone(), |c| xml_base(c, root_base.as_deref()));
        // The channel's link, the site's home page, is what relative item
        // links mean (when it is absolute itself).
        let home = channel
            .and_then(|c| c.child(ns, "link"))
            .map(|l| against(channel_base.as_deref(), &l.text()))
            .filter(|l| is_web(l));
        let field =
            |namespace, name| channel.and_then(|c| c.child(namespace, name)).and_then(|e| line_of(Some(&e.text())));
        Feed {
            format,
            ns,
            items: capped(all, warnings),
            base: home.or(channel_base),
            authors: channel.map(dc_creators).unwrap_or_default(),
            title: channel.and_then(|c| c.child(ns, "title")).and_then(rss_line),
            language: field(ns, "language").or_else(|| field(Some(DC), "language")).or_else(|| line_of(root_lang)),
        }
    }
}

/// The first `MAX_ITEMS_READ` items, with a warning when there were more.
fn capped<'a>(mut items: Vec<&'a Element>, warnings: &mut Vec<Warning>) -> Vec<&'a Element> {
    if items.len() > MAX_ITEMS_READ {
        warn(warnings, "feed", format!("has {} items; only the first {MAX_ITEMS_READ} are read", items.len()));
        items.truncate(MAX_ITEMS_READ);
    }
    items
}

/// The base of an element's content: its own `xml:base` resolved against
/// the one around it, else the one around it.
fn xml_base(e: &Element, outer: Option<&str>) -> Option<String> {
    match e.attribute_in(XML, "base") {
        Some(base) => Some(against(outer, base)),
        None => outer.map(String::from),
    }
}

/// A reference resolved against a base, if there is one; without one,
/// still read as the URL parser reads it (ends trimmed, tabs and newlines
/// removed, dot segments of a path from the root removed).
fn against(base: Option<&str>, reference: &str) -> String {
    resolve(base.unwrap_or_default(), reference)
}

/// An absolute http or https URL that the policy allows: what a channel's
/// link must be to be a base, and an Atom id to be a link.
fn is_web(url: &str) -> bool {
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("http" | "https")) && allowed_parsed(url, UrlUse::Link).is_some()
}

/// A URL the URL policy allows, or a warning saying which was refused.
fn checked(url: String, usage: UrlUse, field: &str, location: &str, warnings: &mut Vec<Warning>) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    let ok = allowed_parsed(&url, usage);
    if ok.is_none() {
        warn(warnings, location, format!("{field} \"{}\" is refused", excerpt(&url, 60)));
    }
    ok
}

/// A one-line text as it is (Atom `type="text"`, an attribute): white
/// space folded, cut to a line's length, `None` when blank.
fn line_of(text: Option<&str>) -> Option<String> {
    text.map(|t| excerpt(&collapse_space(t), MAX_LINE_CHARS)).filter(|t| !t.is_empty())
}

/// An RSS title or name. RSS never said whether these are text or HTML,
/// and feeds write both, so they are read as readers read them, as HTML:
/// markup is stripped, and entities are decoded once more than the XML
/// parser did (`&amp;amp;` in the XML shows as `&`).
fn rss_line(e: &Element) -> Option<String> {
    let text = e.text();
    let line = if looks_like_html(&text) { strip_tags(&text) } else { clean_line(&text) };
    Some(excerpt(&line, MAX_LINE_CHARS)).filter(|t| !t.is_empty())
}

/// How an Atom text construct or content is written (RFC 4287, 3.1 and 4.1.3).
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Html,
    Xhtml,
}

/// The kind from `type`; `None` for another media type (an image, a PDF)
/// or out-of-line content (`src`), which are not shown as text.
fn kind(e: &Element) -> Option<Kind> {
    if e.attribute("src").is_some() {
        return None;
    }
    // Atom 0.3 says how the content is carried: `escaped` markup is text
    // to the XML parser, as `type="html"` is; base64 is not read.
    match e.attribute("mode").map(str::trim) {
        Some("base64") => return None,
        Some("escaped") if e.attribute("type").is_some_and(|t| t.contains("html")) => return Some(Kind::Html),
        _ => {}
    }
    match e.attribute("type").map(str::trim) {
        None | Some("text" | "text/plain") => Some(Kind::Text),
        Some("html" | "text/html") => Some(Kind::Html),
        Some("xhtml" | "application/xhtml+xml") => Some(Kind::Xhtml),
        Some(t) if t.starts_with("text/") => Some(Kind::Text),
        Some(_) => None,
    }
}

/// The XHTML inside a `type="xhtml"` construct: the children of its `<div>`
/// (RFC 4287 wraps them in one), or of the element if the div is missing.
fn xhtml_nodes(e: &Element) -> &[Node] {
    e.child(Some(XHTML), "div").map_or(&e.children, |div| &div.children)
}

/// The text of an Atom text construct as one line: `type="html"` reduced
/// to text (entities decoded once more, as the HTML says); `text` and
/// `xhtml` as their text, whose entities the XML parser decoded already.
fn atom_line(e: &Element) -> Option<String> {
    let line = match kind(e)? {
        Kind::Html => strip_tags(&e.text()),
        Kind::Xhtml => collapse_space(&xhtml_nodes(e).iter().map(node_text).collect::<String>()),
        Kind::Text => collapse_space(&e.text()),
    };
    Some(excerpt(&line, MAX_LINE_CHARS)).filter(|t| !t.is_empty())
}

fn node_text(n: &Node) -> String {
    match n {
        Node::Text(t) => t.clone(),
        Node::Element(e) => e.text(),
    }
}

/// An Atom content or summary as a body.
fn atom_body(e: &Element) -> Body {
    let body = match kind(e) {
        Some(Kind::Html) => Body::Html(e.text()),
        Some(Kind::Xhtml) => Body::Html(to_html(xhtml_nodes(e))),
        // `paragraphs` decodes entities, which plain text does not have:
        // its '&' are escaped first so that they stay as written.
        Some(Kind::Text) => Body::Paragraphs(paragraphs(&e.text().replace('&', "&amp;"))),
        None => Body::None,
    };
    if body.is_empty() {
        Body::None
    } else {
        body
    }
}

/// XHTML written back as HTML for the sanitiser, which parses it again:
/// text and attribute values escaped, attributes in a namespace left out.
/// A loop with a stack, so depth cannot hurt.
fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    let mut stack: Vec<(std::slice::Iter<Node>, Option<&str>)> = vec![(nodes.iter(), None)];
    while let Some((children, _)) = stack.last_mut() {
        match children.next() {
            Some(Node::Text(t)) => escape_into(&mut out, t),
            Some(Node::Element(e)) => {
                out.push('<');
                out.push_str(&e.name);
                for a in e.attributes.iter().filter(|a| a.namespace.is_none()) {
                    out.push(' ');
                    out.push_str(&a.name);
                    out.push_str("=\"");
                    escape_into(&mut out, &a.value);
                    out.push('"');
                }
                out.push('>');
                if !VOID_ELEMENTS.contains(&e.name.as_str()) {
                    stack.push((e.children.iter(), Some(&e.name)));
                }
            }
            None => {
                if let Some((_, Some(name))) = stack.pop() {
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
            }
        }
    }
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// What choosing the ticker's items needs of an item (headline, id, link,
/// date), read for every item; the rest of its article is read only if it
/// is shown.
struct Head<'a> {
    item: &'a Element,
    location: String,
    /// What the item's relative links are resolved against.
    base: Option<String>,
    headline: String,
    id: String,
    url: Option<String>,
    date_published: Option<DateValue>,
}

fn head<'a>(item: &'a Element, feed: &Feed, location: &str, warnings: &mut Vec<Warning>) -> Result<Head<'a>, String> {
    let base = xml_base(item, feed.base.as_deref());
    let atom = feed.format == Format::Atom;
    let title = if atom {
        item.child(feed.ns, "title").and_then(atom_line)
    } else {
        item.child(feed.ns, "title").or_else(|| item.child(Some(DC), "title")).and_then(rss_line)
    };
    let headline = match title {
        Some(title) => title,
        // Made from the start of the text, as JSON Feed's.
        None => made_headline(&content(item, feed)).ok_or("has no title, summary or text")?,
    };
    let url = if atom {
        atom_link(item, feed.ns, base.as_deref(), location, warnings)
    } else {
        rss_link(item, feed.ns, base.as_deref(), location, warnings)
    };
    let own_id = if atom {
        item.child(feed.ns, "id").map(|e| e.text())
    } else {
        item.child(feed.ns, "guid").map(|e| e.text()).or_else(|| item.attribute_in(RDF, "about").map(String::from))
    };
    let id = own_id.map(|i| i.trim().to_string()).filter(|i| !i.is_empty()).or_else(|| url.clone()).unwrap_or_default();
    let published = if feed.ns == Some(ATOM03) {
        first_date(item, &[(ATOM03, "issued"), (ATOM03, "created"), (ATOM03, "modified")], location, warnings)
    } else if atom {
        let ns = feed.ns.unwrap_or_default();
        first_date(item, &[(ns, "published"), (ns, "updated")], location, warnings)
    } else {
        // .NET's SyndicationFeed, among others, dates an RSS item with Atom's
        // elements (`a10:updated`) and no `pubDate`.
        first_date(
            item,
            &[(feed.ns.unwrap_or_default(), "pubDate"), (DC, "date"), (ATOM, "published"), (ATOM, "updated")],
            location,
            warnings,
        )
    };
    Ok(Head { item, location: location.to_string(), base, headline, id, url, date_published: published })
}

/// A headline made from an item's summary or body text.
fn made_headline(content: &Content) -> Option<String> {
    let text = content.summary.clone().or_else(|| match &content.body {
        Body::Html(html) => Some(strip_tags(html)),
        Body::Paragraphs(p) => Some(p.join(" ")),
        Body::None | Body::Deferred { .. } => None,
    })?;
    Some(excerpt(&text, MADE_HEADLINE_CHARS)).filter(|t| !t.is_empty())
}

/// The first date of these fields (namespace `""` for none) that is
/// there, with a warning for one that is there but not a date.
fn first_date(
    item: &Element,
    fields: &[(&str, &str)],
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Option<DateValue> {
    fields.iter().find_map(|&(ns, name)| {
        let e = item.child(Some(ns).filter(|n| !n.is_empty()), name)?;
        let text = e.text();
        let date = parse_date(&text);
        if date.is_none() {
            let prefix = if ns == DC { "dc:" } else { "" };
            warn(warnings, location, format!("{prefix}{name} \"{}\" is not a date", excerpt(text.trim(), 40)));
        }
        date
    })
}

/// An RSS item's link: FeedBurner's `origLink` (its `<link>` is a
/// redirect), `<link>`, an Atom `link` as some feeds give instead, else a
/// `guid` that is a permalink (the default) and an absolute URL, else RSS
/// 1.0's `rdf:about`. An empty `<link>` is no link (not the base).
fn rss_link(
    item: &Element,
    ns: Option<&str>,
    base: Option<&str>,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Option<String> {
    let mut candidates = Vec::new();
    if let Some(original) = item.child(Some(FEEDBURNER), "origLink").map(|e| e.text()).filter(|t| !t.trim().is_empty())
    {
        candidates.push(("feedburner:origLink", against(base, &original)));
    }
    if let Some(link) = item.child(ns, "link").map(|e| e.text()).filter(|t| !t.trim().is_empty()) {
        candidates.push(("link", against(base, &link)));
    }
    let atom_links = item.children_named(Some(ATOM), "link").filter(|l| is_rel(l, "alternate"));
    if let Some(href) = atom_links.filter_map(|l| l.attribute("href")).find(|h| !h.trim().is_empty()) {
        candidates.push(("atom:link", against(xml_base(item, base).as_deref(), href)));
    }
    if let Some(guid) = item.child(ns, "guid").filter(|g| g.attribute("isPermaLink").map(str::trim) != Some("false")) {
        candidates.push(("guid", guid.text().trim().to_string()));
    }
    if let Some(about) = item.attribute_in(RDF, "about") {
        candidates.push(("rdf:about", about.trim().to_string()));
    }
    candidates
        .into_iter()
        .filter(|(field, url)| matches!(*field, "link" | "atom:link" | "feedburner:origLink") || has_scheme(url))
        .find_map(|(field, url)| checked(url, UrlUse::Link, field, location, warnings))
}

/// An Atom entry's link: `rel="alternate"` (the default), preferring
/// `type="text/html"`, else the first alternate; never `self`, `edit` or
/// `enclosure`, which are not the article. Without one, an `id` that is
/// a web URL, as readers do.
fn atom_link(
    entry: &Element,
    ns: Option<&str>,
    base: Option<&str>,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Option<String> {
    let alternates: Vec<&Element> =
        entry.children_named(ns, "link").filter(|l| is_rel(l, "alternate") && l.attribute("href").is_some()).collect();
    let html = alternates
        .iter()
        .find(|l| l.attribute("type").is_some_and(|t| matches!(t.trim(), "text/html" | "application/xhtml+xml")));
    if let Some(link) = html.or(alternates.first()) {
        let href = against(xml_base(link, base).as_deref(), link.attribute("href").unwrap_or_default());
        if let Some(ok) = checked(href, UrlUse::Link, "link", location, warnings) {
            return Some(ok);
        }
    }
    let id = entry.child(ns, "id")?.text();
    Some(id.trim().to_string()).filter(|id| is_web(id))
}

/// Whether an Atom link has this `rel` (absent means `alternate`; the IANA
/// URI form counts too).
fn is_rel(link: &Element, rel: &str) -> bool {
    let value = link.attribute("rel").map_or("alternate", str::trim);
    value == rel || value.strip_prefix("http://www.iana.org/assignments/relation/") == Some(rel)
}

/// An item's body and summary. The summary is kept only when there is a
/// full body besides it, so that nothing is shown twice.
struct Content {
    body: Body,
    summary: Option<String>,
}

fn content(item: &Element, feed: &Feed) -> Content {
    let own = format_content(item, feed);
    if !own.body.is_empty() {
        return own;
    }
    Content { body: media_description(item), summary: own.summary }
}

/// Media RSS's description, the item's own or its `media:group`'s: the only
/// text of a video feed's entries (YouTube's). Plain text unless its
/// `type` says HTML.
fn media_description(item: &Element) -> Body {
    let group = item.child(Some(MEDIA), "group");
    let description =
        item.child(Some(MEDIA), "description").or_else(|| group.and_then(|g| g.child(Some(MEDIA), "description")));
    let Some(e) = description else { return Body::None };
    let text = e.text();
    if text.trim().is_empty() {
        return Body::None;
    }
    let kind = if e.attribute("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("html")) {
        BodyKind::Html
    } else {
        BodyKind::Plain
    };
    bodies::from_text(kind, text)
}

/// The body and summary from the format's own elements.
fn format_content(item: &Element, feed: &Feed) -> Content {
    let summary_text = |text: &str| Some(excerpt(&strip_tags(text), MAX_SUMMARY_CHARS)).filter(|s| !s.is_empty());
    if feed.format == Format::Atom {
        let full = item.child(feed.ns, "content").map_or(Body::None, atom_body);
        let summary = item.child(feed.ns, "summary");
        if full.is_empty() {
            return Content { body: summary.map_or(Body::None, atom_body), summary: None };
        }
        let text = summary.and_then(|s| match kind(s)? {
            Kind::Html => summary_text(&s.text()),
            // Plain text: its '&' are kept as written.
            Kind::Text | Kind::Xhtml => summary_text(&s.text().replace('&', "&amp;")),
        });
        return Content { body: full, summary: text };
    }
    let nonblank = |e: &Element| Some(rss_markup(e)).filter(|t| !t.trim().is_empty());
    let full = item.child(Some(CONTENT), "encoded").and_then(nonblank);
    let description = item.child(feed.ns, "description").and_then(nonblank);
    match (full, description) {
        (Some(html), description) => {
            Content { body: Body::Html(html), summary: description.as_deref().and_then(summary_text) }
        }
        // RSS descriptions are HTML more often than not, and plain text otherwise.
        (None, Some(description)) => Content { body: bodies::from_text(BodyKind::Detect, description), summary: None },
        (None, None) => Content { body: Body::None, summary: None },
    }
}

/// An RSS body's HTML. Meant to be escaped or in CDATA; HTML written into
/// the XML as elements (`<description><p>Hi</p></description>`, which
/// feed readers forgive) is written back as HTML rather than losing its
/// paragraphs to its text.
fn rss_markup(e: &Element) -> String {
    if e.elements().next().is_some() {
        to_html(&e.children)
    } else {
        e.text()
    }
}

/// The article of an item, from its head and the rest of the item.
fn article(head: Head, feed: &Feed, warnings: &mut Vec<Warning>) -> Article {
    let item = head.item;
    let location = head.location.as_str();
    let atom = feed.format == Format::Atom;
    let content = content(item, feed);
    let mut authors = if atom { atom_authors(item, feed.ns) } else { rss_authors(item, feed.ns) };
    if authors.is_empty() {
        authors = feed.authors.clone();
    }
    // An RSS item may carry `atom:updated`.
    let modified = match feed.ns {
        Some(ATOM03) => first_date(item, &[(ATOM03, "modified")], location, warnings),
        ns if atom => first_date(item, &[(ns.unwrap_or_default(), "updated")], location, warnings),
        _ => first_date(item, &[(ATOM, "updated")], location, warnings),
    };
    let language = line_of(item.child(Some(DC), "language").map(|e| e.text()).as_deref())
        .or_else(|| line_of(item.attribute_in(XML, "lang")));
    Article {
        id: head.id,
        headline: head.headline,
        url: head.url,
        date_published: head.date_published,
        date_modified: modified,
        authors,
        publisher: None,
        image: image(item, feed, &content.body, head.base.as_deref(), location, warnings),
        summary: content.summary,
        body: content.body,
        language,
        tags: tags(item, feed),
        body_base: head.base,
    }
}

/// Names once each, at most `MAX_LIST`.
fn unique(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if out.len() == MAX_LIST {
            break;
        }
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn dc_creators(e: &Element) -> Vec<String> {
    unique(e.children_named(Some(DC), "creator").filter_map(rss_line))
}

/// RSS `author` (an email address, often with the name:
/// `jo@x.test (Jo Smith)`), else `dc:creator`, else Atom's `author/name`
/// (`a10:author`, as .NET writes it).
fn rss_authors(item: &Element, ns: Option<&str>) -> Vec<String> {
    let authors = unique(item.children_named(ns, "author").filter_map(rss_line).map(|a| name_of_address(&a)));
    if !authors.is_empty() {
        return authors;
    }
    let creators = dc_creators(item);
    if creators.is_empty() {
        atom_authors(item, Some(ATOM))
    } else {
        creators
    }
}

/// The name in `jo@x.test (Jo Smith)` or `Jo Smith <jo@x.test>`; the
/// address itself when it gives none.
fn name_of_address(author: &str) -> String {
    let in_parentheses = author.strip_suffix(')').and_then(|a| a.split_once('(')).map(|(_, name)| name.trim());
    let before_angle = author.split_once('<').map(|(name, _)| name.trim().trim_matches('"').trim());
    in_parentheses.filter(|n| !n.is_empty()).or(before_angle.filter(|n| !n.is_empty())).unwrap_or(author).to_string()
}

/// Atom `author/name`s of an entry or feed, in the Atom namespace `ns`.
fn atom_authors(e: &Element, ns: Option<&str>) -> Vec<String> {
    unique(e.children_named(ns, "author").filter_map(|a| line_of(a.child(ns, "name").map(|n| n.text()).as_deref())))
}

/// RSS `category` texts; Atom `category` labels, else terms.
fn tags(item: &Element, feed: &Feed) -> Vec<String> {
    if feed.format == Format::Atom {
        unique(
            item.children_named(feed.ns, "category")
                .filter_map(|c| line_of(c.attribute("label")).or_else(|| line_of(c.attribute("term")))),
        )
    } else {
        unique(
            item.children_named(feed.ns, "category")
                .chain(item.children_named(Some(DC), "subject"))
                .filter_map(rss_line),
        )
    }
}

/// The item's picture: an `image/*` enclosure, Media RSS content (an image)
/// or thumbnail, the same inside `media:group`, else the first `<img>` of
/// its HTML body. The first one the URL policy allows.
fn image(
    item: &Element,
    feed: &Feed,
    body: &Body,
    base: Option<&str>,
    location: &str,
    warnings: &mut Vec<Warning>,
) -> Option<Image> {
    // By its `type`, or, where a feed leaves the type out, by its URL.
    let is_image_type = |e: &Element, attribute: &str| match e.attribute("type") {
        Some(t) => t.trim().to_ascii_lowercase().starts_with("image/"),
        None => e.attribute(attribute).is_some_and(has_image_extension),
    };
    let media_image = |e: &Element| match e.attribute("medium").map(str::trim) {
        Some(medium) => medium == "image",
        None => is_image_type(e, "url"),
    };
    let mut candidates: Vec<(&Element, &str)> = Vec::new();
    let enclosures = item.children_named(feed.ns, "enclosure").filter(|e| is_image_type(e, "url")).map(|e| (e, "url"));
    // Atom's links; an RSS item may carry Atom 1.0 ones too (`atom:link`).
    let atom_ns = if feed.format == Format::Atom { feed.ns } else { Some(ATOM) };
    let links = item
        .children_named(atom_ns, "link")
        .filter(|l| is_rel(l, "enclosure") && is_image_type(l, "href"))
        .map(|l| (l, "href"));
    candidates.extend(enclosures.chain(links));
    let groups: Vec<&Element> = std::iter::once(item).chain(item.children_named(Some(MEDIA), "group")).collect();
    for group in groups {
        // Sizes of one picture (the Guardian's 140 and 460 pixels wide): the
        // widest goes first, for the article view (a width beats none).
        let mut contents: Vec<&Element> =
            group.children_named(Some(MEDIA), "content").filter(|c| media_image(c)).collect();
        if let Some(widest) =
            (0..contents.len()).min_by_key(|&i| std::cmp::Reverse(pixels(contents[i].attribute("width"))))
        {
            let picture = contents.remove(widest);
            contents.insert(0, picture);
        }
        candidates.extend(contents.into_iter().map(|c| (c, "url")));
        candidates.extend(group.children_named(Some(MEDIA), "thumbnail").map(|t| (t, "url")));
    }
    // A podcast episode's own picture.
    candidates.extend(item.children_named(Some(ITUNES), "image").map(|i| (i, "href")));
    for (e, attribute) in candidates {
        let Some(raw) = e.attribute(attribute).filter(|u| !u.trim().is_empty()) else { continue };
        let url = against(xml_base(e, base).as_deref(), raw);
        if let Some(url) = checked(url, UrlUse::Image, "image", location, warnings) {
            return Some(Image {
                url,
                alt: None,
                width: pixels(e.attribute("width")),
                height: pixels(e.attribute("height")),
            });
        }
    }
    let Body::Html(html) = body else { return None };
    let src = first_img_src(html)?;
    let url = checked(against(base, &src), UrlUse::Image, "image", location, warnings)?;
    Some(Image { url, ..Image::default() })
}

/// Whether a URL's path ends as a picture's does (`/photo.JPG?w=800`).
fn has_image_extension(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"].iter().any(|ext| path.ends_with(ext))
}

/// A size attribute in pixels.
fn pixels(value: Option<&str>) -> Option<u32> {
    value?.trim().parse().ok().filter(|n| (1..=100_000).contains(n))
}

/// The `src` of the first `<img>` in an HTML text, entities decoded. A
/// scan, not a parser: a picture for the ticker, never markup to trust
/// (the body itself goes through the sanitiser).
fn first_img_src(html: &str) -> Option<String> {
    // ASCII lower-casing keeps every byte where it was.
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<img") {
        let start = from + i + 4;
        let end = lower[start..].find('>').map_or(lower.len(), |j| start + j);
        if lower[start..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/') {
            let src = attribute_value(&html[start..end], &lower[start..end], "src").map(decode_entities);
            if let Some(src) = src.filter(|s| !s.trim().is_empty()) {
                return Some(src.into_owned());
            }
        }
        from = end;
    }
    None
}

/// The value of attribute `name` in the inside of a tag (`lower` is the
/// same text lower-cased): quoted or not.
fn attribute_value<'a>(tag: &'a str, lower: &str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let starts_attribute =
            lower[..at].ends_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '"' || c == '\'');
        let rest = lower[from..].trim_start();
        if !starts_attribute || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        return Some(match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or_default(),
            _ => value.split(|c: char| c.is_ascii_whitespace()).next().unwrap_or_default(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::xml::from_text;

    fn read(xml: &str) -> NewsDocument {
        decode(&from_text(xml).unwrap(), DecodeOptions { max_items: usize::MAX, ..DecodeOptions::default() }).unwrap()
    }

    fn fail(xml: &str) -> String {
        decode(&from_text(xml).unwrap(), DecodeOptions::default()).unwrap_err().to_string()
    }

    fn warnings(doc: &NewsDocument) -> Vec<String> {
        doc.warnings.iter().map(|w| w.to_string()).collect()
    }

    fn find<'a>(doc: &'a NewsDocument, headline: &str) -> &'a Article {
        doc.latest.iter().find(|a| a.headline == headline).unwrap_or_else(|| {
            panic!("no {headline:?} in {:?}", doc.latest.iter().map(|a| &a.headline).collect::<Vec<_>>())
        })
    }

    #[test]
    fn rss_2_0_as_a_reader_shows_it() {
        let doc = read(include_str!("../../../../tests/fixtures/feeds/rss-2.0.xml"));
        assert_eq!(doc.format, Format::Rss);
        assert_eq!(doc.title.as_deref(), Some("Harbour Gazette"));
        assert_eq!(doc.language.as_deref(), Some("en-GB"));
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(
            heads,
            [
                "Ferry timetable changes & new routes",
                "Tides: the <b> tag story",
                "Lighthouse keeper retires after 40 years",
                "Harbour wall repairs begin"
            ]
        );
        assert_eq!(
            warnings(&doc),
            ["item 4: pubDate \"last Tuesday\" is not a date", "item 5: has no title, summary or text"]
        );

        let ferry = &doc.latest[0];
        assert_eq!(ferry.url.as_deref(), Some("https://gazette.test/news/ferry"), "relative to the channel link");
        assert_eq!(ferry.id, "gazette-1042", "a guid that is not a permalink is still the id");
        assert_eq!(ferry.date_published.map(|d| d.to_iso()).as_deref(), Some("2026-01-15T15:00:00Z"));
        assert_eq!(ferry.authors, ["Ana Sousa"], "dc:creator");
        assert_eq!(ferry.tags, ["Transport", "Harbour"]);
        assert_eq!(
            ferry.body,
            Body::Html(
                "<p>From <strong>Monday</strong>, the ferry runs hourly.</p><img src=\"/img/inline.jpg\">".into()
            ),
            "content:encoded in CDATA"
        );
        assert_eq!(
            ferry.summary.as_deref(),
            Some("Hourly ferries from Monday."),
            "the description, as text, beside the full body"
        );
        let image = ferry.image.as_ref().unwrap();
        assert_eq!(
            (image.url.as_str(), image.width, image.height),
            ("https://cdn.gazette.test/ferry-large.jpg", Some(1200), Some(800)),
            "media:content"
        );

        let tides = find(&doc, "Tides: the <b> tag story");
        assert_eq!(tides.url.as_deref(), Some("https://gazette.test/news/tides"), "a permalink guid is the link");
        assert_eq!(
            tides.image.as_ref().map(|i| i.url.as_str()),
            Some("https://cdn.gazette.test/tides-thumb.jpg"),
            "media:thumbnail in a media:group"
        );
        assert_eq!(tides.authors, ["Jo Smith"], "the name of an author's address");
        assert_eq!(
            tides.body,
            Body::Paragraphs(vec!["The tide tables for spring.".into()]),
            "a text description is paragraphs"
        );
        assert_eq!(tides.summary, None, "no summary repeats the body");

        let keeper = find(&doc, "Lighthouse keeper retires after 40 years");
        assert_eq!(
            keeper.image.as_ref().map(|i| i.url.as_str()),
            Some("https://gazette.test/img/keeper.jpg"),
            "an image enclosure, not the audio one"
        );
        assert_eq!(keeper.authors, ["Harbour Desk"], "the channel's dc:creator stands in");
        assert!(matches!(&keeper.body, Body::Html(h) if h.contains("<em>forty</em>")), "an HTML description is HTML");

        let wall = find(&doc, "Harbour wall repairs begin");
        assert_eq!(wall.date_published, None);
        assert_eq!(wall.url, None);
        assert_eq!(
            wall.id, "https://gazette.test/news/wall",
            "a guid that is a URL but isPermaLink=false is the id only"
        );
        assert_eq!(
            wall.image.as_ref().map(|i| i.url.as_str()),
            Some("https://gazette.test/img/wall.png"),
            "the first <img> of the body"
        );
    }

    #[test]
    fn an_rss_item_dated_and_signed_with_atom_elements_as_dot_net_writes_it() {
        let rss = r#"<rss version="2.0" xmlns:a10="http://www.w3.org/2005/Atom"><channel><title>T</title>
            <item><guid isPermaLink="false">1</guid><link>https://n.test/1</link><a10:author><a10:name>Ann Lee</a10:name></a10:author><title>Older</title><a10:updated>2026-11-30T10:00:00+02:00</a10:updated></item>
            <item><title>Newer</title><link>https://n.test/2</link><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><a10:published>2020-01-01T00:00:00Z</a10:published><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Bo</dc:creator></item>
            </channel></rss>"#;
        let doc = read(rss);
        let older = find(&doc, "Older");
        assert_eq!(
            older.date_published.map(|d| d.to_iso()).as_deref(),
            Some("2026-11-30T08:00:00Z"),
            "a10:updated when there is no pubDate"
        );
        assert_eq!(older.authors, ["Ann Lee"], "a10:author's name");
        let newer = find(&doc, "Newer");
        assert_eq!(newer.date_published.map(|d| d.to_iso()).as_deref(), Some("2026-11-30T09:00:00Z"), "pubDate first");
        assert_eq!(newer.authors, ["Bo"], "dc:creator before Atom's author");
        assert_eq!(doc.latest[0].headline, "Newer");
    }

    #[test]
    fn an_rss_items_link_as_feeds_give_it() {
        let rss = r#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>T</title><link>https://n.test/</link>
            <item><title>Spaced</title><link>
                https://n.test/spaced
            </link></item>
            <item><title>Empty</title><link></link><guid>https://n.test/guid</guid></item>
            <item><title>Atom</title><atom:link rel="alternate" href="/atom"/><atom:link rel="enclosure" type="image/png" href="/i.png"/></item>
            <item><title>Burned</title><link>https://feeds.feedburner.test/~r/n/~3/abc/</link><feedburner:origLink>https://n.test/original</feedburner:origLink></item>
            </channel></rss>"#;
        let doc = read(rss);
        let link = |headline| find(&doc, headline).url.clone();
        assert_eq!(link("Spaced").as_deref(), Some("https://n.test/spaced"));
        assert_eq!(link("Empty").as_deref(), Some("https://n.test/guid"), "an empty link is none, not the channel's");
        assert_eq!(
            link("Atom").as_deref(),
            Some("https://n.test/atom"),
            "an Atom alternate link, read against the channel"
        );
        assert_eq!(
            link("Burned").as_deref(),
            Some("https://n.test/original"),
            "FeedBurner's origLink, not its redirect"
        );
    }

    #[test]
    fn relative_links_are_read_against_where_the_feed_came_from() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>One</title><link href="entry/1"/></entry></feed>"#;
        let root = from_text(atom).unwrap();
        let from = |url| {
            decode(&root, DecodeOptions { document_url: url, ..DecodeOptions::default() }).unwrap().latest[0]
                .url
                .clone()
        };
        assert_eq!(from(Some("https://news.test/feeds/atom.xml")).as_deref(), Some("https://news.test/feeds/entry/1"));
        assert_eq!(from(None).as_deref(), Some("entry/1"), "without it, left to the page");
        assert_eq!(from(Some("javascript:alert(1)")).as_deref(), Some("entry/1"), "only a web URL is a base");
        let rss = r#"<rss version="2.0"><channel><title>T</title><link>/</link><item><title>Two</title><link>news/2</link></item></channel></rss>"#;
        let root = from_text(rss).unwrap();
        let doc = decode(
            &root,
            DecodeOptions { document_url: Some("https://news.test/feeds/rss.xml"), ..DecodeOptions::default() },
        )
        .unwrap();
        assert_eq!(
            doc.latest[0].url.as_deref(),
            Some("https://news.test/news/2"),
            "a relative channel link, read against the feed first"
        );
    }

    #[test]
    fn rss_0_92_without_namespaces_or_dates() {
        let doc = read(include_str!("../../../../tests/fixtures/feeds/rss-0.92.xml"));
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        assert_eq!(doc.title.as_deref(), Some("Old Town Crier"));
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["Market day moved", "Bake sale raises £300"], "undated items keep their order");
        assert_eq!(doc.latest[0].url.as_deref(), Some("http://crier.test/market.html"));
        assert_eq!(doc.latest[0].id, "http://crier.test/market.html", "the link is the id without a guid");
        assert_eq!(doc.latest[1].image.as_ref().map(|i| i.url.as_str()), Some("http://crier.test/cake.jpg"));
        assert_eq!(doc.latest[1].body, Body::Paragraphs(vec!["Thanks to all who baked.".into()]));
    }

    #[test]
    fn rss_0_91_with_its_netscape_doctype() {
        let doc = read(concat!(
            r#"<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">"#,
            r#"<rss version="0.91"><channel><title>Netscape era</title><link>http://old.test/</link><language>en-us</language>"#,
            "<item><title>Hello</title><link>/hello</link><description>First post</description></item></channel></rss>"
        ));
        assert_eq!((doc.title.as_deref(), doc.language.as_deref()), (Some("Netscape era"), Some("en-us")));
        assert_eq!(doc.latest[0].url.as_deref(), Some("http://old.test/hello"));
    }

    #[test]
    fn a_video_feeds_media_description_is_the_text_when_there_is_no_other() {
        let doc = read(concat!(
            r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Channel</title>"#,
            r#"<entry><id>yt:video:a</id><title>Video</title><link rel="alternate" href="https://video.test/a"/>"#,
            "<published>2026-11-30T10:00:00Z</published><media:group><media:title>Video</media:title>",
            "<media:description>About it &amp; more\n\nSecond part</media:description></media:group></entry>",
            r#"<entry><id>b</id><title>Own text</title><summary>Summary wins</summary><media:description>Not this</media:description></entry>"#,
            r#"<entry><id>c</id><title>HTML</title><media:description type="html">&lt;p&gt;Marked &lt;b&gt;up&lt;/b&gt;&lt;/p&gt;</media:description></entry></feed>"#
        ));
        assert_eq!(find(&doc, "Video").body, Body::Paragraphs(vec!["About it & more".into(), "Second part".into()]));
        assert_eq!(find(&doc, "Own text").body, Body::Paragraphs(vec!["Summary wins".into()]));
        assert_eq!(find(&doc, "HTML").body, Body::Html("<p>Marked <b>up</b></p>".into()));
    }

    #[test]
    fn html_written_into_an_rss_body_as_elements_keeps_its_markup() {
        let doc = read(concat!(
            r#"<rss version="2.0"><channel><title>T</title><item><title>Raw</title><guid>r</guid>"#,
            "<description><p>One &amp; <b>two</b></p><p>Three<br/>four</p></description></item></channel></rss>"
        ));
        assert_eq!(find(&doc, "Raw").body, Body::Html("<p>One &amp; <b>two</b></p><p>Three<br>four</p>".into()));
    }

    #[test]
    fn rss_2_0_in_a_default_namespace_reads_as_rss_2_0() {
        let doc = read(concat!(
            r#"<rss version="2.0" xmlns="http://backend.userland.com/rss2" xmlns:dc="http://purl.org/dc/elements/1.1/">"#,
            "<channel><title>Userland</title><link>http://scripting.test/</link><language>en</language>",
            "<item><title>Older</title><link>/older</link><guid isPermaLink=\"false\">u-1</guid>",
            "<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><author>dave@scripting.test (Dave)</author><category>Web</category></item>",
            "<item><title>Newer</title><guid>http://scripting.test/newer</guid><pubDate>Tue, 03 Nov 2026 09:00:00 GMT</pubDate>",
            "<enclosure url=\"http://scripting.test/p.png\" type=\"image/png\" length=\"1\"/></item></channel></rss>"
        ));
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        assert_eq!((doc.title.as_deref(), doc.language.as_deref()), (Some("Userland"), Some("en")));
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["Newer", "Older"], "ordered by pubDate");
        let older = find(&doc, "Older");
        assert_eq!((older.id.as_str(), older.url.as_deref()), ("u-1", Some("http://scripting.test/older")));
        assert_eq!((older.authors.clone(), older.tags.clone()), (vec!["Dave".to_string()], vec!["Web".to_string()]));
        let newer = find(&doc, "Newer");
        assert_eq!(newer.url.as_deref(), Some("http://scripting.test/newer"), "a permalink guid is the link");
        assert_eq!(newer.image.as_ref().map(|i| i.url.as_str()), Some("http://scripting.test/p.png"));
    }

    #[test]
    fn rss_1_0_items_beside_the_channel() {
        let doc = read(include_str!("../../../../tests/fixtures/feeds/rss-1.0.rdf"));
        assert_eq!(doc.format, Format::Rss);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        assert_eq!(doc.title.as_deref(), Some("Valley Science Notes"));
        assert_eq!(doc.language.as_deref(), Some("de"), "dc:language");
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["Comet visible tonight", "New seismograph installed"], "newest first by dc:date");
        let comet = &doc.latest[0];
        assert_eq!(comet.date_published.map(|d| d.to_iso()).as_deref(), Some("2026-02-02T19:30:00Z"));
        assert_eq!(comet.url.as_deref(), Some("https://science.test/comet"));
        assert_eq!(comet.id, "https://science.test/comet", "rdf:about");
        assert_eq!(comet.authors, ["Dr. Lena Vogt"]);
        assert_eq!(comet.tags, ["Astronomy"], "dc:subject");
        assert_eq!(
            doc.latest[1].url.as_deref(),
            Some("https://science.test/seismo"),
            "rdf:about stands in for a missing link"
        );
    }

    #[test]
    fn atom_1_0_as_a_reader_shows_it() {
        let doc = read(include_str!("../../../../tests/fixtures/feeds/atom-1.0.xml"));
        assert_eq!(doc.format, Format::Atom);
        assert_eq!(doc.title.as_deref(), Some("Ridge & Valley Post"), "type=\"html\" feed title");
        assert_eq!(doc.language.as_deref(), Some("en-NZ"), "xml:lang on the root");
        assert_eq!(warnings(&doc), ["item 4: link \"javascript:alert(1)\" is refused"]);
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(
            heads,
            ["Roads & bridges: what's next", "Fish & chips &amp; more", "Snow on the ridge", "Quiet week"]
        );

        let roads = &doc.latest[0];
        assert_eq!(
            roads.url.as_deref(),
            Some("https://post.test/2026/news/roads.html"),
            "rel=alternate text/html, against nested xml:base"
        );
        assert_eq!(roads.id, "tag:post.test,2026:roads");
        assert_eq!(
            roads.date_published.map(|d| d.to_iso()).as_deref(),
            Some("2026-03-03T09:00:00Z"),
            "published, not updated"
        );
        assert_eq!(roads.date_modified.map(|d| d.to_iso()).as_deref(), Some("2026-03-04T10:00:00Z"));
        assert_eq!(roads.authors, ["Mere Tane", "Sam Lee"]);
        assert_eq!(roads.tags, ["Transport", "council"], "label, else term");
        assert_eq!(
            roads.body,
            Body::Html("<p>The <a href=\"/plan\">plan</a> &amp; <em>costs</em>.</p><br>".into()),
            "xhtml content written back as HTML"
        );
        assert_eq!(roads.summary.as_deref(), Some("Plans & costs."));
        assert_eq!(
            roads.image.as_ref().map(|i| i.url.as_str()),
            Some("https://post.test/2026/img/bridge.jpg"),
            "an image enclosure link"
        );

        let fish = &doc.latest[1];
        assert_eq!(
            fish.url.as_deref(),
            Some("https://post.test/food/fish"),
            "the only alternate; self and enclosure are not the article"
        );
        assert_eq!(fish.authors, ["Post Staff"], "the feed's author stands in");
        assert_eq!(
            fish.body,
            Body::Paragraphs(vec!["Batter & salt.".into(), "Vinegar &amp; more.".into()]),
            "plain text keeps its '&' as written"
        );

        let snow = &doc.latest[2];
        assert_eq!(
            snow.date_published.map(|d| d.to_iso()).as_deref(),
            Some("2026-03-01T00:00:00Z"),
            "updated without published"
        );
        assert_eq!(snow.url.as_deref(), Some("https://post.test/snow"), "an id that is a web URL stands in for a link");
        assert_eq!(snow.body, Body::Html("<p>White <b>peaks</b></p>".into()), "a summary is the body without content");

        let quiet = &doc.latest[3];
        assert_eq!(quiet.url, None, "javascript: is refused");
        assert_eq!(quiet.headline, "Quiet week");
    }

    #[test]
    fn atom_0_3_as_old_blogs_serve_it() {
        let doc = read(include_str!("../../../../tests/fixtures/feeds/atom-0.3.xml"));
        assert_eq!(doc.format, Format::Atom);
        assert_eq!(doc.title.as_deref(), Some("Harbour <Blog>"), "escaped text/html, reduced to text");
        assert_eq!(doc.language.as_deref(), Some("en"));
        let ferries = find(&doc, "Ferries & tides");
        assert_eq!(
            ferries.url.as_deref(),
            Some("https://harbour.test/2026/03/ferries.html"),
            "against the entry's xml:base"
        );
        assert_eq!(ferries.id, "tag:harbour.test,2026:1");
        assert_eq!(
            ferries.date_published.map(|d| d.to_iso()).as_deref(),
            Some("2026-03-03T08:00:00Z"),
            "issued before created and modified"
        );
        assert_eq!(ferries.date_modified.map(|d| d.to_iso()).as_deref(), Some("2026-03-04T08:30:00Z"));
        assert_eq!(ferries.authors, ["Ana Quay"], "the feed's author stands in");
        assert_eq!(
            ferries.body,
            Body::Html(r#"<p>New <a href="timetable.html">timetable</a>.</p><img src="ferry.jpg" alt="">"#.into()),
            "escaped content is HTML"
        );
        assert_eq!(ferries.summary.as_deref(), Some("New timetable & fares."));
        assert_eq!(
            ferries.image.as_ref().map(|i| i.url.as_str()),
            Some("https://harbour.test/2026/03/ferry.jpg"),
            "the body's image, against the entry's xml:base"
        );

        let lighthouse = find(&doc, "Lighthouse open day");
        assert_eq!(
            lighthouse.date_published.map(|d| d.to_iso()).as_deref(),
            Some("2026-02-20T12:00:00Z"),
            "created without issued"
        );
        assert_eq!(lighthouse.authors, ["Ben Keeper"]);
        assert_eq!(
            lighthouse.body,
            Body::Html("<p>Climb <em>all</em> 120 steps.</p>".into()),
            "inline XHTML (mode xml)"
        );
        assert_eq!(lighthouse.summary, None, "base64 is not read");
        assert_eq!(
            doc.latest.iter().map(|a| a.headline.as_str()).collect::<Vec<_>>(),
            ["Ferries & tides", "Lighthouse open day"],
            "newest first"
        );
    }

    #[test]
    fn html_titles_decode_entities_once_more_and_text_titles_do_not() {
        let atom = |title: &str| {
            let xml = format!(r#"<feed xmlns="{ATOM}"><entry><id>1</id>{title}</entry></feed>"#);
            read(&xml).latest[0].headline.clone()
        };
        assert_eq!(
            atom(r#"<title type="html">Tom &amp;amp; Jerry &lt;i&gt;live&lt;/i&gt;</title>"#),
            "Tom & Jerry live"
        );
        assert_eq!(atom(r#"<title type="text">Tom &amp;amp; Jerry &lt;i&gt;</title>"#), "Tom &amp; Jerry <i>");
        assert_eq!(
            atom(
                r#"<title>  Two   lines
            here </title>"#
            ),
            "Two lines here"
        );
        assert_eq!(
            atom(
                r#"<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> &amp; plain</div></title>"#
            ),
            "A bold & plain"
        );
        let rss = |title: &str| {
            read(&format!("<rss><channel><item><title>{title}</title></item></channel></rss>")).latest[0]
                .headline
                .clone()
        };
        assert_eq!(rss("AT&amp;T &amp;amp; friends"), "AT&T & friends", "double-encoded: decoded once more");
        assert_eq!(rss("&lt;b&gt;Bold&lt;/b&gt; move"), "Bold move", "escaped markup is stripped");
        assert_eq!(rss("<![CDATA[<em>Big</em> news]]>"), "Big news");
        assert_eq!(rss("3 &lt; 4"), "3 < 4", "a '<' that opens no tag stays");
    }

    #[test]
    fn items_without_a_title_get_one_from_their_text_or_are_skipped() {
        let doc = read(concat!(
            "<rss><channel><title>T</title>",
            "<item><description>&lt;p&gt;A storm is coming &amp;amp; the coast guard warns boats to stay in port until the wind drops on Friday night.&lt;/p&gt;</description></item>",
            "<item><link>https://x.test/empty</link><description>  </description></item>",
            "<item><title>   </title><guid>g</guid></item>",
            "</channel></rss>"
        ));
        assert_eq!(doc.latest.len(), 1);
        assert_eq!(
            doc.latest[0].headline,
            "A storm is coming & the coast guard warns boats to stay in port until the wind drops on Friday…"
        );
        assert_eq!(warnings(&doc), ["item 2: has no title, summary or text", "item 3: has no title, summary or text"]);
        let err = fail("<rss><channel><item><link>/a</link></item><item/></channel></rss>");
        assert_eq!(
            err,
            "no item with a title found in the RSS feed (2 problems: item 1: has no title, summary or text)"
        );
        let err = fail(&format!(r#"<feed xmlns="{ATOM}"><title>Empty</title></feed>"#));
        assert_eq!(err, "no item with a title found in the Atom feed");
        assert_eq!(
            fail("<rss version=\"2.0\"/>"),
            "no item with a title found in the RSS feed (1 problem: channel: is missing)"
        );
    }

    #[test]
    fn what_is_not_a_feed_says_what_it_is() {
        assert_eq!(
            fail(include_str!("../../../../tests/fixtures/feeds/not-a-feed.xhtml")),
            "an HTML page, not a feed (the root element is <html>)"
        );
        assert_eq!(fail("<HTML><body/></HTML>"), "an HTML page, not a feed (the root element is <HTML>)");
        assert_eq!(fail("<sitemap/>"), "not a feed: the root element is <sitemap>");
        assert_eq!(
            fail(r#"<feed xmlns="urn:example:other"/>"#),
            "not a feed: the root element is <feed> in the namespace urn:example:other"
        );
        let bare = read(
            r#"<feed><title>Bare</title><entry><title>No namespace</title><link href="https://bare.test/1"/><updated>2026-01-02T00:00:00Z</updated><author><name>Jo</name></author></entry></feed>"#,
        );
        let entry = &bare.latest[0];
        assert_eq!(
            (entry.headline.as_str(), entry.url.as_deref(), entry.authors.as_slice()),
            ("No namespace", Some("https://bare.test/1"), &["Jo".to_string()][..]),
            "Atom without its namespace"
        );
        assert_eq!(entry.date_published.map(|d| d.to_iso()).as_deref(), Some("2026-01-02T00:00:00Z"));
        assert_eq!(
            fail(&format!(r#"<rdf:RDF xmlns:rdf="{RDF}"><rdf:Description/></rdf:RDF>"#)),
            format!("not a feed: the root element is <RDF> in the namespace {RDF}, with no RSS 1.0 channel or item")
        );
        let firefox = r#"<parsererror xmlns="http://www.mozilla.org/newlayout/xml/parsererror.xml">XML Parsing Error: mismatched tag</parsererror>"#;
        assert_eq!(fail(firefox), "not well-formed XML: XML Parsing Error: mismatched tag");
    }

    #[test]
    fn an_enclosure_without_a_type_is_an_image_by_its_url_and_the_widest_size_is_taken() {
        let item = |media: &str| {
            let xml = format!(
                r#"<rss version="2.0" xmlns:media="{MEDIA}"><channel><item><title>T</title><guid>t</guid>{media}</item></channel></rss>"#
            );
            read(&xml).latest[0].image.as_ref().map(|i| i.url.clone())
        };
        let picture = r#"<enclosure url="https://x.test/a.mp3" length="1"/><enclosure url="https://x.test/pic.JPG?w=800" length="0"/>"#;
        assert_eq!(
            item(picture).as_deref(),
            Some("https://x.test/pic.JPG?w=800"),
            "not the sound, which has no picture's extension"
        );
        assert_eq!(item(r#"<media:content url="https://x.test/m.webp"/>"#).as_deref(), Some("https://x.test/m.webp"));
        assert_eq!(
            item(r#"<media:content url="https://x.test/v.jpg" medium="video"/>"#),
            None,
            "a medium says otherwise"
        );
        assert_eq!(item(r#"<enclosure url="https://x.test/p.jpg" type="audio/mpeg"/>"#), None, "a type says otherwise");
        let sizes = r#"<media:content url="https://x.test/140.jpg" width="140" medium="image"/><media:content url="https://x.test/any.jpg" medium="image"/><media:content url="https://x.test/460.jpg" width="460" medium="image"/>"#;
        assert_eq!(item(sizes).as_deref(), Some("https://x.test/460.jpg"), "the widest of one picture's sizes");
        let episode = format!(
            r#"<enclosure url="https://x.test/e.mp3" type="audio/mpeg"/><itunes:image xmlns:itunes="{ITUNES}" href="https://x.test/cover.png"/>"#
        );
        assert_eq!(item(&episode).as_deref(), Some("https://x.test/cover.png"), "a podcast episode's picture");
    }

    #[test]
    fn script_links_and_images_are_refused_everywhere() {
        let doc = read(concat!(
            r#"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><link>javascript:alert(1)</link>"#,
            "<item><title>A</title><link>javascript:alert(1)</link><guid>https://x.test/a</guid>",
            r#"<media:content url="javascript:alert(2)" medium="image"/><media:thumbnail url="data:image/png;base64,AAAA"/>"#,
            r#"<enclosure url="https://x.test/a.jpg" type="image/jpeg" length="1"/></item>"#,
            "<item><title>B</title><link>  JaVa\tScRiPt:alert(3)</link>",
            r#"<description>&lt;img src="javascript:alert(4)"&gt;</description></item>"#,
            "<item><title>C</title><link>relative/c</link></item>",
            "</channel></rss>"
        ));
        let a = find(&doc, "A");
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"), "the permalink guid instead");
        assert_eq!(
            a.image.as_ref().map(|i| i.url.as_str()),
            Some("https://x.test/a.jpg"),
            "the enclosure is first, so the others are not needed"
        );
        let b = find(&doc, "B");
        assert_eq!((b.url.as_deref(), b.image.as_ref()), (None, None));
        assert_eq!(find(&doc, "C").url.as_deref(), Some("relative/c"), "a channel link that is refused is no base");
        assert_eq!(
            warnings(&doc),
            [
                "item 1: link \"javascript:alert(1)\" is refused",
                "item 2: link \"JaVaScRiPt:alert(3)\" is refused",
                "item 2: image \"javascript:alert(4)\" is refused"
            ]
        );
        let doc = read(
            r#"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>D</title><media:thumbnail url="vbscript:x"/><media:thumbnail url="//cdn.x.test/d.jpg"/></item></channel></rss>"#,
        );
        assert_eq!(
            doc.latest[0].image.as_ref().map(|i| i.url.as_str()),
            Some("//cdn.x.test/d.jpg"),
            "the next candidate after a refused one"
        );
    }

    #[test]
    fn rfc_822_dates_in_every_zone_form_order_the_ticker() {
        let items: String = [
            ("gmt", "Thu, 15 Jan 2026 10:00:00 GMT"),
            ("est", "Thu, 15 Jan 2026 10:00:00 EST"),
            ("pdt", "15 Jan 2026 10:00 PDT"),
            ("military", "Thu, 15 Jan 2026 12:00:00 N"),
            ("offset", "Thu, 15 Jan 2026 10:00:00 -0930"),
            ("old year", "Thu, 15 Jan 26 11:00:00 UT"),
            ("iso", "2026-01-15T13:00:00+01:00"),
        ]
        .iter()
        .map(|(title, date)| format!("<item><title>{title}</title><pubDate>{date}</pubDate></item>"))
        .collect();
        let doc = read(&format!("<rss><channel>{items}</channel></rss>"));
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        let order: Vec<(&str, String)> = doc
            .latest
            .iter()
            .map(|a| (a.headline.as_str(), a.date_published.map(|d| d.to_iso()).unwrap_or_default()))
            .collect();
        assert_eq!(
            order,
            [
                ("offset", "2026-01-15T19:30:00Z".to_string()),
                ("pdt", "2026-01-15T17:00:00Z".into()),
                ("est", "2026-01-15T15:00:00Z".into()),
                ("military", "2026-01-15T12:00:00Z".into()),
                ("iso", "2026-01-15T12:00:00Z".into()),
                ("old year", "2026-01-15T11:00:00Z".into()),
                ("gmt", "2026-01-15T10:00:00Z".into()),
            ]
        );
    }

    #[test]
    fn the_ticker_is_capped_and_only_what_it_shows_is_built() {
        let items: String = (0..30)
            .map(|i| {
                format!(
                    "<item><title>S{i}</title><guid>{i}</guid><pubDate>{} Jan 2026 10:00 GMT</pubDate></item>",
                    i + 1
                )
            })
            .collect();
        let root = from_text(&format!("<rss><channel>{items}</channel></rss>")).unwrap();
        let doc =
            decode(&root, DecodeOptions { max_items: 5, main_id: Some("3"), ..DecodeOptions::default() }).unwrap();
        let heads: Vec<&str> = doc.latest.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["S29", "S28", "S27", "S26", "S25"]);
        assert_eq!(
            doc.main.as_ref().map(|a| a.headline.as_str()),
            Some("S3"),
            "the article attribute picks the main one"
        );
        assert_eq!((doc.found, doc.unbuilt), (29, 24), "found counts the ticker's candidates, the main one aside");
    }

    #[test]
    fn more_items_than_are_read_are_reported() {
        let items = "<item><title>x</title></item>".repeat(MAX_ITEMS_READ + 2);
        let doc =
            decode(&from_text(&format!("<rss><channel>{items}</channel></rss>")).unwrap(), DecodeOptions::default())
                .unwrap();
        assert_eq!(
            warnings(&doc),
            [format!("feed: has {} items; only the first {MAX_ITEMS_READ} are read", MAX_ITEMS_READ + 2)]
        );
        assert_eq!(doc.found, MAX_ITEMS_READ);
    }

    #[test]
    fn authors_from_addresses() {
        assert_eq!(name_of_address("jo@x.test (Jo Smith)"), "Jo Smith");
        assert_eq!(name_of_address("Jo Smith <jo@x.test>"), "Jo Smith");
        assert_eq!(name_of_address("\"Jo Smith\" <jo@x.test>"), "Jo Smith");
        assert_eq!(name_of_address("jo@x.test"), "jo@x.test");
        assert_eq!(name_of_address("jo@x.test ()"), "jo@x.test ()");
        assert_eq!(name_of_address("Jo Smith"), "Jo Smith");
    }

    #[test]
    fn first_img_src_scans_html_as_it_is_written() {
        assert_eq!(
            first_img_src(r#"<p>x</p><IMG alt="a" SRC='/a.jpg?x=1&amp;y=2'>"#).as_deref(),
            Some("/a.jpg?x=1&y=2")
        );
        assert_eq!(
            first_img_src(r#"<img data-src="/lazy.jpg" srcset="/s.jpg 2x" src=/b.jpg width=3>"#).as_deref(),
            Some("/b.jpg")
        );
        assert_eq!(first_img_src(r#"<imgx src="/no.jpg"><img src = "/c.jpg">"#).as_deref(), Some("/c.jpg"));
        assert_eq!(first_img_src(r#"<img alt="no source"><img src=""><img src="/d.jpg""#).as_deref(), Some("/d.jpg"));
        assert_eq!(first_img_src("<img"), None);
        assert_eq!(first_img_src("<p>no picture</p>"), None);
    }

    #[test]
    fn xhtml_is_written_back_escaped() {
        let root = from_text(&format!(
            r#"<c xmlns:x="{XHTML}"><x:p class="a&quot;b" x:bad="1">1 &lt; 2 &amp; <x:img src="i.png"/><x:span>s</x:span></x:p></c>"#
        ))
        .unwrap();
        assert_eq!(
            to_html(&root.children),
            r#"<p class="a&quot;b">1 &lt; 2 &amp; <img src="i.png"><span>s</span></p>"#
        );
    }
}
