//! A small JSON writer for the documents the engine answers with: the result document, the form
//! definition and the visibility answer.
//!
//! Every type writes the very text `serde_json::to_string` writes for it (the same keys in the
//! same order, the same skipped fields, the same escapes and numbers), without serde's
//! serializer: a program that only answers in JSON text (the WASM module) is smaller for it.
//! The serde derives stay on the types for everyone else.
//!
//! ```
//! use lindung::encode::to_json;
//! let result = lindung::Engine::default().assess_json(b"{}", lindung::Lang::En);
//! assert_eq!(to_json(&result), serde_json::to_string(&result).unwrap());
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::json::{Number, Value};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

mod types;

/// A value that writes itself as compact JSON text.
pub trait Encode {
    /// Appends the JSON text of the value to `out`.
    fn encode(&self, out: &mut String);
}

/// The compact JSON text of a value.
pub fn to_json<T: Encode + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.encode(&mut out);
    out
}

/// Writes an object's key (a name that needs no escape), after a comma unless it is the first.
#[doc(hidden)]
pub fn key(out: &mut String, first: &mut bool, name: &str) {
    if !*first {
        out.push(',');
    }
    *first = false;
    out.push('"');
    out.push_str(name);
    out.push_str("\":");
}

/// Writes an object of named fields: `encode_struct!(Type { field: "jsonName", other: "other"
/// if Option::is_none })`, the fields in declaration order, a field skipped when its predicate
/// holds (as serde's `skip_serializing_if`); a type with lifetimes names them first:
/// `encode_struct!(<'a> Type<'a> { … })`.
#[macro_export]
#[doc(hidden)]
macro_rules! encode_struct {
    (<$($lt:lifetime),*> $ty:ty { $($field:ident : $name:literal $(if $skip:path)?),* $(,)? }) => {
        impl<$($lt),*> $crate::encode::Encode for $ty {
            fn encode(&self, out: &mut String) {
                let mut first = true;
                out.push('{');
                $(
                    if !(false $(|| $skip(&self.$field))?) {
                        $crate::encode::key(out, &mut first, $name);
                        $crate::encode::Encode::encode(&self.$field, out);
                    }
                )*
                let _ = first;
                out.push('}');
            }
        }
    };
    ($ty:ty { $($body:tt)* }) => {
        $crate::encode_struct!(<> $ty { $($body)* });
    };
}

/// Writes an enum of unit variants as its name: `encode_enum!(Type { Variant: "name", … })`.
#[macro_export]
#[doc(hidden)]
macro_rules! encode_enum {
    ($ty:ty { $($variant:ident : $name:literal),* $(,)? }) => {
        impl $crate::encode::Encode for $ty {
            fn encode(&self, out: &mut String) {
                out.push('"');
                out.push_str(match self {
                    $(<$ty>::$variant => $name,)*
                });
                out.push('"');
            }
        }
    };
}

/// Writes a string as a JSON string, escaped as serde_json escapes it.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let escape: &str = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(text.get(start..index).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = index + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// Writes an unsigned integer in decimal.
pub(crate) fn unsigned(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for digit in &digits[at..] {
        out.push(char::from(*digit));
    }
}

/// Writes a number in decimal with leading zeros to `width` digits.
fn padded(out: &mut String, value: u32, width: usize) {
    let mut digits = String::new();
    unsigned(&mut digits, u64::from(value));
    out.extend(std::iter::repeat_n('0', width.saturating_sub(digits.len())));
    out.push_str(&digits);
}

/// Writes a number as serde_json writes an `f64`: the shortest text that reads back as the
/// same number, with `.0` on whole numbers and `null` for a number that is not finite.
///
/// Whole numbers below 10¹⁵ and numbers of at most six decimals (from 10⁻⁵ on) are written
/// straight away; any other number from its shortest digits, which the JSON reader's float
/// module works out with big-number arithmetic. The WASM module, whose host works out the
/// shortest digits quickly, writes every number from them.
pub fn float(out: &mut String, value: f64) {
    if !value.is_finite() {
        out.push_str("null");
        return;
    }
    if value.is_sign_negative() {
        out.push('-');
    }
    let magnitude = value.abs();
    if !cfg!(all(feature = "host-numbers", target_arch = "wasm32")) && quick_float(out, magnitude) {
        return;
    }
    let (digits, exponent) = crate::json::shortest(magnitude);
    from_digits(out, digits, exponent);
}

/// Writes `magnitude` when it is a whole number below 10¹⁵ or has at most six decimals (from
/// 10⁻⁵ on), without working out its shortest digits; false when it is neither.
fn quick_float(out: &mut String, magnitude: f64) -> bool {
    if magnitude < 1e15 && magnitude.fract() == 0.0 {
        unsigned(out, magnitude as u64);
        out.push_str(".0");
        return true;
    }
    if (1e-5..1e9).contains(&magnitude) {
        let mut scale = 1.0;
        for places in 1..=6usize {
            scale *= 10.0;
            let scaled = (magnitude * scale).round();
            if scaled / scale == magnitude {
                let mut digits = String::new();
                unsigned(&mut digits, scaled as u64);
                if digits.len() <= places {
                    out.push_str("0.");
                    out.extend(std::iter::repeat_n('0', places - digits.len()));
                    out.push_str(&digits);
                } else {
                    let point = digits.len() - places;
                    out.push_str(digits.get(..point).unwrap_or_default());
                    out.push('.');
                    out.push_str(digits.get(point..).unwrap_or_default());
                }
                return true;
            }
        }
    }
    false
}

/// Writes `digits × 10^exponent` as serde_json writes the `f64` whose shortest digits they are.
fn from_digits(out: &mut String, digits: u64, exponent: i64) {
    if digits == 0 {
        out.push_str("0.0");
        return;
    }
    let mut text = String::new();
    unsigned(&mut text, digits);
    // The power of ten of the first digit: from 10⁻⁵ to 10¹⁵ the number is written out, past
    // them with an exponent (`1.5e+16`, `2e-7`), as serde_json writes it.
    let point = exponent + text.len() as i64 - 1;
    if !(-5..=15).contains(&point) {
        let (first, rest) = text.split_at_checked(1).unwrap_or((&text, ""));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push_str(if point < 0 { "e-" } else { "e+" });
        unsigned(out, point.unsigned_abs());
    } else if exponent >= 0 {
        out.push_str(&text);
        out.extend(std::iter::repeat_n('0', exponent.unsigned_abs() as usize));
        out.push_str(".0");
    } else if point >= 0 {
        let whole = point.unsigned_abs() as usize + 1;
        let (whole, fraction) = text.split_at_checked(whole).unwrap_or((&text, ""));
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize - 1));
        out.push_str(&text);
    }
}

impl Encode for str {
    fn encode(&self, out: &mut String) {
        string(out, self);
    }
}

impl Encode for String {
    fn encode(&self, out: &mut String) {
        string(out, self);
    }
}

impl Encode for Cow<'_, str> {
    fn encode(&self, out: &mut String) {
        string(out, self);
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! encode_unsigned {
    ($($ty:ty),*) => {
        $(impl Encode for $ty {
            fn encode(&self, out: &mut String) {
                unsigned(out, u64::from(*self));
            }
        })*
    };
}

encode_unsigned!(u8, u16, u32, u64);

impl Encode for i64 {
    fn encode(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        unsigned(out, self.unsigned_abs());
    }
}

impl Encode for f64 {
    fn encode(&self, out: &mut String) {
        float(out, *self);
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, out: &mut String) {
        (**self).encode(out);
    }
}

impl<T: Encode + ?Sized> Encode for Box<T> {
    fn encode(&self, out: &mut String) {
        (**self).encode(out);
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut String) {
        match self {
            Some(value) => value.encode(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, out: &mut String) {
        out.push('[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            item.encode(out);
        }
        out.push(']');
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut String) {
        self.as_slice().encode(out);
    }
}

impl<V: Encode> Encode for BTreeMap<String, V> {
    fn encode(&self, out: &mut String) {
        object(out, self);
    }
}

/// Writes named members as a JSON object, in the order given.
fn object<'a, K: AsRef<str> + ?Sized + 'a, V: Encode + 'a>(
    out: &mut String,
    members: impl IntoIterator<Item = (&'a K, &'a V)>,
) {
    out.push('{');
    for (index, (name, value)) in members.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        string(out, name.as_ref());
        out.push(':');
        value.encode(out);
    }
    out.push('}');
}

impl Encode for DateTime<FixedOffset> {
    fn encode(&self, out: &mut String) {
        // As chrono's serde support writes it: `Z` for UTC.
        out.push('"');
        date_time(out, self, true);
        out.push('"');
    }
}

/// Writes a date as chrono displays a `NaiveDate`: `YYYY-MM-DD`, a year outside 0000-9999 signed
/// (as ISO 8601 asks).
pub(crate) fn date(out: &mut String, date: NaiveDate) {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        out.push(if year < 0 { '-' } else { '+' });
    }
    padded(out, year.unsigned_abs(), 4);
    for value in [date.month(), date.day()] {
        out.push('-');
        padded(out, value, 2);
    }
}

/// A date as text, as chrono displays it (see [`date`]).
pub(crate) fn date_text(value: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    date(&mut out, value);
    out
}

/// Writes a date and time in RFC 3339 as chrono does: the fraction in 3, 6 or 9 digits when there
/// is one, the offset in minutes (its seconds rounded), and `Z` for UTC when `zulu` (else
/// `+00:00`, as `to_rfc3339` writes).
pub(crate) fn date_time(out: &mut String, at: &DateTime<FixedOffset>, zulu: bool) {
    let local = at.naive_local();
    date(out, local.date());
    let (mut second, mut nano) = (local.second(), local.nanosecond());
    if nano >= 1_000_000_000 {
        second += 1;
        nano -= 1_000_000_000;
    }
    for (separator, value) in [('T', local.hour()), (':', local.minute()), (':', second)] {
        out.push(separator);
        padded(out, value, 2);
    }
    if nano != 0 {
        out.push('.');
        if nano % 1_000_000 == 0 {
            padded(out, nano / 1_000_000, 3);
        } else if nano % 1_000 == 0 {
            padded(out, nano / 1_000, 6);
        } else {
            padded(out, nano, 9);
        }
    }
    let offset = at.offset().local_minus_utc();
    if offset == 0 && zulu {
        out.push('Z');
    } else {
        out.push(if offset < 0 { '-' } else { '+' });
        // Seconds of an offset round to the nearest minute.
        let minutes = (offset.unsigned_abs() + 30) / 60;
        padded(out, minutes / 60, 2);
        out.push(':');
        padded(out, minutes % 60, 2);
    }
}

/// A date and time as text, as chrono's `to_rfc3339` writes it (see [`date_time`]).
pub(crate) fn date_time_text(at: &DateTime<FixedOffset>) -> String {
    let mut out = String::with_capacity(25);
    date_time(&mut out, at, false);
    out
}

impl Encode for Number {
    fn encode(&self, out: &mut String) {
        match *self {
            Number::Unsigned(value) => unsigned(out, value),
            Number::Negative(value) => value.encode(out),
            Number::Float(value) => float(out, value),
        }
    }
}

impl Encode for Value<'_> {
    fn encode(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(value) => value.encode(out),
            Value::Number(number) => number.encode(out),
            Value::String(text) => string(out, text),
            Value::Array(items) => items.encode(out),
            Value::Object(members) => object(out, members),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let text: String = (0u8..0x80)
            .map(char::from)
            .chain("é ✓ 😀".chars())
            .collect();
        for sample in [text.as_str(), "", "plain", "\"\\", "a\u{7f}b\u{2028}"] {
            let expected = serde_json::to_string(sample).unwrap_or_default();
            assert_eq!(to_json(sample), expected);
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut samples = vec![
            0.0,
            -0.0,
            1.0,
            0.85,
            18.0,
            0.1,
            0.07,
            1e-5,
            0.000_015,
            123_456.789_012,
            1e15,
            1e16,
            -3.5,
            1e-7,
            1e300,
            0.1 + 0.2,
            999_999_999_999_999.0,
            2.5e-5,
        ];
        for n in 0..=1000 {
            samples.push(f64::from(n) / 100.0);
            samples.push((f64::from(n) * 37.0 / 1000.0 * 100.0).round() / 100.0);
            samples.push(f64::from(n) * 1.25e-3);
        }
        for value in samples {
            assert_eq!(float_disagreement(value), None);
        }
        assert_eq!(to_json(&f64::NAN), "null");
        for value in [0u64, 7, 10, 4_294_967_295, u64::MAX] {
            assert_eq!(to_json(&value), value.to_string());
        }
        for value in [0i64, -1, i64::MIN, i64::MAX] {
            assert_eq!(to_json(&value), value.to_string());
        }
    }

    /// serde_json's text for `value`, or why ours differs: both as written natively and as the
    /// WASM module writes it, from the shortest digits alone.
    fn float_disagreement(value: f64) -> Option<String> {
        let expected = serde_json::to_string(&value).unwrap_or_default();
        let written = to_json(&value);
        let mut from_shortest = String::from(if value.is_sign_negative() { "-" } else { "" });
        let (digits, exponent) = crate::json::shortest(value.abs());
        from_digits(&mut from_shortest, digits, exponent);
        if !value.is_finite() {
            from_shortest = expected.clone();
        }
        (written != expected || from_shortest != expected)
            .then(|| format!("{value:e}: ours {written} ({from_shortest}), serde_json {expected}"))
    }

    #[test]
    fn floats_past_the_quick_forms_are_written_as_serde_json_writes_them() {
        let mut samples = vec![
            5e-324,
            1e-323,
            f64::MIN_POSITIVE,
            f64::MAX,
            1e23,
            9_007_199_254_740_993.0,
            // Exactly halfway between the two nearest 17-digit numbers: ties go to the even one.
            1_125_899_906_842_624.0 + 0.25,
            1_125_899_906_842_624.0 + 0.75,
            123_456_789_012_345.67,
            999_999_999_999_999.9,
            1e15 + 0.5,
            9.999_999e-6,
            1.234_567_8e-5,
            0.300_000_000_000_000_04,
            1.7e308,
            2.5e-300,
        ];
        // Every power of two (where the gap below is half the gap above) and its neighbours.
        for biased in 0..2047u64 {
            let bits = biased << 52;
            for bits in [bits, bits + 1, bits + 2, bits | 0xF_FFFF_FFFF_FFFF] {
                samples.push(f64::from_bits(bits));
            }
            samples.push(f64::from_bits(bits.saturating_sub(1)));
        }
        for power in -30..=30 {
            samples.push(10f64.powi(power));
            samples.push(1.5 * 10f64.powi(power));
        }
        for value in samples {
            for value in [value, -value] {
                assert_eq!(float_disagreement(value), None);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 5_000,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn any_float_is_written_as_serde_json_writes_it(bits in 0..0x7FF0_0000_0000_0000u64) {
            proptest::prop_assert_eq!(float_disagreement(f64::from_bits(bits)), None);
        }

        #[test]
        fn short_decimals_are_written_as_serde_json_writes_them(
            digits in 1u64..100_000_000_000,
            exponent in -330i32..310,
        ) {
            let text = format!("{digits}e{exponent}");
            if let Ok(value) = text.parse::<f64>() {
                proptest::prop_assert_eq!(float_disagreement(value), None);
            }
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for text in [
            "2026-01-02T03:04:05+07:00",
            "2026-01-02T03:04:05.5+07:00",
            "2026-01-02T03:04:05.123456789-03:30",
            "2026-01-02T03:04:05.120Z",
            "2026-01-02T03:04:05+00:00",
            "2026-01-02T03:04:05.000001+05:45",
            "2026-12-31T23:59:60.25+07:00",
            "0001-01-02T03:04:05-00:00",
            "9999-12-31T23:59:59.999999999-23:59",
            "2026-01-02T03:04:05.100200300+14:00",
        ] {
            let at = DateTime::parse_from_rfc3339(text);
            assert!(at.is_ok(), "{text}");
            let Ok(at) = at else { continue };
            let expected = serde_json::to_string(&at).unwrap_or_default();
            assert_eq!(to_json(&at), expected);
            assert_eq!(date_time_text(&at), at.to_rfc3339(), "{text}");
        }
    }

    #[test]
    fn dates_no_text_can_hold_are_written_as_chrono_writes_them() {
        use chrono::{NaiveDate, TimeZone};
        // Years outside 0000-9999 and offsets with seconds come only from code, not from text.
        let offsets = [
            0,
            29,
            30,
            -30,
            -31,
            5 * 3600 + 30 * 60 + 31,
            -86_399,
            86_399,
            3_599,
        ];
        let years = [-123_456, -1, 0, 9_999, 10_000, 262_142];
        for (year, seconds) in years
            .iter()
            .flat_map(|y| offsets.iter().map(move |s| (*y, *s)))
        {
            let offset = FixedOffset::east_opt(seconds);
            let local = NaiveDate::from_ymd_opt(year, 6, 15)
                .and_then(|date| date.and_hms_nano_opt(12, 34, 56, 7_000));
            assert!(offset.is_some() && local.is_some(), "{year} {seconds}");
            let (Some(offset), Some(local)) = (offset, local) else {
                continue;
            };
            let Some(at) = offset.from_local_datetime(&local).single() else {
                continue;
            };
            let expected = serde_json::to_string(&at).unwrap_or_default();
            assert_eq!(to_json(&at), expected, "{year} {seconds}");
            assert_eq!(date_time_text(&at), at.to_rfc3339(), "{year} {seconds}");
            assert_eq!(date_text(local.date()), local.date().to_string(), "{year}");
        }
    }
}
