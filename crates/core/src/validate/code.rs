//! The catalogue of problem codes: each code's severity and its message in both languages.

use crate::model::Lang;
use crate::problem::{Params, Problem, Severity};

macro_rules! codes {
    ($($variant:ident => $code:literal, $severity:ident, $about:literal, en: $en:literal, id: $id:literal;)*) => {
        /// A stable problem code. Its dotted name never changes once published.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $(#[doc = $about] $variant,)*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The dotted name, then the message templates in English and in Bahasa Indonesia,
            /// joined by U+001F; the codes' entries follow one another in one string, each ended
            /// by U+001E, so the module carries no table of references to them.
            fn entry(self) -> &'static str {
                const ENTRIES: &str = concat!($($code, "\u{1f}", $en, "\u{1f}", $id, "\u{1e}",)*);
                /// Where each entry starts, and where the last one ends: found at compile time,
                /// so a code reads its entry without scanning those before it.
                static STARTS: [u16; Code::ALL.len() + 1] = {
                    let bytes = ENTRIES.as_bytes();
                    let mut out = [0; Code::ALL.len() + 1];
                    let mut entry = 1;
                    let mut at = 0;
                    while at < bytes.len() {
                        if bytes[at] == 0x1e {
                            // Checked while the table is built: a longer text fails the build.
                            assert!(at < u16::MAX as usize && entry < out.len());
                            out[entry] = at as u16 + 1;
                            entry += 1;
                        }
                        at += 1;
                    }
                    out
                };
                let start = STARTS.get(self as usize).copied().unwrap_or_default();
                let end = STARTS.get(self as usize + 1).copied().unwrap_or_default();
                // Without the U+001E that ends it.
                ENTRIES
                    .get(usize::from(start)..usize::from(end.saturating_sub(1)))
                    .unwrap_or_default()
            }

            /// The dotted name, for example `date.in_future`.
            pub fn as_str(self) -> &'static str {
                self.part(0)
            }

            /// Whether a problem with this code is an error or a warning.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// What the code means, in English, for the documentation.
            pub fn about(self) -> &'static str {
                match self { $(Code::$variant => $about,)* }
            }

            /// The message template in `lang`; `{name}` stands for the parameter `name`.
            pub fn template(self, lang: Lang) -> &'static str {
                self.part(match lang {
                    Lang::En => 1,
                    Lang::Id => 2,
                })
            }

            fn part(self, index: usize) -> &'static str {
                // A byte scan: the separator is ASCII, so every cut is on a character boundary.
                let entry = self.entry();
                let (mut start, mut seen) = (0, 0);
                for (at, byte) in entry.bytes().enumerate() {
                    if byte == 0x1f {
                        if seen == index {
                            return entry.get(start..at).unwrap_or_default();
                        }
                        seen += 1;
                        start = at + 1;
                    }
                }
                if seen == index {
                    entry.get(start..).unwrap_or_default()
                } else {
                    ""
                }
            }
        }
    };
}

codes! {
    DocumentTooLarge => "document.too_large", Error,
        "The document is larger than 1 MiB; nothing else is checked.",
        en: "the document is {size} bytes, over the limit of {limit} bytes",
        id: "dokumen berukuran {size} bita, melebihi batas {limit} bita";
    JsonSyntax => "json.syntax", Error,
        "The document is not JSON text; `line` and `column` say where reading stopped.",
        en: "the document is not valid JSON near line {line}, column {column}",
        id: "dokumen bukan JSON yang sah di sekitar baris {line}, kolom {column}";
    JsonDuplicateKey => "json.duplicate_key", Error,
        "A key appears twice in one object; the path names the repeated one.",
        en: "the key `{key}` appears more than once in the same object",
        id: "kunci `{key}` muncul lebih dari sekali dalam objek yang sama";
    TooManyProblems => "document.too_many_problems", Error,
        "More structural problems than are worth listing; the first ones are reported.",
        en: "more than {limit} problems were found; only the first {limit} are shown",
        id: "ditemukan lebih dari {limit} masalah; hanya {limit} yang pertama ditampilkan";
    DocumentUnreadable => "document.unreadable", Error,
        "The document passed every structural check but still could not be read; please report it.",
        en: "the document could not be read as an assessment",
        id: "dokumen tidak dapat dibaca sebagai asesmen";
    FieldUnknown => "field.unknown", Error,
        "A field that the contract does not define.",
        en: "`{field}` is not a known field here",
        id: "`{field}` bukan isian yang dikenal di sini";
    FieldRequired => "field.required", Error,
        "A required field is absent; the path names the missing field.",
        en: "`{field}` is required",
        id: "`{field}` wajib diisi";
    ValueType => "value.type", Error,
        "A value of the wrong JSON type (a number where text is expected, `3.0` where a whole number is expected).",
        en: "expected {expected}, found {found}",
        id: "seharusnya {expected}, ternyata {found}";
    ValueNotAllowed => "value.not_allowed", Error,
        "A value outside the fixed list of values.",
        en: "`{value}` is not one of the allowed values: {allowed}",
        id: "`{value}` bukan salah satu nilai yang diizinkan: {allowed}";
    StringTooShort => "string.too_short", Error,
        "A text shorter than its minimum length.",
        en: "the text has {length} characters, fewer than the minimum of {min}",
        id: "teks berisi {length} karakter, kurang dari batas minimum {min}";
    StringTooLong => "string.too_long", Error,
        "A text longer than its maximum length.",
        en: "the text has {length} characters, over the limit of {max}",
        id: "teks berisi {length} karakter, melebihi batas {max}";
    StringPattern => "string.pattern", Error,
        "A text not in its required form (an identifier, a region code, a NIK of 16 digits, a country code, a phone number).",
        en: "`{value}` is not in the expected form: {form}",
        id: "`{value}` tidak sesuai bentuk yang diharapkan: {form}";
    StringFormat => "string.format", Error,
        "A date that is not `YYYY-MM-DD`, or a date-time without a UTC offset or not as RFC 3339.",
        en: "`{value}` is not a valid {format}",
        id: "`{value}` bukan {format} yang sah";
    NumberTooSmall => "number.too_small", Error,
        "A number below its minimum.",
        en: "`{value}` is below the minimum of {min}",
        id: "`{value}` di bawah batas minimum {min}";
    NumberTooLarge => "number.too_large", Error,
        "A number above its maximum.",
        en: "`{value}` is above the maximum of {max}",
        id: "`{value}` di atas batas maksimum {max}";
    ArrayTooShort => "array.too_short", Error,
        "A list with fewer items than its minimum.",
        en: "at least {min} item(s) needed, found {length}",
        id: "perlu sedikitnya {min} butir, ada {length}";
    ArrayTooLong => "array.too_long", Error,
        "A list with more items than its maximum.",
        en: "at most {max} items allowed, found {length}",
        id: "paling banyak {max} butir, ada {length}";
    ArrayDuplicate => "array.duplicate", Error,
        "A value repeated in a list of distinct values; the path names the repeat.",
        en: "`{value}` appears more than once",
        id: "`{value}` muncul lebih dari sekali";
    IndicatorUnknown => "indicator.unknown", Error,
        "A trafficking indicator id that is not in the catalogue.",
        en: "`{id}` is not an indicator of the catalogue",
        id: "`{id}` bukan indikator dalam katalog";
    DateInFuture => "date.in_future", Error,
        "A date or time after `assessedAt`: nothing recorded can happen after the assessment.",
        en: "`{value}` is after the assessment time `{assessedAt}`",
        id: "`{value}` sesudah waktu asesmen `{assessedAt}`";
    PersonAgeMissing => "person.age_missing", Error,
        "Neither `birthDate` nor `ageYears` is given.",
        en: "give the birth date or the age in years",
        id: "isi tanggal lahir atau umur dalam tahun";
    PersonAgeMismatch => "person.age_mismatch", Error,
        "`birthDate` and `ageYears` differ by more than one year at `assessedAt`.",
        en: "the age `{ageYears}` does not agree with the birth date `{birthDate}`, which gives {computed} years at the assessment",
        id: "umur `{ageYears}` tidak sesuai dengan tanggal lahir `{birthDate}`, yang memberi umur {computed} tahun saat asesmen";
    PersonBornAfterIncident => "person.born_after_incident", Error,
        "The birth date is after a recorded incident.",
        en: "the birth date `{birthDate}` is after the incident on `{incident}`",
        id: "tanggal lahir `{birthDate}` sesudah kejadian pada `{incident}`";
    ViolenceIncidentOrder => "violence.incident_order", Error,
        "`lastIncidentOn` is before `firstIncidentOn`.",
        en: "the last incident `{last}` is before the first incident `{first}`",
        id: "kejadian terakhir `{last}` sebelum kejadian pertama `{first}`";
    EventDateOrder => "event.date_order", Error,
        "A trafficking event ends (`to`) before it begins (`from`).",
        en: "the event ends on `{to}`, before it begins on `{from}`",
        id: "peristiwa berakhir pada `{to}`, sebelum dimulai pada `{from}`";
    GuardianMissing => "guardian.missing", Error,
        "The person is under 18 at `assessedAt` and no `guardian` is recorded.",
        en: "a child needs a parent or guardian recorded",
        id: "anak memerlukan data orang tua atau wali";
    ViolenceMissing => "violence.missing", Error,
        "The case types include `ktk` and the `violence` section is absent.",
        en: "a violence case (`ktk`) needs the violence section",
        id: "kasus kekerasan (`ktk`) memerlukan bagian kekerasan";
    TraffickingMissing => "trafficking.missing", Error,
        "The case types include `kpo` and the `trafficking` section is absent.",
        en: "a trafficking case (`kpo`) needs the trafficking section",
        id: "kasus perdagangan orang (`kpo`) memerlukan bagian perdagangan orang";
    SexualTypeMissing => "violence.sexual_type_missing", Error,
        "The forms of violence include `sexual` and no type of sexual violence is given.",
        en: "sexual violence needs at least one type of sexual violence",
        id: "kekerasan seksual memerlukan sedikitnya satu jenis kekerasan seksual";
    ConsentRecordMissing => "consent.record_missing", Error,
        "Consent is given for a purpose but `recordedAs` does not say how it was recorded (UU 27/2022 Pasal 22).",
        en: "say how the consent was recorded",
        id: "sebutkan cara persetujuan dicatat";
    ConsentServicesMissing => "consent.services_missing", Warning,
        "No consent for services: referrals wait for consent unless an emergency basis is recorded.",
        en: "no consent for services is recorded: referrals need consent or a recorded emergency",
        id: "belum ada persetujuan untuk layanan: rujukan memerlukan persetujuan atau keadaan darurat yang dicatat";
    DangerNotAsked => "danger.not_asked", Warning,
        "A danger question was not asked in a violence case: the risk may be higher than it looks.",
        en: "the danger question `{question}` was not asked",
        id: "pertanyaan bahaya `{question}` belum ditanyakan";
    DangerUnknownKey => "danger.unknown_key", Warning,
        "Strangulation or threats to kill answered `unknown`: among the strongest signs of danger.",
        en: "`{question}` is unknown: it is among the strongest signs of danger, ask again when it is safe",
        id: "`{question}` tidak diketahui: ini salah satu tanda bahaya terkuat, tanyakan lagi bila aman";
    NeedsNotAsked => "needs.not_asked", Warning,
        "Some questions about the person's needs were not asked; `count` of `total`.",
        en: "{count} of {total} questions about needs were not asked",
        id: "{count} dari {total} pertanyaan tentang kebutuhan belum ditanyakan";
    IndicatorsNotAsked => "indicators.not_asked", Warning,
        "Some trafficking indicators were not asked in a trafficking case; `count` of `total`.",
        en: "{count} of {total} trafficking indicators were not asked",
        id: "{count} dari {total} indikator perdagangan orang belum ditanyakan";
    MigrationMissing => "migration.missing", Warning,
        "A trafficking case without migration data.",
        en: "migration is not recorded for this trafficking case",
        id: "data migrasi belum dicatat untuk kasus perdagangan orang ini";
    GuardianSuspected => "guardian.suspected", Warning,
        "The child's guardian is a suspected perpetrator: contact and referrals go around them.",
        en: "the guardian is a suspected perpetrator: do not contact or refer through them",
        id: "wali diduga pelaku: jangan menghubungi atau merujuk melalui wali";
    JudgementLowers => "judgement.lowers", Warning,
        "The professional judgement is more than one level below the computed level.",
        en: "the professional judgement `{judgement}` is more than one level below the computed level `{computed}`",
        id: "penilaian profesional `{judgement}` lebih dari satu tingkat di bawah tingkat terhitung `{computed}`";
}

impl Code {
    /// A problem with this code at `path`, its message in `lang` filled from `params`.
    ///
    /// ```
    /// use lindung::validate::Code;
    /// use lindung::Lang;
    ///
    /// let problem = Code::FieldRequired.problem("/person/sex", Lang::En, &[("field", "sex".into())]);
    /// assert_eq!(problem.code, "field.required");
    /// assert_eq!(problem.message, "`sex` is required");
    /// ```
    pub fn problem(
        self,
        path: impl Into<String>,
        lang: Lang,
        params: &[(&str, String)],
    ) -> Problem {
        let params: Vec<(&str, &str)> = params
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        self.problem_at(path.into(), lang, &params)
    }

    /// As [`Code::problem`], the parameters borrowed: a value at hand is not copied to be named.
    pub(crate) fn problem_with(
        self,
        path: impl Into<String>,
        lang: Lang,
        params: &[(&str, &str)],
    ) -> Problem {
        self.problem_at(path.into(), lang, params)
    }

    fn problem_at(self, path: String, lang: Lang, params: &[(&str, &str)]) -> Problem {
        let mut named = Params::new();
        for (name, value) in params {
            named.insert((*name).to_owned(), (*value).to_owned());
        }
        Problem {
            path,
            code: self.as_str().to_owned(),
            severity: self.severity(),
            message: render(self.template(lang), params),
            params: named,
        }
    }
}

/// A message template with each `{name}` replaced by its parameter, in one pass: a value is
/// written as it is (shortened when long), never read again for placeholders.
fn render(template: &str, params: &[(&str, &str)]) -> String {
    let mut message = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        // Slices at `{` and `}` (ASCII) are always on character boundaries.
        message.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let placeholder = after.find('}').and_then(|close| {
            let name = after.get(..close)?;
            let (_, value) = params.iter().find(|(known, _)| *known == name)?;
            Some((value, after.get(close + 1..)?))
        });
        match placeholder {
            Some((value, tail)) => {
                push_shortened(&mut message, value);
                rest = tail;
            }
            None => {
                message.push('{');
                rest = after;
            }
        }
    }
    message.push_str(rest);
    message
}

/// Keeps messages readable when a user value is long.
fn push_shortened(message: &mut String, value: &str) {
    const MAX: usize = 80;
    // Where character number MAX starts: the bytes that begin a character are counted, without
    // decoding any (the crate's `char_count` counts the same way).
    let mut begun = 0;
    let cut = value.bytes().enumerate().find(|(_, byte)| {
        begun += usize::from(byte & 0xC0 != 0x80);
        begun > MAX
    });
    match cut {
        Some((cut, _)) => {
            message.push_str(value.get(..cut).unwrap_or_default());
            message.push('…');
        }
        None => message.push_str(value),
    }
}

/// The catalogue of problem codes as Markdown, for `docs/problems.md`.
#[doc(hidden)]
pub fn problems_markdown() -> String {
    let mut out = String::from(
        "# Problem codes\n\nEvery problem lindung reports has a stable dotted code, a severity, a JSON \
         Pointer `path` in JSON names and a message in Bahasa Indonesia (default) or English. \
         Errors make an assessment unusable; warnings are findings an officer should see.\n\n\
         | code | severity | meaning | message (en) | message (id) |\n|---|---|---|---|---|\n",
    );
    for code in Code::ALL {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            code.as_str(),
            severity,
            code.about().replace('|', "\\|"),
            code.template(Lang::En).replace('|', "\\|"),
            code.template(Lang::Id).replace('|', "\\|"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_in_one_pass() {
        let long = "x".repeat(100);
        let cases = [
            (
                "`{field}` is required",
                vec![("field", "sex")],
                "`sex` is required",
            ),
            (
                "{a} and {b}",
                vec![("a", "{b}"), ("b", "two")],
                "{b} and two",
            ),
            ("{unknown} stays", vec![], "{unknown} stays"),
            ("open { brace", vec![], "open { brace"),
            (
                "{v}",
                vec![("v", long.as_str())],
                &*format!("{}…", &long[..80]),
            ),
        ];
        for (template, params, expected) in cases {
            assert_eq!(render(template, &params), expected, "{template}");
        }
    }

    #[test]
    fn long_values_are_cut_after_80_characters_of_any_width() {
        for unit in ["x", "é", "中", "🙂", "a\u{301}"] {
            for count in [0, 1, 79, 80, 81, 200] {
                let value = unit.repeat(count);
                let mut expected = String::new();
                match value.char_indices().nth(80) {
                    Some((cut, _)) => {
                        expected.push_str(&value[..cut]);
                        expected.push('…');
                    }
                    None => expected.push_str(&value),
                }
                let mut message = String::new();
                push_shortened(&mut message, &value);
                assert_eq!(message, expected, "{unit} × {count}");
            }
        }
    }

    #[test]
    fn codes_are_unique_dotted_and_lowercase() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "repeated code {name}");
            assert!(name.contains('.'), "{name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'),
                "{name}"
            );
        }
    }

    #[test]
    fn messages_are_lowercase_without_trailing_period_and_agree_on_parameters() {
        for code in Code::ALL {
            let en = code.template(Lang::En);
            let id = code.template(Lang::Id);
            for text in [en, id] {
                assert!(!text.ends_with('.'), "{text}");
                assert!(!text.starts_with(|c: char| c.is_uppercase()), "{text}");
            }
            assert_eq!(placeholders(en), placeholders(id), "{}", code.as_str());
        }
    }

    fn placeholders(text: &str) -> std::collections::BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn long_values_are_shortened_in_messages_but_kept_in_params() {
        let long = "x".repeat(200);
        let problem = Code::StringPattern.problem(
            "/id",
            Lang::En,
            &[("value", long.clone()), ("form", "f".into())],
        );
        assert!(problem.message.chars().count() < 150);
        assert_eq!(problem.params.get("value"), Some(long.as_str()));
    }

    #[test]
    fn markdown_lists_every_code() {
        let text = problems_markdown();
        for code in Code::ALL {
            assert!(text.contains(&format!("`{}`", code.as_str())));
        }
    }
}
