//! Sound assessment documents generated from the published schema, then made plausible: a case
//! type, a child or an adult, dates in order, and the sections each case needs.

use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, TestRng};
use serde_json::{json, Map, Value};

/// The schema node a `$ref` chain ends at.
pub fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..32 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(reference) => match reference.strip_prefix('#').and_then(|p| root.pointer(p)) {
                Some(target) => node = target,
                None => return node,
            },
            None => return node,
        }
    }
    node
}

/// The branches of an `anyOf` / `oneOf`, if any.
pub fn branches(node: &Value) -> Option<&Vec<Value>> {
    node.get("anyOf")
        .or_else(|| node.get("oneOf"))
        .and_then(Value::as_array)
}

/// True for a branch that only allows `null` (an optional field's "not asked").
pub fn is_null_branch(node: &Value) -> bool {
    node.get("type") == Some(&json!("null"))
}

/// The declared types of a node (empty when it declares none).
pub fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A random generator of documents that fit a schema.
pub struct Generator<'a> {
    root: &'a Value,
    rng: TestRng,
}

const WORDS: &[&str] = &[
    "Siti",
    "Rahmawati",
    "UPTD PPA Kalsel",
    "Dinas Sosial",
    "Banjarmasin",
    "Martapura",
    "Kuala Lumpur",
    "she asked not to be called at home",
    "Nur",
    "Ahmad",
    "Ibu Ani",
    "é ü ñ 漢字",
];

impl<'a> Generator<'a> {
    /// A generator for `root` with its own deterministic sequence from `seed`.
    pub fn new(root: &'a Value, seed: u64) -> Self {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..16].copy_from_slice(b"lindung!");
        Generator {
            root,
            rng: TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
        }
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        let span = (high - low) as u64 + 1;
        low + (self.rng.next_u64() % span) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One of `items`.
    pub fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[(self.rng.next_u64() % items.len() as u64) as usize]
    }

    /// A value that fits `node`.
    pub fn value(&mut self, node: &Value) -> Value {
        let node = resolve(self.root, node);
        if let Some(fixed) = node.get("const") {
            return fixed.clone();
        }
        if let Some(Value::Array(values)) = node.get("enum") {
            return self.pick(values).clone();
        }
        if let Some(options) = branches(node) {
            let real: Vec<&Value> = options.iter().filter(|b| !is_null_branch(b)).collect();
            if real.is_empty() || (real.len() < options.len() && self.chance(0.05)) {
                return Value::Null;
            }
            let branch = *self.pick(&real);
            return self.value(branch);
        }
        let declared = types(node);
        let real: Vec<&str> = declared.iter().copied().filter(|t| *t != "null").collect();
        if declared.contains(&"null") && self.chance(0.05) {
            return Value::Null;
        }
        match real.first().copied().unwrap_or("object") {
            "object" => self.object(node),
            "array" => self.array(node),
            "string" => self.string(node),
            "integer" => {
                let low = node.get("minimum").and_then(Value::as_i64).unwrap_or(0);
                let high = node
                    .get("maximum")
                    .and_then(Value::as_i64)
                    .unwrap_or(low + 50);
                // Mostly small, sometimes at the bounds.
                match self.range(0, 9) {
                    0 => json!(low),
                    1 => json!(high),
                    _ => json!(self.range(low, low + (high - low).min(40))),
                }
            }
            "number" => json!(self.range(0, 100) as f64 + 0.25),
            "boolean" => json!(self.chance(0.5)),
            _ => Value::Null,
        }
    }

    fn object(&mut self, node: &Value) -> Value {
        let mut out = Map::new();
        let required: Vec<&str> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let keep = if self.chance(0.2) { 0.9 } else { 0.5 };
        if let Some(properties) = node.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                if required.contains(&name.as_str()) || self.chance(keep) {
                    let value = self.value(property);
                    out.insert(name.clone(), value);
                }
            }
        }
        if let (Some(names), Some(values)) =
            (node.get("propertyNames"), node.get("additionalProperties"))
        {
            let count = self.range(0, 8);
            for _ in 0..count {
                if let Value::String(name) = self.value(names) {
                    let value = self.value(values);
                    out.insert(name, value);
                }
            }
        }
        Value::Object(out)
    }

    fn array(&mut self, node: &Value) -> Value {
        let min = node.get("minItems").and_then(Value::as_i64).unwrap_or(0);
        let max = node
            .get("maxItems")
            .and_then(Value::as_i64)
            .unwrap_or(min + 4);
        let length = self.range(min, max.min(min + 4));
        let unique = node.get("uniqueItems") == Some(&json!(true));
        let mut out: Vec<Value> = Vec::new();
        let Some(items) = node.get("items") else {
            return Value::Array(out);
        };
        let mut tries = 0;
        while (out.len() as i64) < length && tries < 40 {
            tries += 1;
            let item = self.value(items);
            if !(unique && out.contains(&item)) {
                out.push(item);
            }
        }
        Value::Array(out)
    }

    fn string(&mut self, node: &Value) -> Value {
        match node.get("format").and_then(Value::as_str) {
            Some("date") => return json!(self.date(1950, 2026)),
            Some("date-time") => return json!(self.date_time(2020, 2026)),
            _ => {}
        }
        if let Some(pattern) = node.get("pattern").and_then(Value::as_str) {
            return json!(self.fit_pattern(pattern));
        }
        let min = node.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
        let max = node.get("maxLength").and_then(Value::as_u64).unwrap_or(200) as usize;
        let mut text = String::new();
        let target = self.range(min.max(1) as i64, max.min(min.max(1) + 60) as i64) as usize;
        while text.chars().count() < target {
            if !text.is_empty() {
                text.push(' ');
            }
            let word: &&str = self.pick(WORDS);
            text.push_str(word);
        }
        json!(text.chars().take(max).collect::<String>())
    }

    fn fit_pattern(&mut self, pattern: &str) -> String {
        let digits = |g: &mut Self, n: usize| {
            (0..n)
                .map(|_| char::from(b'0' + g.range(0, 9) as u8))
                .collect::<String>()
        };
        match pattern {
            r"^[A-Za-z0-9._-]{1,64}$" => {
                let prefix = self.pick(&["KTK", "KPO", "BJM", "a", "x.y_z-1"]).to_owned();
                let length = self.range(0, 12) as usize;
                format!("{prefix}-{}", digits(self, length))
                    .chars()
                    .take(64)
                    .collect()
            }
            r"^[0-9]{2}$" => self.pick(&["63", "11", "31", "64", "99"]).to_string(),
            r"^[0-9]{2}\.[0-9]{2}$" => self.pick(&["63.71", "63.72", "63.03", "31.74"]).to_string(),
            r"^[0-9]{16}$" => digits(self, 16),
            r"^[A-Z]{2}$" => self.pick(&["ID", "MY", "SA", "TW", "HK"]).to_string(),
            r"^\+?[0-9][0-9 -]{2,19}$" => self
                .pick(&["+62 812 0000 0000", "129", "0511-3300 111", "+60123456789"])
                .to_string(),
            r"^[a-z]{2,3}$" => self.pick(&["id", "bjn", "en", "jv"]).to_string(),
            other => panic!("no sample for the pattern `{other}`: add one"),
        }
    }

    /// A real calendar date between two years.
    pub fn date(&mut self, from: i64, to: i64) -> String {
        let year = self.range(from, to);
        let month = self.range(1, 12);
        let days = match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let day = self.range(1, days);
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// An RFC 3339 date-time with seconds and an offset.
    pub fn date_time(&mut self, from: i64, to: i64) -> String {
        let date = self.date(from, to);
        let (h, m, s) = (self.range(0, 23), self.range(0, 59), self.range(0, 59));
        let fraction = if self.chance(0.1) { ".250" } else { "" };
        let offset = *self.pick(&["+08:00", "+07:00", "+09:00", "Z", "-05:30", "+00:00"]);
        format!("{date}T{h:02}:{m:02}:{s:02}{fraction}{offset}")
    }
}

/// What kind of case a generated document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Violence only.
    Ktk,
    /// Trafficking only.
    Kpo,
    /// Both.
    Both,
}

/// A sound, plausible assessment: the schema's shape, then the cross-field rules kept.
pub fn assessment(schema: &Value, seed: u64) -> Value {
    let mut g = Generator::new(schema, seed);
    let mut doc = g.value(schema);
    let kind = *g.pick(&[Kind::Ktk, Kind::Kpo, Kind::Both]);
    let child = g.chance(0.35);
    realise(&mut g, &mut doc, kind, child);
    doc
}

fn section(g: &mut Generator<'_>, name: &str) -> Value {
    let node = g
        .root
        .pointer(&format!("/$defs/{name}"))
        .cloned()
        .unwrap_or_default();
    g.value(&node)
}

fn realise(g: &mut Generator<'_>, doc: &mut Value, kind: Kind, child: bool) {
    let Some(root) = doc.as_object_mut() else {
        return;
    };
    // The moment of assessment, with an offset; every other date lies before it.
    let year = g.range(2025, 2026);
    let assessed = format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:00{}",
        g.range(1, 12),
        g.range(1, 28),
        g.range(7, 18),
        g.range(0, 59),
        g.pick(&["+08:00", "+07:00", "Z"])
    );
    root.insert("assessedAt".into(), json!(assessed));
    let case_types = match kind {
        Kind::Ktk => json!(["ktk"]),
        Kind::Kpo => json!(["kpo"]),
        Kind::Both => {
            if g.chance(0.5) {
                json!(["ktk", "kpo"])
            } else {
                json!(["kpo", "ktk"])
            }
        }
    };
    root.insert("caseTypes".into(), case_types);
    let age = if child {
        g.range(0, 17)
    } else {
        g.range(18, 80)
    };
    let birth_year = year - 1 - age;
    if let Some(person) = root.get_mut("person").and_then(Value::as_object_mut) {
        person.remove("birthDate");
        person.remove("ageYears");
        // Born in the first months, assessed a year and a bit later: the age is exact.
        let birth = format!("{birth_year}-0{}-1{}", g.range(1, 9), g.range(0, 9));
        match g.range(0, 2) {
            0 => {
                person.insert("birthDate".into(), json!(birth));
            }
            1 => {
                person.insert("ageYears".into(), json!(year - birth_year - 1));
            }
            _ => {
                person.insert("birthDate".into(), json!(birth));
                person.insert("ageYears".into(), json!(year - birth_year - 1));
            }
        }
        if person.get("sex") == Some(&json!("male")) {
            person.remove("pregnant");
        }
    }
    if child {
        if !root.get("guardian").is_some_and(Value::is_object) {
            let guardian = section(g, "Guardian");
            root.insert("guardian".into(), guardian);
        }
    } else if g.chance(0.7) {
        root.remove("guardian");
    }
    if let Some(consent) = root.get_mut("consent").and_then(Value::as_object_mut) {
        if !consent.get("recordedAs").is_some_and(Value::is_string) {
            consent.insert(
                "recordedAs".into(),
                json!(if child { "guardian" } else { "written" }),
            );
        }
    }
    let ktk = kind != Kind::Kpo;
    let kpo = kind != Kind::Ktk;
    if ktk && !root.get("violence").is_some_and(Value::is_object) {
        let violence = section(g, "Violence");
        root.insert("violence".into(), violence);
    }
    if !ktk && g.chance(0.8) {
        root.remove("violence");
        root.remove("danger");
    }
    if kpo && !root.get("trafficking").is_some_and(Value::is_object) {
        let trafficking = section(g, "Trafficking");
        root.insert("trafficking".into(), trafficking);
    }
    if !kpo && g.chance(0.8) {
        root.remove("trafficking");
    }
    // Incidents and events fall after the birth (months 1 to 9) and before December of the year
    // before the assessment, which is where they end.
    let before_december = |g: &mut Generator<'_>| {
        let (y, m) = if birth_year < year - 1 {
            (g.range(birth_year + 1, year - 1), g.range(1, 11))
        } else {
            (year - 1, g.range(10, 11))
        };
        format!("{y}-{m:02}-{:02}", g.range(1, 28))
    };
    let december = |g: &mut Generator<'_>| format!("{}-12-{:02}", year - 1, g.range(1, 28));
    if let Some(violence) = root.get_mut("violence").and_then(Value::as_object_mut) {
        let sexual = violence
            .get("forms")
            .and_then(Value::as_array)
            .is_some_and(|forms| forms.contains(&json!("sexual")));
        let typed = violence
            .get("sexualViolence")
            .and_then(Value::as_array)
            .is_some_and(|types| !types.is_empty());
        if sexual && !typed {
            violence.insert("sexualViolence".into(), json!(["rape"]));
        }
        for key in ["firstIncidentOn", "lastIncidentOn", "lastSexualAssaultAt"] {
            violence.remove(key);
        }
        if g.chance(0.6) {
            violence.insert("firstIncidentOn".into(), json!(before_december(g)));
            if g.chance(0.7) {
                violence.insert("lastIncidentOn".into(), json!(december(g)));
            }
        }
        if sexual && g.chance(0.5) {
            let day = december(g);
            violence.insert(
                "lastSexualAssaultAt".into(),
                json!(format!("{day}T21:30:00+08:00")),
            );
        }
    }
    let events = root
        .get_mut("trafficking")
        .and_then(|t| t.get_mut("events"));
    if let Some(events) = events.and_then(Value::as_array_mut) {
        for event in events.iter_mut().filter_map(Value::as_object_mut) {
            event.remove("from");
            event.remove("to");
            if g.chance(0.5) {
                event.insert("from".into(), json!(before_december(g)));
                event.insert("to".into(), json!(december(g)));
            }
        }
    }
}

/// Documents as a proptest strategy: any seed gives one sound document.
pub fn documents(schema: Value) -> impl Strategy<Value = (u64, Value)> {
    any::<u64>().prop_map(move |seed| (seed, assessment(&schema, seed)))
}
