//! A declaration chain taken into the draft ("Use this chain in the
//! assessment"): its hops replace the questionnaire's, and the chain file is
//! kept beside the answers so the chain view can show each hop's
//! declaration status after a reload. The file is re-verified every time it
//! is read: the draft is never trusted to say a hop is signed.

use enduse::model::Hop;
use enduse::record::{ChainReport, DeclarationChain};
use leptos::prelude::*;

use super::ctx::Ctx;
use super::form::{CHAIN_FILE, Form};

/// The verdict on the chain file kept in the draft, if any.
pub fn stored_report(ctx: Ctx) -> Memo<Option<ChainReport>> {
    let file = Memo::new(move |_| ctx.form.with(|f| f.raw(CHAIN_FILE).map(str::to_string)));
    Memo::new(move |_| {
        file.get().and_then(|json| {
            DeclarationChain::from_bytes(json.as_bytes())
                .ok()
                .map(|chain| crate::key_book::verify_chain(&chain))
        })
    })
}

/// Replaces the draft's hops with a verified chain's, dropping the typed
/// texts of the old hops (they would otherwise shadow the new values).
pub fn use_chain(form: &mut Form, chain_json: &str, hops: Vec<Hop>) {
    let old: Vec<String> = form
        .raw
        .keys()
        .filter(|k| k.starts_with("chain.") && k.as_str() != CHAIN_FILE)
        .cloned()
        .collect();
    for key in old {
        form.raw.remove(&key);
    }
    form.set_raw(CHAIN_FILE, chain_json);
    form.tx.chain = hops;
}

/// The drafts a chain can be used in, most recent first: `(id, name)`.
pub fn draft_choices() -> Vec<(String, String)> {
    super::wizard::load_store()
        .map(|store| {
            store
                .by_recency()
                .into_iter()
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Uses a verified chain in a stored draft (from the verify page, where no
/// draft is open): the draft is read, changed as [`use_chain`] does, and saved.
pub fn use_chain_in_draft(id: &str, chain_json: &str, hops: Vec<Hop>) -> Result<(), String> {
    let store = super::wizard::load_store()?;
    let draft = store
        .get(id)
        .ok_or_else(|| format!("draft {id} no longer exists in this browser"))?;
    let mut form = Form::from_answers(&draft.answers).map_err(|e| e.to_string())?;
    use_chain(&mut form, chain_json, hops);
    form.sync();
    super::wizard::save(id, form.to_answers())
}
