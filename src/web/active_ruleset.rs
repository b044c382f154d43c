//! The ruleset the app evaluates with, loaded once.
//!
//! The ruleset embedded at build time, unless the host's `config.json` names an
//! override: `host_config::load_and_apply` installs it before the app mounts,
//! so every evaluation sees the same ruleset. Loading is validated by the core;
//! a broken ruleset is reported on the page, never a panic.

use std::cell::OnceCell;
use std::sync::Arc;

use enduse::ruleset::Ruleset;

thread_local! {
    static EMBEDDED: Result<Arc<Ruleset>, String> =
        Ruleset::embedded().map(Arc::new).map_err(|e| e.to_string());
    static OVERRIDE: OnceCell<Arc<Ruleset>> = const { OnceCell::new() };
}

/// Replaces the embedded ruleset with the host's; only the first call counts.
pub fn install_override(ruleset: Ruleset) {
    OVERRIDE.with(|o| {
        let _ = o.set(Arc::new(ruleset));
    });
}

/// The active ruleset, or the reason it could not be loaded.
pub fn get() -> Result<Arc<Ruleset>, String> {
    match OVERRIDE.with(|o| o.get().cloned()) {
        Some(ruleset) => Ok(ruleset),
        None => EMBEDDED.with(|r| r.clone()),
    }
}

/// "id version" for the footer and records.
pub fn label() -> String {
    match get() {
        Ok(r) => format!("{} {}", r.id(), r.version()),
        Err(_) => "—".to_string(),
    }
}
