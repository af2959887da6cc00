//! WASM glue for lindung: JSON text in, JSON out, errors as data. No domain logic lives here.
//!
//! [`Session`] is the whole API in plain Rust (so native tests run the very code the browser
//! runs); the `js` module exports it to JavaScript with `wasm-bindgen`.

mod js;
mod session;

pub use session::{Session, MAX_INPUT_BYTES};
