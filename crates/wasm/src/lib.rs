//! WASM glue for lindung: JSON text in, JSON out, errors as data. No domain logic lives here.
//!
//! [`Session`] is the whole API in plain Rust (so native tests run the very code the browser
//! runs); the `js` module exports it to JavaScript with `wasm-bindgen`.

mod js;
mod session;

pub use session::{Session, MAX_INPUT_BYTES};

/// The module's allocator: Talc in place of the standard library's dlmalloc, smaller in the
/// module (about 3 KB gzip) and faster at the many small allocations a JSON document makes.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
