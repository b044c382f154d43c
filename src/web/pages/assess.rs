//! New assessment: the drafts kept in this browser, and the entry to the questionnaire.
use chrono::Utc;
use enduse::draft::{self, DraftStore};
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::storage;

/// Loads the store; on failure returns the message and leaves storage untouched.
fn load_store() -> Result<DraftStore, String> {
    let text = storage::get(draft::STORAGE_KEY).map_err(|e| e.to_string())?;
    DraftStore::load(text.as_deref()).map_err(|e| e.to_string())
}

fn random_seed() -> u64 {
    // 53 random bits are plenty to keep draft ids unique within one browser.
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

#[component]
pub fn Assess() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = load_store();
    let load_error = loaded.as_ref().err().cloned();
    // If loading failed we must not overwrite what is stored: keep working in memory only.
    let writable = load_error.is_none();
    let store = RwSignal::new(loaded.unwrap_or_default());
    let save_error = RwSignal::new(None::<String>);

    let persist = move || {
        if !writable {
            return;
        }
        let text = store.with_untracked(DraftStore::to_json);
        save_error.set(storage::set(draft::STORAGE_KEY, &text).err().map(|e| e.to_string()));
    };

    let new_draft = move |_| {
        let name = t_string!(i18n, shell.drafts_default_name).to_string();
        store.update(|s| {
            s.create(&name, Utc::now(), random_seed());
        });
        persist();
    };

    view! {
        <section class="page">
            <h1>{t!(i18n, shell.assess_title)}</h1>
            <p class="lead">{t!(i18n, shell.assess_lead)}</p>
            {load_error.map(|reason| view! {
                <p class="alert" role="alert">
                    {t!(i18n, shell.drafts_storage_error, reason = move || reason.clone())}
                </p>
            })}
            {move || save_error.get().map(|reason| view! { <p class="alert" role="alert">{reason}</p> })}
            <h2>{t!(i18n, shell.drafts_title)}</h2>
            <p><button type="button" class="button primary" on:click=new_draft>{t!(i18n, shell.drafts_new)}</button></p>
            <Show
                when=move || store.with(|s| !s.drafts.is_empty())
                fallback=move || view! { <p>{t!(i18n, shell.drafts_none)}</p> }
            >
                <ul class="drafts">
                    <For
                        each=move || store.with(|s| s.by_recency().into_iter().map(|d| d.id.clone()).collect::<Vec<_>>())
                        key=|id| id.clone()
                        let:id
                    >
                        <DraftRow id store persist />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn DraftRow(
    id: String,
    store: RwSignal<DraftStore>,
    persist: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = {
        let id = id.clone();
        move || store.with(|s| s.get(&id).map(|d| d.name.clone()).unwrap_or_default())
    };
    let updated = {
        let id = id.clone();
        move || {
            store.with(|s| {
                s.get(&id)
                    .map(|d| d.updated.format("%Y-%m-%d %H:%M UTC").to_string())
                    .unwrap_or_default()
            })
        }
    };
    let rename = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            store.update(|s| {
                s.rename(&id, &value, Utc::now());
            });
            persist();
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            store.update(|s| {
                s.delete(&id);
            });
            persist();
        }
    };
    let input_id = format!("draft-name-{id}");
    view! {
        <li class="draft">
            <label for=input_id.clone()>{t!(i18n, shell.drafts_name_label)}</label>
            <input id=input_id type="text" prop:value=name on:change=rename />
            <span class="muted">{t!(i18n, shell.drafts_updated, when = updated)}</span>
            <button type="button" class="button" on:click=delete>{t!(i18n, shell.drafts_delete)}</button>
        </li>
    }
}
