//! New assessment: the drafts kept in this browser, and the questionnaire.
//!
//! `/assess` lists the drafts (open, rename, duplicate, export, delete,
//! import); `/assess/:draft/:step` is the questionnaire with its live risk
//! panel, and `/assess/:draft/results` the assessment.

mod case_file;
mod chain_editor;
pub mod chain_import;
mod ctx;
mod engine;
pub mod form;
mod goods;
mod labels;
mod panel;
mod party;
mod questions;
pub mod response_import;
mod results;
mod review;
pub mod steps;
mod wizard;

use chrono::Utc;
use enduse::draft::{self, DraftStore};
use enduse::draft_declarations::DraftDeclarations;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::i18n::{t, t_string, use_i18n};
use crate::storage;
pub use wizard::AssessDraft;

use form::Form;
use steps::Step;

fn random_seed() -> u64 {
    // 53 random bits are plenty to keep draft ids unique within one browser.
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// The tag of an exported draft file.
const EXPORT_FORMAT: &str = "enduse-check-draft";

/// Largest import accepted: far above any real draft, far below what would hang the tab.
const MAX_IMPORT_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// An exported draft: its name, answers and declaration documents, in a
/// self-describing envelope (`declarations` is optional, so files exported
/// before it existed still import).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportedDraft {
    format: String,
    version: u32,
    name: String,
    answers: serde_json::Value,
    #[serde(default, skip_serializing_if = "DraftDeclarations::is_empty")]
    declarations: DraftDeclarations,
}

/// What an import gives: a name, the answers and the declaration documents.
type Imported = (String, serde_json::Value, DraftDeclarations);

/// Reads an import: an exported draft, or a bare transaction document (as
/// the CLI reads). The answers must open as a questionnaire, so a bad file is
/// refused with the reason instead of becoming a draft that cannot open.
///
/// The file is read by the same strict reader as the CLI's `assess` input
/// (duplicate member names, huge integers and over-deep nesting refused), so
/// the app and the CLI see one document.
fn read_import(text: &str, fallback_name: &str) -> Result<Imported, ImportProblem> {
    let value = enduse::strict_json::parse_str(text, &enduse::model::TRANSACTION_BOUNDS)
        .map_err(ImportProblem::Reading)?;
    let (name, answers, declarations) =
        if value.get("format").and_then(|f| f.as_str()) == Some(EXPORT_FORMAT) {
            let exported: ExportedDraft =
                serde_json::from_value(value).map_err(|e| ImportProblem::Shape(e.to_string()))?;
            if exported.version != 1 {
                return Err(ImportProblem::Shape(format!(
                    "draft file version {} is not supported",
                    exported.version
                )));
            }
            (exported.name, exported.answers, exported.declarations)
        } else {
            (
                fallback_name.to_string(),
                value,
                DraftDeclarations::default(),
            )
        };
    Form::from_answers(&answers).map_err(|e| ImportProblem::Shape(e.to_string()))?;
    // Kept as they came: every read re-verifies them, and one that does not
    // verify is shown as such, never used.
    Ok((name, answers, declarations))
}

/// Why an imported file did not become a draft.
enum ImportProblem {
    /// Refused by the strict reader (worded in the user's language).
    Reading(enduse::strict_json::JsonError),
    /// JSON, but not a questionnaire (the field and reason, as parsed).
    Shape(String),
}

/// Offers `text` as a file download named `file_name`.
fn download(file_name: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "no document".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name from a draft name: letters, digits and dashes only.
fn file_name(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() {
        "draft".to_string()
    } else {
        stem
    };
    format!("{stem}.enduse-draft.json")
}

#[component]
pub fn Assess() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = wizard::load_store();
    let load_error = loaded.as_ref().err().cloned();
    // If loading failed we must not overwrite what is stored: keep working in memory only.
    let writable = load_error.is_none();
    let store = RwSignal::new(loaded.unwrap_or_default());
    let save_error = RwSignal::new(None::<String>);
    let import_message = RwSignal::new(None::<Result<String, String>>);

    let persist = move || {
        if !writable {
            return;
        }
        let text = store.with_untracked(DraftStore::to_json);
        save_error.set(
            storage::set(draft::STORAGE_KEY, &text)
                .err()
                .map(|e| e.to_string()),
        );
    };

    let new_draft = move |_| {
        let name = t_string!(i18n, shell.drafts_default_name).to_string();
        store.update(|s| {
            s.create(&name, Utc::now(), random_seed());
        });
        persist();
    };

    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let file_label = file.name();
        if file.size() > MAX_IMPORT_BYTES {
            import_message.set(Some(Err(
                t_string!(i18n, assess.import_too_large).to_string()
            )));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let result = match text {
                None => Err(t_string!(i18n, assess.import_unreadable).to_string()),
                Some(text) => read_import(&text, &file_label).map_err(|problem| {
                    let reason = match problem {
                        ImportProblem::Reading(error) => {
                            crate::document_problem::input_text(i18n, &error)
                        }
                        ImportProblem::Shape(reason) => reason,
                    };
                    t_string!(
                        i18n,
                        assess.import_error,
                        file = file_label.clone(),
                        reason = reason
                    )
                    .to_string()
                }),
            };
            match result {
                Ok((name, answers, declarations)) => {
                    // A new draft every time: an import never overwrites an existing one.
                    store.update(|s| {
                        let id = s.create(&name, Utc::now(), random_seed());
                        s.save_answers(&id, answers, Utc::now());
                        s.save_declarations(&id, declarations, Utc::now());
                    });
                    persist();
                    import_message.set(Some(Ok(
                        t_string!(i18n, assess.import_done, name = name).to_string()
                    )));
                }
                Err(message) => import_message.set(Some(Err(message))),
            }
        });
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
            <p class="draft-actions">
                <button type="button" class="button primary" on:click=new_draft>{t!(i18n, shell.drafts_new)}</button>
                <label class="button" for="draft-import">{t!(i18n, assess.import_label)}</label>
                <input id="draft-import" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_import />
            </p>
            <div role="status">
                {move || import_message.get().map(|m| match m {
                    Ok(text) => view! { <p class="note">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="alert">{text}</p> }.into_any(),
                })}
            </div>
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
    let id = StoredValue::new(id);
    let name = move || {
        store.with(|s| {
            id.with_value(|id| s.get(id).map(|d| d.name.clone()))
                .unwrap_or_default()
        })
    };
    let updated = move || {
        store.with(|s| {
            id.with_value(|id| {
                s.get(id)
                    .map(|d| d.updated.format("%Y-%m-%d %H:%M UTC").to_string())
            })
            .unwrap_or_default()
        })
    };
    let rename = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        store.update(|s| {
            id.with_value(|id| s.rename(id, &value, Utc::now()));
        });
        persist();
    };
    let delete = move |_| {
        store.update(|s| {
            id.with_value(|id| s.delete(id));
        });
        persist();
    };
    let duplicate = move |_| {
        let copy_name = t_string!(i18n, assess.draft_copy_name, name = name()).to_string();
        store.update(|s| {
            let answers = id.with_value(|id| s.get(id).map(|d| d.answers.clone()));
            if let Some(answers) = answers {
                let new_id = s.create(&copy_name, Utc::now(), random_seed());
                s.save_answers(&new_id, answers, Utc::now());
            }
        });
        persist();
    };
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let exported = store.with_untracked(|s| {
            id.with_value(|id| s.get(id)).map(|d| ExportedDraft {
                format: EXPORT_FORMAT.to_string(),
                version: 1,
                name: d.name.clone(),
                answers: d.answers.clone(),
                declarations: d.declarations.clone(),
            })
        });
        if let Some(exported) = exported {
            let result = serde_json::to_string_pretty(&exported)
                .map_err(|e| e.to_string())
                .and_then(|text| download(&file_name(&exported.name), &text));
            export_error.set(result.err());
        }
    };
    let input_id = id.with_value(|id| format!("draft-name-{id}"));
    let href = id.with_value(|id| Step::Goods.href(id));
    let results_href = id.with_value(|id| Step::Results.href(id));
    view! {
        <li class="draft">
            <label for=input_id.clone()>{t!(i18n, shell.drafts_name_label)}</label>
            <input id=input_id type="text" prop:value=name on:change=rename />
            <span class="muted">{t!(i18n, shell.drafts_updated, when = updated)}</span>
            <span class="draft-buttons">
                <a class="button primary" href=href>
                    {t!(i18n, shell.drafts_open)}
                    <span class="visually-hidden">" " {name}</span>
                </a>
                <a class="button" href=results_href>{t!(i18n, assess.draft_results)}</a>
                <button type="button" class="button" on:click=duplicate>{t!(i18n, assess.draft_duplicate)}</button>
                <button type="button" class="button" on:click=export>{t!(i18n, assess.draft_export)}</button>
                <button type="button" class="button" on:click=delete>{t!(i18n, shell.drafts_delete)}</button>
            </span>
            {move || export_error.get().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
        </li>
    }
}
