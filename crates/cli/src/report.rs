//! Rendering for people and machines: problems with their place (pointer, line, column) and the
//! assessment result as a report readable at a glance in a terminal.

use std::io::{self, Write};

use lindung::result::AssessmentResult;
use lindung::{Lang, Problem, Severity};

/// Where a document came from, for messages.
#[derive(Debug)]
pub struct Place<'a> {
    /// The file name, `-` for standard input.
    pub file: &'a str,
    /// The line of a JSON Lines input.
    pub line: Option<usize>,
    /// The document's bytes, to turn pointers into lines and columns.
    pub bytes: &'a [u8],
}

/// Counts across documents, for the closing summary.
#[derive(Debug, Default)]
pub struct Tally {
    /// Documents read.
    pub documents: usize,
    /// Documents with at least one error.
    pub invalid: usize,
    /// Warnings across all documents.
    pub warnings: usize,
}

impl Tally {
    /// Prints `N documents: N valid, N invalid, N warnings`.
    pub fn summary(&self, out: &mut impl Write, lang: Lang) -> io::Result<()> {
        let valid = self.documents - self.invalid;
        match lang {
            Lang::Id => writeln!(
                out,
                "{} dokumen: {valid} sah, {} tidak sah, {} peringatan",
                self.documents, self.invalid, self.warnings
            ),
            Lang::En => writeln!(
                out,
                "{} documents: {valid} valid, {} invalid, {} warnings",
                self.documents, self.invalid, self.warnings
            ),
        }
    }
}

/// Prints a document's problems; returns true when it has no error.
pub fn problems(
    out: &mut impl Write,
    json: bool,
    place: &Place<'_>,
    problems: &[Problem],
    tally: &mut Tally,
) -> io::Result<bool> {
    let valid = !problems.iter().any(Problem::is_error);
    tally.documents += 1;
    tally.invalid += usize::from(!valid);
    tally.warnings += problems.iter().filter(|p| !p.is_error()).count();
    if json {
        let mut record =
            serde_json::json!({ "file": place.file, "valid": valid, "problems": problems });
        if let Some(line) = place.line {
            record["line"] = line.into();
        }
        writeln!(out, "{record}")?;
        return Ok(valid);
    }
    let name = match place.line {
        Some(line) => format!("{}:{line}", place.file),
        None => place.file.to_owned(),
    };
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    if problems.is_empty() {
        writeln!(out, "{name}: ok")?;
    } else {
        writeln!(out, "{name}: {errors} error(s), {warnings} warning(s)")?;
    }
    for problem in problems {
        writeln!(out, "  {}", problem_line(place, problem))?;
    }
    Ok(valid)
}

/// One problem as `error   /person/nik (line 12, column 10)  person.nik_invalid  message`.
pub fn problem_line(place: &Place<'_>, problem: &Problem) -> String {
    let severity = match problem.severity {
        Severity::Error => "error  ",
        Severity::Warning => "warning",
    };
    let path = if problem.path.is_empty() {
        "/"
    } else {
        problem.path.as_str()
    };
    let location = match (
        place.line,
        lindung::json::locate(place.bytes, &problem.path),
    ) {
        (None, Some((line, column))) => format!(" (line {line}, column {column})"),
        (Some(_), Some((_, column))) => format!(" (column {column})"),
        _ => String::new(),
    };
    format!(
        "{severity} {path}{location}  {}  {}",
        problem.code, problem.message
    )
}

/// The result as pretty JSON, with a trailing newline left to the caller.
pub fn to_json(result: &AssessmentResult) -> serde_json::Result<String> {
    serde_json::to_string_pretty(result)
}

/// Words of the report in the two languages.
struct Words {
    decision_support: &'static str,
    risk: &'static str,
    score: &'static str,
    computed: &'static str,
    judgement: &'static str,
    factors: &'static str,
    floors: &'static str,
    unknown: &'static str,
    not_asked: &'static str,
    trafficking: &'static str,
    profile: &'static str,
    elements: &'static str,
    referrals: &'static str,
    none: &'static str,
    completeness: &'static str,
    problems: &'static str,
    invalid: &'static str,
    no_provider: &'static str,
    unconfirmed: &'static str,
    guardian_not_contacted: &'static str,
}

const ID: Words = Words {
    decision_support: "Dukungan keputusan, bukan keputusan.",
    risk: "RISIKO",
    score: "skor",
    computed: "hasil hitung",
    judgement: "penilaian profesional",
    factors: "Faktor",
    floors: "Batas bawah",
    unknown: "Tidak diketahui",
    not_asked: "Belum ditanyakan",
    trafficking: "PERDAGANGAN ORANG",
    profile: "profil",
    elements: "Unsur",
    referrals: "RUJUKAN",
    none: "tidak ada",
    completeness: "KELENGKAPAN",
    problems: "MASALAH",
    invalid: "Asesmen tidak sah: tidak ada rujukan yang siap sampai kesalahan diperbaiki.",
    no_provider: "belum ada penyedia di direktori",
    unconfirmed: "belum dikonfirmasi",
    guardian_not_contacted: "wali tidak dihubungi (diduga pelaku)",
};

const EN: Words = Words {
    decision_support: "Decision support, not a decision.",
    risk: "RISK",
    score: "score",
    computed: "computed",
    judgement: "professional judgement",
    factors: "Factors",
    floors: "Floors",
    unknown: "Unknown",
    not_asked: "Not asked",
    trafficking: "TRAFFICKING",
    profile: "profile",
    elements: "Elements",
    referrals: "REFERRALS",
    none: "none",
    completeness: "COMPLETENESS",
    problems: "PROBLEMS",
    invalid: "The assessment is invalid: no referral is ready until the errors are fixed.",
    no_provider: "no provider in the directory yet",
    unconfirmed: "to be confirmed",
    guardian_not_contacted: "guardian not contacted (suspected perpetrator)",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

fn level_name(level: lindung::RiskLevel, lang: Lang) -> &'static str {
    use lindung::RiskLevel::*;
    match (lang, level) {
        (Lang::Id, Low) => "RENDAH",
        (Lang::Id, Medium) => "SEDANG",
        (Lang::Id, High) => "TINGGI",
        (Lang::Id, Critical) => "KRITIS",
        (Lang::En, Low) => "LOW",
        (Lang::En, Medium) => "MEDIUM",
        (Lang::En, High) => "HIGH",
        (Lang::En, Critical) => "CRITICAL",
    }
}

fn status_name(status: lindung::trafficking::TraffickingStatus, lang: Lang) -> &'static str {
    use lindung::trafficking::TraffickingStatus::*;
    match (lang, status) {
        (Lang::Id, Indicated) => "TERINDIKASI",
        (Lang::Id, Possible) => "MUNGKIN",
        (Lang::Id, NotIndicated) => "tidak terindikasi",
        (Lang::Id, NotAssessed) => "tidak dinilai (bukan kasus KPO)",
        (Lang::En, Indicated) => "INDICATED",
        (Lang::En, Possible) => "POSSIBLE",
        (Lang::En, NotIndicated) => "not indicated",
        (Lang::En, NotAssessed) => "not assessed (not a KPO case)",
    }
}

fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (lang, value) {
        (Lang::Id, true) => "ya",
        (Lang::Id, false) => "tidak",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

fn list(pointers: &[String], none: &str) -> String {
    if pointers.is_empty() {
        none.to_owned()
    } else {
        pointers.join(", ")
    }
}

/// The whole result, readable at a glance in a terminal.
pub fn result_text(
    out: &mut impl Write,
    file: &str,
    bytes: &[u8],
    result: &AssessmentResult,
    lang: Lang,
) -> io::Result<()> {
    let w = words(lang);
    let id = result.assessment_id.as_deref().unwrap_or("?");
    writeln!(out, "lindung · {file} · {id}")?;
    writeln!(out, "{}", w.decision_support)?;
    if !result.valid {
        writeln!(out, "\n{}", w.invalid)?;
    }
    if let Some(risk) = &result.risk {
        writeln!(out)?;
        write!(
            out,
            "{}  {}  ({} {}",
            w.risk,
            level_name(risk.level, lang),
            w.score,
            risk.score
        )?;
        if risk.level != risk.computed_level || risk.judgement.is_some() {
            write!(
                out,
                "; {} {}",
                w.computed,
                level_name(risk.computed_level, lang)
            )?;
        }
        writeln!(out, ")")?;
        if let Some(judgement) = &risk.judgement {
            writeln!(
                out,
                "  {}: {} — {}",
                w.judgement,
                level_name(judgement.level, lang),
                judgement.reason
            )?;
        }
        if !risk.factors.is_empty() {
            writeln!(out, "  {}:", w.factors)?;
            for factor in &risk.factors {
                writeln!(
                    out,
                    "    +{:<2} {}  [{}] {}",
                    factor.weight,
                    factor.label,
                    factor.rule,
                    factor.evidence.join(", ")
                )?;
            }
        }
        if !risk.floors.is_empty() {
            writeln!(out, "  {}:", w.floors)?;
            for floor in &risk.floors {
                writeln!(
                    out,
                    "    ≥ {:<8} {}  [{}]",
                    level_name(floor.level, lang),
                    floor.label,
                    floor.rule
                )?;
            }
        }
        writeln!(
            out,
            "  {} ({}): {}",
            w.unknown,
            risk.unknown.len(),
            list(&risk.unknown, w.none)
        )?;
        writeln!(
            out,
            "  {} ({}): {}",
            w.not_asked,
            risk.not_asked.len(),
            list(&risk.not_asked, w.none)
        )?;
    }
    if let Some(trafficking) = &result.trafficking {
        writeln!(out)?;
        write!(
            out,
            "{}  {}",
            w.trafficking,
            status_name(trafficking.status, lang)
        )?;
        if let Some(rule) = &trafficking.rule {
            write!(out, "  [{rule}]")?;
        }
        if trafficking.status == lindung::trafficking::TraffickingStatus::NotAssessed {
            writeln!(out)?;
        } else {
            writeln!(out, "  ({} {})", w.profile, json_name(&trafficking.profile))?;
            trafficking_detail(out, trafficking, lang)?;
        }
    }
    referrals_text(out, result, w)?;
    completeness_and_problems(out, file, bytes, result, w)
}

fn trafficking_detail(
    out: &mut impl Write,
    trafficking: &lindung::trafficking::TraffickingResult,
    lang: Lang,
) -> io::Result<()> {
    let w = words(lang);
    {
        let e = &trafficking.elements;
        writeln!(
            out,
            "  {}: process {}, means {}{}, purpose {}",
            w.elements,
            yes_no(e.process, lang),
            yes_no(e.means, lang),
            if e.means_required { "" } else { " (—)" },
            yes_no(e.purpose, lang)
        )?;
        for d in &trafficking.dimensions {
            let mark = if d.present { "●" } else { "○" };
            let ids: Vec<&str> = d.indicators.iter().map(|i| i.as_str()).collect();
            writeln!(
                out,
                "  {mark} {}  S{} M{} W{}  {}",
                d.id,
                d.strong,
                d.medium,
                d.weak,
                ids.join(", ")
            )?;
        }
    }
    Ok(())
}

fn referrals_text(out: &mut impl Write, result: &AssessmentResult, w: &Words) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{} ({})", w.referrals, result.referrals.len())?;
    for r in &result.referrals {
        let due = r
            .due_by
            .map(|d| d.format("%Y-%m-%d %H:%M %:z").to_string())
            .unwrap_or_else(|| "—".into());
        let ready = if r.ready { "✓" } else { "✗" };
        writeln!(
            out,
            "  {ready} {:<11} {:<22} {}",
            r.urgency.as_str(),
            due,
            r.label
        )?;
        match &r.provider {
            Some(p) => {
                let c = &p.contact;
                let mut contact: Vec<String> = Vec::new();
                if let Some(phone) = &c.phone {
                    contact.push(phone.clone());
                }
                if let Some(wa) = &c.whatsapp {
                    contact.push(format!("WA {wa}"));
                }
                if let Some(address) = &c.address {
                    contact.push(address.clone());
                }
                if !c.confirmed {
                    contact.push(w.unconfirmed.to_owned());
                }
                writeln!(out, "      → {} ({})", p.name, contact.join(", "))?;
            }
            None => writeln!(out, "      → {}", w.no_provider)?,
        }
        write!(out, "      consent: {}", json_name(&r.consent))?;
        if let Some(basis) = &r.basis {
            write!(out, " · {basis}")?;
        }
        writeln!(out, " · [{}]", r.rules.join(", "))?;
        if r.guardian_not_contacted {
            writeln!(out, "      ! {}", w.guardian_not_contacted)?;
        }
    }
    Ok(())
}

fn completeness_and_problems(
    out: &mut impl Write,
    file: &str,
    bytes: &[u8],
    result: &AssessmentResult,
    w: &Words,
) -> io::Result<()> {
    if let Some(c) = &result.completeness {
        writeln!(out)?;
        writeln!(
            out,
            "{}  {:.0}%  (answered {}, unknown {}, not asked {})",
            w.completeness,
            c.ratio * 100.0,
            c.answered,
            c.unknown,
            c.not_asked
        )?;
        if !c.missing_key.is_empty() {
            writeln!(out, "  {}: {}", w.not_asked, c.missing_key.join(", "))?;
        }
    }
    if !result.errors.is_empty() || !result.warnings.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} ({} + {})",
            w.problems,
            result.errors.len(),
            result.warnings.len()
        )?;
        let place = Place {
            file,
            line: None,
            bytes,
        };
        for problem in result.errors.iter().chain(&result.warnings) {
            writeln!(out, "  {}", problem_line(&place, problem))?;
        }
    }
    Ok(())
}
