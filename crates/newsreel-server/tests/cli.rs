//! The `newsreel` command (native builds only): its subcommands, options,
//! exit status and errors.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the command with `args` and `input` on its standard input.
fn run(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsreel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    child.stdin.take().expect("a stdin").write_all(input.as_bytes()).expect("the input is written");
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
