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

#[cfg(test)]
mod tests {
    use crate::contract::CSS_PROPERTIES;

    /// Every `--newsreel-*` property the stylesheet reads is in the
    /// contract's table, read with the table's default as its fallback (or
    /// its dark default, in the dark block), and every one in the table is read.
    #[test]
    fn the_stylesheet_reads_the_custom_properties_of_the_contract_with_their_defaults() {
        let css = include_str!("styles.css");
        let mut read = Vec::new();
        for (at, _) in css.match_indices("var(--newsreel-") {
            let inside = &css[at + "var(".len()..];
            let inside = &inside[..inside.find(')').expect("a closed var()")];
            let (name, fallback) = inside.split_once(',').expect("a fallback");
            let spec = CSS_PROPERTIES
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{name} is not in the contract"));
            let fallback = fallback.trim();
            assert!(fallback == spec.default || Some(fallback) == spec.dark, "{name}: fallback {fallback}");
            read.push(name);
        }
        for spec in CSS_PROPERTIES {
            assert!(read.contains(&spec.name), "{} is never read", spec.name);
        }
    }
}
