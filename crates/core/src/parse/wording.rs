//! Structural problems in words an officer reads: JSON types, date formats and the forms the
//! schema's patterns ask for, in both languages.

use crate::model::Lang;

pub(super) fn type_label(name: &str, lang: Lang) -> &'static str {
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
        other => return format!("`{other}`"),
    };
    match lang {
        Lang::En => en.to_owned(),
        Lang::Id => id.to_owned(),
    }
}
