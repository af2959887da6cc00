//! The nodes of a compiled schema: static tables the shape check walks, with every `$ref`
//! resolved to a node number. `cargo xtask codegen` writes the assessment schema's nodes as Rust
//! source (`compiled.rs`), so the library reads no schema text and compiles nothing at run time.

use super::pattern::Pattern;

/// JSON types as bits, so a set of them is one number.
pub(crate) const NULL: u8 = 1;
pub(crate) const BOOLEAN: u8 = 2;
pub(crate) const OBJECT: u8 = 4;
pub(crate) const ARRAY: u8 = 8;
pub(crate) const NUMBER: u8 = 16;
pub(crate) const INTEGER: u8 = 32;
pub(crate) const STRING: u8 = 64;
pub(crate) const TYPES: [(u8, &str); 7] = [
    (NULL, "null"),
    (BOOLEAN, "boolean"),
    (OBJECT, "object"),
    (ARRAY, "array"),
    (NUMBER, "number"),
    (INTEGER, "integer"),
    (STRING, "string"),
];

/// A compiled schema: its nodes and the one to start from.
#[derive(Debug)]
pub(crate) struct Shape {
    pub(crate) nodes: &'static [Node],
    pub(crate) root: u16,
}

/// One schema.
#[derive(Debug)]
pub(crate) struct Node {
    /// The accepted types; `0` accepts any. A parent's `anyOf` reads them to skip branches.
    pub(crate) types: u8,
    pub(crate) check: Check,
}

/// What a node asks of a value, in the order the check decides it.
#[derive(Debug)]
pub(crate) enum Check {
    /// `const` or `enum`, or `anyOf` / `oneOf` whose every branch is a constant (or `null`).
    Listed(&'static Listed),
    /// `anyOf` / `oneOf`: the branches' nodes.
    Branches(&'static [u16]),
    /// The type, then the keywords for the value's type.
    Typed(&'static Typed),
}

/// The keywords of a typed node, by the type they apply to; `None` asks nothing more.
#[derive(Debug)]
pub(crate) struct Typed {
    pub(crate) object: Option<&'static Object>,
    pub(crate) array: Option<&'static Array>,
    pub(crate) text: Option<&'static Text>,
    pub(crate) number: Option<&'static Number>,
}

/// The allowed texts (the schemas' constants are all text).
#[derive(Debug)]
pub(crate) struct Listed {
    /// As the schema lists them, for messages.
    pub(crate) values: &'static [&'static str],
    /// The values' positions in the order of the values sorted, so a text is looked up, not
    /// compared with each (the 67 indicator ids); a byte each, not a second table of texts.
    pub(crate) sorted: &'static [u8],
    /// True when a plain `null` branch (an optional answer) is among the choices.
    pub(crate) nullable: bool,
}

impl Listed {
    /// True when `text` is one of the allowed texts.
    pub(crate) fn contains(&self, text: &str) -> bool {
        self.sorted
            .binary_search_by(|at| {
                let value = self.values.get(usize::from(*at)).copied();
                value.unwrap_or_default().cmp(text)
            })
            .is_ok()
    }
}

/// `properties`, `required`, `additionalProperties` and `propertyNames`.
#[derive(Debug)]
pub(crate) struct Object {
    /// Property names, their nodes and whether they are required, sorted by name.
    pub(crate) properties: &'static [(&'static str, u16, bool)],
    /// The required names, in the schema's order, by their positions in `properties`: a byte
    /// each, not a second table of texts.
    pub(crate) required: &'static [u8],
    /// True when every required name is a property, listed once: then counting the required
    /// properties present tells whether any is missing.
    pub(crate) required_counted: bool,
    /// `None` accepts any other member.
    pub(crate) additional: Option<Additional>,
    pub(crate) property_names: Option<u16>,
}

/// What `additionalProperties` says of a member that is not a property, when it says anything.
#[derive(Debug)]
pub(crate) enum Additional {
    Refused,
    Checked(u16),
}

/// `items`, `minItems`, `maxItems` and `uniqueItems`.
#[derive(Debug)]
pub(crate) struct Array {
    pub(crate) items: Option<u16>,
    pub(crate) min_items: Option<u32>,
    pub(crate) max_items: Option<u32>,
    pub(crate) unique_items: bool,
}

/// `minLength`, `maxLength`, `pattern` (with its source, for messages) and `format`.
#[derive(Debug)]
pub(crate) struct Text {
    pub(crate) min_length: Option<u32>,
    pub(crate) max_length: Option<u32>,
    pub(crate) pattern: Option<(&'static Pattern, &'static str)>,
    pub(crate) format: Option<Format>,
}

/// The formats the check reads; a schema's other formats ask nothing, as in a validator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Date,
    DateTime,
}

impl Format {
    /// The format by its JSON Schema name.
    #[cfg(any(test, feature = "codegen"))]
    pub(crate) fn named(name: &str) -> Option<Format> {
        match name {
            "date" => Some(Format::Date),
            "date-time" => Some(Format::DateTime),
            _ => None,
        }
    }

    /// Its JSON Schema name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Date => "date",
            Format::DateTime => "date-time",
        }
    }
}

/// `minimum` and `maximum`.
#[derive(Debug)]
pub(crate) struct Number {
    pub(crate) minimum: Option<Bound>,
    pub(crate) maximum: Option<Bound>,
}

/// A numeric bound: its value, and its JSON text for messages (`0`, not `0.0`).
#[derive(Debug)]
pub(crate) struct Bound {
    pub(crate) value: f64,
    pub(crate) text: &'static str,
}
