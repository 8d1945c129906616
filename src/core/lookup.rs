//! A small open-addressing hash map and set for the decoders' lookups (ids,
//! URLs, nodes already read).
//!
//! Why not `std::collections`: the B-tree collections cost about 17 KB of
//! wasm and `HashMap`'s SipHash and hashbrown several more; these few lines
//! do what the decoders need (insert if absent, look up) in linear time.

use crate::prelude::*;

/// A key that can be hashed and compared.
pub trait Key: Copy + Eq {
    fn hash(self) -> u64;
}

impl Key for &str {
    /// FNV-1a: short, and good enough for ids and URLs.
    fn hash(self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }
}

impl Key for usize {
    /// Fibonacci hashing spreads addresses that share their low bits.
    fn hash(self) -> u64 {
        (self as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// A map that keeps the first value inserted for each key.
pub struct Map<K, V> {
    slots: Vec<Option<(K, V)>>,
    len: usize,
}

impl<K: Key, V: Copy> Default for Map<K, V> {
    fn default() -> Self {
        Map { slots: Vec::new(), len: 0 }
    }
}

impl<K: Key, V: Copy> Map<K, V> {
    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: K) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (key.hash() >> 7) as usize & mask;
        loop {
            match &self.slots[i] {
                Some((k, _)) if *k != key => i = (i + 1) & mask,
                _ => return i,
            }
        }
    }

    pub fn get(&self, key: K) -> Option<V> {
        if self.len == 0 {
            return None;
        }
        self.slots[self.slot(key)].map(|(_, v)| v)
    }

    pub fn contains(&self, key: K) -> bool {
        self.get(key).is_some()
    }

    /// Inserts unless the key is present; true when it was inserted.
    pub fn insert(&mut self, key: K, value: V) -> bool {
        // Keep the table at most half full so probes stay short.
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.slot(key);
        if self.slots[i].is_some() {
            return false;
        }
        self.slots[i] = Some((key, value));
        self.len += 1;
        true
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let old = core::mem::replace(&mut self.slots, vec![None; size]);
        for (k, v) in old.into_iter().flatten() {
            let i = self.slot(k);
            self.slots[i] = Some((k, v));
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A set: a map whose values are not used. They are `usize`, as the graph's
/// map of nodes by id has (an index), so that sets and that map are one copy
/// of the map's code in the wasm, not one per value type.
pub type Set<K> = Map<K, usize>;

impl<K: Key> Set<K> {
    /// Adds a key; true when it was not there yet.
    pub fn add(&mut self, key: K) -> bool {
        self.insert(key, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_value_and_finds_every_key() {
        let keys: Vec<String> = (0..5000).map(|i| format!("https://news.example/{i}")).collect();
        let mut map: Map<&str, usize> = Map::default();
        for (i, k) in keys.iter().enumerate() {
            assert!(map.insert(k, i));
        }
        assert!(!map.insert(&keys[7], 99), "a second insert is refused");
        assert_eq!(map.len(), 5000);
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(map.get(k), Some(i));
        }
        assert_eq!(map.get("https://news.example/5000"), None);
        assert!(Map::<&str, u8>::default().get("x").is_none());
    }

    #[test]
    fn sets_of_addresses() {
        let values = vec![1u8; 100];
        let mut set: Set<usize> = Set::default();
        for v in &values {
            assert!(set.add(v as *const u8 as usize));
        }
        assert!(!set.add(&values[3] as *const u8 as usize));
        assert!(set.contains(&values[99] as *const u8 as usize));
    }
}
