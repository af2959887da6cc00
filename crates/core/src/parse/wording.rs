//! Structural problems in words an officer reads: JSON types, date formats and the forms the
//! schema's patterns ask for, in both languages.

use crate::model::Lang;
use crate::text::joined;

/// Each JSON type's name with its words in English and in Bahasa Indonesia: a table searched by
/// name, not a comparison of both keys for each pair.
const TYPE_LABELS: [(&str, &str, &str); 6] = [
    ("string", "text", "teks"),
    ("integer", "a whole number", "bilangan bulat"),
    ("number", "a number", "angka"),
    ("boolean", "true or false", "benar atau salah"),
    ("array", "a list", "daftar"),
    ("object", "an object", "objek"),
];

pub(super) fn type_label(name: &str, lang: Lang) -> &'static str {
    match TYPE_LABELS.iter().find(|(known, _, _)| *known == name) {
        Some((_, en, _)) if lang == Lang::En => en,
        Some((_, _, id)) => id,
        None => "null",
    }
}

pub(super) fn format_name(format: &str, lang: Lang) -> &'static str {
    match (format, lang) {
        ("date", Lang::En) => "date (YYYY-MM-DD)",
        ("date", Lang::Id) => "tanggal (YYYY-MM-DD)",
        (_, Lang::En) => "date and time with a UTC offset (YYYY-MM-DDThh:mm:ss+hh:mm)",
        (_, Lang::Id) => "tanggal dan waktu dengan selisih UTC (YYYY-MM-DDThh:mm:ss+hh:mm)",
    }
}

/// What a pattern asks for, in words an officer reads.
pub(super) fn form_hint(pattern: &str, lang: Lang) -> String {
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
        other => return joined(&["`", other, "`"]),
    };
    match lang {
        Lang::En => en.to_owned(),
        Lang::Id => id.to_owned(),
    }
}
