//! What the shadow root shows. The page's attributes are read into one
//! typed `config`; `state` turns the document, the configuration and what
//! only the environment knows into the view state (classes, flags, texts,
//! motion, which article); `programs` are the DOM of the skeleton, the
//! ticker's entries and the article view. The browser shell applies them to
//! its nodes and the server serialises them: neither decides anything else.
//! `lane` is the geometry of a moving ticker under the reader's hand;
//! `clicks`, what a reader's click on a headline or a link does.

pub mod changes;
pub mod clicks;
pub mod config;
pub mod lane;
pub mod programs;
pub mod state;

/// The widget's stylesheet, kept as real CSS in `styles.css` for editing and
/// review, and minified by build.rs: the browser shell adopts it into each
/// shadow root, and a server-rendered widget links it (`newsreel css`).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));
