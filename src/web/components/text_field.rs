//! A labelled single-line text input with an optional hint and inline error.

use leptos::prelude::*;

/// A text input that reports every keystroke.
#[component]
pub fn TextField(
    /// Unique id of the input.
    id: String,
    /// The label.
    label: Signal<String>,
    /// The text shown (what was typed, even when it does not parse).
    value: Signal<String>,
    /// Called with the text on every input.
    on_input: Callback<String>,
    /// Hint under the label.
    #[prop(optional)]
    hint: Option<Signal<String>>,
    /// The problem with the current text, if any.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// `text`, `date`, `url`...
    #[prop(default = "text")]
    input_type: &'static str,
    /// `decimal`, `numeric`... for on-screen keyboards.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Extra class on the wrapper.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let has_hint = hint.is_some();
    let described = {
        let id = id.clone();
        move || super::described_by(&id, has_hint, error.with(Option::is_some))
    };
    let hint_view = super::hint_view(&id, hint);
    let error_view = super::error_view(&id, error);
    let wrapper = match class {
        Some(extra) => format!("field {extra}"),
        None => "field".to_string(),
    };
    view! {
        <div class=wrapper>
            <label for=id.clone()>{move || label.get()}</label>
            {hint_view}
            <input
                id=id
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                prop:value=move || value.get()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {error_view}
        </div>
    }
}

/// A labelled multi-line text area.
#[component]
pub fn TextArea(
    /// Unique id.
    id: String,
    /// The label.
    label: Signal<String>,
    /// The text.
    value: Signal<String>,
    /// Called on every input.
    on_input: Callback<String>,
    /// Hint under the label.
    #[prop(optional)]
    hint: Option<Signal<String>>,
    /// Visible rows.
    #[prop(default = 3)]
    rows: u32,
) -> impl IntoView {
    let described = super::described_by(&id, hint.is_some(), false);
    let hint_view = super::hint_view(&id, hint);
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            {hint_view}
            <textarea
                id=id
                rows=rows
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
