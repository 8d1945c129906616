//! newsreel: a "Latest news" ticker and article view, fed by the news a page
//! already has, rendered into a Shadow DOM.
//!
//! `core` is plain Rust (no web-sys) and is tested natively; `dom` is the thin
//! shell that touches the browser, compiled only for wasm32; `server` is what
//! a server needs to make the same HTML, compiled only natively.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod dom;

#[cfg(not(target_arch = "wasm32"))]
pub mod server;

/// The heap: talc's allocator for single-threaded wasm in place of std's
/// dlmalloc, which is larger and slower there (see the README, "Building").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
