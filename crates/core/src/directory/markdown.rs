//! The directory as a Markdown page (`docs/directory.md`): a table of providers per service kind.

use std::fmt::Write as _;

use super::{Accepts, Contact, Directory, Provider, NATIONAL};
use crate::service::ServiceKind;

/// Renders a directory as Markdown: for each service kind, its providers with their areas, whom
/// they accept, their contact and whether it is confirmed, in precedence order.
///
/// ```
/// use lindung::directory::{directory_markdown, Directory};
///
/// let page = directory_markdown(&Directory::builtin());
/// assert!(page.contains("## `victim_protection`"));
/// assert!(page.contains("to be confirmed"));
/// ```
pub fn directory_markdown(directory: &Directory) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Service directory `{}`\n", directory.id);
    let _ = writeln!(
        out,
        "Version `{}`. This page is generated from the directory data; edit the data, not this page.\n",
        directory.version
    );
    if let Some(description) = &directory.description {
        let _ = writeln!(out, "{description}\n");
    }
    out.push_str(concat!(
        "A referral names, for each service, the provider whose area is the most specific for the ",
        "person's region: the regency or city (`63.71`), then the province (`63`), then national ",
        "(`ID`). Among equally specific providers the first listed wins, so each table is in ",
        "precedence order within an area. A provider that states whom it accepts takes only ",
        "those people: children (under 18, any sex), adult women, adult men.\n\n",
        "A contact marked **to be confirmed** has not been checked: an agency fills in and confirms ",
        "its local phone numbers and addresses in its own copy of the directory before relying on ",
        "them. No number is guessed.\n\n",
        "An agency replaces this directory with its own JSON document, checked when loaded and ",
        "described by the schema `https://lindung.id/schemas/directory.v1.json`: each provider has ",
        "an `id`, a `name`, the `services` it offers, the `areas` it serves (`ID` for the whole ",
        "country, `63` for a province, `63.71` for a regency or city), a `contact` (`phone`, ",
        "`whatsapp`, `address`, `hours`, and `confirmed`) and, when it does not take everyone, ",
        "`accepts` (`children`, `women`, `men`).\n",
    ));
    for kind in ServiceKind::ALL {
        let _ = writeln!(out, "\n## `{}` — {}\n", kind_name(kind), summary(kind));
        let providers: Vec<&Provider> = directory
            .providers
            .iter()
            .filter(|provider| provider.offers(kind))
            .collect();
        if providers.is_empty() {
            out.push_str("No provider.\n");
            continue;
        }
        out.push_str("| provider | areas | accepts | contact | status |\n");
        out.push_str("|---|---|---|---|---|\n");
        for provider in providers {
            let _ = writeln!(
                out,
                "| {} (`{}`) | {} | {} | {} | {} |",
                cell(&provider.name),
                provider.id,
                areas(provider),
                accepts(provider.accepts),
                contact(&provider.contact),
                if provider.contact.confirmed {
                    "confirmed"
                } else {
                    "to be confirmed"
                }
            );
        }
    }
    out
}

fn kind_name(kind: ServiceKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn summary(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::EmergencyProtection => "immediate protection from further harm",
        ServiceKind::PoliceReport => "a report to the police",
        ServiceKind::MedicalEmergency => "emergency medical care",
        ServiceKind::MedicalCare => "medical care that is not an emergency",
        ServiceKind::Medicolegal => "medicolegal examination (visum et repertum)",
        ServiceKind::SexualAssaultCare => {
            "care after sexual assault (HIV prophylaxis within 72 h, emergency contraception within 120 h)"
        }
        ServiceKind::Psychological => "psychological assessment and therapy",
        ServiceKind::Psychosocial => "psychosocial support",
        ServiceKind::SafeShelter => "a safe place to stay",
        ServiceKind::ChildProtection => "child protection",
        ServiceKind::LegalAid => "legal aid",
        ServiceKind::VictimProtection => "witness and victim protection, restitution",
        ServiceKind::MigrantWorkerProtection => "protection of migrant workers",
        ServiceKind::Repatriation => "return home from abroad or another region",
        ServiceKind::SocialRehabilitation => "social rehabilitation",
        ServiceKind::EconomicEmpowerment => "economic empowerment",
        ServiceKind::CivilDocuments => "identity and civil documents",
        ServiceKind::DisabilityServices => "services for people with disabilities",
        ServiceKind::FamilyReintegration => "family reintegration",
    }
}

fn areas(provider: &Provider) -> String {
    provider
        .areas
        .iter()
        .map(|area| {
            if area == NATIONAL {
                "national (`ID`)".to_owned()
            } else {
                format!("`{area}`")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn accepts(accepts: Option<Accepts>) -> String {
    let Some(accepts) = accepts else {
        return "everyone".to_owned();
    };
    let named: Vec<&str> = [
        (accepts.children, "children"),
        (accepts.women, "women"),
        (accepts.men, "men"),
    ]
    .into_iter()
    .filter_map(|(yes, who)| yes.then_some(who))
    .collect();
    named.join(", ")
}

fn contact(contact: &Contact) -> String {
    let parts: Vec<String> = [
        ("phone", &contact.phone),
        ("WhatsApp", &contact.whatsapp),
        ("address", &contact.address),
        ("hours", &contact.hours),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|v| format!("{label} {}", cell(v))))
    .collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join("; ")
    }
}

/// Keeps a value inside its table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
