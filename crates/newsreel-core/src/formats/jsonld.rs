//! schema.org JSON-LD: the `application/ld+json` blocks of a page.
//!
//! A block holds one node, an array of nodes, or a `@graph`; nodes refer to
//! each other by `@id`, across blocks too. We look for nodes of an Article
//! type and for `ItemList`s of articles. The page's main article becomes
//! `main`; the lists, then the other articles, fill the ticker.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::formats::normalize::{self, Order};
use crate::formats::schema::{article, article_in_layers, is_reference, layered, number_from_text, text, Layer, Nodes};
use crate::input::json::kind;
use crate::model::{warn, Article, Format, NewsDocument, Warning};

/// Article subtypes whose names end in neither "Article" nor "Posting".
const OTHER_ARTICLE_TYPES: &[&str] = &["Report", "APIReference"];

/// How many distinct types an "I found no article" warning lists.
const TYPES_SHOWN: usize = 8;

/// The local names of a node's types: `schema:NewsArticle` and
/// `http://schema.org/NewsArticle` both read as `NewsArticle`.
fn type_names(node: &Value) -> Vec<&str> {
    fn local(t: &str) -> &str {
        t.rsplit(['/', '#', ':']).next().unwrap_or(t).trim()
    }
    match node.get("@type") {
        Some(Value::String(t)) => vec![local(t)],
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).map(local).collect(),
        _ => Vec::new(),
    }
}

/// Article or one of its subtypes (NewsArticle, BlogPosting, Report, …).
fn is_article_type(name: &str) -> bool {
    name.ends_with("Article") || name.ends_with("Posting") || OTHER_ARTICLE_TYPES.contains(&name)
}

fn is_article(node: &Value) -> bool {
    type_names(node).iter().any(|t| is_article_type(t))
}

/// An `ItemList` proper: its subtype `BreadcrumbList` is navigation, not news.
fn is_item_list(node: &Value) -> bool {
    type_names(node).contains(&"ItemList")
}

/// A property that may hold one value, an array, or a `@list`.
fn values(value: &Value) -> &[Value] {
    let value = value.get("@list").unwrap_or(value);
    match value {
        Value::Array(items) => items,
        Value::Null => &[],
        one => std::slice::from_ref(one),
    }
}

fn id_of(node: &Value) -> Option<&str> {
    node.get("@id").and_then(Value::as_str)
}

/// The names a node goes by elsewhere in the graph: its `@id` and its `url`.
fn names_of(node: &Value) -> [Option<&str>; 2] {
    [id_of(node), node.get("url").and_then(Value::as_str)]
}

/// True when one of `names` is in `set`.
fn any_in(set: &BTreeSet<&str>, names: &[Option<&str>]) -> bool {
    names.iter().flatten().any(|name| set.contains(name))
}

/// Where the only block's root node is, in warnings.
const TOP_LEVEL: &str = "top level";

/// Joins a block's name and a path inside it: `block 2, @graph[3]`.
fn place(block: &str, path: &str) -> String {
    match (block.is_empty(), path.is_empty()) {
        (true, true) => TOP_LEVEL.into(),
        (true, false) => path.into(),
        (false, true) => block.into(),
        (false, false) => format!("{block}, {path}"),
    }
}

/// A member's location under its parent's: `@graph[0].mainEntity`.
fn child(path: &str, key: &str) -> String {
    if path.is_empty() || path == TOP_LEVEL {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The nodes a block lists at its top: itself, its array's elements, its `@graph`'s.
fn top_nodes<'a>(value: &'a Value, path: String, out: &mut Vec<(&'a Value, String)>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                top_nodes(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(_) => {
            if let Some(graph) = value.get("@graph") {
                top_nodes(graph, child(&path, "@graph"), out);
            }
            out.push((value, path));
        }
        _ => {}
    }
}

/// Every node with an `@id` and some content, at any depth, for reference lookups.
fn index_all<'a>(value: &'a Value, nodes: &mut Nodes<'a>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| index_all(item, nodes)),
        Value::Object(members) => {
            if let Some(id) = id_of(value) {
                if !is_reference(value) {
                    nodes.insert(id, value);
                }
            }
            members.iter().for_each(|(_, v)| index_all(v, nodes));
        }
        _ => {}
    }
}

/// What a first look over every block found.
#[derive(Default)]
struct Scan<'a> {
    /// Article-typed nodes met by the walk (not inside lists), in document
    /// order, with their location and whether a page holds them inline as its
    /// `mainEntity`. Each node is met once: the walk follows inline members
    /// only, never references.
    articles: Vec<(&'a Value, String, bool)>,
    lists: Vec<(&'a Value, String)>,
    /// `@id`s or URLs that some page's `mainEntity` points to.
    main_entity_ids: BTreeSet<&'a str>,
    /// `@id`s and URLs of web pages, for matching an article's `mainEntityOfPage`.
    page_ids: BTreeSet<&'a str>,
    language: Option<String>,
    /// The first few distinct types, for the warning when none is an article.
    types_seen: Vec<&'a str>,
}

impl<'a> Scan<'a> {
    fn visit(&mut self, node: &'a Value, location: String, as_main_entity: bool, nodes: &Nodes<'a>) {
        if !node.is_object() {
            return;
        }
        for name in type_names(node) {
            if self.types_seen.len() <= TYPES_SHOWN && !self.types_seen.contains(&name) {
                self.types_seen.push(name);
            }
        }
        if is_article(node) {
            // A live blog's updates are the news of the moment: each is an
            // article for the ticker, after the live blog itself.
            let updates = node.get("liveBlogUpdate").map_or(&[][..], values);
            let paths: Vec<String> =
                (0..updates.len()).map(|i| child(&location, &format!("liveBlogUpdate[{i}]"))).collect();
            self.articles.push((node, location, as_main_entity));
            for (update, path) in updates.iter().zip(paths) {
                // A reference's node is visited where it is written.
                if !is_reference(update) {
                    self.visit(update, path, false, nodes);
                }
            }
            return;
        }
        if is_item_list(node) {
            self.lists.push((node, location));
            return;
        }
        // Anything else that has a main entity, or is a kind of page, describes the page.
        let is_page = type_names(node).iter().any(|t| t.ends_with("Page"));
        if is_page || node.get("mainEntity").is_some() {
            self.page_ids.extend(names_of(node).into_iter().flatten());
        }
        if self.language.is_none() {
            self.language = node.get("inLanguage").and_then(|l| text(l, nodes));
        }
        // A page's main entity and parts; a Blog's posts (`blogPosts` is
        // schema.org's older name).
        for key in ["mainEntity", "hasPart", "blogPost", "blogPosts"] {
            let Some(value) = node.get(key) else { continue };
            for (i, part) in values(value).iter().enumerate() {
                let is_main = key == "mainEntity";
                if is_reference(part) || part.as_str().is_some() {
                    // The node itself is visited where it is written.
                    if is_main {
                        if let Some(id) = id_of(part).or(part.as_str()) {
                            self.main_entity_ids.insert(id);
                        }
                    }
                } else {
                    let path = if values(value).len() > 1 { format!("{key}[{i}]") } else { key.into() };
                    self.visit(part, child(&location, &path), is_main, nodes);
                }
            }
        }
    }

    /// True when an article's `mainEntityOfPage` names one of the page nodes.
    fn names_a_page(&self, node: &Value, nodes: &Nodes) -> bool {
        let Some(page) = node.get("mainEntityOfPage") else { return false };
        [page, nodes.resolve(page)].iter().any(|p| {
            let [id, url] = names_of(p);
            any_in(&self.page_ids, &[p.as_str(), id, url])
        })
    }
}

/// A node's address, to recognise the same node met twice (the tree does
/// not move while it is read).
fn address(node: &Value) -> *const Value {
    node
}

/// A list entry's `position`, as a number or numeric text.
fn position(entry: &Value) -> Option<f64> {
    match entry.get("position")? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => number_from_text(s),
        _ => None,
    }
}

/// The article an `itemListElement` entry (already resolved) stands for: an
/// article node itself, or a `ListItem` whose `item` is an article, a
/// reference to one, or a URL, with the `ListItem`'s own `name`/`url` filling
/// in what the item lacks. The nodes read are added to `listed`; an entry
/// whose node was read already gives `None`, so that a node listed many times
/// is decoded once.
fn list_entry<'a>(
    entry: &'a Value,
    nodes: &Nodes<'a>,
    location: &str,
    warnings: &mut Vec<Warning>,
    listed: &mut BTreeSet<*const Value>,
) -> Result<Option<Article>, String> {
    if is_article(entry) {
        if !listed.insert(address(entry)) {
            return Ok(None);
        }
        return article(entry, nodes, location, warnings).map(Some);
    }
    if let Value::String(link) = entry {
        return Err(format!("is only a URL ({}), with no headline", crate::html::text::excerpt(link, 60)));
    }
    if !entry.is_object() {
        return Err(format!("expected an object, found {}", kind(entry)));
    }
    let item = entry.get("item");
    let full = item.and_then(id_of).and_then(|id| nodes.get(id));
    if let Some(full) = full {
        if !listed.insert(address(full)) {
            return Ok(None);
        }
    }
    // One object read from three, each later one winning: the ListItem,
    // then the item written inline (or its URL), then the full node the item
    // refers to. Read in layers, not merged: nothing is copied.
    let mut layers = vec![Layer { node: entry, list_item: true }];
    // The graph index holds inline nodes with an @id too: the item may be the full node itself.
    let item_is_full = matches!((item, full), (Some(i), Some(f)) if std::ptr::eq(i, f));
    let item_url;
    match item {
        Some(Value::String(link)) => {
            item_url = url_object(link);
            layers.push(Layer::of(&item_url));
        }
        Some(inline @ Value::Object(_)) if !item_is_full => layers.push(Layer::of(inline)),
        _ => {}
    }
    if let Some(full) = full.filter(|f| f.is_object()) {
        layers.push(Layer::of(full));
    }
    // A bare reference's @id is the article's address when it is a web URL.
    let id_url;
    if layered(&layers, "url").is_none() {
        if let Some(id) = layered(&layers, "@id")
            .and_then(Value::as_str)
            .filter(|id| id.starts_with("http://") || id.starts_with("https://"))
        {
            id_url = url_object(id);
            layers.push(Layer::of(&id_url));
        }
    }
    article_in_layers(&layers, nodes, location, warnings).map(Some)
}

/// `{"url": link}`: a layer that gives an article its address.
fn url_object(link: &str) -> Value {
    serde_json::json!({ "url": link })
}

/// Decodes a page's JSON-LD blocks, with the ticker's order: as given when
/// an `ItemList` gave positions, else newest first. Whatever the blocks
/// hold, what is wrong with them is told in the document's warnings.
pub fn decode(docs: &[&Value]) -> (NewsDocument, Order) {
    let many = docs.len() > 1;
    let mut warnings = Vec::new();
    let mut tops = Vec::new();
    let mut refused = 0;
    for (i, doc) in docs.iter().enumerate() {
        let block = if many { format!("block {}", i + 1) } else { String::new() };
        if !matches!(doc, Value::Object(_) | Value::Array(_)) {
            let message = format!("expected an object or an array, found {}", kind(doc));
            warn(&mut warnings, &place(&block, ""), message);
            refused += 1;
            continue;
        }
        let mut found = Vec::new();
        top_nodes(doc, String::new(), &mut found);
        for (node, path) in found {
            tops.push((node, place(&block, &path)));
        }
    }

    // Top-level nodes first: they are the full ones that references point to.
    let mut nodes = Nodes::default();
    for (node, _) in &tops {
        if let Some(id) = id_of(node).filter(|_| !is_reference(node)) {
            nodes.insert(id, node);
        }
    }
    for doc in docs {
        index_all(doc, &mut nodes);
    }

    let mut scan = Scan::default();
    for (node, location) in tops {
        scan.visit(node, location, false, &nodes);
    }

    // The lists, each in position order (unpositioned entries after, as written).
    let mut latest = Vec::new();
    // Addresses of the nodes read as list entries: each is read once, and not again as `main`.
    let mut listed = BTreeSet::new();
    let mut order = Order::NewestFirst;
    let mut title = None;
    let mut list_entries = 0;
    for (list, location) in &scan.lists {
        if title.is_none() {
            title = list.get("name").and_then(|n| text(n, &nodes));
        }
        let entries = list.get("itemListElement").map_or(&[][..], values);
        list_entries += entries.len();
        // Each read entry with its sort key: positioned entries in position
        // order, the others after them as written. Positions are compared in
        // thousandths, which keeps `1.5` between 1 and 2.
        let mut read = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let where_ = child(location, &format!("itemListElement[{i}]"));
            let entry = nodes.resolve(entry);
            match list_entry(entry, &nodes, &where_, &mut warnings, &mut listed) {
                Ok(Some(a)) => {
                    let p = position(entry);
                    if p.is_some() {
                        order = Order::AsGiven;
                    }
                    read.push((p.map_or(i64::MAX, |p| (p * 1000.0) as i64), a));
                }
                Ok(None) => {}
                Err(why) => warn(&mut warnings, &where_, why),
            }
        }
        // Stable: equal positions keep their order.
        let keys: Vec<i64> = read.iter().map(|(key, _)| *key).collect();
        let mut articles: Vec<Option<Article>> = read.into_iter().map(|(_, a)| Some(a)).collect();
        latest.extend(normalize::stable_order(&keys).into_iter().filter_map(|i| articles[i].take()));
    }

    // The articles outside lists, each ranked for the main place: a page's
    // mainEntity first, then one naming a page as its mainEntityOfPage, then any.
    let mut candidates = Vec::new();
    // The best rank so far and where it is: the first of the lowest rank wins.
    let mut best: Option<(u8, usize)> = None;
    for (node, location, as_main_entity) in &scan.articles {
        if listed.contains(&address(node)) {
            continue;
        }
        match article(node, &nodes, location, &mut warnings) {
            Ok(a) => {
                let named = *as_main_entity || any_in(&scan.main_entity_ids, &names_of(node));
                let rank = if named {
                    0
                } else if scan.names_a_page(node, &nodes) {
                    1
                } else {
                    2
                };
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, candidates.len()));
                }
                candidates.push(a);
            }
            Err(why) => warn(&mut warnings, location, why),
        }
    }
    let main = best.map(|(_, i)| candidates.remove(i));
    latest.append(&mut candidates);

    // Say why nothing was found, unless every block was refused already.
    if scan.articles.is_empty() && list_entries == 0 && refused < docs.len() {
        let types = match scan.types_seen.len() {
            0 => "no node has an @type".into(),
            n => {
                let shown = scan.types_seen[..n.min(TYPES_SHOWN)].join(", ");
                format!("found {shown}{}", if n > TYPES_SHOWN { ", …" } else { "" })
            }
        };
        warn(&mut warnings, "JSON-LD", format!("no Article-type node or ItemList ({types})"));
    }

    let language = main.as_ref().and_then(|a| a.language.clone()).or(scan.language);
    let doc = NewsDocument { format: Format::JsonLd, main, latest, title, language, found: 0, unbuilt: 0, warnings };
    (doc, order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;

    fn parse(text: &str) -> serde_json::Result<Value> {
        serde_json::from_str(text)
    }

    fn read(texts: &[&str]) -> (NewsDocument, Order) {
        let roots: Vec<Value> = texts.iter().map(|t| parse(t).unwrap()).collect();
        let refs: Vec<&Value> = roots.iter().collect();
        decode(&refs)
    }

    fn headlines(articles: &[Article]) -> Vec<&str> {
        articles.iter().map(|a| a.headline.as_str()).collect()
    }

    fn warnings(doc: &NewsDocument) -> Vec<String> {
        doc.warnings.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn knows_every_article_type_in_every_spelling() {
        for t in [
            "Article",
            "NewsArticle",
            "ReportageNewsArticle",
            "AnalysisNewsArticle",
            "BlogPosting",
            "LiveBlogPosting",
            "Report",
            "ScholarlyArticle",
            "TechArticle",
            "OpinionNewsArticle",
            "BackgroundNewsArticle",
            "ReviewNewsArticle",
            "AskPublicNewsArticle",
            "SatiricalArticle",
            "SocialMediaPosting",
            "DiscussionForumPosting",
            "AdvertiserContentArticle",
            "MedicalScholarlyArticle",
            "APIReference",
        ] {
            for spelled in [
                t.to_string(),
                format!("schema:{t}"),
                format!("http://schema.org/{t}"),
                format!("https://schema.org/{t}"),
            ] {
                let node = serde_json::json!({ "@type": spelled });
                assert!(is_article(&node), "{spelled}");
            }
        }
        for t in ["WebPage", "Person", "Organization", "ImageObject", "ItemList", "BreadcrumbList", "Review", ""] {
            assert!(!is_article_type(t), "{t}");
        }
        let mixed = parse(r#"{"@type":["WebPage","http://schema.org/BlogPosting"]}"#).unwrap();
        assert!(is_article(&mixed));
        let breadcrumbs = parse(r#"{"@type":"BreadcrumbList"}"#).unwrap();
        assert!(!is_item_list(&breadcrumbs), "breadcrumbs are navigation, not news");
    }

    #[test]
    fn yoast_graph_resolves_every_reference() {
        let (doc, order) = read(&[include_str!("../../../../tests/fixtures/jsonld/yoast-graph.json")]);
        assert_eq!(order, Order::NewestFirst);
        assert!(doc.latest.is_empty(), "the breadcrumb list is not a ticker");
        assert_eq!(warnings(&doc), Vec::<String>::new());
        let a = doc.main.expect("the article is the main one");
        assert_eq!(a.headline, "Islanders' ferry timetable changes: winter & spring sailings");
        assert_eq!(a.id, "https://harbour-gazette.test/2026/01/ferry-timetable/#article");
        assert_eq!(a.url.as_deref(), Some("https://harbour-gazette.test/2026/01/ferry-timetable/"));
        assert_eq!(a.authors, vec!["Morag Sinclair", "Guest Writer"]);
        assert_eq!(a.publisher.as_deref(), Some("Harbour Gazette Ltd"));
        let img = a.image.unwrap();
        assert_eq!(img.url, "https://harbour-gazette.test/wp-content/uploads/2026/01/ferry.jpg");
        assert_eq!((img.width, img.height), (Some(1600), Some(900)));
        assert_eq!(img.alt.as_deref(), Some("The morning ferry leaving the harbour"));
        assert_eq!(a.date_published.unwrap().to_iso(), "2026-01-14T07:45:00Z");
        assert_eq!(a.date_modified, None, "a missing date is not a problem");
        assert_eq!(a.tags, vec!["Transport", "Islands"]);
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert_eq!(doc.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn single_article_in_nested_shapes() {
        let (doc, _) = read(&[include_str!("../../../../tests/fixtures/jsonld/news-article.json")]);
        assert_eq!(warnings(&doc), Vec::<String>::new());
        let a = doc.main.unwrap();
        assert_eq!(a.headline, "Brücke über die Lahn für drei Wochen gesperrt");
        assert_eq!(a.url.as_deref(), Some("https://rheinbote.test/lokales/bruecke-gesperrt"));
        assert_eq!(a.authors, vec!["Jonas Weber", "dpa"]);
        assert_eq!(a.publisher.as_deref(), Some("Rheinbote"));
        let img = a.image.unwrap();
        assert_eq!(
            (img.url.as_str(), img.width, img.height),
            ("https://rheinbote.test/img/bruecke-16x9.jpg", Some(1920), Some(1080))
        );
        assert_eq!(a.summary.as_deref(), Some("Wegen Sanierungsarbeiten bleibt die Brücke bis Anfang Februar zu."));
        match &a.body {
            Body::Paragraphs(p) => assert_eq!(p.len(), 3),
            other => panic!("{other:?}"),
        }
        assert_eq!(a.date_published.unwrap().to_iso(), "2026-01-13T15:20:00Z");
        assert_eq!(a.date_modified.unwrap().to_iso(), "2026-01-13T17:05:00Z");
        assert_eq!(a.language.as_deref(), Some("de"));
    }

    #[test]
    fn item_list_follows_positions_and_resolves_items() {
        let (doc, order) = read(&[include_str!("../../../../tests/fixtures/jsonld/item-list.json")]);
        assert_eq!(order, Order::AsGiven);
        assert!(doc.main.is_none(), "an article inside the list is not the page's main article");
        assert_eq!(doc.title.as_deref(), Some("Latest & greatest"));
        assert_eq!(
            headlines(&doc.latest),
            vec![
                "What the city budget means for you",
                "Rail strike called off",
                "Bond yields ease",
                "Derby ends in a draw"
            ]
        );
        let budget = &doc.latest[0];
        assert_eq!(budget.authors, vec!["Ana Ruiz"], "the referenced article's own references resolve too");
        assert_eq!(budget.date_published.unwrap().to_iso(), "2026-01-12T09:00:00Z");
        let strike = &doc.latest[1];
        assert_eq!(
            strike.url.as_deref(),
            Some("https://dailyledger.test/transport/strike"),
            "a bare reference's @id is its URL"
        );
        assert_eq!(strike.id, "https://dailyledger.test/transport/strike");
        assert_eq!(doc.latest[3].url.as_deref(), Some("https://dailyledger.test/sport/derby"));
        assert_eq!(
            warnings(&doc),
            vec![
                "@graph[0].mainEntity.itemListElement[4]: has no headline",
                "@graph[0].mainEntity.itemListElement[5]: has no headline",
            ]
        );
    }

    #[test]
    fn list_entries_may_be_articles_strings_or_a_list() {
        let (doc, order) = read(&[r#"{"@type":"ItemList","itemListElement":{"@list":[
            {"@type":"BlogPosting","headline":"B","datePublished":"2026-01-02"},
            "https://x.test/bare",
            {"@type":"BlogPosting","headline":"A","datePublished":"2026-01-03"},
            7
        ]}}"#]);
        assert_eq!(order, Order::NewestFirst, "without positions the ticker is sorted by date");
        assert_eq!(headlines(&doc.latest), vec!["B", "A"]);
        assert_eq!(
            warnings(&doc),
            vec![
                "itemListElement[1]: is only a URL (https://x.test/bare), with no headline",
                "itemListElement[3]: expected an object, found a number",
            ]
        );
    }

    #[test]
    fn a_live_blogs_updates_fill_the_ticker_newest_first() {
        let live = r##"{"@context":"https://schema.org","@type":"LiveBlogPosting","@id":"#live","headline":"Live: the summit",
            "datePublished":"2026-11-30T08:00:00Z","liveBlogUpdate":[
            {"@type":"BlogPosting","headline":"Leaders arrive","datePublished":"2026-11-30T09:00:00Z","articleBody":"They came."},
            {"@id":"#u3"},
            {"@type":"BlogPosting","headline":"Talks begin","datePublished":"2026-11-30T10:00:00Z","url":"https://x.test/live#u2"},
            {"@type":"BlogPosting","datePublished":"2026-11-30T11:00:00Z"}]}"##;
        let (doc, _) = read(&[live]);
        assert_eq!(
            doc.main.as_ref().map(|a| a.headline.as_str()),
            Some("Live: the summit"),
            "the live blog is the page's article"
        );
        assert_eq!(headlines(&doc.latest), ["Leaders arrive", "Talks begin"]);
        assert_eq!(warnings(&doc), ["liveBlogUpdate[3]: has no headline"]);
        let doc = crate::decode(live, crate::DecodeOptions::default()).unwrap();
        assert_eq!(headlines(&doc.latest), ["Talks begin", "Leaders arrive"], "newest first");
        assert_eq!(doc.latest[0].url.as_deref(), Some("https://x.test/live#u2"));
    }

    #[test]
    fn entries_without_positions_follow_the_positioned_ones() {
        let (doc, order) = read(&[r#"{"@type":"ItemList","itemListElement":[
            {"@type":"ListItem","name":"Unplaced"},
            {"@type":"ListItem","position":2,"name":"Second"},
            {"@type":"ListItem","position":1.0,"name":"First"}
        ]}"#]);
        assert_eq!(order, Order::AsGiven);
        assert_eq!(headlines(&doc.latest), vec!["First", "Second", "Unplaced"]);
    }

    #[test]
    fn a_node_listed_many_times_is_read_once() {
        let entries = vec![r##"{"@type":"ListItem","item":{"@id":"#a"}}"##; 500].join(",");
        let (doc, _) = read(&[&format!(
            r##"[{{"@type":"ItemList","itemListElement":[{entries},{{"@id":"#a"}}]}},{{"@type":"NewsArticle","@id":"#a","headline":"Once","datePublished":"never"}}]"##
        )]);
        assert_eq!(headlines(&doc.latest), vec!["Once"]);
        assert_eq!(
            warnings(&doc),
            vec!["[0].itemListElement[0]: datePublished \"never\" is not a date"],
            "one warning, not 501"
        );
        assert!(doc.main.is_none());
    }

    #[test]
    fn references_find_their_nodes_among_ids_that_collided_in_the_old_hash_table() {
        let ids = crate::test_support::colliding_ids(3_000);
        let nodes: Vec<Value> =
            ids.iter().map(|id| serde_json::json!({"@type": "NewsArticle", "@id": id, "headline": id})).collect();
        let entries: Vec<Value> = ids
            .iter()
            .rev()
            .enumerate()
            .map(|(i, id)| serde_json::json!({"@type": "ListItem", "position": i + 1, "item": {"@id": id}}))
            .collect();
        let graph = serde_json::json!({"@graph": [{"@type": "ItemList", "itemListElement": entries}, nodes]});
        let (doc, order) = decode(&[&graph]);
        assert_eq!(order, Order::AsGiven);
        assert!(doc.warnings.is_empty(), "{:?}", &doc.warnings[..1]);
        let expected: Vec<&str> = ids.iter().rev().map(String::as_str).collect();
        assert_eq!(headlines(&doc.latest), expected, "every entry resolved to its own node, each once");
        assert!(doc.main.is_none(), "every article was listed");
    }

    #[test]
    fn main_entity_of_a_web_page_is_the_main_article() {
        let (doc, _) = read(&[r##"[
            {"@type":"NewsArticle","headline":"Sidebar story"},
            {"@type":"WebPage","@id":"https://p.test/","mainEntity":{"@id":"#story"}},
            {"@type":"NewsArticle","@id":"#story","headline":"Page story"}
        ]"##]);
        assert_eq!(doc.main.unwrap().headline, "Page story");
        assert_eq!(headlines(&doc.latest), vec!["Sidebar story"]);

        let (doc, _) = read(&[r#"[
            {"@type":"NewsArticle","headline":"Sidebar story"},
            {"@type":"ItemPage","mainEntity":{"@type":"OpinionNewsArticle","headline":"Inline story"}}
        ]"#]);
        assert_eq!(doc.main.unwrap().headline, "Inline story");

        let (doc, _) = read(&[r#"[
            {"@type":"NewsArticle","headline":"Sidebar story"},
            {"@type":"WebPage","mainEntity":"https://p.test/story"},
            {"@type":"NewsArticle","headline":"Named by URL","url":"https://p.test/story"}
        ]"#]);
        assert_eq!(doc.main.unwrap().headline, "Named by URL");
    }

    #[test]
    fn main_entity_of_page_that_names_the_page_wins_over_order() {
        let (doc, _) = read(&[r#"{"@graph":[
            {"@type":"NewsArticle","headline":"Elsewhere","mainEntityOfPage":"https://p.test/other"},
            {"@type":"WebPage","@id":"https://p.test/#webpage","url":"https://p.test/story"},
            {"@type":"NewsArticle","headline":"Here","mainEntityOfPage":"https://p.test/story"}
        ]}"#]);
        assert_eq!(doc.main.unwrap().headline, "Here");
        assert_eq!(headlines(&doc.latest), vec!["Elsewhere"]);
    }

    #[test]
    fn first_article_outside_lists_is_main_otherwise() {
        let (doc, order) = read(&[r#"[
            {"@type":"ItemList","itemListElement":[{"@type":"ListItem","position":1,"item":{"@type":"NewsArticle","headline":"Listed"}}]},
            {"@type":"TechArticle","headline":"First"},
            {"@type":"Report","headline":"Second"}
        ]"#]);
        assert_eq!(order, Order::AsGiven);
        assert_eq!(doc.main.unwrap().headline, "First");
        assert_eq!(headlines(&doc.latest), vec!["Listed", "Second"], "list first, then the other articles");
    }

    #[test]
    fn blocks_are_one_graph() {
        let (doc, order) = read(&[
            r##"{"@context":"http://schema.org","@graph":[{"@type":"WebSite","@id":"#site","name":"Site"},{"@type":"Organization","@id":"#org","name":"The Org"}]}"##,
            r##"{"@context":"https://schema.org/","@type":"NewsArticle","headline":"Main","author":{"@id":"#writer"},"publisher":{"@id":"#org"}}"##,
            r##"[{"@type":"Person","@id":"#writer","name":"Wen Li"},
                 {"@type":"ItemList","itemListElement":[
                    {"@type":"ListItem","position":2,"item":{"@id":"#two"}},
                    {"@type":"ListItem","position":1,"item":{"@type":"NewsArticle","headline":"One","author":{"@id":"#writer"}}}]},
                 {"@type":"NewsArticle","@id":"#two","headline":"Two"}]"##,
        ]);
        assert_eq!(order, Order::AsGiven);
        let main = doc.main.unwrap();
        assert_eq!(main.headline, "Main");
        assert_eq!(main.authors, vec!["Wen Li"]);
        assert_eq!(main.publisher.as_deref(), Some("The Org"));
        assert_eq!(headlines(&doc.latest), vec!["One", "Two"], "#two is listed, so it is not added again");
        assert_eq!(doc.latest[0].authors, vec!["Wen Li"]);
    }

    #[test]
    fn problems_say_where() {
        let (doc, _) = read(&[
            r#""just text""#,
            r#"{"@graph":[{"@type":"Person","name":"P"},{"@type":"NewsArticle","url":"https://x.test/a"},{"@type":"NewsArticle","headline":"Ok","datePublished":"soon"}]}"#,
        ]);
        assert_eq!(
            warnings(&doc),
            vec![
                "block 1: expected an object or an array, found a string",
                "block 2, @graph[1]: has no headline",
                "block 2, @graph[2]: datePublished \"soon\" is not a date",
            ]
        );
        assert_eq!(doc.main.unwrap().headline, "Ok");
    }

    #[test]
    fn parts_of_a_page_are_articles_too() {
        let (doc, _) = read(&[r#"{"@type":"WebPage","inLanguage":"fr","hasPart":[
            {"@type":"LiveBlogPosting","headline":"Direct"},
            {"@type":"BlogPosting","url":"https://x.test/no-headline"}
        ]}"#]);
        assert_eq!(doc.main.as_ref().unwrap().headline, "Direct");
        assert_eq!(warnings(&doc), vec!["hasPart[1]: has no headline"]);
        assert_eq!(doc.language.as_deref(), Some("fr"), "the page's language when the article has none");
        let (doc, _) = read(&[r#"{"@type":"NewsArticle","headline":"H","dateModified":"later"}"#]);
        assert_eq!(warnings(&doc), vec!["top level: dateModified \"later\" is not a date"]);
    }

    #[test]
    fn a_blogs_posts_are_articles() {
        let (doc, _) = read(&[r#"{"@type":"Blog","name":"Harbour notes","blogPost":[
            {"@type":"BlogPosting","headline":"Post one","datePublished":"2026-01-02"},
            {"@type":"BlogPosting","headline":"Post two","datePublished":"2026-01-03"}
        ]}"#]);
        assert_eq!(doc.main.as_ref().map(|a| a.headline.as_str()), Some("Post one"));
        assert_eq!(headlines(&doc.latest), ["Post two"]);
        let (doc, _) = read(&[r#"{"@type":"Blog","blogPosts":{"@type":"BlogPosting","headline":"Older name"}}"#]);
        assert_eq!(doc.main.map(|a| a.headline).as_deref(), Some("Older name"));
    }

    #[test]
    fn says_which_types_it_found_when_none_is_an_article() {
        let (doc, _) = read(&[
            r#"{"@context":{"@vocab":"https://schema.org/"},"@graph":[{"@type":"WebSite"},{"@type":"Organization"},{"@type":"WebSite"}]}"#,
        ]);
        assert_eq!(warnings(&doc), vec!["JSON-LD: no Article-type node or ItemList (found WebSite, Organization)"]);
        let (doc, _) = read(&[r#"{"name":"untyped"}"#]);
        assert_eq!(warnings(&doc), vec!["JSON-LD: no Article-type node or ItemList (no node has an @type)"]);
    }

    #[test]
    fn context_is_neither_required_nor_checked() {
        for context in [
            "",
            r#""@context":"http://schema.org","#,
            r#""@context":"https://schema.org/","#,
            r#""@context":{"@vocab":"http://schema.org/"},"#,
            r#""@context":["https://schema.org",{"@language":"en"}],"#,
        ] {
            let (doc, _) = read(&[&format!(r#"{{{context}"@type":"Article","headline":"H"}}"#)]);
            assert_eq!(doc.main.unwrap().headline, "H", "{context}");
        }
    }

    #[test]
    fn whole_pipeline_reports_an_empty_page() {
        use crate::{decode_blocks, DecodeOptions};
        let err = decode_blocks(
            &[r#"{"@type":"WebSite"}"#, r#"{"@type":"Organization","name":"O"}"#],
            DecodeOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "no article with a headline found in 2 JSON-LD blocks (1 problem: JSON-LD: no Article-type node or ItemList (found WebSite, Organization))"
        );
        let doc = decode_blocks(
            &[include_str!("../../../../tests/fixtures/jsonld/item-list.json")],
            DecodeOptions { max_items: 2, ..DecodeOptions::default() },
        )
        .unwrap();
        assert_eq!(
            headlines(&doc.latest),
            vec!["What the city budget means for you", "Rail strike called off"],
            "explicit order is kept, not re-sorted"
        );
        assert_eq!(doc.found, 4);
    }
}
