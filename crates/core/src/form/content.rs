//! The wording of the built-in form in Bahasa Indonesia and English: plain, calm, non-blaming.

use crate::json::Value;

use super::{Choice, Kind, Question, Section};
use crate::condition::{Condition, EqualsTest, Scalar, ValueTest};
use crate::model::{CaseType, Danger, IndicatorId, Lang, Needs};
use crate::text::joined;

/// Wording in Bahasa Indonesia and English, kept as one string: `t!("Ya", "Yes")`. An option also
/// begins with its stored value: `t!("yes", "Ya", "Yes")`. One string per entry instead of two or
/// three keeps the tables of the form small.
macro_rules! t {
    ($first:literal $(, $rest:literal)+ $(,)?) => {
        concat!($first $(, "\u{1f}", $rest)+)
    };
}

/// A text in Bahasa Indonesia and English, written `t!("Bahasa Indonesia", "English")`.
type T = &'static str;
/// A list of options (each written `t!("stored value", "Bahasa Indonesia", "English")`) or of
/// questions, written `list![t!(…), t!(…)]`.
type L = &'static str;

/// Entries kept as one string, split at run time like the languages of a text: one string per
/// list instead of a table of references keeps the tables of the form small.
macro_rules! list {
    ($first:expr $(, $rest:expr)* $(,)?) => {
        concat!($first $(, "\u{1e}", $rest)*)
    };
}

/// The entries of a list written with `list!`; none for an empty one.
fn entries(list: L) -> impl Iterator<Item = &'static str> {
    list.split('\u{1e}').filter(|entry| !entry.is_empty())
}

/// The parts of a text written with `t!`.
fn parts(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.split('\u{1f}')
}

fn pick(lang: Lang, text: T) -> String {
    let mut parts = parts(text);
    let id = parts.next().unwrap_or_default();
    match lang {
        Lang::Id => id,
        Lang::En => parts.next().unwrap_or(id),
    }
    .to_owned()
}

/// A question at a pointer, of a kind, with its label and, when given, its hint (`""` for none)
/// and its options, the texts kept as one string: `q!("/person/sex", Choice, t!(…), "", list![…])`.
macro_rules! q {
    ($pointer:literal, $kind:ident, $($text:expr),+ $(,)?) => {
        Q::new(list![$pointer, $($text),+], Kind::$kind)
    };
}

/// One question of the built-in form, as data: built at compile time, worded at run time.
#[derive(Clone, Copy)]
struct Q {
    /// The pointer, the label, the hint and the options, written with `q!`. The options are
    /// those of the kind for an answer or a boolean without any.
    text: L,
    kind: Kind,
    required: bool,
    visible: Visible,
    fields: &'static [Q],
    /// The most items; `0` for no limit.
    max_items: u16,
    /// The longest text; `0` for no limit.
    max_length: u16,
}

impl Q {
    const fn new(text: L, kind: Kind) -> Q {
        Q {
            text,
            kind,
            required: false,
            visible: Visible::Always,
            fields: &[],
            max_items: 0,
            max_length: match kind {
                Kind::Text => 200,
                Kind::Textarea => 2000,
                _ => 0,
            },
        }
    }
    const fn req(mut self) -> Q {
        self.required = true;
        self
    }
    const fn when(mut self, visible: Visible) -> Q {
        self.visible = visible;
        self
    }
    const fn max_length(mut self, max: u16) -> Q {
        assert!(max > 0, "a limit of 0 would read as none");
        self.max_length = max;
        self
    }
    const fn fields(mut self, max_items: u16, fields: &'static [Q]) -> Q {
        assert!(max_items > 0, "a limit of 0 would read as none");
        self.max_items = max_items;
        self.fields = fields;
        self
    }

    /// The question in `lang`.
    fn build(&self, lang: Lang) -> Question {
        let mut text = self.text.split('\u{1e}');
        let pointer = text.next().unwrap_or_default();
        let label = text.next().unwrap_or_default();
        let hint = text.next().filter(|hint| !hint.is_empty());
        // What is left of the text are the options.
        let listed = options(lang, text);
        let options = match (listed.is_empty(), self.kind) {
            (true, Kind::Answer) => options(lang, ANSWERS.split('\u{1e}')),
            (true, Kind::Boolean) => vec![
                Choice {
                    value: Value::Bool(true),
                    label: pick(lang, t!("Ya", "Yes")),
                },
                Choice {
                    value: Value::Bool(false),
                    label: pick(lang, t!("Tidak", "No")),
                },
            ],
            _ => listed,
        };
        Question {
            pointer: pointer.to_owned(),
            kind: self.kind,
            options,
            label: pick(lang, label),
            hint: hint.map(|hint| pick(lang, hint)),
            required: self.required,
            visible: self.visible.condition(),
            fields: build_all(self.fields, lang),
            max_items: (self.max_items > 0).then_some(self.max_items),
            max_length: (self.max_length > 0).then_some(self.max_length),
        }
    }
}

/// Questions in `lang`, in order: one loop for a section's questions and a list's fields.
fn build_all(questions: &[Q], lang: Lang) -> Vec<Question> {
    let mut out = Vec::with_capacity(questions.len());
    for question in questions {
        out.push(question.build(lang));
    }
    out
}

const ANSWERS: L = list![
    t!("yes", "Ya", "Yes"),
    t!("no", "Tidak", "No"),
    t!("unknown", "Tidak tahu", "Don't know"),
];

/// The options of a list written with `list!`, split.
fn options(lang: Lang, options: std::str::Split<'static, char>) -> Vec<Choice> {
    let mut out = Vec::new();
    for option in options.filter(|option| !option.is_empty()) {
        let (value, text) = option.split_once('\u{1f}').unwrap_or((option, option));
        out.push(Choice {
            value: Value::String(value.to_owned().into()),
            label: pick(lang, text),
        });
    }
    out
}

/// When a section or a question shows.
#[derive(Clone, Copy)]
enum Visible {
    Always,
    /// Some consent was given.
    AnyConsent,
    /// The person is female.
    Female,
    /// The violence includes sexual violence.
    SexualViolence,
    /// The person is a child.
    Child,
    /// A violence (KTK) case.
    Ktk,
    /// A trafficking (KPO) case.
    Kpo,
}

impl Visible {
    fn condition(self) -> Option<Condition> {
        Some(match self {
            Visible::Always => return None,
            Visible::AnyConsent => any_consent(),
            Visible::Female => equals("/person/sex", Scalar::Text("female".to_owned())),
            Visible::SexualViolence => includes("/violence/forms", "sexual"),
            Visible::Child => Condition::Child(true),
            Visible::Ktk => Condition::CaseType(CaseType::Ktk),
            Visible::Kpo => Condition::CaseType(CaseType::Kpo),
        })
    }
}

/// One section of the built-in form, as data.
struct Part {
    id: &'static str,
    title: T,
    hint: Option<T>,
    visible: Visible,
    questions: &'static [Q],
}

impl Part {
    /// The section in `lang`.
    fn build(&self, lang: Lang) -> Section {
        Section {
            id: self.id.to_owned(),
            title: pick(lang, self.title),
            hint: self.hint.map(|hint| pick(lang, hint)),
            visible: self.visible.condition(),
            questions: build_all(self.questions, lang),
        }
    }
}

macro_rules! relationships {
    () => {
        list![
            t!("spouse", "Suami atau istri", "Spouse"),
            t!("former_spouse", "Mantan suami atau istri", "Former spouse"),
            t!("partner", "Pacar atau pasangan", "Partner"),
            t!(
                "former_partner",
                "Mantan pacar atau pasangan",
                "Former partner"
            ),
            t!("parent", "Orang tua", "Parent"),
            t!("step_parent", "Orang tua tiri", "Step-parent"),
            t!("relative", "Kerabat", "Relative"),
            t!("employer", "Majikan atau atasan", "Employer"),
            t!("coworker", "Rekan kerja", "Co-worker"),
            t!("teacher", "Guru atau pengajar", "Teacher"),
            t!("caregiver", "Pengasuh", "Caregiver"),
            t!("recruiter", "Perekrut atau calo", "Recruiter"),
            t!("acquaintance", "Kenalan", "Acquaintance"),
            t!("stranger", "Orang tidak dikenal", "Stranger"),
            t!("other", "Lainnya", "Other"),
        ]
    };
}

macro_rules! province_hint {
    () => {
        t!(
            "Kode provinsi Kemendagri, dua angka (Kalimantan Selatan: 63)",
            "Kemendagri province code, two digits (South Kalimantan: 63)"
        )
    };
}
macro_rules! regency_hint {
    () => {
        t!(
            "Kode kabupaten/kota Kemendagri (Banjarmasin: 63.71)",
            "Kemendagri regency or city code (Banjarmasin: 63.71)"
        )
    };
}
macro_rules! country_hint {
    () => {
        t!(
            "Kode negara dua huruf, misalnya MY untuk Malaysia",
            "Two-letter country code, for example MY for Malaysia"
        )
    };
}

fn equals(at: &str, value: Scalar) -> Condition {
    Condition::Equals(EqualsTest {
        at: at.to_owned(),
        value,
    })
}

fn includes(at: &str, value: &str) -> Condition {
    Condition::Includes(ValueTest {
        at: at.to_owned(),
        value: value.to_owned(),
    })
}

fn any_consent() -> Condition {
    let mut any = Vec::with_capacity(3);
    for at in [
        "/consent/services",
        "/consent/infoSharing",
        "/consent/reporting",
    ] {
        any.push(equals(at, Scalar::Bool(true)));
    }
    Condition::Any(any)
}

const INTAKE: Part = Part {
    id: "intake",
    title: t!("Persetujuan dan penerimaan", "Consent and intake"),
    hint: Some(t!("Jelaskan dengan tenang apa yang akan dicatat dan untuk apa. Orang ini boleh menolak menjawab pertanyaan apa pun.", "Explain calmly what will be recorded and why. The person may decline any question.")),
    visible: Visible::Always,
    questions: &[
            q!("/id", Text, t!("Nomor rujukan asesmen", "Assessment reference"), t!("Huruf, angka, titik, garis bawah atau tanda hubung; paling banyak 64", "Letters, digits, dots, underscores or hyphens; at most 64")).max_length(64).req(),
            q!("/assessedAt", Datetime, t!("Waktu asesmen", "Time of assessment"), t!("Semua tenggat rujukan dihitung dari waktu ini", "Every referral deadline counts from this time")).req(),
            q!("/assessor/name", Text, t!("Nama petugas", "Your name")).req(),
            q!("/assessor/agency", Text, t!("Lembaga petugas", "Your agency")).req(),
            q!("/assessor/role", Choice, t!("Profesi petugas", "Your profession"), "", list![
                    t!("social_worker", "Pekerja sosial", "Social worker"),
                    t!("psychologist", "Psikolog", "Psychologist"),
                    t!("counsellor", "Konselor", "Counsellor"),
                    t!("police", "Polisi", "Police officer"),
                    t!("health_worker", "Tenaga kesehatan", "Health worker"),
                    t!("other", "Lainnya", "Other"),
                ]).req(),
            q!("/caseTypes", Multi, t!("Jenis kasus", "Type of case"), t!("Pilih keduanya bila orang ini diperdagangkan dan juga mengalami kekerasan", "Choose both when the person was trafficked and also harmed by violence"), list![
                    t!("ktk", "Korban tindak kekerasan (KTK)", "Violence (KTK)"),
                    t!("kpo", "Korban perdagangan orang (KPO)", "Trafficking (KPO)"),
                ]).req(),
            q!("/intake/source", Choice, t!("Bagaimana kasus ini sampai kepada Anda", "How the case came to you"), "", list![
                    t!("self", "Datang sendiri", "The person came themselves"),
                    t!("family", "Keluarga", "Family"),
                    t!("community", "Masyarakat", "Community"),
                    t!("police", "Polisi", "Police"),
                    t!("health_facility", "Fasilitas kesehatan", "Health facility"),
                    t!("bp3mi", "BP3MI", "BP3MI"),
                    t!("uptd_ppa", "UPTD PPA", "UPTD PPA"),
                    t!("ngo", "Lembaga masyarakat", "Non-governmental organisation"),
                    t!("hotline", "Layanan telepon (SAPA 129)", "Hotline (SAPA 129)"),
                    t!("school", "Sekolah", "School"),
                    t!("other", "Lainnya", "Other"),
                ]).req(),
            q!("/intake/region/province", Text, t!("Provinsi tempat penerimaan", "Province of intake"), province_hint!()).max_length(2),
            q!("/intake/region/regency", Text, t!("Kabupaten/kota tempat penerimaan", "Regency or city of intake"), regency_hint!()).max_length(5),
            q!("/intake/language", Text, t!("Bahasa yang diinginkan orang ini", "The person's preferred language"), t!("Kode bahasa, misalnya id, bjn atau en", "Language code, for example id, bjn or en")).max_length(3),
            q!("/consent/services", Boolean, t!("Setuju menerima layanan", "Agrees to receive services")).req(),
            q!("/consent/infoSharing", Boolean, t!("Setuju informasinya dibagikan kepada lembaga rujukan", "Agrees that information is shared with the agencies referred to")).req(),
            q!("/consent/reporting", Boolean, t!("Setuju kasusnya dilaporkan, misalnya kepada polisi", "Agrees that the case is reported, for example to the police")).req(),
            q!("/consent/recordedAs", Choice, t!("Bagaimana persetujuan dicatat", "How consent was recorded"), "", list![
                    t!("written", "Tertulis", "In writing"),
                    t!("recorded_verbal", "Lisan dan dicatat", "Spoken and recorded"),
                    t!("guardian", "Oleh orang tua atau wali", "By a parent or guardian"),
                ]).when(Visible::AnyConsent).req(),
            q!("/consent/emergency/reason", Textarea, t!("Alasan darurat untuk bertindak tanpa persetujuan", "Emergency reason to act without consent"), t!("Isi hanya bila nyawa atau keselamatan orang ini terancam sekarang; 10 sampai 2000 karakter", "Only when the person's life or safety is at risk now; 10 to 2000 characters")),
        ],
};

const PERSON: Part = Part {
    id: "person",
    title: t!("Orang yang didampingi", "The person"),
    hint: Some(t!(
        "Catat hanya yang orang ini ingin sampaikan.",
        "Record only what the person wishes to share."
    )),
    visible: Visible::Always,
    questions: &[
        q!(
            "/person/name",
            Text,
            t!("Nama", "Name"),
            t!(
                "Boleh dikosongkan bila orang ini tidak ingin namanya dicatat",
                "Leave blank if the person does not want their name recorded"
            )
        ),
        q!(
            "/person/birthDate",
            Date,
            t!("Tanggal lahir", "Date of birth"),
            t!(
                "Isi tanggal lahir atau usia",
                "Give the date of birth or the age"
            )
        ),
        q!(
            "/person/ageYears",
            Integer,
            t!("Usia (tahun)", "Age (years)"),
            t!(
                "Bila tanggal lahir tidak diketahui",
                "When the date of birth is not known"
            )
        ),
        q!(
            "/person/sex",
            Choice,
            t!("Jenis kelamin", "Sex"),
            "",
            list![
                t!("female", "Perempuan", "Female"),
                t!("male", "Laki-laki", "Male"),
            ]
        )
        .req(),
        q!(
            "/person/nik",
            Text,
            t!("NIK", "National identity number (NIK)"),
            t!("16 angka", "16 digits")
        )
        .max_length(16),
        q!(
            "/person/nationality",
            Text,
            t!("Kewarganegaraan", "Nationality"),
            t!(
                "Kode negara dua huruf; kosong berarti Indonesia (ID)",
                "Two-letter country code; blank means Indonesia (ID)"
            )
        )
        .max_length(2),
        q!(
            "/person/disabilities",
            Multi,
            t!("Disabilitas", "Disability"),
            "",
            list![
                t!("physical", "Fisik", "Physical"),
                t!("sensory", "Sensorik", "Sensory"),
                t!("intellectual", "Intelektual", "Intellectual"),
                t!("psychosocial", "Mental atau psikososial", "Psychosocial"),
            ]
        ),
        q!("/person/pregnant", Answer, t!("Sedang hamil", "Pregnant")).when(Visible::Female),
        q!(
            "/person/domicile/province",
            Text,
            t!("Provinsi tempat tinggal", "Province where the person lives"),
            province_hint!()
        )
        .max_length(2),
        q!(
            "/person/domicile/regency",
            Text,
            t!(
                "Kabupaten/kota tempat tinggal",
                "Regency or city where the person lives"
            ),
            regency_hint!()
        )
        .max_length(5),
        q!(
            "/person/safeContact/phone",
            Text,
            t!("Nomor telepon yang aman", "A safe phone number")
        )
        .max_length(20),
        q!(
            "/person/safeContact/safeToCall",
            Answer,
            t!("Aman untuk ditelepon", "Safe to call")
        ),
        q!(
            "/person/safeContact/note",
            Textarea,
            t!("Catatan untuk menghubungi", "How to make contact"),
            t!(
                "Kapan boleh menelepon dan apa yang tidak boleh dikatakan",
                "When to call and what not to say"
            )
        )
        .max_length(500),
    ],
};

const GUARDIAN: Part = Part {
    id: "guardian",
    title: t!("Orang tua atau wali", "Parent or guardian"),
    hint: Some(t!(
        "Bagian ini untuk anak di bawah 18 tahun.",
        "This part is for a child under 18."
    )),
    visible: Visible::Child,
    questions: &[
        q!(
            "/guardian/relationship",
            Choice,
            t!("Hubungan dengan anak", "Relationship to the child"),
            "",
            list![
                t!("mother", "Ibu", "Mother"),
                t!("father", "Ayah", "Father"),
                t!("step_parent", "Orang tua tiri", "Step-parent"),
                t!("grandparent", "Kakek atau nenek", "Grandparent"),
                t!("sibling", "Kakak atau adik", "Sibling"),
                t!("relative", "Kerabat", "Relative"),
                t!("foster_parent", "Orang tua asuh", "Foster parent"),
                t!("legal_guardian", "Wali sah", "Legal guardian"),
                t!("other", "Lainnya", "Other"),
            ]
        )
        .req(),
        q!(
            "/guardian/suspectedPerpetrator",
            Boolean,
            t!(
                "Wali ini diduga sebagai pelaku",
                "This guardian is a suspected perpetrator"
            ),
            t!(
                "Bila ya, rujukan tidak melalui wali ini",
                "If yes, referrals do not go through this guardian"
            )
        )
        .req(),
        q!(
            "/guardian/consentGiven",
            Boolean,
            t!("Wali memberi persetujuan", "The guardian gave consent")
        )
        .req(),
    ],
};

const DANGER: L = list![
    t!(
        "strangulation",
        "Pernahkah pelaku mencekik atau menekan leher orang ini?",
        "Has the perpetrator ever choked or strangled the person?"
    ),
    t!(
        "threatsToKill",
        "Pernahkah pelaku mengancam akan membunuh orang ini atau orang dekatnya?",
        "Has the perpetrator threatened to kill the person or someone close to them?"
    ),
    t!(
        "weaponUsed",
        "Pernahkah senjata dipakai terhadap orang ini?",
        "Has a weapon been used against the person?"
    ),
    t!(
        "weaponAccess",
        "Apakah pelaku dapat memperoleh senjata?",
        "Can the perpetrator get a weapon?"
    ),
    t!(
        "escalation",
        "Apakah kekerasan makin sering atau makin berat?",
        "Is the violence happening more often or getting worse?"
    ),
    t!(
        "separation",
        "Apakah orang ini baru berpisah atau berencana berpisah dari pelaku?",
        "Has the person recently separated, or do they plan to?"
    ),
    t!(
        "stalking",
        "Apakah pelaku membuntuti, mengawasi, atau cemburu berlebihan?",
        "Does the perpetrator follow or watch the person, or show extreme jealousy?"
    ),
    t!(
        "coerciveControl",
        "Apakah pelaku mengatur uang, kepergian, pergaulan atau kegiatan sehari-hari orang ini?",
        "Does the perpetrator control the person's money, movements, contacts or daily life?"
    ),
    t!(
        "forcedSex",
        "Pernahkah orang ini dipaksa berhubungan seksual?",
        "Has the person been forced into sex?"
    ),
    t!(
        "abuseDuringPregnancy",
        "Pernahkah orang ini disakiti saat hamil?",
        "Was the person harmed while pregnant?"
    ),
    t!(
        "childrenThreatened",
        "Pernahkah pelaku mengancam atau menyakiti anak-anak?",
        "Has the perpetrator threatened or harmed children?"
    ),
    t!(
        "perpetratorSubstanceAbuse",
        "Apakah pelaku menyalahgunakan alkohol atau narkoba?",
        "Does the perpetrator misuse alcohol or drugs?"
    ),
    t!(
        "perpetratorSuicidal",
        "Pernahkah pelaku mengancam atau mencoba bunuh diri?",
        "Has the perpetrator threatened or attempted suicide?"
    ),
    t!(
        "perpetratorPriorViolence",
        "Pernahkah pelaku melakukan kekerasan kepada orang lain atau sebelumnya?",
        "Has the perpetrator been violent to others, or before?"
    ),
    t!(
        "breachOfOrder",
        "Pernahkah pelaku melanggar perintah perlindungan atau syarat penangguhan?",
        "Has the perpetrator broken a protection order or bail condition?"
    ),
    t!(
        "isolation",
        "Apakah orang ini dijauhkan dari keluarga, teman atau bantuan?",
        "Is the person cut off from family, friends or help?"
    ),
    t!(
        "fearsForLife",
        "Apakah orang ini takut akan keselamatan nyawanya?",
        "Does the person fear for their life?"
    ),
    t!(
        "perpetratorNearby",
        "Apakah pelaku ada di dekat orang ini sekarang, atau akan segera datang?",
        "Is the perpetrator nearby now, or expected soon?"
    ),
    t!(
        "noSafePlaceTonight",
        "Apakah orang ini tidak punya tempat aman untuk malam ini?",
        "Does the person have no safe place to stay tonight?"
    ),
];

const VIOLENCE: Part = Part {
    id: "violence",
    title: t!("Kekerasan dan bahaya", "Violence and danger"),
    hint: Some(t!(
        "Tanyakan dengan pelan. Tidak ada jawaban yang salah; \"tidak tahu\" juga jawaban.",
        "Ask gently. There are no wrong answers; \"don't know\" is an answer too."
    )),
    visible: Visible::Ktk,
    questions: &[
        q!(
            "/violence/forms",
            Multi,
            t!(
                "Bentuk kekerasan yang dialami",
                "Forms of violence experienced"
            ),
            "",
            list![
                t!("physical", "Fisik", "Physical"),
                t!("psychological", "Psikis", "Psychological"),
                t!("sexual", "Seksual", "Sexual"),
                t!(
                    "neglect",
                    "Penelantaran, termasuk ekonomi",
                    "Neglect, including economic"
                ),
            ]
        )
        .req(),
        q!(
            "/violence/sexualViolence",
            Multi,
            t!("Jenis kekerasan seksual", "Types of sexual violence"),
            t!(
                "Menurut UU 12/2022; pilih semua yang sesuai",
                "As in Law 12/2022; choose all that apply"
            ),
            list![
                t!(
                    "non_physical_harassment",
                    "Pelecehan seksual nonfisik",
                    "Non-physical sexual harassment"
                ),
                t!(
                    "physical_harassment",
                    "Pelecehan seksual fisik",
                    "Physical sexual harassment"
                ),
                t!(
                    "forced_contraception",
                    "Pemaksaan kontrasepsi",
                    "Forced contraception"
                ),
                t!(
                    "forced_sterilisation",
                    "Pemaksaan sterilisasi",
                    "Forced sterilisation"
                ),
                t!("forced_marriage", "Pemaksaan perkawinan", "Forced marriage"),
                t!("sexual_torture", "Penyiksaan seksual", "Sexual torture"),
                t!(
                    "sexual_exploitation",
                    "Eksploitasi seksual",
                    "Sexual exploitation"
                ),
                t!("sexual_slavery", "Perbudakan seksual", "Sexual slavery"),
                t!(
                    "electronic",
                    "Kekerasan seksual berbasis elektronik",
                    "Electronic sexual violence"
                ),
                t!("rape", "Perkosaan", "Rape"),
                t!("obscene_acts", "Perbuatan cabul", "Obscene acts"),
                t!("other", "Lainnya", "Other"),
            ]
        )
        .when(Visible::SexualViolence)
        .req(),
        q!(
            "/violence/setting",
            Choice,
            t!("Di mana kekerasan terjadi", "Where the violence happens"),
            "",
            list![
                t!("household", "Rumah tangga", "Household"),
                t!("workplace", "Tempat kerja", "Workplace"),
                t!("school", "Sekolah", "School"),
                t!("institution", "Lembaga atau panti", "Institution"),
                t!("public", "Tempat umum", "Public place"),
                t!("online", "Daring", "Online"),
                t!("other", "Lainnya", "Other"),
            ]
        )
        .req(),
        q!(
            "/violence/perpetrators",
            List,
            t!("Pelaku", "Perpetrators"),
            t!(
                "Tambahkan satu baris untuk setiap pelaku",
                "Add one entry for each perpetrator"
            )
        )
        .fields(
            20,
            &[
                q!(
                    "/relationship",
                    Choice,
                    t!("Hubungan dengan orang ini", "Relationship to the person"),
                    "",
                    relationships!()
                )
                .req(),
                q!(
                    "/livesWithVictim",
                    Answer,
                    t!("Tinggal serumah dengan orang ini", "Lives with the person")
                )
                .req(),
                q!(
                    "/hasAccess",
                    Answer,
                    t!("Dapat menjangkau orang ini", "Can reach the person")
                )
                .req(),
            ],
        )
        .req(),
        q!(
            "/violence/firstIncidentOn",
            Date,
            t!("Tanggal kejadian pertama", "Date of the first incident")
        ),
        q!(
            "/violence/lastIncidentOn",
            Date,
            t!(
                "Tanggal kejadian terakhir",
                "Date of the most recent incident"
            )
        ),
        q!(
            "/violence/incidentsLast12Months",
            Integer,
            t!(
                "Jumlah kejadian dalam 12 bulan terakhir",
                "Number of incidents in the last 12 months"
            )
        ),
        q!(
            "/violence/injuries",
            Choice,
            t!(
                "Luka paling berat pada kejadian terakhir",
                "The worst injuries of the most recent incident"
            ),
            "",
            list![
                t!("none", "Tidak ada", "None"),
                t!("minor", "Ringan", "Minor"),
                t!("serious", "Berat", "Serious"),
                t!("life_threatening", "Mengancam nyawa", "Life-threatening"),
                t!("unknown", "Tidak diketahui", "Not known"),
            ]
        )
        .req(),
        q!(
            "/violence/lastSexualAssaultAt",
            Datetime,
            t!(
                "Waktu kekerasan seksual terakhir",
                "Time of the most recent sexual assault"
            ),
            t!(
                "Penting untuk layanan medis yang harus diberikan dalam 72 jam",
                "Matters for medical care that must start within 72 hours"
            )
        )
        .when(Visible::SexualViolence),
    ],
};

/// The hint of every danger question.
const DANGER_HINT: T = t!(
    "Kosongkan bila tidak ditanyakan",
    "Leave blank if not asked"
);

const TRAFFICKING: Part = Part {
    id: "trafficking",
    title: t!("Perdagangan orang dan migrasi", "Trafficking and migration"),
    hint: Some(t!("Tanda-tanda ini membantu mengenali perdagangan orang. Orang ini tidak bersalah atas apa yang terjadi.", "These signs help recognise trafficking. The person is not to blame for what happened.")),
    visible: Visible::Kpo,
    questions: &[
        q!("/trafficking/process", Multi, t!("Proses", "Process"), t!("Apa yang dilakukan terhadap orang ini (UU 21/2007)", "What was done to the person (Law 21/2007)"), list![
            t!("recruitment", "Perekrutan", "Recruitment"),
            t!("transport", "Pengangkutan", "Transport"),
            t!("transfer", "Pengiriman atau pemindahan", "Transfer"),
            t!("harbouring", "Penampungan", "Harbouring"),
            t!("receipt", "Penerimaan", "Receipt"),
        ]),
        q!("/trafficking/means", Multi, t!("Cara", "Means"), t!("Bagaimana orang ini dikendalikan", "How the person was controlled"), list![
                t!("threat", "Ancaman", "Threat"),
                t!("force", "Kekerasan", "Force"),
                t!("abduction", "Penculikan", "Abduction"),
                t!("confinement", "Penyekapan", "Confinement"),
                t!("forgery", "Pemalsuan", "Forgery"),
                t!("deception", "Penipuan", "Deception"),
                t!("abuse_of_power", "Penyalahgunaan kekuasaan", "Abuse of power"),
                t!("abuse_of_vulnerability", "Memanfaatkan posisi rentan", "Abuse of vulnerability"),
                t!("debt_bondage", "Jeratan utang", "Debt bondage"),
                t!("payment_to_controller", "Bayaran kepada orang yang menguasai", "Payment to a person in control"),
            ]),
        q!("/trafficking/exploitation", Multi, t!("Tujuan eksploitasi", "Purpose of exploitation"), "", list![
            t!("forced_labour", "Kerja paksa", "Forced labour"),
            t!("domestic_servitude", "Perhambaan rumah tangga", "Domestic servitude"),
            t!("sexual_exploitation", "Eksploitasi seksual", "Sexual exploitation"),
            t!("forced_marriage", "Perkawinan paksa", "Forced marriage"),
            t!("forced_criminality", "Dipaksa melakukan kejahatan", "Forced criminality"),
            t!("begging", "Dipaksa mengemis", "Forced begging"),
            t!("organ_removal", "Pengambilan organ", "Organ removal"),
            t!("slavery_like", "Praktik serupa perbudakan", "Slavery-like practices"),
            t!("other", "Lainnya", "Other"),
        ]),
    ],
};

/// The questions of the trafficking section after the indicators.
const MIGRATION: &[Q] = &[
    q!(
        "/trafficking/migration/migrantWorker",
        Answer,
        t!(
            "Pergi bekerja ke luar daerah atau luar negeri",
            "Migrated for work"
        )
    ),
    q!(
        "/trafficking/migration/destinationCountry",
        Text,
        t!("Negara tujuan", "Destination country"),
        country_hint!()
    )
    .max_length(2),
    q!(
        "/trafficking/migration/departure",
        Choice,
        t!("Cara berangkat", "How the person left"),
        "",
        list![
            t!(
                "procedural",
                "Prosedural (resmi)",
                "Through the legal procedure"
            ),
            t!(
                "non_procedural",
                "Nonprosedural",
                "Outside the legal procedure"
            ),
            t!("unknown", "Tidak diketahui", "Not known"),
        ]
    ),
    q!(
        "/trafficking/migration/currentLocation",
        Choice,
        t!("Di mana orang ini sekarang", "Where the person is now"),
        "",
        list![
            t!("abroad", "Di luar negeri", "Abroad"),
            t!("in_transit", "Dalam perjalanan", "In transit"),
            t!("home_region", "Di daerah asal", "In their home region"),
            t!(
                "elsewhere_in_indonesia",
                "Di tempat lain di Indonesia",
                "Elsewhere in Indonesia"
            ),
        ]
    ),
    q!(
        "/trafficking/migration/documentsHeldByOthers",
        Answer,
        t!(
            "Dokumen pribadi dipegang orang lain",
            "Documents held by someone else"
        )
    ),
    q!(
        "/trafficking/events",
        List,
        t!("Peristiwa", "Events"),
        t!(
            "Perekrutan, perjalanan dan eksploitasi, sejauh diketahui",
            "Recruitment, transit and exploitation, as far as known"
        )
    )
    .fields(
        50,
        &[
            q!(
                "/kind",
                Choice,
                t!("Jenis peristiwa", "Kind of event"),
                "",
                list![
                    t!("recruitment", "Perekrutan", "Recruitment"),
                    t!("transit", "Perjalanan", "Transit"),
                    t!("exploitation", "Eksploitasi", "Exploitation"),
                ]
            )
            .req(),
            q!("/place", Text, t!("Tempat", "Place")),
            q!("/country", Text, t!("Negara", "Country"), country_hint!()).max_length(2),
            q!("/from", Date, t!("Mulai", "From")),
            q!("/to", Date, t!("Sampai", "To")),
        ],
    ),
    q!(
        "/trafficking/recruiterRelationship",
        Choice,
        t!(
            "Hubungan perekrut dengan orang ini",
            "The recruiter's relationship to the person"
        ),
        "",
        relationships!()
    ),
];

const NEEDS: L = list![
    t!(
        "medicalUrgent",
        "Perlu perawatan medis segera",
        "Needs medical care now"
    ),
    t!("medical", "Perlu perawatan medis", "Needs medical care"),
    t!(
        "psychological",
        "Perlu dukungan psikologis",
        "Needs psychological support"
    ),
    t!(
        "shelter",
        "Perlu tempat tinggal yang aman",
        "Needs a safe place to stay"
    ),
    t!("legal", "Perlu bantuan hukum", "Needs legal help"),
    t!(
        "economic",
        "Perlu dukungan ekonomi",
        "Needs economic support"
    ),
    t!(
        "documents",
        "Perlu dokumen identitas atau kependudukan",
        "Needs identity or civil documents"
    ),
    t!(
        "education",
        "Perlu sekolah atau pelatihan",
        "Needs schooling or training"
    ),
    t!(
        "repatriation",
        "Perlu dipulangkan ke daerah asal",
        "Needs to return home"
    ),
    t!(
        "familyReunification",
        "Perlu dipertemukan dengan keluarga",
        "Needs to be reunited with family"
    ),
    t!(
        "disabilitySupport",
        "Perlu dukungan disabilitas",
        "Needs disability support"
    ),
];

const NEEDS_PART: Part = Part {
    id: "needs",
    title: t!("Kebutuhan", "Needs"),
    hint: Some(t!(
        "Tanyakan apa yang paling dibutuhkan orang ini sekarang.",
        "Ask what the person needs most now."
    )),
    visible: Visible::Always,
    questions: &[],
};

const JUDGEMENT: Part = Part {
    id: "judgement",
    title: t!("Penilaian dan catatan", "Judgement and notes"),
    hint: Some(t!(
        "Penilaian profesional Anda tetap tercatat di samping tingkat yang dihitung.",
        "Your professional judgement stays beside the computed level."
    )),
    visible: Visible::Always,
    questions: &[
        q!(
            "/professionalJudgement/level",
            Choice,
            t!(
                "Tingkat risiko menurut penilaian Anda",
                "Risk level in your judgement"
            ),
            t!(
                "Kosongkan bila Anda setuju dengan tingkat yang dihitung",
                "Leave blank if you agree with the computed level"
            ),
            list![
                t!("low", "Rendah", "Low"),
                t!("medium", "Sedang", "Medium"),
                t!("high", "Tinggi", "High"),
                t!("critical", "Kritis", "Critical"),
            ]
        ),
        q!(
            "/professionalJudgement/reason",
            Textarea,
            t!("Alasan penilaian Anda", "Reason for your judgement"),
            t!("10 sampai 2000 karakter", "10 to 2000 characters")
        ),
        q!("/notes", Textarea, t!("Catatan", "Notes")).max_length(4000),
    ],
};

const SUMMARY: Part = Part {
    id: "summary",
    title: t!("Ringkasan", "Summary"),
    hint: Some(t!(
        "Periksa jawaban dan hasilnya. Ini alat bantu keputusan, bukan keputusan.",
        "Check the answers and the result. This is decision support, not a decision."
    )),
    visible: Visible::Always,
    questions: &[],
};

/// A question answered yes, no or don't know, at a pointer made at run time.
fn answer(lang: Lang, pointer: String, label: String, hint: Option<T>) -> Question {
    let mut question = Q::new("", Kind::Answer).build(lang);
    question.pointer = pointer;
    question.label = label;
    question.hint = hint.map(|hint| pick(lang, hint));
    question
}

/// Every section of the built-in form, in order.
pub(super) fn sections(lang: Lang, label: &dyn Fn(IndicatorId) -> Option<String>) -> Vec<Section> {
    debug_assert_eq!(entries(DANGER).count(), Danger::QUESTIONS.len());
    debug_assert_eq!(entries(NEEDS).count(), Needs::QUESTIONS.len());
    let mut violence = VIOLENCE.build(lang);
    for (name, text) in entries(DANGER).filter_map(|danger| danger.split_once('\u{1f}')) {
        let pointer = joined(&["/danger/", name]);
        let question = answer(lang, pointer, pick(lang, text), Some(DANGER_HINT));
        violence.questions.push(question);
    }
    let mut trafficking = TRAFFICKING.build(lang);
    for id in IndicatorId::ALL {
        if let Some(text) = label(*id) {
            let pointer = joined(&["/trafficking/indicators/", id.as_str()]);
            trafficking
                .questions
                .push(answer(lang, pointer, text, None));
        }
    }
    for question in MIGRATION {
        trafficking.questions.push(question.build(lang));
    }
    let mut needs = NEEDS_PART.build(lang);
    for (name, text) in entries(NEEDS).filter_map(|need| need.split_once('\u{1f}')) {
        let pointer = joined(&["/needs/", name]);
        needs
            .questions
            .push(answer(lang, pointer, pick(lang, text), None));
    }
    vec![
        INTAKE.build(lang),
        PERSON.build(lang),
        GUARDIAN.build(lang),
        violence,
        trafficking,
        needs,
        JUDGEMENT.build(lang),
        SUMMARY.build(lang),
    ]
}
