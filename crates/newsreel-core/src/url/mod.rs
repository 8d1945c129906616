//! URLs: which ones may become a link or an image (`policy`), and how a
//! relative one is resolved against its base (`resolve`).

pub mod policy;
pub mod resolve;
