//! Generates the typed translation module (leptos_i18n) for the web app.
//!
//! Translations live in `locales/<lang>/<namespace>.json`; a key missing from a
//! language or an interpolation mismatch is a build diagnostic, not a runtime
//! surprise. Only the wasm32 web app uses the module, so native builds (CLI,
//! tests, benchmarks) skip the work.
use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

/// One namespace per area of the app, so that each page's strings live in their own file.
const NAMESPACES: &[&str] = &[
    "shell",
    "assess",
    "hosting",
    "records",
    "screening",
    "chain",
    "keys",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return Ok(());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    let cfg = Config::new("en")?
        .add_locale("ru")?
        .add_locale("kk")?
        .add_namespaces(NAMESPACES.iter().copied())?
        // Lets `t_string!` take interpolated values, for texts built outside views
        // (option labels, aria attributes, file names).
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
