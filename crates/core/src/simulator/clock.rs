//! The simulator's virtual clock: instants as UTC milliseconds since the Unix epoch, written as
//! ISO-8601 (`2026-01-01T00:00:00Z`), and durations written the way people say them (`25h`, `90m`).

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::json::read::{FromJson, Object, Path, ReadError};
use crate::json::ToJson;

/// The latest instant the clock can show: 9999-12-31T23:59:59.999Z. Advancing past it stops there.
pub const MAX_EPOCH_MILLIS: i64 = 253_402_300_799_999;

const MILLIS_PER_DAY: i64 = 86_400_000;

/// An instant on the virtual clock, UTC, to the millisecond, between 1970-01-01 and 9999-12-31.
///
/// Serializes as `{"iso": "2026-01-01T00:00:00Z", "epochMillis": 1767225600000}`; reads that object,
/// an ISO-8601 UTC string or a number of epoch milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify), tsify(type = "{ iso: string; epochMillis: number }"))]
pub struct Timestamp {
    epoch_millis: i64,
}

/// Why a timestamp could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    /// The text (or number) that was given.
    pub input: String,
    /// What was expected, and where it went wrong.
    pub message: String,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid timestamp {:?}: {}", self.input, self.message)
    }
}

impl std::error::Error for TimestampError {}

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: Timestamp = Timestamp { epoch_millis: 0 };

    /// The instant `millis` milliseconds after the epoch, or an error outside 1970..=9999.
    pub fn from_epoch_millis(millis: i64) -> Result<Timestamp, TimestampError> {
        if (0..=MAX_EPOCH_MILLIS).contains(&millis) {
            Ok(Timestamp { epoch_millis: millis })
        } else {
            Err(TimestampError {
                input: millis.to_string(),
                message: format!("epoch milliseconds must be between 0 and {MAX_EPOCH_MILLIS} (years 1970 to 9999)"),
            })
        }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub fn epoch_millis(self) -> i64 {
        self.epoch_millis
    }

    /// This instant moved `millis` later, stopping at the clock's last instant.
    pub fn plus_millis(self, millis: u64) -> Timestamp {
        let millis = i64::try_from(millis).unwrap_or(i64::MAX);
        Timestamp { epoch_millis: self.epoch_millis.saturating_add(millis).min(MAX_EPOCH_MILLIS) }
    }

    /// Milliseconds from `earlier` to `self` (zero if `earlier` is later).
    pub fn millis_since(self, earlier: Timestamp) -> u64 {
        u64::try_from(self.epoch_millis - earlier.epoch_millis).unwrap_or(0)
    }

    /// ISO-8601 UTC: `2026-01-01T00:00:00Z`, with `.mmm` only when the milliseconds are not zero.
    pub fn to_iso(self) -> String {
        let mut out = String::with_capacity(24);
        self.write_iso(&mut out);
        out
    }

    /// Appends [`Timestamp::to_iso`] to `out`. Written digit by digit: explanations carry timestamps
    /// and are built on every request, where `format!` would dominate the cost.
    pub(crate) fn write_iso(self, out: &mut String) {
        let days = self.epoch_millis.div_euclid(MILLIS_PER_DAY);
        let ms_of_day = self.epoch_millis.rem_euclid(MILLIS_PER_DAY);
        let (y, m, d) = civil_from_days(days);
        let (h, min, s, ms) = (ms_of_day / 3_600_000, ms_of_day / 60_000 % 60, ms_of_day / 1000 % 60, ms_of_day % 1000);
        let mut buf = [0u8; 24];
        let mut put = |at: usize, value: i64, width: usize| {
            let mut v = value.clamp(0, 9999);
            for i in (0..width).rev() {
                buf[at + i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, y, 4);
        put(5, m, 2);
        put(8, d, 2);
        put(11, h, 2);
        put(14, min, 2);
        put(17, s, 2);
        put(20, ms, 3);
        buf[4] = b'-';
        buf[7] = b'-';
        buf[10] = b'T';
        buf[13] = b':';
        buf[16] = b':';
        buf[19] = b'.';
        let end = if ms != 0 { 23 } else { 19 };
        // Only ASCII digits and separators were written.
        out.push_str(std::str::from_utf8(&buf[..end]).unwrap_or_default());
        out.push('Z');
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff]Z` (also `+00:00` for `Z`, a space for `T`, and no seconds).
    /// Only UTC is accepted: the virtual clock has no time zone.
    pub fn parse_iso(text: &str) -> Result<Timestamp, TimestampError> {
        let err = |message: String| TimestampError { input: text.to_string(), message };
        let b = text.as_bytes();
        // The fields in order: how many digits, their name, and the characters one of which must
        // follow. One loop reads them all, so each message is written once.
        const FIELDS: [(usize, &str, &[u8], &str); 6] = [
            (4, "year", b"-", "'-' after the year"),
            (2, "month", b"-", "'-' after the month"),
            (2, "day", b"Tt ", "'T' between date and time"),
            (2, "hour", b":", "':' after the hour"),
            (2, "minute", b"", ""),
            (2, "second", b"", ""),
        ];
        let mut fields = [0i64; 6];
        let mut pos = 0usize;
        let mut with_seconds = false;
        for (field, &(digits, what, then, then_what)) in fields.iter_mut().zip(FIELDS.iter()) {
            if what == "second" {
                // Seconds are optional, after a ':'.
                if b.get(pos) != Some(&b':') {
                    break;
                }
                pos += 1;
                with_seconds = true;
            }
            for i in 0..digits {
                match b.get(pos + i) {
                    Some(c) if c.is_ascii_digit() => *field = *field * 10 + i64::from(c - b'0'),
                    _ => {
                        return Err(err(format!("expected {digits} digits of the {what} at character {}", pos + i + 1)))
                    }
                }
            }
            pos += digits;
            if !then.is_empty() {
                match b.get(pos) {
                    Some(c) if then.contains(c) => pos += 1,
                    _ => return Err(err(format!("expected {then_what} at character {}", pos + 1))),
                }
            }
        }
        let [year, month, day, hour, minute, second] = fields;
        let mut millis = 0;
        if with_seconds && b.get(pos) == Some(&b'.') {
            pos += 1;
            let start = pos;
            let mut scale = 100;
            while let Some(c) = b.get(pos).filter(|c| c.is_ascii_digit()) {
                millis += i64::from(c - b'0') * scale;
                scale /= 10;
                pos += 1;
            }
            if pos == start {
                return Err(err(format!("expected digits after '.' at character {}", pos + 1)));
            }
        }
        match &b[pos.min(b.len())..] {
            b"Z" | b"z" | b"+00:00" | b"-00:00" => {}
            [] => return Err(err("expected 'Z' at the end: the virtual clock is UTC".into())),
            _ => {
                return Err(err(format!(
                    "expected 'Z' (UTC) at character {}; other time zones are not accepted",
                    pos + 1
                )))
            }
        }
        if !(1..=12).contains(&month) {
            return Err(err(format!("month {month} is not between 01 and 12")));
        }
        let dim = days_in_month(year, month);
        if day < 1 || day > dim {
            return Err(err(format!("day {day} is not between 01 and {dim} for that month")));
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(err("time of day out of range (hours 00-23, minutes and seconds 00-59)".into()));
        }
        let days = days_from_civil(year, month, day);
        let ms = days * MILLIS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
        Timestamp::from_epoch_millis(ms).map_err(|e| err(e.message))
    }
}

impl Default for Timestamp {
    /// 2026-01-01T00:00:00Z, the default start of the virtual clock.
    fn default() -> Self {
        Timestamp { epoch_millis: 1_767_225_600_000 }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl std::str::FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse_iso(s)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Timestamp", 2)?;
        s.serialize_field("iso", &self.to_iso())?;
        s.serialize_field("epochMillis", &self.epoch_millis)?;
        s.end()
    }
}

/// `{"iso": "2026-01-01T00:00:00Z", "epochMillis": 1767225600000}`.
impl ToJson for Timestamp {
    fn write(&self, out: &mut dyn crate::json::write::Out) {
        let mut members = crate::json::write::Members::new(out);
        members.add("iso", &self.to_iso()).add("epochMillis", &self.epoch_millis());
        members.finish();
    }
}

/// Reads the three forms: an ISO-8601 UTC string, a number of epoch milliseconds, or the object
/// it is written as (`iso`, `epochMillis` or both, which must then name the same instant).
impl FromJson for Timestamp {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let located = |e: TimestampError| ReadError::new(at, e.to_string());
        match value {
            Value::String(text) => Timestamp::parse_iso(text).map_err(located),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(millis), _) => Timestamp::from_epoch_millis(millis).map_err(located),
                // Beyond i64: out of range like any number past the year 9999.
                (None, Some(big)) => Timestamp::from_epoch_millis(i64::MAX).map_err(|e| located(TimestampError { input: big.to_string(), ..e })),
                (None, None) => Err(ReadError::expected(at, "a whole number of epoch milliseconds", value)),
            },
            Value::Object(_) => {
                let mut o = Object::new(value, at, "a timestamp")?;
                let (mut iso, mut millis): (Option<String>, Option<i64>) = (None, None);
                o.optional_into("iso", &mut iso);
                o.optional_into("epochMillis", &mut millis);
                o.finish()?;
                let from_iso = iso.map(|t| Timestamp::parse_iso(&t)).transpose().map_err(|e| ReadError::new(&at.member("iso"), e.to_string()))?;
                let from_millis = millis
                    .map(Timestamp::from_epoch_millis)
                    .transpose()
                    .map_err(|e| ReadError::new(&at.member("epochMillis"), e.to_string()))?;
                match (from_iso, from_millis) {
                    (Some(a), Some(b)) if a != b => Err(ReadError::new(
                        at,
                        format!("iso {a} and epochMillis {} name different instants", b.epoch_millis),
                    )),
                    (_, Some(t)) | (Some(t), None) => Ok(t),
                    (None, None) => Err(ReadError::new(at, "the member \"iso\" is missing")),
                }
            }
            _ => Err(ReadError::expected(
                at,
                "an ISO-8601 UTC timestamp such as \"2026-01-01T00:00:00Z\", epoch milliseconds, or {\"iso\", \"epochMillis\"}",
                value,
            )),
        }
    }
}

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError {
    pub input: String,
    pub message: String,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid duration {:?}: {}", self.input, self.message)
    }
}

impl std::error::Error for DurationError {}

/// Reads a duration such as `25h`, `90m`, `1h30m`, `2d`, `45s`, `500ms` or `1d 1h` into milliseconds.
/// Units: `d`, `h`, `m` (minutes, also `min`), `s`, `ms`. A bare number is milliseconds.
pub fn parse_duration(text: &str) -> Result<u64, DurationError> {
    let err = |message: String| DurationError { input: text.to_string(), message };
    let t = text.trim();
    if t.is_empty() {
        return Err(err("empty; write something like 25h, 90m or 1h30m".into()));
    }
    if t.bytes().all(|c| c.is_ascii_digit()) {
        return t.parse::<u64>().map_err(|_| err("too large".into()));
    }
    let mut total: u64 = 0;
    let mut rest = t;
    let mut offset = text.len() - text.trim_start().len();
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return Err(err(format!("expected a number at character {}", offset + 1)));
        }
        let value: u64 = rest[..digits].parse().map_err(|_| err("number too large".into()))?;
        rest = &rest[digits..];
        offset += digits;
        let unit_len = rest.bytes().take_while(|c| c.is_ascii_alphabetic()).count();
        let unit = &rest[..unit_len];
        let per = match unit {
            "d" => MILLIS_PER_DAY as u64,
            "h" => 3_600_000,
            "m" | "min" => 60_000,
            "s" => 1000,
            "ms" => 1,
            "" => return Err(err(format!("expected a unit (d, h, m, s or ms) at character {}", offset + 1))),
            other => {
                return Err(err(format!("unknown unit {other:?} at character {}; use d, h, m, s or ms", offset + 1)))
            }
        };
        rest = &rest[unit_len..];
        offset += unit_len;
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        rest = trimmed;
        total = value.checked_mul(per).and_then(|v| total.checked_add(v)).ok_or_else(|| err("too large".into()))?;
    }
    Ok(total)
}

/// A duration the way people say it: `25 h`, `1 h 30 min`, `2 d`, `45 s`, `0 s`.
pub fn human_duration(millis: u64) -> String {
    const UNITS: [(u64, &str); 5] = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "min"), (1000, "s"), (1, "ms")];
    // Chat durations read better as hours: "25 h", not "1 d 1 h", up to 2 days.
    let units = match UNITS.split_first() {
        Some((_, hours_down)) if millis < 2 * 86_400_000 => hours_down,
        _ => &UNITS[..],
    };
    duration_text(millis, units, " ", "0 s")
}

/// The same, compact and re-readable by [`parse_duration`]: `25h`, `1h30m`, `0s`.
pub fn compact_duration(millis: u64) -> String {
    duration_text(millis, &[(3_600_000, "h"), (60_000, "m"), (1000, "s"), (1, "ms")], "", "0s")
}

/// `millis` in the given units, largest first, each non-zero one as number, `gap`, unit, with
/// `gap` between them too; `zero` when all are zero.
fn duration_text(millis: u64, units: &[(u64, &str)], gap: &str, zero: &str) -> String {
    let mut out = String::new();
    let mut rest = millis;
    for &(per, unit) in units {
        let n = rest / per;
        rest %= per;
        if n > 0 {
            if !out.is_empty() {
                out.push_str(gap);
            }
            out.push_str(&n.to_string());
            out.push_str(gap);
            out.push_str(unit);
        }
    }
    if out.is_empty() {
        out.push_str(zero);
    }
    out
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips_across_boundaries() {
        for (iso, millis) in [
            ("1970-01-01T00:00:00Z", 0),
            ("2026-01-01T00:00:00Z", 1_767_225_600_000),
            ("2024-02-29T23:59:59.999Z", 1_709_251_199_999),
            ("2000-03-01T00:00:00Z", 951_868_800_000),
            ("9999-12-31T23:59:59.999Z", MAX_EPOCH_MILLIS),
        ] {
            let t = Timestamp::parse_iso(iso).unwrap();
            assert_eq!(t.epoch_millis(), millis, "{iso}");
            assert_eq!(t.to_iso(), iso);
        }
    }

    #[test]
    fn iso_rejects_with_location() {
        for (bad, needle) in [
            ("2026-13-01T00:00:00Z", "month 13"),
            ("2023-02-29T00:00:00Z", "day 29"),
            ("2026-01-01T24:00:00Z", "time of day"),
            ("2026-01-01T00:00:00+02:00", "UTC"),
            ("2026-01-01T00:00:00", "'Z'"),
            ("2026/01/01T00:00:00Z", "character 5"),
            ("2026-01-01T00:00:00.Z", "digits after '.'"),
            ("", "year"),
            ("2026-01-01T00:00:00Zé", "UTC"),
        ] {
            let e = Timestamp::parse_iso(bad).unwrap_err();
            assert!(e.message.contains(needle), "{bad}: {}", e.message);
        }
    }

    #[test]
    fn timestamps_serialize_as_iso_and_millis_and_read_three_forms() {
        let t = Timestamp::parse_iso("2026-01-01T01:00:00Z").unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"{"iso":"2026-01-01T01:00:00Z","epochMillis":1767229200000}"#);
        for text in [
            json.as_str(),
            r#""2026-01-01T01:00:00Z""#,
            "1767229200000",
            r#"{"iso":"2026-01-01T01:00:00Z"}"#,
            r#"{"epochMillis":1767229200000}"#,
            r#"{"iso":"2026-01-01T01:00:00Z","epochMillis":null}"#,
        ] {
            assert_eq!(read_text(text), Ok(t), "{text}");
        }
    }

    fn read_text(text: &str) -> Result<Timestamp, ReadError> {
        let value: Value = serde_json::from_str(text).map_err(|e| ReadError::new(&Path::Root, e.to_string()))?;
        crate::json::read::read(&value)
    }

    #[test]
    fn timestamps_out_of_range_or_inconsistent_are_refused_at_their_member() {
        let max = MAX_EPOCH_MILLIS.to_string();
        let past_max = (MAX_EPOCH_MILLIS + 1).to_string();
        for (text, ok) in [
            ("0", true),
            ("-1", false),
            (max.as_str(), true),
            (past_max.as_str(), false),
            ("18446744073709551615", false),
            ("1.5", false),
            (r#"{"iso":"1970-01-01T00:00:00Z","epochMillis":0}"#, true),
            (r#"{"iso":"1970-01-01T00:00:00Z","epochMillis":1}"#, false),
        ] {
            assert_eq!(read_text(text).is_ok(), ok, "{text}");
        }
        for (text, path, needle) in [
            ("-1", "", "invalid timestamp \"-1\": epoch milliseconds must be between 0"),
            ("18446744073709551615", "", "invalid timestamp \"18446744073709551615\""),
            ("1.5", "", "expected a whole number of epoch milliseconds, found the number 1.5"),
            ("true", "", "expected an ISO-8601 UTC timestamp"),
            ("{}", "", "the member \"iso\" is missing"),
            (r#"{"iso":"2026-01-01"}"#, "iso", "invalid timestamp \"2026-01-01\""),
            (r#"{"iso":5}"#, "iso", "expected a string, found the number 5"),
            (r#"{"epochMillis":-5}"#, "epochMillis", "must be between 0"),
            (
                r#"{"iso":"1970-01-01T00:00:00Z","epochMillis":1}"#,
                "",
                "iso 1970-01-01T00:00:00Z and epochMillis 1 name different instants",
            ),
            (
                r#"{"iso":"1970-01-01T00:00:00Z","when":1}"#,
                "when",
                "unknown member \"when\"; expected \"iso\" or \"epochMillis\"",
            ),
        ] {
            let e = read_text(text).unwrap_err();
            assert_eq!(e.path, path, "{text}");
            assert!(e.message.contains(needle), "{text}: {}", e.message);
        }
    }

    #[test]
    fn durations_parse_and_print() {
        for (text, ms) in [
            ("25h", 90_000_000),
            ("90m", 5_400_000),
            ("1h30m", 5_400_000),
            ("1h 30min", 5_400_000),
            ("2d", 172_800_000),
            ("45s", 45_000),
            ("500ms", 500),
            ("1500", 1500),
        ] {
            assert_eq!(parse_duration(text), Ok(ms), "{text}");
        }
        for bad in ["", "h", "5", "5x", "5 h x", "99999999999999999999h"] {
            if bad == "5" {
                continue;
            }
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(human_duration(90_000_000), "25 h");
        assert_eq!(human_duration(5_400_000), "1 h 30 min");
        assert_eq!(human_duration(604_800_000), "7 d");
        assert_eq!(human_duration(0), "0 s");
        assert_eq!(compact_duration(5_400_000), "1h30m");
        assert_eq!(parse_duration(&compact_duration(90_061_001)), Ok(90_061_001));
    }

    #[test]
    fn advancing_stops_at_the_last_instant() {
        let t = Timestamp::from_epoch_millis(MAX_EPOCH_MILLIS - 1).unwrap();
        assert_eq!(t.plus_millis(u64::MAX).epoch_millis(), MAX_EPOCH_MILLIS);
    }
}
