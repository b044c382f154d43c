//! Native tests of the questionnaire's state module (`src/web/pages/assess/form.rs`).
//!
//! The web app only builds for wasm32, but this module is plain Rust over the
//! core, so it is compiled here as well and its unit tests run with `cargo test`.
#[path = "../src/web/pages/assess/form.rs"]
#[allow(dead_code)]
mod form;

#[path = "../src/web/pages/assess/steps.rs"]
#[allow(dead_code)]
mod steps;
