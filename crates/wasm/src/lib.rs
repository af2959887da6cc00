//! WASM glue for lindung.
