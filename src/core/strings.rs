//! The widget's own words (its label, controls, announcements and the
//! reader-facing part of error messages) in the widget's language.
//!
//! The translations are data, in `strings.json`: by BCP 47 tag in lower case,
//! each language with every key (a test holds them to it). `newHeadlines` has
//! one text per CLDR plural category the language uses, chosen by the
//! shell's `Intl.PluralRules`; `{n}` stands for the count and `{url}` for a
//! feed's address. `aliases` sends tags to another entry (`zh-TW` to
//! Traditional Chinese), and `rtl` lists the primary subtags written right to
//! left, translated here or not.
//!
//! A tag is looked up whole, then by language and script or region, then by
//! its primary subtag (`pt-BR` → `pt`), then English.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

const TABLE: &str = include_str!("strings.json");
const FALLBACK: &str = "en";

/// Every text of one language, as the element's `strings` property lists them.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Strings {
    /// The ticker's label when neither the `label` attribute nor the data gives one.
    pub label: String,
    pub pause: String,
    pub play: String,
    /// Accessible name of the previous-headline control.
    pub prev: String,
    pub next: String,
    /// Announced after a refresh: plural category → text.
    pub new_headlines: BTreeMap<String, String>,
    /// Before the detail of an error, in the error state.
    pub not_shown: String,
    /// Before the detail of a failed refresh, over the last good news.
    pub not_updated: String,
    /// A feed that did not arrive; `{url}` is its address.
    pub not_loaded: String,
}

/// What the host overrides, from the `strings` property or the `*-label`
/// attributes. Unknown keys are ignored, as an older widget would.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Overrides {
    pub label: Option<String>,
    pub pause: Option<String>,
    pub play: Option<String>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub new_headlines: Option<BTreeMap<String, String>>,
    pub not_shown: Option<String>,
    pub not_updated: Option<String>,
    pub not_loaded: Option<String>,
}

#[derive(Deserialize)]
struct Table<'a> {
    #[serde(borrow)]
    rtl: Vec<&'a str>,
    #[serde(borrow)]
    aliases: HashMap<&'a str, &'a str>,
    #[serde(borrow)]
    languages: HashMap<&'a str, &'a RawValue>,
}

fn table() -> Option<Table<'static>> {
    serde_json::from_str(TABLE).ok()
}

/// The tags to try for `tag`, most specific first: `zh-Hant-TW` gives
/// `zh-hant-tw`, `zh-hant`, `zh`.
fn candidates(tag: &str) -> Vec<String> {
    let lower = tag.trim().replace('_', "-").to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').filter(|p| !p.is_empty()).collect();
    (1..=parts.len()).rev().map(|n| parts[..n].join("-")).collect()
}

impl Strings {
    /// The built-in texts for a language tag (`lang`), falling back by
    /// primary subtag and then to English.
    pub fn for_language(tag: &str) -> Strings {
        let table = table();
        let found = table.as_ref().and_then(|t| {
            candidates(tag).iter().find_map(|c| {
                let key = t.aliases.get(c.as_str()).copied().unwrap_or(c);
                t.languages.get(key).and_then(|raw| serde_json::from_str(raw.get()).ok())
            })
        });
        found.or_else(|| {
            let raw = table?.languages.get(FALLBACK).copied()?;
            serde_json::from_str(raw.get()).ok()
        })
        .unwrap_or_else(Strings::english)
    }

    /// English, should the table ever be unreadable (a test says it is not).
    fn english() -> Strings {
        let s = |t: &str| t.to_string();
        Strings {
            label: s("Latest news"),
            pause: s("Pause"),
            play: s("Play"),
            prev: s("Previous headline"),
            next: s("Next headline"),
            new_headlines: BTreeMap::from([(s("one"), s("{n} new headline")), (s("other"), s("{n} new headlines"))]),
            not_shown: s("The news could not be shown"),
            not_updated: s("The news could not be updated"),
            not_loaded: s("could not load {url}"),
        }
    }

    /// Applies what the host set; an empty text keeps the built-in one.
    pub fn apply(&mut self, overrides: &Overrides) {
        for (slot, value) in [
            (&mut self.label, &overrides.label),
            (&mut self.pause, &overrides.pause),
            (&mut self.play, &overrides.play),
            (&mut self.prev, &overrides.prev),
            (&mut self.next, &overrides.next),
            (&mut self.not_shown, &overrides.not_shown),
            (&mut self.not_updated, &overrides.not_updated),
            (&mut self.not_loaded, &overrides.not_loaded),
        ] {
            if let Some(text) = value.as_deref().filter(|t| !t.trim().is_empty()) {
                *slot = text.to_string();
            }
        }
        if let Some(forms) = &overrides.new_headlines {
            let forms: BTreeMap<String, String> =
                forms.iter().filter(|(_, text)| !text.trim().is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect();
            if !forms.is_empty() {
                self.new_headlines = forms;
            }
        }
    }

    /// "3 new headlines", in the form for `category` (what
    /// `Intl.PluralRules` says of `n`), else the `other` form, else any.
    pub fn new_headlines(&self, n: usize, category: &str) -> String {
        let forms = &self.new_headlines;
        let text = forms.get(category).or_else(|| forms.get("other")).or_else(|| forms.values().next());
        text.map_or_else(|| n.to_string(), |t| t.replace("{n}", &n.to_string()))
    }

    /// "could not load /news.xml".
    pub fn not_loaded(&self, url: &str) -> String {
        self.not_loaded.replace("{url}", url)
    }
}

/// Whether a language tag is written right to left (`ar`, `he-IL`, `fa`…).
pub fn is_rtl(tag: &str) -> bool {
    let Some(table) = table() else { return false };
    let primary = candidates(tag).pop().unwrap_or_default();
    table.rtl.contains(&primary.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUIRED: [&str; 24] = [
        "en", "ru", "uk", "az", "ka", "hy", "tr", "kk", "ar", "fa", "he", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "zh",
        "ja", "ko", "hi", "id",
    ];

    #[test]
    fn every_language_has_every_text() {
        let table = table().expect("strings.json parses");
        for code in REQUIRED {
            assert!(table.languages.contains_key(code), "{code} is missing");
        }
        for (code, raw) in &table.languages {
            let strings: Strings = serde_json::from_str(raw.get()).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert!(strings.new_headlines.contains_key("other"), "{code}: newHeadlines needs an `other` form");
            assert!(strings.not_loaded.contains("{url}"), "{code}: notLoaded needs {{url}}");
            for text in [&strings.label, &strings.pause, &strings.play, &strings.prev, &strings.next, &strings.not_shown] {
                assert!(!text.trim().is_empty(), "{code}: an empty text");
            }
            if *code != "en" {
                assert_ne!(strings.label, "Latest news", "{code} is not translated");
            }
        }
        for target in table.aliases.values() {
            assert!(table.languages.contains_key(target), "alias to missing {target}");
        }
    }

    #[test]
    fn english_fallback_matches_the_table() {
        let table = table().unwrap();
        let from_table: Strings = serde_json::from_str(table.languages["en"].get()).unwrap();
        assert_eq!(from_table, Strings::english());
    }

    #[test]
    fn tags_fall_back_by_subtag_then_to_english() {
        assert_eq!(Strings::for_language("ru").label, "Последние новости");
        assert_eq!(Strings::for_language("pt-BR").label, "Últimas notícias");
        assert_eq!(Strings::for_language("DE_at").label, "Neueste Nachrichten");
        assert_eq!(Strings::for_language("zh-TW").pause, "暫停");
        assert_eq!(Strings::for_language("zh-Hant-HK").pause, "暫停");
        assert_eq!(Strings::for_language("zh-CN").pause, "暂停");
        assert_eq!(Strings::for_language("iw").label, Strings::for_language("he").label);
        assert_eq!(Strings::for_language("sw").label, "Latest news");
        assert_eq!(Strings::for_language("").label, "Latest news");
        assert_eq!(Strings::for_language("-- junk --").label, "Latest news");
    }

    #[test]
    fn right_to_left_by_primary_subtag() {
        for tag in ["ar", "ar-EG", "he", "fa-IR", "ur", "HE"] {
            assert!(is_rtl(tag), "{tag}");
        }
        for tag in ["en", "ru", "", "arn", "zh-Hant"] {
            assert!(!is_rtl(tag), "{tag}");
        }
    }

    #[test]
    fn plural_forms_by_category() {
        let ru = Strings::for_language("ru");
        assert_eq!(ru.new_headlines(1, "one"), "1 новый заголовок");
        assert_eq!(ru.new_headlines(3, "few"), "3 новых заголовка");
        assert_eq!(ru.new_headlines(5, "many"), "5 новых заголовков");
        let ja = Strings::for_language("ja");
        assert_eq!(ja.new_headlines(2, "other"), "新しい見出し 2 件");
        // A category the language lacks falls back to `other`.
        assert_eq!(Strings::for_language("en").new_headlines(0, "zero"), "0 new headlines");
    }

    #[test]
    fn overrides_win_but_empty_ones_do_not() {
        let mut s = Strings::for_language("fr");
        s.apply(&Overrides {
            pause: Some("Arrêter".into()),
            play: Some("  ".into()),
            new_headlines: Some(BTreeMap::from([("other".into(), "{n} nouvelles".into())])),
            ..Overrides::default()
        });
        assert_eq!(s.pause, "Arrêter");
        assert_eq!(s.play, "Lecture");
        assert_eq!(s.new_headlines(4, "other"), "4 nouvelles");
        assert_eq!(s.new_headlines(1, "one"), "1 nouvelles", "only the forms given");
        assert_eq!(s.not_loaded("/f.xml"), "impossible de charger /f.xml");
    }

    #[test]
    fn overrides_read_from_json_ignore_unknown_keys() {
        let o: Overrides = serde_json::from_str(r#"{"pause":"Stop","colour":"red","newHeadlines":{"other":"{n}!"}}"#).unwrap();
        assert_eq!(o.pause.as_deref(), Some("Stop"));
        assert_eq!(o.new_headlines.unwrap()["other"], "{n}!");
    }
}
