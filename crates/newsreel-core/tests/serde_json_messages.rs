//! serde_json's messages for a value of the wrong type or out of range,
//! which reach the reader through `input::json::message_of`. The build patches
//! serde_json (patches/serde_json, PATCH.md there) to word them itself instead
//! of through serde's `Unexpected`; these tests hold the text to serde_json's
//! released wording, byte for byte, with and without the patch.
#![cfg(not(target_arch = "wasm32"))] // native only: run by `cargo test`, not in the browser

use serde::de::{Error as _, Unexpected};
use std::collections::BTreeMap;

fn message<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    serde_json::from_str::<T>(text).unwrap_err().to_string()
}

#[test]
fn messages_for_json_values_of_the_wrong_type() {
    assert_eq!(message::<u32>(r#""x""#), r#"invalid type: string "x", expected u32 at line 1 column 3"#);
    assert_eq!(
        message::<u32>(r#""a \"q\" \\ é""#),
        r#"invalid type: string "a \"q\" \\ é", expected u32 at line 1 column 15"#
    );
    assert_eq!(message::<String>("1.5"), "invalid type: floating point `1.5`, expected a string at line 1 column 3");
    assert_eq!(
        message::<String>("-2e3"),
        "invalid type: floating point `-2000.0`, expected a string at line 1 column 4"
    );
    assert_eq!(message::<String>("7"), "invalid type: integer `7`, expected a string at line 1 column 1");
    assert_eq!(message::<String>("-7"), "invalid type: integer `-7`, expected a string at line 1 column 2");
    assert_eq!(message::<u32>("true"), "invalid type: boolean `true`, expected u32 at line 1 column 4");
    assert_eq!(message::<String>("null"), "invalid type: null, expected a string at line 1 column 4");
    assert_eq!(message::<String>("[1]"), "invalid type: sequence, expected a string at line 1 column 0");
    assert_eq!(message::<Vec<u8>>(r#"{"a":1}"#), "invalid type: map, expected a sequence at line 1 column 0");
    assert_eq!(message::<BTreeMap<String, u8>>("[]"), "invalid type: sequence, expected a map at line 1 column 0");
}

#[test]
fn messages_for_json_values_out_of_range() {
    assert_eq!(message::<u8>("300"), "invalid value: integer `300`, expected u8 at line 1 column 3");
    assert_eq!(message::<u32>("-1"), "invalid value: integer `-1`, expected u32 at line 1 column 2");
    assert_eq!(message::<char>(r#""ab""#), r#"invalid value: string "ab", expected a character at line 1 column 4"#);
}

/// Every kind of `Unexpected`, as a `Deserialize` impl may report it: serde's
/// own wording, except for `null` (serde says "unit value") and floats (which
/// serde_json formats itself).
#[test]
fn every_unexpected_reads_as_serde_words_it() {
    let kinds = [
        (Unexpected::Bool(false), "boolean `false`"),
        (Unexpected::Unsigned(18_446_744_073_709_551_615), "integer `18446744073709551615`"),
        (Unexpected::Signed(-9_223_372_036_854_775_808), "integer `-9223372036854775808`"),
        (Unexpected::Char('\''), "character `'`"),
        (Unexpected::Str("tab\there\u{7}"), r#"string "tab\there\u{7}""#),
        (Unexpected::Bytes(b"xyz"), "byte array"),
        (Unexpected::Option, "Option value"),
        (Unexpected::NewtypeStruct, "newtype struct"),
        (Unexpected::Seq, "sequence"),
        (Unexpected::Map, "map"),
        (Unexpected::Enum, "enum"),
        (Unexpected::UnitVariant, "unit variant"),
        (Unexpected::NewtypeVariant, "newtype variant"),
        (Unexpected::TupleVariant, "tuple variant"),
        (Unexpected::StructVariant, "struct variant"),
        (Unexpected::Other("something else"), "something else"),
    ];
    for (unexpected, words) in kinds {
        assert_eq!(unexpected.to_string(), words, "serde's wording");
        let e = serde_json::Error::invalid_type(unexpected, &"a thing");
        assert_eq!(e.to_string(), format!("invalid type: {words}, expected a thing"));
        let e = serde_json::Error::invalid_value(unexpected, &"a thing");
        assert_eq!(e.to_string(), format!("invalid value: {words}, expected a thing"));
    }

    let e = serde_json::Error::invalid_type(Unexpected::Unit, &"a thing");
    assert_eq!(e.to_string(), "invalid type: null, expected a thing");
    for (value, words) in [(1.0, "1.0"), (-0.5, "-0.5"), (1e300, "1e+300"), (f64::NAN, "NaN"), (f64::INFINITY, "inf")] {
        let e = serde_json::Error::invalid_value(Unexpected::Float(value), &"a thing");
        assert_eq!(e.to_string(), format!("invalid value: floating point `{words}`, expected a thing"));
    }
}
