//! Small shared pieces of the assessment: the tri-state answer, regions and the language of text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The answer to a risk, indicator or need question.
///
/// An absent question was **not asked**; that fourth state is represented by `Option::None`
/// around an `Answer`. Only `Yes` adds risk; `Unknown` and not-asked are counted and reported
/// so that a thin assessment never looks like a safe one.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(
    description = "The answer to a risk, indicator or need question: `yes`, `no`, or `unknown` (asked, but the person could not or would not say). An absent question was not asked. Only `yes` adds risk; `unknown` and not-asked answers are counted and reported, so a thin assessment never looks like a safe one."
)]
pub enum Answer {
    /// The person said yes.
    Yes,
    /// The person said no.
    No,
    /// Asked, but the person could not or would not say.
    Unknown,
}

impl Answer {
    /// True only for [`Answer::Yes`].
    pub fn is_yes(self) -> bool {
        self == Answer::Yes
    }
}

/// A region as Kemendagri codes: a province (`63`) and optionally a regency or city (`63.71`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Region {
    /// Province code, two digits (Kalimantan Selatan is `63`).
    #[schemars(regex(pattern = r"^[0-9]{2}$"))]
    pub province: String,
    /// Regency or city code, the province code, a dot and two digits (Banjarmasin is `63.71`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{2}\.[0-9]{2}$"))]
    pub regency: Option<String>,
}

/// The language of messages and labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Parses `id` or `en`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code, `id` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// A text in both languages of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Bahasa Indonesia.
    #[schemars(length(min = 1, max = 500))]
    pub id: String,
    /// English.
    #[schemars(length(min = 1, max = 500))]
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}
