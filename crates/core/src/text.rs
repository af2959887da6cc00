//! Texts written from pieces: messages, pointers and problem parameters, without Rust's
//! formatting machinery.
//!
//! `format!`, `write!` and `to_string` on a number go through `core::fmt`, whose argument tables,
//! padding and integer writer cost about 2 KB of WASM code, kept alive by any one caller. The
//! module's paths write their texts here instead; the `Display` impls of the public error types
//! call the same message methods, so each wording lives once.

/// `pieces` written one after another.
///
/// ```
/// use lindung::text::{decimal, joined};
///
/// assert_eq!(joined(&["line ", &decimal(12), ", column ", &decimal(3)]), "line 12, column 3");
/// ```
pub fn joined(pieces: &[&str]) -> String {
    let mut out = String::new();
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// `value` in decimal, as `value.to_string()` writes it. Every unsigned width fits in a `u64`
/// (`usize` too, on every target the crate builds for).
///
/// ```
/// assert_eq!(lindung::text::decimal(1_048_576), "1048576");
/// ```
pub fn decimal(value: u64) -> String {
    let mut out = String::new();
    crate::encode::unsigned(&mut out, value);
    out
}

#[cfg(test)]
mod tests {
    use super::{decimal, joined};

    #[test]
    fn decimal_writes_what_to_string_writes() {
        let edges = [0, 1, 9, 10, 99, 100, 101, 1_000_000, u64::from(u32::MAX)];
        let around_max = (0..=20).map(|below| u64::MAX - below);
        let powers = (0..20).flat_map(|exponent| {
            let power = 10u64.pow(exponent);
            [power - 1, power, power + 1]
        });
        for value in edges.into_iter().chain(around_max).chain(powers) {
            assert_eq!(decimal(value), value.to_string());
        }
        for value in [0, 7, usize::MAX / 2, usize::MAX] {
            assert_eq!(decimal(value as u64), value.to_string());
        }
    }

    #[test]
    fn joined_writes_the_pieces_in_order() {
        assert_eq!(joined(&[]), "");
        assert_eq!(joined(&[""]), "");
        assert_eq!(joined(&["a", "", "bc", "é`"]), "abcé`");
        let pieces = ["`", "x", "`: ", "y"];
        assert_eq!(joined(&pieces), pieces.concat());
    }
}
