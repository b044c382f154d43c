//! The page for an address the app does not know.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{t!(i18n, shell.not_found_title)}</h1>
            <p>{t!(i18n, shell.not_found_body)}</p>
            <p><A href="/">{t!(i18n, shell.not_found_home)}</A></p>
        </section>
    }
}
