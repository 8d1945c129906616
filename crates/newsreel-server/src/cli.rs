//! `newsreel render [OPTIONS] FILE`: the command-line face of `render_html`.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8};
use newsreel_core::contract::{Attribute, SetBy, Value, ATTRIBUTES};
use newsreel_core::input::charset::feed_charset;
use newsreel_core::view::config;

use crate::render::{render_html, RenderOptions};

/// `render`'s usage: its options are the element's attributes (the page's,
/// from `contract::ATTRIBUTES`), each written `--NAME VALUE` (a boolean one
/// `--NAME`), and `--css-url`.
pub fn render_usage() -> String {
    let options: Vec<String> = ATTRIBUTES
        .iter()
        .filter(|spec| spec.set_by == SetBy::Page)
        .map(|spec| match spec.value {
            Value::Boolean => format!("--{}", spec.name),
            Value::Keyword { values, .. } => format!("--{} {}", spec.name, values.join("|")),
            Value::Integer { min, max, .. } => format!("--{} {min}-{max}", spec.name),
            Value::Text => format!("--{} TEXT", spec.name),
        })
        .collect();
    let mut usage = String::from(
        "usage: newsreel render [OPTIONS] FILE|-\n\n\
         Prints one <news-reel> element, rendered, for the news in FILE (`-`: standard\n\
         input): our JSON, JSON-LD, JSON Feed, RSS or Atom, in any charset.\n\n\
         options (the element's attributes, read as the widget reads them):\n",
    );
    for pair in options.chunks(2) {
        let line = format!("  {:<40} {}", pair[0], pair.get(1).map_or("", String::as_str));
        usage.push_str(line.trim_end());
        usage.push('\n');
    }
    usage.push_str("  --css-url URL (where newsreel.css is served; default newsreel.css)");
    usage
}

/// Why `render` printed nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum RenderFailure {
    /// The command line was wrong (exit status 2, with the usage).
    Usage(String),
    /// The input could not be read or shown (exit status 1).
    Input(String),
}

/// Reads the options and the input, and renders. Errors say what and where.
pub fn render(args: &[String]) -> Result<String, RenderFailure> {
    render_options(args).and_then(|(options, file)| {
        let input = read_input(&file).map_err(RenderFailure::Input)?;
        render_html(&input, &options)
            .map_err(|e| RenderFailure::Input(format!("{file}: the news could not be shown: {e}")))
    })
}

fn render_options(args: &[String]) -> Result<(RenderOptions, String), RenderFailure> {
    parse(args).map_err(RenderFailure::Usage)
}

fn parse(args: &[String]) -> Result<(RenderOptions, String), String> {
    let mut options = RenderOptions::default();
    let mut file: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let Some(name) = arg.strip_prefix("--") else {
            if file.replace(arg).is_some() {
                return Err(format!("one input file only (got a second: {arg})"));
            }
            continue;
        };
        let mut value = || rest.next().cloned().ok_or_else(|| format!("--{name} needs a value"));
        if name == "css-url" {
            options.css_url = Some(value()?);
            continue;
        }
        // Values are the element's: the widget's rules read them (`Config`).
        match Attribute::from_name(name).map(Attribute::spec) {
            Some(spec) if spec.set_by == SetBy::Page && spec.value == Value::Boolean => options.set(spec.attribute, ""),
            Some(spec) if spec.set_by == SetBy::Page => {
                let value = value()?;
                if !config::accepts(spec.attribute, &value) {
                    return Err(format!("--{name} does not take {value:?}"));
                }
                options.set(spec.attribute, value)
            }
            _ => return Err(format!("unknown option --{name}")),
        }
    }
    let file = file.ok_or_else(|| "no input file (use - for standard input)".to_string())?;
    Ok((options, file.to_string()))
}

/// The input's text, in any encoding the widget reads a fetched feed in.
fn read_input(file: &str) -> Result<String, String> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: {e}"))?
    };
    Ok(decode_input(&bytes))
}

/// Text from a file's bytes, decoded as the widget decodes a feed: in the
/// encoding the core's rule names (`feed_charset`; a file has no
/// Content-Type, so a byte-order mark, the XML declaration, else UTF-8, or
/// windows-1252 for bytes that are not UTF-8), as `TextDecoder` decodes
/// (the encoding's own byte-order mark dropped, bad bytes as U+FFFD).
fn decode_input(bytes: &[u8]) -> String {
    // TextDecoder refuses the labels of the "replacement" encoding; so does this.
    let encoding_of = |label: &str| Encoding::for_label_no_replacement(label.as_bytes());
    let label = feed_charset(bytes, None, encoding_of);
    // The rule names only labels `encoding_of` knows.
    let encoding = encoding_of(label).unwrap_or(UTF_8);
    encoding.decode_with_bom_removal(bytes).0.into_owned()
}
