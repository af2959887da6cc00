//! Readers for the service directory's types.
