//! How a step's key is made: length-prefixed fields folded into a fast
//! 128-bit hash.

use crate::cache::sha256::hex;
use crate::cache::Key;
use crate::context::{EntryKind, Selection};

/// Feeds length-prefixed fields into a 128-bit hash so that no two field
/// lists hash alike. Keys need to be stable and collision-free in practice,
/// not cryptographic: two 64-bit lanes of multiply-fold mixing (the wyhash
/// idea) keep a build of hundreds of steps well under a millisecond, which
/// SHA-256 did not. Content digests stay SHA-256 (`context`).
pub(super) struct Hasher {
    a: u64,
    b: u64,
}

const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;
const P2: u64 = 0x8ebc_6af0_9c88_c6e3;

fn fold(x: u64, y: u64) -> u64 {
    let r = (x as u128).wrapping_mul(y as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

impl Hasher {
    pub(super) fn new(tag: &str) -> Hasher {
        let mut h = Hasher { a: P0, b: P1 };
        h.str(tag);
        h
    }

    pub(super) fn word(&mut self, w: u64) -> &mut Hasher {
        self.a = fold(self.a ^ w, P1);
        self.b = fold(self.b ^ w.rotate_left(29), P2);
        self
    }

    pub(super) fn bytes(&mut self, data: &[u8]) {
        self.word(data.len() as u64 ^ P2);
        let mut chunks = data.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.word(u64::from_le_bytes(last) ^ P0);
        }
    }

    pub(super) fn str(&mut self, s: &str) -> &mut Hasher {
        self.bytes(s.as_bytes());
        self
    }

    pub(super) fn key(&mut self, k: &Key) -> &mut Hasher {
        self.bytes(k);
        self
    }

    pub(super) fn list<S: AsRef<str>>(&mut self, items: &[S]) -> &mut Hasher {
        self.word(items.len() as u64);
        for s in items {
            self.str(s.as_ref());
        }
        self
    }

    pub(super) fn finish(&self) -> Key {
        let a = fold(self.a ^ P2, self.b ^ P0);
        let b = fold(self.b ^ P1, a ^ P2);
        let mut k = [0u8; 16];
        k[..8].copy_from_slice(&a.to_le_bytes());
        k[8..].copy_from_slice(&b.to_le_bytes());
        k
    }
}

pub(super) fn short(key: &Key) -> String {
    hex(&key[..8])
}

/// The content identity of a selection: what `Selection::checksum` covers
/// (relative names, kinds, mode bits, digests, in name order), with the fast
/// key hash instead of SHA-256.
pub(super) fn selection_key(sel: &Selection) -> Key {
    let mut h = Hasher::new("selection");
    let mut add = |e: &crate::context::Selected| {
        h.str(&e.rel).str(if e.kind == EntryKind::Dir { "d" } else { "f" }).str(&e.digest);
        h.word(u64::from(e.mode));
    };
    // Most selections are a single file, or already in order.
    let order =
        |a: &&crate::context::Selected, b: &&crate::context::Selected| a.rel.cmp(&b.rel).then(a.source.cmp(&b.source));
    if sel.entries.windows(2).all(|w| order(&&w[0], &&w[1]).is_le()) {
        sel.entries.iter().for_each(&mut add);
    } else {
        let mut entries: Vec<&crate::context::Selected> = sel.entries.iter().collect();
        entries.sort_by(order);
        entries.into_iter().for_each(add);
    }
    h.finish()
}
