//! Any flattened body (the tokens element.js hands over) and any raw HTML for
//! the CSP pre-pass. The walk must not panic, must close every element it
//! opens, and must never write an element or attribute outside its lists.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsreel::core::build::{Build, ATTR, CLOSE, KEEP, OPEN, TEXT};
use newsreel::core::sanitize::{copy_allowed, quiet_for_csp};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let _ = quiet_for_csp(input);
    let mut out = Build::new();
    copy_allowed(input, &mut out, true, Some("_blank"));
    let (mut depth, mut i) = (0i64, 0);
    let utf16: Vec<u16> = out.text.encode_utf16().collect();
    let mut at = 0usize;
    let mut next = |n: u32| {
        let s = String::from_utf16_lossy(&utf16[at..at + n as usize]);
        at += n as usize;
        s
    };
    while i < out.ops.len() {
        match out.ops[i] {
            OPEN => {
                let tag = next(out.ops[i + 1]);
                assert!(!matches!(tag.as_str(), "script" | "style" | "iframe" | "svg" | "math" | "template" | "object"), "{tag}");
                depth += 1;
                i += 2;
            }
            ATTR => {
                let name = next(out.ops[i + 1]);
                let value = next(out.ops[i + 2]);
                assert!(!name.starts_with("on") && name != "style" && name != "srcset", "{name}");
                if name == "href" || name == "src" || name == "cite" {
                    assert!(!value.to_ascii_lowercase().trim_start().starts_with("javascript:"), "{value}");
                }
                i += 3;
            }
            TEXT => {
                next(out.ops[i + 1]);
                i += 2;
            }
            CLOSE => {
                depth -= 1;
                assert!(depth >= 0);
                i += 1;
            }
            KEEP => i += 1,
            op => panic!("unknown op {op}"),
        }
    }
    assert_eq!(depth, 0);
});
