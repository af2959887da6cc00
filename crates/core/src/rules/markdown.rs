//! `docs/rules.md`: the rule set as a document an officer or a reviewer can read.

use std::fmt::Write;

use super::{RuleSet, StatusTest, Strength};
use crate::condition::{Condition, Scalar};

fn condition(c: &Condition) -> String {
    let list = |items: &[Condition], word: &str| {
        let parts: Vec<String> = items.iter().map(condition).collect();
        match parts.len() {
            0 => {
                if word == "and" {
                    "always".to_owned()
                } else {
                    "never".to_owned()
                }
            }
            1 => parts.concat(),
            _ => format!("({})", parts.join(&format!(" {word} "))),
        }
    };
    match c {
        Condition::All(items) => list(items, "and"),
        Condition::Any(items) => list(items, "or"),
        Condition::Not(item) => format!("not {}", condition(item)),
        Condition::Answer(t) => format!("`{}` is {}", t.at, serde_name(&t.is)),
        Condition::Includes(t) => format!("`{}` includes {}", t.at, t.value),
        Condition::Equals(t) => format!("`{}` = {}", t.at, scalar(&t.value)),
        Condition::AtLeast(t) => format!("`{}` ≥ {}", t.at, t.value),
        Condition::Below(t) => format!("`{}` < {}", t.at, t.value),
        Condition::CountYes(t) => {
            let of: Vec<String> = t.of.iter().map(|p| format!("`{p}`")).collect();
            format!("at least {} yes of {}", t.at_least, of.join(", "))
        }
        Condition::WithinHours(t) => format!("`{}` within {} h before assessment", t.at, t.hours),
        Condition::Child(true) => "the person is a child".to_owned(),
        Condition::Child(false) => "the person is an adult".to_owned(),
        Condition::CaseType(t) => format!("case is {}", serde_name(t)),
        Condition::RiskAtLeast(level) => format!("risk ≥ {}", level.as_str()),
        Condition::Trafficking(statuses) => {
            let names: Vec<String> = statuses.iter().map(serde_name).collect();
            format!("trafficking {}", names.join(" or "))
        }
    }
}

fn scalar(value: &Scalar) -> String {
    match value {
        Scalar::Bool(b) => b.to_string(),
        Scalar::Number(n) => n.to_string(),
        Scalar::Text(t) => t.clone(),
    }
}

fn serde_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn strength(s: Strength) -> &'static str {
    match s {
        Strength::Strong => "S",
        Strength::Medium => "M",
        Strength::Weak => "W",
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Renders a rule set as Markdown (`docs/rules.md` for the built-in one).
///
/// ```
/// let text = lindung::rules::rules_markdown(&lindung::RuleSet::builtin());
/// assert!(text.contains("risk.strangulation"));
/// ```
pub fn rules_markdown(rules: &RuleSet) -> String {
    let doc = rules.document();
    let mut out = String::new();
    let _ = writeln!(out, "# Rule set `{}` version {}\n", doc.id, doc.version);
    let _ = writeln!(
        out,
        "Generated from the rule set; do not edit by hand.\n\n{}\n\n> {}\n",
        doc.description.en, doc.description.id
    );

    let t = doc.risk.thresholds;
    let _ = writeln!(out, "## Risk of further serious harm\n");
    let _ = writeln!(
        out,
        "Score = sum of the weights of the factors present. Levels: low < {} ≤ medium < {} ≤ high < {} ≤ critical.\n",
        t.medium, t.high, t.critical
    );
    let _ = writeln!(
        out,
        "| rule | weight | when | label (en / id) |\n|---|---|---|---|"
    );
    for f in &doc.risk.factors {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} / {} |",
            f.id,
            f.weight,
            cell(&condition(&f.when)),
            cell(&f.label.en),
            cell(&f.label.id)
        );
    }
    let _ = writeln!(
        out,
        "\n### Floors\n\nApplied in this order, each against the level reached so far (the score's level raised by the floors above it); a floor with a required level applies only once that level is reached.\n"
    );
    let _ = writeln!(
        out,
        "| rule | level | when | label | basis |\n|---|---|---|---|---|"
    );
    for f in &doc.risk.floors {
        let mut when = condition(&f.when);
        if let Some(min) = f.when_level_at_least {
            when = format!("{when} and level so far ≥ {}", min.as_str());
        }
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            f.id,
            f.level.as_str(),
            cell(&when),
            cell(&f.label.en),
            cell(f.basis.as_deref().unwrap_or(""))
        );
    }

    let tr = &doc.trafficking;
    let _ = writeln!(out, "\n## Trafficking\n\n{}\n", tr.strength_source.en);
    let _ = writeln!(
        out,
        "Child needs no means: {} ({}).\n",
        if tr.child_needs_no_means.enabled {
            "yes"
        } else {
            "no"
        },
        tr.child_needs_no_means.basis
    );
    let combos: Vec<String> = tr
        .dimension_rule
        .iter()
        .map(|c| {
            let mut parts = Vec::new();
            for (n, name) in [
                (c.strong, "strong"),
                (c.medium, "medium"),
                (c.weak, "weak"),
                (c.medium_or_weak, "medium or weak"),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {name}"));
                }
            }
            parts.join(" + ")
        })
        .collect();
    let _ = writeln!(
        out,
        "A dimension is present with {} (counting only \"yes\").\n",
        combos.join(", or ")
    );
    let _ = writeln!(out, "| rule | status | test | label |\n|---|---|---|---|");
    for r in &tr.status_rules {
        let test = match &r.test {
            StatusTest::DimensionGroups(groups) => {
                let g: Vec<String> = groups
                    .iter()
                    .map(|g| {
                        let d: Vec<String> = g.iter().map(u8::to_string).collect();
                        format!("({})", d.join(" or "))
                    })
                    .collect();
                format!("dimensions {}", g.join(" and "))
            }
            StatusTest::DimensionsAtLeast(n) => format!("at least {n} dimension(s) present"),
            StatusTest::RequiredElements(_) => "every required legal element met".to_owned(),
            StatusTest::ElementsAtLeast(n) => format!("at least {n} legal elements met"),
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            r.id,
            serde_name(&r.status),
            test,
            cell(&r.label.en)
        );
    }
    let _ = writeln!(
        out,
        "\n### Indicator catalogue\n\nStrengths per profile: adult labour / adult sexual / child labour / child sexual.\n"
    );
    let _ = writeln!(
        out,
        "| id | dim | strength | question (en) | pertanyaan (id) |\n|---|---|---|---|---|"
    );
    for e in &tr.catalogue {
        let s = e.strength;
        let _ = writeln!(
            out,
            "| `{}` | {} | {}/{}/{}/{} | {} | {} |",
            e.id,
            e.dimension,
            strength(s.adult_labour),
            strength(s.adult_sexual),
            strength(s.child_labour),
            strength(s.child_sexual),
            cell(&e.label.en),
            cell(&e.label.id)
        );
    }

    let _ = writeln!(
        out,
        "\n## Referrals\n\nOne referral per service kind, with every rule that asked for it and the most urgent window; ordered by urgency, then service kind. Rules that need another service are applied after the others. `risk ≥` reads the level to act on: the professional judgement when one is given, else the computed level. The deadline is `assessedAt` plus the window (immediate: `assessedAt` itself; within_24h: 24 h; within_72h: 72 h; within_7d: 168 h; routine: none), or the rule's own start plus its hours.\n\nConsent, checked in this order: `statutory` for child protection of a child (ready even when the guardian is the suspected perpetrator, who is then not contacted); `given` when consent to services and to sharing information are recorded, and for `police_report` consent to reporting too (for a child, also with the consent of a guardian who is not suspected); `emergency` when a vital-interest basis is recorded and the urgency is immediate or within_24h; `guardian_needed` for a child whose guardian has not consented and is not suspected; `needed` otherwise. A referral is ready for `given`, `emergency` and `statutory`, and never when the assessment has errors.\n"
    );
    let _ = writeln!(
        out,
        "| rule | when | service | urgency | basis |\n|---|---|---|---|---|"
    );
    for r in &doc.referrals {
        let mut when = condition(&r.when);
        if let Some(service) = r.with_service {
            when = format!("{when} and {} is referred", serde_name(&service));
        }
        let mut urgency = r.urgency.as_str().to_owned();
        if let Some(due) = &r.due_from {
            urgency = format!("{urgency} (due `{}` + {} h)", due.at, due.hours);
        }
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            r.id,
            cell(&when),
            serde_name(&r.service),
            urgency,
            cell(r.basis.as_deref().unwrap_or(""))
        );
    }
    out
}
