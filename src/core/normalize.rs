//! Turning what a decoder read into what the ticker shows: ids filled in,
//! duplicates removed, newest first, capped.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use super::model::{Article, NewsDocument};

/// The ticker's default length (attribute `max-items`).
pub const DEFAULT_MAX_ITEMS: usize = 50;

/// Finishes a decoded document. `ordered` keeps the source's order (an
/// ItemList with positions); otherwise the ticker is sorted newest first,
/// undated items last, ties in source order.
///
/// `main_id` (the element's `article` attribute) names the article for the
/// article view: it leaves the ticker, and a main article the source chose
/// joins the ticker instead.
pub fn finish(doc: &mut NewsDocument, ordered: bool, max_items: usize, main_id: Option<&str>) {
    let unnamed = doc.main.iter_mut().chain(doc.latest.iter_mut()).filter(|a| a.id.is_empty());
    for (n, a) in unnamed.enumerate() {
        a.id = format!("item-{}", n + 1);
    }
    // Which articles are duplicates (same id, or same URL) of an earlier one.
    // B-tree sets: the data chooses ids and URLs, and a B-tree stays
    // O(log n) whatever they are.
    let keep: Vec<bool> = {
        let mut seen_ids = BTreeSet::new();
        let mut seen_urls = BTreeSet::new();
        doc.latest
            .iter()
            .map(|a| {
                let new_id = seen_ids.insert(a.id.as_str());
                let new_url = a.url.as_deref().is_none_or(|u| seen_urls.insert(u));
                new_id && new_url
            })
            .collect()
    };
    let mut keep = keep.into_iter();
    doc.latest.retain(|_| keep.next().unwrap_or(true));
    if let Some(i) = main_id.and_then(|id| doc.latest.iter().position(|a| a.id == id)) {
        let chosen = doc.latest.remove(i);
        if let Some(previous) = doc.main.replace(chosen) {
            doc.latest.push(previous);
        }
    }
    doc.found = doc.latest.len();
    if ordered {
        doc.latest.truncate(max_items);
        return;
    }
    // Positions are sorted rather than articles, which are large structs (a
    // feed may hold thousands), and only the first `max_items` are taken.
    // Stable: equal dates keep their order. Undated items sort last.
    let mut order: Vec<usize> = (0..doc.latest.len()).collect();
    order.sort_by_key(|&i| {
        let date = doc.latest[i].date_published;
        (date.is_none(), Reverse(date.map(|d| d.epoch_ms)))
    });
    order.truncate(max_items);
    let mut all: Vec<Option<Article>> = std::mem::take(&mut doc.latest).into_iter().map(Some).collect();
    doc.latest = order.into_iter().filter_map(|i| all[i].take()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates::DateValue;
    use crate::core::model::Format;

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
        NewsDocument { format: Format::Newsreel, main: None, latest, title: None, language: None, found: 0, warnings: Vec::new() }
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
        finish(&mut doc, false, 10, None);
        assert_eq!(ids(&doc), ["c1", "c2", "c3", "b", "a", "none1", "none2"]);
        finish(&mut doc, false, 3, None);
        assert_eq!((ids(&doc), doc.found), (vec!["c1", "c2", "c3"], 7));
        let mut empty = document(Vec::new());
        finish(&mut empty, false, 10, None);
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
        finish(&mut doc, true, 2, None);
        assert_eq!(ids(&doc), ["item-1", "x"]);
        assert_eq!(doc.found, 3);
    }

    #[test]
    fn ids_that_collided_in_the_old_hash_table_are_told_apart() {
        let colliding = crate::core::test_support::colliding_ids(20_000);
        let mut latest: Vec<Article> = colliding.iter().map(|id| article(id, None, None)).collect();
        latest.extend(colliding.iter().rev().map(|id| article(id, Some(id), None)));
        let mut doc = document(latest);
        finish(&mut doc, true, usize::MAX, None);
        assert_eq!(ids(&doc), colliding.iter().map(String::as_str).collect::<Vec<_>>(), "each id once, the first kept");
        assert!(doc.latest.iter().all(|a| a.url.is_none()));
        let last = colliding.last().unwrap();
        let mut doc = document(colliding.iter().map(|id| article(id, None, None)).collect());
        finish(&mut doc, true, usize::MAX, Some(last));
        assert_eq!(doc.main.as_ref().map(|a| a.id.as_str()), Some(last.as_str()), "found among them by id");
        assert_eq!(doc.latest.len(), colliding.len() - 1);
    }
}
