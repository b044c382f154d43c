//! End-Use Check core: the pure domain behind the web app and the `enduse` CLI.
//!
//! Nothing in this crate touches the browser or the file system on its own:
//! every function takes data and returns data, so the same code runs natively
//! (tests, CLI, benchmarks) and in WebAssembly (the Leptos shell in `src/web`).

pub mod bank_screening;
pub mod case_file;
pub mod chain_status;
pub mod chain_summary;
pub mod config;
pub mod country;
pub mod csv_out;
pub mod draft;
pub mod draft_declarations;
pub mod evaluate;
pub mod hs;
pub mod hs_nomenclature;
pub mod keybook;
pub mod lang;
pub mod law_as_of;
pub mod model;
pub mod party_screening;
pub mod record;
pub mod ruleset;
pub mod screening;
pub mod screening_batch;
pub mod screening_files;
pub mod strict_json;
pub mod trust;
pub mod unicode_nfc;
pub mod version;
