//! JSON text without insignificant whitespace, made at compile time: the repository keeps the
//! built-in data files readable while the library carries them compact.
//!
//! Only whitespace outside strings goes; every string, escape and number is copied as written, so
//! the compact text reads into the same value. Nothing reads the built-in files for their layout
//! (a line or a column): a broken built-in file is caught by the tests, not reported to a user.

/// The length of `text` without whitespace outside strings.
pub(crate) const fn compact_len(text: &[u8]) -> usize {
    let mut kept = 0;
    let mut scan = Scan::START;
    let mut at = 0;
    while at < text.len() {
        let keep;
        (scan, keep) = scan.step(text[at]);
        if keep {
            kept += 1;
        }
        at += 1;
    }
    kept
}

/// `text` without whitespace outside strings; `N` is [`compact_len`] of `text`.
pub(crate) const fn compact<const N: usize>(text: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    let mut kept = 0;
    let mut scan = Scan::START;
    let mut at = 0;
    while at < text.len() {
        let keep;
        (scan, keep) = scan.step(text[at]);
        if keep {
            // A wrong `N` stops the build here, in constant evaluation, never at run time.
            out[kept] = text[at];
            kept += 1;
        }
        at += 1;
    }
    assert!(kept == N, "the compact length is not N");
    out
}

/// Where a byte of JSON text stands: outside strings, inside one, or just after a backslash.
#[derive(Clone, Copy)]
enum Scan {
    Outside,
    Inside,
    Escaped,
}

impl Scan {
    const START: Scan = Scan::Outside;

    /// The state after `byte`, and whether `byte` is kept.
    const fn step(self, byte: u8) -> (Scan, bool) {
        match self {
            Scan::Outside => match byte {
                b' ' | b'\t' | b'\n' | b'\r' => (Scan::Outside, false),
                b'"' => (Scan::Inside, true),
                _ => (Scan::Outside, true),
            },
            Scan::Inside => match byte {
                b'\\' => (Scan::Escaped, true),
                b'"' => (Scan::Outside, true),
                _ => (Scan::Inside, true),
            },
            Scan::Escaped => (Scan::Inside, true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &[u8] = b"{\n  \"a b\": [1, 2],\r\n\t\"c\\\" d\": \"\\\\\" , \"e\": {}\n}\n";
    const COMPACT: [u8; compact_len(TEXT)] = compact(TEXT);

    #[test]
    fn whitespace_goes_only_outside_strings() {
        assert_eq!(
            std::str::from_utf8(&COMPACT),
            Ok(r#"{"a b":[1,2],"c\" d":"\\","e":{}}"#)
        );
    }

    #[test]
    fn the_built_in_files_read_into_the_same_value() -> Result<(), serde_json::Error> {
        for text in [
            include_str!("../../data/rules.default.json"),
            include_str!("../../data/directory.kalsel.json"),
        ] {
            let compact = compact_vec(text.as_bytes());
            let read: serde_json::Value = serde_json::from_slice(&compact)?;
            assert_eq!(read, serde_json::from_str::<serde_json::Value>(text)?);
        }
        Ok(())
    }

    /// The same scan, at run time, for texts whose length is not a constant.
    fn compact_vec(text: &[u8]) -> Vec<u8> {
        let mut scan = Scan::START;
        let mut out = Vec::new();
        for &byte in text {
            let keep;
            (scan, keep) = scan.step(byte);
            if keep {
                out.push(byte);
            }
        }
        assert_eq!(out.len(), compact_len(text));
        out
    }
}
