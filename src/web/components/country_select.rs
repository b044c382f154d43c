//! The country picker: a native `<select>` of every ISO 3166-1 country, named
//! and sorted in the interface language.
//!
//! A native select is fully accessible and keyboard-searchable (typing the
//! first letters jumps to the country) without any script of our own.

use enduse::country::Country;
use enduse::lang::Lang;
use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};
use crate::language;

/// Every country sorted by its name in `lang`.
pub fn sorted_countries(lang: Lang) -> Vec<Country> {
    let mut all: Vec<Country> = Country::all().collect();
    all.sort_by_cached_key(|c| c.name(lang).to_lowercase());
    all
}

/// A labelled country select with a "not known" first option.
#[component]
pub fn CountrySelect(
    /// Unique id.
    id: String,
    /// The label.
    label: Signal<String>,
    /// The current country, if known.
    value: Signal<Option<Country>>,
    /// Called with the chosen country, or `None` for "not known".
    on_change: Callback<Option<Country>>,
    /// Hint under the label.
    #[prop(optional)]
    hint: Option<Signal<String>>,
    /// Label of the empty first option; "not known" by default.
    #[prop(optional)]
    empty_label: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = Memo::new(move |_| value.get().map(Country::code));
    let described = super::described_by(&id, hint.is_some(), false);
    let hint_view = super::hint_view(&id, hint);
    let empty = move || match empty_label {
        Some(text) => text.get(),
        None => t_string!(i18n, assess.country_unknown).to_string(),
    };
    let options = move || {
        let lang = language::current();
        sorted_countries(lang)
            .into_iter()
            .map(|country| {
                let code = country.code();
                view! {
                    <option value=code prop:selected=move || current.get() == Some(code)>
                        {country.name(lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let on_select = move |ev: leptos::ev::Event| {
        on_change.run(Country::parse(&event_target_value(&ev)).ok());
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            {hint_view}
            <select id=id aria-describedby=described on:change=on_select>
                <option value="" prop:selected=move || current.get().is_none()>{empty}</option>
                {options}
            </select>
        </div>
    }
}
