//! Dates and date-times as RFC 3339 writes them, read strictly and without a format engine.
//!
//! A `full-date` is `YYYY-MM-DD`, a real calendar date; a `date-time` is a full date, `T`, hours,
//! minutes and seconds (a fraction allowed) and an offset (`Z` or `±hh:mm`). A leap second (`:60`)
//! is refused: no clock that records an assessment shows one.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

/// The number written by `digits` ASCII digits, all of them.
fn number(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |sum, byte| {
        byte.is_ascii_digit()
            .then(|| sum * 10 + u32::from(byte - b'0'))
    })
}

/// Reads `YYYY-MM-DD`: a date that exists (`2024-02-29`, not `2026-02-29`; see the tests).
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i32::try_from(number(&bytes[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&bytes[5..7])?, number(&bytes[8..10])?)
}

/// Reads an RFC 3339 `date-time`.
pub(crate) fn date_time(text: &str) -> Option<DateTime<FixedOffset>> {
    let bytes = text.as_bytes();
    let day = date(text.get(..10)?)?;
    if !matches!(bytes.get(10), Some(b'T' | b't'))
        || bytes.get(13) != Some(&b':')
        || bytes.get(16) != Some(&b':')
    {
        return None;
    }
    let (hour, minute, second) = (
        number(bytes.get(11..13)?)?,
        number(bytes.get(14..16)?)?,
        number(bytes.get(17..19)?)?,
    );
    let mut rest = &bytes[19..];
    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        // Nanoseconds: the first nine digits count, the rest are below a clock's resolution.
        for place in 0..9 {
            nanos = nanos * 10
                + fraction
                    .get(place)
                    .filter(|_| place < digits)
                    .map_or(0, |b| u32::from(b - b'0'));
        }
        rest = &fraction[digits..];
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = i32::try_from(number(&[*h1, *h2])?).ok()?;
            let minutes = i32::try_from(number(&[*m1, *m2])?).ok()?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let clock = NaiveTime::from_hms_nano_opt(hour, minute, second.min(60), nanos)
        .filter(|_| second < 60)?;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    // What `offset.from_local_datetime(..).single()` does, without its generic steps.
    let utc = day.and_time(clock).checked_sub_offset(offset)?;
    Some(DateTime::from_naive_utc_and_offset(utc, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_full_calendar_dates() {
        let cases = [
            ("2026-11-29", true),
            ("2024-02-29", true),
            ("2026-02-29", false),
            ("2026-1-29", false),
            ("2026-11-29T10:00:00Z", false),
            ("+2026-11-29", false),
            ("२०२६-11-29", false),
            ("0000-01-01", true),
            ("2026-13-01", false),
            ("2026-00-10", false),
        ];
        for (text, expected) in cases {
            assert_eq!(date(text).is_some(), expected, "{text}");
        }
    }

    #[test]
    fn date_times_agree_with_chrono() {
        let cases = [
            ("2026-11-29T10:00:00+08:00", true),
            ("2026-11-29t10:00:00.5z", true),
            ("2026-11-29T10:00:00.123456789123-01:30", true),
            ("2026-11-29T10:00:00Z", true),
            ("2026-11-29 10:00:00+08:00", false),
            ("2026-11-29T10:00+08:00", false),
            ("2026-11-29T10:00:00", false),
            ("2026-11-29T10:00:00.Z", false),
            ("2026-11-29T10:00:00+8:00", false),
            ("2026-11-29T10:00:00+24:00", false),
            ("2026-12-31T23:59:60Z", false),
            ("2026-11-29T24:00:00Z", false),
            ("2026-11-29T10:00:00Z ", false),
        ];
        for (text, expected) in cases {
            let ours = date_time(text);
            assert_eq!(ours.is_some(), expected, "{text}");
            if let Some(ours) = ours {
                assert_eq!(
                    Some(ours),
                    DateTime::parse_from_rfc3339(text).ok(),
                    "{text}"
                );
                // serde's reading (for callers who deserialize the model themselves) agrees.
                let theirs: Result<DateTime<FixedOffset>, _> =
                    serde_json::from_value(serde_json::Value::String(text.to_owned()));
                assert_eq!(theirs.ok(), Some(ours), "{text}");
            }
        }
    }
}
