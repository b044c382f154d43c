//! What the error boundary shows instead of a blank page.
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

#[component]
pub fn ErrorPanel(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="page error-panel" role="alert">
            <h1>{t!(i18n, shell.error_title)}</h1>
            <p>{t!(i18n, shell.error_body)}</p>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| view! { <li><code>{e.to_string()}</code></li> })
                        .collect_view()
                }}
            </ul>
            <button type="button" on:click=reload>{t!(i18n, shell.error_reload)}</button>
        </section>
    }
}
