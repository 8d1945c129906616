//! What comes in, before any format is known: JSON parsed strictly or as
//! pages write it (`json`), the neutral XML tree a feed is read from (`xml`),
//! and what a fetched text is and how its bytes are read (`remote`).

pub mod json;
pub mod remote;
pub mod xml;
