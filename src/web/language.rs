//! The language switcher and the persistence of the user's choice.
//!
//! leptos_i18n would remember the choice in a cookie; a cookie travels with every
//! request to the host, so we keep it in `localStorage` instead.

use enduse::lang::Lang;
use leptos::prelude::*;

use crate::i18n::{Locale, t, use_i18n};
use crate::storage;

const STORAGE_KEY: &str = "enduse.lang";

/// Maps the core's language to the generated locale.
pub fn to_locale(lang: Lang) -> Locale {
    match lang {
        Lang::En => Locale::en,
        Lang::Ru => Locale::ru,
        Lang::Kk => Locale::kk,
    }
}

/// Maps the generated locale back to the core's language.
pub fn from_locale(locale: Locale) -> Lang {
    match locale {
        Locale::en => Lang::En,
        Locale::ru => Lang::Ru,
        Locale::kk => Lang::Kk,
    }
}

/// The saved choice, if any and valid.
pub fn saved() -> Option<Lang> {
    storage::get(STORAGE_KEY)
        .ok()
        .flatten()
        .and_then(|tag| Lang::from_tag(&tag))
}

/// The first of the browser's preferred languages that the app speaks
/// (`navigator.languages`, e.g. `ru-RU` → Russian), if any.
pub fn browser() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

/// The current language as a core `Lang` signal-derived value.
pub fn current() -> Lang {
    from_locale(use_i18n().get_locale())
}

/// Applies the saved language once at start-up.
pub fn restore() {
    if let Some(lang) = saved() {
        use_i18n().set_locale(to_locale(lang));
    }
}

/// A labelled `<select>` of the three languages.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            i18n.set_locale(to_locale(lang));
            // A failed save only means the choice is not remembered; the switch itself worked.
            let _ = storage::set(STORAGE_KEY, lang.tag());
        }
    };
    view! {
        <label class="lang-switch">
            <span>{t!(i18n, shell.language)}</span>
            <select id="language" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.tag()
                                lang=lang.tag()
                                selected=move || from_locale(i18n.get_locale()) == lang
                            >
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
