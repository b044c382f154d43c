//! Counterparty declaration: where a buyer or end user opens an exporter's request.
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

#[component]
pub fn Declare() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{t!(i18n, shell.declare_title)}</h1>
            <p class="lead">{t!(i18n, shell.declare_lead)}</p>
        </section>
    }
}
