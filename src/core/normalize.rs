//! Turning what a decoder read into what the ticker shows: ids filled in,
//! duplicates removed, newest first, capped.

use crate::prelude::*;
use crate::core::cat::cat;

use super::model::{Article, NewsDocument};
use super::lookup::Set;

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
    let mut next_generated = 1;
    let mut give_id = |a: &mut Article| {
        if a.id.is_empty() {
            a.id = cat!("item-", next_generated);
            next_generated += 1;
        }
    };
    if let Some(main) = doc.main.as_mut() {
        give_id(main);
    }
    for a in doc.latest.iter_mut() {
        give_id(a);
    }
    // Which articles are duplicates (same id, or same URL) of an earlier one.
    let mut keep = Vec::with_capacity(doc.latest.len());
    {
        let mut seen_ids: Set<&str> = Set::default();
        let mut seen_urls: Set<&str> = Set::default();
        for a in &doc.latest {
            let new_id = seen_ids.add(&a.id);
            let new_url = a.url.as_deref().is_none_or(|u| seen_urls.add(u));
            keep.push(new_id && new_url);
        }
    }
    for (i, a) in core::mem::take(&mut doc.latest).into_iter().enumerate() {
        if keep[i] {
            doc.latest.push(a);
        }
    }
    if let Some(id) = main_id {
        if let Some(i) = doc.latest.iter().position(|a| a.id == id) {
            let chosen = doc.latest.remove(i);
            if let Some(previous) = doc.main.replace(chosen) {
                doc.latest.push(previous);
            }
        }
    }
    if !ordered {
        // Stable: equal dates keep their order. Undated items sort last.
        let mut keys = Vec::with_capacity(doc.latest.len());
        for a in &doc.latest {
            keys.push(a.date_published.map_or(i64::MAX, |d| -d.epoch_ms));
        }
        reorder(&mut doc.latest, keys);
    }
    doc.found = doc.latest.len();
    doc.latest.truncate(max_items);
}

/// Sorts `items` by `keys` (ascending), ties in their current order.
///
/// One sort of `(key, index)` pairs serves every caller: sorting the articles
/// themselves would move large structs and compile a copy of the standard
/// sort for each element type, which costs several KB of wasm. Callers sort
/// articles only (with their keys beside them), so none of this is generic.
pub fn reorder(items: &mut Vec<Article>, keys: Vec<i64>) {
    let mut order = Vec::with_capacity(keys.len());
    for (i, key) in keys.into_iter().enumerate() {
        order.push((key, i));
    }
    // Index as the second key makes an unstable sort stable.
    heap_sort(&mut order);
    // Each index comes once, so taking an article leaves only an empty one behind.
    let mut old = core::mem::take(items);
    for (_, i) in order {
        if let Some(item) = old.get_mut(i) {
            items.push(core::mem::take(item));
        }
    }
}

/// In-place heap sort, ascending. Why not `sort_unstable`: the standard
/// sort's pattern-defeating quicksort and small-sort networks are about 4 KB
/// of wasm; this is a few hundred bytes and O(n log n) all the same.
fn heap_sort(v: &mut [(i64, usize)]) {
    // Moves v[root] down until both children are smaller, within v[..end].
    fn sift_down(v: &mut [(i64, usize)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for root in (0..v.len() / 2).rev() {
        sift_down(v, root, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::{heap_sort, reorder, Article};
    use crate::prelude::*;

    #[test]
    fn heap_sort_agrees_with_the_standard_sort() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in (0..70).chain([255, 256, 1000]) {
            let mut v: Vec<(i64, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Few distinct keys, so ties (broken by index) are common.
                    ((seed % 7) as i64 - 3, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            heap_sort(&mut v);
            assert_eq!(v, expected, "length {len}");
        }
    }

    #[test]
    fn reorder_is_stable() {
        let mut items: Vec<Article> =
            ["c1", "a", "c2", "b", "c3"].iter().map(|h| Article { headline: h.to_string(), ..Article::default() }).collect();
        reorder(&mut items, vec![3, 1, 3, 2, 3]);
        let order: Vec<&str> = items.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(order, ["a", "b", "c1", "c2", "c3"]);
        let mut empty = Vec::new();
        reorder(&mut empty, Vec::new());
        assert!(empty.is_empty());
    }
}
