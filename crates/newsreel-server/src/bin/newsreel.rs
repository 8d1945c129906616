//! `newsreel`: the widget's HTML made on a server
//! (`cargo build --release -p newsreel-server --bin newsreel`).
//!
//! ```text
//! newsreel sanitize [--no-images] [--target T] [FILE|-]
//! ```
//!
//! `sanitize` reads an article body in HTML (from FILE, or standard input for
//! `-` or no FILE) and prints what the widget shows of it in the browser: the
//! same parse (html5ever, as the browser's `DOMParser`), the same allowlist.
//! `--no-images` leaves images out (the element's `images="none"`);
//! `--target T` gives links that target (the element's `target`).
//!
//! Exit status: 0 done, 1 the input could not be read or the output written,
//! 2 the command line was wrong (the usage goes to standard error).

fn main() -> std::process::ExitCode {
    cli::main()
}

mod cli {
    use std::io::{self, BufRead, Read, Write};
    use std::process::ExitCode;

    use newsreel_core::input::json::repair_lone_surrogates;
    use newsreel_server::html::sanitize_body_html;

    const USAGE: &str = "\
usage: newsreel render [OPTIONS] FILE|-     (newsreel render --help for the options)
       newsreel css
       newsreel sanitize [--no-images] [--target T] [FILE|-]

  render     print one <news-reel> element rendered for the news in FILE
  css        print the stylesheet a rendered element links (newsreel.css)

  sanitize   print an article body in HTML (FILE, or standard input for - or
             no FILE) as the widget shows it: only what its allowlist keeps
    --no-images   leave images out
    --target T    the target of links (say _blank)
";

    /// Why the command stopped.
    enum Failure {
        /// The command line was wrong: the message, then the usage.
        Usage(String),
        /// Reading or writing failed.
        Io(String),
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let result = match args.first().map(String::as_str) {
            Some("sanitize") => sanitize(&args[1..]),
            Some("render") => render(&args[1..]),
            Some("css") => write_out(newsreel_server::STYLESHEET),
            Some("-h" | "--help" | "help") => {
                print!("{USAGE}");
                Ok(())
            }
            Some(other) => Err(Failure::Usage(format!("unknown command {other:?}"))),
            None => Err(Failure::Usage("no command given".into())),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure::Usage(message)) => {
                eprint!("newsreel: {message}\n{USAGE}");
                ExitCode::from(2)
            }
            Err(Failure::Io(message)) => {
                eprintln!("newsreel: {message}");
                ExitCode::FAILURE
            }
        }
    }

    /// `render`: one `<news-reel>` element, rendered (see `server::cli`).
    fn render(args: &[String]) -> Result<(), Failure> {
        use newsreel_server::cli::{self, RenderFailure};
        if args.iter().any(|a| a == "--help" || a == "-h") {
            return write_out(&format!("{}\n", cli::render_usage()));
        }
        match cli::render(args) {
            Ok(html) => write_out(&html),
            Err(RenderFailure::Usage(message)) => Err(Failure::Usage(message)),
            Err(RenderFailure::Input(message)) => Err(Failure::Io(message)),
        }
    }

    fn write_out(text: &str) -> Result<(), Failure> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| Failure::Io(format!("standard output: {e}")))
    }

    /// `sanitize`'s options.
    struct Options {
        images: bool,
        target: Option<String>,
        /// The file to read; `None` for standard input.
        file: Option<String>,
        /// For tests: each line of input is a body as a JSON string, and
        /// each line of output its sanitised HTML as one (not in the usage).
        json_lines: bool,
    }

    fn options(args: &[String]) -> Result<Options, Failure> {
        let mut options = Options { images: true, target: None, file: None, json_lines: false };
        let mut args = args.iter();
        let mut only_files = false;
        while let Some(arg) = args.next() {
            let arg = arg.as_str();
            let file = match arg {
                _ if only_files => arg,
                "--" => {
                    only_files = true;
                    continue;
                }
                "--no-images" => {
                    options.images = false;
                    continue;
                }
                "--json-lines" => {
                    options.json_lines = true;
                    continue;
                }
                "--target" => {
                    let value = args.next().ok_or_else(|| Failure::Usage("--target needs a value".into()))?;
                    options.target = Some(value.clone());
                    continue;
                }
                _ if arg.starts_with("--target=") => {
                    options.target = Some(arg["--target=".len()..].to_string());
                    continue;
                }
                "-" => arg,
                _ if arg.starts_with('-') => return Err(Failure::Usage(format!("unknown option {arg:?}"))),
                _ => arg,
            };
            if options.file.is_some() {
                return Err(Failure::Usage(format!("one FILE at most ({file:?} is a second)")));
            }
            options.file = Some(file.to_string());
        }
        // The element ignores an empty target; so does this.
        options.target = options.target.filter(|t| !t.is_empty());
        if options.file.as_deref() == Some("-") {
            options.file = None;
        }
        Ok(options)
    }

    fn sanitize(args: &[String]) -> Result<(), Failure> {
        let options = options(args)?;
        let input = read_input(options.file.as_deref())?;
        let target = options.target.as_deref();
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        if options.json_lines {
            json_lines(&input, &mut out, options.images, target)?;
        } else {
            let text = String::from_utf8(input)
                .map_err(|_| Failure::Io(format!("{} is not UTF-8 text", name(options.file.as_deref()))))?;
            writeln!(out, "{}", sanitize_body_html(&text, options.images, target)).map_err(write_failed)?;
        }
        out.flush().map_err(write_failed)
    }

    fn write_failed(e: io::Error) -> Failure {
        Failure::Io(format!("cannot write the output: {e}"))
    }

    fn name(file: Option<&str>) -> String {
        file.map_or_else(|| "the standard input".to_string(), |f| format!("{f:?}"))
    }

    fn read_input(file: Option<&str>) -> Result<Vec<u8>, Failure> {
        let mut input = Vec::new();
        let read = match file {
            Some(path) => std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut input)),
            None => io::stdin().lock().read_to_end(&mut input),
        };
        read.map_err(|e| Failure::Io(format!("cannot read {}: {e}", name(file))))?;
        Ok(input)
    }

    /// Each line a body as a JSON string, read as the widget reads JSON (a
    /// lone surrogate escape becomes U+FFFD); blank lines are skipped.
    fn json_lines(input: &[u8], out: &mut impl Write, images: bool, target: Option<&str>) -> Result<(), Failure> {
        for (number, line) in input.lines().enumerate() {
            let bad = |why: String| Failure::Io(format!("line {}: {why}", number + 1));
            let line = line.map_err(|_| bad("not UTF-8 text".into()))?;
            if line.trim().is_empty() {
                continue;
            }
            let body: String = serde_json::from_str(&repair_lone_surrogates(&line))
                .map_err(|e| bad(format!("not a JSON string: {e}")))?;
            let html = serde_json::Value::String(sanitize_body_html(&body, images, target));
            writeln!(out, "{html}").map_err(write_failed)?;
        }
        Ok(())
    }
}
