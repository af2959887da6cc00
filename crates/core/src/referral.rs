//! Referrals: which services the person needs, how soon, through which provider, and whether the
//! consent recorded lets the referral go ahead now.

use chrono::{DateTime, FixedOffset, TimeDelta};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::condition::Context;
use crate::directory::{Contact, Directory};
use crate::fields::FieldValue;
use crate::model::{Assessment, Lang, RiskLevel};
use crate::rules::RuleSet;
use crate::service::ServiceKind;
use crate::trafficking::TraffickingStatus;

/// How soon a referral must be acted on, most urgent first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Urgency {
    /// Now: due at `assessedAt`.
    #[serde(rename = "immediate")]
    Immediate,
    /// Within 24 hours.
    #[serde(rename = "within_24h")]
    Within24h,
    /// Within 72 hours.
    #[serde(rename = "within_72h")]
    Within72h,
    /// Within 7 days.
    #[serde(rename = "within_7d")]
    Within7d,
    /// In the ordinary course of the case; no deadline.
    #[serde(rename = "routine")]
    Routine,
}

impl Urgency {
    /// The window in hours after `assessedAt`; `None` for routine.
    pub fn hours(self) -> Option<u32> {
        match self {
            Urgency::Immediate => Some(0),
            Urgency::Within24h => Some(24),
            Urgency::Within72h => Some(72),
            Urgency::Within7d => Some(168),
            Urgency::Routine => None,
        }
    }

    /// The name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Immediate => "immediate",
            Urgency::Within24h => "within_24h",
            Urgency::Within72h => "within_72h",
            Urgency::Within7d => "within_7d",
            Urgency::Routine => "routine",
        }
    }
}

/// On what footing a referral may go ahead.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ConsentState {
    /// Consent to services and to sharing information is recorded, and for a police report
    /// consent to reporting too (for a child, with the consent of a guardian who is not
    /// suspected).
    Given,
    /// No consent, but a recorded emergency basis and an urgency of immediate or within 24 h.
    Emergency,
    /// Child protection for a child: a duty in law, whatever the consent.
    Statutory,
    /// A child's referral waiting for the consent of a guardian who is not suspected.
    GuardianNeeded,
    /// Consent must be asked for first.
    Needed,
}

/// The provider a referral names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferralProvider {
    /// The provider's id in the directory.
    pub id: String,
    /// The provider's name.
    pub name: String,
    /// How to reach it.
    pub contact: Contact,
}

/// One referral: one service kind, however many rules asked for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Referral {
    /// The service.
    pub service: ServiceKind,
    /// The provider chosen from the directory; absent when none fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ReferralProvider>,
    /// The most urgent window of the rules that asked for it.
    pub urgency: Urgency,
    /// When it is due, in the offset of `assessedAt`; absent for routine referrals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_by: Option<DateTime<FixedOffset>>,
    /// Every rule that asked for it, in rule-set order.
    pub rules: Vec<String>,
    /// The laws or sources of those rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The consent footing.
    pub consent: ConsentState,
    /// True when the referral may go ahead now: consent given, emergency or statutory, and the
    /// assessment is valid.
    pub ready: bool,
    /// The label of the most urgent rule, in the requested language.
    pub label: String,
    /// The person is a child whose guardian is the suspected perpetrator: do not contact the
    /// guardian about this referral.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guardian_not_contacted: bool,
}

/// What the referral rules read besides the assessment.
#[derive(Debug, Clone, Copy)]
pub struct ReferralInput {
    /// The risk level to act on.
    pub risk: RiskLevel,
    /// The trafficking status.
    pub trafficking: TraffickingStatus,
    /// Whether the assessment is free of errors; an invalid one is never ready.
    pub valid: bool,
}

fn due(
    assessment: &Assessment,
    from: Option<&'static crate::fields::Field>,
    extra: Option<u32>,
    urgency: Urgency,
) -> Option<DateTime<FixedOffset>> {
    let (start, hours) = match (from, extra) {
        (Some(field), Some(hours)) => match field.get(assessment) {
            FieldValue::DateTime(at) => (at, hours),
            _ => (assessment.assessed_at, urgency.hours()?),
        },
        _ => (assessment.assessed_at, urgency.hours()?),
    };
    let end = start.checked_add_signed(TimeDelta::try_hours(i64::from(hours))?)?;
    Some(end.with_timezone(assessment.assessed_at.offset()))
}

/// The referrals for an assessment, ordered by urgency then service kind.
///
/// Rules with `withService` are applied after the others, and only when one of those asked for
/// that service.
pub fn refer(
    assessment: &Assessment,
    rules: &RuleSet,
    directory: &Directory,
    input: ReferralInput,
    lang: Lang,
) -> Vec<Referral> {
    struct Pending<'r> {
        service: ServiceKind,
        urgency: Urgency,
        due_by: Option<DateTime<FixedOffset>>,
        rules: Vec<String>,
        bases: Vec<&'r str>,
        label: &'r str,
    }
    let child = assessment.is_child();
    let context = Context {
        assessment,
        child,
        risk: Some(input.risk),
        trafficking: Some(input.trafficking),
    };
    let doc = &rules.document().referrals;
    let mut pending: Vec<Pending<'_>> = Vec::new();
    for second_pass in [false, true] {
        // The services asked for before this pass: the first ones pending.
        let asked = pending.len();
        for (index, rule) in doc.iter().enumerate() {
            if rule.with_service.is_some() != second_pass {
                continue;
            }
            if rule
                .with_service
                .is_some_and(|s| !pending[..asked].iter().any(|p| p.service == s))
            {
                continue;
            }
            let Some(when) = rules.compiled.referrals.get(index) else {
                continue;
            };
            if !when.eval(&context) {
                continue;
            }
            let from = rules.compiled.due_from.get(index).copied().flatten();
            let due_by = due(
                assessment,
                from,
                rule.due_from.as_ref().map(|d| d.hours),
                rule.urgency,
            );
            let label = rule.label.get(lang);
            match pending.iter_mut().find(|p| p.service == rule.service) {
                Some(p) => {
                    p.rules.push(rule.id.clone());
                    if rule.urgency < p.urgency {
                        p.urgency = rule.urgency;
                        p.label = label;
                    }
                    p.due_by = match (p.due_by, due_by) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    if let Some(basis) = rule.basis.as_deref() {
                        if !p.bases.contains(&basis) {
                            p.bases.push(basis);
                        }
                    }
                }
                None => pending.push(Pending {
                    service: rule.service,
                    urgency: rule.urgency,
                    due_by,
                    rules: vec![rule.id.clone()],
                    bases: match rule.basis.as_deref() {
                        Some(basis) => vec![basis],
                        None => Vec::new(),
                    },
                    label,
                }),
            }
        }
    }
    crate::sort_short_by_key(&mut pending, |p| (p.urgency, p.service));

    let region = assessment
        .person
        .domicile
        .as_ref()
        .or(assessment.intake.region.as_ref());
    let guardian_suspected = child
        && assessment
            .guardian
            .as_ref()
            .is_some_and(|g| g.suspected_perpetrator);
    let mut out = Vec::with_capacity(pending.len());
    for p in pending {
        let consent = consent_state(assessment, child, p.service, p.urgency);
        let ready = input.valid
            && matches!(
                consent,
                ConsentState::Given | ConsentState::Emergency | ConsentState::Statutory
            );
        out.push(Referral {
            service: p.service,
            provider: directory
                .provider_for(p.service, region, &assessment.person, child)
                .map(|provider| ReferralProvider {
                    id: provider.id.clone(),
                    name: provider.name.clone(),
                    contact: provider.contact.clone(),
                }),
            urgency: p.urgency,
            due_by: p.due_by,
            rules: p.rules,
            basis: joined(&p.bases),
            consent,
            ready,
            label: p.label.to_owned(),
            guardian_not_contacted: guardian_suspected,
        });
    }
    out
}

/// The bases of a referral's rules joined by `; `; none when no rule gave one.
fn joined(bases: &[&str]) -> Option<String> {
    let mut text: Option<String> = None;
    for basis in bases {
        match text.as_mut() {
            Some(text) => {
                text.push_str("; ");
                text.push_str(basis);
            }
            None => text = Some((*basis).to_owned()),
        }
    }
    text
}

/// The consent footing of one referral, as `rules.md` says, checked in this order: statutory,
/// given, emergency, guardian needed, needed.
pub fn consent_state(
    assessment: &Assessment,
    child: bool,
    service: ServiceKind,
    urgency: Urgency,
) -> ConsentState {
    let consent = &assessment.consent;
    let guardian = assessment.guardian.as_ref();
    if child && service == ServiceKind::ChildProtection {
        return ConsentState::Statutory;
    }
    // A report to the police is its own purpose: consent to services and sharing does not cover it.
    let reporting = service != ServiceKind::PoliceReport || consent.reporting;
    let recorded = consent.services && consent.info_sharing && reporting;
    let guardian_agrees = guardian.is_some_and(|g| g.consent_given && !g.suspected_perpetrator);
    if recorded && (!child || guardian_agrees) {
        return ConsentState::Given;
    }
    if consent.emergency.is_some() && urgency <= Urgency::Within24h {
        return ConsentState::Emergency;
    }
    if child && guardian.is_some_and(|g| !g.consent_given && !g.suspected_perpetrator) {
        return ConsentState::GuardianNeeded;
    }
    ConsentState::Needed
}

#[cfg(test)]
mod tests {
    #[test]
    fn bases_are_joined_as_join_joins_them() {
        let cases: [&[&str]; 5] = [
            &[],
            &["UU 23/2004"],
            &["UU 23/2004", "UU 21/2007"],
            &["", "a"],
            &["a", "", "b; c"],
        ];
        for bases in cases {
            let expected = (!bases.is_empty()).then(|| bases.join("; "));
            assert_eq!(super::joined(bases), expected, "{bases:?}");
        }
    }
}
