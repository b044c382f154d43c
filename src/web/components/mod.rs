//! Form controls shared by the questionnaire, and the wrappers pages share.
//!
//! Each control is labelled, usable with the keyboard alone, and reports a
//! problem next to the field (linked with `aria-describedby`) in words that
//! say how to fix it. Controls hold no state of their own: they show a value
//! and report changes, so the draft stays the single source of truth.

pub mod answer_group;
pub mod chain_report;
pub mod chain_view;
pub mod choice_select;
pub mod copy_link;
pub mod country_select;
pub mod key_book;
pub mod needs_ruleset;
pub mod record_actions;
pub mod sample_lists;
pub mod signing_key;
pub mod text_field;

use leptos::prelude::*;

/// The ids to put in `aria-describedby` for a field with an optional hint and error.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A field's hint paragraph.
pub fn hint_view(id: &str, hint: Option<Signal<String>>) -> impl IntoView + use<> {
    let hint_id = format!("{id}-hint");
    hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })
}

/// A field's error message, present only while there is one.
pub fn error_view(id: &str, error: Signal<Option<String>>) -> impl IntoView + use<> {
    let error_id = format!("{id}-error");
    move || {
        error.get().map(|message| {
            view! { <p class="field-error" id=error_id.clone()>{message}</p> }
        })
    }
}
