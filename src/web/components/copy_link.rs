//! A shareable link shown in a read-only field with a Copy button.
//!
//! Links carry whole documents in their fragment, so they are long: the field
//! lets the user select it by hand when the clipboard is not available
//! (insecure origin, permission refused).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{t, use_i18n};

/// The outcome of the last copy.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Yes,
    Failed,
}

/// A labelled read-only link with a Copy button.
#[component]
pub fn CopyableLink(
    /// Id of the input.
    id: &'static str,
    /// The label.
    label: Signal<String>,
    /// The link.
    link: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<Copied>);
    let text = link.clone();
    let copy = move |_| {
        let text = text.clone();
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            copied.set(Some(Copied::Failed));
            return;
        };
        spawn_local(async move {
            let done = JsFuture::from(clipboard.write_text(&text)).await;
            copied.set(Some(if done.is_ok() {
                Copied::Yes
            } else {
                Copied::Failed
            }));
        });
    };
    view! {
        <div class="field copy-link">
            <label for=id>{move || label.get()}</label>
            <div class="copy-row">
                <input id=id type="text" readonly prop:value=link on:focus=|ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                } />
                <button type="button" class="button" on:click=copy>{t!(i18n, records.copy)}</button>
            </div>
            <p class="hint" role="status">
                {move || match copied.get() {
                    Some(Copied::Yes) => Some(t!(i18n, records.copied).into_any()),
                    Some(Copied::Failed) => Some(t!(i18n, records.copy_failed).into_any()),
                    None => None,
                }}
            </p>
        </div>
    }
}

/// The app's address for a document fragment (`#/declare?r=…`): the site
/// root, so that the link works wherever the host serves `index.html`.
pub fn app_link(fragment: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}/{fragment}")
}
