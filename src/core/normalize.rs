//! Turning what a decoder read into what the ticker shows: ids filled in,
//! duplicates removed, newest first, capped.

use super::model::{Article, NewsDocument};
use std::collections::BTreeSet;

/// The ticker's default length (attribute `max-items`).
pub const DEFAULT_MAX_ITEMS: usize = 50;

/// Finishes a decoded document. `ordered` keeps the source's order (an
/// ItemList with positions); otherwise the ticker is sorted newest first,
/// undated items last, ties in source order.
pub fn finish(doc: &mut NewsDocument, ordered: bool, max_items: usize) {
    let mut next_generated = 1;
    let mut give_id = |a: &mut Article| {
        if a.id.is_empty() {
            a.id = format!("item-{next_generated}");
            next_generated += 1;
        }
    };
    if let Some(main) = doc.main.as_mut() {
        give_id(main);
    }
    for a in doc.latest.iter_mut() {
        give_id(a);
    }
    let mut seen_ids = BTreeSet::new();
    let mut seen_urls = BTreeSet::new();
    doc.latest.retain(|a| {
        let duplicate = seen_ids.contains(&a.id) || a.url.as_ref().is_some_and(|u| seen_urls.contains(u));
        if !duplicate {
            seen_ids.insert(a.id.clone());
            seen_urls.extend(a.url.clone());
        }
        !duplicate
    });
    if !ordered {
        // Stable: equal dates keep their order. Undated items sort last.
        doc.latest.sort_by_key(|a| std::cmp::Reverse(a.date_published.map_or(i64::MIN, |d| d.epoch_ms)));
    }
    doc.found = doc.latest.len();
    doc.latest.truncate(max_items);
}
