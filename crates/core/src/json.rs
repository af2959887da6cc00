//! Reading JSON text strictly (repeated keys are found, not silently merged) and locating a JSON
//! Pointer in the original text for messages that name a line and column.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Value};

/// The largest document accepted, in bytes (1 MiB). Larger input is refused before any work.
pub const DOCUMENT_LIMIT: usize = 1024 * 1024;

/// JSON text read into a value, with every repeated key.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// The value; for a repeated key the first occurrence is kept.
    pub value: Value,
    /// Every key that repeats an earlier key of the same object, in text order.
    pub repeated_keys: Vec<RepeatedKey>,
}

/// A key that repeats an earlier key of the same object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedKey {
    /// The JSON Pointer of the repeated member.
    pub pointer: String,
    /// The key itself, unescaped.
    pub key: String,
}

/// Reads JSON text into a [`Value`], recording repeated keys instead of letting the last one win.
///
/// A leading UTF-8 byte order mark is ignored. Syntax errors are serde_json's, with their line and
/// column.
///
/// ```
/// let read = lindung::json::read(br#"{"a": 1, "b": {"c": 2, "c": 3}}"#)?;
/// assert_eq!(read.repeated_keys[0].pointer, "/b/c");
/// assert_eq!(read.repeated_keys[0].key, "c");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Read, serde_json::Error> {
    let bytes = strip_bom(bytes);
    let mut repeated_keys = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = ValueSeed {
        path: &Path::Root,
        repeated: &mut repeated_keys,
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(Read {
        value,
        repeated_keys,
    })
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Every JSON Pointer in a value, the root (`""`) first, in document order.
///
/// ```
/// let value = serde_json::json!({"a": [1, {"b/c": true}]});
/// assert_eq!(lindung::json::pointers(&value), ["", "/a", "/a/0", "/a/1", "/a/1/b~1c"]);
/// ```
pub fn pointers(value: &Value) -> Vec<String> {
    fn walk(value: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match value {
            Value::Object(members) => {
                for (name, member) in members {
                    walk(member, push_token(&at, name), out);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    walk(item, format!("{at}/{index}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
///
/// ```
/// assert_eq!(lindung::json::push_token("/trafficking", "a/b~c"), "/trafficking/a~1b~0c");
/// ```
pub fn push_token(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// Splits a JSON Pointer into its unescaped reference tokens; `None` when it is not a pointer.
fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// A place in a document, built on the stack as a walk descends and written out as a JSON
/// Pointer only when a problem needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The whole document.
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The JSON Pointer of this place.
    pub(crate) fn pointer(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => push_token(&parent.pointer(), key),
            Path::Index(parent, index) => format!("{}/{index}", parent.pointer()),
        }
    }
}

struct ValueSeed<'p, 'r> {
    path: &'p Path<'p>,
    repeated: &'r mut Vec<RepeatedKey>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            let path = Path::Index(self.path, out.len());
            let seed = ValueSeed {
                path: &path,
                repeated: &mut *self.repeated,
            };
            match seq.next_element_seed(seed)? {
                Some(value) => out.push(value),
                None => return Ok(Value::Array(out)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = Path::Key(self.path, &key);
            let seed = ValueSeed {
                path: &path,
                repeated: &mut *self.repeated,
            };
            let value = map.next_value_seed(seed)?;
            match out.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                Entry::Occupied(slot) => {
                    let key = slot.key().clone();
                    let pointer = Path::Key(self.path, &key).pointer();
                    self.repeated.push(RepeatedKey { pointer, key });
                }
            }
        }
        Ok(Value::Object(out))
    }
}

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

fn line_and_column(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Count characters, not bytes: skip UTF-8 continuation bytes.
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

/// A forgiving scanner over JSON text that finds values without building them.
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
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
        if index.len() > 1 && index.starts_with('0') {
            return None;
        }
        let index: usize = index.parse().ok()?;
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
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.skip_string()?;
        serde_json::from_slice(&self.bytes[start..self.pos]).ok()
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
    fn repeated_keys_are_found_at_every_depth() {
        let cases: &[(&str, &[&str])] = &[
            (r#"{"a":1}"#, &[]),
            (r#"{"a":1,"a":2}"#, &["/a"]),
            (r#"{"a":[{"x":1},{"x":1,"x":2}]}"#, &["/a/1/x"]),
            (r#"{"a/b":{"~":1,"~":1}}"#, &["/a~1b/~0"]),
            (r#"{"a":1,"a":2,"a":3}"#, &["/a", "/a"]),
        ];
        for (text, expected) in cases {
            let read = read(text.as_bytes()).map(|r| {
                r.repeated_keys
                    .into_iter()
                    .map(|k| k.pointer)
                    .collect::<Vec<_>>()
            });
            let expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
            assert_eq!(read.ok(), Some(expected), "{text}");
        }
    }

    #[test]
    fn the_first_of_repeated_keys_is_kept() {
        let read = read(br#"{"a":1,"a":2}"#).map(|r| r.value).ok();
        assert_eq!(read, Some(serde_json::json!({"a": 1})));
    }

    #[test]
    fn syntax_errors_and_trailing_text_are_refused() {
        for text in ["", "{", r#"{"a":}"#, "{} {}", "[1,]", "\u{feff}\u{feff}{}"] {
            assert!(read(text.as_bytes()).is_err(), "{text:?}");
        }
        assert!(read(b"\xEF\xBB\xBF{}").is_ok());
    }

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
