//! The ruleset the app evaluates with, loaded once, when a page first needs it.
//!
//! The built-in ruleset is the site's `default.ruleset.json`: `rules/default.toml`
//! compiled by the build (`enduse ruleset compile`, `scripts/compile-ruleset.mjs`;
//! `ruleset::compiled` in the core), so the browser never parses TOML. It is a
//! file of the site (precached by the service worker), not a copy inside the
//! wasm: embedded, it added 30 KB to every first visit, although only the
//! questionnaire, its records and Sources use it.
//! [`NeedsRuleset`](crate::components::needs_ruleset) starts the load and shows
//! a status line meanwhile.
//!
//! A host's override (`config.json`) is fetched by `host_config` before the
//! app mounts and installed here; it wins. A compiled override is decoded like
//! the built-in one; a TOML override still works, through the ruleset parser's
//! own chunk, fetched only then. Loading is validated by the core; a broken or
//! missing file is reported on the page, never a panic.

use std::cell::RefCell;
use std::sync::Arc;

use enduse::ruleset::Ruleset;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::chunk::ChunkMissing;

/// The built-in ruleset's file on this site (compiled from `rules/default.toml`).
const BUILT_IN: &str = "default.ruleset.json";

/// Where the active ruleset stands.
#[derive(Clone)]
pub enum Status {
    /// Nothing has asked for it yet.
    Idle,
    /// Being fetched and parsed.
    Loading,
    Ready(Arc<Ruleset>),
    /// Why it could not be loaded (a readable sentence).
    Failed(String),
}

thread_local! {
    static STATUS: RefCell<Status> = const { RefCell::new(Status::Idle) };
    /// Wakes the views that read the status when it changes.
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

fn set(status: Status) {
    STATUS.with(|s| *s.borrow_mut() = status);
    CHANGED.with(|t| t.notify());
}

/// Fetches and validates a ruleset file of this site, compiled or TOML.
pub async fn fetch(path: &str) -> Result<Ruleset, String> {
    let text = crate::site::get_text(path)
        .await?
        .ok_or_else(|| format!("{path}: the file was not found on this site"))?;
    let read = if enduse::ruleset::is_compiled(&text) {
        decode(text).await
    } else {
        parse(text).await
    };
    match read {
        Ok(parsed) => parsed.map_err(|e| format!("{path}: {e}")),
        Err(ChunkMissing) => Err(format!(
            "{path}: the app's ruleset reader could not be fetched (offline, or the site \
             was updated since this page was opened); reload the page"
        )),
    }
}

/// Decodes a compiled ruleset.
///
/// A split point (see `routes.rs`): the JSON reader is in the main module
/// already, but the ruleset types' decoding code is needed only by pages that
/// evaluate, so it arrives with the first of them.
#[wasm_split(ruleset_decoder, wasm_split_path = ::leptos::wasm_split, fallible)]
#[allow(improper_ctypes_definitions)]
fn decode(text: String) -> Result<Result<Ruleset, String>, ChunkMissing> {
    Ok(Ruleset::from_compiled(&text).map_err(|e| e.to_string()))
}

/// Parses and validates a ruleset TOML file (a host's override that was not compiled).
///
/// A split point of its own: the TOML parser and the rule compiler are about
/// 88 KB brotli, and with the compiled built-in ruleset only such a host's
/// visitors download them.
#[wasm_split(ruleset_parser, wasm_split_path = ::leptos::wasm_split, fallible)]
#[allow(improper_ctypes_definitions)]
fn parse(text: String) -> Result<Result<Ruleset, String>, ChunkMissing> {
    Ok(Ruleset::from_toml_str(&text).map_err(|e| e.to_string()))
}

/// Makes the host's ruleset the active one; only a call before any load counts.
pub fn install_override(ruleset: Ruleset) {
    if matches!(STATUS.with(|s| s.borrow().clone()), Status::Idle) {
        set(Status::Ready(Arc::new(ruleset)));
    }
}

/// Starts loading the built-in ruleset, unless a ruleset is loaded or loading.
pub fn ensure_loaded() {
    let start = STATUS.with(|s| {
        let mut s = s.borrow_mut();
        let idle = matches!(*s, Status::Idle);
        if idle {
            *s = Status::Loading;
        }
        idle
    });
    if start {
        wasm_bindgen_futures::spawn_local(async {
            set(match fetch(BUILT_IN).await {
                Ok(ruleset) => Status::Ready(Arc::new(ruleset)),
                Err(reason) => Status::Failed(reason),
            });
        });
    }
}

/// The current status; reactive (a view or memo reading it re-runs when it changes).
pub fn status() -> Status {
    CHANGED.with(|t| t.track());
    STATUS.with(|s| s.borrow().clone())
}

/// The active ruleset, or the reason it is not available; reactive like [`status`].
pub fn get() -> Result<Arc<Ruleset>, String> {
    match status() {
        Status::Ready(ruleset) => Ok(ruleset),
        Status::Failed(reason) => Err(reason),
        Status::Idle | Status::Loading => Err(format!("{BUILT_IN}: not loaded yet")),
    }
}

/// "id version" for the footer and records; `None` while it is not loaded.
pub fn label() -> Option<String> {
    match status() {
        Status::Ready(r) => Some(format!("{} {}", r.id(), r.version())),
        Status::Failed(_) => Some("—".to_string()),
        Status::Idle | Status::Loading => None,
    }
}
