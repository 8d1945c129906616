//! The files generated from the element's contract
//! (`newsreel_core::contract`) are up to date: each checked-in file equals
//! what `newsreel_server::contract_files` makes of it. With
//! `NEWSREEL_BLESS=1` (`make contract`) the files are written instead.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use newsreel_server::contract_files::FILES;

#[test]
fn the_generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bless = std::env::var("NEWSREEL_BLESS").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for file in FILES {
        let path = root.join(file.path);
        let current = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", file.path));
        let wanted = (file.render)(&current).unwrap_or_else(|e| panic!("{}: {e}", file.path));
        if wanted == current {
            continue;
        }
        if bless {
            fs::write(&path, wanted).unwrap_or_else(|e| panic!("{}: {e}", file.path));
        } else {
            stale.push(file.path);
        }
    }
    assert!(
        stale.is_empty(),
        "out of date with crates/newsreel-core/src/contract.rs: {}; run `make contract`",
        stale.join(", ")
    );
}
