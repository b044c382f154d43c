//! `/keys`: the user's key book (the keys whose signatures say who signed)
//! and the host's registry, read-only.

use leptos::prelude::*;

use crate::components::key_book::KeyBookPanel;
use crate::i18n::{t, use_i18n};

#[component]
pub fn Keys() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page keys-page">
            <h1>{t!(i18n, keys.page_title)}</h1>
            <KeyBookPanel />
        </section>
    }
}
