//! Verify a record: check an attestation record or declaration for tampering.
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

#[component]
pub fn Verify() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{t!(i18n, shell.verify_title)}</h1>
            <p class="lead">{t!(i18n, shell.verify_lead)}</p>
        </section>
    }
}
