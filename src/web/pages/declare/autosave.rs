//! The counterparty's declaration kept as typed, per request id, in this
//! browser's `localStorage`: a reload, a discarded background tab (phones do
//! this) or reopening the link gives back the form as it was. The
//! signatory's name and position are remembered across requests, since the
//! same director signs them all. The request being answered is kept too, so
//! a reload finds it (the link's fragment is gone from the address bar by
//! then). Nothing leaves the browser.

use chrono::NaiveDate;
use enduse::record::v1::DeclarationRequest;
use serde::{Deserialize, Serialize};

use super::form::DeclareForm;
use crate::storage::{self, StorageError};

/// Followed by `.<request id>`: the form as typed for that request.
pub const FORM_KEY: &str = "enduse.declaration-form";

/// The signatory's name and position, for the next declaration.
pub const SIGNATORY_KEY: &str = "enduse.declaration-signatory";

/// The request last opened on this page (as a chain file): the link's
/// fragment is taken out of the address bar once read, so a reload or a
/// discarded tab opens it again from here.
pub const OPEN_KEY: &str = "enduse.declaration-open";

/// Remembers the request being answered (its chain file).
pub fn remember_open(chain_json: &str) -> Result<(), StorageError> {
    storage::set(OPEN_KEY, chain_json)
}

/// The request last opened here, as stored (read again, never trusted).
pub fn reopened() -> Option<Vec<u8>> {
    storage::get(OPEN_KEY)
        .ok()
        .flatten()
        .map(String::into_bytes)
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Signatory {
    name: String,
    title: String,
}

fn form_key(request: &DeclarationRequest) -> String {
    format!("{FORM_KEY}.{}", request.request_id)
}

/// The form for `request`: as saved when there is a saved one that still
/// fits the request (same number of goods lines), else prefilled from the
/// request with the remembered signatory. `true` when it was restored.
pub fn restore(request: &DeclarationRequest, today: Option<NaiveDate>) -> (DeclareForm, bool) {
    let saved = storage::get(&form_key(request))
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<DeclareForm>(&text).ok())
        .filter(|form| form.quantities.len() == request.goods.len());
    match saved {
        Some(form) => (form, true),
        None => (fresh(request, today), false),
    }
}

/// A form prefilled from the request, with the remembered signatory.
pub fn fresh(request: &DeclarationRequest, today: Option<NaiveDate>) -> DeclareForm {
    let mut form = DeclareForm::for_request(request, today);
    if let Some(signatory) = storage::get(SIGNATORY_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<Signatory>(&text).ok())
    {
        form.signatory_name = signatory.name;
        form.signatory_title = signatory.title;
    }
    form
}

/// Keeps the form as typed, and the signatory for next time.
pub fn save(request: &DeclarationRequest, form: &DeclareForm) -> Result<(), StorageError> {
    let text = serde_json::to_string(form).map_err(|e| StorageError(e.to_string()))?;
    storage::set(&form_key(request), &text)?;
    if !form.signatory_name.trim().is_empty() || !form.signatory_title.trim().is_empty() {
        let signatory = Signatory {
            name: form.signatory_name.clone(),
            title: form.signatory_title.clone(),
        };
        let text = serde_json::to_string(&signatory).map_err(|e| StorageError(e.to_string()))?;
        storage::set(SIGNATORY_KEY, &text)?;
    }
    Ok(())
}

/// Forgets the form kept for `request` (the signatory stays remembered).
pub fn discard(request: &DeclarationRequest) -> Result<(), StorageError> {
    storage::remove(&form_key(request))
}
