//! The open draft as the views see it: one signal for the whole form, with
//! small helpers that turn a getter or setter into a control's value or callback.

use leptos::prelude::*;

use super::form::Form;

/// The open draft.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The draft's id (for links).
    pub draft: StoredValue<String>,
    /// The answers.
    pub form: RwSignal<Form>,
    /// The declaration requests and responses kept with the draft.
    pub declarations: RwSignal<enduse::draft_declarations::DraftDeclarations>,
    /// The live assessment of the answers (the risk panel's), for views that
    /// mark what the findings are about (the chain view's flagged hops).
    pub assessment: Memo<Result<enduse::evaluate::Assessment, String>>,
}

impl Ctx {
    /// A value derived from the form.
    pub fn read<T>(self, get: impl Fn(&Form) -> T + Send + Sync + 'static) -> Signal<T>
    where
        T: Clone + Send + Sync + 'static,
    {
        let form = self.form;
        Signal::derive(move || form.with(|f| get(f)))
    }

    /// A callback that edits the form; the questionnaire-only flags are
    /// re-applied after every edit.
    pub fn write<T: 'static>(
        self,
        set: impl Fn(&mut Form, T) + Send + Sync + 'static,
    ) -> Callback<T> {
        let form = self.form;
        Callback::new(move |value: T| {
            form.update(|f| {
                set(f, value);
                f.sync();
            })
        })
    }

    /// Edits the form now.
    pub fn edit(self, change: impl FnOnce(&mut Form)) {
        self.form.update(|f| {
            change(f);
            f.sync();
        });
    }

    /// The address of `step` in this draft.
    pub fn href(self, step: super::steps::Step) -> String {
        self.draft.with_value(|id| step.href(id))
    }
}

/// A translated text as a signal: `tr!(i18n, assess.key)`.
macro_rules! tr {
    ($i18n:ident, $($key:tt)+) => {
        ::leptos::prelude::Signal::derive(move || $crate::i18n::t_string!($i18n, $($key)+).to_string())
    };
}
pub(crate) use tr;
