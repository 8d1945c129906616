//! newsreel's browser shell: the `<news-reel>` element over the core
//! (`newsreel-core`). The only code that touches the browser: `bindings`
//! holds the browser calls, `render` applies the core's programs to the
//! shadow DOM, `sanitize` parses article HTML with `DOMParser` for the core's
//! allowlist, `widget` is one element's state and behaviour, and `details`
//! are the values handed to JS. Compiled for wasm32 only; natively this
//! crate is empty.
#![cfg(target_arch = "wasm32")]

pub mod bindings;
pub mod details;
pub mod render;
pub mod sanitize;
pub mod widget;

/// The heap: talc's allocator for single-threaded wasm in place of std's
/// dlmalloc, which is larger and slower there (see docs/size.md).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
