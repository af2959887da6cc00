//! Checks a JSON value against the published JSON Schema, collecting every structural problem
//! with its pointer, so the library and any JSON Schema validator refuse the same documents.
//!
//! It reads only the keywords the generated schemas use: `$ref`, `anyOf`, `oneOf`, `type`,
//! `const`, `enum`, `properties`, `required`, `additionalProperties`, `propertyNames`, `items`,
//! `minItems`, `maxItems`, `uniqueItems`, `minLength`, `maxLength`, `pattern`, `format` (`date`,
//! `date-time`), `minimum` and `maximum`. Where it is stricter than a validator (`3.0` is not a
//! whole number here) the schema's description says so.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate};
use serde_json::{Map, Value};

use super::pattern::Pattern;
use crate::json::push_token;
use crate::model::Lang;
use crate::problem::Problem;
use crate::validate::Code;

/// Every structural problem of `value` against the schema `root`.
pub(crate) fn check(value: &Value, root: &Value, lang: Lang) -> Vec<Problem> {
    let mut out = Vec::new();
    Shape { root, lang }.walk(value, root, "", &mut out);
    out
}

struct Shape<'s> {
    root: &'s Value,
    lang: Lang,
}

impl<'s> Shape<'s> {
    fn resolve(&self, schema: &'s Value) -> &'s Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference
                .strip_prefix('#')
                .and_then(|pointer| self.root.pointer(pointer))
                .map_or(schema, |target| self.resolve(target)),
            None => schema,
        }
    }

    fn walk(&self, value: &Value, schema: &'s Value, path: &str, out: &mut Vec<Problem>) {
        let schema = self.resolve(schema);
        let Some(keywords) = schema.as_object() else {
            return;
        };
        if let Some(branches) = keywords
            .get("anyOf")
            .or_else(|| keywords.get("oneOf"))
            .and_then(Value::as_array)
        {
            self.branches(value, schema, branches, path, out);
            return;
        }
        // A fixed list says more than a type: "`5` is not one of `female`, `male`".
        let allowed: Option<Vec<&Value>> = match (keywords.get("const"), keywords.get("enum")) {
            (Some(one), _) => Some(vec![one]),
            (None, Some(Value::Array(many))) => Some(many.iter().collect()),
            _ => None,
        };
        if let Some(allowed) = allowed {
            if !allowed.contains(&value) {
                out.push(self.not_allowed(value, &allowed, path));
            }
            return;
        }
        if let Some(types) = self.types_of(schema) {
            if !types.iter().any(|t| is_type(value, t)) {
                out.push(self.type_problem(value, &types, path));
                return;
            }
        }
        match value {
            Value::Object(members) => self.object(members, keywords, path, out),
            Value::Array(items) => self.array(items, keywords, path, out),
            Value::String(text) => self.string(text, keywords, path, out),
            Value::Number(_) => self.number(value, keywords, path, out),
            Value::Bool(_) | Value::Null => {}
        }
    }

    /// `anyOf` / `oneOf`: passes when a branch passes; otherwise reports the problems of the one
    /// branch the value was evidently meant for, or a type problem.
    fn branches(
        &self,
        value: &Value,
        schema: &'s Value,
        branches: &'s [Value],
        path: &str,
        out: &mut Vec<Problem>,
    ) {
        let mut results = Vec::with_capacity(branches.len());
        for branch in branches {
            let mut problems = Vec::new();
            self.walk(value, branch, path, &mut problems);
            if problems.is_empty() {
                return;
            }
            results.push(problems);
        }
        if let Some(allowed) = self.choices(branches) {
            out.push(self.not_allowed(value, &allowed, path));
            return;
        }
        let types = self.types_of(schema).unwrap_or_default();
        let compatible: Vec<usize> = branches
            .iter()
            .enumerate()
            .filter(|(_, branch)| {
                self.types_of(branch)
                    .is_none_or(|types| types.iter().any(|t| is_type(value, t)))
            })
            .map(|(index, _)| index)
            .collect();
        match compatible.as_slice() {
            [only] => out.append(&mut results[*only]),
            _ => out.push(self.type_problem(value, &types, path)),
        }
    }

    /// The values of branches that are all constants, as in an enumeration, leaving out a
    /// `null` branch (an optional answer); `None` when a branch is more than a constant.
    fn choices(&self, branches: &'s [Value]) -> Option<Vec<&'s Value>> {
        let null = serde_json::json!({"type": "null"});
        let mut out = Vec::new();
        for branch in branches.iter().filter(|branch| **branch != null) {
            let branch = self.resolve(branch);
            match (branch.get("const"), branch.get("enum")) {
                (Some(one), _) => out.push(one),
                (None, Some(Value::Array(many))) => out.extend(many),
                _ => match branch.get("anyOf").or_else(|| branch.get("oneOf")) {
                    Some(Value::Array(inner)) => out.extend(self.choices(inner)?),
                    _ => return None,
                },
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// The JSON types a schema can accept; `None` when it does not say.
    fn types_of(&self, schema: &'s Value) -> Option<BTreeSet<&'s str>> {
        let schema = self.resolve(schema);
        match schema.get("type") {
            Some(Value::String(one)) => return Some(BTreeSet::from([one.as_str()])),
            Some(Value::Array(many)) => {
                return Some(many.iter().filter_map(Value::as_str).collect())
            }
            _ => {}
        }
        if let Some(one) = schema.get("const") {
            return Some(BTreeSet::from([type_name(one)]));
        }
        if let Some(Value::Array(many)) = schema.get("enum") {
            return Some(many.iter().map(type_name).collect());
        }
        let branches = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))?
            .as_array()?;
        let mut out = BTreeSet::new();
        for branch in branches {
            out.extend(self.types_of(branch)?);
        }
        Some(out)
    }

    fn object(
        &self,
        members: &Map<String, Value>,
        keywords: &'s Map<String, Value>,
        path: &str,
        out: &mut Vec<Problem>,
    ) {
        let properties = keywords.get("properties").and_then(Value::as_object);
        for (name, member) in members {
            let child = push_token(path, name);
            if let Some(schema) = properties.and_then(|p| p.get(name)) {
                self.walk(member, schema, &child, out);
                continue;
            }
            if let Some(names) = keywords.get("propertyNames") {
                let mut problems = Vec::new();
                self.walk(&Value::String(name.clone()), names, &child, &mut problems);
                if !problems.is_empty() {
                    out.push(Code::IndicatorUnknown.problem(
                        child,
                        self.lang,
                        &[("id", name.clone())],
                    ));
                    continue;
                }
            }
            match keywords.get("additionalProperties") {
                Some(Value::Bool(false)) => out.push(Code::FieldUnknown.problem(
                    child,
                    self.lang,
                    &[("field", name.clone())],
                )),
                Some(schema @ Value::Object(_)) => self.walk(member, schema, &child, out),
                _ => {}
            }
        }
        for name in keywords
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !members.contains_key(name) {
                out.push(Code::FieldRequired.problem(
                    push_token(path, name),
                    self.lang,
                    &[("field", name.to_owned())],
                ));
            }
        }
    }

    fn array(
        &self,
        items: &[Value],
        keywords: &'s Map<String, Value>,
        path: &str,
        out: &mut Vec<Problem>,
    ) {
        let length = items.len() as u64;
        if let Some(min) = keywords.get("minItems").and_then(Value::as_u64) {
            if length < min {
                out.push(Code::ArrayTooShort.problem(
                    path,
                    self.lang,
                    &[("min", min.to_string()), ("length", length.to_string())],
                ));
            }
        }
        if let Some(max) = keywords.get("maxItems").and_then(Value::as_u64) {
            if length > max {
                out.push(Code::ArrayTooLong.problem(
                    path,
                    self.lang,
                    &[("max", max.to_string()), ("length", length.to_string())],
                ));
                // Refused before its items are read: a long list is not worth the work.
                return;
            }
        }
        let unique = keywords.get("uniqueItems") == Some(&Value::Bool(true));
        for (index, item) in items.iter().enumerate() {
            let child = format!("{path}/{index}");
            if unique && items[..index].contains(item) {
                out.push(Code::ArrayDuplicate.problem(child, self.lang, &[("value", shown(item))]));
                continue;
            }
            if let Some(schema) = keywords.get("items") {
                self.walk(item, schema, &child, out);
            }
        }
    }

    fn string(
        &self,
        text: &str,
        keywords: &'s Map<String, Value>,
        path: &str,
        out: &mut Vec<Problem>,
    ) {
        let length = text.chars().count() as u64;
        if let Some(min) = keywords.get("minLength").and_then(Value::as_u64) {
            if length < min {
                out.push(Code::StringTooShort.problem(
                    path,
                    self.lang,
                    &[("min", min.to_string()), ("length", length.to_string())],
                ));
                return;
            }
        }
        if let Some(max) = keywords.get("maxLength").and_then(Value::as_u64) {
            if length > max {
                out.push(Code::StringTooLong.problem(
                    path,
                    self.lang,
                    &[("max", max.to_string()), ("length", length.to_string())],
                ));
                return;
            }
        }
        if let Some(source) = keywords.get("pattern").and_then(Value::as_str) {
            if Pattern::compile(source).is_some_and(|pattern| !pattern.is_match(text)) {
                out.push(Code::StringPattern.problem(
                    path,
                    self.lang,
                    &[
                        ("value", text.to_owned()),
                        ("form", form_hint(source, self.lang)),
                        ("pattern", source.to_owned()),
                    ],
                ));
                return;
            }
        }
        let format = keywords.get("format").and_then(Value::as_str);
        let valid = match format {
            Some("date") => is_date(text),
            Some("date-time") => is_date_time(text),
            _ => true,
        };
        if let (false, Some(format)) = (valid, format) {
            out.push(Code::StringFormat.problem(
                path,
                self.lang,
                &[
                    ("value", text.to_owned()),
                    ("format", format_name(format, self.lang).to_owned()),
                ],
            ));
        }
    }

    fn number(
        &self,
        value: &Value,
        keywords: &'s Map<String, Value>,
        path: &str,
        out: &mut Vec<Problem>,
    ) {
        let Some(number) = value.as_f64() else {
            return;
        };
        if let Some(min) = keywords.get("minimum").and_then(Value::as_f64) {
            if number < min {
                out.push(Code::NumberTooSmall.problem(
                    path,
                    self.lang,
                    &[
                        ("value", value.to_string()),
                        ("min", shown(&keywords["minimum"])),
                    ],
                ));
            }
        }
        if let Some(max) = keywords.get("maximum").and_then(Value::as_f64) {
            if number > max {
                out.push(Code::NumberTooLarge.problem(
                    path,
                    self.lang,
                    &[
                        ("value", value.to_string()),
                        ("max", shown(&keywords["maximum"])),
                    ],
                ));
            }
        }
    }

    fn type_problem(&self, value: &Value, types: &BTreeSet<&str>, path: &str) -> Problem {
        // `null` is how a writer may say "not asked"; naming it would only confuse an officer.
        let named: Vec<&str> = types.iter().copied().filter(|t| *t != "null").collect();
        let named = if named.is_empty() {
            types.iter().copied().collect()
        } else {
            named
        };
        let or = match self.lang {
            Lang::En => " or ",
            Lang::Id => " atau ",
        };
        let expected = named
            .iter()
            .map(|t| type_label(t, self.lang))
            .collect::<Vec<_>>()
            .join(or);
        let found = type_label(type_name(value), self.lang);
        Code::ValueType.problem(
            path,
            self.lang,
            &[("expected", expected), ("found", found.to_owned())],
        )
    }

    fn not_allowed(&self, value: &Value, allowed: &[&Value], path: &str) -> Problem {
        let list = allowed
            .iter()
            .map(|v| format!("`{}`", shown(v)))
            .collect::<Vec<_>>()
            .join(", ");
        Code::ValueNotAllowed.problem(
            path,
            self.lang,
            &[("value", shown(value)), ("allowed", list)],
        )
    }
}

/// A value as a person reads it: text without quotes, anything else as compact JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn is_type(value: &Value, name: &str) -> bool {
    let actual = type_name(value);
    actual == name || (name == "number" && actual == "integer")
}

fn type_label(name: &str, lang: Lang) -> &'static str {
    match (name, lang) {
        ("string", Lang::En) => "text",
        ("string", Lang::Id) => "teks",
        ("integer", Lang::En) => "a whole number",
        ("integer", Lang::Id) => "bilangan bulat",
        ("number", Lang::En) => "a number",
        ("number", Lang::Id) => "angka",
        ("boolean", Lang::En) => "true or false",
        ("boolean", Lang::Id) => "benar atau salah",
        ("array", Lang::En) => "a list",
        ("array", Lang::Id) => "daftar",
        ("object", Lang::En) => "an object",
        ("object", Lang::Id) => "objek",
        (_, _) => "null",
    }
}

fn format_name(format: &str, lang: Lang) -> &'static str {
    match (format, lang) {
        ("date", Lang::En) => "date (YYYY-MM-DD)",
        ("date", Lang::Id) => "tanggal (YYYY-MM-DD)",
        (_, Lang::En) => "date and time with a UTC offset (YYYY-MM-DDThh:mm:ss+hh:mm)",
        (_, Lang::Id) => "tanggal dan waktu dengan selisih UTC (YYYY-MM-DDThh:mm:ss+hh:mm)",
    }
}

/// What a pattern asks for, in words an officer reads.
fn form_hint(pattern: &str, lang: Lang) -> String {
    let (en, id) = match pattern {
        r"^[A-Za-z0-9._-]{1,64}$" => (
            "1 to 64 letters, digits, `.`, `_` or `-`",
            "1 sampai 64 huruf, angka, `.`, `_` atau `-`",
        ),
        r"^[0-9]{2}$" => (
            "a two-digit province code such as `63`",
            "kode provinsi dua angka seperti `63`",
        ),
        r"^[0-9]{2}\.[0-9]{2}$" => (
            "a regency or city code such as `63.71`",
            "kode kabupaten atau kota seperti `63.71`",
        ),
        r"^[0-9]{16}$" => ("16 digits", "16 angka"),
        r"^[A-Z]{2}$" => (
            "a two-letter country code in capitals such as `ID`",
            "kode negara dua huruf kapital seperti `ID`",
        ),
        r"^\+?[0-9][0-9 -]{2,19}$" => (
            "a phone number such as `+62 812 3456 7890`",
            "nomor telepon seperti `+62 812 3456 7890`",
        ),
        r"^[a-z]{2,3}$" => (
            "a language code such as `id` or `bjn`",
            "kode bahasa seperti `id` atau `bjn`",
        ),
        other => return format!("`{other}`"),
    };
    match lang {
        Lang::En => en.to_owned(),
        Lang::Id => id.to_owned(),
    }
}

/// `YYYY-MM-DD`, a real calendar date (RFC 3339 `full-date`).
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// An RFC 3339 `date-time`: `T` between date and time, seconds, and an offset. A leap second
/// (`:60`) is refused: no clock that records an assessment shows one.
fn is_date_time(text: &str) -> bool {
    text.get(..10).is_some_and(is_date)
        && matches!(text.as_bytes().get(10), Some(b'T' | b't'))
        && text.get(17..19) != Some("60")
        && DateTime::parse_from_rfc3339(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_full_dates() {
        let cases = [
            ("2026-11-29", true),
            ("2024-02-29", true),
            ("2026-02-29", false),
            ("2026-1-29", false),
            ("2026-11-29T10:00:00Z", false),
            ("+2026-11-29", false),
            ("२०२६-11-29", false),
        ];
        for (text, expected) in cases {
            assert_eq!(is_date(text), expected, "{text}");
        }
    }

    #[test]
    fn date_times_need_seconds_and_an_offset_and_read_back() {
        let cases = [
            ("2026-11-29T10:00:00+08:00", true),
            ("2026-11-29t10:00:00.5z", true),
            ("2026-11-29T10:00:00Z", true),
            ("2026-11-29 10:00:00+08:00", false),
            ("2026-11-29T10:00+08:00", false),
            ("2026-11-29T10:00:00", false),
            ("2026-12-31T23:59:60Z", false),
            ("2026-11-29T24:00:00Z", false),
        ];
        for (text, expected) in cases {
            assert_eq!(is_date_time(text), expected, "{text}");
            if expected {
                let read: Result<DateTime<chrono::FixedOffset>, _> =
                    serde_json::from_value(Value::String(text.to_owned()));
                assert!(read.is_ok(), "{text}");
            }
        }
    }
}
