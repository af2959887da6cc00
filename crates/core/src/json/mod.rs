//! Reading JSON text strictly (repeated keys are found, not silently merged) and locating a JSON
//! Pointer in the original text for messages that name a line and column.
//!
//! Lines and columns are 1-based everywhere here, columns counted in characters (not bytes), after
//! a leading UTF-8 byte order mark.

use std::cmp::Ordering;

mod compact;
// The WASM module leaves reading and writing floats to the JavaScript host, which does both
// exactly, rather than carry `float.rs`'s big-number arithmetic (about 2 KB gzip).
#[cfg(not(all(feature = "host-numbers", target_arch = "wasm32")))]
mod float;
#[cfg(any(test, all(feature = "host-numbers", target_arch = "wasm32")))]
mod host_float;
#[cfg(all(feature = "host-numbers", target_arch = "wasm32"))]
use host_float as float;
mod locate;
mod read;
mod str;
mod value;

pub(crate) use compact::{compact, compact_len};
pub(crate) use float::shortest;
pub use locate::locate;
pub use read::{SyntaxError, DEPTH_LIMIT};
pub use str::Str;
pub use value::{Member, Members, Number, Object, Value};

/// The largest document accepted, in bytes (1 MiB). Larger input is refused before any work.
pub const DOCUMENT_LIMIT: usize = 1024 * 1024;

/// JSON text read into a value, with every repeated key.
#[derive(Debug, Clone, PartialEq)]
pub struct Read<'a> {
    /// The value, borrowing the text's strings that have no escape; for a repeated key the first
    /// occurrence is kept.
    pub value: Value<'a>,
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
/// It accepts what RFC 8259 (and serde_json) accepts, and nothing else: no trailing commas,
/// comments, leading zeros, `NaN`, unpaired surrogates, control characters or invalid UTF-8 in
/// strings, text after the value, or nesting deeper than [`DEPTH_LIMIT`]. A leading UTF-8 byte
/// order mark is ignored. Numbers read as serde_json reads them: a whole number as a `u64` or a
/// negative `i64` when it fits, anything else (and `-0`) as the nearest `f64` (as serde_json with
/// its `float_roundtrip` feature; without it, serde_json can be an ULP away on long mantissas).
///
/// A syntax error names the line and column (1-based, the column in characters) where reading
/// stopped, and says what was wrong in plain English.
///
/// ```
/// let read = lindung::json::read(br#"{"a": 1, "b": {"c": 2, "c": 3}}"#)?;
/// assert_eq!(read.repeated_keys[0].pointer, "/b/c");
/// assert_eq!(read.repeated_keys[0].key, "c");
/// assert_eq!(read.value["b"]["c"], 2);
/// # Ok::<(), lindung::json::SyntaxError>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Read<'_>, SyntaxError> {
    read::read(strip_bom(bytes))
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The 1-based line and column, in characters, of the byte at `pos` (or of the end).
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

/// Every JSON Pointer in a value, the root (`""`) first, in document order.
///
/// ```
/// let value = lindung::json::read(br#"{"a": [1, {"b/c": true}]}"#)?.value;
/// assert_eq!(lindung::json::pointers(&value), ["", "/a", "/a/0", "/a/1", "/a/1/b~1c"]);
/// # Ok::<(), lindung::json::SyntaxError>(())
/// ```
pub fn pointers(value: &Value<'_>) -> Vec<String> {
    fn walk(value: &Value<'_>, at: String, out: &mut Vec<String>) {
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

/// Two names in the order `str` gives them. Natively, most names that are compared differ in
/// their first byte, which is compared here, inline, rather than in a call to the C library's
/// `memcmp`; the WASM module, whose size counts for more, compares them as they are.
#[inline]
pub(crate) fn name_order(a: &str, b: &str) -> Ordering {
    #[cfg(not(target_arch = "wasm32"))]
    if let (Some(x), Some(y)) = (a.as_bytes().first(), b.as_bytes().first()) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.cmp(b)
}

/// True when two names are equal: natively their first bytes are compared inline first, as in
/// [`name_order`].
#[inline(always)]
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    if a.len() != b.len() || a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    a == b
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

/// The value a JSON Pointer names in `value` (RFC 6901), like `serde_json::Value::pointer`.
///
/// ```
/// let doc = lindung::json::read(br#"{"a/b": [1, {"~": true}]}"#)?.value;
/// assert_eq!(lindung::json::find(&doc, "/a~1b/1/~0"), Some(&lindung::json::Value::Bool(true)));
/// assert_eq!(lindung::json::find(&doc, "/a~1b/01"), None);
/// assert_eq!(lindung::json::find(&doc, "/a~1b/+1"), None);
/// # Ok::<(), lindung::json::SyntaxError>(())
/// ```
pub fn find<'v, 'a>(value: &'v Value<'a>, pointer: &str) -> Option<&'v Value<'a>> {
    if pointer.is_empty() {
        return Some(value);
    }
    let mut at = value;
    for token in pointer.strip_prefix('/')?.split('/') {
        let unescaped;
        let token = if token.contains('~') {
            unescaped = unescape(token);
            unescaped.as_str()
        } else {
            token
        };
        at = match at {
            Value::Object(members) => members.get(token)?,
            Value::Array(items) => items.get(index(token)?)?,
            _ => return None,
        };
    }
    Some(at)
}

/// An array index as a pointer writes it: digits, no leading zero, no sign.
fn index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    token.bytes().try_fold(0usize, |index, byte| {
        let digit = byte.is_ascii_digit().then(|| usize::from(byte - b'0'))?;
        index.checked_mul(10)?.checked_add(digit)
    })
}

/// A reference token with `~1` read as `/` and `~0` as `~`, in one pass.
fn unescape(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('~', Some('1')) => out.push('/'),
            ('~', Some('0')) => out.push('~'),
            _ => {
                out.push(c);
                continue;
            }
        }
        chars.next();
    }
    out
}

/// Splits a JSON Pointer into its unescaped reference tokens; `None` when it is not a pointer.
fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(rest.split('/').map(unescape).collect())
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
            Path::Index(parent, index) => {
                let mut pointer = parent.pointer();
                pointer.push('/');
                crate::encode::unsigned(&mut pointer, *index as u64);
                pointer
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn pointer_tokens_are_unescaped_as_rfc_6901_says() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("", Some(&[])),
            ("/", Some(&[""])),
            ("/a~1b/~0/c", Some(&["a/b", "~", "c"])),
            ("/~01", Some(&["~1"])),
            ("/~~1/~/~2/é~1", Some(&["~/", "~", "~2", "é/"])),
            ("a/b", None),
        ];
        for (pointer, expected) in cases {
            let expected = expected.map(|tokens| tokens.iter().map(|t| t.to_string()).collect());
            assert_eq!(tokens(pointer), expected, "{pointer}");
        }
    }

    #[test]
    fn array_indexes_are_read_as_the_standard_parser_reads_them_less_signs_and_leading_zeros() {
        for token in [
            "",
            "0",
            "00",
            "01",
            "7",
            "42",
            "+1",
            "-1",
            "1a",
            " 1",
            "٣",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
        ] {
            let signed_or_padded =
                token.starts_with('+') || (token.len() > 1 && token.starts_with('0'));
            let expected = token.parse::<usize>().ok().filter(|_| !signed_or_padded);
            assert_eq!(index(token), expected, "{token:?}");
        }
    }

    #[test]
    fn repeated_keys_are_found_at_every_depth() {
        let cases: &[(&str, &[&str])] = &[
            (r#"{"a":1}"#, &[]),
            (r#"{"a":1,"a":2}"#, &["/a"]),
            (r#"{"a":[{"x":1},{"x":1,"x":2}]}"#, &["/a/1/x"]),
            (r#"{"a/b":{"~":1,"~":1}}"#, &["/a~1b/~0"]),
            (r#"{"a":1,"a":2,"a":3}"#, &["/a", "/a"]),
            // In text order: a repeat inside the repeated member's value comes first.
            (r#"{"a":1,"a":{"b":1,"b":2}}"#, &["/a/b", "/a"]),
            (r#"{"a":1,"\u0061":2}"#, &["/a"]),
            // Names out of order: the object is sorted when it closes, its repeats recorded in
            // text order among those of the members' values.
            (r#"{"b":1,"a":1,"a":{"c":1,"c":2}}"#, &["/a/c", "/a"]),
            (
                r#"{"b":1,"a":{"x":1,"x":1},"c":1,"a":1,"d":{"y":1,"y":1}}"#,
                &["/a/x", "/a", "/d/y"],
            ),
            (
                r#"{"z":1,"a":1,"b":1,"a":1,"b":1,"a":1}"#,
                &["/a", "/b", "/a"],
            ),
            (r#"{"b":{"k":1,"j":1,"k":1},"a":1,"b":1}"#, &["/b/k", "/b"]),
            (
                r#"{"c":1,"b":[{"y":1,"x":1,"y":2}],"b":2,"b":3}"#,
                &["/b/0/y", "/b", "/b"],
            ),
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
        let read = read(br#"{"a":1,"a":2}"#)
            .map(|r| serde_json::Value::from(r.value))
            .ok();
        assert_eq!(read, Some(serde_json::json!({"a": 1})));
    }

    #[test]
    fn many_members_in_falling_order_are_read_in_one_sort() {
        let count = 50_000;
        let mut text = String::from("{");
        for index in (0..count).rev() {
            text.push_str(&format!("\"k{index:06}\":{index},"));
        }
        text.push_str("\"k000007\":0}");
        let read = read(text.as_bytes()).ok();
        let object = read.as_ref().and_then(|read| read.value.as_object());
        assert_eq!(object.map(Object::len), Some(count));
        let first = object.and_then(|object| object.iter().next());
        assert_eq!(first.map(|(name, _)| name), Some("k000000"));
        assert_eq!(
            read.as_ref().map(|read| read.value["k000007"].clone()),
            Some(Value::Number(Number::Unsigned(7)))
        );
        let repeats = read.map(|read| read.repeated_keys);
        assert_eq!(
            repeats.map(|keys| keys.into_iter().map(|k| k.pointer).collect::<Vec<_>>()),
            Some(vec!["/k000007".to_owned()])
        );
    }

    /// A document to write out: objects whose members may repeat a name, arrays and numbers.
    #[derive(Debug, Clone)]
    enum Tree {
        Number(u8),
        Object(Vec<(String, Tree)>),
        Array(Vec<Tree>),
    }

    fn tree() -> impl Strategy<Value = Tree> {
        let leaf = (0u8..3).prop_map(Tree::Number);
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(("[a-e]", inner.clone()), 0..8).prop_map(Tree::Object),
                proptest::collection::vec(inner, 0..4).prop_map(Tree::Array),
            ]
        })
    }

    fn text(tree: &Tree, out: &mut String) {
        match tree {
            Tree::Number(n) => out.push_str(&n.to_string()),
            Tree::Object(members) => {
                out.push('{');
                for (index, (name, member)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    out.push_str(&format!("\"{name}\":"));
                    text(member, out);
                }
                out.push('}');
            }
            Tree::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    text(item, out);
                }
                out.push(']');
            }
        }
    }

    /// The value with the first of repeated names kept, and the repeats in text order, each
    /// after those inside its own value: what reading member by member finds.
    fn expected(tree: &Tree, at: &str, repeats: &mut Vec<String>) -> serde_json::Value {
        match tree {
            Tree::Number(n) => serde_json::Value::from(*n),
            Tree::Object(members) => {
                let mut object = serde_json::Map::new();
                for (name, member) in members {
                    let here = push_token(at, name);
                    let value = expected(member, &here, repeats);
                    if object.contains_key(name) {
                        repeats.push(here);
                    } else {
                        object.insert(name.clone(), value);
                    }
                }
                serde_json::Value::Object(object)
            }
            Tree::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| expected(item, &format!("{at}/{index}"), repeats))
                .collect(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn repeated_names_are_kept_first_and_recorded_in_text_order(tree in tree()) {
            let mut written = String::new();
            text(&tree, &mut written);
            let mut repeats = Vec::new();
            let value = expected(&tree, "", &mut repeats);
            let read = read(written.as_bytes()).ok();
            let pointers = read.as_ref().map(|read| {
                read.repeated_keys.iter().map(|k| k.pointer.clone()).collect::<Vec<_>>()
            });
            prop_assert_eq!(pointers, Some(repeats), "{}", written);
            prop_assert_eq!(read.map(|read| serde_json::Value::from(read.value)), Some(value));
        }
    }

    #[test]
    fn syntax_errors_and_trailing_text_are_refused() {
        for text in ["", "{", r#"{"a":}"#, "{} {}", "[1,]", "\u{feff}\u{feff}{}"] {
            assert!(read(text.as_bytes()).is_err(), "{text:?}");
        }
        assert!(read(b"\xEF\xBB\xBF{}").is_ok());
    }
}
