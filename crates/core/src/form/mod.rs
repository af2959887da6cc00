//! The form definition: the sections, questions, options, labels, hints and visibility conditions
//! from which every user interface (the `<lindung-form>` element first) renders an assessment.
//!
//! The definition is data: a renderer never writes a question, a label or a rule of its own.
//! Visibility uses the shared condition language (`{"caseType":"ktk"}`, `{"child":true}`, …);
//! [`Form::visibility`] evaluates it on a partly filled assessment.

mod content;
mod visibility;

use crate::json::Value;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::model::{IndicatorId, Lang};
use crate::rules::RuleSet;

pub use visibility::Visibility;

/// The whole form in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Form {
    /// The language of every label and hint.
    pub lang: Lang,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// One section of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// A stable id: `intake`, `person`, `guardian`, `violence`, `trafficking`, `needs`,
    /// `judgement`, `summary`.
    pub id: String,
    /// The heading.
    pub title: String,
    /// A short explanation under the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// When the section is shown, in the condition language; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Condition>,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// One question: where its answer goes, how it is asked and when it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// JSON Pointer into the assessment. Inside a `list`, relative to one item.
    pub pointer: String,
    /// How the answer is given.
    pub kind: Kind,
    /// The choices, for `answer`, `boolean`, `choice` and `multi`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// The question.
    pub label: String,
    /// Help shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// True when the assessment cannot be complete without an answer while the question shows.
    pub required: bool,
    /// When the question is shown, in the condition language; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Condition>,
    /// The questions of one item, for `list`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Question>,
    /// The most items, for `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u16>,
    /// The longest text, for `text` and `textarea`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A date and time with its UTC offset.
    Datetime,
    /// A whole number.
    Integer,
    /// Yes or no, stored as `true` / `false`.
    Boolean,
    /// Yes, no or don't know, stored as `"yes"` / `"no"` / `"unknown"`; blank is not asked.
    Answer,
    /// One of the options.
    Choice,
    /// Any of the options, stored as an array.
    Multi,
    /// A repeating group of `fields`, stored as an array of objects.
    List,
}

/// One option of a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Choice {
    /// The value stored in the assessment.
    pub value: Value<'static>,
    /// What the officer sees.
    pub label: String,
}

impl Form {
    /// The form in `lang`, with the indicator questions of the built-in rule set.
    ///
    /// ```
    /// use lindung::{form::Form, Lang};
    /// let form = Form::new(Lang::En);
    /// assert_eq!(form.sections[0].id, "intake");
    /// assert!(form.questions().any(|q| q.pointer == "/danger/strangulation"));
    /// ```
    pub fn new(lang: Lang) -> Form {
        Form::with_rules(lang, &RuleSet::builtin())
    }

    /// The form in `lang`, asking each trafficking indicator in the words of `rules`' catalogue.
    /// An indicator the catalogue leaves out is not asked.
    pub fn with_rules(lang: Lang, rules: &RuleSet) -> Form {
        let catalogue = &rules.document().trafficking.catalogue;
        let label = |id: IndicatorId| {
            catalogue
                .iter()
                .find(|entry| entry.id == id.as_str())
                .map(|entry| entry.label.get(lang).to_owned())
        };
        Form {
            lang,
            sections: content::sections(lang, &label),
        }
    }

    /// Every top-level question, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|section| &section.questions)
    }

    /// Every answerable pointer, with list fields written as `/list/*/field`.
    pub fn pointers(&self) -> Vec<String> {
        let mut out = Vec::new();
        for question in self.questions() {
            if question.kind == Kind::List {
                for field in &question.fields {
                    out.push(format!("{}/*{}", question.pointer, field.pointer));
                }
            } else {
                out.push(question.pointer.clone());
            }
        }
        out
    }

    /// Which sections and questions show for `value`, a partly filled assessment as JSON.
    ///
    /// ```
    /// use lindung::{form::Form, Lang};
    /// let form = Form::new(Lang::Id);
    /// let answers = lindung::json::read(br#"{"caseTypes": ["kpo"]}"#)?.value;
    /// let shown = form.visibility(&answers);
    /// assert!(shown.sections.contains(&"trafficking".to_owned()));
    /// assert!(!shown.sections.contains(&"violence".to_owned()));
    /// # Ok::<(), lindung::json::SyntaxError>(())
    /// ```
    pub fn visibility(&self, value: &Value) -> Visibility {
        visibility::evaluate(self, value)
    }
}

#[cfg(test)]
mod tests;
