//! What a refresh changed in the ticker: the ids of the headlines it added
//! and removed, which the widget marks as new and announces.

use std::collections::BTreeSet;

/// The ticker's ids that a refresh added and removed, in their order.
pub fn changes<S: AsRef<str>>(before: &[S], after: &[S]) -> (Vec<String>, Vec<String>) {
    // Filled by insertion, not `collect()`: collecting into a B-tree sorts
    // first, which would put a second sort's code in the wasm for nothing.
    fn set_of<S: AsRef<str>>(ids: &[S]) -> BTreeSet<&str> {
        let mut set = BTreeSet::new();
        for id in ids {
            set.insert(id.as_ref());
        }
        set
    }
    let (old, new) = (set_of(before), set_of(after));
    let added = after.iter().map(AsRef::as_ref).filter(|id| !old.contains(id)).map(str::to_string).collect();
    let removed = before.iter().map(AsRef::as_ref).filter(|id| !new.contains(id)).map(str::to_string).collect();
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_list_added_and_removed_ids_in_order() {
        let (added, removed) = changes(&["a", "b", "c"], &["d", "a", "c", "e"]);
        assert_eq!((added, removed), (vec!["d".to_string(), "e".to_string()], vec!["b".to_string()]));
        let (added, removed) = changes(&["a"], &["a"]);
        assert!(added.is_empty() && removed.is_empty());
    }
}
