//! Finding the line and column of the value a JSON Pointer names, in text that may be broken.

use super::read::Reader;
use super::{line_and_column, strip_bom, tokens};

/// The 1-based line and column (in characters) of the value a JSON Pointer names in JSON text.
///
/// For a repeated key the last occurrence is named, since that is the one in error. `None` when
/// the pointer names nothing in the text.
///
/// ```
/// let text = b"{\n  \"person\": {\n    \"nik\": \"123\"\n  }\n}";
/// assert_eq!(lindung::json::locate(text, "/person/nik"), Some((3, 12)));
/// assert_eq!(lindung::json::locate(text, ""), Some((1, 1)));
/// assert_eq!(lindung::json::locate(text, "/person/name"), None);
/// ```
pub fn locate(bytes: &[u8], pointer: &str) -> Option<(usize, usize)> {
    let bytes = strip_bom(bytes);
    let mut scanner = Scanner { bytes, pos: 0 };
    for token in tokens(pointer)? {
        scanner.space();
        match scanner.peek()? {
            b'{' => scanner.enter_member(&token)?,
            b'[' => scanner.enter_element(&token)?,
            _ => return None,
        }
    }
    scanner.space();
    scanner.peek()?;
    Some(line_and_column(bytes, scanner.pos))
}

/// A forgiving scanner over JSON text that finds values without building them.
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// At `{`: moves to the value of the last member named `key`.
    fn enter_member(&mut self, key: &str) -> Option<()> {
        self.pos += 1;
        let mut found = None;
        loop {
            self.space();
            match self.peek()? {
                b'}' => break,
                b'"' => {}
                _ => return None,
            }
            let name = self.string()?;
            self.expect(b':')?;
            self.space();
            if name == key {
                found = Some(self.pos);
            }
            self.skip_value()?;
            self.space();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => break,
                _ => return None,
            }
        }
        self.pos = found?;
        Some(())
    }

    /// At `[`: moves to the element at `index`.
    fn enter_element(&mut self, index: &str) -> Option<()> {
        let index = super::index(index)?;
        self.pos += 1;
        for _ in 0..index {
            self.space();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.expect(b',')?;
        }
        self.space();
        (self.peek()? != b']').then_some(())
    }

    /// Reads a string at the cursor and returns it unescaped.
    fn string(&mut self) -> Option<super::Str<'a>> {
        let mut reader = Reader::new(self.bytes);
        reader.pos = self.pos;
        let text = reader.string().ok()?;
        self.pos = reader.pos;
        Some(text)
    }

    fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }

    /// Skips one value, however deeply nested, without recursion.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.space();
            match self.peek()? {
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b'"' => self.skip_string()?,
                b',' | b':' if depth > 0 => self.pos += 1,
                b',' | b':' => return None,
                _ => {
                    let start = self.pos;
                    while !matches!(
                        self.peek(),
                        None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b']' | b'}')
                    ) {
                        self.pos += 1;
                    }
                    if self.pos == start {
                        return None;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_values_by_pointer() {
        let text = "{\"a\": [10, {\"b\": \"x\"}, [true]],\n \"c~d\": {\"e/f\": null},\n \"é\": \"ü\", \"g\": 1, \"g\": 2}";
        let cases: &[(&str, Option<(usize, usize)>)] = &[
            ("", Some((1, 1))),
            ("/a", Some((1, 7))),
            ("/a/0", Some((1, 8))),
            ("/a/1/b", Some((1, 18))),
            ("/a/2/0", Some((1, 25))),
            ("/a/3", None),
            ("/a/01", None),
            ("/a/+1", None),
            ("/c~0d/e~1f", Some((2, 17))),
            ("/é", Some((3, 7))),
            ("/g", Some((3, 25))),
            ("/missing", None),
            ("/a/b", None),
            ("no-slash", None),
        ];
        for (pointer, expected) in cases {
            assert_eq!(locate(text.as_bytes(), pointer), *expected, "{pointer}");
        }
    }

    #[test]
    fn locate_unescapes_keys() {
        let text = "{\"caf\\u00e9\": 1,\n \"a\\/b\": {\"\\\"\": [true]}}";
        assert_eq!(locate(text.as_bytes(), "/café"), Some((1, 15)));
        assert_eq!(locate(text.as_bytes(), "/a~1b/\"/0"), Some((2, 18)));
        // A key that cannot be read stops the search.
        assert_eq!(locate(br#"{"a": 1, "b\x": 2}"#, "/a"), None);
    }

    #[test]
    fn locate_survives_broken_text() {
        for text in [
            "",
            "{",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"\\",
            "{\"a\":1 \"b\":2}",
        ] {
            assert_eq!(locate(text.as_bytes(), "/a/0/b"), None, "{text:?}");
        }
    }
}
