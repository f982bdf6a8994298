//! Names the size tables' file the app fetches (`src/size_data.rs`):
//! `size-data-<digest>.txt`, the digest of the bundle that
//! `scripts/size-data.py` writes from the same files, in the order of
//! core's `size::DATA_TABLES`. Computed here so that the page needs no tag
//! to name it (the first load stays as it was), and so that a new set of
//! tables gets a new name, which no browser cache can confuse with the old.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source_path = root.join("core/src/size/data.rs");
    println!("cargo:rerun-if-changed={}", source_path.display());
    let source = std::fs::read_to_string(&source_path).expect("core/src/size/data.rs");
    let start = source.find("pub const TABLES").expect("TABLES in core/src/size/data.rs");
    let list = &source[start..start + source[start..].find("];").expect("the end of TABLES")];
    let names: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
    // FNV-1a, 64 bits: a name that changes with the content (not a
    // security check); scripts/size-data.py computes the same.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for name in names {
        let path = root.join("core/data").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        feed(format!("#@ {name}\n").as_bytes());
        feed(text.as_bytes());
        if !text.ends_with('\n') {
            feed(b"\n");
        }
    }
    println!("cargo:rustc-env=DOCKERPLAY_SIZE_DATA=size-data-{hash:016x}.txt");
}
