//! The registry of every answerable field of the assessment: its JSON Pointer, its kind, the values
//! it allows, and a typed getter that reads it straight from an [`Assessment`].
//!
//! Conditions, the form definition and the tests all go through this one registry, so a pointer
//! that is not here cannot be used anywhere. A pointer with `*` (for example
//! `/violence/perpetrators/*/relationship`) stands for every element of an array: an enum there
//! reads as the set of values across elements, an answer as the strongest answer of any element
//! (yes over unknown over no). Repeated text and dates are listed for the form, but no condition
//! may read them.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{
    Answer, Assessment, AssessorRole, CaseType, ConsentRecord, CurrentLocation, Departure,
    Disability, EventKind, Exploitation, GuardianRelationship, IndicatorAnswers, IndicatorId,
    Injuries, IntakeSource, Means, Process, Relationship, RiskLevel, Set, Sex, SexualViolenceType,
    ViolenceForm, ViolenceSetting,
};

/// A JSON Pointer in a result: borrowed from the field registry, owned when read back from JSON.
pub type Pointer = std::borrow::Cow<'static, str>;

/// The kind of value a field holds; it decides which condition operators fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKind {
    /// A tri-state answer: yes, no, unknown (absent: not asked).
    Answer,
    /// One value of a closed list.
    Enum,
    /// Distinct values of a closed list.
    Set,
    /// A whole number.
    Number,
    /// True or false.
    Bool,
    /// A calendar date.
    Date,
    /// A date-time with its UTC offset.
    DateTime,
    /// Free text.
    Text,
}

impl FieldKind {
    /// The kind's name, as in messages and the form definition.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Answer => "answer",
            FieldKind::Enum => "enum",
            FieldKind::Set => "set",
            FieldKind::Number => "number",
            FieldKind::Bool => "bool",
            FieldKind::Date => "date",
            FieldKind::DateTime => "datetime",
            FieldKind::Text => "text",
        }
    }
}

/// An enum of the model with stable snake_case names, as in JSON.
pub trait Named: Copy + 'static {
    /// Every name, in declaration order.
    const NAMES: &'static [&'static str];
    /// The name of this value.
    fn name(self) -> &'static str;
}

macro_rules! named {
    ($($ty:ident { $($variant:ident => $name:literal),* $(,)? })*) => {
        $(
            impl Named for $ty {
                const NAMES: &'static [&'static str] = &[$($name),*];
                fn name(self) -> &'static str {
                    // The names are listed in the order of the variants (checked below), so a
                    // variant's number finds its name without a second table.
                    Self::NAMES[self as usize]
                }
            }
            const _: () = {
                let mut index = 0;
                $(
                    assert!($ty::$variant as usize == index, "names out of the variants' order");
                    index += 1;
                )*
                let _ = index;
            };
        )*

        /// The enums with names, one variant each, so a field holds its allowed values in a byte.
        #[derive(Debug, Clone, Copy)]
        enum NamedList {
            $($ty),*
        }

        /// The names of each enum, by [`NamedList`].
        static NAMED_LISTS: &[&[&str]] = &[$(<$ty as Named>::NAMES),*];

        impl NamedList {
            fn names(self) -> &'static [&'static str] {
                NAMED_LISTS.get(self as usize).copied().unwrap_or_default()
            }
        }
    };
}

named! {
    Answer { Yes => "yes", No => "no", Unknown => "unknown" }
    CaseType { Ktk => "ktk", Kpo => "kpo" }
    AssessorRole {
        SocialWorker => "social_worker", Psychologist => "psychologist", Counsellor => "counsellor",
        Police => "police", HealthWorker => "health_worker", Other => "other",
    }
    IntakeSource {
        SelfReferral => "self", Family => "family", Community => "community", Police => "police",
        HealthFacility => "health_facility", Bp3mi => "bp3mi", UptdPpa => "uptd_ppa", Ngo => "ngo",
        Hotline => "hotline", School => "school", Other => "other",
    }
    ConsentRecord { Written => "written", RecordedVerbal => "recorded_verbal", Guardian => "guardian" }
    Sex { Female => "female", Male => "male" }
    Disability {
        Physical => "physical", Sensory => "sensory", Intellectual => "intellectual",
        Psychosocial => "psychosocial",
    }
    GuardianRelationship {
        Mother => "mother", Father => "father", StepParent => "step_parent",
        Grandparent => "grandparent", Sibling => "sibling", Relative => "relative",
        FosterParent => "foster_parent", LegalGuardian => "legal_guardian", Other => "other",
    }
    ViolenceForm {
        Physical => "physical", Psychological => "psychological", Sexual => "sexual",
        Neglect => "neglect",
    }
    SexualViolenceType {
        NonPhysicalHarassment => "non_physical_harassment",
        PhysicalHarassment => "physical_harassment", ForcedContraception => "forced_contraception",
        ForcedSterilisation => "forced_sterilisation", ForcedMarriage => "forced_marriage",
        SexualTorture => "sexual_torture", SexualExploitation => "sexual_exploitation",
        SexualSlavery => "sexual_slavery", Electronic => "electronic", Rape => "rape",
        ObsceneActs => "obscene_acts", Other => "other",
    }
    ViolenceSetting {
        Household => "household", Workplace => "workplace", School => "school",
        Institution => "institution", Public => "public", Online => "online", Other => "other",
    }
    Relationship {
        Spouse => "spouse", FormerSpouse => "former_spouse", Partner => "partner",
        FormerPartner => "former_partner", Parent => "parent", StepParent => "step_parent",
        Relative => "relative", Employer => "employer", Coworker => "coworker",
        Teacher => "teacher", Caregiver => "caregiver", Recruiter => "recruiter",
        Acquaintance => "acquaintance", Stranger => "stranger", Other => "other",
    }
    Injuries {
        None => "none", Minor => "minor", Serious => "serious",
        LifeThreatening => "life_threatening", Unknown => "unknown",
    }
    Process {
        Recruitment => "recruitment", Transport => "transport", Transfer => "transfer",
        Harbouring => "harbouring", Receipt => "receipt",
    }
    Means {
        Threat => "threat", Force => "force", Abduction => "abduction",
        Confinement => "confinement", Forgery => "forgery", Deception => "deception",
        AbuseOfPower => "abuse_of_power", AbuseOfVulnerability => "abuse_of_vulnerability",
        DebtBondage => "debt_bondage", PaymentToController => "payment_to_controller",
    }
    Exploitation {
        ForcedLabour => "forced_labour", DomesticServitude => "domestic_servitude",
        SexualExploitation => "sexual_exploitation", ForcedMarriage => "forced_marriage",
        ForcedCriminality => "forced_criminality", Begging => "begging",
        OrganRemoval => "organ_removal", SlaveryLike => "slavery_like", Other => "other",
    }
    Departure { Procedural => "procedural", NonProcedural => "non_procedural", Unknown => "unknown" }
    CurrentLocation {
        Abroad => "abroad", InTransit => "in_transit", HomeRegion => "home_region",
        ElsewhereInIndonesia => "elsewhere_in_indonesia",
    }
    EventKind { Recruitment => "recruitment", Transit => "transit", Exploitation => "exploitation" }
    RiskLevel { Low => "low", Medium => "medium", High => "high", Critical => "critical" }
}

/// A set of named values, read without copying.
pub trait NameSet: std::fmt::Debug {
    /// True when the set holds the value named `name`.
    fn contains_name(&self, name: &str) -> bool;
}

impl<T: Named + std::fmt::Debug> NameSet for Set<T> {
    fn contains_name(&self, name: &str) -> bool {
        self.iter().any(|value| value.name() == name)
    }
}

/// Names collected across the elements of an array.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(pub Vec<&'static str>);

impl NameSet for Names {
    fn contains_name(&self, name: &str) -> bool {
        self.0.contains(&name)
    }
}

/// The value of a field in one assessment.
#[derive(Debug)]
pub enum FieldValue<'a> {
    /// The field is absent: not asked, or its section is missing.
    Absent,
    /// An answer.
    Answer(Answer),
    /// An enum value by its JSON name.
    Enum(&'static str),
    /// A set of enum values.
    Set(&'a dyn NameSet),
    /// Enum values collected across array elements.
    Names(Names),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A date.
    Date(NaiveDate),
    /// A date-time.
    DateTime(DateTime<FixedOffset>),
    /// Text.
    Text(&'a str),
}

impl FieldValue<'_> {
    /// The answer, when this is an answer.
    pub fn answer(&self) -> Option<Answer> {
        match self {
            FieldValue::Answer(answer) => Some(*answer),
            _ => None,
        }
    }

    /// True when the field is absent.
    pub fn is_absent(&self) -> bool {
        matches!(self, FieldValue::Absent)
    }

    /// True when a set (or collected names) holds `name`.
    pub fn includes(&self, name: &str) -> bool {
        match self {
            FieldValue::Set(set) => set.contains_name(name),
            FieldValue::Names(names) => names.contains_name(name),
            _ => false,
        }
    }
}

type Getter = for<'a> fn(&'a Assessment) -> FieldValue<'a>;

/// One answerable field of the assessment: its number in the registry, whose columns hold its
/// pointer, kind and allowed values.
///
/// Columns compress well in the WASM module (a column of kinds repeats itself); rows that mix
/// kinds with references and places do not.
#[derive(Clone, Copy)]
pub struct Field(u8);

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("pointer", &self.pointer())
            .field("kind", &self.kind())
            .finish()
    }
}

impl Field {
    fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The JSON Pointer in JSON names, for example `/danger/strangulation`.
    pub fn pointer(&self) -> &'static str {
        let start = STARTS.get(self.index()).copied().unwrap_or_default();
        let end = STARTS.get(self.index() + 1).copied().unwrap_or_default();
        POINTERS
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default()
    }

    /// The pointer as a result holds it.
    pub fn to_pointer(&self) -> Pointer {
        Pointer::Borrowed(self.pointer())
    }

    /// The kind of value.
    pub fn kind(&self) -> FieldKind {
        KINDS.get(self.index()).copied().unwrap_or(FieldKind::Text)
    }

    /// The allowed values of an enum or set (also `yes`, `no`, `unknown` for an answer); empty
    /// for other kinds.
    pub fn values(&self) -> &'static [&'static str] {
        VALUES
            .get(self.index())
            .copied()
            .flatten()
            .map_or(&[], NamedList::names)
    }

    /// True when the pointer stands for every element of an array (it holds `*`).
    pub fn is_repeated(&self) -> bool {
        self.pointer()
            .as_bytes()
            .windows(3)
            .any(|part| part == b"/*/")
    }

    /// Reads the field from an assessment.
    pub fn get<'a>(&self, assessment: &'a Assessment) -> FieldValue<'a> {
        let index = self.index();
        if let Some(at) = number_within(DANGER, index) {
            return answer(assessment.danger.answer_at(at));
        }
        if let Some(at) = number_within(NEEDS, index) {
            return answer(assessment.needs.answer_at(at));
        }
        let indicators = IndicatorId::ALL.len();
        // The fields before the indicators, the indicators, the rest: each other field's getter
        // is numbered in that order.
        let getter = match index.checked_sub(BEFORE.len()) {
            None => index,
            Some(at) if at < indicators => {
                let id = IndicatorId::ALL.get(at);
                return match (id, &assessment.trafficking) {
                    (Some(id), Some(trafficking)) => answer(trafficking.indicators.get(*id)),
                    _ => FieldValue::Absent,
                };
            }
            Some(_) => index - indicators,
        };
        match GETTERS.get(getter) {
            Some(get) => get(assessment),
            None => FieldValue::Absent,
        }
    }
}

/// The numbers of the danger questions and of the needs, each in the order of its section's
/// questions (a test holds them so): [`Field::get`] reads them by their place in the section, one
/// reader for each section rather than one getter per question.
pub(crate) const DANGER: (usize, usize) = numbers_under("/danger/");
pub(crate) const NEEDS: (usize, usize) = numbers_under("/needs/");

/// The place of field `index` among the fields numbered `range`, when it is one of them.
fn number_within(range: (usize, usize), index: usize) -> Option<usize> {
    (range.0..range.1).contains(&index).then(|| index - range.0)
}

/// The getter listed for a danger question or a need, which [`Field::get`] reads by its place in
/// the section instead.
fn by_number(_: &Assessment) -> FieldValue<'_> {
    FieldValue::Absent
}

fn answer(value: Option<Answer>) -> FieldValue<'static> {
    value.map_or_else(absent, FieldValue::Answer)
}

fn enum_value<T: Named>(value: Option<T>) -> FieldValue<'static> {
    value.map_or_else(absent, |value| FieldValue::Enum(value.name()))
}

fn text(value: Option<&str>) -> FieldValue<'_> {
    value.map_or_else(absent, FieldValue::Text)
}

fn set<T: Named + std::fmt::Debug>(value: &Set<T>) -> FieldValue<'_> {
    FieldValue::Set(value)
}

/// A field that is not there. Passed to `map_or_else`, it is made only when needed, so no unused
/// value is dropped (a `FieldValue` may own a list).
fn absent<'a>() -> FieldValue<'a> {
    FieldValue::Absent
}

/// The strongest answer of several: yes over unknown over no; absent when there are none.
fn strongest(answers: impl Iterator<Item = Answer>) -> FieldValue<'static> {
    let mut best: Option<Answer> = None;
    for answer in answers {
        best = Some(match (best, answer) {
            (_, Answer::Yes) | (Some(Answer::Yes), _) => Answer::Yes,
            (_, Answer::Unknown) | (Some(Answer::Unknown), _) => Answer::Unknown,
            _ => Answer::No,
        });
    }
    answer(best)
}

fn names<T: Named>(values: impl Iterator<Item = T>) -> FieldValue<'static> {
    let mut out: Vec<&'static str> = Vec::new();
    for value in values {
        if !out.contains(&value.name()) {
            out.push(value.name());
        }
    }
    FieldValue::Names(Names(out))
}

/// A field as listed, before the registry is joined.
#[derive(Clone, Copy)]
struct Listed {
    pointer: &'static str,
    kind: FieldKind,
    values: Option<NamedList>,
}

macro_rules! fields {
    (
        $before:ident: $($pointer:literal : $kind:ident $(<$ty:ident>)? => $get:expr;)*
        $after:ident: $($pointer_after:literal : $kind_after:ident $(<$ty_after:ident>)? => $get_after:expr;)*
    ) => {
        /// Every field's pointer, one after another, in the order of the fields.
        const POINTERS: &str = concat!(
            $($pointer,)*
            crate::model::indicator_pointers!(),
            $($pointer_after),*
        );
        /// The getters of the fields other than the indicators, in order.
        static GETTERS: [Getter; $before.len() + $after.len()] = [$($get,)* $($get_after),*];
        const $before: &[Listed] = &[$(Listed {
            pointer: $pointer,
            kind: FieldKind::$kind,
            values: fields!(@values $kind $(<$ty>)?),
        }),*];
        const $after: &[Listed] = &[$(Listed {
            pointer: $pointer_after,
            kind: FieldKind::$kind_after,
            values: fields!(@values $kind_after $(<$ty_after>)?),
        }),*];
    };
    (@values Answer) => { Some(NamedList::Answer) };
    (@values $kind:ident <$ty:ident>) => { Some(NamedList::$ty) };
    (@values $kind:ident) => { None };
}

// The fields before the trafficking indicators, then those after them (the indicators sit before
// the migration fields).
fields! {
    BEFORE:
    "/id": Text => |a| FieldValue::Text(&a.id);
    "/assessedAt": DateTime => |a| FieldValue::DateTime(a.assessed_at);
    "/assessor/name": Text => |a| FieldValue::Text(&a.assessor.name);
    "/assessor/agency": Text => |a| FieldValue::Text(&a.assessor.agency);
    "/assessor/role": Enum<AssessorRole> => |a| FieldValue::Enum(a.assessor.role.name());
    "/caseTypes": Set<CaseType> => |a| set(&a.case_types);
    "/intake/source": Enum<IntakeSource> => |a| FieldValue::Enum(a.intake.source.name());
    "/intake/region/province": Text => |a| text(a.intake.region.as_ref().map(|r| r.province.as_str()));
    "/intake/region/regency": Text => |a| text(a.intake.region.as_ref().and_then(|r| r.regency.as_deref()));
    "/intake/language": Text => |a| text(a.intake.language.as_deref());
    "/consent/services": Bool => |a| FieldValue::Bool(a.consent.services);
    "/consent/infoSharing": Bool => |a| FieldValue::Bool(a.consent.info_sharing);
    "/consent/reporting": Bool => |a| FieldValue::Bool(a.consent.reporting);
    "/consent/recordedAs": Enum<ConsentRecord> => |a| enum_value(a.consent.recorded_as);
    "/consent/emergency/reason": Text => |a| text(a.consent.emergency.as_ref().map(|e| e.reason.as_str()));
    "/person/name": Text => |a| text(a.person.name.as_deref());
    "/person/birthDate": Date => |a| a.person.birth_date.map_or_else(absent, FieldValue::Date);
    "/person/ageYears": Number => |a| a.person.age_years.map_or_else(absent, |n| FieldValue::Number(f64::from(n)));
    "/person/sex": Enum<Sex> => |a| FieldValue::Enum(a.person.sex.name());
    "/person/nik": Text => |a| text(a.person.nik.as_deref());
    "/person/nationality": Text => |a| FieldValue::Text(&a.person.nationality);
    "/person/disabilities": Set<Disability> => |a| set(&a.person.disabilities);
    "/person/pregnant": Answer => |a| answer(a.person.pregnant);
    "/person/domicile/province": Text => |a| text(a.person.domicile.as_ref().map(|r| r.province.as_str()));
    "/person/domicile/regency": Text => |a| text(a.person.domicile.as_ref().and_then(|r| r.regency.as_deref()));
    "/person/safeContact/phone": Text => |a| text(a.person.safe_contact.as_ref().and_then(|c| c.phone.as_deref()));
    "/person/safeContact/safeToCall": Answer => |a| answer(a.person.safe_contact.as_ref().map(|c| c.safe_to_call));
    "/person/safeContact/note": Text => |a| text(a.person.safe_contact.as_ref().and_then(|c| c.note.as_deref()));
    "/guardian/relationship": Enum<GuardianRelationship> => |a| enum_value(a.guardian.as_ref().map(|g| g.relationship));
    "/guardian/suspectedPerpetrator": Bool => |a| a.guardian.as_ref().map_or_else(absent, |g| FieldValue::Bool(g.suspected_perpetrator));
    "/guardian/consentGiven": Bool => |a| a.guardian.as_ref().map_or_else(absent, |g| FieldValue::Bool(g.consent_given));
    "/violence/forms": Set<ViolenceForm> => |a| a.violence.as_ref().map_or_else(absent, |v| set(&v.forms));
    "/violence/sexualViolence": Set<SexualViolenceType> => |a| a.violence.as_ref().map_or_else(absent, |v| set(&v.sexual_violence));
    "/violence/setting": Enum<ViolenceSetting> => |a| enum_value(a.violence.as_ref().map(|v| v.setting));
    "/violence/perpetrators/*/relationship": Set<Relationship> => |a| a.violence.as_ref().map_or_else(absent, |v| names(v.perpetrators.iter().map(|p| p.relationship)));
    "/violence/perpetrators/*/livesWithVictim": Answer => |a| a.violence.as_ref().map_or_else(absent, |v| strongest(v.perpetrators.iter().map(|p| p.lives_with_victim)));
    "/violence/perpetrators/*/hasAccess": Answer => |a| a.violence.as_ref().map_or_else(absent, |v| strongest(v.perpetrators.iter().map(|p| p.has_access)));
    "/violence/firstIncidentOn": Date => |a| a.violence.as_ref().and_then(|v| v.first_incident_on).map_or_else(absent, FieldValue::Date);
    "/violence/lastIncidentOn": Date => |a| a.violence.as_ref().and_then(|v| v.last_incident_on).map_or_else(absent, FieldValue::Date);
    "/violence/incidentsLast12Months": Number => |a| a.violence.as_ref().and_then(|v| v.incidents_last_12_months).map_or_else(absent, |n| FieldValue::Number(f64::from(n)));
    "/violence/injuries": Enum<Injuries> => |a| enum_value(a.violence.as_ref().map(|v| v.injuries));
    "/violence/lastSexualAssaultAt": DateTime => |a| a.violence.as_ref().and_then(|v| v.last_sexual_assault_at).map_or_else(absent, FieldValue::DateTime);
    "/danger/strangulation": Answer => by_number;
    "/danger/threatsToKill": Answer => by_number;
    "/danger/weaponUsed": Answer => by_number;
    "/danger/weaponAccess": Answer => by_number;
    "/danger/escalation": Answer => by_number;
    "/danger/separation": Answer => by_number;
    "/danger/stalking": Answer => by_number;
    "/danger/coerciveControl": Answer => by_number;
    "/danger/forcedSex": Answer => by_number;
    "/danger/abuseDuringPregnancy": Answer => by_number;
    "/danger/childrenThreatened": Answer => by_number;
    "/danger/perpetratorSubstanceAbuse": Answer => by_number;
    "/danger/perpetratorSuicidal": Answer => by_number;
    "/danger/perpetratorPriorViolence": Answer => by_number;
    "/danger/breachOfOrder": Answer => by_number;
    "/danger/isolation": Answer => by_number;
    "/danger/fearsForLife": Answer => by_number;
    "/danger/perpetratorNearby": Answer => by_number;
    "/danger/noSafePlaceTonight": Answer => by_number;
    "/trafficking/process": Set<Process> => |a| a.trafficking.as_ref().map_or_else(absent, |t| set(&t.process));
    "/trafficking/means": Set<Means> => |a| a.trafficking.as_ref().map_or_else(absent, |t| set(&t.means));
    "/trafficking/exploitation": Set<Exploitation> => |a| a.trafficking.as_ref().map_or_else(absent, |t| set(&t.exploitation));
    AFTER:
    "/trafficking/migration/migrantWorker": Answer => |a| answer(migration(a).map(|m| m.migrant_worker));
    "/trafficking/migration/destinationCountry": Text => |a| text(migration(a).and_then(|m| m.destination_country.as_deref()));
    "/trafficking/migration/departure": Enum<Departure> => |a| enum_value(migration(a).map(|m| m.departure));
    "/trafficking/migration/currentLocation": Enum<CurrentLocation> => |a| enum_value(migration(a).map(|m| m.current_location));
    "/trafficking/migration/documentsHeldByOthers": Answer => |a| answer(migration(a).map(|m| m.documents_held_by_others));
    "/trafficking/events/*/kind": Set<EventKind> => |a| a.trafficking.as_ref().map_or_else(absent, |t| names(t.events.iter().map(|e| e.kind)));
    "/trafficking/events/*/place": Text => |_| FieldValue::Absent;
    "/trafficking/events/*/country": Text => |_| FieldValue::Absent;
    "/trafficking/events/*/from": Date => |_| FieldValue::Absent;
    "/trafficking/events/*/to": Date => |_| FieldValue::Absent;
    "/trafficking/recruiterRelationship": Enum<Relationship> => |a| enum_value(a.trafficking.as_ref().and_then(|t| t.recruiter_relationship));
    "/needs/medicalUrgent": Answer => by_number;
    "/needs/medical": Answer => by_number;
    "/needs/psychological": Answer => by_number;
    "/needs/shelter": Answer => by_number;
    "/needs/legal": Answer => by_number;
    "/needs/economic": Answer => by_number;
    "/needs/documents": Answer => by_number;
    "/needs/education": Answer => by_number;
    "/needs/repatriation": Answer => by_number;
    "/needs/familyReunification": Answer => by_number;
    "/needs/disabilitySupport": Answer => by_number;
    "/professionalJudgement/level": Enum<RiskLevel> => |a| enum_value(a.professional_judgement.as_ref().map(|j| j.level));
    "/professionalJudgement/reason": Text => |a| text(a.professional_judgement.as_ref().map(|j| j.reason.as_str()));
    "/notes": Text => |a| text(a.notes.as_deref());
}

fn migration(assessment: &Assessment) -> Option<&crate::model::Migration> {
    assessment.trafficking.as_ref()?.migration.as_ref()
}

/// The prefix of the pointer of every trafficking indicator.
pub const INDICATOR_PREFIX: &str = "/trafficking/indicators/";

/// How many fields there are.
const COUNT: usize = BEFORE.len() + IndicatorId::ALL.len() + AFTER.len();

/// The field numbered `index` as listed: the fields before the indicators, the indicators in
/// catalogue order, the rest.
const fn listed(index: usize) -> Listed {
    let indicators = IndicatorId::ALL.len();
    if index < BEFORE.len() {
        BEFORE[index]
    } else if index < BEFORE.len() + indicators {
        Listed {
            pointer: IndicatorId::POINTERS[index - BEFORE.len()],
            kind: FieldKind::Answer,
            values: Some(NamedList::Answer),
        }
    } else {
        AFTER[index - BEFORE.len() - indicators]
    }
}

/// The fields whose pointers start with `prefix`, which the table keeps together, as the range of
/// their numbers: found while compiling, so no search runs when a result is made.
pub(crate) const fn numbers_under(prefix: &str) -> (usize, usize) {
    let prefix = prefix.as_bytes();
    let (mut start, mut end) = (COUNT, COUNT);
    let mut index = 0;
    while index < COUNT {
        let pointer = listed(index).pointer.as_bytes();
        let mut matches = pointer.len() >= prefix.len();
        let mut at = 0;
        while matches && at < prefix.len() {
            matches = pointer[at] == prefix[at];
            at += 1;
        }
        if matches {
            if start == COUNT {
                start = index;
            }
            end = index + 1;
        } else if start != COUNT {
            break;
        }
        index += 1;
    }
    if start == COUNT {
        end = COUNT;
    }
    (start, end)
}

/// Where each field's pointer starts in `POINTERS`, and where the last one ends.
static STARTS: [u16; COUNT + 1] = {
    let mut out = [0; COUNT + 1];
    let mut at = 0;
    let mut index = 0;
    while index < COUNT {
        at += listed(index).pointer.len();
        // Checked while the table is built: a longer text fails the build.
        assert!(at <= u16::MAX as usize);
        out[index + 1] = at as u16;
        index += 1;
    }
    // The pointers as listed are those of the text, in the same order.
    assert!(at == POINTERS.len());
    out
};

/// The kind of each field.
static KINDS: [FieldKind; COUNT] = {
    let mut out = [FieldKind::Text; COUNT];
    let mut index = 0;
    while index < COUNT {
        out[index] = listed(index).kind;
        index += 1;
    }
    out
};

/// The allowed values of each field.
static VALUES: [Option<NamedList>; COUNT] = {
    let mut out = [None; COUNT];
    let mut index = 0;
    while index < COUNT {
        out[index] = listed(index).values;
        index += 1;
    }
    out
};

/// Every field, by its number.
static FIELDS: [Field; COUNT] = {
    // Checked while the table is built: more fields than a byte numbers fail the build.
    assert!(COUNT <= u8::MAX as usize + 1);
    let mut out = [Field(0); COUNT];
    let mut index = 0;
    while index < COUNT {
        out[index] = Field(index as u8);
        index += 1;
    }
    out
};

/// Every answerable field, in the order of the assessment schema.
///
/// ```
/// let strangulation = lindung::fields::field("/danger/strangulation");
/// assert_eq!(strangulation.map(|f| f.kind()), Some(lindung::fields::FieldKind::Answer));
/// assert_eq!(lindung::fields::all().iter().filter(|f| f.pointer().starts_with("/trafficking/indicators/")).count(), 67);
/// ```
pub fn all() -> &'static [Field] {
    &FIELDS
}

/// The field at a JSON Pointer; `None` when the pointer is not an answerable field.
pub fn field(pointer: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|field| field.pointer() == pointer)
}

/// The field of a trafficking indicator.
pub fn indicator(id: IndicatorId) -> Option<&'static Field> {
    FIELDS.get(BEFORE.len() + id as usize)
}

/// The answers to the trafficking indicators: none when the assessment has no trafficking section.
pub(crate) fn indicator_answers(assessment: &Assessment) -> &IndicatorAnswers {
    static NONE: IndicatorAnswers = IndicatorAnswers::new();
    assessment
        .trafficking
        .as_ref()
        .map_or(&NONE, |trafficking| &trafficking.indicators)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_are_unique_and_well_formed() {
        let fields = all();
        let unique: std::collections::BTreeSet<&str> = fields.iter().map(Field::pointer).collect();
        assert_eq!(fields.len(), unique.len());
        for field in fields {
            assert!(field.pointer().starts_with('/'), "{}", field.pointer());
            let needs_values = matches!(
                field.kind(),
                FieldKind::Answer | FieldKind::Enum | FieldKind::Set
            );
            assert_eq!(
                needs_values,
                !field.values().is_empty(),
                "{}",
                field.pointer()
            );
        }
    }

    #[test]
    fn every_danger_and_need_question_is_registered() {
        for name in crate::model::Danger::QUESTIONS {
            assert!(field(&format!("/danger/{name}")).is_some(), "{name}");
        }
        for name in crate::model::Needs::QUESTIONS {
            assert!(field(&format!("/needs/{name}")).is_some(), "{name}");
        }
        for id in IndicatorId::ALL {
            let pointer = indicator(*id).map(Field::pointer);
            assert_eq!(pointer, Some(format!("{INDICATOR_PREFIX}{id}").as_str()));
        }
        assert!(field("/danger/nonsense").is_none());
        assert!(field("/trafficking/indicators/d9_nothing").is_none());
    }

    #[test]
    fn danger_questions_and_needs_are_read_by_their_place_in_the_section() -> Result<(), String> {
        let mut assessment = crate::parse::parse_assessment(
            br#"{"schemaVersion": "1", "id": "KTK-1", "assessedAt": "2026-11-29T10:00:00+08:00",
              "assessor": {"name": "Sari", "agency": "UPTD PPA", "role": "social_worker"},
              "caseTypes": ["ktk"], "intake": {"source": "self"},
              "consent": {"services": true, "infoSharing": true, "reporting": false, "recordedAs": "written"},
              "person": {"ageYears": 30, "sex": "female"}}"#,
            crate::Lang::En,
        )
        .map_err(|problems| format!("{problems:?}"))?;
        let sections = [
            ("danger", DANGER, crate::model::Danger::QUESTIONS),
            ("needs", NEEDS, crate::model::Needs::QUESTIONS),
        ];
        for (section, (start, end), questions) in sections {
            let numbered = all().get(start..end).unwrap_or_default();
            let pointers: Vec<&str> = numbered.iter().map(Field::pointer).collect();
            let expected: Vec<String> = questions
                .iter()
                .map(|name| format!("/{section}/{name}"))
                .collect();
            assert_eq!(pointers, expected);
            for (asked, name) in questions.iter().enumerate() {
                let answers = serde_json::json!({ *name: "yes" });
                match section {
                    "danger" => {
                        assessment.danger =
                            serde_json::from_value(answers).map_err(|e| e.to_string())?;
                    }
                    _ => {
                        assessment.needs =
                            serde_json::from_value(answers).map_err(|e| e.to_string())?;
                    }
                }
                for (place, field) in numbered.iter().enumerate() {
                    let expected = (place == asked).then_some(Answer::Yes);
                    assert_eq!(
                        field.get(&assessment).answer(),
                        expected,
                        "{}",
                        field.pointer()
                    );
                }
            }
        }
        Ok(())
    }

    #[test]
    fn strongest_prefers_yes_then_unknown() {
        use Answer::*;
        let cases: &[(&[Answer], Option<Answer>)] = &[
            (&[], None),
            (&[No], Some(No)),
            (&[No, Unknown], Some(Unknown)),
            (&[Unknown, No], Some(Unknown)),
            (&[No, Yes, Unknown], Some(Yes)),
        ];
        for (input, expected) in cases {
            assert_eq!(
                strongest(input.iter().copied()).answer(),
                *expected,
                "{input:?}"
            );
        }
    }
}
