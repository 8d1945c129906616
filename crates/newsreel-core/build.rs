//! Build step: the stylesheet minified into OUT_DIR (comments and layout
//! white space dropped), so the wasm carries about half the bytes of
//! src/view/styles.css while the file stays readable.

use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=src/view/styles.css");
    let css = fs::read_to_string("src/view/styles.css").expect("read src/view/styles.css");
    let small = minify(&css);
    // The rules are the same: every brace and string survives.
    for mark in ['{', '}', '"'] {
        assert_eq!(
            css.matches(mark).count() - comment_count(&css, mark),
            small.matches(mark).count(),
            "minified CSS lost a {mark}"
        );
    }
    let out = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    fs::write(format!("{out}/styles.min.css"), small).expect("write styles.min.css");
}

/// Drops comments, folds white space, and leaves none next to the characters
/// that end or separate CSS tokens (`{ } ; , >`) or after a `:`. Strings are
/// copied as written; spaces before `:` and around `+ - ( )` stay, since they
/// can matter (`.a :hover`, `calc(1px + 2px)`).
fn minify(css: &str) -> String {
    const TIGHT: &str = "{};,>";
    const TIGHT_AFTER: &str = "{};,>:";
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut previous = ' ';
            for d in chars.by_ref() {
                if previous == '*' && d == '/' {
                    break;
                }
                previous = d;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !TIGHT.contains(c) && !out.ends_with(|p| TIGHT_AFTER.contains(p)) {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            while let Some(d) = chars.next() {
                out.push(d);
                if d == '\\' {
                    out.extend(chars.next());
                } else if d == c {
                    break;
                }
            }
        }
    }
    out
}

/// How often `mark` occurs inside comments (those go away with the comments).
fn comment_count(css: &str, mark: char) -> usize {
    css.split("/*").skip(1).map(|rest| rest.split("*/").next().unwrap_or("").matches(mark).count()).sum()
}
