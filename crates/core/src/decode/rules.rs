//! Readers for the rule set's types and the condition language.
