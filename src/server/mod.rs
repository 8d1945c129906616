//! What a server needs to render the widget's HTML: native builds only;
//! nothing here reaches the wasm.

pub mod html;
