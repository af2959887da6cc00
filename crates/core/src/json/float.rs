//! Decimal text to the nearest `f64`, correctly rounded (ties to even), giving the same bits as
//! `str::parse::<f64>` and as serde_json with its `float_roundtrip` feature, in little code and
//! almost no data (the standard library's parser carries a 10 KiB table).
//!
//! A number is read as its significant digits `D` and a power of ten `e`: the value is `D × 10^e`.
//!
//! - Values too large for an `f64` (at least `10^309`) give infinity and values below
//!   `10^-324` (less than half the smallest subnormal, `2^-1074`) give zero, without arithmetic,
//!   so huge exponents cost nothing and overflow nothing.
//! - When `D ≤ 2^53` and `|e| ≤ 22`, `D` and `10^|e|` are both exact `f64`s, so one
//!   multiplication or division rounds once, correctly (Clinger's fast path). `e` up to 37 is
//!   taken too when `D × 10^(e-22)` is still at most `2^53`.
//! - Anything else is worked out exactly with big integers: `D × 10^e = P / Q × 2^e` with `P` and
//!   `Q` whole numbers (`5^e` goes into one of them), scaled by a power of two so that the
//!   quotient has 63 or 64 bits, divided by schoolbook long division, and rounded with the
//!   remainder as a sticky bit. This takes about a microsecond where the fast path takes tens of
//!   nanoseconds, and only some numbers come here: those whose significant digits exceed `2^53`
//!   (all with 17 digits or more, some with 16), or whose power of ten is past ±22.
//!
//! Only the first [`MAX_DIGITS`] significant digits are kept, with one more digit `1` standing
//! for any non-zero digits after them. This is exact: every point halfway between two adjacent
//! `f64`s, where rounding changes, has at most 767 significant digits, so none lies strictly
//! between the kept digits and the kept digits plus one unit in their last place, the interval
//! holding both the true value and the stand-in. It also bounds the work on a number of 100,000
//! digits.

use std::cmp::Ordering;

/// Significant digits kept exactly; see the module documentation for why more are never needed.
const MAX_DIGITS: usize = 800;

/// Reads a number in JSON's syntax (`-`, digits, an optional fraction, an optional exponent),
/// except that leading zeros are allowed, as the nearest `f64`: infinite when it is too large,
/// `None` when the text is not such a number.
pub(super) fn parse(text: &[u8]) -> Option<f64> {
    let (negative, text) = match text {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, text),
    };
    let split = text
        .iter()
        .position(|&b| b == b'e' || b == b'E')
        .unwrap_or(text.len());
    let (mantissa, exponent) = text.split_at(split);
    let (whole, fraction) = match mantissa.iter().position(|&b| b == b'.') {
        Some(point) => (&mantissa[..point], Some(&mantissa[point + 1..])),
        None => (mantissa, None),
    };
    if !all_digits(whole) || !fraction.is_none_or(all_digits) {
        return None;
    }
    let exponent = match exponent {
        [] => 0,
        [_, b'+', digits @ ..] | [_, digits @ ..] if all_digits(digits) => exponent_value(digits),
        [_, b'-', digits @ ..] if all_digits(digits) => -exponent_value(digits),
        _ => return None,
    };

    // `scale` counts whole digits from the first significant one, less leading zeros of the
    // fraction: the value is `0.d₁d₂… × 10^(scale + exponent)`. `count` runs to the last
    // non-zero digit; `zeros` are zeros seen since the last non-zero digit, not yet counted.
    let mut scale: i64 = 0;
    let mut count: usize = 0;
    let mut zeros: usize = 0;
    let mut value: Option<u64> = Some(0);
    let digits = whole
        .iter()
        .map(|&b| (b, true))
        .chain(fraction.unwrap_or_default().iter().map(|&b| (b, false)));
    for (byte, is_whole) in digits {
        let digit = byte - b'0';
        if count == 0 && digit == 0 {
            scale -= i64::from(!is_whole);
            continue;
        }
        scale += i64::from(is_whole);
        if digit == 0 {
            zeros += 1;
            continue;
        }
        for _ in 0..zeros {
            value = value.and_then(|v| v.checked_mul(10));
        }
        value = value
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(u64::from(digit)));
        count += zeros + 1;
        zeros = 0;
    }
    let magnitude = if count == 0 {
        0.0
    } else {
        // The value lies in [10^(point - 1), 10^point).
        let point = scale.saturating_add(exponent);
        if point > 309 {
            f64::INFINITY
        } else if point < -323 {
            0.0
        } else {
            let kept = count.min(MAX_DIGITS);
            // |point| ≤ 324 and kept ≤ 800, so no overflow.
            let power = point - kept as i64;
            match value {
                Some(value) if count == kept => fast(value, power),
                _ => None,
            }
            .unwrap_or_else(|| {
                let digits = whole
                    .iter()
                    .chain(fraction.unwrap_or_default())
                    .map(|&b| b - b'0')
                    .skip_while(|&d| d == 0)
                    .take(kept);
                slow(digits, count > kept, power)
            })
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

fn all_digits(digits: &[u8]) -> bool {
    !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
}

/// The exponent's digits as a number, stopping at 10^15: past that every value is infinite or
/// zero anyway (no text has 10^15 digits), and sums with it cannot overflow.
fn exponent_value(digits: &[u8]) -> i64 {
    digits.iter().fold(0, |n: i64, &b| {
        (n * 10 + i64::from(b - b'0')).min(1_000_000_000_000_000)
    })
}

/// `value × 10^power` by Clinger's fast path, when it applies.
fn fast(value: u64, power: i64) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    if value > EXACT {
        return None;
    }
    // Every power of ten up to 10^22 is an exact `f64`, and so is each product on the way.
    let ten = |n: i64| (0..n).fold(1.0, |p: f64, _| p * 10.0);
    // Whole numbers up to 2^53 convert to `f64` exactly.
    match power {
        0..=22 => Some(value as f64 * ten(power)),
        -22..=-1 => Some(value as f64 / ten(-power)),
        23..=37 => {
            let shifted = (22..power).try_fold(value, |v, _| v.checked_mul(10))?;
            (shifted <= EXACT).then(|| shifted as f64 * ten(22))
        }
        _ => None,
    }
}

/// `D × 10^power`, where `D` has the given decimal digits, followed by a `1` when `more` is set
/// (standing for non-zero digits dropped), exactly rounded with big integers.
fn slow(digits: impl Iterator<Item = u8>, more: bool, mut power: i64) -> f64 {
    let mut p = Vec::new();
    // Nine digits at a time: 10^9 < 2^32.
    let (mut chunk, mut ten) = (0, 1);
    for digit in digits.chain(more.then_some(1)) {
        chunk = chunk * 10 + u32::from(digit);
        ten *= 10;
        if ten == 1_000_000_000 {
            mul_add(&mut p, ten, chunk);
            (chunk, ten) = (0, 1);
        }
    }
    mul_add(&mut p, ten, chunk);
    power -= i64::from(more);
    // The value is p / q × 2^power.
    let mut q = vec![1];
    let fives = if power < 0 { &mut q } else { &mut p };
    mul_pow5(fives, power.unsigned_abs());
    // Scale p by 2^shift (q by 2^-shift when negative) so that p / q lies in (2^62, 2^64), then
    // both so that q's top limb has its top bit set, as the division below needs.
    let shift = 63 - bits(&p) + bits(&q);
    shl(&mut p, shift.max(0).unsigned_abs());
    shl(&mut q, (-shift).max(0).unsigned_abs());
    let normal = q.last().map_or(0, |limb| limb.leading_zeros());
    shl(&mut p, normal.into());
    shl(&mut q, normal.into());
    // Long division in base 2^32 (Knuth's algorithm D), for the two digits of the quotient: each
    // digit estimated from the top two limbs of the remainder and the top limb of q is at most 2
    // too large, and corrected down.
    let top = q.last().map_or(1, |&limb| u64::from(limb));
    let limb = |p: &[u32], i: usize| p.get(i).map_or(0, |&limb| u64::from(limb));
    let mut quotient: u64 = 0;
    for place in [1, 0] {
        let at = q.len().saturating_sub(1) + place;
        let estimate = ((limb(&p, at + 1) << 32) | limb(&p, at)) / top;
        let mut digit = estimate.min(u64::from(u32::MAX)) as u32;
        let mut unit = q.clone();
        shl(&mut unit, 32 * place as u64);
        let mut product = unit.clone();
        mul_add(&mut product, digit, 0);
        while compare(&product, &p) == Ordering::Greater {
            sub(&mut product, &unit);
            digit -= 1;
        }
        sub(&mut p, &product);
        quotient = quotient << 32 | u64::from(digit);
    }
    round(quotient, !p.is_empty(), power - shift)
}

/// `(m + s) × 2^exponent` rounded to the nearest `f64`, ties to even, where `m` has at least 55
/// bits and `s` is a fraction in (0, 1) when `sticky` is set, else 0.
fn round(m: u64, sticky: bool, exponent: i64) -> f64 {
    let width = i64::from(64 - m.leading_zeros());
    // The value lies in [2^top, 2^(top + 1)).
    let top = width - 1 + exponent;
    if top > 1023 {
        return f64::INFINITY;
    }
    if top < -1075 {
        return 0.0;
    }
    // Bits of m kept: 53 for a normal number, fewer for a subnormal one, whose last bit is worth
    // 2^-1074. m has at least 55 bits, so at least 2 are dropped.
    let kept = (top + 1075).min(53);
    let dropped = u32::try_from(width - kept).unwrap_or(64).clamp(1, 64);
    let mut rounded = m.checked_shr(dropped).unwrap_or(0);
    let rest = m & (u64::MAX >> (64 - dropped));
    let half = 1 << (dropped - 1);
    if rest > half || (rest == half && (sticky || rounded & 1 == 1)) {
        rounded += 1;
    }
    // A normal number's biased exponent is top + 1023; adding `rounded`, which holds the
    // implicit bit (2^52), adds the missing 1. A carry to 2^53 moves to the next exponent, up to
    // infinity's bits. A subnormal number's bits are `rounded` itself.
    let biased = u64::try_from(top + 1022).unwrap_or(0);
    f64::from_bits((biased << 52) + rounded)
}

/// The shortest decimal `digits × 10^exponent` that reads back as `value` (finite and above
/// zero), the nearer to `value` when two are as short, ties to an even `digits`: the number
/// serde_json (with Ryū's rule) writes, `digits` without trailing zeros.
///
/// It is worked out from the exact decimal expansion of `value` (at most 767 significant digits),
/// rounded to 1, 2, … digits, each try read back with [`parse`] until one gives `value`: 17
/// digits always do. A rounding that is not the nearer one is tried too, as the gap below a
/// power of two is half the gap above it. This costs big-number arithmetic for every digit
/// tried, so the writer keeps it for numbers its quick forms do not cover.
pub(crate) fn shortest(value: f64) -> (u64, i64) {
    let bits = value.to_bits();
    let biased = (bits >> 52) & 0x7FF;
    let fraction = bits & ((1 << 52) - 1);
    // value = m × 2^e.
    let (m, e) = match biased {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, biased as i64 - 1075),
    };
    let mut n = vec![m as u32, (m >> 32) as u32];
    trim(&mut n);
    // value = n × 10^power: 2^-k is 5^k × 10^-k.
    let mut power = 0;
    if e >= 0 {
        shl(&mut n, e.unsigned_abs());
    } else {
        mul_pow5(&mut n, e.unsigned_abs());
        power = e;
    }
    // n's decimal digits, the last first, without trailing zeros.
    let mut digits = Vec::new();
    while !n.is_empty() {
        let digit = div_rem(&mut n, 10);
        if digit == 0 && digits.is_empty() {
            power += 1;
        } else {
            digits.push(digit as u8);
        }
    }
    digits.reverse();
    let mut kept = 0u64;
    for (index, &digit) in digits.iter().enumerate() {
        kept = kept * 10 + u64::from(digit);
        let rest = digits.get(index + 1..).unwrap_or_default();
        let exponent = power + rest.len() as i64;
        // The rest is not zero (its last digit is not), so `[5]` alone is exactly a half.
        let up_nearer = match rest {
            [] => false,
            [5] => kept % 2 == 1,
            [first, ..] => *first >= 5,
        };
        let (nearer, farther) = if up_nearer {
            (kept + 1, kept)
        } else {
            (kept, kept + 1)
        };
        if rest.is_empty() || index >= 16 || reads_back(nearer, exponent, value) {
            return without_zeros(nearer, exponent);
        }
        if reads_back(farther, exponent, value) {
            return without_zeros(farther, exponent);
        }
    }
    (kept, power)
}

/// Whether `digits × 10^exponent` reads as `value`.
fn reads_back(digits: u64, exponent: i64, value: f64) -> bool {
    let mut text = String::new();
    crate::encode::unsigned(&mut text, digits);
    text.push('e');
    if exponent < 0 {
        text.push('-');
    }
    crate::encode::unsigned(&mut text, exponent.unsigned_abs());
    parse(text.as_bytes()) == Some(value)
}

/// `digits × 10^exponent` with the trailing zeros of `digits` moved into the exponent.
fn without_zeros(mut digits: u64, mut exponent: i64) -> (u64, i64) {
    while digits != 0 && digits % 10 == 0 {
        digits /= 10;
        exponent += 1;
    }
    (digits, exponent)
}

// Big whole numbers: 32-bit limbs, least significant first, without high zero limbs (zero is
// empty), so longer means larger.

/// a = a × m + add.
fn mul_add(a: &mut Vec<u32>, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in a.iter_mut() {
        let x = u64::from(*limb) * u64::from(m) + carry;
        *limb = x as u32;
        carry = x >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
    trim(a);
}

/// a = a / d, returning the remainder.
fn div_rem(a: &mut Vec<u32>, d: u32) -> u32 {
    let mut rest = 0u64;
    for limb in a.iter_mut().rev() {
        let x = rest << 32 | u64::from(*limb);
        *limb = (x / u64::from(d)) as u32;
        rest = x % u64::from(d);
    }
    trim(a);
    rest as u32
}

/// a = a × 5^n.
fn mul_pow5(a: &mut Vec<u32>, mut n: u64) {
    while n > 0 {
        // 5^13 is the largest power of five below 2^32.
        let step = n.min(13);
        mul_add(a, 5u32.pow(step as u32), 0);
        n -= step;
    }
}

/// a = a × 2^n.
fn shl(a: &mut Vec<u32>, n: u64) {
    if a.is_empty() {
        return;
    }
    if n % 32 != 0 {
        mul_add(a, 1 << (n % 32), 0);
    }
    let limbs = usize::try_from(n / 32).unwrap_or(0);
    if limbs > 0 {
        a.splice(0..0, std::iter::repeat_n(0, limbs));
    }
}

/// The number of bits of a.
fn bits(a: &[u32]) -> i64 {
    let top = a.last().map_or(0, |&limb| 32 - limb.leading_zeros());
    (a.len().saturating_sub(1) * 32) as i64 + i64::from(top)
}

fn compare(a: &[u32], b: &[u32]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// a = a - b, for a ≥ b.
fn sub(a: &mut Vec<u32>, b: &[u32]) {
    let mut borrow = false;
    for (i, limb) in a.iter_mut().enumerate() {
        let (x, under1) = limb.overflowing_sub(b.get(i).copied().unwrap_or(0));
        let (x, under2) = x.overflowing_sub(u32::from(borrow));
        *limb = x;
        borrow = under1 || under2;
    }
    trim(a);
}

/// Drops high zero limbs (left by multiplying by zero or by subtracting).
fn trim(a: &mut Vec<u32>) {
    while a.last() == Some(&0) {
        a.pop();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, clippy::unwrap_used)] // a failing test panics
    use super::parse;
    use proptest::prelude::*;

    /// The standard library's reading of `text`, as bits.
    fn std_bits(text: &str) -> u64 {
        text.parse::<f64>()
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .to_bits()
    }

    /// `None` when `parse` gives the standard library's bits for `text`, else both readings.
    fn disagreement(text: &str) -> Option<String> {
        let ours = parse(text.as_bytes()).map(f64::to_bits);
        let theirs = std_bits(text);
        (ours != Some(theirs)).then(|| {
            let ours = ours.map(f64::from_bits);
            format!("{text:?}: ours {ours:?}, std {:?}", f64::from_bits(theirs))
        })
    }

    #[track_caller]
    fn check(text: &str) {
        assert_eq!(disagreement(text), None);
        let negative = format!("-{text}");
        assert_eq!(disagreement(&negative), None);
    }

    /// The exact decimal expansion of the point halfway between `x` (finite, not negative) and
    /// the next `f64` up.
    fn halfway(x: f64) -> String {
        let next = f64::from_bits(x.to_bits() + 1);
        // Exact expansions, with 1,100 decimals (an `f64` has at most 1,074).
        let digits = |x: f64| -> Vec<u8> {
            format!("{x:.1100}")
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|b| b - b'0')
                .collect()
        };
        let (mut a, mut b) = (digits(x), digits(next));
        let width = a.len().max(b.len()) + 1;
        for v in [&mut a, &mut b] {
            v.splice(0..0, std::iter::repeat_n(0, width - v.len()));
        }
        // (a + b) × 5, then one more decimal: (a + b) / 2.
        let mut carry = 0;
        for (a, b) in a.iter_mut().zip(&b).rev() {
            let sum = *a + b + carry;
            *a = sum % 10;
            carry = sum / 10;
        }
        let mut carry = 0;
        for a in a.iter_mut().rev() {
            let product = *a * 5 + carry;
            *a = product % 10;
            carry = product / 10;
        }
        let text: String = a.iter().map(|&d| char::from(b'0' + d)).collect();
        let (whole, fraction) = text.split_at(text.len() - 1101);
        let whole = whole.trim_start_matches('0');
        let whole = if whole.is_empty() { "0" } else { whole };
        let fraction = fraction.trim_end_matches('0');
        let fraction = if fraction.is_empty() { "0" } else { fraction };
        format!("{whole}.{fraction}")
    }

    /// `text` (digits with one point) with its digits from the first significant one, cut to
    /// `count` of them, written as a whole number and an exponent.
    fn cut(text: &str, count: usize) -> String {
        let point = text.find('.').unwrap_or(text.len());
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let leading = digits.len() - digits.trim_start_matches('0').len();
        let end = (leading + count).min(digits.len());
        let exponent = point as i64 - end as i64;
        format!("{}e{exponent}", &digits[..end])
    }

    #[test]
    fn edge_cases_read_as_the_standard_library_reads_them() {
        let cases = [
            "0",
            "0.0",
            "00000.00000e-5",
            "0e99999999999999999999",
            "0.000e-99999999999999999999",
            "1",
            "1.0",
            "0.1",
            "0.2",
            "0.3",
            "0.30000000000000004",
            "123.456",
            "1e0",
            "1E+2",
            "1e-2",
            "1.5e-3",
            "1e-324",
            "2e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "3e-324",
            "4.9e-324",
            "5e-324",
            "4.9406564584124654e-324",
            "7.4e-324",
            "7.5e-324",
            "1e-320",
            "2.225073858507201e-308",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "2.2250738585072009e-308",
            "2.225073858507201136057409796709131975934819546351645648e-308",
            "9007199254740991",
            "9007199254740992",
            "9007199254740993",
            "9007199254740994",
            "9007199254740995",
            "9007199254740993.0",
            "9007199254740993.000000000000000000000000001",
            "9007199254740992.999999999999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "18446744073709551617.5",
            "1e15",
            "1e22",
            "1e23",
            "8.41e21",
            "5e-20",
            "123456789e30",
            "9007199254740992e15",
            "9007199254740993e15",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623158079e308",
            "1.797693134862315807937289714053e308",
            "1.7976931348623159e308",
            "1.8e308",
            "1e308",
            "1e309",
            "1e400",
            "1e-400",
            "0.0000000000000000000000000000000000000000000000000000000000000001",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "0.000001e99999999999999999999",
            "100000000000000000000000000000000000000000000000000000000000000000",
            "0.00000000000000000000000000000000000000000000000000000000000000123e64",
            "123456789012345678901234567890e-40",
            "3.14159265358979323846264338327950288419716939937510582097494459",
            "2.718281828459045235360287471352662497757247093699959574966967627",
        ];
        for text in cases {
            check(text);
        }
        assert_eq!(parse(b"-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
        assert_eq!(parse(b"1e-400").map(f64::to_bits), Some(0));
        assert_eq!(parse(b"1.7976931348623159e308"), Some(f64::INFINITY));
        assert_eq!(parse(b"1.7976931348623158e308"), Some(f64::MAX));
    }

    #[test]
    fn long_and_halfway_numbers_read_as_the_standard_library_reads_them() {
        let points = [
            0.0,
            5e-324,
            1e-323,
            f64::MIN_POSITIVE,
            f64::from_bits(f64::MIN_POSITIVE.to_bits() - 1),
            1.0,
            0.1,
            9_007_199_254_740_992.0,
            1e23,
            f64::from_bits(f64::MAX.to_bits() - 1),
            f64::MAX,
        ];
        for x in points {
            let half = halfway(x);
            check(&half);
            check(&format!("{half}1"));
            check(&format!("{half}{}1", "0".repeat(1000)));
            check(&format!("{half}{}1e-2", "0".repeat(100_000)));
            for count in [
                1, 17, 18, 19, 20, 40, 100, 500, 767, 768, 799, 800, 801, 1000,
            ] {
                check(&cut(&half, count));
            }
        }
        // Past the kept digits, only whether a non-zero digit follows counts.
        let half = halfway(1.0);
        assert_eq!(parse(half.as_bytes()), Some(1.0));
        let above = format!("{half}{}1", "0".repeat(2000));
        assert_eq!(parse(above.as_bytes()), Some(1.0 + f64::EPSILON));
        check(&format!("0.{}1", "0".repeat(100_000)));
        check(&format!("1{}", "0".repeat(308)));
        check(&format!("1{}", "0".repeat(309)));
        check(&format!("1{}e-100000", "0".repeat(100_000)));
        check(&format!("{}1e-100", "0".repeat(10_000)));
        check(&format!("1.{}e400", "9".repeat(5000)));
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        let cases = [
            "", "-", ".", "-.", "1.", ".5", "-.5", "1e", "1e+", "1e-", "+1", "1.2.3", "1e5.5",
            "1e5e5", "0x10", "inf", "NaN", "1 ", " 1", "--1", "1-", "1_0", "e5", "1.e5",
        ];
        for text in cases {
            assert_eq!(parse(text.as_bytes()), None, "{text:?}");
        }
    }

    /// A finite `f64` that is not negative, from anywhere in the range.
    fn any_float() -> impl Strategy<Value = f64> {
        (0..0x7FF0_0000_0000_0000u64).prop_map(f64::from_bits)
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn digit_strings_read_as_the_standard_library_reads_them(
            text in "-?0{0,3}[0-9]{1,30}(\\.0{0,30}[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?",
        ) {
            prop_assert_eq!(disagreement(&text), None);
        }

        #[test]
        fn long_digit_strings_read_as_the_standard_library_reads_them(
            digits in "[1-9][0-9]{0,900}",
            exponent in -1300i32..400,
        ) {
            prop_assert_eq!(disagreement(&format!("{digits}e{exponent}")), None);
        }

        #[test]
        fn written_floats_read_back(x in any_float(), precision in 0usize..40) {
            for text in [
                format!("{x}"),
                format!("{x:e}"),
                format!("{x:.precision$e}"),
                format!("{x:.precision$}"),
                format!("{x:e}").replace('e', "0000000000000000000000000001e"),
            ] {
                prop_assert_eq!(disagreement(&text), None);
            }
            prop_assert_eq!(parse(format!("{x:e}").as_bytes()), Some(x));
        }

        #[test]
        fn numbers_near_halfway_read_as_the_standard_library_reads_them(
            x in any_float(),
            count in 1usize..900,
        ) {
            let half = halfway(x);
            prop_assert_eq!(disagreement(&half), None);
            prop_assert_eq!(disagreement(&format!("{half}1")), None);
            prop_assert_eq!(disagreement(&cut(&half, count)), None);
        }
    }
}
