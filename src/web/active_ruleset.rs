//! The ruleset the app evaluates with, loaded once.
//!
//! Today this is the ruleset embedded at build time; a host's override file
//! (self-hosting configuration) replaces it before first use. Loading is
//! validated by the core; a broken ruleset is reported on the page, never a panic.

use std::sync::Arc;

use enduse::ruleset::Ruleset;

thread_local! {
    static ACTIVE: Result<Arc<Ruleset>, String> =
        Ruleset::embedded().map(Arc::new).map_err(|e| e.to_string());
}

/// The active ruleset, or the reason it could not be loaded.
pub fn get() -> Result<Arc<Ruleset>, String> {
    ACTIVE.with(|r| r.clone())
}

/// "id version" for the footer and records.
pub fn label() -> String {
    match get() {
        Ok(r) => format!("{} {}", r.id(), r.version()),
        Err(_) => "—".to_string(),
    }
}
