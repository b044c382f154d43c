//! A wrapper for the pages that evaluate: their content appears once the
//! active ruleset is loaded (see `active_ruleset` for why it is loaded late).
//!
//! While it loads, a status line stands in for the page. If it cannot be
//! loaded the page is shown anyway: every use of the ruleset already reports
//! `active_ruleset::get`'s error in its place, as it did when the ruleset was
//! embedded.

use leptos::prelude::*;

use crate::active_ruleset::{self, Status};
use crate::i18n::{t, use_i18n};

#[component]
pub fn NeedsRuleset(children: ChildrenFn) -> impl IntoView {
    active_ruleset::ensure_loaded();
    let i18n = use_i18n();
    move || match active_ruleset::status() {
        Status::Idle | Status::Loading => view! {
            <p class="ruleset-loading" role="status">{t!(i18n, shell.ruleset_loading)}</p>
        }
        .into_any(),
        Status::Ready(_) | Status::Failed(_) => children().into_any(),
    }
}
