//! Numbers read and written by the JavaScript host, in the WASM module built with the
//! `host-numbers` feature: the same two functions as `float.rs`, without its big-number
//! arithmetic, which the browser already carries.
//!
//! Both give what `float.rs` gives, bit for bit and digit for digit. Reading is `parseFloat`,
//! the nearest `f64`, as `float.rs` reads it (V8, SpiderMonkey and JavaScriptCore all round
//! correctly). Writing is `Number.prototype.toString`: the fewest digits that read back as the
//! number, the nearer when two are as few (Ryū's rule, which serde_json and `float.rs` follow).
//! `www/test/wasm.test.mjs` holds the host to the native library on numbers chosen to be hard;
//! the tests below hold [`digits`] to `float.rs` on the texts the host writes.

/// Reads a number in JSON's syntax, already checked by the reader, as the nearest `f64`:
/// infinite when it is too large.
#[cfg(all(feature = "host-numbers", target_arch = "wasm32"))]
pub(super) fn parse(text: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(text).ok()?;
    let value = host::parse_float(text);
    (!value.is_nan()).then_some(value)
}

/// The shortest digits that read back as `value` (positive and finite), with their power of
/// ten: `value` is `digits × 10^exponent`, `digits` without trailing zeros.
#[cfg(all(feature = "host-numbers", target_arch = "wasm32"))]
pub(crate) fn shortest(value: f64) -> (u64, i64) {
    digits(&host::number_text(value))
}

/// The two JavaScript functions the module calls.
#[cfg(all(feature = "host-numbers", target_arch = "wasm32"))]
mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// `parseFloat(text)`.
        #[wasm_bindgen(js_name = parseFloat)]
        pub(super) fn parse_float(text: &str) -> f64;

        /// `String(value)`: a number's text as `Number.prototype.toString` writes it.
        #[wasm_bindgen(js_name = String)]
        pub(super) fn number_text(value: f64) -> String;
    }
}

/// The digits and power of ten of a number as JavaScript writes it (`123.456`, `0.000001`,
/// `1.5e-7`, `1e+21`, `123456789012345680000`), trailing zeros moved into the power. JavaScript
/// writes at most 17 significant digits, which a `u64` holds.
pub(crate) fn digits(written: &str) -> (u64, i64) {
    let (mantissa, power) = written.split_once('e').unwrap_or((written, ""));
    let mut exponent: i64 = 0;
    for byte in power.bytes().filter(u8::is_ascii_digit) {
        exponent = exponent
            .saturating_mul(10)
            .saturating_add(i64::from(byte - b'0'));
    }
    if power.starts_with('-') {
        exponent = -exponent;
    }
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // Whole numbers up to 10^21 are written out, with their trailing zeros.
    let kept = if fraction.is_empty() {
        let kept = whole.trim_end_matches('0');
        exponent += (whole.len() - kept.len()) as i64;
        kept
    } else {
        whole
    };
    exponent -= fraction.len() as i64;
    let mut digits = 0u64;
    for byte in kept.bytes().chain(fraction.bytes()) {
        if byte.is_ascii_digit() {
            digits = digits
                .saturating_mul(10)
                .saturating_add(u64::from(byte - b'0'));
        }
    }
    (digits, exponent)
}

#[cfg(test)]
mod tests {
    use super::digits;

    #[test]
    fn digits_read_from_javascript_text_are_the_shortest_digits() {
        // Each value with the text `String(value)` gives in JavaScript.
        let written: &[(f64, &str)] = &[
            (5e-324, "5e-324"),
            (1e-323, "1e-323"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (f64::MAX, "1.7976931348623157e+308"),
            (1e23, "1e+23"),
            (9_007_199_254_740_992.0, "9007199254740992"),
            (1_125_899_906_842_624.2, "1125899906842624.2"),
            (1_125_899_906_842_624.8, "1125899906842624.8"),
            (1e21, "1e+21"),
            (123_456_789_012_345_680_000.0, "123456789012345680000"),
            (1e15, "1000000000000000"),
            (1.5e16, "15000000000000000"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (0.30000000000000004, "0.30000000000000004"),
            (123.456, "123.456"),
            (0.00001, "0.00001"),
            (0.00000435, "0.00000435"),
            (1_234_567_890_123.456_8, "1234567890123.4568"),
        ];
        for &(value, text) in written {
            assert_eq!(digits(text), super::super::float::shortest(value), "{text}");
        }
    }
}
