//! Transitional: the core's modules still import this while they move to
//! std's prelude. Removed once nothing uses it.
#![allow(unused_imports)]
pub use std::format;
pub use std::string::{String, ToString};
pub use std::vec;
pub use std::vec::Vec;
