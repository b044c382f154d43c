//! A yes / no / don't know question as a radio group in a fieldset.
//!
//! "Don't know" is a real answer ([`Answer::Unknown`]): the engine counts it as
//! missing information, never as "no", so it is always offered.

use enduse::model::Answer;
use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};

/// Three radio buttons under a legend.
#[component]
pub fn AnswerGroup(
    /// Unique id; the radios are `<id>-yes`, `<id>-no`, `<id>-unknown`.
    id: String,
    /// The question.
    legend: Signal<String>,
    /// Extra explanation under the question.
    #[prop(optional)]
    hint: Option<Signal<String>>,
    /// The current answer.
    value: Signal<Answer>,
    /// Called with the new answer.
    on_change: Callback<Answer>,
) -> impl IntoView {
    let i18n = use_i18n();
    let described = super::described_by(&id, hint.is_some(), false);
    let hint_view = super::hint_view(&id, hint);
    let options = [Answer::Yes, Answer::No, Answer::Unknown]
        .into_iter()
        .map(|answer| {
            let input_id = format!("{id}-{}", answer.as_str());
            let for_id = input_id.clone();
            let label = move || match answer {
                Answer::Yes => t_string!(i18n, assess.answer_yes).to_string(),
                Answer::No => t_string!(i18n, assess.answer_no).to_string(),
                Answer::Unknown => t_string!(i18n, assess.answer_unknown).to_string(),
            };
            view! {
                <label class="answer-option" for=for_id>
                    <input
                        type="radio"
                        id=input_id
                        name=id.clone()
                        value=answer.as_str()
                        prop:checked=move || value.get() == answer
                        on:change=move |_| on_change.run(answer)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question answer-group" id=id.clone() aria-describedby=described>
            <legend>{move || legend.get()}</legend>
            {hint_view}
            <div class="answer-options">{options}</div>
        </fieldset>
    }
}
