//! The persistent lists a stage keeps while it is dispatched: its
//! environment and its ARG names, shared between every step's facts.

use super::key::Hasher;
use crate::cache::Key;
use std::sync::Arc;

/// The environment as BuildKit's `llb.EnvList` keeps it: setting a key
/// moves it to the end, so order reflects the latest assignments. A
/// persistent list, newest last, whose every node knows the hash of the list
/// up to it: every RUN keeps a snapshot for the price of a reference count
/// and keys it without hashing the whole environment again.
#[derive(Clone, Default)]
pub(crate) struct Env(Option<Arc<EnvNode>>);

struct EnvNode {
    key: Arc<str>,
    value: Arc<str>,
    prev: Env,
    len: usize,
    hash: Key,
    /// A bit per key in the list (a Bloom filter): most ENV and ARG
    /// instructions set new keys, which it tells without walking the list.
    keys: [u64; 4],
}

/// The filter bit of a key.
fn key_bit(k: &str) -> (usize, u64) {
    let mut h = crate::cache::FastHasher::default();
    std::hash::Hasher::write(&mut h, k.as_bytes());
    let x = std::hash::Hasher::finish(&h);
    ((x >> 6) as usize & 3, 1 << (x & 63))
}

impl Env {
    pub(super) fn push(&mut self, key: Arc<str>, value: Arc<str>) {
        let mut h = Hasher::new("env");
        h.key(&self.hash()).str(&key).str(&value);
        let prev = std::mem::take(self);
        let len = prev.len() + 1;
        let mut keys = prev.0.as_ref().map_or([0; 4], |n| n.keys);
        let (word, bit) = key_bit(&key);
        keys[word] |= bit;
        *self = Env(Some(Arc::new(EnvNode { key, value, prev, len, hash: h.finish(), keys })));
    }

    /// Sets `k` to `v`. Every build sets the same keys to the same values
    /// in the same order, so `shared` remembers the results: most
    /// assignments are one lookup, and builds share their lists.
    pub(super) fn set_in(&mut self, k: &str, v: &str, shared: &mut Shared) {
        let memo = Hasher::new("set").key(&self.hash()).word(self.len() as u64).str(k).str(v).finish();
        if let Some(env) = shared.sets.get(&memo) {
            *self = env.clone();
            return;
        }
        self.set_uncached(k, v, &mut shared.strings);
        // Bounded: a long session must not keep every list it ever made.
        if shared.sets.len() < 1 << 16 {
            shared.sets.insert(memo, self.clone());
        }
    }

    /// Sets `k` to `v`, with the strings taken from (or added to) `strings`.
    fn set_uncached(&mut self, k: &str, v: &str, strings: &mut crate::cache::FastSet<Arc<str>>) {
        let (word, bit) = key_bit(k);
        let mut intern = |s: &str| -> Arc<str> {
            if let Some(a) = strings.get(s) {
                return a.clone();
            }
            let a: Arc<str> = s.into();
            // Bounded: a long session must not keep every value it ever saw.
            if strings.len() < 1 << 16 {
                strings.insert(a.clone());
            }
            a
        };
        if self.0.as_ref().is_none_or(|n| n.keys[word] & bit == 0) {
            self.push(intern(k), intern(v));
            return;
        }
        let mut newer = Vec::new();
        let mut cur = self.0.as_ref();
        while let Some(node) = cur {
            if &*node.key == k {
                break;
            }
            newer.push(node);
            cur = node.prev.0.as_ref();
        }
        match cur {
            // The same value set again on the newest key changes nothing.
            Some(node) if newer.is_empty() && &*node.value == v => {}
            // Rebuild the list without the old assignment.
            Some(node) => {
                let mut env = node.prev.clone();
                for n in newer.into_iter().rev() {
                    env.push(n.key.clone(), n.value.clone());
                }
                env.push(node.key.clone(), intern(v));
                *self = env;
            }
            None => self.push(intern(k), intern(v)),
        }
    }

    pub(super) fn get(&self, k: &str) -> Option<String> {
        self.iter_newest().find(|(key, _)| &***key == k).map(|(_, v)| v.to_string())
    }

    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |n| n.len)
    }

    fn hash(&self) -> Key {
        self.0.as_ref().map_or([0; 16], |n| n.hash)
    }

    fn iter_newest(&self) -> impl Iterator<Item = (&Arc<str>, &Arc<str>)> {
        std::iter::successors(self.0.as_deref(), |n| n.prev.0.as_deref()).map(|n| (&n.key, &n.value))
    }

    /// The pairs, oldest first.
    pub(super) fn pairs(&self) -> Vec<(Arc<str>, Arc<str>)> {
        let mut v: Vec<_> = self.iter_newest().map(|(k, v)| (k.clone(), v.clone())).collect();
        v.reverse();
        v
    }

    pub(super) fn hash_into(&self, h: &mut Hasher) {
        h.word(self.len() as u64);
        h.key(&self.hash());
    }
}

/// Equal lists have equal hashes; the hash is as unique as a cache key.
impl PartialEq for Env {
    fn eq(&self, other: &Env) -> bool {
        self.len() == other.len() && self.hash() == other.hash()
    }
}

impl std::fmt::Debug for Env {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.pairs()).finish()
    }
}

/// Drops a persistent list node by node, each node's own reference to the
/// one before it taken by `prev`, up to the first node something else
/// still shares: dropping a long list recursively could overflow the stack.
fn unlink<N>(mut cur: Option<Arc<N>>, prev: fn(&mut N) -> Option<Arc<N>>) {
    while let Some(node) = cur {
        match Arc::try_unwrap(node) {
            Ok(mut n) => cur = prev(&mut n),
            Err(_) => break,
        }
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        unlink(self.0.take(), |n| n.prev.0.take());
    }
}

/// What every build's environments share: their strings, and the lists
/// that assignments made ([`Env::set_in`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Shared {
    strings: crate::cache::FastSet<Arc<str>>,
    sets: crate::cache::KeyMap<Env>,
}

/// A persistent list of names, newest first: every RUN keeps the stage's
/// ARG names for the price of a reference count, and a new name costs one
/// node however many facts share the older ones.
#[derive(Clone, Default)]
pub(crate) struct Names(Option<Arc<NameNode>>);

struct NameNode {
    name: Box<str>,
    prev: Names,
}

impl Names {
    pub(super) fn push(&mut self, name: &str) {
        let prev = std::mem::take(self);
        *self = Names(Some(Arc::new(NameNode { name: name.into(), prev })));
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        std::iter::successors(self.0.as_deref(), |n| n.prev.0.as_deref()).map(|n| &*n.name)
    }

    pub(super) fn contains(&self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }
}

/// Equal when they list the same names in the same order.
impl PartialEq for Names {
    fn eq(&self, other: &Names) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Drop for Names {
    fn drop(&mut self) {
        unlink(self.0.take(), |n| n.prev.0.take());
    }
}
