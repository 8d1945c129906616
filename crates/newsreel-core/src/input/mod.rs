//! What comes in, before any format is known: JSON parsed strictly or as
//! pages write it (`json`), the neutral XML tree a feed is read from and the
//! parsers' reports of broken XML (`xml`), feed XML repaired as feed readers
//! forgive it (`xml_repair`), what a text is (`sniff`), which encoding a
//! feed's bytes are in (`charset`), the rules of feeds loaded by URL
//! (`fetch`), and of their copies kept across visits (`persist`).

pub mod charset;
pub mod fetch;
pub mod json;
pub mod persist;
pub mod sniff;
pub mod xml;
pub mod xml_repair;
