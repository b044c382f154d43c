//! The warning shown wherever screening results are shown while one of the
//! site's fictitious SAMPLE lists is loaded: a "no list match" against them
//! proves nothing. The test is the core's (`enduse::screening::ListMeta::sample`).

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// Whether any loaded list is a sample (reads the screening signal).
pub fn samples_loaded() -> bool {
    crate::screening_state::state().index.with(|index| {
        index
            .as_ref()
            .is_some_and(|i| i.lists().iter().any(|l| l.sample))
    })
}

/// "Fictitious sample lists: not a screening", with where to get the real
/// files; nothing while no sample list is loaded.
#[component]
pub fn SampleListsWarning() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        samples_loaded().then(|| {
            view! {
                <p class="alert sample-lists" role="note" data-sample="true">
                    <strong>{t!(i18n, screening.sample_warning)}</strong>
                    " "
                    {t!(i18n, screening.sample_real_lists)}
                </p>
            }
        })
    }
}
