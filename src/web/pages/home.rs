//! Home: what the tool is, and — as plainly — what it is not.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, use_i18n};

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page home">
            <h1>{t!(i18n, shell.home_title)}</h1>
            <p class="lead">{t!(i18n, shell.home_lead)}</p>
            <p><A href="/assess" attr:class="button primary">{t!(i18n, shell.home_start)}</A></p>
            <div class="columns">
                <section>
                    <h2>{t!(i18n, shell.home_is_title)}</h2>
                    <ul>
                        <li>{t!(i18n, shell.home_is_1)}</li>
                        <li>{t!(i18n, shell.home_is_2)}</li>
                        <li>{t!(i18n, shell.home_is_3)}</li>
                    </ul>
                </section>
                <section>
                    <h2>{t!(i18n, shell.home_not_title)}</h2>
                    <ul>
                        <li>{t!(i18n, shell.home_not_1)}</li>
                        <li>{t!(i18n, shell.home_not_2)}</li>
                    </ul>
                </section>
            </div>
            <section class="note">
                <h2>{t!(i18n, shell.home_privacy_title)}</h2>
                <p>{t!(i18n, shell.home_privacy_body)}</p>
            </section>
        </section>
    }
}
