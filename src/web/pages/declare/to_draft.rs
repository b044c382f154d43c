//! A response link opened on the exporter's side: instead of a dead end,
//! the drafts in this browser whose requests it answers, each with an
//! "Import into this draft" button (asking before it replaces a kept answer),
//! then a link to that draft's results.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::pages::assess::response_import::{Answered, drafts_answered, import_into};
use crate::pages::assess::steps::Step;

#[component]
pub fn ResponseToDraft(
    /// The response as received.
    bytes: StoredValue<Vec<u8>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = RwSignal::new(bytes.with_value(|b| drafts_answered(b)));
    // `Some(Ok(id))` once imported, `Some(Err(reason))` when refused.
    let done = RwSignal::new(None::<Result<String, String>>);
    let import = move |draft: &Answered| {
        let result = bytes
            .with_value(|b| import_into(&draft.id, b, draft.replaces))
            .map(|()| draft.id.clone());
        done.set(Some(result));
        drafts.set(bytes.with_value(|b| drafts_answered(b)));
    };
    view! {
        <section class="response-to-draft" aria-labelledby="response-to-draft-heading">
            <h2 id="response-to-draft-heading">{t!(i18n, records.to_draft_heading)}</h2>
            {move || match done.get() {
                Some(Ok(id)) => view! {
                    <p class="note" role="status">
                        {t!(i18n, records.to_draft_done)} " "
                        <a href=Step::Results.href(&id) id="to-draft-results">{t!(i18n, records.to_draft_open)}</a>
                    </p>
                }.into_any(),
                Some(Err(reason)) => view! {
                    <p class="alert" role="status">{t!(i18n, records.to_draft_failed, reason = move || reason.clone())}</p>
                }.into_any(),
                None => ().into_any(),
            }}
            {move || {
                let list = drafts.get();
                if list.is_empty() {
                    return view! { <p class="muted">{t!(i18n, records.to_draft_none)}</p> }.into_any();
                }
                view! {
                    <ul class="to-draft-list">
                        {list.into_iter().map(|d| {
                            let name = d.name.clone();
                            let request_id = d.request_id.clone();
                            let note = if d.duplicate {
                                view! { " " <span class="muted">{t!(i18n, records.to_draft_already)}</span> }.into_any()
                            } else if d.replaces {
                                view! { " " <span class="note">{t!(i18n, records.to_draft_replaces, id = move || request_id.clone())}</span> }.into_any()
                            } else {
                                ().into_any()
                            };
                            let duplicate = d.duplicate;
                            let replaces = d.replaces;
                            let draft = StoredValue::new(d);
                            view! {
                                <li>
                                    <strong>{name}</strong>
                                    {note}
                                    " "
                                    {(!duplicate).then(|| view! {
                                        <button type="button" class="button" data-draft=draft.with_value(|d| d.id.clone())
                                            on:click=move |_| draft.with_value(|d| import(d))>
                                            {if replaces {
                                                t!(i18n, records.response_replace_yes).into_any()
                                            } else {
                                                t!(i18n, records.to_draft_import).into_any()
                                            }}
                                        </button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
