//! The text of a JSON string or name as [`super::read()`] gives it: borrowed from the input when it
//! has no escape, owned when unescaping it made new text.
//!
//! It wraps a `Cow<str>` rather than being one because the WASM module is optimised for size, where
//! `Cow`'s `Deref` is not inlined: every place that reads a string's text would call it through a
//! stack slot. Both kinds keep the text's pointer and length in the same place, so the text read
//! here, inlined, is one load.

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The text of a JSON string or object member name: borrowed from the JSON text read when it has
/// no escape, else owned. It reads as a `&str` (`Deref`), and compares, orders and hashes as its
/// text.
///
/// ```
/// let value = lindung::json::read(br#"["plain", "with \"escapes\""]"#)?.value;
/// assert_eq!(value[0].as_str(), Some("plain"));
/// assert_eq!(value[1], "with \"escapes\"");
/// # Ok::<(), lindung::json::SyntaxError>(())
/// ```
#[derive(Clone)]
pub struct Str<'a>(Cow<'a, str>);

impl<'a> Str<'a> {
    /// The text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Cow::Borrowed(text) => text,
            Cow::Owned(text) => text,
        }
    }

    /// True when the text is borrowed from the JSON text read (it had no escape).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }

    /// The same text owned, so that it outlives the JSON text read.
    pub fn into_owned(self) -> Str<'static> {
        Str(Cow::Owned(self.0.into_owned()))
    }

    /// The text as a `String`, copied only when it is borrowed.
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl Deref for Str<'_> {
    type Target = str;

    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Str<'_> {
    fn default() -> Self {
        Str(Cow::Borrowed(""))
    }
}

impl<'a> From<&'a str> for Str<'a> {
    fn from(text: &'a str) -> Str<'a> {
        Str(Cow::Borrowed(text))
    }
}

impl From<String> for Str<'_> {
    fn from(text: String) -> Self {
        Str(Cow::Owned(text))
    }
}

impl<'a> From<Cow<'a, str>> for Str<'a> {
    fn from(text: Cow<'a, str>) -> Str<'a> {
        Str(text)
    }
}

impl<'a> From<Str<'a>> for Cow<'a, str> {
    fn from(text: Str<'a>) -> Cow<'a, str> {
        text.0
    }
}

impl From<Str<'_>> for String {
    fn from(text: Str<'_>) -> String {
        text.into_string()
    }
}

impl AsRef<str> for Str<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for Str<'_> {
    fn borrow(&self) -> &str {
        self
    }
}

impl PartialEq for Str<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str<'_> {}

impl PartialEq<str> for Str<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Str<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialOrd for Str<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Str<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// As the text's own `Debug`: quoted, escaped.
impl fmt::Debug for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The text itself.
impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_and_owned_text_read_compare_and_convert_alike() {
        let borrowed = Str::from("née");
        let owned = Str::from(String::from("née"));
        assert!(borrowed.is_borrowed() && !owned.is_borrowed());
        assert_eq!(borrowed, owned);
        assert_eq!(&*borrowed, "née");
        assert_eq!(borrowed.len(), owned.len());
        let (a, b) = (Str::from("a"), Str::from(String::from("b")));
        assert!(a < b && b.cmp(&a).is_gt());
        assert_eq!(format!("{borrowed:?} {owned}"), "\"née\" née");
        let lasting: Str<'static> = borrowed.clone().into_owned();
        assert!(!lasting.is_borrowed() && lasting == owned);
        assert_eq!(owned.into_string(), "née");
        assert_eq!(String::from(borrowed), "née");
        assert!(Str::default().is_empty());
        assert_eq!(Str::from(Cow::Borrowed("x")), "x");
    }
}
