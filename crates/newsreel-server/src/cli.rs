//! `newsreel render [OPTIONS] FILE`: the command-line face of `render_html`.

use std::io::Read;

use crate::render::{render_html, RenderOptions};

pub const RENDER_USAGE: &str = "usage: newsreel render [OPTIONS] FILE|-

Prints one <news-reel> element, rendered, for the news in FILE (`-`: standard
input): our JSON, JSON-LD, JSON Feed, RSS or Atom.

options (the element's attributes):
  --view both|ticker|article     --mode marquee|vertical|slide|list
  --rows N                       --lang TAG            --dir ltr|rtl
  --max-items N                  --label TEXT          --heading-level 1-6
  --images none                  --target TARGET       --tags LIST
  --article ID                   --src URL (the widget then loads the feed itself)
  --css-url URL (where newsreel.css is served; default newsreel.css)";

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
        let number =
            |v: String| v.trim().parse::<u64>().map_err(|_| format!("--{name} takes a whole number, not {v:?}"));
        match name {
            "view" => options.view = Some(value()?),
            "mode" => options.mode = Some(value()?),
            "rows" => options.rows = Some(number(value()?)?.min(50) as u32),
            "lang" => options.lang = Some(value()?),
            "dir" => options.dir = Some(value()?),
            "max-items" => options.max_items = Some(number(value()?)?.min(10_000) as usize),
            "label" => options.label = Some(value()?),
            "heading-level" => options.heading_level = Some(number(value()?)?.clamp(1, 6) as u8),
            "images" => options.no_images = value()?.trim().eq_ignore_ascii_case("none"),
            "target" => options.target = Some(value()?),
            "tags" => options.tags = Some(value()?),
            "article" => options.article = Some(value()?),
            "src" => options.src = Some(value()?),
            "css-url" => options.css_url = Some(value()?),
            _ => return Err(format!("unknown option --{name}")),
        }
    }
    let file = file.ok_or_else(|| "no input file (use - for standard input)".to_string())?;
    Ok((options, file.to_string()))
}

fn read_input(file: &str) -> Result<String, String> {
    let mut text = String::new();
    if file == "-" {
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("standard input: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))
    }
}
