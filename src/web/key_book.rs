//! The user's key book in the browser: kept in `localStorage` under
//! [`STORAGE_KEY`] in the core's file format (`enduse::keybook`, the same
//! file `enduse verify --trusted-keys` reads), and read afresh wherever a
//! signature is judged, so every page sees the same trust.
//!
//! A stored book that cannot be read is never silently replaced: it reads as
//! an empty book plus a message, and saving is refused until the user clears
//! it deliberately, so nothing already trusted is lost by accident.
//!
//! Every change bumps one revision signal that [`with_trust`] reads, so
//! views that judge signatures (Verify, the draft's declarations, chains)
//! follow the book without a reload.

use enduse::draft_declarations::{DraftDeclarations, Offer, OpenedDeclarations, Refusal};
use enduse::keybook::KeyBook;
use enduse::record::{ChainContext, ChainReport, DeclarationChain, verify_chain_with};
use enduse::trust::Trust;
use leptos::prelude::*;

use crate::{host_config, storage};

/// Where the key book lives in `localStorage`.
pub const STORAGE_KEY: &str = "enduse.key-book";

thread_local! {
    // Not owned by any view: it outlives the page that first reads it.
    static REVISION: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// Subscribes the running view or memo to key book changes.
fn track() {
    REVISION.with(|r| r.track());
}

fn bump() {
    REVISION.with(|r| r.update(|n| *n = n.wrapping_add(1)));
}

/// The saved book, and why it could not be read (if it could not).
/// Reactive: a view calling it re-renders after every change.
pub fn load() -> (KeyBook, Option<String>) {
    track();
    match storage::get(STORAGE_KEY) {
        Ok(Some(text)) if text.trim().is_empty() => (KeyBook::new(), None),
        Ok(Some(text)) => match KeyBook::from_json(&text) {
            Ok(book) => (book, None),
            Err(e) => (KeyBook::new(), Some(e.to_string())),
        },
        Ok(None) => (KeyBook::new(), None),
        Err(e) => (KeyBook::new(), Some(e.to_string())),
    }
}

/// The saved book as it stands now, for a change (not reactive).
pub fn load_for_change() -> Result<KeyBook, String> {
    match untrack(load) {
        (book, None) => Ok(book),
        (_, Some(problem)) => Err(problem),
    }
}

/// Saves the book and tells every view judging signatures.
pub fn save(book: &KeyBook) -> Result<(), String> {
    load_for_change()?;
    storage::set(STORAGE_KEY, &book.to_json()).map_err(|e| e.to_string())?;
    bump();
    Ok(())
}

/// Drops a stored book that cannot be read (the user's explicit choice).
pub fn clear_unreadable() -> Result<(), String> {
    storage::remove(STORAGE_KEY).map_err(|e| e.to_string())?;
    bump();
    Ok(())
}

/// Runs `f` with the trust in force: the saved book and the host's registry.
/// Reactive, like [`load`].
pub fn with_trust<R>(f: impl FnOnce(&Trust<'_>) -> R) -> R {
    let (book, _) = load();
    let host = host_config::current();
    f(&Trust::new(&book, host.config.key_registry.as_ref()))
}

/// A chain verified against the trust in force.
pub fn verify_chain(chain: &DeclarationChain) -> ChainReport {
    with_trust(|trust| {
        verify_chain_with(
            chain,
            &ChainContext {
                trust: *trust,
                own_request: None,
            },
        )
    })
}

/// A draft's declaration documents re-verified and judged against the trust
/// in force: a response counts as signed for the engine only when its key
/// is trusted (reactive, like [`load`]).
pub fn open_declarations(kept: &DraftDeclarations) -> OpenedDeclarations {
    with_trust(|trust| kept.open_with(trust))
}

/// A response offered to a draft, judged against the trust in force.
pub fn offer_response(kept: &DraftDeclarations, bytes: &[u8]) -> Result<Offer, Refusal> {
    with_trust(|trust| kept.offer_response_with(bytes, trust))
}
