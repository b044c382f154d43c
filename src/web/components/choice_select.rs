//! A `<select>` over one of the model's closed answer sets (sector, payment method...).
//!
//! The first option is "not known", so a choice can always be taken back to
//! unknown: a wrong guess is worse than admitted missing information.

use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};

/// A select of symbol names with translated labels.
#[component]
pub fn ChoiceSelect(
    /// Unique id.
    id: String,
    /// The label.
    label: Signal<String>,
    /// The accepted names, in display order (`Symbol::NAMES`).
    names: &'static [&'static str],
    /// The translated label of a name.
    label_of: Callback<&'static str, String>,
    /// The current name, if known.
    value: Signal<Option<&'static str>>,
    /// Called with the chosen name, or `None` for "not known".
    on_change: Callback<Option<&'static str>>,
    /// Hint under the label.
    #[prop(optional)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = Memo::new(move |_| value.get());
    let described = super::described_by(&id, hint.is_some(), false);
    let hint_view = super::hint_view(&id, hint);
    let on_select = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        on_change.run(names.iter().copied().find(|n| *n == chosen));
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            {hint_view}
            <select id=id aria-describedby=described on:change=on_select>
                <option value="" prop:selected=move || current.get().is_none()>
                    {move || t_string!(i18n, assess.choice_unknown).to_string()}
                </option>
                {names
                    .iter()
                    .map(|name| {
                        let name: &'static str = name;
                        view! {
                            <option value=name prop:selected=move || current.get() == Some(name)>
                                {move || label_of.run(name)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
