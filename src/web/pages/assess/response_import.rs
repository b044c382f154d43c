//! A response link opened on the exporter's side (`/declare` with a
//! response): the drafts in this browser whose requests it answers, and
//! taking it into one of them. The same checks as the results page's import
//! (`enduse::draft_declarations`): another draft's response is never
//! offered, a duplicate is reported, a replacement needs the user's yes.

use enduse::draft_declarations::Refusal;

/// A draft the response answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    /// Draft id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The request it answers.
    pub request_id: String,
    /// Already kept there.
    pub duplicate: bool,
    /// Would replace the response kept for that request.
    pub replaces: bool,
}

/// The drafts whose requests `bytes` answers, most recent first.
pub fn drafts_answered(bytes: &[u8]) -> Vec<Answered> {
    let Ok(store) = super::wizard::load_store() else {
        return Vec::new();
    };
    store
        .by_recency()
        .into_iter()
        .filter_map(|d| {
            let answered = |request_id: String, duplicate: bool, replaces: bool| Answered {
                id: d.id.clone(),
                name: d.name.clone(),
                request_id,
                duplicate,
                replaces,
            };
            match crate::key_book::offer_response(&d.declarations, bytes) {
                Ok(offer) => Some(answered(offer.request_id, false, offer.replaces.is_some())),
                Err(Refusal::Duplicate) => Some(answered(String::new(), true, false)),
                Err(_) => None,
            }
        })
        .collect()
}

/// Keeps the response in draft `id` (replacing the kept answer to the same
/// request only when `replace` is set).
pub fn import_into(id: &str, bytes: &[u8], replace: bool) -> Result<(), String> {
    let store = super::wizard::load_store()?;
    let draft = store
        .get(id)
        .ok_or_else(|| format!("draft {id} no longer exists in this browser"))?;
    let mut kept = draft.declarations.clone();
    let offer = crate::key_book::offer_response(&kept, bytes).map_err(|e| e.to_string())?;
    if offer.replaces.is_some() && !replace {
        return Err("a response to this request is already kept".into());
    }
    kept.accept(&offer);
    super::wizard::save_declarations(id, kept)
}
