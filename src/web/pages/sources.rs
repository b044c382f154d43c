//! Sources & method: every rule with its citations, generated from the ruleset.
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// The ruleset label shown in the footer.
pub fn ruleset_label() -> String {
    "—".to_string()
}

#[component]
pub fn Sources() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{t!(i18n, shell.sources_title)}</h1>
            <p class="lead">{t!(i18n, shell.sources_lead)}</p>
        </section>
    }
}
