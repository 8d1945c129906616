//! Turning what a decoder read into what the ticker shows: ids filled in,
//! duplicates removed, newest first, capped.

use std::collections::BTreeSet;

use crate::dates::DateValue;
use crate::model::{Article, NewsDocument};

/// The ticker's default length (attribute `max-items`).
pub const DEFAULT_MAX_ITEMS: usize = 50;

/// `tags="politics, world"`: the ticker shows only the articles with one of
/// these keywords, tags or categories; `exclude-tags="sport"` leaves out
/// those with any of its own. Both sides are compared after `fold`, which the
/// DOM shell sets to the browser's lower-casing (it knows every script, and
/// keeps Unicode's case tables out of the wasm); the lists are folded
/// already. No tags of either kind: every article.
#[derive(Clone, Copy, Debug)]
pub struct TagFilter<'a> {
    pub lists: &'a TagLists,
    pub fold: fn(&str) -> String,
}

/// The folded tags of `tags` (`wanted`) and of `exclude-tags` (`excluded`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TagLists {
    pub wanted: Vec<String>,
    pub excluded: Vec<String>,
}

static NO_TAGS: TagLists = TagLists { wanted: Vec::new(), excluded: Vec::new() };

impl Default for TagFilter<'_> {
    fn default() -> Self {
        TagFilter { lists: &NO_TAGS, fold: str::to_ascii_lowercase }
    }
}

impl TagFilter<'_> {
    pub fn is_active(&self) -> bool {
        !self.lists.wanted.is_empty() || !self.lists.excluded.is_empty()
    }

    /// Whether an article with these tags is shown: one of the wanted (when
    /// there are any), and none of the excluded.
    pub fn accepts(&self, tags: &[String]) -> bool {
        if !self.is_active() {
            return true;
        }
        let folded: Vec<String> = tags.iter().map(|tag| (self.fold)(tag.trim())).collect();
        let wanted = &self.lists.wanted;
        let excluded = &self.lists.excluded;
        (wanted.is_empty() || folded.iter().any(|tag| wanted.contains(tag)))
            && !folded.iter().any(|tag| excluded.contains(tag))
    }
}

/// The tags of a `tags` or `exclude-tags` attribute: comma-separated,
/// trimmed, folded, empty ones left out.
pub fn tag_list(attribute: &str, fold: fn(&str) -> String) -> Vec<String> {
    attribute.split(',').map(str::trim).filter(|t| !t.is_empty()).map(fold).collect()
}

/// The order a decoder leaves the ticker's articles in, for `finish`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The source's order is meant (an ItemList with positions): kept.
    AsGiven,
    /// To be sorted newest first, undated items last, ties in source order.
    NewestFirst,
}

/// Finishes a decoded document, its ticker in `order`.
///
/// `main_id` (the element's `article` attribute) names the article for the
/// article view: it leaves the ticker, and a main article the source chose
/// joins the ticker instead.
///
/// `tags` then keeps the articles it accepts (after the main one is chosen,
/// before the cap); `found` still counts them all.
pub fn finish(doc: &mut NewsDocument, order: Order, max_items: usize, main_id: Option<&str>, tags: TagFilter) {
    let unnamed = doc.main.iter_mut().chain(doc.latest.iter_mut()).filter(|a| a.id.is_empty());
    for (n, a) in unnamed.enumerate() {
        a.id = format!("item-{}", n + 1);
    }
    let keys: Vec<_> = doc.latest.iter().map(|a| (a.id.as_str(), a.url.as_deref(), a.date_published)).collect();
    let mut keep = newest_of_each(&keys).into_iter();
    doc.latest.retain(|_| keep.next().unwrap_or(true));
    if let Some(i) = main_id.and_then(|id| doc.latest.iter().position(|a| a.id == id)) {
        let chosen = doc.latest.remove(i);
        if let Some(previous) = doc.main.replace(chosen) {
            doc.latest.push(previous);
        }
    }
    doc.found = doc.latest.len() + doc.unbuilt;
    if tags.is_active() {
        doc.latest.retain(|a| tags.accepts(&a.tags));
    }
    if order == Order::AsGiven {
        doc.latest.truncate(max_items);
        return;
    }
    // Positions are sorted rather than articles, which are large structs (a
    // feed may hold thousands), and only the first `max_items` are taken.
    // Stable: equal dates keep their order. Undated items sort last.
    let keys: Vec<i64> = doc.latest.iter().map(|a| newest_first(a.date_published)).collect();
    let mut by_date = stable_order(&keys);
    by_date.truncate(max_items);
    let mut all: Vec<Option<Article>> = std::mem::take(&mut doc.latest).into_iter().map(Some).collect();
    doc.latest = by_date.into_iter().filter_map(|i| all[i].take()).collect();
}

/// Which of a list of articles (by id, URL and date) are kept of their
/// duplicates (same id, or same URL): the later-dated one, which is the
/// edited version; of equal dates, or none, the first in the file. A dated
/// one beats an undated one, as it sorts before it in the ticker.
///
/// The articles are seen newest first, stably (as the ticker sorts them),
/// and one is a duplicate of any seen before it, kept or not. B-tree sets:
/// the data chooses ids and URLs, and a B-tree stays O(log n) whatever they
/// are.
fn newest_of_each(keys: &[(&str, Option<&str>, Option<DateValue>)]) -> Vec<bool> {
    let dates: Vec<i64> = keys.iter().map(|&(_, _, date)| newest_first(date)).collect();
    let mut seen_ids = BTreeSet::new();
    let mut seen_urls = BTreeSet::new();
    let mut keep = vec![false; keys.len()];
    for i in stable_order(&dates) {
        let (id, url, _) = keys[i];
        let new_id = seen_ids.insert(FromTheEnd(id));
        let new_url = url.is_none_or(|u| seen_urls.insert(FromTheEnd(u)));
        keep[i] = new_id && new_url;
    }
    keep
}

/// A key ordered by its bytes read from the end. Ids and URLs of one feed
/// share long beginnings (`https://example.com/news/2026/…`) and differ at
/// the end, so a comparison ends within a few bytes instead of reading the
/// shared part each time: on a 4,000-item feed the B-tree's comparisons
/// were the decoders' largest cost. Any order serves for telling equal keys.
#[derive(PartialEq, Eq)]
struct FromTheEnd<'a>(&'a str);

impl Ord for FromTheEnd<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.bytes().rev().cmp(other.0.bytes().rev())
    }
}

impl PartialOrd for FromTheEnd<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The ticker's order as a sort key: newest first, undated last (a stable
/// sort keeps equal dates in source order). Dates lie within years 0 to
/// 9999, far from the ends of `i64`, so negating one cannot reach the key
/// of undated items.
fn newest_first(date: Option<DateValue>) -> i64 {
    date.map_or(i64::MAX, |d| d.epoch_ms.saturating_neg())
}

/// The positions of `keys` in ascending order of key, stably: equal keys
/// keep their order. Every sort of the decoders goes through here, so the
/// sort's code is in the wasm once rather than once per caller.
pub fn stable_order(keys: &[i64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    order
}

/// The articles `finish` would keep of a source without a main article
/// (a feed), from what it reads of each (id, which is never empty here, URL
/// and date): a decoder builds the rest of only those, since most items of
/// a long feed are never shown. The others still count in `found`
/// (`NewsDocument::unbuilt`). Duplicates are told apart here as `finish`
/// tells them, by date: an edit far down a feed is built, its original not.
///
/// `accepted` says which items the tag filter lets through (empty: all).
pub fn shown(
    keys: &[(&str, Option<&str>, Option<DateValue>)],
    max_items: usize,
    main_id: Option<&str>,
    accepted: &[bool],
) -> Shown {
    let unique = newest_of_each(keys);
    let main = main_id.and_then(|id| keys.iter().zip(&unique).position(|(k, &u)| u && k.0 == id));
    let passes = |i: usize| accepted.get(i).copied().unwrap_or(true);
    let candidates: Vec<usize> = (0..keys.len()).filter(|&i| unique[i] && Some(i) != main && passes(i)).collect();
    let dates: Vec<i64> = candidates.iter().map(|&i| newest_first(keys[i].2)).collect();
    let mut order: Vec<usize> = stable_order(&dates).into_iter().map(|k| candidates[k]).collect();
    order.truncate(max_items);
    let mut keep = vec![false; keys.len()];
    for i in order.into_iter().chain(main) {
        keep[i] = true;
    }
    // A duplicate is no article: it counts in `found` neither built nor not.
    let unbuilt = keep.iter().zip(&unique).filter(|&(&k, &u)| u && !k).count();
    Shown { keep, unbuilt }
}

/// What `shown` chose: which items to build, and how many articles are left
/// unbuilt (`NewsDocument::unbuilt`), duplicates not counted.
#[derive(Debug)]
pub struct Shown {
    pub keep: Vec<bool>,
    pub unbuilt: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_filter_compares_folded_tags() {
        let lists = TagLists { wanted: vec!["политика".to_string(), "world".to_string()], excluded: vec![] };
        let filter = TagFilter { lists: &lists, fold: str::to_lowercase };
        assert!(filter.accepts(&["ПОЛИТИКА".into()]));
        assert!(filter.accepts(&["x".into(), " World ".into()]));
        assert!(!filter.accepts(&["sport".into()]));
        assert!(!filter.accepts(&[]));
        assert!(TagFilter::default().accepts(&[]), "no filter shows everything");
    }

    #[test]
    fn an_excluded_tag_leaves_an_article_out_whatever_else_it_has() {
        let lists = TagLists { wanted: vec![], excluded: vec!["спорт".to_string(), "ads".to_string()] };
        let filter = TagFilter { lists: &lists, fold: str::to_lowercase };
        assert!(filter.is_active());
        assert!(filter.accepts(&[]), "an untagged article stays");
        assert!(filter.accepts(&["world".into()]));
        assert!(!filter.accepts(&["world".into(), " СПОРТ ".into()]));
        let lists = TagLists { wanted: vec!["world".to_string()], excluded: vec!["ads".to_string()] };
        let both = TagFilter { lists: &lists, fold: str::to_lowercase };
        assert!(both.accepts(&["World".into()]));
        assert!(!both.accepts(&["World".into(), "ADS".into()]), "excluded wins over wanted");
        assert!(!both.accepts(&["sport".into()]), "with tags, one of them is still needed");
    }
    use crate::dates::DateValue;
    use crate::model::Format;

    fn article(id: &str, url: Option<&str>, day: Option<i64>) -> Article {
        Article {
            id: id.into(),
            headline: id.into(),
            url: url.map(String::from),
            date_published: day.map(|d| DateValue { epoch_ms: d * 86_400_000, has_time: false }),
            ..Article::default()
        }
    }

    fn document(latest: Vec<Article>) -> NewsDocument {
        NewsDocument {
            format: Format::Newsreel,
            main: None,
            latest,
            title: None,
            language: None,
            found: 0,
            unbuilt: 0,
            warnings: Vec::new(),
        }
    }

    fn ids(doc: &NewsDocument) -> Vec<&str> {
        doc.latest.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn sorts_newest_first_stably_with_undated_last() {
        let mut doc = document(vec![
            article("c1", None, Some(3)),
            article("none1", None, None),
            article("a", None, Some(1)),
            article("c2", None, Some(3)),
            article("none2", None, None),
            article("b", None, Some(2)),
            article("c3", None, Some(3)),
        ]);
        finish(&mut doc, Order::NewestFirst, 10, None, TagFilter::default());
        assert_eq!(ids(&doc), ["c1", "c2", "c3", "b", "a", "none1", "none2"]);
        finish(&mut doc, Order::NewestFirst, 3, None, TagFilter::default());
        assert_eq!((ids(&doc), doc.found), (vec!["c1", "c2", "c3"], 7));
        let mut empty = document(Vec::new());
        finish(&mut empty, Order::NewestFirst, 10, None, TagFilter::default());
        assert!(empty.latest.is_empty());
    }

    #[test]
    fn fills_ids_removes_duplicates_and_caps() {
        let mut doc = document(vec![
            article("", None, None),
            article("x", Some("https://a.test/1"), None),
            article("y", Some("https://a.test/1"), None),
            article("x", None, None),
            article("", Some("https://a.test/2"), None),
        ]);
        finish(&mut doc, Order::AsGiven, 2, None, TagFilter::default());
        assert_eq!(ids(&doc), ["item-1", "x"]);
        assert_eq!(doc.found, 3);
    }

    #[test]
    fn of_duplicates_the_later_dated_is_kept_of_ties_and_undated_the_first() {
        let mut doc = document(vec![
            article("a", Some("https://a.test/a"), Some(1)),
            article("tie", None, Some(4)),
            article("b", Some("https://a.test/b"), None),
            article("a", None, Some(3)),
            article("tie", None, Some(4)),
            article("c", Some("https://a.test/a"), Some(2)),
            article("b", None, None),
            article("d", Some("https://a.test/d"), None),
            article("d", None, Some(0)),
            article("y", Some("https://a.test/y"), Some(1)),
            article("y", Some("https://a.test/x"), Some(2)),
            article("x", Some("https://a.test/x"), Some(3)),
        ]);
        finish(&mut doc, Order::AsGiven, usize::MAX, None, TagFilter::default());
        let kept: Vec<_> = doc.latest.iter().map(|a| (a.id.as_str(), a.date_published.map(|d| d.epoch_ms))).collect();
        let day = |d: i64| Some(d * 86_400_000);
        // `a` of day 3 beats day 1, and so does `c`, of the older `a`'s URL;
        // they are no duplicates of each other. A date beats none (`d`). The
        // older `y` is a duplicate of the newer, itself one of `x`.
        assert_eq!(kept, [("tie", day(4)), ("b", None), ("a", day(3)), ("c", day(2)), ("d", day(0)), ("x", day(3))]);
        assert_eq!(doc.found, 6);
    }

    #[test]
    fn ids_that_collided_in_the_old_hash_table_are_told_apart() {
        let colliding = crate::test_support::colliding_ids(20_000);
        let mut latest: Vec<Article> = colliding.iter().map(|id| article(id, None, None)).collect();
        latest.extend(colliding.iter().rev().map(|id| article(id, Some(id), None)));
        let mut doc = document(latest);
        finish(&mut doc, Order::AsGiven, usize::MAX, None, TagFilter::default());
        assert_eq!(ids(&doc), colliding.iter().map(String::as_str).collect::<Vec<_>>(), "each id once, the first kept");
        assert!(doc.latest.iter().all(|a| a.url.is_none()));
        // Dated, the later copies win.
        let mut latest: Vec<Article> = colliding.iter().map(|id| article(id, None, Some(1))).collect();
        latest.extend(colliding.iter().rev().map(|id| article(id, Some(id), Some(2))));
        let mut doc = document(latest);
        finish(&mut doc, Order::AsGiven, usize::MAX, None, TagFilter::default());
        assert_eq!(ids(&doc), colliding.iter().rev().map(String::as_str).collect::<Vec<_>>(), "the later-dated kept");
        assert!(doc.latest.iter().all(|a| a.url.is_some()));
        let last = colliding.last().unwrap();
        let mut doc = document(colliding.iter().map(|id| article(id, None, None)).collect());
        finish(&mut doc, Order::AsGiven, usize::MAX, Some(last), TagFilter::default());
        assert_eq!(doc.main.as_ref().map(|a| a.id.as_str()), Some(last.as_str()), "found among them by id");
        assert_eq!(doc.latest.len(), colliding.len() - 1);
    }

    #[test]
    fn shown_picks_what_finish_keeps() {
        // Duplicate ids and URLs, equal and missing dates, a main id.
        let mut seed = 0x9e37_79b9_u64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for round in 0..200 {
            let count = 1 + next(40) as usize;
            let articles: Vec<Article> = (0..count)
                .map(|_| {
                    let id = format!("i{}", next(30));
                    let url = (next(3) > 0).then(|| format!("u{}", next(30)));
                    let day = (next(4) > 0).then(|| next(5) as i64);
                    article(&id, url.as_deref(), day)
                })
                .collect();
            let max_items = 1 + next(12) as usize;
            let main_id = (round % 3 == 0).then(|| format!("i{}", next(30)));
            let keys: Vec<_> = articles.iter().map(|a| (a.id.as_str(), a.url.as_deref(), a.date_published)).collect();
            let Shown { keep, unbuilt } = shown(&keys, max_items, main_id.as_deref(), &[]);
            let chosen: Vec<Article> = articles.iter().zip(&keep).filter(|(_, &k)| k).map(|(a, _)| a.clone()).collect();
            let mut everything = document(articles);
            finish(&mut everything, Order::NewestFirst, max_items, main_id.as_deref(), TagFilter::default());
            let mut few = document(chosen);
            few.unbuilt = unbuilt;
            finish(&mut few, Order::NewestFirst, max_items, main_id.as_deref(), TagFilter::default());
            let ids = |d: &NewsDocument| {
                (d.main.as_ref().map(|a| a.id.clone()), d.latest.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
            };
            assert_eq!(ids(&few), ids(&everything), "round {round}");
            assert_eq!(few.found, everything.found, "round {round}");
        }
    }
}
