//! The `newsreel` command (native builds only): its subcommands, options,
//! exit status and errors.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the command with `args` and `input` on its standard input.
fn run(args: &[&str], input: &str) -> Output {
    run_bytes(args, input.as_bytes())
}

/// The same with bytes that need not be UTF-8.
fn run_bytes(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsreel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    child.stdin.take().expect("a stdin").write_all(input).expect("the input is written");
    child.wait_with_output().expect("the command ends")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("UTF-8 output")
}

const BODY: &str = "<p onclick=alert(1)>Hi <a href=https://x.test/>x</a><img src=https://x.test/i.png alt=i></p><script>alert(1)</script>";

#[test]
fn sanitize_reads_standard_input_or_a_file_and_prints_the_widgets_html() {
    let all = r#"<p>Hi <a href="https://x.test/" rel="noopener noreferrer">x</a><img src="https://x.test/i.png" alt="i" loading="lazy" decoding="async" referrerpolicy="no-referrer"></p>"#;
    for args in [&["sanitize"][..], &["sanitize", "-"]] {
        let output = run(args, BODY);
        assert!(output.status.success(), "{args:?}: {output:?}");
        assert_eq!(stdout(&output), format!("{all}\n"));
    }
    let file = std::env::temp_dir().join(format!("newsreel-cli-test-{}.html", std::process::id()));
    std::fs::write(&file, BODY).expect("the file is written");
    let path = file.to_str().expect("a UTF-8 path");
    let output = run(&["sanitize", "--no-images", "--target", "_blank", path], "");
    std::fs::remove_file(&file).ok();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        "<p>Hi <a href=\"https://x.test/\" rel=\"noopener noreferrer\" target=\"_blank\">x</a></p>\n"
    );
    assert_eq!(
        stdout(&run(&["sanitize", "--target=_top"], "<a href=/x>x</a>")),
        "<a href=\"/x\" rel=\"noopener noreferrer\" target=\"_top\">x</a>\n"
    );
}

#[test]
fn json_lines_sanitise_one_body_a_line() {
    let output = run(&["sanitize", "--json-lines"], "\"<b>1</b><script>x</script>\"\n\n\"\\ud800 <i>2</i>\"\n");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        "\"<b>1</b>\"\n\"\u{fffd} <i>2</i>\"\n",
        "a lone surrogate reads as the widget reads it"
    );
    let output = run(&["sanitize", "--json-lines"], "\"ok\"\n<b>not JSON</b>\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 2: not a JSON string"), "{output:?}");
}

#[test]
fn a_wrong_command_line_prints_the_usage_and_exits_with_2() {
    let wrong: [&[&str]; 8] = [
        &[],
        &["frobnicate"],
        &["render"],
        &["render", "--frob", "x"],
        &["render", "--rows", "many", "x"],
        &["sanitize", "--frob"],
        &["sanitize", "a", "b"],
        &["sanitize", "--target"],
    ];
    for args in wrong {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with("newsreel: ") && stderr.contains("newsreel sanitize [--no-images]"),
            "{args:?}: {stderr}"
        );
        assert!(output.stdout.is_empty());
    }
    let help = run(&["--help"], "");
    assert!(help.status.success() && stdout(&help).starts_with("usage: "));
}

#[test]
fn unreadable_input_is_an_error_with_status_1() {
    let output = run(&["sanitize", "/nonexistent/body.html"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("newsreel: cannot read \"/nonexistent/body.html\""));
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsreel"))
        .arg("sanitize")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    child.stdin.take().expect("a stdin").write_all(b"<p>\xff</p>").expect("the input is written");
    let output = child.wait_with_output().expect("the command ends");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not UTF-8 text"));
}

/// An RSS feed of one headline, whose bytes are `title`'s as given: the
/// feed's own encoding, declared or not.
fn rss_bytes(declaration: &str, title: &[u8]) -> Vec<u8> {
    let start = format!("{declaration}<rss version=\"2.0\"><channel><title>Desk</title><item><title>");
    [start.as_bytes(), title, b"</title><guid>a</guid></item></channel></rss>"].concat()
}

/// The headline of rendered HTML (its first ticker entry's title).
fn headline(html: &str) -> &str {
    let tag = html.find("<span class=\"title\"").unwrap_or_else(|| panic!("a headline in {html}"));
    let start = html[tag..].find('>').map_or(html.len(), |at| tag + at + 1);
    let end = html[start..].find("</span>").map_or(html.len(), |at| start + at);
    &html[start..end]
}

#[test]
fn render_reads_a_feed_in_any_encoding_the_widget_reads() {
    let latin1: Vec<u8> =
        "Cora\u{e7}\u{e3}o de S\u{e3}o Paulo".chars().map(|c| u8::try_from(c).expect("Latin-1")).collect();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "ISO-8859-1, declared",
            rss_bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", &latin1),
            "Coração de São Paulo",
        ),
        (
            "windows-1251, declared",
            rss_bytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?>", &[0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]),
            "Новости",
        ),
        (
            "GB2312, declared",
            rss_bytes("<?xml version=\"1.0\" encoding=\"GB2312\"?>", &[0xd0, 0xc2, 0xce, 0xc5]),
            "新闻",
        ),
        // Nothing labels the bytes and they are not UTF-8: windows-1252.
        ("ISO-8859-1, undeclared", rss_bytes("", &latin1), "Coração de São Paulo"),
        ("UTF-8, undeclared", rss_bytes("<?xml version=\"1.0\"?>", "Новости 新闻".as_bytes()), "Новости 新闻"),
    ];
    for (name, bytes, title) in cases {
        let output = run_bytes(&["render", "-"], &bytes);
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(headline(stdout(&output)), title, "{name}");
    }
    // UTF-16 with its byte-order mark, from a file.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            String::from_utf8(rss_bytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "新闻 ☂".as_bytes()))
                .expect("UTF-8")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let file = std::env::temp_dir().join(format!("newsreel-cli-test-{}.xml", std::process::id()));
    std::fs::write(&file, utf16).expect("the file is written");
    let output = run(&["render", file.to_str().expect("a UTF-8 path")], "");
    std::fs::remove_file(&file).ok();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(headline(stdout(&output)), "新闻 ☂");
}

#[test]
fn render_reads_json_in_utf8() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Desk","items":[{"id":"a","title":"Coração de São Paulo: Новости, 新闻"}]}"#;
    let output = run(&["render", "-"], feed);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(headline(stdout(&output)), "Coração de São Paulo: Новости, 新闻");
}
