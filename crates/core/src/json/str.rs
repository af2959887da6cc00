//! The text of a JSON string or name as [`super::read()`] gives it: borrowed from the input when it
//! has no escape, owned when unescaping it made new text.
//!
//! Natively it is a `Cow<str>`, read inline. In the WASM module, whose size counts for more than
//! its speed, the text is always owned, as a `String`: a `Cow`'s text there is read through a call
//! at every use (its `Deref` is not inlined when optimising for size), and a borrowed text is one
//! more case in every drop, which together grew the module by about 400 B gzip.

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
#[cfg(target_arch = "wasm32")]
use std::marker::PhantomData;
use std::ops::Deref;

/// The text of a JSON string or object member name: borrowed from the JSON text read when it has
/// no escape, else owned (in the WASM module always owned). It reads as a `&str` (`Deref`), and
/// compares, orders and hashes as its text.
///
/// ```
/// let value = lindung::json::read(br#"["plain", "with \"escapes\""]"#)?.value;
/// assert_eq!(value[0].as_str(), Some("plain"));
/// assert_eq!(value[1], "with \"escapes\"");
/// # Ok::<(), lindung::json::SyntaxError>(())
/// ```
#[derive(Clone)]
pub struct Str<'a>(Repr<'a>);

#[cfg(not(target_arch = "wasm32"))]
type Repr<'a> = Cow<'a, str>;

#[cfg(target_arch = "wasm32")]
type Repr<'a> = (String, PhantomData<&'a str>);

#[cfg(not(target_arch = "wasm32"))]
impl<'a> Str<'a> {
    /// The text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Cow::Borrowed(text) => text,
            Cow::Owned(text) => text,
        }
    }

    /// True when the text is borrowed from the JSON text read (it had no escape, and this is not
    /// the WASM module).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }

    /// The text as a `String`, copied only when it is borrowed.
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }

    fn borrowed(text: &'a str) -> Str<'a> {
        Str(Cow::Borrowed(text))
    }

    fn owned(text: String) -> Str<'a> {
        Str(Cow::Owned(text))
    }

    fn into_cow(self) -> Cow<'a, str> {
        self.0
    }
}

#[cfg(target_arch = "wasm32")]
impl<'a> Str<'a> {
    /// The text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.0 .0
    }

    /// True when the text is borrowed from the JSON text read (it had no escape, and this is not
    /// the WASM module).
    pub fn is_borrowed(&self) -> bool {
        false
    }

    /// The text as a `String`, copied only when it is borrowed.
    pub fn into_string(self) -> String {
        self.0 .0
    }

    fn borrowed(text: &'a str) -> Str<'a> {
        Str((text.to_owned(), PhantomData))
    }

    fn owned(text: String) -> Str<'a> {
        Str((text, PhantomData))
    }

    fn into_cow(self) -> Cow<'a, str> {
        Cow::Owned(self.0 .0)
    }
}

impl Str<'_> {
    /// The text copied into a `String`. In the WASM module this is `String`'s own `clone`, one
    /// body for every caller, where copying a `&str` is written out at each.
    pub fn to_owned_string(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        return self.0 .0.clone();
        #[cfg(not(target_arch = "wasm32"))]
        return self.as_str().to_owned();
    }

    /// The same text owned, so that it outlives the JSON text read.
    pub fn into_owned(self) -> Str<'static> {
        Str::owned(self.into_string())
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
        Str::borrowed("")
    }
}

impl<'a> From<&'a str> for Str<'a> {
    fn from(text: &'a str) -> Str<'a> {
        Str::borrowed(text)
    }
}

impl From<String> for Str<'_> {
    fn from(text: String) -> Self {
        Str::owned(text)
    }
}

impl<'a> From<Cow<'a, str>> for Str<'a> {
    fn from(text: Cow<'a, str>) -> Str<'a> {
        match text {
            Cow::Borrowed(text) => Str::borrowed(text),
            Cow::Owned(text) => Str::owned(text),
        }
    }
}

impl<'a> From<Str<'a>> for Cow<'a, str> {
    fn from(text: Str<'a>) -> Cow<'a, str> {
        text.into_cow()
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
        // As its text: a `Cow` compares as the text it reads as.
        self.0 == other.0
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
