//! Build steps, writing into OUT_DIR:
//! - the stylesheet minified (comments and layout white space dropped), so
//!   the wasm carries about half the bytes of src/dom/styles.css while the
//!   file stays readable;
//! - the widget's skeleton markup (src/dom/skeleton.html) as a build program
//!   (src/core/build.rs), so it is data in the wasm rather than code.

use std::{env, fs};

extern crate alloc;

// The crate's own program writer, so the skeleton is written exactly as a
// render writes its programs. The build script uses part of it.
#[allow(dead_code)]
#[path = "src/core/build.rs"]
mod program;

use program::Build;

fn main() {
    println!("cargo:rerun-if-changed=src/dom/styles.css");
    let css = fs::read_to_string("src/dom/styles.css").expect("read src/dom/styles.css");
    let small = minify(&css);
    // The rules are the same: every brace and string survives.
    for mark in ['{', '}', '"'] {
        assert_eq!(css.matches(mark).count() - comment_count(&css, mark), small.matches(mark).count(), "minified CSS lost a {mark}");
    }
    let out = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    fs::write(format!("{out}/styles.min.css"), small).expect("write styles.min.css");

    println!("cargo:rerun-if-changed=src/dom/skeleton.html");
    println!("cargo:rerun-if-changed=src/core/build.rs");
    let markup = fs::read_to_string("src/dom/skeleton.html").expect("read src/dom/skeleton.html");
    let program = build_program(&markup);
    let source = format!("pub const OPS: &[u32] = &{:?};\npub const TEXT: &str = {:?};\n", program.ops, program.text);
    fs::write(format!("{out}/skeleton.rs"), source).expect("write skeleton.rs");
}

/// Translates our own simple markup (elements, quoted attribute values or
/// none, text, comments; every element closed) into a build program.
fn build_program(markup: &str) -> Build {
    let mut program = Build::new();
    let mut open = 0usize;
    let mut rest = markup;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->").expect("comment closed") + 3..];
        } else if let Some(after) = rest.strip_prefix("</") {
            program.close();
            open -= 1;
            rest = &after[after.find('>').expect("end tag closed") + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').expect("start tag closed");
            let mut tag = after[..end].trim();
            let name_end = tag.find(' ').unwrap_or(tag.len());
            program.open(&tag[..name_end]);
            open += 1;
            tag = tag[name_end..].trim_start();
            let mut keep = false;
            while !tag.is_empty() {
                let name_end = tag.find([' ', '=']).unwrap_or(tag.len());
                let name = &tag[..name_end];
                tag = &tag[name_end..];
                let value = match tag.strip_prefix("=\"") {
                    Some(quoted) => {
                        let close = quoted.find('"').expect("attribute value closed");
                        tag = &quoted[close + 1..];
                        &quoted[..close]
                    }
                    None => "",
                };
                tag = tag.trim_start();
                if name == "keep" {
                    keep = true;
                } else {
                    program.attr(name, value);
                }
            }
            if keep {
                program.keep();
            }
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let words = rest[..end].trim();
            if !words.is_empty() {
                program.text(words);
            }
            rest = &rest[end..];
        }
    }
    assert_eq!(open, 0, "every element in the skeleton is closed");
    program
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
