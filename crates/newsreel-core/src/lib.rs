//! newsreel's pure core: everything the widget decides, with no browser in
//! it. Plain Rust with no wasm-bindgen, web-sys or js-sys, tested natively.
//!
//! The layers, from the bottom: `input` (JSON, lenient JSON, XML trees,
//! content sniffing and charsets), `dates`, `html` (text, markup, the
//! sanitiser's allowlist, DOM programs), `url` (policy and resolution),
//! `model` (the decoded news), `formats` (one decoder per dialect, and what
//! every format shares), `i18n` (the widget's words), and `view` (the
//! configuration, the view state and the programs the shells apply).
//! This file holds the entry points, `decode` and `decode_blocks`, and their
//! error, `DecodeError`.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;

pub mod contract;
pub mod dates;
pub mod formats;
pub mod html;
pub mod i18n;
pub mod input;
pub mod model;
pub mod url;
pub mod view;

pub use formats::bodies::resolve_body;

use formats::feeds::FeedError;
use formats::{jsonfeed, jsonld, newsreel_v1, normalize, FormatError};
use input::json::{self, ParseError, Source, Top};
use model::{Format, NewsDocument, Warning};

/// Why nothing could be rendered. Its message (`Display`) says what and
/// where.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// No text to decode was given.
    NoJson,
    /// No text parsed as JSON: why, for each.
    Unparsed(Vec<InBlock<ParseError>>),
    /// The format the first block was taken for refused it.
    Format(InBlock<FormatError>),
    /// An XML feed that could not be read, or XML that is not a feed.
    Feed(FeedError),
    /// The data was read, and holds nothing to show: no article with a
    /// headline (or feed item with a title). `blocks` is how many texts it
    /// was read from, and `warnings` the document's problems, which may say
    /// why.
    NothingRenderable { format: Format, blocks: usize, warnings: Vec<Warning> },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NoJson => f.write_str("no JSON data found"),
            DecodeError::Unparsed(failures) => {
                for (i, failure) in failures.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{failure}")?;
                }
                Ok(())
            }
            DecodeError::Format(error) => write!(f, "{error}"),
            DecodeError::Feed(error) => write!(f, "{error}"),
            DecodeError::NothingRenderable { format, blocks, warnings } => {
                match format {
                    Format::Rss | Format::Atom => write!(f, "no item with a title found in the {format} feed")?,
                    _ if *blocks > 1 => write!(f, "no article with a headline found in {blocks} {format} blocks")?,
                    _ => f.write_str("no article with a headline found")?,
                }
                if let Some(first) = warnings.first() {
                    let problems = warnings.len();
                    let plural = if problems == 1 { "" } else { "s" };
                    write!(f, " ({problems} problem{plural}: {first})")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DecodeError {}

impl From<FeedError> for DecodeError {
    fn from(error: FeedError) -> Self {
        DecodeError::Feed(error)
    }
}

/// An error about one of the texts decoded together: `block` is its index
/// among them, `None` when it was the only one. The message names it
/// ("block 2: …") only when there were several.
#[derive(Debug, Clone, PartialEq)]
pub struct InBlock<E> {
    pub block: Option<usize>,
    pub error: E,
}

impl<E: fmt::Display> fmt::Display for InBlock<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(block) = self.block {
            write!(f, "block {}: ", block + 1)?;
        }
        write!(f, "{}", self.error)
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for InBlock<E> {}

/// Options the host sets on the element.
#[derive(Debug, Clone, Copy)]
pub struct DecodeOptions<'a> {
    /// Longest ticker (attribute `max-items`).
    pub max_items: usize,
    /// The article for the article view, by id (attribute `article`).
    pub main_id: Option<&'a str>,
    /// Which articles the ticker shows (attribute `tags`).
    pub tags: normalize::TagFilter<'a>,
    /// Where the JSON came from, for a feed fetched from `src` (the
    /// response's URL, after redirects): a JSON Feed's relative links mean
    /// what they mean there, not on the page showing it.
    pub document_url: Option<&'a str>,
}

impl Default for DecodeOptions<'_> {
    fn default() -> Self {
        DecodeOptions {
            max_items: normalize::DEFAULT_MAX_ITEMS,
            main_id: None,
            tags: normalize::TagFilter::default(),
            document_url: None,
        }
    }
}

/// Which format a parsed block is, from its content alone.
pub fn detect(top: &Top) -> Format {
    match top {
        Top::Object(envelope) if jsonfeed::detect(envelope) => Format::JsonFeed,
        Top::Object(envelope) if newsreel_v1::detect(envelope) => Format::Newsreel,
        _ => Format::JsonLd,
    }
}

/// Decodes one JSON text in any supported format.
pub fn decode(text: &str, options: DecodeOptions) -> Result<NewsDocument, DecodeError> {
    decode_blocks(&[text], options)
}

/// One block that parsed: where it is, its format, and its top level
/// (JSON-LD blocks as a whole tree).
struct Parsed<'a> {
    source: Source<'a>,
    format: Format,
    top: Top<'a>,
}

/// Parses block number `block`, and tells its format.
fn parse_block(text: &str, block: usize) -> Result<Parsed<'_>, ParseError> {
    let top = json::parse(text)?;
    let format = detect(&top);
    let top = match top {
        // JSON-LD is read as a whole tree.
        Top::Object(_) if format == Format::JsonLd => Top::Other(json::parse_value(text)?),
        top => top,
    };
    Ok(Parsed { source: Source { block, text }, format, top })
}

/// Decodes several JSON texts from one page (e.g. every `application/ld+json`
/// block) into one document. A block that fails is reported and skipped; the
/// whole fails only when nothing renderable is left.
///
/// Deferred bodies (`model::Body::Deferred`) point into these texts by their
/// index: keep them, and pass them to `resolve_body` to render a body.
pub fn decode_blocks<T: AsRef<str>>(texts: &[T], options: DecodeOptions) -> Result<NewsDocument, DecodeError> {
    let many = texts.len() > 1;
    let in_block = |block: usize| many.then_some(block);
    let place = |block: usize| if many { format!("block {}: ", block + 1) } else { String::new() };
    // Lone surrogate escapes replaced, in copies only where there are any
    // (see `json::repair_lone_surrogates`). The copies are as long as the
    // texts, so what is found in them is at the same place in the texts.
    let repaired: Vec<Cow<str>> = texts.iter().map(|t| json::prepare(t.as_ref())).collect();
    // JSON-LD blocks that are not strict JSON, read as pages write them
    // (see `json::lenient_copy`). Our format and JSON Feed are strict JSON.
    let lenient: Vec<OnceCell<Option<String>>> = texts.iter().map(|_| OnceCell::new()).collect();
    let mut blocks = Vec::new();
    // The page's problems, in the order of its blocks, and the blocks that
    // did not parse, which are the error when none did.
    let mut failures = Vec::new();
    let mut unparsed = Vec::new();
    for (block, text) in repaired.iter().enumerate() {
        let parsed = match parse_block(text, block) {
            Err(strict) => {
                let copy = lenient[block]
                    .get_or_init(|| (text.len() <= json::MAX_INPUT_BYTES).then(|| json::lenient_copy(text)).flatten());
                match copy.as_deref().map(|copy| parse_block(copy, block)) {
                    Some(Ok(parsed)) if parsed.format == Format::JsonLd => {
                        failures.push(format!("{}not strict JSON (a comment, a CDATA wrapper, single quotes, a trailing comma or a line break in a string), read past", place(block)));
                        Ok(parsed)
                    }
                    // The first error is the one reported: it is about the text as written.
                    _ => Err(strict),
                }
            }
            parsed => parsed,
        };
        match parsed {
            Ok(parsed) => blocks.push(parsed),
            Err(error) => {
                let failure = InBlock { block: in_block(block), error };
                failures.push(failure.to_string());
                unparsed.push(failure);
            }
        }
    }
    let Some(first) = blocks.first() else {
        return Err(if unparsed.is_empty() { DecodeError::NoJson } else { DecodeError::Unparsed(unparsed) });
    };
    let format = first.format;
    let result = match format {
        Format::JsonLd => {
            let trees: Vec<_> = blocks
                .iter()
                .filter_map(|b| match &b.top {
                    Top::Other(tree) if b.format == Format::JsonLd => Some(tree),
                    _ => None,
                })
                .collect();
            Ok(jsonld::decode(&trees))
        }
        Format::JsonFeed => jsonfeed::decode(&first.top, first.source, options),
        Format::Newsreel => newsreel_v1::decode(&first.top, first.source),
        // Feeds in XML are decoded from a tree (`formats::feeds::decode`); `detect` never picks them.
        Format::Rss | Format::Atom => Err(FormatError::NotJson(format)),
    };
    let (mut doc, order) =
        result.map_err(|error| DecodeError::Format(InBlock { block: in_block(first.source.block), error }))?;
    // Blocks the chosen format does not read (JSON-LD reads every JSON-LD
    // block; the other formats read the first block only) are reported.
    for b in blocks.iter().skip(1) {
        if format != Format::JsonLd || b.format != Format::JsonLd {
            let kind = b.format;
            failures.push(format!(
                "{}ignored: a {kind} block after the {format} block that was read",
                place(b.source.block)
            ));
        }
    }
    for f in failures {
        model::warn(&mut doc.warnings, "page", f);
    }
    normalize::finish(&mut doc, order, options.max_items, options.main_id, options.tags);
    renderable(doc, texts.len())
}

/// The document read from `blocks` texts, or, when nothing in it can be
/// shown, the error that says so with its problems. Articles that only a tag
/// filter (or the cap) left out do not make it an error: the data is good,
/// and the ticker is empty for now.
pub(crate) fn renderable(doc: NewsDocument, blocks: usize) -> Result<NewsDocument, DecodeError> {
    if doc.main.is_some() || !doc.latest.is_empty() || doc.found > 0 {
        return Ok(doc);
    }
    Err(DecodeError::NothingRenderable { format: doc.format, blocks, warnings: doc.warnings })
}

/// Helpers shared by tests of several modules.
#[cfg(test)]
pub(crate) mod test_support {
    /// `n` distinct ids that all shared one probe chain in the hash table the
    /// decoders used before std collections: it hashed with FNV-1a 64 and
    /// placed a key at `(hash >> 7) & mask`, and these hashes agree in their
    /// low 23 bits, so in any table of up to 2^16 slots.
    ///
    /// Found by meeting in the middle, since brute force would take minutes:
    /// FNV-1a's step `h = (h ^ byte) * P` is invertible modulo 2^23 (P is
    /// odd), so for each four-letter suffix the state that leads to the
    /// target through it is computed backwards, and prefixes are hashed
    /// forwards until their state is one of those.
    pub fn colliding_ids(n: usize) -> Vec<String> {
        static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let ids = IDS.get_or_init(|| find_colliding_ids(20_000));
        assert!(n <= ids.len(), "at most {} colliding ids", ids.len());
        ids[..n].to_vec()
    }

    fn find_colliding_ids(n: usize) -> Vec<String> {
        const BITS: u32 = 23;
        const MASK: u64 = (1 << BITS) - 1;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
        // The inverse of PRIME modulo 2^64, by Newton's iteration.
        let mut inverse = PRIME;
        for _ in 0..6 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(PRIME.wrapping_mul(inverse)));
        }
        let target = 0x2a_5a5a & MASK;
        // For each state (low bits), a suffix that takes it to the target.
        let mut suffix_for = vec![None::<[u8; 4]>; 1 << BITS];
        for a in LETTERS {
            for b in LETTERS {
                for c in LETTERS {
                    for d in LETTERS {
                        let suffix = [*a, *b, *c, *d];
                        let state = suffix
                            .iter()
                            .rev()
                            .fold(target, |h, &byte| (h.wrapping_mul(inverse) & MASK) ^ u64::from(byte));
                        suffix_for[state as usize] = Some(suffix);
                    }
                }
            }
        }
        let fnv = |s: &str| s.bytes().fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
        let ids: Vec<String> = (0..)
            .filter_map(|i| {
                let prefix = format!("https://news.example/{i}-");
                let suffix = suffix_for[(fnv(&prefix) & MASK) as usize]?;
                Some(prefix + std::str::from_utf8(&suffix).ok()?)
            })
            .take(n)
            .collect();
        assert!(ids.iter().all(|id| fnv(id) & MASK == target));
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Body, BodyKind};

    #[test]
    fn tags_choose_the_ticker_before_it_is_capped_in_every_format() {
        let wanted = normalize::tag_list(" World ,, politics ", str::to_lowercase);
        assert_eq!(wanted, ["world", "politics"]);
        let lists = normalize::TagLists { wanted, excluded: vec![] };
        let options = DecodeOptions {
            max_items: 2,
            tags: normalize::TagFilter { lists: &lists, fold: str::to_lowercase },
            ..DecodeOptions::default()
        };
        let headlines = |doc: &NewsDocument| doc.latest.iter().map(|a| a.headline.clone()).collect::<Vec<_>>();
        // Newest first: 5, 4, 3, 2, 1; the tagged ones are 5, 3 and 1.
        let tags = |i: u32| if i % 2 == 1 { r#"["WORLD","x"]"# } else { r#"["sport"]"# };
        let feed_items: Vec<String> = (1..=5)
            .map(|i| format!(r#"{{"id":"{i}","title":"F{i}","date_published":"2026-01-0{i}","tags":{}}}"#, tags(i)))
            .collect();
        let feed = format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#, feed_items.join(","));
        let doc = decode(&feed, options).unwrap();
        assert_eq!(headlines(&doc), ["F5", "F3"], "JSON Feed: the two newest that match");
        assert_eq!(doc.found, 5, "found still counts every item");
        let ld_items: Vec<String> = (1..=5)
            .map(|i| {
                format!(
                    r#"{{"@type":"NewsArticle","headline":"L{i}","datePublished":"2026-01-0{i}","keywords":{}}}"#,
                    tags(i)
                )
            })
            .collect();
        let ld = format!("[{}]", ld_items.join(","));
        let doc = decode(&ld, options).unwrap();
        assert_eq!(headlines(&doc), ["L5", "L3"], "JSON-LD keywords");
        let ours =
            r#"{"latest":[{"headline":"O1","keywords":"Politics, economy"},{"headline":"O2","keywords":"sport"}]}"#;
        assert_eq!(headlines(&decode(ours, options).unwrap()), ["O1"], "a comma-separated keywords text");
        let none = r#"{"latest":[{"headline":"O2","keywords":"sport"}]}"#;
        assert!(decode(none, options).is_ok(), "no match is an empty ticker, not a failure of the data");
    }

    #[test]
    fn excluded_tags_leave_articles_out_before_the_cap_in_every_format_with_or_without_tags() {
        let config = |tags: Option<&str>, exclude: &str| view::config::Config {
            tags: tags.map(str::to_string),
            exclude_tags: Some(exclude.to_string()),
            max_items: 2,
            ..view::config::Config::read(|_| None)
        };
        let headlines = |doc: NewsDocument| doc.latest.into_iter().map(|a| a.headline).collect::<Vec<_>>();
        // Newest first: 5, 4, 3, 2, 1. 5 and 2 are sport, 4 is sport and
        // world, 3 and 1 world only.
        let tags = |i: u32| match i {
            5 | 2 => r#"["Sport"]"#,
            4 => r#"["World","SPORT "]"#,
            _ => r#"["world"]"#,
        };
        let feed_items: Vec<String> = (1..=5)
            .map(|i| format!(r#"{{"id":"{i}","title":"F{i}","date_published":"2026-01-0{i}","tags":{}}}"#, tags(i)))
            .collect();
        let feed = format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#, feed_items.join(","));
        let rss_items: Vec<String> = (1..=5)
            .map(|i| {
                let categories: String = serde_json::from_str::<Vec<String>>(tags(i))
                    .unwrap()
                    .iter()
                    .map(|c| format!("<category>{c}</category>"))
                    .collect();
                format!("<item><guid>{i}</guid><title>F{i}</title><pubDate>0{i} Jan 2026 00:00:00 GMT</pubDate>{categories}</item>")
            })
            .collect();
        let rss = format!(r#"<rss version="2.0"><channel><title>T</title>{}</channel></rss>"#, rss_items.join(""));
        for (tags, exclude, expected) in [
            (None, " sport ,", ["F3", "F1"]),
            (Some("world"), "Sport", ["F3", "F1"]),
            (Some("sport"), "nothing, here", ["F5", "F4"]),
        ] {
            let config = config(tags, exclude);
            let lists = config.tag_lists(str::to_lowercase);
            let options = config.decode_options(&lists, str::to_lowercase, None);
            assert_eq!(
                headlines(decode(&feed, options).unwrap()),
                expected,
                "JSON Feed, tags {tags:?}, exclude {exclude:?}"
            );
            let doc = formats::feeds::decode_text(&rss, input::xml::from_text, options).unwrap();
            assert_eq!(doc.found, 5, "found still counts every item");
            assert_eq!(headlines(doc), expected, "RSS, tags {tags:?}, exclude {exclude:?}");
        }
        let ours =
            r#"{"latest":[{"headline":"O1","keywords":"Politics, economy"},{"headline":"O2","keywords":"sport"}]}"#;
        let config = config(None, "ECONOMY");
        let lists = config.tag_lists(str::to_lowercase);
        let options = config.decode_options(&lists, str::to_lowercase, None);
        assert_eq!(headlines(decode(ours, options).unwrap()), ["O2"], "a comma-separated keywords text");
    }

    #[test]
    fn errors_say_which_case_they_are() {
        let err = decode_blocks(&["{oops", "[1,"], DecodeOptions::default()).unwrap_err();
        let DecodeError::Unparsed(failures) = &err else { panic!("{err:?}") };
        assert_eq!(failures.iter().map(|f| f.block).collect::<Vec<_>>(), [Some(0), Some(1)]);
        assert_eq!(failures[1].to_string(), "block 2: invalid JSON at line 1, column 3: EOF while parsing a value");
        let err = decode(r#"{"format":"newsreel/2"}"#, DecodeOptions::default()).unwrap_err();
        let named = "\"newsreel/2\"".to_string();
        assert_eq!(err, DecodeError::Format(InBlock { block: None, error: FormatError::UnsupportedFormat { named } }));
        let err = decode("[]", DecodeOptions::default()).unwrap_err();
        let DecodeError::NothingRenderable { format: Format::JsonLd, blocks: 1, warnings } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            err.to_string(),
            "no article with a headline found (1 problem: JSON-LD: no Article-type node or ItemList (no node has an @type))"
        );
    }

    #[test]
    fn blocks_the_format_does_not_read_are_reported() {
        let ld = r#"{"@type":"NewsArticle","headline":"A"}"#;
        let feed = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"f","title":"F"}]}"#;
        let doc = decode_blocks(&[ld, feed, ld], DecodeOptions::default()).unwrap();
        let warnings: Vec<String> = doc.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings, ["page: block 2: ignored: a JSON Feed block after the JSON-LD block that was read"]);
        let doc = decode_blocks(&[feed, ld], DecodeOptions::default()).unwrap();
        assert_eq!(doc.latest.len(), 1);
        assert!(doc.warnings[0].message.contains("block 2: ignored: a JSON-LD block after the JSON Feed block"));
    }

    #[test]
    fn broken_blocks_are_skipped_and_reported() {
        let doc =
            decode_blocks(&["{oops", r#"{"@type":"Article","headline":"Fine"}"#], DecodeOptions::default()).unwrap();
        assert_eq!(doc.main.map(|a| a.headline).as_deref(), Some("Fine"));
        assert!(doc.warnings[0].to_string().starts_with("page: block 1: invalid JSON at line 1, column 2"));
        let err = decode_blocks(&["{oops", "[1,"], DecodeOptions::default()).unwrap_err();
        assert!(err.to_string().contains("block 1:") && err.to_string().contains("block 2:"), "{err}");
        let err = decode_blocks::<&str>(&[], DecodeOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), "no JSON data found");
    }

    #[test]
    fn blocks_as_pages_write_them_are_read_past_their_comments_and_trailing_commas() {
        // As a news site served it: a comment after a member, a commented-out
        // member and a trailing comma; then a CMS's CDATA wrapper.
        let commented = "{\n\t\"@context\": \"http://schema.org\",\n\t\"@type\": \"NewsArticle\",\n\t\"url\": \"https://news.test/a//b\",\n\t\"headline\": \"Read // as written\",\n\t\"articleSection\": \"Business\", // category\n\t//\"interactionCount\": \"\"\n}";
        let doc = decode(commented, DecodeOptions::default()).unwrap();
        let main = doc.main.as_ref().unwrap();
        assert_eq!(
            (main.headline.as_str(), main.url.as_deref()),
            ("Read // as written", Some("https://news.test/a//b")),
            "'//' in strings is text"
        );
        assert_eq!(doc.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(), ["page: not strict JSON (a comment, a CDATA wrapper, single quotes, a trailing comma or a line break in a string), read past"]);
        let wrapped = "/* <![CDATA[ */ [{\"@type\":\"NewsArticle\",\"headline\":\"Wrapped\",},] /* ]]> */";
        assert_eq!(
            decode(wrapped, DecodeOptions::default()).unwrap().main.map(|a| a.headline).as_deref(),
            Some("Wrapped")
        );
        // Bare, as an XHTML template leaves it in a page served as HTML; arrays
        // that close just before the wrapper's end keep their brackets.
        let bare = "\n  <![CDATA[\n  {\"@type\":\"NewsArticle\",\"headline\":\"Bare\",\"keywords\":[[\"x\"]]}]]>\n";
        let doc = decode(bare, DecodeOptions::default()).unwrap();
        assert_eq!(doc.main.as_ref().map(|a| a.headline.as_str()), Some("Bare"));
        assert_eq!(doc.warnings.len(), 1, "read past, with the warning");
        let nested = "<![CDATA[[{\"@type\":\"NewsArticle\",\"headline\":\"Listed\"}]]]>";
        assert_eq!(
            decode(nested, DecodeOptions::default()).unwrap().main.map(|a| a.headline).as_deref(),
            Some("Listed")
        );
        // A member in single quotes, as JavaScript writes strings; one with a
        // double quote inside stays as written, and the block is refused.
        let quoted =
            "{\"@type\":\"NewsArticle\",\"headline\":\"Oil falls\",\"description\": 'Prices fell, it\u{2019}s said.'}";
        let doc = decode(quoted, DecodeOptions::default()).unwrap();
        assert_eq!(doc.main.and_then(|a| a.summary).as_deref(), Some("Prices fell, it\u{2019}s said."));
        assert!(decode("{\"@type\":\"NewsArticle\",\"headline\": 'a \"b\"'}", DecodeOptions::default()).is_err());
        let html_comment = "<!-- Jo wrote this. -->\n{\"@type\":\"NewsArticle\",\"headline\":\"Annotated\"}";
        assert_eq!(
            decode(html_comment, DecodeOptions::default()).unwrap().main.map(|a| a.headline).as_deref(),
            Some("Annotated")
        );

        // A line break typed into a string.
        let broken = "{\"@type\":\"NewsArticle\",\"headline\":\"Two\nlines\"}";
        assert_eq!(
            decode(broken, DecodeOptions::default()).unwrap().main.map(|a| a.headline).as_deref(),
            Some("Two lines")
        );
        // Our format and JSON Feed are strict JSON, as documented.
        for strict in
            [r#"{"latest":[{"headline":"a"},]}"#, r#"{"version":"https://jsonfeed.org/version/1.1","items":[],}"#]
        {
            assert!(
                decode(strict, DecodeOptions::default()).unwrap_err().to_string().contains("invalid JSON at line 1"),
                "{strict}"
            );
        }

        // Still not JSON after that: the error is about the text as written.
        let err =
            decode("{\"@type\": \"NewsArticle\", // note\n \"headline\": }", DecodeOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid JSON at line 1, column 26: key must be a string",
            "at the comment, not at the value"
        );
    }

    #[test]
    fn the_lenient_copy_is_as_long_as_the_text_and_leaves_strict_json_alone() {
        for strict in [r#"{"a":"//not a comment","b":[1,2],"c":"/* nor this */"}"#, "[]", r#""\"//""#] {
            assert_eq!(json::lenient_copy(strict), None, "{strict}");
        }
        let loose = "{\"a\": [1, 2,], /* é\nè */ \"b\": \"x\ty\",\n}";
        let copy = json::lenient_copy(loose).unwrap();
        assert_eq!(copy.len(), loose.len());
        assert_eq!(copy.lines().count(), loose.lines().count(), "line breaks in comments are kept");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&copy).unwrap(),
            serde_json::json!({"a": [1, 2], "b": "x y"})
        );
    }

    #[test]
    fn nesting_past_the_limit_is_a_clear_error() {
        // 129 levels: serde_json refuses the 128th.
        let deep = "[".repeat(129) + &"]".repeat(129);
        let err = decode(&deep, DecodeOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), "invalid JSON at line 1, column 128: recursion limit exceeded");
        let deepest = "[".repeat(json::MAX_DEPTH - 1)
            + r#"{"@type":"Article","headline":"Deep"}"#
            + &"]".repeat(json::MAX_DEPTH - 1);
        assert_eq!(
            decode(&deepest, DecodeOptions::default()).unwrap().main.map(|a| a.headline).as_deref(),
            Some("Deep")
        );
        // Inside an object that is read as JSON-LD, placed in the whole text.
        let deep_ld = format!("{{\"@type\":\"NewsArticle\",\"headline\":\"H\",\n\"x\":{deep}}}");
        let err = decode_blocks(&[deep_ld.as_str(), "{oops"], DecodeOptions::default()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("block 1: invalid JSON at line 2, column 131: recursion limit exceeded; block 2:"),
            "{err}"
        );
        // Hostile depth far past the limit does not overflow the stack either.
        let far = "[".repeat(500_000) + &"]".repeat(500_000);
        let hostile = format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"title":{far}}}]}}"#);
        let err = decode(&hostile, DecodeOptions::default()).unwrap_err();
        // The item's braces are one level, so its 127th '[' is refused.
        let column = hostile.find("[[").unwrap() + json::MAX_DEPTH;
        assert!(
            err.to_string().ends_with(&format!(
                "item 1 (items[0]): invalid JSON at line 1, column {column}: recursion limit exceeded)"
            )),
            "{err}"
        );
    }

    #[test]
    fn lone_surrogates_become_replacement_characters_and_bodies_still_resolve() {
        let text = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Cut \ud83d","content_html":"<p>\ud83d end</p>"}]}"#;
        let doc = decode(text, DecodeOptions::default()).unwrap();
        let item = &doc.latest[0];
        assert_eq!(item.headline, "Cut \u{fffd}");
        assert_eq!(*resolve_body(&item.body, &[text]), Body::Html("<p>\u{fffd} end</p>".into()));
    }

    #[test]
    fn deferred_bodies_are_found_in_the_texts_as_given() {
        let ld = r#"{"@type":"NewsArticle","headline":"Ignored"}"#;
        let feed = "\u{feff} {\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"é\",\"title\":\"T\",\"content_text\":\"Ünï\\ncode\"}]}";
        let texts = [feed.to_string(), ld.to_string()];
        let doc = decode_blocks(&texts, DecodeOptions::default()).unwrap();
        let body = &doc.latest[0].body;
        assert!(matches!(body, Body::Deferred { block: 0, .. }), "{body:?}");
        assert_eq!(*resolve_body(body, &texts), Body::Paragraphs(vec!["Ünï".into(), "code".into()]));
        assert_eq!(*resolve_body(body, &texts[1..]), Body::None, "the wrong texts");
    }

    #[test]
    fn a_big_feed_decodes_with_its_bodies_deferred() {
        let items: Vec<String> = (0..4_000)
            .map(|i| {
                format!(
                    r#"{{"id":"{i}","url":"https://news.example/{i}","title":"Story {i}","date_published":"2026-01-{:02}T{:02}:00:00Z","authors":[{{"name":"Desk"}}],"content_html":"<p>Paragraph one of story {i}, with \"quotes\" and a <a href=\"/x\">link</a>.</p>\n<p>Two.</p>"}}"#,
                    i % 28 + 1,
                    i % 24
                )
            })
            .collect();
        let feed = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Big","items":[{}]}}"#,
            items.join(",\n")
        );
        let doc = decode(&feed, DecodeOptions::default()).unwrap();
        assert!(doc.warnings.is_empty(), "{:?}", &doc.warnings[..1]);
        assert_eq!(doc.found, 4_000);
        assert_eq!(doc.latest.len(), normalize::DEFAULT_MAX_ITEMS);
        assert_eq!(doc.latest[0].date_published.map(|d| d.to_iso()).as_deref(), Some("2026-01-28T23:00:00Z"));
        assert!(doc.latest.iter().all(|a| matches!(a.body, Body::Deferred { block: 0, kind: BodyKind::Html, .. })));
        let first = &doc.latest[0];
        let Body::Html(html) = resolve_body(&first.body, &[&feed]).into_owned() else { panic!("{:?}", first.body) };
        let n = &first.id;
        assert_eq!(
            html,
            format!("<p>Paragraph one of story {n}, with \"quotes\" and a <a href=\"/x\">link</a>.</p>\n<p>Two.</p>")
        );
    }
}
