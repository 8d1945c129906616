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

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

const TABLE: &str = include_str!("strings.json");
const FALLBACK: &str = "en";

/// Every text of one language, as the element's `strings` property lists them.
///
/// Read from a `serde_json::Value`, not derived: the JSON-LD decoder already
/// parses into that tree, where a derived `Deserialize` for this struct and
/// for the overrides would each add several kilobytes of parser to the wasm.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Strings {
    /// The ticker's label when neither the `label` attribute nor the data gives one.
    pub label: String,
    pub pause: String,
    pub play: String,
    /// Accessible name of the previous-headline control.
    pub prev: String,
    pub next: String,
    /// Announced after a refresh: one text per plural category.
    pub new_headlines: PluralForms,
    /// Before the detail of an error, in the error state.
    pub not_shown: String,
    /// Before the detail of a failed refresh, over the last good news.
    pub not_updated: String,
    /// A feed that did not arrive; `{url}` is its address.
    pub not_loaded: String,
    /// The article view's link to the article's own page.
    pub read_more: String,
}

/// Texts by CLDR plural category (`one`, `few`, `other`…), in the order
/// given; to JS, an object of them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PluralForms(Vec<(String, String)>);

impl PluralForms {
    /// The forms of a JSON object whose values are all texts, blank ones left out.
    fn from_object(object: &Map<String, Value>) -> Option<PluralForms> {
        let forms = object.iter().map(|(category, text)| Some((category.clone(), text.as_str()?.to_string())));
        let forms: Option<Vec<(String, String)>> = forms.collect();
        Some(PluralForms(forms?.into_iter().filter(|(_, text)| !text.trim().is_empty()).collect()))
    }

    fn get(&self, category: &str) -> Option<&str> {
        self.0.iter().find(|(c, _)| c == category).map(|(_, text)| text.as_str())
    }

    pub fn has(&self, category: &str) -> bool {
        self.get(category).is_some()
    }
}

impl Serialize for PluralForms {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(category, text)| (category, text)))
    }
}

/// The texts in the order of `Strings`' fields, by their JSON names.
const TEXT_KEYS: [&str; 9] =
    ["label", "pause", "play", "prev", "next", "notShown", "notUpdated", "notLoaded", "readMore"];

/// What the host overrides, from the `strings` property or the `*-label`
/// attributes: an object of some of `Strings`' keys. Unknown keys are
/// ignored, as an older widget would.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides(Map<String, Value>);

impl Overrides {
    /// Reads the JSON the element's `strings` setter sends. A text that is
    /// not a string, or plural forms that are not strings, are refused with
    /// the key named.
    pub fn from_json(json: &str) -> Result<Overrides, String> {
        let map = match serde_json::from_str::<Value>(json) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err("strings must be an object of texts".into()),
            Err(e) => return Err(format!("strings could not be read ({e})")),
        };
        for (key, value) in &map {
            let ok = match (key.as_str(), value) {
                (_, Value::Null | Value::String(_)) => true,
                ("newHeadlines", Value::Object(forms)) => forms.values().all(Value::is_string),
                (key, _) => !TEXT_KEYS.contains(&key),
            };
            if !ok {
                return Err(format!("strings.{key} must be a text (newHeadlines: a text or an object of texts)"));
            }
        }
        Ok(Overrides(map))
    }

    /// Sets one text (`TEXT_KEYS`); `None` leaves it as it is.
    pub fn set(&mut self, key: &str, text: Option<String>) {
        if let Some(text) = text {
            self.0.insert(key.to_string(), Value::String(text));
        }
    }

    /// The override of one text, if it is a non-blank string.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str).filter(|t| !t.trim().is_empty())
    }
}

/// The table, parsed (once per widget and language: the caller keeps the result).
fn table() -> Option<Value> {
    serde_json::from_str(TABLE).ok()
}

/// The tags to try for `tag`, most specific first: `zh-Hant-TW` gives
/// `zh-hant-tw`, `zh-hant`, `zh`.
fn candidates(tag: &str) -> Vec<String> {
    let lower = tag.trim().replace('_', "-").to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('-').filter(|p| !p.is_empty()).collect();
    (1..=parts.len()).rev().map(|n| parts[..n].join("-")).collect()
}

/// One language's texts, if the entry has every one of them.
fn read_entry(entry: &Value) -> Option<Strings> {
    let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_string);
    let new_headlines = PluralForms::from_object(entry.get("newHeadlines")?.as_object()?)?;
    Some(Strings {
        label: text("label")?,
        pause: text("pause")?,
        play: text("play")?,
        prev: text("prev")?,
        next: text("next")?,
        new_headlines,
        not_shown: text("notShown")?,
        not_updated: text("notUpdated")?,
        not_loaded: text("notLoaded")?,
        read_more: text("readMore")?,
    })
}

/// A language's words and direction.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    pub strings: Strings,
    /// Written right to left (`ar`, `he-IL`, `fa`…).
    pub rtl: bool,
}

impl Language {
    /// The built-in texts for a language tag (`lang`), falling back by
    /// primary subtag and then to English, and whether it is written right to left.
    pub fn for_tag(tag: &str) -> Language {
        let table = table();
        let candidates = candidates(tag);
        let primary = candidates.last().cloned().unwrap_or_default();
        let rtl = table
            .as_ref()
            .and_then(|t| t.get("rtl")?.as_array().map(|list| list.iter().any(|l| l.as_str() == Some(&primary))));
        let entry = |key: &str| table.as_ref()?.get("languages")?.get(key).and_then(read_entry);
        let alias = |c: &str| table.as_ref().and_then(|t| t.get("aliases")?.get(c)?.as_str().map(str::to_string));
        let strings = candidates
            .iter()
            .find_map(|c| entry(&alias(c).unwrap_or_else(|| c.clone())))
            .or_else(|| entry(FALLBACK))
            .unwrap_or_else(Strings::english);
        Language { strings, rtl: rtl.unwrap_or(false) }
    }
}

impl Strings {
    /// The built-in texts for a language tag; see `Language::for_tag`.
    pub fn for_language(tag: &str) -> Strings {
        Language::for_tag(tag).strings
    }

    /// English, should the table ever be unreadable (a test says it is not).
    fn english() -> Strings {
        let s = |t: &str| t.to_string();
        let forms = [("one", "{n} new headline"), ("other", "{n} new headlines")];
        Strings {
            label: s("Latest news"),
            pause: s("Pause"),
            play: s("Play"),
            prev: s("Previous headline"),
            next: s("Next headline"),
            new_headlines: PluralForms(forms.into_iter().map(|(k, v)| (s(k), s(v))).collect()),
            not_shown: s("The news could not be shown"),
            not_updated: s("The news could not be updated"),
            not_loaded: s("could not load {url}"),
            read_more: s("Read the full article"),
        }
    }

    /// Applies what the host set; an empty text keeps the built-in one.
    pub fn apply(&mut self, overrides: &Overrides) {
        let slots = [
            &mut self.label,
            &mut self.pause,
            &mut self.play,
            &mut self.prev,
            &mut self.next,
            &mut self.not_shown,
            &mut self.not_updated,
            &mut self.not_loaded,
            &mut self.read_more,
        ];
        for (slot, key) in slots.into_iter().zip(TEXT_KEYS) {
            if let Some(text) = overrides.text(key) {
                *slot = text.to_string();
            }
        }
        let forms = match overrides.0.get("newHeadlines") {
            Some(Value::String(text)) if !text.trim().is_empty() => {
                Some(PluralForms(vec![("other".into(), text.clone())]))
            }
            Some(Value::Object(forms)) => PluralForms::from_object(forms),
            _ => None,
        };
        if let Some(forms) = forms.filter(|f| !f.0.is_empty()) {
            self.new_headlines = forms;
        }
    }

    /// "3 new headlines", in the form for `category` (what
    /// `Intl.PluralRules` says of `n`), else the `other` form, else any.
    pub fn new_headlines(&self, n: usize, category: &str) -> String {
        let forms = &self.new_headlines;
        let text = forms
            .get(category)
            .or_else(|| forms.get("other"))
            .or_else(|| forms.0.first().map(|(_, text)| text.as_str()));
        text.map_or_else(|| n.to_string(), |t| t.replace("{n}", &n.to_string()))
    }

    /// "could not load /news.xml".
    pub fn not_loaded(&self, url: &str) -> String {
        self.not_loaded.replace("{url}", url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUIRED: [&str; 24] = [
        "en", "ru", "uk", "az", "ka", "hy", "tr", "kk", "ar", "fa", "he", "fr", "de", "es", "it", "pt", "nl", "pl",
        "cs", "zh", "ja", "ko", "hi", "id",
    ];

    fn languages() -> Map<String, Value> {
        table().expect("strings.json parses")["languages"].as_object().expect("languages").clone()
    }

    #[test]
    fn every_language_has_every_text() {
        let languages = languages();
        for code in REQUIRED {
            assert!(languages.contains_key(code), "{code} is missing");
        }
        for (code, entry) in &languages {
            let keys: Vec<&str> = entry.as_object().unwrap().keys().map(String::as_str).collect();
            let mut expected: Vec<&str> = TEXT_KEYS.iter().copied().chain(["newHeadlines"]).collect();
            expected.sort_unstable();
            assert_eq!(keys, expected, "{code}: exactly the keys of Strings");
            let strings = read_entry(entry).unwrap_or_else(|| panic!("{code}: a text is not a string"));
            assert!(strings.new_headlines.has("other"), "{code}: newHeadlines needs an `other` form");
            assert!(strings.not_loaded.contains("{url}"), "{code}: notLoaded needs {{url}}");
            for text in [
                &strings.label,
                &strings.pause,
                &strings.play,
                &strings.prev,
                &strings.next,
                &strings.not_shown,
                &strings.read_more,
            ] {
                assert!(!text.trim().is_empty(), "{code}: an empty text");
            }
            if code != "en" {
                assert_ne!(strings.label, "Latest news", "{code} is not translated");
            }
        }
        let table = table().unwrap();
        for target in table["aliases"].as_object().unwrap().values() {
            assert!(languages.contains_key(target.as_str().unwrap()), "alias to missing {target}");
        }
    }

    #[test]
    fn english_fallback_matches_the_table() {
        assert_eq!(read_entry(&languages()["en"]).unwrap(), Strings::english());
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
            assert!(Language::for_tag(tag).rtl, "{tag}");
        }
        for tag in ["en", "ru", "", "arn", "zh-Hant"] {
            assert!(!Language::for_tag(tag).rtl, "{tag}");
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
        let overrides =
            Overrides::from_json(r#"{"pause":"Arrêter","play":"  ","newHeadlines":{"other":"{n} nouvelles"}}"#)
                .unwrap();
        s.apply(&overrides);
        assert_eq!(s.pause, "Arrêter");
        assert_eq!(s.play, "Lecture");
        assert_eq!(s.new_headlines(4, "other"), "4 nouvelles");
        assert_eq!(s.new_headlines(1, "one"), "1 nouvelles", "only the forms given");
        assert_eq!(s.not_loaded("/f.xml"), "impossible de charger /f.xml");
        // One text for every count.
        s.apply(&Overrides::from_json(r#"{"newHeadlines":"+{n}"}"#).unwrap());
        assert_eq!(s.new_headlines(1, "one"), "+1");
        // Attributes go through `set`.
        let mut attributes = Overrides::default();
        attributes.set("next", Some("Suivant".into()));
        attributes.set("prev", None);
        s.apply(&attributes);
        assert_eq!((s.next.as_str(), s.prev.as_str()), ("Suivant", "Titre précédent"));
    }

    #[test]
    fn overrides_ignore_unknown_keys_and_refuse_what_is_not_text() {
        let o = Overrides::from_json(r#"{"pause":"Stop","colour":4,"newHeadlines":{"other":"{n}!"}}"#).unwrap();
        assert_eq!(o.text("pause"), Some("Stop"));
        assert_eq!(o.text("colour"), None);
        for bad in [r#"{"pause":42}"#, r#"{"newHeadlines":{"one":1}}"#, r#"{"label":["a"]}"#, "[1]", "\"x\"", "{"] {
            let e = Overrides::from_json(bad).unwrap_err();
            assert!(e.starts_with("strings"), "{bad}: {e}");
        }
        assert!(Overrides::from_json(r#"{"pause":42}"#).unwrap_err().contains("strings.pause"));
    }
}
