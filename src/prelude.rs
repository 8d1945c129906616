//! What std's prelude would give every module, from `alloc`, since the crate
//! is `no_std`.

// Only tests format: the library builds messages with `cat!` (core/cat.rs).
#[cfg(test)]
pub use alloc::format;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;
