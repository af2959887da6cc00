//! A strict recursive-descent reader of JSON text (RFC 8259) into a [`Value`].
//!
//! It accepts exactly what `serde_json::from_slice::<serde_json::Value>` accepts and builds the
//! same value (in [`Value`], whose objects keep their members sorted by name as serde_json's map
//! does), except that a repeated key keeps its first value and is recorded. A string without
//! escapes borrows its text from the input; one with escapes is built with one allocation.

use super::{
    float, line_and_column, name_order, push_token, Number, Object, Read, RepeatedKey, Str, Value,
};

/// The deepest nesting of arrays and objects accepted: serde_json's limit, refusing the 128th
/// level, so deep input never overflows the stack.
pub const DEPTH_LIMIT: usize = 127;

/// JSON text that could not be read: what was wrong, and where reading stopped.
///
/// The line and column are 1-based, the column counted in characters (not bytes) from the start
/// of the line, as [`super::locate()`] counts them, after a leading byte order mark. At the end of
/// the input they name the place just after the last character.
///
/// ```
/// let error = lindung::json::read(b"{\"a\": [1,]}").unwrap_err();
/// assert_eq!((error.line(), error.column()), (1, 9));
/// assert_eq!(error.message(), "trailing comma");
/// assert_eq!(error.to_string(), "trailing comma at line 1 column 9");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at line {line} column {column}")]
pub struct SyntaxError {
    line: usize,
    column: usize,
    message: &'static str,
}

impl SyntaxError {
    /// The 1-based line where reading stopped.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, in characters, where reading stopped.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What was wrong, in plain English, without the place.
    pub fn message(&self) -> &'static str {
        self.message
    }
}

/// What was wrong and the byte offset where; the line and column are worked out only at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fail {
    at: usize,
    message: &'static str,
}

/// Reading stopped; why is in [`Reader::failure`]. Keeping the reason out of every `Result` keeps
/// each `Result` as small as what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stop;

const END: &str = "unexpected end of input";
const TOO_DEEP: &str = "nesting deeper than 127 levels";

/// Reads `bytes` (without a byte order mark) as one JSON value.
pub(super) fn read(bytes: &[u8]) -> Result<Read<'_>, SyntaxError> {
    let mut reader = Reader::new(bytes);
    reader.text = std::str::from_utf8(bytes).ok();
    reader.document().map_err(|Stop| {
        let (line, column) = line_and_column(bytes, reader.failure.at);
        SyntaxError {
            line,
            column,
            message: reader.failure.message,
        }
    })
}

/// A place in the text being read, like [`super::Path`] but naming a key by the offset of its
/// opening quote, so that reading a member's value does not need its key at hand.
#[derive(Debug, Clone, Copy)]
enum Place<'p> {
    Root,
    Key(&'p Place<'p>, usize),
    Index(&'p Place<'p>, usize),
}

/// The members of an object read before its members are appended rather than put in place
/// (fewer in tests, so that short documents take both ways).
const SORTED_AS_READ: usize = if cfg!(test) { 3 } else { 64 };

/// A member appended to its object: its position among the members, the offset of its name's
/// opening quote, how many repeats were recorded when its value ended (its own record goes
/// after them), and its name once it is found to be a repeat.
#[derive(Debug)]
struct Late<'a> {
    index: usize,
    at: usize,
    records: usize,
    repeat: Option<Str<'a>>,
}

/// A cursor over JSON text.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    /// The whole input as text, when it is valid UTF-8: then a string's text is a slice of it,
    /// with no check of its own.
    text: Option<&'a str>,
    pub(super) pos: usize,
    /// The text of a string with escapes, built here and then copied out at its exact size.
    scratch: String,
    repeated: Vec<RepeatedKey>,
    failure: Fail,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            text: None,
            pos: 0,
            scratch: String::new(),
            repeated: Vec::new(),
            failure: Fail { at: 0, message: "" },
        }
    }

    fn fail<T>(&mut self, at: usize, message: &'static str) -> Result<T, Stop> {
        self.failure = Fail { at, message };
        Err(Stop)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Moves past whitespace to the next byte, failing at the end of the input.
    ///
    /// This, [`Reader::string`] and [`Reader::plain_run`] run for every token, string and name:
    /// natively they are always inlined; in the WASM module, whose size counts for more, as the
    /// optimiser chooses.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn next_token(&mut self) -> Result<u8, Stop> {
        self.space();
        match self.peek() {
            Some(byte) => Ok(byte),
            None => self.fail(self.pos, END),
        }
    }

    fn document(&mut self) -> Result<Read<'a>, Stop> {
        let mut value = Value::Null;
        self.value(&Place::Root, 0, &mut value)?;
        self.space();
        if self.pos < self.bytes.len() {
            return self.fail(self.pos, "text after the JSON value");
        }
        Ok(Read {
            value,
            repeated_keys: std::mem::take(&mut self.repeated),
        })
    }

    /// Reads one value at `place`, inside `depth` arrays and objects, into `out`.
    ///
    /// Each value is written once, where it stays (in its array or object), not built and then
    /// moved: a value moved just after it is written costs more than the rest of reading it.
    fn value(&mut self, place: &Place<'_>, depth: usize, out: &mut Value<'a>) -> Result<(), Stop> {
        *out = match self.next_token()? {
            b'"' => Value::String(self.string()?),
            b'-' | b'0'..=b'9' => Value::Number(self.number()?),
            b'{' => Value::Object(self.object(place, depth)?),
            b'[' => Value::Array(self.array(place, depth)?),
            b't' => self.literal(b"true", "expected `true`", Value::Bool(true))?,
            b'f' => self.literal(b"false", "expected `false`", Value::Bool(false))?,
            b'n' => self.literal(b"null", "expected `null`", Value::Null)?,
            _ => return self.fail(self.pos, "expected a value"),
        };
        Ok(())
    }

    fn literal(
        &mut self,
        word: &[u8],
        message: &'static str,
        value: Value<'a>,
    ) -> Result<Value<'a>, Stop> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            return Ok(value);
        }
        for &expected in word {
            match self.peek() {
                Some(byte) if byte == expected => self.pos += 1,
                Some(_) => return self.fail(self.pos, message),
                None => return self.fail(self.pos, END),
            }
        }
        Ok(value)
    }

    /// At `[`: reads an array.
    fn array(&mut self, place: &Place<'_>, depth: usize) -> Result<Vec<Value<'a>>, Stop> {
        if depth >= DEPTH_LIMIT {
            return self.fail(self.pos, TOO_DEEP);
        }
        self.pos += 1;
        let mut items = Vec::new();
        if self.next_token()? == b']' {
            self.pos += 1;
            return Ok(items);
        }
        loop {
            let index = items.len();
            items.push(Value::Null);
            self.value(&Place::Index(place, index), depth + 1, &mut items[index])?;
            match self.next_token()? {
                b',' => {
                    let comma = self.pos;
                    self.pos += 1;
                    if self.next_token()? == b']' {
                        return self.fail(comma, "trailing comma");
                    }
                }
                b']' => {
                    self.pos += 1;
                    return Ok(items);
                }
                _ => return self.fail(self.pos, "expected `,` or `]`"),
            }
        }
    }

    /// At `{`: reads an object, keeping the first of repeated keys and recording the others.
    ///
    /// The first [`SORTED_AS_READ`] members are each put in their place by name as they are
    /// read, a repeat found at once. Members after them are appended, and the object is sorted
    /// when it closes ([`Reader::sorted`]): putting each of many members in its place would move
    /// the members after it, in time quadratic in their number.
    fn object(&mut self, place: &Place<'_>, depth: usize) -> Result<Object<'a>, Stop> {
        const KEY: &str = "expected a key in double quotes";
        if depth >= DEPTH_LIMIT {
            return self.fail(self.pos, TOO_DEEP);
        }
        self.pos += 1;
        let mut members: Vec<(Str<'a>, Value<'a>)> = Vec::new();
        // The repeats recorded before the object.
        let before = self.repeated.len();
        // The members appended after the first `SORTED_AS_READ`.
        let mut late: Vec<Late<'a>> = Vec::new();
        match self.next_token()? {
            b'}' => {
                self.pos += 1;
                return Ok(Object::from_sorted(members));
            }
            b'"' => {}
            _ => return self.fail(self.pos, KEY),
        }
        loop {
            let at = self.pos;
            let key = self.string()?;
            if self.next_token()? != b':' {
                return self.fail(self.pos, "expected `:`");
            }
            self.pos += 1;
            let member = Place::Key(place, at);
            let place_by_name = if members.len() < SORTED_AS_READ {
                members.binary_search_by(|(name, _)| name_order(name, &key))
            } else {
                Err(members.len())
            };
            match place_by_name {
                Ok(_) => {
                    // Read and dropped; a repeat inside it comes first in text order.
                    self.value(&member, depth + 1, &mut Value::Null)?;
                    let pointer = self.pointer(&member);
                    let key = key.into_string();
                    self.repeated.push(RepeatedKey { pointer, key });
                }
                Err(index) => {
                    members.insert(index, (key, Value::Null));
                    if let Some((_, slot)) = members.get_mut(index) {
                        self.value(&member, depth + 1, slot)?;
                    }
                    if index >= SORTED_AS_READ {
                        let records = self.repeated.len();
                        let repeat = None;
                        late.push(Late {
                            index,
                            at,
                            records,
                            repeat,
                        });
                    }
                }
            }
            match self.next_token()? {
                b',' => {
                    let comma = self.pos;
                    self.pos += 1;
                    match self.next_token()? {
                        b'"' => {}
                        b'}' => return self.fail(comma, "trailing comma"),
                        _ => return self.fail(self.pos, KEY),
                    }
                }
                b'}' => {
                    self.pos += 1;
                    return Ok(self.sorted(place, members, late, before));
                }
                _ => return self.fail(self.pos, "expected `,` or `}`"),
            }
        }
    }

    /// An object's members as an [`Object`]: as they are when none was appended (`late` is
    /// empty); else sorted by name, the first of each name in text order kept and the others
    /// recorded as repeats, each among the repeats recorded inside the object (after `before`)
    /// where text order puts it. The members put in place come before those appended, in the
    /// text and among the members, and the appended ones follow the text.
    fn sorted(
        &mut self,
        place: &Place<'_>,
        mut members: Vec<(Str<'a>, Value<'a>)>,
        mut late: Vec<Late<'a>>,
        before: usize,
    ) -> Object<'a> {
        if late.is_empty() {
            return Object::from_sorted(members);
        }
        let mut order: Vec<usize> = (0..members.len()).collect();
        // By name, then by position: the first member of each name in text order comes first.
        let name = |at: usize| members.get(at).map(|(name, _)| &**name);
        crate::heap_sort(&mut order, &|a, b| (name(a), a) < (name(b), b));
        let mut kept: Vec<(Str<'a>, Value<'a>)> = Vec::with_capacity(order.len());
        for index in order {
            let Some(member) = members.get_mut(index) else {
                continue;
            };
            let (name, value) = std::mem::take(member);
            if kept.last().is_none_or(|(last, _)| *last != name) {
                kept.push((name, value));
                continue;
            }
            // A repeat not found as it was read was appended: it is late.
            let found = late.binary_search_by_key(&index, |member| member.index);
            if let Some(member) = found.ok().and_then(|found| late.get_mut(found)) {
                member.repeat = Some(name);
            }
        }
        // The repeats recorded inside the object, with the late ones put in among them.
        let mut inside = self
            .repeated
            .split_off(before.min(self.repeated.len()))
            .into_iter();
        let mut taken = before;
        for member in late {
            while taken < member.records {
                self.repeated.extend(inside.next());
                taken += 1;
            }
            if let Some(key) = member.repeat {
                let key = key.into_string();
                let pointer = self.pointer(&Place::Key(place, member.at));
                self.repeated.push(RepeatedKey { pointer, key });
            }
        }
        self.repeated.extend(inside);
        Object::from_sorted(kept)
    }

    /// The JSON Pointer of a place, its keys read again from the text.
    fn pointer(&self, place: &Place<'_>) -> String {
        match *place {
            Place::Root => String::new(),
            Place::Key(parent, at) => {
                let mut reader = Reader::new(self.bytes);
                reader.pos = at;
                let key = reader.string().unwrap_or_default();
                push_token(&self.pointer(parent), &key)
            }
            Place::Index(parent, index) => {
                let mut pointer = self.pointer(parent);
                pointer.push('/');
                crate::encode::unsigned(&mut pointer, index as u64);
                pointer
            }
        }
    }

    /// At `"`: reads a string and returns it unescaped, the cursor after its closing quote.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    pub(super) fn string(&mut self) -> Result<Str<'a>, Stop> {
        self.pos += 1;
        let start = self.pos;
        let end = self.plain_run(start)?;
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            return Ok(Str::from(self.utf8(start, end)?));
        }
        // An escape: build the text in the scratch string, then copy it out at its size.
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let result = self.escaped(start, end, &mut scratch);
        let text = result.map(|()| Str::from(scratch.as_str().to_owned()));
        self.scratch = scratch;
        text
    }

    /// Finishes a string whose plain text runs from `start` to an escape at `end`.
    fn escaped(&mut self, mut start: usize, mut end: usize, out: &mut String) -> Result<(), Stop> {
        loop {
            out.push_str(self.utf8(start, end)?);
            if self.bytes.get(end) == Some(&b'"') {
                self.pos = end + 1;
                return Ok(());
            }
            // At a backslash.
            self.pos = end;
            out.push(self.escape()?);
            start = self.pos;
            end = self.plain_run(start)?;
        }
    }

    /// At `\`: reads one escape (a surrogate pair counts as one) and returns its character.
    fn escape(&mut self) -> Result<char, Stop> {
        const INVALID: &str = "invalid escape";
        let backslash = self.pos;
        let Some(&letter) = self.bytes.get(backslash + 1) else {
            return self.fail(self.bytes.len(), END);
        };
        self.pos = backslash + 2;
        let c = match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                if let Some(c) = char::from_u32(unit) {
                    return Ok(c);
                }
                const LONE: &str = "a `\\u` escape of half a surrogate pair";
                // A surrogate: a high one must be followed at once by an escaped low one.
                if !(0xD800..0xDC00).contains(&unit) || self.bytes.get(self.pos) != Some(&b'\\') {
                    return self.fail(backslash, LONE);
                }
                if self.bytes.get(self.pos + 1) != Some(&b'u') {
                    return self.fail(backslash, LONE);
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..0xE000).contains(&low) {
                    return self.fail(backslash, LONE);
                }
                let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return match char::from_u32(code) {
                    Some(c) => Ok(c),
                    None => self.fail(backslash, LONE),
                };
            }
            _ => return self.fail(backslash, INVALID),
        };
        Ok(c)
    }

    /// Reads the four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, Stop> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(byte @ b'0'..=b'9') => byte - b'0',
                Some(byte @ b'a'..=b'f') => byte - b'a' + 10,
                Some(byte @ b'A'..=b'F') => byte - b'A' + 10,
                Some(_) => return self.fail(self.pos, "invalid escape"),
                None => return self.fail(self.pos, END),
            };
            unit = unit * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(unit)
    }

    /// The text from `start` to `end` as UTF-8. Inlined natively, where it is called for every
    /// string and name; the WASM module keeps one body.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn utf8(&mut self, start: usize, end: usize) -> Result<&'a str, Stop> {
        if let Some(text) = self.text.and_then(|text| text.get(start..end)) {
            return Ok(text);
        }
        let bytes: &'a [u8] = self.bytes;
        match std::str::from_utf8(&bytes[start..end]) {
            Ok(text) => Ok(text),
            Err(error) => self.fail(start + error.valid_up_to(), "invalid UTF-8"),
        }
    }

    /// The end of the run of plain string bytes from `start`: the offset of the next `"` or `\`.
    /// A control character or the end of the input there is an error.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn plain_run(&mut self, start: usize) -> Result<usize, Stop> {
        let end = skip_plain(self.bytes, start);
        match self.bytes.get(end) {
            Some(b'"' | b'\\') => Ok(end),
            Some(_) => self.fail(end, "control character in a string"),
            None => self.fail(end, END),
        }
    }

    /// At `-` or a digit: reads a number.
    fn number(&mut self) -> Result<Number, Stop> {
        const DIGIT: &str = "expected a digit";
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        // The whole part, kept while it fits in a u64.
        let mut whole: Option<u64> = Some(0);
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return self.fail(self.pos, "leading zero in a number");
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(byte @ b'0'..=b'9') = self.peek() {
                    whole = whole
                        .and_then(|n| n.checked_mul(10))
                        .and_then(|n| n.checked_add(u64::from(byte - b'0')));
                    self.pos += 1;
                }
            }
            Some(_) => return self.fail(self.pos, DIGIT),
            None => return self.fail(self.pos, END),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits(DIGIT)?;
            integer = false;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits(DIGIT)?;
            integer = false;
        }
        if let (true, Some(whole)) = (integer, whole) {
            if !negative {
                return Ok(Number::Unsigned(whole));
            }
            // `-0` is a float, as serde_json reads it.
            if whole != 0 {
                if let Some(n) = 0i64.checked_sub_unsigned(whole) {
                    return Ok(Number::Negative(n));
                }
            }
        }
        match float::parse(&self.bytes[start..self.pos]) {
            Some(float) if float.is_finite() => Ok(Number::Float(float)),
            _ => self.fail(start, "number out of range"),
        }
    }

    /// One or more digits.
    fn digits(&mut self, message: &'static str) -> Result<(), Stop> {
        match self.peek() {
            Some(b'0'..=b'9') => {}
            Some(_) => return self.fail(self.pos, message),
            None => return self.fail(self.pos, END),
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        Ok(())
    }
}

/// The offset of the first byte from `start` that is `"`, `\` or a control character (below
/// 0x20), or the length of `bytes`. Eight bytes at a time while it can.
fn skip_plain(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // For each byte of `word` that is zero, its high bit; the lowest flagged byte is exact.
    fn zero_bytes(word: u64) -> u64 {
        word.wrapping_sub(ONES) & !word & HIGH
    }
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        let found = zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            break;
        }
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, clippy::unwrap_used)] // a failing test panics
    use super::super::read;
    use super::DEPTH_LIMIT;
    use serde_json::{json, Value};

    #[test]
    fn each_error_has_its_message_and_place() {
        let deep = "[".repeat(DEPTH_LIMIT + 1);
        let cases: &[(&str, &str, usize, usize)] = &[
            ("", "unexpected end of input", 1, 1),
            ("  \n ", "unexpected end of input", 2, 2),
            ("{", "unexpected end of input", 1, 2),
            ("{\"a\": [1, ", "unexpected end of input", 1, 11),
            ("\"abc", "unexpected end of input", 1, 5),
            ("\"\\", "unexpected end of input", 1, 3),
            ("\"\\u12", "unexpected end of input", 1, 6),
            ("tru", "unexpected end of input", 1, 4),
            ("1.", "unexpected end of input", 1, 3),
            ("-", "unexpected end of input", 1, 2),
            ("[1,]", "trailing comma", 1, 3),
            ("{\"a\": 1,}", "trailing comma", 1, 8),
            ("{\n  \"a\": 1,\n}", "trailing comma", 2, 9),
            ("[1 2]", "expected `,` or `]`", 1, 4),
            ("{\"a\": 1 \"b\": 2}", "expected `,` or `}`", 1, 9),
            ("{\"a\" 1}", "expected `:`", 1, 6),
            ("{1: 2}", "expected a key in double quotes", 1, 2),
            ("{\"a\": 1, 2}", "expected a key in double quotes", 1, 10),
            ("{'a': 1}", "expected a key in double quotes", 1, 2),
            ("{\"a\": }", "expected a value", 1, 7),
            ("{\"é\": x}", "expected a value", 1, 7),
            ("NaN", "expected a value", 1, 1),
            ("Infinity", "expected a value", 1, 1),
            ("-Infinity", "expected a digit", 1, 2),
            ("+1", "expected a value", 1, 1),
            ("// note\n{}", "expected a value", 1, 1),
            ("\u{feff}\u{feff}{}", "expected a value", 1, 1),
            ("\x0c1", "expected a value", 1, 1),
            ("trux", "expected `true`", 1, 4),
            ("fals3", "expected `false`", 1, 5),
            ("[nil]", "expected `null`", 1, 3),
            ("[1] // note", "text after the JSON value", 1, 5),
            ("{} {}", "text after the JSON value", 1, 4),
            ("01", "leading zero in a number", 1, 2),
            ("[-007]", "leading zero in a number", 1, 4),
            ("1.e5", "expected a digit", 1, 3),
            ("1e+x", "expected a digit", 1, 4),
            ("1e400", "number out of range", 1, 1),
            ("[1.7976931348623159e308]", "number out of range", 1, 2),
            ("1e99999999999999999999", "number out of range", 1, 1),
            ("[0, -2e308]", "number out of range", 1, 5),
            ("\"a\\x\"", "invalid escape", 1, 3),
            ("\"\\u12G4\"", "invalid escape", 1, 6),
            (
                "\"\\ud800\"",
                "a `\\u` escape of half a surrogate pair",
                1,
                2,
            ),
            (
                "\"ab\\udc00\"",
                "a `\\u` escape of half a surrogate pair",
                1,
                4,
            ),
            (
                "\"\\ud800\\u0041\"",
                "a `\\u` escape of half a surrogate pair",
                1,
                2,
            ),
            (
                "\"\\ud800\\n\"",
                "a `\\u` escape of half a surrogate pair",
                1,
                2,
            ),
            ("\"a\u{1}\"", "control character in a string", 1, 3),
            ("\"a\nb\"", "control character in a string", 1, 3),
            ("\"a\\n\tb\"", "control character in a string", 1, 5),
            (&deep, "nesting deeper than 127 levels", 1, DEPTH_LIMIT + 1),
            // A byte order mark is not counted.
            ("\u{feff}[1,]", "trailing comma", 1, 3),
        ];
        for &(text, message, line, column) in cases {
            let error = read(text.as_bytes()).map(|_| ()).unwrap_err();
            assert_eq!(
                (error.message(), error.line(), error.column()),
                (message, line, column),
                "{text:?}"
            );
            assert_eq!(
                error.to_string(),
                format!("{message} at line {line} column {column}")
            );
        }
    }

    #[test]
    fn invalid_utf8_is_placed_at_its_first_bad_byte() {
        let cases: &[(&[u8], &str, usize, usize)] = &[
            (b"\"\xC3\xA9\xFF\"", "invalid UTF-8", 1, 3),
            (b"[\"a\\n\xC3\"]", "invalid UTF-8", 1, 6),
            (b"{\"\xED\xA0\x80\": 1}", "invalid UTF-8", 1, 3),
            (b"\xFF", "expected a value", 1, 1),
        ];
        for &(bytes, message, line, column) in cases {
            let error = read(bytes).map(|_| ()).unwrap_err();
            assert_eq!(
                (error.message(), error.line(), error.column()),
                (message, line, column),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn nesting_stops_at_the_limit_without_overflowing() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(read(nested(DEPTH_LIMIT).as_bytes()).is_ok());
        assert!(read(nested(DEPTH_LIMIT + 1).as_bytes()).is_err());
        assert!(read(nested(1_000_000).as_bytes()).is_err());
        let objects = format!(
            "{}1{}",
            "{\"a\":".repeat(DEPTH_LIMIT),
            "}".repeat(DEPTH_LIMIT)
        );
        assert!(read(objects.as_bytes()).is_ok());
        let objects = format!("[{objects}]");
        assert!(read(objects.as_bytes()).is_err());
    }

    /// The value read from `text`, as serde_json's value, to compare with serde_json's reading.
    fn value(text: &str) -> Value {
        read(text.as_bytes())
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .value
            .into()
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them() {
        assert!(value("0").is_u64());
        assert_eq!(value("18446744073709551615"), json!(u64::MAX));
        assert_eq!(value("-9223372036854775808"), json!(i64::MIN));
        assert_eq!(value("-1"), json!(-1));
        assert!(value("-1").is_i64());
        let floats: &[(&str, f64)] = &[
            ("-0", -0.0),
            ("-0.0", -0.0),
            ("0.0", 0.0),
            ("1E2", 100.0),
            ("1e+2", 100.0),
            ("-1.5e-3", -0.0015),
            ("18446744073709551616", 18_446_744_073_709_551_616.0),
            ("-9223372036854775809", -9_223_372_036_854_775_809.0),
            ("1e-400", 0.0),
            ("0e99999999999999999999", 0.0),
            ("1.7976931348623157e308", f64::MAX),
            ("4.9e-324", 5e-324),
            ("0.1", 0.1),
            ("2.2250738585072011e-308", 2.225_073_858_507_201e-308),
            ("1.7976931348623158e308", f64::MAX),
            ("-1e-400", -0.0),
            ("1e23", 1e23),
            ("9007199254740993.0", 9_007_199_254_740_992.0),
            (
                "9007199254740993.00000000000000000000001",
                9_007_199_254_740_994.0,
            ),
            ("0.30000000000000004", 0.300_000_000_000_000_04),
            ("1.2345678901234567e-300", 1.234_567_890_123_456_7e-300),
        ];
        for &(text, expected) in floats {
            let read = value(text);
            let float = read.as_f64().filter(|_| read.is_f64());
            assert_eq!(float.map(f64::to_bits), Some(expected.to_bits()), "{text}");
        }
    }

    #[test]
    fn strings_are_unescaped() {
        let cases: &[(&str, &str)] = &[
            (r#""""#, ""),
            (
                r#""plain text, long enough to be read in words""#,
                "plain text, long enough to be read in words",
            ),
            (r#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{c}\n\r\t"),
            (r#""caf\u00e9 \u00E9 é""#, "café é é"),
            (
                r#""\uD834\uDD1E and \ud83d\ude00""#,
                "\u{1D11E} and \u{1F600}",
            ),
            (r#""a\u0000b""#, "a\u{0}b"),
            ("\"\u{7f} \u{10FFFF}\"", "\u{7f} \u{10FFFF}"),
            (r#""ends with an escape\n""#, "ends with an escape\n"),
        ];
        for &(text, expected) in cases {
            assert_eq!(value(text), json!(expected), "{text}");
        }
        assert_eq!(value(r#"{"k\u00e9y": ["\t"]}"#), json!({"kéy": ["\t"]}));
    }

    #[test]
    fn whitespace_and_literals() {
        assert_eq!(
            value(" \t\r\n[ true , false,null ] \n"),
            json!([true, false, null])
        );
        assert_eq!(value("{ }"), json!({}));
        assert_eq!(value("[ ]"), json!([]));
        assert_eq!(value("\u{feff}\"x\""), json!("x"));
    }
}
