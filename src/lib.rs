//! newsreel: a "Latest news" ticker and article view, fed by the JSON a page
//! already embeds, rendered into a Shadow DOM.
//!
//! `core` is plain Rust (no web-sys) and is tested natively; `dom` is the thin
//! shell that touches the browser, compiled only for wasm32.
//!
//! The crate is `no_std` + `alloc` so that the shipped wasm can leave out
//! std's runtime: with the feature `small-runtime`, `runtime` supplies the
//! panic handler (a trap, which the element reports) and there is no panic
//! message formatting in the binary. Native builds (the core's tests) and wasm
//! builds without the feature (the browser tests, whose harness is std) link std.

#![no_std]

extern crate alloc;
#[cfg(any(not(target_arch = "wasm32"), not(feature = "small-runtime")))]
extern crate std;

mod prelude;

pub mod core;

#[cfg(target_arch = "wasm32")]
mod runtime;

#[cfg(target_arch = "wasm32")]
pub mod dom;
