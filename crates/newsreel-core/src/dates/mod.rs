//! Dates as they are found in news data: RFC 3339 / ISO 8601 with or without a
//! time and offset, in ISO 8601's extended form (`2026-12-01T10:00+01:00`)
//! or its basic one (`20261201T1000+0100`), the offset maybe followed by a
//! zone abbreviation that it overrides (`+01:00 CET`), RFC 2822 (feeds), the
//! human forms news pages print (`12.Jan.2026`, `15 Jan 2026`,
//! `January 15, 2026`, `December 1st, 2026`, `12/01/2026`, `2026年12月1日`),
//! and Unix times of ten or thirteen digits.
//!
//! Eight digits alone are a day in the basic form (`20261201`), as some
//! schema.org data writes `datePublished`: as a Unix time they would fall
//! in 1970–1973, before any feed, and digits that make no valid day are no
//! date.
//!
//! RFC 2822 dates are read in every form feeds write them: with or without
//! the weekday and the seconds, any zone (`GMT`, `UT`, `Z`, US zones,
//! military letters, `+hhmm`), a trailing comment (`(EST)`), and the
//! obsolete two- and three-digit years of RFC 822. So are JavaScript's
//! `Date.toString()` form (`Tue Nov 03 2026 08:30:00 GMT+0200 (…)`), which
//! feeds made by scripts carry, 12-hour times (`8:30 PM`), and month and
//! weekday names in the languages of the widget's own words that write them
//! in Latin or Cyrillic letters (`03 ноя 2026`, `Di, 01 Dez 2026`,
//! `1 de diciembre de 2026`, `1er décembre 2026`).
//!
//! A date keeps the instant and whether a time was given: a date alone is shown
//! as a calendar day (midnight UTC, formatted in UTC so it never shifts a day).

/// A point in time from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateValue {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub epoch_ms: i64,
    /// False when the source gave a calendar date only.
    pub has_time: bool,
}

impl DateValue {
    /// The calendar day in UTC: year, month (1–12), day (1–31).
    pub fn civil_date(&self) -> (i64, u32, u32) {
        civil_from_days(self.epoch_ms.div_euclid(86_400_000))
    }

    /// The machine-readable form for `<time datetime>`: `2026-01-12` or `2026-01-12T09:30:00Z`.
    pub fn to_iso(&self) -> String {
        let ms_of_day = self.epoch_ms.rem_euclid(86_400_000);
        let (y, m, d) = self.civil_date();
        if !self.has_time {
            return format!("{y:04}-{m:02}-{d:02}");
        }
        let secs = ms_of_day / 1000;
        format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
    }
}

/// Reads a date in any of the supported forms; `None` when it is not a date.
pub fn parse_date(text: &str) -> Option<DateValue> {
    let text = text.trim();
    // Long enough for `Date.toString()` with a long zone name (`… GMT+1100
    // (Australian Eastern Daylight Time)`); longer text is no date.
    if text.is_empty() || text.len() > 128 {
        return None;
    }
    parse_iso(text).or_else(|| parse_human(text)).or_else(|| parse_epoch(text))
}

/// A Unix time, as some CMSs and scripts write `datePublished` (a number,
/// or its text): ten digits are seconds and thirteen are milliseconds, which
/// covers 2001 to 2286. Other lengths are left alone: `20261201` is a day
/// in ISO 8601's basic form (`parse_iso` reads it), not a time in 1970.
fn parse_epoch(text: &str) -> Option<DateValue> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // At most thirteen digits: no overflow.
    let n = text.bytes().take(13).fold(0i64, |n, digit| n * 10 + i64::from(digit - b'0'));
    let epoch_ms = match text.len() {
        10 => n * 1000,
        13 => n,
        _ => return None,
    };
    Some(DateValue { epoch_ms, has_time: true })
}

/// Zone names found in RFC 2822 dates, with their offsets in whole hours.
///
/// After RFC 2822's own names come the abbreviations feeds outside North
/// America write where the RFC wants a numeric offset (Europe, the Caucasus,
/// Asia, Australia); ambiguous ones (`IST`, `AMT`, `BST` apart from the
/// British one every feed means) are left out.
const ZONES: &[(&str, i64)] = &[
    ("Z", 0),
    ("UTC", 0),
    ("GMT", 0),
    ("UT", 0),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("WET", 0),
    ("WEST", 1),
    ("BST", 1),
    ("CET", 1),
    ("CEST", 2),
    ("MET", 1),
    ("MEST", 2),
    ("EET", 2),
    ("EEST", 3),
    ("MSK", 3),
    ("TRT", 3),
    ("GET", 4),
    ("AZT", 4),
    ("GST", 4),
    ("PKT", 5),
    ("HKT", 8),
    ("SGT", 8),
    ("JST", 9),
    ("KST", 9),
    ("AEST", 10),
    ("AEDT", 11),
    ("NZST", 12),
    ("NZDT", 13),
];

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (after H. Hinnant's derivation).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Builds a value after checking every field's range.
fn build(y: i64, m: u32, d: u32, time: Option<(u32, u32, u32, u32)>, offset_min: i64) -> Option<DateValue> {
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let mut ms = days_from_civil(y, m, d) * 86_400_000;
    if let Some((h, min, s, frac_ms)) = time {
        // A leap second (:60) is read as :59.
        if h > 23 || min > 59 || s > 60 {
            return None;
        }
        let s = s.min(59);
        ms += (i64::from(h) * 3600 + i64::from(min) * 60 + i64::from(s)) * 1000 + i64::from(frac_ms);
        ms -= offset_min * 60_000;
    }
    Some(DateValue { epoch_ms: ms, has_time: time.is_some() })
}

/// The number that a text of ASCII digits only writes (`str::parse` alone
/// would take a sign too).
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A small cursor over ASCII digits and separators.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl Cursor<'_> {
    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let v = number(self.s.get(self.i..self.i + n)?)?;
        self.i += n;
        Some(v)
    }

    fn at_digit(&self) -> bool {
        self.s.as_bytes().get(self.i).is_some_and(u8::is_ascii_digit)
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.s.as_bytes().get(self.i) == Some(&b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn done(&self) -> bool {
        self.i == self.s.len()
    }
}

/// RFC 3339 and the ISO 8601 profile found in feeds: `2026-01-15`,
/// `2026-01-15T10:00`, `2026-01-15 10:00:00.123+01:00`, `…Z`, `…+0100`;
/// and ISO 8601's basic form, which some pages and feeds write:
/// `20260115`, `20260115T1000`, `20260115T100000.5+0100`.
fn parse_iso(text: &str) -> Option<DateValue> {
    let mut c = Cursor { s: text, i: 0 };
    let y = c.digits(4)?;
    // The basic form has no dashes and no colons. ISO 8601 allows no mix,
    // and nothing we know writes one (`2026-01-15T1000` is refused), except
    // an extended time with a basic offset, as PHP's `DATE_ISO8601` has it.
    let basic = !c.eat(b'-');
    let m = c.digits(2)?;
    if !basic && !c.eat(b'-') {
        return None;
    }
    let d = c.digits(2)?;
    if c.done() {
        return build(i64::from(y), m, d, None, 0);
    }
    // RFC 3339 also takes `t` and a space; the basic form is ISO 8601's only.
    let timed = c.eat(b'T') || (!basic && (c.eat(b't') || c.eat(b' ')));
    if !timed {
        return None;
    }
    let h = c.digits(2)?;
    if !basic && !c.eat(b':') {
        return None;
    }
    let min = c.digits(2)?;
    let mut s = 0;
    let mut frac_ms = 0;
    let has_seconds = if basic { c.at_digit() } else { c.eat(b':') };
    if has_seconds {
        s = c.digits(2)?;
        if c.eat(b'.') || c.eat(b',') {
            // Milliseconds from the first three digits; later ones are read and dropped.
            let fraction = &text[c.i..];
            let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if len == 0 {
                return None;
            }
            let ms_digits = &fraction[..len.min(3)];
            frac_ms = number(ms_digits)? * 10u32.pow(3 - ms_digits.len() as u32);
            c.i += len;
        }
    }
    let offset = if c.done() {
        0 // No offset: read as UTC, the only reading that is the same everywhere.
    } else {
        iso_offset(&text[c.i..], basic)?
    };
    build(i64::from(y), m, d, Some((h, min, s, frac_ms)), offset)
}

/// The offset after an ISO time: what `parse_offset` reads, a zone
/// abbreviation after a number left out (`without_abbreviation`). The basic
/// form takes its own offsets only: `Z`, `+0100`, `+01`.
fn iso_offset(text: &str, basic: bool) -> Option<i64> {
    let offset = without_abbreviation(text);
    let basic_offset = offset == "Z" || (offset.starts_with(['+', '-']) && !offset.contains(':'));
    if basic && !basic_offset {
        return None;
    }
    parse_offset(offset)
}

/// A numeric offset without the zone abbreviation some sites write after
/// it (`+02:00CET`, `+02:00 CET`, `+02:00 (CET)`): the number decides, as
/// an abbreviation may be ambiguous, unknown here, or even disagree with
/// it. An abbreviation is one to five capitals (`Z`, `CEST`, `ACWST`);
/// other text after the number is kept, for `parse_offset` to refuse.
fn without_abbreviation(text: &str) -> &str {
    if !text.starts_with(['+', '-']) {
        return text;
    }
    let end = 1 + text[1..].bytes().take_while(|b| b.is_ascii_digit() || *b == b':').count();
    let after = text[end..].trim_start();
    let name = after.strip_prefix('(').and_then(|a| a.strip_suffix(')')).unwrap_or(after);
    if (1..=5).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase()) {
        &text[..end]
    } else {
        text
    }
}

/// `Z`, `+01:00`, `+0100`, `+01`, a zone name common in RFC 2822 dates,
/// or an offset after `GMT` or `UTC` as JavaScript's `Date.toString()`
/// writes it (`GMT+0200`, and `GMT+3`).
fn parse_offset(text: &str) -> Option<i64> {
    let t = text.trim();
    // A numeric offset, as nearly every date has, is no zone name: the
    // names are not compared for it.
    if !t.starts_with(['+', '-']) {
        if let Some((_, hours)) = ZONES.iter().find(|(name, _)| t.eq_ignore_ascii_case(name)) {
            return Some(hours * 60);
        }
    }
    let after_gmt = ["GMT", "UTC"].iter().find_map(|z| t.strip_prefix(z));
    let t = after_gmt.unwrap_or(t);
    let (sign, rest) = match t.as_bytes().first()? {
        b'+' => (1, &t[1..]),
        b'-' => (-1, &t[1..]),
        _ => return None,
    };
    // `hh`, `hhmm` or `hh:mm`; `h` alone only after `GMT`.
    let rest = if after_gmt.is_some() && rest.len() == 1 { format!("0{rest}") } else { rest.to_string() };
    let mut c = Cursor { s: &rest, i: 0 };
    let h = c.digits(2)?;
    let m = if c.done() {
        0
    } else {
        c.eat(b':');
        c.digits(2)?
    };
    if !c.done() {
        return None;
    }
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * i64::from(h * 60 + m))
}

/// The stems that month names start with, by month, in English and in the
/// languages of the widget's own words that write month names in Latin or
/// Cyrillic letters (French, German, Spanish, Italian, Portuguese, Dutch,
/// Polish, Czech, Turkish, Indonesian, Azerbaijani, Russian, Ukrainian,
/// Kazakh). Pages print dates in their language, and feeds made with a
/// localised date function write RFC 822 dates that way too
/// (`Di, 01 Dez 2026`). A stem covers the full name, its abbreviations and
/// its inflected forms (`ноябрь`, `ноября`, `ноя`; `grudzień`, `grudnia`).
/// No stem starts another month's, except that Czech `červenec` (July)
/// starts with `červen` (June): the longest stem wins.
const MONTH_STEMS: [&[&str]; 12] = [
    &["jan", "jän", "ene", "gen", "sty", "led", "oca", "yan", "янв", "січ", "қаң"],
    &["feb", "fev", "fév", "lut", "úno", "şub", "фев", "лют", "ақп"],
    &["mar", "mär", "mrz", "maa", "mrt", "bře", "мар", "бер", "нау"],
    &["apr", "avr", "abr", "kwi", "dub", "nis", "апр", "кві", "сәу"],
    &["may", "mai", "mag", "maj", "mei", "kvě", "май", "мая", "тра", "мам"],
    &["jun", "juin", "giu", "cze", "červen", "červn", "haz", "iyun", "июн", "чер", "мау"],
    &["jul", "juil", "lug", "lip", "červenec", "července", "tem", "iyul", "июл", "лип", "шіл"],
    &["aug", "aoû", "aou", "ago", "agu", "agt", "sie", "srp", "ağu", "avq", "авг", "сер", "там"],
    &["sep", "set", "wrz", "zář", "eyl", "sen", "сен", "вер", "қыр"],
    &["oct", "okt", "ott", "out", "paź", "říj", "eki", "окт", "жов", "қаз"],
    &["nov", "lis", "kas", "noy", "ноя", "лис", "қар"],
    &["dec", "dez", "déc", "dic", "des", "gru", "pro", "ara", "dek", "дек", "гру", "жел"],
];

/// The month a word names (1–12), by `MONTH_STEMS`, in any letter case.
fn month_from_name(word: &str) -> Option<u32> {
    let lower: String = word.chars().map(fold_case).collect();
    if lower.chars().count() < 3 {
        return None;
    }
    let mut best: Option<(usize, u32)> = None;
    for (month, stems) in (1..).zip(MONTH_STEMS) {
        for stem in stems.iter().filter(|stem| lower.starts_with(**stem)) {
            if best.is_none_or(|(len, _)| stem.len() > len) {
                best = Some((stem.len(), month));
            }
        }
    }
    best.map(|(_, month)| month)
}

/// A letter in lower case, for the capitals that month names of
/// `MONTH_STEMS` begin with: ASCII, Latin-1 (`Ú`), Latin Extended-A (`Č`,
/// `Ř`, `Ş`) and basic Cyrillic (`Н`, `І`). Other letters are kept. Date
/// parsing is the one place that needs case folding outside ASCII, and std's
/// full Unicode lower-casing adds 10.7 KB (gzip) of case tables to the wasm
/// for these few words.
fn fold_case(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => code + 32,
        0x400..=0x40F => code + 80,
        // Latin Extended-A pairs a capital with the next code point, on even
        // code points in its first and third runs and odd ones in between.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code.is_multiple_of(2) => code + 1,
        0x139..=0x148 | 0x179..=0x17E if !code.is_multiple_of(2) => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// RFC 2822's military zones: single letters other than `J`. RFC 822 gave
/// their signs backwards, so RFC 2822 says to read them as `-0000`, an
/// unknown zone: UTC here. (`Z` is in `ZONES`.)
fn military_zone(zone: &str) -> Option<i64> {
    let &[letter] = zone.as_bytes() else { return None };
    (letter.is_ascii_alphabetic() && !letter.eq_ignore_ascii_case(&b'j')).then_some(0)
}

/// A year as RFC 822 wrote it (RFC 2822, 4.3): two digits are 1950-2049,
/// three digits are after 1900. Read only in the full form with a month
/// name and a time, which only feeds and mail write: a short human date
/// (`15 Jan 26`) is too ambiguous to read.
fn obsolete_year(written: &str, y: u32) -> Option<u32> {
    match written.len() {
        2 if y < 50 => Some(2000 + y),
        2 | 3 => Some(1900 + y),
        _ => None,
    }
}

/// Human and RFC 2822 forms: `15 Jan 2026`, `12.Jan.2026`, `Thu, 15 Jan 2026 10:00:00 +0000`,
/// `January 15, 2026`, `15.01.2026`, `2026/01/15`.
fn parse_human(text: &str) -> Option<DateValue> {
    // A trailing comment, as in `10:00:00 -0500 (EST)`, says nothing more.
    let text = match text.strip_suffix(')').and_then(|t| t.rfind('(').map(|i| &t[..i])) {
        Some(before) => before.trim_end(),
        None => text,
    };
    // Split into words; keep a time (hh:mm[:ss]) and an offset as words of
    // their own. Chinese, Japanese and Korean dates write year, month and
    // day with a sign after each (`2026年12月1日`, `2026년 12월 1일`). The
    // little words of `1 de diciembre de 2026` and `1st of December` go.
    let all: Vec<&str> = text
        .split([' ', ',', '.', '/', '\t', '-', '年', '月', '日', '년', '월', '일'])
        .filter(|w| !w.is_empty() && !["de", "del", "of"].iter().any(|little| w.eq_ignore_ascii_case(little)))
        .collect();
    let mut words = all.as_slice();
    // A leading weekday name (`Thu`, `Чт`, `martes`) is ignored: a word that
    // names no month, or one that does (`mar.`, Spanish for Tuesday) ahead
    // of a day and a month (`mar., 01 dic. 2026`).
    if let [first, rest @ ..] = words {
        let weekday = match rest {
            [day, month, ..] if number(day).is_some() && month_from_name(month).is_some() => true,
            _ => month_from_name(first).is_none(),
        };
        if weekday && !first.bytes().any(|c| c.is_ascii_digit() || c == b':' || c == b'+') {
            words = rest;
        }
    }
    if words.len() < 3 {
        return None;
    }
    let number = |w: &str| if w.len() > 4 { None } else { number(w) };
    // A day written as an ordinal: `December 1st`, `1er décembre`, `1º de diciembre`.
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == 'º' || c == 'ª');
        let suffix = &w[digits.len()..];
        let ordinal = ["", "st", "nd", "rd", "th", "er", "e", "º", "ª"].iter().any(|s| suffix.eq_ignore_ascii_case(s));
        if ordinal && digits.len() <= 2 {
            number(digits)
        } else {
            None
        }
    };
    let named_month = month_from_name(words[1]).is_some();
    let (y, m, d) = if let Some(m) = month_from_name(words[1]) {
        // 15 Jan 2026
        (number(words[2])?, m, day(words[0])?)
    } else if let Some(m) = month_from_name(words[0]) {
        // Jan 15, 2026
        (number(words[2])?, m, day(words[1])?)
    } else if words[0].len() == 4 {
        // 2026/01/15
        (number(words[0])?, number(words[1])?, number(words[2])?)
    } else {
        let (first, second) = (number(words[0])?, number(words[1])?);
        // With slashes, month first as in the US (`12/01/2026` is December
        // 1st), the reading of JavaScript's Date.parse and PHP's strtotime,
        // unless the first number cannot be a month (`23/11/2026`). With dots
        // or dashes, day first, as printed across Europe (`01.12.2026`).
        let us = text.contains('/') && first <= 12;
        if us {
            (number(words[2])?, first, second)
        } else {
            (number(words[2])?, second, first)
        }
    };
    let rest = &words[3..];
    let y = match y {
        1000.. => y,
        _ if named_month && !rest.is_empty() => obsolete_year(words[2], y)?,
        _ => return None,
    };
    if rest.is_empty() {
        return build(i64::from(y), m, d, None, 0);
    }
    // Time: `10:00` or `10:00:30`, then an optional zone.
    let mut parts = rest[0].split(':');
    let h = number(parts.next()?)?;
    let min = number(parts.next()?)?;
    let s = match parts.next() {
        Some(p) => number(p)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    // A 12-hour clock (`8:30 PM`), as US pages print it.
    let (h, rest) = match rest.get(1).map(|w| w.to_ascii_lowercase()) {
        Some(half) if (half == "am" || half == "pm") && (1..=12).contains(&h) => {
            (h % 12 + if half == "pm" { 12 } else { 0 }, &rest[1..])
        }
        _ => (h, rest),
    };
    let offset = match &rest[1..] {
        [] => 0,
        // The split above eats a '-' sign (`-0500`, `GMT-5`): the zone is
        // the last word of the original text, and what is left must be it.
        after_time => {
            let zone = text.rsplit(' ').next()?;
            if zone.split('-').filter(|w| !w.is_empty()).count() != after_time.len() {
                return None;
            }
            parse_offset(zone).or_else(|| military_zone(zone))?
        }
    };
    build(i64::from(y), m, d, Some((h, min, s, 0)), offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_iso())
    }

    #[test]
    fn offsets_in_every_written_form() {
        for (text, minutes) in
            [("+01:00", 60), ("+0100", 60), ("+01", 60), ("-08:00", -480), ("+05:30", 330), ("-0930", -570), ("Z", 0)]
        {
            assert_eq!(parse_offset(text), Some(minutes), "{text}");
        }
        for text in ["+1:00", "+01:0", "+01:000", "+0:100", "+24:00", "+01:60", "01:00", "+", "+01::00"] {
            assert_eq!(parse_offset(text), None, "{text}");
        }
    }

    #[test]
    fn month_names_full_and_short() {
        let full = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        for (i, name) in full.iter().enumerate() {
            assert_eq!(month_from_name(name), Some(i as u32 + 1), "{name}");
            assert_eq!(month_from_name(&name[..3].to_uppercase()), Some(i as u32 + 1), "{name}");
        }
        assert_eq!(month_from_name("sept"), Some(9));
        for not_a_month in ["ja", "", "12", "yesterday", "Tue", "ma", "ноль"] {
            assert_eq!(month_from_name(not_a_month), None, "{not_a_month}");
        }
    }

    #[test]
    fn month_names_in_the_widgets_languages() {
        // Each language's twelve names as its dates write them (genitive
        // where the language inflects), capitalised as at a sentence start.
        let languages: [(&str, [&str; 12]); 14] = [
            (
                "fr",
                [
                    "janvier",
                    "Février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "Décembre",
                ],
            ),
            (
                "de",
                [
                    "Jänner",
                    "Februar",
                    "März",
                    "April",
                    "Mai",
                    "Juni",
                    "Juli",
                    "August",
                    "September",
                    "Oktober",
                    "November",
                    "Dezember",
                ],
            ),
            (
                "es",
                [
                    "enero",
                    "febrero",
                    "marzo",
                    "abril",
                    "mayo",
                    "junio",
                    "julio",
                    "agosto",
                    "setiembre",
                    "octubre",
                    "noviembre",
                    "diciembre",
                ],
            ),
            (
                "it",
                [
                    "gennaio",
                    "febbraio",
                    "marzo",
                    "aprile",
                    "maggio",
                    "giugno",
                    "luglio",
                    "agosto",
                    "settembre",
                    "ottobre",
                    "novembre",
                    "dicembre",
                ],
            ),
            (
                "pt",
                [
                    "janeiro",
                    "fevereiro",
                    "março",
                    "abril",
                    "maio",
                    "junho",
                    "julho",
                    "agosto",
                    "setembro",
                    "outubro",
                    "novembro",
                    "dezembro",
                ],
            ),
            (
                "nl",
                [
                    "januari",
                    "februari",
                    "maart",
                    "april",
                    "mei",
                    "juni",
                    "juli",
                    "augustus",
                    "september",
                    "oktober",
                    "november",
                    "december",
                ],
            ),
            (
                "pl",
                [
                    "stycznia",
                    "lutego",
                    "marca",
                    "kwietnia",
                    "maja",
                    "czerwca",
                    "lipca",
                    "sierpnia",
                    "września",
                    "października",
                    "listopada",
                    "grudnia",
                ],
            ),
            (
                "cs",
                [
                    "ledna",
                    "Února",
                    "března",
                    "dubna",
                    "května",
                    "Června",
                    "července",
                    "srpna",
                    "září",
                    "Října",
                    "listopadu",
                    "prosince",
                ],
            ),
            (
                "tr",
                [
                    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
                    "Kasım", "Aralık",
                ],
            ),
            (
                "id",
                [
                    "Januari",
                    "Februari",
                    "Maret",
                    "April",
                    "Mei",
                    "Juni",
                    "Juli",
                    "Agustus",
                    "September",
                    "Oktober",
                    "November",
                    "Desember",
                ],
            ),
            (
                "az",
                [
                    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
                    "noyabr", "dekabr",
                ],
            ),
            (
                "ru",
                [
                    "января",
                    "Февраль",
                    "марта",
                    "апреля",
                    "мая",
                    "июня",
                    "июля",
                    "августа",
                    "сентября",
                    "октября",
                    "ноября",
                    "Декабря",
                ],
            ),
            (
                "uk",
                [
                    "січня",
                    "Лютого",
                    "березня",
                    "квітня",
                    "травня",
                    "червня",
                    "липня",
                    "серпня",
                    "вересня",
                    "жовтня",
                    "листопада",
                    "грудня",
                ],
            ),
            (
                "kk",
                [
                    "қаңтар",
                    "ақпан",
                    "наурыз",
                    "сәуір",
                    "мамыр",
                    "маусым",
                    "шілде",
                    "тамыз",
                    "қыркүйек",
                    "қазан",
                    "қараша",
                    "желтоқсан",
                ],
            ),
        ];
        for (language, names) in languages {
            for (month, name) in (1..).zip(names) {
                assert_eq!(month_from_name(name), Some(month), "{language}: {name}");
            }
        }
        // Czech June and July share a stem; the longer one decides.
        assert_eq!(month_from_name("červen"), Some(6));
        assert_eq!(month_from_name("červenec"), Some(7));
        // Abbreviations feeds write.
        for (abbreviation, month) in
            [("févr", 2), ("juil", 7), ("Mrz", 3), ("mrt", 3), ("Okt", 10), ("dic", 12), ("Agt", 8), ("ноя", 11)]
        {
            assert_eq!(month_from_name(abbreviation), Some(month), "{abbreviation}");
        }
    }

    #[test]
    fn localised_and_ordinal_human_dates() {
        assert_eq!(iso("Di, 01 Dez 2026 10:00:00 +0100").as_deref(), Some("2026-12-01T09:00:00Z"));
        assert_eq!(
            iso("mar., 01 dic. 2026 10:00:00 +0100").as_deref(),
            Some("2026-12-01T09:00:00Z"),
            "Spanish Tuesday is mar."
        );
        assert_eq!(iso("martes, 1 de diciembre de 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("1 de dezembro de 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("1er décembre 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("1. Dezember 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("1. prosince 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(
            iso("Sen, 01 Des 2026 08:00:00 +0700").as_deref(),
            Some("2026-12-01T01:00:00Z"),
            "Indonesian Monday"
        );
        assert_eq!(iso("01 Aralık 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("1 грудня 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("December 1st, 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("Tuesday, December 1st, 2026 10:00 AM EST").as_deref(), Some("2026-12-01T15:00:00Z"));
        assert_eq!(iso("1st of December 2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("23rd Nov 2026").as_deref(), Some("2026-11-23"));
        assert_eq!(iso("1xx December 2026"), None);
        assert_eq!(iso("123rd Nov 2026"), None);
    }

    #[test]
    fn numeric_dates_slashes_month_first_dots_day_first() {
        assert_eq!(iso("12/01/2026").as_deref(), Some("2026-12-01"), "US order, as Date.parse and strtotime read it");
        assert_eq!(iso("11/23/2026 8:30 PM").as_deref(), Some("2026-11-23T20:30:00Z"));
        assert_eq!(iso("23/11/2026").as_deref(), Some("2026-11-23"), "23 is no month: day first");
        assert_eq!(iso("01.12.2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("01-12-2026").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("13/13/2026"), None);
    }

    #[test]
    fn chinese_japanese_and_korean_dates() {
        assert_eq!(iso("2026年12月1日").as_deref(), Some("2026-12-01"));
        assert_eq!(iso("2026年12月1日 10:30").as_deref(), Some("2026-12-01T10:30:00Z"));
        assert_eq!(iso("2026년 12월 1일").as_deref(), Some("2026-12-01"));
    }

    #[test]
    fn date_to_string_with_a_long_zone_name() {
        assert_eq!(
            iso("Tue Dec 01 2026 10:00:00 GMT+1100 (Australian Eastern Daylight Time)").as_deref(),
            Some("2026-11-30T23:00:00Z")
        );
        assert_eq!(iso(&format!("1 Dec 2026 {}", "x".repeat(120))), None, "longer than any date");
    }

    #[test]
    fn seed_page_forms() {
        assert_eq!(iso("12.Jan.2026").as_deref(), Some("2026-01-12"));
        assert_eq!(iso("15 Jan 2026").as_deref(), Some("2026-01-15"));
        assert!(!parse_date("15 Jan 2026").unwrap().has_time);
    }

    #[test]
    fn rfc3339_and_iso_forms() {
        assert_eq!(iso("2026-01-15").as_deref(), Some("2026-01-15"));
        assert_eq!(iso("2026-01-15T10:30:00Z").as_deref(), Some("2026-01-15T10:30:00Z"));
        assert_eq!(iso("2026-01-15T10:30:00+02:00").as_deref(), Some("2026-01-15T08:30:00Z"));
        assert_eq!(iso("2026-01-15T01:30:00-0300").as_deref(), Some("2026-01-15T04:30:00Z"));
        assert_eq!(iso("2026-01-15 10:30").as_deref(), Some("2026-01-15T10:30:00Z"));
        assert_eq!(iso("2026-01-15T23:30:00.123456-01:00").as_deref(), Some("2026-01-16T00:30:00Z"));
        let d = parse_date("2026-01-15T10:30:00.250Z").unwrap();
        assert_eq!(d.epoch_ms % 1000, 250);
        assert!(d.has_time);
    }

    #[test]
    fn rfc2822_and_human_forms() {
        assert_eq!(iso("Thu, 15 Jan 2026 10:00:00 +0100").as_deref(), Some("2026-01-15T09:00:00Z"));
        assert_eq!(iso("Thu, 15 Jan 2026 10:00:00 GMT").as_deref(), Some("2026-01-15T10:00:00Z"));
        for (zone, utc) in [
            ("EST", "15:00"),
            ("EDT", "14:00"),
            ("CST", "16:00"),
            ("MDT", "16:00"),
            ("pst", "18:00"),
            ("PDT", "17:00"),
            ("ut", "10:00"),
            ("Z", "10:00"),
        ] {
            assert_eq!(iso(&format!("15 Jan 2026 10:00:00 {zone}")), Some(format!("2026-01-15T{utc}:00Z")), "{zone}");
        }
        assert_eq!(iso("15 Jan 2026 10:00:00 XST"), None);
        assert_eq!(iso("15 Jan 2026 10:00:00 ESTX"), None);
        assert_eq!(iso("Thu, 15 Jan 2026 10:00:00 -0500").as_deref(), Some("2026-01-15T15:00:00Z"));
        assert_eq!(iso("January 15, 2026").as_deref(), Some("2026-01-15"));
        assert_eq!(iso("Sept 3 2026").as_deref(), Some("2026-09-03"));
        assert_eq!(iso("15-Jan-2026").as_deref(), Some("2026-01-15"));
        assert_eq!(iso("15.01.2026").as_deref(), Some("2026-01-15"));
        assert_eq!(iso("2026/01/15").as_deref(), Some("2026-01-15"));
        // JavaScript's Date.toString(), which feeds made by scripts carry.
        assert_eq!(
            iso("Tue Nov 03 2026 08:30:00 GMT+0200 (Central European Summer Time)").as_deref(),
            Some("2026-11-03T06:30:00Z")
        );
        assert_eq!(iso("Tue, 03 Nov 2026 08:30:00 GMT+3").as_deref(), Some("2026-11-03T05:30:00Z"));
        assert_eq!(iso("Tue, 03 Nov 2026 08:30:00 UTC-05:30").as_deref(), Some("2026-11-03T14:00:00Z"));
        // A 12-hour clock, with and without a zone.
        assert_eq!(iso("Nov 3, 2026 8:30 PM").as_deref(), Some("2026-11-03T20:30:00Z"));
        assert_eq!(iso("November 3, 2026 12:05 am EST").as_deref(), Some("2026-11-03T05:05:00Z"));
        assert_eq!(iso("3 Nov 2026 12:00 PM").as_deref(), Some("2026-11-03T12:00:00Z"));
        assert_eq!(iso("3 Nov 2026 13:00 PM"), None, "13 is no hour of a 12-hour clock");
        // Russian month names, as feeds and pages of the region write them.
        assert_eq!(iso("Вт, 03 ноя 2026 08:30:00 +0300").as_deref(), Some("2026-11-03T05:30:00Z"));
        assert_eq!(iso("15 января 2026").as_deref(), Some("2026-01-15"));
        assert_eq!(iso("1 Мая 2026").as_deref(), Some("2026-05-01"));
        assert_eq!(iso("9 май 2026").as_deref(), Some("2026-05-09"));
        assert_eq!(iso("31 марта 2026").as_deref(), Some("2026-03-31"));
        assert_eq!(iso("15 яблоко 2026"), None);
    }

    #[test]
    fn rfc822_dates_in_every_zone_form_feeds_write() {
        let ten = |zone: &str| iso(&format!("Thu, 15 Jan 2026 10:00:00 {zone}"));
        for (zone, utc) in [
            ("GMT", "10:00"),
            ("UT", "10:00"),
            ("UTC", "10:00"),
            ("Z", "10:00"),
            ("EST", "15:00"),
            ("EDT", "14:00"),
            ("CST", "16:00"),
            ("CDT", "15:00"),
            ("MST", "17:00"),
            ("MDT", "16:00"),
            ("PST", "18:00"),
            ("PDT", "17:00"),
            ("+0000", "10:00"),
            ("-0000", "10:00"),
            ("+0530", "04:30"),
            ("-0800", "18:00"),
            ("+01:00", "09:00"),
            // Abbreviations beyond the RFC's, as feeds outside America write them.
            ("CET", "09:00"),
            ("CEST", "08:00"),
            ("BST", "09:00"),
            ("MSK", "07:00"),
            ("AZT", "06:00"),
            ("JST", "01:00"),
            // Military letters: unknown, so UTC (RFC 2822, 4.3).
            ("A", "10:00"),
            ("M", "10:00"),
            ("N", "10:00"),
            ("Y", "10:00"),
            ("z", "10:00"),
        ] {
            assert_eq!(ten(zone), Some(format!("2026-01-15T{utc}:00Z")), "{zone}");
        }
        for bad in ["J", "AA", "+5", "-08000", "Q1"] {
            assert_eq!(ten(bad), None, "{bad}");
        }
        assert_eq!(
            iso("Thu, 15 Jan 2026 10:00:00 AEDT").as_deref(),
            Some("2026-01-14T23:00:00Z"),
            "the day before in UTC"
        );
    }

    #[test]
    fn rfc822_dates_without_weekday_or_seconds_with_old_years_and_comments() {
        assert_eq!(iso("15 Jan 2026 10:00:00 GMT").as_deref(), Some("2026-01-15T10:00:00Z"), "no weekday");
        assert_eq!(iso("Thu, 15 Jan 2026 10:00 -0500").as_deref(), Some("2026-01-15T15:00:00Z"), "no seconds");
        assert_eq!(
            iso("Thu, 5 Feb 2026 9:05:07 +0000").as_deref(),
            Some("2026-02-05T09:05:07Z"),
            "one-digit day and hour"
        );
        assert_eq!(iso("Thu, 15 Jan 26 10:00:00 GMT").as_deref(), Some("2026-01-15T10:00:00Z"), "two-digit year");
        assert_eq!(iso("Fri, 15 Jan 99 10:00 EST").as_deref(), Some("1999-01-15T15:00:00Z"));
        assert_eq!(iso("15 Jan 49 10:00 GMT").as_deref(), Some("2049-01-15T10:00:00Z"));
        assert_eq!(iso("15 Jan 50 10:00 GMT").as_deref(), Some("1950-01-15T10:00:00Z"));
        assert_eq!(iso("15 Jan 126 10:00 GMT").as_deref(), Some("2026-01-15T10:00:00Z"), "three digits are after 1900");
        assert_eq!(iso("Thu, 15 Jan 2026 10:00:00 -0500 (EST)").as_deref(), Some("2026-01-15T15:00:00Z"), "a comment");
        assert_eq!(iso("15.01.26 10:00 GMT"), None, "two digits only with a month name");
    }

    #[test]
    fn unix_times_in_seconds_and_milliseconds() {
        assert_eq!(iso("1764496800").as_deref(), Some("2025-11-30T10:00:00Z"));
        assert_eq!(iso(" 1764496800123 ").as_deref(), Some("2025-11-30T10:00:00Z"));
        for not_one in ["12345678", "176449680", "17644968001", "-1764496800", "1764496800.5", "+1764496800"] {
            assert_eq!(parse_date(not_one), None, "{not_one:?}");
        }
        // Eight digits are a day in ISO 8601's basic form, never a time in 1970.
        assert_eq!(parse_date("20261130"), Some(DateValue { epoch_ms: 1_795_996_800_000, has_time: false }));
    }

    #[test]
    fn iso_basic_form_reads_as_the_extended_form() {
        // 2018-06-19T05:50:00+09:00 is 1529355000 s after the epoch (`date -u -d`).
        let extended = parse_date("2018-06-19T05:50:00+09:00").unwrap();
        assert_eq!(extended, DateValue { epoch_ms: 1_529_355_000_000, has_time: true });
        for basic in ["20180619T055000+0900", "20180619T055000+09", "20180619T0550+0900", "20180618T205000-0000"] {
            assert_eq!(parse_date(basic), Some(extended), "{basic}");
        }
        for (basic, same) in [
            ("20180619T055000Z", "2018-06-19T05:50:00Z"),
            ("20180619T055000", "2018-06-19T05:50:00"),
            ("20180619T0550", "2018-06-19T05:50"),
            ("20180619T055000.250+0900", "2018-06-19T05:50:00.250+09:00"),
            ("20180619T055000,5-0330", "2018-06-19T05:50:00,5-03:30"),
            ("20180619T055000.123456Z", "2018-06-19T05:50:00.123Z"),
            ("20240229T235960Z", "2024-02-29T23:59:60Z"),
            ("20180619", "2018-06-19"),
        ] {
            assert!(parse_date(same).is_some(), "{same}");
            assert_eq!(parse_date(basic), parse_date(same), "{basic}");
        }
        assert_eq!(parse_date("20180619T055000-0330").unwrap().epoch_ms, 1_529_400_000_000);
        assert_eq!(parse_date("20180619"), Some(DateValue { epoch_ms: 1_529_366_400_000, has_time: false }));
    }

    #[test]
    fn an_offset_decides_over_the_zone_abbreviation_after_it() {
        // 2020-09-26T12:07:40+02:00 is 1601114860 s after the epoch (`date -u -d`).
        let plain = parse_date("2020-09-26T12:07:40+02:00").unwrap();
        assert_eq!(plain, DateValue { epoch_ms: 1_601_114_860_000, has_time: true });
        for text in [
            "2020-09-26T12:07:40+02:00CET",
            "2020-09-26T12:07:40+02:00 CET",
            "2020-09-26T12:07:40+02:00CEST",
            "2020-09-26T12:07:40+02:00 (CEST)",
            "2020-09-26T12:07:40+0200 ACWST",
            "2020-09-26T12:07:40+02 EET",
            "2020-09-26T12:07:40+02:00EST",
            "2020-09-26T12:07:40+02:00B",
            "2020-09-26 12:07:40+02:00 CET",
            "20200926T120740+0200CET",
            "20200926T120740+02 (CET)",
        ] {
            assert_eq!(parse_date(text), Some(plain), "{text}");
        }
        assert_eq!(iso("2020-09-26T06:07:40-04:00 EDT").as_deref(), Some("2020-09-26T10:07:40Z"));
    }

    #[test]
    fn text_after_an_offset_that_is_no_zone_abbreviation_is_refused() {
        for bad in [
            "2020-09-26T12:07:40+02:00junk",
            "2020-09-26T12:07:40+02:00cet",
            "2020-09-26T12:07:40+02:00 Cet",
            "2020-09-26T12:07:40+02:00 ABCDEF",
            "2020-09-26T12:07:40+02:00 CET1",
            "2020-09-26T12:07:40+02:00 CET CEST",
            "2020-09-26T12:07:40+02:00 C-T",
            "2020-09-26T12:07:40+02:00-CET",
            "2020-09-26T12:07:40+02:00 (CET",
            "2020-09-26T12:07:40+02:00 CET)",
            "2020-09-26T12:07:40+02:00 ()",
            "2020-09-26T12:07:40+02:00 (Central European Time)",
            "2020-09-26T12:07:40+02:00.",
            "2020-09-26T12:07:40+02:00:CET",
            "2020-09-26T12:07:40+2 CET",
            "2020-09-26T12:07:40+ CET",
            "2020-09-26T12:07:40Z CET",
            "20200926T120740+02:00 CET",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn iso_basic_form_refuses_mixed_and_partial_forms() {
        for bad in [
            // Extended date, basic time, and the other way round: not ISO 8601.
            "2018-06-19T055000",
            "2018-06-19T0550",
            "20180619T05:50:00",
            "20180619T05:50",
            "2018-0619",
            "201806-19",
            // A basic time takes a basic offset only.
            "20180619T055000+09:00",
            "20180619T055000 +0900",
            "20180619T055000GMT+0900",
            "20180619T055000 JST",
            "20180619T055000+9",
            "20180619T055000+09000",
            // `T` only, and hours with minutes at least.
            "20180619 055000",
            "20180619t055000",
            "20180619T05",
            "20180619T05500",
            "20180619T0550000",
            "20180619T055000.",
            // Digits alone that are no day, or that are longer than one.
            "20181319",
            "20180631",
            "20180619T245000",
            "201806190550",
            "20180619055000",
            "2018061",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-29",
            "2026-01-15T25:00",
            "31 Feb 2026",
            "12.Foo.2026",
            "2026-01-15T10:00+99:00",
            "1/2",
            "15 Jan 26",
            "2026-01-15Tjunk",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        assert_eq!(iso("2024-02-29").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn civil_round_trip() {
        for days in [-719_468, -1, 0, 1, 10_957, 20_468, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn orders_by_instant() {
        let a = parse_date("2026-01-12").unwrap();
        let b = parse_date("2026-01-12T08:00:00Z").unwrap();
        assert!(b.epoch_ms > a.epoch_ms);
    }
}
